// The demo page: Iizuka City's 3rd Regional Welfare Plan from the welfare-plan module, a
// Japanese/English switch, a validator for plan data, a synthetic plan's progress reports
// evaluated by the module, and printable reports and 新旧対照表 made by it. Plain ES modules;
// the module is imported from ./pkg/, where `npm run build` copies the browser build of the
// package (and the progress example to ./examples/progress/). The plan views use the plan module
// (`welfare-plan`, pkg/index.js); the progress view and the report view, and with them the
// larger reports module (`welfare-plan/reports`, pkg/reports.js), are loaded the first time one
// of their tabs is opened.
import { eraLabel, eraLabelEn, iizukaThirdPlan, monthLabel, toCanonicalJson } from "./pkg/index.js";
import { pick, strings } from "./i18n.js";
import { renderPlan } from "./plan-view.js";
import { setUpSheet } from "./sheet-view.js";

const sample = iizukaThirdPlan();
// A shared link carries the view: `?tab=plan&sector=self_help&challenge=c3&lang=en`.
const shared = new URLSearchParams(location.search);
const TABS = ["plan", "editor", "progress", "publish", "sheet"];
const state = {
  lang: (shared.get("lang") ?? localStorage.getItem("welfare-plan-lang")) === "en" ? "en" : "ja",
  plan: sample,
  sector: shared.get("sector"),
  challenge: shared.get("challenge"),
  tab: "plan",
  /** The progress example, once loaded. */
  progress: null,
};

/** progress-view.js, once its tab has been opened. */
let progressView = null;
/** The report view (publish-view.js), once its tab has been opened. */
let publishView = null;

const $ = (id) => document.getElementById(id);

/** The plan the header describes: the progress example's on its tab, else the plan shown. */
const headerPlan = () => (state.tab === "progress" && state.progress ? state.progress.plan : state.plan);

function renderHeader() {
  const { lang } = state;
  const plan = headerPlan();
  const s = strings[lang];
  const t = (text) => pick(text, lang);
  document.documentElement.lang = lang;
  document.title = `${t(plan.title)} | ${s.pageTitle}`;
  $("plan-title").textContent = t(plan.title);
  $("municipality").textContent = [t(plan.municipality.prefecture), t(plan.municipality.name)]
    .filter(Boolean)
    .join(lang === "ja" ? " " : ", ");
  const { start_fiscal_year: start, end_fiscal_year: end } = plan.period;
  $("period").textContent =
    lang === "ja" ? `${eraLabel(start)}～${eraLabel(end)}` : `${eraLabelEn(start)} – ${eraLabelEn(end)}`;
  $("published-item").hidden = !plan.published;
  if (plan.published) {
    const [year, month] = plan.published.split("-").map(Number);
    $("published").textContent =
      lang === "ja"
        ? monthLabel(year, month)
        : new Date(Date.UTC(year, month - 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  }
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const value = s[el.dataset.i18n];
    if (typeof value === "string") el.textContent = value;
  }
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
  const sources = (plan.sources ?? []).map((src) => [t(src.title), t(src.note)].filter(Boolean).join(" — "));
  $("source-note").textContent = sources.length ? `${s.sourceNote}: ${sources.join(" / ")}` : "";
  $("custom-banner").hidden = state.plan === sample;
}

function renderView() {
  renderPlan($("plan-view"), state.plan, state, update);
}

function renderProgressView() {
  if (progressView && state.progress) progressView.renderProgress($("progress-view"), state.progress, state.lang);
}

/**
 * The progress example (a synthetic plan and its reports, evaluated), fetched once for both tabs
 * that use it. progress-view.js imports the reports module.
 */
let exampleLoad = null;
const loadExample = () => (exampleLoad ??= import("./progress-view.js").then((view) => view.loadProgressExample()));

/**
 * Loads the progress view (which imports the reports module) and its example, once: a visitor
 * who never opens the tab never downloads the reports module.
 */
let progressLoad = null;
function loadProgress() {
  progressLoad ??= Promise.all([import("./progress-view.js"), loadExample()])
    .then(([view, example]) => {
      progressView = view;
      state.progress = example;
      renderHeader();
      renderProgressView();
      $("progress-view").setAttribute("aria-busy", "false");
      $("progress-view").dataset.ready = "true";
    })
    .catch((e) => {
      $("progress-view").textContent = String(e);
      console.error(e);
    });
}

/**
 * Loads the report view (which imports the reports module) once, as loadProgress does; the
 * progress example is fetched only when the view asks for it.
 */
let publishLoad = null;
function loadPublish() {
  publishLoad ??= import("./publish-view.js")
    .then((view) => {
      publishView = view.setUpPublish($("publish-view"), {
        getPlan: () => state.plan,
        getLang: () => state.lang,
        loadExample,
      });
      publishView.render();
      $("publish-view").setAttribute("aria-busy", "false");
      $("publish-view").dataset.ready = "true";
    })
    .catch((e) => {
      $("publish-view").textContent = String(e);
      console.error(e);
    });
}

/** Writes the view into the address (no history entry), so that a copied link opens it again. */
function remember() {
  const params = new URLSearchParams();
  if (state.tab !== "plan") params.set("tab", state.tab);
  if (state.sector) params.set("sector", state.sector);
  if (state.challenge) params.set("challenge", state.challenge);
  params.set("lang", state.lang);
  history.replaceState(null, "", `${location.pathname}?${params}${location.hash}`);
}

/** Applies a filter change; `scrollTo` keeps the initiatives in view after a click above them. */
function update(change, scrollTo) {
  Object.assign(state, change);
  renderView();
  remember();
  if (scrollTo) $(scrollTo)?.scrollIntoView({ behavior: "smooth", block: "start" });
}

function showTab(tab) {
  state.tab = tab;
  remember();
  for (const name of TABS) {
    $(`tab-${name}`).setAttribute("aria-selected", String(name === tab));
    $(`view-${name}`).hidden = name !== tab;
  }
  renderHeader();
  if (tab === "progress") loadProgress();
  if (tab === "editor") loadEditor();
  // The report follows the plan shown on the plan tab, which the editor may have replaced.
  if (tab === "publish") publishView ? publishView.render() : loadPublish();
}

/** Shows a plan the visitor loaded (from the editor or a spreadsheet) on the plan tab. */
function showPlan(plan) {
  Object.assign(state, { plan, sector: null, challenge: null });
  renderHeader();
  renderView();
  showTab("plan");
  window.scrollTo({ top: 0 });
}

/** The editor (editor.js with CodeMirror), once its tab has been opened. */
let editor = null;

/**
 * Loads the editor and CodeMirror once, with the Iizuka plan in it: a visitor who never opens
 * the tab never downloads them.
 */
let editorLoad = null;
function loadEditor() {
  editorLoad ??= import("./editor.js")
    .then(({ setUpEditor }) => {
      editor = setUpEditor({
        getLang: () => state.lang,
        onShowPlan: showPlan,
      });
      editor.load(toCanonicalJson(sample));
      $("view-editor").dataset.ready = "true";
    })
    .catch((e) => {
      $("source").textContent = String(e);
      console.error(e);
    });
  return editorLoad;
}

// The spreadsheet tab loads the sheets module (`welfare-plan/sheets`) only when a file arrives.
const sheetView = setUpSheet($("sheet-view"), {
  getLang: () => state.lang,
  onShowPlan: showPlan,
  onEdit(plan) {
    showTab("editor");
    loadEditor().then(() => editor?.load(toCanonicalJson(plan)));
  },
});

for (const button of document.querySelectorAll("[data-lang]")) {
  button.addEventListener("click", () => {
    state.lang = button.dataset.lang;
    localStorage.setItem("welfare-plan-lang", state.lang);
    remember();
    renderHeader();
    renderView();
    renderProgressView();
    publishView?.render();
    sheetView.render();
    editor?.render();
  });
}
$("tab-plan").addEventListener("click", () => showTab("plan"));
$("tab-editor").addEventListener("click", () => showTab("editor"));
$("tab-progress").addEventListener("click", () => showTab("progress"));
$("tab-publish").addEventListener("click", () => showTab("publish"));
$("tab-sheet").addEventListener("click", () => showTab("sheet"));
$("load-sample").addEventListener("click", () => editor?.load(toCanonicalJson(sample)));
$("back-to-sample").addEventListener("click", () => {
  Object.assign(state, { plan: sample, sector: null, challenge: null });
  renderHeader();
  renderView();
});

renderHeader();
renderView();
if (TABS.includes(shared.get("tab") ?? "") && shared.get("tab") !== "plan") showTab(shared.get("tab"));
document.body.dataset.ready = "true";
