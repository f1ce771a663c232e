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
    /// A basic goal (基本目標).
    Goal,
    /// An activity target (活動目標).
    Target,
    /// A specific initiative (具体的取り組み).
    Initiative,
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
            Kind::Goal => ("basic goal", "基本目標"),
            Kind::Target => ("activity target", "活動目標"),
            Kind::Initiative => ("initiative", "具体的取り組み"),
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

/// What a rule wants to see. Every method has an empty default.
pub trait Visitor<'p> {
    /// A bilingual text; `path` ends at the text object.
    fn text(&mut self, _text: &'p Text, _path: &Stack) {}
    /// A fiscal year in `role`; `path` ends at the year.
    fn year(&mut self, _year: FiscalYear, _role: YearRole, _path: &Stack) {}
    /// A list of `len` elements; `path` ends at the list.
    fn list(&mut self, _len: usize, _path: &Stack) {}
    /// An id that names a part of `kind`; `path` ends at the id.
    fn id(&mut self, _id: &'p Id, _kind: Kind, _path: &Stack) {}
    /// A reference, held by a part of kind `from`, that must name a part of kind `want`;
    /// `path` ends at the reference.
    fn reference(&mut self, _id: &'p Id, _want: Kind, _from: Kind, _path: &Stack) {}
    /// A help sector used by an actor or a participation; `path` ends at the sector.
    fn sector(&mut self, _sector: HelpSector, _path: &Stack) {}
    /// An extensions object; `path` ends at it.
    fn extensions(&mut self, _ext: &'p Extensions, _path: &Stack) {}
}

struct Walker<'v, V> {
    v: &'v mut V,
    at: Stack,
}

/// Walks every part of `plan` in document order.
pub fn walk<'p, V: Visitor<'p>>(plan: &'p Plan, v: &mut V) {
    Walker {
        v,
        at: Stack::default(),
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

    fn sector(&mut self, s: HelpSector) {
        self.field("sector", |w| w.v.sector(s, &w.at));
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
        });
        self.field("period", |w| {
            w.year(
                "start_fiscal_year",
                p.period.start_fiscal_year,
                YearRole::PeriodStart,
            );
            w.year("end_fiscal_year", p.period.end_fiscal_year, YearRole::PeriodEnd);
            w.list("phases", &p.period.phases, |w, ph| {
                w.id(&ph.id, Kind::Phase);
                w.text("name", &ph.name);
                w.year("start_fiscal_year", ph.start_fiscal_year, YearRole::PhaseStart);
                w.year("end_fiscal_year", ph.end_fiscal_year, YearRole::PhaseEnd);
            });
            if let Some(y) = p.period.mid_term_review_fiscal_year {
                w.year("mid_term_review_fiscal_year", y, YearRole::MidTermReview);
            }
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
                });
            }
        });
        self.field("philosophy", |w| {
            w.text("statement", &p.philosophy.statement);
            w.opt_text("subtitle", &p.philosophy.subtitle);
            w.opt_text("explanation", &p.philosophy.explanation);
        });
        self.field("help_model", |w| {
            w.list("sectors", &p.help_model.sectors, |w, s| {
                w.text("definition", &s.definition)
            });
        });
        self.list("overview", &p.overview, |w, s| {
            w.id(&s.id, Kind::Section);
            w.text("heading", &s.heading);
            w.text("body", &s.body);
        });
        self.list("challenges", &p.challenges, |w, c| {
            w.id(&c.id, Kind::Challenge);
            w.text("title", &c.title);
            w.opt_text("description", &c.description);
            w.ext(&c.extensions);
        });
        self.list("voices", &p.voices, |w, v| {
            w.id(&v.id, Kind::Voice);
            w.text("text", &v.text);
            w.refs("challenges", &v.challenges, Kind::Challenge, Kind::Voice);
            w.refs("goals", &v.goals, Kind::Goal, Kind::Voice);
        });
        self.list("goals", &p.goals, Self::goal);
        self.list("actors", &p.actors, |w, a| {
            w.id(&a.id, Kind::Actor);
            w.text("name", &a.name);
            w.sector(a.sector);
            w.opt_text("description", &a.description);
            w.ext(&a.extensions);
        });
        self.list("sub_plans", &p.sub_plans, |w, s| {
            w.id(&s.id, Kind::SubPlan);
            w.text("title", &s.title);
            w.opt_text("legal_basis", &s.legal_basis);
        });
        self.list("districts", &p.districts, |w, d| {
            w.id(&d.id, Kind::District);
            w.text("name", &d.name);
        });
        self.list("bases", &p.bases, |w, b| {
            w.id(&b.id, Kind::Base);
            w.text("name", &b.name);
            if let Some(d) = &b.district {
                w.field("district", |w| {
                    w.v.reference(d, Kind::District, Kind::Base, &w.at)
                });
            }
            w.opt_text("description", &b.description);
        });
        self.list("sources", &p.sources, |w, s| {
            w.text("title", &s.title);
            w.opt_text("note", &s.note);
        });
        self.ext(&p.extensions);
    }

    fn goal(&mut self, g: &'p Goal) {
        self.id(&g.id, Kind::Goal);
        self.text("title", &g.title);
        self.opt_text("description", &g.description);
        self.list("targets", &g.targets, |w, t| {
            w.id(&t.id, Kind::Target);
            w.text("title", &t.title);
            w.opt_text("description", &t.description);
            w.list("initiatives", &t.initiatives, Self::initiative);
            w.list("indicators", &t.indicators, Self::indicator);
            w.ext(&t.extensions);
        });
        self.list("indicators", &g.indicators, Self::indicator);
        self.ext(&g.extensions);
    }

    fn initiative(&mut self, i: &'p Initiative) {
        self.id(&i.id, Kind::Initiative);
        self.text("title", &i.title);
        self.opt_text("description", &i.description);
        self.refs("challenges", &i.challenges, Kind::Challenge, Kind::Initiative);
        self.list("participants", &i.participants, |w, p| {
            w.field("actor", |w| {
                w.v.reference(&p.actor, Kind::Actor, Kind::Initiative, &w.at)
            });
            w.sector(p.sector);
            w.opt_text("role", &p.role);
        });
        self.refs(
            "attributed_to",
            &i.attributed_to,
            Kind::Publisher,
            Kind::Initiative,
        );
        self.refs("sub_plans", &i.sub_plans, Kind::SubPlan, Kind::Initiative);
        self.refs("districts", &i.districts, Kind::District, Kind::Initiative);
        self.list("projects", &i.projects, |w, pr| {
            w.id(&pr.id, Kind::Project);
            w.text("title", &pr.title);
            w.opt_text("description", &pr.description);
            w.opt_text("responsible", &pr.responsible);
        });
        self.list("indicators", &i.indicators, Self::indicator);
        self.ext(&i.extensions);
    }

    fn indicator(&mut self, ind: &'p Indicator) {
        self.id(&ind.id, Kind::Indicator);
        self.text("name", &ind.name);
        self.opt_text("unit", &ind.unit);
        if let Some(b) = &ind.baseline {
            self.field("baseline", |w| {
                w.year("fiscal_year", b.fiscal_year, YearRole::Baseline)
            });
        }
        self.list("targets", &ind.targets, |w, o| {
            w.year("fiscal_year", o.fiscal_year, YearRole::Target)
        });
    }
}

/// Hands every visit to several visitors in turn, so that the runner walks the plan once for
/// all rules.
pub struct Fanout<'a, 'p>(pub Vec<&'a mut dyn Visitor<'p>>);

impl<'p> Visitor<'p> for Fanout<'_, 'p> {
    fn text(&mut self, text: &'p Text, path: &Stack) {
        self.0.iter_mut().for_each(|v| v.text(text, path));
    }
    fn year(&mut self, year: FiscalYear, role: YearRole, path: &Stack) {
        self.0.iter_mut().for_each(|v| v.year(year, role, path));
    }
    fn list(&mut self, len: usize, path: &Stack) {
        self.0.iter_mut().for_each(|v| v.list(len, path));
    }
    fn id(&mut self, id: &'p Id, kind: Kind, path: &Stack) {
        self.0.iter_mut().for_each(|v| v.id(id, kind, path));
    }
    fn reference(&mut self, id: &'p Id, want: Kind, from: Kind, path: &Stack) {
        self.0.iter_mut().for_each(|v| v.reference(id, want, from, path));
    }
    fn sector(&mut self, sector: HelpSector, path: &Stack) {
        self.0.iter_mut().for_each(|v| v.sector(sector, path));
    }
    fn extensions(&mut self, ext: &'p Extensions, path: &Stack) {
        self.0.iter_mut().for_each(|v| v.extensions(ext, path));
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

    /// Records the JSON Pointer of everything the walk hands out, and checks each against the
    /// value serde wrote at that pointer.
    struct Seen<'d> {
        doc: &'d Value,
        texts: BTreeSet<String>,
        ids: BTreeSet<String>,
        years: BTreeSet<String>,
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
        fn sector(&mut self, sector: HelpSector, path: &Stack) {
            let p = path.path(&[]).to_string();
            assert_eq!(
                self.doc.pointer(&p).and_then(Value::as_str),
                Some(sector.code()),
                "{p}"
            );
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
    fn the_walk_visits_every_text_id_and_year_at_the_pointer_serde_writes() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut plans = 0;
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
            };
            walk(&plan, &mut seen);
            let mut want = Default::default();
            expected(&doc, "", &mut want);
            assert_eq!(seen.texts, want.0, "{name}: texts");
            assert_eq!(seen.ids, want.1, "{name}: ids");
            assert_eq!(seen.years, want.2, "{name}: fiscal years");
            plans += 1;
        }
        assert!(plans > 20, "only {plans} fixtures parsed as plans");
    }
}
