"""The field-by-field merge of one row against its shadow (TEAM.md's merge table). Pure: values in, values out.

Rows are dicts of canonical values keyed by the server's column names. ``base`` is the shadow (the values
both sides last agreed on), ``mine`` the file's row, ``theirs`` the server's.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models.sync_rules import LATEST
from app.sync.tables import TableInfo


@dataclass(frozen=True)
class FieldConflict:
    field: str
    theirs: object
    mine: object
    base: object


def merge_row(info: TableInfo, base: dict | None, mine: dict, theirs: dict, *, mine_edited_at: str | None = None,
              theirs_changed_at: str | None = None) -> tuple[dict, list[FieldConflict]]:
    """The merged row (what both sides hold afterwards) and the fields that conflict.

    - a field changed on one side only: that side's value;
    - both sides set the same value: nothing to do;
    - ``latest`` fields (map positions, stamps): the later edit wins, never a conflict;
    - scalar and long-text fields changed differently: the server's value stays live and ours is listed.
    Without a shadow (two replicas made the same row), every difference counts as our change.
    """
    merged: dict = {"uid": theirs.get("uid", mine.get("uid")),
                    "account_uid": theirs.get("account_uid", mine.get("account_uid"))}
    conflicts: list[FieldConflict] = []
    base = base if base is not None else theirs
    for column in info.columns:
        f = column.server
        if f == "account_uid":
            continue
        m, t, b = mine.get(f), theirs.get(f), base.get(f)
        if m == t or m == b:
            merged[f] = t
        elif t == b:
            merged[f] = m
        elif info.rule.field_rule(column.local) == LATEST:
            mine_later = (mine_edited_at or "") >= (theirs_changed_at or "")
            merged[f] = m if mine_later else t
        else:
            merged[f] = t
            conflicts.append(FieldConflict(f, t, m, b))
    return merged, conflicts
