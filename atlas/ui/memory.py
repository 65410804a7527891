"""glibc's allocator, tuned once per server process so that large short-lived buffers go back to the system.

Every session is sent the page's catalog (0.7 MB of JSON today, megabytes with a larger package), and
Streamlit builds and sends it in that session's own thread. glibc gives busy threads arenas of their
own (up to 8 per CPU) and, once a large block has been freed, raises the size from which it maps
blocks on their own: the catalog's freed buffers then stay in the arenas, and the server's resident
memory grows with sessions x catalog. Two settings stop that: at most two arenas (``M_ARENA_MAX``)
and a fixed threshold of 256 kB (``M_MMAP_THRESHOLD``) from which a block is mapped on its own and
returned when freed. Measured in docs/benchmarks.md (Scale). Anywhere but glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_MMAP_THRESHOLD = -3  # <malloc.h>
M_ARENA_MAX = -8
ARENAS = 2
MMAP_THRESHOLD = 256 * 1024

_done: bool | None = None


def tune_allocator() -> bool:
    """Apply the settings once per process; True if glibc took them."""
    global _done
    if _done is None:
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            mallopt = libc.mallopt
        except (OSError, AttributeError):
            _done = False
        else:
            mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
            _done = bool(mallopt(M_ARENA_MAX, ARENAS)) and bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    return _done
