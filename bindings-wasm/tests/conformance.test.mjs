// The shared conformance corpus through the WebAssembly module: the same issue codes and paths,
// in the same order, as the expected files (and as the Rust suite sees them), the cases about the
// national code list included (the module has the list built in), for bytes input
// and for string input; validate never throws; parsePlan throws PlanError exactly when the
// document is invalid.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PlanError, parsePlan, toCanonicalJson, validate } from "welfare-plan";
import { cases, limitsOf, pairs, textOf } from "./corpus.mjs";

const isValid = (issues) => !issues.some((i) => i.severity === "error");
const codes = (issues) => issues.map((i) => i.code);
/** The `schema_version` a document's text states, if it is JSON that states one. */
const versionOf = (text) => {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")).schema_version;
  } catch {
    return undefined;
  }
};

function assertWellFormed(issues, fromText) {
  for (const i of issues) {
    assert.equal(typeof i.code, "string");
    assert.ok(i.severity === "error" || i.severity === "warning", i.severity);
    assert.equal(typeof i.path, "string");
    assert.ok(i.path === "" || i.path.startsWith("/"), i.path);
    assert.ok(i.messageJa.length > 0 && i.messageEn.length > 0, i.code);
    assert.ok(i.messageEn.length < 1000, `${i.code}: message too long`);
    // The core locates every issue it finds in a text; only documents refused before they are
    // read (too large, empty) have no position.
    if (fromText && i.code !== "input.too_large" && i.code !== "input.empty") {
      assert.ok(Number.isInteger(i.line) && i.line >= 1, `${i.code} line ${i.line}`);
      assert.ok(Number.isInteger(i.column) && i.column >= 1, `${i.code} column ${i.column}`);
    } else if (!fromText) {
      assert.ok(i.line === undefined && i.column === undefined, `${i.code} has a position`);
    }
  }
}

describe("conformance corpus", () => {
  let count = 0;
  let listed = 0;
  for (const c of cases()) {
    count++;
    // The cases about the national code list run as every other: every module has it built in.
    if (c.expected.needs_code_list) listed++;
    test(c.name, () => {
      const { expected } = c;
      const limits = limitsOf(expected);
      const bytes = c.bytes;
      assert.ok(bytes instanceof Uint8Array);

      const fromBytes = validate(bytes, limits);
      assert.deepEqual(pairs(fromBytes), pairs(expected.issues), expected.description);
      assert.equal(isValid(fromBytes), expected.valid);
      assertWellFormed(fromBytes, true);

      const text = textOf(bytes);
      if (text !== null) {
        // The same text as a string: same issues, positions included.
        assert.deepEqual(validate(text, limits), fromBytes);
      }

      if (expected.valid) {
        const plan = parsePlan(bytes, limits);
        assert.equal(typeof plan, "object");
        // Written in the current format, whichever the document was read in.
        assert.equal(plan.schema_version, "2.0");
        // A plan object is checked as its JSON text: same verdict, no positions. A 1.0
        // document's issues point into the 1.0 document; the plan's into its 2.0 upgrade, which
        // is what its canonical JSON says too.
        const again = validate(plan, limits);
        assert.deepEqual(codes(again), codes(expected.issues));
        const upgraded = versionOf(text) !== "2.0";
        const want = upgraded ? validate(toCanonicalJson(bytes, limits), limits) : expected.issues;
        assert.deepEqual(pairs(again), pairs(want));
        assert.ok(again.every((i) => i.line === undefined && i.column === undefined));
      } else {
        assert.throws(
          () => parsePlan(bytes, limits),
          (e) => {
            assert.ok(e instanceof PlanError, String(e));
            assert.ok(e instanceof Error);
            assert.equal(e.name, "PlanError");
            assert.deepEqual(e.issues, fromBytes);
            assert.match(e.message, /^invalid plan: error \[/);
            return true;
          },
        );
      }
    });
  }
  test("the corpus is all there", () => assert.ok(count > 40, `${count} cases`));
  test("the cases about the national code list are among them", () => assert.ok(listed >= 5, `${listed} cases`));
});
