// The package's declarations. The functions and the binding's own types (Issue, Label, Limits,
// Severity, NodeInfo, InitiativeFilter, HelpModelLabels, SectorLabel) come from the Rust exports
// via wasm-bindgen and tsify; the plan's types (Plan, Level, Node, Indicator, Quantity, …), IssueCode and
// HelpSector are generated from the JSON Schema and code lists that the core generates from its
// Rust types.
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
} from "./wasm/welfare_plan_wasm.js";
export type {
  HelpModelLabels,
  InitiativeFilter,
  Issue,
  Label,
  Limits,
  NodeInfo,
  SectorLabel,
  Severity,
} from "./wasm/welfare_plan_wasm.js";
export { PlanError } from "./plan-error.js";
export { iizukaThirdPlan, jsonSchema } from "./data.js";
export type * from "./types.js";
