"""English (en): what customers, the bot and agents write. See :mod:`.language`."""

from __future__ import annotations

from typing import Final

from console.domain.case import Journey

from .language import ByJourney, Language, Mood

J = Journey

# --- what the business sells, as this language names it -------------------------------

PLAN: Final[str] = "Nova+ Premium"
SERVICE: Final[str] = "Nova Fibre 500"

# --- the customer's mood (the case's sentiment reason quotes these) -------------------

MOOD: Final[dict[Mood, tuple[str, ...]]] = {
    "angry": (
        "This is completely unacceptable.",
        "Frankly, your service has been a disgrace.",
        "If this isn't sorted today I'm disputing the charge with my bank.",
        "I am absolutely furious.",
    ),
    "frustrated": (
        "I'm getting really frustrated.",
        "This is taking far too long.",
        "I'm disappointed, to be honest.",
    ),
    "calm": (
        "Could you please look into it?",
        "Thanks in advance for your help.",
        "No rush, but I'd appreciate an update.",
    ),
}
REPEAT: Final[tuple[str, ...]] = (
    "I already explained all of this to your chat assistant.",
    "This is the third time I'm explaining this.",
    "I've now told this story by chat, by email and on the phone.",
)
THANKS: Final[tuple[str, ...]] = (
    "Thank you, that's sorted now. I appreciate the help.",
    "Great, thanks for fixing this so quickly.",
)

# --- contradictory facts, appended to a customer message ------------------------------

CONTRA_DELIVERED: Final[str] = (
    "The tracking says it was delivered on {delivered_date}, but nothing arrived. "
    "I was at home all day."
)
CONTRA_REFUND: Final[str] = (
    "You told me a refund was processed, but nothing has reached my account."
)
CONTRA_OUTAGE: Final[str] = (
    "Your status page says the outage is fixed, but my connection is still dead."
)

# --- case subjects (also e-mail subjects) ---------------------------------------------

SUBJECTS: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("Where is my order {order}?", "No tracking updates for {order}"),
    J.LATE_DELIVERY: ("Order {order} is late", "{product} not delivered by the promised date"),
    J.LOST_DELIVERY: ("Parcel lost - order {order}", "{carrier} can't find my parcel"),
    J.DAMAGED_ITEM: ("{product} arrived damaged", "Broken item in order {order}"),
    J.BILLING_DISPUTE: ("Wrong amount charged for {order}", "Discount not applied to {order}"),
    J.DOUBLE_CHARGE: ("Charged twice for order {order}", "Duplicate payment on my card"),
    J.SUBSCRIPTION_CANCELLATION: (
        "Charged after cancelling {plan}",
        "Please cancel my {plan} subscription",
    ),
    J.SERVICE_OUTAGE: ("Internet down in {area}", "{service} outage - compensation request"),
}

# --- the customer's first message (to the bot) ----------------------------------------

FIRST: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "Hi, where is my order {order}? I ordered the {product} on {order_date} and the "
        "tracking hasn't moved for days.",
        "I placed order {order} on {order_date} and still have no idea where it is. "
        "{carrier} tracking {tracking} just says in transit.",
        "Can you tell me where my {product} is? Order {order}, I paid {amount}.",
    ),
    J.LATE_DELIVERY: (
        "My order {order} was supposed to arrive by {promised_date} and it still isn't "
        "here. I paid {fee} for express delivery.",
        "My order {order} ({product}) was promised for {promised_date}. Now {carrier} "
        "says it's delayed another {days} days. It was meant to be a birthday present.",
    ),
    J.LOST_DELIVERY: (
        "I think my parcel is lost. Order {order}, {carrier} tracking {tracking} hasn't "
        "updated since {last_scan_date}.",
        "{carrier} told me they can't find my parcel with the {product}. Order {order}. "
        "I want a replacement or my {amount} back.",
    ),
    J.DAMAGED_ITEM: (
        "The {product} from order {order} arrived damaged. The box was crushed and the "
        "item is cracked. I have photos.",
        "I received order {order} and the {product} is broken: it won't switch on and "
        "there's a big dent on the side.",
    ),
    J.BILLING_DISPUTE: (
        "The checkout showed {expected} with code {promo}, but my card was charged "
        "{amount} for order {order}.",
        "I was overcharged for order {order}. I should have paid {expected}, not {amount}.",
    ),
    J.DOUBLE_CHARGE: (
        "I've been charged twice for order {order}: two payments of {amount} on "
        "{order_date}. Please refund one of them.",
        "My bank statement shows {amount} taken twice for the same order ({order}).",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "I cancelled my {plan} subscription on {cancel_date} but you still charged me "
        "{plan_fee} on {renew_date}.",
        "I want to cancel {plan} and get the {plan_fee} renewal back. I asked to cancel "
        "before it renewed.",
    ),
    J.SERVICE_OUTAGE: (
        "My {service} connection has been down since {outage_date}. I work from home and "
        "I've lost {outage_hours} hours of work.",
        "No internet in {area} since {outage_date}. When will it be fixed, and will I be "
        "compensated for {outage_hours} hours without service?",
    ),
}

# --- the customer pushing back on the bot, and chasing later --------------------------

PUSHBACK: Final[tuple[str, ...]] = (
    "That doesn't help me. I'd like to speak to a person, please.",
    "That's what the website says too. I need someone to actually look at this.",
    "Not good enough. Can a real person look at it?",
    "Agent, please.",
)
FOLLOWUP: Final[tuple[str, ...]] = (
    "Any news on ticket {ticket}? I still haven't heard anything.",
    "Still waiting on {ticket}. Nobody has got back to me.",
    "Hello? It's been days and this is still not sorted.",
)

# --- the bot --------------------------------------------------------------------------

BOT_GREETING: Final[tuple[str, ...]] = (
    "Hi {first_name}, I'm Nova, the virtual assistant. How can I help today?",
    "Hello! I'm Nova. Tell me what's going on and I'll look into it.",
)
BOT_STATUS: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "I found order {order}. It shipped with {carrier} (tracking "
        "{tracking}) and is in transit. Deliveries usually take 3-5 "
        "working days.",
    ),
    J.LATE_DELIVERY: (
        "Order {order} is running late: {carrier} reports a delay of about "
        "{days} days. The new estimated delivery date is {new_eta}.",
    ),
    J.LOST_DELIVERY: (
        "Order {order} was handed to {carrier}. The last scan was on "
        "{last_scan_date} and I can't see any newer updates.",
    ),
    J.DAMAGED_ITEM: (
        "I'm sorry to hear that. Order {order} was delivered on "
        "{delivered_date}. Please describe the damage and upload photos.",
    ),
    J.BILLING_DISPUTE: (
        "I found order {order}. The payment on file is {amount}. I'm not "
        "able to change charges myself.",
    ),
    J.DOUBLE_CHARGE: (
        "I can see two card payments for order {order}. Duplicate "
        "authorisations usually drop off within 3-5 working days.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "Your {plan} subscription renewed on {renew_date} for "
        "{plan_fee}. I can't see a completed cancellation.",
    ),
    J.SERVICE_OUTAGE: (
        "There is a known service disruption in {area}. Our engineers are "
        "working on it; you can follow updates on the status page.",
    ),
}
BOT_DELIVERED: Final[str] = (
    "According to {carrier}, order {order} was delivered on {delivered_date}."
)
BOT_HANDOFF: Final[tuple[str, ...]] = (
    "Sorry I couldn't solve this. I've opened ticket {ticket} and passed it to a "
    "colleague, who will reply by email.",
    "I've created ticket {ticket} for you. A member of our support team will be in touch shortly.",
)

# --- e-mails from the customer --------------------------------------------------------

EMAIL: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "I'm writing about order {order} ({product}). It went out with "
        "{carrier}, tracking number {tracking}, and nothing has moved "
        "since. Can someone tell me where it actually is?",
    ),
    J.LATE_DELIVERY: (
        "Order {order} should have been delivered by {promised_date}. "
        "{carrier} now says there is a delay of {days} days. I paid {fee} "
        "for express delivery and I'd like that back at the very least.",
    ),
    J.LOST_DELIVERY: (
        "My parcel for order {order} ({product}) has been stuck with "
        "{carrier} since {last_scan_date}. I'd like a replacement sent or "
        "a full refund of {amount}.",
    ),
    J.DAMAGED_ITEM: (
        "The {product} from order {order} arrived damaged. I've attached "
        "photos of the box and the item. Please send a replacement.",
    ),
    J.BILLING_DISPUTE: (
        "For order {order} I was charged {amount}, although the total at "
        "checkout with code {promo} was {expected}. Please refund the "
        "difference of {difference}.",
    ),
    J.DOUBLE_CHARGE: (
        "Order {order} was charged twice, {amount} each time. I've attached "
        "a screenshot of my bank statement. Please refund the duplicate.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "I cancelled {plan} on {cancel_date}, before the "
        "renewal date, and was still charged {plan_fee} on "
        "{renew_date}. Please confirm the cancellation and "
        "refund the charge.",
    ),
    J.SERVICE_OUTAGE: (
        "My {service} connection in {area} has been down since "
        "{outage_date}. I'd like to know when it will be fixed and how "
        "you will compensate me for {outage_hours} hours without "
        "internet.",
    ),
}
EMAIL_FRAME: Final[tuple[str, str]] = ("Hello,\n\n", "\n\n{first_name}")

# --- agents writing to the customer ---------------------------------------------------

AGENT_FRAME: Final[tuple[str, str]] = ("Hi {first_name},\n\n", "\n\nKind regards,\n{agent}")
AGENT_REPLY: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "Thank you for your patience. I've checked order {order} with "
        "{carrier} and asked them to trace tracking number {tracking}. "
        "I'll update you as soon as they respond.",
    ),
    J.LATE_DELIVERY: (
        "I'm sorry your {product} is late. {carrier} has confirmed a delay "
        "of {days} days; the new delivery date is {new_eta}. I'm looking "
        "into the express fee of {fee} for you.",
    ),
    J.LOST_DELIVERY: (
        "I'm sorry about your parcel. I've raised a lost-parcel claim with "
        "{carrier} for tracking number {tracking} and I'm checking stock "
        "for a replacement {product}.",
    ),
    J.DAMAGED_ITEM: (
        "I'm sorry the {product} arrived damaged, and thank you for the "
        "photos. I'm arranging a replacement and a free collection of the "
        "damaged one.",
    ),
    J.BILLING_DISPUTE: (
        "You're right that code {promo} should have applied to order "
        "{order}. I've asked our payments team to refund the difference "
        "of {difference}.",
    ),
    J.DOUBLE_CHARGE: (
        "I can confirm order {order} was captured twice. I've asked our "
        "payments team to refund the duplicate payment of {amount}.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "I can see your cancellation request for {plan}. I'm "
        "making sure it is completed and that the {plan_fee} "
        "renewal is refunded.",
    ),
    J.SERVICE_OUTAGE: (
        "I'm sorry about the outage in {area}. Our network team is on it, "
        "and I'll make sure you are credited for the time without "
        "service.",
    ),
}
AGENT_ASK: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "Could you check with your neighbours or building reception "
        "whether someone took the parcel in for you?",
    ),
    J.LATE_DELIVERY: (
        "Would you prefer to wait for the new date, or shall I cancel the order and refund you?",
    ),
    J.LOST_DELIVERY: (
        "Could you confirm the delivery address for a replacement, and "
        "whether a signature is needed?",
    ),
    J.DAMAGED_ITEM: (
        "Could you send a photo of the shipping label and tell me whether "
        "you'd prefer a replacement or a refund?",
    ),
    J.BILLING_DISPUTE: (
        "Could you send a screenshot of the checkout page showing the discounted total?",
    ),
    J.DOUBLE_CHARGE: (
        "Could you send the bank statement lines showing both payments, so "
        "that I can check they are not a pending authorisation?",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "Do you have the confirmation e-mail you received when you cancelled on {cancel_date}?",
    ),
    J.SERVICE_OUTAGE: ("Could you restart the router and tell me which lights are on?",),
}
AGENT_RESOLVE: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "Good news: {carrier} has confirmed your parcel was delivered "
        "today. Thank you for bearing with us.",
    ),
    J.LATE_DELIVERY: (
        "Your parcel has now been delivered, and I've refunded the express "
        "fee of {fee} to your original payment method.",
    ),
    J.LOST_DELIVERY: (
        "{carrier} has confirmed the parcel is lost, so I've refunded "
        "{amount} in full. It should reach your account in 3-5 working "
        "days.",
    ),
    J.DAMAGED_ITEM: (
        "A replacement {product} is on its way, and the courier will collect "
        "the damaged one when it's delivered.",
    ),
    J.BILLING_DISPUTE: ("The difference of {difference} has been refunded to your card.",),
    J.DOUBLE_CHARGE: ("The duplicate payment of {amount} has been refunded to your card.",),
    J.SUBSCRIPTION_CANCELLATION: (
        "Your {plan} subscription is cancelled and the {plan_fee} renewal has been refunded.",
    ),
    J.SERVICE_OUTAGE: (
        "Service in {area} is restored, and I've applied a credit of {credit} to your next bill.",
    ),
}

EN = Language(
    plan=PLAN,
    service=SERVICE,
    mood=MOOD,
    repeat=REPEAT,
    thanks=THANKS,
    contra_delivered=CONTRA_DELIVERED,
    contra_refund=CONTRA_REFUND,
    contra_outage=CONTRA_OUTAGE,
    subjects=SUBJECTS,
    first=FIRST,
    pushback=PUSHBACK,
    followup=FOLLOWUP,
    bot_greeting=BOT_GREETING,
    bot_status=BOT_STATUS,
    bot_delivered=BOT_DELIVERED,
    bot_handoff=BOT_HANDOFF,
    email=EMAIL,
    email_frame=EMAIL_FRAME,
    agent_frame=AGENT_FRAME,
    agent_reply=AGENT_REPLY,
    agent_ask=AGENT_ASK,
    agent_resolve=AGENT_RESOLVE,
)
