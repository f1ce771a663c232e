// Renders a plan: philosophy, help model, challenges, and the plan's own tree (one to five
// levels, such as 基本目標 → 活動目標 → 具体的取り組み) down to its initiatives, with their actors
// grouped by help sector, filtered by sector and by challenge. Labels (基本目標Ⅰ, 活動目標1, (1),
// ①, 自助, 令和5年度), the initiative level and the filtering come from the welfare-plan module,
// never from this file.
import { challengeLabel, helpModelLabels, initiatives, outline } from "./pkg/index.js";
import { h } from "./dom.js";
import { pick, strings } from "./i18n.js";

/**
 * @param {HTMLElement} root
 * @param {import("./pkg/index.js").Plan} plan
 * @param {{ lang: "ja" | "en", sector: string | null, challenge: string | null }} state
 * @param {(change: object, scrollTo?: string) => void} update called with the filter a visitor chose
 */
export function renderPlan(root, plan, state, update) {
  const { lang } = state;
  const s = strings[lang];
  const t = (text) => pick(text, lang);
  const label = (pair) => pair[lang];
  const info = new Map(outline(plan).map((n) => [n.id, n]));
  const model = helpModelLabels(plan);
  const sectors = model?.sectors ?? [];
  const sectorName = new Map(sectors.map((d) => [d.sector, label(d.label)]));
  const definitions = new Map((plan.help_model?.sectors ?? []).map((d) => [d.sector, d.definition]));
  const actors = plan.actors ?? [];
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const allChallenges = plan.challenges ?? [];
  const challengeById = new Map(allChallenges.map((c) => [c.id, c]));

  const all = initiatives(plan);
  // The module says which level holds the initiatives; with none, no level shows cards.
  const initiativeDepth = all[0]?.depth ?? -1;
  // A filter from a shared link that this plan does not have is ignored, not an error.
  const filter = {
    sector: sectorName.has(state.sector) ? state.sector : undefined,
    challenge: challengeById.has(state.challenge) ? state.challenge : undefined,
  };
  const shown = new Set(initiatives(plan, filter).map((n) => n.id));

  const sectorPill = (sector, extra = "") =>
    h("span", { class: `pill sector-${sector} ${extra}`.trim() }, sectorName.get(sector) ?? sector);

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
  const helpModel =
    model &&
    h(
      "section",
      { class: "wrap block" },
      h("h2", {}, label(model.heading)),
      h("p", { class: "lead" }, s.helpModelLead),
      h(
        "div",
        { class: `sector-grid cols-${sectors.length}` },
        sectors.map(({ sector }) => {
          const usual = actors.filter((a) => a.sector === sector);
          return h(
            "button",
            {
              type: "button",
              class: `sector-card sector-${sector}`,
              "aria-pressed": state.sector === sector ? "true" : "false",
              onclick: () => update({ sector: state.sector === sector ? null : sector }),
            },
            h("span", { class: "sector-name" }, sectorName.get(sector)),
            h("span", { class: "sector-definition" }, t(definitions.get(sector))),
            usual.length > 0 &&
              h(
                "span",
                { class: "sector-actors" },
                h("span", { class: "muted" }, `${s.actorsUsually}: `),
                usual.map((a) => t(a.name)).join(lang === "ja" ? "、" : ", "),
              ),
          );
        }),
      ),
    );

  // --- challenges ---------------------------------------------------------------------------
  const voicesFor = (key, id) => (plan.voices ?? []).filter((v) => (v[key] ?? []).includes(id));
  const quote = (v) => h("blockquote", { class: "voice" }, t(v.text));
  const challenges =
    allChallenges.length > 0 &&
    h(
      "section",
      { class: "wrap block" },
      h("h2", {}, s.challenges),
      h("p", { class: "lead" }, s.challengesLead),
      h(
        "div",
        { class: "challenge-grid" },
        allChallenges.map((c) =>
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
    sectors.length > 0 &&
      h(
        "div",
        { class: "filter" },
        h("span", { class: "filter-label" }, s.filterSector),
        h(
          "div",
          { class: "segments", role: "group", "aria-label": s.filterSector },
          segment(null, s.all),
          sectors.map(({ sector }) => segment(sector, sectorName.get(sector), `sector-${sector}`)),
        ),
      ),
    allChallenges.length > 0 &&
      h(
        "label",
        { class: "filter" },
        h("span", { class: "filter-label" }, s.filterChallenge),
        h(
          "select",
          { id: "challenge-filter", onchange: (e) => update({ challenge: e.target.value || null }) },
          h("option", { value: "" }, s.allChallenges),
          allChallenges.map((c) =>
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
      s.showing(shown.size, all.length),
      (state.sector || state.challenge) &&
        h("button", { type: "button", class: "link-button", onclick: () => update({ sector: null, challenge: null }) }, s.reset),
    ),
  );

  // --- the tree, down to the initiatives ----------------------------------------------------
  const heading = (depth) => `h${Math.min(depth + 2, 6)}`;
  const nodeLabel = (node, cls) => {
    const text = label(info.get(node.id)?.label ?? { ja: "", en: "" });
    return text && h("span", { class: cls }, text);
  };

  /** Nodes below an initiative (such as 事業 bullets): a list inside its card. */
  const subNodes = (nodes) =>
    nodes.length > 0 &&
    h(
      "ul",
      { class: "sub-nodes" },
      nodes.map((n) =>
        h("li", { dataset: { node: n.id } }, nodeLabel(n, "sub-node-label"), t(n.title), subNodes(n.children ?? [])),
      ),
    );

  const initiativeCard = (node, depth) => {
    const participants = node.participants ?? [];
    const groups = [
      ...sectors.map(({ sector }) => [sector, participants.filter((pt) => pt.sector === sector)]),
      [null, participants.filter((pt) => !pt.sector)],
    ].filter(([, ps]) => ps.length > 0);
    const voices = voicesFor("nodes", node.id);
    return h(
      "article",
      { class: "initiative", dataset: { initiative: node.id, level: info.get(node.id)?.level } },
      h(
        heading(depth),
        { class: "initiative-title" },
        nodeLabel(node, "initiative-number"),
        h("span", {}, t(node.title), node.priority && h("span", { class: "badge" }, s.priority)),
      ),
      node.description && h("p", { class: "initiative-text" }, t(node.description)),
      subNodes(node.children ?? []),
      groups.length > 0 &&
        h(
          "dl",
          { class: "actors" },
          groups.map(([sector, ps]) => [
            h("dt", {}, sector ? sectorPill(sector, state.sector === sector ? "is-active" : "") : h("span", { class: "pill" }, s.actors)),
            h(
              "dd",
              {},
              ps.map((pt) => h("span", { class: "actor" }, t(actorById.get(pt.actor)?.name) || pt.actor)),
            ),
          ]),
        ),
      (node.challenges ?? []).length > 0 &&
        h(
          "p",
          { class: "addresses" },
          h("span", { class: "muted" }, `${s.addresses}: `),
          node.challenges.map((id) => {
            const c = challengeById.get(id);
            return h(
              "span",
              { class: `challenge-chip ${state.challenge === id ? "is-active" : ""}`.trim(), title: c ? t(c.title) : id },
              c ? challengeLabel(c.number).ja : id,
            );
          }),
        ),
      voices.length > 0 && h("div", { class: "voices" }, voices.map(quote)),
    );
  };

  /** A node above the initiatives, shown only when some initiative below it is shown. */
  const branch = (node, depth) => {
    const below = children(node.children ?? [], depth + 1);
    if (below.length === 0) return null;
    const voices = voicesFor("nodes", node.id);
    return h(
      "section",
      { class: `branch depth-${Math.min(depth, 2)}`, dataset: { node: node.id, level: info.get(node.id)?.level } },
      h(
        "header",
        { class: "branch-header" },
        nodeLabel(node, "node-label"),
        h(heading(depth), { class: "branch-title" }, t(node.title)),
        node.description && h("p", { class: "branch-text" }, t(node.description)),
        voices.length > 0 && h("div", { class: "voices" }, voices.map(quote)),
      ),
      below,
    );
  };

  /** The nodes of one level: initiative cards in a grid, or branches. */
  function children(nodes, depth) {
    if (depth === initiativeDepth) {
      const cards = nodes.filter((n) => shown.has(n.id)).map((n) => initiativeCard(n, depth));
      return cards.length > 0 ? [h("div", { class: "initiative-grid" }, cards)] : [];
    }
    return nodes.map((n) => branch(n, depth)).filter(Boolean);
  }

  // --- overview (地域福祉ってなに？ …) and whom to ask ------------------------------------------
  // A section without a heading continues the one before it (the summary edition's paragraphs).
  const cards = [];
  for (const sec of plan.overview ?? []) {
    if (sec.heading || cards.length === 0) cards.push({ heading: sec.heading, bodies: [] });
    cards[cards.length - 1].bodies.push(sec.body);
  }
  const overview =
    cards.length > 0 &&
    h(
      "section",
      { class: "wrap block overview", id: "overview" },
      h("h2", {}, s.overview),
      h(
        "div",
        { class: "overview-grid" },
        cards.map((card) =>
          h(
            "article",
            { class: "card overview-card" },
            card.heading && h("h3", {}, t(card.heading)),
            card.bodies.map((body) => h("p", {}, t(body))),
          ),
        ),
      ),
    );
  const offices = (plan.publishers ?? []).filter((pub) => pub.office);
  const contact =
    offices.length > 0 &&
    h(
      "section",
      { class: "wrap block contact", id: "contact" },
      h("h2", {}, s.contact),
      offices.map((pub) => {
        const o = pub.office;
        const parts = [o.organization, o.department, o.division, o.section].filter(Boolean).map(t);
        return h(
          "p",
          { class: "office" },
          h("strong", {}, t(pub.name)),
          " ",
          parts.join(" "),
        );
      }),
    );

  const levels = plan.levels.map((l) => t(l.name)).join(" → ");
  const tree = children(plan.nodes, 0);

  root.replaceChildren(
    philosophy,
    overview || "",
    helpModel || "",
    challenges || "",
    h(
      "section",
      { class: "wrap block" },
      h("h2", {}, s.tree),
      h("p", { class: "lead levels", id: "levels" }, levels),
      filters,
      tree.length > 0 ? tree : h("p", { class: "empty" }, s.noMatch),
    ),
    contact || "",
  );
}
