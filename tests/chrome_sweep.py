"""What a user reads in a window: every text of its widgets (labels, buttons, group boxes, tabs, headers,
menus and their actions, combo box items, placeholders, tooltips, window titles), and which of those texts
are English or show a literal "&" (a mnemonic only works in menus, buttons, tabs, group boxes and the label of
a field; anywhere else the "&" is printed)."""

from __future__ import annotations

import re
from html import unescape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

# Words a Chinese interface writes in Latin letters: names of the product and of file formats and standards,
# key names, units. Names from the data shown (demo people, accounts) are added by the caller.
ALLOWED = {
    "stakemap", "pdf", "png", "svg", "csv", "xlsx", "xlsm", "excel", "json", "vcard", "vcf", "graphml", "gexf", "gephi",
    "ics", "txt", "db", "sqlite", "utf", "gb", "gbk", "big", "bom", "iso", "windows", "latin", "dpi",
    "ctrl", "shift", "alt", "del", "esc",
    "f", "pgup", "pgdown", "home", "end", "ins", "a", "letter", "legal", "cny", "usd", "eur", "hkd", "jpy",
    "gbp", "rmb", "nps", "qbr", "crm", "erp", "it", "cio", "cfo", "ceo", "cto", "coo", "ai", "bi", "poc",
    "id", "vs", "ok", "ui", "kb", "mb", "tb", "bytes", "x", "y", "n", "s", "d", "k", "m", "b", "bn", "mn",
    "https", "http", "www", "com", "cn", "org", "net", "kib", "mib", "gib", "postgresql",
    # Names of methods; and the language menu names each language in itself.
    "pagerank", "louvain", "english",
}
# Qt's Chinese convention for a mnemonic, "文件(&F)": shown as "文件(F)", the letter is the key, not English.
_KEY_MARK = re.compile(r"\(&?[A-Za-z0-9]\)|\b(?:Ctrl|Shift|Alt|Meta)\+[^\s,，、]+")
_TAGS = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_PATH_OR_MAIL = re.compile(r"([a-z]+://\S+|\S+@\S+\.\S+|(?:[A-Za-z]:)?[/\\][^\s，。、：；]+|\S+\.(?:db|pdf|png|svg|csv|xlsx|json|"
                           r"vcf|graphml|gexf|ics|txt|stakemap|sqlite))")
_LEFT_KEY = re.compile(r"\([A-Za-z0-9]\)(…|\.\.\.)?$")  # "导入(I)…": what Qt leaves of "导入(&I)…"
_MNEMONIC = re.compile(r"\(&[A-Za-z0-9]\)|&(?=[^&\s])")


def _plain(text: str) -> str:
    return unescape(_TAGS.sub(" ", text)) if "<" in text else text


def _item_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or view.objectName() == "sidebar":  # a file dialog's places: the user's folders by name
        return []
    texts = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model's columnCount is private: one column
        columns = 1
    for orientation, count in ((Qt.Orientation.Horizontal, columns),):
        for section in range(count):
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
            tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                texts.append(tip)
    root = view.rootIndex()  # a file dialog's list shows the folder it is in
    for row in range(min(model.rowCount(root), 60)):
        for column in range(columns):
            if column == 0 and isinstance(model, QFileSystemModel):
                continue  # the names of the files and folders, not the dialog's words
            index = model.index(row, column, root)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def _menu_texts(menu: QMenu, out: list[tuple[str, str, bool]]) -> None:
    out.append((menu.title(), "menu", True))
    for action in menu.actions():
        if action.isSeparator():
            continue
        out.append((action.text(), "action", True))
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            out.append((action.toolTip(), "action tooltip", False))
        if action.statusTip():
            out.append((action.statusTip(), "status tip", False))
        if action.menu() is not None and action.menu() is not menu:
            _menu_texts(action.menu(), out)


def texts_of(root: QWidget) -> list[tuple[str, str, bool]]:
    """(text, where, mnemonic allowed) for what ``root`` and its visible children show."""
    out: list[tuple[str, str, bool]] = [(root.windowTitle(), "window title", False)]
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root) and not isinstance(w, QMenu):
            continue
        kind = type(w).__name__
        if w.toolTip():
            out.append((_plain(w.toolTip()), f"{kind} tooltip", False))
        if isinstance(w, QLabel):
            out.append((_plain(w.text()), kind, w.buddy() is not None))
        elif isinstance(w, QToolButton) and isinstance(w.parentWidget(), QToolBar):
            out.append((w.text(), "toolbar button", True))  # no key: Qt strips the "&", not the "(F)"
        elif isinstance(w, QAbstractButton):
            out.append((w.text(), kind, True))
        elif isinstance(w, QGroupBox):
            out.append((w.title(), kind, True))
        elif isinstance(w, QTabBar):
            out += [(w.tabText(i), "tab", True) for i in range(w.count())]
            out += [(w.tabToolTip(i), "tab tooltip", False) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            out += [(w.itemText(i), "combo item", False) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            out.append((w.placeholderText(), "placeholder", False))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            out.append((w.placeholderText(), "placeholder", False))
            if w.isReadOnly():
                out.append((w.toPlainText(), kind, False))
        elif isinstance(w, QAbstractItemView):
            out += [(t, f"{kind} item", False) for t in _item_texts(w)]
        elif isinstance(w, QDockWidget):
            out.append((w.windowTitle(), "dock title", False))
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                if action.menu() is not None:
                    _menu_texts(action.menu(), out)
        elif isinstance(w, QMenu):  # the menus of buttons, and context menus the window owns
            _menu_texts(w, out)
    if isinstance(root, QMainWindow):
        for toolbar_action in root.actions():
            out.append((toolbar_action.text(), "action", True))
    return [(t, where, mnemonic) for t, where, mnemonic in out if t and t.strip()]


def english_words(text: str, allowed: set[str]) -> list[str]:
    """Latin words of ``text`` that are not names, file names, e-mail addresses or allowed terms."""
    text = _PATH_OR_MAIL.sub(" ", _KEY_MARK.sub(" ", text))
    return [w for w in _WORD.findall(text) if w.lower().strip("'") not in allowed]


def problems(root: QWidget, allowed_names: set[str]) -> list[str]:
    """English chrome and literal ampersands in ``root``, one line each, for an assertion message."""
    allowed = ALLOWED | {w.lower() for name in allowed_names for w in _WORD.findall(name)}
    found = []
    for text, where, mnemonic in texts_of(root):
        words = english_words(text, allowed)
        if words:
            found.append(f"{type(root).__name__} {where}: {text!r} (English: {' '.join(words[:6])})")
        if not mnemonic and _MNEMONIC.search(text.replace("&&", "")) and "&nbsp;" not in text:
            found.append(f"{type(root).__name__} {where}: {text!r} (a literal &)")
        if (where.endswith("tooltip") or where == "toolbar button") and _LEFT_KEY.search(text):
            found.append(f"{type(root).__name__} {where}: {text!r} (a mnemonic's key where no key works)")
    return sorted(set(found))
