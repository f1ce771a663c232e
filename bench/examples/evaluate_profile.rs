//! Where the time of evaluating a report goes: `cargo run --release -p welfare-plan-bench
//! --example evaluate_profile -- 10000`.
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let doc = welfare_plan_bench::progress::synthetic_progress(n, 42);
    let limits = welfare_plan::Limits::unlimited();
    let Some(plan) = welfare_plan::check_with(&doc.plan, &limits).plan else {
        return;
    };
    let hash = welfare_plan::report::plan_hash(&plan);
    let rounds: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    for _ in 0..rounds {
        let t = Instant::now();
        let read = welfare_plan::report::check_report_hashed(&doc.report, &plan, &hash, &limits);
        let check = t.elapsed();
        let Some(report) = read.report else { return };
        let t = Instant::now();
        let progress = welfare_plan::report::evaluate(&plan, std::slice::from_ref(&report));
        let evaluate = t.elapsed();
        let t = Instant::now();
        drop(progress);
        let dropping = t.elapsed();
        println!("check {check:.1?}  evaluate {evaluate:.1?}  drop {dropping:.1?}");
    }
}
