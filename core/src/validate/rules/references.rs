//! `reference.dangling`: a reference that names no part of the kind it should.

use crate::error::{Issue, IssueCode};
use crate::model::{Id, Plan};
use crate::preview;
use crate::validate::walk::{paths_of, Counted, Kind, Stack, Visitor, Visits};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

pub struct References;

impl Rule for References {
    fn name(&self) -> &'static str {
        "references"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::DanglingReference]
    }

    fn visitor<'p>(&self, _plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Refs { refs: Vec::new() }))
    }
}

/// The references seen, resolved after the walk: a reference may point forwards.
///
/// Each is kept as a copy (a short id, as most are, is copied inline), not a pointer into the
/// plan: resolving after the walk then reads this list in order instead of going back to every
/// reference's place in a large plan, long out of cache (measured: a tenth of the validation
/// of 10,000 initiatives).
struct Refs {
    refs: Vec<(Id, Kind)>,
}

impl<'p> Visitor<'p> for Refs {
    fn visits(&self) -> Visits {
        Visits::REFERENCE
    }

    fn reference(&mut self, id: &'p Id, want: Kind, _from: Kind, _path: &Stack) {
        self.refs.push((id.clone(), want));
    }
}

impl<'p> RuleVisitor<'p> for Refs {
    fn finish(self: Box<Self>, cx: &Context<'p>, out: &mut Vec<Issue>) {
        let bad: Vec<(u32, &str, Kind, Option<Kind>)> = self
            .refs
            .iter()
            .enumerate()
            .filter_map(|(n, (id, want))| {
                let found = cx.ids.resolve(id.as_str(), *want).err()?;
                Some((u32::try_from(n).unwrap_or(u32::MAX), id.as_str(), *want, found))
            })
            .collect();
        if bad.is_empty() {
            return;
        }
        let visits: Vec<u32> = bad.iter().map(|b| b.0).collect();
        let paths = paths_of(cx.plan, Counted::References, &visits);
        for (n, id, want, found) in bad {
            let (want_en, want_ja) = want.names();
            let id = preview(id);
            let (en, ja) = match found {
                Some(other) => {
                    let (other_en, other_ja) = other.names();
                    (
                        format!("`{id}` names {}, not {}", article(other_en), article(want_en)),
                        format!("`{id}` は{other_ja}のIDで、{want_ja}ではありません"),
                    )
                }
                None => (
                    format!("no {want_en} has id `{id}`"),
                    format!("ID `{id}` の{want_ja}はありません"),
                ),
            };
            let path = paths.get(&n).cloned().unwrap_or_default();
            out.push(Issue::new(IssueCode::DanglingReference, path, en, ja));
        }
    }
}

/// "an actor", "a basic goal": the English article for a noun.
fn article(noun: &str) -> String {
    let vowel = noun.chars().next().is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    use crate::model::Id;
    use crate::validate::rules::testing::*;

    #[test]
    fn unknown_ids_and_ids_of_the_wrong_kind_both_dangle() {
        let mut p = plan();
        let ini = &mut p.nodes[0].children[0].children[0];
        ini.challenges = vec![Id::from("c99"), Id::from("g1")];
        let issues = crate::validate(&p);
        let codes: Vec<_> = found(&p)
            .into_iter()
            .filter(|(c, _)| c == "reference.dangling")
            .collect();
        assert_eq!(
            codes,
            expect(&[
                (
                    "reference.dangling",
                    "/nodes/0/children/0/children/0/challenges/0"
                ),
                (
                    "reference.dangling",
                    "/nodes/0/children/0/children/0/challenges/1"
                ),
            ])
        );
        assert!(issues
            .iter()
            .any(|i| i.message_en == "`g1` names a plan item, not a challenge"));
    }

    #[test]
    fn references_may_point_forwards() {
        // Voices come before the nodes in the document and refer to them.
        let p = plan();
        assert!(!p.voices.iter().all(|v| v.nodes.is_empty()));
        assert_eq!(found(&p), expect(&[]));
    }
}
