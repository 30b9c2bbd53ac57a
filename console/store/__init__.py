"""The local SQLite case store: one writer thread, readers per thread.

``queries`` holds the light list reads; ``repositories`` (imported on demand: it loads the
pydantic models) holds the writes and the reads that return domain models.
"""

from . import queries
from .db import Store, inspect
from .records import ImportResult, QuarantineRow, QueueRow, SearchHit, TimelineRow
from .schema import LATEST_VERSION

__all__ = [
    "LATEST_VERSION",
    "ImportResult",
    "QuarantineRow",
    "QueueRow",
    "SearchHit",
    "Store",
    "TimelineRow",
    "inspect",
    "queries",
]
