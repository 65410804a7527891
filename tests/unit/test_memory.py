"""atlas/ui/memory.py: the allocator is tuned once per process, and never fails where it cannot be."""

from __future__ import annotations

import platform

import pytest

from atlas.ui import memory


def test_tuning_is_applied_once_and_reported(monkeypatch):
    monkeypatch.setattr(memory, "_done", None)
    first = memory.tune_allocator()
    assert memory.tune_allocator() is first  # applied once, the answer remembered
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert first is True


def test_without_a_c_library_it_does_nothing(monkeypatch):
    monkeypatch.setattr(memory, "_done", None)

    def missing(*_args, **_kwargs):
        raise OSError("no libc here")

    monkeypatch.setattr(memory.ctypes, "CDLL", missing)
    assert memory.tune_allocator() is False


@pytest.fixture(autouse=True)
def _restore():
    yield
    memory._done = None  # noqa: SLF001 - the next caller (the app) tunes for real
