"""The sentiment reading's reason, in the user's language, built from its cues.

The policy's ``reason`` is an English sentence; the header rebuilds the same sentence from
``reading.cues`` with translated words around the customer's own words, which are quoted
as they were written. Context "SentimentReason" in the translation file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from console.policy.sentiment import Cue, SentimentReading

MAX_WORDS = 4  # as the policy's reason
MAX_MARKS = 2
MAX_EVENTS = 3
_CONTACTS = re.compile(r"^(\d+)")
_NO_LIST = re.compile(r"^No word list for ([^:]+):")


def _quote(text: str) -> str:
    return QCoreApplication.translate("SentimentReason", '"%1"').replace("%1", text)


def _join(items: Sequence[str]) -> str:
    return QCoreApplication.translate("SentimentReason", ", ").join(items)


def reason_text(reading: SentimentReading) -> str:
    """The reason of ``reading`` in the installed language."""
    return build_reason(reading.cues, reading.score, reading.reason)


def cue_text(cue: Cue) -> str:
    """What a cue shows: the customer's words as written, an event's name, or the number
    of contacts in the user's language."""
    if cue.source == "repetition":
        found = _CONTACTS.match(cue.text)
        count = found.group(1) if found else "?"
        return QCoreApplication.translate("SentimentReason", "%1 contacts").replace("%1", count)
    return cue.text


def build_reason(cues: Sequence[Cue], score: float, english: str = "") -> str:
    parts: list[str] = []
    unknown = _NO_LIST.match(english)
    if unknown:  # the languages without a word list are named only in the policy's reason
        parts.append(
            QCoreApplication.translate(
                "SentimentReason", "No word list for %1: read from punctuation, contacts and events"
            ).replace("%1", unknown.group(1))
        )
    direction = -1.0 if score < 0 else 1.0 if score > 0 else 0.0
    words: dict[str, tuple[str, float]] = {}
    for cue in cues:
        if cue.source in ("lexicon", "negation"):
            key = cue.text.casefold()
            shown, total = words.get(key, (cue.text, 0.0))
            words[key] = (shown, total + cue.weight)
    ranked = sorted(words.values(), key=lambda item: (-abs(item[1]), item[0]))
    if direction:
        ranked = [item for item in ranked if item[1] * direction > 0]
    if ranked:
        cited = _join([_quote(shown) for shown, _ in ranked[:MAX_WORDS]])
        parts.append(
            QCoreApplication.translate("SentimentReason", "Words: %1").replace("%1", cited)
        )
    marks: list[str] = []
    for cue in cues:
        if cue.source == "punctuation" and cue.text not in marks and len(marks) < MAX_MARKS:
            marks.append(cue.text)
    if marks:
        text = _join([_quote(mark) for mark in marks])
        phrase = QCoreApplication.translate("SentimentReason", "punctuation %1").replace("%1", text)
        parts.append(phrase[:1].upper() + phrase[1:] if not parts else phrase)
    repetition = next((cue for cue in cues if cue.source == "repetition"), None)
    if repetition is not None:
        parts.append(cue_text(repetition))
    events = sorted(
        (cue for cue in cues if cue.source == "system_event" and cue.weight * direction >= 0),
        key=lambda cue: (cue.weight * -direction if direction else -abs(cue.weight), cue.text),
    )
    if events:
        parts.append(_join([cue.text for cue in events[:MAX_EVENTS]]))
    if not parts or (unknown and len(parts) == 1):
        parts.append(
            QCoreApplication.translate("SentimentReason", "No sentiment cues found")
            if not parts
            else QCoreApplication.translate("SentimentReason", "no sentiment cues found")
        )
    return QCoreApplication.translate("SentimentReason", "; ").join(parts)
