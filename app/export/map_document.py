"""The decision map as a file: a printable PDF (map, legend, stakeholder table), or a PNG or SVG picture.

Everything is drawn by the map's own items, so the file looks like the screen. Text stays text (the PDF
embeds a subset of the interface font, which has the Chinese glyphs), so names can be searched and copied.

A shareable file leaves private things out rather than hiding them: the cards are given records without
stance and influence before anything is drawn, rival links are taken off the scene, and the table has
no stance or influence column. Notes and personal needs are never drawn on a map or in the table.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QLocale, QMarginsF, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRegion,
)
from PySide6.QtWidgets import QGraphicsItem, QWidget

from app.i18n import labels, translate
from app.io.atomic import write_atomically
from app.views.map import style
from app.views.map.auto_layout import compute, snapshot
from app.views.map.link_item import LinkItem
from app.views.map.scene import MapScene

FORMATS = ("pdf", "png", "svg")
PRIVATE_LINK_KINDS = ("rival",)
RESOLUTION = 300  # the PDF's device units per inch; drawing itself is in points
MARGIN = 30.0
FOOTER = 18.0
LEGEND_SCALE = 0.75  # legend pixels to points
READABLE_SCALE = 0.36  # points per scene unit below which card titles get too small to read on paper
TILE_OVERLAP = 80.0  # scene units shared by neighbouring map pages, so a card cut at one edge is whole on the next
ROW = 15.0
HEADER_ROW = 18.0


@dataclass(frozen=True)
class _Layout:
    page: QRectF  # the page in points
    fit_area: QRectF  # where page 1 draws the whole map
    legend: QRectF
    tile_area: QRectF
    tiles: list[QRectF]  # windows of the scene, one per following map page
    table_pages: int
    rows_per_page: int


def _font(pixels: float, bold: bool = False) -> QFont:
    # Pixel sizes: the painter is scaled to points, and a point-sized font would be sized again for 300 dpi.
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def prepared_scene(workspace, account_id: int, shareable: bool = False) -> MapScene:
    """The account's map as it is drawn into a file: full detail, nothing selected, private things removed."""
    scene = MapScene(workspace)
    scene.animate_moves = False
    unplaced: list = []
    scene.unplaced.connect(unplaced.extend)
    scene.show_account(account_id)
    if unplaced:
        # Never opened in the window: lay the cards out as an org chart for the file, without storing it.
        nodes, edges = snapshot(scene)
        for key, (x, y) in compute("org_chart", nodes, edges).items():
            scene.card(key).setPos(x, y)
    scene.set_overview(False)
    scene.clearSelection()
    if shareable:
        for link in scene.link_items():
            if link.record.kind in PRIVATE_LINK_KINDS:
                # The scene's own removal, as for a deleted link: the item is gone, not merely hidden.
                scene._remove_link(link.id)
        for card in scene.card_items():
            if not card.is_member:
                card.set_record(replace(card.record, stance="unknown", influence=None, notes=None))
                # Even empty, the five influence dots say the field exists and was left blank on purpose.
                card._paint_influence = _no_influence
    for item in scene.items():
        # A cached card would reach the PDF as a bitmap: blurry, and its text could not be found.
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    return scene


def dispose_scene(scene: MapScene) -> None:
    """Delete the scene and its items now: left to the garbage collector, the cycles between cards and links
    are freed in no particular order, after the workspace they listen to is gone, which crashes Qt."""
    for signal in ("people_changed", "team_changed", "links_changed", "positions_changed", "accounts_changed",
                   "actions_changed"):
        with contextlib.suppress(RuntimeError, TypeError):
            getattr(scene._ws, signal).disconnect(getattr(scene, "_on_" + signal))
    for link in scene.link_items():
        link.detach()
    scene.show_account(None)
    shiboken6.delete(scene)


def _no_influence(*_args) -> None:
    pass


def visible_links(scene: MapScene) -> list[LinkItem]:
    return [item for item in scene.items() if isinstance(item, LinkItem)]


def picture_size(rect: QRectF, dpi: int) -> QSize:
    """The pixel size of a PNG of ``rect`` (scene units are pixels at 96 dpi)."""
    scale = dpi / 96.0
    return QSize(max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale)))


def export_map(workspace, account_id: int, path: str | Path, fmt: str, shareable: bool = False,
               author: str | None = None, dpi: int = 150) -> None:
    """Write the account's map to ``path``; the file is replaced only once the new one is complete."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown map format: {fmt}")
    scene = prepared_scene(workspace, account_id, shareable)
    try:
        rect = scene.content_rect()
        if fmt == "png":
            write_atomically(Path(path), lambda temp: _write_png(scene, rect, temp, dpi))
        elif fmt == "svg":
            title = workspace.account(account_id).name
            write_atomically(Path(path), lambda temp: _write_svg(scene, rect, temp, title))
        else:
            write_atomically(Path(path), lambda temp: _write_pdf(workspace, account_id, scene, temp, shareable,
                                                                 author))
    finally:
        dispose_scene(scene)


def _write_png(scene: MapScene, rect: QRectF, temp: Path, dpi: int) -> None:
    size = picture_size(rect, dpi)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise OSError(f"the picture is too large ({size.width()}×{size.height()} pixels)")
    image.fill(QColor("#ffffff"))
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect)
    painter.end()
    if not image.save(str(temp), "PNG"):
        raise OSError(f"cannot write {temp}")


def _write_svg(scene: MapScene, rect: QRectF, temp: Path, title: str) -> None:
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(temp))
    generator.setSize(QSize(math.ceil(rect.width()), math.ceil(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription(translate("MapExport", "Decision map"))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write {temp}")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()


# -- PDF ------------------------------------------------------------------------------------------
def _legend(shareable: bool):
    from app.ui.map_legend import MapLegend

    legend = MapLegend()
    legend._font = _font(11)
    legend.set_expanded(True)
    full_rows = legend._rows

    def rows() -> list[tuple[str, object]]:
        # Unfolded for good on paper, so no fold arrow; a shareable legend must not name what was removed.
        kept = []
        for kind, value in full_rows():
            if kind == "header":
                value = str(value).split("  ")[0]
            if shareable and (kind == "stance" or value == legend.tr("Stance") or value in PRIVATE_LINK_KINDS
                              or kind == "influence"):
                continue
            kept.append((kind, value))
        return kept

    legend._rows = rows
    legend.resize(legend.sizeHint())
    return legend


def _layout(page: QRectF, scene_rect: QRectF, legend_size: QSize, people: int) -> _Layout:
    legend_w, legend_h = legend_size.width() * LEGEND_SCALE, legend_size.height() * LEGEND_SCALE
    top = MARGIN + 62.0
    bottom = page.height() - MARGIN - FOOTER
    fit_area = QRectF(MARGIN, top, page.width() - 2 * MARGIN - legend_w - 12, bottom - top)
    legend = QRectF(page.width() - MARGIN - legend_w, top, legend_w, legend_h)
    tile_area = QRectF(MARGIN, MARGIN + 22, page.width() - 2 * MARGIN, bottom - MARGIN - 22)
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


def _write_pdf(workspace, account_id: int, scene: MapScene, temp: Path, shareable: bool, author: str | None) -> None:
    account = workspace.account(account_id)
    rows = _table_rows(workspace, account_id)
    scene_rect = scene.content_rect()
    legend = _legend(shareable)
    cards = [c.sceneBoundingRect() for c in scene.card_items() if scene.is_shown(c)]

    writer = QPdfWriter(str(temp))
    writer.setResolution(RESOLUTION)
    writer.setTitle(account.name)
    writer.setCreator("Stakemap")
    best = None
    for orientation in (QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait):
        page_layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))
        points = page_layout.fullRect(QPageLayout.Unit.Point)
        layout = _layout(QRectF(0, 0, points.width(), points.height()), scene_rect, legend.size(), len(rows))
        # The orientation that suits the map's shape: fewer map pages, then a larger map on page 1.
        fit = min(layout.fit_area.width() / scene_rect.width(), layout.fit_area.height() / scene_rect.height())
        rank = (-len(layout.tiles), fit, -layout.table_pages)
        if best is None or rank > best[0]:
            best = (rank, page_layout, layout)
    _, page_layout, layout = best
    tiles = [t for t in layout.tiles if any(t.intersects(c) for c in cards)]
    # One part would repeat page 1 a little larger: only a map split in several parts earns its pages.
    layout = _Layout(layout.page, layout.fit_area, layout.legend, layout.tile_area, tiles if len(tiles) > 1 else [],
                     layout.table_pages, layout.rows_per_page)
    writer.setPageLayout(page_layout)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {temp}")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    total = 1 + len(layout.tiles) + layout.table_pages
    number = 1

    def next_page() -> None:
        nonlocal number
        writer.newPage()
        number += 1

    k = RESOLUTION / 72.0
    painter.scale(k, k)
    _title_block(painter, layout.page, account.name, shareable, author)
    _map(painter, scene, layout.fit_area, scene_rect)
    painter.save()
    painter.translate(layout.legend.topLeft())
    painter.scale(LEGEND_SCALE, LEGEND_SCALE)
    legend.render(painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
    # The patched rows make a reference cycle; a widget left to the garbage collector may outlive the
    # application and crash the interpreter on exit.
    shiboken6.delete(legend)
    painter.restore()
    _footer(painter, layout.page, number, total, shareable)
    for index, window in enumerate(layout.tiles, start=1):
        next_page()
        _heading(painter, layout.page, translate("MapExport", "%1 — map, part %2 of %3")
                 .replace("%1", account.name).replace("%2", str(index)).replace("%3", str(len(layout.tiles))))
        _map(painter, scene, layout.tile_area, window)
        _footer(painter, layout.page, number, total, shareable)
    for start in range(0, max(1, len(rows)), layout.rows_per_page):
        next_page()
        _heading(painter, layout.page, translate("MapExport", "%1 — stakeholders").replace("%1", account.name))
        _table(painter, layout.tile_area, rows[start:start + layout.rows_per_page], shareable)
        _footer(painter, layout.page, number, total, shareable)
    if not painter.end():
        raise OSError(f"cannot write {temp}")


def _title_block(painter: QPainter, page: QRectF, name: str, shareable: bool, author: str | None) -> None:
    width = page.width() - 2 * MARGIN
    _text(painter, QRectF(MARGIN, MARGIN, width, 26), name, _font(20, bold=True), style.TEXT)
    date = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
    line = translate("MapExport", "Decision map · %1").replace("%1", date)
    if author:
        line += "   " + translate("MapExport", "Prepared by %1").replace("%1", author)
    _text(painter, QRectF(MARGIN, MARGIN + 28, width, 16), line, _font(11), style.SUBTLE_TEXT)
    if shareable:
        _text(painter, QRectF(MARGIN, MARGIN + 28, width, 16), translate("MapExport", "Shareable version"),
              _font(11, bold=True), QColor("#2e7d32"), Qt.AlignmentFlag.AlignRight)
    painter.setPen(QPen(QColor("#cfd8dc"), 0.8))
    painter.drawLine(MARGIN, MARGIN + 50, page.width() - MARGIN, MARGIN + 50)


def _heading(painter: QPainter, page: QRectF, text: str) -> None:
    _text(painter, QRectF(MARGIN, MARGIN, page.width() - 2 * MARGIN, 16), text, _font(11, bold=True), style.TEXT)


def _footer(painter: QPainter, page: QRectF, number: int, total: int, shareable: bool) -> None:
    area = QRectF(MARGIN, page.height() - MARGIN - FOOTER + 6, page.width() - 2 * MARGIN, FOOTER - 6)
    font = _font(8)
    numbering = translate("MapExport", "Page %1 of %2").replace("%1", str(number)).replace("%2", str(total))
    _text(painter, area, numbering, font, style.SUBTLE_TEXT, Qt.AlignmentFlag.AlignRight)
    if shareable:
        note = translate(
            "MapExport", "Shareable version — stances, influence, notes, personal wins and rival links removed")
        width = area.width() - QFontMetricsF(font).horizontalAdvance(numbering) - 16
        _text(painter, QRectF(area.left(), area.top(), width, area.height()), note, font, style.SUBTLE_TEXT)


def _map(painter: QPainter, scene: MapScene, area: QRectF, window: QRectF) -> None:
    painter.save()
    painter.setPen(QPen(QColor("#cfd8dc"), 0.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(area)
    painter.setClipRect(area)
    inner = area.adjusted(2, 2, -2, -2)
    scale = min(inner.width() / window.width(), inner.height() / window.height())
    target = QRectF(0, 0, window.width() * scale, window.height() * scale)
    target.moveCenter(inner.center())
    scene.render(painter, target, window, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.restore()


def _text(painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    painter.setFont(font)
    painter.setPen(color)
    elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, elided)


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


def _table_rows(workspace, account_id: int) -> list[dict[str, str]]:
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
        _text(painter, QRectF(x + 4, y, area.width() * share - 8, HEADER_ROW), title, _font(9, bold=True), style.TEXT)
        x += area.width() * share
    y += HEADER_ROW
    for index, row in enumerate(rows):
        if index % 2:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f7f9fa"))
            painter.drawRect(QRectF(area.left(), y, area.width(), ROW))
        x = area.left()
        for key, _, share in columns:
            _text(painter, QRectF(x + 4, y, area.width() * share - 8, ROW), row[key], _font(9), style.TEXT)
            x += area.width() * share
        y += ROW
    painter.setPen(QPen(QColor("#cfd8dc"), 0.6))
    painter.drawLine(area.left(), y, area.right(), y)
