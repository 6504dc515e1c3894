"""The dashboard's numbers read once, as one value that the window, the XLSX and the PDF all take.

Reading everything in one go gives every export the same `today` and the same moment of the database, so the
workbook, the PDF and the window agree with each other; the value holds no session and can go to a worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from app.portfolio.coverage_table import (
    AccountRow,
    RoleCell,
    interactions_per_month,
    portfolio,
    role_coverage,
)
from app.portfolio.structure import StructuralRisk, structural_risk

QUIET_DAYS = 90  # an account nobody has talked to for this long has gone quiet
DECIDING_ROLES = ("economic_buyer", "decision_maker")

# A role's cell on an account: everyone in it covered, some, none, or nobody in the role on the map.
CELL_STATES = ("all", "some", "none", "nobody")
# Fills of those states, as hex RGB. The cell's text ("1/2") says the same, for print in black and white and
# for readers who do not tell red from green.
CELL_COLOURS = {"all": "#c6efce", "some": "#ffeb9c", "none": "#ffc7ce", "nobody": "#e7e6e6"}


@dataclass(frozen=True)
class PortfolioData:
    """Everything the dashboard shows, as of `today`; `roles` is keyed by account id, then by ROLE_COLUMNS."""

    today: dt.date
    rows: list[AccountRow]
    roles: dict[int, dict[str, RoleCell]]
    risks: list[StructuralRisk]
    months: list[tuple[dt.date, int]]


@dataclass(frozen=True)
class PortfolioSummary:
    accounts: int
    single_threaded: int
    uncovered_deciders: int  # accounts with an economic buyer or decision-maker we do not know well enough
    quiet: int  # accounts without contact for QUIET_DAYS or more, or never contacted
    overdue_actions: int  # over all accounts


def read_portfolio(session: Session, today: dt.date | None = None) -> PortfolioData:
    """The dashboard's rows, role cells, structural risks and the last twelve months of interactions."""
    today = today or dt.date.today()
    return PortfolioData(
        today=today,
        rows=portfolio(session, today),
        roles=role_coverage(session),
        risks=structural_risk(session),
        months=interactions_per_month(session, 12, today),
    )


def summarise(data: PortfolioData) -> PortfolioSummary:
    """The counts of the headline: how many accounts are exposed in each way."""

    def uncovered(account_id: int) -> bool:
        cells = data.roles.get(account_id, {})
        return any(cell.covered < cell.people for role, cell in cells.items() if role in DECIDING_ROLES)

    return PortfolioSummary(
        accounts=len(data.rows),
        single_threaded=sum(1 for row in data.rows if row.single_threaded),
        uncovered_deciders=sum(1 for row in data.rows if uncovered(row.account_id)),
        quiet=sum(1 for row in data.rows if is_quiet(row)),
        overdue_actions=sum(row.overdue_actions for row in data.rows),
    )


def is_quiet(row: AccountRow) -> bool:
    days = row.days_since_last_interaction
    return days is None or days >= QUIET_DAYS


def cell_state(cell: RoleCell) -> str:
    """One of CELL_STATES."""
    if cell.people == 0:
        return "nobody"
    if cell.covered >= cell.people:
        return "all"
    return "some" if cell.covered else "none"


def cell_text(cell: RoleCell, nobody: str) -> str:
    """"covered/people", e.g. "1/2"; `nobody` when no one on the map holds the role."""
    return nobody if cell.people == 0 else f"{cell.covered}/{cell.people}"


def currencies(rows: list[AccountRow]) -> list[str]:
    """The currencies of every open pipeline, sorted."""
    return sorted({currency for row in rows for currency in row.pipeline})


def pipeline_text(pipeline: dict[str, Decimal]) -> str:
    """"CNY 1,200,000; USD 50,000": whole units, since cents only clutter an overview."""
    return "; ".join(f"{currency} {value:,.0f}" for currency, value in sorted(pipeline.items()))
