"""Bidirectional controls and other invisible characters in any text field (atlas/invisible.py):
errors that leave the feature or row out, warnings that keep it, each naming file, feature or row
and field, never printing the character itself."""

from __future__ import annotations

import pytest

from atlas import validate
from atlas.invisible import check_text, is_warning
from atlas.load import load_atlas, validate_package
from atlas.model import Problem
from tests.conftest import STORY_CSV, write_package

ERRORS = {
    "LRE": "\u202a", "RLE": "\u202b", "PDF": "\u202c", "LRO": "\u202d", "RLO": "\u202e",
    "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
    "NUL": "\x00", "BEL": "\x07", "ESC": "\x1b", "VT": "\x0b", "FF": "\x0c", "DEL": "\x7f", "NEL": "\x85", "CSI": "\x9b",
}
WARNINGS = {"LRM": "\u200e", "RLM": "\u200f", "ALM": "\u061c", "LS": "\u2028", "PS": "\u2029", "ZWSP": "\u200b",
            "WJ": "\u2060", "BOM": "\ufeff"}
FINE = ["plain", "tab\there", "line\nbreak", "crlf\r\nbreak", "Dongning 東寧 동녕 Дуннин", "emoji 👍🏽 and ZWJ 👩\u200d🔬",
        "soft\u00adhyphen", "no-break\u00a0space", "Hebrew עברית with a mark\u200f", "Arabic العربية\u061c"]


@pytest.mark.parametrize("name", ERRORS)
def test_bidi_controls_and_control_characters_are_errors(name):
    (message,) = check_text("name_en", f"before{ERRORS[name]}after")
    assert not is_warning(message)
    assert message.startswith(f"name_en: contains U+{ord(ERRORS[name]):04X} ")
    assert ERRORS[name] not in message


@pytest.mark.parametrize("name", WARNINGS)
def test_marks_separators_and_zero_width_characters_are_warnings(name):
    (message,) = check_text("caption_es", f"before{WARNINGS[name]}after")
    assert is_warning(message) and message.startswith(f"warning: caption_es: contains U+{ord(WARNINGS[name]):04X} ")
    assert WARNINGS[name] not in message


@pytest.mark.parametrize("value", FINE)
def test_ordinary_text_in_every_script_passes(value):
    assert check_text("f", value) == []


def test_a_message_names_each_character_once_and_counts_them():
    (message,) = check_text("f", "\u202eevil\u202c \u202ex\u202c")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING (4 in all)" in message


def test_a_problem_never_prints_an_invisible_character_from_the_data():
    problem = Problem("offensive.geojson", "wp-\u202eevil", "quote \x1b[31m red \u2066")
    assert str(problem) == "offensive.geojson: wp-\\u202eevil: quote \\x1b[31m red \\u2066"


def test_a_feature_with_an_override_is_named_and_left_out(features, tmp_path):
    features[0]["properties"]["name_en"] = "Alpha \u202eevil\u202c"
    features[1]["properties"]["description_es"] = "Texto \u200ebeta"  # a mark: a warning only
    folder = write_package(tmp_path, features)
    problems = [str(p) for p in validate_package(folder)]
    assert problems == [
        "claims.csv: c-fire: map_feature: 'obj-alpha' is not in offensive.geojson",  # it is left out
        "offensive.geojson: obj-alpha: name_en: contains U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL "
        "FORMATTING (2 in all), a bidirectional control that changes the order the text after it is displayed in "
        "(no language of the atlas needs one): delete it",
        "offensive.geojson: start-beta: warning: description_es: contains U+200E LEFT-TO-RIGHT MARK, a direction "
        "mark not needed in text with no right-to-left letters: delete it",
        "story.csv: step 1: focus: 'obj-alpha' is not on the offensive map (offensive.geojson, civilians.geojson)",
    ]
    ids = set(load_atlas(folder).layers["offensive"].frame["id"])
    assert "obj-alpha" not in ids and "start-beta" in ids


def test_a_table_row_with_an_isolate_is_named_by_file_line_and_field(tmp_path):
    story = STORY_CSV.replace("Later on.", "Later \u2067on\u2069.")
    folder = write_package(tmp_path, story=story)
    problems = [str(p) for p in validate_package(folder)]
    assert ("story.csv: line 3: caption_en: contains U+2067 RIGHT-TO-LEFT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE "
            "(2 in all), a bidirectional control that changes the order the text after it is displayed in (no "
            "language of the atlas needs one): delete it") in problems
    assert [step.step for step in load_atlas(folder).story] == [1]


def test_a_row_with_a_warning_only_is_kept(tmp_path):
    folder = write_package(tmp_path, story=STORY_CSV.replace("Later on.", "Later\u2028on."))
    problems = [str(p) for p in validate_package(folder)]
    assert problems == ["story.csv: line 3: warning: caption_en: contains U+2028 LINE SEPARATOR, shown as a line "
                        "break by some programs and as nothing by others: write an ordinary line break"]
    assert [step.step for step in load_atlas(folder).story] == [1, 2]


def test_the_validator_passes_with_warnings_and_fails_with_errors(tmp_path, capsys):
    warned = write_package(tmp_path / "warned", story=STORY_CSV.replace("Later on.", "Later\u200bon."))
    assert validate.main([str(warned), "--no-gazetteer"]) == 0
    assert "0 problem(s) and 1 warning(s)" in capsys.readouterr().err
    refused = write_package(tmp_path / "refused", story=STORY_CSV.replace("Later on.", "Later\x1bon."))
    assert validate.main([str(refused), "--no-gazetteer"]) == 1
    assert "1 problem(s) and 0 warning(s)" in capsys.readouterr().err
