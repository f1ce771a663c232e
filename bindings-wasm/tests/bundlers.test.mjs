// The package in the four common bundlers, configured exactly as README "Bundlers" says: a small
// app (tests/bundlers/app.js) that imports `welfare-plan` by name from a consumer project holding
// the built package in node_modules is bundled by Vite, esbuild, webpack and Rollup, and each
// bundle runs in chromium (served from 127.0.0.1) and, for esbuild's Node bundle, in Node. Each
// must load both WebAssembly modules and give what the package gives here: the Iizuka plan is
// valid, has 19 initiatives and is a Plan, a truncated document is `json.truncated` at the line
// and column the package gives here, and the reports module's `planHash` is the one here.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { importMetaAssets } from "@web/rollup-plugin-import-meta-assets";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";
import { rollup } from "rollup";
import { build as vite } from "vite";
import webpack from "webpack";
import { iizukaThirdPlan, validate } from "welfare-plan";
import { planHash } from "welfare-plan/reports";

const pkg = fileURLToPath(new URL("../pkg/", import.meta.url));
const app = fileURLToPath(new URL("./bundlers/", import.meta.url));
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const expected = {
  issues: 0,
  initiatives: 19,
  isPlan: true,
  broken: validate('{"schema_version": "2.0", ').map((i) => `${i.code} ${i.line}:${i.column}`),
  hash: planHash(iizukaThirdPlan()),
};

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Serves `root` read-only on 127.0.0.1 and a free port. */
function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Every file under `dir`, relative to it. */
const files = (dir) => readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile());

describe("bundlers", () => {
  let project, context, profile;

  before(async () => {
    // A consumer project: the built package in node_modules, as `npm install` puts it there.
    project = mkdtempSync(join(tmpdir(), "welfare-plan-bundlers-"));
    cpSync(pkg, join(project, "node_modules", "welfare-plan"), { recursive: true });
    cpSync(join(app, "app.js"), join(project, "app.js"));
    cpSync(join(app, "index.html"), join(project, "index.html"));
    writeFileSync(join(project, "package.json"), '{ "type": "module", "private": true }\n');
    profile = mkdtempSync(join(tmpdir(), "welfare-plan-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (project) rmSync(project, { recursive: true, force: true });
  });

  /**
   * Opens `dir`/index.html in chromium and returns what the app found, with the WebAssembly
   * modules the page fetched and every problem (console error, page error, failed request).
   */
  async function run(dir) {
    const server = await serve(dir);
    const page = await context.newPage();
    const problems = [];
    const wasm = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      else if (r.url().endsWith(".wasm")) wasm.push(r.url());
    });
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      // The app's result, or nothing when the page fails first.
      const found = await Promise.race([
        page
          .waitForSelector("body[data-result]", { state: "attached", timeout: 15_000 })
          .then(() => page.getAttribute("body", "data-result"))
          .catch(() => null),
        page.waitForEvent("pageerror", { timeout: 15_000 }).then(
          () => null,
          () => null,
        ),
      ]);
      return { result: found && JSON.parse(found), wasm, problems };
    } finally {
      await page.close();
      // The browser keeps its connections open; close them with the server.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  /** The checks every bundle passes: the app's result, two modules fetched, no problem. */
  function assertRuns({ result, wasm, problems }, dir) {
    assert.deepEqual(problems, []);
    assert.deepEqual(result, expected);
    assert.equal(wasm.length, 2, `the plan and the reports modules: ${wasm}`);
    assert.equal(files(dir).filter((f) => f.endsWith(".wasm")).length, 2, files(dir).join("\n"));
  }

  test("Vite: `vite build`, nothing to configure", async () => {
    const outDir = join(project, "dist-vite");
    await vite({ root: project, configFile: false, logLevel: "warn", build: { outDir } });
    assertRuns(await run(outDir), outDir);
  });

  // README: esbuild app.js --bundle --format=esm --loader:.wasm=file --conditions=esbuild --outdir=dist
  const esbuildOptions = { bundle: true, format: "esm", loader: { ".wasm": "file" }, conditions: ["esbuild"] };

  test("esbuild: the documented options, for the browser", async () => {
    assert.ok(readme.includes("--bundle --format=esm --loader:.wasm=file --conditions=esbuild"));
    const outdir = join(project, "dist-esbuild");
    await esbuild.build({ ...esbuildOptions, entryPoints: [join(project, "app.js")], outdir, logLevel: "warning" });
    cpSync(join(app, "index.html"), join(outdir, "index.html"));
    assertRuns(await run(outdir), outdir);
  });

  test("esbuild: the documented options, for Node (--platform=node)", async () => {
    assert.ok(readme.includes("--platform=node"));
    const outdir = join(project, "dist-esbuild-node");
    await esbuild.build({ ...esbuildOptions, platform: "node", entryPoints: [join(project, "app.js")], outdir, logLevel: "warning" });
    assert.equal(files(outdir).filter((f) => f.endsWith(".wasm")).length, 2, files(outdir).join("\n"));
    // Run from elsewhere, with the project's node_modules gone: the bundle needs nothing else.
    const moved = mkdtempSync(join(tmpdir(), "welfare-plan-esbuild-node-"));
    try {
      cpSync(outdir, moved, { recursive: true });
      const printed = execFileSync(process.execPath, [join(moved, "app.js")], { encoding: "utf8" });
      assert.deepEqual(JSON.parse(printed), expected);
    } finally {
      rmSync(moved, { recursive: true, force: true });
    }
  });

  test("esbuild without the options: the page says which module it could not load, and why", async () => {
    const outdir = join(project, "dist-esbuild-bare");
    await esbuild.build({ bundle: true, format: "esm", entryPoints: [join(project, "app.js")], outdir, logLevel: "silent" });
    cpSync(join(app, "index.html"), join(outdir, "index.html"));
    const { result, problems } = await run(outdir);
    assert.equal(result, null);
    const error = problems.find((p) => p.startsWith("page error:"));
    assert.match(error ?? problems.join("\n"), /welfare-plan: cannot load its WebAssembly module from http:\/\/127\.0\.0\.1:\d+\/wasm\/welfare_plan_wasm_bg\.wasm/);
    assert.match(error, /--loader:\.wasm=file --conditions=esbuild/);
  });

  test("webpack 5: the default configuration", async () => {
    const path = join(project, "dist-webpack");
    const stats = await new Promise((resolve, reject) =>
      webpack({ mode: "production", context: project, entry: "./app.js", output: { path } }, (err, s) => (err ? reject(err) : resolve(s))),
    );
    assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
    writeFileSync(join(path, "index.html"), '<!doctype html><link rel="icon" href="data:,"><script src="main.js"></script>\n');
    assertRuns(await run(path), path);
  });

  test("Rollup: @rollup/plugin-node-resolve and @web/rollup-plugin-import-meta-assets", async () => {
    assert.ok(readme.includes("plugins: [nodeResolve({ browser: true }), importMetaAssets()]"));
    const dir = join(project, "dist-rollup");
    const bundle = await rollup({
      input: join(project, "app.js"),
      plugins: [nodeResolve({ browser: true }), importMetaAssets()],
      onwarn: (w) => assert.fail(`rollup: ${w.message}`),
    });
    await bundle.write({ dir, format: "es" });
    await bundle.close();
    cpSync(join(app, "index.html"), join(dir, "index.html"));
    assertRuns(await run(dir), dir);
  });
});
