"""The Analysis panel beside the map, the power grid, what-if, and the analysis run off the UI thread."""
