"""Messages for the user, in the current language, about problems with a database file."""

from __future__ import annotations

from app.i18n import translate
from app.storage import errors


def storage_error_text(exc: errors.StorageError) -> str:
    path = exc.path
    if isinstance(exc, errors.EmptyFileError):
        return translate("Storage", "“{path}” is an empty file (0 bytes), not a Stakemap database.").format(path=path)
    if isinstance(exc, errors.NotADatabaseError):
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
    return translate("Storage", "“{path}” cannot be opened: {detail}").format(path=path, detail=exc.detail)
