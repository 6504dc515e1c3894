"""An account's decision map: its panel, controller, legend, mini-map and auto-layouts, and its people and links."""
