"""Choosing and installing the interface language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = ("zh_CN", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def normalize(language: str | None) -> str | None:
    if not language:
        return None
    language = language.replace("-", "_")
    if language.lower().startswith("zh"):
        return "zh_CN"
    if language.lower().startswith("en"):
        return "en"
    return None


def install(language: str) -> str:
    """Install translators for ``language`` on the running application; return the language in use."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = normalize(language) or "en"
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator()
    if ours.load(str(TRANSLATIONS_DIR / f"stakemap_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_base = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return language
