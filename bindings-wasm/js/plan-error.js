/**
 * Thrown when a document has errors: a plan (`parsePlan`, `toCanonicalJson`, and every function
 * that takes a plan) or a progress report (`parseReport`, `evaluate`). A real `Error`
 * subclass: catch it by class, read every issue (warnings included) from `.issues`.
 *
 * @example
 * try {
 *   parsePlan(text);
 * } catch (e) {
 *   if (!(e instanceof PlanError)) throw e;
 *   for (const issue of e.issues) console.log(issue.path, issue.messageEn);
 * }
 */
export class PlanError extends Error {
  /**
   * @param {string} message the core's summary, such as
   *   "invalid plan: error [json.truncated] at /: … (and 2 more)"
   * @param {import("./index.js").Issue[]} issues every issue found
   */
  constructor(message, issues) {
    super(message);
    this.name = "PlanError";
    this.issues = issues;
  }
}
