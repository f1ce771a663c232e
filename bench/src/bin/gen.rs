//! Writes synthetic plans and progress reports for the Python and JavaScript benchmarks:
//! `gen DIR 1000 10000 100000` writes DIR/synthetic-1000.json and so on (the plans), and for each
//! size DIR/synthetic-indicators-1000.json (the plan with indicators and grading scales) and
//! DIR/synthetic-report-1000.json (its progress report).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, sizes)) = args.split_first() else {
        eprintln!("usage: gen DIR SIZE...");
        return ExitCode::from(2);
    };
    for size in sizes {
        let Ok(n) = size.parse::<usize>() else {
            eprintln!("not a size: {size}");
            return ExitCode::from(2);
        };
        let progress = welfare_plan_bench::synthetic_progress(n, 42);
        for (name, bytes) in [
            (
                format!("synthetic-{n}.json"),
                welfare_plan_bench::synthetic_plan_bytes(n, 42),
            ),
            (format!("synthetic-indicators-{n}.json"), progress.plan),
            (format!("synthetic-report-{n}.json"), progress.report),
        ] {
            let path = std::path::Path::new(dir).join(name);
            if let Err(e) = std::fs::write(&path, bytes) {
                eprintln!("cannot write {}: {e}", path.display());
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}
