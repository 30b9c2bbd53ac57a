"""Seeding the sandbox's accounts: every demo customer gets an account, and a folder seeded
before the sandbox had accounts gets them when it is next opened, nothing else changed."""

from __future__ import annotations

from pathlib import Path

from console.sandbox.app import SCHEMAS
from console.sandbox.runtime import Sandbox
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
