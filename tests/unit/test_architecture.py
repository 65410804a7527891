"""The pure core never imports Streamlit; only the atlas/ui/ package may. Modules stay under 300 lines."""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "atlas"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


REPO = CORE.parent
CORE_MODULES = sorted(p for p in CORE.rglob("*.py") if "ui" not in p.relative_to(CORE).parts)


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_does_not_import_streamlit(path):
    assert not {m for m in imported_modules(path) if m.split(".")[0] in {"streamlit", "streamlit_folium"}}


def test_ui_package_is_the_streamlit_edge_and_only_component_touches_streamlit_folium():
    touching = {p.name for p in (CORE / "ui").glob("*.py") if "streamlit_folium" in imported_modules(p)}
    assert touching == {"component.py"}
    assert "streamlit" in imported_modules(CORE / "ui" / "widgets.py")


@pytest.mark.parametrize("path", sorted([*CORE.rglob("*.py"), *(REPO / "app_pages").glob("*.py"), REPO / "app.py", REPO / "atlas_app.py"]),
                         ids=lambda p: str(p.relative_to(REPO)))
def test_no_module_is_over_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


@pytest.mark.parametrize("path", sorted(p for p in (REPO / "static").rglob("*.js")  # ours, not copied or generated
                                       if not {"vendor", "generated", "basemap"} & set(p.relative_to(REPO / "static").parts)),
                         ids=lambda p: str(p.relative_to(REPO)))
def test_no_client_file_is_over_300_lines(path):
    """The house rule holds for the map client too: each concern in a file of its own."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


def test_no_javascript_in_python_strings_beyond_template_glue():
    """The map client lives in static/map/*.js; Python holds at most a few lines of glue."""
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert text.count("function(") + text.count("function (") + text.count("document.") == 0, path
