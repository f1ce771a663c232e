// The validation pane: a JSON text checked by the module as it is edited (debounced), every
// issue listed with its path, and a click on an issue selects its place in the text, found
// from the line and column the module reports.
import { parsePlan, validate } from "./pkg/index.js";
import { h } from "./dom.js";
import { strings } from "./i18n.js";

const DEBOUNCE_MS = 250;

/**
 * @param {{ getLang: () => "ja" | "en", onShowPlan: (plan: object) => void }} options
 */
export function setUpEditor({ getLang, onShowPlan }) {
  const source = /** @type {HTMLTextAreaElement} */ (document.getElementById("source"));
  const status = document.getElementById("status");
  const list = document.getElementById("issues");
  const showPlan = document.getElementById("show-plan");
  const caret = document.getElementById("caret");
  const fileInput = /** @type {HTMLInputElement} */ (document.getElementById("file-input"));

  let issues = [];
  let note = "";
  let timer = 0;

  function check(input) {
    clearTimeout(timer);
    issues = source.value.trim() === "" && typeof input === "string" ? null : validate(input);
    render();
  }

  function schedule() {
    clearTimeout(timer);
    note = "";
    status.className = "status is-checking";
    status.textContent = strings[getLang()].checking;
    timer = setTimeout(() => check(source.value), DEBOUNCE_MS);
  }

  function render() {
    const s = strings[getLang()];
    const lang = getLang();
    list.replaceChildren();
    showPlan.hidden = true;
    if (issues === null) {
      status.className = "status";
      status.textContent = s.empty;
      return;
    }
    const errors = issues.filter((i) => i.severity === "error").length;
    const warnings = issues.length - errors;
    status.className = `status ${errors ? "is-invalid" : "is-valid"}`;
    status.replaceChildren(
      h("span", { class: "status-icon", "aria-hidden": "true" }, errors ? "✕" : "✓"),
      h("span", {}, errors ? s.invalid(errors, warnings) : warnings ? s.validWithWarnings(warnings) : s.valid),
      note && h("span", { class: "status-note" }, note),
    );
    showPlan.hidden = errors > 0;
    for (const issue of issues) {
      const located = issue.line !== undefined && issue.column !== undefined;
      const body = [
        h(
          "span",
          { class: "issue-head" },
          h("span", { class: `severity severity-${issue.severity}` }, s[issue.severity]),
          h("code", { class: "issue-code" }, issue.code),
          located && h("span", { class: "issue-at" }, s.at(issue.line, issue.column)),
        ),
        h("span", { class: "issue-message" }, lang === "en" ? issue.messageEn : issue.messageJa),
        h("code", { class: "issue-path" }, issue.path === "" ? s.root : issue.path),
      ];
      list.append(
        h(
          "li",
          {},
          located
            ? h("button", { type: "button", class: "issue", onclick: () => select(issue.line, issue.column) }, body)
            : h("div", { class: "issue" }, body),
        ),
      );
    }
  }

  /** Selects the token at a 1-based line and column (counted in Unicode characters). */
  function select(line, column) {
    const text = source.value;
    const start = offsetOf(text, line, column);
    const end = tokenEnd(text, start);
    source.focus();
    source.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 20;
    source.scrollTop = Math.max(0, (line - 4) * lineHeight);
    showCaret();
  }

  function showCaret() {
    const before = source.value.slice(0, source.selectionStart);
    const line = before.split("\n").length;
    const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
    caret.textContent = strings[getLang()].caret(line, column);
  }

  async function openFile(file) {
    // The bytes go to the module as they are: invalid UTF-8 is reported, not papered over.
    const bytes = new Uint8Array(await file.arrayBuffer());
    source.value = new TextDecoder().decode(bytes);
    note = strings[getLang()].fileRead(file.name, bytes.length);
    check(bytes);
  }

  source.addEventListener("input", schedule);
  for (const event of ["keyup", "click", "select"]) source.addEventListener(event, showCaret);
  fileInput.addEventListener("change", () => fileInput.files?.[0] && openFile(fileInput.files[0]));
  document.getElementById("clear-source").addEventListener("click", () => {
    source.value = "";
    note = "";
    check("");
    source.focus();
  });
  showPlan.addEventListener("click", () => onShowPlan(parsePlan(source.value)));

  return {
    /** Puts a text in the editor and checks it at once. */
    load(text) {
      source.value = text;
      note = "";
      check(text);
    },
    /** Re-renders in the current language. */
    render() {
      render();
      showCaret();
    },
  };
}

/** The UTF-16 offset of a 1-based line and column, the column counted in code points. */
function offsetOf(text, line, column) {
  let i = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", i);
    if (nl < 0) return text.length;
    i = nl + 1;
  }
  for (let c = 1; c < column && i < text.length && text[i] !== "\n"; c++) {
    i += text.codePointAt(i) > 0xffff ? 2 : 1;
  }
  return i;
}

/** The end of the JSON token that starts at `start`: a whole string, or up to a delimiter. */
function tokenEnd(text, start) {
  if (text[start] === '"') {
    for (let i = start + 1; i < text.length && text[i] !== "\n"; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === '"') return i + 1;
    }
  }
  let i = start;
  while (i < text.length && !",}]\n".includes(text[i])) i++;
  return Math.max(i, Math.min(start + 1, text.length));
}
