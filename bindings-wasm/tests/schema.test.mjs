// The JSON Schema, compiled by an independent validator (ajv, draft 2020-12), agrees with the
// library on every corpus case that states a schema verdict, and accepts the Iizuka plan. As in
// the Rust suite, a document with the shape of format 1.0 (`goals`, no `nodes`) is checked
// against the frozen 1.0 schema, the format the library reads it in before upgrading it.
//
// ajv options, and why:
// - strict: true: ajv must understand every keyword of the generated schema (no silently
//   ignored typo); the schema passes all of ajv's strict checks.
// - allowUnionTypes: true: an indicator's value (Quantity) is `"type": ["number", "string"]`, a
//   type list that draft 2020-12 allows and that strict mode otherwise refuses; every other
//   strict check stays on.
// - unicodeRegExp: true (ajv's default, stated here on purpose): patterns are compiled with the
//   `u` flag, so `\S` and character classes work on code points as in Rust's regex.
// - validateFormats: false: the frozen 1.0 schema still has schemars' `format: "uint32"` /
//   `"double"`, which strict mode would refuse as unknown; the generated schemas have none (a
//   test below compiles them with ajv's default options).
// - allErrors: false: only the verdict is compared.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";
import { iizukaThirdPlan, jsonSchema } from "welfare-plan";
import { cases, cliEnv, cliPath, repo, textOf } from "./corpus.mjs";

const schemaText = readFileSync(new URL("schemas/plan.schema.json", repo), "utf8");
const v1SchemaText = readFileSync(new URL("schemas/plan-1.0.schema.json", repo), "utf8");
const ajv = new Ajv2020({
  strict: true,
  allowUnionTypes: true,
  unicodeRegExp: true,
  validateFormats: false,
  allErrors: false,
});
const check = ajv.compile(JSON.parse(schemaText));
const checkV1 = ajv.compile(JSON.parse(v1SchemaText));
const errors = (validator = check) => (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
/** The schema of the format whose shape `doc` has. */
const schemaFor = (doc) =>
  doc !== null && typeof doc === "object" && "goals" in doc && !("nodes" in doc) ? checkV1 : check;

describe("JSON Schema (ajv, draft 2020-12)", () => {
  test("every generated schema compiles with ajv's default options, as `ajv compile --spec=draft2020` does", () => {
    const refused = [];
    const strict = new Ajv2020({ logger: { log() {}, warn() {}, error: (m) => refused.push(String(m)) } });
    for (const file of ["plan", "progress-report", "diff"]) {
      const schema = JSON.parse(readFileSync(new URL(`schemas/${file}.schema.json`, repo), "utf8"));
      assert.doesNotThrow(() => strict.compile(schema), file);
    }
    assert.deepEqual(refused, []);
  });

  test("jsonSchema() is the committed schema", () => {
    assert.deepEqual(jsonSchema(), JSON.parse(schemaText));
    assert.notEqual(jsonSchema(), jsonSchema(), "a fresh object each call");
  });

  test("accepts the Iizuka plan, as data and as the committed file", () => {
    assert.ok(check(iizukaThirdPlan()), errors().join("\n"));
    const file = JSON.parse(readFileSync(new URL("core/data/iizuka-3rd.json", repo), "utf8"));
    assert.ok(check(file), errors().join("\n"));
  });

  let compared = 0;
  for (const c of cases()) {
    if (c.expected.schema_valid === null) continue;
    compared++;
    test(`agrees on ${c.name}`, () => {
      const text = textOf(c.bytes);
      assert.notEqual(text, null, "cases with a schema verdict are UTF-8");
      const doc = JSON.parse(text.replace(/^\uFEFF/, ""));
      if (c.expected.valid) assert.ok(c.expected.schema_valid, "a valid plan must be schema-valid");
      const validator = schemaFor(doc);
      assert.equal(validator(doc), c.expected.schema_valid, errors(validator).join("\n"));
    });
  }
  test("enough cases state a schema verdict", () => assert.ok(compared > 30, `${compared}`));

  test("the 2.0 schema refuses a 1.0 document, which the 1.0 schema accepts", () => {
    const v1 = JSON.parse(readFileSync(new URL("tests/conformance/base/iizuka-3rd-1.0.json", repo), "utf8"));
    assert.equal(schemaFor(v1), checkV1);
    assert.ok(checkV1(v1), errors(checkV1).join("\n"));
    assert.equal(check(v1), false);
    assert.equal(schemaFor(iizukaThirdPlan()), check);
  });
});

describe("the package's JSON subpaths", () => {
  test("welfare-plan/schema.json, report.schema.json and codelists.json are what the core generates now", () => {
    const out = mkdtempSync(join(tmpdir(), "welfare-plan-schemas-"));
    try {
      execFileSync(cliPath(), ["schema", "--out", out], { env: cliEnv, encoding: "utf8" });
      const require = createRequire(import.meta.url);
      for (const [subpath, generated] of [
        ["schema.json", "plan.schema.json"],
        ["report.schema.json", "progress-report.schema.json"],
        ["codelists.json", "codelists.json"],
      ]) {
        const shipped = readFileSync(require.resolve(`welfare-plan/${subpath}`), "utf8");
        assert.equal(shipped, readFileSync(join(out, generated), "utf8"), subpath);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
