//! `numbering.gap`, `numbering.duplicate`, `numbering.missing`: ordinals run 1, 2, 3 … in
//! order, among siblings or, on a running level (通し番号), through the whole tree; a node of a
//! numbered level has a number.

use crate::error::{Issue, IssueCode, Path};
use crate::model::{Node, NodeAt, NumberStyle, Plan};
use crate::validate::{Context, Rule};

pub struct Numbering;

impl Rule for Numbering {
    fn name(&self) -> &'static str {
        "numbering"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[
            IssueCode::NumberingGap,
            IssueCode::NumberingDuplicate,
            IssueCode::NumberingMissing,
        ]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let p = cx.plan;
        // Paths are built only when a list has a problem: most lists have none.
        siblings(
            out,
            || Path::root().key("challenges"),
            p.challenges.iter().map(|c| Some(c.number)),
        );
        optional(
            out,
            || Path::root().key("priority_projects"),
            p.priority_projects.iter().map(|x| x.number),
        );
        tree(out, p, None, &p.nodes);
        for (d, district) in p.districts.iter().enumerate() {
            let at = || Path::root().key("districts").index(d).key("challenges");
            siblings(out, at, district.challenges.iter().map(|c| Some(c.number)));
            tree(out, p, Some(d), &district.nodes);
        }
    }
}

/// Checks one tree (the plan's, or a district's plan): each level's numbers among siblings,
/// or through the tree for a running level, and each node's projects.
fn tree(out: &mut Vec<Issue>, p: &Plan, district: Option<usize>, top: &[Node]) {
    let mut running_levels = vec![false; p.levels.len()];
    list(
        out,
        p,
        top,
        &|i| Some(NodeAt::top_in(district, i)),
        &mut running_levels,
    );
    // Running numbers count in document order through the whole tree: the tree's own
    // iterator has them in that order.
    for (depth, _) in running_levels.iter().enumerate().filter(|(_, r)| **r) {
        let nodes = match district {
            Some(d) => p.district_nodes(d),
            None => p.all_nodes(),
        };
        numbered(
            out,
            p,
            depth,
            nodes.filter(|r| r.at.depth() == depth).map(|r| (r.at, r.node)),
        );
    }
}

/// One list of siblings (the `i`th at `at(i)`): their numbers, unless their level runs through
/// the tree (then only noted in `running`), and each one's projects; then each one's children,
/// depth first. Recursive (at most five deep: below the fifth level a node has no place, and
/// the structure rule reports it), so that nothing is allocated for the lists of a large tree;
/// paths are made only for issues.
fn list(
    out: &mut Vec<Issue>,
    p: &Plan,
    nodes: &[Node],
    at: &dyn Fn(usize) -> Option<NodeAt>,
    running: &mut [bool],
) {
    let Some(depth) = at(0).map(NodeAt::depth) else {
        return;
    };
    match p.level(depth).map(|l| (l.numbering, l.running)) {
        Some((NumberStyle::None, _)) | None => {}
        Some((_, true)) => {
            if let Some(r) = running.get_mut(depth) {
                *r = true;
            }
        }
        Some((_, false)) => numbered(
            out,
            p,
            depth,
            nodes.iter().enumerate().filter_map(|(i, n)| Some((at(i)?, n))),
        ),
    }
    for (i, node) in nodes.iter().enumerate() {
        if let Some(here) = at(i) {
            optional(
                out,
                || here.path().key("projects"),
                node.projects.iter().map(|x| x.number),
            );
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        if let Some(here) = at(i).filter(|_| !node.children.is_empty()) {
            list(out, p, &node.children, &|j| here.child(j), running);
        }
    }
}

/// A list of nodes of a numbered level at `depth`: each has a number, one more than the one
/// before.
fn numbered<'p>(
    out: &mut Vec<Issue>,
    p: &Plan,
    depth: usize,
    list: impl Iterator<Item = (NodeAt, &'p Node)>,
) {
    let mut prev = 0u32;
    for (at, node) in list {
        let Some(n) = node.number else {
            let name = p.level(depth).map(|l| &l.name);
            out.push(Issue::new(
                IssueCode::NumberingMissing,
                at.path().key("number"),
                format!(
                    "this node of the level “{}” has no `number`; the level is numbered",
                    name.map_or("?", |t| t.get(crate::Lang::En))
                ),
                format!(
                    "{}の番号（number）がありません",
                    name.map_or("項目", |t| t.ja.as_str())
                ),
            ));
            // The missing number takes its place in the count, so the next one is not a gap.
            prev = prev.saturating_add(1);
            continue;
        };
        check_next(out, || at.path().key("number"), &mut prev, n);
    }
}

/// Sibling numbers that are required.
fn siblings(out: &mut Vec<Issue>, list: impl Fn() -> Path, numbers: impl Iterator<Item = Option<u32>>) {
    let mut prev = 0u32;
    for (i, n) in numbers.enumerate() {
        if let Some(n) = n {
            check_next(out, || list().index(i).key("number"), &mut prev, n);
        }
    }
}

/// Sibling numbers that a plan may leave out: checked only when every sibling has one.
fn optional(
    out: &mut Vec<Issue>,
    list: impl Fn() -> Path,
    numbers: impl Iterator<Item = Option<u32>> + Clone,
) {
    if numbers.clone().all(|n| n.is_some()) {
        siblings(out, list, numbers);
    }
}

/// Checks that `n` follows `prev`.
fn check_next(out: &mut Vec<Issue>, at: impl Fn() -> Path, prev: &mut u32, n: u32) {
    if n != 0 && n == *prev {
        out.push(Issue::new(
            IssueCode::NumberingDuplicate,
            at(),
            format!("number `{n}` is used twice in a row"),
            format!("番号 `{n}` が重複しています"),
        ));
    } else if Some(n) != prev.checked_add(1) {
        let want = u64::from(*prev) + 1;
        out.push(Issue::new(
            IssueCode::NumberingGap,
            at(),
            format!("expected number `{want}`, found `{n}`"),
            format!("番号は `{want}` のはずですが `{n}` です"),
        ));
    }
    *prev = n;
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn a_skipped_number_and_a_repeated_number_are_told_apart() {
        let mut p = plan();
        p.nodes[0].children[1].children[2].number = Some(4); // (1)(2)(4)(4)
        p.challenges[5].number = 5; // ①…⑤⑤
        assert_eq!(
            found(&p),
            expect(&[
                ("numbering.duplicate", "/challenges/5/number"),
                ("numbering.gap", "/nodes/0/children/1/children/2/number"),
                ("numbering.duplicate", "/nodes/0/children/1/children/3/number"),
            ])
        );
    }

    #[test]
    fn numbering_must_start_at_one() {
        let mut p = plan();
        for (i, g) in p.nodes.iter_mut().enumerate() {
            g.number = Some(i as u32 + 2);
        }
        assert_eq!(found(&p), expect(&[("numbering.gap", "/nodes/0/number")]));
    }

    #[test]
    fn running_numbers_continue_across_parents_and_missing_ones_are_named() {
        let mut p = plan();
        p.levels[2].running = true;
        // Iizuka restarts at (1) under every target: on a running level that is a gap.
        let issues = found(&p);
        assert_eq!(
            issues.first(),
            Some(&(
                "numbering.duplicate".to_owned(),
                "/nodes/0/children/1/children/0/number".to_owned()
            ))
        );
        let mut n = 0;
        for g in &mut p.nodes {
            for t in &mut g.children {
                for i in &mut t.children {
                    n += 1;
                    i.number = Some(n);
                }
            }
        }
        p.nodes[1].children[0].children[0].number = None;
        assert_eq!(
            found(&p),
            expect(&[("numbering.missing", "/nodes/1/children/0/children/0/number")])
        );
    }
}
