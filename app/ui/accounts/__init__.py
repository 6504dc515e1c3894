"""The key-account list, an account's page and profile, and the editor of its people, team and links."""
