"""The meeting pack: what it says (checked against a small account built by hand), the PDF as a reader
sees it (poppler), the shareable version, the command line and the dialog in the window."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from tests.pdf_reading import compact, fonts, page_count, pdf_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "screenshots"
TODAY = dt.date(2026, 11, 27)




@pytest.fixture
def small(app, workspace):
    """A committee of four, two of whom come to the meeting; every kind of record the pack reads."""
    ws = workspace
    account = ws.create_account("澄江电力 Chengjiang Power")
    boss = ws.add_person(account, "周总", title="总经理", role="economic_buyer", stance="skeptic", influence=5,
                         notes="prefers short meetings", competitor_preference="Rival Corp")
    cio = ws.add_person(account, "Lena Wu", title="CIO", role="decision_maker", stance="supporter", influence=4)
    engineer = ws.add_person(account, "Bo Li", title="Engineer", role="user_buyer", stance="advocate", influence=2)
    stranger = ws.add_person(account, "Far Away", role="approver", influence=3)
    ours = ws.add_member("Ann Sales", account_id=account)
    other = ws.add_member("Sam Expert", account_id=account)
    ws.add_link(account, "covers", ("member", ours), ("person", engineer), strength=4)
    ws.add_link(account, "covers", ("member", other), ("person", cio), strength=2)
    ws.add_link(account, "reports_to", ("person", engineer), ("person", cio), strength=5)
    ws.add_link(account, "reports_to", ("person", cio), ("person", boss), strength=4)
    ws.add_link(account, "rival", ("person", cio), ("person", stranger), strength=3)
    ws.add_need(account, "Cut outage time by half", priority="high", value_proposition="Predictive maintenance")
    ws.add_need(account, "Grid reporting already solved", status="addressed")
    ws.add_need(account, "Move CIO dashboards to mobile", person_id=cio, priority="medium")
    ws.add_need(account, "Wants a keynote slot", person_id=cio, kind="personal", priority="high")
    ws.add_need(account, "Bo's own budget line", person_id=engineer, priority="low")  # not an attendee
    ws.add_interaction(account, dt.datetime(2026, 10, 2, 10), "meeting", [("person", cio), ("member", ours)],
                       summary="Lena doubts the rollout plan", sentiment=-1)
    ws.add_interaction(account, dt.datetime(2026, 11, 20, 9), "call", [("person", cio)], summary="Follow-up call")
    ws.add_action(account, "Send the reference list", due_date=TODAY - dt.timedelta(days=3), owner_id=ours,
                  person_id=cio, notes="internal: push hard")
    ws.add_action(account, "Book the demo room", due_date=TODAY + dt.timedelta(days=5))
    ws.add_action(account, "Old task", status="done")
    return ws, account, {"boss": boss, "cio": cio, "engineer": engineer, "stranger": stranger}






# -- what the pack says ---------------------------------------------------------------------------------
def test_the_pack_gathers_what_a_manager_needs_for_the_attendees(small):
    from app.export.brief_content import gather

    ws, account, ids = small
    content = gather(ws, account, [ids["boss"], ids["cio"]], dt.date(2026, 12, 1), today=TODAY)
    boss, cio = content.attendees
    assert (boss.person.name, cio.person.name) == ("周总", "Lena Wu")
    assert boss.covered_by == () and boss.coverage_level == 0 and boss.last_contact is None
    assert cio.covered_by == (("Sam Expert", 2),)
    assert [n.description for n in cio.business_needs] == ["Move CIO dashboards to mobile"]
    assert [n.description for n in cio.personal_needs] == ["Wants a keynote slot"]
    assert [i.summary for i in cio.interactions] == ["Follow-up call", "Lena doubts the rollout plan"]
    assert cio.last_contact == dt.date(2026, 11, 20)
    # Talking points: open business needs of the account and of the attendees, high priority first.
    assert [(p.need.description, p.person) for p in content.talking_points] == [
        ("Cut outage time by half", None), ("Move CIO dashboards to mobile", "Lena Wu")]
    # Open actions, the overdue one first; the done one is not there.
    assert [(a.action.title, a.overdue, a.owner, a.person) for a in content.actions] == [
        ("Send the reference list", True, "Ann Sales", "Lena Wu"), ("Book the demo room", False, None, None)]
    # Coverage: only Bo (influence 2) is covered at level ≥ 3: 2 / (5 + 4 + 2 + 3).
    assert content.coverage_score == pytest.approx(2 / 14)
    assert [(g.name, g.coverage_level) for g in content.gaps] == [("周总", 0), ("Lena Wu", 2)]
    routes = {r.target: [(s.name, s.strength) for s in r.steps] for r in content.routes}
    # Through Bo (4 × 5 × 4 / 125 = 0.64) rather than Sam's weak tie to Lena (2 × 4 / 25 = 0.32).
    assert routes["周总"] == [("Ann Sales", None), ("Bo Li", 4), ("Lena Wu", 5), ("周总", 4)]
    assert routes["Lena Wu"] == [("Ann Sales", None), ("Bo Li", 4), ("Lena Wu", 5)]


def test_the_shareable_pack_is_gathered_without_the_private_things(small):
    from app.export.brief_content import gather

    ws, account, ids = small
    content = gather(ws, account, [ids["boss"], ids["cio"]], TODAY, shareable=True, today=TODAY)
    boss, cio = content.attendees
    assert boss.person.stance == "unknown" and boss.person.influence is None
    assert boss.person.notes is None and boss.person.competitor_preference is None
    assert cio.personal_needs == ()
    assert all(i.summary is None and i.sentiment is None for i in cio.interactions)
    assert all(a.action.notes is None for a in content.actions)
    assert content.coverage_score is None


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_pdf_of_a_hand_built_account(small, tmp_path, language):
    from app.export.meeting_pack import export_brief
    from app.i18n import language as lang

    ws, account, ids = small
    lang.install(language)
    try:
        full, shared = tmp_path / "full.pdf", tmp_path / "shared.pdf"
        export_brief(ws, account, full, [ids["boss"], ids["cio"]], dt.date(2026, 12, 1), author="Ann Sales")
        export_brief(ws, account, shared, [ids["boss"], ids["cio"]], dt.date(2026, 12, 1), shareable=True)
    finally:
        lang.install("en")
    text = compact(pdf_text(full))
    for expected in ("周总", "LenaWu", "Cutoutagetimebyhalf", "PredictiveMaintenance".lower(), "Wantsakeynoteslot",
                     "preferstshortmeetings".replace("st", "s", 1), "RivalCorp", "Lenadoubtstherolloutplan",
                     "Sendthereferencelist", "2026-11-24", "internal:pushhard"):
        assert expected.lower() in text.lower(), expected
    assert "Bo'sownbudgetline" not in text  # Bo is not at the meeting
    shared_text = compact(pdf_text(shared))
    for private in ("Wantsakeynoteslot", "prefersshortmeetings", "RivalCorp", "Lenadoubtstherolloutplan",
                    "internal:pushhard"):
        assert private.lower() not in shared_text.lower(), private
    for public in ("周总", "LenaWu", "Cutoutagetimebyhalf", "Sendthereferencelist"):
        assert public.lower() in shared_text.lower(), public


# -- the demo accounts as PDF -----------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_demo_account_gives_a_readable_pack(demo, tmp_path, language):
    from app.export.brief_content import default_attendees
    from app.export.meeting_pack import export_brief
    from app.i18n import language as lang
    from app.i18n import translate

    lang.install(language)
    try:
        headings = [translate("MeetingPack", t) for t in ("Attendees", "Talking points", "The attendees in detail",
                                                           "Open and overdue actions")]
        for summary in demo.account_summaries():
            path = tmp_path / f"{summary.id}.pdf"
            export_brief(demo, summary.id, path, author="陈思远")
            assert page_count(path) >= 3  # text, the map page, the detail
            rows = fonts(path)
            assert rows and all(f[-5] == "yes" for f in rows), "every font embedded"
            text = compact(pdf_text(path))
            for heading in headings:
                assert compact(heading) in text
            names = {p.id: p.name for p in demo.people(summary.id)}
            for person_id in default_attendees(demo, summary.id):
                assert compact(names[person_id]) in text
            assert re.search(r"[\u4e00-\u9fff]{2,}", text), "Chinese names are text, not pictures"
            SCREENSHOTS.mkdir(exist_ok=True)
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", str(path),
                            str(SCREENSHOTS / f"brief_{summary.id}_{language}")], check=True)
    finally:
        lang.install("en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_redacted_field_reaches_the_shareable_pack(demo, tmp_path, language):
    from app.export.meeting_pack import export_brief
    from app.i18n import labels, translate
    from app.i18n import language as lang

    lang.install(language)
    try:
        for summary in demo.account_summaries():
            people = demo.people(summary.id, include_archived=False)
            everyone = [p.id for p in people]
            path = tmp_path / f"{summary.id}.pdf"
            export_brief(demo, summary.id, path, everyone, shareable=True)
            text = compact(pdf_text(path))
            footer = compact(translate(
                "MapExport", "Shareable version — stances, influence, notes, personal wins and rival links removed"))
            assert footer in text
            text = text.replace(footer, "")
            # What may carry the same words legitimately: names, titles, departments, needs' own texts.
            for person in people:
                for value in (person.name, person.title, person.department):
                    if value:
                        text = text.replace(compact(value), "")
            legitimate = [level for level in labels.relationship_levels().values()]  # "5 · Advocate": how well
            legitimate += [n.description for n in demo.needs(summary.id) if n.kind == "business"]  # we know someone
            legitimate += [n.value_proposition for n in demo.needs(summary.id) if n.value_proposition]
            legitimate += [a.title for a in demo.actions(summary.id)]
            legitimate += [m.name for m in demo.members()] + [summary.name]
            for value in sorted(legitimate, key=len, reverse=True):
                text = text.replace(compact(value), "")
            for word in list(labels.stances().values()) + list(labels.influence_levels().values()):
                assert compact(word) not in text, word
            for person in people:
                if person.notes:
                    assert compact(person.notes)[:12] not in text, person.notes
            # A competitor's name may well be in our own answers and actions; the preference itself is not.
            assert compact(translate("MeetingPack", "Leans towards")) not in text
            assert compact(translate("MeetingPack", "Personal wins")) not in text
            for need in demo.needs(summary.id):
                if need.kind == "personal":
                    assert compact(need.description)[:12] not in text, need.description
            for interaction in demo.interactions(summary.id):
                if interaction.summary:
                    assert compact(interaction.summary)[:16] not in text
            for action in demo.actions(summary.id):
                if action.notes:
                    assert compact(action.notes)[:12] not in text
            assert compact(labels.link_kinds()["rival"]) not in text
    finally:
        lang.install("en")


def test_the_map_page_shows_only_the_attendees_and_their_neighbours(small, monkeypatch):
    from app.export import meeting_pack

    ws, account, ids = small
    seen = {}
    original = meeting_pack.record_scene

    def spy(scene, rect):
        seen["shown"] = {c.record.name for c in scene.card_items() if scene.is_shown(c)}
        seen["ringed"] = {c.record.name for c in scene.card_items() if c.highlight is not None}
        return original(scene, rect)

    monkeypatch.setattr(meeting_pack, "record_scene", spy)
    meeting_pack.prepare_brief(ws, account, [ids["boss"]], TODAY)
    assert seen == {"shown": {"周总", "Lena Wu"}, "ringed": {"周总"}}
    meeting_pack.prepare_brief(ws, account, [ids["cio"]], TODAY, shareable=True)
    # Far Away is linked to Lena only by a rival link, which a shareable pack does not have.
    assert seen["shown"] == {"Lena Wu", "周总", "Bo Li", "Sam Expert"}


def test_a_failed_write_leaves_the_previous_pack(small, tmp_path, monkeypatch):
    from app.export import meeting_pack

    ws, account, ids = small
    folder = tmp_path / "packs"
    folder.mkdir()
    path = folder / "pack.pdf"
    path.write_bytes(b"yesterday's pack")

    def broken(job, temp, progress=None):
        Path(temp).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(meeting_pack, "_write_pdf", broken)
    with pytest.raises(OSError):
        meeting_pack.export_brief(ws, account, path, [ids["boss"]])
    assert path.read_bytes() == b"yesterday's pack"
    assert [p.name for p in folder.iterdir()] == ["pack.pdf"]


# -- command line ---------------------------------------------------------------------------------------
def test_cli_brief(tmp_path, app):
    from app.cli import main
    from app.demo import DEMO_ACCOUNT_NAMES
    from app.document import Workspace
    from app.storage.database import Database

    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "demo"]) == 0
    name = DEMO_ACCOUNT_NAMES[1]
    with Database.open(db) as database:
        ws = Workspace(database)
        people = ws.people(ws.account_id_by_name(name), include_archived=False)[:2]
    out = tmp_path / "brief.pdf"
    attendees = ",".join(p.name for p in people)
    assert main(["--db", db, "--lang", "zh_CN", "brief", "--account", name, "--out", str(out),
                 "--attendees", attendees, "--date", "2026-12-03"]) == 0
    text = compact(pdf_text(out))
    assert all(compact(p.name) in text for p in people) and "2026" in text
    with Database.open(db) as database:
        ws = Workspace(database)
        owner = ws.account_owner_name(ws.account_id_by_name(name))
    assert owner and compact(owner) in text  # prepared by the account's owner
    missing = tmp_path / "missing.pdf"
    assert main(["--db", db, "brief", "--account", name, "--out", str(missing), "--attendees", "Nobody Here"]) == 1
    assert main(["--db", db, "brief", "--account", "No such account", "--out", str(missing)]) == 1
    assert main(["--db", db, "brief", "--account", name, "--out", str(missing), "--date", "next week"]) == 2
    assert not missing.exists()


# -- in the window ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_dialog_starts_from_the_map_selection(qtbot, demo, language):
    from app.i18n import language as lang
    from app.ui.transfer.meeting_pack_dialog import MeetingPackDialog

    lang.install(language)
    try:
        account = demo.account_summaries()[0].id
        people = demo.people(account, include_archived=False)
        dialog = MeetingPackDialog(demo, account, [people[1].id, people[3].id])
        qtbot.addWidget(dialog)
        assert dialog.attendee_ids() == [people[1].id, people[3].id]
        dialog.filter.setText(people[3].name)
        shown = [dialog.people.item(r) for r in range(dialog.people.count()) if not dialog.people.item(r).isHidden()]
        assert [item.text().split(" — ")[0] for item in shown] == [people[3].name]
        dialog.filter.clear()
        dialog.show()
        SCREENSHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SCREENSHOTS / f"meeting_pack_dialog_{language}.png"))
        dialog.set_checked([])
        ok = dialog.buttons.buttons()[0]
        assert not ok.isEnabled()
    finally:
        lang.install("en")


def test_writing_reports_each_page(small, tmp_path):
    from app.export import prepare_map, write_map
    from app.export.meeting_pack import prepare_brief, write_brief

    ws, account, ids = small
    for name, job, write in (("pack.pdf", prepare_brief(ws, account, [ids["cio"]]), write_brief),
                             ("map.pdf", prepare_map(ws, account, "pdf"), write_map)):
        seen = []
        write(job, tmp_path / name, lambda page, pages, seen=seen: seen.append((page, pages)))
        pages = page_count(tmp_path / name)
        assert seen == [(page, pages) for page in range(1, pages + 1)]
