"""Spanish (es): what customers, the bot and agents write. See :mod:`.language`."""

from __future__ import annotations

from typing import Final

from console.domain.case import Journey

from .language import ByJourney, Language, Mood

J = Journey

# --- what the business sells, as this language names it -------------------------------

PLAN: Final[str] = "Nova+ Premium"
SERVICE: Final[str] = "Nova Fibra 500"

# --- the customer's mood (the case's sentiment reason quotes these) -------------------

MOOD: Final[dict[Mood, tuple[str, ...]]] = {
    "angry": ("Esto es totalmente inaceptable.", "Estoy muy enfadada con su servicio."),
    "frustrated": ("Esto está tardando demasiado.", "La verdad, estoy bastante decepcionado."),
    "calm": ("¿Podrían revisarlo, por favor?", "Gracias de antemano."),
}
REPEAT: Final[tuple[str, ...]] = (
    "Ya le expliqué todo esto al asistente del chat.",
    "Es la tercera vez que explico lo mismo.",
)
THANKS: Final[tuple[str, ...]] = ("Muchas gracias, ya está todo resuelto.",)

# --- contradictory facts, appended to a customer message ------------------------------

CONTRA_DELIVERED: Final[str] = (
    "El seguimiento dice que se entregó el {delivered_date}, pero yo no he recibido nada."
)
CONTRA_REFUND: Final[str] = "Me dijeron que el reembolso estaba hecho, pero no me ha llegado nada."
CONTRA_OUTAGE: Final[str] = (
    "Su página de estado dice que la avería está resuelta, pero sigo sin conexión."
)

# --- case subjects (also e-mail subjects) ---------------------------------------------

SUBJECTS: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("¿Dónde está mi pedido {order}?",),
    J.LATE_DELIVERY: ("El pedido {order} llega tarde",),
    J.LOST_DELIVERY: ("Paquete perdido – pedido {order}",),
    J.DAMAGED_ITEM: ("Producto dañado en el pedido {order}",),
    J.BILLING_DISPUTE: ("Importe incorrecto en el pedido {order}",),
    J.DOUBLE_CHARGE: ("Cobro duplicado del pedido {order}",),
    J.SUBSCRIPTION_CANCELLATION: ("Cobro después de cancelar {plan}",),
    J.SERVICE_OUTAGE: ("Sin internet en {area}",),
}

# --- the customer's first message (to the bot) ----------------------------------------

FIRST: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "Hola, ¿dónde está mi pedido {order}? Lo hice el {order_date} ({product}) y el "
        "seguimiento no se mueve desde hace días.",
    ),
    J.LATE_DELIVERY: (
        "El pedido {order} tenía que llegar antes del {promised_date} y todavía no ha "
        "llegado. Pagué {fee} por el envío urgente.",
    ),
    J.LOST_DELIVERY: (
        "Creo que mi paquete se ha perdido. Pedido {order}, seguimiento de {carrier} "
        "{tracking}, sin novedades desde el {last_scan_date}.",
    ),
    J.DAMAGED_ITEM: (
        "El pedido {order} ({product}) llegó dañado: la caja estaba aplastada y el "
        "aparato tiene una grieta. Tengo fotos.",
    ),
    J.BILLING_DISPUTE: (
        "Al pagar, con el código {promo} el total era {expected}, pero me cobraron "
        "{amount} por el pedido {order}.",
    ),
    J.DOUBLE_CHARGE: (
        "Me han cobrado dos veces el pedido {order}: dos cargos de {amount} el "
        "{order_date}. Por favor, devuélvanme uno.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "Cancelé {plan} el {cancel_date} y aun así me cobraron {plan_fee} el {renew_date}.",
    ),
    J.SERVICE_OUTAGE: (
        "Mi conexión {service} no funciona desde el {outage_date}. Teletrabajo y he "
        "perdido {outage_hours} horas de trabajo.",
    ),
}

# --- the customer pushing back on the bot, and chasing later --------------------------

PUSHBACK: Final[tuple[str, ...]] = ("Eso no me ayuda. Quiero hablar con una persona, por favor.",)
FOLLOWUP: Final[tuple[str, ...]] = (
    "¿Hay novedades sobre la incidencia {ticket}? Nadie me ha contestado.",
)

# --- the bot --------------------------------------------------------------------------

BOT_GREETING: Final[tuple[str, ...]] = (
    "Hola {first_name}, soy Nova, la asistente virtual. ¿En qué puedo ayudarle?",
)
BOT_STATUS: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "El pedido {order} salió con {carrier} (seguimiento {tracking}) y está en tránsito.",
    ),
    J.LATE_DELIVERY: (
        "El pedido {order} lleva retraso: {carrier} indica unos {days} días. "
        "Nueva fecha estimada: {new_eta}.",
    ),
    J.LOST_DELIVERY: (
        "El pedido {order} se entregó a {carrier}. El último escaneo fue el {last_scan_date}.",
    ),
    J.DAMAGED_ITEM: (
        "Lo siento mucho. El pedido {order} se entregó el {delivered_date}. "
        "Describa el daño y suba fotos, por favor.",
    ),
    J.BILLING_DISPUTE: ("El pedido {order} tiene un cobro de {amount}.",),
    J.DOUBLE_CHARGE: ("Veo dos cargos con tarjeta para el pedido {order}.",),
    J.SUBSCRIPTION_CANCELLATION: (
        "Su suscripción {plan} se renovó el {renew_date} por "
        "{plan_fee}. No veo ninguna cancelación.",
    ),
    J.SERVICE_OUTAGE: (
        "Hay una avería conocida en {area}. Nuestros técnicos están trabajando en ella.",
    ),
}
BOT_DELIVERED: Final[str] = "Según {carrier}, el pedido {order} se entregó el {delivered_date}."
BOT_HANDOFF: Final[tuple[str, ...]] = (
    "He abierto la incidencia {ticket} y la he pasado a un compañero del equipo.",
)

# --- e-mails from the customer --------------------------------------------------------

EMAIL: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "les escribo por el pedido {order} ({product}), seguimiento "
        "{tracking} de {carrier}. No se ha movido desde el envío.",
    ),
    J.LATE_DELIVERY: (
        "el pedido {order} debía llegar antes del {promised_date} y ahora "
        "{carrier} habla de {days} días de retraso. Pido al menos el "
        "reembolso de los {fee} del envío urgente.",
    ),
    J.LOST_DELIVERY: (
        "mi paquete del pedido {order} está parado en {carrier} desde el "
        "{last_scan_date}. Quiero un reenvío o el reembolso de {amount}.",
    ),
    J.DAMAGED_ITEM: (
        "el pedido {order} ({product}) llegó dañado. Adjunto fotos. Por favor, envíenme uno nuevo.",
    ),
    J.BILLING_DISPUTE: (
        "por el pedido {order} me cobraron {amount}, pero con el código "
        "{promo} eran {expected}. Devuélvanme la diferencia de "
        "{difference}.",
    ),
    J.DOUBLE_CHARGE: (
        "el pedido {order} se me cobró dos veces, {amount} cada vez. "
        "Adjunto el extracto del banco.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "cancelé {plan} el {cancel_date} y el {renew_date} me "
        "cobraron {plan_fee}. Quiero el reembolso.",
    ),
    J.SERVICE_OUTAGE: (
        "mi conexión en {area} no funciona desde el {outage_date}. ¿Cuándo "
        "se arreglará y cómo me compensarán las {outage_hours} horas sin "
        "servicio?",
    ),
}
EMAIL_FRAME: Final[tuple[str, str]] = ("Buenos días:\n\n", "\n\nUn saludo,\n{name}")

# --- agents writing to the customer ---------------------------------------------------

AGENT_FRAME: Final[tuple[str, str]] = ("Hola, {first_name}:\n\n", "\n\nUn saludo,\n{agent}")
AGENT_REPLY: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "gracias por su paciencia. He pedido a {carrier} que localice el envío {tracking}.",
    ),
    J.LATE_DELIVERY: (
        "siento el retraso. {carrier} confirma {days} días de demora; la "
        "nueva fecha es el {new_eta}.",
    ),
    J.LOST_DELIVERY: (
        "he abierto una reclamación por pérdida con {carrier} para el envío "
        "{tracking} y estoy comprobando el stock para reenviarlo.",
    ),
    J.DAMAGED_ITEM: (
        "gracias por las fotos. Estoy organizando el envío de uno nuevo y la "
        "recogida gratuita del dañado.",
    ),
    J.BILLING_DISPUTE: (
        "el código {promo} debía aplicarse. He solicitado el reembolso de "
        "la diferencia de {difference}.",
    ),
    J.DOUBLE_CHARGE: (
        "confirmo el cobro duplicado del pedido {order}. He solicitado el reembolso de {amount}.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "veo su solicitud de cancelación de {plan}. Me aseguro "
        "de que se complete y se reembolsen los {plan_fee}.",
    ),
    J.SERVICE_OUTAGE: ("sentimos la avería en {area}. Le abonaremos el tiempo sin servicio.",),
}
AGENT_ASK: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("¿Podría preguntar a sus vecinos si alguien recogió el paquete?",),
    J.LATE_DELIVERY: ("¿Prefiere esperar a la nueva fecha o que cancele el pedido?",),
    J.LOST_DELIVERY: ("¿Me confirma la dirección de entrega para el reenvío?",),
    J.DAMAGED_ITEM: ("¿Podría enviarme una foto de la etiqueta de envío?",),
    J.BILLING_DISPUTE: ("¿Tiene una captura de la página de pago con el descuento?",),
    J.DOUBLE_CHARGE: ("¿Podría enviarme los movimientos del banco con los dos cargos?",),
    J.SUBSCRIPTION_CANCELLATION: ("¿Conserva el correo de confirmación de la cancelación?",),
    J.SERVICE_OUTAGE: ("¿Puede reiniciar el router y decirme qué luces están encendidas?",),
}
AGENT_RESOLVE: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("{carrier} confirma que su paquete se entregó hoy.",),
    J.LATE_DELIVERY: ("Su paquete ya se entregó y le hemos devuelto los {fee} del envío urgente.",),
    J.LOST_DELIVERY: ("{carrier} confirma la pérdida; le hemos reembolsado {amount}.",),
    J.DAMAGED_ITEM: ("El producto de sustitución va de camino y recogerán el dañado.",),
    J.BILLING_DISPUTE: ("Le hemos devuelto la diferencia de {difference}.",),
    J.DOUBLE_CHARGE: ("Le hemos devuelto el cargo duplicado de {amount}.",),
    J.SUBSCRIPTION_CANCELLATION: ("{plan} está cancelada y los {plan_fee} reembolsados.",),
    J.SERVICE_OUTAGE: ("El servicio está restablecido y le abonamos {credit}.",),
}

ES = Language(
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
