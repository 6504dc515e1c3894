"""The map first: it has most of the window by default, fills it in focus mode, fits itself, and nothing a user
types (a long account name) or a saved layout from another screen pushes it aside."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from app.demo import DEMO_ACCOUNT_NAMES
from tests import test_main_window
from tests.test_main_window import SCREENSHOTS, account_id, start, stop

demo_db, dialogs = test_main_window.demo_db, test_main_window.dialogs  # the same fixtures

SIZES = {(1280, 800): 0.50, (1920, 1080): 0.55}


@pytest.fixture
def big_screen(monkeypatch):
    """A 1920×1080 screen (the offscreen platform has one of 800×800), so that 1280×800 is the default size."""
    from app.ui.main.window_layout import WindowLayoutMixin

    monkeypatch.setattr(WindowLayoutMixin, "_screen_area", lambda self: QRect(0, 0, 1920, 1080))


def settle(qtbot, window, rounds: int = 6) -> None:
    qtbot.waitExposed(window)
    for _ in range(rounds):
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def view_of(window):
    return window.account_page.map_panel.view


def map_share(window) -> float:
    viewport = view_of(window).viewport()
    return viewport.width() * viewport.height() / (window.width() * window.height())


def resize(qtbot, window, size) -> None:
    window.resize(*size)
    settle(qtbot, window)
    assert window.size().toTuple() == size


def whole_map_shown(window) -> bool:
    view = view_of(window)
    return view.visible_scene_rect().contains(view.map_scene.cards_rect())


def test_the_map_has_most_of_the_window_by_default(qtbot, demo_db, dialogs, big_screen):
    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    assert window.size().toTuple() == (1280, 800)  # the default size, on a fresh profile
    shares = {}
    for size, least in SIZES.items():
        resize(qtbot, window, size)
        for name in DEMO_ACCOUNT_NAMES:
            assert window.select_account(account_id(window, name))
            settle(qtbot, window)
            shares[size, name] = share = map_share(window)
            assert share >= least, (size, name, share)
            assert whole_map_shown(window)
    print({k: round(v, 3) for k, v in shares.items()})
    # Every panel is shown or one tab away.
    for dock in (window.accounts_dock, window.profile_dock, window.analysis_dock, window.record_dock):
        assert not dock.isHidden()
    assert window.record_dock.isVisible() and window.profile_dock.isVisible()
    stop(controller)


def test_focus_on_the_map_and_back_then_reset_the_layout(qtbot, demo_db, dialogs, big_screen):
    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    window.resizeDocks([window.record_dock], [220], Qt.Orientation.Vertical)  # a layout of the user's own
    settle(qtbot, window)
    before = {d.objectName(): (d.isVisible(), d.geometry()) for d in window.findChildren(type(window.record_dock))}
    share_before = map_share(window)

    window.focus_map_action.trigger()  # F11
    settle(qtbot, window)
    assert window.focus_map_action.isChecked()
    assert map_share(window) >= 0.75  # the menu bar, the account header and the map toolbar stay
    assert not window.record_dock.isVisible() and not window.profile_dock.isVisible()
    assert whole_map_shown(window)  # re-fitted to the bigger view

    window.focus_map_action.trigger()
    settle(qtbot, window)
    after = {d.objectName(): (d.isVisible(), d.geometry()) for d in window.findChildren(type(window.record_dock))}
    assert after == before
    assert map_share(window) == pytest.approx(share_before, abs=0.01)

    # The user gives the records most of the width; the reset brings the default back.
    window.resizeDocks([window.profile_dock], [800], Qt.Orientation.Horizontal)
    settle(qtbot, window)
    assert map_share(window) < 0.45
    window.reset_layout_action.trigger()
    settle(qtbot, window)
    assert map_share(window) >= 0.50
    assert window.profile_dock.isVisible() and window.record_dock.isVisible()
    stop(controller)


def test_focus_mode_is_not_what_the_next_start_shows(qtbot, demo_db, dialogs, big_screen):
    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    window.focus_map_action.trigger()
    stop(controller)
    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    assert not window.focus_map_action.isChecked()
    assert window.profile_dock.isVisible() and window.main_toolbar.isVisible()
    stop(controller)


def test_the_map_fits_on_open_and_again_on_resize_until_the_user_zooms(qtbot, demo_db, dialogs, big_screen):
    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    view = view_of(window)
    assert whole_map_shown(window)  # the account opened on start is fitted
    assert view.scale_factor() <= 1.0
    small = view.scale_factor()

    resize(qtbot, window, (1920, 1080))
    assert whole_map_shown(window)
    assert view.scale_factor() > small * 1.1  # fitted again, larger

    window.account_page.map_panel.zoom_in_action.trigger()
    zoomed = view.scale_factor()
    resize(qtbot, window, (1280, 800))
    assert view.scale_factor() == pytest.approx(zoomed)  # the user's zoom is kept
    window.profile_dock.hide()
    settle(qtbot, window)
    assert view.scale_factor() == pytest.approx(zoomed)

    window.account_page.map_panel.fit_action.trigger()
    assert view.auto_fit
    window.profile_dock.show()
    settle(qtbot, window)
    assert whole_map_shown(window)  # a dock took room back: fitted to the smaller view
    fitted = view.scale_factor()
    resize(qtbot, window, (900, 800))
    assert view.scale_factor() < fitted and whole_map_shown(window)

    # Another account is fitted when it opens, whatever the user did before.
    window.account_page.map_panel.zoom_in_action.trigger()
    assert window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[2]))
    settle(qtbot, window)
    assert whole_map_shown(window) and view.auto_fit
    stop(controller)


def test_fit_zoom_and_find_are_on_the_map_toolbar_at_1280(qtbot, demo_db, dialogs, big_screen, monkeypatch,
                                                          tmp_path):
    for language in ("en", "zh_CN"):
        monkeypatch.setenv("STAKEMAP_CONFIG_DIR", str(tmp_path / language))  # a fresh profile for each
        controller, window = start(qtbot, demo_db, language)
        settle(qtbot, window)
        assert window.width() == 1280
        panel = window.account_page.map_panel
        toolbar = panel.toolbar
        for action in (panel.fit_action, panel.zoom_in_action, panel.zoom_out_action, panel.search_action):
            widget = toolbar.widgetForAction(action)
            assert widget is not None and widget.isVisible(), (language, action.text())
        stop(controller)


def test_the_last_account_opens_on_start_and_the_first_on_a_fresh_profile(qtbot, demo_db, dialogs, big_screen):
    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    first = window.account_list.proxy.index(0, 0).data()
    assert window.workspace.account(window.account_id).name == first
    assert whole_map_shown(window)
    last = account_id(window, DEMO_ACCOUNT_NAMES[2])
    window.select_account(last)
    stop(controller)

    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    assert window.account_id == last
    assert window.account_list.current_account_id() == last
    assert whole_map_shown(window)
    stop(controller)


def test_a_very_long_account_name_widens_nothing(qtbot, demo_db, dialogs, big_screen, monkeypatch):
    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    width, map_width = window.width(), view_of(window).viewport().width()
    long_name = ("超长客户名称" * 40 + " Very Long Account Name" * 20)[:499] + "尾"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (long_name, True)))
    window.rename_account_action.trigger()
    settle(qtbot, window)
    assert window.workspace.account(window.account_id).name == long_name

    assert window.width() == width
    assert abs(view_of(window).viewport().width() - map_width) <= 2
    title = window.account_page.title
    assert title.text() == long_name
    assert title.shown_text().endswith("…") and len(title.shown_text()) < 200
    assert title.toolTip() == long_name
    assert title.width() < width
    assert len(window.undo_action.text()) < 150
    menu_width = window.undo_action.associatedObjects()[0].sizeHint().width()
    assert menu_width < 900
    stop(controller)


def test_a_saved_geometry_bigger_than_the_screen_is_not_restored_as_it_was(qtbot, demo_db, dialogs):
    controller, window = start(qtbot, demo_db)
    screen = window._screen_area()
    window.resize(screen.width() + 600, screen.height() + 400)
    stop(controller)

    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert abs(window.geometry().center().x() - screen.center().x()) <= 2
    stop(controller)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots_of_every_demo_account(qtbot, demo_db, dialogs, big_screen, language, monkeypatch):
    SCREENSHOTS.mkdir(exist_ok=True)
    controller, window = start(qtbot, demo_db, language)
    for size in SIZES:
        resize(qtbot, window, size)
        for index, name in enumerate(DEMO_ACCOUNT_NAMES):
            window.select_account(account_id(window, name))
            settle(qtbot, window)
            assert window.grab().save(str(SCREENSHOTS / f"map_first_{index}_{size[0]}_{language}.png"))
    resize(qtbot, window, (1280, 800))
    window.focus_map_action.trigger()
    settle(qtbot, window)
    assert window.grab().save(str(SCREENSHOTS / f"map_first_focus_{language}.png"))
    window.focus_map_action.trigger()
    long_name = ("超长客户名称" * 40 + " Very Long Account Name" * 20)[:499] + "尾"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (long_name, True)))
    window.rename_account_action.trigger()
    settle(qtbot, window)
    assert window.grab().save(str(SCREENSHOTS / f"map_first_long_name_{language}.png"))
    stop(controller)


def test_dock_sizes_and_a_window_off_the_screen_come_back_sensibly(qtbot, demo_db, dialogs):
    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    screen = window._screen_area()
    window.resize(screen.width() - 100, screen.height() - 100)
    window.resizeDocks([window.profile_dock], [360], Qt.Orientation.Horizontal)
    window.resizeDocks([window.record_dock], [200], Qt.Orientation.Vertical)
    settle(qtbot, window)
    widths = window.profile_dock.width(), window.record_dock.height()
    window.move(screen.right() - 150, screen.y() + 10)  # mostly off the screen's right edge
    stop(controller)

    controller, window = start(qtbot, demo_db)
    settle(qtbot, window)
    assert abs(window.profile_dock.width() - widths[0]) <= 2
    assert abs(window.record_dock.height() - widths[1]) <= 2
    frame = window.frameGeometry()
    on_screen = screen.intersected(frame)
    assert on_screen.width() >= frame.width() - 2 and on_screen.height() >= frame.height() - 2
    stop(controller)



def test_cards_are_readable_at_the_fitted_zoom_of_every_demo_account(qtbot, demo_db, dialogs, big_screen):
    """Name, title and role badge on every card at the zoom the map opens with, at both window sizes."""
    from app.views.map.card_item import (
        BADGE_MIN_PIXELS,
        DETAIL_LOD,
        NAME_MIN_PIXELS,
        TEXT_MIN_PIXELS,
        detail_fonts,
    )

    controller, window = start(qtbot, demo_db)
    heights = {}
    for size in SIZES:
        resize(qtbot, window, size)
        for name in DEMO_ACCOUNT_NAMES:
            assert window.select_account(account_id(window, name))
            settle(qtbot, window)
            view = view_of(window)
            scale = view.transform().m11()
            assert scale >= DETAIL_LOD, (size, name, scale)  # details drawn, not the name-only boxes
            name_px, text_px, badge_px = detail_fonts(scale)
            assert name_px * scale >= NAME_MIN_PIXELS - 0.01
            assert text_px * scale >= TEXT_MIN_PIXELS - 0.01 and badge_px * scale >= BADGE_MIN_PIXELS - 0.01
            heights[size, name] = (round(scale, 3), round(84 * scale))  # a card of medium influence
    print("fitted card height in pixels:", heights)
    stop(controller)
