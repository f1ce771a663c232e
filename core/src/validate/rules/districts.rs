//! `district.cycle`: a district's parents lead back to it, so the hierarchy (圏域 > 地区 >
//! 小学校区) has no top.

use rustc_hash::FxHashMap;

use crate::error::{Issue, IssueCode, Path};
use crate::validate::{Context, Rule};

pub struct Districts;

impl Rule for Districts {
    fn name(&self) -> &'static str {
        "districts"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::DistrictCycle]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let districts = &cx.plan.districts;
        if districts.iter().all(|d| d.parent.is_none()) {
            return;
        }
        let index: FxHashMap<&str, usize> = districts
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let parent = |i: usize| {
            districts
                .get(i)
                .and_then(|d| d.parent.as_ref())
                .and_then(|p| index.get(p.as_str()).copied())
        };
        for (i, d) in districts.iter().enumerate() {
            // Follows at most as many parents as there are districts: a longer chain loops.
            let mut cur = parent(i);
            let mut steps = 0;
            while let Some(c) = cur {
                if c == i {
                    out.push(Issue::new(
                        IssueCode::DistrictCycle,
                        Path::root().key("districts").index(i).key("parent"),
                        format!("district `{}` lies, through its parents, inside itself", d.id),
                        format!("地区 `{}` の上位の地区をたどると、それ自身に戻ります", d.id),
                    ));
                    break;
                }
                steps += 1;
                if steps > districts.len() {
                    break;
                }
                cur = parent(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{District, Text};
    use crate::validate::rules::testing::*;

    #[test]
    fn two_districts_that_are_each_others_parent_are_both_reported() {
        let mut p = plan();
        let d = |id: &str, parent: &str| District {
            id: id.into(),
            name: Text::new(id, None),
            parent: Some(parent.into()),
            layer: None,
            description: None,
            figures: Vec::new(),
            challenges: Vec::new(),
            nodes: Vec::new(),
            extensions: Default::default(),
        };
        p.districts = vec![d("north", "south"), d("south", "north")];
        assert_eq!(
            found(&p),
            expect(&[
                ("district.cycle", "/districts/0/parent"),
                ("district.cycle", "/districts/1/parent"),
            ])
        );
    }
}
