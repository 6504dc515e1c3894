"""Which function writes which data format; shared by `stakemap export` and File ▸ Export."""

from __future__ import annotations

LABELLED_FORMATS = ("xlsx",)  # written with the interface language's words for roles, stances and link kinds

DATA_FORMATS = ("csv", "xlsx", "graphml", "gexf", "json")


def writer_for(fmt: str):
    """``write(session, account_id, path, shareable=False)`` for a data format (imports only what it needs)."""
    if fmt == "csv":
        from app.io.export_tables import write_csv

        return write_csv
    if fmt == "xlsx":
        from app.io.export_tables import write_xlsx

        return write_xlsx
    if fmt == "graphml":
        from app.io.export_graph import write_graphml

        return write_graphml
    if fmt == "gexf":
        from app.io.export_graph import write_gexf

        return write_gexf
    if fmt == "json":
        from app.io.json_io import write_json

        return write_json
    raise ValueError(f"not a data format: {fmt}")
