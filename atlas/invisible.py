"""Invisible and control characters in data text: which are errors, which are warnings, and why.

Errors (the feature or row is left out, as for any other error):

- Explicit bidirectional formatting: the embeddings, overrides and their pop (U+202A-U+202E) and
  the isolates (U+2066-U+2069). They change the order in which the characters after them are
  displayed, so a value can show a reader something other than what it says, and reorder the rest
  of a line it is shown in (the "Trojan Source" attack, CVE-2021-42574). Every language of the atlas
  (English, Spanish, Chinese, Japanese, Korean, Russian) is written left to right: no correct value
  needs one.
- Control characters: C0 other than tab, line feed and carriage return, DEL, and C1
  (U+0080-U+009F). Invisible on a page, never typed on purpose (they come from a bad copy or a
  wrong encoding), and an escape sequence would reach a curator's terminal.

Warnings (listed; the feature or row is kept, and the validator still passes):

- The direction marks U+200E, U+200F and U+061C in a value with no right-to-left letters, where
  they do nothing visible (beside Arabic or Hebrew letters they are how punctuation is placed, and
  are accepted there).
- The line and paragraph separators U+2028 and U+2029 (pasted from a word processor or a PDF):
  some programs show a line break, others nothing; write an ordinary line break.
- Zero-width space U+200B, word joiner U+2060 and a byte-order mark U+FEFF inside a value: they
  break searching and comparing a value that looks the same.

Messages name the character by its code point and Unicode name, never by the character itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

WARNING = "warning: "
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MARKS = re.compile("[\u200e\u200f\u061c]")
SEPARATORS = re.compile("[\u2028\u2029]")
ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")


def is_warning(message: str) -> bool:
    """Whether a problem's message is a warning (the feature or row it names is kept)."""
    return message.startswith(WARNING)


def _named(found: list[str]) -> str:
    names = []
    for char in dict.fromkeys(found):
        names.append(f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}")
    count = f" ({len(found)} in all)" if len(found) > 1 else ""
    return ", ".join(names) + count


def _right_to_left(value: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in value)


# (characters, a warning?, what they are and what to do): checked in this order
_RULES = (
    (BIDI, False, "a bidirectional control that changes the order the text after it is displayed in (no language "
                  "of the atlas needs one): delete it"),
    (CONTROL, False, "an invisible control character (a bad copy or a wrong encoding): delete it"),
    (MARKS, True, "a direction mark not needed in text with no right-to-left letters: delete it"),
    (SEPARATORS, True, "shown as a line break by some programs and as nothing by others: write an ordinary line break"),
    (ZERO_WIDTH, True, "an invisible character that breaks searching and comparing: delete it"),
)


def check_text(field: str, value: str) -> list[str]:
    """The invisible or control characters in one text value, as messages naming ``field``."""
    out = []
    for pattern, warning, advice in _RULES:
        found = pattern.findall(value)
        if not found or (pattern is MARKS and _right_to_left(MARKS.sub("", value))):
            continue  # direction marks are needed beside right-to-left letters
        out.append(f"{WARNING if warning else ''}{field}: contains {_named(found)}, {advice}")
    return out


def check_values(values: Mapping[str, object]) -> list[str]:
    """:func:`check_text` on every text value of a feature's properties or a table's row."""
    out: list[str] = []
    for field, value in values.items():
        if isinstance(value, str) and isinstance(field, str):
            out += check_text(field, value)
    return out
