//! Synthetic plans for benchmarks: one realistic plan shape scaled to any number of
//! initiatives, deterministic by seed. Every generated plan is valid, and says in its title
//! and source note that it is synthetic.

// Benchmark tooling on generated, trusted data: indexing cannot fail on these fixed tables.
#![allow(clippy::indexing_slicing)]

use serde_json::{json, Value};

pub mod progress;
pub use progress::{synthetic_progress, SyntheticProgress, REPORT_YEAR};

/// Phrases from the Iizuka plan, recombined into texts of realistic length.
const PHRASES_JA: &[&str] = &[
    "地域福祉の推進",
    "互いに支えあう意識の醸成",
    "住民主体の地域福祉",
    "自治会等の地域活動の促進",
    "ボランティア活動への参加",
    "多様な担い手の参加",
    "見守り体制の強化",
    "人に寄り添った支援",
    "断らない相談支援体制",
    "福祉サービスの一層の充実",
    "権利擁護体制の充実",
    "災害時支援体制",
    "顔の見える関係づくり",
    "地域の資源を活用した",
    "情報発信の充実",
    "包括的な支援体制の構築",
];

const WORDS_EN: &[&str] = &[
    "community",
    "welfare",
    "support",
    "residents",
    "strengthening",
    "promoting",
    "networks",
    "consultation",
    "watch-over",
    "services",
    "rights",
    "disaster",
    "information",
    "comprehensive",
];

/// A small deterministic generator (SplitMix64), so that every run benchmarks the same bytes.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn ja(&mut self, phrases: usize) -> String {
        let mut s = String::new();
        for i in 0..phrases {
            if i > 0 {
                s.push_str(if i % 3 == 0 { "。" } else { "、" });
            }
            s.push_str(
                PHRASES_JA
                    .get(self.below(PHRASES_JA.len()))
                    .copied()
                    .unwrap_or("地域"),
            );
        }
        s
    }

    fn en(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| {
                WORDS_EN
                    .get(self.below(WORDS_EN.len()))
                    .copied()
                    .unwrap_or("welfare")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub(crate) fn text(&mut self, phrases: usize) -> Value {
        json!({"ja": self.ja(phrases), "en": self.en(phrases * 3)})
    }
}

const SECTORS: [&str; 3] = ["self_help", "mutual_help", "public_help"];

/// Activity targets (活動目標) per basic goal (基本目標), and initiatives (具体的取り組み) per
/// activity target.
const TARGETS_PER_GOAL: usize = 4;
const INITIATIVES_PER_TARGET: usize = 5;

/// A valid synthetic plan in the current format (2.0) with `initiatives` initiatives, in the
/// Iizuka plan's three levels (基本目標 → 活動目標 → 具体的取り組み; 5 initiatives per
/// activity target, 4 targets per basic goal), one challenge per 10 initiatives (at least 6),
/// one actor per 20 (at least 9), two or three participants and one or two challenges per
/// initiative. About 1 KB of compact JSON per initiative. It is written in the current format
/// so that a benchmark measures the direct path, not the upgrade of a 1.0 document.
pub fn synthetic_plan(initiatives: usize, seed: u64) -> Value {
    let mut r = Rng(seed);
    let n_challenges = (initiatives / 10).max(6);
    let n_actors = (initiatives / 20).max(9);
    let challenges: Vec<Value> = (1..=n_challenges)
        .map(|n| json!({"id": format!("c{n}"), "number": n, "title": r.text(2)}))
        .collect();
    let actors: Vec<Value> = (1..=n_actors)
        .map(|n| json!({"id": format!("a{n}"), "kind": "other", "name": r.text(1), "sector": SECTORS[n % 3]}))
        .collect();
    let per_goal = TARGETS_PER_GOAL * INITIATIVES_PER_TARGET;
    let n_goals = initiatives.div_ceil(per_goal).max(1);
    let mut left = initiatives;
    // The challenges an initiative addresses; the last initiative takes up the rest, so that
    // every challenge is addressed and the plan has no warnings either.
    let mut addressed = vec![false; n_challenges + 1];
    let mut goals = Vec::new();
    for g in 1..=n_goals {
        let mut targets = Vec::new();
        for t in 1..=TARGETS_PER_GOAL {
            if left == 0 {
                break;
            }
            let count = left.min(INITIATIVES_PER_TARGET);
            left -= count;
            let inits: Vec<Value> = (1..=count)
                .map(|i| {
                    let c1 = r.below(n_challenges) + 1;
                    let c2 = r.below(n_challenges) + 1;
                    let challenges = if c1 == c2 { vec![c1] } else { vec![c1, c2] };
                    for &c in &challenges {
                        addressed[c] = true;
                    }
                    let parts: Vec<Value> = (0..2 + r.below(2))
                        .map(|_| json!({"actor": format!("a{}", r.below(n_actors) + 1), "sector": SECTORS[r.below(3)]}))
                        .collect();
                    json!({
                        "id": format!("g{g}-t{t}-i{i}"),
                        "number": i,
                        "title": r.text(2),
                        "description": r.text(6),
                        "challenges": challenges.iter().map(|c| format!("c{c}")).collect::<Vec<_>>(),
                        "participants": parts,
                    })
                })
                .collect();
            targets.push(
                json!({"id": format!("g{g}-t{t}"), "number": t, "title": r.text(2), "children": inits}),
            );
        }
        goals.push(json!({"id": format!("g{g}"), "number": g, "title": r.text(2), "description": r.text(8), "children": targets}));
    }
    let mut plan = json!({
        "schema_version": welfare_plan::SCHEMA_VERSION,
        "id": format!("synthetic-{initiatives}"),
        "title": {"ja": format!("合成ベンチマーク用計画（架空・{initiatives}件）"), "en": format!("Synthetic benchmark plan ({initiatives} initiatives; not a real plan)")},
        "municipality": {"code": "409014", "name": {"ja": "架空市"}, "prefecture": {"ja": "福岡県"}},
        "period": {"start_fiscal_year": 2023, "end_fiscal_year": 2032},
        "publishers": [{"id": "city", "kind": "municipality", "name": {"ja": "架空市"}}],
        "philosophy": {"statement": r.text(3)},
        "help_model": {"kind": "three_help", "sectors": SECTORS.iter().map(|s| json!({"sector": s, "definition": r.text(1)})).collect::<Vec<_>>()},
        "challenges": challenges,
        "levels": iizuka_levels(),
        "nodes": goals,
        "actors": actors,
        "sources": [{"title": {"ja": "合成データ（架空）"}, "note": {"ja": "ベンチマーク用に生成した架空の計画です。", "en": "A synthetic plan generated for benchmarks."}}],
    });
    let missing: Vec<Value> = (1..=n_challenges)
        .filter(|&n| !addressed[n])
        .map(|n| json!(format!("c{n}")))
        .collect();
    if let Some(list) = initiatives_mut(&mut plan)
        .pop()
        .and_then(|i| i["challenges"].as_array_mut())
    {
        list.extend(missing);
    }
    plan
}

/// The levels of the embedded Iizuka plan (基本目標Ⅰ / 活動目標1 / (1)), which the synthetic
/// plan's ids (`g1-t2-i3`) and depth follow.
fn iizuka_levels() -> Value {
    serde_json::to_value(welfare_plan::iizuka::third_plan().levels).unwrap_or_default()
}

/// The initiatives of a synthetic plan (the nodes of its last level), in document order.
pub(crate) fn initiatives_mut(plan: &mut Value) -> Vec<&mut Value> {
    fn leaves<'a>(nodes: &'a mut Value, out: &mut Vec<&'a mut Value>) {
        for node in nodes.as_array_mut().into_iter().flatten() {
            if node.get("children").is_some() {
                leaves(&mut node["children"], out);
            } else {
                out.push(node);
            }
        }
    }
    let mut out = Vec::new();
    leaves(&mut plan["nodes"], &mut out);
    out
}

/// [`synthetic_plan`] as compact JSON bytes.
pub fn synthetic_plan_bytes(initiatives: usize, seed: u64) -> Vec<u8> {
    serde_json::to_vec(&synthetic_plan(initiatives, seed)).unwrap_or_default()
}

/// What an issue-dense benchmark document gets wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// Every `every`-th initiative's first challenge names no challenge: a semantic issue each.
    DanglingReferences {
        /// One initiative in this many.
        every: usize,
    },
    /// Every initiative's `number` is a string: a shape issue each, so the whole document
    /// goes through the error path.
    NumbersAsStrings,
}

/// [`synthetic_plan`] with damage, as compact JSON bytes of about the same size, and the
/// number of issues it should yield (without a cap).
pub fn damaged_plan_bytes(initiatives: usize, seed: u64, damage: Damage) -> (Vec<u8>, usize) {
    let mut plan = synthetic_plan(initiatives, seed);
    let mut count = 0;
    for (n, i) in initiatives_mut(&mut plan).into_iter().enumerate() {
        match damage {
            Damage::DanglingReferences { every } if (n + 1) % every.max(1) == 0 => {
                i["challenges"][0] = json!("c0");
                count += 1;
            }
            Damage::NumbersAsStrings => {
                let n = i["number"].to_string();
                i["number"] = json!(n);
                count += 1;
            }
            Damage::DanglingReferences { .. } => {}
        }
    }
    (serde_json::to_vec(&plan).unwrap_or_default(), count)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A size that leaves the last goal and target partly filled.
    const N: usize = 95;

    #[test]
    fn the_synthetic_plan_is_a_valid_plan_of_the_current_format() {
        let bytes = synthetic_plan_bytes(N, 42);
        let doc: Value = serde_json::from_slice(&bytes).unwrap_or_default();
        assert_eq!(doc["schema_version"], welfare_plan::SCHEMA_VERSION);
        assert!(
            doc.get("goals").is_none(),
            "a 1.0 tree would be read through the upgrade"
        );
        let checked = welfare_plan::check_with(&bytes, &welfare_plan::Limits::unlimited());
        assert_eq!(checked.issues, Vec::new());
        let plan = checked.plan.as_ref();
        assert_eq!(plan.map(|p| p.initiatives().count()), Some(N));
        let iizuka = welfare_plan::iizuka::third_plan();
        assert_eq!(plan.map(|p| &p.levels), Some(&iizuka.levels));
        assert_eq!(
            synthetic_plan_bytes(N, 42),
            bytes,
            "the same seed gives the same bytes"
        );
    }

    #[test]
    fn each_damage_yields_one_issue_of_its_kind() {
        let limits = welfare_plan::Limits::unlimited();
        for (damage, code, want) in [
            (
                Damage::DanglingReferences { every: 10 },
                "reference.dangling",
                N / 10,
            ),
            (Damage::NumbersAsStrings, "schema.", N),
        ] {
            let (bytes, count) = damaged_plan_bytes(N, 42, damage);
            assert_eq!(count, want, "{damage:?}");
            let issues = welfare_plan::check_with(&bytes, &limits).issues;
            assert_eq!(issues.len(), count, "{damage:?}");
            assert!(
                issues.iter().all(|i| i.code.as_str().starts_with(code)),
                "{damage:?}: {:?}",
                issues.first()
            );
        }
    }
}
