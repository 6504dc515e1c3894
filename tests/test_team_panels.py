"""The window works with the team: conflicts resolved as undoable edits that reach the other replica, possible
duplicates merged without losing a record, read-only accounts refused, who changed what, and the dashboard
across the team — over a real PostgreSQL team server and two replicas."""

from __future__ import annotations

import sqlite3

import pytest

from tests.team_support import demo_team, demo_viewer
from tests.test_sync_team import BANK, a_person, people

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def shared(team):
    team, ann, bob = demo_team(team)
    bob.sync()
    ann.sync()
    return team, ann, bob


class Open:
    """A replica opened as the window opens it: a Workspace and an undo stack."""

    def __init__(self, replica) -> None:
        from PySide6.QtGui import QUndoStack

        from app.document import Workspace
        from app.storage.database import Database

        self.replica = replica
        self.db = Database.open(replica.path)
        self.ws = Workspace(self.db)
        self.stack = QUndoStack()

    def sync(self):
        from app.sync.engine import Engine

        with Engine(self.db) as engine:
            return engine.sync()

    def account(self, name=BANK) -> int:
        return self.ws.account_id_by_name(name)

    def person_id(self, name, account=BANK) -> int:
        return next(p.id for p in self.ws.people(self.account(account)) if p.name == name)

    def close(self) -> None:
        self.stack.clear()
        self.db.close()


@pytest.fixture
def opened():
    found = []

    def open_(replica):
        found.append(Open(replica))
        return found[-1]

    yield open_
    for o in found:
        o.close()


def make_title_conflict(ann, bob, name):
    ann.set(BANK, name, "title=Chief Risk Officer")
    bob.set(BANK, name, "title=Head of Risk")
    ann.sync()
    bob.sync()
    [conflict] = bob.conflicts()
    return conflict


def test_resolving_with_mine_is_an_undoable_edit_that_reaches_the_other_replica(shared, opened):
    from app.commands import perform
    from app.commands.conflict_edits import ResolveConflictCommand

    team, ann, bob = shared
    name = a_person(ann, BANK)
    make_title_conflict(ann, bob, name)
    b = opened(bob)
    [c] = b.ws.conflicts()
    assert (c.theirs, c.mine, c.by) == ("Chief Risk Officer", "Head of Risk", team.login("ann"))
    assert c.at
    perform(b.stack, ResolveConflictCommand(b.ws, c.id, "mine", label=name))
    assert b.ws.person(b.person_id(name)).title == "Head of Risk" and b.ws.conflicts() == []
    b.stack.undo()
    assert b.ws.person(b.person_id(name)).title == "Chief Risk Officer" and len(b.ws.conflicts()) == 1
    b.stack.redo()
    b.sync()
    ann.sync()
    assert ann.person(BANK, name, "title") == ("Head of Risk",)


def sync_window(window):
    """What the background sync does: sync the window's file, then let every panel redraw."""
    from app.document.records import Change
    from app.sync.engine import Engine

    with Engine(window.workspace.database) as engine:
        result = engine.sync()
    window.workspace.announce_import(None)
    window.workspace.conflicts_changed.emit(Change("conflict", ()))
    return result


@pytest.fixture
def dialogs(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    return shown


def open_window(qtbot, replica, language="en"):
    from tests.test_main_window import start

    controller, window = start(qtbot, replica.path, language)
    window.resize(1280, 800)
    return controller, window


def conflict_row(panel, field_text):
    table = panel.table
    return next(r for r in range(table.rowCount()) if table.item(r, 2).text() == field_text)


@pytest.mark.parametrize("keep", ["theirs", "mine", "typed"])
def test_the_conflicts_panel_resolves_and_the_result_reaches_the_other_replica(shared, qtbot, dialogs, keep,
                                                                            monkeypatch):
    from tests.test_main_window import stop

    team, ann, bob = shared
    name = a_person(ann, BANK)
    make_title_conflict(ann, bob, name)
    controller, window = open_window(qtbot, bob)
    window.select_account(window.workspace.account_id_by_name(BANK))
    if keep == "theirs":
        # The status bar counts the conflict (the background sync); a click on it opens the Conflicts dock.
        qtbot.waitUntil(lambda: window.sync_host.controller.state.conflicts == 1, timeout=20000)
        window.sync_host.button.click()
        window.sync_host.details.close()
    else:
        window.show_conflicts()
    panel = window.conflicts_host.panel
    assert window.conflicts_host.dock.isVisible()
    row = conflict_row(panel, "Title")
    texts = [panel.table.item(row, c).text() for c in range(panel.table.columnCount())]
    assert texts[:6] == [BANK, f"Person · {name}", "Title", "Chief Risk Officer", "Head of Risk", "(empty)"] or \
        texts[3:5] == ["Chief Risk Officer", "Head of Risk"]
    assert texts[6] == team.login("ann") and texts[7]
    # The card in conflict carries a badge on the map, and says so in its tooltip.
    person_id = next(p.id for p in window.workspace.people(window.account_id) if p.name == name)
    scene = window.account_page.map_panel.scene
    qtbot.waitUntil(lambda: scene.card(("person", person_id)).conflicts == 1)
    assert "Sync conflicts" in scene.card(("person", person_id))._tooltip()
    panel.table.selectRow(row)
    if keep == "typed":
        from PySide6.QtWidgets import QInputDialog

        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Chief Risk Partner", True)))
        panel.typed_button.click()
        expected = "Chief Risk Partner"
    else:
        (panel.theirs_button if keep == "theirs" else panel.mine_button).click()
        expected = "Chief Risk Officer" if keep == "theirs" else "Head of Risk"
    assert dialogs == []
    assert panel.table.rowCount() == 0 and "No open conflicts" in panel.summary.text()
    assert window.workspace.person(person_id).title == expected
    qtbot.waitUntil(lambda: scene.card(("person", person_id)).conflicts == 0)
    # Undoable: the conflict opens again with the team's value back.
    window.undo_action.trigger()
    assert panel.table.rowCount() == 1 and window.workspace.person(person_id).title == "Chief Risk Officer"
    window.redo_action.trigger()
    assert window.workspace.person(person_id).title == expected
    sync_window(window)
    stop(controller)
    ann.sync()
    assert ann.person(BANK, name, "title") == (expected,)
    assert bob.conflicts() == [] and ann.conflicts() == []


def test_merging_possible_duplicates_keeps_every_record_of_both(shared, qtbot, dialogs):
    from tests.test_main_window import stop

    team, ann, bob = shared
    for replica, phone in ((ann, "111"), (bob, None)):
        conn = sqlite3.connect(replica.path)
        with conn:
            account = conn.execute("SELECT id FROM account WHERE name = ?", (BANK,)).fetchone()[0]
            other = conn.execute("SELECT id FROM person WHERE account_id = ? AND name <> '赵新' ORDER BY name "
                                 "LIMIT 1", (account,)).fetchone()[0]
            cur = conn.execute("INSERT INTO person (account_id, name, email, phone, role, stance) VALUES "
                               "(?, '赵新', 'zhao.xin@dongchao.example', ?, 'unknown', 'unknown')", (account, phone))
            zhao = cur.lastrowid
            conn.execute("INSERT INTO link (account_id, kind, strength, source_person_id, target_person_id) "
                         "VALUES (?, 'influences', 3, ?, ?)", (account, zhao, other))
            conn.execute("INSERT INTO need (account_id, person_id, kind, description, status, priority) VALUES "
                         "(?, ?, 'business', ?, 'identified', 'medium')", (account, zhao, f"need of {replica.name}"))
            conn.execute("INSERT INTO action (account_id, person_id, title, status, priority) VALUES "
                         "(?, ?, ?, 'open', 'medium')", (account, zhao, f"call from {replica.name}"))
            cur = conn.execute("INSERT INTO interaction (account_id, occurred_at, channel, summary) VALUES "
                               "(?, '2026-11-30 10:00:00.000000', 'meeting', ?)", (account, f"met {replica.name}"))
            conn.execute("INSERT INTO interaction_participant (interaction_id, person_id) VALUES (?, ?)",
                         (cur.lastrowid, zhao))
        conn.close()
    ann.sync()
    bob.sync()

    def records(replica):
        return {table: replica.query(f"SELECT count(*) FROM {table} t JOIN person p ON p.id = t.{column} "
                                     "WHERE p.name = '赵新'")[0][0]
                for table, column in (("link", "source_person_id"), ("need", "person_id"),
                                      ("action", "person_id"), ("interaction_participant", "person_id"))}

    assert records(bob) == {"link": 2, "need": 2, "action": 2, "interaction_participant": 2}
    both = set(bob.query("SELECT uid FROM person WHERE name = '赵新'"))
    controller, window = open_window(qtbot, bob)
    window.show_conflicts()
    panel = window.conflicts_host.panel
    assert panel.duplicates.rowCount() == 1
    assert panel.duplicates.item(0, 1).text() == "赵新" and panel.duplicates.item(0, 4).text() == team.login("ann")
    assert panel.duplicates.item(0, 3).text().endswith("zhao.xin@dongchao.example · 111")  # the team's one
    panel.duplicates.selectRow(0)
    panel.merge_button.click()
    assert dialogs == [] and panel.duplicates.rowCount() == 0
    assert [p.phone for p in window.workspace.people(window.workspace.account_id_by_name(BANK))
            if p.name == "赵新"] == ["111"]  # the empty phone took the other's
    assert records(bob) == {"link": 2, "need": 2, "action": 2, "interaction_participant": 2}
    window.undo_action.trigger()
    assert len([p for p in people(bob, BANK) if p == "赵新"]) == 2 and panel.duplicates.rowCount() == 1
    assert set(bob.query("SELECT uid FROM person WHERE name = '赵新'")) == both  # the same two rows
    window.redo_action.trigger()
    sync_window(window)
    stop(controller)
    ann.sync()
    for replica in (ann, bob):
        assert [p for p in people(replica, BANK) if p == "赵新"] == ["赵新"]
        assert records(replica) == {"link": 2, "need": 2, "action": 2, "interaction_participant": 2}


def test_a_viewers_edit_is_refused_in_the_window_with_a_message(team, qtbot, dialogs):
    from app.commands import edits
    from app.ui.common.widgets import perform_or_warn
    from tests.test_main_window import stop

    ann, vic = demo_viewer(team, BANK)
    controller, window = open_window(qtbot, vic)
    account = window.workspace.account_id_by_name(BANK)
    window.select_account(account)
    banner = window.account_page.read_only_banner
    assert banner.isVisibleTo(window.account_page)
    assert "reading" in banner.text()
    person = window.workspace.people(account)[0]
    # Through the profile, as a user types a new title: refused by the document, said in a message.
    window.person_profile.set_person(person.id)
    window.person_profile.fields["title"].setText("Changed by a viewer")
    window.person_profile.fields["title"].editingFinished.emit()
    assert len(dialogs) == 1 and "reading only" in dialogs[0]
    assert window.workspace.person(person.id).title == person.title
    # Any command, whatever widget sent it; and a new person in that account.
    command = edits.EditPersonCommand(window.workspace, person.id, {"stance": "opponent"}, person.name) \
        if hasattr(edits, "EditPersonCommand") else None
    if command is not None:
        assert perform_or_warn(window, window.undo_stack, command) is None
    from app.document.team_access import ReadOnlyAccount

    with pytest.raises(ReadOnlyAccount):
        window.workspace.add_person(account, "Someone new")
    assert not window.undo_stack.canUndo()
    # An import into it, in its worker, is refused with the same message and imports nothing.
    from app.ui.transfer.file_transfer import ImportWorker

    csv = team.folder / "people.csv"
    csv.write_text("name,title\nNew Person,CEO\n", encoding="utf-8")
    worker = ImportWorker(window.workspace.database, csv, BANK, "csv", None, False)
    refused = []
    worker.refused.connect(refused.append)
    worker.run()
    assert len(refused) == 1 and "reading only" in refused[0]
    stop(controller)
    assert vic.person(BANK, person.name, "title") == (person.title,)
    assert vic.person(BANK, "New Person", "title") is None


def test_who_changed_a_person_shows_in_the_profile_and_the_tooltips(shared, qtbot):
    from tests.test_main_window import stop

    team, ann, bob = shared
    name = a_person(ann, BANK)
    ann.set(BANK, name, "title=Chief Risk Officer")
    ann.sync()
    bob.sync()
    controller, window = open_window(qtbot, bob)
    account = window.workspace.account_id_by_name(BANK)
    window.select_account(account)
    person_id = next(p.id for p in window.workspace.people(account) if p.name == name)
    window.person_profile.set_person(person_id)
    label = window.person_profile.changed_by
    assert label.isVisibleTo(window.person_profile)
    assert label.text().startswith(f"Last changed by {team.login('ann')}, ")
    scene = window.account_page.map_panel.scene
    assert f"Last changed by {team.login('ann')}" in scene.card(("person", person_id))._tooltip()
    link = scene.link_items()[0]
    assert "Last changed by" in link._tooltip()
    # So do the account's records (needs, actions, interactions, opportunities) in their tooltips.
    for kind in ("needs", "actions", "history"):
        panel = window.record_panels[kind]
        assert panel.view.model().rowCount() > 0, kind
        assert f"Last changed by {team.login('ann')}" in panel.tooltip_text(panel.view.model().index(0, 0)), kind
    # The History tab lists the account's latest changes by teammates, the newest first.
    changes = window.conflicts_host.team_changes
    assert changes.isVisibleTo(window.record_panels["history"])
    first = changes.lines()[0]
    assert f"{team.login('ann')} — Person: {name}" in first, changes.lines()[:3]
    # The account list says who owns each account and who else works on it.
    from PySide6.QtCore import Qt

    model = window.account_list.model
    row = model.row_of(account)
    summary = model.summary(row)
    tip = model.index(row, model.TEAM).data(Qt.ItemDataRole.ToolTipRole)
    others = window.workspace.account_teams()[account]
    assert tip.startswith(f"Owner: {summary.owner_name}") and "Also working on it: " + ", ".join(others) in tip
    # The account's profile names who last changed it (Ann uploaded it).
    profile_label = window.profile.changed_by
    assert profile_label.isVisibleTo(window.profile)
    assert profile_label.text().startswith(f"Last changed by {team.login('ann')}, ")
    # An edit here says it waits for the sync, then names this login once synced.
    window.workspace.update_person(person_id, {"department": "Risk"})
    window.person_profile.set_person(person_id)
    assert label.text() == "Changed here, not synced yet"
    sync_window(window)
    window.person_profile.set_person(person_id)
    assert label.text().startswith("Last changed by you, ")
    stop(controller)


def test_the_dashboard_filters_by_owner_and_by_teammate(qtbot, workspace):
    from app.ui.dashboard.window import DashboardWindow

    workspace.load_demo()
    dashboard = DashboardWindow(workspace)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=20000)
    every = {r.account for r in dashboard.shown_rows()}
    teams = workspace.accounts_by_member()
    member, accounts = next((m, a) for m, a in sorted(teams.items()) if 0 < len(a) < len(every))
    names = {workspace.account(a).name for a in accounts}
    combo = dashboard.team_member
    combo.setCurrentIndex(combo.findData(member))
    assert {r.account for r in dashboard.shown_rows()} == names
    owner = dashboard.owner
    owner.setCurrentIndex(1)
    assert all(r.owner == owner.currentData() for r in dashboard.shown_rows())
    combo.setCurrentIndex(0)
    owner.setCurrentIndex(0)
    assert {r.account for r in dashboard.shown_rows()} == every
    dashboard.close()


def test_deleted_on_one_side_is_settled_in_the_panel_as_an_undoable_edit(shared, qtbot, dialogs):
    from tests.test_main_window import stop
    from tests.test_sync_team import _delete_person

    team, ann, bob = shared
    first, second = people(ann, BANK)[2:4]
    _delete_person(ann, BANK, first)
    bob.set(BANK, first, "title=Head of Cards")
    ann.sync()
    bob.sync()
    uid = bob.query("SELECT uid FROM person WHERE name = ?", (first,))[0][0]
    controller, window = open_window(qtbot, bob)
    window.show_conflicts()
    panel = window.conflicts_host.panel
    row = conflict_row(panel, "Changed here, deleted by the team")
    assert panel.table.item(row, 1).text() == f"Person · {first}"
    panel.table.selectRow(row)
    panel.theirs_button.click()
    assert dialogs == [] and bob.person(BANK, first, "title") is None
    window.undo_action.trigger()
    assert bob.query("SELECT uid, title FROM person WHERE name = ?", (first,)) == [(uid, "Head of Cards")]
    assert panel.table.rowCount() == 1
    window.redo_action.trigger()
    sync_window(window)
    stop(controller)
    assert bob.person(BANK, first, "title") is None and bob.conflicts() == []
    # Deleted here, changed by the team: keeping my delete deletes it everywhere (after an undo and a redo).
    bob.set(BANK, second, "title=Head of Treasury")
    bob.sync()
    _delete_person(ann, BANK, second)
    ann.sync()
    controller, window = open_window(qtbot, ann)
    window.show_conflicts()
    panel = window.conflicts_host.panel
    panel.table.selectRow(conflict_row(panel, "Deleted here, changed by the team"))
    panel.mine_button.click()
    assert ann.person(BANK, second, "title") is None
    window.undo_action.trigger()
    assert ann.person(BANK, second, "title") == ("Head of Treasury",)
    window.redo_action.trigger()
    sync_window(window)
    stop(controller)
    bob.sync()
    assert bob.person(BANK, second, "title") is None and ann.conflicts() == [] == bob.conflicts()


def test_a_manager_sees_and_may_change_every_account(team, qtbot, dialogs):
    from tests.test_main_window import stop

    team.add_user("ann", "member")
    team.add_user("boss", "manager")
    ann, boss = team.replica("ann"), team.replica("boss")
    ann.cli("demo")
    ann.join()
    boss.join()
    controller, window = open_window(qtbot, boss)
    names = sorted(r.name for r in window.account_list.model.summaries())
    assert names == sorted(r[0] for r in ann.query("SELECT name FROM account")) and len(names) == 3
    assert window.workspace.read_only_accounts() == set()
    for account_id in (r.id for r in window.account_list.model.summaries()):
        window.select_account(account_id)
        assert window.account_page.read_only_banner.isHidden()
    person = window.workspace.people(window.account_id)[0]
    window.workspace.update_person(person.id, {"title": "Reviewed by the manager"})
    stop(controller)
    boss.sync()
    ann.sync()
    assert ann.query("SELECT count(*) FROM person WHERE title = 'Reviewed by the manager'") == [(1,)]
