"""Refresh the translation files from the source code.

    python tools/update_translations.py          # lupdate the .ts, then lrelease the .qm
    python tools/update_translations.py --check  # exit 1 when a string lacks its Chinese translation

Translators edit resources/i18n/stakemap_zh_CN.ts (Qt Linguist, or any editor); this script keeps
existing translations and marks new strings "unfinished".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_FILE = ROOT / "resources" / "i18n" / "stakemap_zh_CN.ts"
QM_FILE = ROOT / "app" / "resources" / "i18n" / "stakemap_zh_CN.qm"  # package data: the app loads it


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"pyside6-{name} was not found; install the project with pip install -e '.[dev]'")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def lupdate(ts_file: Path = TS_FILE) -> None:
    subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts_file)],
                   cwd=ROOT, check=True, capture_output=True)


def lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    subprocess.run([_tool("lrelease"), str(ts_file), "-qm", str(qm_file)], cwd=ROOT, check=True,
                   capture_output=True)


def untranslated(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished",) or not all(f and f.strip() for f in forms):
                missing.append((name, message.findtext("source") or ""))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report untranslated strings")
    args = parser.parse_args()
    if not args.check:
        lupdate()
        lrelease()
    missing = untranslated()
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
