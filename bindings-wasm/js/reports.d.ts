// The declarations of the `welfare-plan/reports` entry: everything `welfare-plan` declares, and
// the progress-report functions. The functions and the binding's own types (Issue, Label,
// Limits, Severity, NodeInfo, InitiativeFilter, HelpModelLabels, SectorLabel, and Progress with
// its parts) come from the reports module's Rust exports via wasm-bindgen and tsify; the plan's
// types (Plan, Level, Node, Indicator, Quantity, …), the progress report's (ProgressReport,
// Actual, NodeReport, …), IssueCode and HelpSector are generated from the JSON Schemas and code
// lists that the core generates from its Rust types.
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
export type {
  HelpModelLabels,
  IndicatorSeries,
  IndicatorYear,
  InitiativeFilter,
  Issue,
  Label,
  Limits,
  NodeGrade,
  NodeInfo,
  NodeSeries,
  NodeYear,
  Progress,
  SectorLabel,
  SectorSeries,
  Severity,
  Status,
} from "./reports/wasm/welfare_plan_wasm.js";
export { PlanError } from "./plan-error.js";
export { iizukaThirdPlan, jsonSchema } from "./data.js";
export type * from "./types.js";
export type * from "./report-types.js";
export type * from "./diff-types.js";
