"""The domain's vocabulary: every enumeration, with no dependency beyond the standard library.

Kept apart from the pydantic models so that lists (the queue, a timeline page) can be read
and shown without importing pydantic, which matters for start-up time. The model modules
re-export these names.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Tier(StrEnum):
    STANDARD = "standard"
    SILVER = "silver"
    GOLD = "gold"
    PLATINUM = "platinum"


class ContactKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    CHAT = "chat"
    POSTAL = "postal"


class Journey(StrEnum):
    """What the customer is trying to get done."""

    WHERE_IS_MY_ORDER = "where_is_my_order"
    LATE_DELIVERY = "late_delivery"
    LOST_DELIVERY = "lost_delivery"
    DAMAGED_ITEM = "damaged_item"
    BILLING_DISPUTE = "billing_dispute"
    DOUBLE_CHARGE = "double_charge"
    SUBSCRIPTION_CANCELLATION = "subscription_cancellation"
    SERVICE_OUTAGE = "service_outage"


class CaseStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING_CUSTOMER = "waiting_customer"
    WAITING_SYSTEM = "waiting_system"
    WAITING_SUPERVISOR = "waiting_supervisor"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_active(self) -> bool:
        return self not in (CaseStatus.RESOLVED, CaseStatus.CLOSED)


class Priority(IntEnum):
    """Higher is more urgent; stored as its number so that it sorts natively."""

    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4


class OwnerKind(StrEnum):
    AI = "ai"
    AGENT = "agent"
    SYSTEM = "system"  # waiting on a remote system


class SentimentLabel(StrEnum):
    VERY_NEGATIVE = "very_negative"
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class EventSource(StrEnum):
    """Where an event came from: a channel, a person, the AI or a named system."""

    CHAT = "chat"
    EMAIL = "email"
    VOICE = "voice"
    SMS = "sms"
    BOT = "bot"
    AGENT = "agent"
    AI = "ai"
    ORDERS = "orders"
    PAYMENTS = "payments"
    LOGISTICS = "logistics"
    INVENTORY = "inventory"
    TICKETS = "tickets"
    TANDEM = "tandem"  # Tandem itself: decisions, action status


class EventKind(StrEnum):
    CUSTOMER_MESSAGE = "customer_message"
    AGENT_MESSAGE = "agent_message"
    BOT_MESSAGE = "bot_message"
    NOTE = "note"
    SYSTEM_EVENT = "system_event"
    AI_PROPOSAL = "ai_proposal"
    DECISION = "decision"
    ACTION_STATUS = "action_status"


class ActorKind(StrEnum):
    CUSTOMER = "customer"
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    BOT = "bot"
    AI = "ai"
    SYSTEM = "system"


class ActionKind(StrEnum):
    REFUND = "refund"
    RESHIP = "reship"
    ACCOUNT_CREDIT = "account_credit"
    REPLY_TO_CUSTOMER = "reply_to_customer"
    NOTIFY_LOGISTICS = "notify_logistics"
    ADJUST_INVENTORY = "adjust_inventory"
    ESCALATE = "escalate"
    CLOSE_CASE = "close_case"


class SystemName(StrEnum):
    """The remote systems (and Tandem itself) an action can target."""

    ORDERS = "orders"
    PAYMENTS = "payments"
    LOGISTICS = "logistics"
    INVENTORY = "inventory"
    TICKETS = "tickets"
    ACCOUNTS = "accounts"  # customers' accounts: credits
    TANDEM = "tandem"


class Risk(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    TRAINER = "trainer"


class AutonomyLevel(StrEnum):
    """How much autonomy a step gets, from none to full.

    ``forbid``: nobody may do it through Tandem. ``suggest``: the AI may only suggest it;
    a human must carry it out. ``agent`` / ``supervisor``: it runs once that role approves.
    ``auto_with_undo``: it runs alone and can be undone for a while. ``auto``: it runs alone.
    """

    FORBID = "forbid"
    SUGGEST = "suggest"
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    AUTO_WITH_UNDO = "auto_with_undo"
    AUTO = "auto"


class DecisionKind(StrEnum):
    APPROVE = "approve"
    EDIT = "edit"
    OVERRIDE = "override"
    INSTRUCT = "instruct"
    TAKE_OVER = "take_over"
    HAND_BACK = "hand_back"
    DEFER = "defer"


class StepState(StrEnum):
    """Where a decided plan step stands (an undecided step has no state yet)."""

    APPROVED = "approved"  # approved; waits for write-back
    AWAITING_SUPERVISOR = "awaiting_supervisor"  # above the approver's authority
    REJECTED = "rejected"


class ReasonCode(StrEnum):
    WRONG_FACTS = "wrong_facts"
    AGAINST_POLICY = "against_policy"
    CUSTOMER_PREFERENCE = "customer_preference"
    TONE = "tone"
    MISSING_INFORMATION = "missing_information"
    OTHER = "other"


class ExecutionState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    DELIVERED = "delivered"
    REJECTED = "rejected"
    UNKNOWN_OUTCOME = "unknown_outcome"
    RECONCILED = "reconciled"
    CANCELLED = "cancelled"
