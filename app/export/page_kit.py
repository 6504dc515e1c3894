"""What every printed page shares: fonts, text in a box, the title block, headings and the footer.

The painter is scaled so that one unit is one typographic point; fonts are given in pixels, which the scale
then turns into points (a point-sized font would be sized again for the writer's 300 dpi).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from app.i18n import translate
from app.views.map import style

RESOLUTION = 300  # the PDF's device units per inch; drawing itself is in points
MARGIN = 30.0
FOOTER = 18.0
TITLE_HEIGHT = 62.0  # the title block on a document's first page, rule included
HEADING_HEIGHT = 22.0  # the running heading on the other pages
SHAREABLE_COLOR = QColor("#2e7d32")
RULE_COLOR = QColor("#cfd8dc")


def font(pixels: float, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(max(1, round(pixels)))
    result.setBold(bold)
    return result


PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
LETTER_TERRITORIES = ("UnitedStates", "Canada", "Mexico", "Philippines", "Chile", "Colombia")


def default_paper() -> str:
    """Letter where the locale's country uses it, A4 everywhere else."""
    territory = QLocale().territory()
    letter = {getattr(QLocale.Country, name) for name in LETTER_TERRITORIES if hasattr(QLocale.Country, name)}
    return "letter" if territory in letter else "a4"


def page_layout(orientation: QPageLayout.Orientation, paper: str = "a4") -> QPageLayout:
    return QPageLayout(QPageSize(PAPERS[paper]), orientation, QMarginsF(0, 0, 0, 0))


def page_rect(layout: QPageLayout) -> QRectF:
    points = layout.fullRect(QPageLayout.Unit.Point)
    return QRectF(0, 0, points.width(), points.height())


def open_writer(path, title: str, layout: QPageLayout) -> tuple[QPdfWriter, QPainter]:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Stakemap")
    writer.setPageLayout(layout)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(RESOLUTION / 72.0, RESOLUTION / 72.0)
    return writer, painter


def long_date(date) -> str:
    return QLocale().toString(QDate(date.year, date.month, date.day), QLocale.FormatType.LongFormat)


def text(painter: QPainter, rect: QRectF, value: str, face: QFont, color: QColor,
         align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    painter.setFont(face)
    painter.setPen(color)
    elided = QFontMetricsF(face).elidedText(value, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, elided)


def title_block(painter: QPainter, page: QRectF, title: str, subtitle: str, shareable: bool) -> None:
    width = page.width() - 2 * MARGIN
    text(painter, QRectF(MARGIN, MARGIN, width, 26), title, font(20, bold=True), style.TEXT)
    text(painter, QRectF(MARGIN, MARGIN + 28, width, 16), subtitle, font(11), style.SUBTLE_TEXT)
    if shareable:
        text(painter, QRectF(MARGIN, MARGIN + 28, width, 16), translate("MapExport", "Shareable version"),
             font(11, bold=True), SHAREABLE_COLOR, Qt.AlignmentFlag.AlignRight)
    painter.setPen(QPen(RULE_COLOR, 0.8))
    painter.drawLine(MARGIN, MARGIN + 50, page.width() - MARGIN, MARGIN + 50)


def heading(painter: QPainter, page: QRectF, value: str) -> None:
    text(painter, QRectF(MARGIN, MARGIN, page.width() - 2 * MARGIN, 16), value, font(11, bold=True), style.TEXT)


def footer(painter: QPainter, page: QRectF, number: int, total: int, shareable: bool) -> None:
    area = QRectF(MARGIN, page.height() - MARGIN - FOOTER + 6, page.width() - 2 * MARGIN, FOOTER - 6)
    face = font(8)
    numbering = translate("MapExport", "Page %1 of %2").replace("%1", str(number)).replace("%2", str(total))
    text(painter, area, numbering, face, style.SUBTLE_TEXT, Qt.AlignmentFlag.AlignRight)
    if shareable:
        note = translate(
            "MapExport", "Shareable version — stances, influence, notes, personal wins and rival links removed")
        width = area.width() - QFontMetricsF(face).horizontalAdvance(numbering) - 16
        text(painter, QRectF(area.left(), area.top(), width, area.height()), note, face, style.SUBTLE_TEXT)


def frame(painter: QPainter, area: QRectF) -> None:
    painter.save()
    painter.setPen(QPen(RULE_COLOR, 0.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(area)
    painter.restore()


def fitted(area: QRectF, source: QRectF) -> QRectF:
    """The largest rectangle of ``source``'s shape centred in ``area``."""
    scale = min(area.width() / source.width(), area.height() / source.height())
    target = QRectF(0, 0, source.width() * scale, source.height() * scale)
    target.moveCenter(area.center())
    return target


def text_area(page: QRectF) -> QRectF:
    """Where running text goes on a page: below the running heading, above the footer."""
    top = MARGIN + HEADING_HEIGHT
    return QRectF(MARGIN, top, page.width() - 2 * MARGIN, page.height() - MARGIN - FOOTER - top)


def text_document(html: str, size: QSizeF, pixels: float) -> QTextDocument:
    """Rich text laid out in pages of ``size`` points (Qt keeps lines whole across a page's edge)."""
    document = QTextDocument()
    document.setDefaultFont(font(pixels))
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(size)
    return document


class Pages:
    """The numbered pages of one file: each begins with its heading and footer, and reports how far the
    writing is (``progress(page, pages)``), as the page count is known before the first page is drawn."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, page: QRectF, total: int, shareable: bool,
                 progress=None) -> None:
        self.writer, self.painter, self.page, self.total = writer, painter, page, total
        self.shareable, self.progress = shareable, progress
        self.number = 0

    def start(self, heading_text: str | None = None) -> None:
        if self.number:
            self.writer.newPage()
        self.number += 1
        if self.progress is not None:
            self.progress(self.number, self.total)
        if heading_text:
            heading(self.painter, self.page, heading_text)
        footer(self.painter, self.page, self.number, self.total, self.shareable)

    def flow(self, document: QTextDocument, area: QRectF, first_heading: str | None, running: str | None,
             on_first_page=None) -> None:
        """Every page of ``document`` into ``area``; ``on_first_page`` draws what else the first one carries."""
        for index in range(document.pageCount()):
            self.start(first_heading if index == 0 else running)
            if index == 0 and on_first_page is not None:
                on_first_page()
            self.painter.save()
            self.painter.translate(area.left(), area.top() - index * area.height())
            document.drawContents(self.painter, QRectF(0, index * area.height(), area.width(), area.height()))
            self.painter.restore()
