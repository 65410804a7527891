"""The map's legend: who (colour and line pattern), what (shape), how sure (fill, dots, rings)."""

from __future__ import annotations

from html import escape

from atlas.i18n import t
from atlas.map.overlays import POLITY_FILL
from atlas.map.symbology import (
    CAMP_COLOR,
    CAMP_SHAPE,
    CIVILIAN_COLOR,
    FIGURE_COLOR,
    FRONT_COLOR,
    FRONT_DASH,
    JAPANESE_COLOR,
    KIND_SHAPE,
    KIND_SIZE,
    NEUTRAL_COLOR,
    ROUTE_STYLE,
    UNKNOWN_DASH,
    arrow_svg,
    burial_svg,
    marker_svg,
    proportional_svg,
)


def _line_svg(color: str, dash: str | None, faded: bool = False, width: int = 4) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    cap = "round" if dash == UNKNOWN_DASH else "butt"
    return (f'<svg width="34" height="12" aria-hidden="true"><line x1="2" y1="6" x2="32" y2="6" stroke="{color}" '
            f'stroke-width="{width}" stroke-linecap="{cap}" opacity="{0.45 if faded else 0.9}"{dash_attr}/></svg>')


FOCUS_SVG = ('<svg width="18" height="18" aria-hidden="true"><circle cx="9" cy="9" r="7" fill="none" stroke="#1a1a1a" '
             'stroke-width="3"/></svg>')
COMPARE_SVG = ('<svg width="16" height="16" aria-hidden="true"><rect x="2" y="2" width="12" height="12" fill="#999" '
               'opacity="0.45"/></svg>')


def legend_html(lang: str, variant: str = "offensive") -> str:
    """The legend's HTML: who (colour and line pattern), what (shape), how sure (fill, dots, rings).

    ``variant`` is ``offensive`` (fronts, armies' axes, landings) or ``fortress`` (one fortified
    region: positions, reference places, attack directions).
    """
    def item(svg: str, label: str) -> str:
        return f"<li>{svg}<span>{escape(label)}</span></li>"

    def section(title: str, items: list[str]) -> str:
        return f"<h5>{escape(t(title, lang))}</h5><ul>{''.join(items)}</ul>"

    def civilians() -> str:
        kinds = ("settlement", "event", "refugee_camp", "port") if variant != "fortress" else ()
        marks = [item(marker_svg(KIND_SHAPE[k], CIVILIAN_COLOR, True, 16), t(f"kind_{k}", lang)) for k in kinds]
        return section("legend_civilians", marks) if marks else ""

    def world_of_1945() -> str:
        if variant != "offensive":
            return ""
        swatch = '<svg width="18" height="14" aria-hidden="true"><rect x="1" y="1" width="16" height="12" fill="{}" ' \
                 'fill-opacity="0.3" stroke="none"/></svg>'
        marks = [item(swatch.format(color), t(f"legend_polity_{group}", lang)) for group, color in POLITY_FILL.items()]
        marks += [item(_line_svg("#555555", None, width=2), t("legend_boundary_coincident", lang)),
                  item(_line_svg("#555555", "7 5", width=2), t("legend_boundary_described", lang))]
        return section("legend_1945", marks)

    grey = NEUTRAL_COLOR
    if variant == "captivity":
        camps = [item(marker_svg(CAMP_SHAPE.get(kind, "square"), CAMP_COLOR[kind], True, 14), t(f"camp_type_{kind}", lang))
                 for kind in ("labour", "officers", "transit", "hospital", "convict")]
        figures = [item(proportional_svg(FIGURE_COLOR[kind], 18), t(f"legend_figure_{kind}", lang)) for kind in ("dead", "held")]
        routes = [item(_line_svg(color, dash, width=3), t(f"legend_route_{kind}", lang))
                  for kind, (color, dash) in ROUTE_STYLE.items()]
        others = [item(marker_svg(KIND_SHAPE[k], grey, True, 16), t(f"kind_{k}", lang)) for k in ("collection_point", "port")]
        figures.append(item(burial_svg(18), t("kind_burial_site", lang)))
        body = (section("legend_camp_types", camps) + section("legend_figures", figures)
                + section("legend_routes", routes + others) + civilians())
        certainty = [
            item(marker_svg("square", grey, True, 14), t("legend_filled", lang)),
            item(marker_svg("square", grey, False, 14), t("legend_hollow", lang)),
            item(marker_svg("square", grey, True, 14, faded=True), t("phase_closed", lang)),
            item('<svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" '
                 'stroke="#555" stroke-dasharray="3 2"/></svg>', t("legend_ring", lang)),
            item(FOCUS_SVG, t("legend_focus", lang)), item(COMPARE_SVG, t("legend_compare", lang)),
        ]
        return (f'<details><summary>{escape(t("legend_title", lang))}</summary>{body}'
                + section("legend_certainty", certainty)
                + f'<small>{escape(t("legend_basemap", lang))}</small></details>')
    if variant == "fortress":
        fronts = [item(_line_svg(FRONT_COLOR["far_eastern_1"], FRONT_DASH["far_eastern_1"]), t("legend_attack", lang))]
        shown_kinds = ("position", "place", "event")
    else:
        fronts = [item(_line_svg(color, FRONT_DASH[name]), t(f"front_{name}", lang)) for name, color in FRONT_COLOR.items()]
        shown_kinds = ("start_area", "waypoint", "landing_sea", "landing_air", "hq", "fortified_region")
    fronts.append(item(marker_svg("fort", JAPANESE_COLOR, True, 16), t("legend_japanese", lang)))
    kinds = [item(marker_svg(KIND_SHAPE[k], grey, True, 18 if KIND_SIZE[k] >= 20 else 14), t(f"kind_{k}", lang))
             for k in shown_kinds]
    axes = [
        item(_line_svg(grey, None), t("legend_axis_reached", lang)),
        item(_line_svg(grey, None, faded=True), t("legend_axis_under_way", lang)),
        item(_line_svg(grey, UNKNOWN_DASH, width=3), t("legend_axis_unknown", lang)),
        item(arrow_svg(grey, 90, False, size=24, gap=-6), t("legend_axis_head", lang)),
    ]
    certainty = [
        item(marker_svg("circle", grey, True, 16), t("legend_filled", lang)),
        item(marker_svg("circle", grey, False, 16), t("legend_hollow", lang)),
        item(marker_svg("circle", grey, False, 16, dashed=True), t("legend_unknown", lang)),
        item(marker_svg("fort", JAPANESE_COLOR, True, 16, faded=True, crossed=True), t("legend_fallen", lang)),
        item('<svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" '
             'stroke="#555" stroke-dasharray="3 2"/></svg>', t("legend_ring", lang)),
        item(FOCUS_SVG, t("legend_focus", lang)), item(COMPARE_SVG, t("legend_compare", lang)),
    ]
    body = section("legend_fronts", fronts) + section("legend_kinds", kinds)
    if variant != "fortress":
        body += section("legend_axes", axes) + civilians() + world_of_1945()
    return (
        f'<details><summary>{escape(t("legend_title", lang))}</summary>{body}'
        + section("legend_certainty", certainty)
        + f'<small>{escape(t("legend_basemap", lang))}</small></details>'
    )
