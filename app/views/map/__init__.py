"""The decision map: a graphics scene that mirrors one account's people, team and links."""
