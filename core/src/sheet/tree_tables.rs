//! The tables of the plan's tree: levels, nodes at any depth (the plan's and districts'),
//! participations, projects, priority projects, every indicator and target, and the id lists
//! and lineage of every part.

use crate::model::{Indicator, Lineage, NodeRef, Plan};

use super::plan_columns as col;
use super::table::{Cell, Table};

/// Rows gathered in one walk of the tree, in document order.
#[derive(Default)]
struct Rows {
    nodes: Vec<[Cell; 13]>,
    participations: Vec<[Cell; 6]>,
    projects: Vec<[Cell; 10]>,
    indicators: Vec<[Cell; 21]>,
    targets: Vec<[Cell; 6]>,
    links: Vec<[Cell; 3]>,
    lineage: Vec<[Cell; 5]>,
}

impl Rows {
    fn links(&mut self, list: &str, owner: &str, ids: &[crate::Id]) {
        for id in ids {
            self.links
                .push([Cell::text(list), Cell::text(owner), Cell::text(id.to_string())]);
        }
    }

    fn lineage(&mut self, kind: &str, owner: &str, lineage: &[Lineage]) {
        for l in lineage {
            self.lineage.push([
                Cell::text(kind),
                Cell::text(owner),
                Cell::text(l.from.to_string()),
                Cell::text(l.change.labels().0),
                Cell::extensions(&l.extensions),
            ]);
        }
    }

    fn indicators(&mut self, kind: &str, owner: &str, list: &[Indicator]) {
        for ind in list {
            let [name_ja, name_en] = Cell::bilingual(Some(&ind.name));
            let [unit_ja, unit_en] = Cell::bilingual(ind.unit.as_ref());
            let b = ind.baseline.as_ref();
            let [note_ja, note_en] = Cell::bilingual(b.and_then(|b| b.note.as_ref()));
            let [source_ja, source_en] = Cell::bilingual(ind.source.as_ref());
            let [def_ja, def_en] = Cell::bilingual(ind.definition.as_ref());
            self.indicators.push([
                Cell::text(kind),
                Cell::text(owner),
                Cell::text(ind.id.to_string()),
                name_ja,
                name_en,
                unit_ja,
                unit_en,
                Cell::text(ind.kind.map(|k| k.labels().0).unwrap_or_default()),
                Cell::text(ind.value_type.map(|k| k.labels().0).unwrap_or_default()),
                Cell::text(ind.direction.map(|k| k.labels().0).unwrap_or_default()),
                Cell::text(ind.comparator.map(|k| k.labels().0).unwrap_or_default()),
                Cell::int(b.map(|b| b.fiscal_year.0)),
                Cell::quantity(b.map(|b| &b.value)),
                note_ja,
                note_en,
                b.map_or(Cell::Empty, |b| Cell::extensions(&b.extensions)),
                source_ja,
                source_en,
                def_ja,
                def_en,
                Cell::extensions(&ind.extensions),
            ]);
            for t in &ind.targets {
                let [note_ja, note_en] = Cell::bilingual(t.note.as_ref());
                self.targets.push([
                    Cell::text(ind.id.to_string()),
                    Cell::Integer(t.fiscal_year.0.into()),
                    Cell::quantity(Some(&t.value)),
                    note_ja,
                    note_en,
                    Cell::extensions(&t.extensions),
                ]);
            }
            self.lineage("indicator", ind.id.as_str(), &ind.lineage);
        }
    }

    fn node(&mut self, plan: &Plan, r: NodeRef<'_>) {
        let n = r.node;
        let id = n.id.as_str();
        let district = r.at.district().and_then(|d| plan.districts.get(d)).map(|d| &d.id);
        let parent = r.at.parent().and_then(|p| plan.node_at(p)).map(|p| &p.id);
        let [title_ja, title_en] = Cell::bilingual(Some(&n.title));
        let [desc_ja, desc_en] = Cell::bilingual(n.description.as_ref());
        self.nodes.push([
            Cell::id(district),
            Cell::id(parent),
            Cell::text(id),
            Cell::Integer(r.at.depth() as i64 + 1),
            Cell::id(plan.level(r.at.depth()).map(|l| &l.id)),
            Cell::int(n.number),
            Cell::text(plan.label_in(r.at, crate::Lang::Ja)),
            title_ja,
            title_en,
            desc_ja,
            desc_en,
            Cell::flag(n.priority),
            Cell::extensions(&n.extensions),
        ]);
        for p in &n.participants {
            let [role_ja, role_en] = Cell::bilingual(p.role.as_ref());
            self.participations.push([
                Cell::text(id),
                Cell::text(p.actor.to_string()),
                Cell::id(p.sector.as_ref()),
                role_ja,
                role_en,
                Cell::extensions(&p.extensions),
            ]);
        }
        self.links("nodes.challenges", id, &n.challenges);
        self.links("nodes.attributed_to", id, &n.attributed_to);
        self.links("nodes.sub_plans", id, &n.sub_plans);
        self.links("nodes.districts", id, &n.districts);
        self.links("nodes.bases", id, &n.bases);
        self.links("nodes.phases", id, &n.phases);
        self.lineage("node", id, &n.lineage);
        self.indicators("node", id, &n.indicators);
        for p in &n.projects {
            let [title_ja, title_en] = Cell::bilingual(Some(&p.title));
            let [desc_ja, desc_en] = Cell::bilingual(p.description.as_ref());
            let [resp_ja, resp_en] = Cell::bilingual(p.responsible.as_ref());
            self.projects.push([
                Cell::text(id),
                Cell::text(p.id.to_string()),
                Cell::int(p.number),
                title_ja,
                title_en,
                desc_ja,
                desc_en,
                resp_ja,
                resp_en,
                Cell::extensions(&p.extensions),
            ]);
            self.links("projects.attributed_to", p.id.as_str(), &p.attributed_to);
            self.links("projects.phases", p.id.as_str(), &p.phases);
            self.indicators("project", p.id.as_str(), &p.indicators);
        }
    }
}

/// The tree's tables: levels, nodes, participations, projects, priority projects, indicators,
/// targets, links and lineage. Challenges' and voices' links and lineage are added by the
/// caller into the same rows, so each table is whole.
pub(super) fn tree_tables(plan: &Plan) -> [Table; 9] {
    let mut rows = Rows::default();
    rows.indicators("plan", "", &plan.indicators);
    let districts = (0..plan.districts.len()).flat_map(|d| plan.district_nodes(d));
    for r in plan.all_nodes().chain(districts) {
        rows.node(plan, r);
    }
    let mut priority = Vec::new();
    for p in &plan.priority_projects {
        let [title_ja, title_en] = Cell::bilingual(Some(&p.title));
        let [desc_ja, desc_en] = Cell::bilingual(p.description.as_ref());
        priority.push([
            Cell::text(p.id.to_string()),
            Cell::int(p.number),
            title_ja,
            title_en,
            desc_ja,
            desc_en,
            Cell::extensions(&p.extensions),
        ]);
        rows.links("priority_projects.nodes", p.id.as_str(), &p.nodes);
        rows.indicators("priority_project", p.id.as_str(), &p.indicators);
    }
    for s in &plan.sub_plans {
        rows.indicators("sub_plan", s.id.as_str(), &s.indicators);
    }
    for v in &plan.voices {
        rows.links("voices.challenges", v.id.as_str(), &v.challenges);
        rows.links("voices.nodes", v.id.as_str(), &v.nodes);
    }
    for c in plan
        .challenges
        .iter()
        .chain(plan.districts.iter().flat_map(|d| &d.challenges))
    {
        rows.lineage("challenge", c.id.as_str(), &c.lineage);
    }
    let levels = plan
        .levels
        .iter()
        .map(|l| {
            let [name_ja, name_en] = Cell::bilingual(Some(&l.name));
            [
                Cell::text(l.id.to_string()),
                name_ja,
                name_en,
                Cell::text(l.numbering.labels().0),
                Cell::flag(l.running),
                Cell::extensions(&l.extensions),
            ]
        })
        .collect();
    [
        col::LEVELS.table(levels),
        col::NODES.table(rows.nodes),
        col::PARTICIPATIONS.table(rows.participations),
        col::PROJECTS.table(rows.projects),
        col::PRIORITY_PROJECTS.table(priority),
        col::INDICATORS.table(rows.indicators),
        col::TARGETS.table(rows.targets),
        col::LINKS.table(rows.links),
        col::LINEAGE.table(rows.lineage),
    ]
}
