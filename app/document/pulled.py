"""Rows a sync wrote into the file, announced as the workspace announces a local edit.

The sync engine writes pulled (and merged) rows with its own connection and reports them by table, uid and
account uid. Here they become the workspace's own signals with local ids and account scopes, so the map and
every panel redraw a teammate's change exactly as they redraw an undo.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import text

from app.document.records import Change

if TYPE_CHECKING:
    from app.document.workspace import Workspace

# Past this many rows (a join, a long time offline) every view simply reloads.
RELOAD_ABOVE = 2000

_RECORD_SIGNALS = {"need": "needs_changed", "interaction": "interactions_changed", "action": "actions_changed",
                   "opportunity": "opportunities_changed", "snapshot": "snapshots_changed",
                   "survey_answer": "surveys_changed"}
_PARENT_SIGNALS = {"interaction_participant": ("interactions_changed", "interaction"),
                   "opportunity_person": ("opportunities_changed", "opportunity")}
_TEAM_TABLES = ("competency_criterion", "competency_rating", "account_competency_need", "team_template_role",
                "account_team_role")

Key = tuple[str, int]


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


class _Reader:
    """uid → local id lookups of the announced rows, in one read session."""

    def __init__(self, session) -> None:
        self.session = session

    def ids(self, table: str, uids: list[str], columns: str = "id") -> dict[str, tuple]:
        found: dict[str, tuple] = {}
        for chunk in _chunks(uids):
            marks = ",".join(f":u{i}" for i in range(len(chunk)))
            rows = self.session.execute(text(f"SELECT uid, {columns} FROM {table} WHERE uid IN ({marks})"),
                                        {f"u{i}": u for i, u in enumerate(chunk)})
            found.update({r[0]: tuple(r[1:]) for r in rows})
        return found


def announce_pulled(workspace: Workspace, rows: list[tuple[str, str, str | None, bool]]) -> set[Key]:
    """Emit the signals of a local edit for ``rows`` ((table, uid, account uid, deleted) from a sync's
    ``SyncResult.changed``); returns the map cards that changed, ("person" | "member", id)."""
    if not rows:
        return set()
    if len(rows) > RELOAD_ABOVE:
        _reload_everything(workspace)
        return set()
    by_table: dict[str, list[tuple[str, str | None, bool]]] = defaultdict(list)
    for table, uid, account_uid, deleted in rows:
        by_table[table].append((uid, account_uid, deleted))
    with workspace.database.read_session() as session:
        reader = _Reader(session)
        account_uids = sorted({a for _t, _u, a, _d in rows if a})
        accounts = {uid: ids[0] for uid, ids in reader.ids("account", account_uids).items()}
        found = {table: reader.ids(table, [u for u, _a, d in entries if not d], _columns(table))
                 for table, entries in by_table.items()}
    return _emit(workspace, by_table, found, accounts)


def _columns(table: str) -> str:
    if table == "person":
        return "id, x, y"
    if table == "account_team":
        return "member_id, x, y"
    if table in ("account_team_role", "competency_rating", "role_cadence", "team_template_role",
                 "account_competency_need", "qualification_rating", "opportunity_person"):
        return "1"
    return "id"


def _emit(workspace: Workspace, by_table: dict, found: dict, accounts: dict[str, int]) -> set[Key]:
    cards: set[Key] = set()
    touched_accounts: set[int | None] = set()

    def grouped(table: str) -> dict[int | None, tuple[list, bool]]:
        """Per local account id: the local ids (first column) of the rows still here, and whether any went."""
        out: dict[int | None, tuple[list, bool]] = {}
        for uid, account_uid, deleted in by_table.get(table, ()):
            account = accounts.get(account_uid) if account_uid else None
            ids, gone = out.get(account, ([], False))
            local = found[table].get(uid)
            if deleted or local is None:
                gone = True
            else:
                ids.append(local[0])
            out[account] = (ids, gone)
        return out

    def each(table: str, signal_name: str, kind: str) -> None:
        signal = getattr(workspace, signal_name)
        for account, (ids, gone) in grouped(table).items():
            signal.emit(Change(kind, () if gone else tuple(sorted(set(ids))), account))
            touched_accounts.add(account)

    if "account" in by_table:
        ids = [found["account"][u][0] for u, _a, d in by_table["account"] if not d and u in found["account"]]
        gone = any(d or u not in found["account"] for u, _a, d in by_table["account"])
        workspace.accounts_changed.emit(Change("account", () if gone else tuple(sorted(ids))))
    if "team_member" in by_table:
        for account, (ids, _gone) in grouped("team_member").items():
            workspace.team_changed.emit(Change("member", tuple(sorted(ids)), account))
            cards.update(("member", i) for i in ids)
        touched_accounts.add(None)
    if "account_team" in by_table:
        each("account_team", "team_changed", "member")
        _move_cards(workspace, "member", by_table["account_team"], found["account_team"], accounts, cards)
    if "person" in by_table:
        each("person", "people_changed", "person")
        _move_cards(workspace, "person", by_table["person"], found["person"], accounts, cards)
    if "link" in by_table:
        each("link", "links_changed", "link")
    for table, signal_name in _RECORD_SIGNALS.items():
        if table in by_table:
            each(table, signal_name, table)
    for table, (signal_name, kind) in _PARENT_SIGNALS.items():
        if table in by_table:
            for account in {accounts.get(a) if a else None for _u, a, _d in by_table[table]}:
                getattr(workspace, signal_name).emit(Change(kind, (), account))
    if "qualification_criterion" in by_table:
        workspace.qualification_changed.emit(Change("criterion", ()))
    if "qualification_rating" in by_table:
        for account in {accounts.get(a) if a else None for _u, a, _d in by_table["qualification_rating"]}:
            workspace.qualification_changed.emit(Change("rating", (), account))
    team_tables = [t for t in _TEAM_TABLES if t in by_table]
    if team_tables:
        scopes = {accounts.get(a) if a else None for t in team_tables for _u, a, _d in by_table[t]}
        workspace.account_team_changed.emit(Change(team_tables[0], (), next(iter(scopes)) if len(scopes) == 1
                                                   else None))
    if "role_cadence" in by_table:
        workspace.cadences_changed.emit(Change("role_cadence", ()))
    if "account" not in by_table:
        # The account list counts people and team members and shows each account's owner.
        scoped = sorted(a for a in touched_accounts if a is not None)
        if scoped or None in touched_accounts:
            workspace.accounts_changed.emit(Change("account", tuple(scoped) if None not in touched_accounts
                                                   else (), scoped[0] if len(scoped) == 1 else None))
    return cards


def _move_cards(workspace: Workspace, kind: str, entries: list, found: dict, accounts: dict[str, int],
                cards: set[Key]) -> None:
    """Cards a teammate moved go where they put them (positions travel with the person or team row)."""
    moved: dict[int | None, dict[Key, tuple]] = defaultdict(dict)
    for uid, account_uid, deleted in entries:
        local = found.get(uid)
        if deleted or local is None:
            continue
        key = (kind, local[0])
        cards.add(key)
        moved[accounts.get(account_uid) if account_uid else None][key] = (local[1], local[2])
    for account, data in moved.items():
        if account is not None:
            workspace.positions_changed.emit(Change("positions", tuple(k[1] for k in data), account, data=data))


def _reload_everything(workspace: Workspace) -> None:
    workspace.accounts_changed.emit(Change("account", ()))
    for signal, kind in ((workspace.people_changed, "person"), (workspace.team_changed, "member"),
                         (workspace.links_changed, "link"), (workspace.needs_changed, "need"),
                         (workspace.interactions_changed, "interaction"), (workspace.actions_changed, "action"),
                         (workspace.opportunities_changed, "opportunity"), (workspace.snapshots_changed, "snapshot"),
                         (workspace.surveys_changed, "survey_answer"),
                         (workspace.qualification_changed, "criterion"),
                         (workspace.account_team_changed, "account_team_role"),
                         (workspace.cadences_changed, "role_cadence")):
        signal.emit(Change(kind, ()))
