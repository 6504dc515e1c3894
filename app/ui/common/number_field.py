"""A field for a number that takes what people type (1,500,000 · 1.5e9 · 3000万) and says so beside itself
when what they typed cannot be stored, instead of keeping something else."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.i18n.language import money
from app.i18n.money import CURRENCY_NAMES_ZH
from app.i18n.numbers import NumberRefused, format_number, parse_number

ERROR_COLOR = "#b00020"


class NumberField(QWidget):
    """A line edit for one number in [minimum, maximum] with ``decimals`` places; empty means "not known".

    ``value_edited`` carries a new valid value (Decimal, or None when emptied) when the user finishes typing;
    a refused text stays in the field, marked, with the reason beside it, and nothing is emitted.
    """

    value_edited = Signal(object)

    def __init__(self, *, minimum: Decimal | int = 0, maximum: Decimal | int, decimals: int = 0, unit: str = "",
                 currency: str | None = None, placeholder: str | None = None, parent: QWidget | None = None) -> None:
        """A ``currency`` field (an ISO code) shows its sum as the interface's language writes money (215亿元,
        CNY 21.5bn) and reads it back the same way; ``unit`` is a word shown beside any other field."""
        super().__init__(parent)
        self.minimum, self.maximum, self.decimals, self.unit = minimum, maximum, decimals, unit
        self.currency = currency
        self._value: Decimal | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Not known") if placeholder is None else placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if currency:  # wide enough for a sum with its unit ("CNY 888.88bn") beside the clear button
            sample = money(Decimal("888880000000"), currency)
            self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(sample) + 44)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        if unit:
            self.unit_label = QLabel(unit)
            row.addWidget(self.unit_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.editingFinished.connect(self._on_editing_finished)
        self.edit.textEdited.connect(self._on_text_edited)

    # -- value ------------------------------------------------------------------------------------
    def value(self) -> Decimal | None:
        """The last valid value (what is stored), whatever the field shows now."""
        return self._value

    def set_value(self, value: Decimal | int | float | None) -> None:
        self._value = None if value is None else Decimal(str(value))
        self.edit.setText(self._shown(self._value))
        self._show_problem(None)

    def set_text(self, text: str) -> None:
        """Type ``text`` as the user would and finish editing (for scripts and tests)."""
        self.edit.setText(text)
        self._on_editing_finished()

    def commit(self) -> bool:
        """Take what is typed now (a form calls this before it accepts); False, with the reason shown beside the
        field, when it cannot be stored."""
        self._on_editing_finished()
        return not self.message.isVisible()

    def _shown(self, value: Decimal | None) -> str:
        if self.currency and value is not None:
            return money(value, self.currency, exact=True)
        return format_number(value, self.decimals)

    def _affixes(self) -> tuple[str, ...]:
        if not self.currency:
            return (self.unit,) if self.unit else ()
        code = self.currency.upper()
        # Longest first: "亿元" before "元", so the unit stays for the number to be read.
        return tuple(x for x in (CURRENCY_NAMES_ZH.get(code), code) if x)

    # -- checking ---------------------------------------------------------------------------------
    def _parse(self):
        """The typed value; False (after showing why) when it cannot be stored."""
        try:
            value = parse_number(self.edit.text(), minimum=self.minimum, maximum=self.maximum,
                                 decimals=self.decimals, suffixes=self._affixes())
        except NumberRefused as refused:
            self._show_problem(refused)
            return False
        self._show_problem(None)
        return value

    def _on_editing_finished(self) -> None:
        value = self._parse()
        if value is False:
            return
        self.edit.setText(self._shown(value))
        if value != self._value:
            self._value = value
            self.value_edited.emit(value)

    def _on_text_edited(self, _text: str) -> None:
        if self.message.isVisible():  # the user is correcting it: check as they type
            self._parse()

    def _show_problem(self, refused: NumberRefused | None) -> None:
        self.edit.setProperty("refused", refused is not None)
        self.edit.setStyleSheet(f"border: 1px solid {ERROR_COLOR};" if refused is not None else "")
        if refused is None:
            self.message.hide()
            self.message.clear()
            self.edit.setToolTip("")
            return
        self.message.setText(self._reason(refused))
        self.edit.setToolTip(self.message.text())
        self.message.show()

    def _reason(self, refused: NumberRefused) -> str:
        limit = format_number(refused.limit, self.decimals) if refused.reason in ("too_small", "too_large") else ""
        if refused.reason == "not_whole":
            return self.tr("Not saved: a whole number, please.")
        if refused.reason == "too_precise":
            return self.tr("Not saved: at most %n decimal place(s).", "", self.decimals)
        if refused.reason == "too_small":
            return self.tr("Not saved: at least %1.").replace("%1", limit)
        if refused.reason == "too_large":
            return self.tr("Not saved: at most %1.").replace("%1", limit)
        return self.tr("Not saved: “%1” is not a number.").replace("%1", refused.text.strip())
