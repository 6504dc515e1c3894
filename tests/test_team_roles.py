"""The login's group role in the file and in the window: a viewer's edits of the team's shared rows (team
members, qualification criteria) are refused with a message, a member edits only their own team member, and
the status details name the role — over a real PostgreSQL team server."""

from __future__ import annotations

import sqlite3

import pytest

from tests.team_support import demo_viewer
from tests.test_sync_team import BANK
from tests.test_team_panels import dialogs, open_window  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("qapp")


def stored(replica, key):
    with sqlite3.connect(replica.path) as conn:
        row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def test_a_viewer_sees_the_role_and_cannot_change_the_teams_shared_rows(team, qtbot, dialogs):  # noqa: F811
    from app.commands import edits
    from app.document.team_access import ReadOnlyAccount
    from app.ui.common.widgets import perform_or_warn
    from tests.test_main_window import stop

    ann, vic = demo_viewer(team, BANK)
    assert stored(vic, "role") == "viewer" and stored(ann, "role") == "member"
    controller, window = open_window(qtbot, vic)
    ws = window.workspace
    assert ws.team_role() == "viewer"
    window.select_account(ws.account_id_by_name(BANK))
    banner = window.account_page.read_only_banner
    assert banner.isVisibleTo(window.account_page) and "viewer" in banner.text()
    # The status details say which role the login has.
    qtbot.waitUntil(lambda: window.sync_host.controller.state.role == "viewer", timeout=20000)
    window.sync_host.open_details()
    assert window.sync_host.details.fields["role"].text().startswith("Viewer")
    # A team member's note, as the team page's edit does it: refused, said in a message, nothing changed.
    member = ws.members()[0]
    command = edits.edit_member(ws, member.id, {"notes": "Changed by a viewer"})
    assert perform_or_warn(window, window.undo_stack, command) is None
    assert len(dialogs) == 1 and "role on the team server" in dialogs[0]
    assert ws.member(member.id).notes == member.notes
    assert not window.undo_stack.canUndo()
    criterion = ws.criteria()[0]
    with pytest.raises(ReadOnlyAccount, match="shared lists"):
        ws.update_criterion(criterion.id, {"weight": 99.0})
    with pytest.raises(ReadOnlyAccount):
        ws.add_member("A new colleague")
    with pytest.raises(ReadOnlyAccount):
        ws.delete_criterion(criterion.id)
    stop(controller)


def test_a_member_edits_their_own_team_member_and_adds_colleagues_but_not_the_criteria(team, qtbot):
    from app.document import Workspace
    from app.document.team_access import ReadOnlyAccount
    from app.storage.database import Database

    team.add_user("boss", "manager")
    boss = team.replica("boss")
    boss.cli("demo")
    boss.join()
    own = boss.query("SELECT name FROM team_member ORDER BY name LIMIT 1")[0][0]
    team.add_user("ann", "member", member=own)
    ann = team.replica("ann")
    ann.join()
    assert stored(ann, "role") == "member" and stored(ann, "member_uid")
    db = Database.open(ann.path)
    try:
        ws = Workspace(db)
        members = {m.name: m for m in ws.members()}
        ws.update_member(members[own].id, {"notes": "My own note"})  # their own: allowed
        other = next(m for name, m in members.items() if name != own)
        with pytest.raises(ReadOnlyAccount, match="shared lists"):
            ws.update_member(other.id, {"notes": "Not mine"})
        colleague = ws.add_member("A new colleague")  # any member adds a colleague…
        ws.update_member(colleague, {"notes": "Joined last week"})  # …and may fix it before it is shared
        with pytest.raises(ReadOnlyAccount):
            ws.update_criterion(ws.criteria()[0].id, {"weight": 99.0})
        assert ws.member(members[own].id).notes == "My own note"
    finally:
        db.close()
