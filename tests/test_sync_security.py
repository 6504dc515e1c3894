"""Team mode's security: passwords never in the file, the settings or the logs; TLS when the URL asks for it;
NOTIFY payloads that carry no account; row-level security on every synced table as each role."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess

import psycopg
import pytest

from app.sync.tables import sync_tables

BANK = "东潮商业银行 Dongchao Commercial Bank"
RETAIL = "禾润生活超市 Herun Living Supermarkets"
HEAVY = "恒岳重工集团 Hengyue Heavy Industries"
COMMANDS = {"SELECT", "INSERT", "UPDATE", "DELETE"}


def password_of(team, name: str) -> str:
    return f"pw-{name}-{team.database}"


def test_the_password_is_in_the_password_file_only(team, caplog):
    caplog.set_level(logging.DEBUG)
    team.add_user("ann", "member")
    ann = team.replica("ann")
    ann.cli("demo")
    outputs = [ann.join()]
    ann.set(BANK, ann.query("SELECT p.name FROM person p JOIN account a ON a.id = p.account_id WHERE a.name = ? "
                            "LIMIT 1", (BANK,))[0][0], "title=Synced")
    outputs.append(ann.cli("sync"))
    outputs.append(ann.cli("sync", "--json"))
    # A wrong password and an unreachable server: their messages carry no password either.
    wrong = team.folder / "wrong.password"
    wrong.write_text("wrong-secret-1\n")
    outputs.append(team.replica("x").cli("join", team.url, "--user", team.login("ann"), "--password-file", wrong,
                                         expect=1))
    secret = password_of(team, "ann")
    assert secret in (team.folder / "pgpass").read_text(), "the test looks for what is really there"
    config = os.environ["STAKEMAP_CONFIG_DIR"]
    places = [p for p in team.folder.rglob("*") if p.is_file() and p.name != "pgpass"
              and not p.name.endswith(".password")]
    places += [p for p in __import__("pathlib").Path(config).rglob("*") if p.is_file()]
    assert any(p.name == "ann.stakemap" for p in places)
    for path in places:
        data = path.read_bytes()
        assert secret.encode() not in data and b"wrong-secret-1" not in data, path
    for _code, out, err in outputs:
        assert secret not in out + err and "wrong-secret-1" not in out + err
    assert secret not in caplog.text and "wrong-secret-1" not in caplog.text


def test_a_password_typed_in_the_url_is_used_and_kept_out_of_the_file(team):
    team.add_user("ann", "member")
    ann = team.replica("ann")
    ann.cli("demo")
    secret = password_of(team, "ann")
    url = team.cluster.url(team.database, team.login("ann"), secret)
    ann.cli("join", url, "--user", team.login("ann"))
    assert secret.encode() not in ann.path.read_bytes()
    [(stored,)] = ann.query("SELECT value FROM sync_state WHERE key = 'url'")
    assert secret not in stored
    ann.sync()  # found again in the password file


def test_the_team_server_never_sees_a_new_password_in_clear_text(team):
    """`server user add` sends the password's SCRAM verifier, so a server that logs every statement logs no
    password."""
    with psycopg.connect(team.admin_url, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{team.database}" SET log_statement = \'all\'')
    team.add_user("ann", "member")
    log = (team.cluster.folder / "server.log").read_text(errors="replace")
    assert "CREATE ROLE" in log or "ALTER ROLE" in log, "the statement was logged"
    assert password_of(team, "ann") not in log
    assert "SCRAM-SHA-256$" in log
    team.replica("ann").join()  # and the password works


def test_tls_is_honoured_when_the_url_asks_for_it(team):
    team.add_user("ann", "member")
    ann = team.replica("ann")
    ann.cli("demo")
    code, _, err = ann.cli("join", team.url + "?sslmode=require", "--user", team.login("ann"), "--password-file",
                           team.password_file("ann"), expect=1)
    assert "TLS" in err and "sslmode=require" in err and err.count("\n") == 1
    assert ann.query("SELECT count(*) FROM sync_state WHERE key = 'url'") == [(0,)], "not joined"
    ann.cli("join", team.url + "?sslmode=prefer", "--user", team.login("ann"), "--password-file",
            team.password_file("ann"))
    [(stored,)] = ann.query("SELECT value FROM sync_state WHERE key = 'url'")
    assert stored.endswith("?sslmode=prefer"), "kept as typed, and used by every sync"
    import sqlite3

    conn = sqlite3.connect(ann.path)
    with conn:
        conn.execute("UPDATE sync_state SET value = replace(value, 'prefer', 'verify-full') WHERE key = 'url'")
    conn.close()
    code, _, err = ann.cli("sync", expect=1)
    assert "TLS" in err and "sslmode=verify-full" in err


def test_notify_payloads_carry_only_a_version(team):
    team.add_user("ann", "member")
    team.add_user("bob", "member")
    ann, bob = team.replica("ann"), team.replica("bob")
    ann.cli("demo")
    ann.join()
    team.grant("bob", BANK)
    bob.join()
    # Bob listens: he sees every payload, also of the accounts he may not see.
    with psycopg.connect(team.cluster.url(team.database, team.login("bob"), password_of(team, "bob")),
                         autocommit=True) as listener:
        listener.execute("LISTEN stakemap_sync")
        for account in (RETAIL, HEAVY, BANK):
            name = ann.query("SELECT p.name FROM person p JOIN account a ON a.id = p.account_id WHERE a.name = ? "
                             "LIMIT 1", (account,))[0][0]
            ann.set(account, name, "title=Heard")
            ann.sync()
        import sqlite3

        conn = sqlite3.connect(ann.path)
        conn.execute("PRAGMA foreign_keys=ON")
        with conn:
            conn.execute("DELETE FROM need WHERE account_id = (SELECT id FROM account WHERE name = ?)", (RETAIL,))
        conn.close()
        top = ann.sync()["server_version"]
        payloads = [n.payload for n in listener.notifies(timeout=2)]
    assert len(payloads) >= 4
    assert all(p.isdigit() for p in payloads), payloads
    assert max(map(int, payloads)) == top


@pytest.fixture
def roles(team):
    """Bob (member) writes the bank and reads the heavy-industry account; Vic (viewer) reads the bank; Boss is a
    manager; every synced table holds a row of the retail account, which neither Bob nor Vic may see."""
    team.add_user("ann", "member")
    for name, role in (("bob", "member"), ("vic", "viewer"), ("boss", "manager")):
        team.add_user(name, role)
    ann = team.replica("ann")
    ann.cli("demo")
    ann.join()
    team.grant("bob", BANK)
    team.grant("bob", HEAVY, write=False)
    team.grant("vic", BANK, write=False)
    with psycopg.connect(team.admin_url) as conn:
        uids = dict(conn.execute("SELECT name, uid::text FROM account"))
        for info in sync_tables().values():
            if info.rule.account is not None and info.name != "account":
                # Bare rows, whose other columns are empty: the server's value checks (tested with the
                # merge rules) would refuse them, and are not what this fixture is about.
                for (check,) in conn.execute("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
                                             "AND contype = 'c'", (info.name,)).fetchall():
                    conn.execute(f'ALTER TABLE {info.name} DROP CONSTRAINT "{check}"')
                conn.execute(f"INSERT INTO {info.name} (uid, account_uid) VALUES (gen_random_uuid(), %s)",
                             (uids[RETAIL],))
                conn.execute(f"INSERT INTO {info.name} (uid, account_uid) VALUES (gen_random_uuid(), %s)",
                             (uids[BANK],))
    return team, uids


def as_login(team, name):
    return psycopg.connect(team.cluster.url(team.database, team.login(name), password_of(team, name)),
                           autocommit=True)


def test_every_synced_table_has_row_level_security_with_a_policy_for_every_command(roles):
    team, uids = roles
    with psycopg.connect(team.admin_url) as conn:
        for info in sync_tables().values():
            enabled = conn.execute("SELECT relrowsecurity FROM pg_class WHERE oid = %s::regclass",
                                   (info.name,)).fetchone()
            assert enabled == (True,), f"{info.name}: no row-level security"
            commands = {r[0] for r in conn.execute("SELECT cmd FROM pg_policies WHERE tablename = %s",
                                                   (info.name,))}
            assert "ALL" in commands or commands >= COMMANDS, f"{info.name}: policies only for {commands}"


def test_row_level_security_holds_on_every_synced_table_as_each_role(roles):
    team, uids = roles
    bank, heavy, retail = uids[BANK], uids[HEAVY], uids[RETAIL]
    account_tables = [i.name for i in sync_tables().values() if i.rule.account is not None]
    shared_tables = [i.name for i in sync_tables().values() if i.rule.account is None]
    with as_login(team, "bob") as bob, as_login(team, "vic") as vic, as_login(team, "boss") as boss:
        for table in account_tables:
            seen = {r[0] for r in bob.execute(f"SELECT DISTINCT account_uid::text FROM {table}")}
            assert seen <= {bank, heavy} and bank in seen, f"bob sees {table} of {seen - {bank, heavy}}"
            assert {r[0] for r in vic.execute(f"SELECT DISTINCT account_uid::text FROM {table}")} == {bank}, table
            assert retail in {r[0] for r in boss.execute(f"SELECT DISTINCT account_uid::text FROM {table}")}
            # Writing where the grant does not reach: nothing changes, or the server refuses outright.
            for account in (retail, heavy):
                assert bob.execute(f"UPDATE {table} SET edited_at = now() WHERE account_uid = %s",
                                   (account,)).rowcount == 0, f"bob changed {table} of a read-only account"
                assert bob.execute(f"DELETE FROM {table} WHERE account_uid = %s", (account,)).rowcount == 0, table
                if table != "account":
                    with pytest.raises(psycopg.errors.InsufficientPrivilege):
                        bob.execute(f"INSERT INTO {table} (uid, account_uid) VALUES (gen_random_uuid(), %s)",
                                    (account,))
            for statement in (f"UPDATE {table} SET edited_at = now()", f"DELETE FROM {table}",
                              f"INSERT INTO {table} (uid, account_uid) VALUES (gen_random_uuid(), '{bank}')"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    vic.execute(statement)
            assert bob.execute(f"UPDATE {table} SET edited_at = now() WHERE account_uid = %s",
                               (bank,)).rowcount > 0, f"bob may write {table} of the bank"
        for table in shared_tables:
            assert vic.execute(f"SELECT count(*) FROM {table}").fetchone() is not None
            for statement in (f"UPDATE {table} SET edited_at = now()", f"DELETE FROM {table}"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    vic.execute(statement)
        # Tombstones name accounts too: they follow the same grants.
        seen = {r[0] for r in bob.execute("SELECT DISTINCT account_uid::text FROM stakemap_tombstone "
                                          "WHERE account_uid IS NOT NULL")}
        assert seen <= {bank, heavy}
    # psql as each teammate: the same, table by table, in one go.
    psql = shutil.which("psql") or str(team.cluster.bin_dir / "psql")
    outside = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t} WHERE account_uid <> ALL(%s)" for t in
                                 account_tables)
    for name, allowed in (("bob", [bank, heavy]), ("vic", [bank])):
        array = "'{" + ",".join(allowed) + "}'::uuid[]"
        shown = subprocess.run(
            [psql, "-At", "-h", "127.0.0.1", "-p", str(team.cluster.port), "-U", team.login(name), "-d",
             team.database, "-c", outside.replace("%s", array)],
            env={**os.environ, "PGPASSWORD": password_of(team, name)}, capture_output=True, text=True)
        assert shown.returncode == 0, shown.stderr
        rows = [line.split("|") for line in shown.stdout.split()]
        assert len(rows) == len(account_tables) and all(count == "0" for _t, count in rows), (name, rows)


@pytest.fixture
def tls_server(team):
    """The session's server with TLS switched on (a self-signed certificate for 127.0.0.1), off again after."""
    folder = team.cluster.folder
    done = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                           "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                           "-keyout", str(folder / "server.key"), "-out", str(folder / "server.crt")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for name in ("server.key", "server.crt"):
        team.cluster._own(folder / name)
        os.chmod(folder / name, 0o600)
    with psycopg.connect(team.cluster.url(), autocommit=True) as conn:
        conn.execute(f"ALTER SYSTEM SET ssl_cert_file = '{folder / 'server.crt'}'")
        conn.execute(f"ALTER SYSTEM SET ssl_key_file = '{folder / 'server.key'}'")
        conn.execute("ALTER SYSTEM SET ssl = on")
        conn.execute("SELECT pg_reload_conf()")
    try:
        yield folder / "server.crt"
    finally:
        with psycopg.connect(team.cluster.url(), autocommit=True) as conn:
            for setting in ("ssl", "ssl_cert_file", "ssl_key_file"):
                conn.execute(f"ALTER SYSTEM RESET {setting}")
            conn.execute("SELECT pg_reload_conf()")


def test_a_tls_server_is_reached_encrypted_and_its_certificate_checked(team, tls_server, tmp_path):
    from app.storage.database import Database
    from app.sync.engine import Engine

    team.add_user("ann", "member")
    ann = team.replica("ann")
    ann.cli("demo")
    url = f"{team.url}?sslmode=verify-full&sslrootcert={tls_server}"
    ann.cli("join", url, "--user", team.login("ann"), "--password-file", team.password_file("ann"))
    with Database.open(ann.path) as db, Engine(db) as engine:
        engine.connect()
        assert engine.server.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() == (
            True,)
    # A certificate the file does not trust: refused in one line, nothing sent.
    other = tmp_path / "other.crt"
    done = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                           "/CN=someone else", "-keyout", str(tmp_path / "other.key"), "-out", str(other)],
                          capture_output=True, text=True)
    assert done.returncode == 0
    import sqlite3
    from urllib.parse import quote

    conn = sqlite3.connect(ann.path)
    with conn:
        changed = conn.execute("UPDATE sync_state SET value = replace(value, ?, ?) WHERE key = 'url'",
                               (quote(str(tls_server), safe=""), quote(str(other), safe=""))).rowcount
    conn.close()
    assert changed == 1
    code, _, err = ann.cli("sync", expect=1)
    assert "cannot trust (SSL error: certificate verify failed)" in err and err.count("\n") == 1, err
