"""Pure functions from the dataset to what a page shows: figures, breakdowns, series."""
