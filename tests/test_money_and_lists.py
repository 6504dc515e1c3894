"""Money and lists as each language writes them, in the formatter and where a user reads them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.i18n.money import format_money, format_totals, join_names


@pytest.mark.parametrize(("amount", "currency", "zh", "en"), [
    (21_500_000_000, "CNY", "215亿元", "CNY 21.5bn"),
    (52_000_000, "CNY", "5,200万元", "CNY 52m"),
    (12_345_678, "CNY", "1,234.57万元", "CNY 12.35m"),
    (8_000, "CNY", "8,000元", "CNY 8,000"),
    (3_000_000, "USD", "300万美元", "USD 3m"),
    (150_000_000, "EUR", "1.5亿欧元", "EUR 150m"),
    (250_000, "XYZ", "25万 XYZ", "XYZ 250,000"),
    (0, None, "0元", "CNY 0"),
])
def test_an_overview_counts_in_the_units_of_its_language(amount, currency, zh, en):
    assert format_money(amount, currency, "zh_CN") == zh
    assert format_money(amount, currency, "en") == en


def test_an_exact_sum_keeps_every_digit():
    assert format_money(12_345_678, "CNY", "zh_CN", exact=True) == "1,234.5678万元"
    assert format_money(12_345_678, "CNY", "en", exact=True) == "CNY 12,345,678"
    assert format_money(Decimal("123456789.5"), "CNY", "zh_CN", exact=True) == "123,456,789.5元"
    assert format_money(None, "CNY", "zh_CN") == ""


def test_several_currencies_and_lists_use_the_languages_punctuation():
    totals = {"USD": Decimal(3_000_000), "CNY": Decimal(52_000_000)}
    assert format_totals(totals, "zh_CN") == "5,200万元；300万美元"
    assert format_totals(totals, "en") == "CNY 52m; USD 3m"
    assert join_names(["张伟", "李娜", "王芳"], "zh_CN") == "张伟、李娜、王芳"
    assert join_names(["Zhang Wei", "Li Na"], "en") == "Zhang Wei, Li Na"


@pytest.fixture
def language(app):
    from app.i18n import language as lang

    def use(code: str) -> None:
        lang.install(code)

    yield use
    lang.install("en")


def test_the_revenue_field_shows_the_sum_in_the_language_and_reads_it_back(language):
    from app.ui.common.number_field import NumberField

    edited = []
    for code, shown in (("zh_CN", "215亿元"), ("en", "CNY 21.5bn")):
        language(code)
        field = NumberField(minimum=0, maximum=10**15, currency="CNY")
        field.value_edited.connect(edited.append)
        field.set_value(21_500_000_000)
        assert field.edit.text() == shown
        field.set_text(field.edit.text())  # leaving the field untouched changes nothing
        assert field.value() == 21_500_000_000 and not edited
    language("zh_CN")
    field.set_text("3000万")
    assert field.value() == 30_000_000 and field.edit.text() == "3,000万元"
    language("en")
    field.set_text("CNY 1.5 billion")  # the words are read as well
    assert field.value() == 1_500_000_000 and field.edit.text() == "CNY 1.5bn"


def test_tables_and_the_dashboard_write_money_the_same_way(language):
    from app.views.opportunities_model import format_money as table_money
    from app.views.opportunities_model import pipeline_text as weighted
    from app.views.portfolio_models import pipeline_text

    language("zh_CN")
    assert table_money(Decimal(52_000_000), "CNY") == "5,200万元"
    assert pipeline_text({"CNY": Decimal(52_000_000)}) == "5,200万元"
    assert "5,200万元" in weighted({"CNY": Decimal(52_000_000)})
    language("en")
    assert table_money(Decimal(52_000_000), "CNY") == "CNY 52m"
    assert pipeline_text({"CNY": Decimal(52_000_000)}) == "CNY 52m"
