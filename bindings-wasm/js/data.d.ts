import type { Plan } from "./types.js";

/**
 * The JSON Schema (draft 2020-12) of a plan document, as generated from the Rust types; a fresh
 * object on every call.
 *
 * ```js
 * const validator = new Ajv2020().compile(jsonSchema());
 * ```
 */
export function jsonSchema(): Record<string, unknown>;

/**
 * Iizuka City's 3rd Community Welfare Plan (第3期飯塚市地域福祉計画, FY2023–FY2032), built in:
 * Japanese verbatim from its summary edition, with English translations. A fresh object on every
 * call.
 *
 * ```js
 * const plan = iizukaThirdPlan();
 * plan.title.ja; // "第3期飯塚市地域福祉計画"
 * ```
 */
export function iizukaThirdPlan(): Plan;
