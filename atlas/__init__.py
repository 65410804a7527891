"""Pure core of the August 1945 atlas: data loading, validation, time filtering, map building.

Nothing in this package imports Streamlit except :mod:`atlas.ui`.
"""

__version__ = "0.1.0"
