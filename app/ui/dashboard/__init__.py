"""The executive dashboard over every key account: its window, its charts and its PDF and Excel export."""
