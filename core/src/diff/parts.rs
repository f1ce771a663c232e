//! A plan's parts as the diff compares them: each with its side as shown (label, title,
//! parent), the fields compared, and what holds it.

use rustc_hash::FxHashMap;

use super::fields::{Field, Value};
use super::matching::Item;
use super::similarity::Bigrams;
use super::types::{PartRef, Side};
use crate::model::numbering::challenge_label;
use crate::model::{Id, Indicator, Lineage, NodeAt, NodeRef, Plan, Text};

/// What holds a part, for telling whether it moved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Anchor {
    /// A node of the same document: an index into its list of nodes.
    Node(usize),
    /// Anything else, by a key of kind and id: the plan itself (``), a district's plan
    /// (`district/<id>`), a project, a priority project or a sub-plan.
    Named(String),
}

/// A field of a part and its value, if it has one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Slot {
    pub field: Field,
    /// For a grade, its scale: a part has one grade field per scale.
    pub scale: Option<Id>,
    pub value: Option<Value>,
}

impl Slot {
    pub(crate) fn new(field: Field, value: Option<Value>) -> Slot {
        Slot {
            field,
            scale: None,
            value,
        }
    }
}

/// A function that lists one kind of part of a document.
pub(crate) type Collect<D> = for<'a> fn(&'a D) -> Vec<Part<'a>>;

/// One part of a plan or a report.
pub(crate) struct Part<'a> {
    /// Its id; none for an opinion.
    pub id: Option<&'a Id>,
    pub lineage: &'a [Lineage],
    /// The Japanese text compared for guesses: a title or a name.
    pub words: &'a str,
    pub side: Side,
    /// The fields compared.
    pub fields: Vec<Slot>,
    pub anchor: Anchor,
    /// For a node, its depth and tree; for other parts, 0.
    pub pool: usize,
    /// For a node, its parent (an index into the same list).
    pub parent: Option<usize>,
}

impl Part<'_> {
    pub(crate) fn item(&self) -> Item<'_> {
        Item {
            id: self.id,
            lineage: self.lineage,
            text: self.words,
            words: Bigrams::of(self.words),
            pool: self.pool,
            family: self.parent.map_or(0, |p| p + 1),
        }
    }
}

/// The parts as the pairing sees them.
pub(crate) fn items<'a>(parts: &'a [Part<'a>]) -> Vec<Item<'a>> {
    parts.iter().map(Part::item).collect()
}

/// Every node of the plan's tree, then of each district's plan, in document order.
pub(crate) fn tree_nodes(plan: &Plan) -> Vec<NodeRef<'_>> {
    let mut all: Vec<NodeRef<'_>> = plan.all_nodes().collect();
    for d in 0..plan.districts.len() {
        all.extend(plan.district_nodes(d));
    }
    all
}

/// The nodes of [`tree_nodes`] as parts.
pub(crate) fn nodes(plan: &Plan) -> Vec<Part<'_>> {
    let refs = tree_nodes(plan);
    // Keyed by tree and indices rather than by `NodeAt`, whose equality also compares the
    // indices below its depth: a parent reached by `parent()` keeps its child's.
    let key = |at: NodeAt| (at.district(), at.indices().to_vec());
    let index: FxHashMap<_, usize> = refs.iter().enumerate().map(|(i, r)| (key(r.at), i)).collect();
    refs.iter()
        .map(|r| {
            let parent = r.at.parent().and_then(|p| index.get(&key(p)).copied());
            let district = r.at.district().and_then(|d| plan.districts.get(d));
            let anchor = match (parent, district) {
                (Some(p), _) => Anchor::Node(p),
                (None, Some(d)) => Anchor::Named(format!("district/{}", d.id)),
                (None, None) => Anchor::Named(String::new()),
            };
            let tree = r.at.district().map_or(0, |d| d + 1);
            Part {
                id: Some(&r.node.id),
                lineage: &r.node.lineage,
                words: &r.node.title.ja,
                side: Side {
                    id: Some(r.node.id.clone()),
                    label: label(plan, r.at),
                    level: plan.level(r.at.depth()).map(|l| l.name.clone()),
                    title: Some(r.node.title.clone()),
                    parent: r.at.parent().and_then(|p| node_ref(plan, p)),
                    district: district.map(|d| PartRef {
                        id: d.id.clone(),
                        label: None,
                        title: d.name.clone(),
                    }),
                    children: Vec::new(),
                },
                fields: vec![
                    Slot::new(Field::Title, Some(Value::Text(r.node.title.clone()))),
                    Slot::new(Field::Description, r.node.description.clone().map(Value::Text)),
                ],
                anchor,
                pool: tree * 8 + r.at.depth(),
                parent,
            }
        })
        .collect()
}

/// The plan's challenges, then each district's.
pub(crate) fn challenges(plan: &Plan) -> Vec<Part<'_>> {
    let own = plan.challenges.iter().map(|c| (c, None));
    let districts = plan
        .districts
        .iter()
        .flat_map(|d| d.challenges.iter().map(move |c| (c, Some(d))));
    own.chain(districts)
        .map(|(c, d)| {
            let (ja, en) = challenge_label(c.number);
            Part {
                id: Some(&c.id),
                lineage: &c.lineage,
                words: &c.title.ja,
                side: Side {
                    id: Some(c.id.clone()),
                    label: Some(Text::new(ja, Some(&en))),
                    title: Some(c.title.clone()),
                    district: d.map(|d| PartRef {
                        id: d.id.clone(),
                        label: None,
                        title: d.name.clone(),
                    }),
                    ..Side::default()
                },
                fields: vec![
                    Slot::new(Field::Title, Some(Value::Text(c.title.clone()))),
                    Slot::new(Field::Description, c.description.clone().map(Value::Text)),
                ],
                anchor: Anchor::Named(d.map_or_else(String::new, |d| format!("district/{}", d.id))),
                pool: 0,
                parent: None,
            }
        })
        .collect()
}

/// The plan's actors.
pub(crate) fn actors(plan: &Plan) -> Vec<Part<'_>> {
    plan.actors
        .iter()
        .map(|a| Part {
            id: Some(&a.id),
            lineage: &[],
            words: &a.name.ja,
            side: Side {
                id: Some(a.id.clone()),
                title: Some(a.name.clone()),
                ..Side::default()
            },
            fields: vec![
                Slot::new(Field::Name, Some(Value::Text(a.name.clone()))),
                Slot::new(Field::Description, a.description.clone().map(Value::Text)),
            ],
            anchor: Anchor::Named(String::new()),
            pool: 0,
            parent: None,
        })
        .collect()
}

/// Every indicator: the plan's own, each node's and its projects' (the plan's tree, then the
/// districts'), the priority projects' and the sub-plans'.
pub(crate) fn indicators(plan: &Plan) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    for x in &plan.indicators {
        out.push(indicator(x, Anchor::Named(String::new()), None));
    }
    for (i, r) in tree_nodes(plan).iter().enumerate() {
        let holder = node_ref(plan, r.at);
        for x in &r.node.indicators {
            out.push(indicator(x, Anchor::Node(i), holder.clone()));
        }
        for p in &r.node.projects {
            held(&mut out, "project", &p.id, &p.title, &p.indicators);
        }
    }
    for p in &plan.priority_projects {
        held(&mut out, "priority", &p.id, &p.title, &p.indicators);
    }
    for p in &plan.sub_plans {
        held(&mut out, "sub_plan", &p.id, &p.title, &p.indicators);
    }
    out
}

/// The indicators of a project, priority project or sub-plan (`kind`), held by it.
fn held<'p>(out: &mut Vec<Part<'p>>, kind: &str, id: &Id, title: &Text, indicators: &'p [Indicator]) {
    let holder = PartRef {
        id: id.clone(),
        label: None,
        title: title.clone(),
    };
    for x in indicators {
        out.push(indicator(
            x,
            Anchor::Named(format!("{kind}/{id}")),
            Some(holder.clone()),
        ));
    }
}

fn indicator(x: &Indicator, anchor: Anchor, parent: Option<PartRef>) -> Part<'_> {
    let observations = |v: Vec<_>| (!v.is_empty()).then_some(Value::Observations(v));
    Part {
        id: Some(&x.id),
        lineage: &x.lineage,
        words: &x.name.ja,
        side: Side {
            id: Some(x.id.clone()),
            title: Some(x.name.clone()),
            parent,
            ..Side::default()
        },
        fields: vec![
            Slot::new(Field::Name, Some(Value::Text(x.name.clone()))),
            Slot::new(Field::Definition, x.definition.clone().map(Value::Text)),
            Slot::new(Field::Unit, x.unit.clone().map(Value::Text)),
            Slot::new(
                Field::Baseline,
                observations(x.baseline.iter().cloned().collect()),
            ),
            Slot::new(Field::Targets, observations(x.targets.clone())),
        ],
        anchor,
        pool: 0,
        parent: None,
    }
}

/// The node at `at` as a holder: id, label and title.
fn node_ref(plan: &Plan, at: NodeAt) -> Option<PartRef> {
    let node = plan.node_at(at)?;
    Some(PartRef {
        id: node.id.clone(),
        label: label(plan, at),
        title: node.title.clone(),
    })
}

/// The node's label in the plan's numbering, if it is numbered.
fn label(plan: &Plan, at: NodeAt) -> Option<Text> {
    let (ja, en) = plan.label(at);
    (!ja.is_empty()).then(|| Text::new(ja, Some(&en)))
}
