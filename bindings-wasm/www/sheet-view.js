// The spreadsheet tab: drop a workbook (or a plan's CSV files) exported by `welfare-plan export`
// and edited in Excel; the sheets module (`welfare-plan/sheets`, pkg/sheets.js), imported the
// first time a file arrives, reads it back. A valid plan can be shown or opened in the editor;
// otherwise every issue is listed at its sheet and cell, in the page's language.
import { h } from "./dom.js";
import { strings } from "./i18n.js";

/**
 * @param {HTMLElement} root
 * @param {{ getLang: () => "ja" | "en", onShowPlan: (plan: object) => void, onEdit: (text: string) => void }} options
 */
export function setUpSheet(root, { getLang, onShowPlan, onEdit }) {
  /** What the last file gave: `{ name, plan, issues }` or `{ name, error }`. */
  let result = null;
  let busy = false;
  /** The sheets module, loaded on the first file. */
  let sheets = null;

  const input = h("input", {
    type: "file",
    id: "sheet-input",
    accept: ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv",
    multiple: true,
    hidden: true,
    onchange: () => input.files?.length && read([...input.files]),
  });
  const zone = h("div", { class: "drop-zone", id: "sheet-drop" });
  const out = h("div", { class: "sheet-result", "aria-live": "polite" });

  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("is-over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("is-over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("is-over");
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) read(files);
  });

  async function read(files) {
    busy = true;
    render();
    const name = files.map((f) => f.name).join(", ");
    try {
      sheets ??= await import("./pkg/sheets.js");
      const contents = await Promise.all(files.map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())]));
      // One workbook goes as its bytes; CSV files go by name, which says each one's table.
      const source = contents.length === 1 && contents[0][0].toLowerCase().endsWith(".xlsx") ? contents[0][1] : Object.fromEntries(contents);
      try {
        const plan = sheets.importPlan(source);
        result = { name, plan, issues: [] };
      } catch (e) {
        if (!(e instanceof sheets.PlanError)) throw e;
        result = { name, plan: null, issues: e.issues };
      }
    } catch (e) {
      result = { name, error: String(e) };
      console.error(e);
    }
    busy = false;
    input.value = "";
    render();
  }

  function render() {
    const s = strings[getLang()];
    const lang = getLang();
    zone.replaceChildren(
      h("p", { class: "drop-title" }, s.sheetDrop),
      h("label", { class: "button" }, h("span", {}, s.sheetChoose), input),
      h("p", { class: "muted drop-note" }, s.sheetNote),
    );
    if (busy) {
      out.replaceChildren(h("p", { class: "status is-checking" }, s.sheetReading));
      return;
    }
    if (!result) {
      out.replaceChildren();
      return;
    }
    if (result.error) {
      out.replaceChildren(h("p", { class: "status is-invalid" }, result.error));
      return;
    }
    const errors = result.issues.filter((i) => i.severity === "error").length;
    const warnings = result.issues.length - errors;
    const status = h(
      "div",
      { class: `status ${result.plan ? "is-valid" : "is-invalid"}`, id: "sheet-status" },
      h("span", { class: "status-icon", "aria-hidden": "true" }, result.plan ? "✓" : "✕"),
      h("span", {}, result.plan ? (warnings ? s.validWithWarnings(warnings) : s.valid) : s.invalid(errors, warnings)),
      h("span", { class: "status-note" }, s.sheetRead(result.name)),
    );
    const actions =
      result.plan &&
      h(
        "p",
        { class: "sheet-actions" },
        h("button", { type: "button", class: "button button-primary", onclick: () => onShowPlan(result.plan) }, s.showPlan),
        h("button", { type: "button", class: "button", onclick: () => onEdit(result.plan) }, s.sheetEdit),
      );
    const list = h(
      "ol",
      { class: "issues", id: "sheet-issues" },
      result.issues.map((issue) =>
        h(
          "li",
          {},
          h(
            "div",
            { class: "issue" },
            h(
              "span",
              { class: "issue-head" },
              h("span", { class: `severity severity-${issue.severity}` }, s[issue.severity]),
              h("code", { class: "issue-code" }, issue.code),
              h("span", { class: "issue-at issue-cell" }, issue.cell ?? s.sheetWholeBook),
            ),
            h("span", { class: "issue-message" }, lang === "en" ? issue.messageEn : issue.messageJa),
            issue.path !== "" && h("code", { class: "issue-path" }, issue.path),
          ),
        ),
      ),
    );
    out.replaceChildren(h("div", { class: "card sheet-card" }, status, list, actions));
  }

  root.replaceChildren(
    h(
      "div",
      { class: "wrap editor-intro" },
      h("h2", { "data-i18n": "sheetTitle" }, strings[getLang()].sheetTitle),
      h("p", { "data-i18n": "sheetLead" }, strings[getLang()].sheetLead),
    ),
    h("div", { class: "wrap sheet-grid" }, zone, out),
  );
  render();
  return { render };
}
