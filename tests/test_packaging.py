"""Stakemap as users install it: the wheel carries everything the app reads at run time, the version is
reported, and the desktop launcher, icon and file type are installed and removed cleanly."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import app
from app import resources
from app.cli import main
from app.desktop import integration

ROOT = Path(__file__).resolve().parents[1]


def source_tree_copy(destination: Path) -> Path:
    """The checkout's files as git sees them (tracked and new, not ignored), without build leftovers."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def build_wheel(source: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q",
                    "-w", str(out), str(source)], check=True, capture_output=True)
    (wheel,) = out.glob("stakemap-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tree = source_tree_copy(tmp_path_factory.mktemp("tree"))
    return build_wheel(tree, tmp_path_factory.mktemp("wheel"))


def test_the_wheel_carries_translations_migrations_and_icons(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "app/resources/i18n/stakemap_zh_CN.qm" in names
    assert "app/resources/icons/stakemap.svg" in names
    for size in resources.ICON_SIZES:
        assert f"app/resources/icons/stakemap-{size}.png" in names
    assert "app/storage/migrations/env.py" in names
    shipped_revisions = {n.rsplit("/", 1)[1] for n in names if n.startswith("app/storage/migrations/versions/")}
    source_revisions = {p.name for p in (ROOT / "app/storage/migrations/versions").glob("*.py")}
    assert shipped_revisions == source_revisions
    assert not any(n.startswith(("tests/", "resources/", "bench/", "tools/")) for n in names)


def test_the_wheel_ships_the_catalogue_the_checkout_compiles(wheel):
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("app/resources/i18n/stakemap_zh_CN.qm") == resources.translation_file("zh_CN").read_bytes()
        metadata = archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = archive.read(next(n for n in archive.namelist()
                                         if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert f"\nVersion: {app.__version__}\n" in metadata
    assert "stakemap = app.cli:entry_point" in entry_points


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"stakemap {app.__version__}"


def test_the_shipped_icon_is_drawn_from_its_source():
    sys.path.insert(0, str(ROOT / "tools"))
    import update_icons

    assert update_icons.stale() == [], "run tools/update_icons.py"


def test_the_translations_are_found_as_package_data():
    assert resources.translation_file("zh_CN").is_file()
    assert resources.translation_file("zh_CN").is_relative_to(Path(app.__file__).parent)


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_desktop_writes_a_valid_launcher_icons_and_file_type(data_home, capsys):
    assert main(["install-desktop"]) == 0
    launcher = data_home / "applications" / "stakemap.desktop"
    assert str(launcher) in capsys.readouterr().out
    entry = _desktop_entry(launcher)
    program = entry["Exec"].removesuffix(" %f")
    assert Path(program).is_absolute() and Path(program).is_file(), program
    assert entry["Icon"] == "stakemap" and "application/x-stakemap;" == entry["MimeType"]
    assert "大客户" in entry["GenericName[zh_CN]"]
    # desktop-file-utils is installed by scripts/bootstrap.sh; the launcher must pass its validator.
    validated = subprocess.run(["desktop-file-validate", str(launcher)], capture_output=True, text=True)
    assert validated.returncode == 0 and not validated.stdout.strip(), validated.stdout + validated.stderr

    hicolor = data_home / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "stakemap.svg").read_bytes() == resources.icon_svg().read_bytes()
    from PySide6.QtGui import QImage

    for size in resources.ICON_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / "stakemap.png"))
        assert (image.width(), image.height()) == (size, size)
    mime = data_home / "mime" / "packages" / "stakemap.xml"
    assert 'glob pattern="*.stakemap"' in mime.read_text(encoding="utf-8")
    # update-mime-database (shared-mime-info) compiled it into the user's MIME database.
    assert "application/x-stakemap:*.stakemap" in (data_home / "mime" / "globs").read_text()


def test_install_desktop_twice_then_uninstall_leaves_nothing_of_ours(data_home):
    integration.install()
    written = integration.install().files
    assert len(written) == 4 + len(resources.ICON_SIZES)  # launcher, MIME package, app and file-type SVGs, PNGs
    ours = {p for p in data_home.rglob("*") if p.is_file() and "stakemap" in p.name}
    # update-mime-database adds its compiled entry of the new type.
    assert ours == set(written) | {data_home / "mime" / "application" / "x-stakemap.xml"}
    assert main(["uninstall-desktop"]) == 0
    assert not [p for p in data_home.rglob("*") if p.is_file() and "stakemap" in p.name]
    assert "stakemap" not in (data_home / "mime" / "globs").read_text()
    assert main(["uninstall-desktop"]) == 0  # nothing left to remove is not an error


def test_exec_line_quotes_paths_with_spaces_and_percent_signs():
    entry = integration.desktop_entry(["/opt/My Apps/stake%map"])
    assert 'Exec="/opt/My Apps/stake%%map" %f' in entry.splitlines()


def test_a_database_named_first_opens_it(monkeypatch, tmp_path):
    opened = {}
    import app.ui.main.application

    monkeypatch.setattr(app.ui.main.application, "run_gui", lambda db, lang: opened.update(db=db, lang=lang) or 0)
    target = tmp_path / "team.stakemap"
    assert main([str(target), "--lang", "zh_CN"]) == 0
    assert opened == {"db": target, "lang": "zh_CN"}


def test_the_window_wears_the_app_icon(app):
    from app.ui.main.application import application_icon

    icon = application_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(resources.ICON_SIZES)
