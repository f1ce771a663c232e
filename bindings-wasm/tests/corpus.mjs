// The shared conformance corpus (tests/conformance/), read the way core/tests/conformance.rs
// reads it: raw input bytes plus the expected verdict, and the generated adversarial cases
// built as prefix + repeat × count + suffix. A case is either an input file of its own or a
// base document (format 1.0 or 2.0, named by the case) with a JSON Patch applied to it.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repo = new URL("../../", import.meta.url);
const dir = new URL("tests/conformance/", repo);

/** Every case, sorted by name: `{ name, bytes: Uint8Array, expected }`. */
export function cases() {
  const out = [];
  for (const file of readdirSync(new URL("cases/", dir))) {
    const stem = file.endsWith(".expected.json") ? file.slice(0, -".expected.json".length) : null;
    if (stem === null) continue;
    const expected = JSON.parse(exact(new URL(`cases/${file}`, dir)));
    out.push({
      name: stem,
      bytes:
        "patch" in expected || "base" in expected
          ? patched(expected)
          : new Uint8Array(readFileSync(new URL(`cases/${stem}.json`, dir))),
      expected,
    });
  }
  for (const g of JSON.parse(readFileSync(new URL("generated.json", dir), "utf8"))) {
    // Lazily: the largest inputs are 40 MB each.
    out.push({
      name: g.name,
      get bytes() {
        return new TextEncoder().encode(g.prefix + g.repeat.repeat(g.count) + g.suffix);
      },
      expected: g,
    });
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (out.length <= 40) throw new Error(`the corpus was not found in ${dir}`);
  return out;
}

/**
 * The case's base document with its patch applied, written as the other suites write it
 * (two-space indentation, UTF-8, keys in document order, a trailing newline).
 */
function patched(expected) {
  if (typeof expected.base !== "string") throw new Error(`a patched case names no base: ${JSON.stringify(expected.description)}`);
  const doc = applyPatch(JSON.parse(exact(new URL(expected.base, repo))), expected.patch ?? []);
  return new TextEncoder().encode(JSON.stringify(doc, null, 2) + "\n");
}

/**
 * A JSON file's text, which must be exactly what `JSON.stringify(…, null, 2)` writes back:
 * otherwise JavaScript would change the document on the way through the patch (a number such as
 * `2.0` or one past 2^53, or a key such as `"1"`, which objects move to the front) and the
 * suites would not check the same bytes.
 */
function exact(url) {
  const text = readFileSync(url, "utf8");
  if (JSON.stringify(JSON.parse(text), null, 2) + "\n" !== text) {
    throw new Error(`${url.pathname} does not survive JSON.parse and JSON.stringify unchanged; the patch applier needs to keep its text`);
  }
  return text;
}

/**
 * A JSON Patch (RFC 6902) of `add`, `remove` and `replace` operations, applied to `doc` (which
 * it changes). An added key goes to the end of its object, as in the other suites' appliers.
 */
export function applyPatch(doc, patch) {
  for (const op of patch) {
    const keys = op.path.split("/").slice(1).map((k) => k.replaceAll("~1", "/").replaceAll("~0", "~"));
    if (keys.length === 0) {
      doc = structuredClone(op.value);
      continue;
    }
    let parent = doc;
    for (const k of keys.slice(0, -1)) parent = Array.isArray(parent) ? parent[Number(k)] : parent[k];
    const last = Array.isArray(parent) ? Number(keys.at(-1)) : keys.at(-1);
    if (op.op === "remove") {
      if (Array.isArray(parent)) parent.splice(last, 1);
      else delete parent[last];
    } else if (op.op === "add" && Array.isArray(parent)) {
      parent.splice(last, 0, structuredClone(op.value));
    } else if (op.op === "add" || op.op === "replace") {
      parent[last] = structuredClone(op.value);
    } else {
      throw new Error(`unsupported patch operation ${op.op}`);
    }
  }
  return doc;
}

/** The case's limits, in the JavaScript API's names (the corpus uses the Rust names). */
export function limitsOf(expected) {
  if (!expected.limits) return undefined;
  const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return Object.fromEntries(Object.entries(expected.limits).map(([k, v]) => [camel(k), v]));
}

/** The input as text when it is UTF-8 (a BOM kept, as the bytes have it), else null. */
export function textOf(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `[code, path]` pairs, the form the expected files use. */
export const pairs = (issues) => issues.map((i) => [i.code, i.path]);

// --- progress reports ------------------------------------------------------------------------
// The shared corpus of progress reports (tests/conformance/reports/), read the way
// core/tests/reports.rs reads it: each case is a report (`base` with `patch` applied) checked
// against a plan (`plan`, with `plan_patch` applied when present).

/**
 * JSON whose numbers keep their text: `JSON.parse` would read `23.0` as `23`, and the patched
 * documents must be the bytes the other suites write (Rust's and Python's keep `23.0`). Each
 * number outside a string becomes a marked string, written back as the number's own text.
 */
const NUMBER = "\u0000number:";
const TOKENS = /"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function readKeepingNumbers(text) {
  const marked = text.replace(TOKENS, (t) => (t.startsWith('"') ? t : JSON.stringify(NUMBER + t)));
  return JSON.parse(marked);
}

function writeKeepingNumbers(doc) {
  const text = JSON.stringify(doc, null, 2) + "\n";
  return text.replace(/"\\u0000number:([^"]+)"/g, "$1");
}

/** A JSON file read with its numbers' text, which must write back to the same text. */
function readExactly(url) {
  const text = readFileSync(url, "utf8");
  const doc = readKeepingNumbers(text);
  if (writeKeepingNumbers(doc) !== text) {
    throw new Error(`${url.pathname} does not write back unchanged (a key such as "1", which objects move to the front?)`);
  }
  return doc;
}

/** The example's plan and its reports (one per fiscal year, in year order), as bytes. */
export function example() {
  const dir = new URL("examples/progress/", repo);
  const files = readdirSync(dir).filter((f) => /^synthetic-hoshizora-report-\d+\.json$/.test(f)).sort();
  if (files.length < 3) throw new Error(`the progress example was not found in ${dir}`);
  return {
    planPath: new URL("synthetic-hoshizora-plan.json", dir),
    reportPaths: files.map((f) => new URL(f, dir)),
    plan: new Uint8Array(readFileSync(new URL("synthetic-hoshizora-plan.json", dir))),
    reports: files.map((f) => new Uint8Array(readFileSync(new URL(f, dir)))),
  };
}

/**
 * Every report case, sorted by name: `{ name, plan: Uint8Array, bytes: Uint8Array, expected }`
 * (the plan and the report written as the other suites write patched documents).
 */
export function reportCases() {
  const dir = new URL("tests/conformance/reports/", repo);
  const encode = (doc) => new TextEncoder().encode(writeKeepingNumbers(doc));
  const out = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".expected.json")) continue;
    const expected = readExactly(new URL(file, dir));
    const planUrl = new URL(expected.plan, repo);
    out.push({
      name: file.slice(0, -".expected.json".length),
      plan: expected.plan_patch
        ? encode(applyPatch(readExactly(planUrl), expected.plan_patch))
        : new Uint8Array(readFileSync(planUrl)),
      bytes: encode(applyPatch(readExactly(new URL(expected.base, repo)), expected.patch)),
      expected,
    });
  }
  if (out.length < 10) throw new Error(`only ${out.length} report cases in ${dir}`);
  return out;
}

let builtCli;

/** The environment the CLI runs in: no locale, so that it writes Japanese as the module does by default. */
export const cliEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !["LC_ALL", "LC_MESSAGES", "LANG"].includes(k)),
);

/**
 * The `welfare-plan` command built from this workspace (debug, once per process), for checks
 * that JavaScript gives what the CLI gives.
 */
export function cliPath() {
  if (builtCli === undefined) {
    const root = fileURLToPath(repo);
    execFileSync("cargo", ["build", "--quiet", "--locked", "-p", "welfare-plan-cli"], { cwd: root, stdio: "inherit" });
    const meta = JSON.parse(
      execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 }),
    );
    builtCli = `${meta.target_directory}/debug/welfare-plan`;
  }
  return builtCli;
}
