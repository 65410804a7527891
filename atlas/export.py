"""Open data: every layer as GeoJSON and CSV, every table as CSV, the whole package as a zip.

The zip holds only the files the package declares (atlas/package.py). The GeoJSON download is the published file itself (byte for byte); the CSV is built from the same
features with every property as a column (sources included), plus the point's longitude and
latitude and the geometry as WKT, so it opens in a spreadsheet and parses back with pandas.
Every field is quoted (a carriage return inside a text field stays inside its row), and a text
cell a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
prefixed with a single quote, as OWASP recommends for CSV injection.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from atlas.package import published_files
from atlas.popups import HELPER_COLUMNS

CSV_GEOMETRY_COLUMNS = ("longitude", "latitude", "geometry_wkt")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would read as a formula, made text with a leading single quote."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def layer_csv(geojson_text: str) -> bytes:
    """A layer as UTF-8 CSV: one row per feature, properties in file order, then the geometry."""
    doc = json.loads(geojson_text)
    records: list[dict[str, Any]] = []
    for feature in doc.get("features", []):
        props = dict(feature.get("properties") or {})
        geometry = feature.get("geometry")
        lon = lat = wkt = ""
        if geometry:
            import shapely.geometry

            shape = shapely.geometry.shape(geometry)
            wkt = shape.wkt
            if shape.geom_type == "Point":
                lon, lat = shape.x, shape.y
        records.append({**{k: neutralise(v) for k, v in props.items() if k not in HELPER_COLUMNS},
                        "longitude": lon, "latitude": lat, "geometry_wkt": wkt})
    columns: list[str] = []
    for record in records:
        columns += [k for k in record if k not in columns and k not in CSV_GEOMETRY_COLUMNS]
    frame = pd.DataFrame(records, columns=[*columns, *CSV_GEOMETRY_COLUMNS])
    return frame.to_csv(index=False, quoting=csv.QUOTE_ALL, lineterminator="\r\n").encode("utf-8")


def package_zip(folder: Path) -> bytes:
    """The data package as a zip under ``geodata/``: only the files it declares
    (:func:`atlas.package.published_files`), never a link or a stray file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, relative in published_files(folder):
            entry = zipfile.ZipInfo(f"geodata/{relative}", date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16  # a plain readable file, whatever the folder's modes
            archive.writestr(entry, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
