"""The world of the demo: its customers' names, what it sells, who delivers it, and where.

Keyed by locale (``en-US``, ``en-GB``, ``zh-CN``, ``de-DE``, ``es-ES``) or, for product names,
by language (``en``, ``zh``, ``de``, ``es``).
"""

from __future__ import annotations

from typing import Final

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

# --- things and places --------------------------------------------------------------------

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

CARRIERS: Final[dict[str, tuple[str, ...]]] = {
    "en-US": ("UPS", "FedEx", "USPS", "DHL"),
    "en-GB": ("Royal Mail", "DPD", "DHL", "Evri"),
    "zh-CN": ("SF Express", "JD Logistics", "ZTO Express", "EMS"),
    "de-DE": ("DHL", "DPD", "Hermes"),
    "es-ES": ("Correos", "SEUR", "DHL"),
}
AREAS: Final[dict[str, tuple[str, ...]]] = {
    "en-US": ("Austin, TX 78704", "Columbus, OH 43215", "Denver, CO 80205", "Raleigh, NC"),
    "en-GB": ("Leeds LS6", "Bristol BS3", "Glasgow G12", "Manchester M14"),
    "zh-CN": ("上海市浦东新区", "深圳市南山区", "杭州市西湖区", "北京市朝阳区"),
    "de-DE": ("Berlin-Neukölln", "München-Schwabing", "Köln-Ehrenfeld"),
    "es-ES": ("Madrid (Chamberí)", "Valencia (Ruzafa)", "Sevilla (Triana)"),
}
