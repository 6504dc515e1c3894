"""Upgrading older files (backup first, one transaction, nothing lost) and the rules the schema enforces.

Only one revision exists so far, so "an older file" is simulated honestly: a *future build* is set up with
the real migration scripts plus one more revision, and a file written by this build is opened with it. The
file is then exactly what a user of today's Stakemap would carry over to the next version.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import textwrap
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.models import (
    Account,
    Action,
    Base,
    Interaction,
    InteractionParticipant,
    Link,
    Need,
    Opportunity,
    Person,
    QualificationCriterion,
    QualificationRating,
    RoleCadence,
    SurveyAnswer,
    TeamMember,
)
from app.models.team_entities import (
    AccountCompetencyNeed,
    AccountTeamRole,
    CompetencyCriterion,
    CompetencyRating,
    TeamTemplateRole,
)
from app.storage import backup, database, migrate
from app.storage.database import Database
from app.storage.errors import MigrationError
from app.storage.fileinfo import APPLICATION_ID

FUTURE = "0002_test_future"


# --- helpers -------------------------------------------------------------------------------------------


def all_rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def raw_query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def columns(path: Path, table: str) -> list[str]:
    return [row[1] for row in raw_query(path, f'PRAGMA table_info("{table}")')]


def make_current_file(path: Path) -> None:
    """A file as today's Stakemap writes it, with rows in the tables that refer to people and accounts."""
    with Database.open(path) as db, db.session() as s:
        sam = TeamMember(name="Sam", team_role="account_manager")
        acme = Account(name="Acme", tier="strategic", owner=sam)
        globex = Account(name="Globex", tier="growth")
        s.add_all([sam, acme, globex])
        s.flush()
        ada = Person(account_id=acme.id, name="Ada", role="economic_buyer", stance="supporter", influence=5)
        bob = Person(account_id=acme.id, name="Bob", role="coach", stance="advocate", influence=2)
        cy = Person(account_id=globex.id, name="Cy", role="gatekeeper", stance="skeptic", influence=3)
        s.add_all([ada, bob, cy])
        s.flush()
        s.add_all(
            [
                Link(account_id=acme.id, kind="reports_to", source_person_id=bob.id, target_person_id=ada.id),
                Link(account_id=acme.id, kind="covers", source_member_id=sam.id, target_person_id=ada.id),
                Need(account_id=acme.id, person_id=ada.id, description="Cut month-end close to 3 days"),
                Action(account_id=acme.id, title="Lunch with Ada", person_id=ada.id, owner_id=sam.id),
            ]
        )
        meeting = Interaction(account_id=acme.id, occurred_at=dt.datetime(2024, 5, 2, 10), channel="meeting")
        s.add(meeting)
        s.flush()
        s.add(InteractionParticipant(interaction_id=meeting.id, person_id=ada.id))


@pytest.fixture
def future_build(tmp_path, monkeypatch):
    """Install a build of Stakemap that knows one more revision, whose ``upgrade()`` body is given."""

    def install(upgrade_body: str) -> None:
        scripts = tmp_path / "future-build" / "migrations"
        shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
        (scripts / "versions" / f"{FUTURE}.py").write_text(
            textwrap.dedent(
                f'''\
                """a revision of a future build (test)

                Revision ID: {FUTURE}
                Revises: {migrate.HEAD_REVISION}
                """
                import sqlalchemy as sa
                from alembic import op

                revision = "{FUTURE}"
                down_revision = "{migrate.HEAD_REVISION}"
                branch_labels = None
                depends_on = None


                def upgrade() -> None:
                '''
            )
            + textwrap.indent(textwrap.dedent(upgrade_body).strip() + "\n", "    "),
            encoding="utf-8",
        )
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
        monkeypatch.setattr(migrate, "HEAD_REVISION", FUTURE)
        monkeypatch.setattr(database, "SCHEMA_GENERATION", database.SCHEMA_GENERATION + 1)
        assert migrate.head_revision() == FUTURE

    return install


# A realistic next revision: on SQLite alembic changes a table by copying it to a new one and dropping the
# old one ("batch" mode), here the people table, which many others refer to.
ADD_NICKNAME = """
with op.batch_alter_table("person", recreate="always") as batch_op:
    batch_op.add_column(sa.Column("nickname", sa.String(100), nullable=True))
op.execute("UPDATE person SET nickname = 'Dr. ' || name")
"""


@pytest.fixture
def data_dir(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


# --- upgrading -----------------------------------------------------------------------------------------


def test_older_file_is_backed_up_then_upgraded_without_losing_anything(data_dir, future_build):
    path = data_dir / "book.stakemap"
    make_current_file(path)
    before = all_rows(path)
    future_build(ADD_NICKNAME)

    with Database.open(path) as db:
        made = db.backup_made
        assert made is not None
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Link)) == 2

    # The backup is of the file as it was, complete and sound, where the user will look for it.
    assert made.parent == backup.backups_dir_for(path)
    assert backup.list_backups(path) == [made]
    assert FUTURE in made.name
    assert backup.integrity_problems(made) == []
    assert all_rows(made) == before

    # The file is at the new revision, and every row of every table is still there.
    assert raw_query(path, "SELECT version_num FROM alembic_version") == [(FUTURE,)]
    assert raw_query(path, "PRAGMA user_version") == [(database.SCHEMA_GENERATION,)]
    assert raw_query(path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert "nickname" in columns(path, "person")
    assert sorted(raw_query(path, "SELECT name, nickname FROM person")) == [
        ("Ada", "Dr. Ada"),
        ("Bob", "Dr. Bob"),
        ("Cy", "Dr. Cy"),
    ]
    after = all_rows(path)
    for table, rows in before.items():
        if table in ("person", "alembic_version"):
            continue
        assert after[table] == rows, f"rows of {table} changed in the upgrade"
    assert [row[:-1] for row in after["person"]] == before["person"]  # same people, one more column
    assert backup.integrity_problems(path) == []

    # Opened again: already current, so no second backup.
    with Database.open(path) as db:
        assert db.backup_made is None
    assert backup.list_backups(path) == [made]


def test_file_at_base_revision_is_backed_up_and_brought_to_head(data_dir):
    """A Stakemap file that holds no schema yet: our application id, user_version 0, an empty
    alembic_version table."""
    path = data_dir / "blank.stakemap"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    conn.commit()
    conn.close()

    with Database.open(path) as db:
        made = db.backup_made
        with db.session() as s:
            s.add(Account(name="First"))
    assert made is not None and made.is_file()
    assert made.parent == backup.backups_dir_for(path)
    assert backup.integrity_problems(made) == []
    assert all_rows(made) == {"alembic_version": []}
    assert raw_query(path, "SELECT version_num FROM alembic_version") == [(migrate.HEAD_REVISION,)]
    assert raw_query(path, "PRAGMA user_version") == [(database.SCHEMA_GENERATION,)]
    assert raw_query(path, "PRAGMA journal_mode") == [("wal",)]
    assert [c for (c,) in raw_query(path, "SELECT code FROM qualification_criterion ORDER BY position")] == [
        "budget",
        "authority",
        "need",
        "timeline",
        "strategic_fit",
    ]
    assert raw_query(path, "SELECT name FROM account") == [("First",)]


def assert_left_as_it_was(path: Path, bytes_before: bytes, rows_before: dict, error: MigrationError) -> None:
    message = str(error)
    assert str(path) in message
    assert "could not be upgraded" in message and "left as it was" in message
    assert path.read_bytes() == bytes_before
    assert all_rows(path) == rows_before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [
        path.name,
        path.name + ".lock",
    ]


def test_failing_revision_leaves_the_file_as_it_was(data_dir, future_build, monkeypatch):
    path = data_dir / "book.stakemap"
    make_current_file(path)
    bytes_before, rows_before = path.read_bytes(), all_rows(path)
    future_build(
        """
        op.add_column("person", sa.Column("nickname", sa.String(100)))
        op.execute("UPDATE person SET nickname = 'half'")
        op.execute("DELETE FROM link")
        op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
        raise RuntimeError("disk full while upgrading")
        """
    )
    with pytest.raises(MigrationError) as caught:
        Database.open(path).close()
    assert "disk full while upgrading" in str(caught.value)
    assert_left_as_it_was(path, bytes_before, rows_before, caught.value)
    assert "nickname" not in columns(path, "person")
    # The backup taken before the attempt is there, and the file is not left locked.
    assert len(backup.list_backups(path)) == 1
    monkeypatch.undo()
    with Database.open(path) as db:
        assert db.backup_made is None
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Link)) == 2


def test_failure_inside_upgrade_is_rolled_back_as_one_transaction(data_dir, future_build, monkeypatch):
    path = data_dir / "book.stakemap"
    make_current_file(path)
    bytes_before, rows_before = path.read_bytes(), all_rows(path)
    future_build(ADD_NICKNAME)

    def half_an_upgrade(connection, target="head"):
        connection.exec_driver_sql("DELETE FROM person")
        connection.exec_driver_sql("DELETE FROM account WHERE name = 'Globex'")
        connection.exec_driver_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{FUTURE}'")
        raise OSError("power cut")

    monkeypatch.setattr(migrate, "upgrade", half_an_upgrade)
    with pytest.raises(MigrationError) as caught:
        Database.open(path).close()
    assert "power cut" in str(caught.value)
    assert_left_as_it_was(path, bytes_before, rows_before, caught.value)
    assert "half_done" not in all_rows(path)


def test_upgrade_that_would_leave_dangling_references_is_refused(data_dir, future_build):
    path = data_dir / "book.stakemap"
    make_current_file(path)
    bytes_before, rows_before = path.read_bytes(), all_rows(path)
    future_build("op.execute(\"DELETE FROM account WHERE name = 'Acme'\")")
    with pytest.raises(MigrationError) as caught:
        Database.open(path).close()
    assert "missing account" in str(caught.value)
    assert_left_as_it_was(path, bytes_before, rows_before, caught.value)


def test_models_and_migrations_describe_the_same_schema(tmp_path):
    with Database.open(tmp_path / "schema.stakemap") as db, db.engine.connect() as conn:
        from app.sync.capture import is_capture_object

        def described_by_the_entities(obj, name, type_, reflected, compare_to):
            return not is_capture_object(name, type_)

        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": described_by_the_entities})
        assert compare_metadata(context, Base.metadata) == []


# --- what the schema refuses ---------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path):
    database_ = Database.open(tmp_path / "rules.stakemap")
    try:
        yield database_
    finally:
        database_.close()


@pytest.fixture
def ids(db):
    with db.session() as s:
        member = TeamMember(name="Sam")
        account = Account(name="Acme")
        s.add_all([member, account])
        s.flush()
        ada = Person(account_id=account.id, name="Ada")
        bob = Person(account_id=account.id, name="Bob")
        meeting = Interaction(account_id=account.id, occurred_at=dt.datetime(2024, 5, 2), channel="call")
        s.add_all([ada, bob, meeting])
        s.flush()
        criterion = s.scalars(select(QualificationCriterion).where(QualificationCriterion.code == "budget")).one()
        competency = s.scalars(select(CompetencyCriterion).where(CompetencyCriterion.code == "negotiation")).one()
        return SimpleNamespace(
            competency=competency.id,
            member=member.id,
            account=account.id,
            ada=ada.id,
            bob=bob.id,
            interaction=meeting.id,
            criterion=criterion.id,
        )


# A valid row of each table; each case below changes it in one way that a CHECK must refuse.
VALID = {
    TeamMember: lambda i: {"name": "Tess"},
    Account: lambda i: {"name": "Initech"},
    Person: lambda i: {"account_id": i.account, "name": "Cleo"},
    Link: lambda i: {"account_id": i.account, "kind": "knows", "source_person_id": i.ada, "target_person_id": i.bob},
    Need: lambda i: {"account_id": i.account, "description": "Fewer outages"},
    Interaction: lambda i: {"account_id": i.account, "occurred_at": dt.datetime(2024, 6, 1), "channel": "email"},
    InteractionParticipant: lambda i: {"interaction_id": i.interaction, "member_id": i.member},
    Action: lambda i: {"account_id": i.account, "title": "Send proposal"},
    Opportunity: lambda i: {"account_id": i.account, "name": "ERP rollout"},
    QualificationCriterion: lambda i: {"code": "references", "weight": 5},
    QualificationRating: lambda i: {"account_id": i.account, "criterion_id": i.criterion, "rating": 3},
    TeamTemplateRole: lambda i: {"tier": "key", "role": "delivery"},
    AccountTeamRole: lambda i: {"account_id": i.account, "member_id": i.member, "role": "service"},
    CompetencyRating: lambda i: {"member_id": i.member, "criterion_id": i.competency, "rating": 5},
    AccountCompetencyNeed: lambda i: {"account_id": i.account, "criterion_id": i.competency, "level": 1},
    SurveyAnswer: lambda i: {"account_id": i.account, "person_id": i.ada, "answered_on": dt.date(2024, 6, 1),
                             "recommend": 9},
    RoleCadence: lambda i: {"role": "economic_buyer", "days": 30},
}

BAD_VALUES = [
    ("ck_team_member_team_role", TeamMember, lambda i: {"team_role": "intern"}),
    ("ck_account_tier", Account, lambda i: {"tier": "gold"}),
    ("ck_account_purchasing_capacity", Account, lambda i: {"purchasing_capacity": "infinite"}),
    ("ck_account_employees", Account, lambda i: {"employees": -1}),
    ("ck_person_role", Person, lambda i: {"role": "boss"}),
    ("ck_person_stance", Person, lambda i: {"stance": "happy"}),
    ("ck_person_influence", Person, lambda i: {"influence": 7}),
    ("ck_person_influence", Person, lambda i: {"influence": 0}),
    ("ck_link_kind", Link, lambda i: {"kind": "married"}),
    ("ck_link_strength", Link, lambda i: {"strength": 0}),
    ("ck_link_strength", Link, lambda i: {"strength": 6}),
    ("ck_link_one_source", Link, lambda i: {"source_member_id": i.member}),
    ("ck_link_one_source", Link, lambda i: {"source_person_id": None}),
    ("ck_link_one_target", Link, lambda i: {"target_member_id": i.member}),
    ("ck_link_covers_ends", Link, lambda i: {"kind": "covers"}),  # from a person, not a team member
    (
        "ck_link_covers_ends",
        Link,
        lambda i: {
            "kind": "covers",
            "source_person_id": None,
            "source_member_id": i.member,
            "target_person_id": None,
            "target_member_id": i.member,
        },
    ),
    ("ck_need_kind", Need, lambda i: {"kind": "spiritual"}),
    ("ck_need_priority", Need, lambda i: {"priority": "urgent"}),
    ("ck_need_status", Need, lambda i: {"status": "forgotten"}),
    ("ck_interaction_channel", Interaction, lambda i: {"channel": "telepathy"}),
    ("ck_interaction_sentiment", Interaction, lambda i: {"sentiment": 3}),
    ("ck_interaction_participant_one_participant", InteractionParticipant, lambda i: {"person_id": i.ada}),
    ("ck_interaction_participant_one_participant", InteractionParticipant, lambda i: {"member_id": None}),
    ("ck_action_priority", Action, lambda i: {"priority": "urgent"}),
    ("ck_action_status", Action, lambda i: {"status": "maybe"}),
    ("ck_opportunity_stage", Opportunity, lambda i: {"stage": "dreaming"}),
    ("ck_opportunity_probability", Opportunity, lambda i: {"probability": 101}),
    ("ck_opportunity_value", Opportunity, lambda i: {"value": Decimal("-1.00")}),
    ("ck_qualification_criterion_weight", QualificationCriterion, lambda i: {"weight": -1}),
    ("ck_qualification_rating_rating", QualificationRating, lambda i: {"rating": 6}),
    ("ck_team_template_role_tier", TeamTemplateRole, lambda i: {"tier": "gold"}),
    ("ck_team_template_role_role", TeamTemplateRole, lambda i: {"role": "intern"}),
    ("ck_account_team_role_role", AccountTeamRole, lambda i: {"role": "intern"}),
    ("ck_competency_rating_rating", CompetencyRating, lambda i: {"rating": 0}),
    ("ck_competency_rating_rating", CompetencyRating, lambda i: {"rating": 6}),
    ("ck_account_competency_need_level", AccountCompetencyNeed, lambda i: {"level": 6}),
    ("ck_person_cadence_days", Person, lambda i: {"cadence_days": 0}),
    ("ck_survey_answer_recommend", SurveyAnswer, lambda i: {"recommend": 11}),
    ("ck_survey_answer_recommend", SurveyAnswer, lambda i: {"recommend": -1}),
    ("ck_survey_answer_satisfaction", SurveyAnswer, lambda i: {"satisfaction": 0}),
    ("ck_role_cadence_role", RoleCadence, lambda i: {"role": "boss"}),
    ("ck_role_cadence_days", RoleCadence, lambda i: {"days": 0}),
]


def test_the_valid_rows_are_accepted(db, ids):
    with db.session() as s:
        for model, valid in VALID.items():
            s.add(model(**valid(ids)))
        s.add(Link(account_id=ids.account, kind="covers", source_member_id=ids.member, target_person_id=ids.ada))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Link)) == 2


@pytest.mark.parametrize(
    ("constraint", "model", "change"),
    BAD_VALUES,
    ids=[f"{name}-{n}" for n, (name, _, _) in enumerate(BAD_VALUES)],
)
def test_check_constraint_rejects_bad_value(db, ids, constraint, model, change):
    with db.session() as s:
        count_before = s.scalar(select(func.count()).select_from(model))
    with pytest.raises(IntegrityError, match=rf"CHECK constraint failed: {constraint}\b"), db.session() as s:
        s.add(model(**{**VALID[model](ids), **change(ids)}))
    with db.session() as s:  # nothing of the refused unit of work was written
        assert s.scalar(select(func.count()).select_from(model)) == count_before


def test_every_check_constraint_in_the_file_is_exercised(db):
    tables_sql = raw_query(db.path, "SELECT sql FROM sqlite_master WHERE type = 'table'")
    in_file = {name for (sql,) in tables_sql for name in re.findall(r"CONSTRAINT (\w+) CHECK", sql)}
    assert len(in_file) >= 20
    assert in_file == {name for name, _, _ in BAD_VALUES}


def test_account_names_are_unique(db):
    with db.session() as s:
        s.add(Account(name="Acme"))
    with pytest.raises(IntegrityError, match=r"UNIQUE constraint failed: account\.name"), db.session() as s:
        s.add(Account(name="Acme"))
    with db.session() as s:
        assert s.scalars(select(Account.name)).all() == ["Acme"]


def test_built_in_criterion_codes_are_unique(db):
    with pytest.raises(IntegrityError, match="UNIQUE constraint failed"), db.session() as s:
        s.add(QualificationCriterion(code="budget", weight=1))


def test_person_of_a_missing_account_is_rejected(db):
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"), db.session() as s:
        s.add(Person(account_id=4242, name="Nobody's"))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_deleting_an_account_deletes_its_people_links_and_needs_only(db, ids):
    with db.session() as s:
        other = Account(name="Globex")
        s.add(other)
        s.flush()
        s.add(Person(account_id=other.id, name="Cy"))
        s.add_all(
            [
                Link(account_id=ids.account, kind="ally", source_person_id=ids.ada, target_person_id=ids.bob),
                Link(account_id=ids.account, kind="covers", source_member_id=ids.member, target_person_id=ids.ada),
                Need(account_id=ids.account, person_id=ids.ada, description="Audit trail"),
            ]
        )
    with db.session() as s:
        s.delete(s.get(Account, ids.account))
    with db.session() as s:
        assert s.scalars(select(Person.name)).all() == ["Cy"]
        assert s.scalar(select(func.count()).select_from(Link)) == 0
        assert s.scalar(select(func.count()).select_from(Need)) == 0
        assert s.scalar(select(func.count()).select_from(Interaction)) == 0
        assert s.scalars(select(TeamMember.name)).all() == ["Sam"]  # our team is shared, not the account's
    assert backup.integrity_problems(db.path) == []


def test_deleting_a_team_member_clears_account_ownership(db, ids):
    with db.session() as s:
        s.get(Account, ids.account).owner_id = ids.member
    with db.session() as s:
        s.delete(s.get(TeamMember, ids.member))
    with db.session() as s:
        account = s.get(Account, ids.account)
        assert account is not None and account.owner_id is None


def test_a_file_of_the_first_release_is_backed_up_and_upgraded(tmp_path):
    """Revision 0001 files (before opportunities knew who decides) open in this build, data intact."""
    import sqlite3 as sq

    from sqlalchemy import text

    from app.storage import backup
    from app.storage.database import make_engine
    from app.storage.fileinfo import APPLICATION_ID

    path = tmp_path / "release1.db"
    engine = make_engine(path)
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001_initial")
        conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
        conn.execute(text("PRAGMA user_version=1"))
        conn.execute(text("INSERT INTO account (name) VALUES ('旧客户')"))
    engine.dispose()

    db = database.Database.open(path)
    try:
        assert db.backup_made is not None and backup.integrity_problems(db.backup_made) == []
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.HEAD_REVISION
            assert conn.execute(text("SELECT name FROM account")).scalar() == "旧客户"
            assert conn.execute(text("SELECT count(*) FROM opportunity_person")).scalar() == 0
    finally:
        db.close()
    old = sq.connect(db.backup_made)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_initial"
    old.close()
