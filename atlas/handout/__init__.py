"""Handouts: printable PDFs of the story and of any map page on any date.

Pure functions returning bytes (no Streamlit): the pages cache them by language and data version.
"""
