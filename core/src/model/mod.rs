//! The plan as typed data: one aggregate per file.
//!
//! The JSON exchange format is these types serialised with serde: snake_case fields, stable
//! string ids, references by id, unknown fields rejected except inside `extensions`, which
//! every object has.

mod actor;
mod challenge;
mod document;
mod evaluation;
mod extensions;
mod help;
mod id;
mod indicator;
mod lineage;
mod lookup;
mod municipality;
mod node;
pub mod numbering;
mod organization;
mod period;
mod plan;
mod text;
mod tree;

pub use actor::{Actor, ActorKind};
pub use challenge::{Challenge, Voice};
pub use document::{Philosophy, Section, Source};
pub use evaluation::{Condition, Evaluation, Grade, GradeCondition, GradeScale, NodeGrading, Rollup};
pub use extensions::Extensions;
pub use help::{HelpModel, HelpModelKind, HelpSector, SectorDefinition};
pub use id::{Id, ID_PATTERN, MAX_ID_LEN};
pub use indicator::{Comparator, Direction, Indicator, IndicatorKind, Observation, Quantity, ValueType};
pub use lineage::{Lineage, LineageChange};
pub use lookup::{PartAt, PartIndex};
pub use municipality::{prefecture_name, Municipality, MunicipalityCode, PREFECTURES};
pub use node::{Level, Node, NumberStyle, Participation, PriorityProject, Project, MAX_LEVELS};
pub use organization::{Base, District, Figure, Office, Publisher, PublisherKind, SubPlan};
pub use period::{FiscalYear, Period, Phase, Revision, YearMonth, YearMonthError};
pub use plan::{Plan, SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS};
pub use text::{is_blank, Lang, Text};
pub use tree::{IndicatorAt, NodeAt, NodeRef, Nodes};
