import type { Issue } from "./wasm/welfare_plan_wasm.js";

/**
 * Thrown when a document has errors: a plan (`parsePlan`, `toCanonicalJson`, and every function
 * that takes a plan) or a progress report (`parseReport`, `evaluate`). A real `Error`
 * subclass: catch it by class, read every issue (warnings included) from `.issues`.
 */
export declare class PlanError extends Error {
  constructor(message: string, issues: Issue[], messageJa?: string);
  readonly name: "PlanError";
  /** Every issue found, errors and warnings, in the core's order. */
  readonly issues: Issue[];
  /** The summary in Japanese, as `message` is in English. */
  readonly messageJa: string;
}
