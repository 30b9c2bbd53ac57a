"""Renders one timeline event in full, as escaped HTML for the detail pane."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from console.ui import labels

if TYPE_CHECKING:
    from console.domain.events import TimelineEvent

_BODY_FIELDS = ("text",)


def _field_label(name: str) -> str:
    known = {
        "subject": QCoreApplication.translate("EventDetail", "Subject"),
        "language": QCoreApplication.translate("EventDetail", "Language"),
        "attachments": QCoreApplication.translate("EventDetail", "Attachments"),
        "call_duration_s": QCoreApplication.translate("EventDetail", "Call duration (s)"),
        "name": QCoreApplication.translate("EventDetail", "Event"),
        "subject_id": QCoreApplication.translate("EventDetail", "About"),
        "attributes": QCoreApplication.translate("EventDetail", "Attributes"),
        "proposal_id": QCoreApplication.translate("EventDetail", "Proposal"),
        "summary": QCoreApplication.translate("EventDetail", "Summary"),
        "confidence": QCoreApplication.translate("EventDetail", "Confidence"),
        "decision_id": QCoreApplication.translate("EventDetail", "Decision"),
        "decision_kind": QCoreApplication.translate("EventDetail", "Kind of decision"),
        "reason": QCoreApplication.translate("EventDetail", "Reason"),
        "execution_id": QCoreApplication.translate("EventDetail", "Execution"),
        "action": QCoreApplication.translate("EventDetail", "Action"),
        "state": QCoreApplication.translate("EventDetail", "State"),
        "remote_ref": QCoreApplication.translate("EventDetail", "Remote reference"),
        "error": QCoreApplication.translate("EventDetail", "Error"),
    }
    return known.get(name, name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return labels.yes_no(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    return "—" if value is None else str(value)


def render(event: TimelineEvent) -> str:
    payload = event.payload.model_dump(mode="json", exclude={"kind"})
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("EventDetail", "When"), labels.exact(event.occurred_at)),
        (QCoreApplication.translate("EventDetail", "Source"), labels.source(event.source)),
        (
            QCoreApplication.translate("EventDetail", "Who"),
            f"{event.actor.name} ({labels.actor_kind(event.actor.kind)})",
        ),
        (QCoreApplication.translate("EventDetail", "Kind"), labels.event_kind(event.kind)),
    ]
    attributes: dict[str, Any] = payload.pop("attributes", None) or {}
    body = [payload.pop(name) for name in _BODY_FIELDS if payload.get(name)]
    rows += [
        (_field_label(key), _value(value))
        for key, value in payload.items()
        if value not in (None, [], {})
    ]
    rows += [(key, _value(value)) for key, value in attributes.items()]
    table = "".join(
        f"<tr><td style='padding-right:12px'>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    paragraphs = "".join(f"<p style='white-space:pre-wrap'>{escape(text)}</p>" for text in body)
    return (
        f"<p><b>{escape(event.summary)}</b> "
        f"<span style='opacity:0.7'>#{event.seq or '?'}</span></p>"
        f"{paragraphs}<table cellspacing='0' cellpadding='2'>{table}</table>"
    )
