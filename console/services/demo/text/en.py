"""Text corpora of the demo-data generator: people, products and what they write.

Templates use ``str.format`` fields filled from a case's facts: ``{order}``, ``{product}``,
``{amount}``, ``{fee}``, ``{carrier}``, ``{tracking}``, ``{ticket}``, ``{days}``,
``{order_date}``, ``{promised_date}``, ``{new_eta}``, ``{last_scan_date}``,
``{delivered_date}``, ``{expected}``, ``{difference}``, ``{promo}``, ``{plan}``,
``{plan_fee}``, ``{cancel_date}``, ``{renew_date}``, ``{service}``, ``{area}``,
``{outage_date}``, ``{outage_hours}``, ``{credit}``, ``{name}``, ``{first_name}``,
``{agent}``. Languages are keyed ``en``, ``zh``, ``de`` and ``es``.
"""

from __future__ import annotations

from typing import Final

from console.domain.case import Journey

J = Journey
Corpus = dict[str, dict[Journey, tuple[str, ...]]]

# --- people ------------------------------------------------------------------------------

FIRST_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en-US": (
        "James", "Emily", "Michael", "Olivia", "Daniel", "Sophia", "Marcus", "Hannah",
        "Tyler", "Grace", "Jordan", "Priya", "Carlos", "Aisha", "Ethan", "Megan",
    ),
    "en-GB": (
        "Oliver", "Amelia", "Harry", "Isla", "George", "Chloe", "Jack", "Poppy",
        "Callum", "Niamh", "Rhys", "Freya", "Imran", "Sophie", "Liam", "Eleanor",
    ),
    "de-DE": ("Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Tobias", "Sophie", "Jan"),
    "es-ES": ("Lucía", "Hugo", "Martina", "Pablo", "Sofía", "Álvaro", "Carmen", "Javier"),
}  # fmt: skip
LAST_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en-US": (
        "Johnson", "Miller", "Garcia", "Thompson", "Nguyen", "Patel", "Brooks", "Reed",
        "Carter", "Hayes", "Kim", "Rivera", "Coleman", "Foster",
    ),
    "en-GB": (
        "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walsh", "Hughes",
        "Khan", "Clarke", "Murphy", "Davies", "Ahmed", "Fletcher",
    ),
    "de-DE": ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker"),
    "es-ES": ("García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro"),
}  # fmt: skip
# Chinese names as (characters, pinyin) so that e-mail addresses can be made from them.
ZH_SURNAMES: Final[tuple[tuple[str, str], ...]] = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
    ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"),
    ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("林", "lin"),
)  # fmt: skip
ZH_GIVEN: Final[tuple[tuple[str, str], ...]] = (
    ("芳", "fang"), ("伟", "wei"), ("娜", "na"), ("敏", "min"), ("静", "jing"),
    ("磊", "lei"), ("洋", "yang"), ("婷", "ting"), ("浩然", "haoran"), ("子涵", "zihan"),
    ("欣怡", "xinyi"), ("梓轩", "zixuan"), ("晓东", "xiaodong"), ("建华", "jianhua"),
    ("丽华", "lihua"), ("思远", "siyuan"), ("雨桐", "yutong"), ("嘉怡", "jiayi"),
)  # fmt: skip

# Agents of the escalation desk: id -> (display name, languages they work in, signature
# per language).
AGENTS: Final[dict[str, tuple[str, tuple[str, ...], dict[str, str]]]] = {
    "agent-ana": ("Ana Souza", ("en", "es"), {"en": "Ana", "es": "Ana"}),
    "agent-li": ("Li Wei", ("zh", "en"), {"zh": "客服专员 李伟", "en": "Li"}),
    "agent-tom": ("Tom Becker", ("de", "en"), {"de": "Tom Becker", "en": "Tom"}),
    "agent-priya": ("Priya Shah", ("en",), {"en": "Priya"}),
    "agent-zhang": ("Zhang Min", ("zh",), {"zh": "客服专员 张敏"}),
    "agent-carmen": ("Carmen Ruiz", ("es", "en"), {"es": "Carmen Ruiz", "en": "Carmen"}),
}

# --- things -----------------------------------------------------------------------------

# (sku, price in USD, name per language)
PRODUCTS: Final[tuple[tuple[str, str, dict[str, str]], ...]] = (
    ("TV-AUR-55", "649.00", {"en": "Aurora 55-inch 4K TV", "zh": "Aurora 55英寸4K电视",
     "de": "Aurora 55-Zoll-4K-Fernseher", "es": "televisor Aurora 4K de 55 pulgadas"}),
    ("HP-NIM-2", "229.00", {"en": "Nimbus noise-cancelling headphones",
     "zh": "Nimbus 降噪耳机", "de": "Nimbus Kopfhörer mit Geräuschunterdrückung",
     "es": "auriculares Nimbus con cancelación de ruido"}),
    ("CM-VEL-1", "389.00", {"en": "Velora espresso machine", "zh": "Velora 意式咖啡机",
     "de": "Velora Espressomaschine", "es": "cafetera espresso Velora"}),
    ("LT-KES-14", "1099.00", {"en": "Kestrel 14 laptop", "zh": "Kestrel 14 笔记本电脑",
     "de": "Kestrel 14 Notebook", "es": "portátil Kestrel 14"}),
    ("VC-ORB-3", "349.00", {"en": "Orbit robot vacuum", "zh": "Orbit 扫地机器人",
     "de": "Orbit Saugroboter", "es": "robot aspirador Orbit"}),
    ("LA-LUM-S", "59.00", {"en": "Lumen smart desk lamp", "zh": "Lumen 智能台灯",
     "de": "Lumen smarte Schreibtischlampe", "es": "lámpara de escritorio Lumen"}),
    ("CK-FJO-6", "179.00", {"en": "Fjord 6-piece cookware set", "zh": "Fjord 六件套锅具",
     "de": "Fjord Kochtopf-Set (6-teilig)", "es": "batería de cocina Fjord de 6 piezas"}),
    ("SW-PIC-2", "199.00", {"en": "Pico smartwatch", "zh": "Pico 智能手表",
     "de": "Pico Smartwatch", "es": "reloj inteligente Pico"}),
    ("CH-ATL-E", "429.00", {"en": "Atlas ergonomic office chair", "zh": "Atlas 人体工学椅",
     "de": "Atlas ergonomischer Bürostuhl", "es": "silla ergonómica Atlas"}),
    ("AP-BRZ-4", "279.00", {"en": "Breeze air purifier", "zh": "Breeze 空气净化器",
     "de": "Breeze Luftreiniger", "es": "purificador de aire Breeze"}),
    ("MN-TRN-27", "319.00", {"en": "Tern 27-inch monitor", "zh": "Tern 27英寸显示器",
     "de": "Tern 27-Zoll-Monitor", "es": "monitor Tern de 27 pulgadas"}),
    ("SH-SOL-R", "129.00", {"en": "Sol running shoes", "zh": "Sol 跑步鞋",
     "de": "Sol Laufschuhe", "es": "zapatillas de running Sol"}),
)  # fmt: skip

PLAN: Final[dict[str, str]] = {"en": "Nova+ Premium", "zh": "Nova+ 高级会员",
                              "de": "Nova+ Premium", "es": "Nova+ Premium"}  # fmt: skip
SERVICE: Final[dict[str, str]] = {"en": "Nova Fibre 500", "zh": "Nova 千兆光纤宽带",
                                 "de": "Nova Glasfaser 500", "es": "Nova Fibra 500"}  # fmt: skip

CARRIERS: Final[dict[str, tuple[str, ...]]] = {
    "en-US": ("UPS", "FedEx", "USPS", "DHL"),
    "en-GB": ("Royal Mail", "DPD", "DHL", "Evri"),
    "zh-CN": ("SF Express", "JD Logistics", "ZTO Express", "EMS"),
    "de-DE": ("DHL", "DPD", "Hermes"),
    "es-ES": ("Correos", "SEUR", "DHL"),
}
# Carrier names as Chinese customers write them.
CARRIER_ZH: Final[dict[str, str]] = {
    "SF Express": "顺丰",
    "JD Logistics": "京东物流",
    "ZTO Express": "中通快递",
    "EMS": "EMS",
}
AREAS: Final[dict[str, tuple[str, ...]]] = {
    "en-US": ("Austin, TX 78704", "Columbus, OH 43215", "Denver, CO 80205", "Raleigh, NC"),
    "en-GB": ("Leeds LS6", "Bristol BS3", "Glasgow G12", "Manchester M14"),
    "zh-CN": ("上海市浦东新区", "深圳市南山区", "杭州市西湖区", "北京市朝阳区"),
    "de-DE": ("Berlin-Neukölln", "München-Schwabing", "Köln-Ehrenfeld"),
    "es-ES": ("Madrid (Chamberí)", "Valencia (Ruzafa)", "Sevilla (Triana)"),
}
MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}  # fmt: skip

# --- the customer's mood -----------------------------------------------------------------
# Each phrase is appended to a customer message as written; the case's sentiment reason
# quotes it (without its final punctuation).

MOOD: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "angry": {
        "en": ("This is completely unacceptable.", "Frankly, your service has been a disgrace.",
               "If this isn't sorted today I'm disputing the charge with my bank.",
               "I am absolutely furious."),
        "zh": ("这完全不能接受！", "你们的服务太差劲了！", "今天再不解决我就去12315投诉。",
               "我真的非常生气！"),
        "de": ("Das ist völlig inakzeptabel!", "Ich bin wirklich verärgert."),
        "es": ("Esto es totalmente inaceptable.", "Estoy muy enfadada con su servicio."),
    },
    "frustrated": {
        "en": ("I'm getting really frustrated.", "This is taking far too long.",
               "I'm disappointed, to be honest."),
        "zh": ("我真的有点着急了。", "这件事拖得太久了。", "说实话，我挺失望的。"),
        "de": ("Das dauert jetzt wirklich zu lange.", "Ich bin ziemlich enttäuscht."),
        "es": ("Esto está tardando demasiado.", "La verdad, estoy bastante decepcionado."),
    },
    "calm": {
        "en": ("Could you please look into it?", "Thanks in advance for your help.",
               "No rush, but I'd appreciate an update."),
        "zh": ("麻烦帮我查一下，谢谢。", "辛苦了，谢谢！", "不着急，有消息请告诉我。"),
        "de": ("Könnten Sie sich das bitte ansehen?", "Vielen Dank im Voraus."),
        "es": ("¿Podrían revisarlo, por favor?", "Gracias de antemano."),
    },
}  # fmt: skip
REPEAT: Final[dict[str, tuple[str, ...]]] = {
    "en": ("I already explained all of this to your chat assistant.",
           "This is the third time I'm explaining this.",
           "I've now told this story by chat, by email and on the phone."),
    "zh": ("我已经跟你们的在线客服说过一遍了。", "这已经是我第三次说明情况了。",
           "在线客服、邮件、电话我都说过了。"),
    "de": ("Ich habe das alles schon dem Chat-Assistenten erklärt.",
           "Das ist jetzt das dritte Mal, dass ich das erkläre."),
    "es": ("Ya le expliqué todo esto al asistente del chat.",
           "Es la tercera vez que explico lo mismo."),
}  # fmt: skip
THANKS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Thank you, that's sorted now. I appreciate the help.",
           "Great, thanks for fixing this so quickly."),
    "zh": ("收到了，谢谢你们的帮助！", "问题解决了，非常感谢！"),
    "de": ("Vielen Dank, jetzt ist alles in Ordnung.",),
    "es": ("Muchas gracias, ya está todo resuelto.",),
}  # fmt: skip

# Contradictory facts, appended to the customer's first message.
CONTRA_DELIVERED: Final[dict[str, str]] = {
    "en": "The tracking says it was delivered on {delivered_date}, but nothing arrived. "
    "I was at home all day.",
    "zh": "物流显示{delivered_date}已签收，但我根本没收到，那天我一直在家。",
    "de": "Laut Sendungsverfolgung wurde es am {delivered_date} zugestellt, aber bei mir ist "
    "nichts angekommen.",
    "es": "El seguimiento dice que se entregó el {delivered_date}, pero yo no he recibido nada.",
}
CONTRA_REFUND: Final[dict[str, str]] = {
    "en": "You told me a refund was processed, but nothing has reached my account.",
    "zh": "你们说已经退款了，可我的账户里一分钱都没收到。",
    "de": "Sie haben mir eine Erstattung bestätigt, aber auf meinem Konto ist nichts angekommen.",
    "es": "Me dijeron que el reembolso estaba hecho, pero no me ha llegado nada.",
}
CONTRA_OUTAGE: Final[dict[str, str]] = {
    "en": "Your status page says the outage is fixed, but my connection is still dead.",
    "zh": "你们的公告说故障已经修好了，但我家的网还是连不上。",
    "de": "Auf Ihrer Statusseite steht, die Störung sei behoben, aber mein Anschluss geht "
    "immer noch nicht.",
    "es": "Su página de estado dice que la avería está resuelta, pero sigo sin conexión.",
}

# --- case subjects (also e-mail subjects) ------------------------------------------------

SUBJECTS: Final[Corpus] = {
    "en": {
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
    },
    "zh": {
        J.WHERE_IS_MY_ORDER: ("订单{order}到哪儿了？", "订单{order}物流一直不更新"),
        J.LATE_DELIVERY: ("订单{order}迟迟未送达", "{product}超过承诺时间还没到"),
        J.LOST_DELIVERY: ("包裹丢失：订单{order}", "快递说找不到我的包裹"),
        J.DAMAGED_ITEM: ("收到的{product}是坏的", "订单{order}商品破损"),
        J.BILLING_DISPUTE: ("订单{order}扣款金额不对", "优惠码没有生效，多扣了钱"),
        J.DOUBLE_CHARGE: ("订单{order}被重复扣款", "同一笔订单扣了两次钱"),
        J.SUBSCRIPTION_CANCELLATION: ("已取消{plan}还被扣费", "申请取消{plan}并退款"),
        J.SERVICE_OUTAGE: ("{area}宽带断网", "宽带故障，要求补偿"),
    },
    "de": {
        J.WHERE_IS_MY_ORDER: ("Wo ist meine Bestellung {order}?",),
        J.LATE_DELIVERY: ("Bestellung {order} ist verspätet",),
        J.LOST_DELIVERY: ("Paket verloren – Bestellung {order}",),
        J.DAMAGED_ITEM: ("Beschädigte Ware in Bestellung {order}",),
        J.BILLING_DISPUTE: ("Falscher Betrag für Bestellung {order}",),
        J.DOUBLE_CHARGE: ("Doppelte Abbuchung für Bestellung {order}",),
        J.SUBSCRIPTION_CANCELLATION: ("Abbuchung trotz Kündigung von {plan}",),
        J.SERVICE_OUTAGE: ("Internetausfall in {area}",),
    },
    "es": {
        J.WHERE_IS_MY_ORDER: ("¿Dónde está mi pedido {order}?",),
        J.LATE_DELIVERY: ("El pedido {order} llega tarde",),
        J.LOST_DELIVERY: ("Paquete perdido – pedido {order}",),
        J.DAMAGED_ITEM: ("Producto dañado en el pedido {order}",),
        J.BILLING_DISPUTE: ("Importe incorrecto en el pedido {order}",),
        J.DOUBLE_CHARGE: ("Cobro duplicado del pedido {order}",),
        J.SUBSCRIPTION_CANCELLATION: ("Cobro después de cancelar {plan}",),
        J.SERVICE_OUTAGE: ("Sin internet en {area}",),
    },
}

# --- the customer's first message (to the bot) ------------------------------------------

FIRST: Final[Corpus] = {
    "en": {
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
    },
    "zh": {
        J.WHERE_IS_MY_ORDER: (
            "你好，我的订单{order}到哪儿了？{order_date}下的单，买的{product}，物流好几天都没动了。",
            "我{order_date}下的订单{order}，到现在都不知道在哪。{carrier}单号{tracking}一直显示运输中。",
            "请帮我查一下{product}到哪了，订单号{order}，已经付了{amount}。",
        ),
        J.LATE_DELIVERY: (
            "订单{order}说好{promised_date}前送到，现在还没到。我还多付了{fee}的加急运费。",
            "{product}（订单{order}）承诺{promised_date}送达，现在{carrier}又说要再晚{days}天。这是给孩子的生日礼物。",
        ),
        J.LOST_DELIVERY: (
            "我的包裹好像丢了。订单{order}，{carrier}单号{tracking}从{last_scan_date}以后就再也没有更新。",
            "{carrier}说找不到我的包裹，里面是{product}，订单号{order}。要么补发，要么退我{amount}。",
        ),
        J.DAMAGED_ITEM: (
            "订单{order}的{product}收到时已经坏了，外箱压扁了，机身也裂了，我拍了照片。",
            "收到订单{order}，{product}根本开不了机，侧面还有一个很大的凹痕。",
        ),
        J.BILLING_DISPUTE: (
            "结账时用了优惠码{promo}，显示{expected}，结果信用卡扣了{amount}，订单号{order}。",
            "订单{order}多扣钱了，应该是{expected}，不是{amount}。",
        ),
        J.DOUBLE_CHARGE: (
            "订单{order}被扣了两次款，{order_date}两笔{amount}，请退回其中一笔。",
            "银行账单显示同一个订单（{order}）扣了两次{amount}。",
        ),
        J.SUBSCRIPTION_CANCELLATION: (
            "我{cancel_date}就取消了{plan}，结果{renew_date}还是扣了我{plan_fee}。",
            "我要取消{plan}，并退回自动续费的{plan_fee}。续费之前我就申请取消了。",
        ),
        J.SERVICE_OUTAGE: (
            "我家的{service}从{outage_date}开始就断网了，我在家办公，已经耽误了{outage_hours}个小时。",
            "{area}从{outage_date}起一直没网，什么时候能修好？断网{outage_hours}个小时有没有补偿？",
        ),
    },
    "de": {
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
    },
    "es": {
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
    },
}

# The customer pushing back on the bot's answer.
PUSHBACK: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "That doesn't help me. I'd like to speak to a person, please.",
        "That's what the website says too. I need someone to actually look at this.",
        "Not good enough. Can a real person look at it?",
        "Agent, please.",
    ),
    "zh": (
        "这没用，请帮我转人工。",
        "网站上也是这么写的，我需要有人真正处理一下。",
        "转人工客服！",
    ),
    "de": ("Das hilft mir nicht weiter. Ich möchte bitte mit einem Menschen sprechen.",),
    "es": ("Eso no me ayuda. Quiero hablar con una persona, por favor.",),
}
FOLLOWUP: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "Any news on ticket {ticket}? I still haven't heard anything.",
        "Still waiting on {ticket}. Nobody has got back to me.",
        "Hello? It's been days and this is still not sorted.",
    ),
    "zh": (
        "工单{ticket}有进展吗？到现在都没人联系我。",
        "我还在等{ticket}的处理结果，一直没人回复。",
        "都好几天了，问题还是没有解决。",
    ),
    "de": ("Gibt es Neuigkeiten zu Ticket {ticket}? Ich habe nichts gehört.",),
    "es": ("¿Hay novedades sobre la incidencia {ticket}? Nadie me ha contestado.",),
}

# --- the bot ----------------------------------------------------------------------------

BOT_GREETING: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "Hi {first_name}, I'm Nova, the virtual assistant. How can I help today?",
        "Hello! I'm Nova. Tell me what's going on and I'll look into it.",
    ),
    "zh": (
        "{name}您好！我是智能助手小诺，请问有什么可以帮您？",
        "您好，我是小诺，请描述一下您遇到的问题。",
    ),
    "de": ("Hallo {first_name}, ich bin Nova, der virtuelle Assistent. Wie kann ich helfen?",),
    "es": ("Hola {first_name}, soy Nova, la asistente virtual. ¿En qué puedo ayudarle?",),
}
BOT_STATUS: Final[Corpus] = {
    "en": {
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
    },
    "zh": {
        J.WHERE_IS_MY_ORDER: (
            "已查到订单{order}，由{carrier}承运（单号{tracking}），目前在运输途中，一般3-5个工作日送达。",
        ),
        J.LATE_DELIVERY: (
            "订单{order}配送延误，{carrier}反馈预计晚{days}天左右，新的预计送达日期为{new_eta}。",
        ),
        J.LOST_DELIVERY: (
            "订单{order}已交给{carrier}，最后一条物流记录是{last_scan_date}，暂时没有新的更新。",
        ),
        J.DAMAGED_ITEM: (
            "非常抱歉！订单{order}于{delivered_date}签收，请描述破损情况并上传照片。",
        ),
        J.BILLING_DISPUTE: ("已查到订单{order}，实际扣款金额为{amount}。扣款问题我无法直接修改。",),
        J.DOUBLE_CHARGE: (
            "订单{order}确实有两笔扣款记录。重复的预授权一般会在3-5个工作日内自动撤销。",
        ),
        J.SUBSCRIPTION_CANCELLATION: (
            "您的{plan}已于{renew_date}自动续费{plan_fee}，系统中没有查到已完成的取消记录。",
        ),
        J.SERVICE_OUTAGE: (
            "{area}目前存在网络故障，工程师正在抢修，您可以在公告页面查看最新进展。",
        ),
    },
    "de": {
        J.WHERE_IS_MY_ORDER: (
            "Bestellung {order} wurde mit {carrier} verschickt (Sendung "
            "{tracking}) und ist unterwegs.",
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
        J.SERVICE_OUTAGE: (
            "In {area} gibt es eine bekannte Störung. Unsere Technik arbeitet daran.",
        ),
    },
    "es": {
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
    },
}
BOT_DELIVERED: Final[dict[str, str]] = {
    "en": "According to {carrier}, order {order} was delivered on {delivered_date}.",
    "zh": "根据{carrier}的记录，订单{order}已于{delivered_date}签收。",
    "de": "Laut {carrier} wurde Bestellung {order} am {delivered_date} zugestellt.",
    "es": "Según {carrier}, el pedido {order} se entregó el {delivered_date}.",
}
BOT_HANDOFF: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Sorry I couldn't solve this. I've opened ticket {ticket} and passed it to a "
           "colleague, who will reply by email.",
           "I've created ticket {ticket} for you. A member of our support team will be in "
           "touch shortly."),
    "zh": ("抱歉没能帮您解决。已为您创建工单{ticket}并转交人工客服，稍后会通过邮件回复您。",
           "已为您登记工单{ticket}，客服专员会尽快与您联系。"),
    "de": ("Ich habe Ticket {ticket} erstellt und an das Support-Team übergeben.",),
    "es": ("He abierto la incidencia {ticket} y la he pasado a un compañero del equipo.",),
}  # fmt: skip

# --- e-mails from the customer ----------------------------------------------------------

EMAIL: Final[Corpus] = {
    "en": {
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
    },
    "zh": {
        J.WHERE_IS_MY_ORDER: (
            "关于订单{order}（{product}）：{carrier}单号{tracking}，发货后物流就再也没有更新。请告诉我包裹到底在哪里。",
        ),
        J.LATE_DELIVERY: (
            "订单{order}原定{promised_date}前送达，现在{carrier}说要延误{days}天。我付了{fee}的加急运费，至少应该退给我。",
        ),
        J.LOST_DELIVERY: (
            "订单{order}（{product}）的包裹从{last_scan_date}起就卡在{carrier}，请尽快补发或者全额退款{amount}。",
        ),
        J.DAMAGED_ITEM: (
            "订单{order}的{product}到货破损，外箱和商品的照片已附上，请给我换一台新的。",
        ),
        J.BILLING_DISPUTE: (
            "订单{order}实际扣款{amount}，但结账时使用优惠码{promo}后应付{expected}，请退回差价{difference}。",
        ),
        J.DOUBLE_CHARGE: (
            "订单{order}被扣款两次，每次{amount}，银行账单截图已附上，请退回重复扣的那一笔。",
        ),
        J.SUBSCRIPTION_CANCELLATION: (
            "我在{cancel_date}（续费日之前）就取消了{plan}，{renew_date}仍被扣了{plan_fee}。请确认取消并退款。",
        ),
        J.SERVICE_OUTAGE: (
            "我在{area}的{service}从{outage_date}起就断网了。请告诉我什么时候能修好，断网{outage_hours}个小时怎么补偿？",
        ),
    },
    "de": {
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
    },
    "es": {
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
            "el pedido {order} ({product}) llegó dañado. Adjunto fotos. Por "
            "favor, envíenme uno nuevo.",
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
    },
}
EMAIL_FRAME: Final[dict[str, tuple[str, str]]] = {
    "en": ("Hello,\n\n", "\n\n{first_name}"),
    "zh": ("您好：\n\n", "\n\n{name}"),
    "de": ("Sehr geehrte Damen und Herren,\n\n", "\n\nMit freundlichen Grüßen\n{name}"),
    "es": ("Buenos días:\n\n", "\n\nUn saludo,\n{name}"),
}

# --- agents writing to the customer -----------------------------------------------------

AGENT_FRAME: Final[dict[str, tuple[str, str]]] = {
    "en": ("Hi {first_name},\n\n", "\n\nKind regards,\n{agent}"),
    "zh": ("{name}，您好！\n\n", "\n\n{agent}"),
    "de": ("Guten Tag {name},\n\n", "\n\nViele Grüße\n{agent}"),
    "es": ("Hola, {first_name}:\n\n", "\n\nUn saludo,\n{agent}"),
}
AGENT_REPLY: Final[Corpus] = {
    "en": {
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
    },
    "zh": {
        J.WHERE_IS_MY_ORDER: (
            "感谢您的耐心等待。我已联系{carrier}核查订单{order}，并申请追踪单号{tracking}，一有结果马上通知您。",
        ),
        J.LATE_DELIVERY: (
            "很抱歉{product}延误了。{carrier}确认延误{days}天，新的送达日期为{new_eta}。加急运费{fee}的问题我正在为您处理。",
        ),
        J.LOST_DELIVERY: (
            "包裹的事给您添麻烦了。我已向{carrier}提交丢件理赔（单号{tracking}），同时在查{product}的库存以便补发。",
        ),
        J.DAMAGED_ITEM: (
            "非常抱歉{product}到货破损，谢谢您提供照片。我正在为您安排换新，并免费上门取回破损商品。",
        ),
        J.BILLING_DISPUTE: (
            "您说得对，订单{order}应当使用优惠码{promo}。我已提交申请，退回差价{difference}。",
        ),
        J.DOUBLE_CHARGE: (
            "经核实，订单{order}确实扣款两次。我已提交退款申请，退回重复扣款{amount}。",
        ),
        J.SUBSCRIPTION_CANCELLATION: (
            "我已看到您取消{plan}的申请，会确保取消生效，并退回续费的{plan_fee}。",
        ),
        J.SERVICE_OUTAGE: (
            "{area}断网给您带来不便，非常抱歉。网络团队正在抢修，断网期间的费用会为您补偿。",
        ),
    },
    "de": {
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
    },
    "es": {
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
            "confirmo el cobro duplicado del pedido {order}. He solicitado el "
            "reembolso de {amount}.",
        ),
        J.SUBSCRIPTION_CANCELLATION: (
            "veo su solicitud de cancelación de {plan}. Me aseguro "
            "de que se complete y se reembolsen los {plan_fee}.",
        ),
        J.SERVICE_OUTAGE: ("sentimos la avería en {area}. Le abonaremos el tiempo sin servicio.",),
    },
}
AGENT_ASK: Final[Corpus] = {
    "en": {
        J.WHERE_IS_MY_ORDER: (
            "Could you check with your neighbours or building reception "
            "whether someone took the parcel in for you?",
        ),
        J.LATE_DELIVERY: (
            "Would you prefer to wait for the new date, or shall I cancel the "
            "order and refund you?",
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
    },
    "zh": {
        J.WHERE_IS_MY_ORDER: ("麻烦您问一下邻居或物业，是否有人代收了包裹？",),
        J.LATE_DELIVERY: ("请问您是愿意等到新的送达日期，还是需要我取消订单并退款？",),
        J.LOST_DELIVERY: ("请确认补发的收货地址，以及是否需要签收。",),
        J.DAMAGED_ITEM: ("麻烦再拍一张快递面单的照片，并告诉我您希望换货还是退款？",),
        J.BILLING_DISPUTE: ("能否提供一下结账页面显示优惠后金额的截图？",),
        J.DOUBLE_CHARGE: ("麻烦提供显示两笔扣款的银行流水截图，我核实一下是不是预授权。",),
        J.SUBSCRIPTION_CANCELLATION: (
            "您{cancel_date}取消时有没有收到确认邮件？方便的话请转发给我。",
        ),
        J.SERVICE_OUTAGE: ("麻烦您重启一下光猫，告诉我现在哪些指示灯亮着？",),
    },
    "de": {
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
    },
    "es": {
        J.WHERE_IS_MY_ORDER: ("¿Podría preguntar a sus vecinos si alguien recogió el paquete?",),
        J.LATE_DELIVERY: ("¿Prefiere esperar a la nueva fecha o que cancele el pedido?",),
        J.LOST_DELIVERY: ("¿Me confirma la dirección de entrega para el reenvío?",),
        J.DAMAGED_ITEM: ("¿Podría enviarme una foto de la etiqueta de envío?",),
        J.BILLING_DISPUTE: ("¿Tiene una captura de la página de pago con el descuento?",),
        J.DOUBLE_CHARGE: ("¿Podría enviarme los movimientos del banco con los dos cargos?",),
        J.SUBSCRIPTION_CANCELLATION: ("¿Conserva el correo de confirmación de la cancelación?",),
        J.SERVICE_OUTAGE: ("¿Puede reiniciar el router y decirme qué luces están encendidas?",),
    },
}
AGENT_RESOLVE: Final[Corpus] = {
    "en": {
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
            "Service in {area} is restored, and I've applied a credit of "
            "{credit} to your next bill.",
        ),
    },
    "zh": {
        J.WHERE_IS_MY_ORDER: ("好消息：{carrier}确认您的包裹今天已送达，感谢您的耐心。",),
        J.LATE_DELIVERY: ("您的包裹已送达，加急运费{fee}已原路退回。",),
        J.LOST_DELIVERY: ("{carrier}已确认包裹丢失，{amount}已全额退款，预计3-5个工作日到账。",),
        J.DAMAGED_ITEM: ("新的{product}已经发出，送达时快递员会顺便取回破损商品。",),
        J.BILLING_DISPUTE: ("差价{difference}已退回您的银行卡。",),
        J.DOUBLE_CHARGE: ("重复扣款{amount}已退回您的银行卡。",),
        J.SUBSCRIPTION_CANCELLATION: ("{plan}已为您取消，续费的{plan_fee}已退款。",),
        J.SERVICE_OUTAGE: ("{area}的网络已恢复，补偿的{credit}会在下期账单中抵扣。",),
    },
    "de": {
        J.WHERE_IS_MY_ORDER: ("{carrier} bestätigt, dass Ihr Paket heute zugestellt wurde.",),
        J.LATE_DELIVERY: ("Ihr Paket ist angekommen, die Expressgebühr von {fee} ist erstattet.",),
        J.LOST_DELIVERY: ("{carrier} hat den Verlust bestätigt; {amount} sind erstattet.",),
        J.DAMAGED_ITEM: ("Der Ersatzartikel ist unterwegs; der beschädigte wird abgeholt.",),
        J.BILLING_DISPUTE: ("Die Differenz von {difference} wurde erstattet.",),
        J.DOUBLE_CHARGE: ("Die doppelte Zahlung von {amount} wurde erstattet.",),
        J.SUBSCRIPTION_CANCELLATION: ("{plan} ist gekündigt und {plan_fee} sind erstattet.",),
        J.SERVICE_OUTAGE: ("Der Anschluss läuft wieder; wir haben Ihnen {credit} gutgeschrieben.",),
    },
    "es": {
        J.WHERE_IS_MY_ORDER: ("{carrier} confirma que su paquete se entregó hoy.",),
        J.LATE_DELIVERY: (
            "Su paquete ya se entregó y le hemos devuelto los {fee} del envío urgente.",
        ),
        J.LOST_DELIVERY: ("{carrier} confirma la pérdida; le hemos reembolsado {amount}.",),
        J.DAMAGED_ITEM: ("El producto de sustitución va de camino y recogerán el dañado.",),
        J.BILLING_DISPUTE: ("Le hemos devuelto la diferencia de {difference}.",),
        J.DOUBLE_CHARGE: ("Le hemos devuelto el cargo duplicado de {amount}.",),
        J.SUBSCRIPTION_CANCELLATION: ("{plan} está cancelada y los {plan_fee} reembolsados.",),
        J.SERVICE_OUTAGE: ("El servicio está restablecido y le abonamos {credit}.",),
    },
}

# --- internal notes (the desk's working language is English) ---------------------------

CALL_NOTE: Final[dict[Journey, tuple[str, ...]]] = {
    J.WHERE_IS_MY_ORDER: (
        "Inbound call about order {order}. Customer repeated that the parcel has not arrived; "
        "{carrier} tracking {tracking} shows no movement. Promised an update within 24h.",
        "Customer called chasing order {order} ({product}). Explained the trace process.",
    ),
    J.LATE_DELIVERY: (
        "Inbound call: order {order} missed the promised date ({promised_date}). Carrier "
        "delay {days} days. Customer asks for the express fee ({fee}) back.",
    ),
    J.LOST_DELIVERY: (
        "Call re order {order}: no scans since {last_scan_date}. Customer wants a "
        "replacement or a full refund of {amount}. Told them a claim is needed with {carrier}.",
    ),
    J.DAMAGED_ITEM: (
        "Call re damaged {product} (order {order}). Customer described a cracked casing and a "
        "crushed box; photos promised by email.",
    ),
    J.BILLING_DISPUTE: (
        "Call re order {order}: charged {amount}, expected {expected} with code {promo}. "
        "Difference {difference}.",
    ),
    J.DOUBLE_CHARGE: (
        "Call re duplicate payment on order {order}: two captures of {amount}. Customer's "
        "bank shows both as settled, not pending.",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "Call re {plan}: customer says they cancelled on {cancel_date}; renewal of {plan_fee} "
        "taken on {renew_date}. Wants cancellation confirmed and the renewal refunded.",
    ),
    J.SERVICE_OUTAGE: (
        "Call re outage in {area} since {outage_date}. Customer works from home; asked about "
        "compensation for {outage_hours}h without service.",
    ),
}
NOTE_MOOD: Final[dict[str, tuple[str, ...]]] = {
    "angry": ("Customer very upset, raised voice, asked for a supervisor.",
              "Customer angry and threatening a chargeback."),
    "frustrated": ("Customer frustrated at having to repeat the story.",
                   "Customer impatient but civil."),
    "calm": ("Customer calm and polite.", "Friendly call, customer understanding."),
}  # fmt: skip
CALL_LANGUAGE: Final[dict[str, str]] = {
    "zh": " Call handled in Mandarin.",
    "de": " Call handled in German.",
    "es": " Call handled in Spanish.",
}
SUPERVISOR_NOTE: Final[tuple[str, ...]] = (
    "Goodwill credit of {goodwill} proposed on top of the refund; above agent authority for "
    "this tier, sent to a supervisor for approval.",
    "Customer asked for compensation of {goodwill}. Needs supervisor sign-off before we "
    "commit to it.",
)
