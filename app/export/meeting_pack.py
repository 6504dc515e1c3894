"""The meeting pack: one PDF an account manager reads on the way to a meeting.

Page order: who comes and what to talk about; the map around the attendees; then each attendee in detail,
the open actions, coverage and the routes to the decision-makers. The text is laid out by QTextDocument
(searchable, the interface font embedded, Chinese included); the map is the map's own drawing, recorded on
the GUI thread by ``prepare_brief`` so that ``write_brief`` can run on a worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPageLayout, QPicture

from app.export import brief_html
from app.export import page_kit as kit
from app.export.brief_content import BriefContent, default_attendees, gather
from app.export.map_document import LEGEND_SCALE, READABLE_SCALE, _legend, draw_map
from app.export.pictures import play, record_scene
from app.export.scene_source import dispose_scene, prepared_scene
from app.i18n import translate
from app.io.atomic import write_atomically
from app.views.map import overlays
from app.views.map.auto_layout import compute, snapshot

ATTENDEE_RING = QColor("#0072B2")
BODY_PIXELS = 10


@dataclass
class BriefJob:
    """A meeting pack gathered and its map recorded: safe to hand to another thread."""
    content: BriefContent
    front_html: str
    back_html: str
    map_rect: QRectF
    map_picture: QPicture | None  # None when no attendee is on the map
    legend: QPicture
    legend_size: QSize
    author: str | None
    paper: str = "a4"


def prepare_brief(workspace, account_id: int, attendee_ids: list[int] | None = None,
                  meeting_date: dt.date | None = None, shareable: bool = False, author: str | None = None,
                  today: dt.date | None = None, paper: str | None = None) -> BriefJob:
    """Gather the pack and record its map (GUI thread). ``paper``: "a4" or "letter" (default: the locale's)."""
    if paper is not None and paper not in kit.PAPERS:
        raise ValueError(f"unknown paper size: {paper}")
    paper = paper or kit.default_paper()
    today = today or dt.date.today()
    meeting_date = meeting_date or today
    if attendee_ids is None:
        attendee_ids = default_attendees(workspace, account_id)
    content = gather(workspace, account_id, attendee_ids, meeting_date, shareable, today)
    if author:
        prepared = translate("MeetingPack", "prepared %1 by %2").replace("%1", kit.long_date(today))
        prepared = prepared.replace("%2", author)
    else:
        prepared = translate("MeetingPack", "prepared %1").replace("%1", kit.long_date(today))
    front = brief_html.front(content, kit.long_date(meeting_date), prepared)
    back = brief_html.back(content)
    rect, picture = _record_focus_map(workspace, account_id, content, shareable, paper)
    legend_picture, legend_size = _legend(shareable)
    return BriefJob(content, front, back, rect, picture, legend_picture, legend_size, author, paper)


def _record_focus_map(workspace, account_id: int, content: BriefContent, shareable: bool, paper: str):
    scene = prepared_scene(workspace, account_id, shareable)
    try:
        present = [key for key in content.attendee_keys if scene.card(key) is not None]
        if not present:
            return QRectF(), None
        focus: set = set()
        for key in present:
            focus |= scene.within(key, 1)
        scene.set_filters(only=focus)
        overlays.ring(scene, {key: ATTENDEE_RING for key in present})
        rect = scene.content_rect()
        area = _map_area(kit.page_rect(kit.page_layout(QPageLayout.Orientation.Portrait, paper)), QSize(0, 0))
        if min(area.width() / rect.width(), area.height() / rect.height()) < READABLE_SCALE:
            # The attendees sit far apart on a large map: arrange just them and their neighbours, for the file.
            nodes, edges = snapshot(scene, focus)
            for key, (x, y) in compute("org_chart", nodes, edges).items():
                scene.card(key).setPos(x, y)
            scene.card_moved(scene.card(present[0]))
            rect = scene.content_rect()
        return rect, record_scene(scene, rect)
    finally:
        dispose_scene(scene)


def write_brief(job: BriefJob, path: str | Path, progress=None) -> None:
    """Write the pack; the file is replaced only once the new one is complete (any thread). ``progress`` is
    called with (page, pages) as each page is begun."""
    write_atomically(Path(path), lambda temp: _write_pdf(job, temp, progress))


def export_brief(workspace, account_id: int, path: str | Path, attendee_ids: list[int] | None = None,
                 meeting_date: dt.date | None = None, shareable: bool = False, author: str | None = None,
                 paper: str | None = None) -> None:
    write_brief(prepare_brief(workspace, account_id, attendee_ids, meeting_date, shareable, author, paper=paper),
                path)


def _map_area(page: QRectF, legend_size: QSize) -> QRectF:
    area = kit.text_area(page)
    return area.adjusted(0, 0, 0, -(legend_size.height() * LEGEND_SCALE + 10))


def _write_pdf(job: BriefJob, temp: Path, progress=None) -> None:
    layout = kit.page_layout(QPageLayout.Orientation.Portrait, job.paper)
    page = kit.page_rect(layout)
    area = kit.text_area(page)
    front = kit.text_document(job.front_html, area.size(), BODY_PIXELS)
    back = kit.text_document(job.back_html, area.size(), BODY_PIXELS)
    map_pages = 1 if job.map_picture is not None else 0
    title = translate("MeetingPack", "Meeting pack — %1").replace("%1", job.content.account)
    running = title + " · " + kit.long_date(job.content.meeting_date)
    writer, painter = kit.open_writer(temp, title, layout)
    pages = kit.Pages(writer, painter, page, front.pageCount() + map_pages + back.pageCount(),
                      job.content.shareable, progress)
    pages.flow(front, area, None, running)
    if job.map_picture is not None:
        pages.start(translate("MeetingPack", "%1 — the attendees (ringed) and the people linked to them")
                    .replace("%1", job.content.account))
        map_area = _map_area(page, job.legend_size)
        draw_map(painter, job.map_picture, job.map_rect, map_area, job.map_rect)
        legend = QRectF(map_area.left(), map_area.bottom() + 10, job.legend_size.width() * LEGEND_SCALE,
                        job.legend_size.height() * LEGEND_SCALE)
        play(painter, job.legend, legend, QRectF(0, 0, job.legend_size.width(), job.legend_size.height()))
    pages.flow(back, area, running, running)
    if not painter.end():
        raise OSError(f"cannot write {temp}")
