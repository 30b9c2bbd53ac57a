"""The header's sentiment reason is built from the reading's cues, in the user's language."""

from __future__ import annotations

import random
from typing import Any

from console.policy.sentiment import CustomerText, assess
from console.ui.sentiment_reason import reason_text

MESSAGES = (
    "This is the third time I write, this is unacceptable!!!",
    "not happy at all",
    "Thanks, that was a great help",
    "I AM REALLY ANGRY ABOUT THIS ORDER",
    "我很不满意，第三次了！！",
    "où est ma commande???",
    "ok",
)
EVENTS = ("refund.failed", "refund.completed", "shipment.lost", "order.delayed")


def reading() -> Any:
    return assess(
        [CustomerText("This is the third time, unacceptable", "en", 0)],
        contacts=4,
        system_events=["refund.failed"],
    )


def test_in_english_it_reads_as_the_policys_reason() -> None:
    generator = random.Random(7)
    for _ in range(200):
        messages = [
            CustomerText(generator.choice(MESSAGES), generator.choice(["en", "zh", "fr"]), rank)
            for rank in range(generator.randint(0, 4))
        ]
        events = generator.sample(EVENTS, generator.randint(0, 3))
        sample = assess(messages, contacts=generator.randint(1, 6), system_events=events)
        assert reason_text(sample) == sample.reason


def test_in_chinese_it_reads_chinese_around_the_customers_own_words(chinese: None) -> None:
    text = reason_text(reading())
    assert text.startswith("用词：")
    assert '"third time"' in text
    assert '"unacceptable"' in text
    assert "联系 4 次" in text
    assert text.endswith("；refund.failed")
    assert "Words" not in text
    assert "contacts" not in text


def test_the_zh_cn_header_shows_the_reason_in_chinese(
    chinese: None, services: Any, qtbot: Any
) -> None:
    from console.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.load_queue()
    window.show()
    case_id = window.queue.model.row_at(0).case_id
    with qtbot.waitSignal(window.digest_shown, timeout=5000):
        window.open_case(case_id)
    shown = window.header.reason.text()
    if shown:  # a demo case with a reading: no English scaffolding around the cues
        assert shown.startswith("原因：")
        assert not any(word in shown for word in ("Why", "Words", "contacts", "punctuation"))
    window.header.show_reading(reading())
    tip = window.header.reason.toolTip()
    assert tip.startswith('原因：用词："unacceptable"、"third time"；联系 4 次；refund.failed')
    assert "“联系 4 次”" in tip
    # A change of the open case keeps the translated reading, not the stored English one.
    detail = window.header.detail
    window.header.show_detail(detail)
    assert window.header.reason.toolTip().startswith("原因：用词：")
    window.shutdown()
