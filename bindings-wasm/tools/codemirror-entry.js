// What the demo's editor (www/editor.js) takes from CodeMirror 6: the view, line numbers,
// history, JSON highlighting and the lint extension's markers. `build` bundles this file with
// esbuild into www/vendor/codemirror.js, which the demo imports as a plain ES module.
export { EditorState } from "@codemirror/state";
export {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
export { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
export { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
export { json } from "@codemirror/lang-json";
export { forEachDiagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
