"""Japanese municipalities' regional welfare plans (地域福祉計画) as typed, validated data.

A plan is one JSON document: its municipality and period, basic philosophy (基本理念), help
model (自助・共助・公助), challenges (課題), basic goals (基本目標) with activity targets
(活動目標) and specific initiatives (具体的取り組み), and the actors (担い手) who carry them.
Every rule lives in the Rust core; this package converts arguments, results and errors.

>>> import welfare_plan
>>> plan = welfare_plan.iizuka_third_plan()
>>> [g.label.ja for g in plan.goals]
['基本目標Ⅰ', '基本目標Ⅱ', '基本目標Ⅲ']
>>> [(i.code, i.path) for i in welfare_plan.validate(b"[]")]
[('schema.wrong_type', '')]
"""

from ._errors import EraError, PlanError
from ._native import (
    Actor,
    Challenge,
    Goal,
    HelpModel,
    Initiative,
    Issue,
    Limits,
    Municipality,
    Participation,
    Period,
    Phase,
    Philosophy,
    Plan,
    SectorDefinition,
    Target,
    Text,
    __version__,
    era_label,
    era_label_en,
    fiscal_year_from_era,
    iizuka_third_plan,
    json_schema,
    load,
    loads,
    validate,
)

__all__ = [
    "Actor",
    "Challenge",
    "EraError",
    "Goal",
    "HelpModel",
    "Initiative",
    "Issue",
    "Limits",
    "Municipality",
    "Participation",
    "Period",
    "Phase",
    "Philosophy",
    "Plan",
    "PlanError",
    "SectorDefinition",
    "Target",
    "Text",
    "__version__",
    "era_label",
    "era_label_en",
    "fiscal_year_from_era",
    "iizuka_third_plan",
    "json_schema",
    "load",
    "loads",
    "validate",
]
