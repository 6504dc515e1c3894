"""How long ago, in words ("4 months ago", 四个月前), from a number of calendar days."""

from __future__ import annotations

from app.i18n import translate


def count_word(n: int) -> str:
    """Small counts as the language writes them in running text (两, 四 in Chinese), others as digits."""
    words = translate("Time", "1|2|3|4|5|6|7|8|9|10|11|12").split("|")
    return words[n - 1] if 1 <= n <= len(words) else str(n)


def days_ago(days: int) -> str:
    """Today, yesterday, days up to two weeks, then weeks up to two months, months, years."""
    if days <= 0:
        return translate("Time", "today")
    if days == 1:
        return translate("Time", "yesterday")
    if days < 14:
        return translate("Time", "%1 days ago").replace("%1", count_word(days))
    if days < 60:
        return translate("Time", "%1 weeks ago").replace("%1", count_word(days // 7))
    if days < 365:
        return translate("Time", "%1 months ago").replace("%1", count_word(days // 30))
    if days < 730:
        return translate("Time", "a year ago")
    return translate("Time", "%1 years ago").replace("%1", count_word(days // 365))


def span(days: int) -> str:
    """How long, in words ("4 months", 四个月): days up to two weeks, then weeks, months, years."""
    if days < 14:
        return translate("Time", "%1 days").replace("%1", count_word(max(days, 1)))
    if days < 60:
        return translate("Time", "%1 weeks").replace("%1", count_word(days // 7))
    if days < 365:
        return translate("Time", "%1 months").replace("%1", count_word(days // 30))
    if days < 730:
        return translate("Time", "a year")
    return translate("Time", "%1 years").replace("%1", count_word(days // 365))
