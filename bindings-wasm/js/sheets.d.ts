// The declarations of the `welfare-plan/sheets` entry: everything `welfare-plan` declares, and
// the spreadsheet import. The functions and the binding's own types come from the sheets
// module's Rust exports via wasm-bindgen and tsify; the plan's and the report's types are
// generated from the JSON Schemas.
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
  importPlan,
  importReport,
} from "./sheets/wasm/welfare_plan_wasm.js";
export type {
  HelpModelLabels,
  InitiativeFilter,
  Issue,
  Label,
  Limits,
  NodeInfo,
  SectorLabel,
  Severity,
  Spreadsheet,
} from "./sheets/wasm/welfare_plan_wasm.js";
export { PlanError } from "./plan-error.js";
export { iizukaThirdPlan, jsonSchema } from "./data.js";
export type * from "./types.js";
export type * from "./report-types.js";
