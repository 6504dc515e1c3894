"""Every string a user sees has its Simplified Chinese translation, and the shipped catalogue is current."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import update_translations  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_source_string_has_a_chinese_translation(tmp_path):
    """lupdate the code into a copy of the shipped catalogue: a new or changed string shows up unfinished."""
    ts_copy = tmp_path / "stakemap_zh_CN.ts"
    shutil.copy(update_translations.TS_FILE, ts_copy)
    update_translations.lupdate(ts_copy)
    missing = update_translations.untranslated(ts_copy)
    assert not missing, "strings without a Chinese translation (run tools/update_translations.py):\n" + "\n".join(
        f"  [{ctx}] {src}" for ctx, src in missing)


def test_shipped_qm_matches_the_catalogue(tmp_path):
    """The compiled .qm the app loads holds the same translations as the .ts translators edit."""
    qm = tmp_path / "fresh.qm"
    update_translations.lrelease(update_translations.TS_FILE, qm)
    assert qm.read_bytes() == update_translations.QM_FILE.read_bytes(), "run tools/update_translations.py"


def _visible_chrome_texts(window) -> list[str]:
    """Texts of menus, actions, buttons, labels, tabs, docks and headers (not the user's data)."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QDockWidget,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListView,
        QTabWidget,
    )

    texts = [window.windowTitle().split(" — ")[0]]
    for action in window.findChildren(type(window.undo_action)):
        texts += [action.text(), action.statusTip()]
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
    data_labels = {window.db_label, window.account_page.title, window.account_page.subtitle}
    for label in window.findChildren(QLabel):
        if label not in data_labels:
            texts.append(label.text())
    texts += [b.text() for b in window.findChildren(QAbstractButton)]
    texts += [g.title() for g in window.findChildren(QGroupBox)]
    texts += [d.windowTitle() for d in window.findChildren(QDockWidget)]
    texts += [e.placeholderText() for e in window.findChildren(QLineEdit)]
    for tabs in window.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and not isinstance(view.parent(), QComboBox) and not isinstance(view, QListView):
            texts += [str(model.headerData(c, _horizontal()) or "") for c in range(model.columnCount(QModelIndex()))]
    for combo in (window.account_list.tier_filter, window.profile.capacity, window.profile.tier,
                  window.profile.lead_source):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t and t.strip()]


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


# Texts that are the same in both languages.
LANGUAGE_NEUTRAL = {"English", "简体中文", "Stakemap"}


def test_the_window_in_chinese_shows_no_untranslated_text(qtbot, tmp_path):
    from app.demo import load_demo
    from app.storage.database import Database
    from tests.test_main_window import start, stop

    path = tmp_path / "demo.db"
    with Database.open(path) as db, db.session() as session:
        load_demo(session)
    controller, window = start(qtbot, path, "zh_CN")
    window.select_account(window.workspace.account_summaries()[0].id)
    texts = _visible_chrome_texts(window)
    assert len(texts) > 80
    untranslated = sorted({t for t in texts if not CJK.search(t) and t not in LANGUAGE_NEUTRAL
                           and not re.fullmatch(r"[\d\s·.,%/()&…-]*", t)})
    stop(controller)
    assert not untranslated, untranslated


@pytest.mark.parametrize("module", ["labels"])
def test_vocabulary_labels_exist_for_every_identifier(qapp, module):
    """Each stable identifier of DESIGN.md has a label; in Chinese they are the glossary's words."""
    from app.i18n import labels
    from app.i18n import language as lang
    from app.models import enums

    assert set(labels.buying_roles()) == set(enums.BUYING_ROLES)
    assert set(labels.stances()) == set(enums.STANCES)
    assert set(labels.link_kinds()) == set(enums.LINK_KINDS)
    assert set(labels.tiers()) == set(enums.TIERS)
    assert set(labels.team_roles()) == set(enums.TEAM_ROLES)
    assert set(labels.criteria()) == {code for code, _ in enums.DEFAULT_CRITERIA}
    try:
        lang.install("zh_CN")
        assert labels.buying_roles()["economic_buyer"] == "经济决策者"
        assert labels.stances()["advocate"] == "拥护"
        assert labels.link_kinds()["dotted_line"] == "虚线汇报"
        assert labels.relationship_levels()[4] == "4 · 信任"
    finally:
        lang.install("en")
    assert labels.buying_roles()["economic_buyer"] == "Economic buyer"
