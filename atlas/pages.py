"""The page registry: every page of the app declared once.

app.py builds the navigation from it; each map page, story mode, the claims' and story's links,
the benchmark and the tests read a map page's layer, slider, window, default date, view and
headings from here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from atlas.timeline import month_end, months


@dataclass(frozen=True)
class Page:
    """A page of the app: its address, file, title and icon in the navigation."""

    name: str
    url_path: str
    file: str
    title_key: str
    icon: str
    intro_key: str = ""


@dataclass(frozen=True)
class MapPage(Page):
    """A page with a dated map: which layer and legend it draws, its slider and its first view."""

    layer: str = ""  # the page's own data layer (its focus, its table, its problems)
    extra_layers: tuple[tuple[str, str, str, str], ...] = ()  # (layer, from, to, kind rule): features of
    # another layer whose date_start lies in [from, to] (ISO prefixes, "" = open) drawn on this page too;
    # the kind rule "-k" leaves out kind k, "+k" takes kind k whatever its date ("" = none)
    overlays: tuple[str, ...] = ()  # static layers drawn under the dated one (the map of 1945, railways)
    legend: str = ""
    monthly: bool = False  # month steps (captivity) rather than day steps
    first: dt.date = dt.date(1945, 8, 8)
    last: dt.date = dt.date(1945, 9, 2)
    default: dt.date = dt.date(1945, 8, 9)
    bounds: tuple[tuple[float, float], tuple[float, float]] = ((38.5, 113.0), (53.5, 135.5))  # (S, W), (N, E)
    focus_pad_deg: float = 1.5
    max_zoom: int = 12
    panel_keys: tuple[str, str] = ("day_heading", "day_help")  # the side panel's heading and help line
    widths: tuple[int, int] = (5, 3)  # map column : side panel column

    @property
    def layers(self) -> tuple[str, ...]:
        """Every data layer whose features this page's map draws."""
        return (self.layer, *(name for name, *_ in self.extra_layers))

    @property
    def slider_key(self) -> str:
        """The date slider's widget key and URL parameter (``?day=`` or ``?month=``)."""
        return "month" if self.monthly else "day"

    def codes(self) -> list[str]:
        """The slider's options: ISO days, or ``YYYY-MM`` months."""
        if self.monthly:
            return [month.strftime("%Y-%m") for month in months(self.first, self.last)]
        return [(self.first + dt.timedelta(days=i)).isoformat() for i in range((self.last - self.first).days + 1)]

    def day_of(self, code: str) -> dt.date:
        """The date a slider option shows: the day itself, or the month's last day (what had
        happened by the end of the month)."""
        if self.monthly:
            return month_end(dt.date.fromisoformat(code[:7] + "-01"))
        return dt.date.fromisoformat(code)

    def code_of(self, day: dt.date) -> str:
        """The slider option showing ``day`` (its month on a monthly slider)."""
        return day.strftime("%Y-%m") if self.monthly else day.isoformat()

    def days(self) -> list[dt.date]:
        """The date each slider option shows, in order."""
        return [self.day_of(code) for code in self.codes()]

    @property
    def default_code(self) -> str:
        return self.code_of(self.default)


OFFENSIVE = MapPage("offensive", "offensive", "app_pages/offensive.py", "page_offensive", ":material/map:",
                    intro_key="offensive_intro", layer="offensive", legend="offensive", widths=(5, 2),
                    extra_layers=(("civilians", "", "1945-09-30", "-refugee_camp"),),
                    overlays=("borders1945", "boundaries1945", "railways1945"))
DONGNING = MapPage("dongning", "dongning", "app_pages/dongning.py", "page_dongning", ":material/fort:",
                   intro_key="dongning_intro", layer="dongning", legend="fortress",
                   bounds=((43.78, 130.95), (44.2, 131.5)), focus_pad_deg=0.12, max_zoom=15,
                   overlays=("railways1945",),
                   panel_keys=("chronology_heading", "chronology_help"))
CAPTIVITY = MapPage("captivity", "captivity", "app_pages/camps.py", "page_camps", ":material/train:",
                    intro_key="camps_intro", layer="camps", legend="captivity", monthly=True,
                    first=dt.date(1945, 8, 1), last=dt.date(1956, 12, 31), default=dt.date(1945, 12, 31),
                    bounds=((35.0, 35.0), (66.0, 158.0)), focus_pad_deg=4.0,
                    extra_layers=(("civilians", "1945-09", "", "+refugee_camp"),), overlays=("railways1945",),
                    panel_keys=("phase_heading", "chronology_help"))
STORY = Page("story", "story", "app_pages/story.py", "page_story", ":material/slideshow:")
RECORD = Page("record", "record", "app_pages/claims.py", "page_claims", ":material/fact_check:", "claims_intro")
SOURCES = Page("sources", "sources", "app_pages/sources.py", "page_sources", ":material/menu_book:", "sources_intro")

PAGES: tuple[Page, ...] = (OFFENSIVE, DONGNING, CAPTIVITY, STORY, RECORD, SOURCES)  # navigation order
MAP_PAGES: dict[str, MapPage] = {page.name: page for page in PAGES if isinstance(page, MapPage)}
DEFAULT_PAGE = OFFENSIVE
