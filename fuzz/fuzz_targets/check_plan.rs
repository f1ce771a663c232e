//! Any bytes through the full pipeline: size, encoding, JSON, the 1.0 upgrade, shape, rules,
//! locations; then the tree walks, labels, records and rendering on whatever tree was read.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = welfare_plan::Limits {
        max_input_bytes: 1 << 20,
        ..Default::default()
    };
    let checked = welfare_plan::check_with(data, &limits);
    if let Some(plan) = &checked.plan {
        // A parsed plan always serialises, and its canonical form parses again.
        let json = plan.to_canonical_json();
        let again = welfare_plan::check_with(json.as_bytes(), &welfare_plan::Limits::unlimited());
        assert!(again.plan.is_some(), "canonical JSON of a parsed plan must parse");
        // Every node a walk yields is found again at its own position, and has a label (the
        // tree may be deeper or shallower than its levels say).
        let districts = (0..plan.districts.len()).flat_map(|d| plan.district_nodes(d));
        for r in plan.all_nodes().chain(districts) {
            let found = plan.node_at(r.at);
            assert!(
                found.is_some_and(|n| std::ptr::eq(n, r.node)),
                "node_at({:?})",
                r.at
            );
            let _ = plan.label(r.at);
        }
        let records = welfare_plan::records::initiative_records(plan);
        assert_eq!(records.len(), plan.initiatives().count());
        let _ = welfare_plan::render::tree(plan, welfare_plan::Lang::En);
    }
    if !checked.is_valid() {
        assert!(checked.issues.iter().any(|i| i.is_error()));
    }
});
