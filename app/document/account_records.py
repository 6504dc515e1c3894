"""The workspace's methods for an account's needs, interactions, next actions, opportunities and snapshots.

Mixed into Workspace, which declares the signals: each change commits, then announces itself with the
account it belongs to, exactly as the methods for people and links do.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from app.document.map_reading import read_map_data
from app.document.records import (
    ActionRecord,
    Change,
    InteractionRecord,
    MapData,
    NeedRecord,
    OpportunityRecord,
    SnapshotRecord,
    SurveyAnswerRecord,
)
from app.document.snapshots import capture
from app.models import Action, Interaction, Need, Opportunity, Snapshot, SurveyAnswer
from app.models.repositories import account_records as repo
from app.models.repositories import health as health_repo
from app.models.repositories.deletion import DeletionRecord, delete_with_record


def _need(n: Need) -> NeedRecord:
    return NeedRecord(n.id, n.account_id, n.person_id, n.kind, n.description, n.priority, n.status,
                      n.value_proposition)


def _action(a: Action) -> ActionRecord:
    return ActionRecord(a.id, a.account_id, a.title, a.owner_id, a.due_date, a.person_id, a.priority, a.status,
                        a.notes, a.requester_id)


def _opportunity(o: Opportunity, people: list[int]) -> OpportunityRecord:
    return OpportunityRecord(o.id, o.account_id, o.name, o.value, o.currency, o.stage, o.probability,
                             o.expected_close, o.competitors, o.notes, tuple(people))


def _answer(a: SurveyAnswer) -> SurveyAnswerRecord:
    return SurveyAnswerRecord(a.id, a.account_id, a.person_id, a.answered_on, a.recommend, a.satisfaction,
                              a.comment)


def _snapshot(s: Snapshot) -> SnapshotRecord:
    return SnapshotRecord(s.id, s.account_id, s.name, s.taken_at, s.data)


class AccountRecordsMixin:
    # -- needs ----------------------------------------------------------------------------------
    def needs(self, account_id: int) -> list[NeedRecord]:
        return self._read(lambda s: [_need(n) for n in repo.needs_of(s, account_id)])

    def add_need(self, account_id: int, description: str, **fields: Any) -> int:
        need_id = self._write(lambda s: repo.add_need(s, account_id, description, **fields).id)
        self.needs_changed.emit(Change("need", (need_id,), account_id))
        return need_id

    def update_need(self, need_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        def work(s: Session):
            return repo.update_need(s, need_id, changes), s.get(Need, need_id).account_id

        old, account_id = self._write(work)
        self.needs_changed.emit(Change("need", (need_id,), account_id))
        return old

    def delete_need(self, need_id: int) -> DeletionRecord:
        return self._delete(Need, need_id)

    # -- interactions ---------------------------------------------------------------------------
    def interactions(self, account_id: int) -> list[InteractionRecord]:
        def work(s: Session):
            return [InteractionRecord(i.id, i.account_id, i.occurred_at, i.channel, i.summary, i.sentiment,
                                      tuple(parts)) for i, parts in repo.interactions_of(s, account_id)]

        return self._read(work)

    def add_interaction(self, account_id: int, occurred_at: dt.datetime, channel: str,
                        participants: list[tuple[str, int]] = (), **fields: Any) -> int:
        interaction_id = self._write(
            lambda s: repo.add_interaction(s, account_id, occurred_at, channel, participants, **fields).id)
        self.interactions_changed.emit(Change("interaction", (interaction_id,), account_id))
        return interaction_id

    def update_interaction(self, interaction_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        def work(s: Session):
            return repo.update_interaction(s, interaction_id, changes), s.get(Interaction, interaction_id).account_id

        old, account_id = self._write(work)
        self.interactions_changed.emit(Change("interaction", (interaction_id,), account_id))
        return old

    def delete_interaction(self, interaction_id: int) -> DeletionRecord:
        return self._delete(Interaction, interaction_id)

    # -- survey answers (append-only: added and deleted, never edited) --------------------------
    def survey_answers(self, account_id: int) -> list[SurveyAnswerRecord]:
        return self._read(lambda s: [_answer(a) for a in health_repo.answers_of(s, account_id)])

    def add_survey_answer(self, person_id: int, answered_on: dt.date, recommend: int,
                          satisfaction: int | None = None, comment: str | None = None) -> int:
        def work(s: Session) -> tuple[int, int]:
            answer = health_repo.add_answer(s, person_id, answered_on, recommend, satisfaction, comment)
            return answer.id, answer.account_id

        answer_id, account_id = self._write(work)
        self.surveys_changed.emit(Change("survey_answer", (answer_id,), account_id))
        return answer_id

    def delete_survey_answer(self, answer_id: int) -> DeletionRecord:
        return self._delete(SurveyAnswer, answer_id)

    def add_survey_answers(self, answers: list[tuple]) -> tuple[int, ...]:
        """Record many answers — (person id, date, recommend, satisfaction, comment) — in one transaction."""
        def work(s: Session) -> tuple[tuple[int, ...], set[int]]:
            added = [health_repo.add_answer(s, *answer) for answer in answers]
            return tuple(a.id for a in added), {a.account_id for a in added}

        ids, accounts = self._write(work)
        for account_id in accounts:
            self.surveys_changed.emit(Change("survey_answer", ids, account_id))
        return ids

    def delete_survey_answers(self, answer_ids: tuple[int, ...]) -> DeletionRecord:
        record = self._write(lambda s: delete_with_record(s, SurveyAnswer, list(answer_ids)))
        self._announce(record)
        return record

    def health_input(self, data: MapData, today: dt.date | None = None):
        """The history relationship health reads for the map ``data`` (plain values: a HealthInput)."""
        from app.document.health_input import read_health_input

        return self._read(lambda s: read_health_input(s, data, today))

    def overdue_contacts(self, account_id: int, today: dt.date | None = None) -> list:
        """The account's people whose contact cadence is overdue (OverdueContact records), longest first."""
        from app.document.health_input import read_overdue_contacts

        return self._read(lambda s: read_overdue_contacts(s, account_id, today or dt.date.today()))

    # -- contact cadence of each buying role (shared by all accounts) ---------------------------
    def role_cadences(self) -> dict[str, int | None]:
        """The roles whose cadence the user changed from the built-in default (None: no cadence)."""
        return self._read(health_repo.role_cadences)

    def set_role_cadence(self, role: str, days: int | None, reset: bool = False) -> tuple[bool, int | None]:
        """Returns what the role had before, as (changed by the user, days), for undo."""
        old = self._write(lambda s: health_repo.set_role_cadence(s, role, days, reset))
        self.cadences_changed.emit(Change("role_cadence", ()))
        return old

    # -- next actions ---------------------------------------------------------------------------
    def actions(self, account_id: int) -> list[ActionRecord]:
        return self._read(lambda s: [_action(a) for a in repo.actions_of(s, account_id)])

    def add_action(self, account_id: int, title: str, **fields: Any) -> int:
        action_id = self._write(lambda s: repo.add_action(s, account_id, title, **fields).id)
        self.actions_changed.emit(Change("action", (action_id,), account_id))
        return action_id

    def update_action(self, action_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        def work(s: Session):
            return repo.update_action(s, action_id, changes), s.get(Action, action_id).account_id

        old, account_id = self._write(work)
        self.actions_changed.emit(Change("action", (action_id,), account_id))
        return old

    def delete_action(self, action_id: int) -> DeletionRecord:
        return self._delete(Action, action_id)

    # -- opportunities --------------------------------------------------------------------------
    def opportunities(self, account_id: int) -> list[OpportunityRecord]:
        return self._read(lambda s: [_opportunity(o, repo.opportunity_people(s, o.id))
                                     for o in repo.opportunities_of(s, account_id)])

    def add_opportunity(self, account_id: int, name: str, **fields: Any) -> int:
        opportunity_id = self._write(lambda s: repo.add_opportunity(s, account_id, name, **fields).id)
        self.opportunities_changed.emit(Change("opportunity", (opportunity_id,), account_id))
        return opportunity_id

    def update_opportunity(self, opportunity_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        def work(s: Session):
            return repo.update_opportunity(s, opportunity_id, changes), s.get(Opportunity, opportunity_id).account_id

        old, account_id = self._write(work)
        self.opportunities_changed.emit(Change("opportunity", (opportunity_id,), account_id))
        return old

    def delete_opportunity(self, opportunity_id: int) -> DeletionRecord:
        return self._delete(Opportunity, opportunity_id)

    # -- snapshots ------------------------------------------------------------------------------
    def snapshots(self, account_id: int) -> list[SnapshotRecord]:
        return self._read(lambda s: [_snapshot(x) for x in repo.snapshots_of(s, account_id)])

    def snapshot(self, snapshot_id: int) -> SnapshotRecord:
        return self._read(lambda s: _snapshot(repo.get_snapshot(s, snapshot_id)))

    def current_map_state(self, account_id: int) -> dict:
        """The map as a snapshot would keep it, now (for comparing a snapshot with now)."""
        return self._read(lambda s: capture(read_map_data(s, account_id)))

    def take_snapshot(self, account_id: int, name: str, taken_at: dt.datetime | None = None) -> int:
        when = taken_at or dt.datetime.now().replace(microsecond=0)

        def work(s: Session) -> int:
            return repo.add_snapshot(s, account_id, name, when, capture(read_map_data(s, account_id))).id

        snapshot_id = self._write(work)
        self.snapshots_changed.emit(Change("snapshot", (snapshot_id,), account_id))
        return snapshot_id

    def delete_snapshot(self, snapshot_id: int) -> DeletionRecord:
        return self._delete(Snapshot, snapshot_id)
