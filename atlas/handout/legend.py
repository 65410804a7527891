"""The legend of a static map, built from what is on it (as the web legend, but only what is drawn).

Who (colour and line pattern), what (shape, in grey; camps and regional figures by colour), and
how sure (hollow, dashed, crossed, faded, ring), with the web legend's own labels.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle

from atlas.handout import glyphs, style
from atlas.handout.draw import line_kwargs
from atlas.handout.view import View
from atlas.i18n import t

JAPANESE_KINDS = frozenset({"hq", "fortified_region", "position"})
LEGEND_FONT_PT = 6.0
LEGEND_MARKER_PX = 14.0
WRAP_CHARS = 46  # longer labels (the ring's) go on two lines
CHAR_EM = 0.56  # average DejaVu Sans character width, in ems
HANDLE_PT = 34.0  # the symbol, its padding and the space between columns
MAX_COLUMNS = 4
BAND_PAD_PT = 4.0


def _marker(view: View, shape: str, color: str, filled: bool = True, faded: bool = False,
            dashed: bool = False) -> Line2D:
    path = glyphs.shape_path(shape)
    return Line2D([], [], linestyle="none", marker=MarkerStyle(path),
                  markersize=glyphs.marker_size_pt(path, LEGEND_MARKER_PX, view.pt_per_px),
                  markerfacecolor=color if filled else style.HOLLOW_FILL, markeredgecolor=color,
                  markeredgewidth=view.px(1.8), alpha=style.FADED_ALPHA if faded else 1.0,
                  **({"fillstyle": "none"} if dashed else {}))


def _disc(color: str, alpha: float = 1.0, hollow: bool = False) -> Line2D:
    return Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="none" if hollow else color,
                  markeredgecolor=color, alpha=alpha)


def legend_entries(variant: str, lang: str, points: Sequence[tuple[Mapping[str, Any], str]],
                   lines: Sequence[Mapping[str, Any]], fronts: Sequence[str], view: View) -> list[tuple[Line2D, str]]:
    """(handle, label) pairs for what this map shows. ``points`` are ``(props, phase)`` of the markers,
    ``lines`` the line features' properties, ``fronts`` the fronts whose axes are drawn."""
    entries: list[tuple[Line2D, str]] = []
    grey = style.NEUTRAL_COLOR
    for front in fronts:
        entries.append((Line2D([], [], **line_kwargs(style.segment_style(front, "reached"), view)),
                        t(f"front_{front}", lang)))
    route_kinds: list[str] = []
    for props in lines:
        if props.get("kind") == "route":
            kind = "repatriation" if "repatriation" in str(props.get("id", "")) else "transfer"
            if kind not in route_kinds:
                route_kinds.append(kind)
        elif not any(label == t("legend_attack", lang) for _, label in entries):
            entries.append((Line2D([], [], **line_kwargs(style.line_style(props, "done"), view)),
                            t("legend_attack", lang)))
    for kind in route_kinds:
        entries.append((Line2D([], [], **line_kwargs(style.line_style({"kind": "route", "id": kind}, "done"), view)),
                        t(f"legend_route_{kind}", lang)))
    kinds = list(dict.fromkeys(str(p.get("kind")) for p, _ in points))
    if JAPANESE_KINDS & set(kinds) and variant != "captivity":
        entries.append((_marker(view, "fort", style.JAPANESE_COLOR), t("legend_japanese", lang)))
    camp_types = list(dict.fromkeys(str(p.get("camp_type")) for p, _ in points if p.get("kind") == "camp"))
    for camp_type in camp_types:
        if camp_type in style.CAMP_COLOR:
            shape = style.CAMP_SHAPE.get(camp_type, "square")
            entries.append((_marker(view, shape, style.CAMP_COLOR[camp_type]), t(f"camp_type_{camp_type}", lang)))
    figure_kinds = list(dict.fromkeys(style.figure_kind(p) for p, _ in points if p.get("kind") == "region_figure"))
    for kind in figure_kinds:
        entries.append((_disc(style.FIGURE_COLOR[kind], 0.6), t(f"legend_figure_{kind}", lang)))
    for kind in kinds:
        if kind in ("camp", "region_figure"):
            continue
        entries.append((_marker(view, style.KIND_SHAPE.get(kind, "diamond"), grey), t(f"kind_{kind}", lang)))
    phases = {phase for _, phase in points}
    certainties = {p.get("date_certainty") for p, _ in points}
    entries.append((_marker(view, "circle", grey), t("legend_filled", lang)))
    if certainties & style.HOLLOW_CERTAINTIES:
        entries.append((_marker(view, "circle", grey, filled=False), t("legend_hollow", lang)))
    if phases & style.DASHED_PHASES:
        entries.append((_marker(view, "circle", grey, filled=False, dashed=True), t("legend_unknown", lang)))
    if phases & style.CROSSED_PHASES:
        entries.append((_marker(view, "fort", style.JAPANESE_COLOR, faded=True), t("legend_fallen", lang)))
    if "closed" in phases:
        entries.append((_marker(view, "square", grey, faded=True), t("phase_closed", lang)))
    if any(p.get("location_precision") in ("region", "estimated") and p.get("accuracy_km") for p, _ in points):
        entries.append((_disc(grey, hollow=True), t("legend_ring", lang)))
    return entries


def layout(entries: Sequence[tuple[Line2D, str]], width_pt: float) -> tuple[list[str], int]:
    """(labels wrapped to fit, columns): as many columns as the longest label allows."""
    labels = [textwrap.fill(label, WRAP_CHARS) for _, label in entries]
    longest = max((len(line) for label in labels for line in label.split("\n")), default=0)
    column_pt = longest * LEGEND_FONT_PT * CHAR_EM + HANDLE_PT
    return labels, max(1, min(MAX_COLUMNS, int(width_pt // column_pt))) if entries else 1


def draw_band(figure: Figure, entries: Sequence[tuple[Line2D, str]], width_pt: float,
              height_pt: float) -> tuple[float, Axes]:
    """The legend in a band of its own at the bottom of ``figure`` (so it hides nothing on the map);
    returns the band's height in points, measured from the drawn legend, and the band's axes."""
    labels, columns = layout(entries, width_pt)
    ax = figure.add_axes((0.01, 0, 0.98, 0.5))
    ax.set_axis_off()
    legend = ax.legend([e[0] for e in entries], labels, loc="upper left", bbox_to_anchor=(0, 1),
                       fontsize=LEGEND_FONT_PT, frameon=False, handlelength=2.6, borderpad=0.2, labelspacing=0.3,
                       columnspacing=1.2, ncol=columns)
    box = legend.get_window_extent(figure.canvas.get_renderer())
    band_pt = box.height / figure.dpi * 72 + BAND_PAD_PT
    ax.set_position((0.01, 0, 0.98, (band_pt - BAND_PAD_PT / 2) / height_pt))
    return band_pt, ax
