"""Reading a written PDF as its reader would, with poppler's tools."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path, layout: bool = True) -> str:
    return _run("pdftotext", *(("-layout",) if layout else ()), str(path), "-")


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(path)), re.M).group(1))


def page_size(path: Path) -> list[int]:
    """Width and height of the first page in points, the smaller first."""
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", _run("pdfinfo", str(path))).groups()
    return sorted(round(float(v)) for v in size)


def fonts(path: Path) -> list[list[str]]:
    """pdffonts' rows, split in columns (``row[-5]`` says whether the font is embedded)."""
    return [line.split() for line in _run("pdffonts", str(path)).splitlines()[2:]]


def compact(text: str) -> str:
    """``text`` without white space: pdftotext may break a long line or space out glyphs."""
    return re.sub(r"\s+", "", text)


def word_boxes(path: Path) -> list[list[tuple[str, float]]]:
    """Per page, each word with the height of its box in points (``pdftotext -bbox``): a word set in N-point
    type has a box a little taller than N (a 7 pt name is about 8 pt high)."""
    import html
    import re

    pages = _run("pdftotext", "-bbox", str(path), "-").split("<page ")[1:]
    pattern = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')
    return [[(html.unescape(text), float(bottom) - float(top)) for top, bottom, text in pattern.findall(page)]
            for page in pages]
