"""The application and its main window (menus, actions, the File menu, settings), which wires the rooms together."""
