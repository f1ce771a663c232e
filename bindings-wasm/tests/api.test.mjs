// The JavaScript surface: round trips, helpers, errors, limits and hostile arguments.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as wp from "welfare-plan";
import * as reports from "welfare-plan/reports";
import * as sheets from "welfare-plan/sheets";
import {
  PlanError,
  challengeLabel,
  eraLabel,
  eraLabelEn,
  fiscalYearFromEra,
  iizukaThirdPlan,
  helpModelLabels,
  initiatives,
  initiativesAddressing,
  initiativesInSector,
  isPlan,
  monthLabel,
  nodesAtLevel,
  outline,
  parsePlan,
  sectorCode,
  sectorLabel,
  toCanonicalJson,
  validate,
} from "welfare-plan";
import { repo } from "./corpus.mjs";

const iizukaBytes = new Uint8Array(readFileSync(new URL("core/data/iizuka-3rd.json", repo)));
const iizukaText = new TextDecoder().decode(iizukaBytes);

/** Every node of a tree, a parent before its children, with its depth. */
function* walk(nodes, depth = 0) {
  for (const node of nodes) {
    yield { node, depth };
    yield* walk(node.children ?? [], depth + 1);
  }
}

describe("round trip", () => {
  test("toCanonicalJson(parsePlan(bytes)) is the committed file, byte for byte", () => {
    assert.equal(toCanonicalJson(parsePlan(iizukaBytes)), iizukaText);
    assert.equal(toCanonicalJson(iizukaThirdPlan()), iizukaText);
    assert.equal(toCanonicalJson(iizukaText), iizukaText);
    assert.deepEqual(Buffer.from(toCanonicalJson(parsePlan(iizukaText))), Buffer.from(iizukaBytes));
  });

  test("the built-in plan is the committed file: a 2.0 tree of 3 + 8 + 19 nodes", () => {
    const plan = iizukaThirdPlan();
    assert.deepEqual(plan, JSON.parse(iizukaText));
    assert.equal(plan.schema_version, "2.0");
    assert.equal(plan.title.ja, "第3期飯塚市地域福祉計画");
    const perDepth = [0, 0, 0];
    for (const { depth } of walk(plan.nodes)) perDepth[depth]++;
    assert.deepEqual(perDepth, [3, 8, 19]);
    assert.equal(plan.levels.length, 3);
    assert.deepEqual(validate(plan), []);
    assert.notEqual(iizukaThirdPlan(), plan, "a fresh object each call");
  });

  test("parsePlan returns the plan in canonical form: defaults left out", () => {
    const doc = JSON.parse(iizukaText);
    doc.nodes[0].children[0].children[0].priority = false;
    doc.sub_plans = [];
    const plan = parsePlan(JSON.stringify(doc));
    assert.equal("priority" in plan.nodes[0].children[0].children[0], false);
    assert.equal("sub_plans" in plan, false);
  });

  test("an invalid plan object cannot be written canonically", () => {
    const plan = iizukaThirdPlan();
    plan.nodes[0].children[0].children[0].challenges = ["no-such-challenge"];
    assert.throws(
      () => toCanonicalJson(plan),
      (e) =>
        e instanceof PlanError &&
        e.issues.length === 1 &&
        e.issues[0].code === "reference.dangling" &&
        e.issues[0].path === "/nodes/0/children/0/children/0/challenges/0" &&
        e.issues[0].line === undefined,
    );
  });
});

describe("format 1.0", () => {
  const v1Bytes = new Uint8Array(readFileSync(new URL("tests/conformance/base/iizuka-3rd-1.0.json", repo)));
  const v1 = JSON.parse(new TextDecoder().decode(v1Bytes));

  test("a 1.0 document loads, and comes back as 2.0 JSON", () => {
    assert.equal(v1.schema_version, "1.0");
    for (const input of [v1Bytes, new TextDecoder().decode(v1Bytes), v1]) {
      const plan = parsePlan(input);
      assert.equal(plan.schema_version, "2.0");
      assert.equal("goals" in plan, false);
      // Goals → targets → initiatives become the three levels of the tree, in order.
      const titles = (nodes) => nodes.map((n) => [n.title, titles(n.children ?? [])]);
      const v1Titles = v1.goals.map((g) => [g.title, g.targets.map((t) => [t.title, t.initiatives.map((i) => [i.title, []])])]);
      assert.deepEqual(titles(plan.nodes), v1Titles);
      assert.equal(initiatives(plan).length, v1.goals.flatMap((g) => g.targets.flatMap((t) => t.initiatives)).length);
      const json = toCanonicalJson(input);
      assert.equal(JSON.parse(json).schema_version, "2.0");
      assert.equal(toCanonicalJson(json), json, "the upgrade is written canonically");
    }
  });

  test("issues in a 1.0 document point into the document as written", () => {
    const doc = structuredClone(v1);
    const n = doc.goals[2].targets[1].initiatives[0].challenges.push("c99") - 1;
    const issues = validate(JSON.stringify(doc));
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [["reference.dangling", `/goals/2/targets/1/initiatives/0/challenges/${n}`]],
    );
    assert.throws(() => parsePlan(JSON.stringify(doc)), (e) => e instanceof PlanError && e.issues[0].path === issues[0].path);
  });
});

describe("indicator values", () => {
  /** The Iizuka plan with one indicator on its first initiative, as text. */
  const withIndicator = (indicator) => {
    const doc = JSON.parse(iizukaText);
    doc.nodes[0].children[0].children[0].indicators = [indicator];
    return JSON.stringify(doc, null, 2);
  };

  test("a qualitative value stays a string; an integer stays an integer", () => {
    const text = withIndicator({
      id: "ind-salon",
      name: { ja: "サロンの設置" },
      value_type: "text",
      baseline: { fiscal_year: 2023, value: "未設置" },
      targets: [{ fiscal_year: 2026, value: "設置" }],
    });
    const plan = parsePlan(text);
    const [indicator] = plan.nodes[0].children[0].children[0].indicators;
    assert.equal(indicator.baseline.value, "未設置");
    assert.deepEqual(indicator.targets.map((t) => t.value), ["設置"]);

    const counted = withIndicator({
      id: "ind-members",
      name: { ja: "登録者数" },
      value_type: "count",
      baseline: { fiscal_year: 2023, value: 212 },
      targets: [{ fiscal_year: 2027, value: 230 }],
    });
    const json = toCanonicalJson(counted);
    assert.match(json, /"value": 212\n/);
    assert.doesNotMatch(json, /"value": 212\.0/);
    const values = parsePlan(json).nodes[0].children[0].children[0].indicators[0];
    assert.ok(Number.isInteger(values.baseline.value) && values.baseline.value === 212);
    assert.deepEqual(validate(json), []);
  });

  test("a decimal keeps its digits, and a text value on a count indicator is an issue", () => {
    const text = withIndicator({
      id: "ind-rate",
      name: { ja: "割合" },
      value_type: "percentage",
      baseline: { fiscal_year: 2023, value: 23.4 },
      targets: [{ fiscal_year: 2027, value: 21.5 }],
    });
    assert.match(toCanonicalJson(text), /"value": 23\.4\n/);
    const wrong = withIndicator({
      id: "ind-wrong",
      name: { ja: "件数" },
      value_type: "count",
      targets: [{ fiscal_year: 2027, value: "多数" }],
    });
    assert.deepEqual(
      validate(wrong).map((i) => [i.code, i.path]),
      [["indicator.value_type", "/nodes/0/children/0/children/0/indicators/0/targets/0/value"]],
    );
  });
});

describe("PlanError", () => {
  test("is a real Error subclass carrying every issue", () => {
    let caught;
    try {
      parsePlan('{"schema_version": "2.0", ');
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof PlanError);
    assert.ok(caught instanceof Error);
    assert.equal(caught.name, "PlanError");
    assert.equal(Object.prototype.toString.call(caught), "[object Error]");
    assert.equal(typeof caught.stack, "string");
    assert.deepEqual(
      caught.issues.map((i) => [i.code, i.severity, i.path, i.line]),
      [["json.truncated", "error", "", 1]],
    );
    assert.ok(caught.issues[0].column >= 1);
    assert.match(caught.message, /^invalid plan: error \[json\.truncated\] at \/: /);
    assert.match(caught.messageJa, /^無効な計画です: エラー \[json\.truncated\] .* \(場所 \/\)$/);
  });

  test("made by a caller, says its one message in both languages", () => {
    const made = new PlanError("invalid plan: made by hand", []);
    assert.equal(made.messageJa, "invalid plan: made by hand");
    assert.deepEqual(made.issues, []);
  });

  test("warnings alone do not throw, and parsePlan keeps them out of the plan", () => {
    const doc = JSON.parse(iizukaText);
    delete doc.nodes[0].children[0].children[0].participants;
    const issues = validate(JSON.stringify(doc));
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.path]),
      [["coverage.initiative_without_actor", "warning", "/nodes/0/children/0/children/0"]],
    );
    assert.equal(parsePlan(JSON.stringify(doc)).nodes.length, 3);
  });
});

describe("issues", () => {
  test("use JavaScript names and count columns in characters", () => {
    const text = '{"schema_version": "2.0", "id": "あい", "title": x}';
    const [issue] = validate(text);
    assert.deepEqual(Object.keys(issue).sort(), ["code", "column", "line", "messageEn", "messageJa", "path", "severity"]);
    assert.equal(issue.code, "json.syntax");
    // 1-based, in Unicode characters: "x" is the 46th character of the line.
    assert.equal(issue.line, 1);
    assert.equal(issue.column, [...text].indexOf("x") + 1);
  });

  test("bytes that are not UTF-8 are an issue, located", () => {
    const bytes = new Uint8Array([0x7b, 0x0a, 0x20, 0x22, 0x61, 0x22, 0x3a, 0x20, 0x22, 0xff, 0x22, 0x7d]);
    assert.deepEqual(
      validate(bytes).map((i) => [i.code, i.line, i.column]),
      [["json.invalid_utf8", 2, 8]],
    );
  });

  test("an ArrayBuffer (what file.arrayBuffer() gives) is read as its bytes", () => {
    const buffer = iizukaBytes.slice().buffer;
    assert.deepEqual(validate(buffer), []);
    assert.equal(toCanonicalJson(buffer), toCanonicalJson(iizukaBytes));
    const broken = new Uint8Array([0x7b, 0x0a, 0x20, 0x22, 0x61, 0x22, 0x3a, 0x20, 0x22, 0xff, 0x22, 0x7d]);
    assert.deepEqual(
      validate(broken.buffer).map((i) => [i.code, i.line, i.column]),
      [["json.invalid_utf8", 2, 8]],
    );
  });
});

describe("the national code list is built into every module", () => {
  const modules = { plan: wp, reports, sheets };
  /** The Iizuka plan with `code`, and a period that starts by fiscal 2021 when `listsYears`. */
  const withCode = (code, listsYears) => {
    const doc = iizukaThirdPlan();
    doc.municipality.code = code;
    if (listsYears) doc.period = { start_fiscal_year: 2020, end_fiscal_year: 2024 };
    return doc;
  };

  for (const [name, m] of Object.entries(modules)) {
    test(`${name} module: 409995 (a right check digit, no such municipality) is municipality.unknown_code`, () => {
      const doc = withCode("409995", true);
      const issues = m.validate(doc);
      assert.deepEqual(
        issues.map((i) => [i.code, i.severity, i.path]),
        [["municipality.unknown_code", "error", "/municipality/code"]],
      );
      const [issue] = issues;
      assert.equal(
        issue.messageEn,
        "no municipality has code `409995` in the national code list (as of 2019-05-01)",
      );
      assert.equal(issue.messageJa, "団体コード `409995` の団体は全国地方公共団体コード（2019-05-01時点）にありません");
      // From text, the same issue at the code's line and column.
      const text = JSON.stringify(doc, null, 2);
      const [located] = m.validate(text);
      assert.equal(located.code, "municipality.unknown_code");
      const line = text.split("\n").findIndex((l) => l.includes('"409995"')) + 1;
      assert.equal(located.line, line);
      assert.throws(() => m.parsePlan(doc), (e) => e instanceof PlanError && e.issues[0].code === "municipality.unknown_code");
    });

    test(`${name} module: the list's own codes and names pass, and a name the list gives another code is named`, () => {
      assert.deepEqual(m.validate(withCode("402052", true)), []);
      const renamed = withCode("402052", true);
      renamed.municipality.name.ja = "千代田区";
      assert.deepEqual(
        m.validate(renamed).map((i) => [i.code, i.path]),
        [["municipality.name_mismatch", "/municipality/name/ja"]],
      );
      // Iizuka's own plan starts in fiscal 2023, after the list's years: only a warning.
      assert.deepEqual(
        m.validate(withCode("409995", false)).map((i) => [i.code, i.severity]),
        [["municipality.code_list_outdated", "warning"]],
      );
    });
  }
});

describe("validate never throws for any document", () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const hostile = {
    undefined: [undefined, "input.empty"],
    null: [null, "schema.wrong_type"],
    number: [42, "schema.wrong_type"],
    "a string object": [new String("{}"), "schema.wrong_type"],
    "an empty string": ["", "input.empty"],
    "a function": [() => 1, "input.empty"],
    "a symbol": [Symbol("plan"), "input.empty"],
    "a cyclic object": [cyclic, "json.syntax"],
    "a BigInt inside": [{ schema_version: 1n }, "json.syntax"],
    "a throwing toJSON": [{ toJSON() { throw new Error("nope"); } }, "json.syntax"],
    "a throwing getter": [Object.defineProperty({}, "id", { enumerable: true, get() { throw new RangeError("no"); } }), "json.syntax"],
    "an ArrayBuffer of eight zero bytes (read as its bytes)": [new ArrayBuffer(8), "json.syntax"],
    "a Uint16Array (written as an object with keys 0, 1)": [new Uint16Array([123, 125]), "schema.unknown_field"],
    "an array": [[], "schema.wrong_type"],
    "a Node Buffer (a Uint8Array)": [Buffer.from("[]"), "schema.wrong_type"],
  };
  for (const [name, [input, code]] of Object.entries(hostile)) {
    test(name, () => {
      const issues = validate(input);
      // Every problem comes out at once; the one this input is about is among them.
      assert.ok(issues.some((i) => i.code === code), JSON.stringify(issues));
      assert.ok(issues.every((i) => i.messageEn && i.messageJa));
      assert.throws(() => parsePlan(input), PlanError);
    });
  }

  test("a thousand mutations of the Iizuka plan: issues or a plan, never a crash", () => {
    // Deterministic: a small linear congruential generator.
    let seed = 20230401;
    const rand = (n) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    const pieces = ["{", "}", "[", "]", '"', ",", ":", "\\", "\u00ff", "null", "-1", "1e999", "\u3000", "x"];
    let invalid = 0;
    for (let k = 0; k < 1000; k++) {
      const bytes = iizukaBytes.slice();
      let out;
      switch (k % 4) {
        case 0: // flip a byte
          bytes[rand(bytes.length)] ^= 1 << rand(8);
          out = bytes;
          break;
        case 1: // truncate
          out = bytes.subarray(0, rand(bytes.length));
          break;
        case 2: { // splice in a piece of JSON syntax
          const at = rand(iizukaText.length);
          out = iizukaText.slice(0, at) + pieces[rand(pieces.length)] + iizukaText.slice(at);
          break;
        }
        default: { // delete a run of characters
          const at = rand(iizukaText.length);
          out = iizukaText.slice(0, at) + iizukaText.slice(at + 1 + rand(40));
        }
      }
      const issues = validate(out);
      assert.ok(Array.isArray(issues));
      if (issues.some((i) => i.severity === "error")) {
        invalid++;
        assert.throws(() => parsePlan(out), PlanError);
      } else {
        assert.equal(typeof parsePlan(out), "object");
      }
    }
    assert.ok(invalid > 500, `${invalid} of 1000 mutations were invalid`);
    // The module still works after all of that.
    assert.deepEqual(validate(iizukaBytes), []);
  });
});

describe("limits", () => {
  test("use JavaScript names; given ones replace the defaults", () => {
    assert.equal(validate(iizukaBytes, { maxInputBytes: 1000 })[0].code, "input.too_large");
    assert.equal(validate(iizukaBytes, { maxTextChars: 10 })[0].code, "limit.text_too_long");
    assert.deepEqual(validate(iizukaBytes, { maxInputBytes: Infinity, maxElements: 1e12 }), []);
    assert.deepEqual(validate(iizukaBytes, {}), []);
    assert.deepEqual(validate(iizukaBytes, null), []);
    assert.deepEqual(validate(iizukaBytes, undefined), []);
    assert.deepEqual(validate(iizukaBytes, { maxDepth: undefined }), []);
  });

  test("malformed limits are the caller's mistake: TypeError or RangeError", () => {
    assert.throws(() => validate(iizukaBytes, { max_input_bytes: 10 }), {
      name: "TypeError",
      message: /unknown limit `max_input_bytes`; known limits: `maxInputBytes`/,
    });
    assert.throws(() => validate(iizukaBytes, { maxDepth: "4" }), TypeError);
    assert.throws(() => validate(iizukaBytes, 5), TypeError);
    assert.throws(() => validate(iizukaBytes, { maxDepth: -1 }), RangeError);
    assert.throws(() => validate(iizukaBytes, { maxDepth: 1.5 }), RangeError);
    assert.throws(() => validate(iizukaBytes, { maxDepth: NaN }), RangeError);
    assert.throws(() => parsePlan(iizukaBytes, { maxDepth: -1 }), RangeError);
  });
});

describe("eras and labels come from the core", () => {
  test("fiscal years", () => {
    assert.equal(eraLabel(2023), "令和5年度");
    assert.equal(eraLabel(2019), "令和元年度");
    assert.equal(eraLabel(1988), "昭和63年度");
    assert.equal(eraLabelEn(2032), "FY2032 (Reiwa 14)");
    assert.equal(fiscalYearFromEra("令和5年度"), 2023);
    assert.equal(fiscalYearFromEra("平成31年度"), 2019);
    assert.equal(fiscalYearFromEra("Ｒ５"), 2023);
    assert.equal(fiscalYearFromEra("FY2023"), 2023);
    assert.equal(monthLabel(2023, 3), "令和5年3月");
    assert.equal(monthLabel(2019, 4), "平成31年4月");
  });

  test("bad years say why, as RangeError", () => {
    assert.throws(() => fiscalYearFromEra("令和5年"), {
      name: "RangeError",
      message: "`令和5年` is not a fiscal year this library can handle: this names a calendar year (年); a fiscal year ends in 年度, as in 令和5年度",
      messageJa: "`令和5年` は扱える年度ではありません（「年」は暦年の書き方です。年度は「令和5年度」のように書いてください）",
    });
    assert.throws(() => eraLabel(2201), { messageJa: "`2201` は扱える年度ではありません（1868年度から2200年度までに対応しています）" });
    assert.throws(() => eraLabel(2023.5), { name: "RangeError", messageJa: "年度は整数で指定してください（`2023.5` が渡されました）" });
    assert.throws(() => monthLabel(2023, -1), { name: "RangeError", messageJa: /^`2023--1` は扱える年月ではありません/ });
    // A whole number past any 32-bit integer is out of range, not "not a whole number".
    assert.throws(() => eraLabel(2 ** 32 + 2023), {
      name: "RangeError",
      messageJa: "`4294969319` は扱える年度ではありません（1868年度から2200年度までに対応しています）",
    });
    assert.throws(() => monthLabel(2023, 1e12), { name: "RangeError", messageJa: /^`1000000000000` は扱える年月ではありません/ });
    // Numbers are quoted as JavaScript writes them.
    assert.throws(() => eraLabel(-Infinity), { message: "the fiscal year must be a whole number, got `-Infinity`" });
    assert.throws(() => challengeLabel(NaN), { message: "an ordinal must be a whole number ≥ 0, got `NaN`" });
    assert.throws(() => fiscalYearFromEra(""), RangeError);
    for (const y of [1867, 2201, 2023.5, NaN, Infinity, 2 ** 32 + 2023]) {
      assert.throws(() => eraLabel(y), RangeError, String(y));
    }
    assert.throws(() => monthLabel(2023, 13), RangeError);
  });

  test("challenges and built-in sectors", () => {
    assert.deepEqual(challengeLabel(6), { ja: "⑥", en: "Challenge 6" });
    assert.deepEqual(sectorLabel("self_help"), { ja: "自助", en: "self-help" });
    assert.deepEqual(sectorLabel("public_help"), { ja: "公助", en: "public help" });
    assert.throws(() => sectorLabel("self-help"), { name: "RangeError", message: /`self_help`/, messageJa: /^支え合いの区分 `self-help` はありません/ });
    assert.throws(() => challengeLabel(-1), RangeError);
    assert.throws(() => challengeLabel(1.5), RangeError);
  });
});

describe("the tree: outline, initiatives, the help model's labels", () => {
  const plan = iizukaThirdPlan();

  test("outline lists every node in document order, with its place and the core's label", () => {
    const nodes = outline(plan);
    const walked = [...walk(plan.nodes)];
    assert.deepEqual(nodes.map((n) => n.id), walked.map((w) => w.node.id));
    assert.deepEqual(nodes.map((n) => n.depth), walked.map((w) => w.depth));
    assert.deepEqual(nodes.map((n) => n.level), walked.map((w) => plan.levels[w.depth].id));
    // The path leads to the node in the plan object.
    const at = (path) =>
      path.split("/").slice(1).reduce((v, k) => v[/^\d+$/.test(k) ? Number(k) : k], plan);
    for (const n of nodes) assert.equal(at(n.path).id, n.id, n.path);
    assert.deepEqual(nodes.slice(0, 3).map((n) => [n.path, n.label]), [
      ["/nodes/0", { ja: "基本目標Ⅰ", en: "Basic goal I" }],
      ["/nodes/0/children/0", { ja: "活動目標1", en: "Activity target 1" }],
      ["/nodes/0/children/0/children/0", { ja: "(1)", en: "(1)" }],
    ]);
    assert.equal(nodes.find((n) => n.path === "/nodes/2").label.ja, "基本目標Ⅲ");
    assert.ok(nodes.every((n) => !("district" in n)));
  });

  test("a two-level plan is labelled by its own levels", () => {
    // Iizuka's goals with their initiatives directly below them, numbered by a level of the
    // plan's own naming.
    const doc = iizukaThirdPlan();
    doc.levels = [doc.levels[0], { id: "action", name: { ja: "取り組み", en: "Action" }, numbering: "arabic" }];
    for (const goal of doc.nodes) {
      goal.children = goal.children.flatMap((t) => t.children).map((i, k) => ({ ...i, number: k + 1 }));
    }
    assert.deepEqual(validate(doc), []);
    const nodes = outline(doc);
    assert.deepEqual(new Set(nodes.map((n) => n.depth)), new Set([0, 1]));
    const second = nodes.filter((n) => n.depth === 1 && n.path.startsWith("/nodes/1/"));
    assert.deepEqual(second.map((n) => n.label.ja), second.map((_, k) => `取り組み${k + 1}`));
    assert.deepEqual(second.map((n) => n.label.en), second.map((_, k) => `Action ${k + 1}`));
    assert.equal(nodes[0].label.en, "Basic goal I");
    // Without `initiative_level`, the initiatives are the deepest level's nodes.
    assert.deepEqual(initiatives(doc).map((n) => n.id), nodes.filter((n) => n.depth === 1).map((n) => n.id));
    doc.initiative_level = "goal";
    assert.deepEqual(initiatives(doc).map((n) => n.id), doc.nodes.map((g) => g.id));
    // Unnumbered nodes have empty labels.
    doc.levels[1].numbering = "none";
    for (const goal of doc.nodes) for (const i of goal.children) delete i.number;
    assert.ok(outline(doc).filter((n) => n.depth === 1).every((n) => n.label.ja === "" && n.label.en === ""));
  });

  test("initiatives are the initiative level's nodes, narrowed by sector and challenge", () => {
    const all = initiatives(plan);
    assert.equal(all.length, 19);
    assert.ok(all.every((n) => n.level === "initiative" && n.depth === 2));
    const byId = new Map([...walk(plan.nodes)].map(({ node }) => [node.id, node]));
    const mutual = all.filter((n) => (byId.get(n.id).participants ?? []).some((p) => p.sector === "mutual_help"));
    assert.ok(mutual.length > 0 && mutual.length < all.length);
    // The plan's help model resolves a sector's code and its labels alike.
    for (const name of ["mutual_help", "共助", "mutual help"]) {
      assert.deepEqual(initiatives(plan, { sector: name }), mutual, name);
    }
    const c3 = all.filter((n) => (byId.get(n.id).challenges ?? []).includes("c3"));
    assert.ok(c3.length > 0);
    assert.deepEqual(initiatives(plan, { challenge: "c3" }), c3);
    const both = mutual.filter((n) => c3.some((c) => c.id === n.id));
    assert.ok(both.length > 0 && both.length < c3.length, "both filters narrow");
    assert.deepEqual(initiatives(plan, { sector: "共助", challenge: "c3" }), both);
    assert.deepEqual(initiatives(plan, {}), all);
    assert.deepEqual(initiatives(plan, null), all);
    assert.deepEqual(initiatives(plan, { sector: undefined }), all);
  });

  test("unknown sectors and challenges are RangeError; malformed filters TypeError", () => {
    // 互助 is a built-in sector, but not in this three-help plan.
    assert.throws(() => initiatives(plan, { sector: "互助" }), {
      name: "RangeError",
      message: /unknown help sector `互助`; expected one of `self_help` \(自助\), `mutual_help` \(共助\)/,
    });
    assert.throws(() => initiatives(plan, { challenge: "c99" }), { name: "RangeError", message: /`c99`/ });
    assert.throws(() => initiatives(plan, { sektor: "共助" }), { name: "TypeError", message: /unknown filter `sektor`/ });
    assert.throws(() => initiatives(plan, { sector: 1 }), TypeError);
    assert.throws(() => initiatives(plan, "共助"), TypeError);
    assert.throws(() => outline("{"), PlanError);
    assert.throws(() => initiatives(iizukaBytes, {}, { maxInputBytes: 10 }), PlanError);
  });

  test("the help model's labels: its heading and sectors, in the model's order and the plan's terms", () => {
    const model = helpModelLabels(plan);
    assert.deepEqual(
      model.sectors,
      plan.help_model.sectors.map((d) => ({ sector: d.sector, label: sectorLabel(d.sector) })),
    );
    assert.deepEqual(model.heading, {
      ja: model.sectors.map((s) => s.label.ja).join("・"),
      en: model.sectors.map((s) => s.label.en).join(", "),
    });
    assert.equal(model.heading.ja, "自助・共助・公助");
    const custom = iizukaThirdPlan();
    custom.help_model.kind = "custom";
    custom.help_model.sectors[1].label = { ja: "地域の役割", en: "The community's part" };
    for (const s of custom.help_model.sectors) s.label ??= sectorLabel(s.sector);
    const customLabels = helpModelLabels(custom);
    assert.deepEqual(customLabels.sectors[1], { sector: "mutual_help", label: { ja: "地域の役割", en: "The community's part" } });
    assert.equal(customLabels.heading.ja, "自助・地域の役割・公助");
    assert.deepEqual(initiatives(custom, { sector: "地域の役割" }), initiatives(plan, { sector: "共助" }));
    delete custom.help_model;
    for (const a of custom.actors ?? []) delete a.sector;
    for (const { node } of walk(custom.nodes)) for (const p of node.participants ?? []) delete p.sector;
    assert.deepEqual(validate(custom), []);
    assert.equal(helpModelLabels(custom), null);
    assert.throws(() => initiatives(custom, { sector: "共助" }), { name: "RangeError", message: /no help model/ });
  });
});

describe("Python's plan helpers, and the type guard", () => {
  const plan = JSON.parse(iizukaText);
  const nodes = [...walk(plan.nodes)];
  const ids = (infos) => infos.map((n) => n.id);
  // Computed here from the data, independently of the module: Iizuka's initiatives are its
  // third level.
  const initiativeNodes = nodes.filter((w) => w.depth === 2).map((w) => w.node);

  test("initiativesInSector: by code or label, the initiatives with someone acting in the sector", () => {
    const bySector = (code) => initiativeNodes.filter((n) => (n.participants ?? []).some((p) => p.sector === code)).map((n) => n.id);
    for (const [code, ja, en] of [["self_help", "自助", "self-help"], ["mutual_help", "共助", "mutual help"], ["public_help", "公助", "public help"]]) {
      const expected = bySector(code);
      assert.ok(expected.length > 0, code);
      for (const name of [code, ja, en]) assert.deepEqual(ids(initiativesInSector(plan, name)), expected, name);
      assert.deepEqual(initiativesInSector(iizukaBytes, ja), initiatives(plan, { sector: code }));
    }
    assert.throws(() => initiativesInSector(plan, "互助"), { name: "RangeError", message: /`互助`.*`self_help` \(自助\)/ });
  });

  test("initiativesAddressing: the initiatives that address a challenge", () => {
    let some = 0;
    for (const { id } of plan.challenges) {
      const expected = initiativeNodes.filter((n) => (n.challenges ?? []).includes(id)).map((n) => n.id);
      some += expected.length;
      const found = initiativesAddressing(plan, id);
      assert.deepEqual(ids(found), expected, id);
      assert.deepEqual(found, initiatives(plan, { challenge: id }));
      assert.ok(found.every((n) => n.level === "initiative" && n.label.ja.startsWith("(")));
    }
    assert.ok(some > 0);
    assert.throws(() => initiativesAddressing(plan, "c99"), { name: "RangeError", message: /unknown challenge `c99`/ });
  });

  test("nodesAtLevel: a level's nodes, in document order, with their labels", () => {
    plan.levels.forEach((level, depth) => {
      const expected = nodes.filter((w) => w.depth === depth).map((w) => w.node.id);
      const found = nodesAtLevel(plan, level.id);
      assert.deepEqual(ids(found), expected, level.id);
      assert.ok(found.every((n) => n.depth === depth && n.level === level.id));
    });
    // Iizuka numbers its activity targets within each basic goal.
    const targetLabels = plan.nodes.flatMap((g) => g.children.map((_, k) => `活動目標${k + 1}`));
    assert.equal(targetLabels.length, 8);
    assert.deepEqual(nodesAtLevel(plan, "target").map((n) => n.label.ja), targetLabels);
    assert.throws(() => nodesAtLevel(plan, "goals"), { name: "RangeError", message: /unknown level `goals`; the plan's levels are `goal`, `target`, `initiative`/ });
  });

  test("sectorCode: the code a sector's code or label means in the plan", () => {
    assert.equal(sectorCode(plan, "共助"), "mutual_help");
    assert.equal(sectorCode(plan, "public help"), "public_help");
    assert.equal(sectorCode(plan, "self_help"), "self_help");
    assert.throws(() => sectorCode(plan, "互助"), { name: "RangeError", message: /互助/ });
    const broken = structuredClone(plan);
    broken.nodes[0].title.ja = " ";
    assert.throws(() => sectorCode(broken, "共助"), PlanError);
  });

  test("isPlan: true for a 2.0 plan object without errors, false for anything else, and never throws", () => {
    assert.equal(isPlan(plan), true);
    assert.equal(isPlan(iizukaThirdPlan()), true);
    assert.equal(isPlan(parsePlan(iizukaBytes)), true);
    const v1 = JSON.parse(readFileSync(new URL("tests/conformance/base/iizuka-3rd-1.0.json", repo), "utf8"));
    assert.deepEqual(validate(v1), [], "a valid 1.0 document");
    assert.equal(isPlan(v1), false, "1.0 is not the Plan type: parsePlan upgrades it");
    assert.equal(isPlan(parsePlan(v1)), true);
    const dangling = structuredClone(plan);
    dangling.nodes[0].children[0].children[0].challenges = ["c99"];
    const cyclic = structuredClone(plan);
    cyclic.extensions = { self: cyclic };
    const throwing = { ...plan, get title() { throw new Error("no"); } };
    const proxy = new Proxy(plan, { get() { throw new Error("no"); } });
    for (const [what, value] of [
      ["text", iizukaText], ["bytes", iizukaBytes], ["null", null], ["undefined", undefined], ["a number", 42],
      ["an array", [plan]], ["{}", {}], ["a dangling reference", dangling], ["a cycle", cyclic],
      ["a throwing getter", throwing], ["a throwing proxy", proxy], ["a function", () => plan],
      ["another version", { ...plan, schema_version: "3.0" }],
    ]) {
      assert.equal(isPlan(value), false, what);
    }
    assert.throws(() => isPlan(plan, { maxDepht: 1 }), TypeError);
    // Limits apply: a plan over them is no plan.
    assert.equal(isPlan(plan, { maxElements: 2 }), false);
  });

  test("parsePlan takes an object, as its declaration says, and checks it as its JSON", () => {
    assert.deepEqual(parsePlan(plan), plan);
    assert.throws(() => parsePlan({}), (e) => e instanceof PlanError && e.issues.length > 0 && e.issues.every((i) => i.line === undefined));
    assert.throws(() => parsePlan(42), PlanError);
  });
});

describe("the package surface", () => {
  const pkg = new URL("../pkg/", import.meta.url);
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  /** The names an entry file re-exports from its glue module, plan-error.js and data.js. */
  const names = (text, glue) =>
    [...text.matchAll(new RegExp(`export\\s*\\{([^}]*)\\}\\s*from\\s*"\\./(?:${escape(glue)}|plan-error\\.js|data\\.js)"`, "g"))]
      .flatMap((m) => m[1].split(","))
      .map((s) => s.trim())
      .filter(Boolean)
      .sort();
  /** Every module of the package that an entry file imports or re-exports from (comments aside). */
  const sources = (text) => {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    const from = [...code.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => m[1]);
    return [...new Set(from)].filter((s) => !s.startsWith("node:")).sort();
  };
  /** The functions a glue module exports (its init functions aside). */
  const functions = async (glue) =>
    Object.keys(await import(new URL(glue, pkg))).filter((k) => k !== "default" && k !== "initSync").sort();

  const entries = [
    {
      name: "welfare-plan",
      exports: wp,
      glue: "wasm/welfare_plan_wasm.js",
      files: ["index.js", "node.js", "index.d.ts", "index.esbuild.js", "node.esbuild.js"],
      types: ["./types.js"],
    },
    {
      name: "welfare-plan/reports",
      exports: reports,
      glue: "reports/wasm/welfare_plan_wasm.js",
      files: ["reports.js", "reports-node.js", "reports.d.ts", "reports.esbuild.js", "reports-node.esbuild.js"],
      types: ["./types.js", "./report-types.js", "./diff-types.js"],
    },
  ];
  for (const entry of entries) {
    test(`${entry.name}: node, browser and type entries export the same functions as its module`, async () => {
      const data = await import(new URL("data.js", pkg));
      const expected = [...(await functions(entry.glue)), ...Object.keys(data), "PlanError"].sort();
      assert.deepEqual(Object.keys(entry.exports).sort(), expected);
      for (const file of entry.files) {
        const text = readFileSync(new URL(file, pkg), "utf8");
        assert.deepEqual(names(text, entry.glue), expected, file);
        // Each entry reads its own module only (and the shared PlanError, data and types; a
        // browser entry its error for a module it cannot load; an esbuild variant its .wasm).
        const wasm = `./${entry.glue.replace(/\.js$/, "_bg.wasm")}`;
        const own = [
          `./${entry.glue}`,
          "./plan-error.js",
          "./data.js",
          ...(file.endsWith(".d.ts") ? entry.types : []),
          ...(/node/.test(file) || file.endsWith(".d.ts") ? [] : ["./wasm-missing.js"]),
          ...(file.endsWith(".esbuild.js") ? [wasm] : []),
        ];
        assert.deepEqual(sources(text), own.sort(), file);
        if (file.endsWith(".esbuild.js")) {
          // The variant is its entry with the module located by the import, nothing else changed.
          const base = readFileSync(new URL(file.replace(".esbuild", ""), pkg), "utf8");
          const body = text.split("\n").slice(2).join("\n");
          assert.equal(body, base.replace(`new URL("${wasm}", import.meta.url)`, "new URL(wasmPath, import.meta.url)"), file);
        }
      }
    });
  }

  test("the reports module is the plan module, the report, page and diff functions; the plan module has none of them", async () => {
    const plan = await functions("wasm/welfare_plan_wasm.js");
    const withReports = await functions("reports/wasm/welfare_plan_wasm.js");
    const reportFunctions = [
      "diffHtml", "diffPlans", "diffReports", "diffText", "evaluate", "parseReport", "planHash", "statusLabel",
      "toHtml", "toMarkdown", "validateReport",
    ];
    assert.deepEqual(withReports, [...plan, ...reportFunctions].sort());
    for (const name of reportFunctions) assert.equal(wp[name], undefined, name);
  });

  test("both entries throw the one PlanError, and their plan functions agree", () => {
    assert.equal(reports.PlanError, PlanError);
    const plan = JSON.parse(iizukaText);
    plan.nodes[0].title.ja = " ";
    const broken = JSON.stringify(plan);
    for (const parse of [parsePlan, reports.parsePlan]) {
      assert.throws(
        () => parse(broken),
        (e) => e instanceof PlanError && e instanceof reports.PlanError && e.issues.length > 0,
      );
    }
    assert.deepEqual(reports.validate(broken), validate(broken));
    assert.equal(reports.toCanonicalJson(iizukaBytes), toCanonicalJson(iizukaBytes));
    assert.deepEqual(reports.outline(iizukaBytes), outline(iizukaBytes));
    assert.deepEqual(reports.initiatives(iizukaBytes, { sector: "共助" }), initiatives(iizukaBytes, { sector: "共助" }));
    assert.equal(reports.eraLabel(2023), eraLabel(2023));
  });

  test("the package version is the crate version", () => {
    const manifest = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));
    const cargo = readFileSync(new URL("Cargo.toml", repo), "utf8");
    const version = cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
    assert.equal(manifest.version, version);
    assert.equal(manifest.name, "welfare-plan");
  });
});
