// The published package as a user gets it: `npm pack` pkg/, unpack it into a fresh project's
// node_modules, and import both entries there by name with no init call: `welfare-plan` (the
// plan module) and `welfare-plan/reports` (the reports module), in JavaScript and in TypeScript.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const pkg = fileURLToPath(new URL("../pkg/", import.meta.url));
const tsc = fileURLToPath(new URL("../node_modules/.bin/tsc", import.meta.url));

test("the packed package imports by name in a fresh Node project, from each of its three entries", () => {
  const project = mkdtempSync(join(tmpdir(), "welfare-plan-consumer-"));
  try {
    const out = execFileSync("npm", ["pack", pkg, "--pack-destination", project, "--silent"], {
      encoding: "utf8",
    }).trim();
    const tarball = join(project, out.split("\n").pop());
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
    for (const file of [
      "package/wasm/welfare_plan_wasm_bg.wasm",
      "package/reports/wasm/welfare_plan_wasm_bg.wasm",
      "package/reports/wasm/welfare_plan_wasm.js",
      "package/sheets/wasm/welfare_plan_wasm_bg.wasm",
      "package/sheets/wasm/welfare_plan_wasm.js",
      "package/types.d.ts",
      "package/report-types.d.ts",
      "package/diff-types.d.ts",
    ]) {
      assert.ok(files.includes(file), `${file} not in\n${files.join("\n")}`);
    }
    const target = join(project, "node_modules", "welfare-plan");
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
    writeFileSync(join(project, "package.json"), '{ "type": "module", "private": true }\n');

    // The plan entry: the plan functions, and no report function.
    writeFileSync(
      join(project, "plan.js"),
      [
        'import { validate, eraLabel, iizukaThirdPlan, initiatives, outline, PlanError } from "welfare-plan";',
        'import * as wp from "welfare-plan";',
        "const plan = iizukaThirdPlan();",
        "console.log(JSON.stringify([validate(plan).length, eraLabel(2023),",
        '  validate("{").map((i) => i.code), new PlanError("m", []) instanceof Error,',
        '  outline(plan)[0].label.ja, initiatives(plan).length, "evaluate" in wp]));',
      ].join("\n"),
    );
    const printed = execFileSync(process.execPath, ["plan.js"], { cwd: project, encoding: "utf8" });
    assert.deepEqual(JSON.parse(printed), [0, "令和5年度", ["json.truncated"], true, "基本目標Ⅰ", 19, false]);

    // The reports entry: the plan functions too, the report functions, and the same PlanError.
    writeFileSync(
      join(project, "reports.js"),
      [
        'import { evaluate, iizukaThirdPlan, outline, parseReport, planHash, statusLabel, validate, PlanError } from "welfare-plan/reports";',
        'import { PlanError as PlanErrorOfPlans } from "welfare-plan";',
        "const plan = iizukaThirdPlan();",
        "let thrown = null;",
        'try { parseReport("{}", plan); } catch (e) { thrown = e; }',
        "console.log(JSON.stringify([validate(plan).length, outline(plan)[0].label.ja,",
        "  /^sha256:[0-9a-f]{64}$/.test(planHash(plan)), evaluate(plan, []).nodes.length,",
        "  statusLabel(\"on_track\").ja, thrown instanceof PlanError, thrown instanceof PlanErrorOfPlans]));",
      ].join("\n"),
    );
    const printedReports = execFileSync(process.execPath, ["reports.js"], { cwd: project, encoding: "utf8" });
    assert.deepEqual(JSON.parse(printedReports), [0, "基本目標Ⅰ", true, 3 + 8 + 19, "順調", true, true]);

    // The sheets entry: the plan functions and the spreadsheet import, the same PlanError.
    writeFileSync(
      join(project, "sheets.js"),
      [
        'import { importPlan, iizukaThirdPlan, validate, PlanError } from "welfare-plan/sheets";',
        'import { PlanError as PlanErrorOfPlans } from "welfare-plan";',
        "let thrown = null;",
        'try { importPlan(new Uint8Array([0x50, 0x4b, 3, 4])); } catch (e) { thrown = e; }',
        "console.log(JSON.stringify([validate(iizukaThirdPlan()).length, thrown instanceof PlanError,",
        "  thrown instanceof PlanErrorOfPlans, thrown.issues[0].code]));",
      ].join("\n"),
    );
    const printedSheets = execFileSync(process.execPath, ["sheets.js"], { cwd: project, encoding: "utf8" });
    assert.deepEqual(JSON.parse(printedSheets), [0, true, true, "sheet.unreadable"]);

    // The JSON Schemas and the code lists resolve by name as JSON modules (and with
    // require.resolve), and are the files the core generated into schemas/.
    writeFileSync(
      join(project, "data.js"),
      [
        'import { createRequire } from "node:module";',
        'import schema from "welfare-plan/schema.json" with { type: "json" };',
        'import reportSchema from "welfare-plan/report.schema.json" with { type: "json" };',
        'import codelists from "welfare-plan/codelists.json" with { type: "json" };',
        "const require = createRequire(import.meta.url);",
        "console.log(JSON.stringify({ schema, reportSchema, codelists,",
        '  resolved: ["schema.json", "report.schema.json", "codelists.json"].map((f) => require.resolve(`welfare-plan/${f}`)) }));',
      ].join("\n"),
    );
    const data = JSON.parse(execFileSync(process.execPath, ["data.js"], { cwd: project, encoding: "utf8" }));
    const committed = (f) => JSON.parse(readFileSync(new URL(`../../schemas/${f}`, import.meta.url), "utf8"));
    assert.deepEqual(data.schema, committed("plan.schema.json"));
    assert.deepEqual(data.reportSchema, committed("progress-report.schema.json"));
    assert.deepEqual(data.codelists, committed("codelists.json"));
    assert.deepEqual(data.resolved, ["schema.json", "report.schema.json", "codelists.json"].map((f) => join(target, f)));

    // TypeScript resolves both entries' declarations through the published `exports` map.
    writeFileSync(
      join(project, "check.ts"),
      [
        'import { validate, type Issue, type Plan } from "welfare-plan";',
        'import { evaluate, type Progress, type ProgressReport } from "welfare-plan/reports";',
        'import { importPlan } from "welfare-plan/sheets";',
        "const fromBook: Plan = importPlan(new Uint8Array());",
        "void fromBook;",
        'const issues: Issue[] = validate("{}");',
        "declare const plan: Plan;",
        "declare const report: ProgressReport;",
        "const progress: Progress = evaluate(plan, [report]);",
        "void [issues, progress];",
        'import codelists from "welfare-plan/codelists.json" with { type: "json" };',
        "const codes: string[] = codelists.issue_codes.map((c) => c.code);",
        "void codes;",
        "// @ts-expect-error: the plan entry has no report functions",
        'import { evaluate as missing } from "welfare-plan";',
        "void missing;",
      ].join("\n"),
    );
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          strict: true,
          noEmit: true,
          resolveJsonModule: true,
          types: [],
        },
        files: ["check.ts"],
      }),
    );
    execFileSync(tsc, ["-p", project], { cwd: project, encoding: "utf8" });

    assert.deepEqual(readdirSync(target).sort(), [
      "README.md", "codelists.json", "data.d.ts", "data.js", "diff-types.d.ts", "index.d.ts", "index.esbuild.js",
      "index.js", "node.esbuild.js", "node.js", "package.json", "plan-error.d.ts", "plan-error.js",
      "report-types.d.ts", "report.schema.json", "reports", "reports-node.esbuild.js", "reports-node.js",
      "reports.d.ts", "reports.esbuild.js", "reports.js", "schema.json", "sheets", "sheets-node.esbuild.js",
      "sheets-node.js", "sheets.d.ts", "sheets.esbuild.js", "sheets.js", "types.d.ts", "wasm", "wasm-missing.js",
    ]);
    assert.deepEqual(readdirSync(join(target, "reports")), ["wasm"]);
    assert.deepEqual(readdirSync(join(target, "sheets")), ["wasm"]);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
