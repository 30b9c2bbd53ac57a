"""P5 for bench/timeline.py: search over the big store, per query class.

Runs ``console.store.queries.search`` (newest first, and ``ranked=True``) on a read
connection of the real store, as ``CaseService.search`` does on its worker thread, and the
prototype below (``newest_v2``, ``ranked_v2``) for comparison. Each class has up to four
queries, taken in turn; one untimed pass first warms the page cache.
"""

from __future__ import annotations

import json
import math
import re
import time
import unicodedata
from pathlib import Path
from typing import Any

SLOW_S = 5.0  # a query class that takes longer than this per query stops early


def measure(path: Path, words: dict[str, list[str]], samples: int) -> dict[str, Any]:
    from console.store import Store, queries

    store = Store.open(path)
    try:
        conn = store.reader()
        out: dict[str, Any] = {}
        for label, terms in words.items():
            row: dict[str, Any] = {"queries": terms}
            modes = {
                "newest": lambda text: queries.search(conn, text, 50),
                "ranked": lambda text: queries.search(conn, text, 50, ranked=True),
                "newest_v2": lambda text: newest_v2(conn, text, 50),
                "ranked_v2": lambda text: ranked_v2(conn, text, 50),
            }
            for mode, search in modes.items():
                hits = [len(search(term)) for term in terms]
                times: list[float] = []
                for i in range(samples):
                    term = terms[i % len(terms)]
                    started = time.perf_counter()
                    search(term)
                    times.append(time.perf_counter() - started)
                    if times[-1] > SLOW_S and len(times) >= 3:
                        break
                row[mode] = [t * 1000 for t in times]
                row[f"{mode}_hits"] = hits
            out[label] = row
        return out
    finally:
        store.close()


# --- a prototype: the same answers with bounded work for common words ------------------
#
# 1. Exact terms first: ``"order" *`` is not served by the 3-character prefix index, so
#    FTS5 merges the doclists of every token starting with "order" before it can return the
#    newest match (tens of ms for a common word); ``"order"`` alone takes ~1 ms. The prefix
#    expression runs only when the exact one finds fewer than ``limit`` cases.
# 2. Ranked: document frequencies estimated from the density of each term's newest
#    SEARCH_WINDOW matches (exact when it has fewer), instead of fts5vocab, which walks the
#    term's whole doclist; ASCII bodies tokenised without Unicode normalisation; snippets
#    only for the hits returned, not for the whole window.

_PREFIX_CLAUSE = re.compile(r'" \*(?= AND |$)')


def _exact(expression: str) -> str:
    return _PREFIX_CLAUSE.sub('"', expression)


def _window(conn: Any, table: str, expression: str, columns: str) -> list[Any]:
    from console.store.queries import SEARCH_WINDOW

    return conn.execute(
        f"SELECT {columns} FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
        (expression, SEARCH_WINDOW),
    ).fetchall()


def _snippet(body: str, terms: list[tuple[str, bool]]) -> str:
    """About a dozen words around the first match (what FTS5's snippet() would show)."""
    from console.store.search import collapse_bigrams

    words = body.split()
    folded = [w.lower() for w in words]
    first = next(
        (
            i
            for i, word in enumerate(folded)
            for term, prefix in terms
            if (word.startswith(term) if prefix else term in word)
        ),
        0,
    )
    lo = max(0, first - 4)
    text = " ".join(words[lo : lo + 12])
    return collapse_bigrams(("…" if lo else "") + text + ("…" if lo + 12 < len(words) else ""))


def _named(conn: Any, snippets: dict[str, str], order: list[str]) -> list[tuple[str, ...]]:
    names = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT c.id, c.subject, u.name FROM cases c JOIN customers u"
            " ON u.id = c.customer_id WHERE c.id IN (SELECT value FROM json_each(?))",
            (json.dumps(order),),
        )
    }
    return [(c, *names[c], snippets.get(c, "")) for c in order if c in names]


def newest_v2(conn: Any, text: str, limit: int = 50) -> list[tuple[str, ...]]:
    """``queries.search`` (newest first), with exact terms tried before prefixes."""
    from console.store.queries import _matches
    from console.store.search import collapse_bigrams, match_expression

    expression = match_expression(text)
    if expression is None:
        return []
    snippets: dict[str, str] = {}
    for candidate in dict.fromkeys([_exact(expression), expression]):
        for table in _TABLES:
            for case_id, snippet in _matches(conn, table, candidate):
                if case_id not in snippets:
                    snippets[case_id] = collapse_bigrams(snippet)
                    if len(snippets) >= limit:
                        break
            if len(snippets) >= limit:
                break
        if len(snippets) >= limit:
            break
    return _named(conn, snippets, list(snippets))


def _tokens(body: str) -> list[str]:
    """``search.index_tokens``, without Unicode normalisation when it changes nothing."""
    from console.store.search import index_tokens

    low = body.lower()
    if low.isascii():
        return _TOKEN.findall(low)
    if _COMBINING_BLOCKS.search(low) is None:  # NFKD adds no combining mark to drop
        return _TOKEN.findall(unicodedata.normalize("NFKD", low))
    return index_tokens(body)


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ASCII_PUNCTUATION = "".join(chr(c) for c in range(33, 128) if not chr(c).isalnum())
_PUNCTUATION = _ASCII_PUNCTUATION + "，。！？、：；（）…"


def _words(body: str) -> list[str]:
    """Close to ``_tokens`` and several times faster: whitespace words, lower case, without
    surrounding punctuation (a word joined by punctuation counts once; accents stay)."""
    return [w.strip(_PUNCTUATION) for w in body.lower().split()]


# Characters whose NFKD form may carry combining marks: Latin/Greek/Cyrillic with accents.
_COMBINING_BLOCKS = re.compile("[\u00c0-\u04ff\u1e00-\u1fff\u0300-\u036f]")


def ranked_v2(conn: Any, text: str, limit: int = 50) -> list[tuple[str, ...]]:
    from console.store.queries import SEARCH_WINDOW
    from console.store.search import match_expression, query_terms

    expression = match_expression(text)
    if expression is None:
        return []
    exact = _exact(expression)
    windows = {t: _window(conn, t, exact, "rowid, case_id, body") for t in _TABLES}
    terms = query_terms(text)
    if sum(len(w) for w in windows.values()) < limit and exact != expression:
        windows = {t: _window(conn, t, expression, "rowid, case_id, body") for t in _TABLES}
    else:
        terms = [(term, False) for term, _ in terms]
    scored: list[tuple[float, str, str]] = []
    for table, rows in windows.items():
        if not rows:
            continue
        documents = int(conn.execute(_TOTALS[table]).fetchone()[0] or 0)
        weights = []
        for term, prefix in terms:
            if len(terms) == 1:
                rowids = [r[0] for r in rows]
            else:
                clause = '"' + term.replace('"', '""') + '"' + (" *" if prefix else "")
                rowids = [r[0] for r in _window(conn, table, clause, "rowid")]
            df = float(len(rowids))
            if len(rowids) >= SEARCH_WINDOW:  # the density of its newest matches
                df = SEARCH_WINDOW * documents / max(1, documents - rowids[-1] + 1)
            df = min(df, documents)
            weights.append((term, prefix, math.log(1 + (documents - df + 0.5) / (df + 0.5))))
        tokenised = [_words(body) for _, _, body in rows]
        average = sum(len(t) for t in tokenised) / len(tokenised) or 1.0
        boost = 1.5 if table == "case_text" else 1.0
        for (_, case_id, body), tokens in zip(rows, tokenised, strict=True):
            norm = 1.2 * (0.25 + 0.75 * len(tokens) / average)
            score = 0.0
            for term, prefix, idf in weights:
                tf = sum(1 for t in tokens if t.startswith(term) and (prefix or t == term))
                score += idf * tf * 2.2 / (tf + norm) if tf else 0.0
            scored.append((score * boost, case_id, body))
    scored.sort(key=lambda hit: -hit[0])
    snippets: dict[str, str] = {}
    for _, case_id, body in scored:
        if case_id not in snippets:
            snippets[case_id] = _snippet(body, terms)
            if len(snippets) >= limit:
                break
    return _named(conn, snippets, list(snippets))


_TABLES = ("case_text", "event_text")
_TOTALS = {
    "case_text": "SELECT MAX(rowid) FROM cases",
    "event_text": "SELECT MAX(rowid) FROM events",
}
