"""Redaction against realistic personal data from Faker, in several locales.

Hypothesis picks the seed and the locale; Faker writes the person: their name, email,
phone, card number, IBAN and postal address, embedded in a customer's message. Nothing of
it may leave the machine in clear, and restoring must give the message back exactly.
"""

from __future__ import annotations

import re

from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from console.policy.redaction import redact, restore

LOCALES = ["en_US", "en_GB", "de_DE", "zh_CN"]
_FAKERS = {locale: Faker(locale) for locale in LOCALES}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@settings(max_examples=400, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), locale=st.sampled_from(LOCALES))
def test_no_generated_personal_data_survives_and_restore_is_exact(seed: int, locale: str) -> None:
    fake = _FAKERS[locale]
    fake.seed_instance(seed)
    name, email, phone = fake.name(), fake.email(), fake.phone_number()
    card, iban = fake.credit_card_number(), fake.iban()
    message = (
        f"Hello, this is {name}. Order ORD-48213377 for 129.99 never came. "
        f"Email me at {email} or call {phone}. Refund to card {card} "
        f"or to my account {iban}, please."
    )
    redacted = redact(message, names=[name])
    for secret in (email, iban, name):
        assert secret not in redacted.text, (secret, redacted.text)
    for number in (card, phone):
        assert _digits(number) not in _digits(redacted.text.replace("48213377", "")), (
            number,
            redacted.text,
        )
    assert "ORD-48213377" in redacted.text  # order ids and amounts are not personal data
    assert "129.99" in redacted.text
    assert restore(redacted.text, redacted.mapping) == message
