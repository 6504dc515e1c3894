"""Exporting a large decision map as a PDF: title, map over several pages, legend and stakeholder table.

    python bench/export.py           # readable table
    python bench/export.py --json    # [{"metric": "export_pdf", "size": 500, "seconds": ..., ...}]

A 500-person account with positions (the same generator as bench/map.py) is written to a temporary
database. The baseline, measured in the same run, is the naive export: QPdfWriter and one
``scene.render(painter)`` of the whole scene on a single page, with no title, legend or table.
Targets: ≤ 2 s and ≤ 3 MB at 500 people.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _support import ensure_project_python, median_seconds  # noqa: E402

SIZES = (500,)
RUNS = 3


def naive_export(scene, path: Path) -> None:
    from PySide6.QtGui import QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    painter = QPainter(writer)
    scene.render(painter)
    painter.end()


def measure(workspace, account_id: int, folder: Path) -> dict:
    from app.export import export_map, prepare_map
    from app.export.meeting_pack import export_brief
    from app.views.map.scene import MapScene

    out = folder / "map.pdf"
    seconds = median_seconds(lambda: export_map(workspace, account_id, out, "pdf"), RUNS)
    size = out.stat().st_size
    # The part that has to run on the GUI thread: building the scene and recording it; the rest is a worker's.
    recording = median_seconds(lambda: prepare_map(workspace, account_id, "pdf"), RUNS)
    brief = median_seconds(lambda: export_brief(workspace, account_id, folder / "brief.pdf"), RUNS)

    def baseline() -> None:
        scene = MapScene(workspace)
        scene.show_account(account_id)
        naive_export(scene, folder / "naive.pdf")

    return {"seconds": seconds, "bytes": size, "recording": recording, "brief": brief,
            "baseline": median_seconds(baseline, RUNS),
            "baseline_bytes": (folder / "naive.pdf").stat().st_size}


def main(argv: list[str] | None = None) -> int:
    ensure_project_python("bench/export.py", ("PySide6", "sqlalchemy"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args(argv)

    from map import generate
    from PySide6.QtWidgets import QApplication

    from app.document import Workspace
    from app.storage.database import Database
    from app.ui.common.fonts import apply_application_font

    app = QApplication.instance() or QApplication([])
    apply_application_font(app)
    rows = []
    with tempfile.TemporaryDirectory(prefix="stakemap-bench-export-") as tmp:
        db = Database.open(Path(tmp) / "bench.db")
        try:
            workspace = Workspace(db)
            for size in args.sizes:
                rows.append((size, measure(workspace, generate(db, size), Path(tmp))))
        finally:
            db.close()

    if args.json:
        print(json.dumps([{"metric": "export_pdf", "size": size, "seconds": round(r["seconds"], 4),
                           "baseline_seconds": round(r["baseline"], 4)} for size, r in rows]))
        return 0
    print(f"Decision map PDF export, median of {RUNS}")
    print()
    print(f"  {'people':>7}  {'export':>8}  {'file':>8}  {'naive':>8}  {'naive file':>10}  {'GUI part':>8}  "
          f"{'pack':>8}")
    for size, r in rows:
        print(f"  {size:>7}  {r['seconds']:>7.3f}s  {r['bytes'] / 1e6:>6.2f}MB  {r['baseline']:>7.3f}s  "
              f"{r['baseline_bytes'] / 1e6:>8.2f}MB  {r['recording']:>7.3f}s  {r['brief']:>7.3f}s")
    print()
    print("  export: title, legend, map over several pages, stakeholder table; naive: the scene on one page")
    print("  GUI part: building and recording the map on the GUI thread (the pages are written by a worker)")
    print("  pack: the meeting pack of the same account (six attendees, the map around them)")
    print("  targets: <= 2 s and <= 3 MB at 500 people")
    return 0


if __name__ == "__main__":
    sys.exit(main())
