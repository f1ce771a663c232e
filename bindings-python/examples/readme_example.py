"""The README's example: read the built-in plan, then validate a broken copy of it."""

import json

import welfare_plan

# Iizuka City's 3rd Regional Welfare Plan (第3期飯塚市地域福祉計画) is built in.
plan = welfare_plan.iizuka_third_plan()
start, end = plan.period.start_fiscal_year, plan.period.end_fiscal_year
print(plan.title.ja, f"{welfare_plan.era_label(start)}～{welfare_plan.era_label(end)}")
print(" → ".join(level.name.ja for level in plan.levels))
for goal in plan.nodes:
    print(goal.label.ja, goal.title.ja, f"({len(goal.initiatives())} initiatives)")

# Break a copy: a blank goal title and a municipality code with a wrong check digit.
data = plan.to_dict()
data["nodes"][0]["title"]["ja"] = " "
data["municipality"]["code"] = "402051"
broken = json.dumps(data, ensure_ascii=False).encode("utf-8")

# validate() lists every issue and never raises for a bad document ...
for issue in welfare_plan.validate(broken):
    print(issue.code, issue.path, issue.message_en)

# ... while loads() raises PlanError, a ValueError that carries the same issues.
try:
    welfare_plan.loads(broken)
except welfare_plan.PlanError as err:
    print(f"{len(err.issues)} issues:", err)
