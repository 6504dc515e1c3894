"""A one-line label that a long text cannot widen: the text is elided to the room the layout gives, and shown in
full in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

HINT_LIMIT = 600


def elided(text: str, font_metrics: QFontMetrics, width: int, mode=Qt.TextElideMode.ElideRight) -> str:
    """``text`` cut to ``width`` pixels with an ellipsis (one line: line breaks become spaces)."""
    return font_metrics.elidedText(" ".join(text.split()), mode, max(int(width), 0))


class ElidedLabel(QLabel):
    """``text()`` is the whole text; what is painted is cut to the label's width. It asks for its text's width up
    to HINT_LIMIT and can be shrunk to nothing, so it never widens a panel or the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def text(self) -> str:  # the whole text, not the elided one
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text or ""
        self.updateGeometry()
        self._update_shown()

    def shown_text(self) -> str:
        """What the label paints now (elided to its width)."""
        return super().text()

    def sizeHint(self) -> QSize:  # noqa: N802
        # The whole text's width, within a cap: a layout may shrink the label down to nothing, never grow for it.
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(" ".join(self._full.split())) + margins.left() + margins.right()
        return QSize(min(width + 4, HINT_LIMIT), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_shown()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange:
            self._update_shown()

    def _update_shown(self) -> None:
        shown = elided(self._full, self.fontMetrics(), self.contentsRect().width())
        if super().text() != shown:
            super().setText(shown)
        self.setToolTip(self._full if shown != " ".join(self._full.split()) else "")
