"""Files the app reads at run time: its translations, its icon and any bundled fonts.

They are package data, found through importlib.resources, so a checkout, a wheel, a pipx install and the
one-folder build find them the same way. Their sources live in the checkout's top-level ``resources/``
folder (the .ts catalogue, the icon's SVG); tools/update_translations.py and tools/update_icons.py refresh
the copies here.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

ICON_NAME = "stakemap"
# The sizes freedesktop's hicolor theme and the window manager ask for most.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


def resource_path(*parts: str) -> Path:
    """The file-system path of a resource; package data is always installed as plain files."""
    return Path(str(files(__name__).joinpath(*parts)))


def translation_file(language: str) -> Path:
    return resource_path("i18n", f"stakemap_{language}.qm")


def icon_svg() -> Path:
    return resource_path("icons", f"{ICON_NAME}.svg")


def icon_png(size: int) -> Path:
    return resource_path("icons", f"{ICON_NAME}-{size}.png")


def bundled_fonts() -> list[Path]:
    """Font files shipped with the app (the one-folder build carries a CJK font); none in a checkout."""
    folder = resource_path("fonts")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
