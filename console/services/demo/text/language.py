"""What one language brings to the demo: everything its customers, the bot and agents write.

Templates use ``str.format`` fields filled from a case's facts: ``{order}``, ``{product}``,
``{amount}``, ``{fee}``, ``{carrier}``, ``{tracking}``, ``{ticket}``, ``{days}``,
``{order_date}``, ``{promised_date}``, ``{new_eta}``, ``{last_scan_date}``,
``{delivered_date}``, ``{expected}``, ``{difference}``, ``{promo}``, ``{plan}``,
``{plan_fee}``, ``{cancel_date}``, ``{renew_date}``, ``{service}``, ``{area}``,
``{outage_date}``, ``{outage_hours}``, ``{credit}``, ``{name}``, ``{first_name}``,
``{agent}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from console.domain.case import Journey

Mood = Literal["angry", "frustrated", "calm"]
ByJourney = Mapping[Journey, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Language:
    """One language's corpora; each module of this package defines one."""

    plan: str  # the subscription plan's name
    service: str  # the broadband service's name
    mood: Mapping[Mood, tuple[str, ...]]  # phrases appended to a customer message
    repeat: tuple[str, ...]  # "I already told you"; the first is about the chat
    thanks: tuple[str, ...]  # the customer's thanks once it is fixed
    contra_delivered: str  # "tracking says delivered, nothing arrived"
    contra_refund: str  # "you said refunded, nothing reached me"
    contra_outage: str  # "status page says fixed, still down"
    subjects: ByJourney  # case subjects (also e-mail subjects)
    first: ByJourney  # the customer's first message, to the bot
    pushback: tuple[str, ...]  # the customer pushing back on the bot
    followup: tuple[str, ...]  # the customer chasing
    bot_greeting: tuple[str, ...]
    bot_status: ByJourney  # the bot's answer to the first message
    bot_delivered: str  # the bot's answer when the carrier says delivered
    bot_handoff: tuple[str, ...]
    email: ByJourney  # the customer's e-mail telling the story again
    email_frame: tuple[str, str]  # salutation and sign-off of the customer's e-mails
    agent_frame: tuple[str, str]  # salutation and sign-off of the agents' messages
    agent_reply: ByJourney
    agent_ask: ByJourney  # the agent asking the customer for something
    agent_resolve: ByJourney
    carrier_names: Mapping[str, str] = field(default_factory=dict)  # as customers write them
