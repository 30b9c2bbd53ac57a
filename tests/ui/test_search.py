"""Go → Search all cases: words, order ids and Chinese words; ranking; opening any case."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.domain.kinds import CaseStatus
from console.services.cases import QueueQuery, SearchHit
from console.store import repositories as repo
from console.ui.search_dialog import HIT_ROLE, SearchDialog, SearchHitModel, present
from tests.ui.conftest import run_coro

_CJK = re.compile(r"[\u4e00-\u9fff]{2}")


def every_case(services: Any) -> list[Any]:
    return services.cases.queue_now(QueueQuery(statuses=frozenset(CaseStatus)))


def search(dialog: SearchDialog, qtbot: Any, text: str) -> list[SearchHit]:
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.search(text)
    return [dialog.model.hit_at(row) for row in range(dialog.model.rowCount())]


def test_the_hit_model_passes_the_model_tester(services: Any, qtmodeltester: Any) -> None:
    model = SearchHitModel()
    hits = [
        SearchHit("C-1", "Late <b>order</b>", "Ana", "where is <i>it</i>"),
        SearchHit("C-2", "退款", "王芳", "退款失败"),
    ]
    model.set_hits(hits, "order")
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole).startswith("Late <b>order</b>")
    assert model.index(1, 0).data(HIT_ROLE) is hits[1]
    assert model.terms == ("order",)


def test_finds_cases_by_subject_word_order_id_and_chinese_word(
    window: Any, qtbot: Any, services: Any
) -> None:
    dialog = present(window)
    qtbot.addWidget(dialog)
    rows = every_case(services)
    english = next(r for r in rows if r.language.startswith("en"))
    word = next(w for w in re.findall(r"[A-Za-z]{4,}", english.subject))
    assert english.case_id in {h.case_id for h in search(dialog, qtbot, word)}

    detail = run_coro(qtbot, services.cases.detail(rows[-1].case_id))
    order_id = detail.case.external_refs.order_ids[0]
    hits = search(dialog, qtbot, order_id)
    assert hits[0].case_id == rows[-1].case_id
    assert dialog.list.currentIndex().row() == 0

    chinese = next(r for r in rows if _CJK.search(r.subject))
    two = _CJK.search(chinese.subject).group()  # type: ignore[union-attr]
    assert chinese.case_id in {h.case_id for h in search(dialog, qtbot, two)}
    assert dialog.list.isVisible()
    assert not dialog.empty.isVisible()

    assert search(dialog, qtbot, "zzyzxq") == []
    assert dialog.empty.text() == "No case matches"
    assert dialog.hint.isVisible()
    assert "ORD-" in dialog.hint.text()


def test_the_order_toggle_searches_again(window: Any, qtbot: Any) -> None:
    dialog = present(window)
    qtbot.addWidget(dialog)
    assert dialog.ranked
    search(dialog, qtbot, "order")
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.newest.click()
    assert not dialog.ranked
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        dialog.best.click()
    assert dialog.ranked


def test_typing_is_throttled_and_only_the_last_search_answers(window: Any, qtbot: Any) -> None:
    dialog = present(window)
    qtbot.addWidget(dialog)
    answers: list[int] = []
    dialog.searched.connect(answers.append)
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        qtbot.keyClicks(dialog.field, "ORD")
    assert len(answers) == 1
    assert dialog.model.rowCount() > 1


def test_arrows_move_in_the_list_and_enter_opens_a_closed_case(
    window: Any, qtbot: Any, services: Any
) -> None:
    target = every_case(services)[-1]
    case = run_coro(qtbot, services.cases.detail(target.case_id)).case
    closed = case.model_copy(update={"status": CaseStatus.CLOSED})
    services.store.write_sync(lambda db: repo.update_case(db, closed, case.version))
    assert window.queue.model.row_of(target.case_id) is not None  # still the stale row
    window.queue.select_first()
    qtbot.waitUntil(lambda: window.case_id is not None, timeout=5000)

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    hits = search(dialog, qtbot, "order")
    row = next(i for i, h in enumerate(hits) if h.case_id == target.case_id)
    for _ in range(row):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.list.currentIndex().row() == row
    assert QApplication.focusWidget() is dialog.field
    with qtbot.waitSignal(window.case_opened, timeout=5000) as opened:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert opened.args == [target.case_id]
    assert not dialog.isVisible()
    assert window.header.status.text() == "Closed"
    assert window.header.sla.text() == "—"
    assert window.timeline.model.case_id == target.case_id
    assert window.queue.current_case_id() in (None, target.case_id)


def test_a_resolved_case_outside_the_queue_opens_and_nothing_else_stays_selected(
    window: Any, qtbot: Any, services: Any
) -> None:
    resolved = next(r for r in every_case(services) if r.status is CaseStatus.RESOLVED)
    assert window.queue.model.row_of(resolved.case_id) is None
    window.queue.select_first()
    qtbot.waitUntil(lambda: window.case_id is not None, timeout=5000)
    with qtbot.waitSignal(window.case_opened, timeout=5000):
        window.open_case(resolved.case_id)
    assert window.case_id == resolved.case_id
    assert window.queue.current_case_id() is None
    assert window.timeline.model.rowCount() > 0


def test_escape_closes_and_ctrl_k_brings_back_the_last_search(window: Any, qtbot: Any) -> None:
    dialog = present(window)
    qtbot.addWidget(dialog)
    search(dialog, qtbot, "order")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert present(window) is dialog
    assert dialog.field.text() == "order"
    assert dialog.field.selectedText() == "order"


def test_search_is_listed_among_the_shortcuts(window: Any) -> None:
    keys = dict(window.menus.shortcut_list())
    assert keys["Search all cases"] == "Ctrl+K"
