"""P6: playbook planning time per case over the demo set.

Builds the planner's facts for N demo cases first (untimed), loads the playbooks once
(timed: YAML parse and validation), then times ``PlaybookPlanner.plan_now`` on each case.
Prints p50, p95 and max per case in milliseconds, and the verdict against the target:
p95 ≤ 5 ms.

Then the language-model planner's own overhead, model time excluded (``--llm-cases``, at
least 200; 0 skips it). A loopback chat-completions server (starlette on 127.0.0.1, port
picked by the system, in a thread) answers at once with a canned valid completion: the
playbook planner's proposal for the same case, written as the model's structured output.
Reported per case:

- in-process: prompt build (redaction) + request body + answer parse + validation +
  proposal, without HTTP — the planner's overhead proper;
- loopback end to end: ``LlmPlanner.plan`` over HTTP, an upper bound that includes the
  loopback transport and the server;
- server handler time, measured inside the server, and end to end minus it.

    .venv/bin/python bench/planner.py [--cases 1000] [--seed 1] [--rounds 3] [--check]
                                      [--llm-cases 300]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import socket
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from console.ai.llm import LlmPlanner  # noqa: E402
from console.ai.llm_prompt import build_prompt  # noqa: E402
from console.ai.playbook_model import load_playbooks  # noqa: E402
from console.ai.playbooks import PlaybookPlanner  # noqa: E402
from console.domain.facts import MAX_FACT_EVENTS, CaseFacts  # noqa: E402
from console.services.demo import generate_cases  # noqa: E402

TARGET_P95_MS = 5.0
ANCHOR = datetime(2026, 3, 1, tzinfo=UTC)


def _facts(cases: int, seed: int) -> list[CaseFacts]:
    out: list[CaseFacts] = []
    for cf in generate_cases(cases, seed, anchor=ANCHOR):
        now = cf.events[-1].occurred_at if cf.events else cf.case.updated_at
        events = cf.events[-MAX_FACT_EVENTS:]
        out.append(CaseFacts(case=cf.case, customer=cf.customer, events=events, now=now))
    return out


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000, help="demo cases (default: 1000)")
    parser.add_argument("--seed", type=int, default=1, help="demo seed (default: 1)")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes (default: 3)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    parser.add_argument(
        "--llm-cases",
        type=int,
        default=300,
        help="cases for the LLM planner's overhead, at least 200; 0 skips it (default: 300)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    facts = _facts(args.cases, args.seed)
    built = time.perf_counter() - started

    started = time.perf_counter()
    playbooks = load_playbooks()
    load_ms = (time.perf_counter() - started) * 1000
    planner = PlaybookPlanner(playbooks=playbooks)

    for case in facts[:50]:  # warm-up, untimed
        planner.plan_now(case)
    samples: list[float] = []
    for _ in range(args.rounds):
        for case in facts:
            t0 = time.perf_counter()
            planner.plan_now(case)
            samples.append((time.perf_counter() - t0) * 1000)

    p50, p95, worst = (
        statistics.median(samples),
        _percentile(samples, 0.95),
        max(samples),
    )
    print(f"P6 playbook planner — {platform.python_implementation()} {platform.python_version()}")
    print(f"{len(facts)} demo cases (seed {args.seed}), facts built in {built:.2f} s (untimed)")
    print(f"{args.rounds} round(s), {len(samples)} plans")
    print(f"playbook load (YAML + validation, once): {load_ms:8.2f} ms")
    print(f"{'per case':<39}{'p50':>8}{'p95':>8}{'max':>8}")
    print(f"{'plan_now (ms)':<39}{p50:8.3f}{p95:8.3f}{worst:8.3f}")
    ok = p95 <= TARGET_P95_MS
    print(f"target p95 ≤ {TARGET_P95_MS:.0f} ms: {'met' if ok else 'MISSED'}")
    if args.llm_cases:
        _llm_overhead(args.llm_cases, args.seed, planner)
    return 0 if ok or not args.check else 1


# --- the language-model planner's overhead ------------------------------------------------


def _canned_content(planner: PlaybookPlanner, facts: CaseFacts, event_ids: set[str]) -> str:
    """The playbook's proposal for ``facts`` as the model's structured answer."""
    proposal = planner.plan_now(facts)
    reasoning = [
        {
            "claim": r.claim,
            "evidence_event_ids": [e for e in r.evidence_event_ids if e in event_ids],
            "policy_clause": r.policy_clause,
        }
        for r in proposal.reasoning
    ] or [{"claim": proposal.summary, "evidence_event_ids": [], "policy_clause": None}]
    plan = {
        "summary": proposal.summary,
        "steps": [step.model_dump(mode="json") for step in proposal.steps],
        "reasoning": reasoning[:20],
        "alternatives": [
            {"description": a.description, "why_not": a.why_not} for a in proposal.alternatives
        ][:10],
        "questions": list(proposal.questions)[:5],
        "confidence": proposal.confidence,
    }
    return json.dumps(plan, ensure_ascii=False)


class _ChatServer:
    """A chat-completions endpoint on loopback that answers at once with ``self.content``."""

    def __init__(self) -> None:
        import uvicorn
        from starlette.applications import Starlette
        from starlette.requests import Request
        from starlette.responses import JSONResponse
        from starlette.routing import Route

        self.content = "{}"
        self.handler_s: list[float] = []

        async def completions(request: Request) -> JSONResponse:
            t0 = time.perf_counter()
            body = await request.json()  # read and decode the request as a server would
            answer = {
                "id": "chatcmpl-bench",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model", "bench"),
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": self.content},
                    }
                ],
            }
            response = JSONResponse(answer)
            self.handler_s.append(time.perf_counter() - t0)
            return response

        app = Starlette(routes=[Route("/v1/chat/completions", completions, methods=["POST"])])
        # IPPROTO_TCP spelled out: asyncio sets TCP_NODELAY on accepted connections only for
        # a listening socket that says so; without it each answer waits ~40 ms (Nagle).
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        port = self._sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}/v1"
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True
        )

    def __enter__(self) -> _ChatServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the loopback chat server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()


def _row(label: str, samples: list[float]) -> str:
    ms = [x * 1000 for x in samples]
    return f"{label:<39}{statistics.median(ms):8.3f}{_percentile(ms, 0.95):8.3f}{max(ms):8.3f}"


def _llm_overhead(count: int, seed: int, playbook: PlaybookPlanner) -> None:
    import httpx

    count = max(count, 200)
    cases: list[tuple[CaseFacts, str]] = []
    for facts in _facts(count, seed):
        # The planner refuses cases without consent to AI processing before any work;
        # give every case consent so each one measures the full path.
        consent = facts.customer.consent.model_copy(update={"ai_processing": True})
        customer = facts.customer.model_copy(update={"consent": consent})
        facts = facts.model_copy(update={"customer": customer})
        prompt = build_prompt(facts, max_events=60, max_chars=60_000)
        cases.append((facts, _canned_content(playbook, facts, prompt.event_ids)))

    offline = LlmPlanner("http://127.0.0.1:1/v1", "bench", fallback=None)
    inproc: list[float] = []
    for facts, content in cases:
        t0 = time.perf_counter()
        prompt = build_prompt(facts, max_events=60, max_chars=60_000)
        body = json.dumps(offline._request(list(prompt.messages)))
        plan = offline._decode(content, prompt.mapping, prompt.event_ids)
        offline._proposal(facts, plan)
        inproc.append(time.perf_counter() - t0)
        assert body

    with _ChatServer() as server:

        async def run_all() -> tuple[list[float], list[float], int]:
            e2e: list[float] = []
            handler: list[float] = []
            fallbacks = 0
            async with httpx.AsyncClient(trust_env=False) as client:
                llm = LlmPlanner(server.base_url, "bench", client=client, fallback=playbook)
                for i, (facts, content) in enumerate(cases):
                    server.content = content
                    server.handler_s.clear()
                    t0 = time.perf_counter()
                    proposal = await llm.plan(facts)
                    elapsed = time.perf_counter() - t0
                    if proposal.planner.name != "llm":
                        fallbacks += 1
                        continue
                    if i < 20:  # warm-up (connection, first validations), untimed
                        continue
                    e2e.append(elapsed)
                    handler.append(sum(server.handler_s))
            return e2e, handler, fallbacks

        e2e, handler, fallbacks = asyncio.run(run_all())

    print()
    print(f"LLM planner overhead, model time excluded — {len(cases)} demo cases (seed {seed})")
    print(f"{'per case':<39}{'p50':>8}{'p95':>8}{'max':>8}")
    print(_row("in-process build+parse+validate (ms)", inproc))
    if e2e:
        print(_row("loopback end to end, upper bound (ms)", e2e))
        print(_row("  server handler time (ms)", handler))
        print(
            _row(
                "  end to end − server handler (ms)",
                [a - b for a, b in zip(e2e, handler, strict=True)],
            )
        )
    print(f"{len(e2e)} timed over HTTP (20 warm-up); {fallbacks} answer(s) fell back")


if __name__ == "__main__":
    sys.exit(main())
