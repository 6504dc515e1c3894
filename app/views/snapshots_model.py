"""An account's snapshots as a list, and a comparison of two of them put into words."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from app.document import Workspace
from app.document.records import SnapshotRecord
from app.document.snapshots import SnapshotDiff
from app.i18n import labels, translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARROW = " → "


@dataclass(frozen=True)
class DiffGroup:
    code: str  # "joined", "toward_us", … as in SnapshotDiff
    title: str
    entries: list[tuple[str, int | None]]  # text, and the person it is about (None for a link)


def group_titles() -> dict[str, str]:
    return {
        "joined": translate("Snapshots", "Joined"),
        "left": translate("Snapshots", "Left"),
        "archived": translate("Snapshots", "Archived (left the company)"),
        "toward_us": translate("Snapshots", "Moved towards us"),
        "away_from_us": translate("Snapshots", "Moved away from us"),
        "stance_now_known": translate("Snapshots", "Stance now known"),
        "role_changes": translate("Snapshots", "Role changes"),
        "influence_changes": translate("Snapshots", "Influence changes"),
        "links_added": translate("Snapshots", "Links added"),
        "links_removed": translate("Snapshots", "Links removed"),
    }


def names_in(*states: dict) -> dict[tuple[str, int], str]:
    """Names of the people and team members kept in map states; later states win (renames)."""
    names: dict[tuple[str, int], str] = {}
    for state in states:
        names.update({("person", p["id"]): p["name"] for p in state.get("people", [])})
        names.update({("member", m["id"]): m["name"] for m in state.get("members", [])})
    return names


def diff_groups(result: SnapshotDiff, names: dict[tuple[str, int], str]) -> list[DiffGroup]:
    """The non-empty groups of a comparison, in the order of ``group_titles``, in the current language."""
    stances, roles = labels.stances(), labels.buying_roles()
    influence = labels.influence_levels()
    unknown_influence = translate("Snapshots", "not known")
    kinds = labels.link_kinds()

    def moved(entries, words, fallback=str):
        return [(p["name"] + ": " + words.get(a, fallback(a)) + ARROW + words.get(b, fallback(b)), p["id"])
                for p, a, b in entries]

    def link_text(link: dict) -> tuple[str, None]:
        source, target = names.get(tuple(link["source"]), "?"), names.get(tuple(link["target"]), "?")
        return f"{source} — {kinds.get(link['kind'], link['kind'])}{ARROW}{target}", None

    entries = {
        "joined": [(p["name"], p["id"]) for p in result.joined],
        "left": [(p["name"], p["id"]) for p in result.left],
        "archived": [(p["name"], p["id"]) for p in result.archived],
        "toward_us": moved(result.toward_us, stances),
        "away_from_us": moved(result.away_from_us, stances),
        "stance_now_known": moved(result.stance_now_known, stances),
        "role_changes": moved(result.role_changes, roles),
        "influence_changes": moved(result.influence_changes, influence,
                                   lambda v: unknown_influence if v is None else str(v)),
        "links_added": [link_text(link) for link in result.links_added],
        "links_removed": [link_text(link) for link in result.links_removed],
    }
    return [DiffGroup(code, title, entries[code]) for code, title in group_titles().items() if entries[code]]


class SnapshotsModel(QAbstractTableModel):
    NAME, TAKEN = range(2)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._rows: list[SnapshotRecord] = []
        workspace.snapshots_changed.connect(self._on_changed)

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = [] if self._account_id is None else self._ws.snapshots(self._account_id)
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if self._account_id is not None and change.account_id in (None, self._account_id):
            self.reload()

    def snapshots(self) -> list[SnapshotRecord]:
        return list(self._rows)

    def snapshot_at(self, row: int) -> SnapshotRecord:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (translate("Snapshots", "Name"), translate("Snapshots", "Taken"))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return s.name if index.column() == self.NAME else f"{s.taken_at:%Y-%m-%d %H:%M}"
        if role == ID_ROLE:
            return s.id
        return None
