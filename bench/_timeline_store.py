"""Bulk loader for bench/timeline.py: big stores built fast through the real schema.

``Store.open`` creates and migrates the file; rows are then inserted with plain SQL in large
transactions, shaped exactly as ``repositories.put_customer``, ``put_case`` and
``append_events`` write them: the same columns and JSON, the search documents of
``search.case_document`` / ``search.event_document`` in ``case_text`` / ``event_text``
(sharing the row's rowid) and ``case_refs`` from ``schema.case_ref_rows``.

Text comes from the demo generator (``console.services.demo``): a pool of demo cases in
English, German, Spanish and Chinese is the template set; each synthetic case copies one
template's story with its own ids (case, customer, ticket, orders, payments, shipments) and
times. One event in ``RARE_EVERY`` also mentions an uncommon word (``RARE_WORDS``), so that
rare words are rare. Templates are turned into format strings once, so an event costs a few
``str.format`` calls; the first events of each build are checked against the real
``event_document`` and ``case_document``.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench" / "timeline"
DB_NAME = "tandem.sqlite3"
BUILD_VERSION = 1  # bump when the loader's output changes
TEMPLATE_CASES = 2000
TEMPLATE_SEED = 11
RARE_EVERY = 2000
CHUNK = 20_000
RARE_WORDS = [
    "thermostat",
    "wheelbarrow",
    "harmonica",
    "saxophone",
    "trampoline",
    "chandelier",
    "hammock",
    "kayak",
    "telescope",
    "accordion",
    "barometer",
    "birdhouse",
    "cufflinks",
    "dehumidifier",
    "espresso",
    "fondue",
    "gazebo",
    "hourglass",
    "inkwell",
    "jigsaw",
    "kaleidoscope",
    "lantern",
    "metronome",
    "nutcracker",
    "ottoman",
    "periscope",
    "quiver",
    "rucksack",
    "sundial",
    "tambourine",
    "ukulele",
    "vaporizer",
    "waffle",
    "xylophone",
    "yardstick",
    "zither",
    "anvil",
    "bagpipe",
    "candelabra",
    "didgeridoo",
    "easel",
    "flugelhorn",
    "gramophone",
    "hobbyhorse",
    "igloo",
    "jukebox",
    "kettlebell",
    "lorgnette",
    "mandolin",
    "nebulizer",
]
_NO_MATCH = "qwxzjvkq"  # a word no document contains


def stamp_key() -> str:
    """What a cached store depends on: the loader's version, the schema's migrations and the
    functions that write the search documents (other edits keep the cache)."""
    import inspect

    from console.store import schema, search

    digest = hashlib.sha256()
    digest.update(Path(schema.__file__ or "").read_bytes())
    for fn in (search.case_document, search.event_document, search._split_cjk, search._bigrams):
        digest.update(inspect.getsource(fn).encode())
    digest.update(search._CJK.encode())
    return f"v{BUILD_VERSION}-schema{schema.LATEST_VERSION}-{digest.hexdigest()[:12]}"


def _iso(epoch: float) -> str:  # queries.iso, from a POSIX time
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="microseconds")


def _fmt(text: str, pattern: re.Pattern[str], slots: dict[str, int]) -> str:
    """``text`` as a format string whose ``{n}`` are the template's ids."""
    escaped = text.replace("{", "{{").replace("}", "}}")
    return pattern.sub(lambda m: "{" + str(slots[m.group(0)]) + "}", escaped)


@dataclass(frozen=True, slots=True)
class _EventT:
    offset: float  # seconds after the case opened (may be negative)
    source: str
    kind: str
    actor: str  # format strings from here on
    actor_kind: str
    actor_name: str
    summary: str
    payload: str
    body: str
    cjk1: str


@dataclass(frozen=True, slots=True)
class _CaseT:
    ids: tuple[str, ...]  # case, customer, ticket, order x3, payment x3, shipment x3, sub
    case: dict[str, Any]
    customer: dict[str, Any]
    events: tuple[_EventT, ...]


ID_SLOTS = 13  # case, customer, ticket, 3 orders, 3 payments, 3 shipments, subscription


def new_ids(n: int) -> tuple[str, ...]:
    """The ids of synthetic case ``n`` (unique within a store)."""
    return (
        f"C90-{n:07d}",
        f"K90-{n:07d}",
        f"TCK-{n:07d}",
        *(f"ORD-{n:07d}{k}" for k in range(3)),
        *(f"PAY-{n:07d}{k}-1" for k in range(3)),
        *(f"SHP-{n:07d}{k}" for k in range(3)),
        f"SUB-{n:07d}",
    )


def _template_ids(case: dict[str, Any], customer_id: str) -> tuple[str, ...]:
    refs = case.get("external_refs") or {}

    def three(key: str) -> list[str]:
        values = list(refs.get(key) or [])[:3]
        return values + [""] * (3 - len(values))

    return (
        case["id"],
        customer_id,
        refs.get("ticket_id") or "",
        *three("order_ids"),
        *three("payment_ids"),
        *three("shipment_ids"),
        refs.get("subscription_id") or "",
    )


def load_templates(count: int = TEMPLATE_CASES) -> list[_CaseT]:
    from console.services.demo import generate_cases
    from console.store.search import event_document

    anchor = datetime(2026, 11, 20, tzinfo=UTC)
    templates = []
    for case_file in generate_cases(count, TEMPLATE_SEED, anchor=anchor):
        case = json.loads(case_file.case.model_dump_json())
        customer = json.loads(case_file.customer.model_dump_json())
        ids = _template_ids(case, customer["id"])
        slots = {value: i for i, value in enumerate(ids) if value}
        pattern = re.compile("|".join(re.escape(v) for v in sorted(slots, key=len, reverse=True)))
        opened = case_file.case.opened_at.timestamp()
        events = []
        for event in case_file.events:
            payload = event.payload.model_dump_json()
            body, cjk1 = event_document(event.summary, payload)
            events.append(
                _EventT(
                    event.occurred_at.timestamp() - opened,
                    event.source.value,
                    event.kind.value,
                    _fmt(event.actor.model_dump_json(), pattern, slots),
                    event.actor.kind.value,
                    _fmt(event.actor.name, pattern, slots),
                    _fmt(event.summary, pattern, slots),
                    _fmt(payload, pattern, slots),
                    _fmt(body, pattern, slots),
                    cjk1,
                )
            )
        templates.append(_CaseT(ids, case, customer, tuple(events)))
    return templates


class Loader:
    """Appends synthetic customers, cases and events to one store file."""

    def __init__(self, path: Path, templates: list[_CaseT], seed: int) -> None:
        from console.store import Store

        Store.open(path).close()  # create and migrate through the real code
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in (
            "journal_mode = OFF",  # rebuilt from scratch on failure: no journal needed
            "synchronous = OFF",
            "cache_size = -1000000",
            "temp_store = MEMORY",
        ):
            self.conn.execute(f"PRAGMA {pragma}")
        self.templates = templates
        self.rng = random.Random(seed)
        self.checked = 0
        self.events_written = 0
        self._events: list[tuple[Any, ...]] = []
        self._texts: list[tuple[Any, ...]] = []
        (self._rowid,) = self.conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()
        self.conn.execute("BEGIN")

    def case(
        self, n: int, template: _CaseT, opened: float, events: int | None = None
    ) -> tuple[str, ...]:
        """Case ``n`` copied from ``template`` (its own events, or ``events`` sampled from
        every template); returns its ids."""
        from console.store.schema import case_ref_rows
        from console.store.search import case_document

        ids = new_ids(n)
        mapping = dict(zip(template.ids, ids, strict=True))
        customer = dict(template.customer, id=ids[1])
        case = dict(template.case, id=ids[0], customer_id=ids[1])
        refs = dict(case.get("external_refs") or {})
        for key in ("order_ids", "payment_ids", "shipment_ids"):
            refs[key] = [mapping.get(v, v) for v in refs.get(key) or []]
        for key in ("ticket_id", "subscription_id"):
            refs[key] = mapping.get(refs.get(key), refs.get(key)) if refs.get(key) else None
        case["external_refs"] = refs
        case["subject"] = _swap(case["subject"], mapping)
        shift = opened - datetime.fromisoformat(template.case["opened_at"]).timestamp()
        for key in ("opened_at", "updated_at", "sla_due_at"):
            moment = datetime.fromisoformat(template.case[key]).timestamp() + shift
            case[key] = datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        customer_json = _dumps(customer)
        case_json = _dumps(case)
        conn = self.conn
        conn.execute(
            "INSERT INTO customers (id, name, tier, language, data) VALUES (?, ?, ?, ?, ?)",
            (ids[1], customer["name"], customer["tier"], customer["language"], customer_json),
        )
        sentiment = (case.get("sentiment") or {}).get("label")
        owner = case["owner"]
        cursor = conn.execute(
            "INSERT INTO cases (customer_id, subject, journey, status, priority, opened_at,"
            " updated_at, sla_due_at, owner_kind, owner_id, sentiment, version, data, id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                ids[1],
                case["subject"],
                case["journey"],
                case["status"],
                case["priority"],
                *(_iso(datetime.fromisoformat(case[k]).timestamp()) for k in _CASE_TIMES),
                owner["kind"],
                owner["id"],
                sentiment,
                case["version"],
                case_json,
                ids[0],
            ),
        )
        conn.execute(
            "INSERT INTO case_text (rowid, body, cjk1, case_id) VALUES (?, ?, ?, ?)",
            (
                cursor.lastrowid,
                *case_document(case["subject"], customer["name"], case_json),
                ids[0],
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO case_refs (kind, ref, case_id) VALUES (?, ?, ?)",
            case_ref_rows(ids[0], case_json),
        )
        if events is None:
            count, last_at = self._own_events(ids, template, opened)
        else:
            count, last_at = self._sampled_events(ids, opened, events)
        conn.execute(
            "UPDATE cases SET event_count = ?, last_event_at = ? WHERE id = ?",
            (count, last_at, ids[0]),
        )
        return ids

    def _own_events(self, ids: tuple[str, ...], template: _CaseT, opened: float) -> tuple[int, str]:
        last = ""
        for seq, event in enumerate(template.events, 1):
            last = self._event(ids, seq, event, opened + event.offset)
        return len(template.events), last

    def _sampled_events(self, ids: tuple[str, ...], opened: float, count: int) -> tuple[int, str]:
        """``count`` events drawn from every template, ~30 s apart (a very long case)."""
        rng = self.rng
        templates = self.templates
        at = opened
        last = ""
        for seq in range(1, count + 1):
            events = templates[rng.randrange(len(templates))].events
            at += rng.uniform(1.0, 60.0)
            last = self._event(ids, seq, events[rng.randrange(len(events))], at)
        return count, last

    def _event(self, ids: tuple[str, ...], seq: int, t: _EventT, at: float) -> str:
        occurred = _iso(at)
        summary = t.summary.format(*ids)
        payload = t.payload.format(*ids)
        body, cjk1 = t.body.format(*ids), t.cjk1
        if self.rng.randrange(RARE_EVERY) == 0:
            from console.store.search import event_document

            word = RARE_WORDS[self.rng.randrange(len(RARE_WORDS))]
            summary = f"{summary} ({word})"
            body, cjk1 = event_document(summary, payload)
        elif self.checked < 2000:
            self._check(summary, payload, body, cjk1)
        self._rowid += 1
        self._events.append(
            (
                self._rowid,
                f"{ids[0]}-e{seq:07d}",
                ids[0],
                seq,
                occurred,
                t.source,
                t.kind,
                t.actor.format(*ids),
                t.actor_kind,
                t.actor_name.format(*ids),
                summary,
                payload,
            )
        )
        self._texts.append((self._rowid, body, cjk1, ids[0]))
        if len(self._events) >= CHUNK:
            self.flush()
        return occurred

    def _check(self, summary: str, payload: str, body: str, cjk1: str) -> None:
        from console.store.search import event_document

        self.checked += 1
        expected = event_document(summary, payload)
        if expected != (body, cjk1):
            raise AssertionError(f"search document differs:\n{expected}\n{(body, cjk1)}")

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO events (rowid, id, case_id, seq, occurred_at, source, kind, actor,"
            " actor_kind, actor_name, summary, payload) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            self._events,
        )
        self.conn.executemany(
            "INSERT INTO event_text (rowid, body, cjk1, case_id) VALUES (?, ?, ?, ?)",
            self._texts,
        )
        self.events_written += len(self._events)
        self._events.clear()
        self._texts.clear()

    def commit(self) -> None:
        self.flush()
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN")

    def close(self) -> None:
        self.flush()
        self.conn.execute("COMMIT")
        self.conn.execute("PRAGMA journal_mode = WAL")  # as the console keeps it
        self.conn.close()


_CASE_TIMES = ("opened_at", "updated_at", "sla_due_at")


def _swap(text: str, mapping: dict[str, str]) -> str:
    for old, new in mapping.items():
        if old:
            text = text.replace(old, new)
    return text


def _dumps(value: Any) -> str:  # as pydantic's model_dump_json writes it
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --- the stores -------------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    path: Path
    info: dict[str, Any]
    seconds: float  # build time (0 when cached)


def _cached(folder: Path, params: dict[str, Any]) -> dict[str, Any] | None:
    stamp = folder / "stamp.json"
    if not stamp.is_file():
        return None
    info: dict[str, Any] = json.loads(stamp.read_text(encoding="utf-8"))
    if info.get("key") != stamp_key() or info.get("params") != params:
        return None
    return info


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder / DB_NAME


def _finish(folder: Path, params: dict[str, Any], info: dict[str, Any], started: float) -> Built:
    info.update(key=stamp_key(), params=params, build_seconds=time.perf_counter() - started)
    info["bytes"] = sum(f.stat().st_size for f in folder.glob(DB_NAME + "*"))
    (folder / "stamp.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return Built(folder / DB_NAME, info, info["build_seconds"])


def timeline_store(long_events: int, big_events: int, filler: int = 200) -> Built:
    """Two cases of ``long_events`` (P2), one of ``big_events`` (P3, P4) and ``filler``
    ordinary demo-sized cases, so the queue is not empty."""
    folder = BENCH_DIR / "cases"
    # the big case has a ticket, an order and a shipment: P4's generator then sends every
    # kind of event it makes (carrier scans, delays, customer comments) into it
    params = {"long": long_events, "big": big_events, "filler": filler, "big_refs": "all"}
    info = _cached(folder, params)
    if info is not None:
        return Built(folder / DB_NAME, info, 0.0)
    print(f"  building {folder.relative_to(ROOT)}: 2 x {long_events:,} + {big_events:,} events")
    started = time.perf_counter()
    templates = load_templates(200)
    loader = Loader(_fresh(folder), templates, seed=3)
    base = datetime(2025, 11, 1, tzinfo=UTC).timestamp()
    for n in range(filler):
        loader.case(10 + n, templates[n % len(templates)], base + 3600 * n)
    long_a = loader.case(1, templates[0], base, events=long_events)
    long_b = loader.case(2, templates[1], base, events=long_events)
    loader.commit()
    rich = next(t for t in templates if t.ids[2] and t.ids[3] and t.ids[9])
    big = loader.case(3, rich, base - 86400 * 400, events=big_events)
    loader.close()
    info = {"long": [long_a[0], long_b[0]], "big": big[0], "events": loader.events_written}
    return _finish(folder, params, info, started)


def search_store(cases: int, events_per_case: int = 10) -> Built:
    """``cases`` cases of ``events_per_case`` events each, opened over two years, newest
    last (so rowid order is time order, as in a store that grew by use)."""
    folder = BENCH_DIR / "search"
    params = {"cases": cases, "events_per_case": events_per_case}
    info = _cached(folder, params)
    if info is not None:
        return Built(folder / DB_NAME, info, 0.0)
    print(f"  building {folder.relative_to(ROOT)}: {cases:,} cases x {events_per_case} events")
    started = time.perf_counter()
    templates = load_templates()
    loader = Loader(_fresh(folder), templates, seed=5)
    base = datetime(2024, 11, 1, tzinfo=UTC).timestamp()
    step = 2 * 365 * 86400 / max(cases, 1)
    fitting = [t for t in templates if len(t.events) >= events_per_case]
    clipped = [_CaseT(t.ids, t.case, t.customer, t.events[-events_per_case:]) for t in fitting]
    report = max(1, cases // 10)
    for n in range(1, cases + 1):
        loader.case(n, clipped[n % len(clipped)], base + n * step)
        if n % 50_000 == 0:
            loader.commit()
        if n % report == 0:
            rate = loader.events_written / (time.perf_counter() - started)
            print(f"    {n:,} cases, {loader.events_written:,} events ({rate:,.0f} events/s)")
    loader.close()
    info = {"cases": cases, "events": loader.events_written, "order_ids": _some_order_ids(cases)}
    return _finish(folder, params, info, started)


def _some_order_ids(cases: int) -> list[str]:
    rng = random.Random(9)
    return [new_ids(rng.randrange(1, cases + 1))[3] for _ in range(8)]


_PREFIXES = ("ref", "del", "pac", "cha", "tra")
_ZH_WORDS = ("退款", "订单", "快递", "包裹", "客服", "地址", "发票", "取消", "物流", "签收")
_ZH_PHRASES = ("中通快递", "登记工单", "退款申请", "物流信息", "订单编号", "尽快处理", "申请退款")


def query_words(templates: list[_CaseT]) -> dict[str, list[str]]:
    """Query terms per class, taken from the indexed text of the templates (so the store
    has them), four per class."""
    bodies = [event.body + " " + event.summary for t in templates for event in t.events]
    docs = [{w.lower() for w in re.findall(r"[A-Za-z]{4,}", body)} for body in bodies]
    latin: dict[str, int] = {}
    for words in docs:
        for word in words:
            latin[word] = latin.get(word, 0) + 1
    ranked = [w for w, _ in sorted(latin.items(), key=lambda kv: -kv[1])]
    pairs: list[str] = []
    used: set[str] = set()
    for first in ranked[10:80]:
        for second in ranked[10:80]:
            if first >= second or first in used or second in used or len(pairs) >= 4:
                continue
            together = sum(1 for d in docs if first in d and second in d)
            if 0 < together < 0.1 * min(latin[first], latin[second]):
                pairs.append(f"{first} {second}")
                used |= {first, second}
    text = " ".join(bodies)
    zh2 = sorted((w for w in _ZH_WORDS if w in text), key=lambda w: -text.count(w[0] + " " + w))
    zh4 = [w for w in _ZH_PHRASES if " ".join(w[i : i + 2] for i in range(3)) in text]
    prefixes = [
        p for p in ("ref", "del", "pac", "cha", "tra") if any(w.startswith(p) for w in latin)
    ]
    return {
        "rare word": list(RARE_WORDS[:4]),
        "common word": ["the", *[w for w in ranked if w not in ("the",)][:3]],
        "two-word AND": pairs,
        "3-letter prefix": prefixes[:4],
        "Chinese word (2 chars)": zh2[:4],
        "Chinese phrase (4 chars)": zh4[:4],
        "no match": [_NO_MATCH, _NO_MATCH + "s", "zzqv", _NO_MATCH[:5]],
    }
