//! The view classes, one file per file of the core's model (`core/src/model/`). Each class is
//! a `view!` declaration that names the core type's fields; the few accessors written by hand
//! are what the core computes (labels, lookups), not what the document holds.

mod actor;
mod challenge;
mod document;
mod help;
mod indicator;
mod municipality;
mod node;
mod organization;
mod period;

pub use actor::PyActor;
pub use challenge::{PyChallenge, PyVoice};
pub use document::{PyPhilosophy, PySection, PySource};
pub use help::{PyHelpModel, PySectorDefinition};
pub use indicator::{PyIndicator, PyObservation};
pub use municipality::PyMunicipality;
pub use node::{node_views, PyLevel, PyNode, PyParticipation, PyPriorityProject, PyProject};
pub use organization::{PyBase, PyDistrict, PyFigure, PyOffice, PyPublisher, PySubPlan};
pub use period::{PyPeriod, PyPhase, PyRevision};
