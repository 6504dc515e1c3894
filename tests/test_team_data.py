"""Our account team's data: the schema and its upgrade, the repositories, undoable edits through the workspace,
the figures read from a real file, and the command line (`members --json`, `coverage --json`)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from PySide6.QtGui import QUndoStack
from sqlalchemy import create_engine, select

from app.cli import main
from app.commands import team_edits
from app.commands.base import perform
from app.models import team_entities
from app.models.entities import Action
from app.models.repositories import account_records as records_repo
from app.models.repositories import account_team as repo
from app.models.repositories import accounts as account_repo
from app.models.repositories import links as link_repo
from app.models.repositories import people as people_repo
from app.models.repositories import team as team_repo
from app.models.repositories.common import InvalidInput
from app.models.sync_rules import EDIT_MANAGERS, SyncRule
from app.models.team_entities import CompetencyCriterion, CompetencyRating
from app.portfolio.team_analysis import workload
from app.portfolio.team_sql import members_json, roles_missing, team_input
from app.storage import migrate
from app.storage.database import SCHEMA_GENERATION, Database
from app.storage.fileinfo import APPLICATION_ID
from app.storage.migrate import HEAD_REVISION

TODAY = dt.date.today()


def test_a_new_file_has_the_default_templates_and_criteria(database):
    with database.sessionmaker() as s:
        assert repo.templates(s) == {
            "strategic": ("account_manager", "solution_consultant", "executive_sponsor", "delivery", "service"),
            "key": ("account_manager", "solution_consultant", "executive_sponsor"),
            "growth": ("account_manager", "solution_consultant"),
            "maintain": ("account_manager",),
        }
        assert [c.code for c in repo.competency_criteria(s)] == [
            "industry_knowledge", "solution_selling", "executive_presence", "negotiation",
            "relationship_building", "internal_coordination"]


def test_an_older_file_is_upgraded_with_its_actions_kept(tmp_path):
    path = tmp_path / "old.stakemap"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0002_opportunity_people")
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_GENERATION}")
        conn.exec_driver_sql("INSERT INTO team_member (id, name, archived) VALUES (1, 'Sam', 0)")
        conn.exec_driver_sql("INSERT INTO account (id, name) VALUES (1, 'Acme')")
        conn.exec_driver_sql("INSERT INTO action (id, account_id, title, owner_id, priority, status) "
                             "VALUES (1, 1, 'Call', 1, 'high', 'open')")
    engine.dispose()
    with Database.open(path) as db, db.sessionmaker() as s:
        action = s.get(Action, 1)
        assert (action.title, action.owner_id, action.requester_id) == ("Call", 1, None)
        assert repo.templates(s)["maintain"] == ("account_manager",)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)]
    conn.close()


def test_every_team_table_declares_its_sync_rule():
    entities = [team_entities.TeamTemplateRole, team_entities.AccountTeamRole, team_entities.CompetencyCriterion,
                team_entities.CompetencyRating, team_entities.AccountCompetencyNeed]
    for entity in entities:
        rule = entity.__dict__.get("__sync__")
        assert isinstance(rule, SyncRule), entity.__name__
        if rule.account is not None:
            assert rule.account in entity.__table__.c, entity.__name__
    # A member's competency profile and the criteria are edited by managers only.
    assert team_entities.CompetencyRating.__sync__.shared_edit == EDIT_MANAGERS
    assert team_entities.CompetencyCriterion.__sync__.shared_edit == EDIT_MANAGERS


# --- repositories -----------------------------------------------------------------------------------------------


def test_templates_and_roles_refuse_what_cannot_be_stored(database):
    with database.session() as s:
        sam = team_repo.add_member(s, "Sam").id
        acme = account_repo.create_account(s, "Acme", tier="key").id
        with pytest.raises(InvalidInput, match="Unknown team role: intern"):
            repo.set_template(s, "key", ["account_manager", "intern"])
        with pytest.raises(InvalidInput, match="Unknown tier"):
            repo.set_template(s, "gold", [])
        with pytest.raises(InvalidInput, match="team"):
            repo.set_account_roles(s, acme, sam, ["service"])  # not on Acme's team
        team_repo.assign(s, acme, sam)
        assert repo.set_account_roles(s, acme, sam, ["service", "delivery", "service"]) == ()
        assert repo.account_roles(s, acme) == {sam: ("delivery", "service")}
        assert repo.set_template(s, "key", ["service", "account_manager"]) == (
            "account_manager", "solution_consultant", "executive_sponsor")
        assert repo.templates(s)["key"] == ("service", "account_manager")
        negotiation = s.scalars(select(CompetencyCriterion).where(CompetencyCriterion.code == "negotiation")).one()
        with pytest.raises(InvalidInput, match="1 to 5"):
            repo.set_competency(s, sam, negotiation.id, 0)
        assert repo.set_competency(s, sam, negotiation.id, 4) is None
        assert repo.set_competency(s, sam, negotiation.id, 2) == 4
        assert repo.competency_of(s, sam) == {negotiation.id: 2}


# --- undoable edits through the workspace ---------------------------------------------------------------------


def test_team_edits_undo_and_redo_with_their_signals(workspace, qtbot):
    stack = QUndoStack()
    sam = workspace.add_member("Sam")
    acme = workspace.create_account("Acme", tier="growth")
    workspace.assign_member(acme, sam)
    seen = []
    workspace.account_team_changed.connect(lambda change: seen.append((change.kind, change.account_id)))

    perform(stack, team_edits.set_team_template(workspace, "growth", ["delivery"], "Growth"))
    assert workspace.team_templates()["growth"] == ("delivery",)
    assert workspace.account_team_status(acme).missing == ("delivery",)
    perform(stack, team_edits.set_account_roles(workspace, acme, sam, ["delivery"], "Sam"))
    assert workspace.account_team_status(acme).missing == ()
    criterion = workspace.competency_criteria()[0].id
    perform(stack, team_edits.set_competency(workspace, sam, criterion, 5, "Sam"))
    assert workspace.competency(sam) == {criterion: 5}
    assert stack.undoText() == "Rate Sam"

    stack.undo()
    assert workspace.competency(sam) == {}
    stack.undo()
    assert workspace.account_roles(acme) == {}
    stack.undo()
    assert workspace.team_templates()["growth"] == ("account_manager", "solution_consultant")
    stack.redo()
    stack.redo()
    assert workspace.account_team_status(acme).missing == ()
    assert seen == [("team_template", None), ("account_role", acme), ("competency", None), ("competency", None),
                    ("account_role", acme), ("team_template", None), ("team_template", None),
                    ("account_role", acme)]


def test_deleting_a_criterion_takes_its_ratings_and_undo_brings_them_back(workspace):
    stack = QUndoStack()
    sam = workspace.add_member("Sam")
    perform(stack, team_edits.add_competency_criterion(workspace, "Mandarin"))
    mandarin = workspace.competency_criteria()[-1]
    assert (mandarin.name, mandarin.key) == ("Mandarin", "Mandarin")
    workspace.set_competency(sam, mandarin.id, 3)
    seen = []
    workspace.account_team_changed.connect(lambda change: seen.append(change.kind))
    perform(stack, team_edits.delete_competency_criterion(workspace, mandarin.id, "Mandarin"))
    assert workspace.competency(sam) == {}
    stack.undo()
    assert workspace.competency(sam) == {mandarin.id: 3}
    assert seen == ["competency_criterion", "competency_criterion"]


def test_deleting_a_member_takes_their_profile_and_undo_restores_it(workspace):
    sam = workspace.add_member("Sam")
    criterion = workspace.competency_criteria()[0].id
    workspace.set_competency(sam, criterion, 4)
    record = workspace.delete_member(sam)
    with workspace.database.sessionmaker() as s:
        assert s.scalars(select(CompetencyRating)).all() == []
    workspace.restore(record)
    assert workspace.competency(sam) == {criterion: 4}


def test_an_action_carries_its_requester(workspace):
    sam, kim = workspace.add_member("Sam"), workspace.add_member("Kim")
    acme = workspace.create_account("Acme")
    action = workspace.add_action(acme, "Security questionnaire", owner_id=kim, requester_id=sam)
    assert workspace.actions(acme)[0].requester_id == sam
    assert workspace.update_action(action, {"requester_id": None}) == {"requester_id": sam}


# --- figures from a real file, and the command line --------------------------------------------------------------


@pytest.fixture
def small_portfolio(database):
    """Acme (strategic): Li (account manager, also service there) and Han (solution consultant).
    Globex (maintain): Han only, so its account manager is missing. Li covers Ada (5) and Bob (3, who left),
    Han covers Ada (4) and Cy (2); Han covers Gil at Globex (3)."""
    with database.session() as s:
        li = team_repo.add_member(s, "Li Lei", team_role="account_manager").id
        han = team_repo.add_member(s, "Han Mei", team_role="solution_consultant").id
        team_repo.add_member(s, "Zhou Qi", team_role="executive_sponsor")
        acme = account_repo.create_account(s, "Acme", tier="strategic").id
        globex = account_repo.create_account(s, "Globex", tier="maintain").id
        for account, member in ((acme, li), (acme, han), (globex, han)):
            team_repo.assign(s, account, member)
        repo.set_account_roles(s, acme, li, ["service"])
        ada = people_repo.add_person(s, acme, "Ada").id
        bob = people_repo.add_person(s, acme, "Bob", archived=True).id
        cy = people_repo.add_person(s, acme, "Cy").id
        gil = people_repo.add_person(s, globex, "Gil").id
        for account, member, person, strength in ((acme, li, ada, 5), (acme, li, bob, 3), (acme, han, ada, 4),
                                                  (acme, han, cy, 2), (globex, han, gil, 3)):
            link_repo.add_link(s, account, "covers", source_member_id=member, target_person_id=person,
                               strength=strength)
        records_repo.add_action(s, acme, "Proposal", owner_id=li, requester_id=han,
                                due_date=TODAY - dt.timedelta(days=2))
        records_repo.add_action(s, acme, "Demo", owner_id=han, due_date=TODAY + dt.timedelta(days=5))
        records_repo.add_action(s, globex, "Done", owner_id=han, status="done")
        records_repo.add_interaction(s, acme, dt.datetime.combine(TODAY, dt.time(9)), "meeting",
                                     [("member", li), ("person", ada)])
        records_repo.add_interaction(s, acme, dt.datetime.combine(TODAY - dt.timedelta(days=120), dt.time(9)),
                                     "call", [("member", li)])
        negotiation = s.scalars(select(CompetencyCriterion).where(CompetencyCriterion.code == "negotiation")).one()
        presence = s.scalars(select(CompetencyCriterion).where(CompetencyCriterion.code == "executive_presence")).one()
        repo.set_competency(s, li, negotiation.id, 4)
        repo.set_competency(s, li, presence.id, 2)
    return database


def test_figures_read_from_the_file(small_portfolio):
    with small_portfolio.sessionmaker() as s:
        names = {a.name: a.account_id for a in team_input(s).accounts.values()}
        assert {names[n]: v for n, v in (("Acme", ("executive_sponsor", "delivery")),
                                         ("Globex", ("account_manager",)))} == roles_missing(s)
        loads = {load.name: load for load in workload(team_input(s), TODAY)}
    li, han = loads["Li Lei"], loads["Han Mei"]
    # Bob left: his link no longer counts as coverage.
    assert (li.people_covered, li.strong_relationships, li.recent_interactions) == (1, 1, 1)
    assert (han.people_covered, han.strong_relationships, len(han.accounts)) == (3, 1, 2)
    assert (li.open_actions, li.overdue_actions, han.open_actions) == (1, 1, 1)
    assert [h.title for h in li.owes] == ["Proposal"] and [h.title for h in han.waits_for] == ["Proposal"]


def test_members_json_contract(small_portfolio, capsys):
    small_portfolio.close()
    assert main(["--db", str(small_portfolio.path), "members", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload == {"members": [
        {"name": "Han Mei", "team_role": "solution_consultant", "accounts": 2, "people_covered": 3,
         "strong_relationships": 1, "open_actions": 1, "overdue_actions": 0, "competency": {}},
        {"name": "Li Lei", "team_role": "account_manager", "accounts": 1, "people_covered": 1,
         "strong_relationships": 1, "open_actions": 1, "overdue_actions": 1,
         "competency": {"executive_presence": 2, "negotiation": 4}},
        {"name": "Zhou Qi", "team_role": "executive_sponsor", "accounts": 0, "people_covered": 0,
         "strong_relationships": 0, "open_actions": 0, "overdue_actions": 0, "competency": {}},
    ]}
    assert main(["--db", str(small_portfolio.path), "members"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Member", "Role", "Accounts", "Covered", "Strong", "Open", "Overdue"]
    assert out[2].split() == ["Li", "Lei", "account_manager", "1", "1", "1", "1", "1"]


def test_coverage_json_names_the_missing_roles(small_portfolio, capsys):
    small_portfolio.close()
    assert main(["--db", str(small_portfolio.path), "coverage", "--json"]) == 0
    rows = {row["account"]: row for row in json.loads(capsys.readouterr().out)["accounts"]}
    assert rows["Acme"]["team_roles_missing"] == ["executive_sponsor", "delivery"]
    assert rows["Globex"]["team_roles_missing"] == ["account_manager"]


def test_members_json_in_memory_equals_the_command(small_portfolio):
    with small_portfolio.sessionmaker() as s:
        assert [m["name"] for m in members_json(s)["members"]] == ["Han Mei", "Li Lei", "Zhou Qi"]
