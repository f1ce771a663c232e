// The JavaScript side of the benchmarks: the WASM module's validate() against JSON.parse + an ajv
// validator compiled from the generated schema, on the same bytes, in Node. One JSON line per
// measurement; `scripts/bench` runs it beside the Rust and Python harnesses.
//
//   node bench.mjs [--quick] PKG_DIR DATA_DIR SCHEMA SIZE...
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

async function peak(pkgDir, dataPath, schemaPath, method) {
  const code = `
    const { methods } = await import(${JSON.stringify(pathToFileURL(fileURLToPath(import.meta.url)).href)});
    const { readFileSync } = await import("node:fs");
    const data = new Uint8Array(readFileSync(${JSON.stringify(dataPath)}));
    const fns = await methods(${JSON.stringify(pkgDir)}, data, JSON.parse(readFileSync(${JSON.stringify(schemaPath)}, "utf8")));
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
  const [pkgDir, dataDir, schemaPath, ...sizes] = args;
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  const [minRuns, budget] = quick ? [2, 200] : [5, 3000];
  for (const n of sizes.map(Number)) {
    const dataPath = join(dataDir, `synthetic-${n}.json`);
    const data = new Uint8Array(readFileSync(dataPath));
    for (const [method, make] of Object.entries(await methods(resolve(pkgDir), data, schema))) {
      const t = timed(make(), minRuns, budget);
      const peakBytes = quick ? null : await peak(resolve(pkgDir), dataPath, resolve(schemaPath), method);
      console.log(JSON.stringify({
        surface: "javascript", method, initiatives: n, bytes: data.length, runs: t.length,
        median_ms: pct(t, 0.5), p10_ms: pct(t, 0.1), p90_ms: pct(t, 0.9), peak_bytes: peakBytes,
      }));
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
