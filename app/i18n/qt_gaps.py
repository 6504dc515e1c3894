"""Strings of Qt's own dialogs that Qt's Simplified Chinese catalogue (qtbase_zh_CN / qt_zh_CN, as PySide6
ships it) leaves in English. They are declared here, in Qt's own contexts, so that our catalogue carries their
translations: Qt asks every installed translator, and ours answers where Qt's has nothing."""

from __future__ import annotations

from app.i18n import translate


def qt_catalogue_gaps() -> list[tuple[str, str, str]]:
    """(context, source, text in the interface language) of each string filled in for Qt."""
    return [
        ("QFileDialog", "&Look in:", translate("QFileDialog", "&Look in:")),
        ("QFileDialog", "Files of &type:", translate("QFileDialog", "Files of &type:")),
        ("QFileSystemModel", "Drive", translate("QFileSystemModel", "Drive")),
        # The Type column of a file dialog's detailed view, and its list of places.
        ("QAbstractFileIconProvider", "Drive", translate("QAbstractFileIconProvider", "Drive")),
        ("QAbstractFileIconProvider", "Folder",
         translate("QAbstractFileIconProvider", "Folder", "All other platforms")),
        ("QAbstractFileIconProvider", "File", translate("QAbstractFileIconProvider", "File")),
        ("QAbstractFileIconProvider", "Unknown", translate("QAbstractFileIconProvider", "Unknown")),
        # A file's type from its suffix ("png File"); %1 is the suffix.
        ("QAbstractFileIconProvider", "%1 File", translate("QAbstractFileIconProvider", "%1 File")),
    ]
