"""Fonts for the handouts, all from installed packages (none is committed to the repository).

- DejaVu Sans (regular and bold), shipped inside matplotlib, sets the text: Latin with every
  diacritic, Cyrillic and Greek.
- Noto Sans CJK JP Regular (package ``noto-cjk-sans-jp-regular``, SIL OFL 1.1) is the fallback for
  what DejaVu lacks: Chinese, Japanese and Korean. It covers every character of the data (checked
  in tests/unit/test_handout_pdf.py).

Without the CJK package the handout still builds: characters no font has are replaced by a marker
and a note says so (:func:`latin_only`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib

TEXT_FAMILY = "atlas-sans"
CJK_FAMILY = "atlas-cjk"
MISSING_MARK = "[…]"


@dataclass(frozen=True)
class FontFiles:
    """The font files found on this machine (``cjk`` is None when the CJK package is missing)."""

    regular: Path
    bold: Path
    cjk: Path | None


@lru_cache(maxsize=1)
def font_files() -> FontFiles:
    """Locate the fonts: DejaVu Sans inside matplotlib, Noto Sans CJK inside its package."""
    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    try:
        import noto_cjk_sans_jp_regular

        cjk: Path | None = Path(str(noto_cjk_sans_jp_regular.FONT_PATH))
        if not cjk.is_file():
            cjk = None
    except ImportError:
        cjk = None
    return FontFiles(ttf / "DejaVuSans.ttf", ttf / "DejaVuSans-Bold.ttf", cjk)


@lru_cache(maxsize=1)
def text_coverage() -> frozenset[int]:
    """Code points the text font has (used only when the CJK fallback is missing)."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(str(font_files().regular), lazy=True).getBestCmap())


_RUN = re.compile(r"\S+")


def latin_only(text: str) -> str:
    """``text`` with every character the text font lacks replaced (runs collapse into one marker)."""
    covered = text_coverage()
    out: list[str] = []
    for char in text:
        if ord(char) in covered or char in "\n\t":
            out.append(char)
        elif not out or not out[-1].endswith(MISSING_MARK):
            out.append(MISSING_MARK)
    return "".join(out)


def register(pdf: object) -> bool:
    """Add the fonts to an ``fpdf.FPDF``; True if the CJK fallback is available."""
    files = font_files()
    pdf.add_font(TEXT_FAMILY, "", str(files.regular))  # type: ignore[attr-defined]
    pdf.add_font(TEXT_FAMILY, "B", str(files.bold))  # type: ignore[attr-defined]
    if files.cjk is None:
        return False
    pdf.add_font(CJK_FAMILY, "", str(files.cjk))  # type: ignore[attr-defined]
    pdf.set_fallback_fonts([CJK_FAMILY], exact_match=False)  # type: ignore[attr-defined]
    return True
