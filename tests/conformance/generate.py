#!/usr/bin/env python3
"""Writes the conformance corpus: each case a mutation of a valid plan, with its expected issues.

The expected codes and paths below are written by hand from the format's rules, not computed
by the library, so the suites that read the corpus (Rust, Python, WASM) can fail.

A case that changes the structure of a plan is stored as a base document and a JSON Patch
(RFC 6902: `add`, `remove` and `replace` only) in its `.expected.json`; every suite applies the
patch and writes the result as `json.dumps(doc, ensure_ascii=False, indent=2)` plus a newline
does, keys in document order. Cases about bytes (encodings, truncation, repeated keys) are stored
as the raw bytes in `NAME.json`.

    python3 tests/conformance/generate.py          # rewrite cases/
    python3 tests/conformance/generate.py --check  # fail if cases/ differs (run by the test script)
"""
import copy
import hashlib
import json
import pathlib
import sys

from conformance_patch import apply_patch

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE / "cases"
IIZUKA_BASE = "tests/conformance/base/iizuka-3rd-1.0.json"
IIZUKA = json.loads((HERE.parent.parent / IIZUKA_BASE).read_text("utf-8"))


def dump(doc):
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def issue(code, path):
    return {"code": code, "path": path}


class Patched:
    """A mutation of a base document, stored as a JSON Patch."""

    def __init__(self, base, patch):
        self.base = base
        self.patch = patch


def pointer_escape(key):
    return key.replace("~", "~0").replace("/", "~1")


def diff(a, b, path=""):
    """The add/remove/replace operations that turn `a` into `b`, keys landing in `b`'s order
    (an added key goes to the end of its object, as in every suite's applier)."""
    if type(a) is not type(b) or not isinstance(a, (dict, list)):
        return [] if type(a) is type(b) and a == b else [{"op": "replace", "path": path, "value": b}]
    if isinstance(a, list):
        if len(a) != len(b):
            return [{"op": "replace", "path": path, "value": b}]
        return [op for i, (x, y) in enumerate(zip(a, b)) for op in diff(x, y, f"{path}/{i}")]
    kept = [k for k in a if k in b]
    if kept != [k for k in b if k in a]:
        return [{"op": "replace", "path": path, "value": b}]  # reordered keys
    ops = [{"op": "remove", "path": f"{path}/{pointer_escape(k)}"} for k in a if k not in b]
    for k in b:
        p = f"{path}/{pointer_escape(k)}"
        ops += diff(a[k], b[k], p) if k in a else [{"op": "add", "path": p, "value": b[k]}]
    return ops


def mutate(fn):
    doc = copy.deepcopy(IIZUKA)
    fn(doc)
    patch = diff(IIZUKA, doc)
    # The stored patch must give back the very document, byte for byte.
    assert dump(apply_patch(IIZUKA, patch)) == dump(doc)
    return Patched(IIZUKA_BASE, patch)


DOCUMENTS = "tests/conformance/documents"


def document(name):
    """A hand-written format 2.0 document under tests/conformance/documents/, unchanged."""
    return Patched(f"{DOCUMENTS}/{name}.json", [])


def mutate_document(name, fn):
    """A mutation of a hand-written 2.0 document (a name under documents/, or a path from the
    repository root), stored as a patch on it."""
    base_path = name if "/" in name else f"{DOCUMENTS}/{name}.json"
    base = json.loads((HERE.parent.parent / base_path).read_text("utf-8"))
    doc = copy.deepcopy(base)
    fn(doc)
    patch = diff(base, doc)
    assert dump(apply_patch(base, patch)) == dump(doc)
    return Patched(base_path, patch)


def synthetic_joint_plan():
    """A synthetic plan (架空) that uses every optional part of the format."""
    def t(ja, en=None):
        return {"ja": ja, "en": en} if en else {"ja": ja}

    return {
        "schema_version": "1.0",
        "id": "synthetic-joint-plan",
        "title": t("架空市地域福祉計画・地域福祉活動計画（試験用の架空データ）", "Synthetic City joint plan (synthetic test data)"),
        "edition": 1,
        # Municipality digits 900 to 909: a code kept for synthetic documents, not looked up in
        # the national code list.
        "municipality": {"code": "139017", "name": t("架空区（試験用）"), "prefecture": t("東京都")},
        "period": {
            "start_fiscal_year": 2024,
            "end_fiscal_year": 2029,
            "phases": [
                {"id": "first-half", "name": t("前期"), "start_fiscal_year": 2024, "end_fiscal_year": 2026},
                {"id": "second-half", "name": t("後期"), "start_fiscal_year": 2027, "end_fiscal_year": 2029},
            ],
            "mid_term_review_fiscal_year": 2026,
        },
        "published": "2024-03",
        "publishers": [
            {"id": "city", "kind": "municipality", "name": t("架空区")},
            {"id": "council", "kind": "social_welfare_council", "name": t("架空区社会福祉協議会"),
             "office": {"section": t("地域福祉係")}},
        ],
        "philosophy": {"statement": t("試験用の基本理念")},
        "help_model": {"kind": "four_help", "sectors": [
            {"sector": "self_help", "definition": t("自分でできること")},
            {"sector": "reciprocal_help", "definition": t("近所で助け合うこと")},
            {"sector": "mutual_help", "definition": t("制度化された支え合い")},
            {"sector": "public_help", "definition": t("行政のサービス")},
        ]},
        "challenges": [{"id": "isolation", "number": 1, "title": t("孤立の防止"),
                        "extensions": {"synthetic:weight": 0.5}}],
        "goals": [{
            "id": "goal-1", "number": 1, "title": t("試験用の基本目標"),
            "targets": [{
                "id": "goal-1.target-1", "number": 1, "title": t("試験用の活動目標"),
                "initiatives": [{
                    "id": "goal-1.target-1.ini-1", "number": 1, "title": t("見守り活動"),
                    "priority": True,
                    "challenges": ["isolation"],
                    "participants": [
                        {"actor": "neighbours", "sector": "reciprocal_help", "role": t("声かけ")},
                        {"actor": "ward-office", "sector": "public_help"},
                    ],
                    "attributed_to": ["city", "council"],
                    "sub_plans": ["reoffending"],
                    "districts": ["north"],
                    "projects": [
                        {"id": "p-1", "number": 1, "title": t("見守り訪問事業"), "responsible": t("福祉課")},
                        {"id": "p-2", "number": 2, "title": t("サロン事業")},
                    ],
                    "indicators": [{"id": "ind-visits", "name": t("見守り訪問件数（架空）"), "unit": t("件"),
                                    "baseline": {"fiscal_year": 2022, "value": 100},
                                    "targets": [{"fiscal_year": 2029, "value": 150.5}]}],
                }],
            }],
        }],
        "actors": [
            {"id": "neighbours", "kind": "resident", "name": t("近隣住民"), "sector": "reciprocal_help"},
            {"id": "ward-office", "kind": "municipality", "name": t("区役所"), "sector": "public_help"},
        ],
        "sub_plans": [{"id": "reoffending", "title": t("再犯防止推進計画"), "legal_basis": t("再犯の防止等の推進に関する法律")}],
        "districts": [{"id": "north", "name": t("北地区")}],
        "bases": [{"id": "north-center", "name": t("北地区交流センター"), "district": "north"}],
        "sources": [{"title": t("試験用の架空データ"), "note": t("実在の計画ではありません。", "Not a real plan.")}],
        "extensions": {"synthetic:generator": "tests/conformance/generate.py"},
    }


def cases():
    """(name, bytes, expected) for every case."""
    out = []

    def add(name, data, description, valid, schema_valid, issues, limits=None, needs_code_list=False):
        exp = {"description": description, "valid": valid, "schema_valid": schema_valid, "issues": issues}
        if limits:
            exp["limits"] = limits
        if needs_code_list:
            # Only an implementation with the national code list built in finds these issues:
            # every binding (the CLI, Python, the WebAssembly modules) has it; a Rust build
            # without the core's default feature `municipality-codes` skips these cases.
            exp["needs_code_list"] = True
        if isinstance(data, Patched):
            exp["base"] = data.base
            exp["patch"] = data.patch
            data = None
        out.append((name, data, exp))

    # --- valid documents -------------------------------------------------------------------
    add("valid-iizuka-3rd", Patched("core/data/iizuka-3rd.json", []), "the embedded Iizuka 3rd plan (format 2.0)",
        True, True, [])
    add("valid-iizuka-3rd-1.0-upgrades", mutate(lambda d: None),
        "the Iizuka 3rd plan as format 1.0 wrote it: read through the upgrade to 2.0", True, True, [])
    add("valid-synthetic-joint-four-help", dump(synthetic_joint_plan()),
        "a synthetic joint plan in format 1.0 with every optional part 1.0 had: four-help model, two publishers, "
        "phases, projects, indicators, extensions; read through the upgrade",
        True, True, [])

    # --- format 2.0: the shapes of other municipalities' plans (synthetic documents) ---------
    add("valid-synthetic-two-level", document("synthetic-two-level"),
        "a two-level plan (基本目標 → 取り組み), no placeholder level", True, True, [])
    add("valid-synthetic-five-level", document("synthetic-five-level"),
        "a five-level plan (基本目標 → 施策 → 施策の方向 → 主な取り組み → 事業) whose initiatives are its fourth level",
        True, True, [])
    add("valid-synthetic-running-numbers", document("synthetic-running-numbers"),
        "initiatives numbered straight through the plan (通し番号 ①…⑨)", True, True, [])
    add("valid-synthetic-unnumbered-bullets", document("synthetic-unnumbered-bullets"),
        "a level of unnumbered bullets, and projects without numbers", True, True, [])
    add("valid-synthetic-qualitative-indicator", document("synthetic-qualitative-indicator"),
        "a qualitative indicator: 未設置 → 設置", True, True, [])
    add("valid-synthetic-decreasing-indicator", document("synthetic-decreasing-indicator"),
        "an outcome indicator that should fall (孤独を感じる人の割合), at most its target, with source and definition",
        True, True, [])
    add("valid-synthetic-district-plan", document("synthetic-district-plan"),
        "districts as a hierarchy (圏域 > 地区 > 小学校区) with figures, and a district plan (地区別計画)",
        True, True, [])
    add("valid-synthetic-no-help-model", document("synthetic-no-help-model"),
        "a plan without a help model: participations by body, with no sector", True, True, [])
    add("valid-synthetic-four-help-joint", document("synthetic-four-help-joint"),
        "a four-help plan written jointly by a town and its social welfare council, with attribution on nodes and "
        "projects, using every field of format 2.0", True, True, [])

    def overlap(d):
        d["period"]["phases"][1]["start_fiscal_year"] = d["period"]["phases"][0]["end_fiscal_year"]
    add("period-phase-overlap", mutate_document("synthetic-four-help-joint", overlap),
        "two phases that share a fiscal year", False, True, [issue("period.phase_overlap", "/period/phases/1")])

    def too_deep(d):
        d["nodes"][0]["children"][0]["children"] = [
            {"id": "too-deep", "title": {"ja": "三段目の項目"}}]
    add("structure-too-deep", mutate_document("synthetic-two-level", too_deep),
        "a node below the plan's last level", False, True,
        [issue("structure.too_deep", "/nodes/0/children/0/children/0")])

    def six_levels(d):
        d["levels"] += [dict(d["levels"][-1], id=f"extra-{n}") for n in range(1, 5)]
    add("structure-six-levels", mutate_document("synthetic-two-level", six_levels),
        "six levels declared (at most five)", False, False, [issue("structure.levels", "/levels")])

    def value_type(d):
        d["nodes"][0]["indicators"][1]["targets"][0]["value"] = 12.5
    add("indicator-value-type", mutate_document("synthetic-decreasing-indicator", value_type),
        "a count indicator with a fractional target", False, True,
        [issue("indicator.value_type", "/nodes/0/indicators/1/targets/0/value")])

    def numbering_missing(d):
        d["nodes"][1].pop("number")
    add("numbering-missing", mutate_document("synthetic-two-level", numbering_missing),
        "a node of a numbered level without its number", False, True, [issue("numbering.missing", "/nodes/1/number")])

    def custom_without_label(d):
        d["help_model"] = {"kind": "custom", "sectors": [
            {"sector": "residents", "label": {"ja": "住民の役割"}, "definition": {"ja": "住民が取り組むこと"}},
            {"sector": "community", "definition": {"ja": "地域で取り組むこと"}}]}
    add("help-model-label-missing", mutate_document("synthetic-no-help-model", custom_without_label),
        "a sector of the plan's own help model without a label", False, True,
        [issue("help_model.label_missing", "/help_model/sectors/1")])

    add("valid-synthetic-progress-example", Patched(REPORT_PLAN, []),
        "the synthetic progress example's plan: indicators and three grading scales", True, True, [])

    def bad_scales(d):
        scales = d["evaluation"]["scales"]
        scales[0]["grades"][1]["code"] = "S"
        scales[0]["indicator_conditions"][2]["grade"] = "Z"
        scales[0]["indicator_conditions"].insert(0, {"when": "achievement_at_least", "grade": "S"})
    add("evaluation-scale-problems", mutate_document(REPORT_PLAN, bad_scales),
        "a grade code used twice, a condition giving a grade the scale lacks, a threshold condition "
        "without its threshold", False, True,
        [issue("evaluation.grade_duplicate", "/evaluation/scales/0/grades/1/code"),
         issue("evaluation.condition_value", "/evaluation/scales/0/indicator_conditions/0"),
         issue("evaluation.grade_unknown", "/evaluation/scales/0/indicator_conditions/3/grade")])

    def cycle(d):
        d["districts"][0]["parent"] = d["districts"][3]["id"]
    add("district-cycle", mutate_document("synthetic-district-plan", cycle),
        "districts whose parents lead back to themselves", False, True,
        [issue("district.cycle", "/districts/0/parent"), issue("district.cycle", "/districts/1/parent"),
         issue("district.cycle", "/districts/3/parent")])
    add("valid-bom", b"\xef\xbb\xbf" + dump(IIZUKA), "a UTF-8 byte-order mark before the document is accepted",
        True, None, [])

    def unaddressed(d):
        for g in d["goals"]:
            for tg in g["targets"]:
                for i in tg["initiatives"]:
                    i["challenges"] = [c for c in i.get("challenges", []) if c != "c6"]
                    if not i["challenges"]:
                        i.pop("challenges")
    add("warning-challenge-unaddressed", mutate(unaddressed),
        "no initiative addresses challenge ⑥: a warning, still valid", True, True,
        [issue("coverage.challenge_unaddressed", "/challenges/5")])
    add("warning-initiative-without-actor",
        mutate(lambda d: d["goals"][2]["targets"][2]["initiatives"][3].pop("participants")),
        "an initiative with no participants: a warning, still valid", True, True,
        [issue("coverage.initiative_without_actor", "/goals/2/targets/2/initiatives/3")])

    # --- bytes and JSON ----------------------------------------------------------------------
    add("input-empty", b"", "an empty file", False, None, [issue("input.empty", "")])
    add("input-whitespace", b" \n\t\n", "a file of white space", False, None, [issue("input.empty", "")])
    add("input-too-large", mutate(lambda d: None), "a document over the configured size limit", False, True,
        [issue("input.too_large", "")], limits={"max_input_bytes": 1000})
    add("json-invalid-utf8", dump(IIZUKA).replace("飯塚市".encode(), b"\xff\xfe", 1),
        "bytes that are not UTF-8", False, None, [issue("json.invalid_utf8", "")])
    # Saved by a Japanese Windows editor or Excel: the message says so (a hint only the core's
    # message carries; the code is the same).
    add("json-shift-jis", dump(IIZUKA).decode("utf-8").encode("cp932", "xmlcharrefreplace"),
        "the document saved as Shift_JIS (CP932)", False, None, [issue("json.invalid_utf8", "")])
    add("json-truncated", dump(IIZUKA)[:5000], "a document cut off in the middle", False, None,
        [issue("json.truncated", "/overview/0/body/en")])
    add("json-trailing-comma", b'{"schema_version": "1.0",}', "a trailing comma", False, None,
        [issue("json.syntax", "")])
    add("json-trailing-text", dump(IIZUKA) + b"}", "text after the document", False, None,
        [issue("json.syntax", "")])

    # --- shape -------------------------------------------------------------------------------
    def top_typo(d):
        d["titel"] = d.pop("title")
    add("schema-unknown-field-top", mutate(top_typo),
        "a misspelt top-level field: the required field is missing and the misspelt one unknown", False, False,
        [issue("schema.missing_field", "/title"), issue("schema.unknown_field", "/titel")])
    add("schema-unknown-field-deep",
        mutate(lambda d: d["goals"][1]["targets"][0]["initiatives"][0].update(priorty=True)),
        "an unknown field deep inside", False, False,
        [issue("schema.unknown_field", "/goals/1/targets/0/initiatives/0/priorty")])
    add("schema-missing-field", mutate(lambda d: d["goals"][0]["targets"][0]["initiatives"][0].pop("title")),
        "a required field is absent", False, False,
        [issue("schema.missing_field", "/goals/0/targets/0/initiatives/0/title")])
    add("schema-missing-japanese", mutate(lambda d: d["challenges"][2]["title"].pop("ja")),
        "a text without its Japanese", False, False, [issue("schema.missing_field", "/challenges/2/title/ja")])

    def deep_wrong_type(d):
        d["goals"][2]["targets"][0]["initiatives"][1]["number"] = "2"
    add("schema-wrong-type-deep", mutate(deep_wrong_type), "a string where a number belongs, deep inside",
        False, False, [issue("schema.wrong_type", "/goals/2/targets/0/initiatives/1/number")])
    add("schema-wrong-type-root", b"[1, 2, 3]", "an array instead of a plan", False, False,
        [issue("schema.wrong_type", "")])
    add("schema-struct-as-array",
        mutate(lambda d: d["goals"][0].update(title=["お互いを大切にし合うひとづくり"])),
        "a text written as an array of its fields", False, False,
        [issue("schema.wrong_type", "/goals/0/title")])
    add("schema-unknown-sector",
        mutate(lambda d: d["actors"][0].update(sector="self-help")),
        "a help sector code that does not exist (a rule of format 2.0, where models may have their own sectors)",
        False, False, [issue("help_model.sector_not_in_model", "/actors/0/sector")])
    add("schema-bad-month", mutate(lambda d: d.update(published="2023-13")),
        "a publication month that does not exist", False, False, [issue("schema.invalid_value", "/published")])
    add("schema-negative-number",
        mutate(lambda d: d["challenges"][0].update(number=-1)),
        "a negative ordinal", False, False, [issue("schema.invalid_value", "/challenges/0/number")])
    dup = dump(IIZUKA).replace(b'"schema_version": "1.0",', b'"schema_version": "1.0",\n  "schema_version": "1.0",', 1)
    add("schema-duplicate-field", dup, "the same field twice in one object", False, None,
        [issue("schema.duplicate_field", "/schema_version")])
    title = '"title": {\n        "ja": "お互いを大切にし合うひとづくり",'.encode()
    dups = dup.replace(title, title + '\n        "ja": "お互いを大切にし合うひとづくり",'.encode(), 1)
    assert dups != dup
    add("schema-duplicate-fields-everywhere", dups,
        "keys written twice at the top and deep inside: each is reported, in document order", False, None,
        [issue("schema.duplicate_field", "/schema_version"), issue("schema.duplicate_field", "/goals/0/title/ja")])
    replaced = dup.replace(title, '"title": {"ja": "a", "ja": "b"},\n      '.encode() + title, 1)
    assert replaced != dup
    add("schema-duplicate-inside-a-replaced-writing", replaced,
        "a key written twice whose first writing, which the second replaces, has a key written twice: "
        "both repeats are reported, with the one before them",
        False, None,
        [issue("schema.duplicate_field", "/schema_version"), issue("schema.duplicate_field", "/goals/0/title/ja"),
         issue("schema.duplicate_field", "/goals/0/title")])
    add("schema-version-unsupported", mutate(lambda d: d.update(schema_version="3.0")),
        "a format version this library does not read", False, False,
        [issue("schema_version.unsupported", "/schema_version")])

    # --- limits ------------------------------------------------------------------------------
    add("limit-text-too-long", mutate(lambda d: d["philosophy"]["statement"].update(ja="あ" * 2001)),
        "a text longer than the configured limit", False, True,
        [issue("limit.text_too_long", "/philosophy/statement/ja")], limits={"max_text_chars": 2000})
    add("limit-too-many-elements", mutate(lambda d: None), "a list longer than the configured limit", False, True,
        [issue("limit.too_many_elements", "/voices")], limits={"max_elements": 11})
    add("limit-extensions-too-deep",
        mutate(lambda d: d.update(extensions={"a": {"b": [[{"c": 1}]]}})),
        "extensions nested deeper than the configured limit", False, True,
        [issue("limit.too_deep", "/extensions")], limits={"max_depth": 4})

    # --- rules -------------------------------------------------------------------------------
    def blank(d):
        d["goals"][1]["targets"][0]["initiatives"][1]["title"]["ja"] = "\u3000"
        d["challenges"][0]["title"]["en"] = " "
    add("text-blank", mutate(blank), "blank Japanese (a full-width space) and blank English", False, False,
        [issue("text.blank", "/challenges/0/title/en"),
         issue("text.blank", "/goals/1/targets/0/initiatives/1/title/ja")])

    def bad_id(d):
        d["overview"][0]["id"] = "What Is"
    add("id-invalid", mutate(bad_id), "an id with capitals and a space", False, False,
        [issue("id.invalid", "/overview/0/id")])

    def dup_id(d):
        d["actors"][7]["id"] = "resident"
    add("id-duplicate", mutate(dup_id), "two actors with one id", False, True,
        [issue("id.duplicate", "/actors/7/id")])

    def dangling(d):
        ini = d["goals"][0]["targets"][0]["initiatives"][0]
        ini["challenges"] = ["c99", "g1"]
        ini["participants"][0]["actor"] = "mayor"
    add("reference-dangling", mutate(dangling), "references to an unknown id and to the wrong kind of part",
        False, True,
        [issue("reference.dangling", "/goals/0/targets/0/initiatives/0/challenges/0"),
         issue("reference.dangling", "/goals/0/targets/0/initiatives/0/challenges/1"),
         issue("reference.dangling", "/goals/0/targets/0/initiatives/0/participants/0/actor")])

    def numbering(d):
        d["goals"][0]["targets"][1]["initiatives"][2]["number"] = 4
        d["challenges"][5]["number"] = 5
    add("numbering-gap-and-duplicate", mutate(numbering), "a skipped number and a repeated number",
        False, True,
        [issue("numbering.duplicate", "/challenges/5/number"),
         issue("numbering.gap", "/goals/0/targets/1/initiatives/2/number"),
         issue("numbering.duplicate", "/goals/0/targets/1/initiatives/3/number")])
    add("numbering-starts-at-zero", mutate(lambda d: d["goals"][0].update(number=0)),
        "a basic goal numbered 0", False, False,
        [issue("numbering.gap", "/goals/0/number"), issue("numbering.gap", "/goals/1/number")])

    add("period-reversed", mutate(lambda d: d["period"].update(end_fiscal_year=2020)),
        "a period that ends before it starts", False, True, [issue("period.reversed", "/period/end_fiscal_year")])
    add("period-implausible", mutate(lambda d: d["period"].update(end_fiscal_year=2123)),
        "a hundred-year plan", False, True, [issue("period.implausible", "/period/end_fiscal_year")])
    add("fiscal-year-out-of-range", mutate(lambda d: d["period"].update(start_fiscal_year=1800)),
        "a fiscal year before the Meiji era", False, False,
        [issue("fiscal_year.out_of_range", "/period/start_fiscal_year"),
         issue("period.implausible", "/period/end_fiscal_year")])

    def outside(d):
        d["period"]["mid_term_review_fiscal_year"] = 2040
        d["goals"][0]["indicators"] = [{
            "id": "ind-1", "name": {"ja": "試験用の指標（架空）"},
            "baseline": {"fiscal_year": 2021, "value": 1},
            "targets": [{"fiscal_year": 2033, "value": 2}],
        }]
    add("period-year-outside", mutate(outside), "a mid-term review and a target after the period ends",
        False, True,
        [issue("period.year_outside", "/period/mid_term_review_fiscal_year"),
         issue("period.year_outside", "/goals/0/indicators/0/targets/0/fiscal_year")])

    add("municipality-check-digit", mutate(lambda d: d["municipality"].update(code="402051")),
        "a municipality code with a wrong check digit", False, True,
        [issue("municipality.check_digit", "/municipality/code")])
    add("municipality-code-invalid", mutate(lambda d: d["municipality"].update(code="４０２０５２")),
        "a municipality code in full-width digits", False, False,
        [issue("municipality.code_invalid", "/municipality/code")])
    add("municipality-prefecture-mismatch",
        mutate(lambda d: d["municipality"]["prefecture"].update(ja="佐賀県")),
        "a prefecture that does not match the code", False, True,
        [issue("municipality.prefecture_mismatch", "/municipality/prefecture/ja")])

    # The national code list (as of 2019-05-01) is current for a plan that starts by fiscal 2021:
    # a code it lacks, or a name it gives another code, is then an error. Iizuka's own plan starts
    # in fiscal 2023, when the list may be outdated: the same disagreements are warnings.
    def of_the_lists_years(fn):
        def change(d):
            d["period"] = {"start_fiscal_year": 2020, "end_fiscal_year": 2024}
            fn(d)
        return mutate_document("core/data/iizuka-3rd.json", change)
    add("municipality-unknown-code",
        of_the_lists_years(lambda d: d["municipality"].update(code="409995")),
        "a code with a right check digit that no municipality has (409995), in a plan of the list's years",
        False, True, [issue("municipality.unknown_code", "/municipality/code")], needs_code_list=True)
    add("municipality-name-mismatch",
        of_the_lists_years(lambda d: d["municipality"]["name"].update(ja="千代田区")),
        "Iizuka's code under the name 千代田区, in a plan of the list's years", False, True,
        [issue("municipality.name_mismatch", "/municipality/name/ja")], needs_code_list=True)
    add("municipality-name-with-prefecture",
        of_the_lists_years(lambda d: d["municipality"]["name"].update(ja="福岡県飯塚市")),
        "the name written with its prefecture is the same municipality", True, True, [], needs_code_list=True)
    add("warning-municipality-code-list-outdated",
        mutate_document("core/data/iizuka-3rd.json", lambda d: d["municipality"].update(code="409995")),
        "a code the list lacks in a plan from fiscal 2023, after the list's years: a warning, still valid",
        True, True, [issue("municipality.code_list_outdated", "/municipality/code")], needs_code_list=True)
    add("warning-municipality-name-code-list-outdated",
        mutate_document("core/data/iizuka-3rd.json", lambda d: d["municipality"]["name"].update(ja="千代田区")),
        "Iizuka's code under the name 千代田区 in its own plan (fiscal 2023 on): a warning, still valid",
        True, True, [issue("municipality.code_list_outdated", "/municipality/name/ja")], needs_code_list=True)

    # `$schema`: a document may name its schema, for editors; the library keeps it.
    def with_schema(value):
        def change(d):
            d["$schema"] = value
        return mutate_document("core/data/iizuka-3rd.json", change)
    add("valid-schema-key", with_schema("plan.schema.json"),
        "a `$schema` naming the plan's schema is accepted", True, True, [])
    add("schema-key-wrong-type", with_schema(2), "a `$schema` that is not a string", False, False,
        [issue("schema.wrong_type", "/$schema")])

    def empty(d):
        d["goals"][1]["targets"][2]["initiatives"] = []
        d["publishers"] = []
    add("collection-empty", mutate(empty),
        "no publishers (an activity target with no initiatives is allowed since format 2.0: a node may hold "
        "only a description)",
        False, False,
        [issue("collection.empty", "/publishers")])

    add("help-model-mismatch",
        mutate(lambda d: d["help_model"]["sectors"].reverse()),
        "sector definitions out of the model's order", False, True,
        [issue("help_model.sectors_mismatch", "/help_model/sectors")])
    add("help-model-sector-not-in-model",
        mutate(lambda d: d["actors"][0].update(sector="reciprocal_help")),
        "互助 used in a three-help plan", False, True,
        [issue("help_model.sector_not_in_model", "/actors/0/sector")])

    def many(d):
        d["schema_version"] = "0.9"
        d["municipality"]["code"] = "402051"
        d["goals"][2]["id"] = "g1"
        d["challenges"][1]["title"]["ja"] = ""
    add("many-problems-at-once", mutate(many), "four unrelated problems, all reported", False, False,
        [issue("schema_version.unsupported", "/schema_version"),
         issue("text.blank", "/challenges/1/title/ja"),
         issue("id.duplicate", "/goals/2/id"),
         issue("reference.dangling", "/voices/10/goals/0"),
         issue("reference.dangling", "/voices/11/goals/0"),
         issue("municipality.check_digit", "/municipality/code")])

    def three_blank(d):
        for c in d["challenges"][:3]:
            c["title"]["ja"] = " "
    add("limit-too-many-issues", mutate(three_blank),
        "three blank titles with at most two issues reported: the third is counted, not shown", False, False,
        [issue("text.blank", "/challenges/0/title/ja"), issue("text.blank", "/challenges/1/title/ja"),
         issue("limit.too_many_issues", "")], limits={"max_issues": 2})

    def three_strings(d):
        for g in d["goals"]:
            g["targets"][0]["initiatives"][0]["number"] = "1"
    add("limit-too-many-shape-issues", mutate(three_strings),
        "three wrong types with at most two issues reported: the rest is counted, and the rules wait",
        False, False,
        [issue("schema.wrong_type", "/goals/0/targets/0/initiatives/0/number"),
         issue("schema.wrong_type", "/goals/1/targets/0/initiatives/0/number"),
         issue("limit.too_many_issues", "")], limits={"max_issues": 2})

    def nine(d):
        # Seven shape problems ...
        d["published"] = "2023-13"
        del d["challenges"][2]["title"]["ja"]
        d["goals"][0]["title"] = 5
        d["goals"][1]["targets"][0]["initiatives"][0]["priorty"] = True
        d["goals"][2]["targets"][0]["initiatives"][1]["number"] = "one"
        d["actors"][0]["sector"] = "self_hlep"
        d["titel"] = 1
        # ... and two semantic ones, on parts whose shape is right.
        d["voices"][0]["goals"] = ["nope"]
        d["municipality"]["code"] = "402051"
    add("many-shape-problems-at-once", mutate(nine),
        "seven shape problems (each in document order) and two semantic ones, all in one run; the parts "
        "with a broken shape (challenge ③, basic goal Ⅰ, an initiative) are set aside, so references to them "
        "and the gaps they leave are not reported", False, False,
        [issue("schema.invalid_value", "/published"),
         issue("schema.missing_field", "/challenges/2/title/ja"),
         issue("schema.wrong_type", "/goals/0/title"),
         issue("schema.unknown_field", "/goals/1/targets/0/initiatives/0/priorty"),
         issue("schema.wrong_type", "/goals/2/targets/0/initiatives/1/number"),
         issue("schema.unknown_field", "/titel"),
         issue("reference.dangling", "/voices/0/goals/0"),
         issue("municipality.check_digit", "/municipality/code"),
         issue("help_model.sector_not_in_model", "/actors/0/sector")])
    return out


def generated():
    """Large adversarial inputs, described rather than stored: each suite builds
    prefix + repeat * count + suffix."""
    return [
        {"name": "adversarial-deep-brackets",
         "description": "200,000 nested brackets at the top", "prefix": "", "repeat": "[", "count": 200000,
         "suffix": "", "valid": False, "schema_valid": None, "issues": [issue("schema.wrong_type", "")]},
        {"name": "adversarial-deep-brackets-in-extensions",
         "description": "200,000 nested brackets inside extensions",
         "prefix": "{\"schema_version\": \"1.0\", \"extensions\": {\"x\": ", "repeat": "[", "count": 200000,
         "suffix": "", "valid": False, "schema_valid": None,
         "issues": [issue("limit.too_deep", "/extensions/x" + "/0" * 125)]},
        {"name": "adversarial-40mb-string",
         "description": "a 40 MB string, refused by the default size limit",
         "prefix": "{\"schema_version\": \"1.0\", \"id\": \"", "repeat": "x", "count": 40000000,
         "suffix": "\"}", "valid": False, "schema_valid": None, "issues": [issue("input.too_large", "")]},
        {"name": "adversarial-40mb-string-raised-limit",
         "description": "a 40 MB string with the size limit raised: parsed, then every missing field named",
         "prefix": "{\"schema_version\": \"1.0\", \"id\": \"", "repeat": "x", "count": 40000000,
         "suffix": "\"}", "limits": {"max_input_bytes": 67108864}, "valid": False, "schema_valid": None,
         "issues": [issue("schema.missing_field", "/" + f) for f in (
             "title", "municipality", "period", "publishers", "philosophy", "goals")]},
    ]


REPORT_PLAN = "examples/progress/synthetic-hoshizora-plan.json"
REPORT_BASE = "examples/progress/synthetic-hoshizora-report-2025.json"
REPORTS = HERE / "reports"


def report_cases():
    """(name, expected) for every progress report case: a report of the synthetic example plan,
    mutated by a patch, checked against the plan (itself mutated by `plan_patch` where given).
    A case may also list `grades`: what the plan's scales give its indicators and nodes for the
    report's year, each {indicator, scale, grade} or {node, scale, computed?, entered?}; every
    suite evaluates the report and checks them."""
    root = HERE.parent.parent
    base = json.loads((root / REPORT_BASE).read_text("utf-8"))
    plan = json.loads((root / REPORT_PLAN).read_text("utf-8"))
    out = []

    def add(name, fn, description, valid, issues, plan_fn=None):
        doc = copy.deepcopy(base)
        fn(doc)
        patch = diff(base, doc)
        assert dump(apply_patch(base, patch)) == dump(doc)
        exp = {"description": description, "plan": REPORT_PLAN, "base": REPORT_BASE, "patch": patch,
               "valid": valid, "issues": issues}
        if plan_fn:
            changed = copy.deepcopy(plan)
            plan_fn(changed)
            exp["plan_patch"] = diff(plan, changed)
        out.append((name, exp))

    add("report-valid", lambda d: None, "the synthetic example's FY2025 report", True, [])
    add("report-schema-key", lambda d: d.update({"$schema": "progress-report.schema.json"}),
        "a report naming its schema in `$schema`", True, [])
    add("report-not-measured-with-reason",
        lambda d: d["observations"][0].update(value=None, reason={"ja": "調査未実施"}),
        "a value not measured (「−」), with a reason", True, [])
    add("report-reason-missing", lambda d: d["observations"][0].update(value=None),
        "a value not measured and no reason why", True, [issue("report.reason_missing", "/observations/0/value")])
    add("report-plan-changed", lambda d: None,
        "the plan changed after the report was written: its hash no longer matches", False,
        [issue("report.plan_mismatch", "/plan/hash")],
        plan_fn=lambda p: p["title"].update(ja=p["title"]["ja"] + "（改訂）"))
    add("report-other-plan", lambda d: d["plan"].update(id="another-plan"), "a report of another plan", False,
        [issue("report.plan_mismatch", "/plan/id")])
    add("report-not-a-report", lambda d: d.update(document="progress-report"),
        "a misspelt document type", False, [issue("report.document", "/document")])
    add("report-year-outside", lambda d: d.update(fiscal_year=2035), "a year after the plan period", False,
        [issue("period.year_outside", "/fiscal_year")])

    def problems(d):
        d["observations"][1]["indicator"] = "ind-nothing"
        d["observations"][2]["value"] = 118.5
        d["observations"].append({"indicator": "ind-loneliness", "value": 22.0})
        d["nodes"][0]["grades"][0]["grade"] = "E"
        d["nodes"][1]["node"] = "goal-9"
        d["nodes"][2]["grades"].append({"scale": "direction", "grade": "keep"})
    add("report-many-problems", problems,
        "every problem at once: an unknown indicator, a count that is not whole, two entries for one "
        "indicator, a grade not on the scale, an unknown node, two grades on one scale", False,
        [issue("reference.dangling", "/observations/1/indicator"),
         issue("indicator.value_type", "/observations/2/value"),
         issue("report.duplicate_entry", "/observations/5/indicator"),
         issue("evaluation.grade_unknown", "/nodes/0/grades/0/grade"),
         issue("reference.dangling", "/nodes/1/node"),
         issue("report.duplicate_entry", "/nodes/2/grades/1/scale"),
         issue("report.missing_entry", "/observations"),
         issue("report.missing_entry", "/nodes")])

    def missing(d):
        d["observations"].pop()
        d["nodes"].pop()
    add("report-missing-entries", missing, "an indicator and an initiative with no entry", True,
        [issue("report.missing_entry", "/observations"), issue("report.missing_entry", "/nodes")])
    # The grading schemes of three cities, written as the plan's data, each grading the same
    # indicators: the expected grades are worked out by hand in the comments.
    def t(ja):
        return {"ja": ja}

    def scheme(evaluation, values, grades=None):
        def plan_fn(p):
            p["evaluation"] = evaluation

        changed = copy.deepcopy(plan)
        plan_fn(changed)
        # The plan's canonical JSON is what `dump` writes (the example plan is canonical, and
        # the scheme's keys are in the format's order): its hash is the report's to record.
        digest = "sha256:" + hashlib.sha256(dump(changed)).hexdigest()

        def report_fn(d):
            d["plan"]["hash"] = digest
            for o in d["observations"]:
                o.pop("note", None)
                o["value"] = values[o["indicator"]]
                if o["value"] is None:
                    o["reason"] = t("調査未実施")
            for n in d["nodes"]:
                n.pop("grades", None)
                if grades and n["node"] in grades:
                    n["grades"] = grades[n["node"]]
        return plan_fn, report_fn

    fukuoka = {"scales": [
        {"id": "indicator-grade", "name": t("指標の評価"),
         "grades": [{"code": "a", "label": t("目標達成に向けて順調"), "score": 3},
                    {"code": "b", "label": t("遅れているが悪化していない"), "score": 2},
                    {"code": "c", "label": t("初期値より悪化"), "score": 1}],
         "indicator_conditions": [
             {"when": "on_track", "grade": "a"},
             {"when": "better_than_baseline", "value": 3, "grade": "b"},
             {"when": "near_baseline", "value": 3, "grade": "b"},
             {"when": "otherwise", "grade": "c"}]},
        {"id": "goal-grade", "name": t("基本目標の評価"),
         "grades": [{"code": "A", "label": t("順調"), "score": 2.75}, {"code": "B", "label": t("概ね順調"), "score": 2.25},
                    {"code": "C", "label": t("やや遅れている"), "score": 1.5}, {"code": "D", "label": t("遅れている"), "score": 0}],
         "nodes": {"method": "weighted", "from": "indicator-grade"}}]}
    # FY2025, a third of the way from the FY2024 baselines to the FY2027 targets:
    # 孤独 25.0 vs 23.4 falling: 1.6 points worse, under 3 → b; 集いの場 44: (44−40)/12 = 33 %, on
    # the line → a; 協力員 100 vs 120: 20 worse → c; 窓口 未設置 is still the baseline → b; 相談先
    # 45: 4/9 = 44 % ≥ 33 % → a. 基本目標Ⅰ: mean of b, a, c = (2+3+1)/3 = 2 → C (1.5 ≤ 2 < 2.25);
    # 基本目標Ⅱ: (2+3)/2 = 2.5 → B.
    plan_fn, report_fn = scheme(fukuoka, {"ind-loneliness": 25.0, "ind-salons": 44, "ind-watchers": 100,
                                          "ind-desk": "未設置", "ind-know-desk": 45})
    add("report-scheme-fukuoka", report_fn,
        "Fukuoka City's scheme: indicators a/b/c (±3 points unchanged), basic goals A–D from them", True, [],
        plan_fn=plan_fn)
    out[-1][1]["grades"] = [
        {"indicator": "ind-loneliness", "scale": "indicator-grade", "grade": "b"},
        {"indicator": "ind-salons", "scale": "indicator-grade", "grade": "a"},
        {"indicator": "ind-watchers", "scale": "indicator-grade", "grade": "c"},
        {"indicator": "ind-desk", "scale": "indicator-grade", "grade": "b"},
        {"indicator": "ind-know-desk", "scale": "indicator-grade", "grade": "a"},
        {"node": "goal-1", "scale": "goal-grade", "computed": "C"},
        {"node": "goal-2", "scale": "goal-grade", "computed": "B"}]

    nagayo = {"scales": [
        {"id": "nagayo", "name": t("評価"),
         "grades": [{"code": "S", "label": t("目標値を上回った")}, {"code": "A", "label": t("基準値を上回った")},
                    {"code": "B", "label": t("基準値の±10%以内")}, {"code": "C", "label": t("基準値を下回った")},
                    {"code": "−", "label": t("評価できない")}],
         "indicator_conditions": [
             {"when": "no_data", "grade": "−"},
             {"when": "target_reached", "grade": "S"},
             {"when": "near_baseline", "value": 10, "relative": True, "grade": "B"},
             {"when": "better_than_baseline", "grade": "A"},
             {"when": "otherwise", "grade": "C"}],
         "nodes": {"method": "worst"}}]}
    # 孤独 23.0: within 23.4 ± 2.34 → B; 集いの場 53 ≥ 52 → S; 協力員 140: beyond 120 ± 12 and
    # better → A; 窓口 設置 is the target → S; 相談先 not measured → −. Worst: 基本目標Ⅰ B;
    # 基本目標Ⅱ − (a grade without a score is a grade like any other on a scale without scores).
    plan_fn, report_fn = scheme(nagayo, {"ind-loneliness": 23.0, "ind-salons": 53, "ind-watchers": 140,
                                         "ind-desk": "設置", "ind-know-desk": None})
    add("report-scheme-nagayo", report_fn,
        "Nagayo Town's scheme: S above the target, A above the baseline, B within ±10 % of it, C below, − "
        "cannot be evaluated", True, [], plan_fn=plan_fn)
    out[-1][1]["grades"] = [
        {"indicator": "ind-loneliness", "scale": "nagayo", "grade": "B"},
        {"indicator": "ind-salons", "scale": "nagayo", "grade": "S"},
        {"indicator": "ind-watchers", "scale": "nagayo", "grade": "A"},
        {"indicator": "ind-desk", "scale": "nagayo", "grade": "S"},
        {"indicator": "ind-know-desk", "scale": "nagayo", "grade": "−"},
        {"node": "goal-1", "scale": "nagayo", "computed": "B"},
        {"node": "goal-2", "scale": "nagayo", "computed": "−"}]

    kama = {"scales": [
        {"id": "tassei", "name": t("達成度"),
         "grades": [{"code": "A", "label": t("達成")}, {"code": "B", "label": t("概ね達成")},
                    {"code": "C", "label": t("一部達成")}, {"code": "D", "label": t("未達成")}],
         "indicator_conditions": [
             {"when": "achievement_at_least", "value": 100, "grade": "A"},
             {"when": "achievement_at_least", "value": 80, "grade": "B"},
             {"when": "achievement_at_least", "value": 50, "grade": "C"},
             {"when": "otherwise", "grade": "D"}],
         "nodes": {"method": "worst"}},
        {"id": "houkousei", "name": t("方向性"),
         "grades": [{"code": "拡充", "label": t("拡充・発展")}, {"code": "維持", "label": t("現状維持")},
                    {"code": "縮小", "label": t("縮小")}, {"code": "見直し", "label": t("廃止・見直し")}],
         "nodes": {"method": "manual"}}]}
    # Against the FY2027 targets: 孤独 21.5 meets "at most 21.5" → A; 集いの場 50: 10/12 = 83 % → B;
    # 協力員 145: 25/30 = 83 % → B; 窓口 設置 → A; 相談先 50 ≥ 50 → A. Worst: 基本目標Ⅰ B, Ⅱ A.
    # 方向性 is entered by hand and never computed.
    plan_fn, report_fn = scheme(kama, {"ind-loneliness": 21.5, "ind-salons": 50, "ind-watchers": 145,
                                       "ind-desk": "設置", "ind-know-desk": 50},
                                {"goal-1-ini-1": [{"scale": "houkousei", "grade": "拡充"}]})
    add("report-scheme-kama", report_fn,
        "Kama City's scheme: 達成度 A–D by the share of the way to the target, and 方向性 entered by hand on "
        "the same row", True, [], plan_fn=plan_fn)
    out[-1][1]["grades"] = [
        {"indicator": "ind-loneliness", "scale": "tassei", "grade": "A"},
        {"indicator": "ind-salons", "scale": "tassei", "grade": "B"},
        {"indicator": "ind-watchers", "scale": "tassei", "grade": "B"},
        {"indicator": "ind-desk", "scale": "tassei", "grade": "A"},
        {"indicator": "ind-know-desk", "scale": "tassei", "grade": "A"},
        {"node": "goal-1", "scale": "tassei", "computed": "B"},
        {"node": "goal-2", "scale": "tassei", "computed": "A"},
        {"node": "goal-1-ini-1", "scale": "houkousei", "entered": "拡充"}]

    add("report-wrong-shape", lambda d: d.update(fiscal_year="令和7年度", observation=[]),
        "shape problems, all at once, in the format's words", False,
        [issue("schema.wrong_type", "/fiscal_year"), issue("schema.unknown_field", "/observation")])
    return out


def main():
    check = "--check" in sys.argv
    wanted = {}
    for name, data, exp in cases():
        if data is not None:
            wanted[f"{name}.json"] = data
        wanted[f"{name}.expected.json"] = (json.dumps(exp, ensure_ascii=False, indent=2) + "\n").encode()
    wanted_reports = {f"{name}.expected.json": (json.dumps(exp, ensure_ascii=False, indent=2) + "\n").encode()
                      for name, exp in report_cases()}
    wanted_gen = (json.dumps(generated(), ensure_ascii=False, indent=2) + "\n").encode()
    stale = [n for n, d in wanted.items() if not (CASES / n).exists() or (CASES / n).read_bytes() != d]
    stale += [n for n, d in wanted_reports.items() if not (REPORTS / n).exists() or (REPORTS / n).read_bytes() != d]
    extra = [p.name for p in CASES.glob("*") if p.name not in wanted] if CASES.exists() else []
    extra += [p.name for p in REPORTS.glob("*") if p.name not in wanted_reports] if REPORTS.exists() else []
    gen_path = HERE / "generated.json"
    if not gen_path.exists() or gen_path.read_bytes() != wanted_gen:
        stale.append("generated.json")
    if check:
        if stale or extra:
            print(f"conformance corpus is stale ({stale + extra}); run python3 tests/conformance/generate.py")
            sys.exit(1)
        return
    CASES.mkdir(exist_ok=True)
    REPORTS.mkdir(exist_ok=True)
    for p in extra:
        for folder in (CASES, REPORTS):
            if (folder / p).exists() and p not in (wanted if folder == CASES else wanted_reports):
                (folder / p).unlink()
    for n, d in wanted.items():
        (CASES / n).write_bytes(d)
    for n, d in wanted_reports.items():
        (REPORTS / n).write_bytes(d)
    gen_path.write_bytes(wanted_gen)
    patched = sum(1 for _, data, _ in cases() if data is None)
    print(f"wrote {len(cases())} cases ({patched} as patches) and {len(generated())} generated cases")


if __name__ == "__main__":
    main()
