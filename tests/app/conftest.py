import pytest


@pytest.fixture(autouse=True)
def no_background_preparation(monkeypatch):
    """AppTests run dozens of throw-away data packages; preparing every date of each in the
    background (atlas.ui.background) would only slow them down. test_step_paths turns it on."""
    monkeypatch.setenv("ATLAS_PREWARM", "0")
