//! The grades of the plan's nodes over the report years: a table per year with every node's
//! entered and computed grade on each scale side by side, and the grades rolled up per
//! top-level goal and per help sector.

use super::doc::{heading, word, Block, Line, Row, Table};
use super::words::Say;
use crate::report::{NodeGrade, NodeYear, Progress};

/// The scales that grade nodes, in the plan's order.
fn node_scales<'p>(s: Say<'p>) -> Vec<&'p str> {
    s.plan
        .evaluation
        .iter()
        .flat_map(|e| &e.scales)
        .filter(|sc| sc.nodes.is_some())
        .map(|sc| sc.id.as_str())
        .collect()
}

/// A node's (or sector's) grade on `scale` in the `y`th report year.
fn grade_in<'a>(years: &'a [NodeYear], y: usize, scale: &str) -> Option<&'a NodeGrade> {
    years.get(y)?.grades.iter().find(|g| g.scale == scale)
}

/// One table per report year: every node's entered and computed grade on each scale, side by
/// side. A column empty in every year (the computed side of a scale graded by hand, the
/// entered side of one nobody enters) is left out.
pub(crate) fn grades(s: Say, pr: &Progress, out: &mut Vec<Block>) {
    let scales = node_scales(s);
    // (scale, entered?) for every column that holds a grade somewhere.
    let columns: Vec<(&str, bool)> = scales
        .iter()
        .flat_map(|&sc| [(sc, true), (sc, false)])
        .filter(|&(sc, entered)| {
            pr.nodes.iter().any(|n| {
                (0..pr.years.len()).any(|y| {
                    grade_in(&n.years, y, sc).is_some_and(|g| {
                        if entered {
                            g.entered.is_some()
                        } else {
                            g.computed.is_some()
                        }
                    })
                })
            })
        })
        .collect();
    if columns.is_empty() {
        return;
    }
    out.push(heading(
        3,
        "progress-grades",
        vec![s.w("項目の評価", "Grades of the plan's nodes")],
        false,
    ));
    let mut head = vec![vec![s.w("項目", "Node")]];
    for &(sc, entered) in &columns {
        let mut h = vec![s.scale(sc)];
        h.extend(s.paren(vec![if entered {
            s.w("入力", "entered")
        } else {
            s.w("計算", "computed")
        }]));
        head.push(h);
    }
    for (y, year) in pr.years.iter().enumerate() {
        let rows = pr
            .nodes
            .iter()
            .map(|n| {
                let mut title = Line::new();
                if n.depth > 0 {
                    title.push(word("\u{3000}".repeat(n.depth)));
                }
                title.extend(s.node_link(&n.id));
                let cells = columns
                    .iter()
                    .map(|&(sc, entered)| {
                        let g = grade_in(&n.years, y, sc);
                        let code = g.and_then(|g| {
                            if entered {
                                g.entered.as_ref()
                            } else {
                                g.computed.as_ref()
                            }
                        });
                        code.map(|c| s.grade(sc, c)).unwrap_or_default()
                    })
                    .collect();
                Row { head: title, cells }
            })
            .collect();
        let mut caption = vec![word(s.year(*year))];
        caption.push(s.w("の項目の評価", ": grades of the nodes"));
        out.push(Block::Table(Table {
            caption,
            head: head.clone(),
            rows,
            class: "grades",
        }));
    }
}

/// The top-level goals' and the help sectors' grades, year by year.
pub(crate) fn rollups(s: Say, pr: &Progress, out: &mut Vec<Block>) {
    let goals: Vec<(Line, &[NodeYear])> = pr
        .nodes
        .iter()
        .filter(|n| n.depth == 0)
        .map(|n| (s.node_ref(&n.id), n.years.as_slice()))
        .collect();
    let level = s
        .plan
        .level(0)
        .map_or_else(|| s.w("目標", "Goal"), |l| s.t(&l.name));
    if let Some(table) = rollup(
        s,
        pr,
        vec![s.w(
            "目標ごとの評価（年度別）",
            "Grades of each top-level goal by year",
        )],
        vec![level],
        goals,
    ) {
        out.push(heading(
            3,
            "progress-goals",
            vec![s.w("目標ごとの評価", "Grades by top-level goal")],
            false,
        ));
        out.push(table);
    }
    let sectors: Vec<(Line, &[NodeYear])> = pr
        .sectors
        .iter()
        .map(|sec| (vec![s.sector(&sec.sector)], sec.years.as_slice()))
        .collect();
    if let Some(table) = rollup(
        s,
        pr,
        vec![s.w(
            "助け合いの区分ごとの取り組みの評価（年度別）",
            "Grades of each help sector's initiatives by year",
        )],
        vec![s.w("区分", "Sector")],
        sectors,
    ) {
        let mut title = vec![s.w("助け合いの区分ごとの評価", "Grades by help sector")];
        if let Some(m) = &s.plan.help_model {
            title.extend(s.paren(super::front::model_heading(s, m)));
        }
        out.push(heading(3, "progress-sectors", title, false));
        out.push(table);
    }
}

/// A roll-up table: a row per goal or sector, a column per year and scale that holds a grade
/// somewhere; none when there is no row or no grade.
fn rollup(
    s: Say,
    pr: &Progress,
    caption: Line,
    first: Line,
    rows: Vec<(Line, &[NodeYear])>,
) -> Option<Block> {
    let scales: Vec<&str> = node_scales(s)
        .into_iter()
        .filter(|sc| {
            rows.iter().any(|(_, years)| {
                (0..pr.years.len()).any(|y| {
                    grade_in(years, y, sc).is_some_and(|g| g.computed.is_some() || g.entered.is_some())
                })
            })
        })
        .collect();
    if scales.is_empty() || rows.is_empty() {
        return None;
    }
    let mut head = vec![first];
    for y in &pr.years {
        for &sc in &scales {
            // The scale's name only where there is more than one.
            let mut h = vec![word(s.year_short(*y))];
            if scales.len() > 1 {
                h.push(word(" "));
                h.push(s.scale(sc));
            }
            head.push(h);
        }
    }
    let rows = rows
        .into_iter()
        .map(|(label, years)| Row {
            head: label,
            cells: (0..pr.years.len())
                .flat_map(|y| scales.iter().map(move |&sc| (y, sc)))
                .map(|(y, sc)| rollup_cell(s, sc, grade_in(years, y, sc)))
                .collect(),
        })
        .collect();
    Some(Block::Table(Table {
        caption,
        head,
        rows,
        class: "grades",
    }))
}

/// A roll-up cell: the computed grade, and the entered one beside it when there is one.
fn rollup_cell(s: Say, scale: &str, g: Option<&NodeGrade>) -> Line {
    let Some(g) = g else { return Line::new() };
    let mut v = Line::new();
    if let Some(c) = &g.computed {
        v.extend(s.grade(scale, c));
    }
    if let Some(e) = &g.entered {
        let mut entered = vec![s.w("入力 ", "entered ")];
        entered.extend(s.grade(scale, e));
        v.extend(s.paren(entered));
    }
    v
}
