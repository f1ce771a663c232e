// Writes index.json beside a copy of the progress example (examples/progress/), so that the demo
// page knows which files hold the plan and its reports without naming them itself: the plan is
// the file whose `document` is not `progress_report`, the reports are the others, in file order.
//
//   node tools/example-index.mjs www/examples/progress
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir] = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "index.json").sort();
const isReport = (f) => JSON.parse(readFileSync(join(dir, f), "utf8")).document === "progress_report";
const plans = files.filter((f) => !isReport(f));
if (plans.length !== 1) throw new Error(`expected one plan in ${dir}, found ${plans.length}`);
const reports = files.filter(isReport);
if (reports.length === 0) throw new Error(`no progress report in ${dir}`);
writeFileSync(join(dir, "index.json"), JSON.stringify({ plan: plans[0], reports }, null, 2) + "\n");
