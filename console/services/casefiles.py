"""Case files: parse and validate them (listing every problem), import them, export them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from console.domain.case import Case
from console.domain.casefile import CaseFile, consistency_problems
from console.domain.customer import Customer
from console.domain.errors import ConflictError, InvalidInput, Issue
from console.domain.events import TimelineEvent
from console.store import Store
from console.store import repositories as repo

from .bus import CasesChanged, EventBus, Progress

IMPORT_TASK = "import"
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class ImportReport:
    files: int
    cases: int
    new_cases: int
    new_events: int
    duplicate_events: int


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _issues_from(error: ValidationError, source: str, data: Any) -> list[Issue]:
    issues: list[Issue] = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        if not loc and err["type"] == "value_error" and isinstance(data, dict):
            # The fields are valid but do not fit together: name each problem precisely.
            problems = consistency_problems(
                Customer.model_validate(data["customer"]),
                Case.model_validate(data["case"]),
                TypeAdapter(list[TimelineEvent]).validate_python(data.get("events", [])),
            )
            issues += [Issue(source, where, why) for where, why in problems]
            continue
        issues.append(Issue(source, _location(loc), err["msg"]))
    return issues


def parse_case_file(text: str | bytes, source: str) -> CaseFile:
    """Validate a case file's text; raises :class:`InvalidInput` listing every problem."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        raise InvalidInput(
            f"{source} is not valid JSON", [Issue(source, where, str(exc))]
        ) from None
    if not isinstance(data, dict):
        raise InvalidInput(
            f"{source} is not a case file",
            [Issue(source, "", "expected a JSON object with customer, case and events")],
        )
    try:
        return CaseFile.model_validate(data)
    except ValidationError as exc:
        issues = _issues_from(exc, source, data)
        raise InvalidInput(f"{source} is not a valid case file", issues) from None


class CaseFileService:
    def __init__(self, store: Store, bus: EventBus) -> None:
        self._store = store
        self._bus = bus

    @staticmethod
    def schema() -> dict[str, Any]:
        schema = CaseFile.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = "Tandem case file"
        return schema

    @staticmethod
    def parse(path: Path) -> CaseFile:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InvalidInput(
                    f"{path} is too large",
                    [Issue(str(path), "", f"{size} bytes; case files are at most 256 MiB")],
                )
            raw = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(
                f"{path} cannot be read", [Issue(str(path), "", exc.strerror or str(exc))]
            ) from None
        return parse_case_file(raw, str(path))

    def parse_all(
        self, paths: Sequence[Path], on_progress: Callable[[int, int], None] | None = None
    ) -> list[CaseFile]:
        """Parse every file; if any is invalid, raise one error listing all problems."""
        files: list[CaseFile] = []
        issues: list[Issue] = []
        for i, path in enumerate(paths, 1):
            try:
                files.append(self.parse(path))
            except InvalidInput as exc:
                issues += exc.issues
            if on_progress and (i % 20 == 0 or i == len(paths)):
                on_progress(i, len(paths))
        if issues:
            bad = len({issue.source for issue in issues})
            raise InvalidInput(
                f"{bad} of {len(paths)} file(s) are invalid; nothing was imported", issues
            )
        return files

    def _progress(self, done: int, total: int) -> None:
        self._bus.publish(Progress(IMPORT_TASK, done, total))

    async def import_files(self, paths: Sequence[Path]) -> ImportReport:
        """Import case files all or nothing: one transaction, after all of them validated."""
        paths = list(paths)
        loop = asyncio.get_running_loop()
        total = len(paths) * 2  # parsing, then writing

        def parsed(done: int, _: int) -> None:
            loop.call_soon_threadsafe(self._progress, done, total)

        try:
            files = await asyncio.to_thread(self.parse_all, paths, parsed)
        except InvalidInput:
            self._progress(1, 1)
            raise

        def write(db: Any) -> ImportReport:
            new_cases = new_events = duplicates = 0
            for i, case_file in enumerate(files, 1):
                try:
                    result = repo.put_case_file(db, case_file)
                except ConflictError as exc:
                    raise InvalidInput(
                        "nothing was imported", [Issue(f"{case_file.case.id}", "events", str(exc))]
                    ) from None
                new_cases += result.created
                new_events += result.new_events
                duplicates += result.duplicate_events
                if i % 50 == 0 or i == len(files):
                    loop.call_soon_threadsafe(self._progress, len(paths) + i, total)
            return ImportReport(len(paths), len(files), new_cases, new_events, duplicates)

        try:
            report = await self._store.write(write)
        finally:
            self._progress(1, 1)
        self._bus.publish(CasesChanged(tuple(f.case.id for f in files)))
        return report

    async def export(self, case_id: str) -> CaseFile:
        def load(conn: Any) -> CaseFile:
            case = repo.get_case(conn, case_id)
            customer = repo.get_customer(conn, case.customer_id)
            return CaseFile(customer=customer, case=case, events=repo.events(conn, case_id))

        return await self._store.read(load)
