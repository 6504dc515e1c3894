"""What the benchmark scripts share: running under the project's environment, logging, medians."""

from __future__ import annotations

import importlib
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ensure_project_python(script: str, modules: tuple[str, ...]) -> None:
    """Re-run under the project's .venv when started with a Python that lacks ``modules``."""
    try:
        for module in modules:
            importlib.import_module(module)
    except ImportError:
        venv = ROOT / ".venv"
        venv_python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        # The venv's python is often a link to the same binary: compare environments, not executables.
        if venv_python.exists() and Path(sys.prefix).resolve() != venv.resolve():
            os.execv(str(venv_python), [str(venv_python), *sys.argv])
        sys.exit(f"{script}: {', '.join(modules)} missing; run `bash scripts/bootstrap.sh` first.")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median_seconds(task, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
