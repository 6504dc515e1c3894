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
