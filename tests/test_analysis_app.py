"""The analysis in the app and on the command line, on the demo accounts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from app.demo import DEMO_ACCOUNT_NAMES

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "screenshots"


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=ROOT, timeout=120)


def test_analyze_json_on_the_demo_through_the_command_line(tmp_path):
    db = tmp_path / "demo.db"
    assert run("--db", str(db), "demo").returncode == 0
    result = run("--db", str(db), "analyze", "--account", DEMO_ACCOUNT_NAMES[1], "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == {"account", "people", "coverage", "support_index", "nps"}
    assert payload["account"] == DEMO_ACCOUNT_NAMES[1]
    assert set(payload["coverage"]) == {"score", "gaps", "single_threaded", "effective_score", "stale"}
    people = payload["people"]
    for p in people:
        assert set(p) == {"name", "side", "role", "stance", "influence_declared", "influence_score", "brokerage",
                          "community", "coverage_level", "flags", "last_contact_days", "effective_coverage_level",
                          "inferred_level", "satisfaction"}
    client = [p for p in people if p["side"] == "client"]
    assert abs(sum(p["influence_score"] for p in client) - 1.0) < 1e-9
    assert all(p["influence_score"] == 0.0 for p in people if p["side"] == "team")
    # The demo bank's economic buyer is not covered at working level: a gap the analysis must name.
    economic = [p for p in client if p["role"] == "economic_buyer"]
    assert economic and all(p["name"] in payload["coverage"]["gaps"] for p in economic if p["coverage_level"] < 3)
    assert -1.0 <= payload["support_index"] <= 1.0

    table = run("--db", str(db), "analyze", "--account", DEMO_ACCOUNT_NAMES[1])
    assert table.returncode == 0 and "coverage score" in table.stdout
    missing = run("--db", str(db), "analyze", "--account", "没有这个客户")
    assert missing.returncode == 1 and "没有这个客户" in missing.stderr


@pytest.fixture
def window_parts(qtbot, workspace):
    from app.demo import load_demo
    from app.ui.analysis.panel import AnalysisPanel
    from app.ui.map.panel import MapPanel

    with workspace.database.session() as session:
        load_demo(session)
    account_id = workspace.account_id_by_name(DEMO_ACCOUNT_NAMES[1])
    stack = QUndoStack()
    map_panel = MapPanel(workspace, stack)
    panel = AnalysisPanel(workspace, map_panel)
    for widget in (map_panel, panel):
        qtbot.addWidget(widget)
        widget.show()
    map_panel.resize(1200, 800)
    panel.resize(520, 800)
    map_panel.show_account(account_id)
    panel.set_account(account_id)
    qtbot.waitUntil(lambda: panel.analysis is not None, timeout=10000)
    return workspace, account_id, map_panel, panel, stack


def test_ranking_table_selects_the_card_and_follows_edits(window_parts, qtbot):
    workspace, account_id, map_panel, panel, stack = window_parts
    model = panel.model
    client = [p for p in workspace.people(account_id) if not p.archived]
    assert model.rowCount() == len(client)
    top = panel.proxy.index(0, 0)
    scores = [float(panel.proxy.index(r, 1).data()) for r in range(panel.proxy.rowCount())]
    assert scores == sorted(scores, reverse=True)  # sorted by influence score, highest first

    chosen = []
    panel.person_activated.connect(chosen.append)
    panel.table.setCurrentIndex(panel.proxy.index(2, 0))
    assert chosen and chosen[-1][0] == "person"
    assert top.isValid()

    # An edit re-runs the analysis in the background (debounced) and the ranking follows.
    person = client[0]
    before = {p.key: p.coverage_level for p in panel.analysis.people}
    member = workspace.account_members(account_id)[0]
    from app.commands import edits, perform

    perform(stack, edits.add_link(workspace, account_id, "covers", ("member", member.id), ("person", person.id), 5))
    qtbot.waitUntil(lambda: {p.key: p.coverage_level for p in panel.analysis.people}.get(("person", person.id)) == 5,
                    timeout=10000)
    assert before.get(("person", person.id), 0) <= 5


def test_overlays_and_route_on_the_map(window_parts, qtbot):
    workspace, account_id, map_panel, panel, _stack = window_parts
    scene = map_panel.scene
    panel.overlay.setCurrentIndex(panel.overlay.findData("score"))
    top = max((p for p in panel.analysis.people if p.side == "client"), key=lambda p: p.influence_score)
    assert scene.card(top.key).scale() == pytest.approx(1.35)
    panel.overlay.setCurrentIndex(panel.overlay.findData("gaps"))
    assert all(c.scale() == 1.0 for c in scene.card_items())
    ringed = {c.key for c in scene.card_items() if c.highlight is not None}
    assert ringed == set(panel.analysis.gaps)

    economic = next(p for p in panel.analysis.people if p.role == "economic_buyer")
    map_panel.view.focus_on(economic.key)
    panel.overlay.setCurrentIndex(panel.overlay.findData("route"))
    qtbot.waitUntil(lambda: bool(panel.routes) and panel.routes[0].path[-1] == economic.key, timeout=10000)
    qtbot.waitUntil(lambda: "→" in panel.route_label.text(), timeout=5000)
    best = panel.routes[0]
    assert best.path[0][0] == "member" and best.path[-1] == economic.key
    assert {c.key for c in scene.card_items() if c.highlight is not None} == set(best.path)
    emphasised = [link for link in scene.link_items() if getattr(link, "_emphasis", False)]
    assert len(emphasised) >= len(best.path) - 1

    panel.overlay.setCurrentIndex(panel.overlay.findData("none"))
    assert all(c.highlight is None and c.scale() == 1.0 for c in scene.card_items())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots_of_the_analysis_panel_and_power_grid(qtbot, workspace, language):
    from app.i18n import language as lang

    lang.install(language)
    try:
        from app.demo import load_demo
        from app.ui.analysis.panel import AnalysisPanel
        from app.ui.map.panel import MapPanel

        with workspace.database.session() as session:
            load_demo(session)
        account_id = workspace.account_id_by_name(DEMO_ACCOUNT_NAMES[0])
        map_panel = MapPanel(workspace, QUndoStack())
        panel = AnalysisPanel(workspace, map_panel)
        for widget in (map_panel, panel):
            qtbot.addWidget(widget)
            widget.show()
        panel.resize(640, 820)
        map_panel.resize(1300, 850)
        map_panel.show_account(account_id)
        panel.set_account(account_id)
        qtbot.waitUntil(lambda: panel.analysis is not None, timeout=10000)
        SCREENSHOTS.mkdir(exist_ok=True)
        assert panel.grab().save(str(SCREENSHOTS / f"analysis_ranking_{language}.png"))
        panel.tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: panel.grid is not None)
        QApplication.processEvents()
        assert 10 <= len(panel.grid._labels) <= 10 + len(panel.analysis.gaps)
        assert len(panel.grid.scatter.points()) == panel.model.rowCount()  # one point per person
        assert panel.grid.grab().save(str(SCREENSHOTS / f"analysis_power_grid_{language}.png"))
        panel.overlay.setCurrentIndex(panel.overlay.findData("coalitions"))
        QApplication.processEvents()
        assert map_panel.grab().save(str(SCREENSHOTS / f"map_coalitions_{language}.png"))
    finally:
        lang.install("en")


def test_what_if_moves_the_numbers_without_saving(window_parts, qtbot):
    workspace, account_id, map_panel, panel, stack = window_parts
    person = max((p for p in panel.analysis.people if p.side == "client" and p.stance in ("skeptic", "opponent")),
                  key=lambda p: p.influence_score)
    map_panel.view.focus_on(person.key)
    what_if = panel.what_if
    assert what_if.person_label.text() == person.name
    before = panel.analysis.support_index
    what_if.stance.setCurrentIndex(what_if.stance.findData("advocate"))
    first = what_if.result.text().splitlines()[0]
    old, new = (float(part.split()[-1]) for part in first.split("→"))
    assert old == pytest.approx(before, abs=0.005) and new > old
    what_if.member.setCurrentIndex(0)
    what_if.level.setValue(5)
    coverage_line = what_if.result.text().splitlines()[1]
    old_cov, new_cov = (float(part.strip().split()[-1].rstrip("%")) for part in coverage_line.split("→"))
    assert new_cov >= old_cov
    # Nothing was saved: the person's stance and our relationships are as they were.
    assert workspace.person(person.key[1]).stance == person.stance
    assert stack.count() == 0
    assert what_if.suggestions.count() >= 1


def test_screenshot_of_the_what_if_tab(window_parts, qtbot):
    _workspace, _account_id, map_panel, panel, _stack = window_parts
    person = next(p for p in panel.analysis.people if p.role == "economic_buyer")
    map_panel.view.focus_on(person.key)
    panel.tabs.setCurrentWidget(panel.what_if)
    panel.what_if.stance.setCurrentIndex(panel.what_if.stance.findData("supporter"))
    SCREENSHOTS.mkdir(exist_ok=True)
    assert panel.grab().save(str(SCREENSHOTS / "analysis_what_if_en.png"))


def test_a_reporting_cycle_is_named_as_a_data_problem(window_parts, qtbot):
    workspace, account_id, _map_panel, panel, stack = window_parts
    from app.commands import edits, perform

    top = next(p for p in workspace.people(account_id) if p.role == "approver" and not p.archived)
    below = [link.source for link in workspace.links(account_id)
             if link.kind == "reports_to" and link.target == ("person", top.id)]
    perform(stack, edits.add_link(workspace, account_id, "reports_to", ("person", top.id), below[0]))
    qtbot.waitUntil(lambda: bool(panel.analysis.problems), timeout=10000)
    assert "reporting lines go round in a circle" in panel.summary.text()
    assert any("reporting_cycle" in p.flags for p in panel.analysis.people)
