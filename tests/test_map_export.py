"""The decision map exported as PDF, PNG and SVG, checked with poppler as a reader would see the file."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.pdf_reading import compact, fonts, page_count, page_size, pdf_text, word_boxes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "screenshots"




@pytest.fixture
def chinese(app):
    from app.i18n import language as lang

    lang.install("zh_CN")
    yield
    lang.install("en")






def _check_pdf(workspace, path: Path, account_id: int) -> str:
    assert page_count(path) >= 2
    assert any(row[-5] == "yes" for row in fonts(path)), "the text must use an embedded font"
    text = compact(pdf_text(path))
    assert compact(workspace.account(account_id).name) in text
    for person in workspace.people(account_id, include_archived=False):
        assert compact(person.name) in text
    return text


def _snap(path: Path, account_id: int, language: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(path),
                    str(SCREENSHOTS / f"map_pdf_{account_id}_{language}")], check=True)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_demo_account_exports_to_a_searchable_pdf(demo, tmp_path, language):
    from app.export import export_map
    from app.i18n import language as lang

    lang.install(language)
    try:
        for summary in demo.account_summaries():
            path = tmp_path / f"{summary.id}.pdf"
            export_map(demo, summary.id, path, "pdf", author="陈思远")
            _check_pdf(demo, path, summary.id)
            _snap(path, summary.id, language)
    finally:
        lang.install("en")


def _stance_free(text: str, workspace, account_id: int) -> str:
    """The text with what may legitimately contain a stance word (names, titles, …) taken out."""
    for person in workspace.people(account_id, include_archived=False):
        for value in (person.name, person.title, person.department):
            if value:
                text = text.replace(compact(value), "")
    for member in workspace.account_members(account_id):
        for value in (member.name, member.title):
            if value:
                text = text.replace(compact(value), "")
    return text.replace(compact(workspace.account(account_id).name), "")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_shareable_pdf_leaves_out_stances_influence_notes_and_rivals(demo, tmp_path, language):
    from app.export import export_map, prepared_scene
    from app.export.scene_source import dispose_scene, visible_links
    from app.i18n import labels
    from app.i18n import language as lang

    lang.install(language)
    try:
        stances = list(labels.stances().values())
        influence = list(labels.influence_levels().values())
        for summary in demo.account_summaries():
            path = tmp_path / f"{summary.id}.pdf"
            export_map(demo, summary.id, path, "pdf", shareable=True)
            text = _stance_free(_check_pdf(demo, path, summary.id), demo, summary.id)
            for word in stances + influence:
                assert compact(word) not in text, word
            for person in demo.people(summary.id):
                if person.notes:
                    assert compact(person.notes)[:20] not in text
            full = prepared_scene(demo, summary.id)
            assert any(link.record.kind == "rival" for link in visible_links(full)), "the demo has rival links"
            scene = prepared_scene(demo, summary.id, shareable=True)
            assert not [link for link in visible_links(scene) if link.record.kind == "rival"]
            people = [card for card in scene.card_items() if not card.is_member]
            assert people and all(c.record.stance == "unknown" and c.record.influence is None for c in people)
            dispose_scene(full)
            dispose_scene(scene)
    finally:
        lang.install("en")


def test_the_full_pdf_shows_stances(demo, tmp_path):
    from app.export import export_map
    from app.i18n import labels

    summary = demo.account_summaries()[0]
    path = tmp_path / "full.pdf"
    export_map(demo, summary.id, path, "pdf")
    text = pdf_text(path)
    assert any(word in text for word in labels.stances().values())


def test_a_large_account_spans_several_mappage_count(app, workspace, database, tmp_path):
    from app.export import export_map

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from map import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    account_id = generate(database, 300)
    path = tmp_path / "large.pdf"
    export_map(workspace, account_id, path, "pdf")
    text = pdf_text(path)
    parts = re.findall(r"map, part \d+ of (\d+)", text)
    assert parts and int(parts[0]) >= 3
    people = len(workspace.people(account_id, include_archived=False))
    assert page_count(path) >= 1 + int(parts[0]) + 2  # page 1, the map's parts, a table longer than one page
    assert f"of {page_count(path)}" in text
    for number in (0, people // 2, people - 1):
        assert f"Person {number}" in text


def test_png_and_svg(demo, tmp_path):
    from PySide6.QtGui import QImage

    from app.export import export_map, prepared_scene
    from app.export.map_document import picture_size
    from app.export.scene_source import dispose_scene

    summary = demo.account_summaries()[0]
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    export_map(demo, summary.id, png, "png", dpi=120)
    export_map(demo, summary.id, svg, "svg", shareable=True)
    image = QImage(str(png))
    scene = prepared_scene(demo, summary.id)
    expected = picture_size(scene.content_rect(), 120)
    dispose_scene(scene)
    assert (image.width(), image.height()) == (expected.width(), expected.height())
    assert image.pixelColor(1, 1).name() == "#ffffff"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert demo.people(summary.id)[0].name in svg.read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_existing_file(demo, tmp_path, monkeypatch):
    from app.export import export_map, map_document

    summary = demo.account_summaries()[0]
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "map.pdf"
    path.write_bytes(b"the previous export")

    def broken(*args, **kwargs):
        Path(args[1]).write_bytes(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(map_document, "_write_pdf", broken)
    with pytest.raises(OSError):
        export_map(demo, summary.id, path, "pdf")
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in folder.iterdir()] == ["map.pdf"]

    monkeypatch.undo()
    missing = tmp_path / "no such folder" / "map.pdf"
    with pytest.raises(OSError):
        export_map(demo, summary.id, missing, "png")
    assert not missing.exists()


def test_cli_exports_the_map(tmp_path, app):
    from app.cli import main
    from app.demo import DEMO_ACCOUNT_NAMES

    db = str(tmp_path / "cli.db")
    name = DEMO_ACCOUNT_NAMES[0]
    out = tmp_path / "cli.pdf"
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "export", "--account", name, "--out", str(out), "--shareable"]) == 0
    assert page_count(out) >= 2
    assert "Shareable version" in pdf_text(out)
    assert main(["--db", db, "export", "--account", name, "--out", str(tmp_path / "m.svg")]) == 0
    assert main(["--db", db, "export", "--account", "nobody", "--out", str(tmp_path / "x.png")]) == 1


def test_paper_size_and_png_resolution_from_the_command_line(tmp_path, app):

    from PySide6.QtGui import QImage

    from app.cli import main
    from app.demo import DEMO_ACCOUNT_NAMES

    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "demo"]) == 0
    name = DEMO_ACCOUNT_NAMES[2]
    sizes = {}
    for paper in ("a4", "letter"):
        out = tmp_path / f"{paper}.pdf"
        assert main(["--db", db, "export", "--account", name, "--out", str(out), "--paper", paper]) == 0
        sizes[paper] = page_size(out)
    assert sizes == {"a4": [595, 842], "letter": [612, 792]}
    small, large = tmp_path / "72.png", tmp_path / "300.png"
    assert main(["--db", db, "export", "--account", name, "--out", str(small), "--dpi", "72"]) == 0
    assert main(["--db", db, "export", "--account", name, "--out", str(large), "--dpi", "300"]) == 0
    ratio = QImage(str(large)).width() / QImage(str(small)).width()
    assert abs(ratio - 300 / 72) < 0.01
    assert round(QImage(str(large)).dotsPerMeterX() * 0.0254) == 300
    assert main(["--db", db, "export", "--account", name, "--out", str(small), "--dpi", "5"]) == 2


NAME_BOX = 8.0  # the box of a word set in 7-point type


def _map_pages(workspace, account_id: int) -> int:
    """How many pages of the account's map PDF show the map (page 1, then its parts)."""
    from app.export.map_document import _choose_layout, prepare_map

    _, layout = _choose_layout(prepare_map(workspace, account_id, "pdf"))
    return 1 + len(layout.tiles)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_names_on_the_map_pages_are_printed_in_at_least_7_points(demo, tmp_path, language, app):
    from app.export import export_map
    from app.i18n import language as lang

    lang.install(language)
    try:
        smallest = {}
        for summary in demo.account_summaries():
            path = tmp_path / f"{summary.id}.pdf"
            export_map(demo, summary.id, path, "pdf", author="陈思远")
            pages = word_boxes(path)[:_map_pages(demo, summary.id)]
            for person in demo.people(summary.id, include_archived=False):
                sizes = [height for page in pages for word, height in page if word in person.name.split()]
                assert sizes, f"{person.name} is not on the map pages"
                smallest[person.name] = min(sizes)
        assert min(smallest.values()) >= NAME_BOX, min(smallest.items(), key=lambda item: item[1])
        print("smallest name box on the map pages:", min(smallest.values()))
    finally:
        lang.install("en")


def test_a_map_too_big_for_one_page_opens_with_a_numbered_overview_without_small_text(demo, tmp_path):
    from app.export import export_map

    account_id = max(demo.account_summaries(), key=lambda s: s.people).id  # the demo's largest committee
    path = tmp_path / "big.pdf"
    export_map(demo, account_id, path, "pdf")
    parts = _map_pages(demo, account_id) - 1
    assert parts >= 2
    overview = word_boxes(path)[0]
    numbers = {word for word, _height in overview if word.isdigit()}
    assert {str(n) for n in range(1, parts + 1)} <= numbers  # each part is numbered on page 1
    people = {word for person in demo.people(account_id) for word in person.name.split()}
    assert not [word for word, height in overview if word in people]  # the overview names nobody in tiny type
    second = pdf_text(path).split("\f")[1]
    assert "part 2" in second  # the first part names its neighbour at the edge
