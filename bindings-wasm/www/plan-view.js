// Renders a plan: philosophy, help model, challenges, and goals → targets → initiatives with
// their actors grouped by help sector, filtered by sector and by challenge. Labels (基本目標Ⅰ,
// 活動目標1, (1), ①, 自助, 令和5年度) come from the welfare-plan module, never from this file.
import {
  challengeLabel,
  goalLabel,
  initiativeLabel,
  sectorLabel,
  targetLabel,
} from "./pkg/index.js";
import { h } from "./dom.js";
import { pick, strings } from "./i18n.js";

/**
 * @param {HTMLElement} root
 * @param {import("./pkg/index.js").Plan} plan
 * @param {{ lang: "ja" | "en", sector: string | null, challenge: string | null }} state
 * @param {(change: object) => void} update called with the filter a visitor chose
 */
export function renderPlan(root, plan, state, update) {
  const { lang } = state;
  const s = strings[lang];
  const t = (text) => pick(text, lang);
  const label = (pair) => pair[lang];
  const sectors = plan.help_model.sectors.map((d) => d.sector);
  const actorById = new Map(plan.actors.map((a) => [a.id, a]));
  const challengeById = new Map(plan.challenges.map((c) => [c.id, c]));

  const all = plan.goals.flatMap((g) => g.targets.flatMap((tg) => tg.initiatives));
  const matches = (i) =>
    (!state.sector || (i.participants ?? []).some((p) => p.sector === state.sector)) &&
    (!state.challenge || (i.challenges ?? []).includes(state.challenge));
  const shown = all.filter(matches).length;

  const sectorPill = (sector, extra = "") =>
    h("span", { class: `pill sector-${sector} ${extra}`.trim() }, label(sectorLabel(sector)));

  // --- philosophy ---------------------------------------------------------------------------
  const p = plan.philosophy;
  const philosophy = h(
    "section",
    { class: "hero" },
    h(
      "div",
      { class: "wrap" },
      h("p", { class: "section-kicker" }, s.philosophy),
      h("p", { class: "statement" }, t(p.statement)),
      p.subtitle && h("p", { class: "subtitle" }, t(p.subtitle)),
      p.explanation &&
        h("details", { class: "explanation" }, h("summary", {}, s.readMore), h("p", {}, t(p.explanation))),
    ),
  );

  // --- help model ---------------------------------------------------------------------------
  const helpModel = h(
    "section",
    { class: "wrap block" },
    h("h2", {}, s.helpModel),
    h("p", { class: "lead" }, s.helpModelLead),
    h(
      "div",
      { class: `sector-grid cols-${sectors.length}` },
      plan.help_model.sectors.map((d) => {
        const actors = plan.actors.filter((a) => a.sector === d.sector);
        return h(
          "button",
          {
            type: "button",
            class: `sector-card sector-${d.sector}`,
            "aria-pressed": state.sector === d.sector ? "true" : "false",
            onclick: () => update({ sector: state.sector === d.sector ? null : d.sector }),
          },
          h("span", { class: "sector-name" }, label(sectorLabel(d.sector))),
          h("span", { class: "sector-definition" }, t(d.definition)),
          actors.length > 0 &&
            h(
              "span",
              { class: "sector-actors" },
              h("span", { class: "muted" }, `${s.actorsUsually}: `),
              actors.map((a) => t(a.name)).join(lang === "ja" ? "、" : ", "),
            ),
        );
      }),
    ),
  );

  // --- challenges ---------------------------------------------------------------------------
  const voicesFor = (key, id) => (plan.voices ?? []).filter((v) => (v[key] ?? []).includes(id));
  const quote = (v) => h("blockquote", { class: "voice" }, t(v.text));
  const challenges =
    plan.challenges.length > 0 &&
    h(
      "section",
      { class: "wrap block" },
      h("h2", {}, s.challenges),
      h("p", { class: "lead" }, s.challengesLead),
      h(
        "div",
        { class: "challenge-grid" },
        plan.challenges.map((c) =>
          h(
            "button",
            {
              type: "button",
              class: "challenge-card",
              "aria-pressed": state.challenge === c.id ? "true" : "false",
              onclick: () => update({ challenge: state.challenge === c.id ? null : c.id }, "initiatives"),
            },
            h("span", { class: "challenge-number" }, challengeLabel(c.number).ja),
            h("span", { class: "challenge-title" }, t(c.title)),
            voicesFor("challenges", c.id).map(quote),
          ),
        ),
      ),
    );

  // --- filters ------------------------------------------------------------------------------
  const segment = (value, text, extra) =>
    h(
      "button",
      {
        type: "button",
        class: `segment ${extra ?? ""}`.trim(),
        "aria-pressed": state.sector === value ? "true" : "false",
        dataset: { sector: value ?? "all" },
        onclick: () => update({ sector: value }),
      },
      text,
    );
  const filters = h(
    "div",
    { class: "filters", id: "initiatives" },
    h(
      "div",
      { class: "filter" },
      h("span", { class: "filter-label" }, s.filterSector),
      h(
        "div",
        { class: "segments", role: "group", "aria-label": s.filterSector },
        segment(null, s.all),
        sectors.map((sector) => segment(sector, label(sectorLabel(sector)), `sector-${sector}`)),
      ),
    ),
    h(
      "label",
      { class: "filter" },
      h("span", { class: "filter-label" }, s.filterChallenge),
      h(
        "select",
        { id: "challenge-filter", onchange: (e) => update({ challenge: e.target.value || null }) },
        h("option", { value: "" }, s.allChallenges),
        plan.challenges.map((c) =>
          h(
            "option",
            { value: c.id, selected: state.challenge === c.id },
            `${challengeLabel(c.number).ja} ${t(c.title)}`,
          ),
        ),
      ),
    ),
    h(
      "p",
      { class: "count", id: "count", "aria-live": "polite" },
      s.showing(shown, all.length),
      (state.sector || state.challenge) &&
        h("button", { type: "button", class: "link-button", onclick: () => update({ sector: null, challenge: null }) }, s.reset),
    ),
  );

  // --- goals → targets → initiatives --------------------------------------------------------
  const initiativeCard = (i) => {
    const groups = sectors
      .map((sector) => [sector, (i.participants ?? []).filter((pt) => pt.sector === sector)])
      .filter(([, ps]) => ps.length > 0);
    return h(
      "article",
      { class: "initiative", dataset: { initiative: i.id } },
      h(
        "h4",
        {},
        h("span", { class: "initiative-number" }, initiativeLabel(i.number)),
        h("span", {}, t(i.title), i.priority && h("span", { class: "badge" }, s.priority)),
      ),
      i.description && h("p", { class: "initiative-text" }, t(i.description)),
      groups.length > 0 &&
        h(
          "dl",
          { class: "actors" },
          groups.map(([sector, ps]) => [
            h("dt", {}, sectorPill(sector, state.sector === sector ? "is-active" : "")),
            h(
              "dd",
              {},
              ps.map((pt) => h("span", { class: "actor" }, t(actorById.get(pt.actor)?.name) || pt.actor)),
            ),
          ]),
        ),
      (i.challenges ?? []).length > 0 &&
        h(
          "p",
          { class: "addresses" },
          h("span", { class: "muted" }, `${s.addresses}: `),
          i.challenges.map((id) => {
            const c = challengeById.get(id);
            return h(
              "span",
              { class: `challenge-chip ${state.challenge === id ? "is-active" : ""}`.trim(), title: c ? t(c.title) : id },
              c ? challengeLabel(c.number).ja : id,
            );
          }),
        ),
    );
  };

  const goals = plan.goals
    .map((g) => {
      const targets = g.targets
        .map((tg) => {
          const list = tg.initiatives.filter(matches);
          return (
            list.length > 0 &&
            h(
              "section",
              { class: "target" },
              h(
                "h3",
                {},
                h("span", { class: "target-label" }, label(targetLabel(tg.number))),
                h("span", {}, t(tg.title)),
              ),
              h("div", { class: "initiative-grid" }, list.map(initiativeCard)),
            )
          );
        })
        .filter(Boolean);
      return (
        targets.length > 0 &&
        h(
          "section",
          { class: "goal", dataset: { goal: g.id } },
          h(
            "header",
            { class: "goal-header" },
            h("span", { class: "goal-label" }, label(goalLabel(g.number))),
            h("h2", {}, t(g.title)),
            g.description && h("p", { class: "goal-text" }, t(g.description)),
            voicesFor("goals", g.id).length > 0 &&
              h("div", { class: "voices" }, voicesFor("goals", g.id).map(quote)),
          ),
          targets,
        )
      );
    })
    .filter(Boolean);

  root.replaceChildren(
    philosophy,
    helpModel,
    challenges || "",
    h(
      "section",
      { class: "wrap block" },
      h("h2", {}, s.initiatives),
      filters,
      goals.length > 0 ? goals : h("p", { class: "empty" }, s.noMatch),
    ),
  );
}
