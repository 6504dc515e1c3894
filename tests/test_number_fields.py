"""Numbers as people type them: understood when they mean a number, refused out loud when they cannot be
stored — never silently kept as something else."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog

from app.demo import DEMO_ACCOUNT_NAMES
from app.i18n.numbers import NumberRefused, parse_number
from app.ui.common.number_field import NumberField
from tests.test_main_window import account_id, demo_db, dialogs, start, stop  # noqa: F401

BIG = 10**15


@pytest.mark.parametrize(("text", "expected"), [
    ("1,500,000", 1_500_000), ("1 500 000", 1_500_000), ("1.5e9", 1_500_000_000), ("3000万", 30_000_000),
    ("1.2亿", 120_000_000), ("１２３", 123), ("250k", 250_000), ("1.5bn", 1_500_000_000), ("  42 ", 42),
    ("2万亿", 2 * 10**12), ("18,600人", 18_600),
])
def test_whole_numbers_are_read_as_people_write_them(text, expected):
    assert parse_number(text, minimum=0, maximum=BIG) == Decimal(expected)


def test_empty_means_not_known():
    assert parse_number("  ", minimum=0, maximum=100) is None


@pytest.mark.parametrize(("text", "kwargs", "reason"), [
    ("abc", {}, "not_a_number"), ("1.2.3", {}, "not_a_number"), ("NaN", {}, "not_a_number"),
    ("inf", {}, "not_a_number"), ("1.5", {}, "not_whole"), ("12.345", {"decimals": 2}, "too_precise"),
    ("150", {"maximum": 100}, "too_large"), ("-5", {}, "too_small"), ("1e16", {}, "too_large"),
])
def test_what_cannot_be_stored_is_refused_with_its_reason(text, kwargs, reason):
    bounds = {"minimum": 0, "maximum": BIG, **kwargs}
    with pytest.raises(NumberRefused) as refused:
        parse_number(text, **bounds)
    assert refused.value.reason == reason


def test_money_keeps_its_cents_and_percent_signs_are_allowed():
    assert parse_number("1,234.5", minimum=0, maximum=BIG, decimals=2) == Decimal("1234.50")
    assert parse_number("80 %", minimum=0, maximum=100, suffixes=("%",)) == 80


def test_the_field_says_why_beside_itself_and_emits_nothing(qtbot):
    field = NumberField(minimum=0, maximum=100, unit="%")
    qtbot.addWidget(field)
    field.show()
    field.set_value(30)
    emitted = []
    field.value_edited.connect(emitted.append)
    field.set_text("150")
    assert emitted == [] and field.value() == Decimal(30)
    assert field.message.isVisible() and "100" in field.message.text()
    assert field.edit.text() == "150"  # what the user typed stays, to be corrected
    field.set_text("45")
    assert emitted == [Decimal(45)] and not field.message.isVisible()
    field.set_text("")
    assert emitted == [Decimal(45), None]


def test_typing_in_the_account_profile_stores_what_was_meant_or_nothing(qtbot, demo_db, dialogs):  # noqa: F811
    controller, window = start(qtbot, demo_db)
    bank = account_id(window, DEMO_ACCOUNT_NAMES[1])
    window.select_account(bank)
    profile = window.profile
    before = window.workspace.account(bank)

    profile.revenue.set_text("1.5e9")
    assert window.workspace.account(bank).annual_revenue == Decimal(1_500_000_000)
    assert profile.revenue.edit.text() == "CNY 1.5bn"  # as the language writes money
    profile.revenue.set_text("3.2亿")
    assert window.workspace.account(bank).annual_revenue == Decimal(320_000_000)
    assert profile.revenue.edit.text() == "CNY 320m"

    profile.employees.set_text("12,5OO")  # letter O for zero: not a number
    assert profile.employees.message.isVisible()
    assert window.workspace.account(bank).employees == before.employees
    profile.employees.set_text("2.5")
    assert "whole" in profile.employees.message.text()
    assert window.workspace.account(bank).employees == before.employees
    profile.employees.set_text("12,500")
    assert window.workspace.account(bank).employees == 12_500 and not profile.employees.message.isVisible()
    window.undo_action.trigger()
    assert window.workspace.account(bank).employees == before.employees
    stop(controller)


def test_an_opportunity_with_a_probability_of_150_is_not_accepted(qtbot, app):
    from app.ui.records.opportunities import OpportunityDialog

    dialog = OpportunityDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Data centre")
    dialog.probability.edit.setText("150")
    dialog.value.edit.setText("2.5亿")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.probability.message.isVisible()
    dialog.probability.edit.setText("60")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    values = dialog.values()
    assert (values["value"], values["probability"]) == (Decimal("250000000.00"), 60)
