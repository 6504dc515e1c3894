"""The demo accounts hold meetings that came in from a calendar: each carries its event's UID, so importing
that calendar again logs nothing twice, and loading the demo again adds nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.demo import DEMO_ACCOUNT_NAMES, load_demo
from app.io.apply import format_of, import_file
from app.models.entities import Interaction


def _ics(events) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Stakemap test//EN"]
    for uid, start, summary, attendees in events:
        lines += ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T000000Z",
                  f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{start + dt.timedelta(hours=1):%Y%m%dT%H%M%S}",
                  f"SUMMARY:{summary}"]
        lines += [f"ATTENDEE;CN={name}:mailto:{email}" if email else f"ATTENDEE;CN={name}:invalid:nomail"
                  for name, email in attendees]
        lines.append("END:VEVENT")
    return "\r\n".join([*lines, "END:VCALENDAR", ""])


def test_calendar_born_interactions_are_known_to_a_reimport(workspace, database, tmp_path):
    with database.session() as session:
        load_demo(session)
    members = {m.id: (m.name, m.email) for m in workspace.members()}
    for name in DEMO_ACCOUNT_NAMES:
        account = workspace.account_id_by_name(name)
        people = {p.id: (p.name, p.email) for p in workspace.people(account, include_archived=True)}
        with database.sessionmaker() as session:
            born = list(session.scalars(select(Interaction).where(Interaction.account_id == account,
                                                                  Interaction.source_uid.is_not(None))))
        assert len(born) >= 3, name
        assert {i.channel for i in born} <= {"meeting", "call", "visit"}  # what a calendar event can be
        assert all(i.sentiment is None for i in born)  # a calendar does not say how a meeting went
        assert len({i.source_uid for i in born}) == len(born)
        records = {r.id: r for r in workspace.interactions(account)}
        events = []
        for item in born:
            parts = records[item.id].participants
            assert any(kind == "person" for kind, _ in parts) and any(kind == "member" for kind, _ in parts)
            who = [people[i] if kind == "person" else members[i] for kind, i in parts]
            events.append((item.source_uid, item.occurred_at, item.summary, who))
        path = tmp_path / f"{account}.ics"
        path.write_text(_ics(events), encoding="utf-8")
        before = len(records)
        with database.session() as session:
            report = import_file(session, path, name, format_of(path), False)
        assert (report.interactions_added, report.events_known) == (0, len(born)), name
        assert len(workspace.interactions(account)) == before
    with database.session() as session:
        assert load_demo(session) == []  # safe to repeat


def test_the_demo_still_has_relationships_gone_cold_despite_the_calendar(workspace, database):
    from app.analysis import analyze
    from app.document.analysis_input import analysis_input
    from app.document.health_input import read_health_input
    from app.document.map_reading import read_map_data

    with database.session() as session:
        load_demo(session)
    account = workspace.account_id_by_name(DEMO_ACCOUNT_NAMES[0])
    with database.sessionmaker() as session:
        data = read_map_data(session, account)
        result = analyze(*analysis_input(data), read_health_input(session, data))
    names = {p.key: p.name for p in result.people}
    # 邓凯's latest contact is the plant visit of the calendar, 62 days ago; 王宏斌 and 郭建军 have not been met
    # for months.
    by_name = {p.name: p for p in result.people}
    assert by_name["邓凯"].last_contact_days == 62
    assert {"王宏斌", "郭建军"} <= {names[k] for k in result.health.stale}
