"""The decision map as a file: a printable PDF (map, legend, stakeholder table), or a PNG or SVG picture.

Everything is drawn by the map's own items, so the file looks like the screen. Text stays text (the PDF
embeds a subset of the interface font, which has the Chinese glyphs), so names can be searched and copied.

Two steps: ``prepare_map`` builds the scene and records the map and legend into pictures on the GUI thread,
where Qt requires scenes and widgets to be drawn; ``write_map`` lays out the pages and writes the file from
that recording, on any thread.

A shareable file leaves private things out rather than hiding them: the cards are given records without
stance and influence before anything is drawn, rival links are taken off the scene, and the table has
no stance or influence column. Notes and personal needs are never drawn on a map or in the table.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter, QPen, QPicture

from app.export import page_kit as kit
from app.export.pictures import play, record_scene
from app.export.scene_source import dispose_scene, prepared_scene
from app.i18n import labels, translate
from app.io.atomic import write_atomically
from app.views.map import style

FORMATS = ("pdf", "png", "svg")
LEGEND_SCALE = 0.75  # legend pixels to points
# Points per scene unit below which the map is split into pages: cards' names (15 units) print at 7.5 pt and
# titles (12 units) at 6 pt, the least that reads on paper.
READABLE_SCALE = 0.5
TILE_OVERLAP = 80.0  # scene units shared by neighbouring map pages, so a card cut at one edge is whole on the next
ROW = 15.0
HEADER_ROW = 18.0


@dataclass
class MapJob:
    """A map recorded for a file: plain values and pictures, safe to hand to another thread."""
    fmt: str
    title: str
    rect: QRectF  # the part of the scene recorded, in scene units
    picture: QPicture
    shareable: bool = False
    author: str | None = None
    dpi: int = 150
    cards: list[QRectF] = field(default_factory=list)  # the shown cards, in scene units
    overview: QPicture | None = None  # the same map with no text: page 1's locator when the map is split
    rows: list[dict[str, str]] = field(default_factory=list)
    date: dt.date = field(default_factory=dt.date.today)
    paper: str = "a4"


@dataclass(frozen=True)
class _Layout:
    page: QRectF  # the page in points
    fit_area: QRectF  # where page 1 draws the whole map
    legend: QRectF
    tile_area: QRectF
    tiles: list[QRectF]  # windows of the scene, one per following map page
    table_pages: int
    rows_per_page: int


def picture_size(rect: QRectF, dpi: int) -> QSize:
    """The pixel size of a PNG of ``rect`` (scene units are pixels at 96 dpi)."""
    scale = dpi / 96.0
    return QSize(max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale)))


def prepare_map(workspace, account_id: int, fmt: str, shareable: bool = False, author: str | None = None,
                dpi: int = 150, paper: str | None = None) -> MapJob:
    """Record the account's map for ``write_map`` (GUI thread). ``paper``: "a4" or "letter" (default: the
    locale's); ``dpi``: the PNG's resolution."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown map format: {fmt}")
    if paper is not None and paper not in kit.PAPERS:
        raise ValueError(f"unknown paper size: {paper}")
    scene = prepared_scene(workspace, account_id, shareable)
    try:
        rect = scene.content_rect()
        job = MapJob(fmt, workspace.account(account_id).name, rect, record_scene(scene, rect), shareable, author,
                     dpi, [c.sceneBoundingRect() for c in scene.card_items() if scene.is_shown(c)])
        if fmt == "pdf":
            scene.set_overview(True)  # boxes by stance and lines by kind: a locator, with no text too small
            job.overview = record_scene(scene, rect)
    finally:
        dispose_scene(scene)
    job.paper = paper or kit.default_paper()
    if fmt == "pdf":
        job.rows = table_rows(workspace, account_id)
    return job


def write_map(job: MapJob, path: str | Path, progress=None) -> None:
    """Write a recorded map; the file is replaced only once the new one is complete (any thread). ``progress``
    is called with (page, pages) as each page of a PDF is begun."""
    if job.fmt == "pdf":
        write_atomically(Path(path), lambda temp: _write_pdf(job, temp, progress=progress))
        return
    writers = {"png": _write_png, "svg": _write_svg}
    write_atomically(Path(path), lambda temp: writers[job.fmt](job, temp))


def export_map(workspace, account_id: int, path: str | Path, fmt: str, shareable: bool = False,
               author: str | None = None, dpi: int = 150, paper: str | None = None) -> None:
    """Write the account's map to ``path``; the file is replaced only once the new one is complete."""
    write_map(prepare_map(workspace, account_id, fmt, shareable, author, dpi, paper), path)


def _write_png(job: MapJob, temp: Path) -> None:
    size = picture_size(job.rect, job.dpi)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise OSError(f"the picture is too large ({size.width()}×{size.height()} pixels)")
    image.fill(QColor("#ffffff"))
    dots_per_metre = round(job.dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    play(painter, job.picture, QRectF(0, 0, size.width(), size.height()), _whole(job))
    painter.end()
    if not image.save(str(temp), "PNG"):
        raise OSError(f"cannot write {temp}")


def _write_svg(job: MapJob, temp: Path) -> None:
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(temp))
    generator.setSize(QSize(math.ceil(job.rect.width()), math.ceil(job.rect.height())))
    generator.setViewBox(QRectF(0, 0, job.rect.width(), job.rect.height()))
    generator.setTitle(job.title)
    generator.setDescription(translate("MapExport", "Decision map"))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write {temp}")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    play(painter, job.picture, QRectF(0, 0, job.rect.width(), job.rect.height()), _whole(job), clip=False)
    painter.end()


def _whole(job: MapJob) -> QRectF:
    return QRectF(0, 0, job.rect.width(), job.rect.height())


# -- PDF ------------------------------------------------------------------------------------------
def _legend(shareable: bool, width: float | None = None) -> tuple[QPicture, QSize]:
    """The legend recorded as a picture, unfolded for good on paper; a shareable one does not name what the
    file leaves out. With ``width`` (pixels) it is a strip of that width, for the foot of a map page."""
    from app.views.map.legend_drawing import LegendDrawing

    drawing = LegendDrawing(kit.font(11), shareable=shareable)
    picture = QPicture()
    painter = QPainter(picture)
    if width is None:
        header = translate("MapLegend", "Legend")
        size = drawing.size(True, header)
        drawing.paint(painter, size.width(), size.height(), True, header)
    else:
        size = drawing.strip_size(width)
        drawing.paint_strip(painter, width)
    painter.end()
    return picture, size


def _strip_width(page: QRectF) -> float:
    """The legend strip's width in legend pixels: the page's width inside the margins."""
    return (page.width() - 2 * kit.MARGIN) / LEGEND_SCALE


def _layout(page: QRectF, scene_rect: QRectF, shareable: bool, people: int) -> _Layout:
    """Page 1: the title block, the map across the page and the legend as a strip at its foot."""
    from app.views.map.legend_drawing import LegendDrawing

    legend_size = LegendDrawing(kit.font(11), shareable=shareable).strip_size(_strip_width(page))
    legend_w, legend_h = legend_size.width() * LEGEND_SCALE, legend_size.height() * LEGEND_SCALE
    top = kit.MARGIN + kit.TITLE_HEIGHT
    bottom = page.height() - kit.MARGIN - kit.FOOTER
    fit_area = QRectF(kit.MARGIN, top, page.width() - 2 * kit.MARGIN, bottom - top - legend_h - 8)
    legend = QRectF(kit.MARGIN, bottom - legend_h, legend_w, legend_h)
    tile_area = QRectF(kit.MARGIN, kit.MARGIN + kit.HEADING_HEIGHT, page.width() - 2 * kit.MARGIN,
                       bottom - kit.MARGIN - kit.HEADING_HEIGHT)
    fit = min(fit_area.width() / scene_rect.width(), fit_area.height() / scene_rect.height())
    tiles = [] if fit >= READABLE_SCALE else _tiles(scene_rect, tile_area, READABLE_SCALE)
    table_area = tile_area.height() - 24 - HEADER_ROW
    rows_per_page = max(1, int(table_area // ROW))
    return _Layout(page, fit_area, legend, tile_area, tiles, max(1, math.ceil(people / rows_per_page)),
                   rows_per_page)


def _tiles(scene_rect: QRectF, area: QRectF, scale: float) -> list[QRectF]:
    width, height = area.width() / scale, area.height() / scale

    def starts(begin: float, length: float, window: float) -> list[float]:
        if length <= window:
            return [begin - (window - length) / 2]
        count = math.ceil((length - window) / (window - TILE_OVERLAP)) + 1
        step = (length - window) / (count - 1)
        return [begin + i * step for i in range(count)]

    return [QRectF(x, y, width, height) for y in starts(scene_rect.top(), scene_rect.height(), height)
            for x in starts(scene_rect.left(), scene_rect.width(), width)]


def _choose_layout(job: MapJob) -> tuple[QPageLayout, _Layout]:
    best = None
    for orientation in (QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait):
        page_layout = kit.page_layout(orientation, job.paper)
        layout = _layout(kit.page_rect(page_layout), job.rect, job.shareable, len(job.rows))
        # The orientation that suits the map's shape: fewer map pages, then a larger map on page 1.
        fit = min(layout.fit_area.width() / job.rect.width(), layout.fit_area.height() / job.rect.height())
        rank = (-len(layout.tiles), fit, -layout.table_pages)
        if best is None or rank > best[0]:
            best = (rank, page_layout, layout)
    _, page_layout, layout = best
    # A map too big for page 1 at a readable size gets its parts, even a single one (the whole map on a page
    # of its own, without the title block and legend): page 1 is then the overview that numbers them.
    tiles = [t for t in layout.tiles if any(t.intersects(c) for c in job.cards)]
    return page_layout, _Layout(layout.page, layout.fit_area, layout.legend, layout.tile_area, tiles,
                                layout.table_pages, layout.rows_per_page)


def _write_pdf(job: MapJob, temp: Path, progress=None) -> None:
    page_layout, layout = _choose_layout(job)
    writer, painter = kit.open_writer(temp, job.title, page_layout)
    total = 1 + len(layout.tiles) + layout.table_pages
    number = 1
    if progress is not None:
        progress(number, total)

    def next_page() -> None:
        nonlocal number
        writer.newPage()
        number += 1
        if progress is not None:
            progress(number, total)

    subtitle = translate("MapExport", "Decision map · %1").replace("%1", kit.long_date(job.date))
    if job.author:
        subtitle += "   " + translate("MapExport", "Prepared by %1").replace("%1", job.author)
    kit.title_block(painter, layout.page, job.title, subtitle, job.shareable)
    if layout.tiles and job.overview is not None:
        # Too big to read on one page: page 1 shows where each part is, the parts follow readable.
        draw_map(painter, job.overview, job.rect, layout.fit_area, job.rect)
        _tile_grid(painter, layout.fit_area, job.rect, layout.tiles)
    else:
        draw_map(painter, job.picture, job.rect, layout.fit_area, job.rect)
    strip, strip_size = _legend(job.shareable, _strip_width(layout.page))
    play(painter, strip, QRectF(layout.legend.topLeft(), layout.legend.size()),
         QRectF(0, 0, strip_size.width(), strip_size.height()))
    kit.footer(painter, layout.page, number, total, job.shareable)
    for index, window in enumerate(layout.tiles, start=1):
        next_page()
        kit.heading(painter, layout.page, translate("MapExport", "%1 — map, part %2 of %3")
                    .replace("%1", job.title).replace("%2", str(index)).replace("%3", str(len(layout.tiles))))
        draw_map(painter, job.picture, job.rect, layout.tile_area, window)
        _neighbours(painter, layout.tile_area, layout.tiles, index - 1)
        kit.footer(painter, layout.page, number, total, job.shareable)
    for start in range(0, max(1, len(job.rows)), layout.rows_per_page):
        next_page()
        kit.heading(painter, layout.page, translate("MapExport", "%1 — stakeholders").replace("%1", job.title))
        _table(painter, layout.tile_area, job.rows[start:start + layout.rows_per_page], job.shareable)
        kit.footer(painter, layout.page, number, total, job.shareable)
    if not painter.end():
        raise OSError(f"cannot write {temp}")


TILE_COLOR = QColor("#1a73e8")


def _tile_grid(painter: QPainter, area: QRectF, recorded: QRectF, tiles: list[QRectF]) -> None:
    """Each following map page as a numbered frame over the overview."""
    target = kit.fitted(area.adjusted(2, 2, -2, -2), recorded)
    scale = target.width() / recorded.width()
    painter.save()
    for number, tile in enumerate(tiles, start=1):
        box = QRectF(target.left() + (tile.left() - recorded.left()) * scale,
                     target.top() + (tile.top() - recorded.top()) * scale, tile.width() * scale,
                     tile.height() * scale).intersected(target)
        pen = QPen(TILE_COLOR, 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        label = QRectF(box.left() + 4, box.top() + 4, 34, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 220))
        painter.drawRoundedRect(label, 4, 4)
        kit.text(painter, label, str(number), kit.font(16, bold=True), TILE_COLOR, Qt.AlignmentFlag.AlignCenter)
    painter.restore()


def _neighbours(painter: QPainter, area: QRectF, tiles: list[QRectF], index: int) -> None:
    """Name the parts that continue the map beyond each edge of part ``index`` (0-based)."""
    here = tiles[index]
    arrows = {"left": "←", "right": "→", "up": "↑", "down": "↓"}
    found: dict[str, int] = {}
    for other_index, other in enumerate(tiles):
        if other_index == index:
            continue
        dx, dy = other.center().x() - here.center().x(), other.center().y() - here.center().y()
        overlaps_x = other.left() < here.right() and here.left() < other.right()
        overlaps_y = other.top() < here.bottom() and here.top() < other.bottom()
        side = None
        if overlaps_y and abs(dx) > 1:
            side = "right" if dx > 0 else "left"
        elif overlaps_x and abs(dy) > 1:
            side = "down" if dy > 0 else "up"
        if side is not None:
            distance = abs(dx) + abs(dy)
            best = found.get(side)
            if best is None or distance < abs(tiles[best].center().x() - here.center().x()) + abs(
                    tiles[best].center().y() - here.center().y()):
                found[side] = other_index
    face = kit.font(10, bold=True)
    for side, other_index in found.items():
        text = translate("MapExport", "part %1").replace("%1", str(other_index + 1))
        text = f"{arrows[side]} {text}" if side in ("left", "up") else f"{text} {arrows[side]}"
        width, height = 70.0, 16.0
        if side == "left":
            box = QRectF(area.left() + 4, area.center().y() - height / 2, width, height)
        elif side == "right":
            box = QRectF(area.right() - width - 4, area.center().y() - height / 2, width, height)
        elif side == "up":
            box = QRectF(area.center().x() - width / 2, area.top() + 4, width, height)
        else:
            box = QRectF(area.center().x() - width / 2, area.bottom() - height - 4, width, height)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 4, 4)
        painter.restore()
        kit.text(painter, box, text, face, TILE_COLOR, align=Qt.AlignmentFlag.AlignCenter)


def draw_map(painter: QPainter, picture: QPicture, recorded: QRectF, area: QRectF, window: QRectF) -> None:
    """The ``window`` of a map recorded from ``recorded`` (both in scene units), fitted and framed in ``area``."""
    kit.frame(painter, area)
    inner = area.adjusted(2, 2, -2, -2)
    target = kit.fitted(inner, window)
    painter.save()
    painter.setClipRect(inner)
    play(painter, picture, target, window.translated(-recorded.topLeft()), clip=False)
    painter.restore()


# -- the stakeholder table --------------------------------------------------------------------------
def _columns(shareable: bool) -> list[tuple[str, str, float]]:
    columns = [("name", translate("MapExport", "Name"), 0.2), ("title", translate("MapExport", "Title"), 0.25),
               ("role", translate("MapExport", "Buying role"), 0.16),
               ("stance", translate("MapExport", "Stance"), 0.12),
               ("influence", translate("MapExport", "Influence"), 0.12),
               ("coverage", translate("MapExport", "Coverage level"), 0.15)]
    if shareable:
        columns = [c for c in columns if c[0] not in ("stance", "influence")]
    total = sum(c[2] for c in columns)
    return [(key, title, share / total) for key, title, share in columns]


def table_rows(workspace, account_id: int) -> list[dict[str, str]]:
    from app.analysis import analyze
    from app.document.analysis_input import analysis_input

    data = workspace.map_data(account_id)
    results = {p.key: p for p in analyze(*analysis_input(data)).people}
    roles, stances, influence = labels.buying_roles(), labels.stances(), labels.influence_levels()
    rows = []
    for person in data.people:
        if person.archived:
            continue
        result = results.get(("person", person.id))
        rows.append({"name": person.name, "title": person.title or "", "role": roles.get(person.role, ""),
                     "stance": stances.get(person.stance, ""), "influence": influence.get(person.influence, ""),
                     "coverage": f"{result.coverage_level} / 5" if result else ""})
    return rows


def _table(painter: QPainter, area: QRectF, rows: list[dict[str, str]], shareable: bool) -> None:
    columns = _columns(shareable)
    y = area.top()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#eceff1"))
    painter.drawRect(QRectF(area.left(), y, area.width(), HEADER_ROW))
    x = area.left()
    for _, title, share in columns:
        kit.text(painter, QRectF(x + 4, y, area.width() * share - 8, HEADER_ROW), title, kit.font(9, bold=True),
                 style.TEXT)
        x += area.width() * share
    y += HEADER_ROW
    for index, row in enumerate(rows):
        if index % 2:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f7f9fa"))
            painter.drawRect(QRectF(area.left(), y, area.width(), ROW))
        x = area.left()
        for key, _, share in columns:
            kit.text(painter, QRectF(x + 4, y, area.width() * share - 8, ROW), row[key], kit.font(9), style.TEXT)
            x += area.width() * share
        y += ROW
    painter.setPen(QPen(kit.RULE_COLOR, 0.6))
    painter.drawLine(area.left(), y, area.right(), y)
