"""Walking a loaded plan through its typed attributes: every part reachable through the
properties the JSON Schema gives each object type, as the model and pickle tests need."""

from __future__ import annotations

import json
from typing import Any, Iterator

import welfare_plan as wp
from corpus import SCHEMA_PATH

SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
DEFS: dict[str, Any] = SCHEMA["$defs"]
# The `$defs` that are object types, each shown by the class of its name.
OBJECT_TYPES = {name: d for name, d in DEFS.items() if "properties" in d}


def properties_of(name: str) -> dict[str, Any]:
    """The schema's properties of the class `name` (`Plan` is the schema's root)."""
    props: dict[str, Any] = SCHEMA["properties"] if name == "Plan" else OBJECT_TYPES[name]["properties"]
    return props


def views_in(value: Any) -> Iterator[Any]:
    """The views an attribute's value holds (one, or a list's)."""
    for v in value if isinstance(value, list) else [value]:
        if hasattr(v, "path") and not isinstance(v, wp.Plan):
            yield v


def every_part(root: Any) -> Iterator[tuple[str, Any]]:
    """Every part reachable from `root` through schema properties, once each, with its class
    name (the root first)."""
    seen: set[tuple[str, str]] = set()
    stack: list[Any] = [root]
    while stack:
        obj = stack.pop()
        name = type(obj).__name__
        yield name, obj
        for prop in properties_of(name):
            # A missing attribute is left to the coverage test to report.
            for part in views_in(getattr(obj, prop, None)):
                key = (type(part).__name__, part.path)
                if key not in seen:
                    seen.add(key)
                    stack.append(part)
