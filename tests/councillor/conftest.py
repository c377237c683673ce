"""Built sites for issue 17's tests: Camden (data/), council 004 and the councillor fixture
(the synthetic council with key points, actions, targets, benchmarks and equality data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.dataset import Dataset
from portal.load import load_dataset
from tests.site.build import ROOT, Built, build

FIXTURES = {
    "camden": ROOT / "data",
    "council-004": ROOT / "tests" / "fixtures" / "council-004",
    "councillor": ROOT / "tests" / "fixtures" / "councillor",
}


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, tuple[Built, Dataset, Path]]:
    found = {}
    for name, data in FIXTURES.items():
        out = tmp_path_factory.mktemp(f"councillor-{name}") / "site"
        built = build(data, out)
        assert built.returncode == 0, built.output[-3000:]
        found[name] = (built, load_dataset(data), data)
    return found
