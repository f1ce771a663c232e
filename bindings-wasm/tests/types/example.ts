// Type-checked (never run) by `tsc --noEmit --strict -p tests/types`: the declarations are real
// types, not `any`. Every `@ts-expect-error` below must find an error, or tsc fails.
import {
  PlanError,
  challengeLabel,
  eraLabel,
  fiscalYearFromEra,
  goalLabel,
  iizukaThirdPlan,
  parsePlan,
  sectorLabel,
  toCanonicalJson,
  validate,
  type Actor,
  type Goal,
  type HelpSector,
  type Initiative,
  type Issue,
  type Label,
  type IssueCode,
  type Limits,
  type Plan,
  type Severity,
  type Target,
  type Text,
} from "welfare-plan";

const plan: Plan = iizukaThirdPlan();
const title: string = plan.title.ja;
const english: string | null | undefined = plan.title.en;
const goals: Goal[] = plan.goals;
const first: Goal = plan.goals[0];
const targets: Target[] = first.targets;
const initiatives: Initiative[] = plan.goals.flatMap((g) => g.targets.flatMap((t) => t.initiatives));
const actors: Actor[] = plan.actors;

// Actors of an initiative, grouped by help sector: the sector is a closed union.
const bySector = new Map<HelpSector, string[]>();
for (const i of initiatives) {
  for (const p of i.participants ?? []) {
    const name = plan.actors.find((a) => a.id === p.actor)?.name.ja ?? p.actor;
    bySector.set(p.sector, [...(bySector.get(p.sector) ?? []), name]);
  }
}
const label: Label = sectorLabel("mutual_help");
const labelText: Text = label;
// @ts-expect-error: "self-help" is not a HelpSector code
sectorLabel("self-help");

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
const goalName: string = goalLabel(first.number).en;

// @ts-expect-error: a title is a Text, not a string
const wrong: string = plan.title;
// @ts-expect-error: goals are Goal objects
const wrongGoal: number = plan.goals[0];

void [labelText, title, english, goals, targets, actors, label, era, year, circled, goalName, wrong, wrongGoal];
