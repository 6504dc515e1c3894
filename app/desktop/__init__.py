"""Stakemap as a desktop app on Linux: the freedesktop launcher, the icon theme entries and the file type."""
