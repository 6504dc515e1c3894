"""Opening a database file: what a new file looks like, what survives a close or a crash, and which files
are refused (with a plain message, and without a single byte changed)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.models import Account, Person
from app.storage import migrate
from app.storage.database import SCHEMA_GENERATION, Database
from app.storage.errors import (
    AlreadyOpenError,
    CorruptDatabaseError,
    EmptyFileError,
    NewerVersionError,
    NotADatabaseError,
)
from app.storage.fileinfo import APPLICATION_ID

PROJECT_ROOT = Path(__file__).resolve().parents[1]


# --- helpers -------------------------------------------------------------------------------------------


def folder_state(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder`` with its bytes (None for folders)."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def make_stakemap_file(path: Path, accounts: int = 3, people_each: int = 2, padding: int = 0) -> None:
    """A real Stakemap database with some rows, closed again."""
    with Database.open(path) as db, db.session() as s:
        for i in range(accounts):
            account = Account(name=f"Account {i}", notes="n" * padding or None)
            s.add(account)
            s.flush()
            for j in range(people_each):
                s.add(Person(account_id=account.id, name=f"Person {i}.{j}", notes="p" * padding or None))


def raw_query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def run_python(code: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def assert_refused(path: Path, error: type[Exception], *words: str, **open_kwargs) -> Exception:
    """Opening ``path`` raises exactly ``error`` with a message naming the path and ``words``, and leaves the
    folder holding it exactly as it was."""
    folder = path.parent
    before = folder_state(folder)
    with pytest.raises(error) as caught:
        db = Database.open(path, **open_kwargs)
        db.close()  # only reached when the file was wrongly accepted
    assert type(caught.value) is error
    assert folder_state(folder) == before, "refusing the file changed or added files beside it"
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    return caught.value


# --- a new file ----------------------------------------------------------------------------------------


def test_head_revision_constant_matches_alembic_head():
    assert migrate.HEAD_REVISION == migrate.head_revision()
    assert migrate.HEAD_REVISION in migrate.known_revisions()


def test_new_file_is_a_stamped_wal_database_at_head(tmp_path):
    path = tmp_path / "accounts.stakemap"
    with Database.open(path) as db:
        assert db.path == path
        assert path.is_file()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    # Checked from outside, with plain sqlite3, once Stakemap has let go of the file.
    assert raw_query(path, "PRAGMA journal_mode") == [("wal",)]
    assert raw_query(path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert path.read_bytes()[68:72] == b"STKM"
    assert raw_query(path, "PRAGMA user_version") == [(SCHEMA_GENERATION,)]
    assert raw_query(path, "SELECT version_num FROM alembic_version") == [(migrate.HEAD_REVISION,)]
    tables = {name for (name,) in raw_query(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"account", "person", "link", "team_member"} <= tables
    assert raw_query(path, "PRAGMA integrity_check") == [("ok",)]


def test_foreign_keys_are_on_for_every_connection(tmp_path):
    with Database.open(tmp_path / "fk.stakemap") as db:
        # Two connections held at once are two different SQLite connections; each must enforce foreign keys.
        with db.engine.connect() as c1, db.engine.connect() as c2:
            assert c1.connection.dbapi_connection is not c2.connection.dbapi_connection
            assert c1.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c2.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with db.session() as s1, db.read_session() as s2:  # two writers would queue
            assert s1.connection().connection.dbapi_connection is not s2.connection().connection.dbapi_connection
            assert s1.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert s2.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # And it is enforced, not merely reported: through two separate sessions in turn.
        for _ in range(2):
            with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.session() as s:
                s.add(Person(account_id=4242, name="Nobody's"))


def test_data_survives_close_and_reopen(tmp_path):
    path = tmp_path / "kept.stakemap"
    with Database.open(path) as db, db.session() as s:
        account = Account(name="Acme", industry="Steel")
        s.add(account)
        s.flush()
        s.add(Person(account_id=account.id, name="Ada", role="economic_buyer", stance="supporter", influence=5))
    # Closed: the whole database is in the one file, no WAL left beside it.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("kept.stakemap-")) == []
    assert raw_query(path, "SELECT name, industry FROM account") == [("Acme", "Steel")]

    with Database.open(path) as db:
        assert db.backup_made is None  # a current file is not "upgraded"
        with db.session() as s:
            person = s.scalars(select(Person)).one()
            assert (person.name, person.role, person.stance, person.influence) == (
                "Ada",
                "economic_buyer",
                "supporter",
                5,
            )
            assert person.account.name == "Acme"


@pytest.mark.parametrize("folder_name", ["Sales #1", "100% sure", "Q3?", "a;b&c=d"])
def test_file_is_written_exactly_where_asked(tmp_path, folder_name):
    """Characters that mean something in a URL must not send the data (or a backup) to another file."""
    folder = tmp_path / folder_name
    folder.mkdir()
    path = folder / "accounts.stakemap"
    with Database.open(path) as db, db.session() as s:
        s.add(Account(name="Acme"))
    assert raw_query(path, "SELECT name FROM account") == [("Acme",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder_name]
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock")) == ["accounts.stakemap"]


def test_missing_file_is_not_created_when_create_is_false(tmp_path):
    path = tmp_path / "nothing-here.stakemap"
    assert_refused(path, NotADatabaseError, "no such file", create=False)
    assert not path.exists()


# --- files that are refused ----------------------------------------------------------------------------


def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "noise.stakemap"
    path.write_bytes(random.Random(20240601).randbytes(16384))
    assert_refused(path, NotADatabaseError, "not a Stakemap database", "not an SQLite file")


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("name,title,company\n" + "Ada Lovelace,CTO,Acme\n" * 200, encoding="utf-8")
    assert_refused(path, NotADatabaseError, "not a Stakemap database", "not an SQLite file")


def test_truncated_database_is_refused(tmp_path):
    path = tmp_path / "cut.stakemap"
    make_stakemap_file(path, accounts=40, people_each=5, padding=400)
    whole = path.read_bytes()
    assert len(whole) > 64 * 1024
    path.write_bytes(whole[: len(whole) // 2])
    assert_refused(path, CorruptDatabaseError, "is damaged", "truncated")


def test_database_with_damaged_first_page_is_refused(tmp_path):
    path = tmp_path / "scribbled.stakemap"
    make_stakemap_file(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = random.Random(7).randbytes(4096 - 100)  # the schema table's page, after the header
    path.write_bytes(bytes(data))
    assert_refused(path, CorruptDatabaseError, "is damaged")


def test_zero_byte_file_is_refused_by_default(tmp_path):
    path = tmp_path / "empty.stakemap"
    path.touch()
    assert_refused(path, EmptyFileError, "empty file", "0 bytes")
    assert path.stat().st_size == 0


def test_zero_byte_file_is_initialized_when_the_user_agrees(tmp_path):
    path = tmp_path / "empty.stakemap"
    path.touch()
    with Database.open(path, initialize_empty=True) as db, db.session() as s:
        s.add(Account(name="First"))
    assert raw_query(path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert raw_query(path, "SELECT version_num FROM alembic_version") == [(migrate.HEAD_REVISION,)]
    assert raw_query(path, "PRAGMA integrity_check") == [("ok",)]
    with Database.open(path) as db, db.session() as s:
        assert s.scalars(select(Account.name)).all() == ["First"]


def test_database_of_another_application_is_refused(tmp_path):
    path = tmp_path / "recipes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO recipe (title) VALUES ('Dumplings')")
    conn.commit()
    conn.close()
    assert_refused(path, NotADatabaseError, "not a Stakemap database", "another application")


def test_database_of_another_application_with_uncheckpointed_wal_is_refused(tmp_path):
    """Another program was killed with all its data still in the -wal file; the main file alone looks blank.
    It must still be recognised as someone else's database, not turned into a Stakemap one."""
    path = tmp_path / "other.db"
    result = run_python(
        f"""
        import os, signal, sqlite3
        conn = sqlite3.connect({str(path)!r})
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO recipe (title) VALUES ('Dumplings')")
        conn.commit()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    main_before, wal_before = path.read_bytes(), wal.read_bytes()

    with pytest.raises(NotADatabaseError, match="another application"):
        Database.open(path).close()
    assert path.read_bytes() == main_before
    assert wal.read_bytes() == wal_before
    assert not (tmp_path / "backups").exists()
    assert raw_query(path, "SELECT title FROM recipe") == [("Dumplings",)]
    assert raw_query(path, "SELECT count(*) FROM sqlite_master WHERE name = 'account'") == [(0,)]


def test_file_from_a_newer_schema_generation_is_refused(tmp_path):
    path = tmp_path / "future.stakemap"
    make_stakemap_file(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert_refused(path, NewerVersionError, "newer version of Stakemap", "update Stakemap")


def test_file_at_an_unknown_newer_revision_is_refused(tmp_path):
    path = tmp_path / "future.stakemap"
    make_stakemap_file(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz_future'")
    conn.commit()
    conn.close()
    error = assert_refused(path, NewerVersionError, "newer version of Stakemap", "update Stakemap")
    assert "zzzz_future" in str(error)


def test_folder_is_refused(tmp_path):
    folder = tmp_path / "Customers.stakemap"
    folder.mkdir()
    (folder / "readme.txt").write_text("not a database", encoding="utf-8")
    assert_refused(folder, NotADatabaseError, "not a Stakemap database", "folder")
    # nothing was created inside it either
    assert sorted(p.name for p in folder.iterdir()) == ["readme.txt"]


# --- one Stakemap per file ------------------------------------------------------------------------------


def test_second_open_in_the_same_process_is_refused_until_the_first_closes(tmp_path):
    path = tmp_path / "shared.stakemap"
    first = Database.open(path)
    try:
        with first.session() as s:
            s.add(Account(name="Held"))
        main_before = path.read_bytes()
        names_before = sorted(p.name for p in tmp_path.iterdir())
        with pytest.raises(AlreadyOpenError) as caught:
            Database.open(path).close()
        assert type(caught.value) is AlreadyOpenError
        assert str(path) in str(caught.value)
        assert "already open" in str(caught.value)
        assert path.read_bytes() == main_before
        assert sorted(p.name for p in tmp_path.iterdir()) == names_before
        # The refused attempt did not disturb the first: it still reads and writes.
        with first.session() as s:
            s.add(Account(name="Still works"))
    finally:
        first.close()

    with Database.open(path) as second, second.session() as s:
        assert sorted(s.scalars(select(Account.name))) == ["Held", "Still works"]


def test_second_instance_in_another_process_is_refused(tmp_path):
    path = tmp_path / "shared.stakemap"
    with Database.open(path) as db:
        with db.session() as s:
            s.add(Account(name="Mine"))
        result = run_python(
            f"""
            import sys
            from app.storage.database import Database
            from app.storage.errors import AlreadyOpenError
            try:
                Database.open({str(path)!r}).close()
            except AlreadyOpenError as exc:
                print(exc)
                sys.exit(3)
            print("opened")
            """
        )
        assert result.returncode == 3, result.stdout + result.stderr
        message = result.stdout.strip()
        assert str(path) in message
        assert "already open" in message
        assert f"process {os.getpid()}" in message  # says who holds it
        with db.session() as s:
            assert s.scalars(select(Account.name)).all() == ["Mine"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("existing", [False, True], ids=["created-by-the-killed-process", "existing-file"])
def test_lock_of_a_killed_process_is_recovered_and_its_committed_data_kept(tmp_path, existing):
    path = tmp_path / "crash.stakemap"
    if existing:
        make_stakemap_file(path, accounts=1, people_each=1)
    result = run_python(
        f"""
        import os, signal, sys
        from app.models import Account, Person
        from app.storage.database import Database
        db = Database.open({str(path)!r})
        with db.session() as s:
            account = Account(name="Committed before the crash")
            s.add(account)
            s.flush()
            s.add(Person(account_id=account.id, name="Grace"))
        print("committed", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout.strip() == "committed"

    with Database.open(path) as db:
        # A file already at the current schema is not taken for an old one that needs upgrading.
        assert db.backup_made is None
        with db.session() as s:
            names = set(s.scalars(select(Account.name)))
            assert "Committed before the crash" in names
            assert len(names) == (2 if existing else 1)
            grace = s.scalars(select(Person).where(Person.name == "Grace")).one()
            assert grace.account.name == "Committed before the crash"
            s.add(Account(name="After recovery"))
    assert raw_query(path, "PRAGMA integrity_check") == [("ok",)]
    assert ("After recovery",) in raw_query(path, "SELECT name FROM account")
