"""The meeting pack's relationship health: where a declared relationship with an attendee outruns the history
(or the history outruns it), what has faded, and the champions at risk — read back from the PDF."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from tests.pdf_reading import compact, pdf_text

TODAY = dt.date(2026, 11, 27)
SHOTS = "/tmp/shots-healthpack"


@pytest.fixture
def account(app, workspace):
    ws = workspace
    account = ws.create_account("澄江电力")
    boss = ws.add_person(account, "周总", role="economic_buyer", stance="neutral", influence=5)
    cio = ws.add_person(account, "Lena Wu", role="decision_maker", stance="supporter", influence=4)
    coach = ws.add_person(account, "Bo Li", role="coach", stance="advocate", influence=2)
    ann = ws.add_member("Ann Sales", account_id=account)
    sam = ws.add_member("Sam Expert", account_id=account)
    ws.add_link(account, "covers", ("member", ann), ("person", boss), strength=4)
    ws.add_link(account, "covers", ("member", sam), ("person", cio), strength=4)
    ws.add_link(account, "covers", ("member", ann), ("person", coach), strength=3)
    ws.add_link(account, "covers", ("member", sam), ("person", coach), strength=1)
    # 周总 and Ann last met 130 days ago: "trusted" 4 − floor(130 / 60) = 2, below the counted 3.
    ws.add_interaction(account, dt.datetime(2026, 7, 20, 10), "meeting", [("person", boss), ("member", ann)])
    # Sam and Bo met four times in the last 180 days (weight 12: 1 + floor(log2 13) = 4), declared only 1.
    for day in (3, 10, 17, 24):
        ws.add_interaction(account, dt.datetime(2026, 10, day, 15), "visit", [("person", coach), ("member", sam)])
    # Sam has never met Lena, yet declares "trusted". Nobody of Ann's side met Bo: Ann's 3 decays by one.
    ws.add_person(account, "Gone Coach", role="coach", stance="advocate", archived=True)
    return ws, account, {"boss": boss, "cio": cio, "coach": coach}


def test_the_pack_lists_claims_history_and_champions_at_risk(account):
    from app.export.brief_content import gather

    ws, account_id, ids = account
    content = gather(ws, account_id, [ids["boss"], ids["cio"], ids["coach"]], TODAY, today=TODAY)
    assert [(f.person, f.member, f.kind, f.declared, f.inferred, f.effective, f.last_touch_days)
            for f in content.relationship_flags] == [
        ("周总", "Ann Sales", "stale", 4, 3, 2, 130),
        ("Lena Wu", "Sam Expert", "overstated", 4, 0, 3, None),
        # Bo: Ann's "working" 3, never met together, counts 2 today; Sam's history says 4 against a declared 1.
        ("Bo Li", "Ann Sales", "stale", 3, 0, 2, None),
        ("Bo Li", "Sam Expert", "understated", 1, 4, 1, 34),
    ]
    # Bo, a coach, has gone stale; the coach who left; 周总's one strong relationship (Ann's) has faded.
    assert [(a.name, a.reasons, a.member) for a in content.champions_at_risk] == [
        ("Bo Li", ("stale",), None), ("Gone Coach", ("left",), None), ("周总", ("lone_strong_stale",), "Ann Sales")]
    # Effective coverage: Lena (4) still counts at 3; 周总 (5) and Bo (2) do not — 4 / 11. Declared: all 11.
    assert content.coverage_score == pytest.approx(1.0)
    assert content.effective_coverage_score == pytest.approx(4 / 11)


def test_the_shareable_pack_says_nothing_of_relationship_health(account):
    from app.export.brief_content import gather

    ws, account_id, ids = account
    content = gather(ws, account_id, [ids["boss"], ids["cio"]], TODAY, shareable=True, today=TODAY)
    assert content.relationship_flags == [] and content.champions_at_risk == []
    assert content.effective_coverage_score is None


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["Our relationships: the claims and the history",
            "周总: Ann Sales's “Trusted” has faded to “Acquainted” (last met 4 months ago) — book a meeting",
            "Lena Wu: Sam Expert declares “Trusted” but has never met them — book a meeting first",
            "Bo Li: the last 180 days with Sam Expert show “Trusted”, declared only “Aware” — bring Sam Expert in",
            "Champions at risk", "Bo Li: the relationship has gone stale — book a meeting",
            "Gone Coach: left the account",
            "周总: our only strong relationship (Ann Sales) has gone stale — widen it",
            "Effective coverage score: 36%"]),
    ("zh_CN", ["我方关系：声明与记录", "周总：Ann Sales的“信任”已淡化为“认识”（上次见面四个月前）— 约见一次",
               "Lena Wu：Sam Expert声明“信任”，但从未见过面 — 先约一次",
               "Bo Li：近180天与Sam Expert的往来显示为“信任”，却只声明为“知晓” — 请Sam Expert参与",
               "内线风险", "Gone Coach：已离开客户", "周总：我们唯一的深度关系（Ann Sales）已冷却 — 尽快拓展",
               "有效覆盖率：36%"]),
])
def test_the_pdf_reads_the_flags_in_both_languages(account, tmp_path, language, expected):
    from app.export.meeting_pack import export_brief, prepare_brief, write_brief
    from app.i18n import language as lang

    ws, account_id, ids = account
    lang.install(language)
    try:
        path = tmp_path / "pack.pdf"
        job = prepare_brief(ws, account_id, [ids["boss"], ids["cio"], ids["coach"]], TODAY, today=TODAY)
        write_brief(job, path)
        shared = tmp_path / "shared.pdf"
        export_brief(ws, account_id, shared, [ids["boss"], ids["cio"]], TODAY, shareable=True)
    finally:
        lang.install("en")
    text = compact(pdf_text(path, layout=False))
    for line in expected:
        assert compact(line) in text, line
    shared_text = compact(pdf_text(shared, layout=False))
    for line in expected[:3]:
        assert compact(line) not in shared_text, line


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_demo_pack_warns_of_a_faded_trust_and_a_lost_champion(demo, tmp_path, language):
    from app.export.meeting_pack import export_brief
    from app.i18n import language as lang
    from app.i18n import translate

    account_id = demo.account_id_by_name("恒岳重工集团 Hengyue Heavy Industries")
    lang.install(language)
    try:
        path = tmp_path / "hengyue.pdf"
        export_brief(demo, account_id, path, author="陈思远")
        heading = translate("MeetingPack", "Champions at risk")
        left = translate("MeetingPack", "left the account")
    finally:
        lang.install("en")
    text = compact(pdf_text(path, layout=False))
    assert compact(heading) in text
    assert compact("赵立群") + compact("：" if language == "zh_CN" else ":") + compact(left) in text
    # 郑磊 declares "trusted" with 潘志强 and has not met him for six months.
    if language == "en":
        expected = "潘志强: 郑磊 declares “Trusted” but has not met them for 6 months — book a meeting first"
        assert compact(expected) in text
    else:
        assert compact("潘志强：郑磊声明“信任”，但近六个月没有见面 — 先约一次") in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path),
                    f"{SHOTS}/pack_hengyue_{language}"], check=True)
