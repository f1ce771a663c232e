//! The Rust side of the benchmarks: load + full validation against serde_json's own parse of
//! the same bytes, and a progress report checked against its plan and evaluated, with time
//! (median and spread) and peak heap memory, one JSON line per measurement. `scripts/bench`
//! runs it beside the Python and JavaScript harnesses.
//!
//! `bench-rust [--quick] SIZE...`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;
use welfare_plan::Limits;

/// Counts live heap bytes and their peak, so that peak memory is measured exactly; only while
/// `COUNTING` is on (the one run of each method that measures memory), so that the timed runs
/// pay nothing for the count: two atomic operations per allocation would weigh on a method by
/// how often it allocates, and not at all on a scan that never does.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
// Signed: a block allocated before the count started may be freed during it.
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            let size = layout.size() as isize;
            let now = LIVE.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f` repeatedly (at least `min_runs` times and about `budget` in all) and returns the
/// sorted durations and the peak extra heap of one run.
fn measure<T>(min_runs: usize, budget: Duration, mut f: impl FnMut() -> T) -> (Vec<f64>, usize) {
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let out = f();
    let peak = usize::try_from(PEAK.load(Ordering::Relaxed)).unwrap_or(0);
    COUNTING.store(false, Ordering::Relaxed);
    drop(out);
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < min_runs || (start.elapsed() < budget && times.len() < 200) {
        let t = Instant::now();
        let out = f();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        drop(out);
    }
    times.sort_by(f64::total_cmp);
    (times, peak)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(f64::NAN)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let (min_runs, budget) = if quick {
        (3, Duration::from_millis(200))
    } else {
        (7, Duration::from_secs(3))
    };
    let limits = Limits::unlimited();
    for n in sizes {
        let bytes = welfare_plan_bench::synthetic_plan_bytes(n, 42);
        let checked = welfare_plan::check_with(&bytes, &limits);
        assert!(
            checked.is_valid(),
            "the synthetic plan must be valid: {:?}",
            checked.issues.first()
        );
        let runs: [(&str, &dyn Fn() -> usize); 3] = [
            ("welfare_plan::check_with (load + full validation)", &|| {
                welfare_plan::check_with(&bytes, &limits).issues.len()
            }),
            ("serde_json::from_slice::<Value>", &|| {
                serde_json::from_slice::<serde_json::Value>(&bytes)
                    .map(|v| v.is_object() as usize)
                    .unwrap_or(0)
            }),
            ("serde_json::from_slice::<IgnoredAny> (a scan)", &|| {
                serde_json::from_slice::<serde::de::IgnoredAny>(&bytes)
                    .map(|_| 1)
                    .unwrap_or(0)
            }),
        ];
        // Issue-dense documents of the same size: the check must stay linear in the issues.
        let dangling = welfare_plan_bench::damaged_plan_bytes(
            n,
            42,
            welfare_plan_bench::Damage::DanglingReferences { every: 10 },
        );
        let shape =
            welfare_plan_bench::damaged_plan_bytes(n, 42, welfare_plan_bench::Damage::NumbersAsStrings);
        for (what, (doc, want)) in [
            ("1 dangling reference per 10 initiatives", &dangling),
            ("every initiative number a string", &shape),
        ] {
            let got = welfare_plan::check_with(doc, &limits).issues.len();
            assert_eq!(
                got, *want,
                "{what}: the damaged plan must yield one issue per damage"
            );
        }
        let capped = Limits {
            max_issues: 1_000,
            ..Limits::unlimited()
        };
        let runs: [(&str, &dyn Fn() -> usize); 6] = [
            runs[0],
            runs[1],
            runs[2],
            (
                "welfare_plan::check_with, 1 dangling reference per 10 initiatives",
                &|| welfare_plan::check_with(&dangling.0, &limits).issues.len(),
            ),
            (
                "welfare_plan::check_with, every initiative number a string (all issues)",
                &|| welfare_plan::check_with(&shape.0, &limits).issues.len(),
            ),
            (
                "welfare_plan::check_with, every initiative number a string (max_issues 1000)",
                &|| welfare_plan::check_with(&shape.0, &capped).issues.len(),
            ),
        ];
        for (method, f) in runs {
            emit(method, n, bytes.len(), measure(min_runs, budget, f));
        }
        report_rows(n, min_runs, budget, &limits);
    }
}

/// The progress report rows: a report of `n` observations and `n` node entries (one per
/// indicator and per initiative) read and checked against a plan of `n` initiatives with one
/// indicator each, then evaluated, beside serde_json's own parse of the same report bytes.
fn report_rows(n: usize, min_runs: usize, budget: Duration, limits: &Limits) {
    let doc = welfare_plan_bench::synthetic_progress(n, 42);
    let checked = welfare_plan::check_with(&doc.plan, limits);
    assert!(
        checked.issues.is_empty(),
        "the plan with indicators must be clean: {:?}",
        checked.issues.first()
    );
    let Some(plan) = checked.plan else { return };
    let read = welfare_plan::report::check_report(&doc.report, &plan, limits);
    assert!(
        read.issues.is_empty(),
        "the synthetic report must be clean: {:?}",
        read.issues.first()
    );
    let report = &doc.report;
    let check = || {
        welfare_plan::report::check_report(report, &plan, limits)
            .issues
            .len()
    };
    let evaluate = || {
        let read = welfare_plan::report::check_report(report, &plan, limits);
        let reports: Vec<_> = read.report.into_iter().collect();
        welfare_plan::report::evaluate(&plan, &reports).indicators.len()
    };
    let parse = || {
        serde_json::from_slice::<serde_json::Value>(report)
            .map(|v| v.is_object() as usize)
            .unwrap_or(0)
    };
    let runs: Vec<(&str, &dyn Fn() -> usize)> = vec![
        (
            "report: welfare_plan::report::check_report (read, checked against the plan)",
            &check,
        ),
        (
            "report: check_report + report::evaluate (statuses, grades, roll-ups)",
            &evaluate,
        ),
        ("report: serde_json::from_slice::<Value> (the report)", &parse),
    ];
    for (method, f) in runs {
        emit(method, n, report.len(), measure(min_runs, budget, f));
    }
}

/// One measurement as a JSON line.
fn emit(method: &str, n: usize, bytes: usize, (times, peak): (Vec<f64>, usize)) {
    println!(
        "{}",
        json!({
            "surface": "rust", "method": method, "initiatives": n, "bytes": bytes,
            "runs": times.len(), "median_ms": percentile(&times, 0.5),
            "p10_ms": percentile(&times, 0.1), "p90_ms": percentile(&times, 0.9),
            "peak_bytes": peak,
        })
    );
}
