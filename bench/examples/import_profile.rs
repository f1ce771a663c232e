//! Times the spreadsheet import of a synthetic progress report's evaluation workbook, to find
//! where the time goes:
//!
//!     cargo run --release -p welfare-plan-bench --features xlsx --example import_profile -- 10000
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use welfare_plan::{sheet, Lang, Limits};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let limits = Limits::unlimited();
    let doc = welfare_plan_bench::progress::synthetic_progress(n, 42);
    let plan = welfare_plan::check_with(&doc.plan, &limits).plan.unwrap();
    let report_json = doc.report;
    let report = welfare_plan::report::check_report(&report_json, &plan, &limits)
        .report
        .unwrap();
    let book = sheet::report_xlsx(&plan, &report, Lang::Ja).unwrap();
    println!("workbook: {} bytes", book.len());
    // As the bindings call it: the plan's hash is computed once and kept with the plan.
    let hash = welfare_plan::report::plan_hash(&plan);
    let files = vec![("evaluation.xlsx".to_owned(), book)];
    let rounds: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(3);
    for _ in 0..rounds {
        let t = Instant::now();
        let imported = sheet::import_report_hashed(&files, &plan, &hash, &limits);
        println!(
            "import_report_hashed: {:?} ({} issues)",
            t.elapsed(),
            imported.issues.len()
        );
    }
    let t = Instant::now();
    let checked = welfare_plan::report::check_report(&report_json, &plan, &limits);
    println!(
        "check_report (JSON): {:?} ({} issues)",
        t.elapsed(),
        checked.issues.len()
    );
}
