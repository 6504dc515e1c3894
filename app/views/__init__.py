"""Views of the document: item models for the panels (and, later, the map scene)."""
