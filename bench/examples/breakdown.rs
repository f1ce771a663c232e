//! Where the time of one check goes, stage by stage: `cargo run --release -p
//! welfare-plan-bench --example breakdown -- 100000`.
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let bytes = welfare_plan_bench::synthetic_plan_bytes(n, 42);
    let limits = welfare_plan::Limits::unlimited();
    for _ in 0..5 {
        let t = Instant::now();
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        let utf8 = t.elapsed();
        let t = Instant::now();
        let Ok(plan) = serde_json::from_str::<welfare_plan::Plan>(text) else {
            return;
        };
        let parse = t.elapsed();
        let t = Instant::now();
        let issues = welfare_plan::validate_with(&plan, &limits);
        let validate = t.elapsed();
        let t = Instant::now();
        drop(plan);
        let dropping = t.elapsed();
        let t = Instant::now();
        let checked = welfare_plan::check_with(&bytes, &limits);
        let whole = t.elapsed();
        drop(checked);
        println!(
            "utf8 {utf8:.1?}  parse {parse:.1?}  validate {validate:.1?} ({} issues)  drop {dropping:.1?}  check_with {whole:.1?}",
            issues.len()
        );
    }
}
