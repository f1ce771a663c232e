// The shared conformance corpus (tests/conformance/), read the way core/tests/conformance.rs
// reads it: raw input bytes plus the expected verdict, and the generated adversarial cases
// built as prefix + repeat × count + suffix.
import { readdirSync, readFileSync } from "node:fs";

export const repo = new URL("../../", import.meta.url);
const dir = new URL("tests/conformance/", repo);

/** Every case, sorted by name: `{ name, bytes: Uint8Array, expected }`. */
export function cases() {
  const out = [];
  for (const file of readdirSync(new URL("cases/", dir))) {
    const stem = file.endsWith(".expected.json") ? file.slice(0, -".expected.json".length) : null;
    if (stem === null) continue;
    out.push({
      name: stem,
      bytes: new Uint8Array(readFileSync(new URL(`cases/${stem}.json`, dir))),
      expected: JSON.parse(readFileSync(new URL(`cases/${file}`, dir), "utf8")),
    });
  }
  for (const g of JSON.parse(readFileSync(new URL("generated.json", dir), "utf8"))) {
    // Lazily: the largest inputs are 40 MB each.
    out.push({
      name: g.name,
      get bytes() {
        return new TextEncoder().encode(g.prefix + g.repeat.repeat(g.count) + g.suffix);
      },
      expected: g,
    });
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (out.length <= 40) throw new Error(`the corpus was not found in ${dir}`);
  return out;
}

/** The case's limits, in the JavaScript API's names (the corpus uses the Rust names). */
export function limitsOf(expected) {
  if (!expected.limits) return undefined;
  const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return Object.fromEntries(Object.entries(expected.limits).map(([k, v]) => [camel(k), v]));
}

/** The input as text when it is UTF-8 (a BOM kept, as the bytes have it), else null. */
export function textOf(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `[code, path]` pairs, the form the expected files use. */
export const pairs = (issues) => issues.map((i) => [i.code, i.path]);
