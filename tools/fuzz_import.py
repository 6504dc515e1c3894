"""The importers' fuzz campaign: mutated CSV, XLSX, vCard, GraphML, GEXF and JSON files, each imported.

    python tools/fuzz_import.py                     # 10,000 inputs per format (the full campaign)
    python tools/fuzz_import.py --per-format 300 --formats csv json

Prints, per format, how many inputs were imported or refused, the crashes, the hangs (over 5 s), the
refusals that wrote anything, and the slowest input; exits 1 on any finding. Findings are kept in
the system's temporary folder (stakemap-fuzz-findings) to be replayed. The engine is tests/fuzzing.py, which
the test suite runs with a few hundred inputs per format.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    from tests import fuzzing

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-format", type=int, default=10_000)
    parser.add_argument("--formats", nargs="*", default=list(fuzzing.FORMATS), choices=fuzzing.FORMATS)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        pool = fuzzing.seeds(Path(folder))
    found = False
    print(f"{'format':8} {'inputs':>7} {'imported':>9} {'refused':>8} {'crashes':>8} {'hangs':>6} "
          f"{'wrote':>6} {'slowest':>8} {'seconds':>8}")
    for fmt in args.formats:
        f = fuzzing.run(fmt, args.per_format, args.seed, pool, progress=lambda m: print("  " + m, file=sys.stderr))
        print(f"{fmt:8} {f.inputs:7} {f.imported:9} {f.refused:8} {len(f.crashes):8} {len(f.hangs):6} "
              f"{len(f.wrote_on_refusal):6} {f.slowest:7.2f}s {f.seconds:7.0f}s", flush=True)
        for line in f.crashes[:20] + f.hangs[:20] + f.wrote_on_refusal[:20]:
            print("    " + line)
        found |= not f.ok
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
