"""The pure core never imports Streamlit; only atlas/ui.py may."""

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


@pytest.mark.parametrize("path", sorted(p for p in CORE.glob("*.py") if p.name != "ui.py"), ids=lambda p: p.name)
def test_core_module_does_not_import_streamlit(path):
    assert not {m for m in imported_modules(path) if m.split(".")[0] in {"streamlit", "streamlit_folium"}}


def test_ui_module_is_the_streamlit_edge():
    assert "streamlit" in imported_modules(CORE / "ui.py")
