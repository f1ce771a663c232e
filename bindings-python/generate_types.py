"""Writes python/welfare_plan/types.py: a ``TypedDict`` for every object of the plan and progress
report formats and a ``Literal`` alias for every code list, from the generated JSON Schemas
(schemas/plan.schema.json, schemas/progress-report.schema.json) and the core's own lists of
issue codes, severities and help sectors (``welfare_plan._native._code_lists()``).

    python generate_types.py          # rewrite the file (needs the built package installed)
    python generate_types.py --check  # fail if the file differs from what would be written

bindings-python/tests/test_types.py runs the check, so the file cannot drift from the format.
"""

from __future__ import annotations

import json
import keyword
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE.parent / "schemas"
TARGET = HERE / "python" / "welfare_plan" / "types.py"

# `$defs` that are plain values, not objects: the Python type each is.
SCALARS = {
    "Id": "str",
    "YearMonth": "str",
    "MunicipalityCode": "str",
    "FiscalYear": "int",
    "Quantity": "Union[int, float, str]",
    "Extensions": "dict[str, Any]",
}
# Where the format holds a help sector's code: a built-in sector, or a custom model's own code.
SECTOR_FIELDS = {"sector"}


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return loaded


def enum_values(s: dict[str, Any]) -> list[Any] | None:
    """The values of a code list: an `enum`, or a `oneOf` of `const`s (each with its own
    description)."""
    if "enum" in s:
        values: list[Any] = s["enum"]
        return values
    options = s.get("oneOf")
    if options and all("const" in o for o in options):
        return [o["const"] for o in options]
    return None


def literal(values: list[Any]) -> str:
    items = [json.dumps(v, ensure_ascii=False) for v in values]
    one = f"Literal[{', '.join(items)}]"
    if len(one) <= 80:
        return one
    return "Literal[\n" + "".join(f"    {i},\n" for i in items) + "]"


def python_type(s: dict[str, Any], defs: dict[str, Any], field: str = "") -> str:
    if "$ref" in s:
        name = s["$ref"].rsplit("/", 1)[-1]
        if field in SECTOR_FIELDS and name == "Id":
            return "Union[Sector, CustomSector]"
        if name in SCALARS:
            return SCALARS[name]
        if enum_values(defs[name]) is not None:
            return name
        return name + "Data"
    if "anyOf" in s:
        options = [o for o in s["anyOf"] if o != {"type": "null"}]
        inner = [python_type(o, defs, field) for o in options]
        one = inner[0] if len(inner) == 1 else f"Union[{', '.join(inner)}]"
        return f"Optional[{one}]" if len(options) < len(s["anyOf"]) else one
    values = enum_values(s)
    if values is not None:
        return f"Literal[{', '.join(json.dumps(v, ensure_ascii=False) for v in values)}]"
    kinds = s.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    nullable = "null" in kinds
    kinds = [k for k in kinds if k != "null"]
    names = []
    for k in kinds:
        if k == "array":
            names.append(f"list[{python_type(s.get('items', {}), defs, field)}]")
        elif k == "object":
            extra = s.get("additionalProperties")
            value = python_type(extra, defs) if isinstance(extra, dict) else "Any"
            names.append(f"dict[str, {value}]")
        else:
            names.append({"string": "str", "integer": "int", "number": "float", "boolean": "bool"}[k])
    if not names:
        return "Any"
    one = names[0] if len(names) == 1 else f"Union[{', '.join(names)}]"
    return f"Optional[{one}]" if nullable else one


def doc(text: str, indent: str) -> list[str]:
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    return [f'{indent}"""{text}"""']


def typed_dict(name: str, s: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    props: dict[str, Any] = s.get("properties", {})
    required = [k for k in props if k in s.get("required", [])]
    optional = [k for k in props if k not in required]
    out: list[str] = []
    bases = []
    for group, total, base in [(required, True, f"_{name}Required"), (optional, False, f"_{name}Optional")]:
        if not group:
            continue
        bases.append(base)
        fields = {k: python_type(props[k], defs, k) for k in group}
        # A key that is no Python name (`class`, `$schema`) needs TypedDict's functional form.
        if any(keyword.iskeyword(k) or not k.isidentifier() for k in group):
            items = ", ".join(f'"{k}": "{t}"' for k, t in fields.items())
            out.append(f'{base} = TypedDict("{base}", {{{items}}}{"" if total else ", total=False"})')
        else:
            out.append(f"class {base}(TypedDict{'' if total else ', total=False'}):")
            for k, t in fields.items():
                out.append(f"    {k}: {t}")
        out.append("")
        out.append("")
    out.append(f"class {name}Data({', '.join(bases) or 'TypedDict'}):")
    out.extend(doc(s.get("description", name), "    "))
    out.append("")
    out.append("")
    return out


def render() -> str:
    from welfare_plan import _native

    plan, report = schema("plan.schema.json"), schema("progress-report.schema.json")
    defs = {**plan["$defs"], **report["$defs"]}
    lists: dict[str, list[str]] = _native._code_lists()
    out = [
        '"""Typed plain data of the plan and progress report formats: a ``TypedDict`` for every object',
        "(``NodeData`` for a node, ``PlanData`` for a whole plan …) and a ``Literal`` for every code list.",
        "",
        "GENERATED by bindings-python/generate_types.py from schemas/plan.schema.json,",
        "schemas/progress-report.schema.json and the core's code lists; do not edit by hand.",
        "",
        "Build parts with keyword arguments and let mypy check every key and code::",
        "",
        "    from welfare_plan.types import NodeData, TextData",
        '    node = NodeData(id="g1", title=TextData(ja="ひとづくり"))',
        "",
        "A help sector is one of the built-in models' codes (``Sector``); a custom help model's own",
        'code is written ``CustomSector("own_code")``.',
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any, Literal, NewType, Optional, TypedDict, Union",
        "",
        'CustomSector = NewType("CustomSector", str)',
        '"""A help sector code that a custom help model defines (not one of ``Sector``)."""',
        "",
    ]
    for name, values in lists.items():
        out.append(f"{name} = {literal(values)}")
    for name in sorted(defs):
        values = enum_values(defs[name])
        if values is not None:
            out.append(f"{name} = {literal(values)}")
    out += ["", ""]
    for name in sorted(defs):
        d = defs[name]
        if d.get("type") == "object" and "properties" in d:
            out.extend(typed_dict(name, d, defs))
    out.extend(typed_dict("Plan", plan, defs))
    out.extend(typed_dict("ProgressReport", report, defs))
    out.append("class PlanChanges(TypedDict, total=False):")
    out.extend(doc("Fields of a plan to replace (``Plan.replace``): any of ``PlanData``'s.", "    "))
    out.append("")
    # Keyword arguments: a key that is no Python name (`$schema`) cannot be one.
    for k, v in plan["properties"].items():
        if k.isidentifier():
            out.append(f"    {k}: {python_type(v, defs, k)}")
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> None:
    text = render()
    if "--check" in sys.argv[1:]:
        if TARGET.read_text(encoding="utf-8") != text:
            sys.exit(f"{TARGET} is out of date: run python {Path(__file__).name}")
        return
    TARGET.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
