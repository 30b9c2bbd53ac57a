"""The event feed: cursor polling, live server-sent events, resumption across a crash,
and the faults a stream can be made to show."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
from httpx_sse import ServerSentEvent, connect_sse

from console.sandbox.process import SandboxProcess

from .conftest import emit, http

ENVELOPE_KEYS = {
    "id",
    "cursor",
    "type",
    "system",
    "occurred_at",
    "refs",
    "summary",
    "data",
    "message",
}


def _sse(client: httpx.Client, **options: Any) -> Iterator[ServerSentEvent]:
    with connect_sse(client, "GET", "/events/v1/stream", **options) as source:
        assert source.response.status_code == 200
        yield from source.iter_sse()


def _take(events: Iterator[ServerSentEvent], count: int) -> list[ServerSentEvent]:
    return [next(events) for _ in range(count)]


def test_polling_pages_through_the_log_by_cursor(client: httpx.Client) -> None:
    start = client.get("/_sandbox/health").json()["last_cursor"]
    cursors = emit(client, 25)
    assert cursors == list(range(start + 1, start + 26))
    seen: list[int] = []
    after, has_more = start, True
    while has_more:
        page = client.get("/events/v1/events", params={"after": after, "limit": 10}).json()
        seen += [event["cursor"] for event in page["events"]]
        after, has_more = page["next_cursor"], page["has_more"]
    assert seen == cursors
    assert after == cursors[-1]
    empty = client.get("/events/v1/events", params={"after": after}).json()
    assert empty == {"events": [], "next_cursor": after, "has_more": False}
    event = client.get("/events/v1/events", params={"after": start, "limit": 1}).json()["events"][0]
    assert set(event) == ENVELOPE_KEYS
    assert client.get("/events/v1/events", params={"limit": 1001}).status_code == 400


def test_the_stream_delivers_new_events_live(client: httpx.Client, sandbox: SandboxProcess) -> None:
    start = client.get("/_sandbox/health").json()["last_cursor"]
    with http(sandbox.base_url) as reader:
        events = _sse(reader, params={"after": start})
        emit(client, 1, "shipment.delayed")
        first = next(events)  # the stream is open: this one came live
        emit(client, 2, "carrier.scan")
        more = _take(events, 2)
    assert [int(e.id) for e in [first, *more]] == [start + 1, start + 2, start + 3]
    assert [e.event for e in [first, *more]] == ["shipment.delayed", "carrier.scan", "carrier.scan"]
    envelope = json.loads(first.data)
    assert envelope["cursor"] == start + 1
    assert set(envelope) == ENVELOPE_KEYS


def test_the_stream_resumes_after_a_crash_without_loss_or_duplicates(
    own_sandbox: Callable[..., SandboxProcess],
) -> None:
    process = own_sandbox(demo_cases=0)
    with http(process.base_url) as client:
        emit(client, 6)
        events = _sse(client, params={"after": 0})
        seen = _take(events, 3)
        events.close()
    last_id = seen[-1].id
    process.kill()  # SIGKILL: no chance to tidy up

    restarted = own_sandbox(port=process.port, demo_cases=0)
    with http(restarted.base_url) as client:
        emit(client, 2)
        resumed = _take(_sse(client, headers={"Last-Event-ID": last_id}), 5)
        log = client.get("/events/v1/events", params={"after": 0}).json()["events"]
    ids = [int(e.id) for e in seen + resumed]
    assert ids == list(range(1, 9))
    assert [json.loads(e.data)["id"] for e in seen + resumed] == [e["id"] for e in log]


def test_stream_faults_duplicate_reorder_and_break_events(client: httpx.Client) -> None:
    start = client.get("/_sandbox/health").json()["last_cursor"]
    faults = {"stream_duplicate_rate": 0.2, "stream_reorder_rate": 0.2, "malformed_rate": 0.2}
    assert client.post("/_sandbox/faults", json={"seed": 7, "events": faults}).status_code == 200
    cursors = emit(client, 60)
    received: list[ServerSentEvent] = []
    events = _sse(client, params={"after": start})
    while {int(e.id) for e in received} != set(cursors):
        received.append(next(events))
    events.close()
    ids = [int(e.id) for e in received]
    assert len(ids) > len(set(ids)), "no duplicate"
    assert any(b < a for a, b in itertools.pairwise(ids)), "no reordering"
    assert any(not _valid(e.data) for e in received), "no malformed event"
    client.delete("/_sandbox/faults")
    clean = _take(_sse(client, params={"after": start}), 60)
    assert [int(e.id) for e in clean] == cursors
    assert all(_valid(e.data) for e in clean)


def test_a_raw_event_is_served_as_it_was_given(client: httpx.Client) -> None:
    start = client.get("/_sandbox/health").json()["last_cursor"]
    reply = client.post("/_sandbox/emit", json={"raw": "{this is not json"})
    assert reply.json()["cursor"] == start + 1
    (event,) = _take(_sse(client, params={"after": start}), 1)
    assert event.data == "{this is not json"
    polled = client.get("/events/v1/events", params={"after": start}).json()["events"]
    assert polled == ["{this is not json"]


def test_the_load_generator_emits_demo_events_at_its_rate(client: httpx.Client) -> None:
    reply = client.post("/_sandbox/generate", json={"rate": 2000, "seconds": 0.5})
    assert reply.status_code == 202
    start = reply.json()["starts_after_cursor"]
    events = _sse(client, params={"after": start})
    got = [json.loads(e.data) for e in _take(events, 1000)]
    events.close()
    assert all(set(e) == ENVELOPE_KEYS for e in got)
    assert {e["type"] for e in got} >= {"carrier.scan", "ticket.comment_added"}
    assert any(e["refs"]["order_id"] for e in got)


def test_an_idle_stream_sends_heartbeats_and_a_stop_ends_it_cleanly(
    own_sandbox: Callable[..., SandboxProcess],
) -> None:
    process = own_sandbox(demo_cases=0, env={"TANDEM_SANDBOX_HEARTBEAT_S": "0.2"})
    with http(process.base_url) as client:
        with client.stream("GET", "/events/v1/stream") as reply:
            lines = reply.iter_lines()
            assert next(lines) == ": heartbeat"
            emit(client, 1)
            assert [next(lines) for _ in range(2)] == ["id: 1", "event: shipment.delayed"]
            assert process.stop() == 0  # SIGTERM with the stream still open
            rest = list(lines)
        assert rest[0].startswith("data: {")
        assert not process.running


def _valid(data: str) -> bool:
    try:
        envelope = json.loads(data)
    except ValueError:
        return False
    return (
        isinstance(envelope, dict)
        and set(envelope) == ENVELOPE_KEYS
        and isinstance(envelope["cursor"], int)
        and isinstance(envelope["refs"], dict)
        and isinstance(envelope["data"], dict)
    )
