"""The ``tandem`` command: open the console, seed the demo, import and export case files."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any, TypeVar

from console import __version__

T = TypeVar("T")

EXIT_OK, EXIT_FAILED, EXIT_UNUSABLE = 0, 1, 2

DESCRIPTION = """\
Tandem: the console where a contact-centre agent and an AI resolve escalated cases together.

Every file Tandem writes (the case store, settings, logs) lives in one data folder:
--data-dir, else $TANDEM_DATA_DIR, else the platform's user data folder.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tandem",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tandem {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="folder for every file Tandem writes (default: $TANDEM_DATA_DIR or the "
        "platform's user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = sub.add_parser(
        "run",
        help="open the console",
        description="Open the console window on the data folder's case store.",
    )
    run.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="render the window offscreen, save it as a PNG and exit",
    )
    run.add_argument("--case", metavar="ID", help="open this case first")
    run.add_argument(
        "--reveal", metavar="EVENT_ID", help="open the case of this event and show the event"
    )
    run.add_argument(
        "--no-sandbox",
        action="store_true",
        help="do not start the sandbox remote systems (no live events); "
        "--screenshot never starts them",
    )
    run.add_argument(
        "--theme",
        choices=["light", "dark"],
        help="colour theme (default: your setting, else follow the system)",
    )
    run.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        help="interface language (default: your setting, else the system's)",
    )

    demo = sub.add_parser(
        "demo",
        help="seed demo cases (safe to run again)",
        description="Add realistic demo escalations to the store. The same --seed always "
        "gives the same cases; cases already there are kept, so running it again adds "
        "nothing twice.",
    )
    demo.add_argument(
        "--cases", type=int, default=120, metavar="N", help="how many demo cases (default: 120)"
    )
    demo.add_argument(
        "--seed", type=int, default=1, metavar="S", help="which demo set (default: 1)"
    )
    demo.add_argument(
        "--if-empty",
        action="store_true",
        help="only seed when the store holds no case yet (used by 'make run')",
    )

    imp = sub.add_parser(
        "import",
        help="import case files",
        description="Import case files (see 'tandem schema case-file'). All files are "
        "checked first; if any is invalid, every problem is listed and nothing is written.",
    )
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")

    exp = sub.add_parser(
        "export",
        help="export a case as a case file",
        description="Write a case, its customer and its whole timeline as a case file.",
    )
    exp.add_argument("case_id", metavar="CASE_ID")
    exp.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output"
    )

    schema = sub.add_parser(
        "schema",
        help="print a JSON Schema",
        description="Print the JSON Schema of one of Tandem's file formats.",
    )
    schema.add_argument("format", choices=["case-file"])

    plan = sub.add_parser(
        "plan",
        help="plan a case file and print the proposal",
        description="Read a case file, build the planner's facts (the newest 200 events) and "
        "print the proposed plan as JSON. Reads the file only; the store is not opened.",
    )
    plan.add_argument("file", type=Path, metavar="FILE")
    plan.add_argument(
        "--planner",
        choices=["playbook", "llm"],
        default="playbook",
        help="the built-in playbooks (default) or a language model with the playbooks as fallback",
    )
    plan.add_argument("--llm-url", metavar="URL", help="chat-completions base URL (--planner llm)")
    plan.add_argument("--model", metavar="M", help="model name (--planner llm)")
    plan.add_argument(
        "--now",
        metavar="ISO",
        help="the planner's 'now', e.g. 2026-03-01T09:00:00Z (default: the last event's time)",
    )

    sandbox = sub.add_parser(
        "sandbox",
        help="serve the sandbox remote systems on loopback",
        description="Serve stand-ins for a contact centre's orders, payments, logistics, "
        "inventory and ticketing systems over HTTP on loopback, with their event feed, "
        "seeded from the demo cases (the same --demo-cases and --seed as 'tandem demo' give "
        "ids the console knows). Data lives in <data folder>/sandbox/. Ends cleanly on "
        "SIGTERM or Ctrl+C.",
    )
    sandbox.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    sandbox.add_argument(
        "--port", type=int, default=8765, metavar="P", help="0 picks a free port (default: 8765)"
    )
    sandbox.add_argument(
        "--demo-cases", type=int, default=120, metavar="N", help="demo cases to seed (default: 120)"
    )
    sandbox.add_argument(
        "--seed", type=int, default=1, metavar="S", help="which demo set (default: 1)"
    )
    sandbox.add_argument(
        "--port-file", type=Path, metavar="F", help="write the bound port here once serving"
    )
    sandbox.add_argument(
        "--exit-with-parent",
        type=int,
        metavar="PID",
        help="stop when process PID (the console that started it) is gone",
    )
    sandbox.add_argument(
        "--key-lifetime",
        type=float,
        metavar="SECONDS",
        help="how long idempotency keys are kept (default: 86400)",
    )
    return parser


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"tandem: {message}", file=sys.stderr)
    return code


def _progress_bar(services: Any, task: str, unit: str) -> Callable[[], None]:
    """Show the bus's Progress events for ``task`` as a bar on stderr."""
    from tqdm import tqdm

    from console.services.bus import Progress

    bar: Any = None

    def on_progress(event: Progress) -> None:
        nonlocal bar
        if event.task != task or event.total <= 0:
            return
        if bar is None:
            bar = tqdm(
                total=event.total,
                unit=unit,
                file=sys.stderr,
                leave=False,
                disable=None,
                dynamic_ncols=True,
            )
        bar.total = event.total
        bar.update(event.done - bar.n)
        if event.finished:
            bar.close()

    unsubscribe: Callable[[], None] = services.bus.subscribe(Progress, on_progress)

    def finish() -> None:
        unsubscribe()
        if bar is not None:
            bar.close()

    return finish


def _run_async(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        from console.services.casefiles import CaseFileService

        print(json.dumps(CaseFileService.schema(), indent=2, ensure_ascii=False))
        return EXIT_OK

    if args.command == "sandbox":
        return _sandbox(args)

    if args.command == "plan":
        return _plan(args)

    from console.app import open_services
    from console.domain.errors import InvalidInput, NotFound, StoreError

    try:
        live = args.command == "run" and not args.no_sandbox and args.screenshot is None
        services = open_services(args.data_dir, sandbox=live)
    except StoreError as exc:
        return _fail(str(exc), EXIT_UNUSABLE)
    try:
        if args.command == "run":
            from console.ui.runner import run

            return run(
                services,
                screenshot=args.screenshot,
                case_id=args.case,
                theme=args.theme,
                reveal=args.reveal,
                lang=args.lang,
            )
        if args.command == "demo":
            return _demo(services, args)
        if args.command == "import":
            finish = _progress_bar(services, "import", "step")
            try:
                report = _run_async(services.casefiles.import_files(args.files))
            finally:
                finish()
            print(
                f"Imported {report.files} file(s): {report.new_cases} new case(s), "
                f"{report.cases - report.new_cases} updated; {report.new_events} new event(s), "
                f"{report.duplicate_events} already present."
            )
            return EXIT_OK
        if args.command == "export":
            case_file = _run_async(services.casefiles.export(args.case_id))
            text = case_file.model_dump_json(indent=2)
            if args.output:
                args.output.write_text(text + "\n", encoding="utf-8")
            else:
                print(text)
            return EXIT_OK
        raise AssertionError(f"unhandled command {args.command}")
    except InvalidInput as exc:
        return _fail(str(exc))
    except (NotFound, StoreError) as exc:
        return _fail(str(exc))
    finally:
        services.close()


def _demo(services: Any, args: argparse.Namespace) -> int:
    if args.cases < 0:
        return _fail("--cases cannot be negative", EXIT_UNUSABLE)
    if args.if_empty and not _run_async(services.demo.is_empty()):
        return EXIT_OK
    finish = _progress_bar(services, "demo", "case")
    try:
        created = _run_async(services.demo.seed(args.cases, args.seed))
    finally:
        finish()
    print(
        f"Demo: {created} new case(s) seeded ({args.cases - created} already there) "
        f"in {services.data_dir}."
    )
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    from datetime import datetime

    from console.ai.planner import PlanningError
    from console.ai.playbooks import PlaybookPlanner
    from console.domain.errors import InvalidInput
    from console.domain.facts import MAX_FACT_EVENTS, CaseFacts
    from console.services.casefiles import CaseFileService

    try:
        case_file = CaseFileService.parse(args.file)
    except InvalidInput as exc:
        return _fail(str(exc))
    if args.now:
        try:
            now = datetime.fromisoformat(args.now.replace("Z", "+00:00"))
        except ValueError:
            return _fail(f"--now {args.now!r} is not an ISO 8601 time", EXIT_UNUSABLE)
        if now.tzinfo is None:
            return _fail("--now needs a time zone, for example 2026-03-01T09:00:00Z", EXIT_UNUSABLE)
    elif case_file.events:
        now = case_file.events[-1].occurred_at
    else:
        now = case_file.case.updated_at
    facts = CaseFacts(
        case=case_file.case,
        customer=case_file.customer,
        events=case_file.events[-MAX_FACT_EVENTS:],
        now=now,
    )
    try:
        planner: Any = PlaybookPlanner()
        if args.planner == "llm":
            from console.ai.llm import LlmPlanner

            if not args.llm_url or not args.model:
                return _fail("--planner llm needs --llm-url and --model", EXIT_UNUSABLE)
            planner = LlmPlanner(args.llm_url, args.model, api_key=None, fallback=planner)
        proposal = _run_async(planner.plan(facts))
    except PlanningError as exc:
        return _fail(str(exc))
    print(json.dumps(proposal.model_dump(mode="json"), indent=2, ensure_ascii=False))
    return EXIT_OK


def _sandbox(args: argparse.Namespace) -> int:
    if args.demo_cases < 0:
        return _fail("--demo-cases cannot be negative", EXIT_UNUSABLE)
    if not 0 <= args.port <= 65535:
        return _fail("--port must be 0..65535", EXIT_UNUSABLE)
    from console.app import Paths
    from console.sandbox.server import serve

    data_dir = Paths.resolve(args.data_dir).data_dir
    return serve(
        data_dir / "sandbox",
        host=args.host,
        port=args.port,
        demo_cases=args.demo_cases,
        seed=args.seed,
        port_file=args.port_file,
        key_lifetime_s=args.key_lifetime,
        exit_with_parent=args.exit_with_parent,
    )
