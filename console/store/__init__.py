"""The local SQLite case store: one writer thread, readers per thread, repositories."""

from .db import Store, inspect
from .records import ImportResult, QueueRow, SearchHit, TimelineRow
from .schema import LATEST_VERSION

__all__ = [
    "LATEST_VERSION",
    "ImportResult",
    "QueueRow",
    "SearchHit",
    "Store",
    "TimelineRow",
    "inspect",
]
