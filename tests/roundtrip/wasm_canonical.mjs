// The WebAssembly side of the cross-language round trip, as one long-lived process: reads one
// JSON request per line on stdin, `{ "canonical": string, "input": string }`, and answers each
// with one JSON line giving the package's canonical JSON (or its PlanError) for
//   fromString: `canonical` passed as a string,
//   fromBytes:  `canonical` passed as UTF-8 bytes,
//   fromInput:  `input` (the generated document as first written) passed as UTF-8 bytes,
//   fromObject: the plain object `parsePlan(canonical)` returns, passed back as an object;
// and `issues`: what `validate` reports for `input` as bytes.
// It imports the built package's Node entry (bindings-wasm/pkg/node.js), as users get it.
import { createInterface } from "node:readline";
import { PlanError, parsePlan, toCanonicalJson, validate } from "../../bindings-wasm/pkg/node.js";

const utf8 = new TextEncoder();

function attempt(convert) {
  try {
    return { ok: convert() };
  } catch (e) {
    return { error: String(e), issues: e instanceof PlanError ? e.issues : null };
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const { canonical, input } = JSON.parse(line);
  const answer = {
    fromString: attempt(() => toCanonicalJson(canonical)),
    fromBytes: attempt(() => toCanonicalJson(utf8.encode(canonical))),
    fromInput: attempt(() => toCanonicalJson(utf8.encode(input))),
    fromObject: attempt(() => toCanonicalJson(parsePlan(canonical))),
    issues: validate(utf8.encode(input)),
  };
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
