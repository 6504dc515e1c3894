"""How a table behaves when team mode merges two copies of it, declared once beside each entity.

An entity names its rule in ``__sync__``; the sync layer (triggers, merge, row-level policies) reads the
declarations with `sync_rules()` instead of keeping lists of its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SyncRule:
    """``append_only``: rows are only ever added or deleted whole, never edited, so copies merge by union.
    ``account_column``: the column that says which account a row belongs to (None: shared by all accounts)."""

    append_only: bool = False
    account_column: str | None = "account_id"


def sync_rules() -> dict[str, SyncRule]:
    """Table name → declared rule, for every entity that declares one."""
    from app.models.base import Base

    return {mapper.local_table.name: mapper.class_.__sync__ for mapper in Base.registry.mappers
            if isinstance(getattr(mapper.class_, "__sync__", None), SyncRule)}
