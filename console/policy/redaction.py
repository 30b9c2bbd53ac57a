"""Redaction of personal data before text leaves the machine, and its exact restoration.

``redact`` replaces personal data with stable placeholders such as ``[EMAIL_1]``; the
mapping it returns lets ``restore`` put the originals back, character for character.
One :class:`Redactor` covers one request: the same value gets the same placeholder in
every text it redacts, so a model sees consistent references.

What is found, in this order (each later kind only looks at what earlier kinds left):

- ``EMAIL``: addresses such as ``maya.patel+orders@example.co.uk`` (ASCII).
- ``IBAN``: two letters, two check digits and 11-30 letters or digits, compact or in groups
  of four; only when the ISO 13616 mod-97 checksum holds (the country's length from
  :data:`IBAN_LENGTHS` is tried first, then any length that validates).
- ``CARD``: 12-19 digits (Maestro has 12), compact or in groups (first group of four,
  groups of 3-6 digits,
  one kind of separator: space or dash); only when the Luhn checksum holds.
- ``PHONE``: international numbers (``+`` and 8-15 digits, separators and a parenthesised
  area code allowed) and local numbers (9-12 digits in groups of 2-6 with one kind of
  separator, an optional ``(area)`` first; or compact ``0`` + 9-10 digits; or a Chinese
  mobile number ``1[3-9]`` + 9 digits, e.g. ``138 0013 8000``).
- ``ADDRESS`` (best effort): a house number with a street word (``12 Baker Street``,
  ``5 rue de la Paix``), a German-style street with its number (``Hauptstraße 5``), or a
  Chinese street with its number (``…路88号``), each optionally followed by a city and a
  postcode (UK, US ZIP, or 4-6 digits). A postcode on its own is left alone: without a
  street or city next to it, it cannot be told from an amount or an order number.
- ``NAME``: the names given by the caller (customer and contacts), whole and, for Latin
  script, their parts of three letters or more (case-insensitive, on word boundaries);
  for a Chinese name of three characters or more, also the given name after the surname.

Known limits: digit runs written right next to a phone number with the same separator
(``2026 020 7946 0958``) may shift which digits are taken as the number; names are only
found when given; addresses without a street word are not found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

__all__ = [
    "IBAN_LENGTHS",
    "PLACEHOLDER",
    "Redacted",
    "Redactor",
    "iban_valid",
    "luhn_valid",
    "redact",
    "restore",
]

KINDS = ("EMAIL", "IBAN", "CARD", "PHONE", "ADDRESS", "NAME")
PLACEHOLDER = re.compile(r"\[(EMAIL|IBAN|CARD|PHONE|ADDRESS|NAME)_(\d+)\]")

# ISO 13616 lengths of the IBANs of some common countries; others: any length 15-34.
IBAN_LENGTHS: dict[str, int] = {
    "AT": 20, "BE": 16, "CH": 21, "CZ": 24, "DE": 22, "DK": 18, "ES": 24, "FI": 18,
    "FR": 27, "GB": 22, "IE": 22, "IT": 27, "LU": 20, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "SE": 24, "SA": 24, "AE": 23, "TR": 26, "BR": 29, "MT": 31,
}  # fmt: skip


@dataclass(frozen=True)
class Redacted:
    """A redacted text and its placeholders (placeholder → original text)."""

    text: str
    mapping: dict[str, str]


def luhn_valid(digits: str) -> bool:
    """True when the string of digits passes the Luhn checksum."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_valid(iban: str) -> bool:
    """True when ``iban`` (spaces allowed) has a valid ISO 13616 mod-97 checksum."""
    compact = iban.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


# --- finders: each yields (start, end) spans of one kind in a text -------------------------

_NOT_BEFORE = r"(?<![A-Za-z0-9_\-./#+$€£¥])"  # not inside a word, an id or an amount
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
)
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}")
_DIGIT_RUN = re.compile(_NOT_BEFORE + r"\d+(?:[ \-]\d+)*(?!\d)")
_PHONE_INTL = re.compile(
    r"(?<![A-Za-z0-9_+])\+(?:\d{8,15}|\d{1,3}(?:[ \-.]?(?:\(\d{1,5}\)|\d{1,6})){1,7})(?!\d)"
)
_PHONE_LOCAL = re.compile(
    _NOT_BEFORE + r"(?:\(\d{2,5}\) ?\d{2,8}(?:([ \-.])\d{2,6}(?:\1\d{2,6}){0,2})?"
    r"|\d{2,5}([ \-.])\d{2,8}(?:\2\d{2,6}){0,3}"
    r"|0\d{9,10}|1[3-9]\d{9})(?![.,]?\d)"
)

_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|"
    "Close|Crescent|Terrace|Square|Sq|Highway|Hwy|Parkway|Pkwy|Row|Gardens|Hill|Walk|Mews"
)
_CITY_POSTCODE = (
    r"(?:,\s*[A-Z][a-z][A-Za-z\-]*(?: [A-Z][a-z][A-Za-z\-]*){0,2})?"
    r"(?:,?\s*(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?|\d{4,6}))?"
)
_ADDRESSES = (
    re.compile(
        r"(?<![A-Za-z0-9])\d{1,5}[A-Za-z]?,? (?:[A-Z][A-Za-z'\-]+ ){1,4}(?:" + _STREET_WORDS + r")"
        r"\b\.?" + _CITY_POSTCODE
    ),
    re.compile(
        r"(?<![A-Za-z0-9])\d{1,5}[A-Za-z]?,? (?:rue|avenue|boulevard|place|chemin|via|calle|"
        r"avenida|plaza|viale|piazza)(?: [A-Za-zÀ-ÿ'\-]+){1,5}" + _CITY_POSTCODE
    ),
    re.compile(
        r"(?<![A-Za-zÀ-ÿ])[A-ZÄÖÜ][a-zäöüß\-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|"
        r"damm)\s+\d{1,4}[a-z]?(?:,\s*\d{5}(?: [A-ZÄÖÜ][a-zäöüß]+)?)?"
    ),
    re.compile(
        r"(?:[\u4e00-\u9fff]{2,6}(?:省|市|区|县))*[\u4e00-\u9fff]{1,10}(?:路|街|道|巷|大道|胡同)"
        r"\d{1,5}(?:号|號)(?:[\u4e00-\u9fff\d]{0,6}(?:室|楼|栋|單元|单元))?"
    ),
)


def _find_emails(text: str) -> Iterator[tuple[int, int]]:
    for m in _EMAIL.finditer(text):
        yield m.span()


def _find_ibans(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    while (m := _IBAN.search(text, pos)) is not None:
        raw = m.group()
        pos = m.start() + 1
        # The country's length when known, else the longest checksum-valid prefix.
        cuts = [i + 1 for i, c in enumerate(raw) if c != " "]
        # (A checksum-valid account number of an unexpected length is still redacted: the
        # checksum, not the length, says it is an IBAN.)
        expected = IBAN_LENGTHS.get(raw[:2])
        lengths = [expected] if expected else []
        lengths += [n for n in range(min(len(cuts), 34), 14, -1) if n != expected]
        for n in lengths:
            if n is not None and n <= len(cuts) and iban_valid(raw[: cuts[n - 1]]):
                yield m.start(), m.start() + cuts[n - 1]
                pos = m.start() + cuts[n - 1]
                break


CARD_MIN = 12  # Maestro numbers can be as short as 12 digits (ISO/IEC 7812)


def _groups(run: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\d+", run)]


def _card_window(run: str, groups: list[tuple[int, int]]) -> bool:
    digits = "".join(run[a:b] for a, b in groups)
    if not CARD_MIN <= len(digits) <= 19 or not luhn_valid(digits):
        return False
    if len(groups) == 1:
        return True
    seps = {run[groups[i][1] : groups[i + 1][0]] for i in range(len(groups) - 1)}
    sizes = [b - a for a, b in groups]
    return len(seps) == 1 and sizes[0] == 4 and all(3 <= s <= 6 for s in sizes[:-1])


def _card_shaped(run: str) -> bool:
    groups = _groups(run)
    digits = sum(b - a for a, b in groups)
    sizes = [b - a for a, b in groups]
    seps = {run[groups[i][1] : groups[i + 1][0]] for i in range(len(groups) - 1)}
    return (
        CARD_MIN <= digits <= 19
        and len(groups) > 1
        and seps <= {" ", "-"}
        and len(seps) == 1
        and sizes[0] == 4
        and all(3 <= n <= 6 for n in sizes[:-1])
    )


def _find_cards(text: str) -> Iterator[tuple[int, int]]:
    for m in _DIGIT_RUN.finditer(text):
        run, groups = m.group(), _groups(m.group())
        i = 0
        while i < len(groups):
            for j in range(len(groups), i, -1):  # the longest window starting at group i
                if _card_window(run, groups[i:j]):
                    yield m.start() + groups[i][0], m.start() + groups[j - 1][1]
                    i = j - 1
                    break
            i += 1


def _phone_spans(
    pattern: re.Pattern[str], text: str, low: int, high: int
) -> Iterator[tuple[int, int]]:
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        s = m.group()
        if _card_shaped(s):  # a card number that failed its checksum is no phone number
            pos = m.end()
            continue
        ends = [g.end() for g in re.finditer(r"\d+\)?", s)]
        # the longest prefix ending at a group end whose digit count fits
        for end in reversed(ends):
            n = sum(c.isdigit() for c in s[:end])
            if low <= n <= high:
                yield m.start(), m.start() + end
                pos = m.start() + end
                break
        else:
            pos = m.start() + 1
            continue


# A number written without separators is a phone number when the text says so just before
# it ("call 9748833788", "手机13800138000"); elsewhere it could be a tracking number.
_PHONE_SAID = re.compile(
    r"(?i)(?:call|phone|tel|mobile|cell|ring|text|whatsapp|telefon|handy|móvil|teléfono|"
    r"电话|手机|致电|联系)[^\d\n+(]{0,12}?(?<![A-Za-z0-9\-])"
    r"(\+?[\d(][\d ()\-.]{6,22}\d)(?!\d)"
)


def _find_phones(text: str) -> Iterator[tuple[int, int]]:
    yield from _phone_spans(_PHONE_INTL, text, 8, 15)
    yield from _phone_spans(_PHONE_LOCAL, text, 9, 12)
    for m in _PHONE_SAID.finditer(text):
        if 9 <= sum(c.isdigit() for c in m.group(1)) <= 15:
            yield m.span(1)


def _find_addresses(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _ADDRESSES:
        for m in pattern.finditer(text):
            yield m.span()


_NAME_STOP = {"van", "von", "der", "den", "del", "della", "les", "los", "las", "bin", "ibn"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _name_patterns(names: Iterable[str]) -> list[re.Pattern[str]]:
    variants: set[str] = set()
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            continue
        variants.add(name)
        if _CJK.search(name):
            if len(name) >= 3 and " " not in name:
                variants.add(name[1:])  # the given name after a one-character surname
        else:
            variants.update(
                p for p in re.split(r"[\s,]+", name) if len(p) >= 3 and p.lower() not in _NAME_STOP
            )
    patterns = []
    for v in sorted(variants, key=lambda s: (-len(s), s)):  # longest first
        body = r"\s+".join(re.escape(p) for p in v.split(" "))
        if _CJK.search(v):
            patterns.append(re.compile(body))
        else:
            patterns.append(re.compile(r"(?<![^\W\d_])" + body + r"(?![^\W\d_])", re.IGNORECASE))
    return patterns


Finder = Callable[[str], Iterable[tuple[int, int]]]
_FINDERS: tuple[tuple[str, Finder], ...] = (
    ("EMAIL", _find_emails),
    ("IBAN", _find_ibans),
    ("CARD", _find_cards),
    ("PHONE", _find_phones),
    ("ADDRESS", _find_addresses),
)


@dataclass
class Redactor:
    """Redacts several texts of one request with one consistent set of placeholders."""

    names: tuple[str, ...] = ()
    mapping: dict[str, str] = field(default_factory=dict)  # placeholder → original
    _by_value: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    _counts: dict[str, int] = field(default_factory=dict, repr=False)
    _reserved: set[str] = field(default_factory=set, repr=False)

    def __post_init__(self) -> None:
        self._name_patterns = _name_patterns(self.names)

    def _placeholder(self, kind: str, value: str) -> str:
        key = (kind, value)
        if key in self._by_value:
            return self._by_value[key]
        n = self._counts.get(kind, 0)
        while True:
            n += 1
            token = f"[{kind}_{n}]"
            if token not in self._reserved:
                break
        self._counts[kind] = n
        self._by_value[key] = token
        self.mapping[token] = value
        return token

    def redact(self, text: str) -> str:
        """``text`` with every personal datum found replaced by its placeholder."""
        # Placeholder-like text already in the input is never handed out, so that
        # ``restore`` gives back exactly this text.
        self._reserved.update(m.group() for m in PLACEHOLDER.finditer(text))
        # While redacting, each found span becomes one private-use character, which no
        # finder matches; the placeholders are put in at the end.
        base = 0xF0000
        while any(base <= ord(c) < base + 0x8000 for c in text):
            base += 0x8000
            if base >= 0x110000:  # pragma: no cover - a text holding every private plane
                raise ValueError("text uses every private-use plane")
        found: list[tuple[str, str]] = []

        def mask(kind: str, spans: Iterable[tuple[int, int]], current: str) -> str:
            parts: list[str] = []
            last = 0
            for start, end in sorted(set(spans)):
                if start < last or start == end:
                    continue
                parts.append(current[last:start])
                parts.append(chr(base + len(found)))
                found.append((kind, current[start:end]))
                last = end
            parts.append(current[last:])
            return "".join(parts)

        current = text
        for kind, finder in _FINDERS:
            current = mask(kind, list(finder(current)), current)
        for pattern in self._name_patterns:
            current = mask("NAME", [m.span() for m in pattern.finditer(current)], current)

        def unmask(value: str) -> str:
            # spans found later may enclose earlier ones: expand them first
            return "".join(
                found[ord(c) - base][1] if base <= ord(c) < base + len(found) else c for c in value
            )

        tokens = [self._placeholder(kind, unmask(value)) for kind, value in found]
        return "".join(
            tokens[ord(c) - base] if base <= ord(c) < base + len(found) else c for c in current
        )


def redact(text: str, *, names: Iterable[str] = ()) -> Redacted:
    """Replace the personal data in ``text`` with placeholders; see the module's notes."""
    redactor = Redactor(names=tuple(names))
    return Redacted(redactor.redact(text), dict(redactor.mapping))


def restore(text: str, mapping: dict[str, str]) -> str:
    """Put the originals back for every placeholder of ``mapping`` found in ``text``."""
    if not mapping:
        return text
    return PLACEHOLDER.sub(lambda m: mapping.get(m.group(), m.group()), text)
