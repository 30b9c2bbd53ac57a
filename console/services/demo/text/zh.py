"""Simplified Chinese (zh): what customers, the bot and agents write. See :mod:`.language`."""

from __future__ import annotations

from typing import Final

from console.domain.case import Journey

from .language import ByJourney, Language, Mood

J = Journey

# --- what the business sells, as this language names it -------------------------------

PLAN: Final[str] = "Nova+ 高级会员"
SERVICE: Final[str] = "Nova 千兆光纤宽带"

# --- the customer's mood (the case's sentiment reason quotes these) -------------------

MOOD: Final[dict[Mood, tuple[str, ...]]] = {
    "angry": (
        "这完全不能接受！",
        "你们的服务太差劲了！",
        "今天再不解决我就去12315投诉。",
        "我真的非常生气！",
    ),
    "frustrated": ("我真的有点着急了。", "这件事拖得太久了。", "说实话，我挺失望的。"),
    "calm": ("麻烦帮我查一下，谢谢。", "辛苦了，谢谢！", "不着急，有消息请告诉我。"),
}
REPEAT: Final[tuple[str, ...]] = (
    "我已经跟你们的在线客服说过一遍了。",
    "这已经是我第三次说明情况了。",
    "在线客服、邮件、电话我都说过了。",
)
THANKS: Final[tuple[str, ...]] = ("收到了，谢谢你们的帮助！", "问题解决了，非常感谢！")

# --- contradictory facts, appended to a customer message ------------------------------

CONTRA_DELIVERED: Final[str] = "物流显示{delivered_date}已签收，但我根本没收到，那天我一直在家。"
CONTRA_REFUND: Final[str] = "你们说已经退款了，可我的账户里一分钱都没收到。"
CONTRA_OUTAGE: Final[str] = "你们的公告说故障已经修好了，但我家的网还是连不上。"

# --- case subjects (also e-mail subjects) ---------------------------------------------

SUBJECTS: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("订单{order}到哪儿了？", "订单{order}物流一直不更新"),
    J.LATE_DELIVERY: ("订单{order}迟迟未送达", "{product}超过承诺时间还没到"),
    J.LOST_DELIVERY: ("包裹丢失：订单{order}", "快递说找不到我的包裹"),
    J.DAMAGED_ITEM: ("收到的{product}是坏的", "订单{order}商品破损"),
    J.BILLING_DISPUTE: ("订单{order}扣款金额不对", "优惠码没有生效，多扣了钱"),
    J.DOUBLE_CHARGE: ("订单{order}被重复扣款", "同一笔订单扣了两次钱"),
    J.SUBSCRIPTION_CANCELLATION: ("已取消{plan}还被扣费", "申请取消{plan}并退款"),
    J.SERVICE_OUTAGE: ("{area}宽带断网", "宽带故障，要求补偿"),
}

# --- the customer's first message (to the bot) ----------------------------------------

FIRST: Final[ByJourney] = {
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
}

# --- the customer pushing back on the bot, and chasing later --------------------------

PUSHBACK: Final[tuple[str, ...]] = (
    "这没用，请帮我转人工。",
    "网站上也是这么写的，我需要有人真正处理一下。",
    "转人工客服！",
)
FOLLOWUP: Final[tuple[str, ...]] = (
    "工单{ticket}有进展吗？到现在都没人联系我。",
    "我还在等{ticket}的处理结果，一直没人回复。",
    "都好几天了，问题还是没有解决。",
)

# --- the bot --------------------------------------------------------------------------

BOT_GREETING: Final[tuple[str, ...]] = (
    "{name}您好！我是智能助手小诺，请问有什么可以帮您？",
    "您好，我是小诺，请描述一下您遇到的问题。",
)
BOT_STATUS: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "已查到订单{order}，由{carrier}承运（单号{tracking}），目前在运输途中，一般3-5个工作日送达。",
    ),
    J.LATE_DELIVERY: (
        "订单{order}配送延误，{carrier}反馈预计晚{days}天左右，新的预计送达日期为{new_eta}。",
    ),
    J.LOST_DELIVERY: (
        "订单{order}已交给{carrier}，最后一条物流记录是{last_scan_date}，暂时没有新的更新。",
    ),
    J.DAMAGED_ITEM: ("非常抱歉！订单{order}于{delivered_date}签收，请描述破损情况并上传照片。",),
    J.BILLING_DISPUTE: ("已查到订单{order}，实际扣款金额为{amount}。扣款问题我无法直接修改。",),
    J.DOUBLE_CHARGE: (
        "订单{order}确实有两笔扣款记录。重复的预授权一般会在3-5个工作日内自动撤销。",
    ),
    J.SUBSCRIPTION_CANCELLATION: (
        "您的{plan}已于{renew_date}自动续费{plan_fee}，系统中没有查到已完成的取消记录。",
    ),
    J.SERVICE_OUTAGE: ("{area}目前存在网络故障，工程师正在抢修，您可以在公告页面查看最新进展。",),
}
BOT_DELIVERED: Final[str] = "根据{carrier}的记录，订单{order}已于{delivered_date}签收。"
BOT_HANDOFF: Final[tuple[str, ...]] = (
    "抱歉没能帮您解决。已为您创建工单{ticket}并转交人工客服，稍后会通过邮件回复您。",
    "已为您登记工单{ticket}，客服专员会尽快与您联系。",
)

# --- e-mails from the customer --------------------------------------------------------

EMAIL: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: (
        "关于订单{order}（{product}）：{carrier}单号{tracking}，发货后物流就再也没有更新。请告诉我包裹到底在哪里。",
    ),
    J.LATE_DELIVERY: (
        "订单{order}原定{promised_date}前送达，现在{carrier}说要延误{days}天。我付了{fee}的加急运费，至少应该退给我。",
    ),
    J.LOST_DELIVERY: (
        "订单{order}（{product}）的包裹从{last_scan_date}起就卡在{carrier}，请尽快补发或者全额退款{amount}。",
    ),
    J.DAMAGED_ITEM: ("订单{order}的{product}到货破损，外箱和商品的照片已附上，请给我换一台新的。",),
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
}
EMAIL_FRAME: Final[tuple[str, str]] = ("您好：\n\n", "\n\n{name}")

# --- agents writing to the customer ---------------------------------------------------

AGENT_FRAME: Final[tuple[str, str]] = ("{name}，您好！\n\n", "\n\n{agent}")
AGENT_REPLY: Final[ByJourney] = {
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
    J.DOUBLE_CHARGE: ("经核实，订单{order}确实扣款两次。我已提交退款申请，退回重复扣款{amount}。",),
    J.SUBSCRIPTION_CANCELLATION: (
        "我已看到您取消{plan}的申请，会确保取消生效，并退回续费的{plan_fee}。",
    ),
    J.SERVICE_OUTAGE: (
        "{area}断网给您带来不便，非常抱歉。网络团队正在抢修，断网期间的费用会为您补偿。",
    ),
}
AGENT_ASK: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("麻烦您问一下邻居或物业，是否有人代收了包裹？",),
    J.LATE_DELIVERY: ("请问您是愿意等到新的送达日期，还是需要我取消订单并退款？",),
    J.LOST_DELIVERY: ("请确认补发的收货地址，以及是否需要签收。",),
    J.DAMAGED_ITEM: ("麻烦再拍一张快递面单的照片，并告诉我您希望换货还是退款？",),
    J.BILLING_DISPUTE: ("能否提供一下结账页面显示优惠后金额的截图？",),
    J.DOUBLE_CHARGE: ("麻烦提供显示两笔扣款的银行流水截图，我核实一下是不是预授权。",),
    J.SUBSCRIPTION_CANCELLATION: ("您{cancel_date}取消时有没有收到确认邮件？方便的话请转发给我。",),
    J.SERVICE_OUTAGE: ("麻烦您重启一下光猫，告诉我现在哪些指示灯亮着？",),
}
AGENT_RESOLVE: Final[ByJourney] = {
    J.WHERE_IS_MY_ORDER: ("好消息：{carrier}确认您的包裹今天已送达，感谢您的耐心。",),
    J.LATE_DELIVERY: ("您的包裹已送达，加急运费{fee}已原路退回。",),
    J.LOST_DELIVERY: ("{carrier}已确认包裹丢失，{amount}已全额退款，预计3-5个工作日到账。",),
    J.DAMAGED_ITEM: ("新的{product}已经发出，送达时快递员会顺便取回破损商品。",),
    J.BILLING_DISPUTE: ("差价{difference}已退回您的银行卡。",),
    J.DOUBLE_CHARGE: ("重复扣款{amount}已退回您的银行卡。",),
    J.SUBSCRIPTION_CANCELLATION: ("{plan}已为您取消，续费的{plan_fee}已退款。",),
    J.SERVICE_OUTAGE: ("{area}的网络已恢复，补偿的{credit}会在下期账单中抵扣。",),
}

# Carrier names as Chinese customers write them.
CARRIER_NAMES: Final[dict[str, str]] = {
    "SF Express": "顺丰",
    "JD Logistics": "京东物流",
    "ZTO Express": "中通快递",
    "EMS": "EMS",
}

ZH = Language(
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
    carrier_names=CARRIER_NAMES,
)
