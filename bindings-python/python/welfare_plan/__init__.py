"""Japanese municipalities' regional welfare plans (地域福祉計画) as typed, validated data.

A plan is one JSON document (format 2.0; 1.0 documents are read through an upgrade): its
municipality and period, basic philosophy (基本理念), help model (自助・共助・公助, if it has
one), challenges (課題), its own tree of one to five levels (such as 基本目標 → 活動目標 →
具体的取り組み) with projects and indicators, and the actors (担い手), publishers, districts and
sub-plans it names. Every rule lives in the Rust core; this package converts arguments,
results and errors, and shows every part of a plan as a typed, read-only object.

>>> import welfare_plan
>>> plan = welfare_plan.iizuka_third_plan()
>>> [g.label.ja for g in plan.nodes]
['基本目標Ⅰ', '基本目標Ⅱ', '基本目標Ⅲ']
>>> [n.label.ja for n in plan.nodes[0].children]
['活動目標1', '活動目標2']
>>> [(i.code, i.path) for i in welfare_plan.validate(b"[]")]
[('schema.wrong_type', '')]
"""

from ._errors import EraError, PlanError
from ._native import (
    Actor,
    Base,
    Challenge,
    District,
    Figure,
    HelpModel,
    Indicator,
    Issue,
    Level,
    Limits,
    Municipality,
    Node,
    Observation,
    Office,
    Participation,
    Period,
    Phase,
    Philosophy,
    Plan,
    PriorityProject,
    Project,
    Publisher,
    Revision,
    Section,
    SectorDefinition,
    Source,
    SubPlan,
    Text,
    Voice,
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
    "Base",
    "Challenge",
    "District",
    "EraError",
    "Figure",
    "HelpModel",
    "Indicator",
    "Issue",
    "Level",
    "Limits",
    "Municipality",
    "Node",
    "Observation",
    "Office",
    "Participation",
    "Period",
    "Phase",
    "Philosophy",
    "Plan",
    "PlanError",
    "PriorityProject",
    "Project",
    "Publisher",
    "Revision",
    "Section",
    "SectorDefinition",
    "Source",
    "SubPlan",
    "Text",
    "Voice",
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
