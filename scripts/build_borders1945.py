"""Build the political map of 9 August 1945 and its changes to 30 September 1945.

Usage: python scripts/build_borders1945.py [--check]

Reads ``geodata/basemap/admin0.geojson`` (Natural Earth admin-0, 1:10m, public domain; built by
``scripts/build_basemap.py``, property ``iso_a3``) and writes:

- ``geodata/borders1945.geojson``: one ``polity`` polygon per state or territory and status, each
  dated with the days it held that shape and status (``date_start``..``date_end``);
- ``geodata/boundaries1945.geojson``: the land boundary between every two neighbours of the
  9 August map, cut into ``boundary`` segments, each saying whether it follows a present-day
  Natural Earth border (``basis`` = ``natural-earth-coincident``) or a line reconstructed here from
  a written description (``basis`` = ``described``), with its certainty, accuracy and sources;
  plus the 38th parallel in Korea, agreed on 16 August.

How a polygon is made: the present-day countries are cut by the DESCRIBED lines below (each a
list of anchor points with the reason for every point and an accuracy). Nothing else is drawn by
hand. Where a 1945 boundary is also a present-day border (the Amur, Ussuri, Argun, Yalu, Tumen, the
Mongolian border) the polygon edge is Natural Earth's; elsewhere it is the described line.
``--check`` rebuilds in memory and exits 1 if the files on disk differ.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiLineString, Polygon, box, mapping, shape
from shapely.ops import linemerge, unary_union

ROOT = Path(__file__).resolve().parents[1]
ADMIN0 = ROOT / "geodata" / "basemap" / "admin0.geojson"
BORDERS = ROOT / "geodata" / "borders1945.geojson"
BOUNDARIES = ROOT / "geodata" / "boundaries1945.geojson"

BBOX = (95.0, 33.0, 160.0, 56.0)  # west, south, east, north: the region box of both files
GRID = 0.001  # output grid in degrees (about 100 m): far below every accuracy stated
SIMPLIFY = 0.05  # coverage simplification tolerance in degrees (about 5 km), shared edges kept shared
SIMPLIFY_JAPAN = 0.08  # about 8 km: Japan is background here
MIN_ISLAND = 0.05  # islands under about 400-500 km2 are dropped, except the Kurils and those of Kwantung
NE_ACCURACY_KM = 8  # Natural Earth 1:10m after a 5 km simplification: present borders within about 8 km; coastal towns may fall up to 5 km offshore
START = "1945-08-08"  # the atlas's first day (the declaration of war): the map of 9 August is drawn from it
END = "1945-09-30"  # the layer's last day; a shape still valid then ends here (later changes not drawn)
NE = "naturalearth-admin0: Admin 0 - Countries 1:10m, via geodata/basemap/admin0.geojson"


@dataclass(frozen=True)
class Described:
    """A boundary line reconstructed from a written description: anchor points and why."""

    key: str
    points: tuple[tuple[float, float], ...]
    accuracy_km: int
    certainty: str
    sources: str
    derivation: str  # how the points were chosen (English); ends up in coord_ref
    name_en: str
    name_es: str
    description_en: str
    description_es: str


# ---------------------------------------------------------------------------------------------
# The described lines. Points are (lon, lat). Every line overshoots into the sea or into a
# neighbour that does not take part in the cut, so that only its land part survives.
# ---------------------------------------------------------------------------------------------

# Rehe (Jehol) was the province "north of the Great Wall" (wp-rehe). After Operation Nekka (1933)
# the Manchukuo / North China boundary ran along the Wall from the sea at Shanhaiguan westward.
# Points: the Wall's sea end east of Shanhaiguan (the town stayed on the Chinese side), the passes
# Xifengkou and Gubeikou, then north-west of Gubeikou to the meeting point with Chahar, north of
# Yanqing (Chahar) and west of Fengning (Rehe).
GREAT_WALL = Described(
    key="great-wall",
    points=((120.2, 39.85), (119.80, 39.97), (119.77, 40.03), (119.70, 40.13), (119.20, 40.28),
            (118.80, 40.36), (118.32, 40.42), (117.75, 40.30), (117.45, 40.27), (117.15, 40.69),
            (116.70, 40.78), (116.30, 40.85)),
    accuracy_km=25,
    certainty="uncertain",
    sources="wp-rehe: lead and History (north of the Great Wall, Operation Nekka in 1933, annexed to Manchukuo)",
    derivation=("reconstructed along the Great Wall between Shanhaiguan and Gubeikou from the description of Rehe as "
                "the province north of the Wall; pass positions are approximate readings, not surveyed; the western "
                "end (meeting point with Chahar) is placed between Yanqing and Fengning"),
    name_en="Manchukuo (Rehe) - China: the Great Wall line",
    name_es="Manchukuo (Rehe) - China: la línea de la Gran Muralla",
    description_en=("From 1933 the southern edge of Rehe, and so of Manchukuo, followed the Great Wall from the sea at "
                    "Shanhaiguan westward. Drawn along the Wall through approximate positions of its passes; no 1945 "
                    "survey was read."),
    description_es=("Desde 1933 el borde sur de Rehe, y por tanto de Manchukuo, seguía la Gran Muralla desde el mar en "
                    "Shanhaiguan hacia el oeste. Trazada a lo largo de la Muralla por posiciones aproximadas de sus pasos; "
                    "no se ha leído ningún levantamiento de 1945."),
)

# Manchukuo (Rehe and the Xing'an provinces) / Mengjiang (Chahar: the Xilingol League): no map was
# read. The line is drawn between towns known to lie on either side: Manchukuo - Fengning, Chengde,
# Weichang, Jingpeng (Hexigten), Linxi, Lubei (Jarud), Huolinguole, Ulanhot; Mengjiang - Yanqing,
# Duolun (Dolonnor), Xilinhot, Bayan Ul Hot, Uliastai (East Ujimqin). It roughly follows the
# present-day eastern limit of the Xilingol League up to the Mongolian border.
REHE_MENGJIANG = Described(
    key="manchukuo-mengjiang",
    points=((116.30, 40.85), (116.35, 41.40), (116.80, 42.00), (117.20, 42.60), (117.30, 43.20),
            (117.90, 44.00), (118.40, 44.50), (119.20, 45.20), (119.60, 46.10), (119.85, 46.75)),
    accuracy_km=50,
    certainty="uncertain",
    sources=("wp-mengjiang: lead and infobox (Mengjiang = Chahar and Suiyuan); wp-demchugdongrub: infobox (Sonid "
             "Right Banner, Xilingol League, Chahar); sinorecords-mengjiang: Dolon Nor and the East Chahar region "
             "merged into the Mongol Military Government (1933-1936); wp-xingan-province: History; ruwiki-bairin-right: "
             "History (in Manchukuo from 1933); wp-rehe: lead; geonames: the towns named as anchors"),
    derivation=("reconstructed: drawn between towns known to lie on either side (Manchukuo: Fengning, Chengde, "
                "Weichang, Jingpeng, Linxi, Lubei, Huolinguole, Ulanhot; Mengjiang: Yanqing, Duolun, Xilinhot, "
                "Bayan Ul Hot, Uliastai), roughly along the present eastern limit of the Xilingol League; no map of "
                "the 1945 line was read"),
    name_en="Manchukuo - Mengjiang",
    name_es="Manchukuo - Mengjiang",
    description_en=("The line between Manchukuo's Rehe and Xing'an provinces and Mengjiang's Chahar (the Xilingol "
                    "League). Reconstructed between towns known to lie on either side; it may be off by 50 km or more."),
    description_es=("La línea entre las provincias de Rehe y Xing'an de Manchukuo y el Chahar de Mengjiang (la liga de "
                    "Xilingol). Reconstruida entre ciudades que se sabe que quedaban a cada lado; puede desviarse 50 km "
                    "o más."),
)

# Mengjiang / the rest of China (the Japanese-occupied North China of the Wang Jingwei regime, and
# Shanxi south of the Inner Wall). Mengjiang = Chahar, Suiyuan and northern Shanxi (wp-mengjiang,
# wp-north-shanxi). Chahar's southern counties (Yanqing, Huailai, Zhuolu) lay inside the Wall line
# north-west of Beijing; northern Shanxi ended at the Inner Great Wall (Yanmen pass); in Suiyuan
# the drawn limit is the Yellow River (the Ordos is left out) and, west of Baotou (taken in
# October 1937, wp-mongol-united), the meridian 109.5 E up to the Mongolian border.
MENGJIANG_SOUTH = Described(
    key="mengjiang-south",
    points=((116.30, 40.85), (116.25, 40.55), (115.95, 40.30), (115.40, 40.00), (114.60, 39.75),
            (113.90, 39.35), (112.90, 39.15), (112.20, 39.10), (111.40, 39.40), (111.15, 39.55),
            (111.20, 40.25), (110.60, 40.45), (109.50, 40.50), (109.50, 43.00)),
    accuracy_km=60,
    certainty="uncertain",
    sources=("wp-mengjiang: lead and infobox (Chahar and Suiyuan); wp-north-shanxi: lead (northern Shanxi in "
             "Mengjiang); wp-mongol-united: History (Hohhot and Baotou taken in October 1937)"),
    derivation=("reconstructed: south of Chahar's counties north-west of Beijing, then the Inner Great Wall of "
                "northern Shanxi (Yanmen pass), the Yellow River round the Ordos, and the meridian 109.5 E west of "
                "Baotou to the Mongolian border; the western limit of Japanese control in Suiyuan is not known from "
                "the sources read"),
    name_en="Mengjiang - China",
    name_es="Mengjiang - China",
    description_en=("Mengjiang's southern and western edge, reconstructed from the provinces it was made of (Chahar, "
                    "Suiyuan and northern Shanxi). The western end, west of Baotou, is the least certain part: it is "
                    "drawn on a meridian because no source read gives the line."),
    description_es=("El borde sur y oeste de Mengjiang, reconstruido a partir de las provincias que lo formaban (Chahar, "
                    "Suiyuan y el norte de Shanxi). El extremo occidental, al oeste de Baotou, es la parte menos segura: "
                    "se traza sobre un meridiano porque ninguna fuente leída da la línea."),
)

# The Kwantung Leased Territory reached "the northern shore of Yadang Bay" on the west and Pikou
# (Pitzewo) on the east (wp-kwantung-territory); Pulandian (Pulantien) and Pitzewo were customs
# stations of the territory (britannica-kwantung), so both lie inside. The line runs just north of
# them, coast to coast. Area check: see the README (about 3,500 km2 in gse-kwantung).
KWANTUNG = Described(
    key="kwantung",
    points=((121.25, 39.45), (121.75, 39.47), (121.98, 39.46), (122.20, 39.47), (122.45, 39.50),
            (122.80, 39.35)),
    accuracy_km=15,
    certainty="uncertain",
    sources=("wp-kwantung-territory: History (Yadang Bay to Pikou); britannica-kwantung: Kwantung (Pulantien and "
             "Pitzewo customs stations); gse-kwantung: area about 3,500 km2"),
    derivation=("reconstructed from the description of the lease: from the northern shore of Yadang (Pulandian) Bay "
                "on the west to Pikou on the east, passing just north of Pulandian and Pikou"),
    name_en="Kwantung Leased Territory - Manchukuo",
    name_es="Territorio Arrendado de Kwantung - Manchukuo",
    description_en=("The land boundary of the leased territory, across the Liaodong peninsula from the north shore of "
                    "Pulandian (Yadang) Bay to Pikou. Reconstructed from the written description of the lease."),
    description_es=("El límite terrestre del territorio arrendado, a través de la península de Liaodong desde la orilla "
                    "norte de la bahía de Pulandian (Yadang) hasta Pikou. Reconstruido a partir de la descripción "
                    "escrita del arriendo."),
)

# Karafuto: Sakhalin south of 50 N (Treaty of Portsmouth, 1905; wp-karafuto).
PARALLEL_50 = Described(
    key="karafuto-50n",
    points=((141.0, 50.0), (145.0, 50.0)),
    accuracy_km=1,
    certainty="verified",
    sources="wp-karafuto: lead (south of 50 N, Treaty of Portsmouth 1905)",
    derivation="the parallel 50 N across Sakhalin, as the 1905 treaty defines it",
    name_en="Karafuto - USSR: the 50th parallel",
    name_es="Karafuto - URSS: el paralelo 50",
    description_en="The land border across Sakhalin, on the parallel 50 N since the Treaty of Portsmouth (1905).",
    description_es="La frontera terrestre que cruzaba Sajalín, sobre el paralelo 50 N desde el Tratado de Portsmouth (1905).",
)

# Korea: the 38th parallel of General Order No. 1.
PARALLEL_38 = Described(
    key="38th-parallel",
    points=((124.0, 38.0), (131.0, 38.0)),
    accuracy_km=1,
    certainty="verified",
    sources=("go1-text: paragraph (b) (Korea north of 38 degrees north latitude); frus-1945-v6-d450: Stalin's reply "
             "of 16 August; cumings-1997: pp. 186-187 (chosen on the night of 10-11 August)"),
    derivation="the parallel 38 N across Korea, as General Order No. 1 defines it",
    name_en="The 38th parallel in Korea",
    name_es="El paralelo 38 en Corea",
    description_en=("The line dividing the Soviet and American zones in Korea. Two US colonels, Dean Rusk and Charles "
                    "Bonesteel, proposed it on the night of 10-11 August for General Order No. 1; Truman sent the "
                    "draft order to Stalin on 15 August, and Stalin's reply of 16 August raised no objection to it "
                    "(he asked only for the Kurils and half of Hokkaido). The order was issued on 2 September."),
    description_es=("La línea que dividía las zonas soviética y estadounidense en Corea. Dos coroneles estadounidenses, "
                    "Dean Rusk y Charles Bonesteel, la propusieron la noche del 10 al 11 de agosto para la Orden General "
                    "n.º 1; Truman envió el borrador a Stalin el 15 de agosto, y la respuesta de Stalin del 16 de agosto "
                    "no puso objeción (solo pidió las Kuriles y medio Hokkaido). La orden se emitió el 2 de septiembre."),
)

DESCRIBED = (GREAT_WALL, REHE_MENGJIANG, MENGJIANG_SOUTH, KWANTUNG, PARALLEL_50)


# What Natural Earth's present-day borders stand for in 1945, per pair of present-day countries.
NE_SEGMENTS = {
    frozenset({"CHN", "RUS"}): dict(
        certainty="recalled", sources="naturalearth-admin0: CHN-RUS border",
        note_en=("Follows the present China-Russia border (the Argun, Amur and Ussuri rivers, Lake Khanka and the "
                 "land line to the Tumen), which in 1945 was the Manchukuo-USSR border. River islands handed over "
                 "after 1945 (recalled: the agreements of 1991-2004) move it locally by a few km."),
        note_es=("Sigue la frontera actual China-Rusia (los ríos Argún, Amur y Usuri, el lago Janka y la línea terrestre "
                 "hasta el Tumen), que en 1945 era la frontera Manchukuo-URSS. Islas fluviales cedidas después de 1945 "
                 "(de memoria: los acuerdos de 1991-2004) la mueven localmente unos km.")),
    frozenset({"CHN", "MNG"}): dict(
        certainty="recalled", sources="naturalearth-admin0: CHN-MNG border",
        note_en=("Follows the present China-Mongolia border. In 1945 it was not yet demarcated (recalled: a treaty "
                 "of 1962 fixed it); around Nomonhan (Khalkhin Gol) it was the line of the 1940 settlement after "
                 "the 1939 battles (recalled). The 1945 line may differ by tens of km in places."),
        note_es=("Sigue la frontera actual China-Mongolia. En 1945 aún no estaba demarcada (de memoria: un tratado de "
                 "1962 la fijó); en torno a Nomonhan (Jaljin Gol) era la línea del arreglo de 1940 tras las batallas "
                 "de 1939 (de memoria). La línea de 1945 puede diferir decenas de km en algunos tramos.")),
    frozenset({"CHN", "PRK"}): dict(
        certainty="recalled", sources="naturalearth-admin0: CHN-PRK border",
        note_en=("Follows the present China-North Korea border along the Yalu and Tumen rivers, which was the "
                 "Manchukuo-Korea border in 1945; near Mount Paektu the present line dates from 1962 (recalled) and "
                 "may differ by up to about 20 km."),
        note_es=("Sigue la frontera actual China-Corea del Norte por los ríos Yalu y Tumen, que era la frontera "
                 "Manchukuo-Corea en 1945; cerca del monte Paektu la línea actual es de 1962 (de memoria) y puede "
                 "diferir hasta unos 20 km.")),
    frozenset({"PRK", "RUS"}): dict(
        certainty="recalled", sources="naturalearth-admin0: PRK-RUS border",
        note_en="Follows the present North Korea-Russia border on the lower Tumen, the Korea-USSR border of 1945.",
        note_es="Sigue la frontera actual Corea del Norte-Rusia en el bajo Tumen, la frontera Corea-URSS de 1945."),
    frozenset({"MNG", "RUS"}): dict(
        certainty="recalled", sources="naturalearth-admin0: MNG-RUS border",
        note_en=("Follows the present Mongolia-Russia border; Tuva, on its western part, had been annexed by the USSR "
                 "in 1944 (recalled)."),
        note_es=("Sigue la frontera actual Mongolia-Rusia; Tuvá, en su parte occidental, había sido anexionada por la "
                 "URSS en 1944 (de memoria).")),
}


@dataclass(frozen=True)
class Polity:
    """One dated polygon of the layer."""

    id: str
    names: dict[str, str]
    date_start: str
    date_end: str
    date_certainty: str
    sources: str
    description_en: str
    description_es: str
    date_note_en: str | None = None
    date_note_es: str | None = None


def load_admin0() -> dict[str, shapely.Geometry]:
    doc = json.loads(ADMIN0.read_text(encoding="utf-8"))
    out = {}
    for feat in doc["features"]:
        code = feat["properties"].get("iso_a3") or feat["properties"].get("ISO_A3")
        if code in {"CHN", "RUS", "MNG", "PRK", "KOR", "JPN"}:
            out[code] = shapely.make_valid(shape(feat["geometry"]))
    return out


def cut_polygon(line: Described, far: list[tuple[float, float]]) -> Polygon:
    """The polygon bounded by ``line`` and then by the ``far`` points (clockwise or not)."""
    return shapely.make_valid(Polygon(list(line.points) + far))


def parts(geom: shapely.Geometry) -> list[Polygon]:
    if geom.is_empty:
        return []
    return list(geom.geoms) if hasattr(geom, "geoms") else [geom]


def select(geom: shapely.Geometry, test) -> shapely.Geometry:
    return unary_union([p for p in parts(geom) if test(p.representative_point())])


def build_shapes() -> dict[str, shapely.Geometry]:
    """The 9 August polygons (keys are short names), clipped to the box and on one grid."""
    admin = load_admin0()
    frame = box(*BBOX)
    # Simplify the present-day mainland countries together, so that neighbours keep one shared edge;
    # Japan has no land neighbour and is simplified on its own, more coarsely.
    codes = ["CHN", "RUS", "MNG", "PRK", "KOR"]
    clipped = [drop_islets(shapely.make_valid(admin[c].intersection(frame))) for c in codes]
    simple = shapely.coverage_simplify(clipped, SIMPLIFY, simplify_boundary=True)
    country = {c: shapely.make_valid(g) for c, g in zip(codes, simple, strict=True)}
    japan = drop_islets(shapely.make_valid(admin["JPN"].intersection(frame)))
    country["JPN"] = shapely.make_valid(shapely.coverage_simplify([japan], SIMPLIFY_JAPAN)[0])

    # Manchukuo: east of the Mengjiang line and north of the Great Wall; the far side runs out into
    # Mongolia, Russia and the sea, where no Chinese land lies. Mengjiang: between that line, its own
    # southern/western line and Mongolia.
    in_mongolia = [(118.0, 47.2), (116.5, 46.9), (114.0, 47.0)]  # checked: inside present Mongolia
    manchu_cut = shapely.make_valid(Polygon(
        list(reversed(REHE_MENGJIANG.points)) + list(reversed(GREAT_WALL.points))[1:]
        + [(120.9, 38.6), (124.0, 38.6), (136.0, 38.6), (136.0, 54.0), (114.0, 54.0)] + list(reversed(in_mongolia))))
    mengjiang_cut = shapely.make_valid(Polygon(
        list(MENGJIANG_SOUTH.points) + [(109.5, 46.0)] + list(reversed(in_mongolia))
        + list(reversed(REHE_MENGJIANG.points))[:-1]))
    kwantung_cut = shapely.make_valid(Polygon(list(KWANTUNG.points) + [(122.8, 38.5), (121.0, 38.5), (121.0, 39.45)]))
    china = country["CHN"]
    kwantung = shapely.make_valid(china.intersection(kwantung_cut))
    manchukuo = shapely.make_valid(china.intersection(manchu_cut).difference(kwantung_cut))
    mengjiang = shapely.make_valid(china.intersection(mengjiang_cut).difference(manchu_cut))
    roc = shapely.make_valid(china.difference(manchu_cut).difference(mengjiang_cut).difference(kwantung_cut))

    russia = country["RUS"]
    sakhalin = select(russia, lambda p: 141.0 <= p.x <= 145.0 and 45.5 <= p.y <= 54.5)
    karafuto = shapely.make_valid(sakhalin.intersection(box(140.0, 45.0, 146.0, 50.0)))
    kurils = select(russia, lambda p: 145.3 <= p.x <= 157.0 and 43.0 <= p.y <= 50.95)
    shikotan = select(kurils, lambda p: 43.7 <= p.y < 44.45 and p.x > 146.4)
    habomai = select(kurils, lambda p: p.y < 43.7)
    kunashiri = select(kurils, lambda p: 43.7 <= p.y < 44.45 and p.x <= 146.45)
    kurils_mid = select(kurils, lambda p: 44.45 <= p.y < 45.7 and p.x < 149.0)  # Iturup (Etorofu)
    kurils_north = select(kurils, lambda p: p.y >= 45.7 or p.x >= 149.0)  # Urup and northward
    ussr = shapely.make_valid(russia.difference(karafuto).difference(kurils))
    korea = shapely.make_valid(unary_union([country["PRK"], country["KOR"]]))
    shapes = {
        "manchukuo": manchukuo, "mengjiang": mengjiang, "kwantung": kwantung, "roc": roc,
        "ussr": ussr, "karafuto": karafuto, "mpr": country["MNG"], "korea": korea, "japan": country["JPN"],
        "kurils-north": kurils_north, "kurils-iturup": kurils_mid, "kurils-kunashiri": kunashiri,
        "kurils-shikotan": shikotan, "kurils-habomai": habomai,
        "korea-north": shapely.make_valid(korea.intersection(box(120.0, 38.0, 135.0, 45.0))),
        "korea-south": shapely.make_valid(korea.intersection(box(120.0, 30.0, 135.0, 38.0))),
    }
    shapes = {k: clean(v) for k, v in shapes.items()}
    # Gridding each polygon on its own can leave slivers where two of them meet at a cut; take each
    # one out of those before it (grid-aware overlay), so that the polygons of a day never overlap.
    order = ["mpr", "ussr", "korea", "japan", "karafuto", "kurils-north", "kurils-iturup", "kurils-kunashiri",
             "kurils-shikotan", "kurils-habomai", "kwantung", "manchukuo", "mengjiang", "roc"]
    taken = None
    for key in order:
        if taken is not None:
            shapes[key] = clean(shapely.difference(shapes[key], taken, grid_size=GRID))
        taken = shapes[key] if taken is None else shapely.union(taken, shapes[key], grid_size=GRID)
    for key, frame_ in (("korea-north", box(120.0, 38.0, 135.0, 45.0)), ("korea-south", box(120.0, 30.0, 135.0, 38.0))):
        shapes[key] = clean(shapely.intersection(shapes["korea"], frame_, grid_size=GRID))
    return shapes


KEEP_ISLETS = (box(145.3, 43.0, 157.0, 51.0), box(120.5, 38.5, 122.9, 39.5))  # the Kurils; Kwantung's islands


def drop_islets(geom: shapely.Geometry) -> shapely.Geometry:
    """Leave out small islands (they cost bytes and add nothing at this scale), but keep every Kuril island."""
    kept = [p for p in parts(geom) if p.area >= MIN_ISLAND or any(k.contains(p) for k in KEEP_ISLETS)]
    return unary_union(kept)


def clean(geom: shapely.Geometry) -> shapely.Geometry:
    """Polygons only, on the output grid, valid."""
    geom = shapely.set_precision(shapely.make_valid(geom), GRID)
    polys = [p for p in parts(geom) if p.geom_type == "Polygon" and p.area > 1e-6]
    return shapely.make_valid(unary_union(polys))


def described_source_of(segment: LineString) -> Described | None:
    """The described line a boundary piece lies on, if any."""
    for line in (*DESCRIBED, PARALLEL_38):
        if LineString(line.points).buffer(0.02).contains(segment):
            return line
    return None


def ne_borders(admin_simple: dict[str, shapely.Geometry]) -> dict[frozenset[str], shapely.Geometry]:
    out = {}
    codes = list(admin_simple)
    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            shared = admin_simple[a].boundary.intersection(admin_simple[b].boundary)
            if not shared.is_empty and shared.length > 0:
                out[frozenset({a, b})] = shared
    return out


# Which present-day country each 9 August polity lies in (for reading Natural Earth segments).
MODERN = {"manchukuo": "CHN", "mengjiang": "CHN", "kwantung": "CHN", "roc": "CHN", "ussr": "RUS",
          "karafuto": "RUS", "mpr": "MNG", "korea": "PRK"}
POLITY_ID = {"manchukuo": "pol-manchukuo", "mengjiang": "pol-mengjiang", "kwantung": "pol-kwantung",
             "roc": "pol-china", "ussr": "pol-ussr", "karafuto": "pol-karafuto", "mpr": "pol-mpr",
             "korea": "pol-korea"}
LABEL = {"manchukuo": ("Manchukuo", "Manchukuo"), "mengjiang": ("Mengjiang", "Mengjiang"),
         "kwantung": ("Kwantung", "Kwantung"), "roc": ("China", "China"), "ussr": ("USSR", "URSS"),
         "karafuto": ("Karafuto", "Karafuto"), "mpr": ("Mongolian People's Republic", "República Popular de Mongolia"),
         "korea": ("Korea", "Corea")}


def lines_of(geom: shapely.Geometry) -> list[LineString]:
    """The line parts of a boundary intersection, merged where they touch (points are dropped)."""
    flat = []
    for g in (geom.geoms if hasattr(geom, "geoms") else [geom]):
        if g.geom_type == "LineString":
            flat.append(g)
        elif g.geom_type == "MultiLineString":
            flat += list(g.geoms)
    if not flat:
        return []
    merged = linemerge(flat)
    return [g for g in (merged.geoms if hasattr(merged, "geoms") else [merged]) if g.length > 0.005]


def round_coords(coords) -> list:
    return [[round(x, 3), round(y, 3)] for x, y in coords]


def boundary_features(shapes: dict[str, shapely.Geometry]) -> list[dict]:
    """The land boundaries between the 9 August polities, cut into labelled segments."""
    names = ["manchukuo", "mengjiang", "kwantung", "roc", "ussr", "karafuto", "mpr", "korea"]
    features = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            shared = shapes[a].boundary.intersection(shapes[b].boundary)
            if shared.is_empty or shared.length < 0.01:
                continue
            for n, piece in enumerate(lines_of(shared), start=1):
                features.append(segment_feature(a, b, piece, n))
    features.append(parallel_38_feature(shapes))
    return merge_ids(features)


def segment_feature(a: str, b: str, piece: LineString, n: int) -> dict:
    line = described_source_of(piece)
    pair = f"{LABEL[a][0]} - {LABEL[b][0]}"
    pair_es = f"{LABEL[a][1]} - {LABEL[b][1]}"
    props = {"kind": "boundary", "between": f"{POLITY_ID[a]}; {POLITY_ID[b]}",
             "date_start": START, "date_end": END, "date_certainty": "verified"}
    if line is not None:
        props |= {
            "id": f"bnd-{line.key}", "basis": "described",
            "name_en": line.name_en, "name_es": line.name_es,
            "location_precision": "estimated", "accuracy_km": line.accuracy_km,
            "coord_method": "estimated", "coord_ref": f"{line.derivation} ±{line.accuracy_km} km",
            "location_certainty": line.certainty, "sources": line.sources,
            "description_en": line.description_en, "description_es": line.description_es,
        }
    else:
        info = NE_SEGMENTS[frozenset({MODERN[a], MODERN[b]})]
        slug = f"{POLITY_ID[a][4:]}-{POLITY_ID[b][4:]}"
        props |= {
            "id": f"bnd-{slug}", "basis": "natural-earth-coincident",
            "name_en": pair, "name_es": pair_es,
            "location_precision": "site", "accuracy_km": NE_ACCURACY_KM,
            "coord_method": "source", "coord_ref": NE,
            "location_certainty": info["certainty"], "sources": info["sources"],
            "description_en": info["note_en"], "description_es": info["note_es"],
        }
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": round_coords(piece.coords)},
            "properties": props}


def parallel_38_feature(shapes: dict[str, shapely.Geometry]) -> dict:
    line = shapes["korea-north"].boundary.intersection(shapes["korea-south"].boundary)
    pieces = lines_of(line)
    geom = MultiLineString(pieces) if len(pieces) > 1 else pieces[0]
    data = mapping(geom)
    coords = ([round_coords(p) for p in data["coordinates"]] if data["type"] == "MultiLineString"
              else round_coords(data["coordinates"]))
    return {"type": "Feature", "geometry": {"type": data["type"], "coordinates": coords}, "properties": {
        "id": "bnd-38th-parallel", "kind": "boundary", "basis": "described",
        "between": "pol-korea-north; pol-korea-south",
        "name_en": PARALLEL_38.name_en, "name_es": PARALLEL_38.name_es,
        "date_start": "1945-08-16", "date_end": END, "date_certainty": "verified",
        "date_note_en": ("Proposed on the night of 10-11 August, in the draft order sent to Stalin on 15 August, "
                         "accepted without objection in his reply of 16 August, issued on 2 September."),
        "date_note_es": ("Propuesta la noche del 10 al 11 de agosto, en el borrador enviado a Stalin el 15 de agosto, "
                         "aceptada sin objeción en su respuesta del 16 de agosto, emitida el 2 de septiembre."),
        "location_precision": "site", "accuracy_km": PARALLEL_38.accuracy_km,
        "coord_method": "estimated", "coord_ref": f"{PARALLEL_38.derivation} ±{PARALLEL_38.accuracy_km} km",
        "location_certainty": PARALLEL_38.certainty,
        "sources": PARALLEL_38.sources + "; wilson-stalin-1945: draft of 16 August",
        "description_en": PARALLEL_38.description_en, "description_es": PARALLEL_38.description_es}}


def merge_ids(features: list[dict]) -> list[dict]:
    """Pieces with the same id become one MultiLineString feature."""
    by_id: dict[str, dict] = {}
    for feat in features:
        fid = feat["properties"]["id"]
        if fid not in by_id:
            by_id[fid] = feat
            continue
        kept = by_id[fid]
        old = kept["geometry"]
        lines = [old["coordinates"]] if old["type"] == "LineString" else old["coordinates"]
        new = feat["geometry"]
        lines += [new["coordinates"]] if new["type"] == "LineString" else new["coordinates"]
        kept["geometry"] = {"type": "MultiLineString", "coordinates": lines}
        # a piece of a described line between other polities: list every pair
        pairs = set(kept["properties"]["between"].split("; ")) | set(feat["properties"]["between"].split("; "))
        kept["properties"]["between"] = "; ".join(sorted(pairs))
    return list(by_id.values())


def polygon_geometry(geom: shapely.Geometry) -> dict:
    data = mapping(geom)
    if data["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [round_coords(r) for r in data["coordinates"]]}
    return {"type": "MultiPolygon", "coordinates": [[round_coords(r) for r in poly] for poly in data["coordinates"]]}


def polity_features(shapes: dict[str, shapely.Geometry]) -> list[dict]:
    out = []
    for pol in POLITIES:
        key = SHAPE_OF[pol.id]
        acc, how, certainty = ACCURACY_OF[key]
        props = {"id": pol.id, "kind": "polity", **pol.names,
                 "date_start": pol.date_start, "date_end": pol.date_end, "date_certainty": pol.date_certainty}
        if pol.date_note_en:
            props |= {"date_note_en": pol.date_note_en, "date_note_es": pol.date_note_es}
        props |= {"location_precision": "region", "accuracy_km": acc, "coord_method": "estimated",
                  "coord_ref": f"{how} ±{acc} km", "location_certainty": certainty,
                  "sources": pol.sources, "description_en": pol.description_en, "description_es": pol.description_es}
        out.append({"type": "Feature", "geometry": polygon_geometry(shapes[key]), "properties": props})
    return out


def collection(features: list[dict]) -> str:
    """The canonical text of the layer, exactly as scripts/fmt_geodata.py writes it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from fmt_geodata import SCHEMA, canonical

    order = list(json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["props"]["properties"])
    return canonical(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), order)


# ---------------------------------------------------------------------------------------------
# The polities: names, dates and texts. SHAPE_OF says which polygon each one draws.
# ---------------------------------------------------------------------------------------------

BUILT = "built by scripts/build_borders1945.py from Natural Earth admin-0 and the described lines (see boundaries1945.geojson for each segment)"
ACCURACY_OF = {  # polygon -> (accuracy_km, derivation, location_certainty): its least certain edge
    "manchukuo": (50, f"{BUILT}; least certain edge: Manchukuo-Mengjiang", "uncertain"),
    "mengjiang": (60, f"{BUILT}; least certain edge: Mengjiang's western limit", "uncertain"),
    "kwantung": (15, f"{BUILT}; least certain edge: the lease line", "uncertain"),
    "roc": (60, f"{BUILT}; least certain edges: those with Manchukuo and Mengjiang", "uncertain"),
    "ussr": (5, f"{BUILT}; present Russia less Karafuto and the Kurils", "recalled"),
    "karafuto": (5, f"{BUILT}; Sakhalin south of 50 N", "verified"),
    "mpr": (30, f"{BUILT}; present Mongolia, whose border with China was not demarcated in 1945", "recalled"),
    "korea": (20, f"{BUILT}; present North and South Korea together", "recalled"),
    "korea-north": (20, f"{BUILT}; Korea north of 38 N", "recalled"),
    "korea-south": (20, f"{BUILT}; Korea south of 38 N", "recalled"),
    "japan": (5, f"{BUILT}; present Japan within the map", "recalled"),
    "kurils-north": (5, f"{BUILT}; the present Russian islands from Urup to Shumshu", "recalled"),
    "kurils-iturup": (5, f"{BUILT}; Iturup as drawn by Natural Earth", "recalled"),
    "kurils-kunashiri": (5, f"{BUILT}; Kunashir as drawn by Natural Earth", "recalled"),
    "kurils-shikotan": (5, f"{BUILT}; Shikotan as drawn by Natural Earth", "recalled"),
    "kurils-habomai": (5, f"{BUILT}; the Habomai islets as drawn by Natural Earth", "recalled"),
}


def names(en, es, zh=None, ja=None, ru=None, ko=None) -> dict[str, str]:
    out = {"name_en": en, "name_es": es}
    for key, value in (("name_zh", zh), ("name_ja", ja), ("name_ru", ru), ("name_ko", ko)):
        if value:
            out[key] = value
    return out


def kuril_pair(key, id_, en, es, ja, ru, jp_end, su_start, su_sources, su_note_en, su_note_es):
    """The Japanese and the Soviet-occupied state of one group of the Kuril Islands."""
    jp = Polity(
        id=f"pol-{id_}", names=names(f"{en} (Japan)", f"{es} (Japón)", zh=ja, ja=ja, ru=ru),
        date_start=START, date_end=jp_end, date_certainty="verified",
        sources=f"wp-karafuto: History (Treaty of Saint Petersburg, 1875); {su_sources}",
        description_en=(f"{en}: Japanese territory, part of the Kuril Islands (Chishima), all of which Japan had held "
                        "since the treaty of 1875. Drawn Japanese until the Soviet landing."),
        description_es=(f"{es}: territorio japonés, parte de las islas Kuriles (Chishima), que Japón poseía enteras "
                        "desde el tratado de 1875. Dibujado japonés hasta el desembarco soviético."))
    su = Polity(
        id=f"pol-{id_}-occupied", names=names(f"{en} (Soviet-occupied)", f"{es} (ocupación soviética)", zh=ja, ja=ja,
                                              ru=ru),
        date_start=su_start, date_end=END, date_certainty="verified",
        date_note_en=su_note_en, date_note_es=su_note_es, sources=f"go1-text: paragraph (b); {su_sources}",
        description_en=(f"{en} after the Soviet landing. General Order No. 1, as issued on 2 September, put the "
                        "Japanese forces in the Kurils under the Soviet commander."),
        description_es=(f"{es} tras el desembarco soviético. La Orden General n.º 1, tal como se emitió el 2 de "
                        "septiembre, puso a las fuerzas japonesas de las Kuriles bajo el mando soviético."))
    return [(jp, key), (su, key)]


_POLITIES = [
    (Polity(
        id="pol-manchukuo",
        names=names("Manchukuo", "Manchukuo", zh="滿洲國", ja="満洲国", ru="Маньчжоу-го", ko="만주국"),
        date_start=START, date_end="1945-08-17", date_certainty="verified",
        date_note_en=("Puyi read the abdication rescript at midnight on 17 August at Dalizigou; the ceremony ended at "
                      "00:30 on the 18th, so sources give either day for Manchukuo's end (Wikipedia's infobox: 18 "
                      "August). Drawn to the 17th."),
        date_note_es=("Puyi leyó el edicto de abdicación a medianoche del 17 de agosto en Dalizigou; la ceremonia "
                      "terminó a las 00:30 del 18, así que las fuentes dan uno u otro día como fin de Manchukuo (la "
                      "ficha de Wikipedia: 18 de agosto). Dibujado hasta el 17."),
        sources=("zhwiki-abdication: lead and section 爭議; wp-manchukuo: infobox (18 August 1945, 1,192,081 km2); "
                 "beijingreview-chronik: 9 March 1932 and 17 August 1945; wp-rehe: lead; "
                 "wp-evacuation-manchukuo: The Fate of the Puyi Regime"),
        description_en=("Japan's puppet state in Manchuria, set up in 1932 with Puyi at its head, including Rehe (Jehol), "
                        "annexed in 1933. Its borders of 9 August 1945: the Amur, Ussuri and Argun towards the USSR, "
                        "the Yalu and Tumen towards Korea, the Mongolian border, and the reconstructed lines towards "
                        "Mengjiang and China. Puyi fled Hsinking on 11 August and abdicated on 17-18 August."),
        description_es=("El Estado títere de Japón en Manchuria, creado en 1932 con Puyi a la cabeza, que incluía Rehe "
                        "(Jehol), anexionado en 1933. Sus fronteras del 9 de agosto de 1945: el Amur, el Usuri y el Argún "
                        "hacia la URSS, el Yalu y el Tumen hacia Corea, la frontera mongola y las líneas reconstruidas "
                        "hacia Mengjiang y China. Puyi huyó de Hsinking el 11 de agosto y abdicó el 17-18 de agosto.")),
     "manchukuo"),
    (Polity(
        id="pol-manchuria-occupied",
        names=names("Manchuria under Soviet occupation", "Manchuria bajo ocupación soviética", zh="東北",
                    ja="満洲", ru="Маньчжурия", ko="만주"),
        date_start="1945-08-18", date_end=END, date_certainty="verified",
        sources=("zhwiki-abdication: lead; wenxuecity-lushun: the treaty of 14 August; neizbezhnost: Harbin; "
                 "nenakhov: Changchun, 19 August; news-pravda-mukden: Mukden, 19 August; hastings-nemesis: Jilin, "
                 "19 August; chengangboli: disarmament 20-30 August"),
        description_en=("The former Manchukuo after Puyi's abdication: Chinese land (the Sino-Soviet treaty had been "
                        "signed on 14 August) under Soviet military occupation. Soviet air-landed detachments took "
                        "Harbin on 18 August and Changchun, Mukden and Jilin on 19 August; the Kwantung Army was "
                        "disarmed by 30 August. The same outline as Manchukuo."),
        description_es=("La antigua Manchukuo tras la abdicación de Puyi: tierra china (el tratado chino-soviético se "
                        "había firmado el 14 de agosto) bajo ocupación militar soviética. Destacamentos aerotransportados "
                        "soviéticos tomaron Harbin el 18 de agosto y Changchun, Mukden y Jilin el 19; el Ejército de "
                        "Kwantung quedó desarmado hacia el 30 de agosto. El mismo contorno que Manchukuo.")),
     "manchukuo"),
    (Polity(
        id="pol-mengjiang",
        names=names("Mengjiang", "Mengjiang", zh="蒙疆", ja="蒙疆", ru="Мэнцзян", ko="몽강"),
        date_start=START, date_end="1945-08-19", date_certainty="verified",
        date_note_en=("Wikipedia's infobox dates its end to 19 August 1945; Demchugdongrub's own infobox ends his "
                      "office as head of state on 20 August. Drawn to the 19th."),
        date_note_es=("La ficha de Wikipedia fecha su fin el 19 de agosto de 1945; la ficha del propio Demchugdongrub "
                      "termina su cargo de jefe de Estado el 20 de agosto. Dibujado hasta el 19."),
        sources=("wp-mengjiang: lead and infobox (1 September 1939 - 19 August 1945, capital Kalgan, 506,800 km2); "
                 "wp-demchugdongrub: infobox (head of state to 20 August 1945); wp-north-shanxi: lead; "
                 "wp-mongol-united: History"),
        description_en=("The Japanese-sponsored Mongol regime of Inner Mongolia, formed on 1 September 1939 from "
                        "Chahar, Suiyuan and northern Shanxi, with its capital at Kalgan (Zhangjiakou) and Prince "
                        "Demchugdongrub at its head; nominally part of Wang Jingwei's collaborationist China from 1940. "
                        "Its outline here is reconstructed (see the boundaries) and is the least certain of the map."),
        description_es=("El régimen mongol de Mongolia Interior patrocinado por Japón, formado el 1 de septiembre de 1939 "
                        "con Chahar, Suiyuan y el norte de Shanxi, con capital en Kalgan (Zhangjiakou) y el príncipe "
                        "Demchugdongrub al frente; nominalmente parte de la China colaboracionista de Wang Jingwei desde "
                        "1940. Su contorno aquí es una reconstrucción (ver los límites) y es el menos seguro del mapa.")),
     "mengjiang"),
    (Polity(
        id="pol-mengjiang-former",
        names=names("Inner Mongolia after Mengjiang", "Mongolia Interior tras Mengjiang", zh="蒙疆", ja="蒙疆",
                    ru="Внутренняя Монголия"),
        date_start="1945-08-20", date_end=END, date_certainty="verified",
        sources="wp-mengjiang: infobox; wikireading-tbf: chapter 33; vorotnikov: Mongolian units; enow-kalgan: Kalgan",
        description_en=("Mengjiang's area after the regime ended: Chinese territory, crossed in August by the "
                        "Soviet-Mongolian cavalry-mechanised group on the Dolonnor and Kalgan axes. Who held which "
                        "town in the following weeks is not drawn."),
        description_es=("El territorio de Mengjiang tras el fin del régimen: territorio chino, atravesado en agosto por el "
                        "grupo de caballería mecanizada soviético-mongol en los ejes de Dolonnor y Kalgan. Quién controló "
                        "cada ciudad en las semanas siguientes no se dibuja.")),
     "mengjiang"),
    (Polity(
        id="pol-kwantung",
        names=names("Kwantung Leased Territory", "Territorio Arrendado de Kwantung", zh="關東州", ja="関東州",
                    ru="Квантунская область", ko="관동주"),
        date_start=START, date_end="1945-08-21", date_certainty="verified",
        sources=("wp-kwantung-territory: lead and History; gse-kwantung: area; britannica-kwantung: area and customs "
                 "stations; manawatu-1945: Port Arthur and Dairen, 22 August"),
        description_en=("The tip of the Liaodong peninsula with Dairen (Dalian) and Ryojun (Port Arthur), leased by "
                        "Russia in 1898 and by Japan from 1905, and governed by Japan apart from Manchukuo. About "
                        "3,500 km2 (Great Soviet Encyclopedia; 1,300 sq mi in the Britannica). Soviet air-landed "
                        "troops arrived on 22 August."),
        description_es=("La punta de la península de Liaodong con Dairen (Dalian) y Ryojun (Port Arthur), arrendada por "
                        "Rusia en 1898 y por Japón desde 1905, y gobernada por Japón aparte de Manchukuo. Unos 3.500 km2 "
                        "(Gran Enciclopedia Soviética; 1.300 millas cuadradas en la Britannica). Tropas aerotransportadas "
                        "soviéticas llegaron el 22 de agosto.")),
     "kwantung"),
    (Polity(
        id="pol-kwantung-occupied",
        names=names("Port Arthur and Dairen under Soviet occupation", "Port Arthur y Dairen bajo ocupación soviética",
                    zh="旅大", ja="関東州", ru="Порт-Артур и Дальний"),
        date_start="1945-08-22", date_end=END, date_certainty="verified",
        sources="manawatu-1945: 23 August 1945 report; wenxuecity-lushun: Lüshun, 22 August, and the treaty of 14 August",
        description_en=("The former leased territory after the Soviet air-landings at Port Arthur and Dalian on 22 "
                        "August; the Sino-Soviet treaty had been signed in Moscow on 14 August."),
        description_es=("El antiguo territorio arrendado tras los desembarcos aéreos soviéticos en Port Arthur y Dalian "
                        "el 22 de agosto; el tratado chino-soviético se había firmado en Moscú el 14 de agosto.")),
     "kwantung"),
    (Polity(
        id="pol-korea",
        names=names("Korea (Japanese colony)", "Corea (colonia japonesa)", zh="朝鮮", ja="朝鮮", ru="Корея",
                    ko="조선"),
        date_start=START, date_end="1945-08-15", date_certainty="verified",
        date_note_en=("Drawn whole to 15 August, the day of Japan's surrender broadcast; from 16 August, when Stalin "
                      "answered the draft General Order No. 1 without objecting to its line, as two zones."),
        date_note_es=("Dibujada entera hasta el 15 de agosto, día del mensaje de rendición de Japón; desde el 16, "
                      "cuando Stalin respondió al borrador de la Orden General n.º 1 sin objetar su línea, como dos "
                      "zonas."),
        sources=("wp-gyeongui-1945: lead (Korea, Empire of Japan); frus-1945-v6-d450: Stalin's reply of 16 August; "
                 "codenames-seishin: landings of 11-16 August; tass-pyongyang: Yuki and Rashin"),
        description_en=("Korea (Chōsen), a colony of Japan governed from Keijō (Seoul). Soviet forces landed at Unggi "
                        "and Rajin from 11 August and at Chongjin from 13 August."),
        description_es=("Corea (Chōsen), colonia de Japón gobernada desde Keijō (Seúl). Fuerzas soviéticas desembarcaron "
                        "en Unggi y Rajin desde el 11 de agosto y en Chongjin desde el 13.")),
     "korea"),
    (Polity(
        id="pol-korea-north",
        names=names("Korea north of the 38th parallel (Soviet zone)", "Corea al norte del paralelo 38 (zona soviética)",
                    zh="北朝鮮", ja="北朝鮮", ru="Северная Корея (советская зона)", ko="북조선"),
        date_start="1945-08-16", date_end=END, date_certainty="verified",
        sources=("go1-text: paragraph (b); frus-1945-v6-d450: Stalin's reply of 16 August; shirokorad: Chongjin, "
                 "16 August; tass-pyongyang: Pyongyang, 24 August; endofempire: 26 August"),
        description_en=("The zone where Japanese forces were to surrender to the Soviet commander (General Order No. 1). "
                        "Soviet troops took Chongjin on 16 August and air-landed at Pyongyang on 24 August; the 25th "
                        "Army reached the 38th parallel by the end of August."),
        description_es=("La zona donde las fuerzas japonesas debían rendirse al mando soviético (Orden General n.º 1). "
                        "Tropas soviéticas tomaron Chongjin el 16 de agosto y aterrizaron en Pyongyang el 24; el 25.º "
                        "Ejército llegó al paralelo 38 a finales de agosto.")),
     "korea-north"),
    (Polity(
        id="pol-korea-south",
        names=names("Korea south of the 38th parallel (US zone)", "Corea al sur del paralelo 38 (zona estadounidense)",
                    zh="南朝鮮", ja="南朝鮮", ru="Южная Корея (американская зона)", ko="남조선"),
        date_start="1945-08-16", date_end=END, date_certainty="verified",
        date_note_en=("A zone from the agreement of 16 August, but US troops came only in September: the XXIV Corps "
                      "arrived off Chemulpo (Incheon) on 8 September and moved its headquarters to Seoul on 9 "
                      "September."),
        date_note_es=("Zona desde el acuerdo del 16 de agosto, pero las tropas estadounidenses no llegaron hasta "
                      "septiembre: el XXIV Cuerpo llegó ante Chemulpo (Incheon) el 8 de septiembre y trasladó su cuartel "
                      "general a Seúl el 9."),
        sources=("go1-text: paragraphs (b) and (e); frus-1945-v6-d774: note 3 (8 and 9 September); "
                 "macarthur-korea-1945: proclamation of 7 September"),
        description_en=("The zone where Japanese forces were to surrender to the US commander. MacArthur's proclamation "
                        "of 7 September announced the occupation of Korea south of 38 degrees north."),
        description_es=("La zona donde las fuerzas japonesas debían rendirse al mando estadounidense. La proclama de "
                        "MacArthur del 7 de septiembre anunció la ocupación de Corea al sur de los 38 grados norte.")),
     "korea-south"),
    (Polity(
        id="pol-karafuto",
        names=names("Karafuto (South Sakhalin, Japan)", "Karafuto (Sajalín del Sur, Japón)", zh="樺太", ja="樺太",
                    ru="Карафуто (Южный Сахалин)", ko="가라후토"),
        date_start=START, date_end="1945-08-24", date_certainty="verified",
        sources=("wp-karafuto: lead; wp-sakhalin: dates of the operation; pwencycl-karafuto: Koton; wikisum-sakhalin: "
                 "Koton broken on 18 August; auckland-star-1945: Esutoru and Anbetsu; fepow-1945: Maoka, 19 August"),
        description_en=("Japanese Sakhalin south of 50 N since 1905, capital Toyohara, part of Japan proper from 1943. "
                        "The Soviet attack across the 50th parallel began on 11 August; the Koton fortified region was "
                        "broken on 18 August; landings at Esutoru and Anbetsu were reported on 13 August and the Maoka "
                        "landing began on 19 August; Otomari and Toyohara fell on 25 August (recalled)."),
        description_es=("El Sajalín japonés al sur de los 50 N desde 1905, capital Toyohara, parte del Japón propiamente "
                        "dicho desde 1943. El ataque soviético a través del paralelo 50 empezó el 11 de agosto; la región "
                        "fortificada de Koton cayó el 18; se informó de desembarcos en Esutoru y Anbetsu el 13 y el "
                        "desembarco de Maoka empezó el 19; Otomari y Toyohara cayeron el 25 de agosto (de memoria).")),
     "karafuto"),
    (Polity(
        id="pol-karafuto-occupied",
        names=names("South Sakhalin (Soviet-occupied)", "Sajalín del Sur (ocupación soviética)", zh="樺太", ja="樺太",
                    ru="Южный Сахалин", ko="가라후토"),
        date_start="1945-08-25", date_end=END, date_certainty="verified",
        date_note_en=("The operation ended on 25 August (Wikipedia); the Sovinformburo announced it on 28 August, "
                      "and its reports can come a day or more after the event."),
        date_note_es=("La operación terminó el 25 de agosto (Wikipedia); el Sovinformburó la anunció el 28, y sus "
                      "partes pueden llegar un día o más después del hecho."),
        sources="wp-sakhalin: end of the operation; zabnews-sakhalin: communiqué of 28 August; go1-text: paragraph (b)",
        description_en=("Karafuto after the Soviet occupation of 25 August; formally still Japanese territory, it was "
                        "annexed by the USSR later (not drawn here)."),
        description_es=("Karafuto tras la ocupación soviética del 25 de agosto; formalmente aún territorio japonés, la URSS "
                        "lo anexionó más tarde (no se dibuja aquí).")),
     "karafuto"),
    *kuril_pair("kurils-north", "kurils-north", "Northern and central Kurils, Shumshu to Urup",
                "Kuriles del norte y del centro, de Shumshu a Urup", "千島列島", "Курильские острова",
                "1945-08-17", "1945-08-18",
                "wp-shumshu: dates; japantimes-shumshu: cease-fire of 21 August; zabnews-sakhalin: 28 August",
                ("Shumshu was attacked on 18 August (fighting to 23 August, cease-fire on the 21st); the islands "
                 "south to Urup were announced occupied on 28 August. Drawn occupied from the first landing."),
                ("Shumshu fue atacada el 18 de agosto (combates hasta el 23, alto el fuego el 21); las islas hasta Urup "
                 "se anunciaron ocupadas el 28 de agosto. Dibujadas ocupadas desde el primer desembarco.")),
    *kuril_pair("kurils-iturup", "kurils-iturup", "Iturup / Etorofu", "Iturup / Etorofu", "択捉島", "Итуруп",
                "1945-08-27", "1945-08-28", "zabnews-sakhalin: communiqué of 28 August",
                "Announced occupied on 28 August.", "Anunciada ocupada el 28 de agosto."),
    *kuril_pair("kurils-kunashiri", "kurils-kunashiri", "Kunashiri / Kunashir", "Kunashiri / Kunashir", "国後島",
                "Кунашир", "1945-08-31", "1945-09-01", "shimura-kurils: 1 September",
                "1 September, from a Japanese private account (Shimura).",
                "1 de septiembre, según un relato privado japonés (Shimura)."),
    *kuril_pair("kurils-shikotan", "kurils-shikotan", "Shikotan", "Shikotan", "色丹島", "Шикотан",
                "1945-08-31", "1945-09-01", "shimura-kurils: 1 September",
                "1 September, from a Japanese private account (Shimura).",
                "1 de septiembre, según un relato privado japonés (Shimura)."),
    *kuril_pair("kurils-habomai", "kurils-habomai", "Habomai islands", "Islas Habomai", "歯舞群島", "Хабомаи",
                "1945-09-02", "1945-09-03", "shimura-kurils: 3-5 September",
                "Occupied on 3-5 September, from a Japanese private account (Shimura); drawn from the 3rd.",
                "Ocupadas el 3-5 de septiembre, según un relato privado japonés (Shimura); dibujadas desde el 3."),
    (Polity(
        id="pol-japan",
        names=names("Japan", "Japón", zh="日本", ja="日本", ru="Япония", ko="일본"),
        date_start=START, date_end=END, date_certainty="verified",
        sources=("frus-1945-v6-d450: Stalin's request for northern Hokkaido; wilson-truman-1945: Truman's answer of 18 "
                 "August; news-pravda-hokkaido: 16 and 22 August; usni-chongjin: surrender of 2 September"),
        description_en=("The Japanese home islands as far as the map reaches (Hokkaido, northern Honshu and the Sea of "
                        "Japan coast). On 16 August Stalin asked for the northern half of Hokkaido; Truman refused, and "
                        "on 22 August Stalin called off a landing. Japan signed the surrender on 2 September."),
        description_es=("Las islas principales de Japón hasta donde llega el mapa (Hokkaido, el norte de Honshu y la costa "
                        "del mar del Japón). El 16 de agosto Stalin pidió la mitad norte de Hokkaido; Truman se negó, y el "
                        "22 de agosto Stalin anuló un desembarco. Japón firmó la rendición el 2 de septiembre.")),
     "japan"),
    (Polity(
        id="pol-ussr",
        names=names("Soviet Union", "Unión Soviética", zh="蘇聯", ja="ソビエト連邦", ru="СССР", ko="소련"),
        date_start=START, date_end=END, date_certainty="verified",
        sources="krasnoarm-gazeta: declaration of war; naturalearth-admin0: RUS",
        description_en=("The USSR as far as the map reaches, at war with Japan from 9 August; its Far Eastern borders "
                        "of 1945 follow present Russia's, less Karafuto and the Kurils."),
        description_es=("La URSS hasta donde llega el mapa, en guerra con Japón desde el 9 de agosto; sus fronteras del "
                        "Extremo Oriente en 1945 siguen las de la Rusia actual, sin Karafuto ni las Kuriles.")),
     "ussr"),
    (Polity(
        id="pol-mpr",
        names=names("Mongolian People's Republic", "República Popular de Mongolia", zh="蒙古人民共和國",
                    ja="モンゴル人民共和国", ru="Монгольская Народная Республика", ko="몽골 인민 공화국"),
        date_start=START, date_end=END, date_certainty="verified",
        sources="wp-manchuria: Mongolian forces; naturalearth-admin0: MNG",
        description_en=("Outer Mongolia, which fought beside the USSR: about 16,000 Mongolian troops took part in the offensive. "
                        "Drawn with present Mongolia's border, which in 1945 was not demarcated with China."),
        description_es=("Mongolia Exterior, que combatió junto a la URSS: unos 16.000 soldados mongoles tomaron parte en la ofensiva. "
                        "Dibujada con la frontera de la Mongolia actual, que en 1945 no estaba demarcada con China.")),
     "mpr"),
    (Polity(
        id="pol-china",
        names=names("Republic of China", "República de China", zh="中華民國", ja="中華民国",
                    ru="Китайская Республика", ko="중화민국"),
        date_start=START, date_end=END, date_certainty="verified",
        sources="go1-text: paragraph (a); wp-mengjiang: lead",
        description_en=("China outside Manchukuo, Mengjiang and Kwantung, as far as the map reaches. Japanese forces "
                        "still held part of it, in places under Wang Jingwei's collaborationist government; General "
                        "Order No. 1 had the Japanese forces in China (Manchuria excepted) surrender to Chiang Kai-shek. "
                        "The front line of 1945 inside China is not drawn."),
        description_es=("China fuera de Manchukuo, Mengjiang y Kwantung, hasta donde llega el mapa. Fuerzas japonesas "
                        "aún ocupaban parte de ella, en algunos lugares bajo el gobierno colaboracionista de Wang Jingwei; "
                        "la Orden General n.º 1 mandó a las fuerzas japonesas en China (salvo Manchuria) rendirse a Chiang "
                        "Kai-shek. El frente de 1945 dentro de China no se dibuja.")),
     "roc"),
]
POLITIES = [p for p, _ in _POLITIES]
SHAPE_OF = {p.id: key for p, key in _POLITIES}


def main(argv: list[str]) -> int:
    shapes = build_shapes()
    outputs = {BORDERS: collection(polity_features(shapes)), BOUNDARIES: collection(boundary_features(shapes))}
    if "--check" in argv:
        stale = [p.name for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print("out of date (run python scripts/build_borders1945.py, then scripts/fmt_geodata.py):", ", ".join(stale))
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(text.encode('utf-8')) / 1024:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
