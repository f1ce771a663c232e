//! The view classes, one file per file of the core's model (`core/src/model/`), and one each
//! for a progress report's parts and an evaluation's results (`core/src/report/`). Each class is
//! a `view!` declaration that names the core type's fields; the few accessors written by hand
//! are what the core computes (labels, lookups), not what the document holds.

mod actor;
mod challenge;
mod document;
mod evaluation;
mod help;
mod indicator;
mod lineage;
mod municipality;
mod node;
mod organization;
mod period;
mod progress;
mod report;

pub use actor::PyActor;
pub use challenge::{PyChallenge, PyVoice};
pub use document::{PyPhilosophy, PySection, PySource};
pub use evaluation::{PyEvaluation, PyGrade, PyGradeCondition, PyGradeScale, PyNodeGrading};
pub use help::{PyHelpModel, PySectorDefinition};
pub use indicator::{PyIndicator, PyObservation};
pub use lineage::PyLineage;
pub use municipality::PyMunicipality;
pub use node::{node_views, PyLevel, PyNode, PyParticipation, PyPriorityProject, PyProject};
pub use organization::{PyBase, PyDistrict, PyFigure, PyOffice, PyPublisher, PySubPlan};
pub use period::{PyPeriod, PyPhase, PyRevision};
pub use progress::{
    PyIndicatorSeries, PyIndicatorYear, PyNodeGrade, PyNodeSeries, PyNodeYear, PySectorSeries,
};
pub use report::{PyActual, PyEnteredGrade, PyNodeReport, PyOpinion, PyPlanRef};
