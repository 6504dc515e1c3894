"""Widget helpers, messages and fonts that every room shares."""
