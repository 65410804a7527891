"""The cost curve: the atlas at 1x, 3x, 10x and 30x its data, each against the floor in the same run.

    .venv/bin/python scripts/bench_scale.py [--factors 1,3,10,30] [--sessions 30] [--out docs/scale.json]

For each factor (1x is geodata/ itself; the others are synthetic packages written by
scripts/scale.py into a temporary folder) it measures:
  - in a fresh Python process: loading the package (every rule but the gazetteer, as the app
    loads it), building the offensive page's step table (time, rows, JSON size) and its catalog;
  - on a freshly started server (cold): page load -> first map drawn, the first visit once the server's
    health check says ok (app.py warms up first: atlas/ui/warm.py); with the package's snapshot saved
    beforehand by `python -m atlas.validate --snapshot` (a package validated when published) and with
    no snapshot (the first start after a data change); through strict_app.py; and through the page
    script run as a plain script, atlas_app.py (no warm-up); then, for app.py and atlas_app.py, a
    visitor who waits from the server's start: process start -> first map drawn;
  - after the step table is ready (warm): load -> first map drawn (median of --loads, fresh browser
    context each, each followed by a floor load) against the floor's load; key press -> map painted
    (median of --steps) and the bytes per step, against the floor's key press -> text; the features
    drawn;
  - the browser's memory (DevTools Performance.getMetrics: JS heap of the page and its map, DOM nodes);
  - the server's resident memory with 1 and with --sessions open sessions.
The floor (benchmarks/floor_app.py) runs beside it all along; ratios are against the floor measured
for the same factor, minutes apart, because the machine is shared. The load average is recorded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import benchmark as bench  # noqa: E402

from tests.support.browser import CHROMIUM, MAP_IFRAME, free_port, spawn_server, start_server  # noqa: E402

PAGE = "/?day=1945-08-09"
# The features the map draws (each a layer of the client, whether alone or inside a cluster), and the
# symbols that makes on the map (markers, clusters and interactive paths in the frame's DOM).
DRAWN = "() => Object.keys(window.atlas.state.drawn).length"
SYMBOLS = "() => document.querySelectorAll('.leaflet-marker-icon, path.leaflet-interactive, path.atlas-arrow').length"


def inproc(folder: str) -> dict:
    """Load the package and build the offensive page's step table, in this (fresh) process."""
    os.environ["ATLAS_GEODATA_DIR"] = folder
    import resource

    from atlas import snapshot
    from atlas.load import load_atlas
    from atlas.map import catalog as catalogs
    from atlas.ui import background, cache

    started = time.perf_counter()
    atlas = load_atlas(Path(folder))
    load_s = time.perf_counter() - started
    os.environ["ATLAS_SNAPSHOT_DIR"] = tempfile.mkdtemp(prefix="bench-snapshot-")
    name = snapshot.key(snapshot.stamp(Path(folder)))
    snapshot.write(name, atlas)
    started = time.perf_counter()
    snapshot.read(name)
    snapshot_s = time.perf_counter() - started
    loaded = cache.load()
    started = time.perf_counter()
    catalog = cache.page_catalog(loaded, "offensive", "en")
    catalog_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as files:  # the catalog as the page sends it (popup text, overlays in files)
        sent = catalogs.catalog_html(catalog, cache.sent_catalog(catalog, Path(files) / "popups", Path(files) / "data"))
    started = time.perf_counter()
    table = background.step_table(loaded, "offensive", "en")
    table_s = time.perf_counter() - started
    text = json.dumps(table, separators=(",", ":"))
    features = sum(len(layer.frame) for layer in atlas.layers.values())
    problems = len(atlas.problems) + sum(len(layer.problems) for layer in atlas.layers.values())
    return {"features": features, "problems": problems, "load_s": round(load_s, 2), "snapshot_s": round(snapshot_s, 2),
            "catalog_s": round(catalog_s, 2), "catalog_kb": round(len(catalogs.catalog_html(catalog)) / 1000, 1),
            "catalog_sent_kb": round(len(sent) / 1000, 1),
            "step_table_s": round(table_s, 2), "step_table_kb": round(len(text) / 1000, 1),
            "step_table_rows": len(table["rows"]), "step_table_days": len(table["days"]),
            "process_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def measure_inproc(folder: Path) -> dict:
    run = subprocess.run([sys.executable, __file__, "--inproc", str(folder)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(run.stdout.strip().splitlines()[-1])


async def browser_memory(page) -> dict:
    """JS heap in use (MB) and DOM nodes of the page's renderer (the map's frame is same-origin, so its
    heap and nodes are counted in the same renderer) from DevTools Performance.getMetrics."""
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in (await cdp.send("Performance.getMetrics"))["metrics"]}
    await cdp.detach()
    return {"js_heap_mb": round(metrics.get("JSHeapUsedSize", 0) / 2**20, 1), "dom_nodes": int(metrics.get("Nodes", 0))}


async def cold_first_map(browser, url: str) -> tuple[float, float]:
    """A fresh server's first visit: page load -> first map painted (the server loads the package
    now), timed in the page, and as the driver noticed it."""
    context, page, seconds = await bench.open_page(browser, url, PAGE, True, timeout_ms=900_000)
    detected = page._bench_detected  # noqa: SLF001
    await context.close()
    return seconds, detected


async def cold_start(browser, env: dict[str, str], result: dict, name: str, script: Path = ROOT / "app.py") -> None:
    """Start a server, record its first visit under ``name`` (painted and as the driver noticed it) once its
    health check says ok, and the seconds from its start to that (``<name>_ready_s``); stop it."""
    started = time.perf_counter()
    proc, url = start_server(env=env, script=script)
    result[f"{name}_ready_s"] = round(time.perf_counter() - started, 2)
    try:
        painted, detected = await cold_first_map(browser, url)
        result[f"{name}_first_map_s"], result[f"{name}_detected_s"] = round(painted, 2), round(detected, 2)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def waiting_visitor(browser, env: dict[str, str], script: Path) -> float:
    """A visitor who waits from the server's start (as when Community Cloud wakes an app up): the
    browser goes to the page the moment the port takes connections. Seconds from the process's start to
    the first map painted."""
    port = free_port()
    started = time.perf_counter()
    proc = spawn_server(script, port, env)
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.perf_counter() - started > 120:
                    raise
                await asyncio.sleep(0.05)
        navigated = time.perf_counter()
        painted, _ = await cold_first_map(browser, f"http://127.0.0.1:{port}")
        return round(navigated - started + painted, 2)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def one_factor(browser, factor: int, folder: Path, floor_url: str, args) -> dict:
    result: dict = {"factor": factor, "load_average_before": [round(x, 2) for x in os.getloadavg()]}
    result.update(measure_inproc(folder))
    snapshots = tempfile.mkdtemp(prefix="bench-snapshots-")
    env = {"ATLAS_GEODATA_DIR": str(folder), "ATLAS_SNAPSHOT_DIR": snapshots}
    await cold_start(browser, env, result, "cold_unvalidated")  # no snapshot yet: the first start after a data change
    shutil.rmtree(snapshots)
    subprocess.run([sys.executable, "-m", "atlas.validate", str(folder), "--no-gazetteer", "--snapshot"], cwd=ROOT,
                   env={**os.environ, **env}, capture_output=True, check=False)  # validated when published
    # strict_app.py: the same warm-up, with the Content-Security-Policy; atlas_app.py: the page script run
    # as a plain script, with no warm-up (what `streamlit run app.py` was until run 7)
    await cold_start(browser, env, result, "cold_asgi", ROOT / "strict_app.py")
    await cold_start(browser, env, result, "cold_plain", ROOT / "atlas_app.py")
    result["waiting_first_map_s"] = await waiting_visitor(browser, env, ROOT / "app.py")
    result["waiting_plain_first_map_s"] = await waiting_visitor(browser, env, ROOT / "atlas_app.py")
    started = time.perf_counter()
    proc, url = start_server(env=env)
    result["cold_ready_s"] = round(time.perf_counter() - started, 2)
    try:
        painted, detected = await cold_first_map(browser, url)
        result["cold_first_map_s"], result["cold_detected_s"] = round(painted, 2), round(detected, 2)
        result["step_table_after_s"] = await bench.wait_for_steps(browser, url, args.settle, timeout_s=1800)
        atlas_loads, floor_loads, atlas_detected, floor_detected = [], [], [], []
        for index in range(args.loads):  # warm loads, alternating; the last pair stays open
            ctx, page, seconds = await bench.open_page(browser, url, PAGE, True)
            atlas_loads.append(seconds)
            atlas_detected.append(page._bench_detected)  # noqa: SLF001
            fctx, fpage, seconds = await bench.open_page(browser, floor_url, "/", False)
            floor_loads.append(seconds)
            floor_detected.append(fpage._bench_detected)  # noqa: SLF001
            if index < args.loads - 1:
                await ctx.close()
                await fctx.close()
        atlas_steps, floor_steps = [], []
        for _ in range(args.steps):
            atlas_steps.append(await bench.step_once(page, True))
            floor_steps.append(await bench.step_once(fpage, False))
            await asyncio.sleep(0.3)
        frame = page.frame_locator(MAP_IFRAME).locator("body")
        result["features_drawn"] = await frame.evaluate(DRAWN)
        result["symbols_drawn"] = await frame.evaluate(SYMBOLS)
        result["browser"] = await browser_memory(page)
        result["floor_browser"] = await browser_memory(fpage)
        map_s = statistics.median(s["map_s"] for s in atlas_steps)
        # the floor's step to the frame that shows its new text, painted, as the map's step is timed;
        # until run 9 it was timed to the text's change in the page (kept: floor_step_dom_s)
        floor_s = statistics.median(s["painted_s"] for s in floor_steps)
        floor_dom_s = statistics.median(s["page_s"] for s in floor_steps)
        warm, floor_load = statistics.median(atlas_loads), statistics.median(floor_loads)
        result.update({
            "warm_first_map_s": round(warm, 2), "floor_load_s": round(floor_load, 2),
            "warm_ratio": round(warm / floor_load, 2), "cold_ratio": round(result["cold_first_map_s"] / floor_load, 2),
            # each load, in order, and the median of each map load over the floor's load after it (from run 18)
            "warm_first_map_ms_each": [round(1000 * s) for s in atlas_loads],
            "floor_load_ms_each": [round(1000 * s) for s in floor_loads],
            "warm_pair_ratio": round(statistics.median(a / f for a, f in zip(atlas_loads, floor_loads, strict=True)), 2),
            "cold_unvalidated_ratio": round(result["cold_unvalidated_first_map_s"] / floor_load, 2),
            "cold_asgi_ratio": round(result["cold_asgi_first_map_s"] / floor_load, 2),
            "cold_plain_ratio": round(result["cold_plain_first_map_s"] / floor_load, 2),
            # the same three as the driver noticed them (the figures of runs 1-3)
            "warm_detected_s": round(statistics.median(atlas_detected), 2),
            "floor_detected_s": round(statistics.median(floor_detected), 2),
            "warm_detected_ratio": round(statistics.median(atlas_detected) / statistics.median(floor_detected), 2),
            "cold_detected_ratio": round(result["cold_detected_s"] / statistics.median(floor_detected), 2),
            "key_to_map_s": round(map_s, 3), "floor_step_s": round(floor_s, 3), "step_ratio": round(map_s / floor_s, 2),
            "floor_step_dom_s": round(floor_dom_s, 3), "step_ratio_dom": round(map_s / floor_dom_s, 2),
            # each step, in order (from PAGE's date on): the median hides which dates cost what
            "key_to_map_ms_each": [round(1000 * s["map_s"]) for s in atlas_steps],
            "floor_step_ms_each": [round(1000 * s["painted_s"]) for s in floor_steps],
            "whole_step_s": round(statistics.median(s["page_s"] for s in atlas_steps), 3),
            "bytes_per_step": statistics.median(s["bytes"] for s in atlas_steps),
            "bytes_per_step_max": max(s["bytes"] for s in atlas_steps),
            "server_mb_1_session": round(bench.rss_mb(proc.pid)),
        })
        await ctx.close()
        await fctx.close()
        sessions = args.sessions if factor < 30 else min(args.sessions, args.sessions_at_30)
        opened = []
        for _ in range(sessions):
            opened.append(await bench.open_page(browser, url, PAGE, True))
        result["sessions"] = sessions
        result["server_mb_sessions"] = round(bench.rss_mb(proc.pid))
        for ctx, _, _ in opened:
            await ctx.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(snapshots, ignore_errors=True)
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


async def measure(args) -> dict:
    results: dict = {"factors": [], "cpus": os.cpu_count(), "steps": args.steps, "loads": args.loads,
                     "measured_at": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
    floor_proc, floor_url = start_server(script=ROOT / "benchmarks" / "floor_app.py")
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=bench.ARGS)
            ctx, _, _ = await bench.open_page(browser, floor_url, "/", False)  # warm the floor once
            await ctx.close()
            with tempfile.TemporaryDirectory() as tmp:
                for factor in args.factors:
                    if factor == 1:
                        folder = ROOT / "geodata"
                    else:
                        folder = Path(tmp) / f"x{factor}"
                        subprocess.run([sys.executable, str(ROOT / "scripts" / "scale.py"), "--factor", str(factor),
                                        "--out", str(folder)], check=True, capture_output=True)
                    try:
                        row = await one_factor(browser, factor, folder, floor_url, args)
                    except Exception as exc:  # noqa: BLE001 - a factor the machine cannot hold is a result
                        row = {"factor": factor, "error": f"{type(exc).__name__}: {str(exc)[:300]}",
                               "load_average_after": [round(x, 2) for x in os.getloadavg()]}
                    print(json.dumps(row), flush=True)
                    results["factors"].append(row)
                    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            await browser.close()
    finally:
        floor_proc.terminate()
    return results


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--inproc":
        print(json.dumps(inproc(sys.argv[2])))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", type=lambda s: [int(x) for x in s.split(",")], default=[1, 3, 10, 30])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--sessions-at-30", type=int, default=30, help="sessions at 30x (fewer if the machine cannot)")
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--loads", type=int, default=7, help="warm loads of each (3 until run 17)")
    parser.add_argument("--settle", type=float, default=5.0)
    parser.add_argument("--out", default=str(ROOT / "docs" / "scale.json"))
    args = parser.parse_args()
    results = asyncio.run(measure(args))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
