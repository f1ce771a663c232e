// The peer of the WASM module's progress reports (進行管理) in the benchmarks: what a careful
// JavaScript developer would write without it. The report is parsed with JSON.parse and checked
// against schemas/progress-report.schema.json by ajv (compiled once), then a plain loop checks it
// against its plan (the plan's id and fiscal year, every indicator, node and grade it names, value
// types, entries missing for the year) and computes what the core computes for each indicator
// (core/src/report/compute.rs): achievement = (actual − baseline) / (target − baseline) · 100, the
// share a straight line from the baseline to the target expects by the year, a status, and on
// each scale the grade of the first condition that holds. Like the Python peer, it leaves out the
// plan's content hash and the roll-up of grades to nodes and help sectors.
//
//   const check = reportPeer(ajv.compile(reportSchema));
//   const { problems, results } = check(text, plan); // plan: the plan as parsed JSON

const number = (q) => (typeof q === "number" ? q : null);

function valueOk(valueType, v) {
  if (valueType == null) return true;
  if (valueType === "text" || typeof v === "string") return valueType === "text" && typeof v === "string";
  if (valueType === "count") return Number.isInteger(v) && v >= 0;
  if (valueType === "percentage") return v >= 0 && v <= 100;
  return true;
}

/** Achievement, expected share, status and grades of `ind` in `year`. */
export function evaluateIndicator(ind, year, value, scales) {
  const targets = [...(ind.targets ?? [])].sort((a, b) => a.fiscal_year - b.fiscal_year);
  const target = targets.find((t) => t.fiscal_year >= year) ?? targets.at(-1) ?? null;
  const base = ind.baseline ?? null;
  const b = base ? number(base.value) : null;
  const t = target ? number(target.value) : null;
  const a = number(value);
  let direction = ind.direction;
  if (direction == null) {
    direction = b !== null && t !== null && t < b ? "decrease" : b !== null && t !== null && t === b ? "maintain" : "increase";
  }
  let reached = false;
  if (typeof value === "string" && target && typeof target.value === "string") {
    reached = value === target.value;
  } else if (a !== null && t !== null) {
    const how = ind.comparator ?? { increase: "at_least", decrease: "at_most" }[direction] ?? "exactly";
    reached = how === "at_least" ? a >= t : how === "at_most" ? a <= t : a === t;
  }
  let achievement = null;
  if (a !== null && b !== null && t !== null) achievement = t !== b ? ((a - b) / (t - b)) * 100 : reached ? 100 : 0;
  let expected = null;
  if (base && target && target.fiscal_year > base.fiscal_year) {
    const span = target.fiscal_year - base.fiscal_year;
    expected = (Math.min(Math.max(year - base.fiscal_year, 0), span) / span) * 100;
  }
  let gain = null;
  if (a !== null && b !== null) gain = direction === "increase" ? a - b : direction === "decrease" ? b - a : -Math.abs(a - b);
  const baseText = base && typeof base.value === "string" ? base.value : null;

  let status;
  if (value == null) status = "no_data";
  else if (reached) status = "achieved";
  else if (achievement !== null && expected !== null && achievement >= expected) status = "on_track";
  else if (gain !== null && gain < 0) status = "worse";
  else if (achievement !== null || gain !== null || typeof value === "string") status = "behind";
  else status = "no_data";

  const holds = (c) => {
    if (value == null) return c.when === "no_data";
    let tolerance = c.value ?? 0;
    if (c.relative && b !== null) tolerance = (Math.abs(b) * tolerance) / 100;
    switch (c.when) {
      case "target_reached":
        return reached;
      case "achievement_at_least":
        return reached || (achievement !== null && c.value != null && achievement >= c.value);
      case "on_track":
        return reached || (achievement !== null && expected !== null && achievement >= expected);
      case "better_than_baseline":
        return gain !== null && gain > tolerance;
      case "near_baseline":
        if (typeof value === "string" && baseText !== null) return value === baseText;
        return a !== null && b !== null && Math.abs(a - b) <= tolerance;
      case "worse_than_baseline":
        return gain !== null && gain < -tolerance;
      default:
        return c.when === "otherwise";
    }
  };
  const grades = [];
  for (const scale of scales) {
    const c = scale.indicator_conditions.find(holds);
    if (c) grades.push([scale.id, c.grade]);
  }
  return { achievement, expected, status, grades };
}

function* tree(nodes, depth = 0) {
  for (const n of nodes ?? []) {
    yield [n, depth];
    yield* tree(n.children, depth + 1);
  }
}

/** A checker built on `validate`, an ajv function compiled from the report schema: returns the
 * report's problems against `plan` (errors and warnings, as messages) and each indicator's
 * result, by indicator id in the plan's order; throws for a report of the wrong shape. */
export function reportPeer(validate) {
  return (text, plan) => {
    const report = JSON.parse(text);
    if (!validate(report)) throw new Error(JSON.stringify(validate.errors?.slice(0, 3)));
    const problems = [];
    const year = report.fiscal_year;
    if (report.plan.id !== plan.id) problems.push(`the report is for plan ${report.plan.id}, not ${plan.id}`);
    if (year < plan.period.start_fiscal_year || year > plan.period.end_fiscal_year) {
      problems.push(`fiscal year ${year} is outside the plan period`);
    }

    // The plan's indicators in document order (the first of an id wins), its nodes, initiatives
    // and scales, found by id.
    const indicators = new Map();
    const add = (list) => {
      for (const ind of list ?? []) if (!indicators.has(ind.id)) indicators.set(ind.id, ind);
    };
    const nodes = new Set();
    const initiatives = [];
    const levels = plan.levels.map((l) => l.id);
    const at = levels.indexOf(plan.initiative_level);
    const depth = at >= 0 ? at : levels.length - 1;
    add(plan.indicators);
    for (const [node, d] of tree(plan.nodes)) {
      nodes.add(node.id);
      if (d === depth) initiatives.push(node.id);
      add(node.indicators);
      for (const p of node.projects ?? []) add(p.indicators);
    }
    for (const district of plan.districts ?? []) for (const [n] of tree(district.nodes)) nodes.add(n.id);
    for (const holder of [...(plan.priority_projects ?? []), ...(plan.sub_plans ?? [])]) add(holder.indicators);
    const scales = new Map((plan.evaluation?.scales ?? []).map((s) => [s.id, s]));

    const values = new Map();
    for (const a of report.observations ?? []) {
      const found = indicators.get(a.indicator);
      if (!found) {
        problems.push(`the plan has no indicator ${a.indicator}`);
        continue;
      }
      if (values.has(a.indicator)) problems.push(`indicator ${a.indicator} has a second entry`);
      else values.set(a.indicator, a.value ?? null);
      if (a.value == null) {
        if (a.reason == null) problems.push(`indicator ${a.indicator} has no value and no reason`);
      } else if (!valueOk(found.value_type, a.value)) {
        problems.push(`${a.value} is not a value of indicator ${a.indicator}`);
      }
    }
    const seenNodes = new Set();
    for (const entry of report.nodes ?? []) {
      if (!nodes.has(entry.node)) {
        problems.push(`the plan has no node ${entry.node}`);
        continue;
      }
      if (seenNodes.has(entry.node)) problems.push(`node ${entry.node} has a second entry`);
      seenNodes.add(entry.node);
      const seenScales = new Set();
      for (const g of entry.grades ?? []) {
        const scale = scales.get(g.scale);
        if (!scale) {
          problems.push(`the plan has no grading scale ${g.scale}`);
          continue;
        }
        if (seenScales.has(g.scale)) problems.push(`a second grade on scale ${g.scale}`);
        seenScales.add(g.scale);
        if (!scale.grades.some((x) => x.code === g.grade)) problems.push(`grade ${g.grade} is not on scale ${g.scale}`);
      }
    }
    for (const o of report.opinions ?? []) {
      for (const n of o.nodes ?? []) if (!nodes.has(n)) problems.push(`the plan has no node ${n}`);
    }
    for (const id of indicators.keys()) if (!values.has(id)) problems.push(`indicator ${id} has no entry`);
    for (const id of initiatives) if (!seenNodes.has(id)) problems.push(`initiative ${id} has no entry`);

    const grading = [...scales.values()].filter((s) => (s.indicator_conditions ?? []).length > 0);
    const results = new Map();
    for (const [id, ind] of indicators) results.set(id, evaluateIndicator(ind, year, values.get(id) ?? null, grading));
    return { problems, results };
  };
}
