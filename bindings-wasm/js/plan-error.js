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
 *   console.log(e.messageJa); // 無効な計画です: エラー [json.truncated] … (場所 /)
 *   for (const issue of e.issues) console.log(issue.path, issue.messageJa);
 * }
 */
export class PlanError extends Error {
  /**
   * @param {string} message the core's summary, such as
   *   "invalid plan: error [json.truncated] at /: … (and 2 more)"
   * @param {import("./index.js").Issue[]} issues every issue found
   * @param {string} [messageJa] the summary in Japanese; the English one when not given
   */
  constructor(message, issues, messageJa) {
    super(message);
    this.name = "PlanError";
    this.issues = issues;
    this.messageJa = messageJa ?? message;
  }
}
