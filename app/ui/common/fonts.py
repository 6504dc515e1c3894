"""Pick a font that has Chinese glyphs; Qt's default on a bare Linux may not."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans SC",
)


def cjk_family() -> str | None:
    available = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in available), None)


def apply_application_font(app: QApplication) -> str | None:
    family = cjk_family()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 9.5))
        app.setFont(font)
    return family
