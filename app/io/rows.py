"""What every reader yields and every value means: the row records, and the parsing of names, roles, stances
and influence.

The readers (CSV, XLSX, vCard, GraphML/GEXF) depend on this module and the applier depends on the readers and
on this module, never the other way round.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from app.models import enums

PERSON_DATA = ("title", "department", "role", "stance", "influence", "competitor_preference", "email", "phone",
               "notes", "x", "y")
MEMBER_DATA = ("title", "team_role", "email", "phone", "notes")

# Labels users type in their own spreadsheets (and that our XLSX export writes), mapped to identifiers.
ROLE_LABELS = {
    "经济决策者": "economic_buyer", "决策者": "decision_maker", "技术把关者": "technical_buyer", "使用者": "user_buyer",
    "影响者": "influencer", "内线": "coach", "教练": "coach", "内线/教练": "coach", "守门人": "gatekeeper",
    "审批者": "approver", "采购": "procurement", "未定": "unknown",
    "economic buyer": "economic_buyer", "decision-maker": "decision_maker", "decision maker": "decision_maker",
    "technical buyer": "technical_buyer", "user buyer": "user_buyer", "user": "user_buyer",
    "coach": "coach", "procurement": "procurement", "approver": "approver", "gatekeeper": "gatekeeper",
    "influencer": "influencer", "unknown": "unknown", "undecided": "unknown", "coach (insider)": "coach",
    "unknown role": "unknown",
}
STANCE_LABELS = {"拥护": "advocate", "支持": "supporter", "中立": "neutral", "怀疑": "skeptic", "反对": "opponent",
                 "未知": "unknown", "unknown stance": "unknown"}
INFLUENCE_WORDS = {"minimal": 1, "low": 2, "medium": 3, "high": 4, "decisive": 5,
                   "极低": 1, "低": 2, "中": 3, "高": 4, "决定性": 5}

# Control characters (NUL, escape, …) break XML and spreadsheets on the way out; tab and line breaks are text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(slots=True)
class PersonRow:
    line: int | None  # where it came from, for the report
    fields: dict[str, Any]  # "name" plus any of PERSON_DATA
    key: str | None = None  # the source's own identifier, so links can refer to it
    side: str = "client"  # or "team"
    external_id: str | None = None  # the person's identity in the system that wrote the file (工号, UserId…)
    clean: bool = False  # its texts are already without control characters and surrounding space


@dataclass(slots=True)
class LinkRow:
    source: str  # a PersonRow key, or a name
    target: str
    kind: str = "knows"
    strength: int = 3
    line: int | None = None
    symmetric: bool = False  # from an undirected graph: B→A is the same link as A→B
    notes: str | None = None
    by_name: bool = False  # the target is a name (a manager column), not a key: resolved by name only


def strip_controls(text: str) -> str:
    """``text`` without control characters (NUL, escape…); tabs and line breaks stay."""
    return _CONTROL.sub("", text)


def clean_text(value: Any) -> str:
    """Text as it may be stored: control characters removed, surrounding space trimmed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():  # the usual case, and much cheaper than the pattern
        return text.strip()
    return _CONTROL.sub("", text).strip()


def normalise_name(name: str) -> str:
    """The form two spellings of one name share: full-width/half-width folded, case and spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def _token(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold().replace(" ", "_").replace("-", "_")


def _label(value: str, labels: dict[str, str]) -> str:
    raw = unicodedata.normalize("NFKC", value).strip()
    return labels.get(raw) or labels.get(raw.casefold()) or _token(raw)


def parse_role(value: str) -> str:
    """A buying role from an identifier or a label (Chinese or English); ValueError with the reason otherwise."""
    role = _label(value, _role_labels())
    if role not in enums.BUYING_ROLES:
        raise ValueError(f"unknown buying role “{value.strip()}”")
    return role


def parse_stance(value: str) -> str:
    stance = _label(value, _stance_labels())
    if stance not in enums.STANCES:
        raise ValueError(f"unknown stance “{value.strip()}”")
    return stance


def parse_influence(value: str) -> int:
    raw = unicodedata.normalize("NFKC", str(value)).strip()
    if raw.casefold() in INFLUENCE_WORDS:
        return INFLUENCE_WORDS[raw.casefold()]
    try:
        number = float(raw)
    except ValueError:
        raise ValueError(f"influence must be 1 to 5, not “{raw}”") from None
    if not math.isfinite(number) or number != int(number) or int(number) not in enums.INFLUENCE_LEVELS:
        raise ValueError(f"influence must be 1 to 5, not “{raw}”")
    return int(number)


ENUM_PARSERS = (("role", parse_role), ("stance", parse_stance), ("influence", parse_influence))


def parse_enums(raw: dict[str, str], fields: dict[str, Any], warnings: list[str]) -> None:
    """Role, stance and influence from their raw text into ``fields``; a value not understood leaves the field
    unknown and adds a warning, so one odd cell never costs the whole person."""
    for target, parse in ENUM_PARSERS:
        text = raw.get(target) or ""
        if not text:
            continue
        try:
            fields[target] = parse(text)
        except ValueError as exc:
            warnings.append(f"{exc}; left unknown")


_ROLE_CACHE: dict[str, str] = {}
_STANCE_CACHE: dict[str, str] = {}


def _role_labels() -> dict[str, str]:
    if not _ROLE_CACHE:
        _ROLE_CACHE.update(ROLE_LABELS)
        _ROLE_CACHE.update({_token(r).replace("_", " "): r for r in enums.BUYING_ROLES})
    return _ROLE_CACHE


def _stance_labels() -> dict[str, str]:
    if not _STANCE_CACHE:
        _STANCE_CACHE.update(STANCE_LABELS)
    return _STANCE_CACHE


LINK_LABELS = {"汇报": "reports_to", "虚线汇报": "dotted_line", "影响": "influences", "盟友": "ally", "对立": "rival",
               "认识": "knows", "我方关系": "covers", "reports to": "reports_to", "dotted line": "dotted_line",
               "influences": "influences", "ally": "ally", "rival": "rival", "knows": "knows",
               "our relationship": "covers", "manager": "reports_to", "reportsto": "reports_to",
               "dotted-line report": "dotted_line"}


def parse_link_kind(value: str) -> str | None:
    """A link kind from an identifier or a label; the text itself (for the report to refuse) when it is none,
    None when empty."""
    raw = unicodedata.normalize("NFKC", value or "").strip()
    if not raw:
        return None
    return LINK_LABELS.get(raw) or LINK_LABELS.get(raw.casefold()) or _token(raw)


def link_kind_or_none(value: str) -> str | None:
    """A link kind only when the text names one (a graph's ``label`` or ``interaction`` may say anything)."""
    kind = parse_link_kind(value)
    return kind if kind in enums.LINK_KINDS else None
