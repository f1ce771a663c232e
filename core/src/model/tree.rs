//! Walking the plan's tree at any depth: where a node sits ([`NodeAt`]), every node in
//! document order, the nodes of one level, and each node's label in the plan's own numbering.

use super::numbering::{ascii_roman, circled, roman};
use super::{Indicator, Lang, Level, Node, NumberStyle, Plan, MAX_LEVELS};
use crate::error::Path;

/// Where a node sits: in the plan's tree or in a district's plan (地区別計画), and its index at
/// each level from the top. Small and `Copy`, so that bindings can hold it instead of a
/// reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NodeAt {
    district: Option<u32>,
    depth: u8,
    idx: [u32; MAX_LEVELS],
}

impl NodeAt {
    /// The `i`th top-level node of the plan's tree.
    pub fn top(i: usize) -> NodeAt {
        NodeAt::top_in(None, i)
    }

    /// The `i`th top-level node of the district at index `district`'s plan, or of the plan's
    /// own tree when `district` is `None`.
    pub fn top_in(district: Option<usize>, i: usize) -> NodeAt {
        let mut idx = [0; MAX_LEVELS];
        idx[0] = to_u32(i);
        NodeAt {
            district: district.map(to_u32),
            depth: 0,
            idx,
        }
    }

    /// The `i`th child of this node; `None` below the fifth level.
    pub fn child(self, i: usize) -> Option<NodeAt> {
        let depth = usize::from(self.depth) + 1;
        let mut next = self;
        *next.idx.get_mut(depth)? = to_u32(i);
        next.depth = depth as u8;
        Some(next)
    }

    /// The parent node; `None` at the top level. The index below the new depth is cleared, so
    /// that a parent reached from a child equals the same node reached from the top (equality
    /// and hashing compare every index).
    pub fn parent(self) -> Option<NodeAt> {
        let depth = self.depth.checked_sub(1)?;
        let mut up = self;
        if let Some(i) = up.idx.get_mut(usize::from(self.depth)) {
            *i = 0;
        }
        up.depth = depth;
        Some(up)
    }

    /// The level, from 0 at the top: an index into `plan.levels`.
    pub fn depth(self) -> usize {
        usize::from(self.depth)
    }

    /// The node's index among its siblings.
    pub fn index(self) -> usize {
        self.indices().last().map_or(0, |&i| i as usize)
    }

    /// The indices from the top level down to this node.
    pub fn indices(&self) -> &[u32] {
        self.idx.get(..=usize::from(self.depth)).unwrap_or_default()
    }

    /// The district (index into `plan.districts`) whose plan holds the node, if any.
    pub fn district(self) -> Option<usize> {
        self.district.map(|d| d as usize)
    }

    /// The node's JSON Pointer in the document: `/nodes/0/children/1`, or
    /// `/districts/2/nodes/0` for a district's plan.
    pub fn path(self) -> Path {
        let mut p = match self.district {
            Some(d) => Path::root().key("districts").index(d as usize).key("nodes"),
            None => Path::root().key("nodes"),
        };
        for (n, &i) in self.indices().iter().enumerate() {
            if n > 0 {
                p = p.key("children");
            }
            p = p.index(i as usize);
        }
        p
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Where an indicator sits: the list that holds it, and its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndicatorAt {
    /// `plan.indicators[i]`.
    Plan(usize),
    /// `node.indicators[i]` of the node at `NodeAt`.
    Node(NodeAt, usize),
    /// `node.projects[k].indicators[i]`.
    Project(NodeAt, usize, usize),
    /// `plan.priority_projects[k].indicators[i]`.
    PriorityProject(usize, usize),
    /// `plan.sub_plans[k].indicators[i]`.
    SubPlan(usize, usize),
}

/// A node and where it sits.
#[derive(Debug, Clone, Copy)]
pub struct NodeRef<'a> {
    /// Where the node sits.
    pub at: NodeAt,
    /// The node.
    pub node: &'a Node,
}

/// Every node of a tree in document order (a parent before its children); nodes below the
/// fifth level, which the validator refuses, are not visited.
pub struct Nodes<'a> {
    stack: Vec<(NodeAt, &'a Node)>,
}

impl<'a> Nodes<'a> {
    fn new(district: Option<usize>, top: &'a [Node]) -> Self {
        let stack = top
            .iter()
            .enumerate()
            .rev()
            .map(|(i, n)| (NodeAt::top_in(district, i), n))
            .collect();
        Nodes { stack }
    }
}

impl<'a> Iterator for Nodes<'a> {
    type Item = NodeRef<'a>;

    fn next(&mut self) -> Option<NodeRef<'a>> {
        let (at, node) = self.stack.pop()?;
        for (i, child) in node.children.iter().enumerate().rev() {
            if let Some(c) = at.child(i) {
                self.stack.push((c, child));
            }
        }
        Some(NodeRef { at, node })
    }
}

impl Plan {
    /// Every node of the plan's own tree, in document order.
    ///
    /// ```
    /// let plan = welfare_plan::iizuka::third_plan();
    /// assert_eq!(plan.all_nodes().count(), 3 + 8 + 19);
    /// ```
    pub fn all_nodes(&self) -> Nodes<'_> {
        Nodes::new(None, &self.nodes)
    }

    /// Every node of the district at index `district`'s own plan, in document order.
    pub fn district_nodes(&self, district: usize) -> Nodes<'_> {
        Nodes::new(
            Some(district),
            self.districts.get(district).map_or(&[][..], |d| &d.nodes),
        )
    }

    /// Every indicator of the plan (its own, its tree's nodes' and their projects', its
    /// priority projects' and sub-plans'), in that order, with where it sits. Progress reports
    /// refer to these.
    pub fn all_indicators(&self) -> impl Iterator<Item = (&Indicator, IndicatorAt)> + '_ {
        let own = self
            .indicators
            .iter()
            .enumerate()
            .map(|(i, x)| (x, IndicatorAt::Plan(i)));
        let tree = self.all_nodes().flat_map(|r| {
            let on_node = r
                .node
                .indicators
                .iter()
                .enumerate()
                .map(move |(i, x)| (x, IndicatorAt::Node(r.at, i)));
            let on_projects = r.node.projects.iter().enumerate().flat_map(move |(k, p)| {
                p.indicators
                    .iter()
                    .enumerate()
                    .map(move |(i, x)| (x, IndicatorAt::Project(r.at, k, i)))
            });
            on_node.chain(on_projects)
        });
        let priority = self.priority_projects.iter().enumerate().flat_map(|(k, p)| {
            p.indicators
                .iter()
                .enumerate()
                .map(move |(i, x)| (x, IndicatorAt::PriorityProject(k, i)))
        });
        let sub_plans = self.sub_plans.iter().enumerate().flat_map(|(k, p)| {
            p.indicators
                .iter()
                .enumerate()
                .map(move |(i, x)| (x, IndicatorAt::SubPlan(k, i)))
        });
        own.chain(tree).chain(priority).chain(sub_plans)
    }

    /// The node at `at`.
    pub fn node_at(&self, at: NodeAt) -> Option<&Node> {
        let top = match at.district() {
            Some(d) => &self.districts.get(d)?.nodes,
            None => &self.nodes,
        };
        let (first, rest) = at.indices().split_first()?;
        let mut node = top.get(*first as usize)?;
        for &i in rest {
            node = node.children.get(i as usize)?;
        }
        Some(node)
    }

    /// The level at index `depth` (0 at the top).
    pub fn level(&self, depth: usize) -> Option<&Level> {
        self.levels.get(depth)
    }

    /// The index of the level with id `id`, such as `goal` or `initiative`.
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id.as_str() == id)
    }

    /// The index of the level with id `id`, or [`crate::Error::UnknownLevel`] naming the plan's
    /// levels: what the bindings say of a level argument the plan does not have.
    ///
    /// ```
    /// let plan = welfare_plan::iizuka::third_plan();
    /// assert_eq!(plan.level_depth("target").unwrap(), 1);
    /// let e = plan.level_depth("goals").unwrap_err().to_string();
    /// assert!(e.starts_with("unknown level `goals`; the plan's levels are `goal`, `target`"), "{e}");
    /// ```
    pub fn level_depth(&self, id: &str) -> Result<usize, crate::Error> {
        self.level_index(id).ok_or_else(|| {
            let known: Vec<String> = self.levels.iter().map(|l| format!("`{}`", l.id)).collect();
            crate::Error::UnknownLevel(crate::preview(id), known.join(", "))
        })
    }

    /// The nodes of the level at index `depth` in the plan's own tree, in document order.
    pub fn nodes_at_depth(&self, depth: usize) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        self.all_nodes().filter(move |r| r.at.depth() == depth)
    }

    /// The nodes of the level with id `level` (such as `goal`); none for an unknown level.
    ///
    /// ```
    /// let plan = welfare_plan::iizuka::third_plan();
    /// assert_eq!(plan.nodes_at_level("target").count(), 8);
    /// ```
    pub fn nodes_at_level<'a>(&'a self, level: &str) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        let depth = self.level_index(level).unwrap_or(usize::MAX);
        self.nodes_at_depth(depth)
    }

    /// The index of the level the plan calls its initiatives (取り組み): `initiative_level`,
    /// or the deepest level.
    pub fn initiative_depth(&self) -> usize {
        self.initiative_level
            .as_ref()
            .and_then(|id| self.level_index(id.as_str()))
            .unwrap_or_else(|| self.levels.len().saturating_sub(1))
    }

    /// Every initiative: the nodes of the plan's initiative level, in document order.
    pub fn initiatives(&self) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        self.nodes_at_depth(self.initiative_depth())
    }

    /// The initiatives in which some actor takes part in the sector with code `sector`.
    pub fn initiatives_in_sector<'a>(&'a self, sector: &'a str) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        self.initiatives().filter(move |r| {
            r.node
                .participants
                .iter()
                .any(|p| p.sector.as_ref().is_some_and(|s| s.as_str() == sector))
        })
    }

    /// The initiatives that address the challenge `challenge_id`.
    pub fn initiatives_addressing<'a>(
        &'a self,
        challenge_id: &'a str,
    ) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        self.initiatives()
            .filter(move |r| r.node.challenges.iter().any(|c| c.as_str() == challenge_id))
    }

    /// The node's label in the plan's numbering, in Japanese and English: 基本目標Ⅰ / Basic
    /// goal I, 活動目標1, (1), ①, 1-2; empty for an unnumbered node.
    ///
    /// ```
    /// use welfare_plan::NodeAt;
    /// let plan = welfare_plan::iizuka::third_plan();
    /// let at = NodeAt::top(0).child(1).and_then(|t| t.child(2)).unwrap();
    /// assert_eq!(plan.label(NodeAt::top(0)).0, "基本目標Ⅰ");
    /// assert_eq!(plan.label(at.parent().unwrap()).0, "活動目標2");
    /// assert_eq!(plan.label(at).0, "(3)");
    /// ```
    pub fn label(&self, at: NodeAt) -> (String, String) {
        (self.label_in(at, Lang::Ja), self.label_in(at, Lang::En))
    }

    /// [`Plan::label`] in `lang` alone: a table of thousands of rows makes one label per row.
    pub fn label_in(&self, at: NodeAt, lang: Lang) -> String {
        let (Some(level), Some(node)) = (self.level(at.depth()), self.node_at(at)) else {
            return String::new();
        };
        let Some(n) = node.number else {
            return String::new();
        };
        let name = level.name.get(lang);
        match (level.numbering, lang) {
            (NumberStyle::Roman, Lang::Ja) => format!("{name}{}", roman(n)),
            (NumberStyle::Roman, Lang::En) => format!("{name} {}", ascii_roman(n)),
            (NumberStyle::Arabic, Lang::Ja) => format!("{name}{n}"),
            (NumberStyle::Arabic, Lang::En) => format!("{name} {n}"),
            (NumberStyle::Parenthesized, _) => format!("({n})"),
            (NumberStyle::Circled, _) => circled(n),
            (NumberStyle::Compound, _) => {
                let mut parts = Vec::new();
                let mut cur = Some(at);
                while let Some(a) = cur {
                    if let Some(k) = self.node_at(a).and_then(|x| x.number) {
                        parts.push(k.to_string());
                    }
                    cur = a.parent();
                }
                parts.reverse();
                parts.join("-")
            }
            (NumberStyle::None, _) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NodeAt;

    #[test]
    fn a_parent_reached_from_any_child_is_the_same_node() {
        let goal = NodeAt::top(1);
        let target = goal.child(0).and_then(|t| t.child(3));
        let sibling = goal.child(2);
        assert_eq!(
            target.and_then(NodeAt::parent).and_then(NodeAt::parent),
            Some(goal)
        );
        assert_eq!(sibling.and_then(NodeAt::parent), Some(goal));
        assert_eq!(
            target.and_then(NodeAt::parent),
            goal.child(0),
            "the grandchild's index is not kept below the parent's depth"
        );
    }
}
