"""Choosing and installing the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import translation_file

SUPPORTED = ("zh_CN", "en")
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
    if ours.load(str(translation_file(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    # Qt's own dialogs and standard buttons. PySide6 ships the Simplified Chinese catalogue as qt_zh_CN
    # (there is no qtbase_zh_CN); qtbase_* is tried for the languages that have one.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in (f"qtbase_{language}", f"qt_{language}"):
        qt_translator = QTranslator()
        if qt_translator.load(catalogue, qt_dir):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
            break
    return language
