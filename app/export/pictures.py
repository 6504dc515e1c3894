"""Drawings recorded once and played into a file later, possibly on another thread.

Scenes and widgets may only be drawn on the GUI thread. Recording them into a QPicture there is quick; the
picture keeps every line and every run of text as such, so playing it into a PDF still gives vector drawing
and searchable text, and the slow part — writing the file — can run in a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QPainter, QPicture, QRegion
from PySide6.QtWidgets import QGraphicsScene, QWidget


def record_scene(scene: QGraphicsScene, rect: QRectF) -> QPicture:
    """``rect`` of the scene at one picture unit per scene unit, its top-left corner at the origin."""
    picture = QPicture()
    painter = QPainter(picture)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    return picture


def record_widget(widget: QWidget) -> QPicture:
    picture = QPicture()
    painter = QPainter(picture)
    widget.render(painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
    painter.end()
    return picture


def play(painter: QPainter, picture: QPicture, target: QRectF, source: QRectF, clip: bool = True) -> None:
    """Draw the ``source`` part of a recorded picture (in its own units) into ``target`` (in the painter's)."""
    painter.save()
    if clip:
        painter.setClipRect(target, Qt.ClipOperation.IntersectClip)
    painter.translate(target.topLeft())
    painter.scale(target.width() / source.width(), target.height() / source.height())
    painter.translate(-source.topLeft())
    # Playing a picture scales it by the ratio of the two devices' resolutions; undo that, units are units.
    device = painter.device()
    painter.scale(picture.logicalDpiX() / device.logicalDpiX(), picture.logicalDpiY() / device.logicalDpiY())
    painter.drawPicture(0, 0, picture)
    painter.restore()
