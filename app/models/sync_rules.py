"""How each table behaves in team mode, declared once beside its entity as ``__sync__``.

The change capture, the merge and the access policies of team mode read these declarations; a table without
one is not synchronised yet. Kept free of any sync machinery: it only says what the table is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Merge rules of a field.
LAST_WRITER = "last_writer"  # the later edit of the field wins, field by field
PRESENCE = "presence"  # the row has no fields to merge: it is there (added) or not (removed)

# Who may write the rows.
ANYONE = "anyone"  # every member of the team
MANAGERS = "managers"  # managers only, in team mode too


@dataclass(frozen=True)
class SyncRule:
    """``scope`` "account": each row belongs to the account in ``account_column`` (shared with whoever works
    it); "shared": rows belong to the whole team (members, templates, criteria)."""

    scope: str
    account_column: str | None = None
    merge: str = LAST_WRITER  # the rule of every field not named in ``fields``
    fields: dict[str, str] = field(default_factory=dict)
    append_only: bool = False
    edited_by: str = ANYONE

    def __post_init__(self) -> None:
        if self.scope not in ("account", "shared"):
            raise ValueError(f"unknown sync scope {self.scope!r}")
        if (self.scope == "account") != (self.account_column is not None):
            raise ValueError("an account-scoped table names its account column, a shared one does not")
        if self.edited_by not in (ANYONE, MANAGERS):
            raise ValueError(f"unknown editor {self.edited_by!r}")
