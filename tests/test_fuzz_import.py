"""The importers' fuzz campaign, a few hundred mutated inputs per format (tools/fuzz_import.py runs the full
10,000): each ends in an import or a refusal that wrote nothing, none crashes or takes 5 s."""

from __future__ import annotations

import pytest

from tests import fuzzing

PER_FORMAT = 250


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory):
    return fuzzing.seeds(tmp_path_factory.mktemp("seeds"))


@pytest.mark.parametrize("fmt", fuzzing.FORMATS)
def test_mutated_files_import_or_are_refused_cleanly(fmt, seed_files):
    figures = fuzzing.run(fmt, PER_FORMAT, seed=7, seed_files=seed_files)
    assert figures.inputs == PER_FORMAT
    assert not figures.crashes, figures.crashes[:5]
    assert not figures.hangs, figures.hangs[:5]
    assert not figures.wrote_on_refusal, figures.wrote_on_refusal[:5]
    # The mutations keep enough structure for the importers to get past their first checks.
    assert figures.imported >= PER_FORMAT // 20 and figures.refused >= PER_FORMAT // 20, figures


def test_the_campaign_finds_a_crash_when_there_is_one(monkeypatch, seed_files):
    from app.io import csv_import

    def broken(*_args, **_kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(csv_import, "read_csv", broken)
    figures = fuzzing.run("csv", 5, seed_files=seed_files)
    assert len(figures.crashes) == 5 and "KeyError" in figures.crashes[0]
