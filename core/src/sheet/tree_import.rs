//! The plan's tree back from its tables: nodes at any depth (a parent before or after its
//! children), with their participations, projects, indicators and targets, id lists and
//! lineage, each found by its owner's id.

use rustc_hash::FxHashMap;

use super::codes::CodeList;
use super::part::Part;
use super::read::ReadTable;
use super::row::{Ctx, Row};

/// The deepest tree rebuilt: far past the five levels a plan may declare, and shallow enough
/// that the rebuilt JSON stays within the parser's nesting limit.
pub(crate) const MAX_TREE_DEPTH: usize = 32;

/// The rows of a table grouped by the text of some of its columns, in row order, each group
/// taken once: a second owner with the same id gets nothing, and a group no owner takes is
/// left for the stray-row report.
pub(crate) struct Groups<'t> {
    by: FxHashMap<String, Vec<Row<'t>>>,
}

/// Two owner columns as one group key.
pub(crate) fn join(a: &str, b: &str) -> String {
    format!("{a}\u{1f}{b}")
}

impl<'t> Groups<'t> {
    /// `t`'s rows grouped by column `col`, or by two columns joined.
    pub(crate) fn new(t: &'t ReadTable, cols: &[&str]) -> Groups<'t> {
        let mut by: FxHashMap<String, Vec<Row<'t>>> = FxHashMap::default();
        for row in Row::all(t) {
            let key = match cols {
                [a, b] => join(&row.id(a), &row.id(b)),
                _ => cols.first().map(|c| row.id(c)).unwrap_or_default(),
            };
            by.entry(key).or_default().push(row);
        }
        Groups { by }
    }

    /// The rows of group `key`, marked taken; empty the second time.
    pub(crate) fn take(&mut self, key: &str) -> Vec<Row<'t>> {
        let rows = self.by.remove(key).unwrap_or_default();
        for r in &rows {
            r.take();
        }
        rows
    }
}

/// The id lists of the `links` table: (list, the field it fills).
const NODE_LINKS: [(&str, &str); 6] = [
    ("nodes.challenges", "challenges"),
    ("nodes.attributed_to", "attributed_to"),
    ("nodes.sub_plans", "sub_plans"),
    ("nodes.districts", "districts"),
    ("nodes.bases", "bases"),
    ("nodes.phases", "phases"),
];
const PROJECT_LINKS: [(&str, &str); 2] = [
    ("projects.attributed_to", "attributed_to"),
    ("projects.phases", "phases"),
];

/// The groups every part of the tree draws from.
pub(crate) struct Tree<'t> {
    pub children: Groups<'t>,
    participations: Groups<'t>,
    projects: Groups<'t>,
    pub links: Groups<'t>,
    indicators: Groups<'t>,
    targets: Groups<'t>,
    lineage: Groups<'t>,
}

impl<'t> Tree<'t> {
    /// The groups, from the tables by key.
    pub(crate) fn new(get: impl Fn(&str) -> &'t ReadTable) -> Tree<'t> {
        Tree {
            children: Groups::new(get("nodes"), &["parent"]),
            participations: Groups::new(get("participations"), &["node"]),
            projects: Groups::new(get("projects"), &["node"]),
            links: Groups::new(get("links"), &["list", "owner"]),
            indicators: Groups::new(get("indicators"), &["owner_kind", "owner"]),
            targets: Groups::new(get("targets"), &["indicator"]),
            lineage: Groups::new(get("lineage"), &["owner_kind", "owner"]),
        }
    }

    /// Appends the ids of list `list` owned by `owner` to `part`'s field `field`.
    pub(crate) fn ids(&mut self, part: &mut Part, list: &str, owner: &str, field: &'static str) {
        for r in self.links.take(&join(list, owner)) {
            part.push_id(field, r.id("target"), r.at("target"));
        }
    }

    /// A node of the nodes table, with everything that hangs on it, its children to
    /// [`MAX_TREE_DEPTH`].
    pub(crate) fn node(&mut self, ctx: &mut Ctx, row: Row<'_>, depth: usize) -> Part {
        row.take();
        let id = row.id("id");
        let mut p = Part::new(row.at("id"));
        p.text(ctx, row, "id", "id");
        p.int(ctx, row, "number", "number");
        p.bilingual(ctx, row, "title", "title", true);
        p.bilingual(ctx, row, "description", "description", false);
        p.flag(ctx, row, "priority", "priority");
        for r in self.participations.take(&id) {
            let mut q = Part::new(r.at("actor"));
            q.text(ctx, r, "actor", "actor");
            q.text(ctx, r, "sector", "sector");
            q.bilingual(ctx, r, "role", "role", false);
            q.extensions(ctx, r, "extensions", "extensions");
            p.push("participants", q);
        }
        for (list, field) in NODE_LINKS {
            self.ids(&mut p, list, &id, field);
        }
        for r in self.projects.take(&id) {
            let project = self.project(ctx, r);
            p.push("projects", project);
        }
        self.indicators(ctx, &mut p, "node", &id);
        self.lineage(ctx, &mut p, "node", &id);
        if depth < MAX_TREE_DEPTH {
            for r in self.children.take(&id) {
                let child = self.node(ctx, r, depth + 1);
                p.push("children", child);
            }
        }
        p.extensions(ctx, row, "extensions", "extensions");
        p
    }

    fn project(&mut self, ctx: &mut Ctx, row: Row<'_>) -> Part {
        let id = row.id("id");
        let mut p = Part::new(row.at("id"));
        p.text(ctx, row, "id", "id");
        p.int(ctx, row, "number", "number");
        p.bilingual(ctx, row, "title", "title", true);
        p.bilingual(ctx, row, "description", "description", false);
        p.bilingual(ctx, row, "responsible", "responsible", false);
        for (list, field) in PROJECT_LINKS {
            self.ids(&mut p, list, &id, field);
        }
        self.indicators(ctx, &mut p, "project", &id);
        p.extensions(ctx, row, "extensions", "extensions");
        p
    }

    /// Appends the indicators hung on the `kind` `owner` (`plan` and `` for the plan's own).
    pub(crate) fn indicators(&mut self, ctx: &mut Ctx, part: &mut Part, kind: &str, owner: &str) {
        for row in self.indicators.take(&join(kind, owner)) {
            let id = row.id("id");
            let mut p = Part::new(row.at("id"));
            p.text(ctx, row, "id", "id");
            p.bilingual(ctx, row, "name", "name", true);
            p.bilingual(ctx, row, "unit", "unit", false);
            p.code(ctx, row, "kind", "kind", CodeList::IndicatorKind);
            p.code(ctx, row, "value_type", "value_type", CodeList::ValueType);
            p.code(ctx, row, "direction", "direction", CodeList::Direction);
            p.code(ctx, row, "comparator", "comparator", CodeList::Comparator);
            let mut b = Part::new(row.at("baseline_fiscal_year"));
            b.int(ctx, row, "baseline_fiscal_year", "fiscal_year");
            b.quantity(ctx, row, "baseline_value", "value");
            b.bilingual(ctx, row, "baseline_note", "note", false);
            b.extensions(ctx, row, "baseline_extensions", "extensions");
            if !b.is_empty() {
                p.child("baseline", b);
            }
            for r in self.targets.take(&id) {
                let mut t = Part::new(r.at("fiscal_year"));
                t.int(ctx, r, "fiscal_year", "fiscal_year");
                t.quantity(ctx, r, "value", "value");
                t.bilingual(ctx, r, "note", "note", false);
                t.extensions(ctx, r, "extensions", "extensions");
                p.push("targets", t);
            }
            p.bilingual(ctx, row, "source", "source", false);
            p.bilingual(ctx, row, "definition", "definition", false);
            self.lineage(ctx, &mut p, "indicator", &id);
            p.extensions(ctx, row, "extensions", "extensions");
            part.push("indicators", p);
        }
    }

    /// Appends the lineage of the `kind` `owner`.
    pub(crate) fn lineage(&mut self, ctx: &mut Ctx, part: &mut Part, kind: &str, owner: &str) {
        for r in self.lineage.take(&join(kind, owner)) {
            let mut l = Part::new(r.at("from"));
            l.text(ctx, r, "from", "from");
            l.code(ctx, r, "change", "change", CodeList::LineageChange);
            l.extensions(ctx, r, "extensions", "extensions");
            part.push("lineage", l);
        }
    }
}
