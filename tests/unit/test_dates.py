import datetime as dt

import pytest

from atlas.dates import DateFormatError, parse_partial, span_of

D = dt.date


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("1945", "year", D(1945, 1, 1), D(1945, 12, 31)),
        ("1945-08", "month", D(1945, 8, 1), D(1945, 8, 31)),
        ("1945-02", "month", D(1945, 2, 1), D(1945, 2, 28)),
        ("1944-02", "month", D(1944, 2, 1), D(1944, 2, 29)),
        ("1945-08-09", "day", D(1945, 8, 9), D(1945, 8, 9)),
    ],
)
def test_truncated_dates_cover_their_interval(text, precision, earliest, latest):
    parsed = parse_partial(text)
    assert (parsed.precision, parsed.earliest, parsed.latest) == (precision, earliest, latest)


@pytest.mark.parametrize("text", ["1945-13", "1945-02-30", "45-08-09", "1945/08/09", "9 Aug 1945", "", "1945-8-9"])
def test_bad_dates_are_refused(text):
    with pytest.raises(DateFormatError):
        parse_partial(text)


def test_non_string_is_refused():
    with pytest.raises(DateFormatError):
        parse_partial(None)  # type: ignore[arg-type]


def test_span_defaults_to_start_interval_and_refuses_end_before_start():
    assert span_of("1945-08", None).latest == D(1945, 8, 31)
    assert span_of("1945-08-19", "1945-08-20").latest == D(1945, 8, 20)
    with pytest.raises(DateFormatError):
        span_of("1945-08-20", "1945-08-19")

