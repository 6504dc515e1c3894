"""The window's team mode: background sync with the team server, its status, and the server settings."""
