"""The classroom through HAProxy: --sessions students on --replicas replicas (scripts/replicas.py).

    .venv/bin/python scripts/bench_replicas.py [--replicas 2] [--sessions 30] [--out docs/replicas.json]

Each student opens the offensive page through the proxy, then every student steps the slider at the
same moment, --classroom-steps times. Reported: how the students spread over the replicas, errors,
key -> map painted and the whole step (p50/p95), each replica's own share of a step (logged by the
replica itself, benchmarks/server_timing: from receiving the step to queueing its last message) at
p50/p95, and each replica's memory. Everything runs on this machine (2 CPUs shared with the browsers).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import benchmark as bench  # noqa: E402
import replicas  # noqa: E402

from tests.support.browser import CHROMIUM  # noqa: E402

PAGE = "/?day=1945-08-09"


def p95(values: list[float]) -> float | None:
    return round(statistics.quantiles(values, n=20)[18], 3) if len(values) >= 20 else None


async def replica_of(context) -> str:
    return next((c["value"] for c in await context.cookies() if c["name"] == replicas.COOKIE), "?")


async def warm(browser, url: str, count: int, settle: float) -> None:
    """Open the page until every replica has its step table: 2 x count fresh visits in a row find it."""
    for _ in range(count):
        ctx, _, _ = await bench.open_page(browser, url, PAGE, True)
        await ctx.close()
    await asyncio.sleep(settle)
    found, deadline = 0, time.monotonic() + 600
    while found < 2 * count and time.monotonic() < deadline:
        ctx, page, _ = await bench.open_page(browser, url, PAGE, True)
        has = await page.evaluate("() => !!document.querySelector('[data-atlas-steps]')")
        await ctx.close()
        found = found + 1 if has else 0


async def measure(args) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="atlas-bench-replicas-"))
    logs = [folder / f"r{i}.log" for i in range(1, args.replicas + 1)]
    timing = str(ROOT / "benchmarks" / "server_timing")
    cluster = replicas.start(args.replicas, env_for=[{"PYTHONPATH": timing, "ATLAS_SERVER_TIMING": str(log)}
                                                     for log in logs])
    result: dict = {"replicas": args.replicas, "sessions": args.sessions, "steps_each": args.classroom_steps,
                    "cpus": os.cpu_count(), "load_average_before": [round(x, 2) for x in os.getloadavg()]}
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=bench.ARGS)
            await warm(browser, cluster.url, args.replicas, args.settle)
            sessions = []
            for _ in range(args.sessions):
                ctx, page, _ = await bench.open_page(browser, cluster.url, PAGE, True)
                sessions.append((ctx, page, await replica_of(ctx)))
            result["memory_mb"] = {f"r{i}": round(bench.rss_mb(proc.pid)) for i, (proc, _) in
                                   enumerate(cluster.replicas, start=1)}
            for log in logs:
                log.write_text("", encoding="utf-8")  # the page loads' runs are not steps
            together = asyncio.Barrier(len(sessions))
            steps: list[tuple[str, float, float]] = []
            errors = 0

            async def student(page, replica: str) -> None:
                nonlocal errors
                for _ in range(args.classroom_steps):
                    await together.wait()
                    try:
                        step = await bench.step_once(page, True, timeout_s=120)
                        steps.append((replica, step["map_s"], step["page_s"]))
                    except Exception:  # noqa: BLE001 - counted: the benchmark reports errors
                        errors += 1
                    await asyncio.sleep(0.5)

            started = time.perf_counter()
            await asyncio.gather(*(student(page, replica) for _, page, replica in sessions))
            result["wall_s"] = round(time.perf_counter() - started, 1)
            for ctx, _, _ in sessions:
                await ctx.close()
            await browser.close()
        result["errors"] = errors
        result["map_p50_s"] = round(statistics.median(s[1] for s in steps), 3) if steps else None
        result["map_p95_s"] = p95([s[1] for s in steps])
        result["page_p50_s"] = round(statistics.median(s[2] for s in steps), 3) if steps else None
        result["page_p95_s"] = p95([s[2] for s in steps])
        result["per_replica"] = {}
        for index, log in enumerate(logs, start=1):
            name = f"r{index}"
            own = [float(x) for x in log.read_text(encoding="utf-8").split()]
            result["per_replica"][name] = {
                "sessions": sum(1 for _, _, r in sessions if r == name),
                "steps": len(own), "server_p50_s": round(statistics.median(own), 3) if own else None,
                "server_p95_s": p95(own), "server_max_s": round(max(own), 3) if own else None,
                "page_p95_s": p95([s[2] for s in steps if s[0] == name])}
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["measured_at"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--classroom-steps", type=int, default=3)
    parser.add_argument("--settle", type=float, default=10.0)
    parser.add_argument("--out", default=str(ROOT / "docs" / "replicas.json"))
    args = parser.parse_args()
    result = asyncio.run(measure(args))
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
