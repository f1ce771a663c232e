//! `structure.levels`, `structure.too_deep`: the plan declares one to five levels with
//! distinct ids, and no node sits deeper than the levels declared.

use crate::error::{Issue, IssueCode, Path, PathSegment};
use crate::model::{Node, MAX_LEVELS};
use crate::validate::{Context, Rule};

pub struct Structure;

impl Rule for Structure {
    fn name(&self) -> &'static str {
        "structure"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::StructureLevels, IssueCode::StructureTooDeep]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let p = cx.plan;
        let n = p.levels.len();
        if n == 0 || n > MAX_LEVELS {
            out.push(Issue::new(
                IssueCode::StructureLevels,
                Path::root().key("levels"),
                format!("a plan declares one to {MAX_LEVELS} levels; this one declares {n}"),
                format!("階層は1～{MAX_LEVELS}段で定めます（{n}段あります）"),
            ));
        }
        for (i, level) in p.levels.iter().enumerate() {
            if let Some(first) = p.levels.iter().position(|l| l.id == level.id).filter(|&f| f < i) {
                out.push(Issue::new(
                    IssueCode::StructureLevels,
                    Path::root().key("levels").index(i).key("id"),
                    format!("level id `{}` is already used by level {}", level.id, first + 1),
                    format!("階層のID `{}` は{}段目で既に使われています", level.id, first + 1),
                ));
            }
        }
        let deepest = n.max(1);
        let mut at = Path::root().key("nodes");
        too_deep(out, &p.nodes, 1, deepest, &mut at);
        for (d, district) in p.districts.iter().enumerate() {
            let mut at = Path::root().key("districts").index(d).key("nodes");
            too_deep(out, &district.nodes, 1, deepest, &mut at);
        }
    }
}

/// Reports the first node below the deepest level on each branch (its own children are not
/// reported again). `list` is the path of `nodes`, extended and restored in place: a path is
/// copied only for a node that is reported, not for each of a large plan's nodes.
fn too_deep(out: &mut Vec<Issue>, nodes: &[Node], depth: usize, deepest: usize, list: &mut Path) {
    for (i, node) in nodes.iter().enumerate() {
        if depth > deepest {
            out.push(Issue::new(
                IssueCode::StructureTooDeep,
                list.clone().index(i),
                format!("this node is at level {depth}, but the plan declares {deepest} levels"),
                format!("この項目は{depth}段目ですが、計画の階層は{deepest}段です"),
            ));
        } else if !node.children.is_empty() {
            list.0.push(PathSegment::Index(i));
            list.0.push(PathSegment::from("children"));
            too_deep(out, &node.children, depth + 1, deepest, list);
            list.0.truncate(list.0.len().saturating_sub(2));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Plan;
    use crate::validate::rules::testing::*;

    /// (code, path) of the plan's issues of this rule.
    fn structure_issues(p: &Plan) -> Vec<(String, String)> {
        found(p)
            .into_iter()
            .filter(|(c, _)| c.starts_with("structure."))
            .collect()
    }

    #[test]
    fn a_child_below_the_last_level_is_too_deep() {
        let mut p = plan();
        let extra = p.nodes[0].children[0].clone();
        p.nodes[0].children[0].children[0].children.push(extra);
        assert_eq!(
            structure_issues(&p),
            expect(&[("structure.too_deep", "/nodes/0/children/0/children/0/children/0")])
        );
    }

    #[test]
    fn each_branch_reports_its_own_too_deep_node_at_its_own_path() {
        // The path is extended and restored in place: a report after a deeper branch must not
        // carry that branch's segments.
        let mut p = plan();
        let extra = p.nodes[0].children[0].clone();
        p.nodes[0].children[1].children[2].children.push(extra.clone());
        p.nodes[2].children[0].children[0].children.push(extra.clone());
        p.nodes[2].children[0].children[0].children.push(extra);
        assert_eq!(
            structure_issues(&p),
            expect(&[
                ("structure.too_deep", "/nodes/0/children/1/children/2/children/0"),
                ("structure.too_deep", "/nodes/2/children/0/children/0/children/0"),
                ("structure.too_deep", "/nodes/2/children/0/children/0/children/1"),
            ])
        );
    }

    #[test]
    fn six_levels_are_too_many() {
        let mut p = plan();
        for i in 0..3 {
            let mut l = p.levels[0].clone();
            l.id = format!("extra-{i}").as_str().into();
            p.levels.push(l);
        }
        assert_eq!(found(&p), expect(&[("structure.levels", "/levels")]));
    }
}
