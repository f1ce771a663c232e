// Memory: thousands of calls leave each WebAssembly module's memory flat (the plan module's and
// the reports module's), so no call leaks Rust allocations or JavaScript handles (wasm-bindgen's
// externref table).
//
// WebAssembly memory only grows, and Rust's allocator reuses what is freed, so after a warm-up
// a call that frees everything it allocates adds nothing. The bound (16 pages, 1 MiB) is far
// above what was measured (no growth at all) yet below what a leak of 100 bytes per validate
// call would add over 10,000 calls.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { PlanError, helpModelLabels, initiatives, outline, parsePlan, toCanonicalJson, validate } from "welfare-plan";
import * as reports from "welfare-plan/reports";
// The glue modules the package's Node entries initialised (the same files, so the same module
// instances): the plan module's and the reports module's. `initSync` initialises once and then
// hands back the same exports on every call, which reaches each instance's `memory` and handle
// table without adding anything to the package.
import { initSync } from "../pkg/wasm/welfare_plan_wasm.js";
import { initSync as initReportsSync } from "../pkg/reports/wasm/welfare_plan_wasm.js";
import { example, repo } from "./corpus.mjs";

const instance = initSync();
const reportsInstance = initReportsSync();
const MEMORY_BOUND = 16 * 65536;
const HANDLE_BOUND = 64;
const WARM_UP = 200;

const iizuka = new Uint8Array(readFileSync(new URL("core/data/iizuka-3rd.json", repo)));

const snapshot = (of) => ({
  memory: of.memory.buffer.byteLength,
  handles: of.__wbindgen_externrefs.length,
});

/**
 * What `times` calls of `step` add to a module's memory and handle table after a warm-up: the
 * plan module's, or the one given (the reports module's).
 */
function growth(step, times, of = instance) {
  for (let i = 0; i < WARM_UP; i++) step();
  const before = snapshot(of);
  for (let i = 0; i < times; i++) step();
  const after = snapshot(of);
  return { memory: after.memory - before.memory, handles: after.handles - before.handles };
}

function assertFlat(added, what) {
  assert.ok(added.memory <= MEMORY_BOUND, `${what} grew the memory by ${added.memory} bytes`);
  assert.ok(added.handles <= HANDLE_BOUND, `${what} grew the handle table by ${added.handles}`);
}

describe("memory stays flat", () => {
  test("10,000 validate calls on the Iizuka plan's bytes", () => {
    let issues = null;
    const added = growth(() => {
      issues = validate(iizuka);
    }, 10_000);
    assert.deepEqual(issues, []);
    assertFlat(added, "validate");
  });

  test("1,000 parsePlan and toCanonicalJson calls", () => {
    let text = "";
    const added = growth(() => {
      text = toCanonicalJson(parsePlan(iizuka));
    }, 1_000);
    assert.equal(text, new TextDecoder().decode(iizuka));
    assertFlat(added, "parsePlan + toCanonicalJson");
  });

  test("1,000 parsePlan calls that throw PlanError", () => {
    const plan = JSON.parse(new TextDecoder().decode(iizuka));
    plan.nodes[0].title.ja = " ";
    plan.municipality.code = "402051";
    const broken = new TextEncoder().encode(JSON.stringify(plan));
    let caught = null;
    const added = growth(() => {
      try {
        parsePlan(broken);
      } catch (e) {
        caught = e;
      }
    }, 1_000);
    assert.ok(caught instanceof PlanError, String(caught));
    assert.deepEqual(
      caught.issues.map((i) => i.code),
      ["text.blank", "municipality.check_digit"],
    );
    assertFlat(added, "PlanError");
  });

  test("1,000 outline, initiatives and helpModelLabels calls, and 1,000 that throw RangeError", () => {
    let counts = [];
    const added = growth(() => {
      counts = [outline(iizuka).length, initiatives(iizuka, { sector: "共助" }).length, helpModelLabels(iizuka).sectors.length];
    }, 1_000);
    assert.deepEqual(counts.map((n) => n > 0), [true, true, true]);
    assertFlat(added, "outline + initiatives + helpModelLabels");
    let caught = null;
    const thrown = growth(() => {
      try {
        initiatives(iizuka, { sector: "互助" });
      } catch (e) {
        caught = e;
      }
    }, 1_000);
    assert.ok(caught instanceof RangeError, String(caught));
    assertFlat(thrown, "RangeError");
  });

  test("1,000 validateReport, evaluate and planHash calls, and 1,000 parseReport calls that throw PlanError (the reports module)", () => {
    const { validateReport, evaluate, planHash, parseReport } = reports;
    const ex = example();
    const { plan } = ex;
    let seen = [];
    const added = growth(() => {
      seen = [validateReport(ex.reports[1], plan).length, evaluate(plan, ex.reports).years.length, planHash(plan).length];
    }, 1_000, reportsInstance);
    assert.deepEqual(seen, [0, ex.reports.length, 7 + 64]);
    assertFlat(added, "validateReport + evaluate + planHash");
    const broken = JSON.parse(new TextDecoder().decode(ex.reports[0]));
    broken.observations[0].indicator = "ind-nothing";
    let caught = null;
    const thrown = growth(() => {
      try {
        parseReport(broken, plan);
      } catch (e) {
        caught = e;
      }
    }, 1_000, reportsInstance);
    assert.ok(caught instanceof PlanError, String(caught));
    assert.deepEqual(
      caught.issues.map((i) => i.code),
      ["reference.dangling", "report.missing_entry"],
    );
    assertFlat(thrown, "PlanError for a report");
  });

  // Last: it grows the memory, and free memory left in the module would absorb a small leak
  // in the tests above before the memory had to grow.
  test("the watched memories and tables are the package's own, one per module", () => {
    assert.notEqual(instance.memory, reportsInstance.memory);
    const big = `{"id": "${"x".repeat(4_000_000)}"}`;
    for (const [of, check] of [
      [instance, validate],
      [reportsInstance, reports.validate],
    ]) {
      assert.ok(of.memory instanceof WebAssembly.Memory);
      assert.ok(of.__wbindgen_externrefs instanceof WebAssembly.Table);
      // A 4 MB document is copied into this memory to be checked, so the memory must grow.
      const before = of.memory.buffer.byteLength;
      assert.ok(check(big).length > 0);
      assert.ok(of.memory.buffer.byteLength >= before + 4_000_000);
    }
  });
});
