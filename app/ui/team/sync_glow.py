"""A short glow on the map cards a teammate's change just reached, so the eye finds what moved."""

from __future__ import annotations

from PySide6.QtCore import QVariantAnimation
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsDropShadowEffect

GLOW_MS = 1500
GLOW_COLOR = QColor(255, 176, 0)


def glow(scene, keys, duration_ms: int = GLOW_MS) -> list:
    """Make the cards of ``keys`` glow on ``scene`` (a MapScene) and fade within ``duration_ms``; returns the
    cards that glow."""
    from shiboken6 import isValid

    cards = [c for c in (scene.card(k) for k in keys) if c is not None]
    if not cards:
        return []
    effects = []
    for card in cards:
        effect = QGraphicsDropShadowEffect()
        effect.setOffset(0, 0)
        effect.setBlurRadius(44)
        effect.setColor(GLOW_COLOR)
        card.setGraphicsEffect(effect)
        effects.append((card, effect))
    fade = QVariantAnimation(scene)
    fade.setStartValue(255)
    fade.setKeyValueAt(0.4, 255)  # full for a moment, then fading out
    fade.setEndValue(0)
    fade.setDuration(duration_ms)

    def step(alpha) -> None:
        for card, effect in effects:
            if isValid(card) and isValid(effect) and card.graphicsEffect() is effect:
                color = QColor(GLOW_COLOR)
                color.setAlpha(int(alpha))
                effect.setColor(color)

    def finished() -> None:
        for card, effect in effects:
            if isValid(card) and isValid(effect) and card.graphicsEffect() is effect:
                card.setGraphicsEffect(None)

    fade.valueChanged.connect(step)
    fade.finished.connect(finished)
    fade.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
    return cards
