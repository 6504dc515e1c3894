"""Undoable edits, performed the way the UI performs them: ``perform(stack, edits.<factory>(workspace, ...))``.

Every check reads the database back through the workspace (each read is a fresh session) or a fresh
session of its own, never from the command object.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from app.commands import edits, perform
from app.demo import DEMO_ACCOUNT_NAMES, load_demo
from app.models.base import Base
from app.models.entities import AccountTeam
from app.models.repositories import InvalidInput
from app.storage.database import Database

ROOT = Path(__file__).resolve().parents[1]
SIGNALS = ("accounts_changed", "people_changed", "team_changed", "links_changed", "qualification_changed")


@pytest.fixture
def stack(qapp):
    return QUndoStack()


@pytest.fixture
def world(workspace):
    """Two accounts; Acme has two people, a team member with a map position, two links and ratings."""
    ws = workspace
    crit = {c.code: c.id for c in ws.criteria()}
    w = SimpleNamespace(ws=ws, crit=crit)
    w.acme = ws.create_account("Acme 机械", industry="制造", region="华东", tier="key")
    w.beta = ws.create_account("Beta")
    w.zhang = ws.add_person(w.acme, "张伟", title="CIO", role="decision_maker", stance="supporter", influence=4)
    w.li = ws.add_person(w.acme, "李娜", title="架构师", stance="neutral")
    w.chen = ws.add_member("陈思远", team_role="account_manager")
    w.he = ws.add_member("何静", team_role="solution_consultant")
    ws.assign_member(w.acme, w.chen, 12.5, 40.0)
    w.knows = ws.add_link(w.acme, "knows", ("person", w.zhang), ("person", w.li), 2)
    w.covers = ws.add_link(w.acme, "covers", ("member", w.chen), ("person", w.zhang), 4)
    ws.set_rating(w.acme, crit["budget"], 3)
    ws.set_rating(w.beta, crit["budget"], 1)
    return w


def _dump(database) -> dict[str, list[tuple]]:
    with database.sessionmaker() as s:
        return {
            t.name: sorted((tuple(row) for row in s.execute(select(t))), key=repr) for t in Base.metadata.sorted_tables
        }


def _position(database, account_id: int, member_id: int) -> tuple[float | None, float | None] | None:
    with database.sessionmaker() as s:
        row = s.get(AccountTeam, (account_id, member_id))
        return None if row is None else (row.x, row.y)


def _account_names(ws) -> list[str]:
    return [r.name for r in ws.account_summaries()]


def _people(ws, account_id: int) -> dict[int, str]:
    return {p.id: p.name for p in ws.people(account_id)}


def _team(ws, account_id: int) -> list[str]:
    return [m.name for m in ws.account_members(account_id)]


def _links(ws, account_id: int) -> dict[int, tuple]:
    return {x.id: (x.kind, x.strength, x.source, x.target) for x in ws.links(account_id)}


def _cycle(stack: QUndoStack, command, read):
    """Perform, undo, redo; the state after undo is the state before, after redo the state after."""
    before = read()
    perform(stack, command)
    after = read()
    assert after != before
    stack.undo()
    assert read() == before
    stack.redo()
    assert read() == after
    return before, after


# -- accounts ------------------------------------------------------------------------------------
def test_add_account(world, stack):
    ws = world.ws
    command = edits.add_account(ws, "Gamma 零售", tier="growth")
    before, after = _cycle(stack, command, lambda: _account_names(ws))
    assert after == sorted(before + ["Gamma 零售"])
    assert "Gamma 零售" in stack.undoText()
    gamma = ws.account_id_by_name("Gamma 零售")
    assert ws.account(gamma).tier == "growth"
    stack.undo()
    assert ws.account_id_by_name("Gamma 零售") is None
    stack.redo()
    assert ws.account_id_by_name("Gamma 零售") == gamma  # the same id comes back


def test_edit_account_profile(world, stack):
    ws = world.ws

    def read():
        a = ws.account(world.acme)
        return a.industry, a.region, a.tier, a.employees

    before, after = _cycle(stack, edits.edit_account(ws, world.acme, {"region": "华南", "employees": 800}), read)
    assert before == ("制造", "华东", "key", None)
    assert after == ("制造", "华南", "key", 800)
    assert "Acme 机械" in stack.undoText()


def test_rename_account(world, stack):
    ws = world.ws
    _cycle(stack, edits.edit_account(ws, world.acme, {"name": "Acme Group"}), lambda: ws.account(world.acme).name)
    assert ws.account(world.acme).name == "Acme Group"
    assert "Acme 机械" in stack.undoText() and "Acme Group" in stack.undoText()


def test_delete_account_and_undo_restores_every_row(world, stack):
    ws = world.ws
    before = _dump(ws.database)
    perform(stack, edits.delete_account(ws, world.acme))
    assert "Acme 机械" in stack.undoText()
    assert _account_names(ws) == ["Beta"]
    assert ws.people(world.acme) == [] and ws.links(world.acme) == []
    stack.undo()
    assert _dump(ws.database) == before
    stack.redo()
    assert _account_names(ws) == ["Beta"]
    assert ws.account(world.beta).ratings == {world.crit["budget"]: 1}
    stack.undo()
    assert _dump(ws.database) == before


def test_delete_demo_account_and_undo(workspace, stack):
    ws = workspace
    with ws.database.session() as s:
        load_demo(s)
    bank = ws.account_id_by_name(DEMO_ACCOUNT_NAMES[1])
    before = _dump(ws.database)
    perform(stack, edits.delete_account(ws, bank))
    assert ws.account_id_by_name(DEMO_ACCOUNT_NAMES[1]) is None
    stack.undo()
    assert _dump(ws.database) == before
    assert len(ws.people(bank)) == 25


def test_refused_account_names_leave_stack_and_database_unchanged(world, stack):
    ws = world.ws
    before = _dump(ws.database)
    with pytest.raises(InvalidInput):
        perform(stack, edits.add_account(ws, "Beta"))
    with pytest.raises(InvalidInput):
        perform(stack, edits.add_account(ws, " Acme 机械 "))
    with pytest.raises(InvalidInput):
        perform(stack, edits.edit_account(ws, world.acme, {"name": "Beta"}))
    with pytest.raises(InvalidInput):
        perform(stack, edits.edit_account(ws, world.acme, {"name": "   "}))
    assert stack.count() == 0
    assert not stack.canUndo()
    assert _dump(ws.database) == before


# -- people --------------------------------------------------------------------------------------
def test_add_person(world, stack):
    ws = world.ws
    before, after = _cycle(
        stack, edits.add_person(ws, world.acme, "王芳", stance="advocate"), lambda: _people(ws, world.acme)
    )
    (new_id,) = set(after) - set(before)
    assert after[new_id] == "王芳"
    assert ws.person(new_id).stance == "advocate"
    assert "王芳" in stack.undoText()
    assert [r.people for r in ws.account_summaries() if r.id == world.acme] == [3]


def test_edit_person(world, stack):
    ws = world.ws

    def read():
        p = ws.person(world.zhang)
        return p.stance, p.influence, p.title

    before, after = _cycle(stack, edits.edit_person(ws, world.zhang, {"stance": "skeptic", "influence": 5}), read)
    assert (before, after) == (("supporter", 4, "CIO"), ("skeptic", 5, "CIO"))
    assert "张伟" in stack.undoText()


def test_archive_person(world, stack):
    ws = world.ws

    def read():
        counted = next(r.people for r in ws.account_summaries() if r.id == world.acme)
        return ws.person(world.li).archived, counted, [p.name for p in ws.people(world.acme, include_archived=False)]

    before, after = _cycle(stack, edits.edit_person(ws, world.li, {"archived": True}), read)
    assert before == (False, 2, ["张伟", "李娜"])
    assert after == (True, 1, ["张伟"])
    assert "李娜" in stack.undoText() and "Archive" in stack.undoText()


def test_delete_person_and_undo_brings_back_links(world, stack):
    ws = world.ws
    before = _dump(ws.database)
    perform(stack, edits.delete_person(ws, world.zhang))
    assert "张伟" in stack.undoText()
    assert list(_people(ws, world.acme).values()) == ["李娜"]
    assert _links(ws, world.acme) == {}  # both links touched 张伟
    stack.undo()
    assert _dump(ws.database) == before
    # the restored link keeps its id, so an edit naming it still works, and undoes
    perform(stack, edits.edit_link(ws, world.knows, {"strength": 5}))
    assert _links(ws, world.acme)[world.knows][1] == 5
    stack.undo()
    assert _dump(ws.database) == before


def test_invalid_person_edit_is_refused(world, stack):
    ws = world.ws
    before = _dump(ws.database)
    for changes in ({"influence": 6}, {"influence": 0}, {"stance": "hostile"}, {"role": "boss"}, {"name": " "}):
        with pytest.raises(InvalidInput):
            perform(stack, edits.edit_person(ws, world.zhang, changes))
    with pytest.raises(InvalidInput):
        perform(stack, edits.add_person(ws, world.acme, "王芳", influence=9))
    assert stack.count() == 0
    assert _dump(ws.database) == before


def test_create_then_edit_survives_undo_and_redo(world, stack):
    """Redo of a create restores the same id, so the edit recorded after it still applies."""
    ws = world.ws
    add = perform(stack, edits.add_person(ws, world.acme, "王芳"))
    new_id = add.ident
    perform(stack, edits.edit_person(ws, new_id, {"title": "CFO", "stance": "opponent"}))
    stack.undo()
    stack.undo()
    assert new_id not in _people(ws, world.acme)
    stack.redo()
    stack.redo()
    p = ws.person(new_id)
    assert (p.name, p.title, p.stance) == ("王芳", "CFO", "opponent")


def test_new_account_with_people_and_link_survives_undo_and_redo(world, stack):
    ws = world.ws
    gamma = perform(stack, edits.add_account(ws, "Gamma")).ident
    a = perform(stack, edits.add_person(ws, gamma, "甲")).ident
    b = perform(stack, edits.add_person(ws, gamma, "乙")).ident
    link = perform(stack, edits.add_link(ws, gamma, "reports_to", ("person", a), ("person", b), 5)).ident
    perform(stack, edits.edit_link(ws, link, {"strength": 4}))
    expected = (_account_names(ws), _people(ws, gamma), _links(ws, gamma))
    for _ in range(5):
        stack.undo()
    assert ws.account_id_by_name("Gamma") is None
    for _ in range(5):
        stack.redo()
    assert (_account_names(ws), _people(ws, gamma), _links(ws, gamma)) == expected
    assert expected[2] == {link: ("reports_to", 4, ("person", a), ("person", b))}


# -- team ----------------------------------------------------------------------------------------
def test_add_member_to_an_account(world, stack):
    ws = world.ws

    def read():
        return [m.name for m in ws.members()], _team(ws, world.acme)

    before, after = _cycle(stack, edits.add_member(ws, "郑磊", world.acme, team_role="delivery"), read)
    assert after == (sorted(before[0] + ["郑磊"]), sorted(before[1] + ["郑磊"]))
    assert "郑磊" in stack.undoText()
    member = next(m for m in ws.members() if m.name == "郑磊")
    assert member.team_role == "delivery"
    stack.undo()
    stack.redo()
    assert next(m for m in ws.members() if m.name == "郑磊").id == member.id


def test_edit_member(world, stack):
    ws = world.ws
    before, after = _cycle(
        stack, edits.edit_member(ws, world.he, {"title": "云顾问"}), lambda: ws.member(world.he).title
    )
    assert (before, after) == (None, "云顾问")
    assert "何静" in stack.undoText()


def test_assign_member(world, stack):
    ws = world.ws
    command = edits.AssignMemberCommand(ws, world.acme, world.he, assign=True)
    before, after = _cycle(stack, command, lambda: _team(ws, world.acme))
    assert (before, after) == (["陈思远"], ["何静", "陈思远"])
    assert "何静" in stack.undoText() and "Acme 机械" in stack.undoText()


def test_unassign_member_and_undo_keeps_map_position(world, stack):
    ws = world.ws
    command = edits.AssignMemberCommand(ws, world.acme, world.chen, assign=False)
    before, after = _cycle(stack, command, lambda: _position(ws.database, world.acme, world.chen))
    assert (before, after) == ((12.5, 40.0), None)
    assert "陈思远" in stack.undoText()
    stack.undo()
    assert _team(ws, world.acme) == ["陈思远"]


def test_assign_refused_when_it_would_change_nothing(world, stack):
    """Undoing an 'add to team' that added nothing must not take off someone who was already there."""
    ws = world.ws
    before = _dump(ws.database)
    with pytest.raises(InvalidInput):
        perform(stack, edits.AssignMemberCommand(ws, world.acme, world.chen, assign=True))
    with pytest.raises(InvalidInput):
        perform(stack, edits.AssignMemberCommand(ws, world.acme, world.he, assign=False))
    assert stack.count() == 0
    assert _dump(ws.database) == before


# -- links ---------------------------------------------------------------------------------------
def test_add_link(world, stack):
    ws = world.ws
    command = edits.add_link(ws, world.acme, "influences", ("person", world.li), ("person", world.zhang), 3)
    before, after = _cycle(stack, command, lambda: _links(ws, world.acme))
    (new_id,) = set(after) - set(before)
    assert after[new_id] == ("influences", 3, ("person", world.li), ("person", world.zhang))
    assert "link" in stack.undoText().lower()


def test_edit_link(world, stack):
    ws = world.ws
    before, after = _cycle(
        stack, edits.edit_link(ws, world.knows, {"kind": "ally", "strength": 5}), lambda: _links(ws, world.acme)
    )
    assert before[world.knows][:2] == ("knows", 2)
    assert after[world.knows][:2] == ("ally", 5)
    assert after[world.covers] == before[world.covers]


def test_delete_link(world, stack):
    ws = world.ws
    before, after = _cycle(stack, edits.delete_link(ws, world.covers), lambda: _links(ws, world.acme))
    assert set(before) - set(after) == {world.covers}
    assert "link" in stack.undoText().lower()


def test_refused_links(world, stack):
    ws = world.ws
    before = _dump(ws.database)
    bad = [
        ("knows", ("person", world.zhang), ("person", world.zhang), 3),
        ("covers", ("person", world.li), ("person", world.zhang), 3),
        ("knows", ("person", world.li), ("person", world.zhang), 6),
    ]
    for kind, source, target, strength in bad:
        with pytest.raises(InvalidInput):
            perform(stack, edits.add_link(ws, world.acme, kind, source, target, strength))
    with pytest.raises(InvalidInput):
        perform(stack, edits.edit_link(ws, world.knows, {"kind": "covers"}))
    assert stack.count() == 0
    assert _dump(ws.database) == before


# -- qualification -------------------------------------------------------------------------------
@pytest.mark.parametrize(("code", "expected_before"), [("budget", 3), ("need", None)])
def test_set_rating(world, stack, code, expected_before):
    ws = world.ws
    cid = world.crit[code]
    command = edits.SetRatingCommand(ws, world.acme, cid, 5, "预算")
    before, after = _cycle(stack, command, lambda: ws.account(world.acme).ratings)
    assert before.get(cid) == expected_before
    assert after[cid] == 5
    assert "预算" in stack.undoText()
    assert ws.account(world.beta).ratings == {world.crit["budget"]: 1}


def test_add_criterion(world, stack):
    ws = world.ws
    before, after = _cycle(
        stack, edits.add_criterion(ws, "竞争态势", 12), lambda: [(c.name, c.weight) for c in ws.criteria()]
    )
    assert after == before + [("竞争态势", 12)]
    assert "竞争态势" in stack.undoText()


def test_edit_criterion(world, stack):
    ws = world.ws
    cid = world.crit["timeline"]
    command = edits.edit_criterion(ws, cid, {"weight": 40}, "时间")
    before, after = _cycle(stack, command, lambda: {c.id: c.weight for c in ws.criteria()})
    assert (before[cid], after[cid]) == (15, 40)
    assert "时间" in stack.undoText()
    assert ws.qualification_score(world.acme) == 60.0  # only budget rated: 3 of 5


def test_delete_criterion_and_undo_restores_its_ratings(world, stack):
    ws = world.ws
    cid = world.crit["budget"]

    def read():
        return [c.id for c in ws.criteria()], ws.account(world.acme).ratings, ws.account(world.beta).ratings

    before, after = _cycle(stack, edits.delete_criterion(ws, cid, "预算"), read)
    assert cid in before[0] and cid not in after[0]
    assert (before[1], before[2]) == ({cid: 3}, {cid: 1})
    assert (after[1], after[2]) == ({}, {})
    assert "预算" in stack.undoText()


def test_refused_criterion_edits(world, stack):
    ws = world.ws
    before = _dump(ws.database)
    with pytest.raises(InvalidInput):
        perform(stack, edits.add_criterion(ws, " ", 5))
    with pytest.raises(InvalidInput):
        perform(stack, edits.edit_criterion(ws, world.crit["need"], {"weight": -1}, "需求"))
    with pytest.raises(InvalidInput):
        perform(stack, edits.SetRatingCommand(ws, world.acme, world.crit["need"], 6, "需求"))
    assert stack.count() == 0
    assert _dump(ws.database) == before


# -- signals -------------------------------------------------------------------------------------
class Recorder:
    """Every workspace signal, as (signal, kind, ids, account scope)."""

    def __init__(self, ws) -> None:
        self.events: list[tuple] = []
        for name in SIGNALS:
            getattr(ws, name).connect(
                lambda change, name=name: self.events.append((name, change.kind, change.ids, change.account_id))
            )

    def take(self) -> list[tuple]:
        events, self.events = sorted(self.events, key=repr), []
        return events


EDITS = {
    "add account": (lambda w: edits.add_account(w.ws, "Gamma"), "accounts_changed"),
    "edit account": (lambda w: edits.edit_account(w.ws, w.acme, {"tier": "strategic"}), "accounts_changed"),
    "rename account": (lambda w: edits.edit_account(w.ws, w.acme, {"name": "Acme Group"}), "accounts_changed"),
    "delete account": (lambda w: edits.delete_account(w.ws, w.acme), "accounts_changed"),
    "add person": (lambda w: edits.add_person(w.ws, w.acme, "王芳"), "people_changed"),
    "edit person": (lambda w: edits.edit_person(w.ws, w.zhang, {"stance": "opponent"}), "people_changed"),
    "archive person": (lambda w: edits.edit_person(w.ws, w.li, {"archived": True}), "people_changed"),
    "delete person": (lambda w: edits.delete_person(w.ws, w.zhang), "people_changed"),
    "delete unlinked person": (lambda w: edits.delete_person(w.ws, w.ws.add_person(w.beta, "刘洋")), "people_changed"),
    "add member": (lambda w: edits.add_member(w.ws, "郑磊", w.acme), "team_changed"),
    "add member to no account": (lambda w: edits.add_member(w.ws, "郑磊"), "team_changed"),
    "edit member": (lambda w: edits.edit_member(w.ws, w.he, {"phone": "139"}), "team_changed"),
    "assign": (lambda w: edits.AssignMemberCommand(w.ws, w.acme, w.he), "team_changed"),
    "unassign": (lambda w: edits.AssignMemberCommand(w.ws, w.acme, w.chen, assign=False), "team_changed"),
    "add link": (
        lambda w: edits.add_link(w.ws, w.acme, "ally", ("person", w.li), ("person", w.zhang)),
        "links_changed",
    ),
    "edit link": (lambda w: edits.edit_link(w.ws, w.knows, {"strength": 1}), "links_changed"),
    "delete link": (lambda w: edits.delete_link(w.ws, w.covers), "links_changed"),
    "rate": (lambda w: edits.SetRatingCommand(w.ws, w.acme, w.crit["need"], 2, "需求"), "qualification_changed"),
    "add criterion": (lambda w: edits.add_criterion(w.ws, "竞争态势", 10), "qualification_changed"),
    "edit criterion": (
        lambda w: edits.edit_criterion(w.ws, w.crit["need"], {"weight": 5}, "需求"),
        "qualification_changed",
    ),
    "delete criterion": (lambda w: edits.delete_criterion(w.ws, w.crit["budget"], "预算"), "qualification_changed"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_undo_emits_the_signals_that_redo_emits(world, stack, edit):
    make, expected = EDITS[edit]
    command = make(world)
    recorder = Recorder(world.ws)
    perform(stack, command)
    on_perform = recorder.take()
    stack.undo()
    on_undo = recorder.take()
    stack.redo()
    on_redo = recorder.take()
    assert expected in {name for name, *_ in on_undo}
    assert on_undo == on_redo
    assert on_perform == on_redo


def test_deleting_an_account_tells_every_panel(world, stack):
    recorder = Recorder(world.ws)
    perform(stack, edits.delete_account(world.ws, world.acme))
    assert {name for name, *_ in recorder.take()} == set(SIGNALS)


# -- durability ----------------------------------------------------------------------------------
CRASH = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QUndoStack
    app = QCoreApplication([])
    from app.commands import edits, perform
    from app.document import Workspace
    from app.storage.database import Database

    ws = Workspace(Database.open({path!r}))
    stack = QUndoStack()
    acme = perform(stack, edits.add_account(ws, "Acme 机械", industry="制造")).ident
    zhang = perform(stack, edits.add_person(ws, acme, "张伟", stance="supporter")).ident
    perform(stack, edits.edit_person(ws, zhang, {{"title": "CIO", "influence": 5}}))
    chen = perform(stack, edits.add_member(ws, "陈思远", acme)).ident
    perform(stack, edits.add_link(ws, acme, "covers", ("member", chen), ("person", zhang), 4))
    budget = next(c.id for c in ws.criteria() if c.code == "budget")
    perform(stack, edits.SetRatingCommand(ws, acme, budget, 4, "budget"))
    perform(stack, edits.add_person(ws, acme, "临时"))
    stack.undo()
    print("edited", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_nothing_is_lost_when_the_process_is_killed(db_path):
    code = CRASH.format(root=str(ROOT), path=str(db_path))
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout.strip() == "edited"

    from app.document import Workspace

    database = Database.open(db_path)  # the dead process's lock does not keep us out
    try:
        ws = Workspace(database)
        acme = ws.account_id_by_name("Acme 机械")
        assert acme is not None and ws.account(acme).industry == "制造"
        (zhang,) = ws.people(acme)  # "临时" was undone before the kill
        assert (zhang.name, zhang.stance, zhang.title, zhang.influence) == ("张伟", "supporter", "CIO", 5)
        (chen,) = ws.account_members(acme)
        assert chen.name == "陈思远"
        (link,) = ws.links(acme)
        assert (link.kind, link.strength, link.source, link.target) == (
            "covers",
            4,
            ("member", chen.id),
            ("person", zhang.id),
        )
        budget = next(c.id for c in ws.criteria() if c.code == "budget")
        assert ws.account(acme).ratings == {budget: 4}
    finally:
        database.close()
