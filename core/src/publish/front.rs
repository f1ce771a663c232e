//! The front of the document: title, municipality, period and publishers; then the overview,
//! the basic philosophy (基本理念), the help model (自助・共助・公助 or the plan's own sectors),
//! the challenges (課題) with the nodes that address them, and residents' voices.

use super::doc::{heading, word, Block, Line, Row, Table};
use super::words::{challenge_anchor, Say};
use crate::model::numbering::challenge_label;
use crate::model::*;

/// The title block: `<h1>` and the plan's particulars.
pub(crate) fn title(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    out.push(heading(1, "top", vec![s.t(&p.title)], false));
    let m = &p.municipality;
    let mut fields: Vec<(Line, Line)> = Vec::new();
    let place = if s.ja() {
        vec![s.t(&m.prefecture), s.t(&m.name)]
    } else {
        vec![s.t(&m.name), word(", "), s.t(&m.prefecture)]
    };
    fields.push((vec![s.w("自治体", "Municipality")], place));
    if let Some(e) = p.edition {
        let v = if s.ja() {
            format!("第{e}期")
        } else {
            e.to_string()
        };
        fields.push((vec![s.w("計画の期", "Edition")], vec![word(v)]));
    }
    let period = &p.period;
    fields.push((
        vec![s.w("計画期間", "Plan period")],
        vec![word(s.years(period.start_fiscal_year, period.end_fiscal_year))],
    ));
    for ph in &period.phases {
        fields.push((
            vec![s.w("期", "Phase")],
            vec![
                s.t(&ph.name),
                word(" "),
                word(s.years(ph.start_fiscal_year, ph.end_fiscal_year)),
            ],
        ));
    }
    if let Some(y) = period.mid_term_review_fiscal_year {
        fields.push((vec![s.w("中間見直し", "Mid-term review")], vec![word(s.year(y))]));
    }
    if let Some(ym) = p.published {
        fields.push((vec![s.w("発行", "Published")], vec![word(s.month(ym))]));
    }
    for pb in &p.publishers {
        let mut v = vec![s.t(&pb.name)];
        v.extend(s.paren(vec![s.l3(pb.kind.labels())]));
        if let Some(of) = &pb.office {
            let parts: Vec<Line> = [&of.organization, &of.department, &of.division, &of.section]
                .into_iter()
                .flatten()
                .map(|x| vec![s.t(x)])
                .collect();
            if !parts.is_empty() {
                v.push(word(if s.ja() {
                    "　編集・発行: "
                } else {
                    "; office: "
                }));
                for (i, part) in parts.into_iter().enumerate() {
                    if i > 0 {
                        v.push(word(" "));
                    }
                    v.extend(part);
                }
            }
        }
        fields.push((vec![s.w("策定主体", "Publisher")], v));
    }
    out.push(Block::Fields(fields));
}

/// The overview's narrative sections and the basic philosophy.
pub(crate) fn philosophy(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if !p.overview.is_empty() {
        out.push(heading(2, "overview", vec![s.w("概要", "Overview")], true));
        for (i, sec) in p.overview.iter().enumerate() {
            if let Some(h) = &sec.heading {
                out.push(heading(3, format!("overview-{i}"), vec![s.t(h)], false));
            }
            out.push(Block::Para(vec![s.t(&sec.body)]));
        }
    }
    out.push(heading(
        2,
        "philosophy",
        vec![s.w("基本理念", "Basic philosophy")],
        true,
    ));
    let ph = &p.philosophy;
    out.push(Block::Quote(vec![s.t(&ph.statement)]));
    if let Some(sub) = &ph.subtitle {
        out.push(Block::Para(vec![s.t(sub)]));
    }
    if let Some(x) = &ph.explanation {
        out.push(Block::Para(vec![s.t(x)]));
    }
}

/// The help model under its own heading (自助・共助・公助, or the plan's sectors), each
/// sector with the plan's definition.
pub(crate) fn help_model(s: Say, out: &mut Vec<Block>) {
    let Some(model) = &s.plan.help_model else {
        return;
    };
    let mut title = model_heading(s, model);
    title.insert(0, s.w("助け合いの考え方：", "How help is shared: "));
    out.push(heading(2, "help-model", title, true));
    let rows = model
        .sectors
        .iter()
        .map(|sec| Row {
            head: vec![s.sector(&sec.sector)],
            cells: vec![vec![s.t(&sec.definition)]],
        })
        .collect();
    let caption = vec![
        s.l3(model.kind.labels()),
        s.w("：各区分の定義", ": what each sector means"),
    ];
    out.push(Block::Table(Table {
        caption,
        head: vec![
            vec![s.w("区分", "Sector")],
            vec![s.w("計画での定義", "What the plan means by it")],
        ],
        rows,
        class: "",
    }));
}

/// The model's heading in the plan's terms: its sectors' labels, 自助・互助・共助・公助.
pub(crate) fn model_heading(s: Say, model: &HelpModel) -> Line {
    let mut out = Line::new();
    for (i, sec) in model.sectors.iter().enumerate() {
        if i > 0 {
            out.push(word(if s.ja() { "・" } else { ", " }));
        }
        out.push(s.sector(&sec.sector));
    }
    out
}

/// The challenges, each with the nodes of the plan that address it; then residents' voices.
pub(crate) fn challenges(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if !p.challenges.is_empty() {
        out.push(heading(2, "challenges", vec![s.w("課題", "Challenges")], true));
        for c in &p.challenges {
            out.push(heading(
                3,
                challenge_anchor(c.id.as_str()),
                challenge_title(s, c),
                false,
            ));
            challenge_body(s, c, out);
        }
    }
    if !p.voices.is_empty() {
        out.push(heading(
            2,
            "voices",
            vec![s.w("市民の声", "Residents' voices")],
            true,
        ));
        for v in &p.voices {
            out.push(Block::Quote(vec![s.t(&v.text)]));
            let mut links: Vec<Line> = v.challenges.iter().map(|c| s.challenge_ref(c)).collect();
            links.extend(v.nodes.iter().map(|n| s.node_ref(n)));
            if !links.is_empty() {
                let mut value = s.join(links);
                if v.editorial_links {
                    value.push(s.w("（編集による対応付け）", " (linked by the editors)"));
                }
                out.push(Block::Fields(vec![(vec![s.w("関連", "Linked to")], value)]));
            }
        }
    }
}

/// ① 孤立する人が増えている / Challenge 1: More people are isolated.
pub(crate) fn challenge_title(s: Say, c: &Challenge) -> Line {
    let (ja, en) = challenge_label(c.number);
    let label = if s.ja() {
        format!("{ja} ")
    } else {
        format!("{en}: ")
    };
    vec![word(label), s.t(&c.title)]
}

/// A challenge's description and the nodes (of the plan or of a district's plan) that
/// address it.
pub(crate) fn challenge_body(s: Say, c: &Challenge, out: &mut Vec<Block>) {
    if let Some(d) = &c.description {
        out.push(Block::Para(vec![s.t(d)]));
    }
    let p = s.plan;
    let district_nodes = (0..p.districts.len()).flat_map(|d| p.district_nodes(d));
    let addressed: Vec<Line> = p
        .all_nodes()
        .chain(district_nodes)
        .filter(|r| r.node.challenges.contains(&c.id))
        .map(|r| s.node_ref(&r.node.id))
        .collect();
    let value = if addressed.is_empty() {
        vec![s.w("（なし）", "(none)")]
    } else {
        s.join(addressed)
    };
    out.push(Block::Fields(vec![(
        vec![s.w("対応する項目", "Addressed by")],
        value,
    )]));
}
