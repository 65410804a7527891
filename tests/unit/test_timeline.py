import datetime as dt

import pytest

from atlas.load import load_atlas
from atlas.timeline import axis_progress, happening_on, on_date, persistent_phase, split_placed

D = dt.date


def frame_of(package):
    atlas = load_atlas(package)
    assert atlas.problems == ()
    frame = atlas.layers["offensive"].frame
    frame.attrs["axes"] = atlas.axes  # carried along so the tests below read like the page
    return frame


def shown_on(frame, day):
    return on_date(frame, day, frame.attrs.get("axes"))


def ids(frame, day):
    return set(shown_on(frame, day)["id"])


def test_features_appear_from_their_earliest_date(package):
    frame = frame_of(package)
    persistent = {"fr-delta"}  # a fortified region is on the map from the start
    assert ids(frame, D(1945, 7, 31)) == persistent
    # 'evt-gamma' is known only to the month: it counts from 1 August.
    assert ids(frame, D(1945, 8, 9)) == persistent | {"evt-gamma"}
    assert ids(frame, D(1945, 8, 10)) == persistent | {"evt-gamma", "obj-alpha"}
    # hq-eps opened on 12 August (active_from); start-beta's span begins on the 15th
    assert ids(frame, D(1945, 8, 15)) == persistent | {"evt-gamma", "obj-alpha", "hq-eps", "start-beta"}


def test_phase_column_marks_spans_under_way(package):
    shown = shown_on(frame_of(package), D(1945, 8, 16)).set_index("id")["phase"]
    assert shown["start-beta"] == "under_way"
    assert shown["obj-alpha"] == "done"
    assert shown_on(frame_of(package), D(1945, 8, 17)).set_index("id").loc["start-beta", "phase"] == "done"


def test_japanese_features_change_state_when_they_fall(package):
    def phase(day, fid):
        return shown_on(frame_of(package), day).set_index("id").loc[fid, "phase"]

    assert phase(D(1945, 8, 17), "fr-delta") == "holding"
    assert phase(D(1945, 8, 18), "fr-delta") == "fallen"
    assert phase(D(1945, 9, 2), "hq-eps") == "fate_unknown"
    assert persistent_phase(D(1945, 8, 26), D(1945, 8, 28), D(1945, 8, 27)) == "falling"


def test_axis_progress_rules():
    stops = [("a", D(1945, 8, 10), D(1945, 8, 12)), ("b", None, None), ("c", D(1945, 8, 15), D(1945, 8, 15)),
             ("d", None, None)]
    assert axis_progress(stops, D(1945, 8, 9)) == []
    assert axis_progress(stops, D(1945, 8, 11)) == [("a", "under_way")]  # the axis stops at a stop under way
    assert axis_progress(stops, D(1945, 8, 12)) == [("a", "done"), ("b", "date_unknown")]
    # c is reached: b was passed on the way, so it counts as reached too; d (after c) is undated
    assert axis_progress(stops, D(1945, 8, 15)) == [("a", "done"), ("b", "done"), ("c", "done"), ("d", "date_unknown")]


def test_no_axis_is_drawn_before_its_attack_began():
    stops = [("a", None, None), ("b", D(1945, 8, 20), D(1945, 8, 20))]
    assert axis_progress(stops, D(1945, 8, 8), started=D(1945, 8, 9)) == []
    assert axis_progress(stops, D(1945, 8, 9), started=D(1945, 8, 9)) == [("a", "date_unknown")]


def test_waypoints_need_their_axis(package):
    frame = frame_of(package)
    assert not any(i.startswith("wp-") for i in on_date(frame, D(1945, 9, 1))["id"])  # no axes table: none drawn


def test_waypoints_follow_their_axis(package):
    frame = frame_of(package)
    assert "wp-two" not in ids(frame, D(1945, 8, 16))  # not before the stop ahead of it is reached
    phases = shown_on(frame, D(1945, 8, 17)).set_index("id")["phase"]
    assert phases["wp-one"] == "done" and phases["wp-two"] == "date_unknown" and "wp-three" not in phases
    assert shown_on(frame, D(1945, 8, 22)).set_index("id").loc["wp-two", "phase"] == "done"


def test_happening_on_lists_the_days_events_with_or_without_a_place(package):
    frame = frame_of(package)
    assert list(happening_on(frame, D(1945, 8, 18))["id"]) == ["evt-gamma", "fr-delta"]
    assert set(happening_on(frame, D(1945, 8, 21))["id"]) == {"evt-gamma", "wp-three"}
    # undated features never claim a day
    assert "wp-two" not in set(happening_on(frame, D(1945, 8, 21))["id"])


def test_split_placed_separates_null_geometries(package):
    placed, unplaced = split_placed(shown_on(frame_of(package), D(1945, 9, 1)))
    assert "evt-gamma" not in set(placed["id"]) and {"obj-alpha", "start-beta"} <= set(placed["id"])
    assert list(unplaced["id"]) == ["evt-gamma"]


def test_empty_frame_is_handled():
    from atlas.timeline import empty_frame

    shown = on_date(empty_frame(), D(1945, 8, 9))
    placed, unplaced = split_placed(shown)
    assert len(placed) == len(unplaced) == 0
    assert len(happening_on(empty_frame(), D(1945, 8, 9))) == 0


@pytest.mark.parametrize("day", [D(1945, 8, 8), D(1945, 8, 20), D(1945, 9, 5)])
def test_every_shown_feature_has_a_phase(package, day):
    shown = shown_on(frame_of(package), day)
    assert shown["phase"].notna().all()


# The real data: the 6th Guards Tank Army's axis on given dates (issue 3).
def real_axis_phases(axis: str, day: dt.date) -> dict[str, str]:
    from atlas.paths import DEFAULT_GEODATA_DIR

    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    shown = on_date(atlas.layers["offensive"].frame, day, atlas.axes)
    return dict(zip(shown.loc[shown["axis"] == axis, "id"], shown.loc[shown["axis"] == axis, "phase"], strict=True))


def test_6th_guards_tank_army_is_past_the_khingan_on_12_august():
    phases = real_axis_phases("6gta", D(1945, 8, 12))
    assert phases["wp-6gta-khingan-passes"] == "done"
    assert "wp-6gta-changchun" not in phases


@pytest.mark.parametrize("day", [D(1945, 8, 9), D(1945, 8, 15), D(1945, 8, 19)])
def test_6th_guards_tank_army_is_not_in_changchun_before_19_august(day):
    assert "wp-6gta-changchun" not in real_axis_phases("6gta", day)


def test_6th_guards_tank_army_reaches_changchun_on_20_august():
    assert real_axis_phases("6gta", D(1945, 8, 20))["wp-6gta-changchun"] == "done"


def test_month_steps_cover_the_whole_month():
    from atlas.timeline import month_end, months

    assert month_end(D(1945, 9, 1)) == D(1945, 9, 30)
    assert month_end(D(1956, 12, 1)) == D(1956, 12, 31)
    assert month_end(D(1948, 2, 1)) == D(1948, 2, 29)  # a leap year
    steps = months(D(1945, 8, 1), D(1956, 12, 1))
    assert steps[0] == D(1945, 8, 1) and steps[-1] == D(1956, 12, 1) and len(steps) == 137
    assert all(b > a for a, b in zip(steps, steps[1:], strict=False))


def test_camps_are_shown_while_open_and_faded_after():
    from atlas.timeline import month_end, period_phase

    opened, closed = D(1945, 9, 1), D(1950, 4, 30)  # "1945-09" to "1950-04"
    assert period_phase(opened, closed, month_end(D(1945, 8, 1))) is None
    assert period_phase(opened, closed, month_end(D(1945, 9, 1))) == "active"
    assert period_phase(opened, closed, month_end(D(1950, 4, 1))) == "active"  # open all of April 1950
    assert period_phase(opened, closed, month_end(D(1950, 5, 1))) == "closed"
    # an event on 17 September shows on the September step, not only from October
    from atlas.timeline import dated_phase
    assert dated_phase(D(1945, 9, 17), D(1945, 9, 18), month_end(D(1945, 9, 1))) == "done"
