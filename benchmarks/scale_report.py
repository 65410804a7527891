"""The cost curve's table and plot from scripts/bench_scale.py's JSON.

    .venv/bin/python benchmarks/scale_report.py docs/scale.json docs/scale.png   # prints the table
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROWS = [  # (label, how to read it from a factor's row)
    ("features in the package", lambda r: f"{r['features']:,}"),
    ("features drawn (offensive, 9 Aug)", lambda r: f"{r['features_drawn']:,}"),
    ("symbols in the map's DOM (markers, clusters, paths)", lambda r: f"{r['symbols_drawn']:,}" if "symbols_drawn" in r
     else f"{r['features_drawn']:,} (counted as features then)"),
    ("load + validation (s)", lambda r: f"{r['load_s']:.1f}"),
    ("load from the snapshot (s)", lambda r: f"{r['snapshot_s']:.2f}" if "snapshot_s" in r else "–"),
    ("step table: build (s)", lambda r: f"{r['step_table_s']:.1f}"),
    ("step table: size (kB) / rows", lambda r: f"{r['step_table_kb']:,.0f} / {r['step_table_rows']:,}"),
    ("catalog sent on load (kB); with the popups' text", lambda r: (
        f"{r['catalog_sent_kb']:,.0f}; {r['catalog_kb']:,.0f}" if "catalog_sent_kb" in r else f"{r['catalog_kb']:,.0f}")),
    ("bytes per step, median (max)", lambda r: f"{r['bytes_per_step'] / 1000:.1f} kB ({r['bytes_per_step_max'] / 1000:.0f})"),
    ("key → map painted (ms) / floor step (painted from run 10)", lambda r: (
        f"{1000 * r['key_to_map_s']:.0f} / {1000 * r['floor_step_s']:.0f} = **{r['step_ratio']:.2f}×**")),
    ("… floor step to its text's change in the page (ms) / ×", lambda r: (
        f"{1000 * r['floor_step_dom_s']:.0f} / {r['step_ratio_dom']:.2f}×" if "floor_step_dom_s" in r else "(as above)")),
    ("… each step in order, map / floor (ms)", lambda r: (
        f"{', '.join(map(str, r['key_to_map_ms_each']))} / {', '.join(map(str, r['floor_step_ms_each']))}"
        if "key_to_map_ms_each" in r else "–")),
    ("whole step (ms)", lambda r: f"{1000 * r['whole_step_s']:.0f}"),
    ("first map, cold server (s) / × floor load", lambda r: f"{r['cold_first_map_s']:.1f} / {r['cold_ratio']:.1f}×"),
    ("… cold, no snapshot: data never loaded (s) / × floor", lambda r: (
        f"{r['cold_unvalidated_first_map_s']:.1f} / {r['cold_unvalidated_ratio']:.1f}×"
        if "cold_unvalidated_first_map_s" in r else "–")),
    ("… cold, ASGI entry with its start-up hook (s) / × floor", lambda r: (
        f"{r['cold_asgi_first_map_s']:.1f} / {r['cold_asgi_ratio']:.1f}×" if "cold_asgi_first_map_s" in r else "–")),
    ("… cold, the page script with no warm-up (s) / × floor", lambda r: (
        f"{r['cold_plain_first_map_s']:.1f} / {r['cold_plain_ratio']:.1f}×" if "cold_plain_first_map_s" in r else "–")),
    ("server start → ready (s): app.py; no warm-up", lambda r: (
        f"{r['cold_ready_s']:.1f}; {r['cold_plain_ready_s']:.1f}" if "cold_plain_ready_s" in r else "–")),
    ("visitor waiting from the start → first map (s): app.py; no warm-up", lambda r: (
        f"{r['waiting_first_map_s']:.1f}; {r['waiting_plain_first_map_s']:.1f}" if "waiting_first_map_s" in r else "–")),
    ("first map, warm server (s) / floor load", lambda r: f"{r['warm_first_map_s']:.1f} / {r['floor_load_s']:.1f} "
                                                          f"= **{r['warm_ratio']:.2f}×**"),
    ("… as the driver noticed it (s) / floor; cold", lambda r: (
        f"{r['warm_detected_s']:.1f} / {r['floor_detected_s']:.1f} = {r['warm_detected_ratio']:.2f}×; "
        f"{r['cold_detected_ratio']:.1f}×" if "warm_detected_s" in r else "–")),
    ("step table ready after first visit (s)", lambda r: f"{r['step_table_after_s']:.0f}"),
    ("server memory, 1 session (MB)", lambda r: f"{r['server_mb_1_session']}"),
    ("server memory, N sessions (MB)", lambda r: f"{r['server_mb_sessions']} (N = {r['sessions']})"),
    ("browser: JS heap (MB) / DOM nodes", lambda r: f"{r['browser']['js_heap_mb']:.0f} / {r['browser']['dom_nodes']:,}"),
    ("load average (1 min) before → after", lambda r: f"{r['load_average_before'][0]:.1f} → {r['load_average_after'][0]:.1f}"),
]


def measured(results: dict) -> list[dict]:
    """The factors measured to the end (a factor the machine could not hold carries ``error``)."""
    return [r for r in results["factors"] if "error" not in r]


def table(results: dict) -> str:
    rows = measured(results)
    lines = ["| measure | " + " | ".join(f"{r['factor']}×" for r in rows) + " |",
             "|---|" + "---|" * len(rows)]
    for label, read in ROWS:
        lines.append(f"| {label} | " + " | ".join(read(r) for r in rows) + " |")
    return "\n".join(lines)


def plot(results: dict, out: Path) -> None:
    rows = measured(results)
    x = [r["factor"] for r in rows]
    catalog_key = "catalog_sent_kb" if all("catalog_sent_kb" in r for r in rows) else "catalog_kb"  # sent since run 3
    fig, axes = plt.subplots(2, 2, figsize=(10, 7.5))
    series = [
        (axes[0][0], "seconds", [("load + validation", "load_s"), ("step table build", "step_table_s"),
                                 ("first map, cold", "cold_first_map_s"), ("first map, warm", "warm_first_map_s"),
                                 ("floor load", "floor_load_s")]),
        (axes[0][1], "milliseconds", [("key → map painted", "key_to_map_s"), ("floor step", "floor_step_s"),
                                      ("whole step", "whole_step_s")]),
        (axes[1][0], "kB", [("catalog (page load)", catalog_key), ("step table", "step_table_kb"),
                            ("bytes per step", "bytes_per_step")]),
        (axes[1][1], "MB", [("server, 1 session", "server_mb_1_session"), ("server, N sessions", "server_mb_sessions")]),
    ]
    for ax, unit, lines in series:
        for label, key in lines:
            y = [r[key] for r in rows]
            if unit == "milliseconds":
                y = [1000 * v for v in y]
            if key == "bytes_per_step":
                y = [v / 1000 for v in y]
            ax.plot(x, y, marker="o", label=label)
        if unit == "MB":
            ax.plot(x, [r["browser"]["js_heap_mb"] for r in rows], marker="o", label="browser JS heap, 1 page")
            ax.axhline(600, color="grey", linestyle=":", label="target: N sessions < 600 MB")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(x, [f"{v}×" for v in x])
        ax.set_ylabel(unit)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.suptitle(f"The atlas at {x[0]}×–{x[-1]}× its data (offensive page), one run; log–log")
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def main() -> None:
    results = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    if len(sys.argv) > 2:
        plot(results, Path(sys.argv[2]))
    print(table(results))
    for row in results["factors"]:
        if "error" in row:
            print(f"\n{row['factor']}×: not measured to the end: {row['error']}")


if __name__ == "__main__":
    main()
