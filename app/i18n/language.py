"""Choosing and installing the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import translation_file

SUPPORTED = ("zh_CN", "en")
_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def current() -> str:
    """The language the interface speaks now ("zh_CN" or "en"), as install() left it."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def money(amount, currency: str | None, *, exact: bool = False) -> str:
    """``amount`` of ``currency`` written as the interface's language writes money (app.i18n.money)."""
    from app.i18n.money import format_money

    return format_money(amount, currency, current(), exact=exact)


def money_totals(totals: dict) -> str:
    """Sums in several currencies, in the interface's language."""
    from app.i18n.money import format_totals

    return format_totals(totals, current())


def join_names(names) -> str:
    """Items of a list in running text with the interface language's separator (、 in Chinese)."""
    from app.i18n.money import join_names as join

    return join(names, current())


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
