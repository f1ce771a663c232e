// Progress reports through the reports module (`welfare-plan/reports`): the shared report corpus
// with the verdicts the Rust suite gets (core/tests/reports.rs), the grades its cases work out by
// hand, the example's evaluation against the CLI's, and the functions' surface (inputs, errors,
// limits).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { PlanError, evaluate, parsePlan, parseReport, planHash, toCanonicalJson, validateReport } from "welfare-plan/reports";
import { cliEnv, cliPath, example, pairs, reportCases } from "./corpus.mjs";

const isValid = (issues) => !issues.some((i) => i.severity === "error");
const decode = (bytes) => new TextDecoder().decode(bytes);
const ex = example();

describe("report corpus", () => {
  const cases = reportCases();
  for (const c of cases) {
    test(c.name, () => {
      const { expected } = c;
      const fromBytes = validateReport(c.bytes, c.plan);
      assert.deepEqual(pairs(fromBytes), pairs(expected.issues), expected.description);
      assert.equal(isValid(fromBytes), expected.valid);
      for (const i of fromBytes) {
        assert.ok(Number.isInteger(i.line) && i.line >= 1, `${i.code} line ${i.line}`);
        assert.ok(Number.isInteger(i.column) && i.column >= 1, `${i.code} column ${i.column}`);
        assert.ok(i.messageJa.length > 0 && i.messageEn.length > 0, i.code);
        assert.doesNotMatch(i.messageEn, /\b(u32|f64)\b/, "a Rust type in a message");
      }
      // The same text as a string, and the plan as an object or text: the same issues.
      assert.deepEqual(validateReport(decode(c.bytes), parsePlan(c.plan)), fromBytes);
      assert.deepEqual(validateReport(c.bytes, decode(c.plan)), fromBytes);

      if (expected.valid) {
        const report = parseReport(c.bytes, c.plan);
        assert.equal(report.document, "progress_report");
        // A report object is checked as its JSON text: the same verdict, without positions.
        const again = validateReport(report, c.plan);
        assert.deepEqual(pairs(again), pairs(expected.issues));
        assert.ok(again.every((i) => i.line === undefined && i.column === undefined));
      } else {
        assert.throws(
          () => parseReport(c.bytes, c.plan),
          (e) => {
            assert.ok(e instanceof PlanError && e instanceof Error, String(e));
            assert.deepEqual(e.issues, fromBytes);
            assert.match(e.message, /^invalid progress report: error \[/);
            return true;
          },
        );
        assert.throws(() => evaluate(c.plan, [c.bytes]), (e) => e instanceof PlanError && e.issues.length === fromBytes.length);
      }
    });
  }

  // A case may list what the plan's scales give its indicators and nodes for the report's year.
  for (const c of cases.filter((c) => c.expected.grades)) {
    test(`${c.name}: the grades worked out by hand`, () => {
      const progress = evaluate(c.plan, [c.bytes]);
      assert.equal(progress.years.length, 1);
      for (const want of c.expected.grades) {
        if ("indicator" in want) {
          const series = progress.indicators.find((s) => s.id === want.indicator);
          assert.ok(series, JSON.stringify(want));
          const grades = Object.fromEntries(series.years[0].grades);
          assert.equal(grades[want.scale], want.grade, JSON.stringify(want));
        } else {
          const node = progress.nodes.find((n) => n.id === want.node);
          assert.ok(node, JSON.stringify(want));
          const grade = node.years[0].grades.find((g) => g.scale === want.scale);
          assert.ok(grade, JSON.stringify(want));
          for (const side of ["computed", "entered"]) {
            if (side in want) assert.equal(grade[side], want[side], `${side} ${JSON.stringify(want)}`);
          }
        }
      }
    });
  }

  test("the corpus is all there, with grades worked out by hand", () => {
    assert.ok(cases.length >= 10, `${cases.length} cases`);
    assert.ok(cases.reduce((n, c) => n + (c.expected.grades?.length ?? 0), 0) >= 10);
  });
});

describe("the example evaluated in JavaScript and by the CLI", () => {
  // The CLI, built from this workspace: `welfare-plan progress --format json` prints the core's
  // evaluation under `progress`, and `welfare-plan hash` the plan's hash.
  const cli = (...args) => execFileSync(cliPath(), args, { encoding: "utf8", env: cliEnv });
  const paths = [ex.planPath, ...ex.reportPaths].map((u) => fileURLToPath(u));

  test("evaluate gives the CLI's numbers, statuses and grades, value for value", () => {
    const printed = JSON.parse(cli("progress", ...paths, "--format", "json"));
    assert.ok(printed.reports.every((r) => r.valid && r.issues.length === 0));
    const progress = evaluate(ex.plan, ex.reports);
    assert.deepEqual(progress, printed.progress);
    // Something to compare: every indicator has a year per report, some with numbers.
    assert.deepEqual(progress.years, printed.progress.years);
    assert.equal(progress.years.length, ex.reports.length);
    assert.ok(progress.indicators.length >= 5 && progress.nodes.length > 0 && progress.sectors.length > 0);
    assert.ok(progress.indicators.some((s) => s.years.some((y) => typeof y.achievement === "number")));
    assert.ok(progress.nodes.some((n) => n.years.some((y) => y.grades.some((g) => g.entered !== null && g.computed !== null))));
  });

  test("planHash is the CLI's hash, and the one the example's reports record", () => {
    const hash = planHash(ex.plan);
    assert.equal(hash, cli("hash", paths[0]).trim());
    for (const bytes of ex.reports) assert.equal(JSON.parse(decode(bytes)).plan.hash, hash);
  });
});

describe("the report functions", () => {
  const plan = parsePlan(ex.plan);
  const [first, second, third] = ex.reports;

  test("parseReport returns the report as its canonical JSON says", () => {
    for (const bytes of ex.reports) {
      const report = parseReport(bytes, plan);
      // The example's reports are canonical, as the core writes them.
      assert.deepEqual(report, JSON.parse(decode(bytes)));
      assert.deepEqual(parseReport(report, plan), report);
      assert.deepEqual(parseReport(decode(bytes), toCanonicalJson(plan)), report);
    }
  });

  test("evaluate takes reports in any order and in any form", () => {
    const progress = evaluate(ex.plan, ex.reports);
    const mixed = evaluate(plan, [decode(third), parseReport(first, plan), second]);
    assert.deepEqual(mixed, progress);
    assert.deepEqual(progress.years, [...progress.years].sort((a, b) => a - b));
    for (const s of progress.indicators) {
      assert.deepEqual(s.years.map((y) => y.fiscal_year), progress.years);
      for (const y of s.years) {
        assert.ok(["achieved", "on_track", "behind", "worse", "no_data"].includes(y.status), y.status);
        // Not measured is no data; a value is never no data when it has a target to compare with.
        if (y.value === null) assert.equal(y.status, "no_data");
      }
    }
    const none = evaluate(plan, []);
    assert.deepEqual(none.years, []);
    assert.ok(none.indicators.length > 0 && none.indicators.every((s) => s.years.length === 0));
  });

  test("an entered grade stays beside the computed one", () => {
    const progress = evaluate(plan, ex.reports);
    const entered = ex.reports.flatMap((bytes) => {
      const r = JSON.parse(decode(bytes));
      return (r.nodes ?? []).flatMap((n) => (n.grades ?? []).map((g) => ({ year: r.fiscal_year, node: n.node, ...g })));
    });
    assert.ok(entered.length > 0);
    for (const e of entered) {
      const node = progress.nodes.find((n) => n.id === e.node);
      const year = node.years.find((y) => y.fiscal_year === e.year);
      assert.equal(year.grades.find((g) => g.scale === e.scale).entered, e.grade, JSON.stringify(e));
    }
  });

  test("validateReport never throws for any report", () => {
    const cyclic = { document: "progress_report" };
    cyclic.self = cyclic;
    for (const input of ["", "{", "[1, 2]", "null", new Uint8Array([0xff, 0xfe]), null, undefined, 42, [], {}, cyclic, { n: 1n }]) {
      const issues = validateReport(input, plan);
      assert.ok(issues.length > 0 && !isValid(issues), String(input));
    }
    const [utf8] = validateReport(new Uint8Array([0x7b, 0xff]), plan);
    assert.equal(utf8.code, "json.invalid_utf8");
    assert.equal(validateReport(cyclic, plan)[0].code, "json.syntax");
  });

  test("a report of a changed plan is refused, naming the edition it was written for", () => {
    const changed = structuredClone(plan);
    changed.edition = 2;
    assert.notEqual(planHash(changed), planHash(plan));
    const issues = validateReport(second, changed);
    const mismatch = issues.find((i) => i.code === "report.plan_mismatch");
    assert.ok(mismatch, JSON.stringify(issues));
    assert.equal(mismatch.path, "/plan/hash");
    assert.match(mismatch.messageEn, /\(edition 1\).*\(edition 2\)/);
  });

  test("evaluate names the invalid report; an invalid plan is a PlanError everywhere", () => {
    const broken = JSON.parse(decode(second));
    broken.fiscal_year = 2099;
    assert.throws(
      () => evaluate(plan, [first, broken, third]),
      (e) => {
        assert.ok(e instanceof PlanError, String(e));
        assert.match(e.message, /^invalid progress report at index 1: error \[period\.year_outside\] at \/fiscal_year/);
        assert.match(e.messageJa, /^無効な評価報告です（インデックス 1）: エラー \[period\.year_outside\] .* \(場所 \/fiscal_year\)$/);
        assert.deepEqual(pairs(e.issues), [["period.year_outside", "/fiscal_year"]]);
        return true;
      },
    );
    const badPlan = structuredClone(plan);
    badPlan.nodes[0].title.ja = " ";
    for (const call of [
      () => validateReport(first, badPlan),
      () => parseReport(first, badPlan),
      () => evaluate(badPlan, [first]),
      () => planHash(badPlan),
    ]) {
      assert.throws(call, (e) => e instanceof PlanError && /^invalid plan: /.test(e.message) && e.issues[0].code === "text.blank");
    }
  });

  test("malformed arguments are TypeError or RangeError", () => {
    for (const reports of [undefined, null, first, "[]", { length: 0 }]) {
      assert.throws(() => evaluate(plan, reports), { name: "TypeError", message: /must be an array/ });
    }
    assert.throws(() => validateReport(first, plan, { maxDepht: 3 }), { name: "TypeError", message: /unknown limit/ });
    assert.throws(() => evaluate(plan, [first], { maxDepth: -1 }), { name: "RangeError" });
  });

  test("the plan kept from the last call is used only for the same document and limits", () => {
    // The module keeps the last plan it read (see input.rs, `load_with`); every call below
    // that changes the plan, its form or the limits must see the change.
    const mismatched = (issues) => issues.some((i) => i.code === "report.plan_mismatch");
    assert.deepEqual(validateReport(second, ex.plan), []);
    assert.deepEqual(validateReport(second, ex.plan), []);

    // The same Uint8Array changed in place, then restored.
    const bytes = new Uint8Array(ex.plan);
    const text = decode(bytes);
    const edition = /"edition":\s*1\b/.exec(text);
    assert.ok(edition, "the example plan has edition 1");
    const at = edition.index + edition[0].length - 1;
    const offset = new TextEncoder().encode(text.slice(0, at)).length;
    bytes[offset] = "2".charCodeAt(0);
    assert.ok(mismatched(validateReport(second, bytes)), "edited bytes");
    bytes[offset] = "1".charCodeAt(0);
    assert.deepEqual(validateReport(second, bytes), []);

    // The same object changed in place: it is written again on every call.
    const object = structuredClone(plan);
    assert.deepEqual(validateReport(second, object), []);
    object.edition = 2;
    assert.ok(mismatched(validateReport(second, object)), "edited object");
    assert.notEqual(planHash(object), planHash(plan));
    object.edition = 1;
    assert.equal(planHash(object), planHash(plan));

    // The same text under other limits is read again, and fails them.
    assert.deepEqual(validateReport(second, ex.plan, { maxInputBytes: ex.plan.length }), []);
    assert.throws(
      () => validateReport(second, ex.plan, { maxInputBytes: ex.plan.length - 1 }),
      (e) => e instanceof PlanError && e.issues[0].code === "input.too_large",
    );
    // An invalid plan is never kept: the valid one read after it is read afresh.
    const broken = structuredClone(plan);
    broken.nodes[0].title.ja = " ";
    assert.throws(() => validateReport(second, broken), PlanError);
    assert.throws(() => validateReport(second, broken), PlanError);
    assert.deepEqual(evaluate(ex.plan, ex.reports), evaluate(plan, ex.reports));
  });

  test("limits apply to the report as to the plan", () => {
    const many = reportCases().find((c) => c.name === "report-many-problems");
    const all = validateReport(many.bytes, many.plan);
    assert.ok(all.length > 3, `${all.length} issues`);
    const capped = validateReport(many.bytes, many.plan, { maxIssues: 2 });
    assert.deepEqual(pairs(capped.slice(0, 2)), pairs(all.slice(0, 2)));
    assert.deepEqual(pairs(capped.slice(2)), [["limit.too_many_issues", ""]]);
    // The plan is read with the same limits: one it exceeds is the plan's PlanError.
    assert.ok(ex.plan.length > first.length);
    assert.throws(
      () => validateReport(first, ex.plan, { maxInputBytes: first.length }),
      (e) => e instanceof PlanError && e.issues[0].code === "input.too_large",
    );
    assert.equal(validateReport(first, ex.plan, { maxInputBytes: ex.plan.length }).length, 0);
  });
});
