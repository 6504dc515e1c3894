"""The workspace's methods for our account team: tier templates, roles per account, competency profiles and needs.

Mixed into Workspace, which declares ``account_team_changed``: each change commits, then announces itself with
the kind of row (``team_template``, ``account_role``, ``competency_criterion``, ``competency``,
``competency_need``) and, where it belongs to one, the account.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.document.records import Change
from app.models.repositories import account_team as repo
from app.models.repositories.deletion import DeletionRecord
from app.models.team_entities import CompetencyCriterion
from app.portfolio.team_analysis import TeamInput, team_status

# The tables whose deletion or restore concerns the team panels (a member's or an account's delete cascades).
TEAM_TABLES = ("team_template_role", "account_team_role", "competency_criterion", "competency_rating",
               "account_competency_need")


@dataclass(frozen=True)
class CompetencyCriterionRecord:
    id: int
    code: str | None
    name: str | None
    position: int

    @property
    def key(self) -> str:
        return self.code or self.name or str(self.id)


class AccountTeamMixin:
    # -- tier templates -------------------------------------------------------------------------
    def team_templates(self) -> dict[str, tuple[str, ...]]:
        return self._read(repo.templates)

    def set_team_template(self, tier: str, roles) -> tuple[str, ...]:
        return self._write(lambda s: repo.set_template(s, tier, roles),
                           (self.account_team_changed, Change("team_template")))

    # -- roles per account ----------------------------------------------------------------------
    def account_roles(self, account_id: int) -> dict[int, tuple[str, ...]]:
        return self._read(lambda s: repo.account_roles(s, account_id))

    def set_account_roles(self, account_id: int, member_id: int, roles) -> tuple[str, ...]:
        return self._write(lambda s: repo.set_account_roles(s, account_id, member_id, roles),
                           (self.account_team_changed, Change("account_role", (member_id,), account_id)))

    # -- competency criteria and ratings --------------------------------------------------------
    def competency_criteria(self) -> list[CompetencyCriterionRecord]:
        return self._read(lambda s: [CompetencyCriterionRecord(c.id, c.code, c.name, c.position)
                                     for c in repo.competency_criteria(s)])

    def add_competency_criterion(self, name: str) -> int:
        return self._write(lambda s: repo.add_competency_criterion(s, name).id,
                           (self.account_team_changed, Change("competency_criterion")))

    def update_competency_criterion(self, criterion_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        return self._write(lambda s: repo.update_competency_criterion(s, criterion_id, changes),
                           (self.account_team_changed, Change("competency_criterion", (criterion_id,))))

    def delete_competency_criterion(self, criterion_id: int) -> DeletionRecord:
        return self._delete(CompetencyCriterion, criterion_id)

    def competency(self, member_id: int) -> dict[int, int]:
        return self._read(lambda s: repo.competency_of(s, member_id))

    def all_competency(self) -> dict[int, dict[int, int]]:
        return self._read(repo.all_competency)

    def set_competency(self, member_id: int, criterion_id: int, rating: int | None) -> int | None:
        return self._write(lambda s: repo.set_competency(s, member_id, criterion_id, rating),
                           (self.account_team_changed, Change("competency", (member_id,))))

    def competency_needs(self, account_id: int) -> dict[int, int]:
        return self._read(lambda s: repo.needs_of(s, account_id))

    def set_competency_need(self, account_id: int, criterion_id: int, level: int | None) -> int | None:
        return self._write(lambda s: repo.set_need(s, account_id, criterion_id, level),
                           (self.account_team_changed, Change("competency_need", (criterion_id,), account_id)))

    # -- figures ----------------------------------------------------------------------------------
    def team_input(self, today: dt.date | None = None) -> TeamInput:
        from app.portfolio.team_sql import team_input

        return self._read(lambda s: team_input(s, today))

    def account_team_status(self, account_id: int):
        """The account's expected, filled and missing roles (app.portfolio.team_analysis.AccountTeamStatus)."""
        from app.portfolio.team_sql import account_team_input

        return team_status(self._read(lambda s: account_team_input(s, account_id)))[account_id]
