"""The step table is built once per page, language and data version, whoever asks first: the start-up
hook (atlas/ui/warm.py) and the background worker never build it side by side (atlas/ui/background.py)."""

from __future__ import annotations

import threading
import time

from atlas.ui import background, cache


def test_two_callers_build_the_step_table_once(monkeypatch):
    built = []

    def slow_table(loaded, page, lang):
        built.append((page, lang))
        time.sleep(0.2)  # long enough for the second caller to come while the first builds
        return {"rows": []}

    monkeypatch.setattr(background, "step_table", slow_table)
    monkeypatch.setattr(cache, "page_catalog", lambda loaded, page, lang: object())
    monkeypatch.setattr(background.catalogs, "steps_html", lambda catalog, table: "<div hidden data-atlas-steps></div>")
    loaded = cache.Loaded(object(), "", "test-build-once", ("stamp", 1))
    got = []
    callers = [threading.Thread(target=lambda: got.append(background.build_steps(loaded, "offensive", "en")))
               for _ in range(2)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join(10)
    assert built == [("offensive", "en")]  # built by one, waited for by the other
    assert got == ["<div hidden data-atlas-steps></div>"] * 2
    assert background.steps_element(loaded, "offensive", "en") == got[0]
