// The JavaScript surface: round trips, helpers, errors, limits and hostile arguments.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as wp from "welfare-plan";
import {
  PlanError,
  challengeLabel,
  eraLabel,
  eraLabelEn,
  fiscalYearFromEra,
  goalLabel,
  iizukaThirdPlan,
  initiativeLabel,
  monthLabel,
  parsePlan,
  sectorLabel,
  targetLabel,
  toCanonicalJson,
  validate,
} from "welfare-plan";
import { repo } from "./corpus.mjs";

const iizukaBytes = new Uint8Array(readFileSync(new URL("core/data/iizuka-3rd.json", repo)));
const iizukaText = new TextDecoder().decode(iizukaBytes);

describe("round trip", () => {
  test("toCanonicalJson(parsePlan(bytes)) is the committed file, byte for byte", () => {
    assert.equal(toCanonicalJson(parsePlan(iizukaBytes)), iizukaText);
    assert.equal(toCanonicalJson(iizukaThirdPlan()), iizukaText);
    assert.equal(toCanonicalJson(iizukaText), iizukaText);
    assert.deepEqual(Buffer.from(toCanonicalJson(parsePlan(iizukaText))), Buffer.from(iizukaBytes));
  });

  test("the built-in plan is the committed file, with 19 initiatives", () => {
    const plan = iizukaThirdPlan();
    assert.deepEqual(plan, JSON.parse(iizukaText));
    assert.equal(plan.title.ja, "第3期飯塚市地域福祉計画");
    const initiatives = plan.goals.flatMap((g) => g.targets.flatMap((t) => t.initiatives));
    assert.equal(initiatives.length, 19);
    assert.deepEqual(validate(plan), []);
    assert.notEqual(iizukaThirdPlan(), plan, "a fresh object each call");
  });

  test("parsePlan returns the plan in canonical form: defaults left out", () => {
    const doc = JSON.parse(iizukaText);
    doc.goals[0].targets[0].initiatives[0].priority = false;
    doc.sub_plans = [];
    const plan = parsePlan(JSON.stringify(doc));
    assert.equal("priority" in plan.goals[0].targets[0].initiatives[0], false);
    assert.equal("sub_plans" in plan, false);
  });

  test("an invalid plan object cannot be written canonically", () => {
    const plan = iizukaThirdPlan();
    plan.goals[0].targets[0].initiatives[0].challenges = ["no-such-challenge"];
    assert.throws(
      () => toCanonicalJson(plan),
      (e) =>
        e instanceof PlanError &&
        e.issues.length === 1 &&
        e.issues[0].code === "reference.dangling" &&
        e.issues[0].path === "/goals/0/targets/0/initiatives/0/challenges/0" &&
        e.issues[0].line === undefined,
    );
  });
});

describe("PlanError", () => {
  test("is a real Error subclass carrying every issue", () => {
    let caught;
    try {
      parsePlan('{"schema_version": "1.0", ');
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
  });

  test("warnings alone do not throw, and parsePlan keeps them out of the plan", () => {
    const doc = JSON.parse(iizukaText);
    delete doc.goals[0].targets[0].initiatives[0].participants;
    const issues = validate(JSON.stringify(doc));
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity]),
      [["coverage.initiative_without_actor", "warning"]],
    );
    assert.equal(parsePlan(JSON.stringify(doc)).goals.length, 3);
  });
});

describe("issues", () => {
  test("use JavaScript names and count columns in characters", () => {
    const text = '{"schema_version": "1.0", "id": "あい", "title": x}';
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
    "an ArrayBuffer": [new ArrayBuffer(8), "schema.missing_field"],
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
    assert.throws(() => fiscalYearFromEra("令和5年"), { name: "RangeError", message: /年度/ });
    assert.throws(() => fiscalYearFromEra(""), RangeError);
    for (const y of [1867, 2201, 2023.5, NaN, Infinity, 2 ** 32 + 2023]) {
      assert.throws(() => eraLabel(y), RangeError, String(y));
    }
    assert.throws(() => monthLabel(2023, 13), RangeError);
  });

  test("ordinals and sectors", () => {
    assert.deepEqual(goalLabel(1), { ja: "基本目標Ⅰ", en: "Basic goal I" });
    assert.deepEqual(goalLabel(14), { ja: "基本目標XIV", en: "Basic goal XIV" });
    assert.deepEqual(targetLabel(2), { ja: "活動目標2", en: "Activity target 2" });
    assert.equal(initiativeLabel(3), "(3)");
    assert.deepEqual(challengeLabel(6), { ja: "⑥", en: "Challenge 6" });
    assert.deepEqual(sectorLabel("self_help"), { ja: "自助", en: "self-help" });
    assert.deepEqual(sectorLabel("public_help"), { ja: "公助", en: "public help" });
    assert.throws(() => sectorLabel("self-help"), { name: "RangeError", message: /`self_help`/ });
    assert.throws(() => goalLabel(-1), RangeError);
  });
});

describe("the package surface", () => {
  const names = (text) =>
    [...text.matchAll(/export\s*\{([^}]*)\}\s*from\s*"\.\/(?:wasm\/welfare_plan_wasm|plan-error)\.js"/g)]
      .flatMap((m) => m[1].split(","))
      .map((s) => s.trim())
      .filter(Boolean)
      .sort();
  const pkg = new URL("../pkg/", import.meta.url);

  test("node, browser and type entries export the same functions as the module", async () => {
    const glue = await import(new URL("wasm/welfare_plan_wasm.js", pkg));
    const fromModule = Object.keys(glue).filter((k) => k !== "default" && k !== "initSync");
    const expected = [...fromModule, "PlanError"].sort();
    assert.deepEqual(Object.keys(wp).sort(), expected);
    assert.deepEqual(names(readFileSync(new URL("index.js", pkg), "utf8")), expected);
    assert.deepEqual(names(readFileSync(new URL("node.js", pkg), "utf8")), expected);
    assert.deepEqual(names(readFileSync(new URL("index.d.ts", pkg), "utf8")), expected);
  });

  test("the package version is the crate version", () => {
    const manifest = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));
    const cargo = readFileSync(new URL("Cargo.toml", repo), "utf8");
    const version = cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
    assert.equal(manifest.version, version);
    assert.equal(manifest.name, "welfare-plan");
  });
});
