"""Seeding the sandbox's accounts: every demo customer gets an account, and a folder seeded
before the sandbox had accounts gets them when it is next opened, nothing else changed; a
folder from before credits could be reversed keeps its credits and can reverse them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from console.sandbox.accounts import create_credit, upgrade
from console.sandbox.app import SCHEMAS, create_app
from console.sandbox.runtime import Payload, Sandbox
from console.sandbox.seed import seed
from console.services.demo import generate_cases


def test_an_older_folder_gets_its_customers_accounts(tmp_path: Path) -> None:
    sandbox = Sandbox(tmp_path, SCHEMAS)
    try:
        assert seed(sandbox, 3, 1) is True
        accounts = sandbox.dbs["accounts"]
        expected = {
            (f.customer.id, f.customer.lifetime_value.currency) for f in generate_cases(3, 1)
        }
        got = {(r["id"], r["currency"]) for r in accounts.all("SELECT * FROM customers")}
        assert got == expected
        assert seed(sandbox, 3, 1) is False  # seeded already: nothing to do

        accounts.conn.execute("DELETE FROM customers")  # as a folder from before accounts
        orders = sandbox.dbs["orders"].one("SELECT COUNT(*) FROM orders")[0]
        assert seed(sandbox, 3, 1) is True
        got = {(r["id"], r["currency"]) for r in accounts.all("SELECT * FROM customers")}
        assert got == expected
        assert sandbox.dbs["orders"].one("SELECT COUNT(*) FROM orders")[0] == orders
    finally:
        sandbox.close()


# The accounts system's tables as a folder made before credits could be reversed has them.
_BEFORE_REVERSALS = """
CREATE TABLE customers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, tier TEXT NOT NULL, currency TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE credits (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL REFERENCES customers(id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    balance_after INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX credits_by_customer ON credits (customer_id, seq);
INSERT INTO customers VALUES ('K01-00001', 'Maya Patel', 'gold', 'USD', '2026-01-01T00:00:00Z');
INSERT INTO credits (id, customer_id, amount, currency, reason, balance_after, created_at)
VALUES ('CRD-00000001', 'K01-00001', 1250, 'USD', 'Goodwill', 1250, '2026-11-01T00:00:00Z');
"""


def test_a_folder_from_before_reversals_keeps_its_credits_and_can_take_them_back(
    tmp_path: Path,
) -> None:
    with sqlite3.connect(tmp_path / "accounts.sqlite") as old:
        old.executescript(_BEFORE_REVERSALS)
    old.close()
    app = create_app(tmp_path, demo_cases=0)  # opens the folder, as the sandbox starts
    sandbox = app.sandbox
    try:
        db = sandbox.dbs["accounts"]
        columns = [row["name"] for row in db.all("PRAGMA table_info(credits)")]
        assert columns[-1] == "reverses"
        (kept,) = db.all("SELECT * FROM credits")
        assert (kept["seq"], kept["id"], kept["amount"], kept["reverses"]) == (
            1,
            "CRD-00000001",
            1250,
            None,
        )
        assert db.one("SELECT 1 FROM sqlite_master WHERE name = 'credits_by_customer'")
        upgrade(db)  # once is enough: nothing changes the second time
        body = {"amount": "-12.50", "currency": "USD", "reason": "Undo", "reverses": kept["id"]}
        with db.transaction() as conn:
            outcome = create_credit(conn, Payload({"customer_id": "K01-00001"}, body, "k-1"))
        assert outcome.status == 201
        assert outcome.body["reverses"] == "CRD-00000001"
        assert outcome.body["balance_after"] == {"amount": "0.00", "currency": "USD"}
        assert [r["seq"] for r in db.all("SELECT seq FROM credits ORDER BY seq")] == [1, 2]
    finally:
        sandbox.close()
