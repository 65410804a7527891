"""The ``sources`` micro-format of a feature: ``key: locator; key2: locator2``."""

from __future__ import annotations


def parse_citations(value: str) -> list[tuple[str, str]]:
    """'key: locator; key2: locator2' -> [(key, locator), ...] (empty keys dropped)."""
    pairs = []
    for part in value.split(";"):
        key, _, locator = part.partition(":")
        if key.strip():
            pairs.append((key.strip(), locator.strip()))
    return pairs


def cited_keys(value: object) -> list[str]:
    """The source keys cited by a ``sources`` value; [] if it is not a string."""
    return [key for key, _ in parse_citations(value)] if isinstance(value, str) else []
