//! A plan's tables back into its JSON document, the mirror of `plan_tables.rs`: every row
//! taken by its owner, every value with the cell it came from.

use rustc_hash::FxHashMap;

use super::codes::CodeList;
use super::part::Part;
use super::read::ReadTable;
use super::row::{Ctx, Row};
use super::tree_import::{Groups, Tree};

/// The tables read, by key; a table the workbook lacks is empty.
pub(crate) struct Tables {
    pub by_key: FxHashMap<String, ReadTable>,
    empty: ReadTable,
}

impl Tables {
    pub(crate) fn new(by_key: FxHashMap<String, ReadTable>, empty: ReadTable) -> Tables {
        Tables { by_key, empty }
    }

    /// The table `key`, or an empty one.
    pub(crate) fn get(&self, key: &str) -> &ReadTable {
        self.by_key.get(key).unwrap_or(&self.empty)
    }
}

fn rows<'t>(tables: &'t Tables, key: &str) -> Vec<Row<'t>> {
    let rows: Vec<Row<'t>> = Row::all(tables.get(key)).collect();
    for r in &rows {
        r.take();
    }
    rows
}

/// The plan's document rebuilt from `tables`.
pub(crate) fn plan_document(tables: &Tables, ctx: &mut Ctx) -> Part {
    let plan = tables.get("plan");
    let mut tree = Tree::new(|k| tables.get(k));
    let mut phases = Groups::new(tables.get("phases"), &["sub_plan"]);
    let mut challenges = Groups::new(tables.get("challenges"), &["district"]);
    let mut root = Part::new(plan.at(0, "id"));
    if let Some(row) = Row::all(plan).next() {
        row.take();
        root.text(ctx, row, "schema_version", "schema_version");
        root.text(ctx, row, "id", "id");
        root.bilingual(ctx, row, "title", "title", true);
        root.int(ctx, row, "edition", "edition");
        let mut m = Part::new(row.at("municipality_code"));
        m.text(ctx, row, "municipality_code", "code");
        m.bilingual(ctx, row, "municipality", "name", true);
        m.bilingual(ctx, row, "prefecture", "prefecture", true);
        m.extensions(ctx, row, "municipality_extensions", "extensions");
        root.child("municipality", m);
        let mut p = period(ctx, row, "period_extensions");
        for r in phases.take("") {
            p.push("phases", phase(ctx, r));
        }
        root.child("period", p);
        root.text(ctx, row, "published", "published");
        let mut ph = Part::new(row.at("philosophy_ja"));
        ph.bilingual(ctx, row, "philosophy", "statement", true);
        ph.bilingual(ctx, row, "subtitle", "subtitle", false);
        ph.bilingual(ctx, row, "explanation", "explanation", false);
        ph.extensions(ctx, row, "philosophy_extensions", "extensions");
        root.child("philosophy", ph);
        let mut hm = Part::new(row.at("help_model_kind"));
        hm.code(ctx, row, "help_model_kind", "kind", CodeList::HelpModelKind);
        hm.extensions(ctx, row, "help_model_extensions", "extensions");
        for r in rows(tables, "sectors") {
            let mut s = Part::new(r.at("sector"));
            s.text(ctx, r, "sector", "sector");
            s.bilingual(ctx, r, "label", "label", false);
            s.bilingual(ctx, r, "definition", "definition", true);
            s.extensions(ctx, r, "extensions", "extensions");
            hm.push("sectors", s);
        }
        if !hm.is_empty() {
            hm.list("sectors");
            root.child("help_model", hm);
        }
        root.text(ctx, row, "initiative_level", "initiative_level");
        let mut ev = Part::new(row.at("evaluation_extensions"));
        ev.extensions(ctx, row, "evaluation_extensions", "extensions");
        scales(tables, ctx, &mut ev);
        if !ev.is_empty() {
            ev.list("scales");
            root.child("evaluation", ev);
        }
        root.extensions(ctx, row, "extensions", "extensions");
    }
    for r in rows(tables, "revisions") {
        let mut x = Part::new(r.at("published"));
        x.text(ctx, r, "published", "published");
        x.bilingual(ctx, r, "description", "description", true);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("revisions", x);
    }
    root.list("publishers");
    for r in rows(tables, "publishers") {
        root.push("publishers", publisher(ctx, r));
    }
    for r in rows(tables, "overview") {
        let mut x = Part::new(r.at("id"));
        x.text(ctx, r, "id", "id");
        x.bilingual(ctx, r, "heading", "heading", false);
        x.bilingual(ctx, r, "body", "body", true);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("overview", x);
    }
    for r in challenges.take("") {
        let c = challenge(&mut tree, ctx, r);
        root.push("challenges", c);
    }
    for r in rows(tables, "voices") {
        let id = r.id("id");
        let mut x = Part::new(r.at("id"));
        x.text(ctx, r, "id", "id");
        x.bilingual(ctx, r, "text", "text", true);
        tree.ids(&mut x, "voices.challenges", &id, "challenges");
        tree.ids(&mut x, "voices.nodes", &id, "nodes");
        x.flag(ctx, r, "editorial_links", "editorial_links");
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("voices", x);
    }
    root.list("levels");
    for r in rows(tables, "levels") {
        let mut x = Part::new(r.at("id"));
        x.text(ctx, r, "id", "id");
        x.bilingual(ctx, r, "name", "name", true);
        x.code(ctx, r, "numbering", "numbering", CodeList::NumberStyle);
        x.flag(ctx, r, "running", "running");
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("levels", x);
    }
    let nodes = tables.get("nodes");
    let mut district_roots: FxHashMap<String, Vec<Row<'_>>> = FxHashMap::default();
    let mut plan_roots = Vec::new();
    for r in Row::all(nodes).filter(|r| r.id("parent").is_empty()) {
        match r.id("district") {
            d if d.is_empty() => plan_roots.push(r),
            d => district_roots.entry(d).or_default().push(r),
        }
    }
    root.list("nodes");
    for r in plan_roots {
        let n = tree.node(ctx, r, 0);
        root.push("nodes", n);
    }
    for r in rows(tables, "priority_projects") {
        let id = r.id("id");
        let mut x = Part::new(r.at("id"));
        x.text(ctx, r, "id", "id");
        x.int(ctx, r, "number", "number");
        x.bilingual(ctx, r, "title", "title", true);
        x.bilingual(ctx, r, "description", "description", false);
        x.list("nodes");
        tree.ids(&mut x, "priority_projects.nodes", &id, "nodes");
        tree.indicators(ctx, &mut x, "priority_project", &id);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("priority_projects", x);
    }
    tree.indicators(ctx, &mut root, "plan", "");
    for r in rows(tables, "actors") {
        let mut x = Part::new(r.at("id"));
        x.text(ctx, r, "id", "id");
        x.code(ctx, r, "kind", "kind", CodeList::ActorKind);
        x.bilingual(ctx, r, "name", "name", true);
        x.text(ctx, r, "sector", "sector");
        x.text(ctx, r, "publisher", "publisher");
        x.bilingual(ctx, r, "description", "description", false);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("actors", x);
    }
    for r in rows(tables, "sub_plans") {
        let id = r.id("id");
        let mut x = Part::new(r.at("id"));
        x.text(ctx, r, "id", "id");
        x.bilingual(ctx, r, "title", "title", true);
        x.bilingual(ctx, r, "legal_basis", "legal_basis", false);
        x.bilingual(ctx, r, "description", "description", false);
        let mut p = period(ctx, r, "period_extensions");
        for ph in phases.take(&id) {
            p.push("phases", phase(ctx, ph));
        }
        if !p.is_empty() {
            x.child("period", p);
        }
        tree.indicators(ctx, &mut x, "sub_plan", &id);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("sub_plans", x);
    }
    let mut figures = Groups::new(tables.get("figures"), &["district"]);
    for r in rows(tables, "districts") {
        let id = r.id("id");
        let mut x = Part::new(r.at("id"));
        x.text(ctx, r, "id", "id");
        x.bilingual(ctx, r, "name", "name", true);
        x.text(ctx, r, "parent", "parent");
        x.bilingual(ctx, r, "layer", "layer", false);
        x.bilingual(ctx, r, "description", "description", false);
        for f in figures.take(&id) {
            let mut y = Part::new(f.at("name_ja"));
            y.bilingual(ctx, f, "name", "name", true);
            y.int(ctx, f, "fiscal_year", "fiscal_year");
            y.quantity(ctx, f, "value", "value");
            y.bilingual(ctx, f, "unit", "unit", false);
            y.extensions(ctx, f, "extensions", "extensions");
            x.push("figures", y);
        }
        for c in challenges.take(&id) {
            let c = challenge(&mut tree, ctx, c);
            x.push("challenges", c);
        }
        for n in district_roots.remove(&id).unwrap_or_default() {
            let n = tree.node(ctx, n, 0);
            x.push("nodes", n);
        }
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("districts", x);
    }
    for r in rows(tables, "bases") {
        let mut x = Part::new(r.at("id"));
        x.text(ctx, r, "id", "id");
        x.bilingual(ctx, r, "name", "name", true);
        x.text(ctx, r, "district", "district");
        x.bilingual(ctx, r, "description", "description", false);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("bases", x);
    }
    for r in rows(tables, "sources") {
        let mut x = Part::new(r.at("title_ja"));
        x.bilingual(ctx, r, "title", "title", true);
        x.text(ctx, r, "url", "url");
        x.bilingual(ctx, r, "note", "note", false);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("sources", x);
    }
    root
}

/// A period's years and extensions from a row (the plan's, or a sub-plan's).
fn period(ctx: &mut Ctx, row: Row<'_>, extensions: &str) -> Part {
    let mut p = Part::new(row.at("start_fiscal_year"));
    p.int(ctx, row, "start_fiscal_year", "start_fiscal_year");
    p.int(ctx, row, "end_fiscal_year", "end_fiscal_year");
    p.int(
        ctx,
        row,
        "mid_term_review_fiscal_year",
        "mid_term_review_fiscal_year",
    );
    p.extensions(ctx, row, extensions, "extensions");
    p
}

fn phase(ctx: &mut Ctx, r: Row<'_>) -> Part {
    let mut x = Part::new(r.at("id"));
    x.text(ctx, r, "id", "id");
    x.bilingual(ctx, r, "name", "name", true);
    x.int(ctx, r, "start_fiscal_year", "start_fiscal_year");
    x.int(ctx, r, "end_fiscal_year", "end_fiscal_year");
    x.extensions(ctx, r, "extensions", "extensions");
    x
}

fn challenge(tree: &mut Tree<'_>, ctx: &mut Ctx, r: Row<'_>) -> Part {
    let id = r.id("id");
    let mut x = Part::new(r.at("id"));
    x.text(ctx, r, "id", "id");
    x.int(ctx, r, "number", "number");
    x.bilingual(ctx, r, "title", "title", true);
    x.bilingual(ctx, r, "description", "description", false);
    tree.lineage(ctx, &mut x, "challenge", &id);
    x.extensions(ctx, r, "extensions", "extensions");
    x
}

fn publisher(ctx: &mut Ctx, r: Row<'_>) -> Part {
    let mut x = Part::new(r.at("id"));
    x.text(ctx, r, "id", "id");
    x.code(ctx, r, "kind", "kind", CodeList::PublisherKind);
    x.bilingual(ctx, r, "name", "name", true);
    let mut o = Part::new(r.at("office_organization_ja"));
    o.bilingual(ctx, r, "office_organization", "organization", false);
    o.bilingual(ctx, r, "office_department", "department", false);
    o.bilingual(ctx, r, "office_division", "division", false);
    o.bilingual(ctx, r, "office_section", "section", false);
    o.extensions(ctx, r, "office_extensions", "extensions");
    if !o.is_empty() {
        x.child("office", o);
    }
    x.extensions(ctx, r, "extensions", "extensions");
    x
}

fn scales(tables: &Tables, ctx: &mut Ctx, ev: &mut Part) {
    let mut grades = Groups::new(tables.get("grades"), &["scale"]);
    let mut conditions = Groups::new(tables.get("grade_conditions"), &["scale"]);
    for r in rows(tables, "scales") {
        let id = r.id("id");
        let mut s = Part::new(r.at("id"));
        s.text(ctx, r, "id", "id");
        s.bilingual(ctx, r, "name", "name", true);
        s.list("grades");
        for g in grades.take(&id) {
            let mut x = Part::new(g.at("code"));
            x.text(ctx, g, "code", "code");
            x.bilingual(ctx, g, "label", "label", true);
            x.bilingual(ctx, g, "definition", "definition", false);
            x.number(ctx, g, "score", "score");
            x.extensions(ctx, g, "extensions", "extensions");
            s.push("grades", x);
        }
        for c in conditions.take(&id) {
            let mut x = Part::new(c.at("when"));
            x.code(ctx, c, "when", "when", CodeList::Condition);
            x.number(ctx, c, "value", "value");
            x.flag(ctx, c, "relative", "relative");
            x.text(ctx, c, "grade", "grade");
            s.push("indicator_conditions", x);
        }
        let mut n = Part::new(r.at("node_method"));
        n.code(ctx, r, "node_method", "method", CodeList::Rollup);
        n.text(ctx, r, "node_from", "from");
        if !n.is_empty() {
            s.child("nodes", n);
        }
        s.extensions(ctx, r, "extensions", "extensions");
        ev.push("scales", s);
    }
}
