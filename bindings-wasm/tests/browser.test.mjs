// The demo page in a real browser: Debian's chromium driven by playwright-core, the page served
// from 127.0.0.1 by a small static server this test starts (on a free port) and always stops.
// Any console error, page error, failed request or HTTP error fails the test. A screenshot
// of each view is saved under test-results/ (the report tab's at 1280 and 390 px wide).
import assert from "node:assert/strict";
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { iizukaThirdPlan, parsePlan, toCanonicalJson, validate } from "welfare-plan";
import { diffHtml, diffPlans, evaluate, statusLabel, toHtml, toMarkdown } from "welfare-plan/reports";
import { strings } from "../www/i18n.js";
import { cliEnv, cliPath, example, repo } from "./corpus.mjs";
import { execFileSync } from "node:child_process";

const www = fileURLToPath(new URL("../www/", import.meta.url));
const results = fileURLToPath(new URL("../test-results/", import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

/** Serves `root` read-only on 127.0.0.1 and a free port. */
function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Every node of a tree, a parent before its children, with its depth. */
function* walk(nodes, depth = 0) {
  for (const node of nodes) {
    yield { node, depth };
    yield* walk(node.children ?? [], depth + 1);
  }
}

/** The UTF-16 offset of an issue's 1-based line and column (the column in code points). */
function offsetOf(text, { line, column }) {
  const lines = text.split("\n");
  const startOfLine = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  return startOfLine + [...lines[line - 1]].slice(0, column - 1).join("").length;
}

describe("demo page (chromium)", () => {
  let server, context, page, profile, origin;
  const problems = [];
  /** The path of every request the page made, in order. */
  const requested = [];

  before(async () => {
    server = await serve(www);
    origin = `http://127.0.0.1:${server.address().port}`;
    profile = mkdtempSync(join(tmpdir(), "welfare-plan-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: "ja-JP",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    watch(page, requested);
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-ready]");
  });

  after(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Records `p`'s problems (for the last test) and the path of every request it makes. */
  function watch(p, paths) {
    p.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    p.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    p.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    p.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    p.on("request", (r) => paths.push(new URL(r.url()).pathname));
  }

  const planModule = "/pkg/wasm/welfare_plan_wasm_bg.wasm";
  const reportsModule = "/pkg/reports/wasm/welfare_plan_wasm_bg.wasm";
  const plan = iizukaThirdPlan();
  // Iizuka's initiatives are its third level (具体的取り組み), the deepest.
  const initiatives = [...walk(plan.nodes)].filter((w) => w.depth === 2).map((w) => w.node);
  const count = () => page.locator("[data-initiative]").count();
  // A paste into the editor (CodeMirror): everything selected, then a paste event carrying the
  // text, which CodeMirror reads from its clipboard data as it does for a real paste.
  const paste = async (text) => {
    await page.click("#source .cm-content");
    await page.keyboard.press("Control+A");
    await page.$eval(
      "#source .cm-content",
      (el, value) => {
        const data = new DataTransfer();
        data.setData("text/plain", value);
        el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      },
      text,
    );
  };
  /** The editor's text, its selection and whether it has focus, from CodeMirror's own view. */
  const editorState = () =>
    page.evaluate(async () => {
      const { EditorView } = await import("./vendor/codemirror.js");
      const view = EditorView.findFromDOM(document.querySelector("#source .cm-editor"));
      const { from, to } = view.state.selection.main;
      return { focused: view.hasFocus, text: view.state.sliceDoc(from, to), start: from, doc: view.state.doc.toString() };
    });

  test("renders the Iizuka plan with all 19 initiatives", async () => {
    assert.equal(initiatives.length, 19);
    assert.equal(await count(), 19);
    assert.equal(await page.textContent("#plan-title"), "第3期飯塚市地域福祉計画");
    assert.equal(await page.textContent("#period"), "令和5年度～令和14年度");
    assert.match(await page.textContent(".statement"), /お互いを尊重し、支えあい、助け合う協働の地域づくり/);
    assert.equal(await page.textContent("#levels"), plan.levels.map((l) => l.name.ja).join(" → "));
    assert.equal(await page.locator(".branch.depth-0").count(), plan.nodes.length);
    assert.equal(await page.locator(".branch.depth-1").count(), plan.nodes.flatMap((g) => g.children).length);
    assert.deepEqual(
      await page.locator(".branch.depth-0 > .branch-header .node-label").allTextContents(),
      ["基本目標Ⅰ", "基本目標Ⅱ", "基本目標Ⅲ"],
    );
    const second = page.locator(`[data-node="${plan.nodes[0].children[1].id}"]`);
    assert.equal(await second.locator(".branch-header .node-label").textContent(), "活動目標2");
    assert.equal(await second.locator(".branch-header .branch-title").textContent(), plan.nodes[0].children[1].title.ja);
    assert.deepEqual(
      await second.locator(".initiative-number").allTextContents(),
      plan.nodes[0].children[1].children.map((_, k) => `(${k + 1})`),
    );
    // Voices quoted for a goal are shown with it.
    const quoted = (plan.voices ?? []).filter((v) => (v.nodes ?? []).includes(plan.nodes[0].id));
    assert.ok(quoted.length > 0);
    assert.deepEqual(
      await page.locator(`[data-node="${plan.nodes[0].id}"] > .branch-header .voice`).allTextContents(),
      quoted.map((v) => v.text.ja),
    );
    // The actors of an initiative, grouped by sector.
    const card = page.locator('[data-initiative="g2-t1-i1"]');
    assert.deepEqual(await card.locator(".actors dt").allTextContents(), ["自助", "共助", "公助"]);
    assert.deepEqual(await card.locator(".actors dd").nth(1).locator(".actor").allTextContents(), [
      "まちづくり協議会",
      "福祉事業所",
      "関係団体",
    ]);
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: join(results, "demo-plan.png"), fullPage: true });
  });

  test("the sector filter narrows the initiatives", async () => {
    const mutual = initiatives.filter((i) => (i.participants ?? []).some((p) => p.sector === "mutual_help"));
    assert.ok(mutual.length > 0 && mutual.length < 19);
    await page.click('.segment[data-sector="mutual_help"]');
    assert.equal(await count(), mutual.length);
    const shown = await page.locator("[data-initiative]").evaluateAll((els) => els.map((e) => e.dataset.initiative));
    assert.deepEqual(shown, mutual.map((i) => i.id));
    assert.match(await page.textContent("#count"), new RegExp(`19件中 ${mutual.length}件`));
    await page.screenshot({ path: join(results, "demo-filtered.png") });
    await page.click('.segment[data-sector="all"]');
    assert.equal(await count(), 19);
  });

  test("the challenge filter narrows them too", async () => {
    const c2 = initiatives.filter((i) => (i.challenges ?? []).includes("c2"));
    await page.selectOption("#challenge-filter", "c2");
    assert.equal(await count(), c2.length);
    await page.selectOption("#challenge-filter", "");
    assert.equal(await count(), 19);
  });

  test("the language switch changes the text", async () => {
    await page.click('[data-lang="en"]');
    assert.equal(await page.textContent("#plan-title"), plan.title.en);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.textContent("#period"), "FY2023 (Reiwa 5) – FY2032 (Reiwa 14)");
    assert.equal(await page.locator(".branch.depth-0 .node-label").first().textContent(), "Basic goal I");
    assert.equal(await page.textContent("#levels"), plan.levels.map((l) => l.name.en).join(" → "));
    assert.equal(await page.textContent(".statement"), plan.philosophy.statement.en);
    assert.equal(await count(), 19);
    await page.screenshot({ path: join(results, "demo-english.png"), fullPage: true });
    await page.click('[data-lang="ja"]');
    assert.equal(await page.textContent("#plan-title"), plan.title.ja);
  });

  test("a pasted broken document lists its issues and marks them; a click selects the place", async () => {
    await page.click("#tab-editor");
    await page.waitForSelector("#view-editor[data-ready]");
    await page.waitForSelector("#status.is-valid");
    // The editor holds the Iizuka plan, with line numbers and no lint marker.
    assert.equal((await editorState()).doc, toCanonicalJson(plan));
    assert.equal(await page.textContent("#source .cm-lineNumbers .cm-gutterElement:nth-child(2)"), "1");
    assert.equal(await page.locator("#source .cm-lint-marker").count(), 0);
    // A dangling reference deep in the document, after plenty of Japanese text.
    const doc = JSON.parse(JSON.stringify(plan));
    const n = doc.nodes[2].children[1].children[0].challenges.push("c99") - 1;
    const path = `/nodes/2/children/1/children/0/challenges/${n}`;
    const broken = JSON.stringify(doc, null, 2);
    const expected = validate(broken);
    assert.deepEqual(
      expected.map((i) => [i.code, i.path]),
      [["reference.dangling", path]],
    );
    await paste(broken);
    await page.waitForSelector("#status.is-invalid");
    const items = page.locator("#issues li");
    assert.equal(await items.count(), 1);
    assert.match(await items.first().textContent(), /reference\.dangling/);
    assert.ok((await items.first().textContent()).includes(path));

    await items.first().locator("button").click();
    const selection = await editorState();
    assert.ok(selection.focused);
    assert.equal(selection.text, '"c99"');
    assert.equal(selection.start, offsetOf(broken, expected[0]));
    // The lint extension marks the issue where the module located it: the token underlined, and
    // an error marker in the gutter on the line whose number is the issue's line.
    const underline = page.locator("#source .cm-lintRange-error");
    await underline.waitFor();
    assert.equal(await underline.count(), 1);
    assert.equal(await underline.textContent(), '"c99"');
    const marker = page.locator("#source .cm-lint-marker-error");
    assert.equal(await marker.count(), 1);
    const markerBox = await marker.boundingBox();
    const lineNumber = await page.evaluate((y) => {
      const numbers = [...document.querySelectorAll("#source .cm-lineNumbers .cm-gutterElement")];
      return numbers.find((n) => { const r = n.getBoundingClientRect(); return r.top <= y && y < r.bottom; })?.textContent;
    }, markerBox.y + markerBox.height / 2);
    assert.equal(lineNumber, String(expected[0].line));
    await page.screenshot({ path: join(results, "demo-editor.png") });
    // Hovering the marker shows the issue's message, in the page's language.
    await marker.hover();
    const tooltip = page.locator(".cm-tooltip-lint");
    await tooltip.waitFor();
    assert.ok((await tooltip.textContent()).includes(expected[0].messageJa), await tooltip.textContent());
    await page.screenshot({ path: join(results, "demo-editor-lint.png") });
    await page.mouse.move(0, 0);
    // With the selection moved away, the underline itself shows.
    await page.keyboard.press("ArrowDown");
    assert.equal((await editorState()).text, "");
    assert.equal(await underline.textContent(), '"c99"');
    const box = await underline.boundingBox();
    await page.screenshot({ path: join(results, "demo-editor-marked.png"), clip: { x: 80, y: box.y - 100, width: 660, height: 220 } });
  });

  test("syntax errors are listed too, and the sample loads back as valid", async () => {
    const text = '{\n  "schema_version": "2.0",\n  "id": "自治会" "title"\n}';
    const [issue] = validate(text);
    assert.equal(issue.code, "json.syntax");
    await paste(text);
    await page.waitForSelector("#status.is-invalid");
    assert.match(await page.textContent("#issues"), /json\.syntax/);
    await page.click("#issues li button");
    assert.equal((await editorState()).start, offsetOf(text, issue));
    assert.equal(await page.locator("#source .cm-lint-marker-error").count(), 1);
    await page.click("#load-sample");
    await page.waitForSelector("#status.is-valid");
    assert.equal(await page.locator("#issues li").count(), 0);
  });

  test("a municipality code the national code list lacks is listed with its message, in either language", async () => {
    // 409995 has a right check digit and lies in 福岡県, but no municipality has it; with a period
    // in the list's years, that is an error the page finds with the list built into its module.
    const doc = JSON.parse(JSON.stringify(plan));
    doc.municipality.code = "409995";
    doc.period = { start_fiscal_year: 2020, end_fiscal_year: 2024 };
    const text = JSON.stringify(doc, null, 2);
    const [expected, ...rest] = validate(text);
    assert.deepEqual(rest, []);
    assert.equal(expected.code, "municipality.unknown_code");
    await paste(text);
    await page.waitForSelector("#status.is-invalid");
    const items = page.locator("#issues li");
    assert.equal(await items.count(), 1);
    assert.equal(await items.first().locator(".issue-code").textContent(), "municipality.unknown_code");
    assert.equal(await items.first().locator(".issue-path").textContent(), "/municipality/code");
    assert.equal(await items.first().locator(".issue-message").textContent(), expected.messageJa);
    // A click selects the code and scrolls to it, where the lint extension marks it too.
    await items.first().locator("button").click();
    assert.equal((await editorState()).text, '"409995"');
    const marker = page.locator("#source .cm-lint-marker-error");
    await marker.waitFor();
    assert.equal(await marker.count(), 1);
    await page.screenshot({ path: join(results, "demo-editor-unknown-code.png") });
    await page.click('[data-lang="en"]');
    assert.equal(await items.first().locator(".issue-message").textContent(), expected.messageEn);
    await page.click('[data-lang="ja"]');
    await page.click("#load-sample");
    await page.waitForSelector("#status.is-valid");
  });

  test("an opened file is checked as bytes: invalid UTF-8 is reported, not hidden", async () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "id": "'), Buffer.from([0xff]), Buffer.from('"\n}\n')]);
    assert.equal(validate(new Uint8Array(bytes))[0].code, "json.invalid_utf8");
    await page.setInputFiles("#file-input", { name: "broken.json", mimeType: "application/json", buffer: bytes });
    await page.waitForSelector("#status.is-invalid");
    assert.match(await page.textContent("#issues"), /json\.invalid_utf8/);
    assert.match(await page.textContent("#status"), /broken\.json/);
  });

  test("a valid two-level plan from the editor is shown by its own levels, and the sample restored", async () => {
    // Iizuka's goals with their initiatives directly below them, under a level of its own name.
    const doc = JSON.parse(JSON.stringify(plan));
    doc.title = { ja: "テスト市地域福祉計画", en: "Test City Regional Welfare Plan" };
    doc.levels = [doc.levels[0], { id: "action", name: { ja: "取り組み", en: "Action" }, numbering: "circled" }];
    for (const goal of doc.nodes) {
      goal.children = goal.children.flatMap((t) => t.children).map((i, k) => ({ ...i, number: k + 1 }));
    }
    doc.nodes[0].children[0].title.ja = "テストの取り組み";
    const text = JSON.stringify(doc, null, 2);
    assert.deepEqual(validate(text), []);
    await paste(text);
    await page.waitForSelector("#show-plan:not([hidden])");
    await page.click("#show-plan");
    await page.waitForSelector("#view-plan:not([hidden])");
    assert.equal(await page.textContent("#plan-title"), "テスト市地域福祉計画");
    assert.equal(await page.textContent("#levels"), "基本目標 → 取り組み");
    assert.equal(await count(), 19);
    assert.equal(await page.locator(".branch.depth-1").count(), 0);
    const first = page.locator(`[data-initiative="${doc.nodes[0].children[0].id}"]`);
    assert.match(await first.textContent(), /テストの取り組み/);
    assert.equal(await first.getAttribute("data-level"), "action");
    assert.deepEqual(
      await page.locator(`[data-node="${doc.nodes[1].id}"] .initiative-number`).allTextContents(),
      doc.nodes[1].children.map((_, k) => String.fromCodePoint(0x2460 + k)),
    );
    assert.ok(await page.isVisible("#custom-banner"));
    await page.screenshot({ path: join(results, "demo-two-level.png"), fullPage: true });
    await page.click("#back-to-sample");
    assert.equal(await page.textContent("#plan-title"), plan.title.ja);
    assert.equal(await count(), 19);
    assert.ok(!(await page.isVisible("#custom-banner")));
  });

  test("a 1.0 document is valid in the editor and is shown as its 2.0 tree", async () => {
    const v1 = readFileSync(new URL("tests/conformance/base/iizuka-3rd-1.0.json", repo), "utf8");
    const goals = JSON.parse(v1).goals;
    await page.click("#tab-editor");
    await paste(v1);
    await page.waitForSelector("#show-plan:not([hidden])");
    await page.click("#show-plan");
    await page.waitForSelector("#view-plan:not([hidden])");
    assert.equal(await page.locator(".branch.depth-0").count(), goals.length);
    assert.equal(await count(), goals.flatMap((g) => g.targets.flatMap((t) => t.initiatives)).length);
    assert.deepEqual(
      await page.locator(".branch.depth-0 > .branch-header .branch-title").allTextContents(),
      goals.map((g) => g.title.ja),
    );
    await page.click("#back-to-sample");
    assert.equal(await page.textContent("#plan-title"), plan.title.ja);
  });

  test("the progress tab loads the reports module and shows each indicator's series and status, and node grades entered beside computed", async () => {
    const ex = example();
    const progress = evaluate(ex.plan, ex.reports);
    // The plan views and the editor ran on the plan module alone; the reports module is fetched
    // when the progress tab is first opened.
    assert.deepEqual(requested.filter((p) => p.endsWith(".wasm")), [planModule]);
    assert.ok(!requested.some((p) => p.startsWith("/pkg/reports")), requested.join("\n"));
    await page.click("#tab-progress");
    await page.waitForSelector("#progress-view[data-ready]");
    assert.deepEqual(requested.filter((p) => p.endsWith(".wasm")), [planModule, reportsModule]);
    assert.ok(await page.isVisible("#view-progress"));
    assert.ok(!(await page.isVisible("#view-plan")));
    // Every report was read and checked against the plan.
    assert.equal(await page.locator(".report-check.is-valid").count(), ex.reports.length);
    // The header describes the example's plan while its view is shown.
    assert.match(await page.textContent("#plan-title"), /ほしぞら市/);

    // Each indicator: a row per report year with its status and grades, as evaluate gives them.
    assert.equal(await page.locator(".indicator-card").count(), progress.indicators.length);
    for (const series of progress.indicators) {
      const rows = page.locator(`[data-indicator="${series.id}"] tbody tr`);
      assert.equal(await rows.count(), series.years.length, series.id);
      assert.deepEqual(
        await rows.locator(".status-pill").evaluateAll((els) => els.map((e) => e.dataset.status)),
        series.years.map((y) => y.status),
        series.id,
      );
      assert.deepEqual(
        await rows.locator(".status-pill").allTextContents(),
        series.years.map((y) => statusLabel(y.status).ja),
      );
      assert.deepEqual(
        await rows.locator(".grade-chip[data-grade]").evaluateAll((els) => els.map((e) => [e.dataset.scale, e.dataset.grade])),
        series.years.flatMap((y) => y.grades),
        series.id,
      );
    }
    // The series shows several statuses, not one.
    const statuses = new Set(progress.indicators.flatMap((s) => s.years.map((y) => y.status)));
    assert.ok(statuses.size >= 3, [...statuses].join());
    // A value not measured shows the report's reason.
    const unmeasured = progress.indicators.find((s) => s.years.some((y) => y.value === null));
    const row = page.locator(`[data-indicator="${unmeasured.id}"] tr[data-year="${unmeasured.years.find((y) => y.value === null).fiscal_year}"]`);
    assert.match(await row.locator(".value").first().textContent(), /^−.+/);

    // Each node and year: the entered grade and the computed one, side by side.
    const nodeRows = page.locator("#node-grades tbody tr");
    assert.equal(await nodeRows.count(), progress.nodes.length);
    for (const n of progress.nodes) {
      const cells = page.locator(`#node-grades tr[data-node="${n.id}"] td`);
      assert.equal(await cells.count(), progress.years.length);
      for (const [k, y] of n.years.entries()) {
        const cell = cells.nth(k);
        for (const side of ["entered", "computed"]) {
          assert.deepEqual(
            await cell.locator(`.grade-chip.is-${side}`).evaluateAll((els) => els.map((e) => [e.dataset.scale, e.dataset.grade])),
            y.grades.filter((g) => g[side] !== null).map((g) => [g.scale, g[side]]),
            `${n.id} ${y.fiscal_year} ${side}`,
          );
        }
      }
    }
    assert.ok(progress.nodes.some((n) => n.years.some((y) => y.grades.some((g) => g.entered && g.computed && g.entered !== g.computed))));
    assert.equal(await page.locator("#sector-grades tbody tr").count(), progress.sectors.length);
    await page.screenshot({ path: join(results, "demo-progress.png"), fullPage: true });

    await page.click('[data-lang="en"]');
    assert.deepEqual(
      await page.locator(`[data-indicator="${progress.indicators[0].id}"] .status-pill`).allTextContents(),
      progress.indicators[0].years.map((y) => statusLabel(y.status).en),
    );
    assert.match(await page.textContent("#plan-title"), /Hoshizora/);
    await page.screenshot({ path: join(results, "demo-progress-english.png"), fullPage: true });
    await page.click('[data-lang="ja"]');
    await page.click("#tab-plan");
    assert.equal(await count(), 19);
    assert.equal(await page.textContent("#plan-title"), plan.title.ja);
  });

  test("the report tab loads the reports module, previews the printable report and offers it for download", async () => {
    // A page of its own, so that this tab is the first to need the reports module.
    const paths = [];
    const fresh = await context.newPage();
    watch(fresh, paths);
    try {
      await fresh.goto(`${origin}/`);
      await fresh.waitForSelector("body[data-ready]");
      assert.deepEqual(paths.filter((p) => p.endsWith(".wasm")), [planModule]);
      await fresh.click("#tab-publish");
      await fresh.waitForSelector("#publish-view[data-ready]");
      assert.deepEqual(paths.filter((p) => p.endsWith(".wasm")), [planModule, reportsModule]);
      assert.ok(await fresh.isVisible("#view-publish"));
      assert.ok(!(await fresh.isVisible("#view-plan")));

      // The plan shown (Iizuka's) as the core writes it, in a frame without script or origin.
      await fresh.waitForSelector("#report-frame");
      assert.equal(await fresh.getAttribute("#report-frame", "sandbox"), "");
      assert.equal(await fresh.getAttribute("#report-frame", "srcdoc"), toHtml(plan, null, "ja"));
      const report = fresh.frameLocator("#report-frame");
      assert.equal(await report.locator("h1").textContent(), plan.title.ja);
      const text = await report.locator("body").textContent();
      for (const i of initiatives) assert.ok(text.includes(i.title.ja), `missing ${i.title.ja}`);
      assert.match(await fresh.textContent("#report-status"), /第3期飯塚市地域福祉計画/);

      // The downloads are the same page and its Markdown, named after the plan and the language.
      const save = async (selector) => {
        const [download] = await Promise.all([fresh.waitForEvent("download"), fresh.click(selector)]);
        return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
      };
      assert.deepEqual(await save("#download-html"), { name: `${plan.id}.ja.html`, text: toHtml(plan, null, "ja") });
      assert.deepEqual(await save("#download-md"), { name: `${plan.id}.ja.md`, text: toMarkdown(plan, null, "ja") });
      assert.ok(await fresh.isVisible(".print-hint"));
      // Viewport screenshots: a full-page one leaves parts of the frames unpainted.
      const showAtTop = (id) => fresh.evaluate((el) => document.getElementById(el).scrollIntoView(), id);
      await showAtTop("report-heading");
      await fresh.screenshot({ path: join(results, "demo-publish-report.png") });

      // The progress example with its three reports: a chart per indicator with numbers.
      const ex = example();
      const exPlan = parsePlan(ex.plan);
      await fresh.click('.choice[data-source="example"]');
      await fresh.waitForFunction(() => document.getElementById("download-html")?.download.includes("-progress."));
      assert.equal(await fresh.getAttribute('.choice[data-source="example"]', "aria-pressed"), "true");
      assert.equal(await fresh.getAttribute("#report-frame", "srcdoc"), toHtml(ex.plan, ex.reports, "ja"));
      assert.ok((await fresh.frameLocator("#report-frame").locator("svg").count()) >= 1);
      assert.equal(await fresh.getAttribute("#download-md", "download"), `${exPlan.id}-progress.ja.md`);
      await showAtTop("report-status");
      await fresh.screenshot({ path: join(results, "demo-publish-example.png") });

      // The language switch remakes it in English.
      await fresh.click('[data-lang="en"]');
      await fresh.waitForFunction(() => document.getElementById("download-html")?.download.endsWith(".en.html"));
      assert.equal(await fresh.getAttribute("#report-frame", "srcdoc"), toHtml(ex.plan, ex.reports, "en"));
      assert.equal(await fresh.textContent("#tab-publish"), strings.en.tabPublish);
      await fresh.click('[data-lang="ja"]');
      await fresh.waitForFunction(() => document.getElementById("download-html")?.download.endsWith(".ja.html"));

      // The example diff: the progress example's plan against an earlier edition this page makes
      // from it, labelled as synthetic.
      await fresh.click("#diff-example");
      await fresh.waitForSelector("#diff-frame");
      const earlier = await fresh.evaluate(async () => {
        const [{ earlierEdition }, { parsePlan }] = await Promise.all([import("./publish-view.js"), import("./pkg/reports.js")]);
        return earlierEdition(parsePlan(await (await fetch("./examples/progress/synthetic-hoshizora-plan.json")).text()));
      });
      assert.deepEqual(validate(earlier), []);
      assert.match(earlier.title.ja, /架空/);
      assert.match(earlier.title.en, /synthetic/);
      const diff = diffPlans(earlier, ex.plan);
      assert.deepEqual(
        diff.changes.map((c) => [c.kind, c.part, [...c.old, ...c.new][0].id]),
        [
          ["reworded", "node", "goal-1"],
          ["moved", "node", "goal-1-ini-2"],
          ["added", "node", "goal-2-ini-1"],
          ["reworded", "node", "goal-2-ini-2"],
          ["added", "indicator", "ind-desk"],
        ],
      );
      assert.equal(await fresh.textContent("#diff-summary"), "変更 5件：文言修正 2件、移動 1件、新設 2件");
      assert.match(await fresh.textContent("#diff-old-file"), /合成した前期計画（架空）/);
      assert.equal(await fresh.getAttribute("#diff-frame", "sandbox"), "");
      assert.equal(await fresh.getAttribute("#diff-frame", "srcdoc"), diffHtml(earlier, ex.plan, "ja"));
      // The 新旧対照表 has a row per change, and names each kind as the summary does.
      const table = fresh.frameLocator("#diff-frame");
      assert.equal(await table.locator("tbody tr").count(), diff.changes.length);
      const tableText = await table.locator("body").textContent();
      for (const title of ["孤立させないまちづくり", "ひとりにしないまちづくり", "相談窓口の案内", "相談窓口の周知", "総合相談窓口の設置"]) {
        assert.ok(tableText.includes(title), `missing ${title}`);
      }
      for (const c of diff.changes) assert.ok(tableText.includes(strings.ja.changeKinds[c.kind]), c.kind);
      assert.equal(await fresh.getAttribute("#download-diff", "download"), `${exPlan.id}-diff.ja.html`);
      await showAtTop("diff-heading");
      await fresh.screenshot({ path: join(results, "demo-publish-diff.png") });
      await showAtTop("diff-result");
      await fresh.screenshot({ path: join(results, "demo-publish-diff-table.png") });

      // At 390 px nothing is squeezed to a character per line.
      await fresh.setViewportSize({ width: 390, height: 844 });
      const narrow = await fresh.evaluate(() =>
        [...document.querySelectorAll("#view-publish *, .tabs *")]
          .filter((el) => el.children.length === 0 && el.textContent.trim().length >= 3 && el.getClientRects().length > 0)
          .filter((el) => el.getBoundingClientRect().width < 2.5 * parseFloat(getComputedStyle(el).fontSize))
          .map((el) => el.textContent.trim()),
      );
      assert.deepEqual(narrow, []);
      assert.ok(await fresh.evaluate(() => document.documentElement.scrollWidth <= 390), "no sideways scrolling");
      // What a phone shows: the diff's inputs, then its result, then the report's top.
      await showAtTop("diff-heading");
      await fresh.screenshot({ path: join(results, "demo-publish-diff-390.png") });
      await showAtTop("diff-result");
      await fresh.screenshot({ path: join(results, "demo-publish-diff-table-390.png") });
      await fresh.click('.choice[data-source="plan"]');
      await fresh.waitForFunction(() => !document.getElementById("download-html")?.download.includes("-progress."));
      await fresh.evaluate(() => window.scrollTo({ top: 0 }));
      await fresh.screenshot({ path: join(results, "demo-publish-report-390.png") });
      await showAtTop("report-status");
      await fresh.screenshot({ path: join(results, "demo-publish-frame-390.png") });
      await fresh.setViewportSize({ width: 1280, height: 900 });

      // A broken file lists its issues in the page's language instead of a table; a valid pair of
      // identical editions has no changes.
      const broken = Buffer.from('{\n  "schema_version": "2.0",\n  "id": "x" "title"\n}\n');
      const [issue] = validate(new Uint8Array(broken));
      assert.equal(issue.code, "json.syntax");
      await fresh.setInputFiles("#diff-old", { name: "broken.json", mimeType: "application/json", buffer: broken });
      await fresh.waitForSelector(".diff-issues");
      assert.equal(await fresh.locator("#diff-frame").count(), 0);
      assert.equal(await fresh.locator("#download-diff").count(), 0);
      assert.match(await fresh.textContent(".diff-issues .status"), /broken\.json/);
      assert.deepEqual(await fresh.locator(".diff-issues .issue-code").allTextContents(), [issue.code]);
      assert.equal(await fresh.textContent(".diff-issues .issue-message"), issue.messageJa);
      await showAtTop("diff-heading");
      await fresh.screenshot({ path: join(results, "demo-publish-issues.png") });
      await fresh.click('[data-lang="en"]');
      assert.equal(await fresh.textContent(".diff-issues .issue-message"), issue.messageEn);
      assert.match(await fresh.textContent(".diff-issues .status"), /broken\.json is not a valid plan/);
      await fresh.click('[data-lang="ja"]');
      const iizuka = Buffer.from(toCanonicalJson(plan));
      await fresh.setInputFiles("#diff-old", { name: "iizuka.json", mimeType: "application/json", buffer: iizuka });
      // The newer edition dropped on its zone rather than chosen.
      await fresh.evaluate((text) => {
        const files = new DataTransfer();
        files.items.add(new File([text], "iizuka-copy.json", { type: "application/json" }));
        document.querySelector('.drop-zone[data-side="new"]').dispatchEvent(new DragEvent("drop", { dataTransfer: files, bubbles: true, cancelable: true }));
      }, iizuka.toString("utf8"));
      await fresh.waitForFunction(() => document.getElementById("diff-new-file").textContent === "iizuka-copy.json");
      assert.equal(await fresh.getAttribute("#diff-old", "aria-labelledby"), "diff-old-title");
      await fresh.waitForSelector("#diff-summary");
      assert.equal(await fresh.textContent("#diff-summary"), "変更はありません。");
      assert.equal(await fresh.locator(".diff-issues").count(), 0);
    } finally {
      await fresh.close();
    }
  });

  test("the plan's overview and the publisher's office are shown", async () => {
    await page.click("#tab-plan");
    const headings = await page.$$eval("#overview h3", (hs) => hs.map((x) => x.textContent));
    assert.deepEqual(headings, plan.overview.filter((sec) => sec.heading).map((sec) => sec.heading.ja));
    const bodies = await page.$$eval("#overview .overview-card p", (ps) => ps.map((x) => x.textContent));
    assert.deepEqual(bodies, plan.overview.map((sec) => sec.body.ja), "every section, a heading or not");
    const office = await page.textContent("#contact");
    const o = plan.publishers.find((p) => p.office).office;
    for (const part of [o.organization, o.department, o.division, o.section]) assert.ok(office.includes(part.ja), part.ja);
    await page.$eval("#overview", (el) => el.scrollIntoView());
    await page.screenshot({ path: join(results, "demo-overview.png") });
  });

  test("a filtered view is in the address, and a shared link opens it again", async () => {
    await page.click("#tab-plan");
    await page.click('.segment.sector-mutual_help');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("sector"), "mutual_help");
    const shown = await count();
    const other = await context.newPage();
    try {
      await other.goto(`${origin}/?sector=mutual_help&lang=en`);
      await other.waitForSelector("body[data-ready]");
      assert.equal(await other.locator("[data-initiative]").count(), shown, "the same initiatives");
      assert.equal(await other.getAttribute('.segment.sector-mutual_help', "aria-pressed"), "true");
      assert.equal(await other.getAttribute('[data-lang="en"]', "aria-pressed"), "true");
      // A sector the plan does not have is ignored.
      await other.goto(`${origin}/?sector=nonsense`);
      await other.waitForSelector("body[data-ready]");
      assert.equal(await other.locator("[data-initiative]").count(), 19);
    } finally {
      await other.close();
    }
    await page.click('.segment[data-sector="all"]');
    assert.equal(new URL(page.url()).searchParams.get("sector"), null, "no filter, none in the address");
  });

  test("the plan prints as a document: no tabs or filters, goal headings black on white, a page per goal", async () => {
    await page.click("#tab-plan");
    await page.emulateMedia({ media: "print" });
    try {
      const shown = (selector) => page.$eval(selector, (el) => getComputedStyle(el).display !== "none");
      assert.equal(await shown(".tabs"), false, "the tabs do not print");
      assert.equal(await shown(".lang-switch"), false);
      assert.equal(await shown(".filters"), false, "the filters do not print");
      const header = await page.$eval(".branch.depth-0 > .branch-header", (el) => {
        const style = getComputedStyle(el);
        return { color: style.color, background: style.backgroundColor };
      });
      assert.equal(header.color, "rgb(0, 0, 0)");
      assert.match(header.background, /rgba\(0, 0, 0, 0\)|transparent|rgb\(255, 255, 255\)/);
      const pdf = await page.pdf({ path: join(results, "demo-print.pdf"), format: "A4", printBackground: true });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
      assert.ok(pages >= 4, `${pages} printed pages: the front matter and a page per goal`);
      await page.screenshot({ path: join(results, "demo-print.png"), fullPage: true });
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  test("at 390 px the sector buttons keep each label on one line", async () => {
    await page.click("#tab-plan");
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      // The lines each button's text takes: the distinct tops of its text's line boxes.
      const lines = await page.$$eval(".segment", (buttons) =>
        buttons.map((b) => {
          const range = document.createRange();
          range.selectNodeContents(b);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
      );
      assert.ok(lines.length >= 3, "the sector buttons are there");
      assert.ok(lines.every((n) => n === 1), `lines per button: ${lines}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "no sideways scrolling");
      await page.$eval(".filters", (el) => el.scrollIntoView());
      await page.screenshot({ path: join(results, "demo-plan-390.png") });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test("the hint is hidden on a served page and says what to do on a page opened from disk", async () => {
    assert.equal(await page.isVisible("#boot-hint"), false);
    const disk = await context.newPage();
    try {
      await disk.goto(`file://${www}index.html`);
      await disk.waitForSelector("#boot-hint", { state: "visible", timeout: 10_000 });
      const text = await disk.textContent("#boot-hint");
      assert.match(text, /Webサーバから開いてください/);
      assert.match(text, /python3 -m http\.server/);
      await disk.screenshot({ path: join(results, "demo-from-disk.png") });
    } finally {
      await disk.close();
    }
  });

  test("a dropped workbook loads the sheets module, lists every mistake at its cell, and a good one shows its plan", async () => {
    const sheetsModule = "/pkg/sheets/wasm/welfare_plan_wasm_bg.wasm";
    assert.ok(!requested.includes(sheetsModule), "the sheets module waits for a file");
    await page.click("#tab-sheet");
    assert.ok(await page.isVisible("#sheet-drop"));
    const mistakes = readFileSync(new URL("tests/sheets/synthetic-hoshizora-mistakes.xlsx", repo));
    const expected = JSON.parse(readFileSync(new URL("tests/sheets/synthetic-hoshizora-mistakes.expected.json", repo), "utf8"));
    await page.setInputFiles("#sheet-input", { name: "mistakes.xlsx", mimeType: "application/octet-stream", buffer: mistakes });
    await page.waitForSelector("#sheet-status.is-invalid");
    assert.ok(requested.includes(sheetsModule));
    assert.equal(await page.locator("#sheet-issues > li").count(), expected.length);
    const cells = await page.locator("#sheet-issues .issue-cell").allTextContents();
    assert.deepEqual(
      cells,
      expected.map((i) => i.cell ?? strings.ja.sheetWholeBook),
    );
    assert.match(await page.textContent("#sheet-issues"), /H3: 値を入れる欄に数式/);
    await page.screenshot({ path: join(results, "demo-sheet-mistakes.png"), fullPage: true });

    // A workbook of the Iizuka plan, as the CLI writes it (dragged onto the drop zone).
    const book = join(results, "iizuka.xlsx");
    execFileSync(cliPath(), ["export", "--format", "xlsx", "-o", book], { env: cliEnv });
    const bytes = [...readFileSync(book)];
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "iizuka.xlsx"));
      document.getElementById("sheet-drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await page.waitForSelector("#sheet-status.is-valid");
    await page.screenshot({ path: join(results, "demo-sheet-valid.png") });
    await page.click(".sheet-actions .button-primary");
    assert.ok(await page.isVisible("#view-plan"));
    assert.equal(await page.textContent("#plan-title"), plan.title.ja);
  });

  test("no console errors, page errors or failed requests", () => {
    assert.deepEqual(problems, []);
  });
});
