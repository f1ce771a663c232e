// Spreadsheets through the sheets module (`welfare-plan/sheets`): workbooks and CSV files that
// the CLI wrote read back into the same documents, the shared mistakes workbook reported at
// every cell as the core's suite expects (tests/sheets/), and bad input refused with an error.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { PlanError, importPlan, importReport, iizukaThirdPlan, parsePlan, toCanonicalJson } from "welfare-plan/sheets";
import { parseReport } from "welfare-plan/reports";
import { cliEnv, cliPath, example, repo } from "./corpus.mjs";

const cli = (...args) => execFileSync(cliPath(), args, { env: cliEnv, encoding: "utf8", maxBuffer: 1 << 26 });

describe("importPlan", () => {
  const dir = mkdtempSync(join(tmpdir(), "welfare-plan-sheets-"));
  const canonical = toCanonicalJson(iizukaThirdPlan());

  test("a workbook the CLI wrote reads back as the same canonical JSON, as bytes or an ArrayBuffer", () => {
    cli("export", "--format", "xlsx", "-o", join(dir, "iizuka.xlsx"));
    const bytes = new Uint8Array(readFileSync(join(dir, "iizuka.xlsx")));
    assert.equal(toCanonicalJson(importPlan(bytes)), canonical);
    assert.equal(toCanonicalJson(importPlan(bytes.slice().buffer)), canonical);
  });

  test("CSV files by name, as bytes or as text, read back as the same plan", () => {
    cli("--lang", "en", "export", "--format", "csv", "-o", join(dir, "csv"));
    const files = {};
    const texts = {};
    for (const name of readdirSync(join(dir, "csv"))) {
      files[name] = new Uint8Array(readFileSync(join(dir, "csv", name)));
      texts[name] = readFileSync(join(dir, "csv", name), "utf8");
    }
    assert.equal(toCanonicalJson(importPlan(files)), canonical);
    assert.equal(toCanonicalJson(importPlan(texts)), canonical);
  });

  test("an evaluation workbook reads back as its report", () => {
    const ex = example();
    const book = join(dir, "eval.xlsx");
    cli("export", ex.reportPaths[1].pathname, "--plan", ex.planPath.pathname, "--format", "xlsx", "-o", book);
    const report = importReport(new Uint8Array(readFileSync(book)), ex.plan);
    assert.deepEqual(report, parseReport(ex.reports[1], ex.plan));
  });

  test("the mistakes workbook gives every issue the core's suite expects, each at its cell", () => {
    const bytes = new Uint8Array(readFileSync(new URL("tests/sheets/synthetic-hoshizora-mistakes.xlsx", repo)));
    const expected = JSON.parse(readFileSync(new URL("tests/sheets/synthetic-hoshizora-mistakes.expected.json", repo), "utf8"));
    assert.throws(
      () => importPlan(bytes),
      (e) => {
        assert.ok(e instanceof PlanError, String(e));
        const found = e.issues.map((i) => ({ cell: i.cell ?? null, code: i.code, path: i.path, severity: i.severity }));
        assert.deepEqual(found, expected);
        const formula = e.issues.find((i) => i.code === "sheet.formula");
        assert.equal(formula.cell, "体系!H3");
        assert.match(formula.messageEn, /^H3: /);
        assert.match(formula.messageJa, /^H3: /);
        return true;
      },
    );
  });

  test("bytes that are no spreadsheet throw PlanError, and a wrong argument TypeError", () => {
    const good = new Uint8Array(readFileSync(join(dir, "iizuka.xlsx")));
    for (const junk of [new Uint8Array(), new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]), good.slice(0, 5000), new Uint8Array([0xff, 0xfe, 0x81])]) {
      assert.throws(() => importPlan(junk), (e) => e instanceof PlanError && /^invalid plan: error \[/.test(e.message));
      assert.throws(
        () => importReport(junk, iizukaThirdPlan()),
        (e) => e instanceof PlanError && /^invalid progress report: error \[/.test(e.message),
      );
    }
    for (const wrong of [42, null, "plan.xlsx", {}, { "x.csv": 5 }]) {
      assert.throws(() => importPlan(wrong), TypeError, String(wrong));
    }
  });

  test("the plan functions are there too, so a page needs this module alone", () => {
    assert.equal(parsePlan(canonical).id, iizukaThirdPlan().id);
    rmSync(dir, { recursive: true, force: true });
  });
});
