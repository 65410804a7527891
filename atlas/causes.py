"""Root causes first: a feature file that cannot be read explains problems in other files (an axis
without its start area, a story step or a claim pointing at a feature that is not there, a source
no longer cited). Those follow-on problems are one line under their cause, not dozens before it."""

from __future__ import annotations

from collections.abc import Iterable

from atlas.model import Problem

# What a missing feature causes elsewhere: (file, a fragment of the message).
_FOLLOW_ON_ANY = (("axes.csv", "is not a start_area feature"), ("axes.csv", "has no waypoints"),
                  ("axes.csv", "waypoint seq must run"), ("sources.csv", "is not cited by any feature"))


def is_follow_on(problem: Problem, unreadable: Iterable[str]) -> bool:
    """Whether ``problem`` may be no more than a consequence of the ``unreadable`` feature files."""
    files = list(unreadable)
    if not files:
        return False
    if any(f" is not in {file}" in problem.message for file in files):  # claims map_feature
        return True
    if problem.file == "story.csv" and any(f"{file}" in problem.message for file in files) \
            and " is not on the " in problem.message:  # a story focus (the page's layers are named)
        return True
    return any(problem.file == file and fragment in problem.message for file, fragment in _FOLLOW_ON_ANY)


def root_causes_first(causes: list[Problem], problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(the causes plus one line summing up their follow-on problems, the other problems)."""
    unreadable = [c.file for c in causes]
    follow_ons = [p for p in problems if is_follow_on(p, unreadable)]
    rest = [p for p in problems if not is_follow_on(p, unreadable)]
    if not follow_ons:
        return list(causes), rest
    files = ", ".join(sorted({p.file for p in follow_ons}))
    n = len(follow_ons)
    summary = Problem(unreadable[0], "-", f"{n} follow-on problem{'s' if n != 1 else ''} in {files} because "
                                           f"{', '.join(unreadable)} could not be read: fix "
                                           f"{'it' if len(unreadable) == 1 else 'them'} first")
    return [*causes, summary], rest
