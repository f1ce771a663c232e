// The entry for browsers and bundlers: fetches and instantiates the WebAssembly module with a
// top-level await, so importers get ready-to-call functions and never see an init step.
import init from "./wasm/welfare_plan_wasm.js";

await init({ module_or_path: new URL("./wasm/welfare_plan_wasm_bg.wasm", import.meta.url) });

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
  helpModelLabels,
} from "./wasm/welfare_plan_wasm.js";
export { PlanError } from "./plan-error.js";
export { iizukaThirdPlan, jsonSchema } from "./data.js";
