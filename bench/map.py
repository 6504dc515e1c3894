"""The decision map at scale: opening an account to an interactive map, and repainting the full view.

    python bench/map.py           # readable table
    python bench/map.py --json    # [{"metric": "map_open" | "map_repaint", "size": N, "seconds": ..., ...}]

Accounts of 500, 2,000 and 10,000 people (about 3 links each, 5 % team members) are generated into a
temporary database. The baseline is the naive map built in the same run from the same rows: one
QGraphicsEllipseItem, one QGraphicsSimpleTextItem and one QGraphicsLineItem per person and link, antialiased,
in a plain scene (no index: Qt's default BSP index takes many seconds on its first query of a large scene
with long lines, which would only flatter Stakemap). Both are shown in a 1920×1080 view, offscreen.
Targets: opening ≤ 0.5 s at 2,000 people; a full-view repaint ≤ 33 ms at 2,000 and ≤ 150 ms at 10,000.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = (500, 2000, 10000)
REPAINTS = 7
VIEW_SIZE = (1920, 1080)


def generate(db, size: int, seed: int = 11) -> int:
    """One account of ``size`` people laid out as an org chart grid, with ~3 links each."""
    from sqlalchemy import insert

    from app.models import Account, AccountTeam, Link, Person, TeamMember

    rng = random.Random(seed + size)
    with db.engine.begin() as conn:
        account_id = conn.execute(insert(Account).values(name=f"Bench {size}")).inserted_primary_key[0]
        members = max(2, size // 20)
        people = size - members
        columns = int((people ** 0.5) * 1.6) + 1
        conn.execute(insert(Person), [
            {"account_id": account_id, "name": f"Person {i}", "title": "Manager" if i % 7 == 0 else "Engineer",
             "department": f"Dept {i % 23}", "role": rng.choice(("decision_maker", "influencer", "user_buyer",
                                                                 "technical_buyer", "unknown")),
             "stance": rng.choice(("advocate", "supporter", "neutral", "skeptic", "opponent", "unknown")),
             "influence": rng.randint(1, 5), "x": (i % columns) * 260.0, "y": (i // columns) * 150.0}
            for i in range(people)])
        first_person = conn.execute(Person.__table__.select().where(Person.account_id == account_id)
                                    .order_by(Person.id).limit(1)).first()[0]
        conn.execute(insert(TeamMember), [{"name": f"Member {size}-{i}"} for i in range(members)])
        member_ids = [r[0] for r in conn.execute(TeamMember.__table__.select()
                                                  .where(TeamMember.name.like(f"Member {size}-%")))]
        conn.execute(insert(AccountTeam), [
            {"account_id": account_id, "member_id": m, "x": (i % columns) * 260.0,
             "y": (people // columns + 2) * 150.0} for i, m in enumerate(member_ids)])
        links = []
        for i in range(1, people):  # an org tree: everyone reports to someone earlier
            links.append({"account_id": account_id, "kind": "reports_to", "strength": 3,
                          "source_person_id": first_person + i,
                          "target_person_id": first_person + rng.randrange(max(0, i - 40), i)})
        for _ in range(people):
            a, b = rng.sample(range(people), 2)
            links.append({"account_id": account_id, "kind": rng.choice(("influences", "knows", "ally", "rival")),
                          "strength": rng.randint(1, 5), "source_person_id": first_person + a,
                          "target_person_id": first_person + b})
        for _ in range(people // 2):
            links.append({"account_id": account_id, "kind": "covers", "strength": rng.randint(1, 5),
                          "source_member_id": rng.choice(member_ids),
                          "target_person_id": first_person + rng.randrange(people)})
        ends = {"source_person_id": None, "source_member_id": None, "target_person_id": None, "target_member_id": None}
        conn.execute(insert(Link), [{**ends, **link} for link in links])
    return account_id


def naive_scene(data):
    """The straightforward map: built-in items, one per thing, nothing clever."""
    from PySide6.QtGui import QPen
    from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsScene, QGraphicsSimpleTextItem

    scene = QGraphicsScene()
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    centres = {}
    for p in data.people:
        centres[("person", p.id)] = (p.x, p.y)
    for m in data.members:
        centres[("member", m.id)] = data.member_positions[m.id]
    for key, (x, y) in centres.items():
        ellipse = QGraphicsEllipseItem(-40, -25, 80, 50)
        ellipse.setPos(x, y)
        scene.addItem(ellipse)
        text = QGraphicsSimpleTextItem(f"{key[0]} {key[1]}")
        text.setPos(x - 30, y - 8)
        scene.addItem(text)
    pen = QPen()
    for link in data.links:
        (x1, y1), (x2, y2) = centres[link.source], centres[link.target]
        scene.addLine(x1, y1, x2, y2, pen)
    return scene


class _PaintCounter:
    """Counts the viewport's paint events, so a repaint that did not happen cannot pass for a fast one."""

    def __init__(self, viewport) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        viewport.installEventFilter(self._filter)


def time_repaint(view, invalidate=None) -> float:
    """Median time of a full repaint of the view; ``invalidate`` is called before each (outside the timing)."""
    counter = _PaintCounter(view.viewport())
    samples = []
    for _ in range(REPAINTS):
        if invalidate is not None:
            invalidate()
        start = time.perf_counter()
        view.viewport().repaint()
        samples.append(time.perf_counter() - start)
    if counter.count < REPAINTS:
        raise RuntimeError(f"the view painted {counter.count} times out of {REPAINTS}")
    return statistics.median(samples)


def measure_size(app, workspace, account_id: int, size: int) -> dict:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QGraphicsView

    from app.views.map.scene import MapScene
    from app.views.map.view import MapView

    result = {}
    # Stakemap: from the database to a painted, interactive map.
    start = time.perf_counter()
    scene = MapScene(workspace)
    view = MapView(scene)
    view.resize(*VIEW_SIZE)
    view.show()
    app.processEvents()  # the window must be exposed before it paints
    scene.show_account(account_id)
    view.fit_all()
    view.viewport().repaint()
    result["open"] = time.perf_counter() - start
    # A repaint after a change (zoom, edit) renders everything again: that is the figure reported. One that
    # changes nothing (scroll back, an expose, an overlay) reuses the last rendering when drawn as an overview.
    result["repaint"] = time_repaint(view, invalidate=lambda: (scene.overview.update(), scene.update()))
    result["repaint_cached"] = time_repaint(view)
    result["overview"] = scene.overview_mode
    view.close()

    start = time.perf_counter()
    data = workspace.map_data(account_id)
    naive = naive_scene(data)
    naive_view = QGraphicsView(naive)
    naive_view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    naive_view.resize(*VIEW_SIZE)
    naive_view.show()
    app.processEvents()
    naive_view.fitInView(naive.itemsBoundingRect())
    naive_view.viewport().repaint()
    result["open_baseline"] = time.perf_counter() - start
    result["repaint_baseline"] = time_repaint(naive_view)
    naive_view.close()
    app.processEvents()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from app.document import Workspace
    from app.storage.database import Database
    from app.ui.common.fonts import apply_application_font

    app = QApplication.instance() or QApplication([])
    apply_application_font(app)
    rows = []
    with tempfile.TemporaryDirectory(prefix="stakemap-bench-map-") as tmp:
        db = Database.open(Path(tmp) / "bench.db")
        try:
            workspace = Workspace(db)
            for size in args.sizes:
                account_id = generate(db, size)
                rows.append((size, measure_size(app, workspace, account_id, size)))
        finally:
            db.close()

    if args.json:
        out = []
        for size, r in rows:
            out.append({"metric": "map_open", "size": size, "seconds": round(r["open"], 4),
                        "baseline_seconds": round(r["open_baseline"], 4)})
            out.append({"metric": "map_repaint", "size": size, "seconds": round(r["repaint"], 4),
                        "baseline_seconds": round(r["repaint_baseline"], 4)})
        print(json.dumps(out))
        return 0
    print(f"Decision map, {VIEW_SIZE[0]}×{VIEW_SIZE[1]} view offscreen; repaint = median of {REPAINTS}")
    print()
    print(f"  {'people':>7}  {'open':>8}  {'naive open':>10}  {'repaint':>9}  {'naive repaint':>13}  "
          f"{'unchanged':>9}  drawn as")
    for size, r in rows:
        mode = "overview" if r["overview"] else "cards"
        print(f"  {size:>7}  {r['open']:>7.3f}s  {r['open_baseline']:>9.3f}s  {r['repaint'] * 1000:>7.1f}ms  "
              f"{r['repaint_baseline'] * 1000:>11.1f}ms  {r['repaint_cached'] * 1000:>7.1f}ms  {mode}")
    print()
    print("  repaint: after a change (everything drawn again); unchanged: nothing changed since the last paint")
    print()
    print("  targets: open <= 0.5 s at 2,000; repaint <= 33 ms at 2,000 and <= 150 ms at 10,000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
