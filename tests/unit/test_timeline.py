import datetime as dt

from atlas.load import load_layers
from atlas.timeline import on_date, split_placed


def frame_of(package):
    layers, _, problems = load_layers(package)
    assert problems == []
    return layers["offensive"].frame


def test_features_appear_from_their_earliest_date(package):
    frame = frame_of(package)
    assert list(on_date(frame, dt.date(1945, 7, 31))["id"]) == []
    # 'evt-gamma' is known only to the month: it counts from 1 August.
    assert list(on_date(frame, dt.date(1945, 8, 9))["id"]) == ["evt-gamma"]
    assert set(on_date(frame, dt.date(1945, 8, 10))["id"]) == {"evt-gamma", "obj-alpha"}
    assert set(on_date(frame, dt.date(1945, 8, 15))["id"]) == {"evt-gamma", "obj-alpha", "start-beta"}


def test_phase_column_marks_spans_under_way(package):
    shown = on_date(frame_of(package), dt.date(1945, 8, 16)).set_index("id")["phase"]
    assert shown["start-beta"] == "under_way"
    assert shown["obj-alpha"] == "done"
    assert on_date(frame_of(package), dt.date(1945, 8, 17)).set_index("id").loc["start-beta", "phase"] == "done"


def test_split_placed_separates_null_geometries(package):
    placed, unplaced = split_placed(on_date(frame_of(package), dt.date(1945, 9, 1)))
    assert set(placed["id"]) == {"obj-alpha", "start-beta"}
    assert list(unplaced["id"]) == ["evt-gamma"]


def test_empty_frame_is_handled():
    from atlas.timeline import empty_frame

    shown = on_date(empty_frame(), dt.date(1945, 8, 9))
    placed, unplaced = split_placed(shown)
    assert len(placed) == len(unplaced) == 0
