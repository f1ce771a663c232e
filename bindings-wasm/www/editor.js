// The validation pane: a JSON editor (CodeMirror 6, with line numbers) checked by the module as
// it is edited (debounced); every issue is listed with its path and marked in the text where the
// module says it is (the lint extension's underline and gutter marker, from the issue's line and
// column), and a click on a listed issue selects that place. Loaded the first time the editor's
// tab is opened, with CodeMirror (vendor/codemirror.js, bundled by `build`).
import { parsePlan, validate } from "./pkg/index.js";
import {
  EditorState,
  EditorView,
  bracketMatching,
  defaultHighlightStyle,
  defaultKeymap,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  history,
  historyKeymap,
  json,
  keymap,
  lineNumbers,
  lintGutter,
  setDiagnostics,
  syntaxHighlighting,
} from "./vendor/codemirror.js";
import { h } from "./dom.js";
import { strings } from "./i18n.js";

const DEBOUNCE_MS = 250;

/**
 * @param {{ getLang: () => "ja" | "en", onShowPlan: (plan: object) => void }} options
 */
export function setUpEditor({ getLang, onShowPlan }) {
  const status = document.getElementById("status");
  const list = document.getElementById("issues");
  const showPlan = document.getElementById("show-plan");
  const caret = document.getElementById("caret");
  const fileInput = /** @type {HTMLInputElement} */ (document.getElementById("file-input"));

  let issues = [];
  let note = "";
  let timer = 0;

  const view = new EditorView({
    parent: document.getElementById("source"),
    state: EditorState.create({
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        json(),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ "aria-label": "Plan JSON", spellcheck: "false", autocapitalize: "off" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) schedule();
          if (update.docChanged || update.selectionSet) showCaret();
        }),
      ],
    }),
  });

  const text = () => view.state.doc.toString();

  function check(input) {
    clearTimeout(timer);
    issues = text().trim() === "" && typeof input === "string" ? null : validate(input);
    render();
  }

  function schedule() {
    clearTimeout(timer);
    note = "";
    status.className = "status is-checking";
    status.textContent = strings[getLang()].checking;
    timer = setTimeout(() => check(text()), DEBOUNCE_MS);
  }

  /** Marks each issue in the text where the module located it (an unlocated one at the start). */
  function mark() {
    const lang = getLang();
    const doc = view.state.doc;
    const diagnostics = (issues ?? []).map((issue) => {
      const [from, to] = issue.line === undefined ? [0, 0] : range(doc, issue.line, issue.column);
      return {
        from,
        to,
        severity: issue.severity,
        source: issue.code,
        message: lang === "en" ? issue.messageEn : issue.messageJa,
      };
    });
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }

  function render() {
    const s = strings[getLang()];
    const lang = getLang();
    list.replaceChildren();
    showPlan.hidden = true;
    mark();
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
    const [anchor, head] = range(view.state.doc, line, column);
    view.dispatch({ selection: { anchor, head }, effects: EditorView.scrollIntoView(anchor, { y: "center" }) });
    view.focus();
  }

  function showCaret() {
    const head = view.state.selection.main.head;
    const line = view.state.doc.lineAt(head);
    const column = [...line.text.slice(0, head - line.from)].length + 1;
    caret.textContent = strings[getLang()].caret(line.number, column);
  }

  /** Replaces the whole text. */
  function replace(value) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value }, selection: { anchor: 0 } });
  }

  async function openFile(file) {
    // The bytes go to the module as they are: invalid UTF-8 is reported, not papered over.
    const bytes = new Uint8Array(await file.arrayBuffer());
    replace(new TextDecoder().decode(bytes));
    note = strings[getLang()].fileRead(file.name, bytes.length);
    check(bytes);
  }

  fileInput.addEventListener("change", () => fileInput.files?.[0] && openFile(fileInput.files[0]));
  document.getElementById("clear-source").addEventListener("click", () => {
    replace("");
    note = "";
    check("");
    view.focus();
  });
  showPlan.addEventListener("click", () => onShowPlan(parsePlan(text())));

  return {
    /** Puts a text in the editor and checks it at once. */
    load(value) {
      replace(value);
      note = "";
      check(value);
    },
    /** Re-renders in the current language. */
    render() {
      render();
      showCaret();
    },
  };
}

/**
 * The document range of the JSON token at a 1-based line and column (the column counted in code
 * points, as the module counts it): a whole string, or up to the next delimiter.
 */
function range(doc, line, column) {
  if (line > doc.lines) return [doc.length, doc.length];
  const { from, text } = doc.line(line);
  let i = 0;
  for (let c = 1; c < column && i < text.length; c++) i += text.codePointAt(i) > 0xffff ? 2 : 1;
  return [from + i, from + tokenEnd(text, i)];
}

/** The end of the JSON token that starts at `start` in a line: a whole string, or up to a delimiter. */
function tokenEnd(text, start) {
  if (text[start] === '"') {
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === '"') return i + 1;
    }
  }
  let i = start;
  while (i < text.length && !",}]".includes(text[i])) i++;
  return Math.max(i, Math.min(start + 1, text.length));
}
