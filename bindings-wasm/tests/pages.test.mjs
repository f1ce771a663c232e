// Pages people read and the 新旧対照表, from the reports module (`welfare-plan/reports`): the
// same text as the CLI writes, and each page rendered by Debian's chromium with script disabled
// and every request refused, to PNG and to an A4 PDF under test-results/ (look at them).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { diffHtml, diffPlans, diffText, iizukaThirdPlan, toCanonicalJson, toHtml, toMarkdown } from "welfare-plan/reports";
import { cliEnv, cliPath, example } from "./corpus.mjs";

const results = fileURLToPath(new URL("../test-results/", import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ex = example();

/** What the CLI writes for `args` (exit 1 is a verdict for `diff`, not a failure). */
function runCli(...args) {
  try {
    return execFileSync(cliPath(), args, { encoding: "utf8", maxBuffer: 1 << 26, env: cliEnv });
  } catch (e) {
    if (e.status === 1 && args[0] === "diff") return e.stdout;
    throw e;
  }
}

/** The Iizuka plan with its first goal in other words: a stand-in for an earlier edition. */
function earlierEdition() {
  const doc = JSON.parse(toCanonicalJson(iizukaThirdPlan()));
  doc.nodes[0].title.ja = "互いを大切にするひとづくり";
  return JSON.stringify(doc);
}

describe("pages and diffs match the CLI", () => {
  test("toHtml and toMarkdown write what `welfare-plan report` writes", () => {
    const plan = iizukaThirdPlan();
    assert.equal(toHtml(plan), runCli("report"));
    assert.equal(toMarkdown(plan, null, "en"), runCli("report", "--format", "md", "--lang", "en"));
    const paths = ex.reportPaths.map(fileURLToPath);
    assert.equal(toHtml(ex.plan, ex.reports), runCli("report", fileURLToPath(ex.planPath), "--progress", ...paths));
  });

  test("diffPlans, diffText and diffHtml give what `welfare-plan diff` gives", () => {
    const dir = mkdtempSync(join(tmpdir(), "welfare-plan-diff-"));
    try {
      const old = join(dir, "old.json");
      const now = join(dir, "new.json");
      writeFileSync(old, earlierEdition());
      writeFileSync(now, toCanonicalJson(iizukaThirdPlan()));
      const diff = diffPlans(earlierEdition(), iizukaThirdPlan());
      assert.deepEqual(diff, JSON.parse(runCli("diff", old, now, "--format", "json")));
      assert.equal(diff.changes.length, 1);
      assert.equal(diff.changes[0].kind, "reworded");
      assert.equal(diffText(earlierEdition(), iizukaThirdPlan()), runCli("diff", old, now));
      assert.equal(diffHtml(earlierEdition(), iizukaThirdPlan(), "en"), runCli("diff", old, now, "--format", "html", "--lang", "en"));
      assert.equal(diffPlans(iizukaThirdPlan(), iizukaThirdPlan()).changes.length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a bad language and reports that are not an array are refused", () => {
    assert.throws(() => toHtml(iizukaThirdPlan(), null, "fr"), RangeError);
    assert.throws(() => toHtml(ex.plan, ex.reports[0]), TypeError);
  });
});

describe("pages in a browser (chromium, no script, no network)", () => {
  let browser, context;
  const requests = [];

  before(async () => {
    mkdirSync(results, { recursive: true });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 }, locale: "ja-JP" });
    await context.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  /** Renders `html` to `name`.png (the whole page) and `name`.pdf (A4); returns the page. */
  async function render(name, html) {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.screenshot({ path: join(results, `${name}.png`), fullPage: true });
    const pdf = await page.pdf({ path: join(results, `${name}.pdf`), format: "A4", printBackground: true, preferCSSPageSize: true });
    return { page, pages: (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length };
  }

  test("the Iizuka plan's page shows every node and prints with a break between goals", async () => {
    const plan = iizukaThirdPlan();
    const { page, pages } = await render("page-iizuka", toHtml(plan));
    const text = await page.textContent("body");
    const titles = [];
    const walk = (nodes) => nodes.forEach((n) => (titles.push(n.title.ja), walk(n.children ?? [])));
    walk(plan.nodes);
    for (const t of titles) assert.ok(text.includes(t), `missing ${t}`);
    // Three goals, each starting a printed page, after the front matter.
    assert.ok(pages >= 4, `${pages} printed pages`);
    const h1 = await page.locator("h1").count();
    assert.equal(h1, 1);
    await page.close();
  });

  test("the progress example's page has a chart per numeric indicator", async () => {
    const { page, pages } = await render("page-progress", toHtml(ex.plan, ex.reports));
    const charts = await page.locator("svg").count();
    assert.ok(charts >= 1, "charts are drawn");
    const box = await page.locator("svg").first().boundingBox();
    assert.ok(box && box.width > 200 && box.height > 100, `a chart of ${JSON.stringify(box)}`);
    assert.ok(pages >= 2, `${pages} printed pages`);
    await page.close();
  });

  test("the 新旧対照表 renders as a table", async () => {
    const { page } = await render("page-diff", diffHtml(earlierEdition(), iizukaThirdPlan()));
    assert.ok((await page.locator("table th").count()) >= 2);
    assert.ok((await page.textContent("body")).includes("互いを大切にするひとづくり"));
    await page.close();
  });

  test("no page asked for anything over the network", () => {
    assert.deepEqual(requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:")), []);
  });
});
