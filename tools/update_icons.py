"""Refresh the application icon that ships as package data from its source drawing.

    python tools/update_icons.py          # copy resources/icons/stakemap.svg, render the PNG sizes
    python tools/update_icons.py --check  # exit 1 when the shipped icon differs from what the SVG gives

The SVG in resources/icons is the one to edit; app/resources/icons holds it and its PNG renderings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import resources  # noqa: E402

SOURCE_SVG = ROOT / "resources" / "icons" / f"{resources.ICON_NAME}.svg"


def render(svg: Path, size: int):
    """The icon drawn at ``size`` × ``size`` pixels, as a QImage with a transparent ground."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:  # a widgets application, so that tests can go on using it
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render.app = QApplication([])  # kept alive for the next call
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def stale() -> list[str]:
    """Shipped icon files that are missing or differ from the source SVG."""
    from PySide6.QtGui import QImage

    problems = []
    if not resources.icon_svg().is_file() or resources.icon_svg().read_bytes() != SOURCE_SVG.read_bytes():
        problems.append(str(resources.icon_svg()))
    for size in resources.ICON_SIZES:
        shipped = QImage(str(resources.icon_png(size)))
        fresh = render(SOURCE_SVG, size).convertToFormat(shipped.format()) if not shipped.isNull() else None
        if fresh is None or shipped != fresh:
            problems.append(str(resources.icon_png(size)))
    return problems


def update() -> None:
    resources.icon_svg().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE_SVG, resources.icon_svg())
    for size in resources.ICON_SIZES:
        if not render(SOURCE_SVG, size).save(str(resources.icon_png(size)), "PNG"):
            raise SystemExit(f"could not write {resources.icon_png(size)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report icon files that are out of date")
    if parser.parse_args().check:
        problems = stale()
        for path in problems:
            print(f"out of date: {path}")
        return 1 if problems else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
