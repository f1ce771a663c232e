// The app that tests/bundlers.test.mjs bundles with Vite, esbuild, webpack and Rollup: it imports
// the package by name as any app does, checks the built-in plan and a broken document with the
// plan module, loads the reports module on demand (as a page does when a view needs it), and
// reports what it found.
import { iizukaThirdPlan, initiatives, isPlan, validate } from "welfare-plan";

const plan = iizukaThirdPlan();
const result = {
  issues: validate(plan).length,
  initiatives: initiatives(plan).length,
  isPlan: isPlan(plan),
  broken: validate('{"schema_version": "2.0", ').map((i) => `${i.code} ${i.line}:${i.column}`),
};
// Not awaited at the top level: see README "Bundlers" (Vite 8).
import("welfare-plan/reports").then(({ planHash }) => {
  result.hash = planHash(plan);
  if (typeof document === "undefined") console.log(JSON.stringify(result));
  else document.body.dataset.result = JSON.stringify(result);
});
