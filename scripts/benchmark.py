"""Measure the atlas the way its users feel it, against a bare Streamlit page (the floor).

Usage (after `bash scripts/test.sh` has set up .venv, chromium and Leaflet):

    .venv/bin/python scripts/benchmark.py [--sessions 30] [--steps 20] [--loads 5] [--out docs/benchmarks.json]

What it measures, in one run on this machine (offline: Leaflet served by the app, blank tiles):
  1. slider step -> map updated (median over --steps key presses) vs the floor's step -> text updated,
     and the whole step (the atlas's caption and side panel caught up too) against the same floor;
  2. page load -> first map painted vs the floor's page load -> text painted (median over --loads warm loads;
     timed in the page, and as the driver noticed it);
  3. bytes the server sends over the websocket per slider step (median);
  4. server memory (RSS of the Streamlit process) with 1 and with --sessions open sessions;
  5. a classroom: --sessions concurrent browser sessions each stepping the slider; p95 step latency and errors.
Speed is measured here, never asserted in a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM, MAP_IFRAME, NOT_RUNNING, offline_answer, outside, start_server  # noqa: E402

# The text that follows the date: on both pages the first caption of the page (the atlas's names the
# date and counts what is on the map).
CAPTION = "[data-testid='stMain'] [data-testid='stCaptionContainer']"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux /proc)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total = 0
    for p in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of processes (Linux /proc), in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / tick


def chromium_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if "chromium" in (entry / "cmdline").read_bytes().split(b"\0")[0].decode(errors="replace"):
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


async def offline(context, base: str) -> None:
    async def handler(route):
        answer = offline_answer(route.request.url)
        return await (route.fulfill(**answer) if answer else route.abort())

    await context.route(outside(base), handler)  # the app's own requests are not routed


async def wait_ready(page) -> None:
    await page.locator(NOT_RUNNING).wait_for(state="attached", timeout=120_000)


# Timings are taken inside the browser, on one clock shared by the page and the map's iframe
# (performance.timeOrigin + performance.now()): from the key press to the moment the caption's text
# changed and, for the atlas, the moment the frame showing the new day had been painted (the map's
# own report, window.atlasApplied.painted, set by the map client (static/map/atlas-map.js) after the next animation
# frame). The page resolves a promise when both have happened, and Python awaits that one promise:
# nothing polls the page over the DevTools protocol.
# (Polling every 10 ms from Python, as an earlier version did, cost CPU in the browser and in the
# driver; with 30 sessions on 2 CPUs that polling was itself a large share of the classroom's load.)
ARM_PAGE = """([selector, frameSelector]) => {
  const now = () => performance.timeOrigin + performance.now();
  const caption = () => { const el = document.querySelector(selector); return el ? el.textContent : ''; };  /* textContent: no forced layout */
  const applied = () => {
    if (!frameSelector) return null;
    const frame = document.querySelector(frameSelector);  /* looked up afresh: a remounted iframe is followed */
    try { return (frame && frame.contentWindow && frame.contentWindow.atlasApplied) || null; } catch (e) { return null; }
  };
  const b = window.__bench = {armed: false, done: null};
  const check = () => {
    if (!b.armed) return;
    if (!b.captionAt && caption() !== b.before) {
      b.captionAt = now();
      const step = b.t0;  /* the frame that shows the new text, painted (as the map's is timed) */
      requestAnimationFrame(() => setTimeout(() => { if (b.t0 === step) { b.captionPainted = now(); check(); } }, 0));
    }
    if (frameSelector && !b.mapAt) { const a = applied(); if (a && a.count > b.countBefore && a.painted) b.mapAt = a.painted; }
    if (b.captionPainted && (!frameSelector || b.mapAt)) {
      b.armed = false; clearInterval(b.timer);
      b.resolve({t0: b.t0, captionAt: b.captionAt, captionPainted: b.captionPainted, mapAt: b.mapAt || 0});
    }
  };
  document.addEventListener('keydown', () => {
    b.t0 = now(); b.before = caption(); b.captionAt = 0; b.captionPainted = 0; b.mapAt = 0;
    const a = applied(); b.countBefore = a ? a.count : 0;
    b.done = new Promise(resolve => { b.resolve = resolve; });
    b.armed = true; clearInterval(b.timer);
    b.timer = setInterval(check, 20);  /* only decides when to resolve: the times are the recorded ones */
  }, true);
  new MutationObserver(check).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


async def arm(page, is_map: bool) -> None:
    await page.evaluate(ARM_PAGE, [CAPTION, MAP_IFRAME if is_map else None])


async def step_once(page, is_map: bool, timeout_s: float = 30.0) -> dict:
    """Press ArrowRight on the date slider. Returns seconds until the map had painted the new date
    (``map_s``; the atlas only), until the whole step had arrived (``page_s``: the text in the page
    and, on the atlas, the map) and until it was all painted (``painted_s``: the frame showing the
    new text too), the bytes the server sent meanwhile, and the first two in milliseconds."""
    slider = page.locator('input[type="range"][aria-label="Date"]')
    received = []
    page._bench_frames = received  # noqa: SLF001 - collected by the websocket listener
    await slider.press("ArrowRight")
    try:
        times = await asyncio.wait_for(page.evaluate("() => window.__bench.done"), timeout_s)
    except TimeoutError as exc:
        raise TimeoutError("the step did not complete") from exc
    await asyncio.sleep(0.05)  # let the websocket listener see the step's last frames
    caption_s = (times["captionAt"] - times["t0"]) / 1000
    painted_s = (times["captionPainted"] - times["t0"]) / 1000
    map_s = (times["mapAt"] - times["t0"]) / 1000 if is_map else None
    return {"map_s": map_s, "page_s": max(caption_s, map_s or 0), "painted_s": max(painted_s, map_s or 0),
            "bytes": sum(received), "caption_ms": round(1000 * caption_s), "map_ms": round(1000 * map_s) if is_map else None}


# A page load, timed inside the browser like a step (ARM_PAGE): from the navigation's start
# (performance.timeOrigin of the page) to the painted frame that first shows the floor's caption, or
# the map's first drawn layer (the map client's first report, window.atlasApplied, kept by an accessor
# in every frame). The driver's own wait (Playwright noticing the element) is kept beside it: it
# comes later, by whatever the page's main thread is still doing when the element is there.
LOAD_PROBE = """(() => {
  const now = () => performance.timeOrigin + performance.now();
  if (window === window.top) {
    const seen = window.__benchLoad = {origin: performance.timeOrigin, captionPainted: 0};
    const look = () => {
      if (seen.captionAt || !document.querySelector(CAPTION_SELECTOR)) return;
      seen.captionAt = now();
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { seen.captionPainted = now(); }, 0));
    };
    const observer = new MutationObserver(look);
    observer.observe(document, {subtree: true, childList: true});
  } else {
    let last;
    Object.defineProperty(window, 'atlasApplied', {configurable: true, get() { return last; },
      set(value) { if (!window.__benchFirstApplied) window.__benchFirstApplied = value; last = value; }});
  }
})()""".replace("CAPTION_SELECTOR", json.dumps(CAPTION))
PAINTED = """([frameSelector]) => new Promise(resolve => {
  const origin = performance.timeOrigin;
  const read = () => {
    if (!frameSelector) return window.__benchLoad.captionPainted;
    const frame = document.querySelector(frameSelector);
    const first = frame && frame.contentWindow && frame.contentWindow.__benchFirstApplied;
    return first && first.painted ? first.painted : 0;
  };
  const wait = () => { const at = read(); if (at) resolve((at - origin) / 1000); else setTimeout(wait, 20); };
  wait();
})"""


async def open_page(browser, base: str, path: str, is_map: bool, timeout_ms: int = 120_000):
    """A new browser context on ``path``, waited for until the map (or the floor's caption) is there
    and the page idle. Returns the context, the page and the seconds to the painted first map (or
    caption), timed in the page; ``page._bench_detected`` holds the driver's own wait."""
    context = await browser.new_context(viewport={"width": 1280, "height": 1200})
    await offline(context, base)
    await context.add_init_script(LOAD_PROBE)
    page = await context.new_page()
    page._bench_frames = []  # noqa: SLF001
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: page._bench_frames.append(len(payload))))
    start = time.perf_counter()
    await page.goto(base + path)
    if is_map:
        await page.frame_locator(MAP_IFRAME).locator(".atlas-icon").first.wait_for(timeout=timeout_ms)
    else:
        await page.locator(CAPTION).first.wait_for(timeout=timeout_ms)
    page._bench_detected = time.perf_counter() - start  # noqa: SLF001
    loaded = await asyncio.wait_for(page.evaluate(PAINTED, [MAP_IFRAME if is_map else None]), 60)
    await wait_ready(page)
    if is_map:
        await page.frame_locator(MAP_IFRAME).locator("body").evaluate(
            "() => new Promise(r => { let t; const a = () => { clearTimeout(t); t = setTimeout(r, 400); };"
            " window.map.on('move zoom resize', a); a(); })")
    await arm(page, is_map)
    await page.locator('input[type="range"][aria-label="Date"]').focus()
    return context, page, loaded


async def wait_for_steps(browser, base: str, at_least_s: float, timeout_s: float = 180.0) -> float:
    """Seconds (counted from now, at least ``at_least_s``) until a fresh visit of the offensive page
    gets the step table (atlas.ui.prewarm builds it in the background after the first visit)."""
    started = time.perf_counter()
    await asyncio.sleep(at_least_s)
    while time.perf_counter() - started < timeout_s:
        ctx, page, _ = await open_page(browser, base, "/?day=1945-08-09", True)
        found = await page.evaluate("() => !!document.querySelector('[data-atlas-steps]')")
        await ctx.close()
        if found:
            return round(time.perf_counter() - started, 1)
        await asyncio.sleep(2)
    raise TimeoutError("the offensive page never got its step table")


async def classroom(browser, app_proc, app_url: str, args, memory: dict | None = None,
                    server_log: Path | None = None) -> dict:
    """``--sessions`` browser sessions open the offensive page, then each steps the slider
    ``--classroom-steps`` times, all at once: step latency, errors and where the CPU went. With
    ``server_log`` (see benchmarks/server_timing), also the server's time for each step."""
    sessions = []
    for _ in range(args.sessions):
        sessions.append(await open_page(browser, app_url, "/?day=1945-08-09", True))
    if memory is not None:
        memory[f"{args.sessions}_sessions"] = rss_mb(app_proc.pid)
    if server_log is not None:
        server_log.write_text("", encoding="utf-8")  # the page loads' runs are not steps
    latencies, page_latencies, errors = [], [], 0
    together = asyncio.Barrier(len(sessions))  # each round, every student presses at the same moment

    async def student(page) -> None:
        nonlocal errors
        for _ in range(args.classroom_steps):
            await together.wait()
            try:
                step = await step_once(page, True, timeout_s=120)
                latencies.append(step["map_s"])
                page_latencies.append(step["page_s"])
            except Exception:  # noqa: BLE001 - counted, not raised: the benchmark reports errors
                errors += 1
            await asyncio.sleep(0.5)

    started = time.perf_counter()
    server_cpu, browser_cpu = cpu_seconds([app_proc.pid]), cpu_seconds(chromium_pids())
    await asyncio.gather(*(student(page) for _, page, _ in sessions))
    wall = time.perf_counter() - started
    server_cpu, browser_cpu = cpu_seconds([app_proc.pid]) - server_cpu, cpu_seconds(chromium_pids()) - browser_cpu
    result = {
        "sessions": args.sessions, "steps_each": args.classroom_steps, "errors": errors,
        # key press -> the map painted the new date; key press -> the page's text had caught up too
        "p50_s": statistics.median(latencies) if latencies else None,
        "p95_s": percentile95(latencies),
        "page_p50_s": statistics.median(page_latencies) if page_latencies else None,
        "page_p95_s": percentile95(page_latencies),
        "wall_s": wall,
        # Where the machine's CPU went meanwhile.
        "server_cpu_s": round(server_cpu, 2), "browser_cpu_s": round(browser_cpu, 2),
        "server_cpu_ms_per_step": round(1000 * server_cpu / max(len(latencies), 1), 1),
        "cpus": os.cpu_count(),
    }
    if server_log is not None:
        server_times = [float(line) for line in server_log.read_text(encoding="utf-8").split()]
        result.update({"server_steps": len(server_times),
                       "server_p50_s": statistics.median(server_times) if server_times else None,
                       "server_p95_s": percentile95(server_times), "server_max_s": max(server_times, default=None)})
    if memory is not None:
        memory["after_classroom"] = rss_mb(app_proc.pid)
    for ctx, _, _ in sessions:
        await ctx.close()
    return result


def percentile95(values: list[float]) -> float | None:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else None


def pin(pid: int, cpus: set[int]) -> None:
    """Pin every thread of a running process to ``cpus`` (threads it starts later inherit it)."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        os.sched_setaffinity(int(task.name), cpus)


async def classroom_server_share(p, args) -> dict:
    """The classroom again, with the Streamlit server on CPU 0 and everything else (the browsers,
    Playwright, this script) on the other CPUs. In deployment the server has its CPU to itself and
    each student's browser runs on the student's own computer; one machine cannot reproduce that,
    but it can keep 30 browsers off the server's core. The server's share of each step is logged
    by the server itself (benchmarks/server_timing): from receiving the step to queueing the run's
    last message. A student's own browser then draws the step in the time step 1 measured."""
    cpus = os.cpu_count() or 2
    others = set(range(1, cpus))
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "server_timing.log"
        proc, url = start_server(env={"PYTHONPATH": str(ROOT / "benchmarks" / "server_timing"),
                                      "ATLAS_SERVER_TIMING": str(log)})
        pin(proc.pid, {0})
        for pid in [os.getpid(), *children(os.getpid())]:  # this script and Playwright's driver
            if pid != proc.pid:
                pin(pid, others)
        wrapper = Path(folder) / "chromium"
        wrapper.write_text(f'#!/bin/sh\nexec taskset -c {",".join(map(str, sorted(others)))} {CHROMIUM} "$@"\n')
        wrapper.chmod(0o755)
        browser = await p.chromium.launch(executable_path=str(wrapper), args=ARGS)
        try:
            ctx, _, _ = await open_page(browser, url, "/?day=1945-08-09", True)
            await ctx.close()
            await wait_for_steps(browser, url, args.settle)
            result = await classroom(browser, proc, url, args, server_log=log)
            result["server_cpus"], result["other_cpus"] = [0], sorted(others)
            return result
        finally:
            await browser.close()
            proc.terminate()
            for pid in [os.getpid(), *children(os.getpid())]:
                pin(pid, set(range(cpus)))


async def measure(args) -> dict:
    app_proc, app_url = start_server()
    floor_proc, floor_url = start_server(script=ROOT / "benchmarks" / "floor_app.py")
    results: dict = {"steps": args.steps, "loads": args.loads, "sessions": args.sessions, "settle_s": args.settle}
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            # 1-3: one session each, warm caches first
            ctx, page, _ = await open_page(browser, app_url, "/?day=1945-08-09", True)
            fctx, fpage, _ = await open_page(browser, floor_url, "/", False)
            await ctx.close()
            await fctx.close()
            # The first visit starts preparing every date in the background (atlas.ui.prewarm); a
            # class arrives after the teacher has opened the page, so let it finish: until then
            # the page carries no step table, and each step's layer comes from the server.
            results["steps_table_after_s"] = await wait_for_steps(browser, app_url, args.settle)
            atlas_loads, floor_loads, atlas_detected, floor_detected = [], [], [], []
            for index in range(args.loads):  # warm loads, alternating; the last pair stays open
                ctx, page, seconds = await open_page(browser, app_url, "/?day=1945-08-09", True)
                atlas_loads.append(seconds)
                atlas_detected.append(page._bench_detected)  # noqa: SLF001
                fctx, fpage, seconds = await open_page(browser, floor_url, "/", False)
                floor_loads.append(seconds)
                floor_detected.append(fpage._bench_detected)  # noqa: SLF001
                if index < args.loads - 1:
                    await ctx.close()
                    await fctx.close()
            atlas_load, floor_load = statistics.median(atlas_loads), statistics.median(floor_loads)
            await page.frame_locator(MAP_IFRAME).locator("body").evaluate(
                "() => { window.__probe = 'kept'; window.map.setView([45.75, 126.65], 6); }")
            await asyncio.sleep(0.5)
            atlas_steps, floor_steps = [], []
            for _ in range(args.steps):
                atlas_steps.append(await step_once(page, True))
                floor_steps.append(await step_once(fpage, False))
                await asyncio.sleep(0.3)
            kept = await page.frame_locator(MAP_IFRAME).locator("body").evaluate(
                "() => [window.__probe, window.map.getZoom(), window.map.getCenter()]")
            map_s = [step["map_s"] for step in atlas_steps]
            page_s = [step["page_s"] for step in atlas_steps]
            floor_s = [step["page_s"] for step in floor_steps]
            results["step"] = {
                # the measure: key press -> map updated (painted), against the floor's text
                "atlas_median_s": statistics.median(map_s), "floor_median_s": statistics.median(floor_s),
                "ratio": statistics.median(map_s) / statistics.median(floor_s),
                # the whole step: key press -> the page's caption (and side panel) caught up as well
                "page_median_s": statistics.median(page_s),
                "page_ratio": statistics.median(page_s) / statistics.median(floor_s),
                "map_kept": kept[0] == "kept" and kept[1] == 6,
                "atlas_s": [round(x, 3) for x in map_s], "page_s": [round(x, 3) for x in page_s],
                "floor_s": [round(x, 3) for x in floor_s],
            }
            atlas_bytes = [step["bytes"] for step in atlas_steps]
            # timed in the page (painted; LOAD_PROBE), and as the driver noticed it (the figure before 2026-12-03)
            results["load"] = {"atlas_median_s": atlas_load, "floor_median_s": floor_load, "ratio": atlas_load / floor_load,
                               "atlas_s": [round(x, 3) for x in atlas_loads], "floor_s": [round(x, 3) for x in floor_loads],
                               "detected_ratio": statistics.median(atlas_detected) / statistics.median(floor_detected),
                               "atlas_detected_s": [round(x, 3) for x in atlas_detected],
                               "floor_detected_s": [round(x, 3) for x in floor_detected]}
            results["bytes_per_step"] = {"median": statistics.median(atlas_bytes), "max": max(atlas_bytes)}
            results["memory_mb"] = {"one_session": rss_mb(app_proc.pid)}
            await fctx.close()
            await ctx.close()

            # 4-5: a classroom, everything on this machine
            results["classroom"] = await classroom(browser, app_proc, app_url, args, results["memory_mb"])
            await browser.close()

            # 6: the same classroom with the server on a core of its own, as it is in deployment
            if args.server_share and (os.cpu_count() or 1) >= 2:
                results["classroom_server_share"] = await classroom_server_share(p, args)
                results["classroom_server_share"]["one_browser_map_s"] = results["step"]["atlas_median_s"]
                results["classroom_server_share"]["one_browser_page_s"] = results["step"]["page_median_s"]
    finally:
        app_proc.terminate()
        floor_proc.terminate()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--loads", type=int, default=5, help="warm page loads of each app (median)")
    parser.add_argument("--classroom-steps", type=int, default=3)
    parser.add_argument("--settle", type=float, default=10.0,
                        help="seconds between the first visit and the measured one (background preparation)")
    parser.add_argument("--no-server-share", dest="server_share", action="store_false",
                        help="skip the second classroom (server pinned to a core of its own)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.json"))
    args = parser.parse_args()
    results = asyncio.run(measure(args))
    results["measured_at"] = time.strftime("%Y-%m-%d %H:%M:%S")
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
