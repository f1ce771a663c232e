"""Pydantic v2 models of the plan format, as a careful Python developer would write them for the
benchmark: strict mode (no coercion: a string is never taken for a number), unknown fields
forbidden, the same non-blank and format constraints, and a model validator for what matters most
beyond shape: unique ids and references that name a part of the right kind. Numbering, periods,
check digits and coverage are left out, so the peer still does less than welfare_plan does."""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

NonBlank = Annotated[str, Field(pattern=r"\S")]
IdStr = Annotated[str, Field(pattern=r"^[a-z0-9]+([-_.][a-z0-9]+)*$", max_length=64)]
FiscalYear = Annotated[int, Field(ge=1868, le=2200)]
Ordinal = Annotated[int, Field(ge=1)]
Sector = Literal["self_help", "reciprocal_help", "mutual_help", "public_help"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Text(Strict):
    ja: NonBlank
    en: Optional[NonBlank] = None


class Municipality(Strict):
    code: Annotated[str, Field(pattern=r"^[0-9]{6}$")]
    name: Text
    prefecture: Text


class Phase(Strict):
    id: IdStr
    name: Text
    start_fiscal_year: FiscalYear
    end_fiscal_year: FiscalYear


class Period(Strict):
    start_fiscal_year: FiscalYear
    end_fiscal_year: FiscalYear
    phases: list[Phase] = []
    mid_term_review_fiscal_year: Optional[FiscalYear] = None


class Office(Strict):
    organization: Optional[Text] = None
    department: Optional[Text] = None
    division: Optional[Text] = None
    section: Optional[Text] = None


class Publisher(Strict):
    id: IdStr
    kind: Literal["municipality", "social_welfare_council"]
    name: Text
    office: Optional[Office] = None


class Philosophy(Strict):
    statement: Text
    subtitle: Optional[Text] = None
    explanation: Optional[Text] = None


class SectorDefinition(Strict):
    sector: Sector
    definition: Text


class HelpModel(Strict):
    kind: Literal["three_help", "four_help"]
    sectors: list[SectorDefinition]


class Section(Strict):
    id: IdStr
    heading: Text
    body: Text


class Challenge(Strict):
    id: IdStr
    number: Ordinal
    title: Text
    description: Optional[Text] = None
    extensions: dict[str, Any] = {}


class Voice(Strict):
    id: IdStr
    text: Text
    challenges: list[IdStr] = []
    goals: list[IdStr] = []


class Observation(Strict):
    fiscal_year: FiscalYear
    value: float


class Indicator(Strict):
    id: IdStr
    name: Text
    unit: Optional[Text] = None
    baseline: Optional[Observation] = None
    targets: list[Observation] = []


class Participation(Strict):
    actor: IdStr
    sector: Sector
    role: Optional[Text] = None


class Project(Strict):
    id: IdStr
    number: Ordinal
    title: Text
    description: Optional[Text] = None
    responsible: Optional[Text] = None


class Initiative(Strict):
    id: IdStr
    number: Ordinal
    title: Text
    description: Optional[Text] = None
    priority: bool = False
    challenges: list[IdStr] = []
    participants: list[Participation] = []
    attributed_to: list[IdStr] = []
    sub_plans: list[IdStr] = []
    districts: list[IdStr] = []
    projects: list[Project] = []
    indicators: list[Indicator] = []
    extensions: dict[str, Any] = {}


class Target(Strict):
    id: IdStr
    number: Ordinal
    title: Text
    description: Optional[Text] = None
    initiatives: Annotated[list[Initiative], Field(min_length=1)]
    indicators: list[Indicator] = []
    extensions: dict[str, Any] = {}


class Goal(Strict):
    id: IdStr
    number: Ordinal
    title: Text
    description: Optional[Text] = None
    targets: Annotated[list[Target], Field(min_length=1)]
    indicators: list[Indicator] = []
    extensions: dict[str, Any] = {}


class Actor(Strict):
    id: IdStr
    kind: Literal[
        "resident", "neighborhood_association", "community_council", "social_welfare_council",
        "welfare_commissioner", "volunteer_npo", "welfare_provider", "business", "civic_group",
        "related_organization", "municipality", "other",
    ]
    name: Text
    sector: Sector
    description: Optional[Text] = None
    extensions: dict[str, Any] = {}


class SubPlan(Strict):
    id: IdStr
    title: Text
    legal_basis: Optional[Text] = None


class District(Strict):
    id: IdStr
    name: Text


class Base(Strict):
    id: IdStr
    name: Text
    district: Optional[IdStr] = None
    description: Optional[Text] = None


class Source(Strict):
    title: Text
    url: Optional[str] = None
    note: Optional[Text] = None


class Plan(Strict):
    schema_version: Literal["1.0"]
    id: IdStr
    title: Text
    edition: Optional[Ordinal] = None
    municipality: Municipality
    period: Period
    published: Optional[Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]] = None
    publishers: Annotated[list[Publisher], Field(min_length=1)]
    philosophy: Philosophy
    help_model: HelpModel
    overview: list[Section] = []
    challenges: list[Challenge]
    voices: list[Voice] = []
    goals: Annotated[list[Goal], Field(min_length=1)]
    actors: list[Actor]
    sub_plans: list[SubPlan] = []
    districts: list[District] = []
    bases: list[Base] = []
    sources: list[Source] = []
    extensions: dict[str, Any] = {}

    @model_validator(mode="after")
    def ids_are_unique_and_references_resolve(self) -> "Plan":
        kinds: dict[str, str] = {}

        def define(id_: str, kind: str) -> None:
            if id_ in kinds:
                raise ValueError(f"duplicate id {id_!r}")
            kinds[id_] = kind

        define(self.id, "plan")
        for c in self.challenges:
            define(c.id, "challenge")
        for a in self.actors:
            define(a.id, "actor")
        for p in self.publishers:
            define(p.id, "publisher")
        for g in self.goals:
            define(g.id, "goal")
            for t in g.targets:
                define(t.id, "target")
                for i in t.initiatives:
                    define(i.id, "initiative")

        def want(id_: str, kind: str) -> None:
            if kinds.get(id_) != kind:
                raise ValueError(f"{id_!r} names no {kind}")

        for g in self.goals:
            for t in g.targets:
                for i in t.initiatives:
                    for c in i.challenges:
                        want(c, "challenge")
                    for part in i.participants:
                        want(part.actor, "actor")
                    for pub in i.attributed_to:
                        want(pub, "publisher")
        for v in self.voices:
            for c in v.challenges:
                want(c, "challenge")
            for g_id in v.goals:
                want(g_id, "goal")
        return self
