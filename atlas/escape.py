"""One escaper per output context: every data string reaches the page through one of these.

- :func:`markdown` for anything Streamlit renders as Markdown (``st.markdown``, ``st.header``,
  ``st.subheader``, ``st.caption``, ``st.write`` of a string, widget labels): one line, every ASCII
  punctuation character that Markdown gives a meaning backslash-escaped (a dot after a digit), and an invisible word joiner (U+2060) after ``:`` and
  ``@`` and between ``www`` and ``.``. Escapes alone are not enough: Streamlit's GFM autolinks,
  emoji shortcodes and icons are found in the text *after* the escapes are resolved.
- :func:`html_text` and :func:`html_attribute` for HTML we write (popups, ``st.html``).
- :func:`html_in_markdown` for HTML written through ``st.markdown(..., unsafe_allow_html=True)``,
  where a blank line would end the HTML block and let Markdown resume.

Pure: no Streamlit here.
"""

from __future__ import annotations

import html
import re

WORD_JOINER = "\u2060"
# Every line ending Markdown, JavaScript or Python's str.splitlines knows; \r\n first, as one.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Every ASCII punctuation character Markdown gives a meaning (not , ; ? % ' " /); a dot only after a
# digit ("1." opens a list; "www." is broken by a word joiner), so file names stay readable.
_PUNCTUATION = re.compile(r"([!#$&()*+\-:<=>@\[\\\]^_`{|}~]|(?<=\d)\.)")
_LINK_STARTS = re.compile(r"(?i)([:@]|(?<=www)(?=\.))")
# HTML's own five, then Markdown's metacharacters, as numeric character references.
_HTML_AND_MARKDOWN = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'!#$()*[\\]_`{|}~=+-"})


def _join(match: re.Match[str]) -> str:
    """A word joiner after ``:`` or ``@``, or between ``www`` and its dot: no autolink, emoji or icon."""
    return match.group(1) + WORD_JOINER


def one_line(value: object) -> str:
    """The text with every line ending (``\\n``, ``\\r``, ``\\r\\n``, U+2028, U+2029…) made a space."""
    return LINE_BREAK.sub(" ", "" if value is None else str(value))


def markdown(value: object) -> str:
    """Data text made inert for Streamlit Markdown: no links, images, autolinks, headings (ATX or
    setext), lists, tables, HTML, entities, maths, emoji or icon shortcodes, colour directives."""
    return _PUNCTUATION.sub(r"\\\1", _LINK_STARTS.sub(_join, one_line(value)))


def html_text(value: object) -> str:
    """Data text as the content of an HTML element."""
    return html.escape("" if value is None else str(value), quote=True)


def html_attribute(value: object) -> str:
    """Data text as the value of a double- or single-quoted HTML attribute (one line)."""
    return html.escape(one_line(value), quote=True)


def html_in_markdown(value: object) -> str:
    """Data text as the content of an HTML element written through ``st.markdown``: one line, so
    the HTML block never ends early and Markdown never resumes inside it; and, should a renderer
    read Markdown there anyway, its metacharacters as character references and no autolink."""
    return _LINK_STARTS.sub(_join, one_line(value)).translate(_HTML_AND_MARKDOWN)
