"""Walking a loaded document (a plan or a progress report) through its typed attributes: every
part reachable through the properties its JSON Schema gives each object type, as the model and
pickle tests need; and what the stubs declare each property returns."""

from __future__ import annotations

import ast
import typing
import json
from pathlib import Path
from typing import Any, Iterator

import welfare_plan as wp
from corpus import REPO, SCHEMA_PATH

STUBS = Path(wp.__file__).parent / "_native.pyi"


class Schema:
    """A document type's JSON Schema: its `$defs`, and the object types among them, each shown
    by the class of its name; the schema's root is shown by `root` (`Plan`)."""

    def __init__(self, path: Path, root: str) -> None:
        self.schema: dict[str, Any] = json.loads(path.read_text("utf-8"))
        self.root = root
        self.defs: dict[str, Any] = self.schema["$defs"]
        self.object_types = {name: d for name, d in self.defs.items() if "properties" in d}

    def properties_of(self, name: str) -> dict[str, Any]:
        """The schema's properties of the class `name`, but `$schema`: it names the document's
        schema for editors, is no part of the plan or report and no attribute (to_dict() and
        dumps() keep it)."""
        props: dict[str, Any] = (
            self.schema["properties"] if name == self.root else self.object_types[name]["properties"]
        )
        return {k: v for k, v in props.items() if k != "$schema"}

    def every_part(self, root: Any) -> Iterator[tuple[str, Any]]:
        """Every part of the document reachable from `root` through schema properties, once
        each, with its class name (the root first). Parts of another document that ids resolve
        to (a report's indicators are the plan's) are not walked into."""
        seen: set[tuple[str, str]] = set()
        stack: list[Any] = [root]
        while stack:
            obj = stack.pop()
            name = type(obj).__name__
            yield name, obj
            for prop in self.properties_of(name):
                # A missing attribute is left to the coverage test to report.
                for part in views_in(getattr(obj, prop, None)):
                    key = (type(part).__name__, part.path)
                    if type(part).__name__ in self.object_types and key not in seen:
                        seen.add(key)
                        stack.append(part)


PLAN_SCHEMA = Schema(SCHEMA_PATH, "Plan")
REPORT_SCHEMA = Schema(REPO / "schemas" / "progress-report.schema.json", "ProgressReport")

# The plan's, kept under the names the plan's tests use.
SCHEMA = PLAN_SCHEMA.schema
DEFS = PLAN_SCHEMA.defs
OBJECT_TYPES = PLAN_SCHEMA.object_types
properties_of = PLAN_SCHEMA.properties_of


def views_in(value: Any) -> Iterator[Any]:
    """The views an attribute's value holds (one, or a list's)."""
    for v in value if isinstance(value, list) else [value]:
        if hasattr(v, "path") and not isinstance(v, (wp.Plan, wp.ProgressReport, wp.Progress)):
            yield v


def every_part(root: Any) -> Iterator[tuple[str, Any]]:
    """Every part of a plan reachable from `root`, once each, with its class name."""
    return PLAN_SCHEMA.every_part(root)


def at_pointer(doc: Any, path: str) -> Any:
    for segment in path.split("/")[1:]:
        doc = doc[int(segment)] if isinstance(doc, list) else doc[segment]
    return doc


def default_of(value: Any) -> bool:
    return value is None or value is False or value == [] or value == {}


def agrees(value: Any, written: Any, where: str) -> bool:
    """Whether an attribute's value shows the document's value `written` at `where`: an owned
    part is the part written there, a referenced part has the id written, a text is its dict."""
    if isinstance(value, list):
        return (
            isinstance(written, list)
            and len(value) == len(written)
            and all(agrees(v, w, f"{where}/{n}") for n, (v, w) in enumerate(zip(value, written)))
        )
    if isinstance(value, wp.Text):
        return bool(value.to_dict() == written)
    if hasattr(value, "path"):
        if isinstance(written, str):
            return bool(value.id == written)
        return bool(value.path == where and value.to_dict() == written)
    return bool(type(value) is type(written) and value == written)


# --- the stubs declare what the runtime returns ------------------------------------------------


def stub_properties() -> dict[str, dict[str, str]]:
    """Each class's properties and their annotations, as `_native.pyi` writes them."""
    tree = ast.parse(STUBS.read_text("utf-8"))
    classes: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            classes[node.name] = {
                f.name: ast.unparse(f.returns)
                for f in node.body
                if isinstance(f, ast.FunctionDef)
                and f.returns is not None
                and any(isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list)
            }
    return classes


STUB_PROPERTIES = stub_properties()
STUB_ALIASES = {"_Value": "int | float | str", "_Number": "int | float"}


def conforms(value: Any, annotation: str) -> bool:
    """Whether `value` has the type `annotation` names, in the stubs' own spelling."""
    annotation = STUB_ALIASES.get(annotation, annotation)
    if " | " in annotation:
        return any(conforms(value, a) for a in annotation.split(" | "))
    if annotation.startswith("list[") and annotation.endswith("]"):
        return isinstance(value, list) and all(conforms(v, annotation[5:-1]) for v in value)
    if annotation == "dict[str, str]":
        return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    if annotation.startswith("dict["):
        return isinstance(value, dict)
    if annotation == "None":
        return value is None
    if annotation == "float":
        return type(value) is float
    if annotation == "int":
        return type(value) is int
    alias = getattr(wp.types, annotation, None)
    if typing.get_origin(alias) is typing.Literal:
        # A code list: the value is one of its codes.
        return value in typing.get_args(alias)
    cls = {"str": str, "bool": bool}.get(annotation) or getattr(wp, annotation)
    return isinstance(value, cls)


def assert_stub_types(name: str, obj: Any) -> None:
    """Every property the stubs list for the class `name` returns the type they declare."""
    for prop, annotation in STUB_PROPERTIES[name].items():
        value = getattr(obj, prop)
        assert conforms(value, annotation), f"{name}.{prop} is {value!r}, declared {annotation}"
