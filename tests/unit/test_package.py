"""datapackage.json: resource paths confined to the package folder, unknown resources handled
(issue 15, finding 9)."""

from __future__ import annotations

import json

import pytest

from atlas import package
from atlas.i18n import t_default
from atlas.load import load_atlas, validate_package


def rewrite(folder, change):
    doc = json.loads((folder / "datapackage.json").read_text("utf-8"))
    change(doc)
    (folder / "datapackage.json").write_text(json.dumps(doc), "utf-8")


@pytest.mark.parametrize("path", ["../../x.geojson", "/etc/passwd", "../offensive.geojson", "a/../../b.geojson",
                                  "..\\x.geojson", "", None, 5])
def test_a_resource_outside_the_package_gets_a_problem_and_is_never_read(package, tmp_path, path):
    secret = tmp_path / "x.geojson"  # what ../../x.geojson would reach from a deeper folder
    secret.write_text('{"type": "FeatureCollection", "features": []}', "utf-8")
    rewrite(package, lambda doc: doc["resources"].append(
        {"name": "escape", "path": path, "format": "geojson",
         "x-atlas": {"bbox": [105.0, 33.0, 160.0, 56.0], "window": ["1945-08-01", "1945-09-05"]}}))
    atlas = load_atlas(package)
    assert "escape" not in atlas.layers
    problems = [str(p) for p in validate_package(package)]
    assert any(p.startswith("datapackage.json: escape: path") and "outside the package folder" in p
               for p in problems), problems
    assert "offensive" in atlas.layers and len(atlas.layers["offensive"].frame)  # the rest still loads


def test_a_resource_name_with_dots_cannot_reach_outside(package):
    rewrite(package, lambda doc: doc["resources"].append(
        {"name": "../../x", "path": "../../x.geojson", "format": "geojson",
         "x-atlas": {"bbox": [105.0, 33.0, 160.0, 56.0], "window": ["1945-08-01", "1945-09-05"]}}))
    assert "../../x" not in load_atlas(package).layers


def test_a_resource_that_is_a_link_is_not_read(package, tmp_path):
    outside = tmp_path / "elsewhere.geojson"
    outside.write_text((package / "offensive.geojson").read_text("utf-8"), "utf-8")
    (package / "offensive.geojson").unlink()
    (package / "offensive.geojson").symlink_to(outside)
    assert any("outside the package folder" in str(p) for p in validate_package(package))


def test_the_layer_file_is_the_resource_path(package):
    (package / "layers").mkdir()
    (package / "offensive.geojson").rename(package / "layers" / "offensive.geojson")
    rewrite(package, lambda doc: doc["resources"][0].update(path="layers/offensive.geojson"))
    atlas = load_atlas(package)
    assert len(atlas.layers["offensive"].frame) and atlas.layers["offensive"].file == "layers/offensive.geojson"


def test_confined():
    from pathlib import Path

    folder = Path("/tmp/pkg")
    assert package.confined(folder, "a/b.json") == folder / "a" / "b.json"
    for bad in ("../a", "/a", "a/../../b", "a\\b", "", None):
        assert package.confined(folder, bad) is None


def test_an_unknown_layer_falls_back_to_its_own_title(package):
    rewrite(package, lambda doc: doc["resources"][0].update(name="newlayer", title="A new layer"))
    atlas = load_atlas(package)
    assert atlas.layers["newlayer"].title == "A new layer"
    assert t_default("layer_newlayer", "es", "A new layer") == "A new layer"
    assert t_default("layer_offensive", "es", "x") == t_default("layer_offensive", "es", "y") != "x"
