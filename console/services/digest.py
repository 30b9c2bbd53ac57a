"""What the customer has already told us, across channels, so nobody asks them again.

:meth:`DigestService.digest` reads the newest customer messages and notes of a case (at
most :data:`WINDOW`, whatever the case's size), splits them into sentences (English and
Chinese punctuation), drops greetings, sign-offs and pleasantries, and merges
near-duplicates told on several channels (token and character-bigram Jaccard
>= :data:`SAME_STATEMENT`, or one statement contained in the other), keeping the first
telling and counting the repeats. The most informative statements (order ids, amounts,
dates, product names, things said more than once) are kept, oldest first. The digest also
carries the customer's sentiment (:func:`console.policy.sentiment.assess`) over their
newest messages, the case's contact count and its system events.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from console.domain.kinds import EventSource
from console.policy.sentiment import CustomerText, SentimentReading, assess
from console.store import Store

__all__ = ["CaseDigest", "DigestService", "Statement"]

WINDOW: Final = 500  # newest customer messages and notes read
EVENT_WINDOW: Final = 500  # newest system events read
SENTIMENT_WINDOW: Final = 30  # newest customer messages the sentiment reads
SAME_STATEMENT: Final = 0.6  # Jaccard similarity from which two statements are one
CONTAINED: Final = 0.85  # share of the shorter statement's features found in the longer


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing the customer said (a sentence or clause); ``seq`` is its event's."""

    seq: int
    source: EventSource
    occurred_at: datetime
    text: str
    repeats: int = 0  # times it was said again later (on any channel)


@dataclass(frozen=True, slots=True)
class CaseDigest:
    statements: tuple[Statement, ...]  # distinct things told, oldest first
    repeats: int  # times the customer repeated something already said
    channels: tuple[EventSource, ...]  # channels used, in order of first use
    contacts: int
    sentiment: SentimentReading


class DigestService:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def digest(self, case_id: str, *, max_statements: int = 8) -> CaseDigest:
        """The case's digest; raises NotFound for an unknown case."""
        return await self._store.read(lambda conn: _digest(conn, case_id, max_statements))


# --- reading ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Said:
    seq: int
    source: EventSource
    occurred_at: datetime
    kind: str
    text: str
    language: str


def _said(conn: sqlite3.Connection, case_id: str) -> list[_Said]:
    """The case's newest WINDOW customer messages and notes, oldest first."""
    rows = conn.execute(
        "SELECT seq, source, occurred_at, kind, json_extract(payload, '$.text'),"
        " json_extract(payload, '$.language') FROM events"
        " WHERE case_id = ? AND kind IN ('customer_message', 'note')"
        " ORDER BY seq DESC LIMIT ?",
        (case_id, WINDOW),
    ).fetchall()
    return [
        _Said(seq, EventSource(source), datetime.fromisoformat(at), kind, text or "", lang or "")
        for seq, source, at, kind, text, lang in reversed(rows)
    ]


def _system_events(conn: sqlite3.Connection, case_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT json_extract(payload, '$.name') FROM events"
        " WHERE case_id = ? AND kind = 'system_event' ORDER BY seq DESC LIMIT ?",
        (case_id, EVENT_WINDOW),
    )
    return [name for (name,) in rows if name]


def _digest(conn: sqlite3.Connection, case_id: str, max_statements: int) -> CaseDigest:
    from console.store import repositories  # loads the pydantic models: only when needed

    case = repositories.get_case(conn, case_id)
    said = _said(conn, case_id)
    events = _system_events(conn, case_id)
    customer = [s for s in said if s.kind == "customer_message"]
    language = next((s.language for s in reversed(customer) if s.language), "en")
    channels: dict[EventSource, None] = {}
    for item in said:
        if item.kind == "customer_message" or item.source in _CHANNELS:
            channels.setdefault(item.source, None)
    statements, repeats = _merge(_sentences(said))
    newest = customer[::-1][:SENTIMENT_WINDOW]
    sentiment = assess(
        [CustomerText(s.text, s.language or language, rank) for rank, s in enumerate(newest)],
        contacts=case.contact_count,
        system_events=events,
    )
    return CaseDigest(
        statements=_most_informative(statements, max_statements),
        repeats=repeats,
        channels=tuple(channels),
        contacts=case.contact_count,
        sentiment=sentiment,
    )


_CHANNELS: Final = frozenset(
    {EventSource.CHAT, EventSource.EMAIL, EventSource.VOICE, EventSource.SMS}
)

# --- sentences --------------------------------------------------------------------------

_SPLIT = re.compile(r"(?<=[。！？；])|(?<=[.!?;…])\s+|\s*\n\s*")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_EN_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b"
    r"(?:[ \w.'-]{0,30}?)?\s*(?:[,!:.—-]+\s*|$)",
    re.IGNORECASE,
)
_EN_THANKS_LEAD = re.compile(
    r"^(?:(?:many |thanks? )?thanks|thank you|cheers)(?: (?:so|very) much)?\s*[,!.]+\s*",
    re.IGNORECASE,
)
_EN_PLEASANTRY = re.compile(
    r"^(?:"
    r"(?:many |thanks? )?thanks|thank you|cheers|regards|best|best wishes|kind regards"
    r"|best regards|warm regards|sincerely|yours sincerely|yours faithfully|take care"
    r"|(?:thanks|thank you)(?: (?:so|very) much)?(?: again)?(?: in advance)?"
    r"(?: for (?:your|the|all your) (?:help|time|patience|support))?"
    r"|i (?:really )?appreciate (?:the|your) help"
    r"|(?:could|can|would) you (?:please )?(?:look into (?:it|this)|help(?: me)?|check)"
    r"(?: (?:for me|please))?"
    r"|please (?:help|advise|look into (?:it|this))"
    r"|no rush,? but i'?d appreciate an update"
    r"|(?:i )?hope you(?:'re| are) (?:well|doing well)"
    r"|sorry to bother you|have a (?:nice|good|great) day"
    r")[\s,.!?:)]*$",
    re.IGNORECASE,
)
_ZH_GREETING = re.compile(r"^(?:你好|您好|hi|hello|嗨|在吗)[，,！!。\s]*", re.IGNORECASE)
_ZH_PLEASANTRY = re.compile(
    r"非常感谢|谢谢你们|谢谢你|谢谢|感谢|多谢|辛苦了|麻烦了|麻烦您了|麻烦帮我查一下|"
    r"请帮我查一下|帮我看一下|祝好|此致敬礼|祝您生活愉快|不着急|有消息请告诉我|好的|请问"
)


def _sentences(said: Iterable[_Said]) -> list[Statement]:
    out: list[Statement] = []
    for item in said:
        for raw in _SPLIT.split(item.text):
            text = _clean(raw)
            if text:
                out.append(Statement(item.seq, item.source, item.occurred_at, text))
    return out


def _clean(raw: str) -> str | None:
    """The sentence without a leading greeting; None when nothing informative is left."""
    text = raw.strip(" \t-–—•*>").rstrip(";；,，")
    if not text:
        return None
    if _CJK.search(text):
        text = _ZH_GREETING.sub("", text)
        left = _ZH_PLEASANTRY.sub("", text)
        meaningful = [c for c in left if c.isalnum()]
        return text if len(meaningful) >= 4 else None
    text = _EN_GREETING.sub("", text, count=1)
    text = _EN_THANKS_LEAD.sub("", text, count=1)
    if not text or _EN_PLEASANTRY.match(text):
        return None
    words = _WORD.findall(text)
    if len(words) < 3 and not any(c.isdigit() for c in text):
        return None
    return text[0].upper() + text[1:]


# --- near-duplicates --------------------------------------------------------------------

_STOP: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "i'm",
        "im",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "it",
        "it's",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "so",
        "this",
        "that",
        "these",
        "those",
        "have",
        "has",
        "had",
        "do",
        "did",
        "does",
        "with",
        "by",
        "from",
        "as",
        "just",
        "now",
        "still",
        "again",
        "already",
        "please",
    ]
)


def _features(text: str) -> frozenset[str]:
    lower = text.lower()
    found = {w for w in _WORD.findall(lower) if not _CJK.search(w) and w not in _STOP}
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        if len(run) == 1:
            found.add(run)
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(found)


def _merge(sentences: list[Statement]) -> tuple[list[Statement], int]:
    """Distinct statements (first telling kept, with its repeat count) and all repeats."""
    kept: list[Statement] = []
    kept_features: list[frozenset[str]] = []
    repeats_of: list[int] = []
    postings: dict[str, list[int]] = {}
    total = 0
    for sentence in sentences:
        features = _features(sentence.text)
        shared: dict[int, int] = {}
        for feature in features:
            for index in postings.get(feature, ()):
                shared[index] = shared.get(index, 0) + 1
        same = None
        for index, common in sorted(shared.items()):
            other = kept_features[index]
            union = len(features) + len(other) - common
            smaller = min(len(features), len(other))
            if common / union >= SAME_STATEMENT or (smaller >= 5 and common / smaller >= CONTAINED):
                same = index
                break
        if same is None and features:
            for feature in features:
                postings.setdefault(feature, []).append(len(kept))
            kept.append(sentence)
            kept_features.append(features)
            repeats_of.append(0)
        elif same is not None:
            repeats_of[same] += 1
            total += 1
    merged = [
        s if n == 0 else Statement(s.seq, s.source, s.occurred_at, s.text, n)
        for s, n in zip(kept, repeats_of, strict=True)
    ]
    return merged, total


# --- what is worth showing --------------------------------------------------------------

_ORDER_ID = re.compile(r"\b[A-Z]{2,6}-?\d{3,}[A-Z0-9-]*\b")
_AMOUNT = re.compile(
    r"[$€£¥￥]\s?\d|\d(?:[\d,.]*\d)?\s?(?:USD|EUR|GBP|CNY|RMB|dollars?|euros?|pounds?|元|块|欧元|美元)",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\d{1,2}月\d{1,2}[日号]"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b"
    r"|昨天|前天|上周|周[一二三四五六日]|星期[一二三四五六日天]",
    re.IGNORECASE,
)
_PRODUCT = re.compile(r"(?<=\w )[A-Z][a-z]*[A-Z0-9+][\w+]*|\b[A-Z][a-z]+(?: [A-Z0-9][\w+]*)+")
_DIGIT = re.compile(r"\d")


def _information(statement: Statement) -> float:
    text = statement.text
    score = 0.0
    if _ORDER_ID.search(text):
        score += 3
    if _AMOUNT.search(text):
        score += 2
    if _DATE.search(text):
        score += 1.5
    if _PRODUCT.search(text) or (_CJK.search(text) and re.search(r"[A-Za-z]{3,}", text)):
        score += 1
    if _DIGIT.search(text):
        score += 0.5
    score += min(statement.repeats, 2) * 0.5
    score += min(len(text) / 120, 0.5)
    return score


def _most_informative(statements: list[Statement], limit: int) -> tuple[Statement, ...]:
    if limit <= 0:
        return ()
    if len(statements) > limit:
        ranked = sorted(range(len(statements)), key=lambda i: (-_information(statements[i]), i))[
            :limit
        ]
        statements = [statements[i] for i in sorted(ranked)]
    return tuple(statements)
