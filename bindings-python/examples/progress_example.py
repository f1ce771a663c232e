"""The README's progress example: evaluate a plan over its yearly progress reports (進行管理)."""

from pathlib import Path

import welfare_plan

# The repository's synthetic example: a plan and one report per fiscal year.
folder = Path(__file__).resolve().parents[2] / "examples" / "progress"
plan = welfare_plan.load(folder / "synthetic-hoshizora-plan.json")
paths = sorted(folder.glob("synthetic-hoshizora-report-*.json"))
reports = [welfare_plan.load_report(path, plan) for path in paths]  # each checked against plan

progress = plan.evaluate(reports)
for series in progress.indicators[:2]:
    print(series.name.ja, f"(baseline {series.baseline.value if series.baseline else '−'})")
    for year in series.years:
        value = "−" if year.value is None else year.value
        print(" ", year.fiscal_year, value, year.status, year.grades)

# A node's grades: computed from its indicators, beside the ones entered by hand.
goal = progress.node("goal-1")
assert goal is not None
for grade in goal.years[-1].grades:
    print(goal.label.ja, grade.scale_id, "entered:", grade.entered, "computed:", grade.computed)

# A report records its plan's hash: a changed plan refuses it, with the line of the problem.
data = plan.to_dict()
data["edition"] = 2
try:
    welfare_plan.load_report(paths[0], welfare_plan.Plan.from_dict(data))
except welfare_plan.PlanError as err:
    for issue in err.issues:
        print(issue.code, issue.path, f"line {issue.line}")

# Rows for pandas.DataFrame: one per indicator and year.
rows = progress.indicator_records()
print(len(rows), "rows:", ", ".join(rows[0]))
