import csv
import io
import json
import zipfile

import geopandas as gpd
import pandas as pd

from atlas import export
from atlas.load import load_atlas
from atlas.paths import DEFAULT_GEODATA_DIR


def test_layer_csv_parses_back_into_the_same_rows(package):
    text = (package / "offensive.geojson").read_text(encoding="utf-8")
    original = json.loads(text)["features"]
    frame = pd.read_csv(io.BytesIO(export.layer_csv(text)), dtype=str, keep_default_na=False)
    assert list(frame["id"]) == [f["properties"]["id"] for f in original]
    for feature, (_, row) in zip(original, frame.iterrows(), strict=True):
        props = feature["properties"]
        assert row["sources"] == props["sources"]  # the source column travels with every row
        assert row["date_start"] == props.get("date_start", "")
        if feature["geometry"] and feature["geometry"]["type"] == "Point":
            lon, lat = feature["geometry"]["coordinates"]
            assert (float(row["longitude"]), float(row["latitude"])) == (lon, lat)
        else:
            assert row["longitude"] == ""


def test_every_real_layer_downloads_as_geojson_and_csv_that_parse_back():
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    for name in atlas.layers:
        path = DEFAULT_GEODATA_DIR / f"{name}.geojson"
        text = path.read_text(encoding="utf-8")
        as_geojson = gpd.read_file(io.BytesIO(text.encode("utf-8")))
        as_csv = pd.read_csv(io.BytesIO(export.layer_csv(text)), dtype=str, keep_default_na=False)
        assert list(as_geojson["id"]) == list(as_csv["id"]) == [f["properties"]["id"] for f in json.loads(text)["features"]]
        assert (as_csv["sources"].str.len() > 0).all()
        assert set(as_csv["geometry_wkt"][as_csv["longitude"] != ""].str[:5]) <= {"POINT"}


def test_package_zip_holds_every_data_file(package):
    archive = zipfile.ZipFile(io.BytesIO(export.package_zip(package)))
    names = set(archive.namelist())
    assert names == {f"geodata/{name}" for name in ("datapackage.json", "offensive.geojson", "sources.csv", "axes.csv",
                                                    "figures.csv", "claims.csv", "history.csv", "story.csv", "labels.csv",
                                                    "schema/feature.schema.json")}
    assert archive.read("geodata/sources.csv") == (package / "sources.csv").read_bytes()


def test_bibliography_lists_who_cites_each_source(package):
    from atlas.bibliography import bibliography_table, citing_index

    atlas = load_atlas(package)
    index = citing_index(atlas)
    # features in file order, then axes, figures, claims and history rows (story.csv steps are not listed)
    assert index == {
        "doe-1990": ["obj-alpha", "start-beta", "evt-gamma", "wp-one", "wp-two", "wp-three", "fr-delta", "hq-eps",
                     "axes.csv: ax1", "figures.csv: k-claim", "figures.csv: s-troops", "figures.csv: g-men",
                     "history.csv: h-built"],
        "geonames": ["obj-alpha"],  # cited through its coordinate
        "roe-2001": ["start-beta", "figures.csv: k-record", "claims.csv: c-fire"],
    }
    table = bibliography_table(atlas.sources, index, "en")
    row = table.set_index("Key").loc["doe-1990"]
    assert row["Cited"] == 13 and row["Cited by"] == ", ".join(index["doe-1990"])


FORMULAS = ["=HYPERLINK(\"http://example.org\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR=1"]


def test_layer_csv_neutralises_formulas_and_keeps_one_row_per_feature():
    """Finding 8: cells a spreadsheet would run as formulas start with a quote (OWASP), every field
    is quoted, and a bare carriage return inside a text field does not break the row."""
    doc = json.loads((DEFAULT_GEODATA_DIR / "offensive.geojson").read_text(encoding="utf-8"))
    for feature, formula in zip(doc["features"], FORMULAS, strict=False):
        feature["properties"]["name_en"] = formula
    doc["features"][10]["properties"]["description_en"] = "first\rsecond\r\nthird\nfourth"
    data = export.layer_csv(json.dumps(doc, ensure_ascii=False))
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert len(frame) == len(doc["features"])
    assert list(frame["id"]) == [f["properties"]["id"] for f in doc["features"]]
    assert list(frame["name_en"][:len(FORMULAS)]) == ["'" + f for f in FORMULAS]
    assert frame["description_en"][10] == "first\rsecond\r\nthird\nfourth"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == len(doc["features"]) + 1
    for line in data.decode("utf-8").split("\r\n")[:5]:  # every field quoted
        assert line.startswith('"') and line.endswith('"')
    assert not any(cell[:1] in {"=", "+", "-", "@", "\t", "\r"} for row in rows for cell in row)


def test_package_zip_holds_only_the_declared_files_never_links_or_strays(package, tmp_path):
    """Finding 10: the zip is the package's declared resources, README, LICENSE, schema and basemap,
    never a symbolic link (here to a file outside the package) nor an editor's swap file."""
    outside = tmp_path / "secret.txt"
    outside.write_text("not for publication", encoding="utf-8")
    (package / "README.md").write_text("# Readme", encoding="utf-8")
    (package / "LICENSE.md").write_text("CC BY 4.0", encoding="utf-8")
    (package / "leak.csv").symlink_to(outside)
    (package / "schema" / "leak.json").symlink_to(outside)
    (package / ".offensive.geojson.swp").write_bytes(b"swap")
    (package / "offensive.geojson~").write_bytes(b"backup")
    (package / "notes.txt").write_text("stray", encoding="utf-8")
    (package / "schema" / ".feature.schema.json.swp").write_bytes(b"swap")
    (package / "basemap").mkdir()
    (package / "basemap" / "land.geojson").write_text('{"type": "FeatureCollection", "features": []}', "utf-8")
    (package / "basemap" / "draft.geojson").write_text("{}", "utf-8")
    doc = json.loads((package / "datapackage.json").read_text("utf-8"))
    doc["x-basemap"] = [{"name": "land", "path": "basemap/land.geojson"}]
    (package / "datapackage.json").write_text(json.dumps(doc), "utf-8")
    archive = zipfile.ZipFile(io.BytesIO(export.package_zip(package)))
    assert set(archive.namelist()) == {f"geodata/{name}" for name in (
        "datapackage.json", "offensive.geojson", "sources.csv", "axes.csv", "figures.csv", "claims.csv",
        "history.csv", "story.csv", "labels.csv", "README.md", "LICENSE.md", "schema/feature.schema.json",
        "basemap/land.geojson")}
    assert all(b"not for publication" not in archive.read(name) for name in archive.namelist())


def test_package_zip_leaves_out_a_declared_resource_that_is_a_link(package, tmp_path):
    outside = tmp_path / "passwd"
    outside.write_text("root:x:0:0", encoding="utf-8")
    (package / "sources.csv").unlink()
    (package / "sources.csv").symlink_to(outside)
    names = zipfile.ZipFile(io.BytesIO(export.package_zip(package))).namelist()
    assert "geodata/sources.csv" not in names and "geodata/offensive.geojson" in names


def test_real_package_zip_holds_every_declared_resource():
    names = set(zipfile.ZipFile(io.BytesIO(export.package_zip(DEFAULT_GEODATA_DIR))).namelist())
    doc = json.loads((DEFAULT_GEODATA_DIR / "datapackage.json").read_text("utf-8"))
    declared = {r["path"] for r in doc["resources"]} | {b["path"] for b in doc.get("x-basemap", [])}
    assert names == {f"geodata/{p}" for p in declared | {"datapackage.json", "README.md", "LICENSE.md",
                                                         "schema/feature.schema.json"}}
