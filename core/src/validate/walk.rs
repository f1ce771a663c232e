//! One walk over a plan that hands each text, year, list, id and reference to a visitor with
//! its path, so that rules about "every text" or "every id" are written once and cannot miss
//! a field.

use std::borrow::Cow;

use crate::error::{Path, PathSegment};
use crate::model::*;

/// The kinds of part that carry an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The plan itself.
    Plan,
    /// A phase of the period.
    Phase,
    /// A narrative section.
    Section,
    /// A challenge (課題).
    Challenge,
    /// A resident's voice.
    Voice,
    /// A level of the plan's tree.
    Level,
    /// A node of the plan's tree (a basic goal, an initiative …).
    Node,
    /// A priority project (重点プロジェクト).
    PriorityProject,
    /// A grading scale (評価の尺度).
    Scale,
    /// A project (事業).
    Project,
    /// An evaluation indicator (評価指標).
    Indicator,
    /// An actor (担い手).
    Actor,
    /// A publisher (策定主体).
    Publisher,
    /// A sub-plan.
    SubPlan,
    /// A district (地区).
    District,
    /// A base (拠点).
    Base,
}

impl Kind {
    /// (English, Japanese) names for messages.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Kind::Plan => ("plan", "計画"),
            Kind::Phase => ("phase", "期"),
            Kind::Section => ("section", "節"),
            Kind::Challenge => ("challenge", "課題"),
            Kind::Voice => ("voice", "市民の声"),
            Kind::Level => ("level", "階層"),
            Kind::Node => ("plan item", "計画の項目"),
            Kind::PriorityProject => ("priority project", "重点プロジェクト"),
            Kind::Scale => ("grading scale", "評価の尺度"),
            Kind::Project => ("project", "事業"),
            Kind::Indicator => ("indicator", "評価指標"),
            Kind::Actor => ("actor", "担い手"),
            Kind::Publisher => ("publisher", "策定主体"),
            Kind::SubPlan => ("sub-plan", "個別計画"),
            Kind::District => ("district", "地区"),
            Kind::Base => ("base", "拠点"),
        }
    }
}

/// What a fiscal year means where it stands, for rules that care (the period rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRole {
    /// The plan period's first year.
    PeriodStart,
    /// The plan period's last year.
    PeriodEnd,
    /// A phase's first year.
    PhaseStart,
    /// A phase's last year.
    PhaseEnd,
    /// The mid-term review.
    MidTermReview,
    /// An indicator's baseline year.
    Baseline,
    /// An indicator's target year.
    Target,
    /// A district's figure.
    Figure,
    /// A sub-plan's own period.
    SubPlanPeriod,
}

/// The path to the node being visited, kept as a stack so that the walk allocates nothing
/// until a rule actually reports an issue.
#[derive(Debug, Default)]
pub struct Stack(Vec<PathSegment>);

impl Stack {
    fn key(&mut self, k: &'static str) {
        self.0.push(PathSegment::Key(Cow::Borrowed(k)));
    }

    fn index(&mut self, i: usize) {
        self.0.push(PathSegment::Index(i));
    }

    fn pop(&mut self) {
        self.0.pop();
    }

    /// The current path, and `extra` keys below it.
    pub fn path(&self, extra: &[&'static str]) -> Path {
        let mut p = Path(self.0.clone());
        for k in extra {
            p = p.key(*k);
        }
        p
    }
}

/// A set of the kinds of visit (one bit per [`Visitor`] method): what a visitor handles, so
/// that [`Fanout`] calls each visitor only for those.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visits(u16);

impl Visits {
    /// [`Visitor::text`].
    pub const TEXT: Visits = Visits(1);
    /// [`Visitor::year`].
    pub const YEAR: Visits = Visits(1 << 1);
    /// [`Visitor::list`].
    pub const LIST: Visits = Visits(1 << 2);
    /// [`Visitor::id`].
    pub const ID: Visits = Visits(1 << 3);
    /// [`Visitor::reference`].
    pub const REFERENCE: Visits = Visits(1 << 4);
    /// [`Visitor::sector`].
    pub const SECTOR: Visits = Visits(1 << 5);
    /// [`Visitor::foreign`].
    pub const FOREIGN: Visits = Visits(1 << 6);
    /// [`Visitor::extensions`].
    pub const EXTENSIONS: Visits = Visits(1 << 7);
    /// [`Visitor::indicator`].
    pub const INDICATOR: Visits = Visits(1 << 8);
    /// [`Visitor::node`].
    pub const NODE: Visits = Visits(1 << 9);
    /// How many kinds there are.
    const KINDS: usize = 10;
    /// Every kind.
    pub const ALL: Visits = Visits((1 << Self::KINDS) - 1);

    /// Both sets.
    pub const fn and(self, other: Visits) -> Visits {
        Visits(self.0 | other.0)
    }

    fn has(self, bit: usize) -> bool {
        self.0 & (1 << bit) != 0
    }

    /// The bit of a single kind of visit.
    const fn bit(self) -> usize {
        self.0.trailing_zeros() as usize
    }
}

/// What a rule wants to see. Every method has an empty default.
pub trait Visitor<'p> {
    /// The visits this visitor handles; it is called for no other. All of them unless it
    /// says otherwise: a visitor that names too few misses parts (the conformance corpus, with
    /// a case for every code, would show it), one that names too many is only slower.
    fn visits(&self) -> Visits {
        Visits::ALL
    }
    /// A bilingual text; `path` ends at the text object.
    fn text(&mut self, _text: &'p Text, _path: &Stack) {}
    /// A fiscal year in `role`; `path` ends at the year.
    fn year(&mut self, _year: FiscalYear, _role: YearRole, _path: &Stack) {}
    /// A list of `len` elements, one or more (empty lists are not visited); `path` ends at the
    /// list.
    fn list(&mut self, _len: usize, _path: &Stack) {}
    /// An id that names a part of `kind`; `path` ends at the id.
    fn id(&mut self, _id: &'p Id, _kind: Kind, _path: &Stack) {}
    /// A reference, held by a part of kind `from`, that must name a part of kind `want`;
    /// `path` ends at the reference.
    fn reference(&mut self, _id: &'p Id, _want: Kind, _from: Kind, _path: &Stack) {}
    /// A help sector used by an actor or a participation; `path` ends at the sector.
    fn sector(&mut self, _sector: &'p Id, _path: &Stack) {}
    /// An id of a part of another document (a previous edition, in a lineage), which is not
    /// resolved against this plan; `path` ends at it.
    fn foreign(&mut self, _id: &'p Id, _path: &Stack) {}
    /// An extensions object; `path` ends at it.
    fn extensions(&mut self, _ext: &'p Extensions, _path: &Stack) {}
    /// An indicator, before its parts; `path` ends at it.
    fn indicator(&mut self, _indicator: &'p Indicator, _path: &Stack) {}
    /// A node of a tree, before its parts: `depth` 0 for a top node, `district` for a node of a
    /// district's own plan; `path` ends at the node. Rules about nodes by their level see them
    /// here instead of walking the tree again.
    fn node(&mut self, _node: &'p Node, _at: NodeVisit, _path: &Stack) {}
}

/// Where a visited node sits: its depth (0 for a top node) and whether it is in a district's
/// own plan rather than the plan's tree. The walker keeps the current one as it goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeVisit {
    /// The node's depth, 0 for a top node: the index of its level.
    pub depth: usize,
    /// Whether the node is in a district's own plan.
    pub district: bool,
}

struct Walker<'v, V> {
    v: &'v mut V,
    at: Stack,
    place: NodeVisit,
}

/// Walks every part of `plan` in document order.
pub fn walk<'p, V: Visitor<'p>>(plan: &'p Plan, v: &mut V) {
    Walker {
        v,
        at: Stack::default(),
        place: NodeVisit::default(),
    }
    .plan(plan);
}

impl<'p, V: Visitor<'p>> Walker<'_, V> {
    fn field(&mut self, k: &'static str, f: impl FnOnce(&mut Self)) {
        self.at.key(k);
        f(self);
        self.at.pop();
    }

    fn list<T>(&mut self, k: &'static str, items: &'p [T], mut f: impl FnMut(&mut Self, &'p T)) {
        // An empty list has nothing to visit, and no rule has anything to say about its length:
        // most of a node's lists are empty, and this is the walk's most frequent call.
        if items.is_empty() {
            return;
        }
        self.at.key(k);
        self.v.list(items.len(), &self.at);
        for (i, item) in items.iter().enumerate() {
            self.at.index(i);
            f(self, item);
            self.at.pop();
        }
        self.at.pop();
    }

    fn text(&mut self, k: &'static str, t: &'p Text) {
        self.field(k, |w| w.v.text(t, &w.at));
    }

    fn opt_text(&mut self, k: &'static str, t: &'p Option<Text>) {
        if let Some(t) = t {
            self.text(k, t);
        }
    }

    fn id(&mut self, id: &'p Id, kind: Kind) {
        self.field("id", |w| w.v.id(id, kind, &w.at));
    }

    fn year(&mut self, k: &'static str, y: FiscalYear, role: YearRole) {
        self.field(k, |w| w.v.year(y, role, &w.at));
    }

    fn refs(&mut self, k: &'static str, ids: &'p [Id], want: Kind, from: Kind) {
        self.list(k, ids, |w, id| w.v.reference(id, want, from, &w.at));
    }

    fn sector(&mut self, s: &'p Option<Id>) {
        if let Some(s) = s {
            self.field("sector", |w| w.v.sector(s, &w.at));
        }
    }

    fn opt_ref(&mut self, k: &'static str, id: &'p Option<Id>, want: Kind, from: Kind) {
        if let Some(id) = id {
            self.field(k, |w| w.v.reference(id, want, from, &w.at));
        }
    }

    fn lineage(&mut self, l: &'p [Lineage]) {
        self.list("lineage", l, |w, x| {
            w.field("from", |w| w.v.foreign(&x.from, &w.at));
            w.ext(&x.extensions);
        });
    }

    fn ext(&mut self, e: &'p Extensions) {
        if !e.is_empty() {
            self.field("extensions", |w| w.v.extensions(e, &w.at));
        }
    }

    fn plan(&mut self, p: &'p Plan) {
        self.id(&p.id, Kind::Plan);
        self.text("title", &p.title);
        self.field("municipality", |w| {
            w.text("name", &p.municipality.name);
            w.text("prefecture", &p.municipality.prefecture);
            w.ext(&p.municipality.extensions);
        });
        self.field("period", |w| w.period(&p.period, true));
        self.list("revisions", &p.revisions, |w, r| {
            w.text("description", &r.description);
            w.ext(&r.extensions);
        });
        self.list("publishers", &p.publishers, |w, pb| {
            w.id(&pb.id, Kind::Publisher);
            w.text("name", &pb.name);
            if let Some(o) = &pb.office {
                w.field("office", |w| {
                    w.opt_text("organization", &o.organization);
                    w.opt_text("department", &o.department);
                    w.opt_text("division", &o.division);
                    w.opt_text("section", &o.section);
                    w.ext(&o.extensions);
                });
            }
            w.ext(&pb.extensions);
        });
        self.field("philosophy", |w| {
            w.text("statement", &p.philosophy.statement);
            w.opt_text("subtitle", &p.philosophy.subtitle);
            w.opt_text("explanation", &p.philosophy.explanation);
            w.ext(&p.philosophy.extensions);
        });
        if let Some(m) = &p.help_model {
            self.field("help_model", |w| {
                w.list("sectors", &m.sectors, |w, s| {
                    w.opt_text("label", &s.label);
                    w.text("definition", &s.definition);
                    w.ext(&s.extensions);
                });
                w.ext(&m.extensions);
            });
        }
        self.list("overview", &p.overview, |w, s| {
            w.id(&s.id, Kind::Section);
            w.opt_text("heading", &s.heading);
            w.text("body", &s.body);
            w.ext(&s.extensions);
        });
        self.list("challenges", &p.challenges, Self::challenge);
        self.list("voices", &p.voices, |w, v| {
            w.id(&v.id, Kind::Voice);
            w.text("text", &v.text);
            w.refs("challenges", &v.challenges, Kind::Challenge, Kind::Voice);
            w.refs("nodes", &v.nodes, Kind::Node, Kind::Voice);
            w.ext(&v.extensions);
        });
        self.list("levels", &p.levels, |w, l| {
            w.id(&l.id, Kind::Level);
            w.text("name", &l.name);
            w.ext(&l.extensions);
        });
        self.opt_ref("initiative_level", &p.initiative_level, Kind::Level, Kind::Plan);
        self.list("nodes", &p.nodes, Self::node);
        self.list("priority_projects", &p.priority_projects, |w, pp| {
            w.id(&pp.id, Kind::PriorityProject);
            w.text("title", &pp.title);
            w.opt_text("description", &pp.description);
            w.refs("nodes", &pp.nodes, Kind::Node, Kind::PriorityProject);
            w.list("indicators", &pp.indicators, Self::indicator);
            w.ext(&pp.extensions);
        });
        self.list("indicators", &p.indicators, Self::indicator);
        if let Some(e) = &p.evaluation {
            self.field("evaluation", |w| {
                w.list("scales", &e.scales, |w, s| {
                    w.id(&s.id, Kind::Scale);
                    w.text("name", &s.name);
                    w.list("grades", &s.grades, |w, g| {
                        w.text("label", &g.label);
                        w.opt_text("definition", &g.definition);
                        w.ext(&g.extensions);
                    });
                    if let Some(n) = &s.nodes {
                        w.field("nodes", |w| w.opt_ref("from", &n.from, Kind::Scale, Kind::Scale));
                    }
                    w.ext(&s.extensions);
                });
                w.ext(&e.extensions);
            });
        }
        self.list("actors", &p.actors, |w, a| {
            w.id(&a.id, Kind::Actor);
            w.text("name", &a.name);
            w.sector(&a.sector);
            w.opt_ref("publisher", &a.publisher, Kind::Publisher, Kind::Actor);
            w.opt_text("description", &a.description);
            w.ext(&a.extensions);
        });
        self.list("sub_plans", &p.sub_plans, |w, s| {
            w.id(&s.id, Kind::SubPlan);
            w.text("title", &s.title);
            w.opt_text("legal_basis", &s.legal_basis);
            w.opt_text("description", &s.description);
            if let Some(period) = &s.period {
                w.field("period", |w| w.period(period, false));
            }
            w.list("indicators", &s.indicators, Self::indicator);
            w.ext(&s.extensions);
        });
        self.list("districts", &p.districts, |w, d| {
            w.id(&d.id, Kind::District);
            w.text("name", &d.name);
            w.opt_ref("parent", &d.parent, Kind::District, Kind::District);
            w.opt_text("layer", &d.layer);
            w.opt_text("description", &d.description);
            w.list("figures", &d.figures, |w, f| {
                w.text("name", &f.name);
                w.year("fiscal_year", f.fiscal_year, YearRole::Figure);
                w.opt_text("unit", &f.unit);
                w.ext(&f.extensions);
            });
            w.list("challenges", &d.challenges, Self::challenge);
            w.place.district = true;
            w.list("nodes", &d.nodes, Self::node);
            w.place.district = false;
            w.ext(&d.extensions);
        });
        self.list("bases", &p.bases, |w, b| {
            w.id(&b.id, Kind::Base);
            w.text("name", &b.name);
            w.opt_ref("district", &b.district, Kind::District, Kind::Base);
            w.opt_text("description", &b.description);
            w.ext(&b.extensions);
        });
        self.list("sources", &p.sources, |w, s| {
            w.text("title", &s.title);
            w.opt_text("note", &s.note);
            w.ext(&s.extensions);
        });
        self.ext(&p.extensions);
    }

    /// A period: the plan's (`plan`), whose years rules place the others in, or a sub-plan's.
    fn period(&mut self, period: &'p Period, plan: bool) {
        let (start, end, phase_start, phase_end, review) = if plan {
            (
                YearRole::PeriodStart,
                YearRole::PeriodEnd,
                YearRole::PhaseStart,
                YearRole::PhaseEnd,
                YearRole::MidTermReview,
            )
        } else {
            let r = YearRole::SubPlanPeriod;
            (r, r, r, r, r)
        };
        self.year("start_fiscal_year", period.start_fiscal_year, start);
        self.year("end_fiscal_year", period.end_fiscal_year, end);
        self.list("phases", &period.phases, |w, ph| {
            w.id(&ph.id, Kind::Phase);
            w.text("name", &ph.name);
            w.year("start_fiscal_year", ph.start_fiscal_year, phase_start);
            w.year("end_fiscal_year", ph.end_fiscal_year, phase_end);
            w.ext(&ph.extensions);
        });
        if let Some(y) = period.mid_term_review_fiscal_year {
            self.year("mid_term_review_fiscal_year", y, review);
        }
        self.ext(&period.extensions);
    }

    fn challenge(&mut self, c: &'p Challenge) {
        self.id(&c.id, Kind::Challenge);
        self.text("title", &c.title);
        self.opt_text("description", &c.description);
        self.lineage(&c.lineage);
        self.ext(&c.extensions);
    }

    fn node(&mut self, n: &'p Node) {
        self.v.node(n, self.place, &self.at);
        self.id(&n.id, Kind::Node);
        self.text("title", &n.title);
        self.opt_text("description", &n.description);
        self.refs("challenges", &n.challenges, Kind::Challenge, Kind::Node);
        self.list("participants", &n.participants, |w, p| {
            w.field("actor", |w| {
                w.v.reference(&p.actor, Kind::Actor, Kind::Node, &w.at)
            });
            w.sector(&p.sector);
            w.opt_text("role", &p.role);
            w.ext(&p.extensions);
        });
        self.refs("attributed_to", &n.attributed_to, Kind::Publisher, Kind::Node);
        self.refs("sub_plans", &n.sub_plans, Kind::SubPlan, Kind::Node);
        self.refs("districts", &n.districts, Kind::District, Kind::Node);
        self.refs("bases", &n.bases, Kind::Base, Kind::Node);
        self.refs("phases", &n.phases, Kind::Phase, Kind::Node);
        self.list("projects", &n.projects, |w, pr| {
            w.id(&pr.id, Kind::Project);
            w.text("title", &pr.title);
            w.opt_text("description", &pr.description);
            w.opt_text("responsible", &pr.responsible);
            w.refs("attributed_to", &pr.attributed_to, Kind::Publisher, Kind::Project);
            w.refs("phases", &pr.phases, Kind::Phase, Kind::Project);
            w.list("indicators", &pr.indicators, Self::indicator);
            w.ext(&pr.extensions);
        });
        self.list("indicators", &n.indicators, Self::indicator);
        self.lineage(&n.lineage);
        self.place.depth += 1;
        self.list("children", &n.children, Self::node);
        self.place.depth -= 1;
        self.ext(&n.extensions);
    }

    fn indicator(&mut self, ind: &'p Indicator) {
        self.v.indicator(ind, &self.at);
        self.id(&ind.id, Kind::Indicator);
        self.text("name", &ind.name);
        self.opt_text("unit", &ind.unit);
        let observation = |w: &mut Self, o: &'p Observation, role| {
            w.year("fiscal_year", o.fiscal_year, role);
            w.opt_text("note", &o.note);
            w.ext(&o.extensions);
        };
        if let Some(b) = &ind.baseline {
            self.field("baseline", |w| observation(w, b, YearRole::Baseline));
        }
        self.list("targets", &ind.targets, |w, o| {
            observation(w, o, YearRole::Target)
        });
        self.opt_text("source", &ind.source);
        self.opt_text("definition", &ind.definition);
        self.lineage(&ind.lineage);
        self.ext(&ind.extensions);
    }
}

/// Hands every visit to several visitors in turn, so that the runner walks the plan once for
/// all rules; each visitor only gets the visits it handles (most visitors handle one or two
/// kinds, and the walk makes about a dozen visits per initiative).
pub struct Fanout<'a, 'p> {
    all: Vec<&'a mut dyn Visitor<'p>>,
    /// For each kind of visit (a bit of [`Visits`]), the positions in `all` of its visitors.
    to: [Vec<usize>; Visits::KINDS],
}

impl<'a, 'p> Fanout<'a, 'p> {
    /// Fans out to `all`, in order.
    pub fn new(all: Vec<&'a mut dyn Visitor<'p>>) -> Self {
        let to = std::array::from_fn(|bit| {
            (0..all.len())
                .filter(|&i| all.get(i).is_some_and(|v| v.visits().has(bit)))
                .collect()
        });
        Fanout { all, to }
    }

    /// Calls `f` with each visitor that handles `visit` (one kind).
    fn each(&mut self, visit: Visits, mut f: impl FnMut(&mut dyn Visitor<'p>)) {
        let Fanout { all, to } = self;
        for &i in to.get(visit.bit()).map(Vec::as_slice).unwrap_or_default() {
            if let Some(v) = all.get_mut(i) {
                f(&mut **v);
            }
        }
    }
}

impl<'p> Visitor<'p> for Fanout<'_, 'p> {
    fn text(&mut self, text: &'p Text, path: &Stack) {
        self.each(Visits::TEXT, |v| v.text(text, path));
    }
    fn year(&mut self, year: FiscalYear, role: YearRole, path: &Stack) {
        self.each(Visits::YEAR, |v| v.year(year, role, path));
    }
    fn list(&mut self, len: usize, path: &Stack) {
        self.each(Visits::LIST, |v| v.list(len, path));
    }
    fn id(&mut self, id: &'p Id, kind: Kind, path: &Stack) {
        self.each(Visits::ID, |v| v.id(id, kind, path));
    }
    fn reference(&mut self, id: &'p Id, want: Kind, from: Kind, path: &Stack) {
        self.each(Visits::REFERENCE, |v| v.reference(id, want, from, path));
    }
    fn sector(&mut self, sector: &'p Id, path: &Stack) {
        self.each(Visits::SECTOR, |v| v.sector(sector, path));
    }
    fn foreign(&mut self, id: &'p Id, path: &Stack) {
        self.each(Visits::FOREIGN, |v| v.foreign(id, path));
    }
    fn extensions(&mut self, ext: &'p Extensions, path: &Stack) {
        self.each(Visits::EXTENSIONS, |v| v.extensions(ext, path));
    }
    fn indicator(&mut self, indicator: &'p Indicator, path: &Stack) {
        self.each(Visits::INDICATOR, |v| v.indicator(indicator, path));
    }
    fn node(&mut self, node: &'p Node, at: NodeVisit, path: &Stack) {
        self.each(Visits::NODE, |v| v.node(node, at, path));
    }
}

/// Which visits [`paths_of`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Id visits.
    Ids,
    /// Reference visits.
    References,
}

/// The paths of the `wanted` visits (numbered from 0 in walk order). Rules record visit
/// numbers while walking and only pay for paths when they have something to report.
pub fn paths_of(plan: &Plan, counted: Counted, wanted: &[u32]) -> rustc_hash::FxHashMap<u32, Path> {
    struct Find<'w> {
        counted: Counted,
        wanted: &'w [u32],
        seen: u32,
        found: rustc_hash::FxHashMap<u32, Path>,
    }
    impl Find<'_> {
        fn visit(&mut self, path: &Stack) {
            if self.wanted.binary_search(&self.seen).is_ok() {
                self.found.insert(self.seen, path.path(&[]));
            }
            self.seen += 1;
        }
    }
    impl Visitor<'_> for Find<'_> {
        fn id(&mut self, _id: &Id, _kind: Kind, path: &Stack) {
            if self.counted == Counted::Ids {
                self.visit(path);
            }
        }
        fn reference(&mut self, _id: &Id, _want: Kind, _from: Kind, path: &Stack) {
            if self.counted == Counted::References {
                self.visit(path);
            }
        }
    }
    let mut sorted = wanted.to_vec();
    sorted.sort_unstable();
    let mut f = Find {
        counted,
        wanted: &sorted,
        seen: 0,
        found: Default::default(),
    };
    if !sorted.is_empty() {
        walk(plan, &mut f);
    }
    f.found
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    #[test]
    fn fanout_calls_each_visitor_only_for_the_visits_it_declares() {
        struct Count {
            declared: Visits,
            texts: usize,
            ids: usize,
            references: usize,
        }
        impl Visitor<'_> for Count {
            fn visits(&self) -> Visits {
                self.declared
            }
            fn text(&mut self, _: &Text, _: &Stack) {
                self.texts += 1;
            }
            fn id(&mut self, _: &Id, _: Kind, _: &Stack) {
                self.ids += 1;
            }
            fn reference(&mut self, _: &Id, _: Kind, _: Kind, _: &Stack) {
                self.references += 1;
            }
        }
        let count = |declared| Count {
            declared,
            texts: 0,
            ids: 0,
            references: 0,
        };
        let plan = crate::iizuka::third_plan();
        let (mut all, mut references, mut texts_and_ids) = (
            count(Visits::ALL),
            count(Visits::REFERENCE),
            count(Visits::TEXT.and(Visits::ID)),
        );
        walk(
            &plan,
            &mut Fanout::new(vec![&mut all, &mut references, &mut texts_and_ids]),
        );
        assert!(all.texts > 0 && all.ids > 0 && all.references > 0);
        assert_eq!(
            (references.texts, references.ids, references.references),
            (0, 0, all.references)
        );
        assert_eq!(
            (texts_and_ids.texts, texts_and_ids.ids, texts_and_ids.references),
            (all.texts, all.ids, 0)
        );
    }

    /// Records the JSON Pointer of everything the walk hands out, and checks each against the
    /// value serde wrote at that pointer.
    struct Seen<'d> {
        doc: &'d Value,
        texts: BTreeSet<String>,
        ids: BTreeSet<String>,
        years: BTreeSet<String>,
        /// Each node's pointer, depth and whether it is in a district, in visit order.
        nodes: Vec<(String, usize, bool)>,
    }

    impl<'p> Visitor<'p> for Seen<'_> {
        fn text(&mut self, text: &'p Text, path: &Stack) {
            let p = path.path(&[]).to_string();
            let v = self.doc.pointer(&p);
            assert_eq!(
                v.and_then(|v| v.get("ja")).and_then(Value::as_str),
                Some(text.ja.as_str()),
                "{p}"
            );
            self.texts.insert(p);
        }
        fn year(&mut self, year: FiscalYear, _: YearRole, path: &Stack) {
            let p = path.path(&[]).to_string();
            assert_eq!(
                self.doc.pointer(&p).and_then(Value::as_i64),
                Some(i64::from(year.0)),
                "{p}"
            );
            self.years.insert(p);
        }
        fn id(&mut self, id: &'p Id, _: Kind, path: &Stack) {
            let p = path.path(&[]).to_string();
            assert_eq!(
                self.doc.pointer(&p).and_then(Value::as_str),
                Some(id.as_str()),
                "{p}"
            );
            self.ids.insert(p);
        }
        fn reference(&mut self, id: &'p Id, _: Kind, _: Kind, path: &Stack) {
            let p = path.path(&[]).to_string();
            assert_eq!(
                self.doc.pointer(&p).and_then(Value::as_str),
                Some(id.as_str()),
                "{p}"
            );
        }
        fn sector(&mut self, sector: &'p Id, path: &Stack) {
            let p = path.path(&[]).to_string();
            assert_eq!(
                self.doc.pointer(&p).and_then(Value::as_str),
                Some(sector.as_str()),
                "{p}"
            );
        }
        fn node(&mut self, node: &'p Node, at: NodeVisit, path: &Stack) {
            let p = path.path(&[]).to_string();
            assert_eq!(
                self.doc
                    .pointer(&p)
                    .and_then(|v| v.get("id"))
                    .and_then(Value::as_str),
                Some(node.id.as_str()),
                "{p}"
            );
            self.nodes.push((p, at.depth, at.district));
        }
    }

    /// Pointers in serde's output of every text (an object with `ja`), every `id`, and every
    /// fiscal year (a key ending in `fiscal_year`), outside `extensions`.
    fn expected(v: &Value, at: &str, out: &mut (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>)) {
        match v {
            Value::Object(o) => {
                if o.contains_key("ja") {
                    out.0.insert(at.to_owned());
                }
                for (k, x) in o {
                    let p = format!("{at}/{k}");
                    match (k.as_str(), x) {
                        ("extensions", _) => {}
                        ("id", Value::String(_)) => _ = out.1.insert(p),
                        (k, Value::Number(_)) if k.ends_with("fiscal_year") => _ = out.2.insert(p),
                        _ => expected(x, &p, out),
                    }
                }
            }
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| expected(x, &format!("{at}/{i}"), out)),
            _ => {}
        }
    }

    /// One `add`, `remove` or `replace` of a JSON Patch.
    fn apply(doc: &mut Value, op: &Value) {
        let path = op["path"].as_str().unwrap();
        let (parent, last) = path.rsplit_once('/').unwrap();
        let last = last.replace("~1", "/").replace("~0", "~");
        let value = op.get("value").cloned();
        match (doc.pointer_mut(parent).unwrap(), op["op"].as_str().unwrap()) {
            (Value::Object(o), "remove") => _ = o.remove(&last),
            (Value::Object(o), _) => _ = o.insert(last, value.unwrap()),
            (Value::Array(a), "remove") => _ = a.remove(last.parse::<usize>().unwrap()),
            (Value::Array(a), "add") => a.insert(last.parse().unwrap(), value.unwrap()),
            (Value::Array(a), _) => a[last.parse::<usize>().unwrap()] = value.unwrap(),
            _ => panic!("{path} goes through a scalar"),
        }
    }

    #[test]
    fn the_walk_visits_every_text_id_year_and_node_at_the_pointer_serde_writes() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut plans = 0;
        let (mut deep, mut in_districts) = (false, false);
        for entry in std::fs::read_dir(repo.join("tests/conformance/cases")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = match name.strip_suffix(".expected.json") {
                // A patched case: its base with the patch applied (key order does not matter
                // here, so a plain value will do).
                Some(_) => {
                    let expected: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                    let Some(patch) = expected.get("patch").and_then(Value::as_array) else {
                        continue;
                    };
                    let base = std::fs::read(repo.join(expected["base"].as_str().unwrap())).unwrap();
                    let mut doc: Value = serde_json::from_slice(&base).unwrap();
                    for op in patch {
                        apply(&mut doc, op);
                    }
                    serde_json::to_vec(&doc).unwrap()
                }
                None => std::fs::read(&path).unwrap(),
            };
            // Every fixture that parses as a plan, valid or not: the walk must not miss a part.
            let Some(plan) = crate::check(&bytes).plan else {
                continue;
            };
            let doc = serde_json::to_value(&plan).unwrap();
            let mut seen = Seen {
                doc: &doc,
                texts: BTreeSet::new(),
                ids: BTreeSet::new(),
                years: BTreeSet::new(),
                nodes: Vec::new(),
            };
            walk(&plan, &mut seen);
            let mut want = Default::default();
            expected(&doc, "", &mut want);
            assert_eq!(seen.texts, want.0, "{name}: texts");
            assert_eq!(seen.ids, want.1, "{name}: ids");
            assert_eq!(seen.years, want.2, "{name}: fiscal years");
            // Every node of the plan's tree, then of each district's plan, in document order,
            // at the depth and in the tree the tree's own iterators give it.
            let trees = (0..plan.districts.len()).map(|d| plan.district_nodes(d));
            let nodes: Vec<(String, usize, bool)> = plan
                .all_nodes()
                .chain(trees.flatten())
                .map(|r| (r.at.path().to_string(), r.at.depth(), r.at.district().is_some()))
                .collect();
            assert_eq!(seen.nodes, nodes, "{name}: nodes");
            deep |= nodes.iter().any(|n| n.1 >= 2);
            in_districts |= nodes.iter().any(|n| n.2);
            plans += 1;
        }
        assert!(plans > 20, "only {plans} fixtures parsed as plans");
        assert!(
            deep && in_districts,
            "no fixture has a third level ({deep}) or a district's plan ({in_districts})"
        );
    }
}
