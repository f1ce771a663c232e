"""Japanese municipalities' regional welfare plans (地域福祉計画) as typed, validated data.

A plan is one JSON document (format 2.0; 1.0 documents are read through an upgrade): its
municipality and period, basic philosophy (基本理念), help model (自助・共助・公助, if it has
one), challenges (課題), its own tree of one to five levels (such as 基本目標 → 活動目標 →
具体的取り組み) with projects and indicators, and the actors (担い手), publishers, districts and
sub-plans it names. A progress report (進行管理) is a second document: one fiscal year's actual
values and grades, read against its plan, which ``Plan.evaluate`` turns into achievements,
statuses and grades by year. Every rule lives in the Rust core; this package converts arguments,
results and errors, and shows every part of a plan or a report as a typed, read-only object.

>>> import welfare_plan
>>> plan = welfare_plan.iizuka_third_plan()
>>> [g.label.ja for g in plan.nodes]
['基本目標Ⅰ', '基本目標Ⅱ', '基本目標Ⅲ']
>>> [n.label.ja for n in plan.nodes[0].children]
['活動目標1', '活動目標2']
>>> [(i.code, i.path) for i in welfare_plan.validate(b"[]")]
[('schema.wrong_type', '')]
"""

from ._errors import EraError, PlanError, UnknownNameError
from ._native import (
    Actor,
    Actual,
    Base,
    Challenge,
    Diff,
    District,
    EnteredGrade,
    Evaluation,
    Figure,
    Grade,
    GradeCondition,
    GradeScale,
    HelpModel,
    Indicator,
    IndicatorSeries,
    IndicatorYear,
    Issue,
    Level,
    Limits,
    Lineage,
    Municipality,
    Node,
    NodeGrade,
    NodeGrading,
    NodeReport,
    NodeSeries,
    NodeYear,
    Observation,
    Office,
    Opinion,
    Participation,
    Period,
    Phase,
    Philosophy,
    Plan,
    PlanRef,
    PriorityProject,
    Progress,
    ProgressReport,
    Project,
    Publisher,
    Revision,
    Section,
    SectorDefinition,
    SectorSeries,
    Source,
    SubPlan,
    Text,
    Voice,
    __version__,
    diff,
    era_label,
    era_label_en,
    evaluate,
    fiscal_year_from_era,
    iizuka_third_plan,
    import_plan,
    import_report,
    is_progress_report,
    json_schema,
    load,
    load_report,
    loads,
    loads_report,
    plan_hash,
    report_json_schema,
    validate,
    validate_report,
)

# `types` (a TypedDict for every object of the schemas) and `_records` (the rows' TypedDicts and
# `write_csv`) are imported on first use: building their classes, and the `typing` module they
# need, took most of the package's import time (measured with `python -X importtime`: 33 of
# 40 ms), and most programs that read and check plans use neither.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from . import types
    from ._records import InitiativeCells, InitiativeRecord, write_csv
del TYPE_CHECKING  # not a name of the package

# The names `_records` holds, imported from it on first use.
_RECORDS = ("InitiativeCells", "InitiativeRecord", "write_csv")


def __getattr__(name: str) -> object:
    """Imports ``types`` and the names of ``_records`` on first use."""
    import importlib

    if name == "types":
        value: object = importlib.import_module(f"{__name__}.types")
    elif name in _RECORDS:
        value = getattr(importlib.import_module(f"{__name__}._records"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | {"types", *_RECORDS})


__all__ = [
    "Actor",
    "Actual",
    "Base",
    "Challenge",
    "Diff",
    "District",
    "EnteredGrade",
    "EraError",
    "Evaluation",
    "Figure",
    "Grade",
    "GradeCondition",
    "GradeScale",
    "HelpModel",
    "Indicator",
    "InitiativeCells",
    "InitiativeRecord",
    "IndicatorSeries",
    "IndicatorYear",
    "Issue",
    "Level",
    "Limits",
    "Lineage",
    "Municipality",
    "Node",
    "NodeGrade",
    "NodeGrading",
    "NodeReport",
    "NodeSeries",
    "NodeYear",
    "Observation",
    "Office",
    "Opinion",
    "Participation",
    "Period",
    "Phase",
    "Philosophy",
    "Plan",
    "PlanError",
    "PlanRef",
    "PriorityProject",
    "Progress",
    "ProgressReport",
    "Project",
    "Publisher",
    "Revision",
    "Section",
    "SectorDefinition",
    "SectorSeries",
    "Source",
    "SubPlan",
    "Text",
    "UnknownNameError",
    "Voice",
    "__version__",
    "diff",
    "era_label",
    "era_label_en",
    "evaluate",
    "fiscal_year_from_era",
    "iizuka_third_plan",
    "import_plan",
    "import_report",
    "is_progress_report",
    "json_schema",
    "load",
    "load_report",
    "loads",
    "loads_report",
    "plan_hash",
    "report_json_schema",
    "types",
    "validate",
    "validate_report",
    "write_csv",
]
