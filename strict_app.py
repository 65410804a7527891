"""The atlas served with a strict Content-Security-Policy: `streamlit run strict_app.py`.

The same app as `streamlit run app.py` (Streamlit's ASGI app, st.App, running atlas_app.py, with the
start-up hook that loads the app's modules and data before the first visitor, atlas/ui/warm.py), plus a
middleware that adds the header to every HTML answer (atlas/csp.py; docs/streamlit-contract.md,
"Content-Security-Policy").
"""

import streamlit as st
from starlette.middleware import Middleware

from atlas.csp import ContentSecurityPolicy
from atlas.ui import warm

app = st.App("atlas_app.py", middleware=[Middleware(warm.ReadinessCheck), Middleware(ContentSecurityPolicy)],
             lifespan=warm.lifespan)
