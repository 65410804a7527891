"""The Content-Security-Policy (atlas/csp.py): what each document's policy allows, and the middleware
that adds it to HTML answers only. The browser test is tests/browser/test_csp.py."""

from __future__ import annotations

import asyncio
import concurrent.futures

from atlas import csp


def directives(policy: str) -> dict[str, list[str]]:
    return {parts[0]: parts[1:] for parts in (d.split() for d in policy.split(";")) if parts}


def test_the_page_runs_scripts_from_the_app_only_with_streamlits_two_exceptions():
    scripts = directives(csp.page_policy())["script-src"]
    assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert [s for s in scripts[2:] if not s.startswith("'sha256-")] == []
    assert len(scripts) == 3  # one inline script in Streamlit's index.html: window.prerenderReady = false
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts


def test_only_streamlit_folium_s_frame_runs_inline_scripts_and_eval():
    assert directives(csp.frame_policy())["script-src"] == ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
    assert csp.policy_for("/component/streamlit_folium.st_folium/index.html") == csp.frame_policy()
    assert csp.policy_for("/base/component/streamlit_folium.st_folium/index.html") == csp.frame_policy()
    for path in ("/", "/dongning", "/base/captivity", "/component/other.component/index.html"):
        assert csp.policy_for(path) == csp.page_policy()


def test_nothing_but_images_from_the_tile_servers_and_no_other_host_anywhere():
    page = directives(csp.page_policy())
    assert page["img-src"][3:] == ["https://server.arcgisonline.com", "https://tile.openstreetmap.org"]
    assert "https://server.arcgisonline.com" not in directives(csp.page_policy(tiles=False))["img-src"]
    for name, sources in page.items():
        if name != "img-src":
            assert not [s for s in sources if "://" in s or s in ("*", "http:", "https:")], name
    assert page["object-src"] == ["'none'"] and page["base-uri"] == ["'none'"]


def _answer(content_type: bytes, path: str = "/", kind: str = "http") -> list[dict]:
    sent: list[dict] = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", content_type)]})
        await send({"type": "http.response.body", "body": b"x"})

    async def send(message):
        sent.append(message)

    async def receive():
        return {}

    # in a thread of its own: after the browser tests, Playwright's loop may be running in this one
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, csp.ContentSecurityPolicy(app)({"type": kind, "path": path}, receive, send)).result()
    return sent


def test_the_middleware_adds_the_header_to_html_answers_only():
    headers = dict(_answer(b"text/html; charset=utf-8")[0]["headers"])
    assert headers[b"content-security-policy"] == csp.page_policy().encode()
    frame = dict(_answer(b"text/html", "/component/streamlit_folium.st_folium/index.html")[0]["headers"])
    assert frame[b"content-security-policy"] == csp.frame_policy().encode()
    assert b"content-security-policy" not in dict(_answer(b"application/javascript")[0]["headers"])
    assert _answer(b"text/html", kind="websocket")[0]["headers"] == [(b"content-type", b"text/html")]
