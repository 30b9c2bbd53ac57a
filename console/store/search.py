"""Full-text search documents and queries (FTS5, unicode61, with CJK bigrams).

FTS5's unicode61 tokenizer indexes a run of CJK characters as a single token, so Chinese
words inside a sentence would never be found. Before indexing, every CJK run is rewritten
as its overlapping bigrams ("退款失败" → "退款 款失 失败") in ``body``, and its single
characters go to ``cjk1``. A query is rewritten the same way: a 2+ character CJK term
becomes a phrase of bigrams, a 1-character term searches ``cjk1``.
Latin words keep unicode61's behaviour, with a prefix index for terms of 3+ characters.
"""

from __future__ import annotations

import json
import re
import unicodedata

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_TERM = re.compile(f"[{_CJK}]+|[^\\s{_CJK}]+")
_WORD_CHARS = re.compile(r"[\w]+", re.UNICODE)


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _split_cjk(text: str) -> tuple[str, str]:
    """``text`` with CJK runs as bigrams, and the CJK characters one by one."""
    singles: list[str] = []

    def replace(match: re.Match[str]) -> str:
        run = match.group(0)
        singles.extend(run)
        return " " + " ".join(_bigrams(run) or [run]) + " "

    body = _CJK_RUN.sub(replace, text)
    return body, " ".join(singles)


def case_document(subject: str, customer_name: str, case_json: str) -> tuple[str, str]:
    refs = json.loads(case_json).get("external_refs", {})
    ids = [refs.get("ticket_id") or "", refs.get("subscription_id") or ""]
    for key in ("order_ids", "payment_ids", "shipment_ids"):
        ids.extend(refs.get(key, []))
    return _split_cjk(" ".join([subject, customer_name, *filter(None, ids)]))


def event_document(summary: str, payload_json: str) -> tuple[str, str]:
    payload = json.loads(payload_json)
    parts = [summary, payload.get("text") or "", payload.get("subject") or ""]
    parts.append(payload.get("subject_id") or "")
    for value in (payload.get("attributes") or {}).values():
        if isinstance(value, str):
            parts.append(value)
    return _split_cjk(" ".join(p for p in parts if p))


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(query: str, *, prefixes: bool = True) -> str | None:
    """An FTS5 MATCH expression for what a person typed, or None if nothing is searchable.

    Every term must match (AND). Terms of 3+ characters also match as prefixes, so that
    "refu" finds "refund" and "ORD-77" finds "ORD-7781" (``prefixes=False``: exact words
    only, which is much faster for common words: a prefix query merges the posting lists of
    every word it starts).
    Quotes and FTS5 syntax in the input are data.
    """
    clauses: list[str] = []
    for term in _TERM.findall(query):
        if _CJK_RUN.fullmatch(term):
            if len(term) == 1:
                clauses.append(f"cjk1 : {_quote(term)}")
            else:
                clauses.append("body : " + _quote(" ".join(_bigrams(term))))
            continue
        words = _WORD_CHARS.findall(term)
        if words:  # "ORD-10023" is the phrase "ORD 10023", matching as a prefix
            phrase = _quote(" ".join(words))
            clauses.append(f"{phrase} *" if prefixes and len(term) >= 3 else phrase)
    return " AND ".join(clauses) if clauses else None


_BIGRAM_RUN = re.compile(f"[{_CJK}]{{2}}(?: [{_CJK}]{{2}})*")


def collapse_bigrams(text: str) -> str:
    """Undo :func:`_split_cjk` in a snippet: "退款 款失 失败" → "退款失败"."""

    def join(match: re.Match[str]) -> str:
        grams = match.group(0).split(" ")
        out = grams[0]
        for gram in grams[1:]:
            out += gram[1] if gram[0] == out[-1] else gram
        return out

    return _BIGRAM_RUN.sub(join, text).strip()


def fold(text: str) -> str:
    """Lower case without diacritics, as unicode61 with remove_diacritics folds tokens."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))


def query_terms(query: str) -> list[tuple[str, bool]]:
    """(token, is_prefix) for each indexed token a query asks for, as ``match_expression``
    matches them; single CJK characters (matched in ``cjk1``) are left out of ranking."""
    terms: list[tuple[str, bool]] = []
    for term in _TERM.findall(query):
        if _CJK_RUN.fullmatch(term):
            terms += [(gram, False) for gram in _bigrams(term)]
            continue
        words = [fold(w) for w in _WORD_CHARS.findall(term)]
        words = [w for w in words if w]
        for i, word in enumerate(words):
            terms.append((word, i == len(words) - 1 and len(term) >= 3))
    return terms


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters whose NFKD form may carry a combining mark (Latin, Greek, Cyrillic with accents).
_ACCENTED = re.compile("[\u00c0-\u04ff\u1e00-\u1fff\u0300-\u036f]")


def fold_fast(text: str) -> str:
    """:func:`fold`, skipping the Unicode decomposition where it cannot change anything."""
    lowered = text.lower()
    return fold(lowered) if _ACCENTED.search(lowered) else lowered
