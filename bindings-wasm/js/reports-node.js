// The `welfare-plan/reports` entry for Node.js (and other runtimes with `node:fs`): the plan
// functions and the progress-report functions from the reports module, compiled synchronously
// on import, so `import { evaluate } from "welfare-plan/reports"` is ready to call.
import { readFileSync } from "node:fs";
import { initSync } from "./reports/wasm/welfare_plan_wasm.js";

initSync({ module: readFileSync(new URL("./reports/wasm/welfare_plan_wasm_bg.wasm", import.meta.url)) });

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
