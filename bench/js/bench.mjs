// The JavaScript side of the benchmarks: the WASM module's validate() against JSON.parse + an ajv
// validator compiled from the generated schema, on the same bytes, in Node; and a progress report
// checked against its plan and evaluated (validateReport, evaluate) against JSON.parse + ajv + a
// loop that computes the same statuses (report-peer.mjs). One JSON line per measurement;
// `scripts/bench` runs it beside the Rust and Python harnesses.
//
//   node bench.mjs [--quick] PKG_DIR DATA_DIR SCHEMA REPORT_SCHEMA SIZE...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const UNLIMITED = { maxInputBytes: 2 ** 40, maxTextChars: 2 ** 40, maxElements: 2 ** 40 };

// Each method as a factory that sets up only what it needs (the decoded string, the compiled
// validator), so that the peak-memory run of one method is not inflated by another's set-up.
export async function methods(pkgDir, data, schema) {
  const wp = await import(pathToFileURL(join(pkgDir, "node.js")).href);
  const require = createRequire(join(pkgDir, "..", "package.json"));
  const text = () => new TextDecoder().decode(data);
  const ok = (issues) => {
    if (issues.some((i) => i.severity === "error")) throw new Error("the synthetic plan must be valid");
    return issues;
  };
  return {
    "validate(Uint8Array) (load + full validation)": () => () => ok(wp.validate(data, UNLIMITED)),
    "validate(string) (load + full validation)": () => {
      const s = text();
      return () => ok(wp.validate(s, UNLIMITED));
    },
    "JSON.parse(string) + ajv (compiled once)": () => {
      const Ajv2020 = require("ajv/dist/2020").default;
      const check = new Ajv2020({ allErrors: true, strict: false, logger: false }).compile(schema);
      const s = text();
      return () => {
        if (!check(JSON.parse(s))) throw new Error(JSON.stringify(check.errors?.slice(0, 3)));
      };
    },
    "JSON.parse(string) (parse only)": () => {
      const s = text();
      return () => JSON.parse(s);
    },
  };
}

// The package's `welfare-plan/reports` entry: the reports module, with the progress-report
// functions beside the plan functions.
const reports = (pkgDir) => import(pathToFileURL(join(pkgDir, "reports-node.js")).href);

// The progress report rows, as factories like `methods`. The WASM functions take the plan as
// bytes on every call; the module keeps the last plan it read, so repeated calls with the same
// plan read it (load + full validation + hash) once, as the peer parses the plan once, outside
// the timed call. One row hands over a different plan on every call (the same plan, with one
// more space at the end: other bytes), to show what a call costs that reads the plan too.
export async function reportMethods(pkgDir, planData, data, schema, n) {
  const wp = await reports(pkgDir);
  const require = createRequire(join(pkgDir, "..", "package.json"));
  const { reportPeer } = await import("./report-peer.mjs");
  const clean = (issues) => {
    if (issues.length > 0) throw new Error(`the synthetic report must be clean: ${JSON.stringify(issues[0])}`);
    return issues;
  };
  const rows = {
    "report: validateReport(Uint8Array, plan Uint8Array) (the plan kept from the last call)": () => () =>
      clean(wp.validateReport(data, planData, UNLIMITED)),
  };
  rows["report: validateReport(Uint8Array, a new plan Uint8Array each call) (reads the plan too)"] = () => {
    const spaced = new Uint8Array(planData.length + 1);
    spaced.set(planData);
    spaced[planData.length] = 0x20;
    const plans = [planData, spaced];
    let i = 0;
    return () => clean(wp.validateReport(data, plans[i++ % 2], UNLIMITED));
  };
  rows["report: evaluate(plan Uint8Array, [Uint8Array]) (the plan kept; checks, evaluates)"] = () => () =>
    wp.evaluate(planData, [data], UNLIMITED);
  rows["report: validate(plan Uint8Array) (the plan alone: what a call that reads it pays)"] = () => () =>
    wp.validate(planData, UNLIMITED);
  rows["report: JSON.parse + ajv (compiled once) + loop (checked, statuses, grades)"] = () => {
    const Ajv2020 = require("ajv/dist/2020").default;
    const check = reportPeer(new Ajv2020({ allErrors: true, strict: false, logger: false }).compile(schema));
    const plan = JSON.parse(new TextDecoder().decode(planData));
    const s = new TextDecoder().decode(data);
    return () => check(s, plan);
  };
  rows["report: JSON.parse(string) (parse only)"] = () => {
    const s = new TextDecoder().decode(data);
    return () => JSON.parse(s);
  };
  return rows;
}

// The peer must do the core's work: both find the report clean, and the peer's status,
// achievement, expected share and grades are the core's for every indicator (at the sizes the
// core's evaluation is run).
async function sameResults(pkgDir, planData, data, schema, n) {
  const wp = await reports(pkgDir);
  const require = createRequire(join(pkgDir, "..", "package.json"));
  const { reportPeer } = await import("./report-peer.mjs");
  const Ajv2020 = require("ajv/dist/2020").default;
  const check = reportPeer(new Ajv2020({ allErrors: true, strict: false, logger: false }).compile(schema));
  const issues = wp.validateReport(data, planData, UNLIMITED);
  if (issues.length > 0) throw new Error(`the core finds issues: ${JSON.stringify(issues.slice(0, 3))}`);
  const { problems, results } = check(new TextDecoder().decode(data), JSON.parse(new TextDecoder().decode(planData)));
  if (problems.length > 0 || results.size !== n) throw new Error(`the peer: ${results.size} results, ${problems.slice(0, 3)}`);
  const progress = wp.evaluate(planData, [data], UNLIMITED);
  if (progress.indicators.length !== n) throw new Error(`the core evaluated ${progress.indicators.length} indicators`);
  for (const series of progress.indicators) {
    const y = series.years[0];
    const want = JSON.stringify([y.status, y.achievement, y.expected, y.grades]);
    const r = results.get(series.id);
    const got = JSON.stringify([r?.status, r?.achievement, r?.expected, r?.grades]);
    if (got !== want) throw new Error(`${series.id}: the peer computes ${got}, the core ${want}`);
  }
}

function timed(fn, minRuns, budgetMs, maxRuns = 200) {
  fn();
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || (performance.now() - start < budgetMs && times.length < maxRuns)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const pct = (s, p) => s[Math.round((s.length - 1) * p)];

// Peak memory of one call in a fresh process; `setup` is code that binds `fns`, the factories by
// method name (with `readFileSync` and `bench`, this module, in scope).
async function peak(setup, method) {
  const code = `
    const bench = await import(${JSON.stringify(pathToFileURL(fileURLToPath(import.meta.url)).href)});
    const { readFileSync } = await import("node:fs");
    ${setup}
    const fn = fns[${JSON.stringify(method)}]();
    global.gc?.();
    // Reset Linux's high-water mark (VmHWM) to the current RSS, so that memory freed by the
    // set-up and reused by the call is not mistaken for none.
    const status = (key) => 1024 * Number(readFileSync("/proc/self/status", "utf8").split(String.fromCharCode(10))
      .find((line) => line.startsWith(key + ":")).split(":")[1].trim().split(" ")[0]);
    (await import("node:fs")).writeFileSync("/proc/self/clear_refs", "5");
    const before = status("VmRSS");
    const r = fn();
    console.log(status("VmHWM") - before);`;
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", code], { encoding: "utf8" });
  return Number(out.trim());
}

async function main() {
  let args = process.argv.slice(2);
  const quick = args.includes("--quick");
  args = args.filter((a) => a !== "--quick");
  const [pkgDir, dataDir, schemaPath, reportSchemaPath, ...sizes] = args;
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  const reportSchema = JSON.parse(readFileSync(reportSchemaPath, "utf8"));
  const read = (path) => `new Uint8Array(readFileSync(${JSON.stringify(path)}))`;
  const json = (path) => `JSON.parse(readFileSync(${JSON.stringify(resolve(path))}, "utf8"))`;
  const emit = (method, n, bytes, t, peakBytes) =>
    console.log(JSON.stringify({
      surface: "javascript", method, initiatives: n, bytes, runs: t.length,
      median_ms: pct(t, 0.5), p10_ms: pct(t, 0.1), p90_ms: pct(t, 0.9), peak_bytes: peakBytes,
    }));
  const [minRuns, budget] = quick ? [2, 200] : [5, 3000];
  for (const n of sizes.map(Number)) {
    const dataPath = join(dataDir, `synthetic-${n}.json`);
    const data = new Uint8Array(readFileSync(dataPath));
    const pkg = JSON.stringify(resolve(pkgDir));
    for (const [method, make] of Object.entries(await methods(resolve(pkgDir), data, schema))) {
      const t = timed(make(), minRuns, budget);
      const setup = `const fns = await bench.methods(${pkg}, ${read(dataPath)}, ${json(schemaPath)});`;
      emit(method, n, data.length, t, quick ? null : await peak(setup, method));
    }

    const planPath = join(dataDir, `synthetic-indicators-${n}.json`);
    const reportPath = join(dataDir, `synthetic-report-${n}.json`);
    const planData = new Uint8Array(readFileSync(planPath));
    const reportData = new Uint8Array(readFileSync(reportPath));
    await sameResults(resolve(pkgDir), planData, reportData, reportSchema, n);
    const rows = await reportMethods(resolve(pkgDir), planData, reportData, reportSchema, n);
    for (const [method, make] of Object.entries(rows)) {
      const t = timed(make(), minRuns, budget);
      const setup = `const fns = await bench.reportMethods(${pkg}, ${read(planPath)}, ${read(reportPath)}, ${json(reportSchemaPath)}, ${n});`;
      emit(method, n, reportData.length, t, quick ? null : await peak(setup, method));
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
