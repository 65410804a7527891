"""scripts/scale.py: a synthetic package N times larger than geodata/ that the validator accepts."""

from __future__ import annotations

import importlib.util
import json

import pytest

from atlas.load import validate_package
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA
from tests.conftest import REPO

SPEC = importlib.util.spec_from_file_location("scale_script", REPO / "scripts" / "scale.py")
scale_script = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(scale_script)


def _features(folder, name):
    return json.loads((folder / name).read_text(encoding="utf-8"))["features"]


def test_factor_3_validates_and_has_three_times_the_features(tmp_path):
    out = tmp_path / "x3"
    before = {p.name: p.read_bytes() for p in GEODATA.glob("*.geojson")}
    summary = scale_script.scale(3, out)
    problems = [str(p) for p in validate_package(out, use_gazetteer=True)]
    assert problems == [], "\n".join(problems[:20])
    for name, original in before.items():
        real = json.loads(original)["features"]
        scaled = _features(out, name)
        assert len(scaled) == 3 * len(real), name
        assert scaled[: len(real)] == real  # the real records come first, unchanged
        for feature in scaled[len(real):]:  # every copy says it is synthetic
            props = feature["properties"]
            assert "-syn" in props["id"] and props["name_en"].startswith("[SYNTHETIC ")
            assert props["description_en"].startswith("SYNTHETIC") and "SINTÉTICA" in props["description_es"]
            if feature["geometry"]:
                assert props["coord_method"] == "estimated" and "synthetic copy" in props["coord_ref"]
    description = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert description["description"].startswith("SYNTHETIC") and description["x-synthetic"]["factor"] == 3
    assert summary["features"] == 3 * summary["original_features"]
    assert summary["unmoved"] < summary["original_features"] // 10  # most copies really moved
    assert {p.name: p.read_bytes() for p in GEODATA.glob("*.geojson")} == before  # geodata/ untouched


def test_copies_move_but_stay_near_and_differ():
    assert scale_script.offset(1) != scale_script.offset(2)
    assert all(0 < abs(complex(*scale_script.offset(k))) <= 0.03 * 30 ** 0.5 + 1e-9 for k in range(1, 30))


def test_refuses_to_write_into_geodata():
    with pytest.raises(ValueError):
        scale_script.scale(2, GEODATA / "synthetic")
    with pytest.raises(ValueError):
        scale_script.scale(2, GEODATA)
