"""Lines of the form "label: value" composed in code follow the language: a Chinese label
and value are joined by the full-width "：", an English pair keeps ": "."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from console.domain.customer import Consent, ContactPoint
from console.domain.kinds import ContactKind
from console.ui.customer_panel import CustomerPanel
from tests.factories import customer
from tests.ui.test_step_form import field, make_dialog, make_step


def shown_customer(qtbot: Any) -> CustomerPanel:
    panel = CustomerPanel()
    qtbot.addWidget(panel)
    points = [
        ContactPoint(kind=ContactKind.EMAIL, value="maya@example.com", preferred=True),
        ContactPoint(kind=ContactKind.PHONE, value="+44 20 7946 0018"),
    ]
    who = customer(contact_points=points, consent=Consent(ai_processing=True, marketing=False))
    panel.show_detail(SimpleNamespace(customer=who, case=SimpleNamespace(contact_count=2)))
    return panel


def test_the_customers_contacts_and_consent_use_the_chinese_colon(
    chinese: None, qtbot: Any
) -> None:
    panel = shown_customer(qtbot)
    assert panel.contacts.toolTip().split("\n")[:2] == [
        "电子邮件：maya@example.com ★",
        "电话：+44 20 7946 0018",
    ]
    assert panel.consent.text().split("\n") == ["✓ AI 处理：是", "✗ 通话录音：否", "✗ 营销信息：否"]


def test_in_english_they_keep_the_ascii_colon(qtbot: Any) -> None:
    panel = shown_customer(qtbot)
    assert panel.contacts.toolTip().startswith("Email: maya@example.com ★\nPhone: +44")
    assert panel.consent.text().split("\n")[0] == "✓ AI processing: Yes"


def test_the_step_forms_problems_use_the_chinese_colon(chinese: None, qtbot: Any) -> None:
    dialog = make_dialog(qtbot, make_step("reship"))
    form = dialog.form
    spin = field(form, "params.items.0.quantity")
    spin.selectAll()
    qtbot.keyClicks(spin, "0")
    (line,) = form.errors.text().split("\n")
    _step, (problem,) = form.result()
    assert line == f"• {problem.label}：{problem.message}"
    assert ": " not in line
