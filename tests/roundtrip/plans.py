"""Hypothesis strategies for valid plan documents in the exchange format
(schemas/plan.schema.json), covering every part of the format: optional fields absent, null or
present, indicators, projects, districts, bases, sub-plans, voices, sources, both help models,
and `extensions` holding any JSON.

Validity is by construction, as in core/tests/properties.rs: ids are unique and every reference
names a part of the right kind, numbers run 1, 2, 3 …, years lie in the plan period, and the
sectors used belong to the help model. No rule is checked here; the core judges every document
and a generated document it refuses fails the test."""

from __future__ import annotations

from typing import Any, Callable

from hypothesis import strategies as st

Draw = Callable[[st.SearchStrategy[Any]], Any]

# Real municipality codes (check digit included) with their prefectures.
MUNICIPALITIES = [
    ("011002", "北海道", "札幌市"),
    ("012025", "北海道", "函館市"),
    ("131016", "東京都", "千代田区"),
    ("141003", "神奈川県", "横浜市"),
    ("231002", "愛知県", "名古屋市"),
    ("262013", "京都府", "京都市"),
    ("271004", "大阪府", "大阪市"),
    ("402052", "福岡県", "飯塚市"),
    ("472018", "沖縄県", "那覇市"),
]
HELP_MODELS = {
    "three_help": ["self_help", "mutual_help", "public_help"],
    "four_help": ["self_help", "reciprocal_help", "mutual_help", "public_help"],
}
ACTOR_KINDS = [
    "resident",
    "neighborhood_association",
    "community_council",
    "social_welfare_council",
    "welfare_commissioner",
    "volunteer_npo",
    "welfare_provider",
    "business",
    "civic_group",
    "related_organization",
    "municipality",
    "other",
]
PUBLISHER_KINDS = ["municipality", "social_welfare_council"]

# Any character JSON can carry in a UTF-8 document (no lone surrogates), control characters,
# BOMs, combining marks and characters outside the BMP included.
ANY_CHAR = st.characters(exclude_categories=["Cs"])
# Characters that are never white space, so that a text holding one is never blank.
VISIBLE_CHAR = st.characters(categories=["L", "N", "P", "S"])
# Japanese the plans are written in, weighted so that examples look like plans.
JAPANESE = st.text(st.sampled_from("地域福祉計画支えあう自助共助公助互助まちづくりの見守りひと"), max_size=12)


@st.composite
def wording(draw: Draw) -> str:
    """A non-blank text: some characters, at least one of them visible."""
    head = draw(st.one_of(JAPANESE, st.text(ANY_CHAR, max_size=8)))
    tail = draw(st.one_of(JAPANESE, st.text(ANY_CHAR, max_size=8)))
    return str(head + draw(VISIBLE_CHAR) + tail)


@st.composite
def text(draw: Draw) -> dict[str, Any]:
    """A `Text`: Japanese, and maybe an English translation (absent or null when none)."""
    value: dict[str, Any] = {"ja": draw(wording())}
    en = draw(st.sampled_from(["absent", "null", "text"]))
    if en == "null":
        value["en"] = None
    elif en == "text":
        value["en"] = draw(wording())
    return value


def put_optional(draw: Draw, obj: dict[str, Any], key: str, value: st.SearchStrategy[Any]) -> None:
    """Leaves `key` out, sets it to null, or sets it to a drawn value."""
    choice = draw(st.sampled_from(["absent", "null", "value"]))
    if choice == "null":
        obj[key] = None
    elif choice == "value":
        obj[key] = draw(value)


def put_list(draw: Draw, obj: dict[str, Any], key: str, items: list[Any]) -> None:
    """Sets `key` to the list, or leaves an empty list out (its default)."""
    if items or draw(st.booleans()):
        obj[key] = items


def json_numbers(js_exact: bool) -> st.SearchStrategy[Any]:
    """Numbers as JSON documents hold them: integers of any size, and any finite float.

    With `js_exact`, only numbers that keep their JSON form through a JavaScript number:
    integers JavaScript holds exactly (below 2**53), and floats that JavaScript does not write
    as an integer. It writes a whole float below 1e21 without a fraction (2.0 as `2`, -0.0 as
    `0`), which then reads back as an integer; whole floats are made fractional here."""
    if js_exact:
        return st.one_of(
            st.integers(-(2**53) + 1, 2**53 - 1),
            st.floats(-1e15, 1e15).map(lambda f: f + 0.5 if f.is_integer() else f),
            st.floats(min_value=1e21, allow_infinity=False),
            st.floats(max_value=-1e21, allow_infinity=False),
        )
    return st.one_of(
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False, allow_infinity=False),
    )


def any_json(js_exact: bool) -> st.SearchStrategy[Any]:
    """Any JSON value, a few levels deep."""
    leaves = st.one_of(st.none(), st.booleans(), json_numbers(js_exact), st.text(ANY_CHAR, max_size=10))
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.text(ANY_CHAR, max_size=6), inner, max_size=4),
        ),
        max_leaves=12,
    )


def put_extensions(draw: Draw, obj: dict[str, Any], js_exact: bool) -> None:
    if draw(st.booleans()):
        obj["extensions"] = draw(st.dictionaries(st.text(ANY_CHAR, max_size=6), any_json(js_exact), max_size=3))


@st.composite
def plans(draw: Draw, js_exact: bool = False) -> dict[str, Any]:
    """A valid plan document (as plain data)."""
    ns = draw(st.from_regex(r"[a-z0-9]{1,6}([-_.][a-z0-9]{1,3})?", fullmatch=True))

    def ident(kind: str, *numbers: int) -> str:
        return "-".join([ns, kind, *map(str, numbers)])

    start = draw(st.integers(1868, 2190))
    end = start + draw(st.integers(0, min(19, 2200 - start)))
    year_in_period = st.integers(start, end)

    period: dict[str, Any] = {"start_fiscal_year": start, "end_fiscal_year": end}
    put_optional(draw, period, "mid_term_review_fiscal_year", year_in_period)
    cuts = sorted(draw(st.sets(st.integers(start + 1, end), max_size=2))) if end > start else []
    if cuts or draw(st.booleans()):
        bounds = [start, *cuts, end + 1]
        period["phases"] = [
            {
                "id": ident("phase", n),
                "name": draw(text()),
                "start_fiscal_year": first,
                "end_fiscal_year": nxt - 1,
            }
            for n, (first, nxt) in enumerate(zip(bounds, bounds[1:]), 1)
        ]

    kind = draw(st.sampled_from(sorted(HELP_MODELS)))
    sectors = HELP_MODELS[kind]
    code, prefecture, city = draw(st.sampled_from(MUNICIPALITIES))

    publishers = [
        {"id": ident("publisher", n), "kind": draw(st.sampled_from(PUBLISHER_KINDS)), "name": draw(text())}
        for n in range(1, draw(st.integers(1, 2)) + 1)
    ]
    for p in publishers:
        if draw(st.booleans()):
            office: dict[str, Any] = {}
            for key in ("organization", "department", "division", "section"):
                put_optional(draw, office, key, text())
            p["office"] = office

    n_challenges = draw(st.integers(0, 4))
    challenges = []
    for n in range(1, n_challenges + 1):
        c: dict[str, Any] = {"id": ident("c", n), "number": n, "title": draw(text())}
        put_optional(draw, c, "description", text())
        put_extensions(draw, c, js_exact)
        challenges.append(c)
    challenge_ids = [c["id"] for c in challenges]

    actors = []
    for n in range(1, draw(st.integers(0, 4)) + 1):
        a: dict[str, Any] = {
            "id": ident("a", n),
            "kind": draw(st.sampled_from(ACTOR_KINDS)),
            "name": draw(text()),
            "sector": draw(st.sampled_from(sectors)),
        }
        put_optional(draw, a, "description", text())
        put_extensions(draw, a, js_exact)
        actors.append(a)
    actor_ids = [a["id"] for a in actors]

    districts = [{"id": ident("d", n), "name": draw(text())} for n in range(1, draw(st.integers(0, 2)) + 1)]
    district_ids = [d["id"] for d in districts]
    sub_plans = []
    for n in range(1, draw(st.integers(0, 2)) + 1):
        sp: dict[str, Any] = {"id": ident("sp", n), "title": draw(text())}
        put_optional(draw, sp, "legal_basis", text())
        sub_plans.append(sp)
    sub_plan_ids = [s["id"] for s in sub_plans]

    def some(ids: list[str]) -> list[str]:
        return draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if ids else []

    indicator_count = [0]

    def indicators() -> list[dict[str, Any]]:
        out = []
        for _ in range(draw(st.integers(0, 1))):
            indicator_count[0] += 1
            ind: dict[str, Any] = {"id": ident("ind", indicator_count[0]), "name": draw(text())}
            put_optional(draw, ind, "unit", text())
            observation = st.fixed_dictionaries(
                {"fiscal_year": year_in_period, "value": json_numbers(js_exact)}
            )
            baseline = st.fixed_dictionaries(
                {"fiscal_year": st.integers(1868, end), "value": json_numbers(js_exact)}
            )
            put_optional(draw, ind, "baseline", baseline)
            put_list(draw, ind, "targets", draw(st.lists(observation, max_size=2)))
            out.append(ind)
        return out

    goals = []
    for g in range(1, draw(st.integers(1, 3)) + 1):
        targets = []
        for t in range(1, draw(st.integers(1, 2)) + 1):
            initiatives = []
            for i in range(1, draw(st.integers(1, 3)) + 1):
                ini: dict[str, Any] = {"id": ident("i", g, t, i), "number": i, "title": draw(text())}
                put_optional(draw, ini, "description", text())
                if draw(st.booleans()):
                    ini["priority"] = draw(st.booleans())
                put_list(draw, ini, "challenges", some(challenge_ids))
                participants = []
                for actor in some(actor_ids):
                    part: dict[str, Any] = {"actor": actor, "sector": draw(st.sampled_from(sectors))}
                    put_optional(draw, part, "role", text())
                    participants.append(part)
                put_list(draw, ini, "participants", participants)
                put_list(draw, ini, "indicators", indicators())
                projects = []
                for n in range(1, draw(st.integers(0, 2)) + 1):
                    pr: dict[str, Any] = {"id": ident("pr", g, t, i, n), "number": n, "title": draw(text())}
                    put_optional(draw, pr, "description", text())
                    put_optional(draw, pr, "responsible", text())
                    projects.append(pr)
                put_list(draw, ini, "projects", projects)
                put_list(draw, ini, "districts", some(district_ids))
                put_list(draw, ini, "sub_plans", some(sub_plan_ids))
                put_list(draw, ini, "attributed_to", some([p["id"] for p in publishers]))
                put_extensions(draw, ini, js_exact)
                initiatives.append(ini)
            tg: dict[str, Any] = {"id": ident("t", g, t), "number": t, "title": draw(text())}
            put_optional(draw, tg, "description", text())
            put_list(draw, tg, "indicators", indicators())
            put_extensions(draw, tg, js_exact)
            tg["initiatives"] = initiatives
            targets.append(tg)
        goal: dict[str, Any] = {"id": ident("g", g), "number": g, "title": draw(text())}
        put_optional(draw, goal, "description", text())
        put_list(draw, goal, "indicators", indicators())
        put_extensions(draw, goal, js_exact)
        goal["targets"] = targets
        goals.append(goal)
    goal_ids = [g["id"] for g in goals]

    plan: dict[str, Any] = {
        "schema_version": "1.0",
        # Every other id ends in a number, so this one is unique.
        "id": draw(st.from_regex(r"[a-z0-9]{1,10}([-_.][a-z0-9]{1,5}){0,2}", fullmatch=True)) + ".plan",
        "title": draw(text()),
    }
    put_optional(draw, plan, "edition", st.integers(1, 2**32 - 1))
    plan["municipality"] = {
        "code": code,
        "name": {"ja": city},
        "prefecture": {"ja": prefecture},
    }
    plan["period"] = period
    put_optional(draw, plan, "published", st.from_regex(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])", fullmatch=True))
    plan["publishers"] = publishers
    philosophy: dict[str, Any] = {"statement": draw(text())}
    put_optional(draw, philosophy, "subtitle", text())
    put_optional(draw, philosophy, "explanation", text())
    plan["philosophy"] = philosophy
    plan["help_model"] = {
        "kind": kind,
        "sectors": [{"sector": s, "definition": draw(text())} for s in sectors],
    }
    put_list(
        draw,
        plan,
        "overview",
        [
            {"id": ident("section", n), "heading": draw(text()), "body": draw(text())}
            for n in range(1, draw(st.integers(0, 2)) + 1)
        ],
    )
    plan["challenges"] = challenges
    voices = [
        {"id": ident("voice", n), "text": draw(text()), "challenges": some(challenge_ids), "goals": some(goal_ids)}
        for n in range(1, draw(st.integers(0, 2)) + 1)
    ]
    put_list(draw, plan, "voices", voices)
    plan["goals"] = goals
    plan["actors"] = actors
    put_list(draw, plan, "sub_plans", sub_plans)
    put_list(draw, plan, "districts", districts)
    bases = []
    for n in range(1, draw(st.integers(0, 2)) + 1):
        b: dict[str, Any] = {"id": ident("base", n), "name": draw(text())}
        put_optional(draw, b, "district", st.sampled_from(district_ids) if district_ids else st.none())
        put_optional(draw, b, "description", text())
        bases.append(b)
    put_list(draw, plan, "bases", bases)
    sources = []
    for _ in range(draw(st.integers(0, 2))):
        src: dict[str, Any] = {"title": draw(text())}
        put_optional(draw, src, "url", st.text(ANY_CHAR, max_size=20))
        put_optional(draw, src, "note", text())
        sources.append(src)
    put_list(draw, plan, "sources", sources)
    put_extensions(draw, plan, js_exact)
    return plan
