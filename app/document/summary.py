"""One line of the account list. Kept apart from the other records because the window shows the list
before anything else loads, and a plain tuple type costs next to nothing to import."""

from __future__ import annotations

from typing import NamedTuple


class AccountSummary(NamedTuple):
    id: int
    name: str
    tier: str | None
    industry: str | None
    region: str | None
    owner_id: int | None
    owner_name: str | None
    people: int
    team_members: int
