"""Time the handouts: the story PDF per language (and one map handout), phase by phase, and their size.

Usage:

    .venv/bin/python scripts/bench_handout.py [--runs 3] [--basemap geodata] [--json out.json]

``--basemap`` is the data folder whose ``basemap/`` is drawn (default: the app's geodata; pass an
empty folder to time the maps without a basemap). Prints, per language, the median over ``--runs``
of the wall time and the CPU time of each phase (fonts: loading the fonts into the PDF; maps:
drawing the static maps; layout: setting text, QR codes and images; output: subsetting the fonts
and writing the file), the PDF's size, its page count and its largest embedded image, then the process's peak memory. The machine
is shared: the load average is printed with the figures, and CPU time is the steadier number.
Speed is measured here, never asserted in a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BASE_URL = "https://atlas.example.org"
PHASES = ("fonts", "maps", "layout", "output")


def measure(build, runs: int) -> dict:
    """Median wall and CPU seconds (total and per phase) of ``build(timings)`` over ``runs``, and its output."""
    walls, cpus, phases, data = [], [], [], b""
    for _ in range(runs):
        timings: dict[str, float] = {}
        wall, cpu = time.perf_counter(), time.process_time()
        data = build(timings)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        phases.append(timings)
    return {"wall_s": statistics.median(walls), "cpu_s": statistics.median(cpus),
            "phases_s": {p: statistics.median(t.get(p, 0.0) for t in phases) for p in PHASES}, "data": data}


def describe(data: bytes) -> dict:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    streams = {}  # image streams as stored in the file (pypdf's image.data is re-encoded, larger)
    for page in reader.pages:
        for ref in (page["/Resources"].get("/XObject") or {}).values():
            if ref.get_object().get("/Subtype") == "/Image":
                streams[ref.idnum] = len(ref.get_object()._data)
    images = list(streams.values())
    return {"bytes": len(data), "pages": len(reader.pages), "images": len(images),
            "largest_image_bytes": max(images, default=0), "image_bytes": sum(images)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--basemap", type=Path, default=ROOT / "geodata")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    started = time.perf_counter()
    from atlas.handout import map_pdf, story_pdf
    from atlas.handout.basemap import has_basemap
    from atlas.load import load_atlas
    from atlas.paths import DEFAULT_GEODATA_DIR

    imported = time.perf_counter() - started
    started = time.perf_counter()
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    loaded = time.perf_counter() - started
    report = {"load_average": os.getloadavg(), "cpus": os.cpu_count(), "basemap": has_basemap(args.basemap),
              "import_s": imported, "load_atlas_s": loaded, "steps": len(atlas.story), "runs": args.runs, "pdfs": {}}
    print(f"machine: {os.cpu_count()} CPUs, load average {', '.join(f'{v:.1f}' for v in os.getloadavg())}; "
          f"basemap: {'yes' if report['basemap'] else 'no'}; runs: {args.runs} (medians)")
    print(f"import atlas.handout (matplotlib, fpdf2, …): {imported:.2f} s; load_atlas: {loaded:.2f} s")
    jobs = {
        f"story-{lang}": (lambda timings, lang=lang: story_pdf(atlas, lang, BASE_URL, geodata=args.basemap,
                                                               timings=timings))
        for lang in ("en", "es")
    }
    jobs["map-offensive-1945-09-02-en"] = lambda timings: map_pdf(
        atlas, "offensive", dt.date(1945, 9, 2), "en", BASE_URL, geodata=args.basemap, timings=timings)
    jobs["map-dongning-compare-es"] = lambda timings: map_pdf(
        atlas, "dongning", dt.date(1945, 8, 30), "es", BASE_URL, compare=dt.date(1945, 8, 10),
        geodata=args.basemap, timings=timings)
    print(f"\n{'handout':32} {'wall s':>7} {'cpu s':>6} " + " ".join(f"{p:>7}" for p in PHASES)
          + f" {'pages':>5} {'size kB':>8} {'max img kB':>10}")
    for name, build in jobs.items():
        result = measure(build, args.runs)
        facts = describe(result.pop("data"))
        report["pdfs"][name] = {**result, **facts}
        phases = " ".join(f"{result['phases_s'][p]:7.2f}" for p in PHASES)
        print(f"{name:32} {result['wall_s']:7.2f} {result['cpu_s']:6.2f} {phases} {facts['pages']:5d} "
              f"{facts['bytes'] / 1000:8.0f} {facts['largest_image_bytes'] / 1000:10.0f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report["peak_rss_mb"] = peak_mb
    print(f"\npeak memory of this process (RSS, everything above included): {peak_mb:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
