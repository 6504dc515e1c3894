"""An account's decision map as a document to hand out: PDF, PNG or SVG."""

from app.export.map_document import export_map, prepared_scene

__all__ = ["export_map", "prepared_scene"]
