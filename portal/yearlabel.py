"""How the site names a financial year: '2023-24' in tables, axes, files and URLs, and
'2023 to 2024' in prose and headings, as GOV.UK writes it. No imports: the warm build's
hooks use it without loading the data models."""

from __future__ import annotations


def long_label(label: str) -> str:
    """'2023 to 2024' for the year folder '2023-24'."""
    start = int(label[:4])
    return f"{start} to {start + 1}"
