"""German (de): what customers, the bot and agents write. See :mod:`.language`."""

from __future__ import annotations

from typing import Final

from console.domain.case import Journey

from .language import ByJourney, Language, Mood

J = Journey

# --- what the business sells, as this language names it -------------------------------

PLAN: Final[str] = "Nova+ Premium"
SERVICE: Final[str] = "Nova Glasfaser 500"

# --- the customer's mood (the case's sentiment reason quotes these) -------------------

MOOD: Final[dict[Mood, tuple[str, ...]]] = {
    "angry": ("Das ist völlig inakzeptabel!", "Ich bin wirklich verärgert."),
    "frustrated": ("Das dauert jetzt wirklich zu lange.", "Ich bin ziemlich enttäuscht."),
    "calm": ("Könnten Sie sich das bitte ansehen?", "Vielen Dank im Voraus."),
}
REPEAT: Final[tuple[str, ...]] = (
    "Ich habe das alles schon dem Chat-Assistenten erklärt.",
    "Das ist jetzt das dritte Mal, dass ich das erkläre.",
)
THANKS: Final[tuple[str, ...]] = ("Vielen Dank, jetzt ist alles in Ordnung.",)

# --- contradictory facts, appended to a customer message ------------------------------

CONTRA_DELIVERED: Final[str] = (
    "Laut Sendungsverfolgung wurde es am {delivered_date} zugestellt, aber bei mir ist "
    "nichts angekommen."
)
CONTRA_REFUND: Final[str] = (
    "Sie haben mir eine Erstattung bestätigt, aber auf meinem Konto ist nichts angekommen."
)
CONTRA_OUTAGE: Final[str] = (
    "Auf Ihrer Statusseite steht, die Störung sei behoben, aber mein Anschluss geht "
    "immer noch nicht."
)

# --- case subjects (also e-mail subjects) ---------------------------------------------

SUBJECTS: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("Wo ist meine Bestellung {order}?",),
    J.LATE_DELIVERY: ("Bestellung {order} ist verspätet",),
    J.LOST_DELIVERY: ("Paket verloren – Bestellung {order}",),
    J.DAMAGED_ITEM: ("Beschädigte Ware in Bestellung {order}",),
    J.BILLING_DISPUTE: ("Falscher Betrag für Bestellung {order}",),
    J.DOUBLE_CHARGE: ("Doppelte Abbuchung für Bestellung {order}",),
    J.SUBSCRIPTION_CANCELLATION: ("Abbuchung trotz Kündigung von {plan}",),
    J.SERVICE_OUTAGE: ("Internetausfall in {area}",),
}

# --- the customer's first message (to the bot) ----------------------------------------

FIRST: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "Hallo, wo ist meine Bestellung {order}? Ich habe am {order_date} bestellt "
        "({product}) und die Sendungsverfolgung bewegt sich seit Tagen nicht.",
    ),
    J.LATE_DELIVERY: (
        "Die Bestellung {order} sollte bis zum {promised_date} ankommen und ist immer noch "
        "nicht da. Ich habe {fee} für Expressversand bezahlt.",
    ),
    J.LOST_DELIVERY: (
        "Mein Paket ist anscheinend verloren. Bestellung {order}, {carrier}-Sendungsnummer "
        "{tracking}, letzte Meldung am {last_scan_date}.",
    ),
    J.DAMAGED_ITEM: (
        "Der Artikel aus Bestellung {order} ({product}) ist beschädigt angekommen. Der "
        "Karton war eingedrückt, der Inhalt ist beschädigt. Fotos habe ich.",
    ),
    J.BILLING_DISPUTE: (
        "Im Warenkorb standen mit dem Code {promo} {expected}, abgebucht wurden aber "
        "{amount} für Bestellung {order}.",
    ),
    J.DOUBLE_CHARGE: (
        "Für Bestellung {order} wurde zweimal abgebucht: zweimal {amount} am {order_date}. "
        "Bitte erstatten Sie eine Zahlung.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "Ich habe {plan} am {cancel_date} gekündigt, trotzdem wurden am {renew_date} "
        "{plan_fee} abgebucht.",
    ),
    J.SERVICE_OUTAGE: (
        "Mein Anschluss ({service}) ist seit dem {outage_date} tot. Ich arbeite im "
        "Homeoffice und habe {outage_hours} Stunden Arbeit verloren.",
    ),
}

# --- the customer pushing back on the bot, and chasing later --------------------------

PUSHBACK: Final[tuple[str, ...]] = (
    "Das hilft mir nicht weiter. Ich möchte bitte mit einem Menschen sprechen.",
)
FOLLOWUP: Final[tuple[str, ...]] = (
    "Gibt es Neuigkeiten zu Ticket {ticket}? Ich habe nichts gehört.",
)

# --- the bot --------------------------------------------------------------------------

BOT_GREETING: Final[tuple[str, ...]] = (
    "Hallo {first_name}, ich bin Nova, der virtuelle Assistent. Wie kann ich helfen?",
)
BOT_STATUS: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "Bestellung {order} wurde mit {carrier} verschickt (Sendung {tracking}) und ist unterwegs.",
    ),
    J.LATE_DELIVERY: (
        "Bestellung {order} verspätet sich laut {carrier} um etwa {days} "
        "Tage. Neuer voraussichtlicher Liefertermin: {new_eta}.",
    ),
    J.LOST_DELIVERY: (
        "Bestellung {order} wurde an {carrier} übergeben. Letzte Meldung: {last_scan_date}.",
    ),
    J.DAMAGED_ITEM: (
        "Das tut mir leid. Bestellung {order} wurde am {delivered_date} "
        "zugestellt. Bitte beschreiben Sie den Schaden und laden Sie Fotos hoch.",
    ),
    J.BILLING_DISPUTE: ("Für Bestellung {order} ist eine Zahlung über {amount} hinterlegt.",),
    J.DOUBLE_CHARGE: ("Ich sehe zwei Kartenzahlungen für Bestellung {order}.",),
    J.SUBSCRIPTION_CANCELLATION: (
        "Ihr Abo {plan} wurde am {renew_date} für {plan_fee} "
        "verlängert. Eine Kündigung sehe ich nicht.",
    ),
    J.SERVICE_OUTAGE: ("In {area} gibt es eine bekannte Störung. Unsere Technik arbeitet daran.",),
}
BOT_DELIVERED: Final[str] = (
    "Laut {carrier} wurde Bestellung {order} am {delivered_date} zugestellt."
)
BOT_HANDOFF: Final[tuple[str, ...]] = (
    "Ich habe Ticket {ticket} erstellt und an das Support-Team übergeben.",
)

# --- e-mails from the customer --------------------------------------------------------

EMAIL: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "es geht um Bestellung {order} ({product}), Sendungsnummer "
        "{tracking} bei {carrier}. Seit dem Versand tut sich nichts. "
        "Wo ist das Paket?",
    ),
    J.LATE_DELIVERY: (
        "Bestellung {order} sollte bis zum {promised_date} geliefert werden, "
        "jetzt meldet {carrier} {days} Tage Verspätung. Bitte erstatten Sie "
        "mir wenigstens die Expressgebühr von {fee}.",
    ),
    J.LOST_DELIVERY: (
        "mein Paket zu Bestellung {order} hängt seit dem {last_scan_date} bei "
        "{carrier} fest. Ich bitte um Ersatz oder Erstattung von {amount}.",
    ),
    J.DAMAGED_ITEM: (
        "der Artikel aus Bestellung {order} ({product}) kam beschädigt an. "
        "Fotos anbei. Bitte schicken Sie Ersatz.",
    ),
    J.BILLING_DISPUTE: (
        "für Bestellung {order} wurden {amount} abgebucht, mit dem Code "
        "{promo} waren es aber {expected}. Bitte erstatten Sie die "
        "Differenz von {difference}.",
    ),
    J.DOUBLE_CHARGE: (
        "Bestellung {order} wurde doppelt abgebucht, je {amount}. Kontoauszug anbei.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "ich habe {plan} am {cancel_date} gekündigt und "
        "trotzdem wurden am {renew_date} {plan_fee} abgebucht.",
    ),
    J.SERVICE_OUTAGE: (
        "mein Anschluss in {area} ist seit dem {outage_date} gestört. Wann "
        "wird das behoben und wie werden {outage_hours} Stunden Ausfall "
        "erstattet?",
    ),
}
EMAIL_FRAME: Final[tuple[str, str]] = (
    "Sehr geehrte Damen und Herren,\n\n",
    "\n\nMit freundlichen Grüßen\n{name}",
)

# --- agents writing to the customer ---------------------------------------------------

AGENT_FRAME: Final[tuple[str, str]] = ("Guten Tag {name},\n\n", "\n\nViele Grüße\n{agent}")
AGENT_REPLY: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "danke für Ihre Geduld. Ich habe bei {carrier} einen "
        "Nachforschungsauftrag für Sendung {tracking} gestellt.",
    ),
    J.LATE_DELIVERY: (
        "es tut mir leid, dass Ihre Lieferung sich verspätet. {carrier} "
        "bestätigt {days} Tage Verzug; neuer Termin ist der {new_eta}.",
    ),
    J.LOST_DELIVERY: (
        "ich habe bei {carrier} eine Verlustmeldung für Sendung {tracking} "
        "eingereicht und prüfe den Bestand für eine Ersatzlieferung.",
    ),
    J.DAMAGED_ITEM: (
        "danke für die Fotos. Ich veranlasse eine Ersatzlieferung und die "
        "kostenlose Abholung des beschädigten Artikels.",
    ),
    J.BILLING_DISPUTE: (
        "der Code {promo} hätte gelten müssen. Ich habe die Erstattung "
        "der Differenz von {difference} beantragt.",
    ),
    J.DOUBLE_CHARGE: (
        "Bestellung {order} wurde tatsächlich doppelt belastet. Die "
        "Erstattung von {amount} ist beantragt.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "Ihre Kündigung von {plan} liegt vor. Ich sorge dafür, "
        "dass die Verlängerung über {plan_fee} erstattet wird.",
    ),
    J.SERVICE_OUTAGE: (
        "die Störung in {area} wird behoben; die Ausfallzeit schreiben wir Ihnen gut.",
    ),
}
AGENT_ASK: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "Könnten Sie bei Ihren Nachbarn nachfragen, ob jemand das Paket angenommen hat?",
    ),
    J.LATE_DELIVERY: ("Möchten Sie auf den neuen Termin warten oder soll ich stornieren?",),
    J.LOST_DELIVERY: ("Bitte bestätigen Sie die Lieferadresse für die Ersatzlieferung.",),
    J.DAMAGED_ITEM: ("Könnten Sie ein Foto des Versandetiketts schicken?",),
    J.BILLING_DISPUTE: ("Haben Sie einen Screenshot des Warenkorbs mit dem Rabatt?",),
    J.DOUBLE_CHARGE: ("Bitte senden Sie mir die Umsätze aus Ihrem Kontoauszug.",),
    J.SUBSCRIPTION_CANCELLATION: ("Haben Sie die Bestätigungsmail zur Kündigung?",),
    J.SERVICE_OUTAGE: (
        "Bitte starten Sie den Router neu und nennen Sie mir die leuchtenden Lämpchen.",
    ),
}
AGENT_RESOLVE: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("{carrier} bestätigt, dass Ihr Paket heute zugestellt wurde.",),
    J.LATE_DELIVERY: ("Ihr Paket ist angekommen, die Expressgebühr von {fee} ist erstattet.",),
    J.LOST_DELIVERY: ("{carrier} hat den Verlust bestätigt; {amount} sind erstattet.",),
    J.DAMAGED_ITEM: ("Der Ersatzartikel ist unterwegs; der beschädigte wird abgeholt.",),
    J.BILLING_DISPUTE: ("Die Differenz von {difference} wurde erstattet.",),
    J.DOUBLE_CHARGE: ("Die doppelte Zahlung von {amount} wurde erstattet.",),
    J.SUBSCRIPTION_CANCELLATION: ("{plan} ist gekündigt und {plan_fee} sind erstattet.",),
    J.SERVICE_OUTAGE: ("Der Anschluss läuft wieder; wir haben Ihnen {credit} gutgeschrieben.",),
}

DE = Language(
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
