"""Hypothesis strategies for valid plan documents in the exchange format, format 2.0
(schemas/plan.schema.json), covering every part of the format: one to five levels numbered in
every style (restarting or running through the tree), optional fields absent, null or present,
indicators with numeric and qualitative values, projects, districts as a hierarchy with figures
and district plans, bases, phases, revisions, priority projects, sub-plans with their own period,
voices, sources, the three- and four-help models, a custom model and none, and `extensions`
holding any JSON.

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
    ("261009", "京都府", "京都市"),
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
PUBLISHER_KINDS = ["municipality", "ward", "social_welfare_council", "other"]
NUMBER_STYLES = ["roman", "arabic", "parenthesized", "circled", "compound", "none"]

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

    def ext(obj: dict[str, Any]) -> dict[str, Any]:
        put_extensions(draw, obj, js_exact)
        return obj

    start = draw(st.integers(1868, 2190))
    end = start + draw(st.integers(0, min(19, 2200 - start)))
    year_in_period = st.integers(start, end)

    def period_of(first: int, last: int, phase_kind: str) -> dict[str, Any]:
        period: dict[str, Any] = {"start_fiscal_year": first, "end_fiscal_year": last}
        put_optional(draw, period, "mid_term_review_fiscal_year", st.integers(first, last))
        cuts = sorted(draw(st.sets(st.integers(first + 1, last), max_size=2))) if last > first else []
        if cuts or draw(st.booleans()):
            bounds = [first, *cuts, last + 1]
            period["phases"] = [
                ext({"id": ident(phase_kind, n), "name": draw(text()), "start_fiscal_year": a, "end_fiscal_year": b - 1})
                for n, (a, b) in enumerate(zip(bounds, bounds[1:]), 1)
            ]
        return ext(period)

    period = period_of(start, end, "phase")
    phase_ids = [ph["id"] for ph in period.get("phases", [])]

    model = draw(st.sampled_from(["three_help", "four_help", "custom", "none"]))
    if model == "custom":
        sectors = [ident("sector", n) for n in range(1, draw(st.integers(1, 4)) + 1)]
    elif model == "none":
        sectors = []
    else:
        sectors = HELP_MODELS[model]
    code, prefecture, city = draw(st.sampled_from(MUNICIPALITIES))

    publishers = []
    for n in range(1, draw(st.integers(1, 2)) + 1):
        p: dict[str, Any] = {"id": ident("publisher", n), "kind": draw(st.sampled_from(PUBLISHER_KINDS)), "name": draw(text())}
        if draw(st.booleans()):
            office: dict[str, Any] = {}
            for key in ("organization", "department", "division", "section"):
                put_optional(draw, office, key, text())
            p["office"] = ext(office)
        publishers.append(ext(p))
    publisher_ids = [p["id"] for p in publishers]

    def challenge_list(kind: str) -> list[dict[str, Any]]:
        out = []
        for n in range(1, draw(st.integers(0, 3)) + 1):
            c: dict[str, Any] = {"id": ident(kind, n), "number": n, "title": draw(text())}
            put_optional(draw, c, "description", text())
            out.append(ext(c))
        return out

    challenges = challenge_list("c")
    challenge_ids = [c["id"] for c in challenges]

    def some(ids: list[str]) -> list[str]:
        return draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if ids else []

    def sector() -> st.SearchStrategy[Any]:
        return st.sampled_from(sectors) if sectors else st.none()

    actors = []
    for n in range(1, draw(st.integers(0, 4)) + 1):
        a: dict[str, Any] = {"id": ident("a", n), "kind": draw(st.sampled_from(ACTOR_KINDS)), "name": draw(text())}
        if sectors:
            put_optional(draw, a, "sector", sector())
        if draw(st.booleans()):
            a["publisher"] = draw(st.sampled_from(publisher_ids))
        put_optional(draw, a, "description", text())
        actors.append(ext(a))
    actor_ids = [a["id"] for a in actors]

    # Districts refer only to districts before them, so the hierarchy has no cycle.
    district_count = draw(st.integers(0, 3))
    district_ids = [ident("d", n) for n in range(1, district_count + 1)]
    sub_plans = []
    for n in range(1, draw(st.integers(0, 2)) + 1):
        sp: dict[str, Any] = {"id": ident("sp", n), "title": draw(text())}
        put_optional(draw, sp, "legal_basis", text())
        put_optional(draw, sp, "description", text())
        if draw(st.booleans()):
            sp["period"] = period_of(start, end, f"sp{n}-phase")
        sub_plans.append(sp)
    sub_plan_ids = [s["id"] for s in sub_plans]
    bases = []
    for n in range(1, draw(st.integers(0, 2)) + 1):
        b: dict[str, Any] = {"id": ident("base", n), "name": draw(text())}
        put_optional(draw, b, "district", st.sampled_from(district_ids) if district_ids else st.none())
        put_optional(draw, b, "description", text())
        bases.append(ext(b))
    base_ids = [b["id"] for b in bases]

    indicator_count = [0]

    def indicators() -> list[dict[str, Any]]:
        out = []
        for _ in range(draw(st.integers(0, 1))):
            indicator_count[0] += 1
            ind: dict[str, Any] = {"id": ident("ind", indicator_count[0]), "name": draw(text())}
            put_optional(draw, ind, "unit", text())
            put_optional(draw, ind, "kind", st.sampled_from(["outcome", "output"]))
            qualitative = draw(st.booleans())
            if qualitative:
                put_optional(draw, ind, "value_type", st.just("text"))
                value: st.SearchStrategy[Any] = st.text(ANY_CHAR, max_size=6)
            else:
                put_optional(draw, ind, "value_type", st.just("number"))
                value = json_numbers(js_exact)
            put_optional(draw, ind, "direction", st.sampled_from(["increase", "decrease", "maintain"]))
            put_optional(draw, ind, "comparator", st.sampled_from(["at_least", "at_most", "exactly"]))

            @st.composite
            def observation(draw2: Draw, years: st.SearchStrategy[int]) -> dict[str, Any]:
                o: dict[str, Any] = {"fiscal_year": draw2(years), "value": draw2(value)}
                put_optional(draw2, o, "note", text())
                put_extensions(draw2, o, js_exact)
                return o

            put_optional(draw, ind, "baseline", observation(st.integers(1868, end)))
            put_list(draw, ind, "targets", draw(st.lists(observation(year_in_period), max_size=2)))
            put_optional(draw, ind, "source", text())
            put_optional(draw, ind, "definition", text())
            out.append(ext(ind))
        return out

    # The plan's levels, and its trees (the plan's own, and each district's plan), numbered
    # depth first so that a running level counts in document order.
    levels = []
    for n in range(1, draw(st.integers(1, 5)) + 1):
        level: dict[str, Any] = {
            "id": f"level-{n}",
            "name": draw(text()),
            "numbering": draw(st.sampled_from(NUMBER_STYLES)),
        }
        if draw(st.booleans()):
            level["running"] = draw(st.booleans())
        levels.append(ext(level))
    all_node_ids: list[str] = []

    def tree(tag: str, local_challenges: list[str]) -> list[dict[str, Any]]:
        running = [0] * len(levels)
        project_count = [0]

        def nodes(depth: int, path: tuple[int, ...]) -> list[dict[str, Any]]:
            if depth >= len(levels):
                return []
            out = []
            for k in range(1, draw(st.integers(1, 3 if depth == 0 else 2)) + 1):
                here = (*path, k)
                node: dict[str, Any] = {"id": ident(tag, *here), "title": draw(text())}
                all_node_ids.append(node["id"])
                lv = levels[depth]
                if lv["numbering"] != "none":
                    if lv.get("running"):
                        running[depth] += 1
                        node["number"] = running[depth]
                    else:
                        node["number"] = k
                put_optional(draw, node, "description", text())
                if draw(st.booleans()):
                    node["priority"] = draw(st.booleans())
                put_list(draw, node, "challenges", some(challenge_ids + local_challenges))
                participants = []
                for actor in some(actor_ids):
                    part: dict[str, Any] = {"actor": actor}
                    if sectors:
                        put_optional(draw, part, "sector", sector())
                    put_optional(draw, part, "role", text())
                    participants.append(ext(part))
                put_list(draw, node, "participants", participants)
                put_list(draw, node, "attributed_to", some(publisher_ids))
                put_list(draw, node, "sub_plans", some(sub_plan_ids))
                put_list(draw, node, "districts", some(district_ids))
                put_list(draw, node, "bases", some(base_ids))
                put_list(draw, node, "phases", some(phase_ids))
                projects = []
                numbered = draw(st.booleans())
                for n in range(1, draw(st.integers(0, 2)) + 1):
                    project_count[0] += 1
                    pr: dict[str, Any] = {"id": ident(tag + "-pr", project_count[0]), "title": draw(text())}
                    if numbered:
                        pr["number"] = n
                    put_optional(draw, pr, "description", text())
                    put_optional(draw, pr, "responsible", text())
                    put_list(draw, pr, "attributed_to", some(publisher_ids))
                    put_list(draw, pr, "phases", some(phase_ids))
                    put_list(draw, pr, "indicators", indicators())
                    projects.append(ext(pr))
                put_list(draw, node, "projects", projects)
                put_list(draw, node, "indicators", indicators())
                put_list(draw, node, "children", nodes(depth + 1, here))
                out.append(ext(node))
            return out

        return nodes(0, ())

    top = tree("n", [])
    districts = []
    for n, did in enumerate(district_ids, 1):
        d: dict[str, Any] = {"id": did, "name": draw(text())}
        put_optional(draw, d, "parent", st.sampled_from(district_ids[: n - 1]) if n > 1 else st.none())
        put_optional(draw, d, "layer", text())
        put_optional(draw, d, "description", text())
        figures = []
        for _ in range(draw(st.integers(0, 2))):
            f: dict[str, Any] = {"name": draw(text()), "fiscal_year": draw(year_in_period), "value": draw(json_numbers(js_exact))}
            put_optional(draw, f, "unit", text())
            figures.append(ext(f))
        put_list(draw, d, "figures", figures)
        local = challenge_list(f"d{n}-c")
        put_list(draw, d, "challenges", local)
        if draw(st.booleans()):
            put_list(draw, d, "nodes", tree(f"d{n}-n", [c["id"] for c in local]))
        districts.append(ext(d))

    plan: dict[str, Any] = {
        "schema_version": "2.0",
        # Every other id ends in a number, so this one is unique.
        "id": draw(st.from_regex(r"[a-z0-9]{1,10}([-_.][a-z0-9]{1,5}){0,2}", fullmatch=True)) + ".plan",
        "title": draw(text()),
    }
    put_optional(draw, plan, "edition", st.integers(1, 2**32 - 1))
    plan["municipality"] = ext({"code": code, "name": {"ja": city}, "prefecture": {"ja": prefecture}})
    plan["period"] = period
    put_optional(draw, plan, "published", st.from_regex(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])", fullmatch=True))
    revisions = [
        ext({"published": draw(st.from_regex(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])", fullmatch=True)), "description": draw(text())})
        for _ in range(draw(st.integers(0, 1)))
    ]
    put_list(draw, plan, "revisions", revisions)
    plan["publishers"] = publishers
    philosophy: dict[str, Any] = {"statement": draw(text())}
    put_optional(draw, philosophy, "subtitle", text())
    put_optional(draw, philosophy, "explanation", text())
    plan["philosophy"] = ext(philosophy)
    if model != "none":
        definitions = []
        for s in sectors:
            sd: dict[str, Any] = {"sector": s}
            if model == "custom":
                sd["label"] = draw(text())
            else:
                put_optional(draw, sd, "label", text())
            sd["definition"] = draw(text())
            definitions.append(ext(sd))
        plan["help_model"] = ext({"kind": model, "sectors": definitions})
    elif draw(st.booleans()):
        plan["help_model"] = None
    overview = []
    for n in range(1, draw(st.integers(0, 2)) + 1):
        sec: dict[str, Any] = {"id": ident("section", n)}
        put_optional(draw, sec, "heading", text())
        sec["body"] = draw(text())
        overview.append(ext(sec))
    put_list(draw, plan, "overview", overview)
    put_list(draw, plan, "challenges", challenges)
    voices = []
    for n in range(1, draw(st.integers(0, 2)) + 1):
        v: dict[str, Any] = {"id": ident("voice", n), "text": draw(text())}
        put_list(draw, v, "challenges", some(challenge_ids))
        put_list(draw, v, "nodes", some(all_node_ids))
        if draw(st.booleans()):
            v["editorial_links"] = draw(st.booleans())
        voices.append(ext(v))
    put_list(draw, plan, "voices", voices)
    plan["levels"] = levels
    if draw(st.booleans()):
        plan["initiative_level"] = draw(st.sampled_from([lv["id"] for lv in levels]))
    plan["nodes"] = top
    priority_projects = []
    for n in range(1, draw(st.integers(0, 2)) + 1):
        pp: dict[str, Any] = {"id": ident("pp", n), "title": draw(text())}
        put_optional(draw, pp, "description", text())
        pp["nodes"] = draw(st.lists(st.sampled_from(all_node_ids), min_size=1, max_size=3, unique=True))
        put_list(draw, pp, "indicators", indicators())
        priority_projects.append(ext(pp))
    if all("number" not in pp for pp in priority_projects) and draw(st.booleans()):
        for n, pp in enumerate(priority_projects, 1):
            pp["number"] = n
    put_list(draw, plan, "priority_projects", priority_projects)
    put_list(draw, plan, "indicators", indicators())
    put_list(draw, plan, "actors", actors)
    for sp in sub_plans:
        put_list(draw, sp, "indicators", indicators())
        ext(sp)
    put_list(draw, plan, "sub_plans", sub_plans)
    put_list(draw, plan, "districts", districts)
    put_list(draw, plan, "bases", bases)
    sources = []
    for _ in range(draw(st.integers(0, 2))):
        src: dict[str, Any] = {"title": draw(text())}
        put_optional(draw, src, "url", st.text(ANY_CHAR, max_size=20))
        put_optional(draw, src, "note", text())
        sources.append(ext(src))
    put_list(draw, plan, "sources", sources)
    put_extensions(draw, plan, js_exact)
    return plan
