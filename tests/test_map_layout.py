"""Auto-layouts on the map: placed in a worker, applied as one undoable step, never overlapping; and what a
300-person account looks like (screenshots saved for a person to look at)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from app.layout.synthetic import sample_map

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰辉鑫宇浩然子轩梓涵晨欣怡思远嘉怡俊"
STANCES = ("advocate", "supporter", "neutral", "skeptic", "opponent", "unknown")


def generated_account(workspace, people: int = 300, seed: int = 3) -> int:
    """An account shaped like a real buying committee of ``people`` people, with Chinese names."""
    rng = random.Random(seed)
    nodes, edges = sample_map(people, seed=seed)
    account_id = workspace.create_account(f"生成客户 Generated {people}", tier="key", industry="制造业")
    ids = {}
    for node in nodes:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        if node.key[0] == "member":
            ids[node.key] = ("member", workspace.add_member(f"{name}（我方）", account_id, title="客户经理"))
        else:
            department = {"Executive": "总裁办", "Finance": "财务部", "IT": "信息中心", "Operations": "运营部",
                          "Procurement": "采购部", "Engineering": "工程部", "Quality": "质量部", "Sales": "销售部",
                          "Legal": "法务部", "Logistics": "物流部", "Marketing": "市场部", "HR": "人力资源部"}
            ids[node.key] = ("person", workspace.add_person(
                account_id, name, title="经理" if rng.random() < 0.3 else "专员", role=node.role,
                department=department.get(node.department), stance=rng.choice(STANCES),
                influence=rng.choice((None, 1, 2, 3, 4, 5))))
    for edge in edges:
        workspace.add_link(account_id, edge.kind, ids[edge.source], ids[edge.target], edge.strength)
    return account_id


def overlaps(scene) -> list[tuple]:
    cards = [c for c in scene.card_items() if c.isVisible() or scene.overview_mode]
    rects = sorted(((c.rect().translated(c.pos()), c.key) for c in cards), key=lambda rk: rk[0].left())
    found = []
    for i, (rect, key) in enumerate(rects):
        for other, other_key in rects[i + 1:]:
            if other.left() >= rect.right():
                break
            if rect.intersects(other):
                found.append((key, other_key))
    return found


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    from app.document import Workspace
    from app.storage.database import Database

    path = tmp_path_factory.mktemp("big") / "big.db"
    with Database.open(path) as db:
        account_id = generated_account(Workspace(db))
    return path, account_id


@pytest.fixture
def big(qtbot, big_db, tmp_path):
    import shutil

    from app.document import Workspace
    from app.storage.database import Database
    from app.ui.map.panel import MapPanel

    path = tmp_path / "copy.db"
    shutil.copy(big_db[0], path)
    db = Database.open(path)
    workspace = Workspace(db)
    stack = QUndoStack()
    panel = MapPanel(workspace, stack)
    panel.undo_stack = stack
    qtbot.addWidget(panel)
    panel.resize(1600, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_account(big_db[1])
    qtbot.waitUntil(lambda: all(None not in db_positions(workspace, big_db[1]).values()
                                for _ in [0]), timeout=20000)
    yield panel, workspace, big_db[1]
    panel.close()
    db.close()


def db_positions(workspace, account_id) -> dict:
    data = workspace.map_data(account_id)
    found = {("person", p.id): (p.x, p.y) for p in data.people if not p.archived}
    found.update({("member", m): xy for m, xy in data.member_positions.items()})
    return found


def test_first_opening_places_every_card_once_without_overlaps(big):
    panel, workspace, account_id = big
    stored = db_positions(workspace, account_id)
    assert len(stored) == len(panel.scene.card_items()) >= 300
    panel.scene.finish_animation()
    assert not overlaps(panel.scene)
    assert panel.undo_stack.count() == 0  # placing new cards is not an edit to undo


@pytest.mark.parametrize("name", ["org_chart", "force", "by_role", "by_department"])
def test_each_layout_is_one_undoable_step_without_overlaps(big, qtbot, name):
    from app.ui.map.layout_runner import layout_names

    panel, workspace, account_id = big
    # Start from a shuffled map, so that every layout has something to change.
    keys = sorted(db_positions(workspace, account_id))
    random.Random(5).shuffle(keys)
    workspace.set_positions(account_id, {k: (float(i % 20) * 260, float(i // 20) * 140) for i, k in enumerate(keys)})
    panel.scene.finish_animation()
    before = db_positions(workspace, account_id)
    panel.run_layout(name)
    assert panel.progress_action.isVisible() and panel.cancel_action.isVisible()  # a worker, with progress
    qtbot.waitUntil(lambda: panel.runner is None, timeout=20000)
    panel.scene.finish_animation()
    QApplication.processEvents()
    after = db_positions(workspace, account_id)
    assert after != before
    assert panel.undo_stack.count() == 1
    assert panel.undo_stack.undoText() == f"Auto-layout: {layout_names()[name]}"
    assert {key: (c.pos().x(), c.pos().y()) for key, c in ((c.key, c) for c in panel.scene.card_items())} == after
    assert not overlaps(panel.scene), name

    qtbot.wait(450)  # after the animation: group titles, and the view fitted to the new map
    frames = panel.scene._frames
    if name.startswith("by_"):
        titles = [box.childItems()[0] for box in frames]
        assert len(titles) >= 3
        cards = [c.rect().translated(c.pos()) for c in panel.scene.card_items()]
        for title in titles:  # a group's title never covers a card
            assert not any(title.sceneBoundingRect().intersects(rect) for rect in cards), title.text()
        if name == "by_role":  # titles name the groups (cut to a narrow box, in full in the tooltip)
            assert "Economic buyer" in {t.toolTip() for t in titles}
            assert "Influencer" in {t.text() for t in titles}
    else:
        assert not frames
    SCREENSHOTS.mkdir(exist_ok=True)
    assert panel.grab().save(str(SCREENSHOTS / f"map_300_{name}.png"))

    panel.undo_stack.undo()
    panel.scene.finish_animation()
    assert db_positions(workspace, account_id) == before
    assert all((c.pos().x(), c.pos().y()) == before[c.key] for c in panel.scene.card_items())


def test_a_running_layout_can_be_cancelled(big, qtbot):
    panel, workspace, account_id = big
    before = db_positions(workspace, account_id)
    panel.run_layout("force")
    panel.cancel_action.trigger()
    qtbot.wait(50)
    assert panel.runner is None and not panel.progress_action.isVisible()
    assert db_positions(workspace, account_id) == before and panel.undo_stack.count() == 0


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_demo_maps_are_placed_readably(qtbot, workspace, language):
    """Each demo account opens as an org chart with no overlapping cards; screenshots for a person to check."""
    from app.demo import DEMO_ACCOUNT_NAMES, load_demo
    from app.i18n import language as lang
    from app.ui.map.panel import MapPanel

    with workspace.database.session() as session:
        load_demo(session)
    lang.install(language)
    try:
        panel = MapPanel(workspace, QUndoStack())
        qtbot.addWidget(panel)
        panel.resize(1400, 900)
        panel.show()
        qtbot.waitExposed(panel)
        SCREENSHOTS.mkdir(exist_ok=True)
        for index, name in enumerate(DEMO_ACCOUNT_NAMES):
            account_id = workspace.account_id_by_name(name)
            panel.show_account(account_id)
            qtbot.waitUntil(lambda a=account_id: None not in db_positions(workspace, a).values(), timeout=10000)
            panel.scene.finish_animation()
            qtbot.wait(50)
            assert not overlaps(panel.scene), name
            assert not panel.scene.overview_mode  # a demo account fits in a window with its names readable
            assert panel.grab().save(str(SCREENSHOTS / f"map_demo_{index + 1}_{language}.png"))
    finally:
        lang.install("en")
