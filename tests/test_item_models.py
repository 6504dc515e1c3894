"""The item models of the panels, on the demo data: Qt's model checks, then what a user sees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from sqlalchemy import func, select

from app.commands import edits, perform
from app.demo import DEMO_ACCOUNT_NAMES
from app.demo import bank as demo_bank
from app.models.entities import Link
from app.views.account_list_model import AccountFilterProxy, AccountListModel
from app.views.links_model import LinksModel
from app.views.people_model import ARCHIVED_ROLE, PeopleModel, TeamModel
from app.views.people_model import ID_ROLE as PERSON_ID_ROLE
from app.views.qualification_model import ID_ROLE as CRITERION_ID_ROLE
from app.views.qualification_model import QualificationModel

HENGYUE, BANK, HERUN = DEMO_ACCOUNT_NAMES
DISPLAY = Qt.ItemDataRole.DisplayRole



@pytest.fixture
def bank_id(demo) -> int:
    return demo.account_id_by_name(BANK)


@pytest.fixture
def accounts(demo):
    model = AccountListModel()
    model.attach(demo)
    return model


@pytest.fixture
def proxy(accounts):
    proxy = AccountFilterProxy()
    proxy.setSourceModel(accounts)
    return proxy


def _column(model, column: int = 0, role=DISPLAY) -> list:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def _table(model) -> list[list]:
    return [[model.index(r, c).data(DISPLAY) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _member_id(ws, name: str) -> int:
    return next(m.id for m in ws.members() if m.name == name)


# -- Qt's own checks -----------------------------------------------------------------------------
def test_account_list_model_passes_model_tester(qtmodeltester, accounts):
    assert accounts.rowCount() == 3
    qtmodeltester.check(accounts)


def test_account_filter_proxy_passes_model_tester(qtmodeltester, proxy):
    proxy.set_search("华东")
    proxy.set_tier("key")
    assert _column(proxy) == [BANK]
    qtmodeltester.check(proxy)


@pytest.mark.parametrize("model_class", [PeopleModel, TeamModel, LinksModel, QualificationModel])
def test_account_models_pass_model_tester(qtmodeltester, demo, bank_id, model_class):
    model = model_class(demo)
    model.set_account(bank_id)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_people_model_with_archived_passes_model_tester(qtmodeltester, demo, bank_id):
    model = PeopleModel(demo)
    model.set_account(bank_id)
    model.set_include_archived(True)
    qtmodeltester.check(model)


# -- the account list ----------------------------------------------------------------------------
def test_account_list_shows_counts(accounts):
    rows = {r[0]: r for r in _table(accounts)}
    active = len(demo_bank.PEOPLE) - len(demo_bank.ARCHIVED)
    assert rows[BANK][AccountListModel.PEOPLE] == active
    assert rows[BANK][AccountListModel.TEAM] == len(demo_bank.TEAM)
    assert rows[BANK][AccountListModel.OWNER] == "陈思远"
    assert rows[BANK][AccountListModel.INDUSTRY] == "银行（城市商业银行）"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hengyue", {HENGYUE}),
        ("HENGYUE heavy", {HENGYUE}),
        ("  Dongchao  ", {BANK}),
        ("commercial", {BANK}),
        ("银行", {BANK}),
        ("超市", {HERUN}),
        ("华东", {HENGYUE, BANK}),  # region
        ("林晓", {HERUN}),  # owner
        ("工程机械", {HENGYUE}),  # industry
        ("nothing like this", set()),
        ("", {HENGYUE, BANK, HERUN}),
    ],
)
def test_search_matches_part_of_a_name_case_insensitively(proxy, text, expected):
    proxy.set_search(text)
    assert set(_column(proxy)) == expected


def test_tier_industry_and_owner_filters(demo, proxy):
    chen, lin = _member_id(demo, "陈思远"), _member_id(demo, "林晓")
    proxy.set_tier("strategic")
    assert _column(proxy) == [HENGYUE]
    proxy.set_tier("growth")
    assert _column(proxy) == [HERUN]
    proxy.set_tier("maintain")
    assert _column(proxy) == []
    proxy.set_tier(None)

    proxy.set_industry("银行（城市商业银行）")
    assert _column(proxy) == [BANK]
    proxy.set_industry("")
    assert proxy.rowCount() == 3

    proxy.set_owner(chen)
    assert set(_column(proxy)) == {HENGYUE, BANK}
    proxy.set_tier("key")  # filters combine
    assert _column(proxy) == [BANK]
    proxy.set_search("hengyue")
    assert _column(proxy) == []
    proxy.set_search("")
    proxy.set_tier(None)
    proxy.set_owner(lin)
    assert _column(proxy) == [HERUN]
    proxy.set_owner(None)
    assert set(_column(proxy)) == {HENGYUE, BANK, HERUN}


def test_proxy_follows_the_workspace(demo, proxy):
    proxy.set_search("gamma")
    assert proxy.rowCount() == 0
    stack = QUndoStack()
    perform(stack, edits.add_account(demo, "Gamma 物流", tier="growth"))
    assert _column(proxy) == ["Gamma 物流"]
    stack.undo()
    assert proxy.rowCount() == 0


def test_account_list_counts_follow_edits(demo, accounts, bank_id):
    stack = QUndoStack()

    def people_shown() -> int:
        return accounts.index(accounts.row_of(bank_id), AccountListModel.PEOPLE).data()

    n = people_shown()
    perform(stack, edits.add_person(demo, bank_id, "新人"))
    assert people_shown() == n + 1
    stack.undo()
    assert people_shown() == n


# -- people and team -----------------------------------------------------------------------------
def test_people_model_hides_archived_unless_asked(demo, bank_id):
    active = {p[1] for p in demo_bank.PEOPLE if p[0] not in demo_bank.ARCHIVED}
    archived = {p[1] for p in demo_bank.PEOPLE if p[0] in demo_bank.ARCHIVED}
    assert archived == {"雷鸣"}
    model = PeopleModel(demo)
    model.set_account(bank_id)
    assert set(_column(model)) == active
    assert not any(_column(model, role=ARCHIVED_ROLE))

    model.set_include_archived(True)
    assert model.rowCount() == len(demo_bank.PEOPLE)
    ids = _column(model, role=PERSON_ID_ROLE)
    flagged = {demo.person(pid).name for pid, flag in zip(ids, _column(model, role=ARCHIVED_ROLE), strict=True) if flag}
    assert flagged == archived
    row = model.row_of(next(pid for pid in ids if demo.person(pid).name == "雷鸣"))
    assert model.index(row, PeopleModel.NAME).data().startswith("雷鸣")
    assert model.index(row, PeopleModel.NAME).data() != "雷鸣"  # marked as archived
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).italic()

    model.set_include_archived(False)
    assert set(_column(model)) == active


def test_people_model_follows_add_undo_and_archive(demo, bank_id):
    model = PeopleModel(demo)
    model.set_account(bank_id)
    stack = QUndoStack()
    n = model.rowCount()
    pid = perform(stack, edits.add_person(demo, bank_id, "新人", title="分析师")).ident
    assert model.rowCount() == n + 1
    assert model.index(model.row_of(pid), PeopleModel.TITLE).data() == "分析师"
    stack.undo()
    assert model.rowCount() == n
    assert model.row_of(pid) is None
    stack.redo()
    assert model.rowCount() == n + 1

    perform(stack, edits.edit_person(demo, pid, {"archived": True}))
    assert model.rowCount() == n
    stack.undo()
    assert model.rowCount() == n + 1


def test_people_model_ignores_other_accounts(demo, bank_id):
    model = PeopleModel(demo)
    model.set_account(bank_id)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    before = _table(model)
    demo.add_person(demo.account_id_by_name(HERUN), "别处的人")
    assert resets == []
    assert _table(model) == before


def test_people_model_empties_when_its_account_is_deleted(demo, bank_id):
    model = PeopleModel(demo)
    model.set_account(bank_id)
    stack = QUndoStack()
    perform(stack, edits.delete_account(demo, bank_id))
    assert model.rowCount() == 0


def test_team_model_follows_assign_and_unassign(demo, bank_id):
    model = TeamModel(demo)
    model.set_account(bank_id)
    assert set(_column(model)) == set(demo_bank.TEAM)
    stack = QUndoStack()
    perform(stack, edits.AssignMemberCommand(demo, bank_id, _member_id(demo, "林晓")))
    assert set(_column(model)) == set(demo_bank.TEAM) | {"林晓"}
    stack.undo()
    assert set(_column(model)) == set(demo_bank.TEAM)
    perform(stack, edits.AssignMemberCommand(demo, bank_id, _member_id(demo, "何静"), assign=False))
    assert set(_column(model)) == set(demo_bank.TEAM) - {"何静"}
    stack.undo()
    assert set(_column(model)) == set(demo_bank.TEAM)


# -- links ---------------------------------------------------------------------------------------
def test_links_model_shows_every_link_with_both_ends_named(demo, bank_id):
    model = LinksModel(demo)
    model.set_account(bank_id)
    with demo.database.sessionmaker() as s:
        expected = s.scalar(select(func.count()).select_from(Link).where(Link.account_id == bank_id))
    assert model.rowCount() == expected
    for row in _table(model):
        assert "?" not in (row[LinksModel.SOURCE], row[LinksModel.TARGET]), row


def test_links_model_follows_person_deletion_and_undo(demo, bank_id):
    model = LinksModel(demo)
    model.set_account(bank_id)
    before = _table(model)
    han = next(p.id for p in demo.people(bank_id) if p.name == "韩志刚")
    stack = QUndoStack()
    perform(stack, edits.delete_person(demo, han))
    assert model.rowCount() < len(before)
    assert all("韩志刚" not in (r[LinksModel.SOURCE], r[LinksModel.TARGET]) for r in _table(model))
    stack.undo()
    assert _table(model) == before


# -- qualification -------------------------------------------------------------------------------
def test_qualification_model_shows_ratings_and_score(demo, bank_id):
    model = QualificationModel(demo)
    model.set_account(bank_id)
    assert model.rowCount() == 5
    ratings = dict(
        zip(_column(model, QualificationModel.CRITERION), _column(model, QualificationModel.RATING), strict=True)
    )
    assert sorted(ratings.values()) == sorted(str(v) for v in demo_bank.RATINGS.values())
    # weights 25/20/25/15/15, ratings budget 3, authority 2, need 4, timeline 3, strategic fit 5
    assert model.score() == round(100 * (25 * 3 + 20 * 2 + 25 * 4 + 15 * 3 + 15 * 5) / (100 * 5), 1)


@pytest.mark.parametrize(
    ("column", "value", "field", "sent"),
    [
        (QualificationModel.RATING, 1, "rating", 1),
        (QualificationModel.RATING, "0", "rating", 0),
        (QualificationModel.WEIGHT, 33.5, "weight", 33.5),
        (QualificationModel.CRITERION, "  资金预算  ", "name", "资金预算"),
    ],
)
def test_qualification_set_data_asks_instead_of_editing(demo, bank_id, column, value, field, sent):
    model = QualificationModel(demo)
    model.set_account(bank_id)
    asked = []
    model.edit_requested.connect(lambda *args: asked.append(args))
    before = _table(model)
    stored = (demo.criteria(), demo.account(bank_id).ratings)
    row = 0
    criterion = model.index(row, 0).data(CRITERION_ID_ROLE)
    assert model.setData(model.index(row, column), value, Qt.ItemDataRole.EditRole) is True
    assert asked == [(criterion, field, sent)]
    assert _table(model) == before  # its rows change only when the workspace says so
    assert (demo.criteria(), demo.account(bank_id).ratings) == stored


def test_qualification_set_data_refuses_no_change_and_bad_values(demo, bank_id):
    model = QualificationModel(demo)
    model.set_account(bank_id)
    asked = []
    model.edit_requested.connect(lambda *args: asked.append(args))
    rating = model.index(0, QualificationModel.RATING)
    weight = model.index(0, QualificationModel.WEIGHT)
    name = model.index(0, QualificationModel.CRITERION)
    assert model.setData(rating, int(rating.data()), Qt.ItemDataRole.EditRole) is False  # the same rating
    assert model.setData(rating, 6, Qt.ItemDataRole.EditRole) is False
    assert model.setData(rating, -1, Qt.ItemDataRole.EditRole) is False
    assert model.setData(weight, -5, Qt.ItemDataRole.EditRole) is False
    assert model.setData(weight, weight.data(Qt.ItemDataRole.EditRole), Qt.ItemDataRole.EditRole) is False
    assert model.setData(name, "   ", Qt.ItemDataRole.EditRole) is False
    assert model.setData(name, name.data(), Qt.ItemDataRole.EditRole) is False
    assert model.setData(rating, 1, Qt.ItemDataRole.DisplayRole) is False
    assert model.setData(QModelIndex(), 1, Qt.ItemDataRole.EditRole) is False
    assert asked == []


def test_qualification_request_performed_as_command_refreshes_the_model(demo, bank_id):
    """The round trip the account page makes: edit_requested → command → workspace signal → new rows."""
    model = QualificationModel(demo)
    model.set_account(bank_id)
    stack = QUndoStack()
    model.edit_requested.connect(
        lambda cid, _field, value: perform(stack, edits.SetRatingCommand(demo, bank_id, cid, value, "x"))
    )
    index = model.index(0, QualificationModel.RATING)
    old = index.data()
    new = 0 if old != "0" else 1
    model.setData(index, new, Qt.ItemDataRole.EditRole)
    assert model.index(0, QualificationModel.RATING).data() == str(new)
    stack.undo()
    assert model.index(0, QualificationModel.RATING).data() == old


def test_rating_column_is_read_only_without_an_account(demo):
    model = QualificationModel(demo)
    model.set_account(None)
    assert model.rowCount() == 5
    flags = model.flags(model.index(0, QualificationModel.RATING))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, QualificationModel.WEIGHT)) & Qt.ItemFlag.ItemIsEditable
