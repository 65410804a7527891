"""Server-side step timing for the benchmark's second classroom (scripts/benchmark.py).

Python imports this file at start-up when its folder is on PYTHONPATH; the benchmark puts it there
for the one server it starts for that classroom, never for the app itself. With
ATLAS_SERVER_TIMING naming a file, every script run the server is asked for (a slider step is
one) appends to that file the seconds from the server receiving the request to it queueing the
run's last message (script_finished). Streamlit's AppSession methods are wrapped by name, so
this follows the pinned Streamlit version.
"""

import os
import threading
import time

_LOG = os.environ.get("ATLAS_SERVER_TIMING")


def _wrap() -> None:
    from streamlit.runtime import app_session

    started: dict[str, float] = {}
    lock = threading.Lock()
    handle_backmsg = app_session.AppSession.handle_backmsg
    enqueue = app_session.AppSession._enqueue_forward_msg

    def timed_handle_backmsg(self, msg):
        if msg.WhichOneof("type") == "rerun_script":
            started[self.id] = time.monotonic()
        return handle_backmsg(self, msg)

    def timed_enqueue(self, msg):
        if msg.WhichOneof("type") == "script_finished" and self.id in started:
            elapsed = time.monotonic() - started.pop(self.id)
            with lock, open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"{elapsed:.4f}\n")
        return enqueue(self, msg)

    app_session.AppSession.handle_backmsg = timed_handle_backmsg
    app_session.AppSession._enqueue_forward_msg = timed_enqueue


if _LOG:
    _wrap()
