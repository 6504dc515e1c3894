"""The field-by-field merge against the shadow, rule by rule (TEAM.md's merge table), without a server."""

from __future__ import annotations

from app.sync.merge import merge_row
from app.sync.tables import sync_tables

PERSON = sync_tables()["person"]
PARTICIPANT = sync_tables()["interaction_participant"]
BASE = {"uid": "p1", "account_uid": "a1", "name": "张伟", "title": "CIO", "stance": "neutral", "notes": "old",
        "x": 10.0, "y": 20.0, "influence": 3}


def merged(mine_changes, theirs_changes, *, mine_at="2026-12-01T10:00:00", theirs_at="2026-12-01T09:00:00",
           info=PERSON, base=BASE):
    return merge_row(info, dict(base), {**base, **mine_changes}, {**base, **theirs_changes},
                     mine_edited_at=mine_at, theirs_changed_at=theirs_at)


def test_a_field_changed_on_one_side_only_is_taken():
    row, conflicts = merged({"title": "CTO"}, {"stance": "supporter"})
    assert (row["title"], row["stance"], conflicts) == ("CTO", "supporter", [])


def test_the_same_value_on_both_sides_is_nothing_to_do():
    row, conflicts = merged({"title": "CTO"}, {"title": "CTO"})
    assert (row["title"], conflicts) == ("CTO", [])


def test_scalar_fields_changed_differently_conflict_and_the_server_value_stays_live():
    row, conflicts = merged({"stance": "advocate", "influence": 5}, {"stance": "skeptic", "influence": 5})
    assert row["stance"] == "skeptic" and row["influence"] == 5
    [c] = conflicts
    assert (c.field, c.theirs, c.mine, c.base) == ("stance", "skeptic", "advocate", "neutral")


def test_long_text_changed_differently_keeps_both_texts():
    row, [c] = merged({"notes": "mine"}, {"notes": "theirs"})
    assert row["notes"] == "theirs" and (c.mine, c.theirs) == ("mine", "theirs")


def test_map_positions_take_the_latest_edit_and_never_conflict():
    row, conflicts = merged({"x": 1.0}, {"x": 2.0}, mine_at="2026-12-01T10:00:00", theirs_at="2026-12-01T09:00:00")
    assert (row["x"], conflicts) == (1.0, [])
    row, conflicts = merged({"x": 1.0}, {"x": 2.0}, mine_at="2026-12-01T08:00:00", theirs_at="2026-12-01T09:00:00")
    assert (row["x"], conflicts) == (2.0, [])


def test_append_only_rows_never_conflict():
    base = {"uid": "ip1", "account_uid": "a1", "interaction_uid": "i1", "person_uid": "p1", "member_uid": None}
    row, conflicts = merged({"person_uid": "p2"}, {"person_uid": "p3"}, info=PARTICIPANT, base=base)
    assert (row["person_uid"], conflicts) == ("p2", [])


def test_without_a_shadow_every_difference_is_ours():
    row, conflicts = merge_row(PERSON, None, {**BASE, "title": "CTO"}, dict(BASE))
    assert (row["title"], conflicts) == ("CTO", [])
