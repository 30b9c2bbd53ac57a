"""The customer's sentiment, with the evidence for it: a transparent lexicon-and-rules method.

Method
------
Every reading is a sum of *cues*; each cue is one piece of evidence found in the case, with
its weight, and the reason sentence cites the strongest ones. Nothing is learnt and nothing
is hidden: the same input always gives the same reading.

1. **Lexicon.** English (:mod:`.lexicon_en`) and Simplified Chinese (:mod:`.lexicon_zh`)
   word lists give weights from -1 to +1 to the complaint, escalation, waiting, money and
   thanks vocabulary of a contact centre ("unacceptable", "third time", "chargeback",
   "thank you", "不满意", "投诉", "第三次", "谢谢" ...). English text is split into tokens and
   matched phrase by phrase, longest phrase first; Chinese has no spaces, so entries are
   matched as substrings, longest first, left to right, without overlaps. Weight-0 entries
   are shields ("no problem", "不好意思") that stop their words from counting alone.
2. **Negation.** English: a negator ("not", "never", "don't" ...) up to three tokens
   before a term, in the same clause (punctuation and "but" end a clause), flips it:
   x -0.75 for a positive term, x -0.5 for a negative one ("not helpful" is a complaint,
   "not terrible" only faint praise). A negator inside a positive phrase or a shield ("no
   problem") negates nothing. Chinese: 不/没/没有/别/未 ... directly before a term (an
   intensifier may stand between: 不太满意).
3. **Intensifiers.** "very", "so", "really", "absolutely" ... (English, up to two tokens
   before a term) and 非常, 太, 很, 特别 ... (Chinese, directly before) multiply the term;
   down-toners ("a bit", 有点) shrink it. A term written in ALL CAPS counts 1.5 times.
4. **Punctuation.** A run of two or more "!" (or "！") strengthens the message's own
   words by 10 % a mark, at most 30 %; with no words to strengthen it is mild negative
   evidence (-0.15), as are "???" (-0.1) and a message shouted in capitals (-0.2).
5. **Recency.** Each message's cues are multiplied by ``0.75 ** age_rank`` (0 = newest),
   never below 0.15: what the customer says now matters most.
6. **Repetition.** Three or more contacts is negative evidence: -0.3 at three, 0.1 more
   for each further contact, at most -0.8.
7. **System events** that anger customers (``refund.failed``, ``shipment.lost``,
   ``delivery.failed``, ``payment.duplicate_detected`` ...) add fixed weights; unknown
   names ending in ``.failed``, ``.lost``, ``.delayed`` ... get a default weight by their
   suffix. A name that occurs again adds half its weight more, up to twice.
8. **Score and label.** score = clamp(sum of cue weights / 2, -1, 1); very_negative at
   -0.6 or below, negative at -0.15 or below, positive at 0.2 or above, else neutral.

Messages in a language without a word list (anything but English and Chinese) are read
only for punctuation, and the case still for contacts and system events; the reason says
so. The reason only ever quotes text that occurs in the messages.

This module is pure: standard library and :mod:`console.domain` only, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from console.domain.kinds import SentimentLabel

from . import lexicon_en, lexicon_zh

__all__ = [
    "LEXICON_SIZES",
    "SYSTEM_EVENT_WEIGHTS",
    "Cue",
    "CustomerText",
    "SentimentReading",
    "assess",
    "label_for",
]


@dataclass(frozen=True, slots=True)
class Cue:
    """One piece of evidence: ``text`` as found (or an event name), its signed ``weight``
    in the sum, and its ``source``: lexicon, negation, intensifier, repetition,
    system_event or punctuation."""

    text: str
    weight: float
    source: str


@dataclass(frozen=True, slots=True)
class CustomerText:
    """One message of the customer; ``age_rank`` 0 is the newest."""

    text: str
    language: str
    age_rank: int


@dataclass(frozen=True, slots=True)
class SentimentReading:
    label: SentimentLabel
    score: float  # -1.0 .. 1.0
    reason: str  # one short sentence naming the evidence
    cues: tuple[Cue, ...]  # every piece of evidence with its weight


# --- tuning ---------------------------------------------------------------------------

SCALE: Final = 2.0
VERY_NEGATIVE_AT: Final = -0.6
NEGATIVE_AT: Final = -0.15
POSITIVE_AT: Final = 0.2
RECENCY_DECAY: Final = 0.75
RECENCY_FLOOR: Final = 0.15
NEGATION_WINDOW: Final = 3
FLIP_POSITIVE: Final = -0.75
FLIP_NEGATIVE: Final = -0.5
CAPS_BOOST: Final = 1.5
MAX_REASON_WORDS: Final = 4

SYSTEM_EVENT_WEIGHTS: Final[dict[str, float]] = {
    "refund.failed": -0.6,
    "refund.rejected": -0.6,
    "refund.delayed": -0.4,
    "shipment.lost": -0.6,
    "shipment.delayed": -0.3,
    "shipment.returned": -0.3,
    "delivery.failed": -0.5,
    "delivery.attempt_failed": -0.4,
    "delivery.missed": -0.3,
    "order.delayed": -0.3,
    "order.cancelled": -0.3,
    "inventory.backordered": -0.3,
    "payment.duplicate_detected": -0.5,
    "payment.failed": -0.4,
    "payment.declined": -0.4,
    "payment.disputed": -0.6,
    "chargeback.opened": -0.7,
    "subscription.renewed": -0.2,
    "service.outage_started": -0.4,
    "service.line_down": -0.4,
    "ticket.reopened": -0.4,
    "ticket.escalated": -0.3,
    "refund.completed": 0.2,
    "refund.succeeded": 0.2,
    "service.outage_resolved": 0.15,
}
_SUFFIX_WEIGHTS: Final[dict[str, float]] = {
    "failed": -0.4,
    "lost": -0.5,
    "delayed": -0.25,
    "declined": -0.3,
    "rejected": -0.3,
    "duplicate_detected": -0.4,
    "reopened": -0.3,
}

# --- matching tables, built once --------------------------------------------------------

_EnIndex = dict[str, list[tuple[tuple[str, ...], float]]]


def _en_index(entries: dict[str, float]) -> _EnIndex:
    index: _EnIndex = {}
    for phrase, weight in entries.items():
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((words, weight))
    for options in index.values():
        options.sort(key=lambda option: (-len(option[0]), option[0]))
    return index


_EN: Final = _en_index(lexicon_en.LEXICON)
_EN_INTENSIFIERS: Final = _en_index(lexicon_en.INTENSIFIERS)
# Longest entries first: the regex takes the first alternative that matches at the leftmost
# position, so this is longest-match-first, left to right, without overlaps.
_ZH_PATTERN: Final = re.compile(
    "|".join(re.escape(term) for term in sorted(lexicon_zh.LEXICON, key=lambda t: (-len(t), t)))
)
_ZH_NEGATOR_ENDS: Final = frozenset(word[-1] for word in lexicon_zh.NEGATORS)
_ZH_INTENSIFIER_ENDS: Final = frozenset(word[-1] for word in lexicon_zh.INTENSIFIERS)
_ZH_NEGATORS: Final = tuple(sorted(lexicon_zh.NEGATORS, key=len, reverse=True))
_ZH_INTENSIFIERS: Final = tuple(
    sorted(lexicon_zh.INTENSIFIERS.items(), key=lambda item: (-len(item[0]), item[0]))
)

LEXICON_SIZES: Final[dict[str, int]] = {
    "en": sum(1 for w in lexicon_en.LEXICON.values() if w != 0.0),
    "zh": sum(1 for w in lexicon_zh.LEXICON.values() if w != 0.0),
}

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")
_CLAUSE = re.compile(r"[^,.;:!?()\[\]\"\n，。；：！？、（）]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_UPPER = re.compile(r"[A-Z]")
_CLAUSE_WORDS: Final = frozenset({"but", "however", "although", "though", "yet"})
_BANGS = re.compile(r"[!！][!！?？]+|[?？][!！][!！?？]*")
_QUESTIONS = re.compile(r"[?？]{3,}")
_CAPS_RUN = re.compile(r"[A-Z][A-Z0-9' ]{10,}[A-Z0-9]")
_CJK = re.compile(r"[\u3400-\u9fff]")

_RawCue = tuple[str, float, str]  # text, weight before recency, source


# --- one message ------------------------------------------------------------------------


def _lexicon_key(language: str, text: str) -> str | None:
    primary = language.split("-", 1)[0].lower()
    if primary in ("en", "zh"):
        return primary
    if primary not in ("ja", "ko") and _CJK.search(text):
        return "zh"
    return None


@lru_cache(maxsize=4096)
def _analyse(text: str, key: str | None) -> tuple[_RawCue, ...]:
    """The cues of one message, before recency weighting."""
    cues: list[_RawCue] = []
    if key == "en":
        _english(text, cues)
    elif key == "zh":
        _chinese(text, cues)
    _punctuation(text, cues)
    return tuple(cues)


def _english(text: str, cues: list[_RawCue]) -> None:
    text = text.replace("\u2019", "'")
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    clauses: list[int] = []
    clause = 0
    for part in _CLAUSE.finditer(text):
        clause += 1
        for match in _TOKEN.finditer(text, part.start(), part.end()):
            word = match.group().lower()
            if word in _CLAUSE_WORDS:
                clause += 1
            tokens.append(word)
            spans.append(match.span())
            clauses.append(clause)
    # Which tokens belong to positive phrases or shields: their negators negate nothing.
    inert: set[int] = set()
    hits: list[tuple[int, int, float]] = []
    i, n = 0, len(tokens)
    while i < n:
        end = _match_phrase(_EN, tokens, clauses, i)
        if end is None:
            i += 1
            continue
        j, weight = end
        hits.append((i, j, weight))
        if weight >= 0.0:
            inert.update(range(i, j))
        i = j
    in_term = {k for i, j, weight in hits if weight != 0.0 for k in range(i, j)}
    for i, j, base in hits:
        if base == 0.0:
            continue
        start, stop = spans[i][0], spans[j - 1][1]
        factor = 1.0
        negator = None
        # The nearest negator binds to the first term after it: stop at another term.
        for k in range(i - 1, max(-1, i - 1 - NEGATION_WINDOW), -1):
            if clauses[k] != clauses[i]:
                break
            if tokens[k] in lexicon_en.NEGATORS and k not in inert:
                negator = k
                break
            if k in in_term:
                break
        intensifier = _intensifier_before(tokens, clauses, i, negator)
        if negator is not None:
            factor = FLIP_POSITIVE if base > 0 else FLIP_NEGATIVE
            cues.append((text[spans[negator][0] : stop], base * factor, "negation"))
        else:
            cues.append((text[start:stop], base, "lexicon"))
        value = base * factor
        if intensifier is not None:
            k0, k1, multiplier = intensifier
            said = text[spans[k0][0] : spans[k1 - 1][1]]
            cues.append((said, value * (multiplier - 1), "intensifier"))
            value *= multiplier
        written = text[start:stop]
        letters = [c for c in written if c.isalpha()]
        if len(letters) >= 3 and all(c.isupper() for c in letters):
            cues.append((written, value * (CAPS_BOOST - 1), "intensifier"))


def _match_phrase(
    index: _EnIndex, tokens: list[str], clauses: list[int], i: int
) -> tuple[int, float] | None:
    for words, weight in index.get(tokens[i], ()):
        j = i + len(words)
        if j <= len(tokens) and clauses[j - 1] == clauses[i] and tuple(tokens[i:j]) == words:
            return j, weight
    return None


def _intensifier_before(
    tokens: list[str], clauses: list[int], i: int, negator: int | None
) -> tuple[int, int, float] | None:
    """An intensifier ending right before token ``i`` (or right before the negator, as in
    "really not happy"), as (first token, end token, multiplier)."""
    for anchor in (i, negator):
        if anchor is None:
            continue
        for start in (anchor - 1, anchor - 2):
            if start < 0 or clauses[start] != clauses[i]:
                continue
            found = _match_phrase(_EN_INTENSIFIERS, tokens, clauses, start)
            if found is not None and found[0] == anchor:
                return start, anchor, found[1]
    return None


def _chinese(text: str, cues: list[_RawCue]) -> None:
    covered: dict[int, float] = {}  # char index -> weight of the entry covering it
    hits: list[tuple[int, int, float]] = []
    for match in _ZH_PATTERN.finditer(text):
        i, j = match.span()
        weight = lexicon_zh.LEXICON[match.group()]
        hits.append((i, j, weight))
        for k in range(i, j):
            covered[k] = weight
    for i, j, base in hits:
        if base == 0.0:
            continue
        k = i
        multiplier = 1.0
        for word, value in _ZH_INTENSIFIERS if text[k - 1 : k] in _ZH_INTENSIFIER_ENDS else ():
            at = k - len(word)
            if at >= 0 and text.startswith(word, at) and _free(covered, at, k):
                multiplier, k = value, at
                break
        intensifier_at = k
        negator_at = None
        for word in _ZH_NEGATORS if text[k - 1 : k] in _ZH_NEGATOR_ENDS else ():
            at = k - len(word)
            # A negator may sit inside a negative entry (还没 + 收到了) but not inside a
            # positive one or a shield.
            if (
                at >= 0
                and text.startswith(word, at)
                and all(covered.get(c, -1.0) < 0.0 for c in range(at, k))
            ):
                negator_at = at
                break
        if negator_at is not None:
            factor = FLIP_POSITIVE if base > 0 else FLIP_NEGATIVE
            cues.append((text[negator_at:j], base * factor, "negation"))
        else:
            factor = 1.0
            cues.append((text[i:j], base, "lexicon"))
        if multiplier != 1.0:
            cues.append((text[intensifier_at:i], base * factor * (multiplier - 1), "intensifier"))


def _free(covered: dict[int, float], start: int, stop: int) -> bool:
    return all(k not in covered for k in range(start, stop))


def _punctuation(text: str, cues: list[_RawCue]) -> None:
    words = sum(weight for _, weight, source in cues if source != "punctuation")
    bangs = max((m.group() for m in _BANGS.finditer(text)), key=len, default="")
    if bangs:
        marks = sum(1 for c in bangs if c in "!！")
        if words:
            cues.append((bangs, words * min(0.1 * marks, 0.3), "punctuation"))
        else:
            cues.append((bangs, -0.15, "punctuation"))
    elif question := _QUESTIONS.search(text):
        cues.append((question.group(), -0.1, "punctuation"))
    letters = len(_ASCII_LETTER.findall(text))
    if letters >= 12 and len(_ASCII_UPPER.findall(text)) >= 0.7 * letters:
        shout = max((m.group() for m in _CAPS_RUN.finditer(text)), key=len, default="")
        if shout and not any(source == "intensifier" and t.isupper() for t, _, source in cues):
            cues.append((shout.strip()[:40], -0.2, "punctuation"))


# --- the case ---------------------------------------------------------------------------


def _event_weight(name: str) -> float:
    if name in SYSTEM_EVENT_WEIGHTS:
        return SYSTEM_EVENT_WEIGHTS[name]
    last = name.rsplit(".", 1)[-1]
    for suffix, weight in _SUFFIX_WEIGHTS.items():
        if last == suffix or last.endswith("_" + suffix):
            return weight
    return 0.0


def _event_cues(system_events: Iterable[str]) -> list[Cue]:
    counts: dict[str, int] = {}
    for name in system_events:
        counts[name] = counts.get(name, 0) + 1
    cues: list[Cue] = []
    for name, count in counts.items():
        weight = _event_weight(name)
        if weight:
            weight *= 1.0 + 0.5 * (min(count, 3) - 1)
            text = name if count == 1 else f"{name} ×{count}"
            cues.append(Cue(text, round(weight, 4), "system_event"))
    return cues


def label_for(score: float) -> SentimentLabel:
    if score <= VERY_NEGATIVE_AT:
        return SentimentLabel.VERY_NEGATIVE
    if score <= NEGATIVE_AT:
        return SentimentLabel.NEGATIVE
    if score >= POSITIVE_AT:
        return SentimentLabel.POSITIVE
    return SentimentLabel.NEUTRAL


def assess(
    messages: Sequence[CustomerText], *, contacts: int = 1, system_events: Sequence[str] = ()
) -> SentimentReading:
    """Read the customer's sentiment from their messages, contacts and the case's events."""
    cues: list[Cue] = []
    unknown: list[str] = []
    for message in sorted(messages, key=lambda m: (m.age_rank, m.text)):
        key = _lexicon_key(message.language, message.text)
        if key is None:
            primary = message.language.split("-", 1)[0].lower() or "?"
            if primary not in unknown:
                unknown.append(primary)
        recency = max(RECENCY_FLOOR, RECENCY_DECAY ** max(0, message.age_rank))
        for text, weight, source in _analyse(message.text, key):
            cues.append(Cue(text, round(weight * recency, 4), source))
    if contacts >= 3:
        weight = -min(0.8, 0.3 + 0.1 * (contacts - 3))
        cues.append(Cue(f"{contacts} contacts", round(weight, 4), "repetition"))
    cues.extend(_event_cues(system_events))
    total = sum(cue.weight for cue in cues)
    score = round(max(-1.0, min(1.0, total / SCALE)), 4)
    label = label_for(score)
    return SentimentReading(label, score, _reason(cues, score, contacts, unknown), tuple(cues))


def _reason(cues: list[Cue], score: float, contacts: int, unknown: list[str]) -> str:
    parts: list[str] = []
    if unknown:
        names = ", ".join(unknown)
        parts.append(f"No word list for {names}: read from punctuation, contacts and events")
    words: dict[str, tuple[str, float]] = {}
    for cue in cues:
        if cue.source in ("lexicon", "negation"):
            key = cue.text.casefold()
            shown, total = words.get(key, (cue.text, 0.0))
            words[key] = (shown, total + cue.weight)
    direction = -1.0 if score < 0 else 1.0 if score > 0 else 0.0
    ranked = sorted(words.values(), key=lambda item: (-abs(item[1]), item[0]))
    if direction:
        ranked = [item for item in ranked if item[1] * direction > 0]
    cited = [f'"{shown}"' for shown, _ in ranked[:MAX_REASON_WORDS]]
    if cited:
        parts.append("Words: " + ", ".join(cited))
    marks: list[str] = []
    for cue in cues:
        if cue.source == "punctuation" and f'"{cue.text}"' not in marks and len(marks) < 2:
            marks.append(f'"{cue.text}"')
    if marks:
        parts.append("punctuation " + ", ".join(marks))
    if any(cue.source == "repetition" for cue in cues):
        parts.append(f"{contacts} contacts")
    events = sorted(
        (cue for cue in cues if cue.source == "system_event" and cue.weight * direction >= 0),
        key=lambda cue: (cue.weight * -direction if direction else -abs(cue.weight), cue.text),
    )
    if events:
        parts.append(", ".join(cue.text for cue in events[:3]))
    if not parts or (unknown and len(parts) == 1):
        parts.append("no sentiment cues found")
    reason = "; ".join(parts)
    if reason.startswith(("punctuation", "no sentiment")):  # never an event name's case
        reason = reason[0].upper() + reason[1:]
    return reason if len(reason) <= 300 else reason[:299] + "…"
