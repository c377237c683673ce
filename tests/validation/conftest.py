from __future__ import annotations

from pathlib import Path

import pytest

from tests.validation.helpers import DataFolder, copy_minimal


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    """A fresh, valid copy of tests/fixtures/minimal at tmp_path/data, to break on purpose."""
    return DataFolder(copy_minimal(tmp_path))
