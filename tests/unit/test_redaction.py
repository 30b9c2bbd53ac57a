"""Redaction: personal data never leaves in the text, and restoring gives back the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.policy.redaction import Redactor, iban_valid, luhn_valid, redact, restore

# --- generators of realistic personal data ---------------------------------------------------

_alnum = "abcdefghijklmnopqrstuvwxyz0123456789"


@st.composite
def emails(draw: st.DrawFn) -> str:
    local = draw(st.from_regex(r"[a-z][a-z0-9]{0,9}([._+-][a-z0-9]{1,8}){0,2}", fullmatch=True))
    labels = draw(
        st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}[a-z0-9]", fullmatch=True), min_size=1,
                 max_size=3)
    )  # fmt: skip
    tld = draw(st.sampled_from(["com", "org", "net", "de", "cn", "co.uk", "com.cn", "io"]))
    email = f"{local}@{'.'.join(labels)}.{tld}"
    return email.upper() if draw(st.booleans()) and draw(st.booleans()) else email


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=n, max_size=n)


@st.composite
def e164_phones(draw: st.DrawFn) -> str:
    country, national = draw(
        st.sampled_from(
            [("44", "7" + "#" * 9), ("1", "2" + "#" * 9), ("86", "13" + "#" * 9),
             ("49", "30" + "#" * 8), ("33", "6" + "#" * 8), ("81", "90" + "#" * 8)]
        )
    )  # fmt: skip
    number = "".join(draw(_digits(1)) if c == "#" else c for c in national)
    style = draw(st.sampled_from(["compact", "spaced", "dashed"]))
    if style == "compact":
        return f"+{country}{number}"
    sep = " " if style == "spaced" else "-"
    return f"+{country} {number[:3]}{sep}{number[3:6]}{sep}{number[6:]}"


@st.composite
def local_phones(draw: st.DrawFn) -> str:
    fmt = draw(
        st.sampled_from(
            ["0## #### ####", "(###) ###-####", "###-###-####", "###.###.####",
             "13# #### ####", "15#########", "0# ## ## ## ##", "07### ######", "0##########"]
        )
    )  # fmt: skip
    return "".join(draw(_digits(1)) if c == "#" else c for c in fmt)


def _luhn_complete(body: str) -> str:
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


@st.composite
def cards(draw: st.DrawFn) -> str:
    prefix, length = draw(
        st.sampled_from([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15),
                         ("37", 15), ("6011", 16), ("62", 19), ("4", 13)])
    )  # fmt: skip
    number = _luhn_complete(prefix + draw(_digits(length - len(prefix) - 1)))
    style = draw(st.sampled_from(["compact", " ", "-"]))
    if style == "compact":
        return number
    if length == 15:
        return style.join([number[:4], number[4:10], number[10:]])
    return style.join(number[i : i + 4] for i in range(0, length, 4))


_BBAN = {
    "DE": "#" * 18,
    "GB": "AAAA" + "#" * 14,
    "FR": "#" * 23,
    "NL": "AAAA" + "#" * 10,
    "ES": "#" * 20,
    "IT": "A" + "#" * 22,
    "BE": "#" * 12,
}


@st.composite
def ibans(draw: st.DrawFn) -> str:
    country = draw(st.sampled_from(sorted(_BBAN)))
    bban = "".join(
        draw(_digits(1)) if c == "#" else draw(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        for c in _BBAN[country]
    )
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    iban = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    assert iban_valid(iban)
    if draw(st.booleans()):
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


# --- text that is not personal data -----------------------------------------------------------

words = st.sampled_from(
    ["my", "parcel", "has", "not", "arrived", "refund", "please", "the", "order", "was",
     "charged", "twice", "thanks", "when", "will", "it", "come", "我的", "包裹", "还没到",
     "请", "退款", "订单", "谢谢", "ok", "late", "again"]
)  # fmt: skip
non_pii_tokens = st.one_of(
    words,
    st.from_regex(r"ORD-[0-9]{8}", fullmatch=True),
    st.from_regex(r"[1-9][0-9]{0,3}\.[0-9]{2} (USD|EUR|CNY|GBP)", fullmatch=True),
    st.from_regex(r"¥[1-9][0-9]{0,4}", fullmatch=True),
    st.from_regex(r"2026-(0[1-9]|1[0-2])-[0-2][0-9]", fullmatch=True),
    st.from_regex(r"[0-2][0-9]/[0-1][0-9]/2026", fullmatch=True),
    st.from_regex(r"[0-2][0-9]:[0-5][0-9]", fullmatch=True),
    st.from_regex(r"(SKU|PAY|SHP)-[0-9]{4,6}", fullmatch=True),
)
filler = st.lists(non_pii_tokens, min_size=0, max_size=8).map(" ".join)

PII = {
    "email": (emails(), ["mail me at", "email:", "邮箱", "write to"]),
    "phone": (st.one_of(e164_phones(), local_phones()), ["call", "phone:", "电话", "tel."]),
    "card": (cards(), ["card", "card number", "卡号", "paid with"]),
    "iban": (ibans(), ["IBAN", "iban:", "账户", "to account"]),
}


@st.composite
def texts_with_pii(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A message mixing ordinary words, order ids, amounts and dates with personal data."""
    parts: list[str] = []
    secrets: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        parts.append(draw(filler))
        strategy, labels = PII[draw(st.sampled_from(sorted(PII)))]
        value = draw(strategy)
        label = draw(st.sampled_from(labels))
        joiner = "" if not label.isascii() and draw(st.booleans()) else " "
        parts.append(f"{label}{joiner}{value}{draw(st.sampled_from(['', ',', '.', '。', ';']))}")
        secrets.append(value)
    parts.append(draw(filler))
    return " ".join(p for p in parts if p), secrets


# --- properties --------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(texts_with_pii())
def test_no_email_phone_card_or_iban_survives(sample: tuple[str, list[str]]) -> None:
    text, secrets = sample
    result = redact(text)
    for secret in secrets:
        assert secret not in result.text, (secret, result.text)
    for secret in secrets:  # each inside one placeholder's value (which may hold a bit more)
        assert any(secret in value for value in result.mapping.values()), secret
    assert restore(result.text, result.mapping) == text


@settings(max_examples=300, deadline=None)
@given(filler)
def test_order_ids_amounts_and_dates_are_left_alone(text: str) -> None:
    result = redact(text)
    assert result.text == text
    assert result.mapping == {}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.lists(st.text(min_size=1, max_size=12), max_size=3))
def test_restore_gives_back_any_text_exactly(text: str, names: list[str]) -> None:
    result = redact(text, names=names)
    assert restore(result.text, result.mapping) == text


@settings(max_examples=100, deadline=None)
@given(texts_with_pii(), st.sampled_from(["[EMAIL_1]", "[PHONE_1] and [CARD_2]", "[NAME_1]"]))
def test_placeholder_lookalikes_in_the_input_survive_restore(
    sample: tuple[str, list[str]], lookalike: str
) -> None:
    text = f"{lookalike} {sample[0]}"
    result = redact(text, names=["Maya Patel"])
    assert restore(result.text, result.mapping) == text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(emails(), cards(), ibans()), min_size=1, max_size=4))
def test_the_same_value_gets_the_same_placeholder_across_texts(values: list[str]) -> None:
    redactor = Redactor()
    first = [redactor.redact(f"see {v} now") for v in values]
    second = [redactor.redact(f"again {v}") for v in values]
    assert [a.split()[1] for a in first] == [b.split()[1] for b in second]
    assert len(set(redactor.mapping.values())) == len(redactor.mapping)


# --- examples ---------------------------------------------------------------------------------


def test_a_customer_message_in_english() -> None:
    text = (
        "Hi, Maya Patel here (maya.patel@example.com, +44 20 7946 0958). Order ORD-12345678 "
        "for 49.99 USD on 2026-11-02 was charged twice to 4111 1111 1111 1111; refund to "
        "GB82 WEST 1234 5698 7654 32 please. I live at 221B Baker Street, London NW1 6XE. "
        "Thanks, Maya"
    )
    result = redact(text, names=["Maya Patel"])
    assert result.text == (
        "Hi, [NAME_1] here ([EMAIL_1], [PHONE_1]). Order ORD-12345678 "
        "for 49.99 USD on 2026-11-02 was charged twice to [CARD_1]; refund to "
        "[IBAN_1] please. I live at [ADDRESS_1]. Thanks, [NAME_2]"
    )
    assert result.mapping["[ADDRESS_1]"] == "221B Baker Street, London NW1 6XE"
    assert result.mapping["[NAME_2]"] == "Maya"
    assert restore(result.text, result.mapping) == text


def test_a_customer_message_in_chinese() -> None:
    text = "我是王小明，电话138 0013 8000，也可以打+86 138 0013 8001。订单ORD-20261102还没到。小明"
    result = redact(text, names=["王小明"])
    assert result.text == (
        "我是[NAME_1]，电话[PHONE_1]，也可以打[PHONE_2]。订单ORD-20261102还没到。[NAME_2]"
    )
    assert restore(result.text, result.mapping) == text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ship to 12 rue de la Paix, Paris 75002 please", "[ADDRESS_1]"),
        ("Lieferung an Hauptstraße 5, 10115 Berlin bitte", "[ADDRESS_1]"),
        ("寄到上海市浦东新区世纪大道100号", "[ADDRESS_1]"),
        ("send it to 1600 Pennsylvania Avenue, Washington DC 20500", "[ADDRESS_1]"),
    ],
)
def test_addresses_with_a_street_are_found(text: str, kind: str) -> None:
    result = redact(text)
    assert kind in result.text
    assert restore(result.text, result.mapping) == text


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112 was declined",  # not Luhn-valid: not a card number
        "IBAN DE89 3704 0044 0532 0130 07 is wrong",  # bad checksum
        "postcode 75002 alone, amount 1234.56 EUR, ORD-12345678, 2026-11-02 09:30",
    ],
)
def test_lookalikes_that_are_not_personal_data_stay(text: str) -> None:
    assert redact(text).text == text


def test_names_are_matched_whole_and_by_part_regardless_of_case() -> None:
    result = redact("MAYA PATEL wrote; maya again; Mayanna is someone else", names=["Maya Patel"])
    assert result.text == "[NAME_1] wrote; [NAME_2] again; Mayanna is someone else"
