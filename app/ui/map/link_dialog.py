"""Form to add or edit a link between two people on an account's map."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QMessageBox, QSpinBox, QWidget

from app.document.records import LinkRecord
from app.i18n import labels
from app.models.enums import link_kinds_between
from app.ui.common.widgets import add_ok_cancel, fill_combo


class LinkDialog(QDialog):
    """``ends`` maps ("person"|"member", id) to a display name."""

    def __init__(self, ends: dict[tuple[str, int], str], link: LinkRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit link") if link else self.tr("Add link"))
        self.setMinimumWidth(380)
        self.source = QComboBox()
        self.target = QComboBox()
        fill_combo(self.source, ends, link.source if link else None)
        fill_combo(self.target, ends, link.target if link else None)
        if link is None and self.target.count() > 1:
            self.target.setCurrentIndex(1)
        self.source.setEnabled(link is None)
        self.target.setEnabled(link is None)
        self.kind = QComboBox()
        fill_combo(self.kind, labels.link_kinds(), link.kind if link else "knows")
        self.strength = QSpinBox()
        self.strength.setRange(1, 5)
        self.strength.setValue(link.strength if link else 3)
        form = QFormLayout(self)
        form.addRow(self.tr("&From"), self.source)
        form.addRow(self.tr("&Relationship"), self.kind)
        form.addRow(self.tr("&To"), self.target)
        form.addRow(self.tr("&Strength (1–5)"), self.strength)
        add_ok_cancel(self, form)

    def accept(self) -> None:
        source, target, kind = self.source.currentData(), self.target.currentData(), self.kind.currentData()
        if source == target:
            QMessageBox.warning(self, self.windowTitle(), self.tr("A link needs two different people."))
            return
        if kind == "covers" and not (source[0] == "member" and target[0] == "person"):
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("“Our relationship” goes from a member of our team to a customer's person."))
            return
        if kind not in link_kinds_between(source[0], target[0]):
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("Reporting lines stay within one organisation: a member of our team does "
                                        "not report to the customer's people, nor they to us."))
            return
        super().accept()

    def values(self) -> dict:
        return {"source": self.source.currentData(), "target": self.target.currentData(),
                "kind": self.kind.currentData(), "strength": self.strength.value()}
