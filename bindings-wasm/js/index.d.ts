// The package's declarations. The functions and the binding's own types (Issue, Label,
// Limits, Severity) come from the Rust exports via wasm-bindgen and tsify; the plan's types (Plan,
// Goal, Target, Initiative, …) and IssueCode are generated from the JSON Schema and code lists
// that the core generates from its Rust types.
export {
  parsePlan,
  validate,
  toCanonicalJson,
  iizukaThirdPlan,
  jsonSchema,
  eraLabel,
  eraLabelEn,
  monthLabel,
  fiscalYearFromEra,
  goalLabel,
  targetLabel,
  initiativeLabel,
  challengeLabel,
  sectorLabel,
} from "./wasm/welfare_plan_wasm.js";
export type { Issue, Label, Limits, Severity } from "./wasm/welfare_plan_wasm.js";
export { PlanError } from "./plan-error.js";
export type * from "./types.js";
