// Writes pkg/package.json, the published package's manifest, from the development
// package.json (name, version, description, licence) and the package's fixed layout.
//
//   node tools/package-json.mjs package.json pkg/package.json
import { readFileSync, writeFileSync } from "node:fs";

const [devPath, outPath] = process.argv.slice(2);
const dev = JSON.parse(readFileSync(devPath, "utf8"));

const manifest = {
  name: dev.name,
  version: dev.version,
  description:
    "Japanese municipalities' regional welfare plans (地域福祉計画) as typed, validated data: the welfare-plan Rust library compiled to WebAssembly",
  license: dev.license,
  keywords: ["welfare", "地域福祉計画", "japan", "municipality", "json-schema", "webassembly"],
  type: "module",
  exports: {
    ".": {
      types: "./index.d.ts",
      node: "./node.js",
      default: "./index.js",
    },
    // The progress-report functions with the plan functions, from the reports module: a page
    // that only checks plans loads the smaller plan module through ".".
    "./reports": {
      types: "./reports.d.ts",
      node: "./reports-node.js",
      default: "./reports.js",
    },
    // The spreadsheet import with the plan functions, from the sheets module: a page loads it
    // only when a workbook is dropped.
    "./sheets": {
      types: "./sheets.d.ts",
      node: "./sheets-node.js",
      default: "./sheets.js",
    },
    "./package.json": "./package.json",
  },
  main: "./node.js",
  module: "./index.js",
  types: "./index.d.ts",
  files: [
    "index.js",
    "index.d.ts",
    "node.js",
    "reports.js",
    "reports.d.ts",
    "reports-node.js",
    "sheets.js",
    "sheets.d.ts",
    "sheets-node.js",
    "plan-error.js",
    "plan-error.d.ts",
    "data.js",
    "data.d.ts",
    "types.d.ts",
    "report-types.d.ts",
    "diff-types.d.ts",
    "wasm/welfare_plan_wasm.js",
    "wasm/welfare_plan_wasm.d.ts",
    "wasm/welfare_plan_wasm_bg.wasm",
    "wasm/welfare_plan_wasm_bg.wasm.d.ts",
    "reports/wasm/welfare_plan_wasm.js",
    "reports/wasm/welfare_plan_wasm.d.ts",
    "reports/wasm/welfare_plan_wasm_bg.wasm",
    "reports/wasm/welfare_plan_wasm_bg.wasm.d.ts",
    "sheets/wasm/welfare_plan_wasm.js",
    "sheets/wasm/welfare_plan_wasm.d.ts",
    "sheets/wasm/welfare_plan_wasm_bg.wasm",
    "sheets/wasm/welfare_plan_wasm_bg.wasm.d.ts",
    "README.md",
  ],
  engines: dev.engines,
};

// esbuild does not copy the `.wasm` files the entries locate with `new URL(…, import.meta.url)`:
// under the `esbuild` condition each entry is its variant that imports them for esbuild's `file`
// loader (tools/esbuild-entries.mjs).
for (const entry of Object.values(manifest.exports)) {
  if (typeof entry !== "object" || !entry.default) continue;
  const esbuild = (file) => file.replace(/\.js$/, ".esbuild.js");
  const { types, ...rest } = entry;
  const variant = { node: esbuild(entry.node), default: esbuild(entry.default) };
  for (const key of Object.keys(entry)) delete entry[key];
  Object.assign(entry, { types, esbuild: variant, ...rest });
  manifest.files.push(variant.node.slice(2), variant.default.slice(2));
}
manifest.files.push("wasm-missing.js");
// The JSON Schemas and the code lists, as data: `import schema from "welfare-plan/schema.json"
// with { type: "json" }`.
const data = {
  "./schema.json": "./schema.json",
  "./report.schema.json": "./report.schema.json",
  "./codelists.json": "./codelists.json",
};
Object.assign(manifest.exports, data);
manifest.files.push(...Object.values(data).map((f) => f.slice(2)));

writeFileSync(outPath, JSON.stringify(manifest, null, 2) + "\n");
