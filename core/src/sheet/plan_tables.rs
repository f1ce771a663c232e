//! A plan as tables: every field of the document in one table or another, so that the import
//! can rebuild the same canonical JSON from them.

use crate::model::{Challenge, Period, Plan, Text};

use super::plan_columns as col;
use super::table::{Cell, Table};
use super::tree_tables::tree_tables;

/// Every table of `plan`, in the order a reader wants them (the plan, then its tree, then the
/// lists it refers to). Empty tables are included, with their headings, so that a city can
/// fill them in.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let tables = welfare_plan::sheet::plan_tables(&plan);
/// let nodes = tables.iter().find(|t| t.key() == "nodes").unwrap();
/// assert_eq!(nodes.rows().len(), plan.all_nodes().count());
/// ```
pub fn plan_tables(plan: &Plan) -> Vec<Table> {
    let [levels, nodes, participations, projects, priority_projects, indicators, targets, links, lineage] =
        tree_tables(plan);
    let mut out = vec![
        plan_row(plan),
        levels,
        nodes,
        participations,
        projects,
        priority_projects,
        indicators,
        targets,
    ];
    out.push(challenges(plan));
    out.push(actors(plan));
    out.push(sectors(plan));
    out.push(publishers(plan));
    out.extend(evaluation(plan));
    out.push(sub_plans(plan));
    out.push(phases(plan));
    out.extend(districts(plan));
    out.push(voices(plan));
    out.push(overview(plan));
    out.push(revisions(plan));
    out.push(sources(plan));
    out.push(links);
    out.push(lineage);
    out
}

fn ja_en(t: Option<&Text>) -> [Cell; 2] {
    Cell::bilingual(t)
}

fn code(labels: Option<(&'static str, &'static str, &'static str)>) -> Cell {
    Cell::text(labels.map(|l| l.0).unwrap_or_default())
}

fn plan_row(p: &Plan) -> Table {
    let m = &p.municipality;
    let [title_ja, title_en] = ja_en(Some(&p.title));
    let [muni_ja, muni_en] = ja_en(Some(&m.name));
    let [pref_ja, pref_en] = ja_en(Some(&m.prefecture));
    let ph = &p.philosophy;
    let [phil_ja, phil_en] = ja_en(Some(&ph.statement));
    let [sub_ja, sub_en] = ja_en(ph.subtitle.as_ref());
    let [exp_ja, exp_en] = ja_en(ph.explanation.as_ref());
    let hm = p.help_model.as_ref();
    col::PLAN.table(vec![[
        Cell::text(p.schema_version.clone()),
        Cell::text(p.id.to_string()),
        title_ja,
        title_en,
        Cell::int(p.edition),
        Cell::text(m.code.0.clone()),
        muni_ja,
        muni_en,
        pref_ja,
        pref_en,
        Cell::extensions(&m.extensions),
        Cell::Integer(p.period.start_fiscal_year.0.into()),
        Cell::Integer(p.period.end_fiscal_year.0.into()),
        Cell::int(p.period.mid_term_review_fiscal_year.map(|y| y.0)),
        Cell::extensions(&p.period.extensions),
        Cell::text(p.published.map(|m| m.to_string()).unwrap_or_default()),
        phil_ja,
        phil_en,
        sub_ja,
        sub_en,
        exp_ja,
        exp_en,
        Cell::extensions(&ph.extensions),
        code(hm.map(|h| h.kind.labels())),
        hm.map_or(Cell::Empty, |h| Cell::extensions(&h.extensions)),
        Cell::id(p.initiative_level.as_ref()),
        p.evaluation
            .as_ref()
            .map_or(Cell::Empty, |e| Cell::extensions(&e.extensions)),
        Cell::extensions(&p.extensions),
    ]])
}

fn revisions(p: &Plan) -> Table {
    col::REVISIONS.table(
        p.revisions
            .iter()
            .map(|r| {
                let [ja, en] = ja_en(Some(&r.description));
                [
                    Cell::text(r.published.to_string()),
                    ja,
                    en,
                    Cell::extensions(&r.extensions),
                ]
            })
            .collect(),
    )
}

fn publishers(p: &Plan) -> Table {
    col::PUBLISHERS.table(
        p.publishers
            .iter()
            .map(|x| {
                let [name_ja, name_en] = ja_en(Some(&x.name));
                let o = x.office.as_ref();
                let [org_ja, org_en] = ja_en(o.and_then(|o| o.organization.as_ref()));
                let [dep_ja, dep_en] = ja_en(o.and_then(|o| o.department.as_ref()));
                let [div_ja, div_en] = ja_en(o.and_then(|o| o.division.as_ref()));
                let [sec_ja, sec_en] = ja_en(o.and_then(|o| o.section.as_ref()));
                let bare = o.is_some_and(|o| {
                    o.organization.is_none()
                        && o.department.is_none()
                        && o.division.is_none()
                        && o.section.is_none()
                        && o.extensions.is_empty()
                });
                let office_ext = match o {
                    // An office with nothing in it still exists: `{}` says so.
                    Some(_) if bare => Cell::text("{}"),
                    Some(o) => Cell::extensions(&o.extensions),
                    None => Cell::Empty,
                };
                [
                    Cell::text(x.id.to_string()),
                    code(Some(x.kind.labels())),
                    name_ja,
                    name_en,
                    org_ja,
                    org_en,
                    dep_ja,
                    dep_en,
                    div_ja,
                    div_en,
                    sec_ja,
                    sec_en,
                    office_ext,
                    Cell::extensions(&x.extensions),
                ]
            })
            .collect(),
    )
}

fn overview(p: &Plan) -> Table {
    col::OVERVIEW.table(
        p.overview
            .iter()
            .map(|s| {
                let [h_ja, h_en] = ja_en(s.heading.as_ref());
                let [b_ja, b_en] = ja_en(Some(&s.body));
                [
                    Cell::text(s.id.to_string()),
                    h_ja,
                    h_en,
                    b_ja,
                    b_en,
                    Cell::extensions(&s.extensions),
                ]
            })
            .collect(),
    )
}

fn sectors(p: &Plan) -> Table {
    col::SECTORS.table(
        p.help_model
            .iter()
            .flat_map(|m| &m.sectors)
            .map(|s| {
                let [l_ja, l_en] = ja_en(s.label.as_ref());
                let [d_ja, d_en] = ja_en(Some(&s.definition));
                [
                    Cell::text(s.sector.to_string()),
                    l_ja,
                    l_en,
                    d_ja,
                    d_en,
                    Cell::extensions(&s.extensions),
                ]
            })
            .collect(),
    )
}

fn challenges(p: &Plan) -> Table {
    let row = |district: Option<&crate::Id>, c: &Challenge| {
        let [t_ja, t_en] = ja_en(Some(&c.title));
        let [d_ja, d_en] = ja_en(c.description.as_ref());
        [
            Cell::id(district),
            Cell::text(c.id.to_string()),
            Cell::Integer(c.number.into()),
            t_ja,
            t_en,
            d_ja,
            d_en,
            Cell::extensions(&c.extensions),
        ]
    };
    let own = p.challenges.iter().map(|c| row(None, c));
    let districts = p
        .districts
        .iter()
        .flat_map(|d| d.challenges.iter().map(move |c| row(Some(&d.id), c)));
    col::CHALLENGES.table(own.chain(districts).collect())
}

fn voices(p: &Plan) -> Table {
    col::VOICES.table(
        p.voices
            .iter()
            .map(|v| {
                let [ja, en] = ja_en(Some(&v.text));
                [
                    Cell::text(v.id.to_string()),
                    ja,
                    en,
                    Cell::flag(v.editorial_links),
                    Cell::extensions(&v.extensions),
                ]
            })
            .collect(),
    )
}

fn evaluation(p: &Plan) -> [Table; 3] {
    let scales = p.evaluation.iter().flat_map(|e| &e.scales);
    let mut rows = (Vec::new(), Vec::new(), Vec::new());
    for s in scales {
        let [n_ja, n_en] = ja_en(Some(&s.name));
        rows.0.push([
            Cell::text(s.id.to_string()),
            n_ja,
            n_en,
            code(s.nodes.as_ref().map(|n| n.method.labels())),
            Cell::id(s.nodes.as_ref().and_then(|n| n.from.as_ref())),
            Cell::extensions(&s.extensions),
        ]);
        for g in &s.grades {
            let [l_ja, l_en] = ja_en(Some(&g.label));
            let [d_ja, d_en] = ja_en(g.definition.as_ref());
            rows.1.push([
                Cell::text(s.id.to_string()),
                Cell::text(g.code.clone()),
                l_ja,
                l_en,
                d_ja,
                d_en,
                g.score.map_or(Cell::Empty, whole_or_number),
                Cell::extensions(&g.extensions),
            ]);
        }
        for c in &s.indicator_conditions {
            rows.2.push([
                Cell::text(s.id.to_string()),
                code(Some(c.when.labels())),
                c.value.map_or(Cell::Empty, whole_or_number),
                Cell::flag(c.relative),
                Cell::text(c.grade.clone()),
            ]);
        }
    }
    [
        col::SCALES.table(rows.0),
        col::GRADES.table(rows.1),
        col::GRADE_CONDITIONS.table(rows.2),
    ]
}

/// Scores and thresholds are written as integers when whole, as the canonical JSON writes them
/// (see `whole_as_integer` in the model).
fn whole_or_number(x: f64) -> Cell {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if x.fract() == 0.0 && x.abs() < EXACT {
        Cell::Integer(x as i64)
    } else {
        Cell::Number(x)
    }
}

fn actors(p: &Plan) -> Table {
    col::ACTORS.table(
        p.actors
            .iter()
            .map(|a| {
                let [n_ja, n_en] = ja_en(Some(&a.name));
                let [d_ja, d_en] = ja_en(a.description.as_ref());
                [
                    Cell::text(a.id.to_string()),
                    code(Some(a.kind.labels())),
                    n_ja,
                    n_en,
                    Cell::id(a.sector.as_ref()),
                    Cell::id(a.publisher.as_ref()),
                    d_ja,
                    d_en,
                    Cell::extensions(&a.extensions),
                ]
            })
            .collect(),
    )
}

fn period_cells(period: Option<&Period>) -> [Cell; 4] {
    match period {
        None => [Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty],
        Some(p) => [
            Cell::Integer(p.start_fiscal_year.0.into()),
            Cell::Integer(p.end_fiscal_year.0.into()),
            Cell::int(p.mid_term_review_fiscal_year.map(|y| y.0)),
            Cell::extensions(&p.extensions),
        ],
    }
}

fn sub_plans(p: &Plan) -> Table {
    col::SUB_PLANS.table(
        p.sub_plans
            .iter()
            .map(|s| {
                let [t_ja, t_en] = ja_en(Some(&s.title));
                let [l_ja, l_en] = ja_en(s.legal_basis.as_ref());
                let [d_ja, d_en] = ja_en(s.description.as_ref());
                let [start, end, review, period_ext] = period_cells(s.period.as_ref());
                [
                    Cell::text(s.id.to_string()),
                    t_ja,
                    t_en,
                    l_ja,
                    l_en,
                    d_ja,
                    d_en,
                    start,
                    end,
                    review,
                    period_ext,
                    Cell::extensions(&s.extensions),
                ]
            })
            .collect(),
    )
}

fn phases(p: &Plan) -> Table {
    let own = p.period.phases.iter().map(|ph| (None, ph));
    let subs = p.sub_plans.iter().flat_map(|s| {
        s.period
            .iter()
            .flat_map(move |per| per.phases.iter().map(move |ph| (Some(&s.id), ph)))
    });
    col::PHASES.table(
        own.chain(subs)
            .map(|(sub, ph)| {
                let [n_ja, n_en] = ja_en(Some(&ph.name));
                [
                    Cell::id(sub),
                    Cell::text(ph.id.to_string()),
                    n_ja,
                    n_en,
                    Cell::Integer(ph.start_fiscal_year.0.into()),
                    Cell::Integer(ph.end_fiscal_year.0.into()),
                    Cell::extensions(&ph.extensions),
                ]
            })
            .collect(),
    )
}

fn districts(p: &Plan) -> [Table; 3] {
    let mut rows = (Vec::new(), Vec::new(), Vec::new());
    for d in &p.districts {
        let [n_ja, n_en] = ja_en(Some(&d.name));
        let [l_ja, l_en] = ja_en(d.layer.as_ref());
        let [d_ja, d_en] = ja_en(d.description.as_ref());
        rows.0.push([
            Cell::text(d.id.to_string()),
            Cell::id(d.parent.as_ref()),
            n_ja,
            n_en,
            l_ja,
            l_en,
            d_ja,
            d_en,
            Cell::extensions(&d.extensions),
        ]);
        for f in &d.figures {
            let [n_ja, n_en] = ja_en(Some(&f.name));
            let [u_ja, u_en] = ja_en(f.unit.as_ref());
            rows.1.push([
                Cell::text(d.id.to_string()),
                n_ja,
                n_en,
                Cell::Integer(f.fiscal_year.0.into()),
                Cell::quantity(Some(&f.value)),
                u_ja,
                u_en,
                Cell::extensions(&f.extensions),
            ]);
        }
    }
    for b in &p.bases {
        let [n_ja, n_en] = ja_en(Some(&b.name));
        let [d_ja, d_en] = ja_en(b.description.as_ref());
        rows.2.push([
            Cell::text(b.id.to_string()),
            n_ja,
            n_en,
            Cell::id(b.district.as_ref()),
            d_ja,
            d_en,
            Cell::extensions(&b.extensions),
        ]);
    }
    [
        col::DISTRICTS.table(rows.0),
        col::FIGURES.table(rows.1),
        col::BASES.table(rows.2),
    ]
}

fn sources(p: &Plan) -> Table {
    col::SOURCES.table(
        p.sources
            .iter()
            .map(|s| {
                let [t_ja, t_en] = ja_en(Some(&s.title));
                let [n_ja, n_en] = ja_en(s.note.as_ref());
                [
                    t_ja,
                    t_en,
                    Cell::text(s.url.clone().unwrap_or_default()),
                    n_ja,
                    n_en,
                    Cell::extensions(&s.extensions),
                ]
            })
            .collect(),
    )
}
