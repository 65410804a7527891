"""Several Streamlit replicas of the atlas behind HAProxy, with sticky sessions: one command.

    .venv/bin/python scripts/replicas.py --replicas 3 --port 8501      # then open http://127.0.0.1:8501
    sudo apt-get install -y haproxy                                     # once (Debian's package)

Each replica is `streamlit run app.py` on its own loopback port, all with the same
``server.cookieSecret`` (environment STREAMLIT_SERVER_COOKIE_SECRET; a random one per start unless
ATLAS_COOKIE_SECRET is set). HAProxy (the binary, never the system service: a config written into a
temporary folder) balances new visitors round robin and then keeps each browser on its replica
with a cookie (``ATLAS_REPLICA``): the page, its scripts and its websocket (and the websocket's
reconnections) all carry the cookie, so a session never changes replica. A replica that fails its
health check (/_stcore/health) gets no new visitors. Every response names its replica in the header
``X-Replica``; HAProxy logs every request with its replica and cookie to ``haproxy.log`` in the
folder. Ctrl-C stops HAProxy and every replica and removes the folder.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket as socketlib
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import free_port, start_server  # noqa: E402

COOKIE = "ATLAS_REPLICA"
CONFIG = """global
    maxconn 4096
    log stdout format raw local0
    stats socket {socket} mode 600 level admin

defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    timeout http-request 30s

frontend atlas
    bind 127.0.0.1:{port}
    log global
    option logasap
    http-request capture req.cook({cookie}) len 10
    log-format "%s %HM %HU cookie=%hr"
    default_backend replicas

backend replicas
    balance roundrobin
    option httpchk GET /_stcore/health
    cookie {cookie} insert indirect nocache httponly
    http-response set-header X-Replica %s
{servers}
"""


def haproxy_binary() -> str | None:
    return shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy",) if Path(p).exists()), None)


def config(port: int, replicas: list[int], socket: Path) -> str:
    servers = "\n".join(f"    server r{i} 127.0.0.1:{p} check inter 2s cookie r{i}"
                        for i, p in enumerate(replicas, start=1))
    return (CONFIG.replace("{cookie}", COOKIE).replace("{port}", str(port)).replace("{servers}", servers)
            .replace("{socket}", str(socket)))


@dataclass
class Cluster:
    """The running replicas and their proxy. ``stop()`` ends every process it started."""

    url: str
    folder: Path
    replicas: list[tuple[subprocess.Popen, str]] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    @property
    def log(self) -> Path:
        return self.folder / "haproxy.log"

    @property
    def socket(self) -> Path:
        return self.folder / "admin.sock"

    def drop_connections(self, replica: str) -> str:
        """Close every open connection to one replica (HAProxy's runtime API): its browsers' websockets
        drop and reconnect, as after a network glitch. The replica itself keeps running."""
        with socketlib.socket(socketlib.AF_UNIX) as sock:
            sock.connect(str(self.socket))
            sock.sendall(f"shutdown sessions server replicas/{replica}\n".encode())
            return sock.recv(4096).decode(errors="replace")

    def stop(self) -> None:
        procs = ([self.proxy] if self.proxy else []) + [proc for proc, _ in self.replicas]
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        shutil.rmtree(self.folder, ignore_errors=True)


def start(count: int, port: int | None = None, env: dict[str, str] | None = None,
          env_for: list[dict[str, str]] | None = None, script: Path = ROOT / "app.py") -> Cluster:
    """Start ``count`` replicas and HAProxy in front of them; wait until the proxy answers."""
    binary = haproxy_binary()
    if binary is None:
        raise RuntimeError("haproxy is not installed: sudo apt-get install -y haproxy")
    secret = os.environ.get("ATLAS_COOKIE_SECRET") or secrets.token_hex(32)
    port = port or free_port()
    cluster = Cluster(f"http://127.0.0.1:{port}", Path(tempfile.mkdtemp(prefix="atlas-replicas-")))
    try:
        for index in range(count):
            own = {**(env or {}), **((env_for or [{}] * count)[index]), "STREAMLIT_SERVER_COOKIE_SECRET": secret}
            cluster.replicas.append(start_server(env=own, script=script))
        ports = [int(url.rsplit(":", 1)[1]) for _, url in cluster.replicas]
        (cluster.folder / "haproxy.cfg").write_text(config(port, ports, cluster.socket), encoding="utf-8")
        with cluster.log.open("wb") as log:
            cluster.proxy = subprocess.Popen([binary, "-f", str(cluster.folder / "haproxy.cfg"), "-db"],
                                             stdout=log, stderr=subprocess.STDOUT, cwd=cluster.folder)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if cluster.proxy.poll() is not None:
                raise RuntimeError("haproxy stopped: " + cluster.log.read_text(errors="replace")[-2000:])
            try:
                if urllib.request.urlopen(cluster.url + "/_stcore/health", timeout=1).read() == b"ok":
                    return cluster
            except OSError:
                time.sleep(0.2)  # the proxy is not listening yet: ask again
        raise RuntimeError("haproxy did not answer within 30 s")
    except BaseException:
        cluster.stop()
        raise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--entry", choices=("app.py", "strict_app.py"), default="app.py",
                        help="each replica's entry: strict_app.py adds the strict Content-Security-Policy and loads "
                             "the modules and data when the replica starts (atlas/ui/warm.py)")
    args = parser.parse_args()
    cluster = start(args.replicas, args.port, script=ROOT / args.entry)
    print(f"{args.replicas} replicas behind HAProxy at {cluster.url} (config and log in {cluster.folder}); Ctrl-C stops")
    try:
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
