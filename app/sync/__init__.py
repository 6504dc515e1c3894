"""Team sync: change capture in the file, the team server's schema, and the engine that pushes and pulls.

A layer of its own beside storage: it reads the entities' sync declarations and works over the file and a
PostgreSQL connection; nothing here knows of Qt.
"""

from app.storage import database as _database
from app.sync import capture as _capture

if _capture.ensure not in _database.OPEN_HOOKS:
    _database.OPEN_HOOKS.append(_capture.ensure)
