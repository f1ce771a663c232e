"""The peer of ``Plan.to_records()``: the same rows, one dict per initiative with the same columns
and values, built from the pydantic models (models.py) as a careful Python developer would:
lookups of actor names and challenge titles made once, the walk down the tree carrying the
parents' ids, labels and titles as tuples that the initiatives under a node share (the rows'
list columns are tuples, as welfare_plan's are), each node's label in its numbering computed once."""
from __future__ import annotations

from typing import Any, Optional

from models import Level, Node, Plan

ROMAN = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "Ⅺ", "Ⅻ"]
ASCII_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
               (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    if 1 <= n <= 12:
        return ROMAN[n - 1]
    out = ""
    for value, letters in ASCII_ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out or "0"


def circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return f"({n})"


def label(level: Level, node: Node, numbers: list[Optional[int]]) -> str:
    """The node's Japanese label; `numbers` are the numbers from the top down to the node."""
    n = node.number
    if n is None:
        return ""
    style = level.numbering
    if style == "roman":
        return level.name.ja + roman(n)
    if style == "arabic":
        return f"{level.name.ja}{n}"
    if style == "parenthesized":
        return f"({n})"
    if style == "circled":
        return circled(n)
    if style == "compound":
        return "-".join(str(k) for k in numbers if k is not None)
    return ""


def initiative_records(plan: Plan) -> list[dict[str, Any]]:
    actor_names = {a.id: a.name.ja for a in plan.actors}
    challenge_titles = {c.id: c.title.ja for c in plan.challenges}
    for district in plan.districts:
        challenge_titles.update((c.id, c.title.ja) for c in district.challenges)
    order = [s.sector for s in plan.help_model.sectors] if plan.help_model else []
    ids = [level.id for level in plan.levels]
    depth = ids.index(plan.initiative_level) if plan.initiative_level in ids else len(ids) - 1
    level_id = plan.levels[depth].id if plan.levels else ""
    rows: list[dict[str, Any]] = []

    def walk(nodes: list[Node], at: int, p_ids: tuple[str, ...], p_labels: tuple[str, ...],
             p_titles: tuple[str, ...], numbers: list[Optional[int]]) -> None:
        level = plan.levels[at]
        for node in nodes:
            here = numbers + [node.number]
            if at == depth:
                used = {p.sector for p in node.participants}
                rows.append({
                    "parent_ids": p_ids,
                    "parent_labels": p_labels,
                    "parent_titles_ja": p_titles,
                    "level": level_id,
                    "id": node.id,
                    "number": node.number,
                    "label": label(level, node, here),
                    "title_ja": node.title.ja,
                    "title_en": node.title.en,
                    "priority": node.priority,
                    # List comprehensions: faster than generator expressions in CPython 3.11.
                    "sectors": tuple([s for s in order if s in used]),
                    "actor_ids": tuple([p.actor for p in node.participants]),
                    "actor_names": tuple([actor_names.get(p.actor, p.actor) for p in node.participants]),
                    "challenge_ids": tuple(node.challenges),
                    "challenge_titles": tuple([challenge_titles.get(c, c) for c in node.challenges]),
                })
            elif node.children:
                walk(node.children, at + 1, p_ids + (node.id,), p_labels + (label(level, node, here),),
                     p_titles + (node.title.ja,), here)

    walk(plan.nodes, 0, (), (), (), [])
    return rows
