"""An account as a document to hand out: the decision map (PDF, PNG or SVG) and the meeting pack."""

from app.export.map_document import export_map, prepare_map, write_map
from app.export.scene_source import prepared_scene

__all__ = ["export_map", "prepare_map", "prepared_scene", "write_map"]
