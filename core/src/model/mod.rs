//! The plan as typed data: one aggregate per file.
//!
//! The JSON exchange format is these types serialised with serde: snake_case fields, stable
//! string ids, references by id, unknown fields rejected except inside `extensions`.

mod actor;
mod challenge;
mod document;
mod extensions;
mod goal;
mod help;
mod id;
mod indicator;
mod initiative;
mod lookup;
mod municipality;
pub mod numbering;
mod organization;
mod period;
mod plan;
mod text;

pub use actor::{Actor, ActorKind};
pub use challenge::{Challenge, Voice};
pub use document::{Philosophy, Section, Source};
pub use extensions::Extensions;
pub use goal::{Goal, Target};
pub use help::{HelpModel, HelpModelKind, HelpSector, SectorDefinition};
pub use id::{Id, ID_PATTERN, MAX_ID_LEN};
pub use indicator::{Indicator, Observation};
pub use initiative::{Initiative, Participation, Project};
pub use lookup::{PartAt, PartIndex};
pub use municipality::{prefecture_name, Municipality, MunicipalityCode, PREFECTURES};
pub use organization::{Base, District, Office, Publisher, PublisherKind, SubPlan};
pub use period::{FiscalYear, Period, Phase, YearMonth, YearMonthError};
pub use plan::{InitiativeRef, Plan, SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS};
pub use text::{is_blank, Lang, Text};
