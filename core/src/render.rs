//! The plan as a readable text, in Japanese or English: what `welfare-plan show` prints.
//!
//! Everything in the model is shown, in the plan's own terms: its level names and numbering,
//! its help model's heading, its districts and their plans. A test renders the richest fixture
//! and fails if any text, value or extension of the document is missing from the output.

use std::fmt::Write;

use crate::era;
use crate::model::numbering::challenge_label;
use crate::model::*;

/// The plan as text in `lang`.
pub fn tree(plan: &Plan, lang: Lang) -> String {
    let mut r = Renderer {
        o: String::new(),
        p: plan,
        lang,
    };
    // Writing to a String cannot fail.
    let _ = r.plan();
    r.o
}

struct Renderer<'p> {
    o: String,
    p: &'p Plan,
    lang: Lang,
}

type Out = std::fmt::Result;

impl<'p> Renderer<'p> {
    fn ja(&self) -> bool {
        self.lang == Lang::Ja
    }

    /// A text in the rendering language (English falls back to Japanese).
    fn t<'a>(&self, x: &'a Text) -> &'a str {
        x.get(self.lang)
    }

    /// A heading in both languages.
    fn head(&mut self, indent: usize, ja: &str, en: &str) -> Out {
        let h = if self.ja() { ja } else { en };
        writeln!(self.o, "\n{:indent$}{h}", "")
    }

    fn line(&mut self, indent: usize, s: &str) -> Out {
        writeln!(self.o, "{:indent$}{s}", "")
    }

    /// `label: value` with a label in both languages.
    fn field(&mut self, indent: usize, ja: &str, en: &str, value: &str) -> Out {
        let label = if self.ja() { ja } else { en };
        if value.is_empty() {
            return writeln!(self.o, "{:indent$}{label}:", "");
        }
        writeln!(self.o, "{:indent$}{label}: {value}", "")
    }

    fn opt_text(&mut self, indent: usize, ja: &str, en: &str, t: &Option<Text>) -> Out {
        match t {
            Some(t) => {
                let v = self.t(t).to_owned();
                self.field(indent, ja, en, &v)
            }
            None => Ok(()),
        }
    }

    /// A fiscal year: 令和5年度 (2023年度) / FY2023 (Reiwa 5).
    fn year(&self, y: FiscalYear) -> String {
        if self.ja() {
            era::era_label(y.0).map_or_else(|_| format!("{y}年度"), |e| format!("{e}（{y}年度）"))
        } else {
            era::era_label_en(y.0).unwrap_or_else(|_| format!("FY{y}"))
        }
    }

    /// A span of fiscal years: 令和5年度～令和14年度（2023～2032年度） / FY2023 (Reiwa 5) to
    /// FY2032 (Reiwa 14).
    fn years(&self, a: FiscalYear, b: FiscalYear) -> String {
        if self.ja() {
            match (era::era_label(a.0), era::era_label(b.0)) {
                (Ok(x), Ok(y)) => format!("{x}～{y}（{a}～{b}年度）"),
                _ => format!("{a}～{b}年度"),
            }
        } else {
            let en = |y: FiscalYear| era::era_label_en(y.0).unwrap_or_else(|_| format!("FY{y}"));
            format!("{} to {}", en(a), en(b))
        }
    }

    fn month(&self, ym: YearMonth) -> String {
        if self.ja() {
            era::month_label(i32::from(ym.year()), i32::from(ym.month()))
                .map_or_else(|_| ym.to_string(), |m| format!("{m}（{ym}）"))
        } else {
            ym.to_string()
        }
    }

    /// `s` in brackets: （s） in Japanese, " (s)" in English.
    fn paren(&self, s: &str) -> String {
        if self.ja() {
            format!("（{s}）")
        } else {
            format!(" ({s})")
        }
    }

    fn list_sep(&self) -> &'static str {
        if self.ja() {
            "、"
        } else {
            ", "
        }
    }

    fn ext(&mut self, indent: usize, e: &Extensions) -> Out {
        for (k, v) in &e.0 {
            let label = if self.ja() { "拡張" } else { "Extension" };
            let v = serde_json::to_string(v).unwrap_or_default();
            writeln!(self.o, "{:indent$}{label} {k}: {v}", "")?;
        }
        Ok(())
    }

    fn label3(&self, labels: (&'static str, &'static str, &'static str)) -> &'static str {
        if self.ja() {
            labels.1
        } else {
            labels.2
        }
    }

    fn plan(&mut self) -> Out {
        let p = self.p;
        self.line(0, self.t(&p.title))?;
        let m = &p.municipality;
        if self.ja() {
            writeln!(
                self.o,
                "{}{}（全国地方公共団体コード {}）",
                self.t(&m.prefecture),
                self.t(&m.name),
                m.code.0
            )?;
        } else {
            writeln!(
                self.o,
                "{}, {} (local government code {})",
                self.t(&m.name),
                self.t(&m.prefecture),
                m.code.0
            )?;
        }
        self.ext(2, &m.extensions)?;
        if let Some(e) = p.edition {
            let v = if self.ja() {
                format!("第{e}期")
            } else {
                e.to_string()
            };
            self.field(0, "計画の期", "Edition", &v)?;
        }
        self.period(0, &p.period, true)?;
        if let Some(ym) = p.published {
            let v = self.month(ym);
            self.field(0, "発行", "Published", &v)?;
        }
        for r in &p.revisions {
            let v = format!("{} {}", self.month(r.published), self.t(&r.description));
            self.field(0, "改訂", "Revised", &v)?;
            self.ext(2, &r.extensions)?;
        }
        self.head(0, "策定主体", "Publishers")?;
        for pb in &p.publishers {
            let v = format!(
                "{}{}",
                self.t(&pb.name),
                self.paren(self.label3(pb.kind.labels()))
            );
            self.line(2, &v)?;
            if let Some(of) = &pb.office {
                let parts: Vec<&str> = [&of.organization, &of.department, &of.division, &of.section]
                    .into_iter()
                    .flatten()
                    .map(|x| self.t(x))
                    .collect();
                let v = parts.join(" ");
                self.field(4, "編集・発行", "Office", &v)?;
                self.ext(4, &of.extensions)?;
            }
            self.ext(4, &pb.extensions)?;
        }

        self.head(0, "基本理念", "Basic philosophy")?;
        let ph = &p.philosophy;
        self.line(2, self.t(&ph.statement))?;
        if let Some(s) = &ph.subtitle {
            self.line(2, self.t(s))?;
        }
        if let Some(s) = &ph.explanation {
            self.line(4, self.t(s))?;
        }
        self.ext(2, &ph.extensions)?;

        if let Some(model) = &p.help_model {
            let heading = model.heading(self.lang);
            let (_, kind_ja, kind_en) = model.kind.labels();
            // The model's own heading (自助・共助・公助), and the plan's labels where they differ.
            let ja = if model.kind == HelpModelKind::Custom {
                format!("{heading}（{kind_ja}）")
            } else if heading == kind_ja {
                heading.clone()
            } else {
                format!("{kind_ja}（{heading}）")
            };
            self.head(0, &ja, &format!("Help model: {kind_en} ({heading})"))?;
            for s in &model.sectors {
                let v = format!("{}: {}", s.label(self.lang), self.t(&s.definition));
                self.line(2, &v)?;
                self.ext(4, &s.extensions)?;
            }
            self.ext(2, &model.extensions)?;
        }

        if !p.overview.is_empty() {
            self.head(0, "概要", "Overview")?;
            for s in &p.overview {
                match &s.heading {
                    Some(h) => {
                        self.line(2, self.t(h))?;
                        self.line(4, self.t(&s.body))?;
                    }
                    None => self.line(2, &format!("＊ {}", self.t(&s.body)))?,
                }
                self.ext(4, &s.extensions)?;
            }
        }

        if !p.challenges.is_empty() {
            self.head(0, "課題", "Challenges")?;
            for c in &p.challenges {
                self.challenge(2, c)?;
            }
        }

        if !p.voices.is_empty() {
            self.head(0, "市民の声", "Residents' voices")?;
            for v in &p.voices {
                let q = if self.ja() {
                    format!("「{}」", self.t(&v.text))
                } else {
                    format!("\"{}\"", self.t(&v.text))
                };
                self.line(2, &q)?;
                let mut links: Vec<String> = v.challenges.iter().map(|c| self.challenge_ref(c)).collect();
                links.extend(v.nodes.iter().map(|n| self.node_ref(n)));
                if !links.is_empty() {
                    let mut s = links.join(self.list_sep());
                    if v.editorial_links {
                        s.push_str(if self.ja() {
                            "（編集による対応付け）"
                        } else {
                            " (linked by the editors)"
                        });
                    }
                    self.field(4, "関連", "Linked to", &s)?;
                }
                self.ext(4, &v.extensions)?;
            }
        }

        self.head(0, "計画の体系", "Structure")?;
        let names: Vec<String> = p
            .levels
            .iter()
            .map(|l| {
                // The level as its first node is labelled: 基本目標Ⅰ, 活動目標1, (1), ①, 1-1.
                let first = match l.numbering {
                    NumberStyle::Roman if self.ja() => format!("{}Ⅰ", self.t(&l.name)),
                    NumberStyle::Roman => format!("{} I", self.t(&l.name)),
                    NumberStyle::Arabic if self.ja() => format!("{}1", self.t(&l.name)),
                    NumberStyle::Arabic => format!("{} 1", self.t(&l.name)),
                    NumberStyle::Parenthesized => format!("{}{}", self.t(&l.name), self.paren("(1)")),
                    NumberStyle::Circled => format!("{}{}", self.t(&l.name), self.paren("①")),
                    NumberStyle::Compound => format!("{}{}", self.t(&l.name), self.paren("1-1")),
                    NumberStyle::None => format!(
                        "{}{}",
                        self.t(&l.name),
                        self.paren(self.label3(l.numbering.labels()))
                    ),
                };
                if l.running {
                    let how = if self.ja() {
                        "［通し番号］"
                    } else {
                        " [numbered through the plan]"
                    };
                    format!("{first}{how}")
                } else {
                    first
                }
            })
            .collect();
        self.line(2, &names.join(" → "))?;
        let initiatives = p.initiative_depth();
        for (d, l) in p.levels.iter().enumerate() {
            let mut v = format!("{}: {}", self.t(&l.name), self.label3(l.numbering.labels()));
            if d == initiatives {
                v.push_str(if self.ja() {
                    "［取り組みの階層］"
                } else {
                    " [the initiatives]"
                });
            }
            let n = d + 1;
            if self.ja() {
                self.line(4, &format!("{n}段目 {v}"))?;
            } else {
                self.line(4, &format!("Level {n} {v}"))?;
            }
            self.ext(6, &l.extensions)?;
        }
        for (i, _) in p.nodes.iter().enumerate() {
            self.node(NodeAt::top(i), 0)?;
        }

        if !p.priority_projects.is_empty() {
            self.head(0, "重点プロジェクト", "Priority projects")?;
            for pp in &p.priority_projects {
                let n = pp.number.map(|n| format!("{n}. ")).unwrap_or_default();
                self.line(2, &format!("{n}{}", self.t(&pp.title)))?;
                self.opt_text(4, "説明", "About", &pp.description)?;
                let nodes: Vec<String> = pp.nodes.iter().map(|n| self.node_ref(n)).collect();
                self.field(4, "含む項目", "Bundles", &nodes.join(self.list_sep()))?;
                for ind in &pp.indicators {
                    self.indicator(4, ind)?;
                }
                self.ext(4, &pp.extensions)?;
            }
        }

        if !p.indicators.is_empty() {
            self.head(0, "計画全体の指標", "Plan indicators")?;
            for ind in &p.indicators {
                self.indicator(2, ind)?;
            }
        }

        if let Some(e) = &p.evaluation {
            self.evaluation(e)?;
        }

        if !p.actors.is_empty() {
            self.head(0, "担い手", "Actors")?;
            for a in &p.actors {
                let mut about = self.label3(a.kind.labels()).to_owned();
                if let Some(s) = &a.sector {
                    about.push_str(self.list_sep());
                    about.push_str(&self.sector_label(s));
                }
                let v = format!("{}{}", self.t(&a.name), self.paren(&about));
                self.line(2, &v)?;
                if let Some(pb) = &a.publisher {
                    let name = self
                        .p
                        .publisher(pb.as_str())
                        .map_or(pb.to_string(), |x| self.t(&x.name).to_owned());
                    self.field(4, "策定主体と同じ団体", "Same body as publisher", &name)?;
                }
                self.opt_text(4, "説明", "About", &a.description)?;
                self.ext(4, &a.extensions)?;
            }
        }

        if !p.sub_plans.is_empty() {
            self.head(0, "包含する計画", "Sub-plans")?;
            for s in &p.sub_plans {
                self.line(2, self.t(&s.title))?;
                self.opt_text(4, "根拠", "Legal basis", &s.legal_basis)?;
                self.opt_text(4, "説明", "About", &s.description)?;
                if let Some(period) = &s.period {
                    self.period(4, period, false)?;
                }
                for ind in &s.indicators {
                    self.indicator(4, ind)?;
                }
                self.ext(4, &s.extensions)?;
            }
        }

        if !p.districts.is_empty() {
            self.head(0, "地区", "Districts")?;
            let roots: Vec<usize> = (0..p.districts.len())
                .filter(|&i| {
                    p.districts
                        .get(i)
                        .and_then(|d| d.parent.as_ref())
                        .is_none_or(|parent| p.district(parent.as_str()).is_none())
                })
                .collect();
            let mut shown = vec![false; p.districts.len()];
            for d in roots {
                self.district(d, 2, &mut shown)?;
            }
            // A district caught in a parent cycle has no root above it; it is still shown.
            for d in 0..p.districts.len() {
                if !shown.get(d).copied().unwrap_or(true) {
                    self.district(d, 2, &mut shown)?;
                }
            }
        }

        if !p.bases.is_empty() {
            self.head(0, "拠点", "Bases")?;
            for b in &p.bases {
                let mut v = self.t(&b.name).to_owned();
                if let Some(d) = &b.district {
                    v.push_str(&self.paren(&self.district_name(d)));
                }
                self.line(2, &v)?;
                self.opt_text(4, "説明", "About", &b.description)?;
                self.ext(4, &b.extensions)?;
            }
        }

        if !p.sources.is_empty() {
            self.head(0, "出典", "Sources")?;
            for s in &p.sources {
                self.line(2, self.t(&s.title))?;
                if let Some(u) = &s.url {
                    self.line(4, u)?;
                }
                self.opt_text(4, "注記", "Note", &s.note)?;
                self.ext(4, &s.extensions)?;
            }
        }
        if !p.extensions.is_empty() {
            self.head(0, "拡張", "Extensions")?;
            self.ext(2, &p.extensions)?;
        }
        Ok(())
    }

    fn evaluation(&mut self, e: &Evaluation) -> Out {
        self.head(
            0,
            "評価の尺度（進行管理）",
            "Grading scales (progress evaluation)",
        )?;
        for scale in &e.scales {
            self.line(2, self.t(&scale.name))?;
            for g in &scale.grades {
                let mut v = format!("{} {}", g.code, self.t(&g.label));
                if let Some(sc) = g.score {
                    v.push_str(&self.paren(&if self.ja() {
                        format!("{sc}点")
                    } else {
                        format!("score {sc}")
                    }));
                }
                if let Some(d) = &g.definition {
                    v.push_str(&format!(": {}", self.t(d)));
                }
                self.line(4, &v)?;
                self.ext(6, &g.extensions)?;
            }
            if !scale.indicator_conditions.is_empty() {
                let rules: Vec<String> = scale
                    .indicator_conditions
                    .iter()
                    .map(|c| {
                        let mut when = self.label3(c.when.labels()).to_owned();
                        if let Some(v) = c.value {
                            let unit = match (c.when, c.relative, self.ja()) {
                                (Condition::AchievementAtLeast, _, _) | (_, true, _) => "%",
                                (_, false, true) => "ポイント",
                                (_, false, false) => " points",
                            };
                            let rel = match (c.relative, self.ja()) {
                                (true, true) => "基準値の",
                                (true, false) => "of the baseline, ",
                                _ => "",
                            };
                            when.push_str(&self.paren(&format!("{rel}{v}{unit}")));
                        }
                        format!("{when} → {}", c.grade)
                    })
                    .collect();
                self.field(
                    4,
                    "指標の評価",
                    "Indicators",
                    &rules.join(if self.ja() { "；" } else { "; " }),
                )?;
            }
            if let Some(n) = &scale.nodes {
                let mut v = self.label3(n.method.labels()).to_owned();
                if let Some(from) = &n.from {
                    let name = e
                        .scales
                        .iter()
                        .find(|s| s.id == *from)
                        .map_or(from.to_string(), |s| self.t(&s.name).to_owned());
                    v.push_str(&self.paren(&if self.ja() {
                        format!("{name}から")
                    } else {
                        format!("from {name}")
                    }));
                }
                self.field(4, "項目の評価", "Nodes", &v)?;
            }
            self.ext(4, &scale.extensions)?;
        }
        self.ext(2, &e.extensions)
    }

    fn period(&mut self, indent: usize, period: &Period, plan: bool) -> Out {
        let v = self.years(period.start_fiscal_year, period.end_fiscal_year);
        if plan {
            self.field(indent, "計画期間", "Plan period", &v)?;
        } else {
            self.field(indent, "期間", "Period", &v)?;
        }
        for ph in &period.phases {
            let v = format!(
                "{} {}",
                self.t(&ph.name),
                self.years(ph.start_fiscal_year, ph.end_fiscal_year)
            );
            self.field(indent + 2, "期", "Phase", &v)?;
            self.ext(indent + 4, &ph.extensions)?;
        }
        if let Some(y) = period.mid_term_review_fiscal_year {
            let v = self.year(y);
            self.field(indent + 2, "中間見直し", "Mid-term review", &v)?;
        }
        self.ext(indent + 2, &period.extensions)
    }

    fn challenge(&mut self, indent: usize, c: &Challenge) -> Out {
        let (lj, le) = challenge_label(c.number);
        let label = if self.ja() { lj } else { format!("{le}:") };
        self.line(indent, &format!("{label} {}", self.t(&c.title)))?;
        if let Some(d) = &c.description {
            self.line(indent + 4, self.t(d))?;
        }
        self.lineage(indent + 4, &c.lineage)?;
        self.ext(indent + 4, &c.extensions)
    }

    fn challenge_ref(&self, id: &Id) -> String {
        match self.p.challenge(id.as_str()) {
            Some(c) if self.ja() => format!("課題{}", challenge_label(c.number).0),
            Some(c) => challenge_label(c.number).1,
            None => id.to_string(),
        }
    }

    fn node_ref(&self, id: &Id) -> String {
        let index = self.p.part_index();
        match index.get(id.as_str()) {
            Some(PartAt::Node(at)) => {
                let label = self.p.label_in(at, self.lang);
                let title = self.p.node_at(at).map(|n| self.t(&n.title)).unwrap_or_default();
                if label.is_empty() {
                    title.to_owned()
                } else {
                    format!("{label} {title}")
                }
            }
            _ => id.to_string(),
        }
    }

    fn sector_label(&self, code: &Id) -> String {
        match self.p.help_model.as_ref().and_then(|m| m.sector(code.as_str())) {
            Some(s) => s.label(self.lang),
            None => code.to_string(),
        }
    }

    fn district_name(&self, id: &Id) -> String {
        self.p
            .district(id.as_str())
            .map_or(id.to_string(), |d| self.t(&d.name).to_owned())
    }

    fn publisher_names(&self, ids: &[Id]) -> String {
        ids.iter()
            .map(|id| {
                self.p
                    .publisher(id.as_str())
                    .map_or(id.to_string(), |x| self.t(&x.name).to_owned())
            })
            .collect::<Vec<_>>()
            .join(self.list_sep())
    }

    fn phase_names(&self, ids: &[Id]) -> String {
        ids.iter()
            .map(|id| {
                self.p
                    .period
                    .phases
                    .iter()
                    .find(|ph| ph.id == *id)
                    .map_or(id.to_string(), |ph| self.t(&ph.name).to_owned())
            })
            .collect::<Vec<_>>()
            .join(self.list_sep())
    }

    fn node(&mut self, at: NodeAt, indent: usize) -> Out {
        let p = self.p;
        let Some(n) = p.node_at(at) else { return Ok(()) };
        let label = p.label_in(at, self.lang);
        let label = if label.is_empty() { "・".to_owned() } else { label };
        let star = match (n.priority, self.ja()) {
            (false, _) => "",
            (true, true) => " ［重点］",
            (true, false) => " [priority]",
        };
        let top = at.depth() == 0;
        let line = format!("{label} {}{star}", self.t(&n.title));
        if top {
            writeln!(self.o)?;
        }
        self.line(indent + 2, &line)?;
        let d = indent + 6;
        if let Some(x) = &n.description {
            self.line(d, self.t(x))?;
        }
        if !n.participants.is_empty() {
            self.participants(d, n)?;
        }
        if !n.challenges.is_empty() {
            let v: Vec<String> = n.challenges.iter().map(|c| self.challenge_ref(c)).collect();
            self.field(d, "課題", "Challenges", &v.join(self.list_sep()))?;
        }
        if !n.attributed_to.is_empty() {
            let v = self.publisher_names(&n.attributed_to);
            self.field(d, "計画の区分", "Attributed to", &v)?;
        }
        if !n.sub_plans.is_empty() {
            let v: Vec<String> = n
                .sub_plans
                .iter()
                .map(|id| {
                    p.sub_plans
                        .iter()
                        .find(|s| s.id == *id)
                        .map_or(id.to_string(), |s| self.t(&s.title).to_owned())
                })
                .collect();
            self.field(d, "包含する計画", "Sub-plans", &v.join(self.list_sep()))?;
        }
        if !n.districts.is_empty() {
            let v: Vec<String> = n.districts.iter().map(|x| self.district_name(x)).collect();
            self.field(d, "地区", "Districts", &v.join(self.list_sep()))?;
        }
        if !n.bases.is_empty() {
            let v: Vec<String> = n
                .bases
                .iter()
                .map(|id| {
                    p.bases
                        .iter()
                        .find(|b| b.id == *id)
                        .map_or(id.to_string(), |b| self.t(&b.name).to_owned())
                })
                .collect();
            self.field(d, "拠点", "Bases", &v.join(self.list_sep()))?;
        }
        if !n.phases.is_empty() {
            let v = self.phase_names(&n.phases);
            self.field(d, "期", "Phases", &v)?;
        }
        for ind in &n.indicators {
            self.indicator(d, ind)?;
        }
        if !n.projects.is_empty() {
            self.field(d, "事業", "Projects", "")?;
            for pr in &n.projects {
                self.project(d + 2, pr)?;
            }
        }
        self.lineage(d, &n.lineage)?;
        self.ext(d, &n.extensions)?;
        for i in 0..n.children.len() {
            if let Some(c) = at.child(i) {
                self.node(c, indent + 2)?;
            }
        }
        Ok(())
    }

    fn participants(&mut self, indent: usize, n: &Node) -> Out {
        let p = self.p;
        // Grouped by sector in the model's order, then those without a sector.
        let mut order: Vec<Option<&Id>> = p
            .help_model
            .iter()
            .flat_map(|m| &m.sectors)
            .map(|s| Some(&s.sector))
            .collect();
        for part in &n.participants {
            if !order.contains(&part.sector.as_ref()) {
                order.push(part.sector.as_ref());
            }
        }
        let mut groups = Vec::new();
        for sector in order {
            let names: Vec<String> = n
                .participants
                .iter()
                .filter(|part| part.sector.as_ref() == sector)
                .map(|part| {
                    let name = p
                        .actor(part.actor.as_str())
                        .map_or(part.actor.to_string(), |a| self.t(&a.name).to_owned());
                    match &part.role {
                        Some(r) => format!("{name}{}", self.paren(self.t(r))),
                        None => name,
                    }
                })
                .collect();
            if names.is_empty() {
                continue;
            }
            let names = names.join(self.list_sep());
            groups.push(match sector {
                Some(s) if self.ja() => format!("{} {names}", self.sector_label(s)),
                Some(s) => format!("{}: {names}", self.sector_label(s)),
                None => names,
            });
        }
        self.field(indent, "担い手", "Actors", &groups.join(" / "))?;
        for part in &n.participants {
            self.ext(indent + 2, &part.extensions)?;
        }
        Ok(())
    }

    fn project(&mut self, indent: usize, pr: &Project) -> Out {
        let n = pr
            .number
            .map(|n| format!("{} ", numbering::circled(n)))
            .unwrap_or_else(|| "・".to_owned());
        self.line(indent, &format!("{n}{}", self.t(&pr.title)))?;
        let d = indent + 4;
        if let Some(x) = &pr.description {
            self.line(d, self.t(x))?;
        }
        self.opt_text(d, "担当", "In charge", &pr.responsible)?;
        if !pr.attributed_to.is_empty() {
            let v = self.publisher_names(&pr.attributed_to);
            self.field(d, "計画の区分", "Attributed to", &v)?;
        }
        if !pr.phases.is_empty() {
            let v = self.phase_names(&pr.phases);
            self.field(d, "期", "Phases", &v)?;
        }
        for ind in &pr.indicators {
            self.indicator(d, ind)?;
        }
        self.ext(d, &pr.extensions)
    }

    fn indicator(&mut self, indent: usize, ind: &Indicator) -> Out {
        let mut head = self.t(&ind.name).to_owned();
        let mut tags: Vec<&str> = Vec::new();
        if let Some(k) = ind.kind {
            tags.push(self.label3(k.labels()));
        }
        if let Some(v) = ind.value_type {
            tags.push(self.label3(v.labels()));
        }
        if let Some(d) = ind.direction {
            tags.push(self.label3(d.labels()));
        }
        if !tags.is_empty() {
            head.push_str(&self.paren(&tags.join(self.list_sep())));
        }
        self.field(indent, "指標", "Indicator", &head)?;
        let unit = ind
            .unit
            .as_ref()
            .map(|u| self.t(u).to_owned())
            .unwrap_or_default();
        let cmp = ind
            .comparator
            .map(|c| self.label3(c.labels()))
            .unwrap_or_default();
        let d = indent + 4;
        if let Some(b) = &ind.baseline {
            let v = format!("{} {}{unit}", self.year(b.fiscal_year), b.value);
            self.field(d, "現状値", "Baseline", &v)?;
            self.opt_text(d + 2, "注記", "Note", &b.note)?;
            self.ext(d + 2, &b.extensions)?;
        }
        for t in &ind.targets {
            let v = match (&t.value, cmp.is_empty()) {
                (_, true) => format!("{} {}{unit}", self.year(t.fiscal_year), t.value),
                // A word (設置) is the target itself; the comparator goes beside it.
                (Quantity::Text(_), false) => format!(
                    "{} {}{unit}{}",
                    self.year(t.fiscal_year),
                    t.value,
                    self.paren(cmp)
                ),
                (_, false) if self.ja() => format!("{} {}{unit}{cmp}", self.year(t.fiscal_year), t.value),
                (_, false) => format!("{} {cmp} {}{unit}", self.year(t.fiscal_year), t.value),
            };
            self.field(d, "目標値", "Target", &v)?;
            self.opt_text(d + 2, "注記", "Note", &t.note)?;
            self.ext(d + 2, &t.extensions)?;
        }
        self.opt_text(d, "出典", "Source", &ind.source)?;
        self.opt_text(d, "定義", "Definition", &ind.definition)?;
        self.lineage(d, &ind.lineage)?;
        self.ext(d, &ind.extensions)
    }

    /// What a part continues from the previous edition: 前期計画: g1（文言修正）.
    fn lineage(&mut self, indent: usize, lineage: &[Lineage]) -> Out {
        if lineage.is_empty() {
            return Ok(());
        }
        let v: Vec<String> = lineage
            .iter()
            .map(|l| {
                let (_, ja, en) = l.change.labels();
                if self.ja() {
                    format!("{}（{ja}）", l.from)
                } else {
                    format!("{} ({en})", l.from)
                }
            })
            .collect();
        self.field(
            indent,
            "前期計画から",
            "From the previous edition",
            &v.join(self.list_sep()),
        )?;
        for l in lineage {
            self.ext(indent + 2, &l.extensions)?;
        }
        Ok(())
    }

    fn district(&mut self, d: usize, indent: usize, shown: &mut Vec<bool>) -> Out {
        let p = self.p;
        let Some(district) = p.districts.get(d) else {
            return Ok(());
        };
        if shown.get(d).copied().unwrap_or(true) {
            return Ok(());
        }
        if let Some(s) = shown.get_mut(d) {
            *s = true;
        }
        let mut v = self.t(&district.name).to_owned();
        if let Some(l) = &district.layer {
            v.push_str(&self.paren(self.t(l)));
        }
        self.line(indent, &v)?;
        let i = indent + 4;
        if let Some(x) = &district.description {
            self.line(i, self.t(x))?;
        }
        for f in &district.figures {
            let unit = f.unit.as_ref().map(|u| self.t(u).to_owned()).unwrap_or_default();
            let v = format!("{} {}{unit}", self.year(f.fiscal_year), f.value);
            self.field(i, self.t(&f.name), self.t(&f.name), &v)?;
            self.ext(i + 2, &f.extensions)?;
        }
        if !district.challenges.is_empty() {
            self.field(i, "地区の課題", "District challenges", "")?;
            for c in &district.challenges {
                self.challenge(i + 2, c)?;
            }
        }
        if !district.nodes.is_empty() {
            self.field(i, "地区別計画", "District plan", "")?;
            for k in 0..district.nodes.len() {
                self.node(NodeAt::top_in(Some(d), k), i)?;
            }
        }
        self.ext(i, &district.extensions)?;
        let children: Vec<usize> = p
            .districts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.parent.as_ref() == Some(&district.id))
            .map(|(k, _)| k)
            .collect();
        for c in children {
            self.district(c, indent + 2, shown)?;
        }
        Ok(())
    }
}

/// The evaluation of a plan over its reports, as text: each indicator's series with its
/// status and grades, then every node's grades (computed beside entered), then each help
/// sector's: what `welfare-plan progress` prints.
pub fn progress(plan: &Plan, p: &crate::report::Progress, lang: Lang) -> String {
    let mut r = Renderer {
        o: String::new(),
        p: plan,
        lang,
    };
    // Writing to a String cannot fail.
    let _ = r.progress(p);
    r.o
}

impl Renderer<'_> {
    fn grade_name(&self, scale: &str, code: &str) -> String {
        let scales = self.p.evaluation.iter().flat_map(|e| &e.scales);
        match scales
            .clone()
            .find(|s| s.id.as_str() == scale)
            .and_then(|s| s.grade(code))
        {
            Some(g) => format!("{} {}", g.code, self.t(&g.label)),
            None => code.to_owned(),
        }
    }

    fn scale_name(&self, scale: &str) -> String {
        let scales = self.p.evaluation.iter().flat_map(|e| &e.scales);
        match scales.clone().find(|s| s.id.as_str() == scale) {
            Some(s) => self.t(&s.name).to_owned(),
            None => scale.to_owned(),
        }
    }

    fn year_short(&self, y: FiscalYear) -> String {
        if self.ja() {
            format!("{y}年度")
        } else {
            format!("FY{y}")
        }
    }

    fn node_grades(&mut self, indent: usize, years: &[crate::report::NodeYear]) -> Out {
        for y in years {
            let mut parts = Vec::new();
            for g in &y.grades {
                let scale = g.scale.as_str();
                let mut s = self.scale_name(scale);
                let computed = g.computed.as_ref().map(|c| self.grade_name(scale, c));
                let entered = g.entered.as_ref().map(|c| self.grade_name(scale, c));
                let (c_label, e_label) = if self.ja() {
                    ("計算", "入力")
                } else {
                    ("computed", "entered")
                };
                match (entered, computed) {
                    (None, None) => continue,
                    (Some(e), Some(c)) => s.push_str(&format!(" {e_label} {e} / {c_label} {c}")),
                    (Some(e), None) => s.push_str(&format!(" {e_label} {e}")),
                    (None, Some(c)) => s.push_str(&format!(" {c_label} {c}")),
                }
                parts.push(s);
            }
            if !parts.is_empty() {
                let v = format!("{}  {}", self.year_short(y.fiscal_year), parts.join("  "));
                self.line(indent, &v)?;
            }
        }
        Ok(())
    }

    fn progress(&mut self, pr: &crate::report::Progress) -> Out {
        let p = self.p;
        let head = if self.ja() { "進行管理" } else { "Progress" };
        self.line(0, &format!("{head}: {}", self.t(&p.title)))?;
        let years: Vec<String> = pr.years.iter().map(|y| self.year_short(*y)).collect();
        self.field(0, "評価年度", "Years evaluated", &years.join(self.list_sep()))?;

        self.head(0, "指標", "Indicators")?;
        for s in &pr.indicators {
            let unit = s.unit.as_ref().map(|u| self.t(u).to_owned()).unwrap_or_default();
            self.line(2, self.t(&s.name))?;
            if let Some(b) = &s.baseline {
                let v = format!("{} {}{unit}", self.year_short(b.fiscal_year), b.value);
                self.field(6, "現状値", "Baseline", &v)?;
            }
            let targets: Vec<String> = s
                .targets
                .iter()
                .map(|t| format!("{} {}{unit}", self.year_short(t.fiscal_year), t.value))
                .collect();
            if !targets.is_empty() {
                self.field(6, "目標値", "Targets", &targets.join(" / "))?;
            }
            for y in &s.years {
                let value = match &y.value {
                    Some(v) => format!("{v}{unit}"),
                    None => "−".to_owned(),
                };
                let mut v = format!("{} {value}", self.year_short(y.fiscal_year));
                if let Some(a) = y.achievement {
                    let e = y
                        .expected
                        .map(|e| format!("{e:.0}%"))
                        .unwrap_or_else(|| "—".into());
                    if self.ja() {
                        v.push_str(&format!("  達成率 {a:.0}%（計画線 {e}）"));
                    } else {
                        v.push_str(&format!("  achievement {a:.0}% (expected {e})"));
                    }
                }
                v.push_str(&format!("  {}", self.label3(y.status.labels())));
                for (scale, grade) in &y.grades {
                    v.push_str(&format!(
                        "  {} {}",
                        self.scale_name(scale.as_str()),
                        self.grade_name(scale.as_str(), grade)
                    ));
                }
                self.line(6, &v)?;
            }
        }

        if pr.nodes.iter().any(|n| {
            n.years.iter().any(|y| {
                y.grades
                    .iter()
                    .any(|g| g.entered.is_some() || g.computed.is_some())
            })
        }) {
            self.head(0, "項目の評価", "Grades of the plan's nodes")?;
            for n in &pr.nodes {
                let label = if self.ja() { &n.label.0 } else { &n.label.1 };
                let line = format!("{label} {}", self.t(&n.title));
                self.line(2 + 2 * n.depth, line.trim_start())?;
                self.node_grades(6 + 2 * n.depth, &n.years)?;
            }
        }
        if pr.sectors.iter().any(|s| {
            s.years
                .iter()
                .any(|y| y.grades.iter().any(|g| g.computed.is_some()))
        }) {
            let heading = p
                .help_model
                .as_ref()
                .map(|m| m.heading(self.lang))
                .unwrap_or_default();
            self.head(
                0,
                &format!("助けあいの区分ごと（{heading}）"),
                &format!("By help sector ({heading})"),
            )?;
            for s in &pr.sectors {
                let label = if self.ja() { &s.label.0 } else { &s.label.1 };
                self.line(2, label)?;
                self.node_grades(6, &s.years)?;
            }
        }
        Ok(())
    }
}
