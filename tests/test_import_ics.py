"""Calendar (.ics) import: events become interactions of the account, once, with the right channel."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.io.apply import format_of, import_file
from app.io.ics_import import read_ics
from app.io.report import ImportRefused, ImportReport
from app.models.entities import Account, AccountTeam, Interaction, InteractionParticipant, Person, TeamMember

FIXTURES = Path(__file__).parent / "fixtures" / "import"
ACCOUNT = "Huadong"


@pytest.fixture
def account(database):
    """An account with customer people (one known by name only) and two of our team members on it."""
    with database.session() as session:
        acc = Account(name=ACCOUNT)
        session.add(acc)
        session.flush()
        session.add_all([
            Person(account_id=acc.id, name="Zhang Wei", email="Zhang.Wei@customer.cn", role="unknown",
                   stance="unknown"),
            Person(account_id=acc.id, name="王芳", role="unknown", stance="unknown"),
            Person(account_id=acc.id, name="Wang Fang", email="wang.fang@customer.cn", role="unknown",
                   stance="unknown"),
            Person(account_id=acc.id, name="张伟", email="zhangwei@kehu.cn", role="unknown", stance="unknown"),
        ])
        li = TeamMember(name="Li Na", email="li.na@ourcompany.com")
        chen = TeamMember(name="陈杰", email="chenjie@ourcompany.cn")
        outsider = TeamMember(name="李娜")  # not on this account's team: never a participant here
        session.add_all([li, chen, outsider])
        session.flush()
        session.add_all([AccountTeam(account_id=acc.id, member_id=li.id),
                         AccountTeam(account_id=acc.id, member_id=chen.id)])
    return database


def run(database, name, dry_run=False, account=ACCOUNT):
    path = name if isinstance(name, Path) else FIXTURES / name
    with database.session() as session:
        return import_file(session, path, account, format_of(path), dry_run)


def logged(database) -> list[tuple]:
    with database.session() as session:
        names = dict(session.execute(select(Person.id, Person.name)).all())
        members = dict(session.execute(select(TeamMember.id, TeamMember.name)).all())
        out = []
        for item in session.scalars(select(Interaction).order_by(Interaction.occurred_at)):
            who = sorted(names[p.person_id] if p.person_id else "team:" + members[p.member_id]
                         for p in item.participants)
            out.append((item.occurred_at, item.channel, item.summary, who))
        return out


def local(utc: str) -> dt.datetime:
    return dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def test_outlook_events_become_interactions(account):
    report = run(account, "outlook.ics")
    assert report.applied and format_of("x.ics") == "ics"
    # The internal pipeline review has nobody of the customer: skipped.
    assert (report.interactions_added, report.events_known, report.events_skipped) == (2, 0, 1)
    assert logged(account) == [
        # China Standard Time is UTC+8; a Teams link makes it a call; the organizer is our participant.
        (local("2026-10-15T06:00:00"), "call", "Architecture review with the CIO", ["Zhang Wei", "team:Li Na"]),
        (local("2026-10-20T01:30:00"), "visit", "Workshop at the customer site", ["Wang Fang", "team:Li Na"]),
    ]


def test_feishu_chinese_names_address_and_all_day(account):
    report = run(account, "feishu.ics")
    assert (report.interactions_added, report.events_skipped) == (2, 1)  # the team outing has no customer
    assert logged(account) == [
        (local("2026-11-05T02:00:00"), "call", "与张伟讨论二期方案", ["team:陈杰", "张伟"]),
        (local("2026-11-12T06:00:00"), "visit", "拜访王芳，现场演示", ["王芳"]),  # matched by CN alone
    ]


def test_reimport_changes_nothing(account):
    run(account, "outlook.ics")
    before = logged(account)
    again = run(account, "outlook.ics")
    assert (again.interactions_added, again.events_known, again.events_skipped) == (0, 2, 1)
    assert logged(account) == before
    with account.session() as session:
        assert session.scalar(select(func.count()).select_from(InteractionParticipant)) == 4


def test_weekly_series_expanded_within_the_window():
    report = ImportReport(source="weekly", format="ics")
    rows = read_ics(FIXTURES / "weekly_series.ics", report, today=dt.date(2026, 12, 2))
    # Mondays from 7 September 2026 to 2 March 2027 (today + 90 days): 26 of them.
    assert len(rows) == 26
    assert rows[0].start == local("2026-09-07T01:00:00") and rows[-1].start == local("2027-03-01T01:00:00")
    assert {r.channel for r in rows} == {"call"} and len({r.key for r in rows}) == 26
    # Two years on, the oldest Mondays have left the window.
    later = read_ics(FIXTURES / "weekly_series.ics", report, today=dt.date(2028, 12, 4))
    assert later[0].start.date() > dt.date(2026, 12, 1) and len(later) == 2 * 52 + 13


def test_endless_series_is_bounded(tmp_path):
    path = tmp_path / "minutely.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:m1\r\nDTSTART:20260101T000000Z\r\n"
                    "RRULE:FREQ=MINUTELY\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    report = ImportReport(source=str(path), format="ics")
    rows = read_ics(path, report, today=dt.date(2026, 12, 2))
    assert [r.start for r in rows] == [local("2026-01-01T00:00:00")]
    assert [w.reason for w in report.warnings] == [
        "event 1: repeats more often than daily; only its first occurrence was imported"]


def test_daily_series_with_many_times_a_day_is_not_expanded(tmp_path):
    path = tmp_path / "hourly.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:h1\r\nDTSTART:20260101T000000Z\r\n"
                    "RRULE:FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                    encoding="utf-8")
    report = ImportReport(source=str(path), format="ics")
    assert len(read_ics(path, report, today=dt.date(2026, 12, 2))) == 1 and len(report.warnings) == 1


def test_series_import_is_idempotent(account):
    first = run(account, "weekly_series.ics")
    assert first.interactions_added > 10 and first.events_skipped == 0
    again = run(account, "weekly_series.ics")
    assert again.interactions_added == 0 and again.events_known == first.interactions_added


def test_dry_run_writes_nothing_and_cli_reports_counts(account, db_path, capsys):
    report = run(account, "feishu.ics", dry_run=True)
    assert report.interactions_added == 2 and not report.applied and logged(account) == []
    account.close()
    from app.cli.commands import import_

    args = argparse.Namespace(db=db_path, file=FIXTURES / "outlook.ics", account=ACCOUNT, format=None, dry_run=True,
                              encoding=None, sheet=None, lang=None)
    assert import_.run(args) == 0
    out = capsys.readouterr().out
    assert "Dry run" in out and "2 interactions to add, 0 already imported, 1 events skipped" in out


@pytest.mark.parametrize("text, reason", [
    ("BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n", "no calendar in the file"),
    ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no event in the file"),
    ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-99-99\r\nUID:x\r\nEND:VEVENT\r\n", "not a readable iCalendar"),
])
def test_malformed_file_refused_with_nothing_written(account, tmp_path, text, reason):
    path = tmp_path / "bad.ics"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        run(account, path)
    assert caught.value.reason.startswith(reason)
    assert logged(account) == []


def test_unknown_account_refused(account):
    with pytest.raises(ImportRefused, match="no account named"):
        run(account, "outlook.ics", account="Nobody")


def test_the_dialog_previews_a_calendar_then_logs_it(qtbot, account):
    from app.document import Workspace
    from app.ui.transfer.file_transfer import FORMATS, ImportDialog

    assert "ics" in FORMATS
    dialog = ImportDialog(Workspace(account), [ACCOUNT], ACCOUNT)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(FIXTURES / "feishu.ics"))
    assert not dialog._form.isRowVisible(dialog.encoding) and not dialog._form.isRowVisible(dialog.sheet)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=5000)
    text = dialog.summary.text()
    assert "2 interactions to add, 0 already imported, 1 events skipped" in text and "nobody of the account" in text
    assert dialog.import_button.isEnabled() and logged(account) == []
    to_log = dialog.details.topLevelItem(0)
    assert to_log.text(0) == "To log (2)"
    assert [to_log.child(i).text(1) for i in range(2)] == ["Call · 与张伟讨论二期方案 · 张伟, 陈杰",
                                                           "Visit · 拜访王芳，现场演示 · 王芳"]
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert [row[2] for row in logged(account)] == ["与张伟讨论二期方案", "拜访王芳，现场演示"]


def test_refusal_in_chinese_on_the_command_line(account, db_path, tmp_path, capsys, qapp):
    from app.cli.commands import import_
    from app.i18n import language

    account.close()
    path = tmp_path / "contacts.ics"
    path.write_text("BEGIN:VCARD\r\nFN:张伟\r\nEND:VCARD\r\n", encoding="utf-8")
    args = argparse.Namespace(db=db_path, file=path, account=ACCOUNT, format=None, dry_run=False, encoding=None,
                              sheet=None, lang="zh_CN")
    try:
        assert import_.run(args) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "文件中没有日历（没有 BEGIN:VCALENDAR 行）" in err
        assert import_.run(argparse.Namespace(**{**vars(args), "file": FIXTURES / "feishu.ics", "dry_run": True})) == 0
        assert "将添加 2 条互动记录，0 条已导入过，跳过 1 个日程" in capsys.readouterr().out
    finally:
        language.install("en")


@pytest.mark.parametrize("location, description, channel", [
    ("上海市浦东新区世纪大道88号金茂大厦21层", "", "visit"),
    ("88 Century Avenue, Pudong, Shanghai", "", "visit"),
    ("金茂大厦", "", "visit"),
    ("3号会议室", "", "meeting"),
    ("市场部会议室", "", "meeting"),
    ("Room 4.01", "", "meeting"),
    ("", "", "meeting"),
    ("腾讯会议", "", "call"),
    ("", "点击链接入会：https://meeting.tencent.com/dm/abc", "call"),
    ("Zoom", "https://us02web.zoom.us/j/123", "call"),
    ("", "Dial-in: +86 10 5555 0100", "call"),
    ("钉钉会议", "", "call"),
])
def test_channel_from_location_and_description(location, description, channel):
    from app.io.ics_import import channel_of

    assert channel_of(location, description, "") == channel
