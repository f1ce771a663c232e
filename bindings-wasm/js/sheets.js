// The `welfare-plan/sheets` entry for browsers and bundlers: the plan functions and the
// spreadsheet import (importPlan, importReport) from the sheets module, a superset of the plan
// module that carries the core's workbook reader. A page imports it only when a workbook is
// dropped (`await import("welfare-plan/sheets")`), so that checking plans never loads it.
// Fetched and instantiated with a top-level await, so importers never see an init step.
import { wasmMissing } from "./wasm-missing.js";
import init from "./sheets/wasm/welfare_plan_wasm.js";

const wasm = new URL("./sheets/wasm/welfare_plan_wasm_bg.wasm", import.meta.url);
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
  importPlan,
  importReport,
} from "./sheets/wasm/welfare_plan_wasm.js";
export { PlanError } from "./plan-error.js";
export { iizukaThirdPlan, jsonSchema } from "./data.js";
