// The entry for browsers and bundlers: fetches and instantiates the WebAssembly module with a
// top-level await, so importers get ready-to-call functions and never see an init step.
import { wasmMissing } from "./wasm-missing.js";
import init from "./wasm/welfare_plan_wasm.js";

const wasm = new URL("./wasm/welfare_plan_wasm_bg.wasm", import.meta.url);
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
} from "./wasm/welfare_plan_wasm.js";
export { PlanError } from "./plan-error.js";
export { iizukaThirdPlan, jsonSchema } from "./data.js";
