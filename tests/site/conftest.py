from __future__ import annotations

import pytest

from tests.site.build import MINIMAL, Built, build


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory) -> Built:
    built = build(MINIMAL, tmp_path_factory.mktemp("site"))
    assert built.returncode == 0, built.output
    return built
