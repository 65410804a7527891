"""atlas.escape: one escaper per output context, so that data text never becomes markup."""

from __future__ import annotations

import re

import pytest

from atlas import escape

LINE_ENDINGS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"]

# What Streamlit's Markdown (react-markdown + remark-gfm + remark-emoji + its colour directives)
# would turn into markup, each from a data string.
MARKUP = [
    "[live link](https://example.org/x)",
    "![tracker](https://example.org/pixel.png)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "# Heading",
    "Title{eol}===",
    "Title{eol}---",
    "before{eol}{eol}# after",
    "see https://example.org/page now",
    "see www.example.org now",
    "write to someone@example.org",
    ":red[coloured] and :blue-background[box]",
    ":smile: :material/home:",
    "$x^2$ and $$y$$",
    "*em* **strong** ~~gone~~ `code`",
    "| a | b |",
    "> quote",
    "1. item",
    "- item",
    "&lt;b&gt; &#60;",
]


def unescaped(text: str, char: str) -> list[int]:
    """Positions of ``char`` in markdown ``text`` not preceded by a backslash escape."""
    return [m.start() for m in re.finditer(re.escape(char), text)
            if len(re.match(r"\\*", text[m.start() - 1::-1] if m.start() else "").group()) % 2 == 0]


@pytest.mark.parametrize("eol", LINE_ENDINGS, ids=repr)
@pytest.mark.parametrize("raw", MARKUP)
def test_markdown_leaves_no_markup_whatever_the_line_endings(raw, eol):
    out = escape.markdown(raw.format(eol=eol))
    assert not re.search(r"[\n\r\x0b\x0c\x85\u2028\u2029]", out)  # one line: no heading, block or paragraph
    for char in "[]()!<>#*_`|~$&=-+:@":
        assert not unescaped(out, char), (char, out)
    assert not re.search(r"\d\.", re.sub(r"\\.", "", out)), out  # "1." would open a list
    plain = re.sub(r"\\(.)", r"\1", out).replace(escape.WORD_JOINER, "")
    assert "https://" not in re.sub(r"\\(.)", r"\1", out)  # GFM's autolink transform runs after escapes
    assert not re.search(r"(?i)www\.", re.sub(r"\\(.)", r"\1", out))
    assert not re.search(r"@\w", re.sub(r"\\(.)", r"\1", out))
    assert not re.search(r":[\w/-]+:", re.sub(r"\\(.)", r"\1", out))  # emoji and icon shortcodes
    assert plain == re.sub(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]", " ", raw.format(eol=eol))


def test_markdown_keeps_ordinary_text_readable():
    assert escape.markdown("Harbin, 20 August") == "Harbin, 20 August"
    assert escape.markdown("Mudanjiang (Muling)") == "Mudanjiang \\(Muling\\)"
    assert escape.markdown("") == ""
    assert escape.markdown("offensive.geojson") == "offensive.geojson"
    assert escape.markdown("1. item") == "1\\. item"


@pytest.mark.parametrize("raw", ["<script>x</script>", "a & b", '"quoted" \'single\'', "<img src=x onerror=y>"])
def test_html_text_and_attribute(raw):
    for out in (escape.html_text(raw), escape.html_attribute(raw)):
        assert "<" not in out and ">" not in out and '"' not in out and "'" not in out
        assert "&" not in out.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace(
            "&quot;", "").replace("&#x27;", "")


@pytest.mark.parametrize("eol", LINE_ENDINGS, ids=repr)
def test_html_inside_markdown_stays_one_block(eol):
    """An HTML block in st.markdown ends at a blank line, and Markdown resumes after it."""
    out = escape.html_in_markdown(f"first{eol}{eol}![x](https://example.org/p.png)")
    assert not re.search(r"[\n\r\x0b\x0c\x85\u2028\u2029]", out)
    assert "<" not in out
