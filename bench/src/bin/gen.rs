//! Writes synthetic plans for the Python and JavaScript benchmarks:
//! `gen DIR 1000 10000 100000` writes DIR/synthetic-1000.json and so on.

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
        let path = std::path::Path::new(dir).join(format!("synthetic-{n}.json"));
        if let Err(e) = std::fs::write(&path, welfare_plan_bench::synthetic_plan_bytes(n, 42)) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
