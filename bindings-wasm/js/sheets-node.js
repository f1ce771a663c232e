// The `welfare-plan/sheets` entry for Node.js (and other runtimes with `node:fs`): the plan
// functions and the spreadsheet import from the sheets module, compiled synchronously on
// import, so `import { importPlan } from "welfare-plan/sheets"` is ready to call.
import { readFileSync } from "node:fs";
import { initSync } from "./sheets/wasm/welfare_plan_wasm.js";

initSync({ module: readFileSync(new URL("./sheets/wasm/welfare_plan_wasm_bg.wasm", import.meta.url)) });

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
