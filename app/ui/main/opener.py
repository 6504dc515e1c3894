"""Open a database file off the UI thread.

Loading the database layer (SQLAlchemy), checking the file, migrating it and, on the very first run,
writing the demo accounts all happen here, so the window is already on screen and responsive.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal


class DatabaseOpener(QThread):
    opened = Signal(object)  # app.storage.database.Database
    refused = Signal(object)  # app.storage.errors.StorageError
    failed = Signal(str)  # anything else, described

    def __init__(self, path: Path, *, initialize_empty: bool = False, load_demo: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.initialize_empty = initialize_empty
        self.load_demo = load_demo

    def run(self) -> None:
        import app.sync  # noqa: F401  (keeps the file's change capture in step with the declarations)
        from app.storage.database import Database
        from app.storage.errors import StorageError

        try:
            database = Database.open(self.path, initialize_empty=self.initialize_empty)
        except StorageError as exc:
            self.refused.emit(exc)
            return
        except Exception as exc:  # the window must never stay on "Opening…"
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        try:
            if self.load_demo and not database.read_only:
                from app.demo import load_demo

                with database.session() as session:
                    load_demo(session)
            # Load what the first edit needs while still off the UI thread.
            import app.commands.edits  # noqa: F401
            import app.document.workspace  # noqa: F401
            import app.ui.accounts.editor  # noqa: F401
            import app.ui.accounts.page  # noqa: F401
            import app.ui.accounts.profile_panel  # noqa: F401
        except StorageError as exc:
            database.close(report=False)
            self.refused.emit(exc)
            return
        except Exception as exc:
            database.close(report=False)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return

        self.opened.emit(database)
