"""The ``tandem`` command: open the console, seed the demo, import and export case files."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
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
        help="the built-in playbooks or a language model with the playbooks as fallback "
        "(default: your setting, see 'tandem llm status', else playbook)",
    )
    plan.add_argument(
        "--llm-url",
        metavar="URL",
        help="chat-completions base URL (--planner llm; default: your setting)",
    )
    plan.add_argument(
        "--model", metavar="M", help="model name (--planner llm; default: your setting)"
    )
    plan.add_argument(
        "--now",
        metavar="ISO",
        help="the planner's 'now', e.g. 2026-03-01T09:00:00Z (default: the last event's time)",
    )

    _llm_parser(sub)
    _policy_parser(sub)
    _audit_parser(sub)
    _secret_parser(sub)
    sub.add_parser(
        "dispatch",
        help="send the data folder's approved actions (started by the console)",
        description="Run the write-back dispatcher for the data folder until standard input "
        "ends. The console starts it and hands it its configuration on standard input; "
        "only one runs per data folder.",
    )

    sandbox = sub.add_parser(
        "sandbox",
        help="serve the sandbox remote systems on loopback",
        description="Serve stand-ins for a contact centre's orders, payments, logistics, "
        "inventory, ticketing and customer-account systems over HTTP on loopback, with their "
        "event feed, seeded from the demo cases (the same --demo-cases and --seed as "
        "'tandem demo' give ids the console knows). Data lives in <data folder>/sandbox/. "
        "Ends cleanly on SIGTERM or Ctrl+C.",
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


LLM_DESCRIPTION = """\
Set up the language-model planner: any OpenAI-compatible chat-completions server (for
example a local one at http://127.0.0.1:11434/v1). The URL and model are settings in the
data folder; the API key lives in the OS keyring only, never in a file. With no keyring
service, set $TANDEM_LLM_API_KEY for the session instead (it also wins over the keyring).
"""


def _llm_parser(sub: Any) -> None:
    llm = sub.add_parser(
        "llm",
        help="configure the language-model planner and its API key",
        description=LLM_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = llm.add_subparsers(dest="llm_command", metavar="ACTION", required=True)
    configure = actions.add_parser(
        "configure",
        help="choose the planner, the server's URL and the model",
        description="Save the language model's URL and model in your settings and make it "
        "the planner (or switch back with --planner playbook; URL and model are kept).",
    )
    configure.add_argument("--url", metavar="URL", help="chat-completions base URL (http/https)")
    configure.add_argument("--model", metavar="M", help="model name, e.g. llama3.1:8b")
    configure.add_argument(
        "--planner",
        choices=["playbook", "llm"],
        default="llm",
        help="which planner the console uses (default: llm)",
    )
    actions.add_parser(
        "set-key",
        help="store the API key in the OS keyring",
        description="Read the API key (hidden, from the terminal; or one line from standard "
        "input when piped) and store it in the OS keyring. Without a keyring service the "
        "key is refused, never written to a file: set $TANDEM_LLM_API_KEY instead.",
    )
    actions.add_parser(
        "status",
        help="show the planner, URL, model and whether a key is stored",
        description="Show the planner settings and whether an API key is stored (never the "
        "key itself).",
    )
    actions.add_parser(
        "clear-key",
        help="remove the API key from the OS keyring",
        description="Remove the language model's API key from the OS keyring.",
    )


NO_KEYRING = (
    "no keyring service is available on this machine, so the key was not stored; Tandem "
    "never writes secrets in plain text; set TANDEM_LLM_API_KEY for this session instead"
)


def _llm(args: argparse.Namespace) -> int:
    from console.app import LLM_KEY_ENV, LLM_KEY_NAME, open_settings
    from console.connectors.secrets import SecretStore, SecretStoreError
    from console.services.settings import SettingsError

    if args.llm_command == "configure":
        settings = open_settings(args.data_dir)
        changes: dict[str, Any] = {"planner": args.planner}
        if args.url is not None:
            changes["llm_base_url"] = args.url
        if args.model is not None:
            changes["llm_model"] = args.model
        try:
            new = settings.update(**changes)
        except SettingsError as exc:
            return _fail(str(exc), EXIT_UNUSABLE)
        print(f"Planner: {new.planner}; URL: {new.llm_base_url or '-'}; "
              f"model: {new.llm_model or '-'} (saved in {settings.path}).")  # fmt: skip
        return EXIT_OK

    store = SecretStore()
    try:
        if args.llm_command == "status":
            current = open_settings(args.data_dir).settings
            print(f"planner: {current.planner}")
            print(f"url:     {current.llm_base_url or '-'}")
            print(f"model:   {current.llm_model or '-'}")
            if not store.available:
                stored = "no keyring service on this machine"
            elif store.get(LLM_KEY_NAME):
                stored = "stored in the OS keyring"
            else:
                stored = "not stored"
            print(f"api key: {stored}")
            if os.environ.get(LLM_KEY_ENV, "").strip():
                print(f"         ${LLM_KEY_ENV} is set and is used for this session")
            return EXIT_OK
        if not store.available:
            if args.llm_command == "clear-key":
                print("No keyring service on this machine: no key is stored.")
                return EXIT_OK
            return _fail(NO_KEYRING)
        if args.llm_command == "set-key":
            key = _read_key()
            if not key:
                return _fail("no key given; nothing was stored", EXIT_UNUSABLE)
            store.set(LLM_KEY_NAME, key)
            print("The API key is stored in the OS keyring.")
            return EXIT_OK
        if args.llm_command == "clear-key":
            removed = store.delete(LLM_KEY_NAME)
            print("The API key was removed." if removed else "No API key was stored.")
            return EXIT_OK
    except SecretStoreError as exc:
        return _fail(str(exc))
    raise AssertionError(f"unhandled llm action {args.llm_command}")


POLICY_DESCRIPTION = """\
Check a plan against the decision-authority map: which level each step needs (forbid,
suggest, agent, supervisor, auto_with_undo, auto), the rule that decided it and its clause,
and whether the given role may approve it. Reads files only; the store is not opened.
"""

POLICY_CHECK_EPILOG = """\
Cumulative caps count the money already approved or executed on the case (--spent-case)
and by the approving agent today (--spent-today), plus the plan's earlier money steps.
Repeat --spent-case/--spent-today for more currencies. With --case-file, the case's
journey, customer tier, sentiment and its order, payment and shipment ids are used too
(a step naming anything outside the case is refused).

Example:
  tandem plan case.json > plan.json
  tandem policy check plan.json --role agent --spent-today 420 USD
"""


def _policy_parser(sub: Any) -> None:
    policy = sub.add_parser(
        "policy",
        help="check plans against the decision-authority map",
        description=POLICY_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="print each step's verdict as JSON",
        description="Read a proposal as printed by 'tandem plan' and print, as JSON, each\n"
        "step's verdict: step id, action, level, rule id, clause, policy version and\n"
        "whether --role may approve it. Problems with the input are listed; the exit code\n"
        "is then 1.",
        epilog=POLICY_CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("plan_file", type=Path, metavar="PLAN_FILE", help="proposal JSON")
    check.add_argument(
        "--role",
        choices=("agent", "supervisor", "trainer"),
        default="agent",
        help="who would approve (default: agent); trainers act only with --sandbox",
    )
    check.add_argument(
        "--policy", type=Path, metavar="FILE", help="authority map YAML (default: the shipped map)"
    )
    for flag, what in (("--spent-case", "on this case"), ("--spent-today", "by the agent today")):
        check.add_argument(
            flag,
            nargs=2,
            action="append",
            default=[],
            metavar=("AMOUNT", "CURRENCY"),
            help=f"money already approved or executed {what}, e.g. 120 USD (repeatable)",
        )
    check.add_argument(
        "--case-file",
        type=Path,
        metavar="FILE",
        help="the case file: journey, tier, sentiment and the case's own references",
    )
    check.add_argument(
        "--sandbox", action="store_true", help="the plan runs in the training sandbox"
    )


def _policy(args: argparse.Namespace) -> int:
    from decimal import Decimal, InvalidOperation

    from pydantic import ValidationError

    from console.domain.authority import Role
    from console.domain.base import Money
    from console.domain.errors import InvalidInput, Issue
    from console.domain.proposal import Proposal
    from console.policy.authority import (
        EvaluationContext,
        evaluate_plan,
        load_policy,
        may_approve,
    )

    issues: list[Issue] = []
    totals: dict[str, dict[str, Decimal]] = {"spent_case": {}, "spent_today": {}}
    for name, pairs in (("spent_case", args.spent_case), ("spent_today", args.spent_today)):
        flag = "--" + name.replace("_", "-")
        for amount, currency in pairs:
            try:
                money = Money.of(Decimal(amount), currency)
            except (InvalidOperation, ValidationError):
                why = "give a non-negative amount and a currency code, e.g. 120.50 USD"
                issues.append(Issue(flag, f"{amount} {currency}", why))
                continue
            spent = totals[name]
            spent[money.currency] = spent.get(money.currency, Decimal(0)) + money.amount
    try:
        policy = load_policy(args.policy)
    except InvalidInput as exc:
        issues += exc.issues or [Issue(str(args.policy), "", str(exc))]
        policy = None
    proposal: Proposal | None = None
    source = args.plan_file.name
    try:
        proposal = Proposal.model_validate_json(args.plan_file.read_bytes())
    except OSError as exc:
        issues.append(Issue(source, "", exc.strerror or str(exc)))
    except ValidationError as exc:
        issues += [
            Issue(source, ".".join(str(p) for p in err["loc"]), err["msg"]) for err in exc.errors()
        ]
    context = EvaluationContext(role=Role(args.role), sandbox=args.sandbox, **totals)
    if args.case_file is not None:
        from console.services.casefiles import CaseFileService

        try:
            case_file = CaseFileService.parse(args.case_file)
        except InvalidInput as exc:
            issues += exc.issues or [Issue(args.case_file.name, "", str(exc))]
        else:
            case, refs = case_file.case, case_file.case.external_refs
            if proposal is not None and proposal.case_id != case.id:
                why = f"the plan is for case {proposal.case_id}, the case file is {case.id}"
                issues.append(Issue(args.case_file.name, "case.id", why))
            context = EvaluationContext(
                role=context.role,
                sandbox=context.sandbox,
                spent_case=context.spent_case,
                spent_today=context.spent_today,
                journey=case.journey,
                tier=case_file.customer.tier,
                sentiment=case.sentiment.label if case.sentiment else None,
                customer_id=case.customer_id,
                order_ids=frozenset(refs.order_ids),
                payment_ids=frozenset(refs.payment_ids),
                shipment_ids=frozenset(refs.shipment_ids),
                subscription_ids=frozenset([refs.subscription_id] if refs.subscription_id else []),
            )
    if issues or policy is None or proposal is None:
        return _fail(str(InvalidInput("the plan cannot be checked", issues)))
    verdicts = evaluate_plan(policy, proposal.steps, context)
    report = {
        "case_id": proposal.case_id,
        "proposal_id": proposal.id,
        "policy_version": policy.version,
        "role": context.role.value,
        "steps": [
            {
                "step_id": verdict.step_id,
                "action": step.action.value,
                "level": verdict.level.value,
                "rule_id": verdict.rule_id,
                "clause": verdict.clause,
                "policy_version": verdict.policy_version,
                "may_approve": may_approve(context.role, verdict.level, sandbox=context.sandbox),
            }
            for step, verdict in zip(proposal.steps, verdicts, strict=True)
        ],
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return EXIT_OK


AUDIT_DESCRIPTION = """\
The audit trail: every proposal, decision, execution, policy change and pause, hash-chained
and append-only, with signed checkpoints. 'verify' checks every record and checkpoint;
'export' writes the records for an auditor.
"""


def _audit_parser(sub: Any) -> None:
    audit = sub.add_parser(
        "audit",
        help="verify or export the audit trail",
        description=AUDIT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check every record's hash chain and every signed checkpoint",
        description="Check that no audit record was changed, removed, inserted or reordered "
        "and that every checkpoint's hash and signature hold. Prints the records and "
        "checkpoints checked and the first bad record with the reason; exit code 0 when "
        "the trail holds, 1 when it does not.",
    )
    export = actions.add_parser(
        "export",
        help="write the audit records as JSON Lines or CSV",
        description="Write each record's seq, recorded_at, actor, kind, subjects, payload, "
        "prev_hash and hash: in jsonl the payload is the JSON object that was hashed, in "
        "csv it is JSON text.",
    )
    export.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    export.add_argument(
        "--since", metavar="T", help="only records from this time on, e.g. 2026-03-01T00:00:00Z"
    )
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output"
    )
    for action in (verify, export):  # also accepted after the action, as with 'tandem --data-dir'
        action.add_argument(
            "--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS, help="data folder"
        )


def _audit(args: argparse.Namespace) -> int:
    from datetime import datetime

    from console.app import open_services
    from console.connectors.secrets import SessionSecrets
    from console.domain.errors import StoreError
    from console.services.audit import AuditService

    since = None
    if args.audit_command == "export" and args.since:
        try:
            since = datetime.fromisoformat(args.since.replace("Z", "+00:00"))
        except ValueError:
            return _fail(f"--since {args.since!r} is not an ISO 8601 time", EXIT_UNUSABLE)
        if since.tzinfo is None:
            return _fail("--since needs a time zone, e.g. 2026-03-01T00:00:00Z", EXIT_UNUSABLE)
    try:
        services = open_services(args.data_dir)
    except StoreError as exc:
        return _fail(str(exc), EXIT_UNUSABLE)
    try:
        # verify and export never sign, so the keyring is not even probed
        service = AuditService(services.store, services.data_dir, SessionSecrets())
        if args.audit_command == "verify":
            check = _run_async(service.verify())
            print(f"records checked:     {check.records}")
            print(f"checkpoints checked: {check.checkpoints}")
            if check.ok:
                print("The audit trail holds: no record or checkpoint was changed.")
                return EXIT_OK
            print(f"first bad record:    {check.first_bad}")
            print(f"reason:              {check.problem}")
            return EXIT_FAILED
        count = _run_async(service.export(args.output or sys.stdout, args.format, since))
        if args.output:
            print(f"Exported {count} audit record(s) to {args.output}.", file=sys.stderr)
        return EXIT_OK
    except (OSError, StoreError) as exc:
        return _fail(str(exc))
    finally:
        services.close()


def _secret_parser(sub: Any) -> None:
    secret = sub.add_parser(
        "secret",
        help="store the remote systems' credentials in the OS keyring",
        description="Connector files (resources/connectors/, or <data folder>/connectors/) "
        "name each credential they need (auth: {secret: NAME}); the secret itself lives only "
        "in the OS keyring. Where the machine has no keyring service, nothing is written: the "
        "console asks for the secret once per session instead.",
    )
    actions = secret.add_subparsers(dest="secret_command", metavar="ACTION", required=True)
    store = actions.add_parser(
        "set", help="store a secret (read hidden from the terminal, or one line of stdin)"
    )
    store.add_argument("name", metavar="NAME", help="the secret's name, as the connector names it")
    clear = actions.add_parser("clear", help="remove a secret from the OS keyring")
    clear.add_argument("name", metavar="NAME")
    actions.add_parser(
        "status", help="list the secrets the connectors need and whether each is stored"
    )


NO_KEYRING_SECRET = (
    "no keyring service is available on this machine, so the secret was not stored; Tandem "
    "never writes secrets in plain text; the console asks for it once per session instead"
)


def _needed_secrets(data_dir: Path | None) -> dict[str, list[str]]:
    """Each secret name the connector files use → the destinations that use it."""
    from console.app import Paths
    from console.connectors.registry import needed_secrets
    from console.services.writeback import connector_dir

    return needed_secrets(connector_dir(Paths.resolve(data_dir).data_dir))


def _secret(args: argparse.Namespace) -> int:
    from console.connectors.rest_config import ConnectorConfigError
    from console.connectors.secrets import SecretStore, SecretStoreError

    store = SecretStore()
    try:
        if args.secret_command == "status":
            try:
                needed = _needed_secrets(args.data_dir)
            except ConnectorConfigError as exc:
                return _fail(str(exc), EXIT_UNUSABLE)
            if not needed:
                print("The connectors need no secrets (the bundled sandbox takes none).")
            for name, destinations in sorted(needed.items()):
                if not store.available:
                    state = "no keyring here: asked for each session"
                else:
                    state = "stored" if store.get(name) else "NOT stored"
                print(f"{name}: {state} (used by {', '.join(sorted(destinations))})")
            return EXIT_OK
        if not store.available:
            if args.secret_command == "clear":
                print("No keyring service on this machine: no secret is stored.")
                return EXIT_OK
            return _fail(NO_KEYRING_SECRET)
        if args.secret_command == "set":
            value = _read_key("Secret (hidden): ")
            if not value:
                return _fail("nothing given; nothing was stored", EXIT_UNUSABLE)
            store.set(args.name, value)
            print(f"{args.name} is stored in the OS keyring.")
            return EXIT_OK
        removed = store.delete(args.name)
        print(f"{args.name} was removed." if removed else f"{args.name} was not stored.")
        return EXIT_OK
    except SecretStoreError as exc:
        return _fail(str(exc))


def _read_key(prompt: str = "API key (hidden): ") -> str:
    """The key from a hidden prompt on a terminal, else one line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt).strip()
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.strip()


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

    if args.command == "llm":
        return _llm(args)

    if args.command == "policy":
        return _policy(args)

    if args.command == "audit":
        return _audit(args)

    if args.command == "secret":
        return _secret(args)

    if args.command == "dispatch":
        from console.app import run_dispatcher

        return run_dispatcher(args.data_dir)

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
    from console.app import build_planner, open_settings
    from console.services.settings import Settings, SettingsError

    current = open_settings(args.data_dir).settings
    kind = args.planner or current.planner
    if kind == "llm":
        try:  # the same checks as the settings (an http(s) URL without credentials)
            Settings.from_dict(
                {
                    **current.to_dict(),
                    "planner": "llm",
                    "llm_base_url": args.llm_url or current.llm_base_url,
                    "llm_model": args.model or current.llm_model,
                }
            )
        except SettingsError as exc:
            return _fail(
                f"--planner llm needs --llm-url and --model, or 'tandem llm configure': {exc}",
                EXIT_UNUSABLE,
            )
    try:
        planner: Any = build_planner(current, kind=kind, base_url=args.llm_url, model=args.model)
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
