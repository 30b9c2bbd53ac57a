"""The Simplified Chinese translation keeps up with the code.

Every string the UI passes to ``self.tr("…")`` or ``QCoreApplication.translate("Ctx", "…")``
has a finished entry in ``tandem_zh_CN.ts`` under the context lupdate gives it (the enclosing
class for ``tr``), with the same placeholders and an accelerator where the source has one.
Reads the sources with ``ast`` and the .ts with ``xml.etree``: no Qt, no lupdate.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "console" / "ui"
TS = ROOT / "resources" / "translations" / "tandem_zh_CN.ts"

PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w*\}")
ACCELERATOR = re.compile(r"&(?!&)\S")  # "&&" is a literal ampersand
GONE = {"vanished", "obsolete"}  # kept for the record, not shown


@dataclass(frozen=True)
class Use:
    context: str
    source: str
    where: str


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool


def _literal(node: ast.expr) -> str | None:
    """The text of a plain string literal (implicitly joined parts included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Finder(ast.NodeVisitor):
    """``self.tr`` / ``cls.tr`` and ``QCoreApplication.translate`` calls, with their context."""

    def __init__(self, path: Path) -> None:
        self.where = path.relative_to(ROOT).as_posix()
        self.classes: list[str] = []
        self.uses: list[Use] = []
        self.dynamic: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func, where = node.func, f"{self.where}:{node.lineno}"
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "tr"
            and isinstance(func.value, ast.Name)
            and func.value.id in ("self", "cls")
        ):
            source = _literal(node.args[0]) if node.args else None
            if source is not None and self.classes:  # lupdate's context: the enclosing class
                self.uses.append(Use(self.classes[-1], source, where))
            else:
                self.dynamic.append(where)
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id == "QCoreApplication"
        ):
            context, source = (
                (_literal(a) for a in node.args[:2]) if len(node.args) >= 2 else (None, None)
            )
            if context is not None and source is not None:
                self.uses.append(Use(context, source, where))
            else:
                self.dynamic.append(where)
        self.generic_visit(node)


@cache
def _scan() -> tuple[tuple[Use, ...], tuple[str, ...]]:
    uses: list[Use] = []
    dynamic: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        finder = _Finder(path)
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        uses += finder.uses
        dynamic += finder.dynamic
    return tuple(uses), tuple(dynamic)


@cache
def _entries() -> dict[tuple[str, str], Entry]:
    entries: dict[tuple[str, str], Entry] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"[{name}] a message without <translation>"
            kind = translation.get("type")
            if kind in GONE:
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            source = message.findtext("source", "")
            entries[(name, source)] = Entry(
                name,
                source,
                tuple(forms) if forms else (translation.text or "",),
                kind == "unfinished",
            )
    return entries


def test_the_sources_use_translatable_strings() -> None:
    uses, _ = _scan()
    assert len(uses) > 500  # the scan found the UI's strings, not an empty folder


def test_every_translation_call_passes_literals() -> None:
    """lupdate only reads string literals: a variable or an f-string is never translated."""
    _, dynamic = _scan()
    assert not dynamic, "tr()/translate() without literal strings at: " + ", ".join(dynamic)


def test_every_ui_string_has_an_entry() -> None:
    uses, _ = _scan()
    entries = _entries()
    missing: dict[tuple[str, str], str] = {}  # one line a string, at its first use
    for u in uses:
        if (u.context, u.source) not in entries:
            missing.setdefault((u.context, u.source), f"[{u.context}] {u.source!r} ({u.where})")
    assert not missing, (
        f"{len(missing)} string(s) missing from {TS.name}; update it from the sources "
        "(docs/developer.md, Translations):\n" + "\n".join(missing.values())
    )


def test_every_entry_is_translated() -> None:
    unfinished = [
        f"[{e.context}] {e.source!r}"
        for e in _entries().values()
        if e.unfinished or not all(t.strip() for t in e.translations)
    ]
    assert not unfinished, f"{len(unfinished)} unfinished in {TS.name}:\n" + "\n".join(unfinished)


def test_translations_keep_placeholders_and_accelerators() -> None:
    wrong = []
    for e in _entries().values():
        wanted = sorted(PLACEHOLDER.findall(e.source))
        has_accelerator = bool(ACCELERATOR.search(e.source))
        for text in e.translations:
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                wrong.append(f"[{e.context}] {e.source!r} → {text!r}: placeholders differ")
            if bool(ACCELERATOR.search(text)) != has_accelerator:
                wrong.append(f"[{e.context}] {e.source!r} → {text!r}: accelerator differs")
    assert not wrong, "\n".join(wrong)
