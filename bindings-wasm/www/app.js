// The demo page: Iizuka City's 3rd Regional Welfare Plan from the welfare-plan module, a
// Japanese/English switch, and a validator for plan data. Plain ES modules; the module is
// imported from ./pkg/, where `npm run build` copies the browser build of the package.
import { eraLabel, eraLabelEn, iizukaThirdPlan, monthLabel, toCanonicalJson } from "./pkg/index.js";
import { setUpEditor } from "./editor.js";
import { pick, strings } from "./i18n.js";
import { renderPlan } from "./plan-view.js";

const sample = iizukaThirdPlan();
const state = {
  lang: localStorage.getItem("welfare-plan-lang") === "en" ? "en" : "ja",
  plan: sample,
  sector: null,
  challenge: null,
  tab: "plan",
};

const $ = (id) => document.getElementById(id);

function renderHeader() {
  const { plan, lang } = state;
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
  $("custom-banner").hidden = plan === sample;
}

function renderView() {
  renderPlan($("plan-view"), state.plan, state, update);
}

/** Applies a filter change; `scrollTo` keeps the initiatives in view after a click above them. */
function update(change, scrollTo) {
  Object.assign(state, change);
  renderView();
  if (scrollTo) $(scrollTo)?.scrollIntoView({ behavior: "smooth", block: "start" });
}

function showTab(tab) {
  state.tab = tab;
  for (const name of ["plan", "editor"]) {
    $(`tab-${name}`).setAttribute("aria-selected", String(name === tab));
    $(`view-${name}`).hidden = name !== tab;
  }
}

const editor = setUpEditor({
  getLang: () => state.lang,
  onShowPlan(plan) {
    Object.assign(state, { plan, sector: null, challenge: null });
    renderHeader();
    renderView();
    showTab("plan");
    window.scrollTo({ top: 0 });
  },
});

for (const button of document.querySelectorAll("[data-lang]")) {
  button.addEventListener("click", () => {
    state.lang = button.dataset.lang;
    localStorage.setItem("welfare-plan-lang", state.lang);
    renderHeader();
    renderView();
    editor.render();
  });
}
$("tab-plan").addEventListener("click", () => showTab("plan"));
$("tab-editor").addEventListener("click", () => showTab("editor"));
$("load-sample").addEventListener("click", () => editor.load(toCanonicalJson(sample)));
$("back-to-sample").addEventListener("click", () => {
  Object.assign(state, { plan: sample, sector: null, challenge: null });
  renderHeader();
  renderView();
});

renderHeader();
renderView();
editor.load(toCanonicalJson(sample));
document.body.dataset.ready = "true";
