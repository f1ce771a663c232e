// The entry for Node.js (and other runtimes with `node:fs`): compiles the WebAssembly module
// synchronously on import, so `import { validate } from "welfare-plan"` is ready to call.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/welfare_plan_wasm.js";

initSync({ module: readFileSync(new URL("./wasm/welfare_plan_wasm_bg.wasm", import.meta.url)) });

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
export { PlanError } from "./plan-error.js";
export { iizukaThirdPlan, jsonSchema } from "./data.js";
