"""Pydantic v2 models of the plan format (2.0), as a careful Python developer would write them for
the benchmark: strict mode (no coercion: a string is never taken for a number), unknown fields
forbidden, the same non-blank and format constraints, the plan's tree as one recursive `Node`, and
a model validator for what matters most beyond shape: unique ids, references that name a part of
the right kind, and help sectors that the plan's help model defines. Numbering, levels, periods,
check digits, indicators, the grades the grading scales' conditions name, and coverage are left
out, so the peer still does less than welfare_plan does."""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

NonBlank = Annotated[str, Field(pattern=r"\S")]
IdStr = Annotated[str, Field(pattern=r"^[a-z0-9]+([-_.][a-z0-9]+)*$", max_length=64)]
FiscalYear = Annotated[int, Field(ge=1868, le=2200)]
Ordinal = Annotated[int, Field(ge=1)]
YearMonth = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
# An indicator's value: an integer, another number, or a word for a qualitative target (設置).
Quantity = Union[int, float, str]
Extensions = dict[str, Any]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Text(Strict):
    ja: NonBlank
    en: Optional[NonBlank] = None


class Municipality(Strict):
    code: Annotated[str, Field(pattern=r"^[0-9]{6}$")]
    name: Text
    prefecture: Text
    extensions: Extensions = {}


class Phase(Strict):
    id: IdStr
    name: Text
    start_fiscal_year: FiscalYear
    end_fiscal_year: FiscalYear
    extensions: Extensions = {}


class Period(Strict):
    start_fiscal_year: FiscalYear
    end_fiscal_year: FiscalYear
    phases: list[Phase] = []
    mid_term_review_fiscal_year: Optional[FiscalYear] = None
    extensions: Extensions = {}


class Revision(Strict):
    published: YearMonth
    description: Text
    extensions: Extensions = {}


class Office(Strict):
    organization: Optional[Text] = None
    department: Optional[Text] = None
    division: Optional[Text] = None
    section: Optional[Text] = None
    extensions: Extensions = {}


class Publisher(Strict):
    id: IdStr
    kind: Literal["municipality", "ward", "social_welfare_council", "other"]
    name: Text
    office: Optional[Office] = None
    extensions: Extensions = {}


class Philosophy(Strict):
    statement: Text
    subtitle: Optional[Text] = None
    explanation: Optional[Text] = None
    extensions: Extensions = {}


class SectorDefinition(Strict):
    sector: IdStr
    label: Optional[Text] = None
    definition: Text
    extensions: Extensions = {}


class HelpModel(Strict):
    kind: Literal["three_help", "four_help", "custom"]
    sectors: list[SectorDefinition]
    extensions: Extensions = {}


class Section(Strict):
    id: IdStr
    heading: Optional[Text] = None
    body: Text
    extensions: Extensions = {}


class Challenge(Strict):
    id: IdStr
    number: Ordinal
    title: Text
    description: Optional[Text] = None
    extensions: Extensions = {}


class Voice(Strict):
    id: IdStr
    text: Text
    challenges: list[IdStr] = []
    nodes: list[IdStr] = []
    editorial_links: bool = False
    extensions: Extensions = {}


class Observation(Strict):
    fiscal_year: FiscalYear
    value: Quantity
    note: Optional[Text] = None
    extensions: Extensions = {}


class Indicator(Strict):
    id: IdStr
    name: Text
    unit: Optional[Text] = None
    kind: Optional[Literal["outcome", "output"]] = None
    value_type: Optional[Literal["number", "percentage", "count", "text"]] = None
    direction: Optional[Literal["increase", "decrease", "maintain"]] = None
    comparator: Optional[Literal["at_least", "at_most", "exactly"]] = None
    baseline: Optional[Observation] = None
    targets: list[Observation] = []
    source: Optional[Text] = None
    definition: Optional[Text] = None
    extensions: Extensions = {}


class Grade(Strict):
    code: NonBlank
    label: Text
    definition: Optional[Text] = None
    score: Optional[float] = None
    extensions: Extensions = {}


class GradeCondition(Strict):
    when: Literal[
        "no_data", "target_reached", "achievement_at_least", "on_track", "better_than_baseline",
        "near_baseline", "worse_than_baseline", "otherwise",
    ]
    value: Optional[float] = None
    relative: bool = False
    grade: str


class NodeGrading(Strict):
    method: Literal["worst", "mean", "weighted", "manual"]
    from_: Optional[IdStr] = Field(default=None, alias="from")


class GradeScale(Strict):
    id: IdStr
    name: Text
    grades: Annotated[list[Grade], Field(min_length=1)]
    indicator_conditions: list[GradeCondition] = []
    nodes: Optional[NodeGrading] = None
    extensions: Extensions = {}


class Evaluation(Strict):
    scales: Annotated[list[GradeScale], Field(min_length=1)]
    extensions: Extensions = {}


class Level(Strict):
    id: IdStr
    name: Text
    numbering: Literal["roman", "arabic", "parenthesized", "circled", "compound", "none"]
    running: bool = False
    extensions: Extensions = {}


class Participation(Strict):
    actor: IdStr
    sector: Optional[IdStr] = None
    role: Optional[Text] = None
    extensions: Extensions = {}


class Project(Strict):
    id: IdStr
    number: Optional[Ordinal] = None
    title: Text
    description: Optional[Text] = None
    responsible: Optional[Text] = None
    attributed_to: list[IdStr] = []
    phases: list[IdStr] = []
    indicators: list[Indicator] = []
    extensions: Extensions = {}


class Node(Strict):
    id: IdStr
    number: Optional[Ordinal] = None
    title: Text
    description: Optional[Text] = None
    priority: bool = False
    challenges: list[IdStr] = []
    participants: list[Participation] = []
    attributed_to: list[IdStr] = []
    sub_plans: list[IdStr] = []
    districts: list[IdStr] = []
    bases: list[IdStr] = []
    phases: list[IdStr] = []
    projects: list[Project] = []
    indicators: list[Indicator] = []
    children: list[Node] = []
    extensions: Extensions = {}


class PriorityProject(Strict):
    id: IdStr
    number: Optional[Ordinal] = None
    title: Text
    description: Optional[Text] = None
    nodes: list[IdStr]
    indicators: list[Indicator] = []
    extensions: Extensions = {}


class Actor(Strict):
    id: IdStr
    kind: Literal[
        "resident", "neighborhood_association", "community_council", "social_welfare_council",
        "welfare_commissioner", "volunteer_npo", "welfare_provider", "business", "civic_group",
        "related_organization", "municipality", "other",
    ]
    name: Text
    sector: Optional[IdStr] = None
    publisher: Optional[IdStr] = None
    description: Optional[Text] = None
    extensions: Extensions = {}


class SubPlan(Strict):
    id: IdStr
    title: Text
    legal_basis: Optional[Text] = None
    description: Optional[Text] = None
    period: Optional[Period] = None
    indicators: list[Indicator] = []
    extensions: Extensions = {}


class Figure(Strict):
    name: Text
    fiscal_year: FiscalYear
    value: Quantity
    unit: Optional[Text] = None
    extensions: Extensions = {}


class District(Strict):
    id: IdStr
    name: Text
    parent: Optional[IdStr] = None
    layer: Optional[Text] = None
    description: Optional[Text] = None
    figures: list[Figure] = []
    challenges: list[Challenge] = []
    nodes: list[Node] = []
    extensions: Extensions = {}


class Base(Strict):
    id: IdStr
    name: Text
    district: Optional[IdStr] = None
    description: Optional[Text] = None
    extensions: Extensions = {}


class Source(Strict):
    title: Text
    url: Optional[str] = None
    note: Optional[Text] = None
    extensions: Extensions = {}


class Plan(Strict):
    schema_version: Literal["2.0"]
    id: IdStr
    title: Text
    edition: Optional[Ordinal] = None
    municipality: Municipality
    period: Period
    published: Optional[YearMonth] = None
    revisions: list[Revision] = []
    publishers: Annotated[list[Publisher], Field(min_length=1)]
    philosophy: Philosophy
    help_model: Optional[HelpModel] = None
    overview: list[Section] = []
    challenges: list[Challenge] = []
    voices: list[Voice] = []
    levels: Annotated[list[Level], Field(min_length=1, max_length=5)]
    initiative_level: Optional[IdStr] = None
    nodes: Annotated[list[Node], Field(min_length=1)]
    priority_projects: list[PriorityProject] = []
    indicators: list[Indicator] = []
    actors: list[Actor] = []
    sub_plans: list[SubPlan] = []
    districts: list[District] = []
    bases: list[Base] = []
    sources: list[Source] = []
    evaluation: Optional[Evaluation] = None
    extensions: Extensions = {}

    @model_validator(mode="after")
    def ids_are_unique_and_references_resolve(self) -> "Plan":
        kinds: dict[str, str] = {}

        def define(id_: str, kind: str) -> None:
            if id_ in kinds:
                raise ValueError(f"duplicate id {id_!r}")
            kinds[id_] = kind

        # Every node of the tree, the plan's and the districts', flattened breadth first.
        nodes: list[Node] = list(self.nodes)
        for d in self.districts:
            nodes.extend(d.nodes)
        i = 0
        while i < len(nodes):
            nodes.extend(nodes[i].children)
            i += 1

        define(self.id, "plan")
        for c in self.challenges:
            define(c.id, "challenge")
        for d in self.districts:
            for c in d.challenges:
                define(c.id, "challenge")
        for a in self.actors:
            define(a.id, "actor")
        for p in self.publishers:
            define(p.id, "publisher")
        for n in nodes:
            define(n.id, "node")

        def want(id_: str, kind: str) -> None:
            if kinds.get(id_) != kind:
                raise ValueError(f"{id_!r} names no {kind}")

        sectors = {s.sector for s in self.help_model.sectors} if self.help_model else set()

        def sector(code: Optional[str]) -> None:
            if code is not None and code not in sectors:
                raise ValueError(f"sector {code!r} is not in the help model")

        for n in nodes:
            for c in n.challenges:
                want(c, "challenge")
            for part in n.participants:
                want(part.actor, "actor")
                sector(part.sector)
            for pub in n.attributed_to:
                want(pub, "publisher")
        for a in self.actors:
            sector(a.sector)
        for v in self.voices:
            for c in v.challenges:
                want(c, "challenge")
            for n_id in v.nodes:
                want(n_id, "node")
        return self
