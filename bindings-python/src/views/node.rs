//! The plan's own tree: levels (基本目標, 活動目標 …), nodes at any depth, the participations,
//! projects (事業) and priority projects (重点プロジェクト) hung on it.

use std::sync::Arc;

use pyo3::prelude::*;
use welfare_plan::{NodeAt, NodeRef};

use crate::part::{node_at, node_loc, HasView};
use crate::text::PyText;
use crate::view::{child, gone, view, PyValue, PyViews, SharedPlan};

/// Views of the nodes that a core iterator yields.
pub fn node_views<'a, 'py>(
    py: Python<'py>,
    plan: &Arc<SharedPlan>,
    nodes: impl Iterator<Item = NodeRef<'a>>,
) -> PyViews<'py> {
    nodes
        .map(|r| welfare_plan::Node::view(py, plan, node_loc(r.at)))
        .collect()
}

view! {
    /// One level of the plan's tree, as the plan names and numbers it: 基本目標 (roman,
    /// 基本目標Ⅰ), 活動目標 (arabic), 具体的取り組み (parenthesized, (1)) ….
    ///
    /// ```python
    /// print([(l.id, l.name.ja, l.numbering) for l in plan.levels])
    /// ```
    PyLevel as "Level" => Level;
    repr: ["id", "name", "numbering"];
    fields: [id, name, numbering, running, extensions];
    parts: [];
    refs: [];
    {}
}

view! {
    /// A node of the plan's tree at any depth (a basic goal, an activity target, an initiative
    /// …), or of a district's plan. Its `level` says what the plan calls it, and `label` is its
    /// number in the level's numbering (基本目標Ⅰ, 活動目標1, (1), ①, 1-2).
    ///
    /// ```python
    /// for goal in plan.nodes:
    ///     for target in goal.children:
    ///         print(goal.label.ja, target.label.ja, [i.title.ja for i in target.children])
    /// ```
    PyNode as "Node" => Node;
    repr: ["id", "number", "title"];
    fields: [id, number, title, description, priority, extensions];
    parts: [participants, projects, indicators, lineage, children];
    refs: [
        challenges / challenge_ids => welfare_plan::Challenge,
        attributed_to / attributed_to_ids => welfare_plan::Publisher,
        sub_plans / sub_plan_ids => welfare_plan::SubPlan,
        districts / district_ids => welfare_plan::District,
        bases / base_ids => welfare_plan::Base,
        phases / phase_ids => welfare_plan::Phase,
    ];
    {
        /// Its label in its level's numbering, in Japanese and English: 基本目標Ⅰ / Basic goal
        /// I, 活動目標1, (1); empty for an unnumbered node.
        #[getter]
        fn label(&self) -> PyResult<PyText> {
            Ok(PyText::label(self.plan.label(self.at()?)))
        }

        /// Its depth in the tree, from 0 at the top: the index of its level.
        #[getter]
        fn depth(&self) -> PyResult<usize> {
            Ok(self.at()?.depth())
        }

        /// The level it belongs to, such as 基本目標.
        #[getter]
        fn level<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            let depth = self.at()?.depth();
            self.plan.level(depth).ok_or_else(gone)?;
            welfare_plan::Level::view(py, &self.plan, child(&[], "levels", Some(depth)))
        }

        /// The node it is under, or `None` at the top level.
        #[getter]
        fn parent<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            match self.at()?.parent() {
                Some(up) => Ok(Some(welfare_plan::Node::view(py, &self.plan, node_loc(up))?)),
                None => Ok(None),
            }
        }

        /// The initiatives (nodes of the plan's initiative level) in its subtree, itself
        /// included when it is one, in document order.
        fn initiatives<'py>(&self, py: Python<'py>) -> PyViews<'py> {
            let here = self.at()?;
            let depth = self.plan.initiative_depth();
            let tree = match here.district() {
                Some(d) => self.plan.district_nodes(d),
                None => self.plan.all_nodes(),
            };
            let under = tree.filter(|r| r.at.depth() == depth && r.at.indices().starts_with(here.indices()));
            node_views(py, &self.plan, under)
        }
    }
}

impl PyNode {
    /// Where the node sits, as the core's tree functions take it.
    fn at(&self) -> PyResult<NodeAt> {
        node_at(&self.loc).ok_or_else(gone)
    }
}

view! {
    /// An actor's part in a node, and the sector of the help model it acts in there, if the
    /// plan says (`None` in a plan without a help model).
    PyParticipation as "Participation" => Participation;
    repr: ["actor", "sector"];
    fields: [sector, role, extensions];
    parts: [];
    refs: [actor / actor_id => welfare_plan::Actor];
    {}
}

view! {
    /// A concrete project (事業) under a node, with who it is attributed to in a joint plan,
    /// the phases it runs in and its indicators.
    PyProject as "Project" => Project;
    repr: ["id", "number", "title"];
    fields: [id, number, title, description, responsible, extensions];
    parts: [indicators];
    refs: [
        attributed_to / attributed_to_ids => welfare_plan::Publisher,
        phases / phase_ids => welfare_plan::Phase,
    ];
    {}
}

view! {
    /// A cross-cutting priority project (重点プロジェクト) that bundles nodes from several goals.
    ///
    /// ```python
    /// for p in plan.priority_projects:
    ///     print(p.title.ja, [n.label.ja for n in p.nodes])
    /// ```
    PyPriorityProject as "PriorityProject" => PriorityProject;
    repr: ["id", "number", "title"];
    fields: [id, number, title, description, extensions];
    parts: [indicators];
    refs: [nodes / node_ids => welfare_plan::Node];
    {}
}
