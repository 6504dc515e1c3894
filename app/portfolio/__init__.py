"""The executive dashboard's numbers over every key account: coverage, risk and activity (no Qt)."""

from app.portfolio.coverage_table import (
    ROLE_COLUMNS,
    AccountRow,
    RoleCell,
    coverage_json,
    interactions_per_month,
    portfolio,
    role_coverage,
)
from app.portfolio.structure import CutPoint, StructuralRisk, structural_risk

__all__ = [
    "ROLE_COLUMNS",
    "AccountRow",
    "CutPoint",
    "RoleCell",
    "StructuralRisk",
    "coverage_json",
    "interactions_per_month",
    "portfolio",
    "role_coverage",
    "structural_risk",
]
