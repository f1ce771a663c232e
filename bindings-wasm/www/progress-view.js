// The progress view (進行管理): a synthetic plan and its yearly progress reports, evaluated by the
// welfare-plan module. Each indicator's series (value, target, achievement, the share a straight
// line expects, status, grades), every node's grades with the ones entered by hand beside the
// computed ones, and each help sector's. Every number, status and grade comes from `evaluate`;
// the status names from `statusLabel`, the node labels from the evaluation, the grade labels
// from the plan's own scales. This file only lays them out. It imports the reports module
// (`welfare-plan/reports`), which app.js loads only when the progress tab is first opened.
import { eraLabel, eraLabelEn, evaluate, parsePlan, parseReport, planHash, statusLabel, validateReport } from "./pkg/reports.js";
import { h } from "./dom.js";
import { pick, strings } from "./i18n.js";

const DIR = "./examples/progress/";

/** Fetches the example (its file list is written by the build) and evaluates it. */
export async function loadProgressExample() {
  const get = async (name) => {
    const response = await fetch(DIR + name);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const index = JSON.parse(new TextDecoder().decode(await get("index.json")));
  const planBytes = await get(index.plan);
  const reportBytes = await Promise.all(index.reports.map(get));
  const plan = parsePlan(planBytes);
  return {
    plan,
    hash: planHash(plan),
    checks: reportBytes.map((bytes, k) => ({ file: index.reports[k], issues: validateReport(bytes, plan) })),
    reports: reportBytes.map((bytes) => parseReport(bytes, plan)),
    progress: evaluate(plan, reportBytes),
  };
}

/**
 * @param {HTMLElement} root
 * @param {Awaited<ReturnType<typeof loadProgressExample>>} example
 * @param {"ja" | "en"} lang
 */
export function renderProgress(root, example, lang) {
  const { plan, progress, reports, checks, hash } = example;
  const s = strings[lang];
  const t = (text) => pick(text, lang);
  const year = (y) => (lang === "ja" ? eraLabel(y) : eraLabelEn(y));
  const shortYear = (y) => (lang === "ja" ? `${eraLabel(y)}` : `FY${y}`);
  const scales = new Map((plan.evaluation?.scales ?? []).map((sc) => [sc.id, sc]));
  const scaleName = (id) => t(scales.get(id)?.name) || id;
  const gradeLabel = (scale, code) => t(scales.get(scale)?.grades.find((g) => g.code === code)?.label);
  const nodeById = new Map(progress.nodes.map((n) => [n.id, n]));
  const label = (pair) => (lang === "ja" ? pair[0] : pair[1]);
  const number = (v) => (typeof v === "number" ? v.toLocaleString(lang === "ja" ? "ja-JP" : "en") : v);
  const withUnit = (v, unit) => {
    if (v === null || v === undefined) return "−";
    if (typeof v === "string" || !unit) return String(number(v));
    const u = t(unit);
    return lang === "ja" || u === "%" ? `${number(v)}${u}` : `${number(v)} ${u}`;
  };
  const percent = (p) => (p === null ? "−" : `${Math.round(p)}%`);
  // A report's note on a value (the reason it was not measured), by year and indicator.
  const notes = new Map(
    reports.flatMap((r) =>
      (r.observations ?? []).map((o) => [`${r.fiscal_year}/${o.indicator}`, o.value === null ? o.reason : o.note]),
    ),
  );

  const statusPill = (status) =>
    h("span", { class: `status-pill status-${status}`, dataset: { status } }, statusLabel(status)[lang]);
  const gradeChip = (scale, code, kind) =>
    code === null
      ? h("span", { class: "grade-chip is-empty" }, "−")
      : h(
          "span",
          { class: `grade-chip ${kind ? `is-${kind}` : ""}`.trim(), title: gradeLabel(scale, code), dataset: { scale, grade: code } },
          code,
        );

  // --- what was read ----------------------------------------------------------------------------
  const allValid = checks.every((c) => !c.issues.some((i) => i.severity === "error"));
  const intro = h(
    "section",
    { class: "wrap block progress-intro" },
    h("h2", { id: "progress-title" }, s.progressKicker),
    h("p", { class: "lead" }, s.progressLead),
    h("p", { class: "synthetic-note" }, t(plan.sources?.[0]?.note)),
    h(
      "div",
      { class: "report-checks" },
      checks.map((c, k) =>
        h(
          "span",
          { class: `report-check ${c.issues.length === 0 ? "is-valid" : "is-invalid"}`, dataset: { year: reports[k].fiscal_year } },
          h("span", { class: "status-icon", "aria-hidden": "true" }, c.issues.length === 0 ? "✓" : "✕"),
          `${year(reports[k].fiscal_year)} `,
          c.issues.length === 0 ? s.reportValid : s.invalid(c.issues.length, 0),
        ),
      ),
      h("span", { class: "report-hash", title: hash }, `${s.planHash} ${hash.slice(0, 19)}…`),
    ),
    !allValid && h("p", { class: "empty" }, s.reportInvalid),
  );

  // --- indicators -------------------------------------------------------------------------------
  const gradeScales = [...new Set(progress.indicators.flatMap((i) => i.years.flatMap((y) => y.grades.map(([sc]) => sc))))];
  const bar = (y) => {
    if (y.achievement === null) return h("span", { class: "muted" }, "−");
    const width = Math.max(0, Math.min(100, y.achievement));
    return h(
      "span",
      { class: "achievement" },
      h(
        "span",
        { class: "bar", role: "img", "aria-label": `${s.achievement} ${percent(y.achievement)}, ${s.expected} ${percent(y.expected)}` },
        h("span", { class: `bar-fill status-${y.status}`, style: `width: ${width}%` }),
        y.expected !== null && h("span", { class: "bar-expected", style: `left: ${Math.min(100, y.expected)}%` }),
      ),
      h("span", { class: "bar-text" }, percent(y.achievement), y.expected !== null && h("span", { class: "muted" }, ` / ${percent(y.expected)}`)),
    );
  };
  const indicatorCard = (series) => {
    const node = series.node ? nodeById.get(series.node) : null;
    const targets = series.targets.map((o) => `${withUnit(o.value, series.unit)}（${shortYear(o.fiscal_year)}）`);
    return h(
      "article",
      { class: "indicator-card", dataset: { indicator: series.id } },
      h(
        "header",
        { class: "indicator-head" },
        node && h("span", { class: "node-chip", title: t(node.title) }, label(node.label), " ", t(node.title)),
        h("h4", { class: "indicator-name" }, t(series.name)),
        h(
          "p",
          { class: "indicator-meta" },
          series.baseline &&
            h("span", {}, h("span", { class: "muted" }, `${s.baseline} `), `${withUnit(series.baseline.value, series.unit)}（${shortYear(series.baseline.fiscal_year)}）`),
          targets.length > 0 && h("span", {}, h("span", { class: "muted" }, `${s.targets} `), targets.join(lang === "ja" ? "、" : ", ")),
        ),
      ),
      h(
        "table",
        { class: "series" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, s.fiscalYear),
            h("th", { scope: "col" }, s.actual),
            h("th", { scope: "col" }, s.target),
            h("th", { scope: "col" }, `${s.achievement} / ${s.expected}`),
            h("th", { scope: "col" }, s.status),
            gradeScales.map((sc) => h("th", { scope: "col" }, scaleName(sc))),
          ),
        ),
        h(
          "tbody",
          {},
          series.years.map((y) => {
            const note = notes.get(`${y.fiscal_year}/${series.id}`);
            const grades = new Map(y.grades);
            return h(
              "tr",
              { dataset: { year: y.fiscal_year } },
              h("th", { scope: "row" }, shortYear(y.fiscal_year)),
              h("td", { class: "value" }, withUnit(y.value, series.unit), note && h("span", { class: "value-note" }, t(note))),
              h("td", { class: "value" }, withUnit(y.target, series.unit)),
              h("td", {}, bar(y)),
              h("td", {}, statusPill(y.status)),
              gradeScales.map((sc) =>
                h(
                  "td",
                  { class: "grade-cell" },
                  gradeChip(sc, grades.get(sc) ?? null),
                  grades.has(sc) && h("span", { class: "grade-label" }, gradeLabel(sc, grades.get(sc))),
                ),
              ),
            );
          }),
        ),
      ),
    );
  };
  const indicators = h(
    "section",
    { class: "wrap block" },
    h("h3", { class: "progress-heading" }, s.indicatorsHeading),
    h("p", { class: "lead" }, s.indicatorsLead),
    h("div", { class: "indicator-grid", id: "indicator-series" }, progress.indicators.map(indicatorCard)),
  );

  // --- node and sector grades ------------------------------------------------------------------
  const nodeScales = [...new Set(progress.nodes.flatMap((n) => n.years.flatMap((y) => y.grades.map((g) => g.scale))))];
  const gradeCell = (grades) =>
    h(
      "td",
      { class: "grades-cell" },
      nodeScales.map((sc) => {
        const g = grades.find((x) => x.scale === sc);
        if (!g || (g.entered === null && g.computed === null)) return null;
        return h(
          "div",
          { class: "scale-line", dataset: { scale: sc } },
          h("span", { class: "scale-name" }, scaleName(sc)),
          h(
            "span",
            { class: "sides" },
            [
              ["entered", g.entered],
              ["computed", g.computed],
            ].map(
            ([side, code]) =>
              code !== null &&
              h(
                "span",
                { class: "side" },
                h("span", { class: "side-name" }, s[side]),
                gradeChip(sc, code, side),
                  h("span", { class: "grade-label" }, gradeLabel(sc, code)),
                ),
            ),
          ),
        );
      }),
    );
  const yearHeads = progress.years.map((y) => h("th", { scope: "col" }, year(y)));
  const nodesTable = h(
    "section",
    { class: "wrap block" },
    h("h3", { class: "progress-heading" }, s.nodesHeading),
    h("p", { class: "lead" }, s.nodesLead),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "grades-table", id: "node-grades" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, s.node), yearHeads)),
        h(
          "tbody",
          {},
          progress.nodes.map((n) =>
            h(
              "tr",
              { dataset: { node: n.id }, class: `depth-${Math.min(n.depth, 2)}` },
              h("th", { scope: "row" }, h("span", { class: "node-label" }, label(n.label)), " ", t(n.title)),
              n.years.map((y) => gradeCell(y.grades)),
            ),
          ),
        ),
      ),
    ),
  );
  const sectorsTable =
    progress.sectors.length > 0 &&
    h(
      "section",
      { class: "wrap block" },
      h("h3", { class: "progress-heading" }, s.sectorsHeading),
      h("p", { class: "lead" }, s.sectorsLead),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          { class: "grades-table", id: "sector-grades" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, s.sector), yearHeads.map((th) => th.cloneNode(true)))),
          h(
            "tbody",
            {},
            progress.sectors.map((sec) =>
              h(
                "tr",
                { dataset: { sector: sec.sector } },
                h("th", { scope: "row" }, h("span", { class: `pill sector-${sec.sector}` }, label(sec.label))),
                sec.years.map((y) => gradeCell(y.grades)),
              ),
            ),
          ),
        ),
      ),
    );

  root.replaceChildren(intro, indicators, nodesTable, sectorsTable || "");
}
