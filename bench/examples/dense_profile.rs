//! Checks an issue-dense synthetic plan repeatedly, for profilers (`perf record`).
//! `cargo run --release -p welfare-plan-bench --example dense_profile -- 10000 20`
fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (n, rounds) = (
        args.first().copied().unwrap_or(10_000),
        args.get(1).copied().unwrap_or(20),
    );
    let (doc, _) =
        welfare_plan_bench::damaged_plan_bytes(n, 42, welfare_plan_bench::Damage::NumbersAsStrings);
    let limits = welfare_plan::Limits::unlimited();
    let mut total = 0;
    for _ in 0..rounds {
        total += welfare_plan::check_with(&doc, &limits).issues.len();
    }
    println!("{total} issues");
}
