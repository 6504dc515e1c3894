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
