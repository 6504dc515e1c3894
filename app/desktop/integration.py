"""Install and remove the freedesktop launcher, icon and file type of Stakemap for the current user.

Everything goes under ``$XDG_DATA_HOME`` (``~/.local/share``): ``applications/stakemap.desktop``, the icon in
the hicolor theme (SVG plus PNG sizes) and ``mime/packages/stakemap.xml``, which makes ``*.stakemap`` files a
type of their own that opens in Stakemap. ``.db`` is deliberately not claimed: many programs keep unrelated
files under that extension, and a launcher that grabbed them all would open Firefox's and Thumbs.db in a
decision-map app.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app import resources

DESKTOP_ID = "stakemap"
MIME_TYPE = "application/x-stakemap"
MIME_ICON = MIME_TYPE.replace("/", "-")
FILE_EXTENSION = ".stakemap"


@dataclass
class DesktopChanges:
    """What an install or uninstall did: the files it wrote or removed, and the caches it refreshed."""

    files: list[Path] = field(default_factory=list)
    caches: list[str] = field(default_factory=list)


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    # The base directory specification says a relative value is invalid and must be ignored.
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """The absolute command that starts this installation of Stakemap."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    beside_python = Path(sys.executable).parent / "stakemap"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return [str(beside_python.absolute())]
    checkout_main = Path(__file__).resolve().parents[2] / "main.py"
    if checkout_main.is_file():
        return [str(Path(sys.executable).absolute()), str(checkout_main)]
    found = shutil.which("stakemap")
    if found:
        return [str(Path(found).absolute())]
    raise RuntimeError("cannot find the stakemap program to start")


def _quote_exec_argument(argument: str) -> str:
    """Quote one argument of an Exec key as the Desktop Entry specification asks."""
    reserved = set(' \t\n"\'\\><~|&;$*?#()`')
    escaped = argument.replace("%", "%%")
    if not reserved.intersection(escaped):
        return escaped
    inner = "".join("\\" + c if c in '"`$\\' else c for c in escaped)
    # The whole value is itself a string value, in which a backslash is written twice.
    return '"' + inner.replace("\\", "\\\\") + '"'


def desktop_entry(command: list[str]) -> str:
    """The text of ``stakemap.desktop`` for ``command``."""
    exec_line = " ".join(_quote_exec_argument(a) for a in command) + " %f"
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Stakemap",
        "GenericName=Key-account decision maps",
        "GenericName[zh_CN]=大客户决策地图",
        "Comment=Map the buying committee of a key account: who decides, who influences whom, how well we cover them",
        "Comment[zh_CN]=绘制大客户采购决策链：谁拍板、谁影响谁、我方覆盖得如何",
        f"Exec={exec_line}",
        f"Icon={resources.ICON_NAME}",
        "Terminal=false",
        "Categories=Office;ProjectManagement;",
        "Keywords=CRM;sales;key account;stakeholder;decision map;",
        "Keywords[zh_CN]=大客户;销售;决策链;关系图;客户关系;",
        f"MimeType={MIME_TYPE};",
        "StartupNotify=true",
        f"StartupWMClass={DESKTOP_ID}",
    ]
    if len(command) == 1:
        lines.insert(lines.index(f"Exec={exec_line}") + 1, f"TryExec={command[0]}")
    return "\n".join(lines) + "\n"


def mime_package() -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Stakemap database</comment>
    <comment xml:lang="zh_CN">Stakemap 数据库</comment>
    <sub-class-of type="application/vnd.sqlite3"/>
    <generic-icon name="{MIME_ICON}"/>
    <glob pattern="*{FILE_EXTENSION}"/>
  </mime-type>
</mime-info>
"""


def _targets(home: Path) -> dict[Path, Path | str]:
    """Each file to install, with its source file or text."""
    hicolor = home / "icons" / "hicolor"
    targets: dict[Path, Path | str] = {
        home / "applications" / f"{DESKTOP_ID}.desktop": "",  # filled in by install()
        home / "mime" / "packages" / f"{DESKTOP_ID}.xml": mime_package(),
        hicolor / "scalable" / "apps" / f"{resources.ICON_NAME}.svg": resources.icon_svg(),
        hicolor / "scalable" / "mimetypes" / f"{MIME_ICON}.svg": resources.icon_svg(),
    }
    for size in resources.ICON_SIZES:
        targets[hicolor / f"{size}x{size}" / "apps" / f"{resources.ICON_NAME}.png"] = resources.icon_png(size)
    return targets


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def _refresh_caches(home: Path) -> list[str]:
    """Let the desktop see the change at once; each tool is optional and quiet when missing."""
    refreshed = []
    for tool, *arguments in (
        ("update-desktop-database", "-q", str(home / "applications")),
        ("update-mime-database", str(home / "mime")),
        ("gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")),
    ):
        if shutil.which(tool) and Path(arguments[-1]).is_dir():
            result = subprocess.run([tool, *arguments], capture_output=True, text=True)
            if result.returncode == 0:
                refreshed.append(tool)
    return refreshed


def install(home: Path | None = None, command: list[str] | None = None) -> DesktopChanges:
    """Write the launcher (starting ``command``, by default this installation), icons and file type."""
    home = home or data_home()
    command = command or launcher_command()
    changes = DesktopChanges()
    for path, source in _targets(home).items():
        if path.suffix == ".desktop":
            content = desktop_entry(command).encode("utf-8")
        elif isinstance(source, Path):
            content = source.read_bytes()
        else:
            content = source.encode("utf-8")
        _write_atomically(path, content)
        changes.files.append(path)
    changes.caches = _refresh_caches(home)
    return changes


def uninstall(home: Path | None = None) -> DesktopChanges:
    """Remove what install() wrote; files that are already gone are skipped."""
    home = home or data_home()
    changes = DesktopChanges()
    for path in _targets(home):
        if path.is_file():
            path.unlink()
            changes.files.append(path)
    changes.caches = _refresh_caches(home)
    return changes
