"""Stakemap: decision maps of key-account buying committees."""

__version__ = "0.2.0"
