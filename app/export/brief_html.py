"""A meeting pack's text as the rich text a QTextDocument lays out into pages.

Two parts, which the map page separates: what to read first (who comes, what to talk about) and the
reference behind it (each attendee in detail, open actions, coverage and routes). Every value from the
database is escaped; labels come translated.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from app.export.brief_content import OVERSTATED, UNDERSTATED, Attendee, BriefContent, RelationshipFlag
from app.i18n import labels, record_labels, translate
from app.i18n.language import join_names
from app.i18n.relative_time import days_ago, span
from app.views.history_model import channels, sentiments

TEXT = "#263238"
SUBTLE = "#607d8b"
WARNING = "#b2182b"
SHAREABLE = "#2e7d32"
HEADER_BACKGROUND = "#eceff1"
STYLE = (f"body {{ color: {TEXT}; }} h1 {{ font-size: 20px; margin-bottom: 2px; }} "
         f"h2 {{ font-size: 14px; margin-top: 16px; margin-bottom: 6px; }} "
         f"h3 {{ font-size: 12px; margin-top: 12px; margin-bottom: 3px; }} "
         f"p {{ margin-top: 2px; margin-bottom: 2px; }} .subtle {{ color: {SUBTLE}; }} "
         f"th {{ background-color: {HEADER_BACKGROUND}; text-align: left; }} "
         f".warning {{ color: {WARNING}; font-weight: bold; }} .caption {{ font-style: italic; }}")
TABLE = "<table width='100%' cellspacing='0' cellpadding='3'>"


def _e(value) -> str:
    return escape(str(value)) if value is not None else ""


def _date(value: dt.date | dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value is not None else ""


def _tag(tag: str, text: str, css: str | None = None) -> str:
    attribute = f" class='{css}'" if css else ""
    return f"<{tag}{attribute}>{_e(text)}</{tag}>"


def _field(name: str, value) -> str:
    return f"{name}: {value}"


def _subtle(text: str) -> str:
    return f"<span class='subtle'>{_e(text)}</span>"


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "<tr>" + "".join(f"<th>{_e(c)}</th>" for c in header) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return TABLE + head + body + "</table>"


def _page(body: list[str]) -> str:
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(body)}</body></html>"


# -- the front: who comes, what to talk about ---------------------------------------------------------
def front(content: BriefContent, meeting_date: str, prepared: str) -> str:
    title = translate("MeetingPack", "Meeting pack — %1").replace("%1", content.account)
    when = translate("MeetingPack", "Meeting on %1").replace("%1", meeting_date)
    parts = [_tag("h1", title), f"<p class='subtle'>{_e(when)} · {_e(prepared)}</p>"]
    if content.shareable:
        shareable = translate("MapExport", "Shareable version")
        parts.append(f"<p style='color:{SHAREABLE}'><b>{_e(shareable)}</b></p>")
    parts.append(_tag("h2", translate("MeetingPack", "Attendees")))
    parts.append(_attendee_table(content))
    parts.append(_tag("h2", translate("MeetingPack", "Talking points")))
    if content.relationship_flags:
        parts.append(_tag("p", translate("MeetingPack", "Our relationships: the claims and the history"), "caption"))
        parts.append(_list([_relationship_flag(flag) for flag in content.relationship_flags]))
        parts.append(_tag("p", translate("MeetingPack", "Open needs"), "caption"))
    parts.append(_talking_points(content))
    if not content.shareable:
        parts.append(_tag("h2", translate("MeetingPack", "Champions at risk")))
        parts.append(_champions(content))
    return _page(parts)


UNMET_AFTER_DAYS = 30  # an overstated claim reads "not met for …" once the last meeting is a month old


def _relationship_flag(flag: RelationshipFlag) -> str:
    """One line: whose relationship, what the claim and the history say, and what to do before relying on it."""
    none = translate("MeetingPack", "none")
    levels = {level: name.split(" · ", 1)[-1] for level, name in labels.relationship_levels().items()}
    declared = levels.get(flag.declared, none) if flag.declared else none
    days = flag.last_touch_days
    if flag.kind == OVERSTATED:
        if days is None:
            text = translate("MeetingPack", "%1 declares “%2” but has never met them — book a meeting first")
        elif days >= UNMET_AFTER_DAYS:
            text = translate("MeetingPack", "%1 declares “%2” but has not met them for %3 — book a meeting first")
        else:
            text = translate("MeetingPack", "%1 declares “%2” but the last 180 days show only “%4” — "
                                            "spend time together before relying on it")
    elif flag.kind == UNDERSTATED and not flag.declared:
        text = translate("MeetingPack", "the last 180 days with %1 show “%4”, yet no relationship is declared — "
                                        "bring %1 in")
    elif flag.kind == UNDERSTATED:
        text = translate("MeetingPack", "the last 180 days with %1 show “%4”, declared only “%2” — bring %1 in")
    else:
        text = translate("MeetingPack", "%1's “%2” has faded to “%5” (last met %6) — book a meeting")
    inferred = levels.get(flag.inferred, none) if flag.inferred else none
    effective = levels.get(flag.effective, none) if flag.effective else none
    text = (text.replace("%1", flag.member).replace("%2", declared).replace("%4", inferred)
            .replace("%5", effective).replace("%3", span(days or 0))
            .replace("%6", days_ago(days) if days is not None else translate("MeetingPack", "never")))
    css = "warning" if flag.kind != UNDERSTATED else None
    attribute = f" class='{css}'" if css else ""
    return _labelled(f"<b>{_e(flag.person)}</b>", f"<span{attribute}>{_e(text)}</span>")


def _labelled(name: str, text: str) -> str:
    """"name: text" with the language's own colon (：in Chinese); both parts already escaped."""
    return translate("MeetingPack", "%1: %2").replace("%2", text).replace("%1", name)


def _champions(content: BriefContent) -> str:
    if not content.champions_at_risk:
        return _tag("p", translate("MeetingPack", "No coach or advocate is at risk."), "subtle")
    reasons = {"left": translate("MeetingPack", "left the account"),
               "turned": translate("MeetingPack", "stance fell since the last snapshot"),
               "stale": translate("MeetingPack", "the relationship has gone stale — book a meeting")}
    items = []
    for alert in content.champions_at_risk:
        if alert.reasons == ("lone_strong_stale",):
            why = translate("MeetingPack", "our only strong relationship (%1) has gone stale — widen it") \
                .replace("%1", alert.member or "?")
        else:
            why = translate("Lists", ", ").join(reasons.get(r, r) for r in alert.reasons)
        items.append(_labelled(f"<b>{_e(alert.name)}</b>", _e(why)))
    return _list(items)


def _attendee_table(content: BriefContent) -> str:
    if not content.attendees:
        return _tag("p", translate("MeetingPack", "No attendees chosen."), "subtle")
    roles, stances, influence = labels.buying_roles(), labels.stances(), labels.influence_levels()
    header = [translate("MeetingPack", "Name"), translate("MeetingPack", "Title"),
              translate("MeetingPack", "Buying role")]
    if not content.shareable:
        header += [translate("MeetingPack", "Stance"), translate("MeetingPack", "Influence")]
    header += [translate("MeetingPack", "Our relationship"), translate("MeetingPack", "Last contact")]
    rows = []
    for attendee in content.attendees:
        person = attendee.person
        row = [f"<b>{_e(person.name)}</b>", _e(person.title), _e(roles.get(person.role, ""))]
        if not content.shareable:
            row += [_e(stances.get(person.stance, "")), _e(influence.get(person.influence, ""))]
        last = _date(attendee.last_contact) or translate("MeetingPack", "never")
        row += [_e(_relationship(attendee)), _e(last)]
        rows.append(row)
    return _table(header, rows)


def _relationship(attendee: Attendee) -> str:
    if not attendee.covered_by:
        return translate("MeetingPack", "nobody on our side")
    name, level = attendee.covered_by[0]
    return f"{name} · {labels.relationship_levels().get(level, level)}"


def _talking_points(content: BriefContent) -> str:
    if not content.talking_points:
        return _tag("p", translate("MeetingPack", "No open needs recorded for the account or the attendees."),
                    "subtle")
    priorities = record_labels.priorities()
    answer = translate("MeetingPack", "Our answer:")
    items = []
    for point in content.talking_points:
        need = point.need
        whose = point.person or translate("MeetingPack", "the account")
        line = f"<b>{_e(need.description)}</b> {_subtle(f'({whose} · {priorities.get(need.priority, need.priority)})')}"
        if need.value_proposition:
            line += f"<br/>{_e(answer)} {_e(need.value_proposition)}"
        items.append(line)
    return _list(items)


# -- the back: the reference ------------------------------------------------------------------------
def back(content: BriefContent) -> str:
    parts = [_tag("h2", translate("MeetingPack", "The attendees in detail"))]
    parts += [_attendee_detail(content, attendee) for attendee in content.attendees]
    if not content.attendees:
        parts.append(_tag("p", translate("MeetingPack", "No attendees chosen."), "subtle"))
    parts.append(_tag("h2", translate("MeetingPack", "Open and overdue actions")))
    parts.append(_actions(content))
    parts.append(_tag("h2", translate("MeetingPack", "Coverage and routes to the decision-makers")))
    parts.append(_coverage(content))
    return _page(parts)


def _attendee_detail(content: BriefContent, attendee: Attendee) -> str:
    person = attendee.person
    roles, stances, influence = labels.buying_roles(), labels.stances(), labels.influence_levels()
    parts = [_tag("h3", person.name)]
    position = " · ".join(v for v in (person.title, person.department) if v)
    if position:
        parts.append(_tag("p", position, "subtle"))
    facts = [_field(translate("MeetingPack", "Buying role"), roles.get(person.role, ""))]
    if not content.shareable:
        unknown = translate("MeetingPack", "not known")
        facts += [_field(translate("MeetingPack", "Stance"), stances.get(person.stance, "")),
                  _field(translate("MeetingPack", "Influence"), influence.get(person.influence, unknown))]
    parts.append("<p>" + " &nbsp;·&nbsp; ".join(_e(f) for f in facts) + "</p>")
    levels = labels.relationship_levels()
    known = join_names(f"{name} ({levels.get(level, level)})" for name, level in attendee.covered_by)
    known = known or translate("MeetingPack", "nobody on our side")
    parts.append(_tag("p", _field(translate("MeetingPack", "Known by"), known)))
    if not content.shareable and person.competitor_preference:
        leaning = _field(translate("MeetingPack", "Leans towards"), person.competitor_preference)
        parts.append(_tag("p", leaning))
    parts.append(_needs(translate("MeetingPack", "Business needs"), attendee.business_needs))
    if not content.shareable:
        parts.append(_needs(translate("MeetingPack", "Personal wins"), attendee.personal_needs))
        if person.notes:
            notes = translate("MeetingPack", "Notes")
            parts.append(f"<p><i>{_e(notes)}:</i> {_e(person.notes)}</p>")
    parts.append(_tag("p", translate("MeetingPack", "Last interactions"), "caption"))
    parts.append(_interactions(attendee))
    return "".join(parts)


def _interactions(attendee: Attendee) -> str:
    if not attendee.interactions:
        return _tag("p", translate("MeetingPack", "No contact recorded."), "subtle")
    kinds, moods = channels(), sentiments()
    items = []
    for item in attendee.interactions:
        line = f"{_e(_date(item.occurred_at))} · {_e(kinds.get(item.channel, item.channel))}"
        if item.sentiment is not None:
            line += f" · {_e(moods.get(item.sentiment, ''))}"
        if item.summary:
            line += f"<br/>{_e(item.summary)}"
        items.append(line)
    return _list(items)


def _needs(heading: str, needs) -> str:
    if not needs:
        none = translate("MeetingPack", "none recorded")
        return f"<p><i>{_e(heading)}</i>: {_subtle(none)}</p>"
    priorities = record_labels.priorities()
    answer = translate("MeetingPack", "Our answer:")
    items = []
    for need in needs:
        line = f"{_e(need.description)} {_subtle('(' + priorities.get(need.priority, '') + ')')}"
        if need.value_proposition:
            line += f"<br/>{_e(answer)} {_e(need.value_proposition)}"
        items.append(line)
    return f"<p><i>{_e(heading)}</i></p>" + _list(items)


def _actions(content: BriefContent) -> str:
    if not content.actions:
        return _tag("p", translate("MeetingPack", "No open actions."), "subtle")
    priorities = record_labels.priorities()
    header = [translate("MeetingPack", "Next action"), translate("MeetingPack", "Owner"),
              translate("MeetingPack", "Due"), translate("MeetingPack", "Person"), translate("MeetingPack", "Priority")]
    overdue = translate("MeetingPack", "Overdue")
    rows = []
    for item in content.actions:
        action = item.action
        due = _e(_date(action.due_date) or translate("MeetingPack", "no date"))
        if item.overdue:  # in words as well as in red
            due = f"<span class='warning'>{due} · {_e(overdue)}</span>"
        title = _e(action.title)
        if action.notes:
            title += "<br/>" + _subtle(action.notes)
        rows.append([title, _e(item.owner), due, _e(item.person), _e(priorities.get(action.priority, ""))])
    return _table(header, rows)


def _coverage(content: BriefContent) -> str:
    roles, levels = labels.buying_roles(), labels.relationship_levels()
    parts = []
    if content.coverage_score is not None:
        score = translate("MeetingPack", "Coverage score: %1%").replace("%1", str(round(content.coverage_score * 100)))
        meaning = translate("MeetingPack", "share of the committee, weighted by influence, that we know at least "
                                           "as a working relationship")
        parts.append(f"<p><b>{_e(score)}</b> {_subtle('(' + meaning + ')')}</p>")
    if content.effective_coverage_score is not None:
        score = translate("MeetingPack", "Effective coverage score: %1%").replace(
            "%1", str(round(content.effective_coverage_score * 100)))
        meaning = translate("MeetingPack", "the same, with each relationship faded by the time since we last met")
        parts.append(f"<p><b>{_e(score)}</b> {_subtle('(' + meaning + ')')}</p>")
    if content.single_threaded:
        parts.append(_tag("p", translate("MeetingPack", "Single-threaded: every strong relationship runs through "
                                                        "one person on our side."), "warning"))
    if content.gaps:
        none = translate("MeetingPack", "no relationship")
        items = [f"<b>{_e(g.name)}</b> ({_e(roles.get(g.role, ''))}) — "
                 f"{_e(levels.get(g.coverage_level, none) if g.coverage_level else none)}" for g in content.gaps]
        parts.append(_tag("p", translate("MeetingPack", "Gaps: key people we do not know well enough"), "caption"))
        parts.append(_list(items))
    else:
        parts.append(_tag("p", translate("MeetingPack", "No coverage gaps among the key people.")))
    if content.routes:
        items = []
        for route in content.routes:
            path = " → ".join(_e(s.name) + (" " + _subtle(f"({s.strength})") if s.strength else "")
                              for s in route.steps)
            items.append(f"<b>{_e(route.target)}</b> ({_e(roles.get(route.role, ''))}): {path}")
        heading = translate("MeetingPack", "Routes to the decision-makers (strength of each link, 1–5)")
        parts.append(f"<p><i>{_e(heading)}</i></p>" + _list(items))
    for gap in content.unreachable:
        parts.append(_tag("p", translate("MeetingPack", "Nobody on our side can reach %1 yet.")
                          .replace("%1", gap.name), "warning"))
    return "".join(parts)
