//! Any bytes through the full pipeline: size, encoding, JSON, shape, rules, locations.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = welfare_plan::Limits { max_input_bytes: 1 << 20, ..Default::default() };
    let checked = welfare_plan::check_with(data, &limits);
    if let Some(plan) = &checked.plan {
        // A parsed plan always serialises, and its canonical form parses again.
        let json = plan.to_canonical_json();
        let again = welfare_plan::check_with(json.as_bytes(), &welfare_plan::Limits::unlimited());
        assert!(again.plan.is_some(), "canonical JSON of a parsed plan must parse");
        let _ = welfare_plan::render::tree(plan, welfare_plan::Lang::En);
        let _ = welfare_plan::records::initiative_records(plan);
    }
    if !checked.is_valid() {
        assert!(checked.issues.iter().any(|i| i.is_error()));
    }
});
