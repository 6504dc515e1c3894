"""Translation: labels of the vocabulary, and the interface language."""

from PySide6.QtCore import QCoreApplication

# lupdate recognises calls named ``translate("Context", "text")``.
translate = QCoreApplication.translate

__all__ = ["translate"]
