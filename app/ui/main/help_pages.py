"""Help ▸ Keyboard shortcuts and Help ▸ What a card shows.

The shortcuts are read from the window's actions when the page opens, so the list is always the one the
window has; the card's anatomy is drawn with the map's own card item, so the picture is what the map shows."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsScene,
    QHeaderView,
    QLabel,
    QMenu,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.document.records import PersonRecord
from app.i18n import labels, translate
from app.ui.common.widgets import plain_text
from app.views.map import style
from app.views.map.card_item import CardItem


def shortcut_rows(menu_bar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every action of the menus that has a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {plain_text(action.text())}")
                continue
            # A standard key the platform leaves unbound (Quit on some desktops) reads as an empty text.
            keys = [k for k in action.shortcuts() if k.toString(QKeySequence.SequenceFormat.NativeText)]
            if action.isSeparator() or not keys or id(action) in seen:
                continue
            seen.add(id(action))
            text = plain_text(action.text())
            rows.append((path, text, translate("HelpPages", " or ").join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), plain_text(top.text()))
    return rows


# Keys the map handles itself (app.views.map.view): no menu action carries them.
def _map_keys() -> list[tuple[str, str, str]]:
    where = translate("HelpPages", "Map")
    return [
        (where, translate("HelpPages", "Rename the selected card"), "F2"),
        (where, translate("HelpPages", "Delete the selected cards and links"), "Del"),
        (where, translate("HelpPages", "Select every card shown"), QKeySequence(QKeySequence.StandardKey.SelectAll)
         .toString(QKeySequence.SequenceFormat.NativeText)),
        (where, translate("HelpPages", "Clear the selection"), "Esc"),
        (where, translate("HelpPages", "Move the selected cards (further with Shift)"),
         translate("HelpPages", "Arrow keys")),
        (where, translate("HelpPages", "Zoom in or out"), translate("HelpPages", "Mouse wheel")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(620, 560)
        rows = shortcut_rows(window.menuBar()) + _map_keys()
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]


def sample_card_picture(scale: float = 1.6) -> QPixmap:
    """A card as the map draws it: a supporting decision-maker of high influence with an overdue action."""
    record = PersonRecord(0, 0, translate("HelpPages", "Zhang Wei"), title=translate("HelpPages", "CIO"),
                          department=translate("HelpPages", "Information technology"), role="decision_maker",
                          stance="supporter", influence=4)
    scene = QGraphicsScene()
    card = CardItem(("person", 0), record, style.role_badges())
    card.overdue = True
    scene.addItem(card)
    bounds = card.boundingRect().adjusted(-4, -4, 4, 4)
    picture = QPixmap(int(bounds.width() * scale), int(bounds.height() * scale))
    picture.fill(Qt.GlobalColor.white)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(picture.rect()), card.mapRectToScene(bounds))
    painter.end()
    return picture


class CardAnatomyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What a card shows"))
        self.resize(620, 640)
        self.picture = QLabel()
        self.picture.setPixmap(sample_card_picture())
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        stances = labels.stances()
        signs = "".join(
            f"<tr><td><span style='color:{style.STANCE_COLORS[s].name()}; background:#b0bec5'>██</span></td>"
            f"<td align='center'><b>{style.STANCE_SIGNS[s]}</b></td><td>{stances[s]}</td></tr>"
            for s in ("advocate", "supporter", "neutral", "skeptic", "opponent", "unknown"))
        parts = [
            (self.tr("Stance: the strip on the left"),
             self.tr("Its colour and its sign say where the person stands towards us, so colour is never the "
                     "only cue (and a greyscale print still reads):") + f"<table cellspacing='4'>{signs}</table>"),
            (self.tr("Name, title and department"),
             self.tr("Zoomed out, the card shows the name only, in letters big enough to read.")),
            (self.tr("Role badge: the coloured pill"),
             self.tr("The person's buying role (economic buyer, decision-maker, technical buyer, coach…); "
                     "a card without a badge has no known role. Our team members are dark cards with an "
                     "“Our team” badge.")),
            (self.tr("Influence dots: bottom right"),
             self.tr("Declared influence from 1 to 5: filled dots, and a bigger card for more influence.")),
            (self.tr("Coverage: the links from our team"),
             self.tr("A line from a team member's card is our relationship with the person: the thicker, the "
                     "closer. The analysis rings the people that nobody on our side knows well enough.")),
            (self.tr("Badges and rings"),
             self.tr("A red ! on the corner: an overdue next action with the person. A coloured ring: what an "
                     "analysis overlay marks (a route, a coalition, a coverage gap, an opportunity). A dashed "
                     "ring with Δ: a change since the snapshot being compared.")),
        ]
        text = QLabel("".join(f"<h3>{title}</h3><p>{body}</p>" for title, body in parts))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.text = text
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.picture)
        inner.addWidget(text)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)


def help_actions(window) -> tuple[QAction, QAction]:
    """Help ▸ Keyboard shortcuts and Help ▸ What a card shows, for ``window``'s Help menu."""
    shortcuts = QAction(translate("MainWindow", "&Keyboard shortcuts"), window)
    shortcuts.setShortcut(QKeySequence("F1"))
    shortcuts.triggered.connect(lambda: ShortcutsDialog(window).exec())
    anatomy = QAction(translate("MainWindow", "What a &card shows"), window)
    anatomy.triggered.connect(lambda: CardAnatomyDialog(window).exec())
    return shortcuts, anatomy
