"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("SAYDO_SHARED", REPO.parent / "shared")) / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; a skip on a user's clone without it, a failure in CI."""
    if SHARED_DATA.is_dir():
        return SHARED_DATA
    message = f"{SHARED_DATA} is absent: these tests read the shared data sets"
    if os.environ.get("SAYDO_REQUIRE_SHARED"):
        pytest.fail(message + " (SAYDO_REQUIRE_SHARED is set, as in CI)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def defining_article(shared_data: Path) -> Path:
    return shared_data / "articles" / "itv-2022-03-30-zelenskyy-pledge.txt"


def pytest_configure(config: pytest.Config) -> None:
    # Helpers shared by the tests of one folder are imported by their module name.
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "scale"))
