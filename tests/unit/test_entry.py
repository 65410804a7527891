"""The entry point: `streamlit run app.py` serves Streamlit's ASGI app (st.App) running atlas_app.py, with
the start-up hook that warms a fresh server (atlas/ui/warm.py; docs/streamlit-contract.md, point 15)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.web.server.app_discovery import discover_asgi_app

REPO = Path(__file__).resolve().parents[2]


def _app_call(entry: Path) -> ast.Call:
    """The call bound to ``app`` at the top level of ``entry``."""
    for node in ast.parse(entry.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["app"]:
            assert isinstance(node.value, ast.Call)
            return node.value
    raise AssertionError(f"{entry.name} binds no app")


@pytest.mark.parametrize("entry", ["app.py", "strict_app.py"])
def test_streamlit_run_finds_the_entry_s_asgi_app(entry):
    found = discover_asgi_app(REPO / entry)
    assert found.is_asgi_app  # so `streamlit run` serves the st.App, not the file as a script
    assert found.import_string == f"{Path(entry).stem}:app"


@pytest.mark.parametrize("entry", ["app.py", "strict_app.py"])
def test_the_entry_runs_the_page_script_and_warms_the_server(entry):
    call = _app_call(REPO / entry)
    assert ast.unparse(call.func) == "st.App"
    assert [ast.literal_eval(arg) for arg in call.args] == ["atlas_app.py"]
    assert (REPO / "atlas_app.py").is_file()
    keywords = {k.arg: ast.unparse(k.value) for k in call.keywords}
    assert keywords["lifespan"] == "warm.lifespan"
    assert "Middleware(warm.ReadinessCheck)" in keywords["middleware"]  # health says "warming up" meanwhile


def test_the_page_script_is_a_plain_script():
    # atlas_app.py is run for every visit: if it bound an ASGI app, `streamlit run atlas_app.py` would
    # serve that app instead of the pages
    assert not discover_asgi_app(REPO / "atlas_app.py").is_asgi_app
