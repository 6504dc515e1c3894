"""Reading a number the way people type it, or saying exactly why it is not one.

Group separators (``1,500,000``, ``1 500 000``), full-width digits, exponents (``1.5e9``) and the units of
Chinese and English business writing (``3000万``, ``1.2亿``, ``250k``, ``1.5bn``) are understood. What does not fit
the field — letters, too many decimals, a value out of range — is refused with a reason, never rounded or
clamped into something else. No Qt here: the widgets turn the reason into a translated message.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Longest first, so that 万亿 is not read as 万 followed by 亿.
_UNITS = (
    ("trillion", Decimal(10) ** 12), ("billion", Decimal(10) ** 9), ("million", Decimal(10) ** 6),
    ("thousand", Decimal(10) ** 3),
    ("万亿", Decimal(10) ** 12), ("千万", Decimal(10) ** 7), ("百万", Decimal(10) ** 6), ("亿", Decimal(10) ** 8),
    ("万", Decimal(10) ** 4), ("千", Decimal(10) ** 3), ("bn", Decimal(10) ** 9), ("b", Decimal(10) ** 9),
    ("tn", Decimal(10) ** 12), ("mn", Decimal(10) ** 6), ("m", Decimal(10) ** 6), ("k", Decimal(10) ** 3),
)
_SEPARATORS = re.compile(r"[,\s_'’]")
_SUFFIXES = ("%", "元", "人")


@dataclass(frozen=True)
class NumberRefused(ValueError):
    """Why a text is not a value of the field: ``not_a_number``, ``not_whole``, ``too_precise``,
    ``too_small`` or ``too_large``; ``limit`` is the bound or the number of decimals concerned."""

    reason: str
    text: str
    limit: Decimal | int | None = None


def parse_number(text: str, *, minimum: Decimal | int, maximum: Decimal | int, decimals: int = 0,
                 suffixes: tuple[str, ...] = ()) -> Decimal | None:
    """The value typed in ``text``, or None when it is empty; raises NumberRefused otherwise.

    ``suffixes`` are unit words the field shows itself (a currency code, "%") and the user may repeat, after
    the number or — as English writes a currency code, "CNY 21.5 billion" — before it.
    """
    original = text
    text = unicodedata.normalize("NFKC", text).strip()
    for prefix in suffixes:
        if prefix and text.lower().startswith(prefix.lower()):
            text = text[len(prefix):].strip()
    for suffix in (*suffixes, *_SUFFIXES):
        if suffix and text.lower().endswith(suffix.lower()):
            text = text[: -len(suffix)].strip()
    if not text:
        return None
    text = _SEPARATORS.sub("", text)
    multiplier = Decimal(1)
    lowered = text.lower()
    for unit, factor in _UNITS:
        if lowered.endswith(unit) and len(lowered) > len(unit):
            text, multiplier = text[: -len(unit)], factor
            break
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise NumberRefused("not_a_number", original) from None
    if not number.is_finite():
        raise NumberRefused("not_a_number", original)
    value = number * multiplier
    if value != value.to_integral_value() and decimals == 0:
        raise NumberRefused("not_whole", original, 0)
    if value.normalize().as_tuple().exponent < -decimals:
        raise NumberRefused("too_precise", original, decimals)
    if value < minimum:
        raise NumberRefused("too_small", original, minimum)
    if value > maximum:
        raise NumberRefused("too_large", original, maximum)
    return value.quantize(Decimal(1).scaleb(-decimals)) if decimals else Decimal(int(value))


def format_number(value: Decimal | int | float | None, decimals: int = 0) -> str:
    """``value`` with group separators, as the fields show it; empty for None."""
    if value is None:
        return ""
    value = Decimal(str(value))
    if decimals == 0 or value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.{decimals}f}"
