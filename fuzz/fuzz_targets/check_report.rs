//! Any bytes as a progress report of the synthetic example plan: size, encoding, JSON, shape,
//! the rules against the plan; then, on whatever report was read, the evaluation and its text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn plan() -> &'static welfare_plan::Plan {
    static PLAN: OnceLock<welfare_plan::Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        let bytes = include_bytes!("../../examples/progress/synthetic-hoshizora-plan.json");
        welfare_plan::load(bytes).expect("the example plan is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let limits = welfare_plan::Limits {
        max_input_bytes: 1 << 20,
        ..Default::default()
    };
    let plan = plan();
    let checked = welfare_plan::report::check_report(data, plan, &limits);
    let shape = welfare_plan::report::parse_report(data, &limits);
    // The shape alone never finds a report where the full check finds none.
    assert!(checked.report.is_some() == shape.report.is_some());
    if let Some(report) = &checked.report {
        let json = report.to_canonical_json();
        let again = welfare_plan::report::parse_report(json.as_bytes(), &welfare_plan::Limits::unlimited());
        assert!(
            again.report.is_some(),
            "canonical JSON of a parsed report must parse"
        );
        // Evaluated even when invalid against the plan: entries naming nothing are skipped.
        let progress = welfare_plan::report::evaluate(plan, std::slice::from_ref(report));
        assert_eq!(progress.indicators.len(), 5);
        let _ = welfare_plan::render::progress(plan, &progress, welfare_plan::Lang::Ja);
    }
    if !checked.is_valid() {
        assert!(checked.issues.iter().any(|i| i.is_error()));
    }
});
