//! The semantic validation alone, repeated, for a profiler: `cargo run --release -p
//! welfare-plan-bench --example validate_profile -- 10000`.
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let bytes = welfare_plan_bench::synthetic_plan_bytes(n, 42);
    let limits = welfare_plan::Limits::unlimited();
    let Ok(plan) = serde_json::from_slice::<welfare_plan::Plan>(&bytes) else {
        return;
    };
    let t = Instant::now();
    let mut issues = 0;
    for _ in 0..40 {
        issues += welfare_plan::validate_with(&plan, &limits).len();
    }
    println!("validate: {:.2?} per run ({issues} issues)", t.elapsed() / 40);
}
