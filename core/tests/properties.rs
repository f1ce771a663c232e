//! Property tests: generated valid plans round-trip byte for byte, and mutated documents are
//! reported, never a panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;
use serde_json::{json, Value};
use welfare_plan::check;

fn text() -> impl Strategy<Value = Value> {
    (
        "[ぁ-んァ-ヶ一-龥ａ-ｚ]{1,12}( [a-z]{1,8})?",
        proptest::option::of("[A-Za-z][a-z ,.'-]{0,30}[a-z]"),
    )
        .prop_map(|(ja, en)| match en {
            Some(en) => json!({"ja": ja, "en": en}),
            None => json!({"ja": ja}),
        })
}

const SECTORS: [&str; 3] = ["self_help", "mutual_help", "public_help"];

const STYLES: [&str; 6] = ["roman", "arabic", "parenthesized", "circled", "compound", "none"];

/// A valid plan: one to five levels, each numbered in a drawn style (restarting under each
/// parent or running through the plan), 1–3 nodes under each node, 1–5 challenges, 1–4
/// actors; every reference resolving and every number in order.
fn plan() -> impl Strategy<Value = Value> {
    let shape = (
        proptest::collection::vec((0usize..6, any::<bool>(), 1usize..=3), 1..=5),
        1usize..=5,
        1usize..=4,
        2020i32..=2030,
        1i32..=10,
    );
    (shape, proptest::collection::vec(text(), 64), any::<u64>()).prop_map(
        |((levels, n_challenges, n_actors, start, len), texts, seed)| {
            let mut next_text = texts.into_iter().cycle();
            let mut t = move || next_text.next().unwrap();
            let mut rng = seed;
            let mut pick = move |n: usize| {
                rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((rng >> 33) as usize) % n
            };
            let challenges: Vec<Value> = (1..=n_challenges)
                .map(|n| json!({"id": format!("c{n}"), "number": n, "title": t()}))
                .collect();
            let actors: Vec<Value> = (1..=n_actors)
                .map(|n| json!({"id": format!("a{n}"), "kind": "other", "name": t(), "sector": SECTORS[n % 3]}))
                .collect();
            let level_docs: Vec<Value> = levels
                .iter()
                .enumerate()
                .map(|(d, &(style, running, _))| {
                    let mut l = json!({"id": format!("level-{d}"), "name": t(), "numbering": STYLES[style]});
                    if running {
                        l["running"] = json!(true);
                    }
                    l
                })
                .collect();
            // Depth-first, so that running numbers count in document order.
            let mut running = vec![0u32; levels.len()];
            fn nodes(
                depth: usize,
                prefix: &str,
                levels: &[(usize, bool, usize)],
                running: &mut [u32],
                t: &mut dyn FnMut() -> Value,
                pick: &mut dyn FnMut(usize) -> usize,
                (n_challenges, n_actors): (usize, usize),
            ) -> Vec<Value> {
                let Some(&(style, is_running, count)) = levels.get(depth) else {
                    return Vec::new();
                };
                let count = 1 + pick(count);
                (1..=count)
                    .map(|k| {
                        let id = format!("{prefix}-{k}");
                        let mut node = json!({"id": id, "title": t()});
                        if STYLES[style] != "none" {
                            let n = if is_running {
                                running[depth] += 1;
                                running[depth]
                            } else {
                                k as u32
                            };
                            node["number"] = json!(n);
                        }
                        if depth + 1 == levels.len() {
                            node["priority"] = json!(pick(2) == 0);
                            node["challenges"] = json!([format!("c{}", pick(n_challenges) + 1)]);
                            node["participants"] =
                                json!([{"actor": format!("a{}", pick(n_actors) + 1), "sector": SECTORS[pick(3)]}]);
                        }
                        let children = nodes(depth + 1, &id, levels, running, t, pick, (n_challenges, n_actors));
                        if !children.is_empty() {
                            node["children"] = json!(children);
                        }
                        node
                    })
                    .collect()
            }
            let mut top = nodes(0, "n", &levels, &mut running, &mut t, &mut pick, (n_challenges, n_actors));
            // Every challenge is addressed somewhere, so a valid plan has no warning either.
            if let Some(first) = top.first_mut() {
                first["challenges"] = json!((1..=n_challenges).map(|c| format!("c{c}")).collect::<Vec<_>>());
            }
            json!({
                "schema_version": "2.0",
                "id": "generated",
                "title": t(),
                "municipality": {"code": "409014", "name": t(), "prefecture": {"ja": "福岡県"}},
                "period": {"start_fiscal_year": start, "end_fiscal_year": start + len - 1},
                "publishers": [{"id": "city", "kind": "municipality", "name": t()}],
                "philosophy": {"statement": t()},
                "help_model": {"kind": "three_help", "sectors": SECTORS.iter().map(|s| json!({"sector": s, "definition": t()})).collect::<Vec<_>>()},
                "challenges": challenges,
                "levels": level_docs,
                "nodes": top,
                "actors": actors,
            })
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn generated_plans_are_valid_and_round_trip_byte_for_byte(doc in plan()) {
        let bytes = serde_json::to_vec(&doc).unwrap();
        let checked = check(&bytes);
        let issues: Vec<_> = checked.issues.iter().map(ToString::to_string).collect();
        prop_assert!(issues.is_empty(), "{issues:?}");
        let canonical = checked.plan.unwrap().to_canonical_json();
        let again = welfare_plan::load(canonical.as_bytes()).unwrap().to_canonical_json();
        prop_assert_eq!(canonical, again);
    }

    #[test]
    fn mutated_documents_are_reported_not_panics(doc in plan(), at in any::<prop::sample::Index>(), op in 0u8..6, byte in any::<u8>()) {
        let mut bytes = serde_json::to_vec_pretty(&doc).unwrap();
        let i = at.index(bytes.len());
        match op {
            0 => bytes.truncate(i),
            1 => bytes[i] = byte,
            2 => { bytes.insert(i, byte); }
            3 => { bytes.remove(i); }
            4 => bytes.splice(i..i, b"{\"x\":[".iter().copied()).for_each(drop),
            _ => bytes.splice(i..i, "\u{3000}\"".bytes()).for_each(drop),
        }
        let checked = check(&bytes);
        if !checked.is_valid() {
            prop_assert!(checked.issues.iter().any(|i| i.is_error()));
        }
        for issue in &checked.issues {
            prop_assert!(!issue.message_en.is_empty() && !issue.message_ja.is_empty());
        }
        // Semantic issues depend on the data, not on its formatting: the canonical form of a
        // parsed plan reports the same codes at the same paths.
        if let Some(plan) = &checked.plan {
            let again = check(plan.to_canonical_json().as_bytes());
            let key = |c: &welfare_plan::Checked| -> Vec<(String, String)> {
                c.issues.iter().map(|i| (i.code.to_string(), i.path.to_string())).collect()
            };
            prop_assert_eq!(key(&checked), key(&again));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Canonical JSON is a fixed point for every finite number, not only for round ones: a
    /// parser that lands on a neighbouring float would change the digits on the second trip.
    #[test]
    fn canonical_json_is_a_fixed_point_for_any_float(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let mut doc: Value = serde_json::from_str(welfare_plan::iizuka::THIRD_PLAN_JSON).unwrap();
        doc["extensions"] = json!({"x": x});
        let once = welfare_plan::load(doc.to_string().as_bytes()).unwrap().to_canonical_json();
        let twice = welfare_plan::load(once.as_bytes()).unwrap().to_canonical_json();
        prop_assert_eq!(once, twice);
    }
}

#[test]
fn floats_that_the_fast_parser_rounds_wrongly_survive_canonical_json() {
    for x in [
        "4.250095954519634e-241",
        "1.1447216004282862e238",
        "3.0582846136230975e181",
    ] {
        let src = welfare_plan::iizuka::THIRD_PLAN_JSON.replacen(
            "\"schema_version\": \"2.0\",",
            &format!("\"schema_version\": \"2.0\", \"extensions\": {{\"x\": {x}}},"),
            1,
        );
        let plan = welfare_plan::load(src.as_bytes()).unwrap();
        let parsed = plan.extensions.0["x"].as_f64().unwrap();
        assert_eq!(
            parsed,
            x.parse::<f64>().unwrap(),
            "{x} was read as a neighbouring float"
        );
        let once = plan.to_canonical_json();
        assert_eq!(
            welfare_plan::load(once.as_bytes()).unwrap().to_canonical_json(),
            once
        );
    }
}
