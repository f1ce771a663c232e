//! Every part of a document that Python can hold, in one list: the borrowed [`Part`] a location
//! resolves to, the class that shows it, the document ([`Root`]) it belongs to, and the module's
//! registration of those classes, so a new core type is one more line here and one `view!`
//! declaration.

use std::any::Any;
use std::sync::Arc;

use pyo3::prelude::*;
use welfare_plan::{NodeAt, PartAt};

use crate::progress::SharedProgress;
use crate::report::SharedReport;
use crate::view::{child, Loc, PyValue, Root, SharedPlan, Step};
use crate::views::*;

/// Every core type a view shows, under one path for the macros: the plan's model, and the
/// report's and the evaluation's types from `welfare_plan::report`.
pub mod model {
    pub use welfare_plan::report::{
        Actual, EnteredGrade, IndicatorSeries, IndicatorYear, NodeGrade, NodeReport, NodeSeries, NodeYear,
        Opinion, PlanRef, Progress, ProgressReport, SectorSeries,
    };
    pub use welfare_plan::*;
}

/// A core type that holds parts: the step into one of them by field name (and index, for a
/// list), with the field name as the format spells it. Written by `accessors!`.
pub trait Walk {
    /// The part at `field` (and `index`), or `None` if there is none.
    fn walk(&self, field: &str, index: Option<usize>) -> Option<(&'static str, Part<'_>)>;
}

/// A core type that Python sees through a view class.
pub trait HasView {
    /// The document its parts belong to.
    type Root: Root;
    /// The value as a part.
    fn part(&self) -> Part<'_>;
    /// The view of the part of this type at `loc`.
    fn view<'py>(py: Python<'py>, root: &Arc<Self::Root>, loc: Loc) -> PyResult<Bound<'py, PyAny>>;
}

/// The view of the part of type `T` at `loc` in `root`, when `root` is the kind of document
/// `T` belongs to.
fn view_in<'py, T: HasView, R: Root>(
    py: Python<'py>,
    root: &Arc<R>,
    loc: Loc,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    match (root as &dyn Any).downcast_ref::<Arc<T::Root>>() {
        Some(root) => T::view(py, root, loc).map(Some),
        None => Ok(None),
    }
}

macro_rules! parts {
    ($($root:ident: [$($variant:ident => $view:ident),* $(,)?]);* $(;)?) => {
        /// A part of a document, borrowed: what a location resolves to.
        #[derive(Clone, Copy)]
        pub enum Part<'p> {
            /// A plan, where the locations of its parts start.
            Plan(&'p model::Plan),
            /// A progress report, where the locations of its parts start.
            Report(&'p model::ProgressReport),
            /// An evaluation over reports, where the locations of its results start.
            Progress(&'p model::Progress),
            $($(
                #[doc = concat!("A `", stringify!($variant), "`.")]
                $variant(&'p model::$variant),
            )*)*
        }

        impl<'p> Part<'p> {
            /// The Python class name of the part.
            pub fn kind(self) -> &'static str {
                match self {
                    Part::Plan(_) => "Plan",
                    Part::Report(_) => "ProgressReport",
                    Part::Progress(_) => "Progress",
                    $($(Part::$variant(_) => stringify!($variant),)*)*
                }
            }

            /// One step in: the part at `field` (and `index`) of this one.
            pub fn walk(self, field: &str, index: Option<usize>) -> Option<(&'static str, Part<'p>)> {
                match self {
                    Part::Plan(x) => x.walk(field, index),
                    Part::Report(x) => x.walk(field, index),
                    Part::Progress(x) => x.walk(field, index),
                    $($(Part::$variant(x) => x.walk(field, index),)*)*
                }
            }

            /// The view of this part, which is at `loc` in `root`; `None` for a document
            /// itself, which is no view, and for a part of another kind of document.
            pub fn view<'py, R: Root>(
                self,
                py: Python<'py>,
                root: &Arc<R>,
                loc: Loc,
            ) -> PyResult<Option<Bound<'py, PyAny>>> {
                match self {
                    Part::Plan(_) | Part::Report(_) | Part::Progress(_) => Ok(None),
                    $($(Part::$variant(_) => view_in::<model::$variant, R>(py, root, loc),)*)*
                }
            }
        }

        $($(
            impl HasView for model::$variant {
                type Root = $root;

                fn part(&self) -> Part<'_> {
                    Part::$variant(self)
                }

                fn view<'py>(py: Python<'py>, root: &Arc<$root>, loc: Loc) -> PyValue<'py> {
                    Ok(Bound::new(py, $view::new_at(Arc::clone(root), loc))?.into_any())
                }
            }

            impl $crate::expose::Owned for model::$variant {
                type Item = Self;

                fn nth(&self, index: Option<usize>) -> Option<&Self> {
                    index.is_none().then_some(self)
                }

                fn views<'py>(
                    &self,
                    py: Python<'py>,
                    root: &Arc<$root>,
                    loc: &[Step],
                    field: &'static str,
                ) -> PyResult<Bound<'py, PyAny>> {
                    Self::view(py, root, child(loc, field, None))
                }
            }
        )*)*

        /// Adds every view class to the module.
        pub fn add_classes(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $($(m.add_class::<$view>()?;)*)*
            Ok(())
        }
    };
}

parts! {
    SharedPlan: [
        Municipality => PyMunicipality,
        Period => PyPeriod,
        Phase => PyPhase,
        Revision => PyRevision,
        Publisher => PyPublisher,
        Office => PyOffice,
        Philosophy => PyPhilosophy,
        HelpModel => PyHelpModel,
        SectorDefinition => PySectorDefinition,
        Section => PySection,
        Challenge => PyChallenge,
        Voice => PyVoice,
        Level => PyLevel,
        Node => PyNode,
        Participation => PyParticipation,
        Project => PyProject,
        PriorityProject => PyPriorityProject,
        Indicator => PyIndicator,
        Observation => PyObservation,
        Lineage => PyLineage,
        Actor => PyActor,
        SubPlan => PySubPlan,
        District => PyDistrict,
        Figure => PyFigure,
        Base => PyBase,
        Source => PySource,
        Evaluation => PyEvaluation,
        GradeScale => PyGradeScale,
        Grade => PyGrade,
        GradeCondition => PyGradeCondition,
        NodeGrading => PyNodeGrading,
    ];
    SharedReport: [
        PlanRef => PyPlanRef,
        Actual => PyActual,
        NodeReport => PyNodeReport,
        EnteredGrade => PyEnteredGrade,
        Opinion => PyOpinion,
    ];
    SharedProgress: [
        IndicatorSeries => PyIndicatorSeries,
        IndicatorYear => PyIndicatorYear,
        NodeSeries => PyNodeSeries,
        NodeYear => PyNodeYear,
        NodeGrade => PyNodeGrade,
        SectorSeries => PySectorSeries,
    ];
}

/// The location a JSON Pointer names (`/nodes/0/children/1`) from the document `root`, and the
/// part there; `None` when the pointer names no part of it. Unpickling reads views' locations
/// this way.
pub fn parse_pointer<'p>(root: Part<'p>, pointer: &str) -> Option<(Loc, Part<'p>)> {
    let mut part = root;
    let mut loc = Vec::new();
    if pointer.is_empty() {
        return Some((loc.into(), part));
    }
    let mut segments = pointer.strip_prefix('/')?.split('/').peekable();
    while let Some(key) = segments.next() {
        let index = match segments.peek() {
            Some(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                let i = s.parse().ok()?;
                segments.next();
                Some(i)
            }
            _ => None,
        };
        let (field, next) = part.walk(key, index)?;
        loc.push(Step { field, index });
        part = next;
    }
    Some((loc.into(), part))
}

/// The location of the node at `at` (in the plan's tree or a district's).
pub fn node_loc(at: NodeAt) -> Loc {
    let district = at.district().map(|d| Step {
        field: "districts",
        index: Some(d),
    });
    let path = at.indices().iter().enumerate().map(|(n, &i)| Step {
        field: if n == 0 { "nodes" } else { "children" },
        index: Some(i as usize),
    });
    district.into_iter().chain(path).collect()
}

/// Where the node at `loc` sits, as the core's tree functions take it.
pub fn node_at(loc: &[Step]) -> Option<NodeAt> {
    let (district, rest) = match loc {
        [Step {
            field: "districts",
            index: Some(d),
        }, rest @ ..] => (Some(*d), rest),
        _ => (None, loc),
    };
    let (first, below) = rest.split_first()?;
    if first.field != "nodes" {
        return None;
    }
    let mut at = NodeAt::top_in(district, first.index?);
    for s in below {
        if s.field != "children" {
            return None;
        }
        at = at.child(s.index?)?;
    }
    Some(at)
}

/// A type whose parts other parts refer to by id.
pub trait Findable: HasView<Root = SharedPlan> {
    /// Where the part with id `id` is.
    fn find(plan: &SharedPlan, id: &str) -> Option<Loc>;
}

/// One step from the root.
fn at_root(field: &'static str, index: usize) -> Loc {
    child(&[], field, Some(index))
}

/// The location of a part the core's id index found.
pub fn part_loc(at: PartAt) -> Loc {
    match at {
        PartAt::Node(n) => node_loc(n),
        PartAt::Challenge(None, c) => at_root("challenges", c),
        PartAt::Challenge(Some(d), c) => child(&at_root("districts", d), "challenges", Some(c)),
        PartAt::Actor(a) => at_root("actors", a),
        PartAt::Publisher(p) => at_root("publishers", p),
        PartAt::District(d) => at_root("districts", d),
    }
}

/// `Findable` through the core's id index, for the kinds of part it covers.
macro_rules! indexed {
    ($($t:ident: $pat:pat),* $(,)?) => {
        $(
            impl Findable for welfare_plan::$t {
                fn find(plan: &SharedPlan, id: &str) -> Option<Loc> {
                    plan.part(id).filter(|at| matches!(at, $pat)).map(part_loc)
                }
            }
        )*
    };
}

indexed! {
    Node: PartAt::Node(_),
    Challenge: PartAt::Challenge(..),
    Actor: PartAt::Actor(_),
    Publisher: PartAt::Publisher(_),
    District: PartAt::District(_),
}

// The core's id index does not cover sub-plans, bases and phases; they are few, so a scan.

impl Findable for welfare_plan::SubPlan {
    fn find(plan: &SharedPlan, id: &str) -> Option<Loc> {
        let i = plan.sub_plans.iter().position(|s| s.id.as_str() == id)?;
        Some(at_root("sub_plans", i))
    }
}

impl Findable for welfare_plan::Base {
    fn find(plan: &SharedPlan, id: &str) -> Option<Loc> {
        let i = plan.bases.iter().position(|b| b.id.as_str() == id)?;
        Some(at_root("bases", i))
    }
}

impl Findable for welfare_plan::Phase {
    fn find(plan: &SharedPlan, id: &str) -> Option<Loc> {
        let i = plan.period.phases.iter().position(|p| p.id.as_str() == id)?;
        Some(child(&child(&[], "period", None), "phases", Some(i)))
    }
}

impl Findable for welfare_plan::GradeScale {
    fn find(plan: &SharedPlan, id: &str) -> Option<Loc> {
        let scales = &plan.evaluation.as_ref()?.scales;
        let i = scales.iter().position(|s| s.id.as_str() == id)?;
        Some(child(&child(&[], "evaluation", None), "scales", Some(i)))
    }
}

impl Findable for welfare_plan::Indicator {
    fn find(plan: &SharedPlan, id: &str) -> Option<Loc> {
        plan.indicator(id)
    }
}

/// Where every indicator of `plan` is, by id: the first of an id in the core's order
/// (`Plan::all_indicators`, the order progress reports are read in), as a location here.
pub fn indicator_locs(plan: &welfare_plan::Plan) -> std::collections::HashMap<String, Loc> {
    use welfare_plan::IndicatorAt;
    let mut out = std::collections::HashMap::new();
    for (ind, at) in plan.all_indicators() {
        out.entry(ind.id.to_string()).or_insert_with(|| match at {
            IndicatorAt::Plan(i) => child(&Loc::default(), "indicators", Some(i)),
            IndicatorAt::Node(n, i) => child(&node_loc(n), "indicators", Some(i)),
            IndicatorAt::Project(n, k, i) => {
                child(&child(&node_loc(n), "projects", Some(k)), "indicators", Some(i))
            }
            IndicatorAt::PriorityProject(k, i) => {
                child(&at_root("priority_projects", k), "indicators", Some(i))
            }
            IndicatorAt::SubPlan(k, i) => child(&at_root("sub_plans", k), "indicators", Some(i)),
        });
    }
    out
}

/// The view of the part at `loc`, if a part other than the plan is there.
pub fn view_at<'py>(
    py: Python<'py>,
    plan: &Arc<SharedPlan>,
    loc: Loc,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    match plan.resolve(&loc) {
        Some(part) => part.view(py, plan, loc),
        None => Ok(None),
    }
}
