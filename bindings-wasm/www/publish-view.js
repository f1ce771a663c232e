// The report and diff view (報告書・新旧対照表): the plan as the printable page the core writes
// (toHtml, toMarkdown), previewed and offered for download, and the changes between two editions
// of a plan (diffPlans, diffHtml). Every page, every change and every issue comes from the
// reports module (`welfare-plan/reports`), which app.js loads only when this tab is first
// opened; this file chooses the inputs and lays out the results. The pages are previewed in an
// <iframe sandbox=""> (no script, no shared origin): a plan a visitor loads is their text, and
// the page never runs it or lets it reach this one.
import { diffHtml, diffPlans, parsePlan, PlanError, toHtml, toMarkdown } from "./pkg/reports.js";
import { h } from "./dom.js";
import { pick, strings } from "./i18n.js";

/** The kinds of change, in the order the summary counts them. */
const KINDS = ["reworded", "moved", "added", "removed", "merged", "split", "changed"];

/**
 * A synthetic earlier edition of the progress example's plan (itself synthetic), for the diff
 * example: its first basic goal in other words, its second goal's first initiative not yet
 * there, and the first goal's second initiative under the second goal. Never a real plan's
 * earlier edition: only the example's, and its title and source say so.
 *
 * @param {import("./pkg/reports.js").Plan} plan the progress example's plan
 */
export function earlierEdition(plan) {
  const old = structuredClone(plan);
  old.title = {
    ja: "（架空）ほしぞら市地域福祉計画（合成した前期計画）",
    en: "(synthetic) Hoshizora City Community Welfare Plan (a synthetic earlier edition)",
  };
  old.sources = [
    {
      title: { ja: "合成した前期計画（架空）", en: "A synthetic earlier edition (not real)" },
      note: {
        ja: "地域福祉計画ビューアが、架空の「ほしぞら市」の計画から新旧対照表の例のために作った前期計画です。実在する計画ではありません。",
        en: "An earlier edition the regional welfare plan viewer makes from the synthetic Hoshizora City plan, to show a comparison of editions. It is not a real plan.",
      },
    },
  ];
  const [first, second] = old.nodes;
  first.title = { ja: "孤立させないまちづくり", en: "A city where no one is isolated" };
  const [watching] = first.children.splice(1, 1);
  second.children.splice(0, 1);
  second.children[0].title = { ja: "相談窓口の案内", en: "Guiding people to the consultation desks" };
  second.children.push(watching);
  for (const goal of old.nodes) goal.children.forEach((node, k) => (node.number = k + 1));
  return old;
}

/** A plan id as part of a file name. */
const stem = (id) => String(id).replace(/[^\w.-]+/g, "-") || "plan";

/**
 * @param {HTMLElement} root
 * @param {{
 *   getPlan: () => object,
 *   getLang: () => "ja" | "en",
 *   loadExample: () => Promise<{ plan: object, reports: object[] }>,
 * }} options
 */
export function setUpPublish(root, { getPlan, getLang, loadExample }) {
  /** What the view shows, kept across renders (a language switch rebuilds the elements). */
  const view = {
    /** Whose report: "plan" (the plan on the plan tab) or "example" (the progress example). */
    source: "plan",
    /** The report made last: { key, plan, title, html, markdown, stem, lang }. */
    report: null,
    /** Each edition: { name?, label?, bytes?, plan?, issues? }; label names a string. */
    sides: { old: null, new: null },
    /** The last diff: { key, diff, html }. */
    diff: null,
  };
  /** Object URLs of the current downloads, by the part that offers them; revoked when replaced. */
  const urls = { report: [], diff: [] };
  let els = {};
  /** Ignores a report that finishes after a newer one was asked for. */
  let reportTicket = 0;

  const s = () => strings[getLang()];
  const t = (text) => pick(text, getLang());

  /** Revokes the downloads `part` offered until now. */
  function revoke(part) {
    for (const url of urls[part]) URL.revokeObjectURL(url);
    urls[part] = [];
  }

  /** A download link of `text` for `part`: an object URL and the file name to save it as. */
  function download(part, id, label, text, type, name) {
    const href = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    urls[part].push(href);
    return h("a", { id, class: "button", href, download: name }, label);
  }

  /** A sandboxed frame showing a whole HTML document: no script, an opaque origin. */
  const frame = (id, title, html) => h("iframe", { id, class: "doc-frame", sandbox: "", title, srcdoc: html });

  // --- the report ------------------------------------------------------------------------------

  async function makeReport() {
    const lang = getLang();
    const ticket = ++reportTicket;
    let plan;
    let reports = null;
    if (view.source === "example") {
      if (!view.report || view.report.key !== `example/${lang}`) setReportStatus(s().reportMaking);
      ({ plan, reports } = await loadExample());
    } else {
      plan = getPlan();
    }
    if (ticket !== reportTicket) return;
    const key = `${view.source}/${lang}`;
    if (!(view.report && view.report.key === key && view.report.plan === plan)) {
      const html = toHtml(plan, reports, lang);
      view.report = {
        key,
        plan,
        lang,
        title: pick(plan.title, lang),
        html,
        markdown: toMarkdown(plan, reports, lang),
        stem: view.source === "example" ? `${stem(plan.id)}-progress` : stem(plan.id),
      };
    }
    showReport();
  }

  function setReportStatus(text) {
    if (els.reportStatus) els.reportStatus.textContent = text;
  }

  function showReport() {
    const r = view.report;
    if (!r || !els.reportOutput) return;
    const bytes = new TextEncoder().encode(r.html).length;
    setReportStatus(s().reportMade(r.title, bytes));
    revoke("report");
    els.reportOutput.replaceChildren(
      h(
        "div",
        { class: "publish-actions" },
        download("report", "download-html", s().downloadHtml, r.html, "text/html", `${r.stem}.${r.lang}.html`),
        download("report", "download-md", s().downloadMd, r.markdown, "text/markdown", `${r.stem}.${r.lang}.md`),
        h("p", { class: "print-hint" }, s().printHint),
      ),
      frame("report-frame", s().reportPreview, r.html),
    );
  }

  // --- the diff --------------------------------------------------------------------------------

  /** Reads an edition: parsed once; a PlanError's issues are kept to be listed. */
  function setSide(which, side) {
    if (side.plan === undefined) {
      try {
        side.plan = parsePlan(side.bytes);
      } catch (e) {
        if (!(e instanceof PlanError)) throw e;
        side.plan = null;
        side.issues = e.issues;
      }
    }
    view.sides[which] = side;
    view.diff = null;
    showDiff();
  }

  async function openFile(which, file) {
    // The bytes go to the module as they are: invalid UTF-8 is reported, not papered over.
    setSide(which, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }

  async function showExample() {
    const { plan } = await loadExample();
    view.sides.old = { label: "exampleOld", plan: earlierEdition(plan) };
    setSide("new", { label: "exampleNew", plan });
  }

  const sideName = (side) => (side.label ? s()[side.label] : side.name);

  function issueList(side) {
    const lang = getLang();
    return h(
      "div",
      { class: "diff-issues" },
      h(
        "p",
        { class: "status is-invalid" },
        h("span", { class: "status-icon", "aria-hidden": "true" }, "✕"),
        h("span", {}, s().notAPlan(sideName(side))),
      ),
      h(
        "ol",
        { class: "issues" },
        side.issues.map((issue) =>
          h(
            "li",
            {},
            h(
              "div",
              { class: "issue" },
              h(
                "span",
                { class: "issue-head" },
                h("span", { class: `severity severity-${issue.severity}` }, s()[issue.severity]),
                h("code", { class: "issue-code" }, issue.code),
                issue.line !== undefined && h("span", { class: "issue-at" }, s().at(issue.line, issue.column)),
              ),
              h("span", { class: "issue-message" }, lang === "en" ? issue.messageEn : issue.messageJa),
              h("code", { class: "issue-path" }, issue.path === "" ? s().root : issue.path),
            ),
          ),
        ),
      ),
    );
  }

  function showDiff() {
    if (!els.diffResult) return;
    const lang = getLang();
    for (const which of ["old", "new"]) {
      const side = view.sides[which];
      els.fileNames[which].textContent = side ? sideName(side) : s().noFile;
      els.fileNames[which].classList.toggle("is-set", Boolean(side));
    }
    const { old, new: now } = view.sides;
    const broken = [old, now].filter((side) => side && side.plan === null);
    revoke("diff");
    els.diffOutput.replaceChildren();
    if (broken.length > 0) {
      els.diffResult.replaceChildren(...broken.map(issueList));
      return;
    }
    if (!old || !now) {
      els.diffResult.replaceChildren(old || now ? h("p", { class: "muted" }, s().diffWaiting) : "");
      return;
    }
    const key = lang;
    if (!view.diff || view.diff.key !== key) {
      view.diff = { key, diff: view.diff?.diff ?? diffPlans(old.plan, now.plan), html: diffHtml(old.plan, now.plan, lang) };
    }
    const { changes } = view.diff.diff;
    const counts = KINDS.map((kind) => [kind, changes.filter((c) => c.kind === kind).length]).filter(([, n]) => n > 0);
    els.diffResult.replaceChildren(
      h(
        "p",
        { id: "diff-summary", class: "diff-summary" },
        s().diffSummary(
          changes.length,
          counts.map(([kind, n]) => s().diffPart(s().changeKinds[kind], n)),
        ),
      ),
    );
    const name = `${stem(now.plan.id)}-diff.${lang}.html`;
    els.diffOutput.replaceChildren(
      h(
        "div",
        { class: "publish-actions" },
        download("diff", "download-diff", s().downloadDiff, view.diff.html, "text/html", name),
      ),
      frame("diff-frame", s().diffPreview, view.diff.html),
    );
  }

  /** A labelled drop zone around a file input for one edition. */
  function dropZone(which) {
    const title = which === "old" ? s().diffOld : s().diffNew;
    const input = h("input", {
      type: "file",
      id: `diff-${which}`,
      class: "visually-hidden",
      accept: ".json,application/json",
      "aria-labelledby": `diff-${which}-title`,
      "aria-describedby": `diff-${which}-hint diff-${which}-file`,
      onchange: () => input.files?.[0] && openFile(which, input.files[0]),
    });
    const zone = h(
      "label",
      {
        class: "drop-zone",
        dataset: { side: which },
        ondragover: (e) => {
          e.preventDefault();
          zone.classList.add("is-over");
        },
        ondragleave: () => zone.classList.remove("is-over"),
        ondrop: (e) => {
          e.preventDefault();
          zone.classList.remove("is-over");
          const file = e.dataTransfer?.files?.[0];
          if (file) openFile(which, file);
        },
      },
      h("span", { class: "drop-title", id: `diff-${which}-title` }, title),
      h("span", { class: "drop-hint", id: `diff-${which}-hint` }, s().dropHint),
      input,
      h("span", { class: "button", "aria-hidden": "true" }, s().chooseFile),
      h("span", { class: "drop-file", id: `diff-${which}-file` }),
    );
    return zone;
  }

  // --- the whole view --------------------------------------------------------------------------

  function render() {
    const str = s();
    const choice = (source, text, detail) =>
      h(
        "button",
        {
          type: "button",
          class: "choice",
          dataset: { source },
          "aria-pressed": String(view.source === source),
          onclick: () => {
            view.source = source;
            for (const b of root.querySelectorAll(".choice")) b.setAttribute("aria-pressed", String(b.dataset.source === source));
            makeReport().catch(fail);
          },
        },
        h("span", { class: "choice-name" }, text),
        detail && h("span", { class: "choice-detail" }, detail),
      );
    els = {
      reportStatus: h("p", { id: "report-status", class: "publish-status", role: "status", "aria-live": "polite" }),
      reportOutput: h("div", { id: "report-output" }),
      diffResult: h("div", { id: "diff-result", class: "diff-result", "aria-live": "polite" }),
      diffOutput: h("div", { id: "diff-output" }),
      fileNames: {},
    };
    const zones = ["old", "new"].map(dropZone);
    els.fileNames = { old: zones[0].querySelector(".drop-file"), new: zones[1].querySelector(".drop-file") };
    root.replaceChildren(
      h(
        "section",
        { class: "wrap block publish-intro" },
        h("h2", { id: "publish-title" }, str.publishTitle),
        h("p", { class: "lead" }, str.publishLead),
      ),
      h(
        "section",
        { class: "wrap block", "aria-labelledby": "report-heading" },
        h("h3", { id: "report-heading", class: "progress-heading" }, str.reportHeading),
        h("p", { class: "lead" }, str.reportLead),
        h(
          "div",
          { class: "choices", role: "group", "aria-labelledby": "report-source" },
          h("span", { id: "report-source", class: "filter-label" }, str.reportSource),
          choice("plan", str.reportOfPlan, t(getPlan().title)),
          choice("example", str.reportOfExample),
        ),
        els.reportStatus,
        els.reportOutput,
      ),
      h(
        "section",
        { class: "wrap block", "aria-labelledby": "diff-heading" },
        h("h3", { id: "diff-heading", class: "progress-heading" }, str.diffHeading),
        h("p", { class: "lead" }, str.diffLead),
        h("div", { class: "drop-grid" }, zones),
        h(
          "div",
          { class: "diff-example" },
          h("button", { type: "button", id: "diff-example", class: "button", onclick: () => showExample().catch(fail) }, str.diffExample),
          h("p", { class: "synthetic-note" }, str.diffExampleNote),
        ),
        els.diffResult,
        els.diffOutput,
      ),
    );
    showDiff();
    makeReport().catch(fail);
  }

  function fail(e) {
    setReportStatus(String(e));
    console.error(e);
  }

  return { render };
}
