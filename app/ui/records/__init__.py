"""The panels of an account's records: needs, history, next actions, opportunities and snapshots."""
