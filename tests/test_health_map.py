"""Relationship health drawn on the map and the account page: declared or effective levels, the marks of a
claim that outruns the evidence and of an overdue contact on the cards, and the champions-at-risk strip."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform, QUndoStack
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from app.views.map import overlays


@pytest.fixture
def parts(qtbot, workspace):
    """Acme: 张伟 (economic buyer, advocate) trusted by 陈思远 but last met 130 days ago; 李娜 met last week
    and five times this half-year though declared only acquainted; 王强 declared an advocate of ours and seen
    once, 170 days ago, by a call; 周敏, a coach, has left the account."""
    from app.ui.accounts.page import AccountPage
    from app.ui.analysis.panel import AnalysisPanel

    ws = workspace
    now = dt.datetime.combine(dt.date.today(), dt.time(10))
    account = ws.create_account("Acme")
    zhang = ws.add_person(account, "张伟", title="CFO", role="economic_buyer", stance="advocate", influence=5)
    li = ws.add_person(account, "李娜", title="IT manager", department="总部/信息技术部", role="user_buyer",
                       influence=3)
    wang = ws.add_person(account, "王强", title="Chief architect", department="信息技术部",
                         role="technical_buyer", influence=3)
    zhou = ws.add_person(account, "周敏", role="coach", stance="advocate", archived=True)
    chen = ws.add_member("陈思远")
    ws.assign_member(account, chen)
    ws.add_link(account, "covers", ("member", chen), ("person", zhang), 4)
    ws.add_link(account, "covers", ("member", chen), ("person", li), 2)
    ws.add_link(account, "covers", ("member", chen), ("person", wang), 5)
    ws.add_interaction(account, now - dt.timedelta(days=130), "meeting", [("person", zhang), ("member", chen)])
    for days in (6, 30, 60, 90, 120):
        ws.add_interaction(account, now - dt.timedelta(days=days), "visit", [("person", li), ("member", chen)])
    ws.add_interaction(account, now - dt.timedelta(days=170), "call", [("person", wang), ("member", chen)])
    ws.add_action(account, "Send the reference architecture", person_id=wang,
                  due_date=dt.date.today() - dt.timedelta(days=3))
    stack = QUndoStack()
    page = AccountPage(ws, stack)
    panel = AnalysisPanel(ws, page.map_panel, undo_stack=stack)
    panel.analysis_changed.connect(page.set_analysis)  # as the main window wires them
    for widget in (page, panel):
        qtbot.addWidget(widget)
        widget.show()
    page.resize(1200, 800)
    panel.resize(520, 800)
    page.set_account(account)
    panel.set_account(account)
    qtbot.waitUntil(lambda: panel.analysis is not None, timeout=10000)
    ids = {"zhang": zhang, "li": li, "wang": wang, "zhou": zhou, "chen": chen}
    return ws, account, page, panel, ids


def _covers(scene, member, person):
    return next(link for link in scene.link_items()
                if (link.source.key, link.target.key) == (("member", member), ("person", person)))


def test_switching_to_effective_levels_thins_a_stale_relationship_and_rings_its_gap(parts):
    _ws, _account, page, panel, ids = parts
    scene = page.map_panel.scene
    link = _covers(scene, ids["chen"], ids["zhang"])
    fresh = _covers(scene, ids["chen"], ids["li"])
    card = scene.card(("person", ids["zhang"]))
    panel.overlay.setCurrentIndex(panel.overlay.findData("gaps"))
    declared_width = link.pen().widthF()
    assert panel.levels.currentText() == "Declared levels"
    assert link.shown_level() == 4 and card.highlight is None  # declared: the economic buyer is covered
    # Met 130 days ago: 4 − 2 = 2, and the tooltip says so in either mode.
    assert link.toolTip().splitlines()[-1] == "Counts as 2/5 today (last touch 4 months ago)"

    panel.levels.setCurrentIndex(panel.levels.findData("effective"))
    assert link.shown_level() == 2 and link.pen().widthF() < declared_width
    assert card.highlight == overlays.GAP_COLOR  # counted on effective levels, the economic buyer is a gap
    assert fresh.shown_level() == 2 and fresh.pen().widthF() == pytest.approx(0.8 + 1.1 * 2)  # met last week

    panel.levels.setCurrentIndex(panel.levels.findData("declared"))
    assert link.shown_level() == 4 and link.pen().widthF() == declared_width and card.highlight is None


def test_cards_carry_claim_and_cadence_marks_with_their_reasons(parts):
    _ws, _account, page, _panel, ids = parts
    scene = page.map_panel.scene
    wang = scene.card(("person", ids["wang"]))
    li = scene.card(("person", ids["li"]))
    zhang = scene.card(("person", ids["zhang"]))
    assert [c[0] for c in wang.marks.chips()] == ["overstated", "cadence"]
    tip = wang.toolTip().splitlines()
    assert tip[0] == "王强"
    assert ("陈思远 declares “5 · Advocate”, but the last 180 days show only 1 interaction(s) together "
            "(the history says “2 · Acquainted”)") in tip
    # Technical buyer: every 45 days, last heard from 170 days ago.
    assert "Contact every 45 days: last contact 5 months ago, 125 days overdue" in tip
    assert [c[1] for c in wang.marks.chips()] == ["Overstated", "Overdue 125 d"]
    assert [c[:2] for c in li.marks.chips()] == [("understated", "Understated")]
    assert ("陈思远 declares only “2 · Acquainted”, but the last 180 days show 5 interaction(s) together "
            "(the history says “5 · Advocate”)") in li.toolTip().splitlines()
    assert [c[:2] for c in zhang.marks.chips()] == [("cadence", "Overdue 100 d")]


def _paint(card, scale: float = 1.0) -> None:
    image = QImage(800, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setTransform(QTransform().translate(400, 200).scale(scale, scale))
    option = QStyleOptionGraphicsItem()
    card.paint(painter, option)
    painter.end()


@pytest.mark.parametrize("scale", [1.0, 1.6, 0.6, 0.45, 0.3])
def test_marks_overlap_nothing_else_on_the_card(parts, scale):
    _ws, _account, page, _panel, ids = parts
    card = page.map_panel.scene.card(("person", ids["wang"]))
    card.stale = True  # a clock as well, and a snapshot's change mark: every mark a card can carry at once
    card.change_mark = QColor("#7b1fa2")
    _paint(card, scale)
    marks = {name: rect for name, rect in card.painted.items() if name.startswith("mark:")}
    others = {name: rect for name, rect in card.painted.items() if not name.startswith("mark:")}
    assert set(marks) == {"mark:overstated", "mark:cadence"}
    assert {"stale", "change"} <= set(others)
    if scale >= 0.4:  # zoomed further out a card shows its name only, with no late-action mark
        assert "overdue" in others
    if scale >= 1.0:
        assert {"badge", "dots"} <= set(others)
    for name, rect in marks.items():
        for other, other_rect in others.items():
            assert not rect.intersects(other_rect), (name, other)
        assert card.boundingRect().contains(rect)
    first, second = marks["mark:overstated"], marks["mark:cadence"]
    assert not first.intersects(second)
    if scale >= 1.0:  # words fit inside the card, above its edge
        assert all(card.rect().contains(rect) for rect in marks.values())


@pytest.mark.parametrize("scale", [1.0, 0.6, 0.3])
def test_marks_stay_within_the_margin_routing_keeps_clear(parts, scale):
    from app.layout.routing import PAINTED_MARGIN
    from app.views.map.card_marks import ROUTED_MARGIN

    assert ROUTED_MARGIN == PAINTED_MARGIN
    _ws, _account, page, _panel, ids = parts
    card = page.map_panel.scene.card(("person", ids["wang"]))
    _paint(card, scale)  # words in the bottom row, or round marks on the bottom edge zoomed out
    grown = card.rect().adjusted(-PAINTED_MARGIN, -PAINTED_MARGIN, PAINTED_MARGIN, PAINTED_MARGIN)
    marks = [rect for name, rect in card.painted.items() if name.startswith("mark:")]
    assert len(marks) == 2 and all(grown.contains(rect) for rect in marks)


def test_the_account_page_lists_champions_at_risk_and_a_click_selects_the_card(parts, qtbot):
    _ws, _account, page, _panel, ids = parts
    strip = page.alerts
    assert strip.isVisible()
    assert [a.text for a in strip.alerts] == [
        "张伟 — the relationship has gone stale",
        "周敏 — left the account",
        "张伟 — our only strong relationship (陈思远) has gone stale"]
    assert "Champions at risk (3):" in strip.label.text()
    page.tabs.setCurrentIndex(1)  # the People tab: a click brings the map back with the card selected
    strip.activate(strip.alerts[0])
    assert page.tabs.currentWidget() is page.map_panel
    assert page.map_panel.scene.selected_keys() == [("person", ids["zhang"])]
    # 周敏 left: no card, so the People tab shows her among the archived people.
    strip.activate(strip.alerts[1])
    assert page.show_archived.isChecked() and page.current_person() == ids["zhou"]


def test_the_strip_goes_when_the_risk_does_and_can_be_closed(parts, qtbot):
    ws, account, page, panel, ids = parts
    strip = page.alerts
    strip.close_button.click()
    assert not strip.isVisible()
    now = dt.datetime.now().replace(microsecond=0)
    ws.add_interaction(account, now, "meeting", [("person", ids["zhang"]), ("member", ids["chen"])])
    qtbot.waitUntil(lambda: panel.analysis.health.stale == [], timeout=10000)
    # The list changed (only 周敏 is left in it): shown again.
    assert [a.text for a in strip.alerts] == ["周敏 — left the account"] and strip.isVisible()
    page.set_account(None)
    assert not strip.isVisible()


def test_the_demo_shows_every_mark_on_screen_and_in_the_pdf_but_not_in_a_shareable_one(demo, qtbot, tmp_path):
    from app.demo import DEMO_ACCOUNT_NAMES
    from app.export import export_map
    from app.ui.accounts.page import AccountPage
    from app.ui.analysis.panel import AnalysisPanel
    from tests.pdf_reading import pdf_text

    account = demo.account_id_by_name(DEMO_ACCOUNT_NAMES[0])
    stack = QUndoStack()
    page = AccountPage(demo, stack)
    panel = AnalysisPanel(demo, page.map_panel, undo_stack=stack)
    panel.analysis_changed.connect(page.set_analysis)
    qtbot.addWidget(page)
    qtbot.addWidget(panel)
    page.show()
    page.set_account(account)
    panel.set_account(account)
    qtbot.waitUntil(lambda: panel.analysis is not None, timeout=10000)
    names = {card.key: card.record.name for card in page.map_panel.scene.card_items()}
    kinds = {(names[c.key], kind) for c in page.map_panel.scene.card_items() if c.marks
             for kind, _full, _short in c.marks.chips()}
    # The demo shows each kind of mark and alert (which people carry them moves with the demo's history).
    assert {"overstated", "understated", "cadence"} <= {kind for _name, kind in kinds}
    assert page.alerts.isVisible() and page.alerts.alerts
    # On every marked card of the account, at every zoom, the marks keep clear of everything else drawn on it.
    for card in page.map_panel.scene.card_items():
        if card.marks is None:
            continue
        for scale in (1.2, 1.0, 0.8, 0.6, 0.45, 0.35):
            _paint(card, scale)
            marks = [rect for name, rect in card.painted.items() if name.startswith("mark:")]
            assert marks, (card.record.name, scale)
            for name, rect in card.painted.items():
                if not name.startswith("mark:"):
                    assert not any(rect.intersects(mark) for mark in marks), (card.record.name, scale, name)

    full, shared = tmp_path / "full.pdf", tmp_path / "shared.pdf"
    export_map(demo, account, full, "pdf")
    export_map(demo, account, shared, "pdf", shareable=True)
    text, shared_text = pdf_text(full), pdf_text(shared)
    assert "Overstated" in text and "Understated" in text and "Overdue" in text
    assert not any(word in shared_text for word in ("Overstated", "Understated", "Overdue"))


def test_the_ranking_explains_a_claim_beyond_the_evidence(parts):
    from app.views.analysis_model import AnalysisModel

    _ws, _account, _page, panel, ids = parts
    model = panel.model
    row = model.row_of(("person", ids["wang"]))
    flags = model.index(row, AnalysisModel.FLAGS)
    assert "closer on paper than in the history" in flags.data()
    assert flags.data(Qt.ItemDataRole.ToolTipRole).splitlines() == [
        "陈思远 declares “5 · Advocate”, but the last 180 days show only 1 interaction(s) together "
        "(the history says “2 · Acquainted”)",
        "Contact every 45 days: last contact 5 months ago, 125 days overdue"]


def test_a_long_list_of_champions_at_risk_names_six_and_counts_the_rest(qtbot):
    from types import SimpleNamespace

    from app.analysis.health import ChampionRisk
    from app.ui.accounts.champion_alerts import ChampionAlerts

    strip = ChampionAlerts()
    qtbot.addWidget(strip)
    people = [SimpleNamespace(key=("person", i), name=f"P{i}") for i in range(9)]
    risks = [ChampionRisk(p.key, p.name, ("stale",)) for p in people]
    strip.set_analysis(SimpleNamespace(people=people, health=SimpleNamespace(champions_at_risk=risks,
                                                                             lone_strong_stale=[])))
    text = strip.label.text()
    assert "Champions at risk (9):" in text and "P5" in text and "P6" not in text
    assert text.endswith("3 more in Analysis ▸ Relationships")


def test_the_marks_in_chinese(parts):
    from app.i18n.language import install
    from app.views.map.card_marks import marks_from_health

    _ws, _account, _page, panel, ids = parts
    install("zh_CN")
    try:
        marks = marks_from_health(panel.analysis.health, {p.key: p.name for p in panel.analysis.people})
        wang = marks[("person", ids["wang"])]
        assert [c[1] for c in wang.chips()] == ["登记偏高", "逾期 125 天"]
        assert wang.tooltip_lines() == [
            "陈思远登记为“5 · 深度信任”，但近 180 天只一起互动过 1 次（互动记录只显示“2 · 认识”）",
            "每 45 天联系一次：上次联系是五个月前，已逾期 125 天"]
    finally:
        install("en")


def test_opening_a_demo_account_in_the_window_heads_it_with_its_champions_at_risk(qtbot, tmp_path):
    from app.demo import DEMO_ACCOUNT_NAMES, load_demo
    from app.storage.database import Database
    from tests.test_main_window import start, stop

    path = tmp_path / "demo.db"
    with Database.open(path) as db, db.session() as session:
        load_demo(session)
    controller, window = start(qtbot, path)
    ws = window.workspace
    window.select_account(ws.account_id_by_name(DEMO_ACCOUNT_NAMES[0]))
    strip = window.account_page.alerts
    qtbot.waitUntil(lambda: strip.isVisible(), timeout=10000)
    on_map = next(a for a in strip.alerts if a.on_map)
    assert on_map.name in strip.label.text()
    strip.activate(on_map)
    assert window.account_page.map_panel.scene.selected_keys() == [on_map.key]
    assert window.person_profile.isVisible()  # the side panel follows the selection, as for a click on the card
    stop(controller)
