"""The tickets system speaks a Zendesk-compatible subset under /tickets."""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import DemoIds


def _events_after(client: httpx.Client, cursor: int) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = client.get("/events/v1/events", params={"after": cursor}).json()[
        "events"
    ]
    return events


def test_a_comment_and_a_status_change_show_in_the_ticket_and_as_events(
    client: httpx.Client, demo: DemoIds
) -> None:
    number = int(demo.ticket_id.removeprefix("TCK-"))
    path = f"/tickets/api/v2/tickets/{number}"
    before = client.get(path).json()["ticket"]
    assert before["external_id"] == demo.ticket_id
    comments_before = client.get(f"{path}/comments").json()["comments"]
    cursor = client.get("/_sandbox/health").json()["last_cursor"]
    new_status = "pending" if before["status"] != "pending" else "open"

    reply = client.put(
        path,
        json={
            "ticket": {
                "comment": {"body": "We have sent a replacement.", "public": True},
                "status": new_status,
            }
        },
        headers={"Idempotency-Key": "zd-1"},
    )

    assert reply.status_code == 200, reply.text
    assert reply.json()["ticket"]["status"] == new_status
    assert client.get(f"{path}.json").json()["ticket"]["status"] == new_status
    by_external_id = client.get(f"/tickets/api/v2/tickets/{demo.ticket_id}").json()["ticket"]
    assert by_external_id["id"] == number
    comments = client.get(f"{path}/comments").json()["comments"]
    assert len(comments) == len(comments_before) + 1
    assert comments[-1]["body"] == "We have sent a replacement."
    assert comments[-1]["public"] is True
    events = _events_after(client, cursor)
    assert [e["type"] for e in events] == ["ticket.comment_added", "ticket.updated"]
    added, updated = events
    assert added["refs"]["ticket_id"] == demo.ticket_id
    assert added["message"]["author"] == "agent"
    assert added["message"]["text"] == "We have sent a replacement."
    assert updated["data"]["status"] == new_status
    assert updated["data"]["previous_status"] == before["status"]


def test_an_internal_note_is_a_private_comment(client: httpx.Client, demo: DemoIds) -> None:
    path = f"/tickets/api/v2/tickets/{demo.ticket_id}"
    cursor = client.get("/_sandbox/health").json()["last_cursor"]
    reply = client.put(
        path, json={"ticket": {"comment": {"body": "Checked with the carrier.", "public": False}}}
    )
    assert reply.status_code == 200
    assert client.get(f"{path}/comments").json()["comments"][-1]["public"] is False
    (event,) = _events_after(client, cursor)
    assert event["type"] == "ticket.comment_added"
    assert event["data"]["public"] is False


def test_errors_come_in_zendesk_shape(client: httpx.Client, demo: DemoIds) -> None:
    missing = client.get("/tickets/api/v2/tickets/1")
    assert missing.status_code == 404
    assert missing.json()["error"] == "RecordNotFound"
    bad = client.put(f"/tickets/api/v2/tickets/{demo.ticket_id}", json={"ticket": {"status": "x"}})
    assert bad.status_code == 422
    assert bad.json()["error"] == "RecordInvalid"
    assert "status" in bad.json()["description"]
