"""Entities, and repository functions over them. No Qt here."""

from app.models.base import Base
from app.models.entities import (
    Account,
    AccountTeam,
    Action,
    Interaction,
    InteractionParticipant,
    Link,
    Need,
    Opportunity,
    OpportunityPerson,
    Person,
    QualificationCriterion,
    QualificationRating,
    RoleCadence,
    Snapshot,
    SurveyAnswer,
    TeamMember,
)
from app.models.team_entities import (
    AccountCompetencyNeed,
    AccountTeamRole,
    CompetencyCriterion,
    CompetencyRating,
    TeamTemplateRole,
)

__all__ = [
    "Base",
    "Account",
    "AccountTeam",
    "Action",
    "Interaction",
    "InteractionParticipant",
    "Link",
    "Need",
    "Opportunity",
    "OpportunityPerson",
    "Person",
    "QualificationCriterion",
    "QualificationRating",
    "RoleCadence",
    "Snapshot",
    "SurveyAnswer",
    "TeamMember",
    "AccountCompetencyNeed",
    "AccountTeamRole",
    "CompetencyCriterion",
    "CompetencyRating",
    "TeamTemplateRole",
]
