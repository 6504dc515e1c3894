"""Pick a font that has Chinese glyphs; Qt's default on a bare Linux may not."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import bundled_fonts

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans SC",
)


def register_bundled_fonts() -> list[str]:
    """Make the fonts shipped with the app (the one-folder build carries a CJK font) known to Qt, so Chinese
    shows and is embedded in PDFs on a machine that has no CJK font of its own. Returns their families."""
    families: list[str] = []
    for path in bundled_fonts():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def cjk_family() -> str | None:
    available = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in available), None)


def apply_application_font(app: QApplication) -> str | None:
    register_bundled_fonts()
    family = cjk_family()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 9.5))
        app.setFont(font)
    return family
