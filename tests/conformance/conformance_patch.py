"""Applies the conformance corpus's JSON Patches (RFC 6902: `add`, `remove` and `replace`).

`generate.py` checks every patch it writes with this function, and the Python suite applies the
patches with it; the Rust and JavaScript suites have their own, in their languages.
"""

from __future__ import annotations

import copy
from typing import Any


def apply_patch(doc: Any, patch: list[dict[str, Any]]) -> Any:
    """A JSON Patch (RFC 6902) of `add`, `remove` and `replace` operations, applied to a copy."""
    doc = copy.deepcopy(doc)
    for op in patch:
        keys = [k.replace("~1", "/").replace("~0", "~") for k in op["path"].split("/")[1:]]
        if not keys:
            doc = copy.deepcopy(op["value"])
            continue
        parent = doc
        for k in keys[:-1]:
            parent = parent[int(k)] if isinstance(parent, list) else parent[k]
        last: Any = int(keys[-1]) if isinstance(parent, list) else keys[-1]
        if op["op"] == "remove":
            del parent[last]
        elif op["op"] in ("add", "replace"):
            if op["op"] == "add" and isinstance(parent, list):
                parent.insert(last, copy.deepcopy(op["value"]))
            else:
                parent[last] = copy.deepcopy(op["value"])
        else:
            raise ValueError(f"unsupported patch operation {op['op']!r}")
    return doc
