//! Reports of the previous edition read in the terms of the next, so that an indicator's
//! series runs across editions (第2期の実績 → 第3期の計画).
//!
//! A part of the new plan names what it continues in its `lineage`; a part that keeps its id
//! continues itself. Values follow a part that continues one part (unchanged, reworded,
//! moved); a split or merged part starts a new series, since the old value measured something
//! else.

use rustc_hash::FxHashMap;

use super::model::{Opinion, PlanRef, ProgressReport};
use super::plan_hash;
use crate::model::{Id, Lineage, LineageChange, Plan};

/// The previous edition's reports (`old_reports`, of `old_plan`) as reports of `new_plan`:
/// each observation and node entry whose part the new plan continues is renamed to the new id,
/// grades on scales the new plan lacks are dropped, and everything else is left out. Pass them
/// to [`super::evaluate`] with the new plan's own reports to see the series across both
/// editions.
///
/// ```
/// use welfare_plan::report::{carry_over, evaluate};
/// let plan = welfare_plan::iizuka::third_plan();
/// assert!(carry_over(&plan, &plan, &[]).is_empty());
/// ```
pub fn carry_over(new_plan: &Plan, old_plan: &Plan, old_reports: &[ProgressReport]) -> Vec<ProgressReport> {
    let indicators = renames(
        new_plan.all_indicators().map(|(i, _)| (&i.id, &i.lineage[..])),
        old_plan.all_indicators().map(|(i, _)| &i.id),
    );
    let nodes = renames(
        new_plan.all_nodes().map(|r| (&r.node.id, &r.node.lineage[..])),
        old_plan.all_nodes().map(|r| &r.node.id),
    );
    let scales: Vec<&Id> = new_plan
        .evaluation
        .iter()
        .flat_map(|e| &e.scales)
        .map(|s| &s.id)
        .collect();
    let to = PlanRef {
        id: new_plan.id.clone(),
        edition: new_plan.edition,
        hash: plan_hash(new_plan),
    };
    old_reports
        .iter()
        .map(|r| {
            let mut out = r.clone();
            out.plan = to.clone();
            out.observations = r
                .observations
                .iter()
                .filter_map(|a| {
                    let mut a = a.clone();
                    a.indicator = (*indicators.get(&a.indicator)?).clone();
                    Some(a)
                })
                .collect();
            out.nodes = r
                .nodes
                .iter()
                .filter_map(|n| {
                    let mut n = n.clone();
                    n.node = (*nodes.get(&n.node)?).clone();
                    n.grades.retain(|g| scales.contains(&&g.scale));
                    Some(n)
                })
                .collect();
            out.opinions = r
                .opinions
                .iter()
                .map(|o| Opinion {
                    nodes: o
                        .nodes
                        .iter()
                        .filter_map(|id| nodes.get(id).map(|n| (*n).clone()))
                        .collect(),
                    ..o.clone()
                })
                .collect();
            out
        })
        .collect()
}

/// Old id → new id for each old part that exactly one new part continues one to one: by
/// lineage (unchanged, reworded, moved) or by keeping its id.
fn renames<'a>(
    new: impl Iterator<Item = (&'a Id, &'a [Lineage])>,
    old: impl Iterator<Item = &'a Id>,
) -> FxHashMap<&'a Id, &'a Id> {
    let old: rustc_hash::FxHashSet<&Id> = old.collect();
    let mut claims: FxHashMap<&Id, Vec<&Id>> = FxHashMap::default();
    for (id, lineage) in new {
        let declared: Vec<&Id> = lineage
            .iter()
            .filter(|l| !matches!(l.change, LineageChange::Merged | LineageChange::Split))
            .map(|l| &l.from)
            .collect();
        let split_or_merged = lineage
            .iter()
            .any(|l| matches!(l.change, LineageChange::Merged | LineageChange::Split));
        let from = if declared.is_empty() && !split_or_merged && old.contains(&id) {
            vec![id]
        } else {
            declared
        };
        for f in from {
            claims.entry(f).or_default().push(id);
        }
    }
    claims
        .into_iter()
        .filter_map(|(from, to)| match to.as_slice() {
            [one] => Some((from, *one)),
            _ => None,
        })
        .collect()
}
