"""Bringing contacts in and taking maps out: file formats, parsed safely, applied in one transaction."""
