//! The parts that stand beside the tree: priority projects (重点プロジェクト), the plan's own
//! indicators, the sub-plans it contains (包含する計画), its grading scales (評価の尺度), its
//! revisions (改訂) and the sources the data was taken from.

use super::doc::{heading, word, Block, Inline, Line, Row, Table};
use super::tree::indicators;
use super::words::Say;
use crate::model::*;

/// Priority projects, each with the nodes it bundles and its indicators.
pub(crate) fn priority_projects(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if p.priority_projects.is_empty() {
        return;
    }
    out.push(heading(
        2,
        "priority-projects",
        vec![s.w("重点プロジェクト", "Priority projects")],
        true,
    ));
    for (i, pp) in p.priority_projects.iter().enumerate() {
        let mut title = Line::new();
        if let Some(n) = pp.number {
            title.push(word(format!("{n}. ")));
        }
        title.push(s.t(&pp.title));
        out.push(heading(3, format!("priority-{i}"), title, false));
        if let Some(d) = &pp.description {
            out.push(Block::Para(vec![s.t(d)]));
        }
        if !pp.nodes.is_empty() {
            out.push(Block::Para(vec![s.w("含む項目", "Bundles")]));
            out.push(Block::List(pp.nodes.iter().map(|n| s.node_ref(n)).collect()));
        }
        if !pp.indicators.is_empty() {
            let mut caption = vec![s.t(&pp.title)];
            caption.push(s.w("の指標", ": indicators"));
            out.push(indicators(s, caption, &pp.indicators));
        }
    }
}

/// Indicators of the plan as a whole.
pub(crate) fn plan_indicators(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if p.indicators.is_empty() {
        return;
    }
    out.push(heading(
        2,
        "plan-indicators",
        vec![s.w("計画全体の指標", "Plan indicators")],
        true,
    ));
    out.push(indicators(
        s,
        vec![s.w("計画全体の指標", "Indicators of the plan as a whole")],
        &p.indicators,
    ));
}

/// The sub-plans the plan contains, with their basis, period and indicators.
pub(crate) fn sub_plans(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if p.sub_plans.is_empty() {
        return;
    }
    out.push(heading(
        2,
        "sub-plans",
        vec![s.w("包含する計画", "Sub-plans")],
        true,
    ));
    for (i, sp) in p.sub_plans.iter().enumerate() {
        out.push(heading(3, format!("sub-plan-{i}"), vec![s.t(&sp.title)], false));
        let mut f: Vec<(Line, Line)> = Vec::new();
        if let Some(b) = &sp.legal_basis {
            f.push((vec![s.w("根拠", "Legal basis")], vec![s.t(b)]));
        }
        if let Some(period) = &sp.period {
            f.push((
                vec![s.w("期間", "Period")],
                vec![word(s.years(period.start_fiscal_year, period.end_fiscal_year))],
            ));
        }
        let nodes: Vec<Line> = p
            .all_nodes()
            .filter(|r| r.node.sub_plans.contains(&sp.id))
            .map(|r| s.node_ref(&r.node.id))
            .collect();
        if !nodes.is_empty() {
            f.push((vec![s.w("該当する項目", "Nodes")], s.join(nodes)));
        }
        if !f.is_empty() {
            out.push(Block::Fields(f));
        }
        if let Some(d) = &sp.description {
            out.push(Block::Para(vec![s.t(d)]));
        }
        if !sp.indicators.is_empty() {
            let mut caption = vec![s.t(&sp.title)];
            caption.push(s.w("の指標", ": indicators"));
            out.push(indicators(s, caption, &sp.indicators));
        }
    }
}

/// The grading scales: each grade with its score and meaning, and how indicators and nodes
/// are graded on it.
pub(crate) fn evaluation(s: Say, out: &mut Vec<Block>) {
    let Some(e) = &s.plan.evaluation else { return };
    out.push(heading(
        2,
        "scales",
        vec![s.w("評価の尺度（進行管理）", "Grading scales (progress evaluation)")],
        true,
    ));
    for scale in &e.scales {
        let rows = scale
            .grades
            .iter()
            .map(|g| Row {
                head: vec![Inline::Data {
                    text: g.code.clone(),
                    ja: false,
                }],
                cells: vec![
                    vec![s.t(&g.label)],
                    g.score.map(|x| vec![word(x.to_string())]).unwrap_or_default(),
                    g.definition.as_ref().map(|d| vec![s.t(d)]).unwrap_or_default(),
                ],
            })
            .collect();
        out.push(Block::Table(Table {
            caption: vec![s.t(&scale.name)],
            head: vec![
                vec![s.w("評価", "Grade")],
                vec![s.w("意味", "Label")],
                vec![s.w("点数", "Score")],
                vec![s.w("定義", "Definition")],
            ],
            rows,
            class: "",
        }));
        let mut f: Vec<(Line, Line)> = Vec::new();
        if !scale.indicator_conditions.is_empty() {
            let rules: Vec<Line> = scale
                .indicator_conditions
                .iter()
                .map(|c| condition(s, c))
                .collect();
            let mut v = Line::new();
            for (i, r) in rules.into_iter().enumerate() {
                if i > 0 {
                    v.push(word(if s.ja() { "；" } else { "; " }));
                }
                v.extend(r);
            }
            f.push((vec![s.w("指標の評価", "Indicators")], v));
        }
        if let Some(n) = &scale.nodes {
            let mut v = vec![s.l3(n.method.labels())];
            if let Some(from) = &n.from {
                let name = s.scale(from.as_str());
                v.extend(s.paren(if s.ja() {
                    vec![name, word("から")]
                } else {
                    vec![word("from "), name]
                }));
            }
            f.push((vec![s.w("項目の評価", "Nodes")], v));
        }
        if !f.is_empty() {
            out.push(Block::Fields(f));
        }
    }
}

/// One grading condition: 達成率が基準以上（50%） → A.
fn condition(s: Say, c: &GradeCondition) -> Line {
    let mut v = vec![s.l3(c.when.labels())];
    if let Some(x) = c.value {
        let unit = match (c.when, c.relative, s.ja()) {
            (Condition::AchievementAtLeast, _, _) | (_, true, _) => "%",
            (_, false, true) => "ポイント",
            (_, false, false) => " points",
        };
        let rel = match (c.relative, s.ja()) {
            (true, true) => "基準値の",
            (true, false) => "of the baseline, ",
            _ => "",
        };
        v.extend(s.paren(vec![word(format!("{rel}{x}{unit}"))]));
    }
    v.push(word(" → "));
    v.push(Inline::Data {
        text: c.grade.clone(),
        ja: false,
    });
    v
}

/// Revisions since the plan was published.
pub(crate) fn revisions(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if p.revisions.is_empty() {
        return;
    }
    out.push(heading(
        2,
        "revisions",
        vec![s.w("改訂の経過", "Revisions")],
        true,
    ));
    let rows = p
        .revisions
        .iter()
        .map(|r| Row {
            head: vec![word(s.month(r.published))],
            cells: vec![vec![s.t(&r.description)]],
        })
        .collect();
    out.push(Block::Table(Table {
        caption: vec![s.w("改訂の経過", "Revisions of the plan")],
        head: vec![
            vec![s.w("発行", "Published")],
            vec![s.w("内容", "What was revised")],
        ],
        rows,
        class: "",
    }));
}

/// The documents the data was taken from, linked where the address is http or https.
pub(crate) fn sources(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if p.sources.is_empty() {
        return;
    }
    out.push(heading(2, "sources", vec![s.w("出典", "Sources")], true));
    let items = p
        .sources
        .iter()
        .map(|src| {
            let mut v = match &src.url {
                Some(url) => vec![Inline::Url {
                    url: url.clone(),
                    text: vec![s.t(&src.title)],
                }],
                None => vec![s.t(&src.title)],
            };
            if let Some(n) = &src.note {
                v.push(word(if s.ja() { "　" } else { ". " }));
                v.push(s.t(n));
            }
            v
        })
        .collect();
    out.push(Block::List(items));
}
