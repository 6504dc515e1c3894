"""Team mode in the window: two running windows on two replicas see each other's edits live, the status bar
goes offline and back, and the Team server dialog joins and leaves — against a real PostgreSQL team server."""

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtWidgets import QMessageBox

from tests.team_support import demo_team
from tests.test_main_window import start, stop

BANK = "东潮商业银行 Dongchao Commercial Bank"
LONG = 30_000  # generous: CI shares two cores with other work


@pytest.fixture
def pair(team):
    """Ann uploads the demo accounts; Bob may write the bank; both files are joined."""
    return demo_team(team)


def _online(window) -> bool:
    state = window.sync_host.controller.state
    return state.joined and state.last_synced is not None and not state.busy and state.live


def _open_bank(qtbot, path):
    controller, window = start(qtbot, path)
    assert window.select_account(window.workspace.account_id_by_name(BANK))
    qtbot.waitUntil(lambda: _online(window), timeout=LONG)
    return controller, window


def _person_id(window, name: str) -> int:
    account = window.workspace.account_id_by_name(BANK)
    return next(p.id for p in window.workspace.people(account) if p.name == name)


def test_an_edit_in_one_window_reaches_the_other_window_s_map_live(qtbot, pair):
    team, ann, bob = pair
    name = sorted(r[0] for r in ann.query(
        "SELECT p.name FROM person p JOIN account a ON a.id = p.account_id WHERE a.name = ?", (BANK,)))[0]
    ann_app, ann_win = _open_bank(qtbot, ann.path)
    bob_app, bob_win = _open_bank(qtbot, bob.path)
    try:
        bob_card = bob_win.account_page.map_panel.scene.card(("person", _person_id(bob_win, name)))
        assert bob_card is not None and bob_card.record.title != "Chief Live Officer"
        glowing = []
        bob_win.sync_host.controller.cards_changed.connect(
            lambda keys: glowing.extend((k, bob_win.account_page.map_panel.scene.card(k).graphicsEffect() is not None)
                                        for k in keys if bob_win.account_page.map_panel.scene.card(k)))

        # Ann edits in her window, as the person dialog does; Bob's map shows it without anyone syncing by hand.
        ann_win.workspace.update_person(_person_id(ann_win, name), {"title": "Chief Live Officer"})
        qtbot.waitUntil(lambda: bob_card.record.title == "Chief Live Officer", timeout=LONG)
        assert (("person", _person_id(bob_win, name)), True) in glowing  # the changed card glows
        # Bob's profile and lists read the same file, redrawn by the same signals as a local edit.
        assert bob.person(BANK, name, "title") == ("Chief Live Officer",)
        assert "Synced" in bob_win.sync_host.button.text()

        # And back: Bob moves the card, Ann's map follows.
        ann_card = ann_win.account_page.map_panel.scene.card(("person", _person_id(ann_win, name)))
        bob_win.workspace.set_positions(bob_win.account_id, {("person", _person_id(bob_win, name)): (1234.0, 567.0)})
        qtbot.waitUntil(lambda: (ann_card.pos().x(), ann_card.pos().y()) == (1234.0, 567.0), timeout=LONG)

        # A need Ann records shows in Bob's Needs tab, which reloads on the same signal as for his own edit.
        needs = bob_win.record_panels["needs"].model
        shown = needs.rowCount()
        ann_win.workspace.add_need(ann_win.account_id, "跨行清算系统的灾备演练 Disaster-recovery drill")
        qtbot.waitUntil(lambda: needs.rowCount() == shown + 1, timeout=LONG)

        # File ▸ Sync now asks at once, whatever the timers say.
        before = bob_win.sync_host.controller.state.last_synced
        bob_win.sync_host.sync_action.trigger()
        qtbot.waitUntil(lambda: bob_win.sync_host.controller.state.last_synced != before
                        and not bob_win.sync_host.controller.state.busy, timeout=LONG)

        # A person Ann deletes leaves Bob's map, and Bob's people list.
        gone = sorted(p.name for p in ann_win.workspace.people(ann_win.account_id))[-1]
        gone_key = ("person", _person_id(bob_win, gone))
        ann_win.workspace.delete_person(_person_id(ann_win, gone))
        qtbot.waitUntil(lambda: bob_win.account_page.map_panel.scene.card(gone_key) is None, timeout=LONG)
        assert gone not in [p.name for p in bob_win.workspace.people(bob_win.account_id)]
    finally:
        stop(bob_app)
        stop(ann_app)


def test_the_status_bar_goes_offline_and_back_online(qtbot, pair):
    team, ann, bob = pair
    controller, window = _open_bank(qtbot, bob.path)
    button = window.sync_host.button
    login = team.login("bob")
    admin = psycopg.connect(team.admin_url, autocommit=True)
    try:
        assert button.isVisible() and "Synced" in button.text()
        # The server shuts Bob out: his connections drop and new ones are refused.
        admin.execute(f'ALTER ROLE "{login}" NOLOGIN')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (login,))
        qtbot.waitUntil(lambda: controller_state(window).offline, timeout=LONG)
        assert button.text().startswith("Offline")
        # Work goes on in the file; the edit waits and the status bar counts it.
        qtbot.waitUntil(lambda: not controller_state(window).busy, timeout=LONG)
        before = controller_state(window).waiting  # and the cards the map placed, if it was not done yet
        window.workspace.add_person(window.account_id, "离线新人 Written Offline", title="Analyst")
        qtbot.waitUntil(lambda: controller_state(window).waiting == before + 1, timeout=LONG)
        waiting = before + 1
        assert f"{waiting} edit(s) waiting" in button.text()
        window.sync_host.open_details()
        details = window.sync_host.details
        assert details.fields["error"].text() != "—"
        assert details.fields["waiting"].text() == str(waiting)
        assert details.fields["server"].text() == bob.team.url.replace("postgresql://", "postgresql://" + login + "@")
        # The server lets him in again: the file catches up by itself (the back-off keeps trying).
        admin.execute(f'ALTER ROLE "{login}" LOGIN')
        qtbot.waitUntil(lambda: not controller_state(window).offline and controller_state(window).waiting == 0,
                        timeout=90_000)
        assert "Offline" not in button.text() and "waiting" not in button.text()
        assert details.fields["error"].text() == "—"
        assert ann.sync()["pulled"] >= 1
        assert ann.person(BANK, "离线新人 Written Offline", "title") == ("Analyst",)
    finally:
        admin.execute(f'ALTER ROLE "{login}" LOGIN')
        admin.close()
        stop(controller)


def test_an_edit_made_just_before_quitting_reaches_the_server(qtbot, pair):
    team, ann, bob = pair
    controller, window = _open_bank(qtbot, bob.path)
    person = window.workspace.people(window.account_id)[0]
    window.workspace.update_person(person.id, {"title": "Written at the last moment"})
    stop(controller)  # at once: the edit's own sync has not run yet; the one at quit takes it
    ann.sync()
    assert ann.person(BANK, person.name, "title") == ("Written at the last moment",)


def controller_state(window):
    return window.sync_host.controller.state


def test_the_team_server_dialog_joins_and_leaves(qtbot, team, monkeypatch, tmp_path):
    from app.ui.team.settings_dialog import TeamServerDialog

    team.add_user("carol", "member")
    carol = team.replica("carol")
    carol.cli("demo")
    password = team.password_file("carol").read_text().strip()
    controller, window = start(qtbot, carol.path)
    try:
        assert not window.sync_host.button.isVisible()
        assert not window.sync_host.sync_action.isEnabled()
        assert window.sync_host.settings_action.isEnabled()
        dialog = TeamServerDialog(window.sync_host.controller, window)
        dialog.show()
        # A wrong password is told in the dialog; nothing is joined.
        dialog.url.setText(team.url)
        dialog.user.setText(team.login("carol"))
        dialog.password.setText("not-her-password")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=LONG)
        assert "password" in dialog.message.text().lower()
        dialog.password.setText(password)
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "works" in dialog.message.text(), timeout=LONG)
        # While joining, the bar fills table by table (a determinate bar, not a busy one).
        bars = []
        window.sync_host.controller.join_progress.connect(
            lambda *_: bars.append((dialog.progress.maximum(), dialog.progress.value(), dialog.message.text())))
        dialog.join_button.click()
        qtbot.waitUntil(lambda: dialog.message.text().startswith("Joined"), timeout=90_000)
        assert bars and all(maximum > 0 for maximum, _value, _text in bars)
        assert [value for _m, value, _t in bars] == sorted(value for _m, value, _t in bars)
        assert bars[-1][1] == bars[-1][0] and "table" in bars[-1][2]
        assert controller_state(window).joined and window.sync_host.button.isVisible()
        assert window.sync_host.sync_action.isEnabled() and dialog.leave_button.isEnabled()
        assert not dialog.join_button.isEnabled()
        # Her accounts are on the server now; the password went to the password store, not the settings.
        with psycopg.connect(team.admin_url) as admin:
            assert admin.execute("SELECT count(*) FROM account").fetchone()[0] == 3
        assert carol.query("SELECT value FROM sync_state WHERE key = 'user'") == [(team.login("carol"),)]
        assert password in (tmp_path / "pgpass").read_text()
        for path in carol.path.parent.rglob("*"):
            if path.is_file() and path.suffix in (".ini", ".conf", ".json"):
                assert password not in path.read_text(errors="replace"), path
        assert not any(password.encode() in p.read_bytes() for p in carol.path.parent.glob("carol.stakemap*"))

        # Leaving asks first, offering (checked) to forget the saved password as well.
        asked = []

        def answer_yes(box):
            asked.append((box.checkBox().text(), box.checkBox().isChecked()))
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "exec", answer_yes)
        dialog.leave_button.click()
        qtbot.waitUntil(lambda: not controller_state(window).joined, timeout=LONG)
        assert "plain local file" in dialog.message.text()
        assert asked == [("Also forget the saved password", True)]
        assert password not in (tmp_path / "pgpass").read_text()
        assert carol.query("SELECT value FROM sync_state WHERE key = 'url'") == []
        assert carol.query("SELECT count(*) FROM sync_shadow") == [(0,)]
        assert len(carol.query("SELECT name FROM account")) == 3  # everything stays in the file
        assert not window.sync_host.button.isVisible() and not window.sync_host.sync_action.isEnabled()
        dialog.close()
    finally:
        stop(controller)
    _code, _out, err = carol.cli("sync", expect=1)
    assert "not joined" in err


def test_an_unreachable_server_is_tried_again_less_and_less_often(qtbot, tmp_path):
    import socket
    import sqlite3

    from app.document import Workspace
    from app.storage.database import Database
    from app.ui.team.sync_controller import RETRY_FIRST_MS, SyncController

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    path = tmp_path / "away.stakemap"
    Database.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT OR REPLACE INTO sync_state VALUES ('url', ?)", (f"postgresql://ann@127.0.0.1:{port}/team",))
        raw.execute("INSERT OR REPLACE INTO sync_state VALUES ('user', 'ann')")
    database = Database.open(path)
    controller = SyncController(Workspace(database))
    try:
        controller.start()
        qtbot.waitUntil(lambda: controller.state.offline and not controller.state.busy, timeout=LONG)
        assert controller.state.joined and "cannot reach" in controller.state.error
        assert controller._retry.isActive() and controller._retry.interval() == RETRY_FIRST_MS
        for wanted in (2 * RETRY_FIRST_MS, 4 * RETRY_FIRST_MS):
            controller.sync_now("now")
            qtbot.waitUntil(lambda wanted=wanted: controller._retry.interval() == wanted and not controller.state.busy,
                            timeout=LONG)
        # Work goes on meanwhile: the file takes edits and counts them as waiting.
        controller.workspace.create_account("离线客户 Offline Account")
        qtbot.waitUntil(lambda: controller.state.waiting >= 1, timeout=LONG)
    finally:
        controller.shutdown()
        database.close()
