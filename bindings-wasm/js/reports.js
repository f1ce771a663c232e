// The `welfare-plan/reports` entry for browsers and bundlers: the plan functions and the
// progress-report functions (validateReport, parseReport, evaluate, planHash, statusLabel), the pages
// (toHtml, toMarkdown) and the diffs (diffPlans, diffReports, diffText, diffHtml) from
// the reports module, a superset of the plan module that carries the core's report code. A page
// that evaluates reports loads only this module; one that only checks plans imports
// `welfare-plan` and loads the smaller one. Fetched and instantiated with a top-level await, so
// importers get ready-to-call functions and never see an init step.
import { wasmMissing } from "./wasm-missing.js";
import init from "./reports/wasm/welfare_plan_wasm.js";

const wasm = new URL("./reports/wasm/welfare_plan_wasm_bg.wasm", import.meta.url);
await init({ module_or_path: wasm }).catch(wasmMissing(wasm));

export {
  parsePlan,
  validate,
  toCanonicalJson,
  eraLabel,
  eraLabelEn,
  monthLabel,
  fiscalYearFromEra,
  challengeLabel,
  sectorLabel,
  outline,
  initiatives,
  initiativesInSector,
  initiativesAddressing,
  nodesAtLevel,
  sectorCode,
  isPlan,
  helpModelLabels,
  validateReport,
  parseReport,
  evaluate,
  planHash,
  statusLabel,
  toHtml,
  toMarkdown,
  diffPlans,
  diffReports,
  diffText,
  diffHtml,
} from "./reports/wasm/welfare_plan_wasm.js";
export { PlanError } from "./plan-error.js";
export { iizukaThirdPlan, jsonSchema } from "./data.js";
