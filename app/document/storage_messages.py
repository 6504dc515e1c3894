"""Messages for the user, in the current language, about problems with a database file: one sentence that
says what happened and what was kept. The window shows them in a message box, the CLI on one line."""

from __future__ import annotations

from app.i18n import translate
from app.storage import access, errors


def read_only_reason_text(reason: str | None) -> str:
    texts = {
        access.READ_ONLY_FILE: translate("Storage", "the file is write-protected"),
        access.READ_ONLY_FOLDER: translate("Storage", "its folder is write-protected"),
        access.READ_ONLY_DISK: translate("Storage", "the disk holding it is read-only"),
        access.HARD_LINKED: translate("Storage", "the file has more than one hard link (more than one name), "
                                                 "and two names would let two programs write it at once"),
        access.ASKED: translate("Storage", "it was opened to look at"),
        access.DAMAGED: translate("Storage", "the file is damaged"),
    }
    return texts.get(reason, reason or "")


def storage_error_text(exc: errors.StorageError) -> str:
    path = exc.path
    if isinstance(exc, errors.EmptyFileError):
        if exc.detail:
            return translate("Storage", "“{path}” is a blank SQLite file without any data, not a Stakemap "
                                        "database.").format(path=path)
        return translate("Storage", "“{path}” is an empty file (0 bytes), not a Stakemap database.").format(path=path)
    if isinstance(exc, errors.NotADatabaseError):
        if "another application" in exc.detail:
            return translate("Storage", "“{path}” is an SQLite database of another application, not a Stakemap "
                                        "database. It was left as it was.").format(path=path)
        return translate("Storage", "“{path}” is not a Stakemap database. It was left as it was.").format(path=path)
    if isinstance(exc, errors.CorruptDatabaseError):
        return translate("Storage", "“{path}” is damaged ({detail}). It was left as it was; "
                                    "restore it from a backup.").format(path=path, detail=exc.detail)
    if isinstance(exc, errors.NewerVersionError):
        return translate("Storage", "“{path}” was written by a newer version of Stakemap. Update Stakemap to "
                                    "open it; the file was left as it was.").format(path=path)
    if isinstance(exc, errors.AlreadyOpenError):
        return translate("Storage", "“{path}” is already open in another Stakemap window. Close it there "
                                    "first.").format(path=path)
    if isinstance(exc, errors.MigrationError):
        return translate("Storage", "“{path}” could not be upgraded ({detail}). It was left as it "
                                    "was.").format(path=path, detail=exc.detail)
    if isinstance(exc, errors.DiskFullError):
        return translate("Storage", "The disk holding “{folder}” is full; nothing was lost; free space and try "
                                    "again.").format(folder=exc.folder)
    if isinstance(exc, errors.ReadOnlyError):
        return translate("Storage", "“{path}” is open read-only ({reason}); the change was not saved.").format(
            path=path, reason=read_only_reason_text(exc.detail))
    if isinstance(exc, errors.BusyError):
        return translate("Storage", "“{path}” is busy: another program kept it locked. Nothing was changed; "
                                    "try again.").format(path=path)
    if isinstance(exc, errors.WriteFailedError):
        return translate("Storage", "“{path}” could not be written ({detail}). Nothing was lost; the last "
                                    "saved change is kept.").format(path=path, detail=exc.detail)
    if isinstance(exc, errors.ForeignWalError):
        return translate("Storage", "“{path}” has a “-wal” file beside it that belongs to another copy of the "
                                    "file (it was probably copied over the file). It was not applied and "
                                    "both were left as they were; restore the file with File ▸ Restore from "
                                    "backup… or move the “-wal” file away.").format(path=path)
    return translate("Storage", "“{path}” cannot be opened: {detail}").format(path=path, detail=exc.detail)
