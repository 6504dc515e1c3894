"""The team server's schema on PostgreSQL, generated from the same declarations as the file's triggers.

Tables carry the local table names and user-visible columns; keys and references are uids; every synced row
carries its account's uid, the ``server_version`` it was last written at and who wrote it when. Deletes leave
tombstones. All writes take one transaction-level advisory lock before drawing a version, so versions become
visible in commit order and a pull by cursor never skips a row. A statement trigger sends NOTIFY with the new
highest version only. Row-level security on every synced table goes through one ``SECURITY DEFINER STABLE``
function returning the accounts a login may see (or change).
"""

from __future__ import annotations

import re

from sqlalchemy.dialects import postgresql

from app.models.sync_rules import EDIT_MANAGERS, EDIT_SELF_OR_MANAGERS
from app.sync.pruning import revision_2
from app.sync.tables import TableInfo, sync_tables

# The sync protocol this build speaks; a server with a higher one refuses it ("update Stakemap"). 2: tombstones
# are pruned after 180 days, and a replica away longer pulls the accounts concerned again (app/sync/pruning.py),
# which a build speaking 1 would not do, missing those deletes.
PROTOCOL_VERSION = 2
GROUP_ROLES = ("stakemap_admin", "stakemap_manager", "stakemap_member", "stakemap_viewer")
WRITER_ROLES = ("stakemap_admin", "stakemap_manager", "stakemap_member")
NOTIFY_CHANNEL = "stakemap_sync"
# pg_advisory_xact_lock key of the version lock ("stkm").
VERSION_LOCK = 0x73746B6D
_PG = postgresql.dialect()


def server_columns(info: TableInfo) -> list[tuple[str, str]]:
    """(name, SQL type) of a synced table's own columns on the server, after uid and account_uid."""
    cols = []
    for c in info.columns:
        if c.server == "account_uid":
            continue
        sql_type = "uuid" if c.ref_table else ("jsonb" if c.kind == "json" else c.sa_type.compile(dialect=_PG))
        cols.append((c.server, sql_type))
    return cols


def server_checks(info: TableInfo) -> list[tuple[str, str]]:
    """(name, SQL) of the table's CHECK constraints as the file declares them (app/models), with references
    under their server names: a value the window could not write is refused on the server too, whoever
    writes it (``psql`` included), instead of reaching every replica and waiting there."""
    from sqlalchemy import CheckConstraint

    from app.models import Base

    renamed = {c.local: c.server for c in info.columns if c.local != c.server}
    out = []
    for constraint in Base.metadata.tables[info.name].constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        sql = str(constraint.sqltext)
        for local, server in renamed.items():
            sql = re.sub(rf"\b{local}\b", server, sql)
        name = str(constraint.name)
        out.append((name if name.startswith("ck_") else f"ck_{info.name}_{name}", sql))
    return out


def _roles_sql() -> list[str]:
    out = []
    for role in GROUP_ROLES:
        out.append(f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} NOLOGIN; END IF;
        END $$""")
    return out


_BOOKKEEPING = [
    "CREATE SEQUENCE stakemap_version_seq",
    """CREATE TABLE stakemap_server (key text PRIMARY KEY, value text NOT NULL)""",
    """CREATE TABLE stakemap_migration (revision text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(),
                                        applied_by text NOT NULL DEFAULT current_user)""",
    """CREATE TABLE stakemap_user (login name PRIMARY KEY, role text NOT NULL, member_uid uuid)""",
    """CREATE TABLE stakemap_grant (login name NOT NULL, account_uid uuid NOT NULL, writable boolean NOT NULL,
                                    PRIMARY KEY (login, account_uid))""",
    """CREATE TABLE stakemap_tombstone (tbl text NOT NULL, uid uuid NOT NULL, account_uid uuid,
                                        server_version bigint NOT NULL, deleted_by text NOT NULL,
                                        deleted_at timestamptz NOT NULL, PRIMARY KEY (tbl, uid))""",
    "CREATE INDEX ix_stakemap_tombstone_version ON stakemap_tombstone (account_uid, server_version)",
    # Who sees which account: the one function every policy calls. SECURITY DEFINER so that it reads the
    # grants without recursing into the policies; STABLE so a policy evaluates it once per statement. NULL
    # means every account (admins and managers), so their writes cost no list of all accounts.
    """CREATE FUNCTION stakemap_visible_accounts(who name, for_write boolean) RETURNS uuid[]
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT CASE
           WHEN pg_has_role(who, 'stakemap_admin', 'MEMBER') OR pg_has_role(who, 'stakemap_manager', 'MEMBER')
             THEN NULL
           WHEN for_write AND NOT (pg_has_role(who, 'stakemap_member', 'MEMBER')) THEN '{}'::uuid[]
           ELSE (SELECT coalesce(array_agg(account_uid), '{}') FROM stakemap_grant
                 WHERE login = who AND (writable OR NOT for_write))
         END $$""",
    """CREATE FUNCTION stakemap_edits_shared(who name, member uuid, rule text) RETURNS boolean
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT pg_has_role(who, 'stakemap_admin', 'MEMBER') OR pg_has_role(who, 'stakemap_manager', 'MEMBER')
             OR (rule = 'self_or_managers' AND member IS NOT NULL
                 AND member = (SELECT member_uid FROM stakemap_user WHERE login = who)) $$""",
    # Account names the caller may not see are still taken: join and sync name the clash, never merge.
    """CREATE FUNCTION stakemap_taken_names(names text[]) RETURNS text[]
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT coalesce(array_agg(name), '{}') FROM account WHERE name = ANY(names) $$""",
    # Stamp every write: the version lock first (commit order), then the next version, who and when.
    f"""CREATE FUNCTION stakemap_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_advisory_xact_lock({VERSION_LOCK});
         NEW.server_version := nextval('stakemap_version_seq');
         NEW.changed_by := current_user;
         NEW.changed_at := now();
         -- When the edit was made (a replica sends its own time; "latest wins" compares these).
         IF NEW.edited_at IS NULL OR (TG_OP = 'UPDATE' AND NEW.edited_at IS NOT DISTINCT FROM OLD.edited_at) THEN
           NEW.edited_at := now();
         END IF;
         IF TG_TABLE_NAME = 'account' THEN NEW.account_uid := NEW.uid; END IF;
         PERFORM set_config('stakemap.version', NEW.server_version::text, true);
         IF TG_OP = 'INSERT' THEN
           DELETE FROM stakemap_tombstone WHERE tbl = TG_TABLE_NAME AND uid = NEW.uid;
         END IF;
         RETURN NEW;
       END $$""",
    # Taken again by every statement before it touches a row: an UPDATE locks its row before the row
    # trigger runs, and would otherwise deadlock with a push that holds the version lock and wants that row.
    f"""CREATE FUNCTION stakemap_lock_versions() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_advisory_xact_lock({VERSION_LOCK});
         RETURN NULL;
       END $$""",
    f"""CREATE FUNCTION stakemap_tombstone_row() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE v bigint;
       BEGIN
         PERFORM pg_advisory_xact_lock({VERSION_LOCK});
         v := nextval('stakemap_version_seq');
         INSERT INTO stakemap_tombstone VALUES (TG_TABLE_NAME, OLD.uid, OLD.account_uid, v, current_user, now())
           ON CONFLICT (tbl, uid) DO UPDATE SET server_version = EXCLUDED.server_version,
             deleted_by = EXCLUDED.deleted_by, deleted_at = EXCLUDED.deleted_at;
         PERFORM set_config('stakemap.version', v::text, true);
         RETURN OLD;
       END $$""",
    # NOTIFY is delivered at commit; its payload is the new highest version only, never an account.
    f"""CREATE FUNCTION stakemap_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE v text := current_setting('stakemap.version', true);
       BEGIN
         IF v IS NOT NULL AND v <> '' THEN PERFORM pg_notify('{NOTIFY_CHANNEL}', v); END IF;
         RETURN NULL;
       END $$""",
    # A member who creates an account may go on writing it.
    """CREATE FUNCTION stakemap_grant_creator() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path = public, pg_temp AS $$
       BEGIN
         IF NOT (pg_has_role(NEW.changed_by, 'stakemap_admin', 'MEMBER')
                 OR pg_has_role(NEW.changed_by, 'stakemap_manager', 'MEMBER')) THEN
           INSERT INTO stakemap_grant VALUES (NEW.changed_by, NEW.uid, true) ON CONFLICT DO NOTHING;
         END IF;
         RETURN NULL;
       END $$""",
]


def _table_sql(info: TableInfo) -> list[str]:
    t = info.name
    cols = ",\n  ".join([*(f"{name} {sql_type}" for name, sql_type in server_columns(info)),
                         *(f"CONSTRAINT {name} CHECK ({sql})" for name, sql in server_checks(info))])
    out = [
        f"""CREATE TABLE {t} (
  uid uuid PRIMARY KEY,
  account_uid uuid,
  {cols + "," if cols else ""}
  server_version bigint NOT NULL DEFAULT 0,
  changed_by text NOT NULL DEFAULT current_user,
  changed_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz)""",
        f"CREATE INDEX ix_{t}_pull ON {t} (account_uid, server_version)",
        f"""CREATE TRIGGER {t}_stamp BEFORE INSERT OR UPDATE ON {t}
            FOR EACH ROW EXECUTE FUNCTION stakemap_stamp()""",
        _lock_trigger_sql(t),
        f"""CREATE TRIGGER {t}_tombstone AFTER DELETE ON {t}
            FOR EACH ROW EXECUTE FUNCTION stakemap_tombstone_row()""",
        f"""CREATE TRIGGER {t}_notify AFTER INSERT OR UPDATE OR DELETE ON {t}
            FOR EACH STATEMENT EXECUTE FUNCTION stakemap_notify()""",
        f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
        f"GRANT SELECT ON {t} TO {', '.join(GROUP_ROLES)}",
        f"GRANT INSERT, UPDATE, DELETE ON {t} TO {', '.join(WRITER_ROLES)}",
    ]
    natural = [info.column(n).server for n in info.rule.natural_key]
    if natural:
        # Two replicas that each made the same row (a member on an account's team) end with the server's one.
        out.append(f"CREATE UNIQUE INDEX ux_{t}_natural ON {t} ({', '.join(natural)})")
    if info.rule.unique:
        out.append(f"CREATE UNIQUE INDEX ux_{t}_{info.rule.unique} ON {t} ({info.rule.unique})")
    if t == "account":
        out.append("""CREATE TRIGGER account_grant_creator AFTER INSERT ON account
                      FOR EACH ROW EXECUTE FUNCTION stakemap_grant_creator()""")
    out.extend(_policies(info))
    return out


def _lock_trigger_sql(table: str) -> str:
    return f"""CREATE TRIGGER {table}_lock BEFORE INSERT OR UPDATE OR DELETE ON {table}
               FOR EACH STATEMENT EXECUTE FUNCTION stakemap_lock_versions()"""


def _visible(for_write: str) -> str:
    call = f"(SELECT stakemap_visible_accounts(current_user, {for_write}))"
    return f"({call} IS NULL OR account_uid = ANY ({call}::uuid[]))"


def _policies(info: TableInfo) -> list[str]:
    t = info.name
    if info.rule.account is None:
        rule = info.rule.shared_edit or EDIT_MANAGERS
        # "Self" is the team member the row is (team_member) or belongs to (a member's own ratings).
        own = "member_uid" if any(c.server == "member_uid" for c in info.columns) else "uid"
        member = own if rule == EDIT_SELF_OR_MANAGERS else "NULL::uuid"
        may_edit = f"stakemap_edits_shared(current_user, {member}, '{rule}')"
        add = "true" if rule == EDIT_SELF_OR_MANAGERS else may_edit
        return [
            f"CREATE POLICY {t}_read ON {t} FOR SELECT USING (true)",
            f"CREATE POLICY {t}_add ON {t} FOR INSERT WITH CHECK ({add})",
            f"CREATE POLICY {t}_edit ON {t} FOR UPDATE USING ({may_edit}) WITH CHECK ({may_edit})",
            f"CREATE POLICY {t}_remove ON {t} FOR DELETE USING ({may_edit})",
        ]
    readable = _visible("false")
    writable = _visible("true")
    # Any writer may add an account (and is granted it); its rows then follow the account's grant.
    add = "true" if t == "account" else writable
    return [
        f"CREATE POLICY {t}_read ON {t} FOR SELECT USING ({readable})",
        f"CREATE POLICY {t}_add ON {t} FOR INSERT WITH CHECK ({add})",
        f"CREATE POLICY {t}_edit ON {t} FOR UPDATE USING ({writable}) WITH CHECK ({writable})",
        f"CREATE POLICY {t}_remove ON {t} FOR DELETE USING ({writable})",
    ]


def _grants_sql() -> list[str]:
    writers = ", ".join(WRITER_ROLES)
    everyone = ", ".join(GROUP_ROLES)
    return [
        "ALTER TABLE stakemap_tombstone ENABLE ROW LEVEL SECURITY",
        f"""CREATE POLICY stakemap_tombstone_read ON stakemap_tombstone FOR SELECT
           USING (account_uid IS NULL OR {_visible("false")})""",
        # Writers leave tombstones through the delete trigger (policies OR together, so no FOR ALL here).
        "CREATE POLICY stakemap_tombstone_add ON stakemap_tombstone FOR INSERT WITH CHECK (true)",
        "CREATE POLICY stakemap_tombstone_renew ON stakemap_tombstone FOR UPDATE USING (true) WITH CHECK (true)",
        "CREATE POLICY stakemap_tombstone_remove ON stakemap_tombstone FOR DELETE USING (true)",
        f"GRANT SELECT ON stakemap_tombstone, stakemap_server, stakemap_migration TO {everyone}",
        f"GRANT INSERT, UPDATE, DELETE ON stakemap_tombstone TO {writers}",
        f"GRANT USAGE ON SEQUENCE stakemap_version_seq TO {writers}",
        f"GRANT SELECT ON SEQUENCE stakemap_version_seq TO {everyone}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON stakemap_user, stakemap_grant TO stakemap_admin",
        "REVOKE ALL ON FUNCTION stakemap_taken_names(text[]) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION stakemap_taken_names(text[]) TO {everyone}",
    ]


def revision_1() -> list[str]:
    """The first server revision: everything above."""
    statements = [*_BOOKKEEPING]
    for info in sync_tables().values():
        statements.extend(_table_sql(info))
    statements.extend(_grants_sql())
    return statements


def missing_on_server(conn) -> list[str]:
    """Synced tables and columns this build needs that the server lacks ("table" or "table.column")."""
    found: dict[str, set[str]] = {}
    for table, column in conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                                      "WHERE table_schema = 'public'"):
        found.setdefault(table, set()).add(column)
    missing = []
    for info in sync_tables().values():
        if info.name not in found:
            missing.append(info.name)
            continue
        missing += [f"{info.name}.{name}" for name, _ in server_columns(info) if name not in found[info.name]]
    return missing


def reconcile_statements(conn) -> list[str]:
    """What brings the server's synced tables in line with this build's declarations: new tables (with their
    triggers and policies), new columns and new value checks. Tables and columns are only ever added, never
    dropped."""
    statements = []
    added = set()
    for item in missing_on_server(conn):
        table, _, column = item.partition(".")
        info = sync_tables()[table]
        if not column:
            statements += _table_sql(info)
            added.add(table)
        else:
            sql_type = dict(server_columns(info))[column]
            statements.append(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
    present = {(t, n) for t, n in conn.execute(
        "SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = "
        "c.connamespace WHERE c.contype = 'c' AND n.nspname = 'public'")}
    for info in sync_tables().values():
        if info.name in added:
            continue
        for name, sql in server_checks(info):
            if (info.name, name) not in present:
                # NOT VALID: every write from now on is checked, while a value psql wrote before the check
                # existed does not stop the upgrade (the replicas already name it when they refuse it).
                statements.append(f"ALTER TABLE {info.name} ADD CONSTRAINT {name} CHECK ({sql}) NOT VALID")
    return statements


def revision_3() -> list[str]:
    """Every write statement takes the version lock before touching a row (no deadlock between an UPDATE
    from psql or a push and another push), and the server's identity, kept by a replica at join: a uid of its
    own (a replica pointed at another server is refused) and its incarnation (the objects' oids and the
    cluster's identity and timeline, which a restore from a dump or a backup changes although the rows it
    brings back say nothing of it). The first caller that finds a new incarnation notes the highest version
    at that moment, the fork (see app/sync/restore.py)."""
    lock = next(sql for sql in _BOOKKEEPING if "stakemap_lock_versions()" in sql)
    triggers = []
    for info in sync_tables().values():
        # A table declared since the server was made is not there yet: `upgrade` adds it, with its trigger.
        triggers.append(f"""DO $$ BEGIN IF to_regclass('public.{info.name}') IS NOT NULL THEN
               DROP TRIGGER IF EXISTS {info.name}_lock ON {info.name};
               {_lock_trigger_sql(info.name)};
             END IF; END $$""")
    return [
        lock.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1),
        *triggers,
        """INSERT INTO stakemap_server VALUES ('server_uid', gen_random_uuid()::text) ON CONFLICT DO NOTHING""",
        f"""CREATE FUNCTION stakemap_identity(OUT server_uid text, OUT incarnation text, OUT forked_at bigint)
           LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
           DECLARE
             here text;
             cluster text := '';
           BEGIN
             BEGIN  -- the cluster's identity and timeline: a physical restore (PITR) keeps every oid
               SELECT s.system_identifier::text || '.' || c.timeline_id::text INTO cluster
                 FROM pg_control_system() s, pg_control_checkpoint() c;
             EXCEPTION WHEN insufficient_privilege THEN cluster := '';
             END;
             here := cluster || '/' || (SELECT oid FROM pg_database WHERE datname = current_database())::text
                     || '/' || 'stakemap_version_seq'::regclass::oid::text;
             SELECT value INTO incarnation FROM stakemap_server WHERE key = 'incarnation';
             IF incarnation IS DISTINCT FROM here THEN
               PERFORM pg_advisory_xact_lock({VERSION_LOCK});  -- no version is drawn while the fork is noted
               SELECT value INTO incarnation FROM stakemap_server WHERE key = 'incarnation';
               IF incarnation IS DISTINCT FROM here THEN
                 INSERT INTO stakemap_server VALUES ('incarnation', here), ('forked_at',
                   (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM stakemap_version_seq)::text)
                   ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
                 incarnation := here;
               END IF;
             END IF;
             SELECT value INTO server_uid FROM stakemap_server WHERE key = 'server_uid';
             SELECT value::bigint INTO forked_at FROM stakemap_server WHERE key = 'forked_at';
           END $$""",
        f"GRANT EXECUTE ON FUNCTION stakemap_identity() TO {', '.join(GROUP_ROLES)}",
    ]


# The server's own migration history: (revision, statements). A local index or a local-only table never
# appears here, so it never forces a server upgrade.
SERVER_REVISIONS: list[tuple[str, callable]] = [
    ("s0001_initial", revision_1), ("s0002_pruning", revision_2), ("s0003_identity", revision_3)]
SERVER_HEAD = SERVER_REVISIONS[-1][0]
