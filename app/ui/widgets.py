"""Small widget helpers shared by forms."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


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
    """Perform an undoable edit; a value the database refuses is shown to the user and nothing is written.

    Returns the command, or None when it was refused.
    """
    from PySide6.QtWidgets import QMessageBox

    from app.commands import perform
    from app.i18n import translate
    from app.models.repositories import InvalidInput

    try:
        return perform(stack, command)
    except InvalidInput as exc:
        QMessageBox.warning(parent, translate("Edits", "Not saved"), str(exc))
        return None
