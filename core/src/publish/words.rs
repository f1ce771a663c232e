//! The page's vocabulary in Japanese and English, and the plan's references (a node, a
//! challenge, a sector, a district) turned into words and links: the same wording as the text
//! renderer (`welfare-plan show`), so that a reader of either finds the other familiar.

use super::doc::{word, Inline, Line};
use crate::era;
use crate::model::numbering::challenge_label;
use crate::model::*;

/// The plan being published and the page's language.
#[derive(Clone, Copy)]
pub(crate) struct Say<'p> {
    pub plan: &'p Plan,
    pub lang: Lang,
    /// The plan's parts by id, built once for the page.
    pub parts: &'p PartIndex,
}

impl<'p> Say<'p> {
    pub fn ja(self) -> bool {
        self.lang == Lang::Ja
    }

    /// Our own words in the page's language.
    pub fn w(self, ja: &str, en: &str) -> Inline {
        word(if self.ja() { ja } else { en })
    }

    /// A `(code, ja, en)` label from the model's code lists.
    pub fn l3(self, labels: (&str, &str, &str)) -> Inline {
        self.w(labels.1, labels.2)
    }

    /// A text of the plan in the page's language; Japanese, so marked, when it has no English.
    pub fn t(self, t: &Text) -> Inline {
        Inline::Data {
            text: t.get(self.lang).to_owned(),
            ja: self.lang == Lang::En && t.en.is_none(),
        }
    }

    /// A fiscal year: 令和5年度（2023年度） / FY2023 (Reiwa 5).
    pub fn year(self, y: FiscalYear) -> String {
        if self.ja() {
            era::era_label(y.0).map_or_else(|_| format!("{y}年度"), |e| format!("{e}（{y}年度）"))
        } else {
            era::era_label_en(y.0).unwrap_or_else(|_| format!("FY{y}"))
        }
    }

    /// A fiscal year in short, for table headings and axes: 2023年度 / FY2023.
    pub fn year_short(self, y: FiscalYear) -> String {
        if self.ja() {
            format!("{y}年度")
        } else {
            format!("FY{y}")
        }
    }

    /// A span of fiscal years, in the era and the Gregorian calendar.
    pub fn years(self, a: FiscalYear, b: FiscalYear) -> String {
        if self.ja() {
            match (era::era_label(a.0), era::era_label(b.0)) {
                (Ok(x), Ok(y)) => format!("{x}～{y}（{a}～{b}年度）"),
                _ => format!("{a}～{b}年度"),
            }
        } else {
            format!("{} to {}", self.year(a), self.year(b))
        }
    }

    /// A month: 令和5年3月（2023-03） / 2023-03.
    pub fn month(self, ym: YearMonth) -> String {
        if self.ja() {
            era::month_label(i32::from(ym.year()), i32::from(ym.month()))
                .map_or_else(|_| ym.to_string(), |m| format!("{m}（{ym}）"))
        } else {
            ym.to_string()
        }
    }

    /// The separator of a list run into a line.
    pub fn sep(self) -> &'static str {
        if self.ja() {
            "、"
        } else {
            ", "
        }
    }

    /// `items` joined by the list separator.
    pub fn join(self, items: impl IntoIterator<Item = Line>) -> Line {
        let mut out = Line::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push(word(self.sep()));
            }
            out.extend(item);
        }
        out
    }

    /// `s` in brackets: （s） or " (s)".
    pub fn paren(self, inner: Line) -> Line {
        let mut out = vec![word(if self.ja() { "（" } else { " (" })];
        out.extend(inner);
        out.push(word(if self.ja() { "）" } else { ")" }));
        out
    }

    /// A node's label in the plan's numbering (基本目標Ⅰ, (1), ①, 1-2), empty when unnumbered.
    /// The level's name is the plan's text, so an English page marks its fallback.
    pub fn label(self, at: NodeAt) -> Option<Inline> {
        let text = self.plan.label_in(at, self.lang);
        if text.is_empty() {
            return None;
        }
        let named = self
            .plan
            .level(at.depth())
            .filter(|l| matches!(l.numbering, NumberStyle::Roman | NumberStyle::Arabic));
        Some(match named {
            Some(l) => Inline::Data {
                text,
                ja: self.lang == Lang::En && l.name.en.is_none(),
            },
            None => Inline::Word(text),
        })
    }

    /// A node's label and title: 基本目標Ⅰ お互いを大切にし合うひとづくり.
    pub fn node_title(self, at: NodeAt, n: &Node) -> Line {
        match self.label(at) {
            Some(l) => vec![l, word(" "), self.t(&n.title)],
            None => vec![self.t(&n.title)],
        }
    }

    /// A link to the node with id `id`, by its label and title; the id itself if it names no
    /// node. Where the label restarts under each parent ((1) under 活動目標1 and again under
    /// 活動目標2), the parents' labels go before it, so that the reference is unambiguous
    /// away from the tree: 基本目標Ⅰ 活動目標2 (3).
    pub fn node_ref(self, id: impl AsRef<str>) -> Line {
        self.link(id.as_ref(), true)
    }

    /// A link to the node by its own label and title, for where the tree around it gives the
    /// context (an outline).
    pub fn node_link(self, id: impl AsRef<str>) -> Line {
        self.link(id.as_ref(), false)
    }

    fn link(self, id: &str, full: bool) -> Line {
        let Some(PartAt::Node(at)) = self.parts.get(id) else {
            return vec![word(id)];
        };
        let Some(n) = self.plan.node_at(at) else {
            return vec![word(id)];
        };
        let mut text = if full { self.path(at) } else { Line::new() };
        if let (false, Some(l)) = (full, self.label(at)) {
            text.extend([l, word(" ")]);
        }
        text.push(self.t(&n.title));
        vec![Inline::Anchor {
            to: node_anchor(n.id.as_str()),
            text,
        }]
    }

    /// The labels from the nearest ancestor whose numbering is unique in the plan down to the
    /// node, each followed by a space.
    fn path(self, at: NodeAt) -> Line {
        let mut labels = Vec::new();
        let mut cur = Some(at);
        while let Some(a) = cur {
            if let Some(l) = self.label(a) {
                labels.push(l);
            }
            let unique = a.depth() == 0
                || self
                    .plan
                    .level(a.depth())
                    .is_some_and(|l| l.running || l.numbering == NumberStyle::Compound);
            if unique {
                break;
            }
            cur = a.parent();
        }
        let mut out = Line::new();
        for l in labels.into_iter().rev() {
            out.push(l);
            out.push(word(" "));
        }
        out
    }

    /// A link to the challenge with id `id`: 課題① / Challenge 1.
    pub fn challenge_ref(self, id: impl AsRef<str>) -> Line {
        let id = id.as_ref();
        match self.plan.challenge(id) {
            Some(c) => {
                let (ja, en) = challenge_label(c.number);
                let label = if self.ja() { format!("課題{ja}") } else { en };
                vec![Inline::Anchor {
                    to: challenge_anchor(c.id.as_str()),
                    text: vec![word(label)],
                }]
            }
            None => vec![word(id)],
        }
    }

    /// A help sector's label in the plan's terms (自助, 地域の役割), its code if the plan's
    /// model has no such sector.
    pub fn sector(self, code: impl AsRef<str>) -> Inline {
        let code = code.as_ref();
        match self.plan.help_model.as_ref().and_then(|m| m.sector(code)) {
            Some(s) => Inline::Data {
                text: s.label(self.lang),
                ja: self.lang == Lang::En && s.label.as_ref().is_some_and(|t| t.en.is_none()),
            },
            None => word(code),
        }
    }

    /// An actor's name, its id if the plan has no such actor.
    pub fn actor(self, id: &Id) -> Inline {
        self.plan
            .actor(id.as_str())
            .map_or_else(|| word(id.as_str()), |a| self.t(&a.name))
    }

    /// A district's name, its id if the plan has no such district.
    pub fn district(self, id: impl AsRef<str>) -> Line {
        let id = id.as_ref();
        match self.plan.district(id) {
            Some(d) => vec![Inline::Anchor {
                to: district_anchor(d.id.as_str()),
                text: vec![self.t(&d.name)],
            }],
            None => vec![word(id)],
        }
    }

    /// Publishers' names.
    pub fn publishers(self, ids: &[Id]) -> Line {
        self.join(ids.iter().map(|id| {
            vec![self
                .plan
                .publisher(id.as_str())
                .map_or_else(|| word(id.as_str()), |p| self.t(&p.name))]
        }))
    }

    /// Phases' names.
    pub fn phases(self, ids: &[Id]) -> Line {
        self.join(ids.iter().map(|id| {
            vec![self
                .plan
                .period
                .phases
                .iter()
                .find(|ph| ph.id == *id)
                .map_or_else(|| word(id.as_str()), |ph| self.t(&ph.name))]
        }))
    }

    /// A value with its unit: 23.4%, 40か所.
    pub fn value(self, q: &Quantity, unit: Option<&Text>) -> Line {
        let v = match q {
            // A word such as 設置 has no translation; in an English page it is Japanese.
            Quantity::Text(t) => Inline::Data {
                text: t.clone(),
                ja: self.lang == Lang::En && !t.is_ascii(),
            },
            q => word(q.to_string()),
        };
        match unit {
            // 7420 people, but 7420人 and 41.7%.
            Some(u) if u.get(self.lang).starts_with(|c: char| c.is_ascii_alphabetic()) => {
                vec![v, word(" "), self.t(u)]
            }
            Some(u) => vec![v, self.t(u)],
            None => vec![v],
        }
    }

    /// A grade as `code label` (A 順調), the code alone if the scale has no such grade.
    pub fn grade(self, scale: &str, code: &str) -> Line {
        let found = self
            .plan
            .evaluation
            .iter()
            .flat_map(|e| &e.scales)
            .find(|s| s.id.as_str() == scale)
            .and_then(|s| s.grade(code));
        match found {
            Some(g) => vec![
                Inline::Data {
                    text: g.code.clone(),
                    ja: false,
                },
                word(" "),
                self.t(&g.label),
            ],
            None => vec![Inline::Data {
                text: code.to_owned(),
                ja: false,
            }],
        }
    }

    /// A scale's name, its id if the plan has no such scale.
    pub fn scale(self, id: &str) -> Inline {
        self.plan
            .evaluation
            .iter()
            .flat_map(|e| &e.scales)
            .find(|s| s.id.as_str() == id)
            .map_or_else(|| word(id), |s| self.t(&s.name))
    }
}

/// The anchor of a node's heading. Ids are lower-case ASCII by the format's rules; the writers
/// escape anchors all the same.
pub(crate) fn node_anchor(id: &str) -> String {
    format!("node-{id}")
}

/// The anchor of a challenge.
pub(crate) fn challenge_anchor(id: &str) -> String {
    format!("challenge-{id}")
}

/// The anchor of a district's heading.
pub(crate) fn district_anchor(id: &str) -> String {
    format!("district-{id}")
}
