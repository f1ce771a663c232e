// Type-checked (never run) by `tsc --noEmit --strict -p tests/types`: the declarations are real
// types, not `any`. Every `@ts-expect-error` below must find an error, or tsc fails.
import {
  PlanError,
  challengeLabel,
  eraLabel,
  fiscalYearFromEra,
  helpModelLabels,
  iizukaThirdPlan,
  initiatives,
  initiativesAddressing,
  initiativesInSector,
  isPlan,
  nodesAtLevel,
  outline,
  parsePlan,
  sectorCode,
  sectorLabel,
  toCanonicalJson,
  validate,
  type Actor,
  type District,
  type HelpModelLabels,
  type HelpSector,
  type Indicator,
  type InitiativeFilter,
  type Issue,
  type IssueCode,
  type Label,
  type Level,
  type Limits,
  type Node,
  type NodeInfo,
  type NumberStyle,
  type Plan,
  type Quantity,
  type SectorLabel,
  type Severity,
  type Text,
} from "welfare-plan";
// The reports entry: the progress-report functions and types, with the plan's (the same PlanError).
import {
  PlanError as ReportsPlanError,
  evaluate,
  parseReport,
  planHash,
  validate as validateWithReports,
  validateReport,
  type Actual,
  type IndicatorSeries,
  type IndicatorYear,
  type NodeGrade,
  type NodeReport,
  type NodeSeries,
  type NodeYear,
  type Plan as ReportsPlan,
  type PlanRef,
  type Progress,
  type ProgressReport,
  type SectorSeries,
  type Status,
} from "welfare-plan/reports";
// The sheets entry: the spreadsheet import, with the plan's functions (the same PlanError).
import {
  PlanError as SheetsPlanError,
  importPlan,
  importReport,
  type Issue as SheetIssue,
  type Spreadsheet,
} from "welfare-plan/sheets";
// @ts-expect-error: the plan entry has no spreadsheet import
import { importPlan as notInThePlanEntryEither } from "welfare-plan";
// @ts-expect-error: the plan entry has no report functions
import { evaluate as notInThePlanEntry } from "welfare-plan";
// @ts-expect-error: nor the report's types
import type { ProgressReport as NotAPlanType } from "welfare-plan";

const plan: Plan = iizukaThirdPlan();
const title: string = plan.title.ja;
const english: string | null | undefined = plan.title.en;
const version: "2.0" = plan.schema_version;
const actors: Actor[] | undefined = plan.actors;

// The tree: levels, and nodes with children at any depth.
const levels: Level[] = plan.levels;
const numbering: NumberStyle = plan.levels[0].numbering;
const levelName: string = plan.levels[0].name.ja;
const top: Node = plan.nodes[0];
const children: Node[] | undefined = top.children;
const grandchild: Node | undefined = top.children?.[0]?.children?.[0];
const number: number | null | undefined = top.number;
function* walk(nodes: readonly Node[], depth = 0): Generator<[Node, number]> {
  for (const node of nodes) {
    yield [node, depth];
    yield* walk(node.children ?? [], depth + 1);
  }
}
for (const [node, depth] of walk(plan.nodes)) {
  const level: Level | undefined = plan.levels[depth];
  void [node.id, level?.id];
}

// Labels and places come from the module.
const info: NodeInfo[] = outline(plan);
for (const n of info) {
  const label: Label = n.label;
  const path: string = n.path;
  const depth: number = n.depth;
  const district: string | undefined = n.district;
  void [label, path, depth, district];
}
const filter: InitiativeFilter = { sector: "共助", challenge: "c2" };
const chosen: NodeInfo[] = initiatives(plan, filter);
initiatives(plan);
initiatives(new Uint8Array([0x7b]), {}, { maxDepth: 8 });
// @ts-expect-error: filters are checked by name
initiatives(plan, { sectors: "共助" });
const model: HelpModelLabels | null = helpModelLabels(plan);
// @ts-expect-error: a plan may have no help model
const heading: string = helpModelLabels(plan).heading.ja;
const sectors: SectorLabel[] = model?.sectors ?? [];
const firstSector: string = sectors[0]?.sector ?? "";

// Participations name sectors by code; built-in sectors have a closed union of codes.
const bySector = new Map<string, string[]>();
for (const [node] of walk(plan.nodes)) {
  for (const p of node.participants ?? []) {
    if (!p.sector) continue;
    const name = plan.actors?.find((a) => a.id === p.actor)?.name.ja ?? p.actor;
    bySector.set(p.sector, [...(bySector.get(p.sector) ?? []), name]);
  }
}
const builtIn: HelpSector = "mutual_help";
const label: Label = sectorLabel(builtIn);
const labelText: Text = label;
// @ts-expect-error: "self-help" is not a HelpSector code
sectorLabel("self-help");

// Indicators: a value is a number or, for a qualitative target, a text.
const indicators: Indicator[] = top.indicators ?? [];
for (const indicator of indicators) {
  const value: Quantity | undefined = indicator.baseline?.value;
  if (typeof value === "string") {
    const word: string = value;
    void word;
  } else if (value !== undefined) {
    const n: number = value;
    void n;
  }
}
// @ts-expect-error: a value is a number or a string
const notAValue: Quantity = true;

// Districts: a hierarchy, each with its own challenges and plan (nodes).
const districts: District[] = plan.districts ?? [];
const districtPlans: Node[] = districts.flatMap((d) => d.nodes ?? []);
const parent: string | null | undefined = districts[0]?.parent;

// Narrowing severity and switching over codes.
const limits: Limits = { maxInputBytes: 1 << 20, maxDepth: 8 };
const issues: Issue[] = validate(new Uint8Array([0x7b]), limits);
for (const issue of issues) {
  const severity: Severity = issue.severity;
  if (issue.severity === "error") {
    const e: "error" = issue.severity;
    void e;
  } else {
    const w: "warning" = issue.severity;
    void w;
  }
  switch (issue.severity) {
    case "error":
    case "warning":
      break;
    default: {
      const never: never = issue.severity;
      void never;
    }
  }
  const code: IssueCode = issue.code;
  if (issue.code === "reference.dangling") console.log(issue.path);
  // @ts-expect-error: not an issue code
  if (issue.code === "reference.dangle") console.log("never");
  const line: number | undefined = issue.line;
  void [severity, code, line];
}
validate(plan);
validate("{}");
// @ts-expect-error: limits are checked by name
validate("{}", { max_depth: 4 });
// @ts-expect-error: a number is not a document
parsePlan(42);
// An object is checked as its JSON, as at run time: one from JSON.parse, or a typed plan.
const fromObject: Plan = parsePlan({ schema_version: "2.0" });
parsePlan(plan);

// The type guard narrows what came from outside.
const data: unknown = JSON.parse("{}");
// @ts-expect-error: unknown until checked
void data.title;
if (isPlan(data)) {
  const guarded: Plan = data;
  const guardedTitle: string = data.title.ja;
  void [guarded, guardedTitle];
}
const maybe: Plan | string = Math.random() > 0.5 ? plan : "{}";
if (!isPlan(maybe)) {
  const text: string = maybe;
  void text;
}
const checkedWithLimits: boolean = isPlan(data, { maxElements: 10 });

// Python's plan helpers.
const inSector: NodeInfo[] = initiativesInSector(plan, "共助");
const addressing: NodeInfo[] = initiativesAddressing(plan, "c2", { maxDepth: 8 });
const targets: NodeInfo[] = nodesAtLevel(new Uint8Array([0x7b]), "target");
const publicHelp: string = sectorCode(plan, "公助");
// @ts-expect-error: a sector is named, not filtered by an object
initiativesInSector(plan, { sector: "共助" });
void [fromObject, checkedWithLimits, inSector, addressing, targets, publicHelp];

try {
  const parsed: Plan = parsePlan("{}");
  const json: string = toCanonicalJson(parsed);
  void json;
} catch (e) {
  if (e instanceof PlanError) {
    const all: Issue[] = e.issues;
    const asError: Error = e;
    void [all, asError];
  }
}

const era: string = eraLabel(2023);
const year: number = fiscalYearFromEra("令和5年度");
const circled: string = challengeLabel(1).ja;

// Progress reports: the report's types are generated from its schema; the evaluation's declared.
const reportIssues: Issue[] = validateReport(new Uint8Array([0x7b]), plan, { maxIssues: 10 });
const report: ProgressReport = parseReport("{}", plan);
const kind: "progress_report" = report.document;
const ref: PlanRef = report.plan;
const hash: string = planHash(plan);
const actuals: Actual[] = report.observations ?? [];
const measured: Quantity | null | undefined = actuals[0]?.value;
const nodeReports: NodeReport[] = report.nodes ?? [];
const written: ProgressReport = {
  document: "progress_report",
  schema_version: "1.0",
  id: "r2026",
  plan: { id: plan.id, hash: planHash(plan) },
  fiscal_year: 2026,
  observations: [{ indicator: "ind-salons", value: 48 }, { indicator: "ind-survey", value: null, reason: { ja: "未実施" } }],
};
// @ts-expect-error: a report says what it is
const notAReport: ProgressReport = { ...written, document: "plan" };
const progress: Progress = evaluate(plan, [report, "{}", new Uint8Array([0x7b]), written]);
const years: number[] = progress.years;
for (const series of progress.indicators satisfies IndicatorSeries[]) {
  const name: Text = series.name;
  const unit: Text | null = series.unit;
  for (const y of series.years satisfies IndicatorYear[]) {
    const status: Status = y.status;
    const achievement: number | null = y.achievement;
    const value: Quantity | null = y.value;
    for (const [scale, grade] of y.grades) void [scale.length, grade.length];
    // @ts-expect-error: statuses are a closed list
    if (y.status === "late") console.log("never");
    void [status, achievement, value];
  }
  void [name, unit];
}
for (const n of progress.nodes satisfies NodeSeries[]) {
  const [ja, en]: [string, string] = n.label;
  const depth: number = n.depth;
  for (const y of n.years satisfies NodeYear[]) {
    for (const g of y.grades satisfies NodeGrade[]) {
      const entered: string | null = g.entered;
      const computed: string | null = g.computed;
      void [entered, computed];
    }
  }
  void [ja, en, depth];
}
const sectorsSeries: SectorSeries[] = progress.sectors;
// @ts-expect-error: reports go in an array
evaluate(plan, report);
// @ts-expect-error: an achievement may be missing
const sure: number = progress.indicators[0]!.years[0]!.achievement;
void [reportIssues, kind, ref, hash, measured, nodeReports, notAReport, years, sectorsSeries, sure];
// Both entries declare the same plan and the same PlanError.
const samePlan: ReportsPlan = plan;
const samePlanBack: Plan = samePlan;
const bothIssues: Issue[] = validateWithReports(plan);
const caughtEither: PlanError = new ReportsPlanError("m", bothIssues);
void [notInThePlanEntry, samePlanBack, caughtEither];

// @ts-expect-error: a title is a Text, not a string
const wrong: string = plan.title;
// @ts-expect-error: nodes are Node objects
const wrongNode: number = plan.nodes[0];
// @ts-expect-error: the plan has no goals in format 2.0
const goals = plan.goals;

void [labelText, title, english, version, actors, levels, numbering, levelName, children, grandchild, number];
void [chosen, heading, firstSector, label, notAValue, districtPlans, parent, era, year, circled, wrong, wrongNode, goals];

// A workbook's bytes, or CSV files by name; issues from a spreadsheet carry their cell.
const book: Spreadsheet = new Uint8Array();
const csvFiles: Spreadsheet = { "plan.nodes.csv": "id,parent" };
const imported: Plan = importPlan(book);
const importedReport: ProgressReport = importReport(csvFiles, imported);
const cellOf = (i: SheetIssue): string | undefined => i.cell;
const caughtSheet: PlanError = new SheetsPlanError("m", []);
// @ts-expect-error: a number is no spreadsheet
importPlan(42);
void [imported, importedReport, cellOf, caughtSheet, notInThePlanEntryEither];
