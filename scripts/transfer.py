"""Measure how many bytes a map page costs to open: first load, warm reload and cold load.

Usage (after `bash scripts/test.sh` has set up .venv and chromium):

    .venv/bin/python scripts/transfer.py [--out docs/transfer.json] [--root DIR]

For each map page (and the bare Streamlit page of benchmarks/floor_app.py, for scale), in chromium
driven over the DevTools protocol, with nothing outside the app reachable:

  first  a new browser context (empty HTTP cache): the page's first load;
  warm   a reload in that context (Chromium revalidates the page, takes the rest from its cache);
  cold   a new browser (a fresh launch and context, empty cache) loading the page again, the server
         already warm (the first load's time includes the server's first run of the page).

What is counted, per load, from navigation until the map has drawn its markers and the app's script
run has ended:
  - every HTTP request of the page and its frames (the map's frame and the watchdog's srcdoc frame are
    in the page's process, so the page's DevTools session sees them): Network.loadingFinished's
    encodedDataLength, the bytes Chromium received for it (headers and body, compressed as sent; a
    request answered from the cache counts 0, a revalidation its 304);
  - the websocket: the payload bytes of every frame received and sent (Network.webSocketFrame*),
    without the frames' own 2–14 bytes of framing.
Requests to other hosts (the tiles) fail to resolve here; they are listed, not counted.

``--root DIR --cdn`` measures another checkout of the atlas (an earlier commit in a git worktree)
that loaded Leaflet from cdn.jsdelivr.net: a stand-in for the CDN on loopback (HTTPS, a throwaway
certificate) answers with node_modules/leaflet's files gzipped, with jsDelivr's caching header for a
versioned file; its bytes are counted apart, as ``outside_bytes``.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import http.server
import json
import re
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM, MAP_IFRAME, NOT_RUNNING, free_port, start_server  # noqa: E402

LEAFLET_NPM = ROOT / "node_modules" / "leaflet" / "dist"

# Offline without intercepting requests (Playwright's routing turns Chromium's HTTP cache off, and a
# warm load is then no different from a cold one): every host but the app's fails to resolve.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
OFFLINE = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
PAGES = {"offensive": "/?day=1945-08-20", "dongning": "/dongning?day=1945-08-20", "captivity": "/captivity?month=1946-12"}


def category(url: str, base: str) -> str:
    """Which part of the app a URL of the app belongs to."""
    path = url[len(base):].split("?")[0]
    if "/_stcore/" in path:
        return "streamlit api"
    for prefix, name in (("/static/", "streamlit frontend"), ("/component/", "streamlit-folium frame"),
                         ("/app/static/vendor/", "leaflet (app)"), ("/app/static/basemap/", "basemap"),
                         ("/app/static/", "atlas static"), ("/media/", "media")):
        if path.startswith(prefix):
            return name
    return "page" if "." not in path.rsplit("/", 1)[-1] else "other"


class Recorder:
    """The page's network over its DevTools session: bytes per request and per websocket frame."""

    def __init__(self, page, base: str) -> None:
        self.base = base
        self.urls: dict[str, str] = {}
        self.cached: set[str] = set()
        self.status: dict[str, int] = {}
        self.bytes: dict[str, int] = {}
        self.ws_in = self.ws_out = self.ws_frames = 0
        self.headers: dict[str, dict] = {}
        self.ws_extensions = ""
        session = page.context.new_cdp_session(page)
        session.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        session.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        session.on("Network.responseReceived", self._response)
        session.on("Network.loadingFinished", lambda e: self.bytes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        session.on("Network.webSocketHandshakeResponseReceived", self._handshake)
        session.on("Network.webSocketFrameReceived", lambda e: self._frame(e, True))
        session.on("Network.webSocketFrameSent", lambda e: self._frame(e, False))
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": False})

    def _handshake(self, event: dict) -> None:
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        self.ws_extensions = headers.get("sec-websocket-extensions", "")

    def _response(self, event: dict) -> None:
        self.status[event["requestId"]] = event["response"]["status"]
        self.headers[event["requestId"]] = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        if event["response"].get("fromDiskCache") or event["response"].get("fromMemoryCache"):
            self.cached.add(event["requestId"])

    def _frame(self, event: dict, received: bool) -> None:
        response = event["response"]
        data = response.get("payloadData", "")
        size = len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data.encode("utf-8"))
        self.ws_frames += 1
        if received:
            self.ws_in += size
        else:
            self.ws_out += size

    def summary(self) -> dict:
        by_category: dict[str, int] = defaultdict(int)
        caching: dict[str, set] = defaultdict(set)  # each part's Cache-Control and Content-Encoding as served
        requests = cached = revalidated = 0
        outside_urls = []
        outside_bytes: dict[str, int] = defaultdict(int)
        for request_id, url in self.urls.items():
            if not url.startswith(self.base):
                if not url.startswith("data:"):
                    outside_urls.append(url)
                    outside_bytes[re.sub(r"^(\w+://[^/]+).*", r"\1", url)] += self.bytes.get(request_id, 0)
                continue
            requests += 1
            cached += request_id in self.cached
            revalidated += self.status.get(request_id) == 304
            part = category(url, self.base)
            by_category[part] += self.bytes.get(request_id, 0)
            headers = self.headers.get(request_id, {})
            if request_id not in self.cached and headers:
                caching[part].add(f"{headers.get('cache-control', '-')} | {headers.get('content-encoding', 'identity')}")
        http = sum(by_category.values())
        return {"total_bytes": http + self.ws_in + self.ws_out, "http_bytes": http,
                "websocket_received_bytes": self.ws_in, "websocket_sent_bytes": self.ws_out,
                "websocket_frames": self.ws_frames, "requests": requests, "from_cache": cached,
                "revalidated_304": revalidated, "by_part": dict(sorted(by_category.items())),
                "served_as": {part: sorted(values) for part, values in sorted(caching.items())},
                "websocket_extensions": self.ws_extensions, "outside_requests": len(outside_urls),
                "outside_bytes": dict(sorted(outside_bytes.items()))}


def load(page, url: str, is_map: bool, reload: bool = False) -> float:
    start = time.monotonic()
    if reload:
        page.reload()
    else:
        page.goto(url)
    page.locator(NOT_RUNNING).wait_for(state="attached", timeout=120_000)
    if is_map:
        page.frame_locator(MAP_IFRAME).locator(".atlas-icon").first.wait_for(timeout=120_000)
    seconds = time.monotonic() - start
    page.wait_for_load_state("networkidle")  # late requests (icons, the basemap's files); the websocket stays open
    return seconds


def cdn_stand_in(folder: Path) -> tuple[http.server.HTTPServer, int]:
    """An HTTPS server on loopback answering /npm/leaflet@<version>/dist/<file> with node_modules'
    Leaflet gzipped, as jsDelivr sends a versioned file (throwaway certificate in ``folder``)."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=cdn.jsdelivr.net", "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            name = self.path.split("?")[0].rsplit("/", 1)[-1]
            if not (LEAFLET_NPM / name).is_file():
                self.send_error(404)
                return
            body = gzip.compress((LEAFLET_NPM / name).read_bytes(), 9)
            self.send_response(200)
            self.send_header("Content-Type", "text/css" if name.endswith(".css") else "application/javascript")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "public, max-age=31536000, s-maxage=31536000, immutable")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, port


def launch(p, rules: str):
    return p.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, f"--host-resolver-rules={rules}",
                                                             "--ignore-certificate-errors"])


def measure_page(p, base: str, path: str, is_map: bool, rules: str = OFFLINE) -> dict:
    results: dict = {}
    browser = launch(p, rules)
    results["chromium"] = browser.version
    page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    recorder = Recorder(page, base)
    seconds = load(page, base + path, is_map)
    results["first"] = {**recorder.summary(), "seconds_to_map": round(seconds, 2)}
    recorder = Recorder(page, base)  # the same page and context: its HTTP cache is warm
    seconds = load(page, base + path, is_map, reload=True)
    results["warm"] = {**recorder.summary(), "seconds_to_map": round(seconds, 2)}
    browser.close()
    browser = launch(p, rules)
    page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    recorder = Recorder(page, base)
    seconds = load(page, base + path, is_map)
    results["cold"] = {**recorder.summary(), "seconds_to_map": round(seconds, 2)}
    browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "transfer.json")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout of the atlas to serve")
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--no-floor", action="store_true")
    parser.add_argument("--cdn", action="store_true", help="serve cdn.jsdelivr.net's Leaflet from a stand-in")
    args = parser.parse_args()
    rules, cdn = OFFLINE, None
    if args.cdn:
        cdn, port = cdn_stand_in(Path(tempfile.mkdtemp()))
        rules = f"MAP cdn.jsdelivr.net 127.0.0.1:{port}, {OFFLINE}"
    out: dict = {"what": __doc__, "root": str(args.root), "cdn_stand_in": args.cdn, "pages": {}}
    with sync_playwright() as p:
        proc, base = start_server(script=args.root / "app.py")
        try:
            for name in args.pages:
                out["pages"][name] = measure_page(p, base, PAGES[name], True, rules)
                print(name, {k: v["total_bytes"] for k, v in out["pages"][name].items() if isinstance(v, dict)})
        finally:
            proc.terminate()
            proc.wait(10)
        if not args.no_floor:
            proc, base = start_server(script=ROOT / "benchmarks" / "floor_app.py")
            try:
                out["floor"] = measure_page(p, base, "/", False)
                print("floor", {k: v["total_bytes"] for k, v in out["floor"].items() if isinstance(v, dict)})
            finally:
                proc.terminate()
                proc.wait(10)
    if cdn:
        cdn.shutdown()
    args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
