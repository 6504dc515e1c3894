"""Small widget helpers shared by forms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QMessageBox, QWidget


def steady_box(label, lines: int):
    """A box of ``lines`` lines' height around a word-wrapped label: the panel around it keeps its height
    whatever the text, and a longer text scrolls inside the box. Add the box to the layout, not the label."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    box = QScrollArea()
    box.setWidget(label)
    box.setWidgetResizable(True)
    box.setFrameShape(QFrame.Shape.NoFrame)
    box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setFixedHeight(lines * label.fontMetrics().lineSpacing() + 6)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return box


def fill_combo(combo: QComboBox, choices: dict, current=None, none_label: str | None = None) -> None:
    """Fill ``combo`` with labelled identifiers (item data = identifier) and select ``current``."""
    combo.blockSignals(True)
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, None)
    for key, label in choices.items():
        combo.addItem(label, key)
    select_data(combo, current)
    combo.blockSignals(False)


def select_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def perform_or_warn(parent, stack, command):
    """Perform an undoable edit; a value the database refuses, or a file that refuses the write (a full disk,
    a read-only file), is shown to the user; nothing is written and the undo stack is left as it was.

    Returns the command, or None when it was refused.
    """
    from app.commands import perform
    from app.document.storage_messages import storage_error_text
    from app.i18n import translate
    from app.models.repositories import InvalidInput
    from app.storage.errors import StorageError

    try:
        return perform(stack, command)
    except InvalidInput as exc:
        QMessageBox.warning(parent, translate("Edits", "Not saved"), str(exc))
        return None
    except StorageError as exc:
        QMessageBox.critical(parent, translate("Edits", "Not saved"), storage_error_text(exc))
        return None


def add_ok_cancel(dialog: QDialog, form: QFormLayout) -> QDialogButtonBox:
    """The OK and Cancel buttons at the foot of a record's form."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return buttons


def refuse_empty(dialog: QDialog, text: str, field: QWidget, message: str) -> bool:
    """True, after telling the user and putting them back in ``field``, when a required ``text`` is empty."""
    if text.strip():
        return False
    QMessageBox.warning(dialog, dialog.windowTitle(), message)
    field.setFocus()
    return True


def paper_combo() -> QComboBox:
    """A4 or Letter for a printed document, the locale's first."""
    from app.export.page_kit import default_paper

    combo = QComboBox()
    combo.addItem("A4", "a4")
    combo.addItem("Letter", "letter")
    combo.setCurrentIndex(combo.findData(default_paper()))
    return combo


def add_to_toolbar(toolbar, actions) -> None:
    """Actions on a toolbar, shown and explained without their mnemonic (Qt keeps a Chinese one's "(F)")."""
    for action in actions:
        action.setIconText(button_text(action.text()))
        action.setToolTip(plain_text(action.text()))
        toolbar.addAction(action)


def button_text(text: str) -> str:
    """An action's text as a button shows it: no mnemonic and, as Qt's own icon text, no trailing "…"."""
    text = plain_text(text)
    return text[:-1] if text.endswith("…") else text.removesuffix("...")


def plain_text(text: str) -> str:
    """An action's text without its mnemonic: "&Open database…" → "Open database…", "文件(&F)" → "文件"."""
    for start in range(len(text) - 3):
        if text[start] == "(" and text[start + 1] == "&" and text[start + 3] == ")":
            text = text[:start] + text[start + 4:]
            break
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
