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
