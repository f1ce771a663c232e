// The published package as a user gets it: `npm pack` pkg/, unpack it into a fresh project's
// node_modules, and import it there by name with no init call.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const pkg = fileURLToPath(new URL("../pkg/", import.meta.url));

test("the packed package imports by name in a fresh Node project", () => {
  const project = mkdtempSync(join(tmpdir(), "welfare-plan-consumer-"));
  try {
    const out = execFileSync("npm", ["pack", pkg, "--pack-destination", project, "--silent"], {
      encoding: "utf8",
    }).trim();
    const tarball = join(project, out.split("\n").pop());
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
    assert.ok(files.includes("package/wasm/welfare_plan_wasm_bg.wasm"), files.join("\n"));
    assert.ok(files.includes("package/types.d.ts"));
    const target = join(project, "node_modules", "welfare-plan");
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
    writeFileSync(join(project, "package.json"), '{ "type": "module", "private": true }\n');
    writeFileSync(
      join(project, "main.js"),
      [
        'import { validate, eraLabel, iizukaThirdPlan, initiatives, outline, PlanError } from "welfare-plan";',
        "const plan = iizukaThirdPlan();",
        "console.log(JSON.stringify([validate(plan).length, eraLabel(2023),",
        '  validate("{").map((i) => i.code), new PlanError("m", []) instanceof Error,',
        "  outline(plan)[0].label.ja, initiatives(plan).length]));",
      ].join("\n"),
    );
    const printed = execFileSync(process.execPath, ["main.js"], { cwd: project, encoding: "utf8" });
    assert.deepEqual(JSON.parse(printed), [0, "令和5年度", ["json.truncated"], true, "基本目標Ⅰ", 19]);
    assert.deepEqual(readdirSync(target).sort(), [
      "README.md", "data.d.ts", "data.js", "index.d.ts", "index.js", "node.js", "package.json",
      "plan-error.d.ts", "plan-error.js", "types.d.ts", "wasm",
    ]);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
