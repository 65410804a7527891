"""The floor for the benchmark: a bare Streamlit page with only a date slider and a text that follows it."""

import datetime as dt

import streamlit as st

days = [(dt.date(1945, 8, 8) + dt.timedelta(days=i)).isoformat() for i in range(26)]
day = st.select_slider("Date", options=days, value="1945-08-09", key="day")
st.caption(f"Shown: {day}")
