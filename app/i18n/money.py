"""Sums of money and lists of names as each language writes them: 215亿元, 5,200万美元 and 张伟、李娜 in Chinese;
CNY 21.5bn, USD 52m and "Zhang Wei, Li Na" in English.

No Qt here (the portfolio's workbook uses it too): the language is a parameter; ``app.i18n.language.current()``
names the interface's.
"""

from __future__ import annotations

from decimal import Decimal

# What Chinese business writing calls the common currencies; another code is written after the amount.
CURRENCY_NAMES_ZH = {"CNY": "元", "RMB": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元",
                     "GBP": "英镑", "TWD": "新台币", "SGD": "新加坡元", "AUD": "澳元", "CAD": "加元", "CHF": "瑞士法郎"}
_UNITS_ZH = ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
# As English business writing abbreviates them (CNY 21.5bn, USD 52m): short enough for a table cell.
_UNITS_EN = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))
LIST_SEPARATORS = {"zh_CN": "、", "en": ", "}
OVERVIEW_DECIMALS = 2  # a sum in a table or on the dashboard: 1,234.57万元
MAX_EXACT_DECIMALS = 4  # an exact sum in a field beyond that is written in full: 12,345,678.9元


def _grouped(value: Decimal, decimals: int | None) -> str:
    """``value`` with group separators; ``decimals`` places (trailing zeros dropped), or as many as it has."""
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals))
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _scaled(amount: Decimal, units, exact: bool) -> tuple[str, str]:
    """The number and unit word that write ``amount`` shortest (no unit below the smallest)."""
    for factor, word in units:
        if abs(amount) >= factor:
            scaled = amount / factor
            if not exact:
                return _grouped(scaled, OVERVIEW_DECIMALS), word
            if -scaled.normalize().as_tuple().exponent <= MAX_EXACT_DECIMALS:
                return _grouped(scaled, None), word
            break
    return _grouped(amount, None if exact else OVERVIEW_DECIMALS), ""


def format_money(amount: Decimal | int | float | None, currency: str | None, language: str, *,
                 exact: bool = False) -> str:
    """``amount`` of ``currency`` (an ISO code; CNY when None) in ``language`` ("zh_CN" or "en").

    zh_CN counts in 万 and 亿 and names the currency after the number (215亿元, 5,200万美元, 8,000元); English
    counts in millions and billions after the code (CNY 21.5bn, USD 52m). Overviews round to two decimals of the
    unit; ``exact`` keeps every digit (what a field shows must read back as the same value). Empty for None.
    """
    if amount is None:
        return ""
    amount = Decimal(str(amount))
    code = (currency or "CNY").upper()
    if language == "zh_CN":
        number, unit = _scaled(amount, _UNITS_ZH, exact)
        name = CURRENCY_NAMES_ZH.get(code)
        return f"{number}{unit}{name}" if name else f"{number}{unit} {code}"
    number, unit = _scaled(amount, _UNITS_EN, exact)
    return f"{code} {number}{unit}"


def format_totals(totals: dict[str, Decimal], language: str) -> str:
    """Several currencies' sums side by side, in the order of their codes: "5,200万元；300万美元" in
    Chinese, "CNY 52m; USD 3m" in English."""
    separator = "；" if language == "zh_CN" else "; "
    return separator.join(format_money(value, code, language) for code, value in sorted(totals.items()))


def join_names(names, language: str) -> str:
    """Items of a list in running text: 张伟、李娜 in Chinese, "Zhang Wei, Li Na" in English."""
    return LIST_SEPARATORS.get(language, ", ").join(names)
