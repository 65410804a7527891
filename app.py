"""Entry point: `streamlit run app.py` (and Streamlit Community Cloud's main file).

Streamlit's ASGI app (`st.App`) runs atlas_app.py, the page script, for every visit; its start-up hook
(atlas/ui/warm.py) imports the app's modules and loads the data package and the default page's first
map in a thread as soon as the server starts, so a freshly started server's first visitor does not
wait for them (docs/benchmarks.md, "Cold first visit"). `streamlit run` finds the `app` below by
reading this file (Streamlit's app discovery), then serves it with the same server as any app.
Until that is done, a health check from outside a browser (a load balancer, an orchestrator) hears
"warming up" (warm.ReadinessCheck). strict_app.py is the same app with a strict Content-Security-Policy.
"""

import streamlit as st
from starlette.middleware import Middleware

from atlas.ui import warm

app = st.App("atlas_app.py", lifespan=warm.lifespan, middleware=[Middleware(warm.ReadinessCheck)])
