//! `welfare-plan`: show, validate, export and describe regional welfare plans (地域福祉計画).
//!
//! Exit codes: 0 success (a valid plan; warnings allowed), 1 an invalid plan, 2 a usage error
//! or a file that cannot be read. `diff` exits as `diff` does: 0 equal, 1 different, 2 trouble.

mod inputs;
mod issues;
mod usage_error;
mod words;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use welfare_plan::report::{self, CheckedReport};
use welfare_plan::{
    check_with, diff, era, iizuka, publish, read_limited, render, schema, sheet, Checked, Issue, Lang,
    Limits, Plan,
};
use words::Words;

#[derive(Parser)]
#[command(
    name = "welfare-plan",
    version,
    about = "Japanese regional welfare plans (地域福祉計画) as typed, validated data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of output and messages: Japanese or English (English where the data has
    /// it). The default follows the locale (LC_ALL, LC_MESSAGES, LANG): English for `en…`,
    /// Japanese otherwise.
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
    /// Colour in text output: on a terminal by default, never when NO_COLOR is set.
    #[arg(long, value_enum, global = true, default_value_t = ColorArg::Auto)]
    color: ColorArg,
}

#[derive(Subcommand)]
enum Command {
    /// Print a plan as a readable tree (the embedded Iizuka 3rd plan without FILE), or a
    /// progress report's evaluation (with --plan).
    Show {
        /// A plan or progress report JSON file, or `-` for standard input.
        file: Option<String>,
        /// The plan a progress report evaluates (needed to show a report).
        #[arg(long, value_name = "PLAN")]
        plan: Option<String>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Validate plan or progress report files; exit 0 when all are valid (warnings allowed), 1
    /// otherwise. A progress report is checked against the plan given with --plan.
    Validate {
        /// Plan or progress report JSON files, directories (every `*.json` under them) or
        /// quoted globs (`'plans/*.json'`); `-` reads standard input.
        #[arg(required = true)]
        files: Vec<String>,
        /// The plan the progress reports among FILES evaluate.
        #[arg(long, value_name = "PLAN")]
        plan: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = IssueFormat::Text)]
        format: IssueFormat,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print canonical JSON of a plan (the embedded Iizuka 3rd plan without FILE) or of a
    /// progress report, or write it as a spreadsheet: an xlsx workbook (a sheet per table, a
    /// report's evaluation sheet prefilled), CSV files (one per table, UTF-8 with a BOM), or
    /// the open-data CSV (自治体標準オープンデータセット style).
    Export {
        /// A plan or progress report JSON file, or `-` for standard input.
        file: Option<String>,
        /// The plan a progress report evaluates: when given, the report is checked against it.
        #[arg(long, value_name = "PLAN")]
        plan: Option<String>,
        /// What to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// With --format xlsx and a plan: the evaluation workbook of this fiscal year to fill
        /// in (every indicator and node listed, the columns empty): 2023, 令和5年度 or R5.
        #[arg(long, value_name = "YEAR", value_parser = era::fiscal_year_from_era, allow_negative_numbers = true)]
        year: Option<i32>,
        /// The file to write (a directory for --format csv); needed for xlsx and csv.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Read a plan back from a spreadsheet (a progress report with --plan): an xlsx workbook as
    /// `export --format xlsx` writes it, or the CSV files of its tables (files, or a directory
    /// of them). Prints canonical JSON; issues go to standard error as `validate` prints them,
    /// each at its sheet and cell (`体系!H14`). Exit 0 when valid, 1 when not, 2 when a file
    /// cannot be read.
    Import {
        /// An xlsx workbook, or CSV files (or a directory holding them), `….{table}.csv`.
        #[arg(required = true)]
        files: Vec<String>,
        /// The plan a progress report's evaluation workbook belongs to: read a report.
        #[arg(long, value_name = "PLAN")]
        plan: Option<String>,
        /// How issues are written to standard error.
        #[arg(long, value_enum, default_value_t = IssueFormat::Text)]
        format: IssueFormat,
        /// Write the document here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Write a plan in the current format (2.0): a 1.0 document is upgraded, a 2.0 one is
    /// written as canonical JSON. The plan must be valid.
    Upgrade {
        /// A plan JSON file, or `-` for standard input.
        file: String,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Evaluate a plan over its progress reports: each indicator's series with its achievement,
    /// status and grades, and the grades of every node and help sector, computed beside the
    /// entered ones. Exit 1 when a report has errors.
    Progress {
        /// The plan JSON file.
        plan: String,
        /// Progress report JSON files, one per fiscal year (none is needed with the previous
        /// edition's).
        #[arg(required_unless_present = "previous_plan")]
        reports: Vec<String>,
        /// The previous edition of the plan, whose reports (--previous-report) continue the
        /// series: each part the plan continues by lineage (or by keeping its id) carries its
        /// values over.
        #[arg(long = "previous-plan", value_name = "PLAN", requires = "previous_reports")]
        previous_plan: Option<String>,
        /// Progress reports of the previous edition (with --previous-plan).
        #[arg(long = "previous-report", value_name = "REPORT", num_args = 1.., requires = "previous_plan")]
        previous_reports: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Write a plan as a document people read (the embedded Iizuka 3rd plan without PLAN): one
    /// self-contained HTML page, print-ready, with trend charts and roll-ups given progress
    /// reports; or the same as Markdown. Exit 1 when the plan or a report has errors.
    Report {
        /// A plan JSON file, or `-` for standard input.
        plan: Option<String>,
        /// Progress reports of the plan, one per fiscal year (repeat, or list after one flag).
        #[arg(long = "progress", value_name = "REPORT", num_args = 1..)]
        progress: Vec<String>,
        /// The previous edition of the plan, whose reports (--previous-report) continue the
        /// series: each part the plan continues by lineage (or by keeping its id) carries its
        /// values over.
        #[arg(long = "previous-plan", value_name = "PLAN", requires = "previous_reports")]
        previous_plan: Option<String>,
        /// Progress reports of the previous edition (with --previous-plan).
        #[arg(long = "previous-report", value_name = "REPORT", num_args = 1.., requires = "previous_plan")]
        previous_reports: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = PageFormat::Html)]
        format: PageFormat,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Compare two editions of a plan (or two progress reports): nodes, challenges, actors and
    /// indicators added, removed, reworded, moved, merged or split, matched by id, by lineage
    /// and, where neither says, by similar text (shown as a guess). Exit 0 when equal, 1 when
    /// different, 2 when a file cannot be read or is not valid (as `diff` does).
    Diff {
        /// The earlier edition (or report).
        old: String,
        /// The later edition (or report).
        new: String,
        /// Output format: text, JSON, or an HTML 新旧対照表.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print the content hash of a plan (`sha256:…`), which its progress reports record.
    Hash {
        /// A plan JSON file, or `-` for standard input.
        file: String,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print the plan JSON Schema, or write every schema into a directory.
    Schema {
        /// Write `*.schema.json` files here instead of printing.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print a shell completion script: `welfare-plan completions bash > /etc/bash_completion.d/welfare-plan`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Convert between fiscal years and era names: `2023` → 令和5年度, `令和5年度` → 2023.
    Era {
        /// A Western fiscal year (2023) or an era year (令和5年度, R5, 平成31年度).
        #[arg(allow_negative_numbers = true)]
        value: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Ja,
    En,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// How `validate` writes issues.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum IssueFormat {
    /// `file:line:column: error [code] message (at /pointer)` and a verdict per file.
    Text,
    /// As a compiler shows errors: each with the source line and the value underlined.
    Pretty,
    /// Every file's verdict and issues as JSON.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
    /// A SARIF 2.1.0 log, for code-scanning tools.
    Sarif,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// Canonical JSON.
    Json,
    /// An xlsx workbook.
    Xlsx,
    /// CSV files, one per table, into the directory given with -o.
    Csv,
    /// The open-data CSV of the plan's nodes and indicators.
    OpendataCsv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PageFormat {
    Html,
    Md,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
    Html,
}

/// Limits on input (see SECURITY.md); the defaults suit any real plan. A negative number is
/// taken as the value it was meant to be, so that it is refused as one (not as an unknown `-1`
/// option).
#[derive(clap::Args)]
struct LimitArgs {
    /// Largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", value_parser = usage_error::count, allow_negative_numbers = true)]
    max_input_bytes: Option<usize>,
    /// Deepest nesting inside `extensions`.
    #[arg(long, value_name = "LEVELS", value_parser = usage_error::count, allow_negative_numbers = true)]
    max_depth: Option<usize>,
    /// Longest text, in characters.
    #[arg(long, value_name = "CHARS", value_parser = usage_error::count, allow_negative_numbers = true)]
    max_text_chars: Option<usize>,
    /// Most elements in one list.
    #[arg(long, value_name = "COUNT", value_parser = usage_error::count, allow_negative_numbers = true)]
    max_elements: Option<usize>,
    /// Most issues reported per document; one more says how many were left out.
    #[arg(long, value_name = "COUNT", value_parser = usage_error::count, allow_negative_numbers = true)]
    max_issues: Option<usize>,
}

impl LimitArgs {
    fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_input_bytes: self.max_input_bytes.unwrap_or(d.max_input_bytes),
            max_depth: self.max_depth.unwrap_or(d.max_depth),
            max_text_chars: self.max_text_chars.unwrap_or(d.max_text_chars),
            max_elements: self.max_elements.unwrap_or(d.max_elements),
            max_issues: self.max_issues.unwrap_or(d.max_issues),
        }
    }
}

/// A failure that ends the command with exit code 2, said in the language of `--lang`.
struct Fatal(Words);

impl Fatal {
    fn new(en: impl Into<String>, ja: impl Into<String>) -> Self {
        Fatal(Words::new(en, ja))
    }
}

impl<E: Into<Words>> From<E> for Fatal {
    fn from(e: E) -> Self {
        Fatal(e.into())
    }
}

/// The error for JSON this command failed to write (its own values always serialise; this is
/// for the impossible case, said plainly rather than unwrapped).
fn unwritable_json(e: &serde_json::Error) -> Fatal {
    Fatal::new(
        format!("cannot write the output as JSON: {e}"),
        format!("出力をJSONとして書き出せません（{e}）"),
    )
}

/// How output is written: in which language, and whether with colour.
#[derive(Clone, Copy)]
struct Ui {
    lang: Lang,
    color: bool,
}

/// The output settings of this run, set once from the command line.
static UI: std::sync::OnceLock<Ui> = std::sync::OnceLock::new();

fn ui() -> Ui {
    UI.get().copied().unwrap_or(Ui {
        lang: Lang::Ja,
        color: false,
    })
}

/// A command line clap could not read, or `--help` and `--version`: clap prints those and its
/// English explanations; a mistake in a Japanese run is explained in Japanese. Exit code 2, as
/// clap and every other usage error of the command have it.
fn usage_mistake(e: &clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    match usage_error::lang_of(args, locale_lang()) {
        Lang::Ja => match usage_error::japanese(e) {
            Some(text) => {
                to_stderr(&text);
                ExitCode::from(2)
            }
            None => e.exit(),
        },
        Lang::En => e.exit(),
    }
}

/// The language a locale asks for: English for `en…`, else Japanese (the language every plan is
/// written in); the first of LC_ALL, LC_MESSAGES and LANG that is set decides.
fn locale_lang() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.starts_with("en") {
        Lang::En
    } else {
        Lang::Ja
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_mistake(&e, &args),
    };
    let lang = match cli.lang {
        Some(LangArg::Ja) => Lang::Ja,
        Some(LangArg::En) => Lang::En,
        None => locale_lang(),
    };
    let color = match cli.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            use std::io::IsTerminal;
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
        }
    };
    let _ = UI.set(Ui { lang, color });
    let result = match cli.command {
        Command::Show { file, plan, limits } => show(file.as_deref(), plan.as_deref(), &limits.limits()),
        Command::Validate {
            files,
            plan,
            format,
            limits,
        } => validate(&files, plan.as_deref(), format, &limits.limits()),
        Command::Export {
            file,
            plan,
            format,
            year,
            output,
            limits,
        } => export(
            file.as_deref(),
            plan.as_deref(),
            Sheet { format, year, output },
            &limits.limits(),
        ),
        Command::Import {
            files,
            plan,
            format,
            output,
            limits,
        } => import(&files, plan.as_deref(), format, output, &limits.limits()),
        Command::Progress {
            plan,
            reports,
            previous_plan,
            previous_reports,
            format,
            limits,
        } => progress(
            &plan,
            &reports,
            Previous::of(previous_plan, previous_reports),
            format,
            &limits.limits(),
        ),
        Command::Report {
            plan,
            progress,
            previous_plan,
            previous_reports,
            format,
            output,
            limits,
        } => page(
            plan.as_deref(),
            &progress,
            Previous::of(previous_plan, previous_reports),
            format,
            output,
            &limits.limits(),
        ),
        Command::Diff {
            old,
            new,
            format,
            output,
            limits,
        } => diff(&old, &new, format, output, &limits.limits()),
        Command::Hash { file, limits } => hash(&file, &limits.limits()),
        Command::Upgrade { file, output, limits } => upgrade(&file, output, &limits.limits()),
        Command::Schema { out } => write_schema(out),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "welfare-plan", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Era { value } => era_command(&value),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            to_stderr(&format!("welfare-plan: {}\n", msg.get(ui().lang)));
            ExitCode::from(2)
        }
    }
}

/// Reads a file, or standard input for `-`, keeping at most one byte more than the size limit
/// (so a huge input is refused without being held).
fn read(name: &str, limits: &Limits) -> Result<Vec<u8>, Fatal> {
    read_bytes(name, limits).map_err(|e| Fatal(words::cannot(words::FileOp::Read, name, &e)))
}

/// The bytes of a file, or of standard input for `-`, within the size limit.
fn read_bytes(name: &str, limits: &Limits) -> std::io::Result<Vec<u8>> {
    if name == "-" {
        read_limited(std::io::stdin().lock(), limits)
    } else {
        std::fs::File::open(name).and_then(|f| read_limited(f, limits))
    }
}

/// A document as read: a plan, or a progress report (the document says which).
enum Document {
    Plan(Box<Checked>),
    Report(Box<CheckedReport>),
}

impl Document {
    fn issues(&self) -> &[Issue] {
        match self {
            Document::Plan(c) => &c.issues,
            Document::Report(c) => &c.issues,
        }
    }

    fn is_valid(&self) -> bool {
        match self {
            Document::Plan(c) => c.is_valid(),
            Document::Report(c) => c.is_valid(),
        }
    }
}

/// Reads and checks FILE as what it says it is; a progress report against `plan` when given,
/// else for its shape only.
fn read_document(name: &str, plan: Option<&Plan>, limits: &Limits) -> Result<Document, Fatal> {
    Ok(document(&read(name, limits)?, plan, limits))
}

/// Checks `bytes` as what they say they are (see [`read_document`]).
fn document(bytes: &[u8], plan: Option<&Plan>, limits: &Limits) -> Document {
    if !report::is_progress_report(bytes) {
        return Document::Plan(Box::new(check_with(bytes, limits)));
    }
    Document::Report(Box::new(match plan {
        Some(plan) => report::check_report(bytes, plan, limits),
        None => report::parse_report(bytes, limits),
    }))
}

/// Prints a document's issues to standard error.
fn print_issues(name: &str, issues: &[Issue]) {
    let ui = ui();
    for issue in issues::by_position(issues) {
        to_stderr(&format!(
            "{}\n",
            issues::text_line(name, issue, ui.lang, ui.color)
        ));
    }
}

/// Loads FILE (or the embedded plan) as a plan; prints issues and returns exit code 1 when
/// invalid.
fn load(file: Option<&str>, limits: &Limits) -> Result<Result<Plan, ExitCode>, Fatal> {
    let Some(name) = file else {
        return Ok(Ok(iizuka::third_plan()));
    };
    let checked = check_with(&read(name, limits)?, limits);
    print_issues(name, &checked.issues);
    Ok(checked
        .into_plan_and_warnings()
        .map(|(plan, _)| plan)
        .map_err(|_| ExitCode::from(1)))
}

/// The plan named by `--plan`, loaded; a usage error when a report needs it and it is absent.
fn plan_for_report(
    plan: Option<&str>,
    report: &str,
    limits: &Limits,
) -> Result<Result<Plan, ExitCode>, Fatal> {
    match plan {
        Some(p) => load(Some(p), limits),
        None => Err(needs_plan(report)),
    }
}

/// The usage error for a progress report given without the plan it evaluates.
fn needs_plan(report: &str) -> Fatal {
    Fatal::new(
        format!("`{report}` is a progress report: give the plan it evaluates with --plan PLAN"),
        format!("`{report}` は評価報告です。評価する計画を --plan PLAN で指定してください"),
    )
}

fn show(file: Option<&str>, plan: Option<&str>, limits: &Limits) -> Result<ExitCode, Fatal> {
    if let Some(name) = file {
        let bytes = read(name, limits)?;
        if report::is_progress_report(&bytes) {
            let plan = match plan_for_report(plan, name, limits)? {
                Ok(p) => p,
                Err(code) => return Ok(code),
            };
            let checked = report::check_report(&bytes, &plan, limits);
            print_issues(name, &checked.issues);
            return match checked
                .report
                .filter(|_| checked.issues.iter().all(|i| !i.is_error()))
            {
                Some(r) => emit(&render::progress(
                    &plan,
                    &report::evaluate(&plan, &[r]),
                    ui().lang,
                )),
                None => Ok(ExitCode::from(1)),
            };
        }
    }
    let plan = match load(file, limits)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    emit(&render::tree(&plan, ui().lang))
}

/// How `export` writes: the format, the year of a blank evaluation, and where.
struct Sheet {
    format: ExportFormat,
    year: Option<i32>,
    output: Option<PathBuf>,
}

fn export(file: Option<&str>, plan: Option<&str>, sheet: Sheet, limits: &Limits) -> Result<ExitCode, Fatal> {
    let plan = match plan.map(|p| load(Some(p), limits)).transpose()? {
        Some(Err(code)) => return Ok(code),
        Some(Ok(p)) => Some(p),
        None => None,
    };
    let Some(name) = file else {
        return export_plan(&iizuka::third_plan(), sheet);
    };
    match read_document(name, plan.as_ref(), limits)? {
        Document::Plan(checked) => {
            print_issues(name, &checked.issues);
            match (*checked).into_plan_and_warnings() {
                Ok((plan, _)) => export_plan(&plan, sheet),
                Err(_) => Ok(ExitCode::from(1)),
            }
        }
        Document::Report(checked) => {
            print_issues(name, &checked.issues);
            let valid = checked.is_valid();
            let Some(r) = checked.report.filter(|_| valid) else {
                return Ok(ExitCode::from(1));
            };
            match (sheet.format, plan) {
                (ExportFormat::Json, _) => emit_to(sheet.output, &r.to_canonical_json()),
                (ExportFormat::Xlsx, Some(plan)) => {
                    let book = sheet::report_xlsx(&plan, &r, ui().lang).map_err(Fatal::from)?;
                    write_bytes(sheet.output, &book)
                }
                (ExportFormat::OpendataCsv, Some(plan)) => {
                    emit_to(sheet.output, &sheet::opendata_observations_csv(&plan, &[r]))
                }
                (ExportFormat::Xlsx | ExportFormat::OpendataCsv, None) => Err(needs_plan(name)),
                (ExportFormat::Csv, _) => Err(Fatal::new(
                    "a progress report is exported as json, xlsx or opendata-csv (with --plan)",
                    "評価報告は json で、--plan を付ければ xlsx か opendata-csv で書き出せます",
                )),
            }
        }
    }
}

/// Writes `plan` in the format `sheet` asks for.
fn export_plan(plan: &Plan, sheet: Sheet) -> Result<ExitCode, Fatal> {
    let lang = ui().lang;
    match sheet.format {
        ExportFormat::Json => emit_to(sheet.output, &plan.to_canonical_json()),
        ExportFormat::OpendataCsv => emit_to(sheet.output, &sheet::opendata_csv(plan)),
        ExportFormat::Xlsx => {
            let book = match sheet.year {
                Some(y) => {
                    let blank = sheet::blank_report(plan, welfare_plan::FiscalYear(y));
                    sheet::report_xlsx(plan, &blank, lang)
                }
                None => sheet::plan_xlsx(plan, lang),
            };
            write_bytes(sheet.output, &book.map_err(Fatal::from)?)
        }
        ExportFormat::Csv => {
            let Some(dir) = sheet.output else {
                return Err(Fatal::new(
                    "--format csv writes one file per table: give a directory with -o",
                    "--format csv は表ごとに1ファイルを書きます。-o でディレクトリを指定してください",
                ));
            };
            create_dir(&dir)?;
            for (file, text) in sheet::csv_tables(plan, lang) {
                let path = dir.join(file);
                write_file(&path, text)?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes a binary file (a workbook) to `output`; never to a terminal or a pipe by default.
fn write_bytes(output: Option<PathBuf>, bytes: &[u8]) -> Result<ExitCode, Fatal> {
    let Some(path) = output else {
        return Err(Fatal::new(
            "a workbook is a binary file: give the file to write with -o",
            "ワークブックはバイナリファイルです。書き出すファイルを -o で指定してください",
        ));
    };
    write_file(&path, bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a file, or fails saying which and why in the language of --lang.
fn write_file(path: &std::path::Path, contents: impl AsRef<[u8]>) -> Result<(), Fatal> {
    std::fs::write(path, contents).map_err(|e| Fatal(words::cannot(words::FileOp::Write, path.display(), &e)))
}

/// Creates a directory (and its parents), or fails as [`write_file`] does.
fn create_dir(dir: &std::path::Path) -> Result<(), Fatal> {
    std::fs::create_dir_all(dir).map_err(|e| Fatal(words::cannot(words::FileOp::Create, dir.display(), &e)))
}

/// Writes to standard error. Not `eprintln!`, which panics when the reader has gone (issues
/// piped into `head`); a message nobody reads is not worth a crash.
fn to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// `welfare-plan import`: a spreadsheet back into its document.
fn import(
    files: &[String],
    plan: Option<&str>,
    format: IssueFormat,
    output: Option<PathBuf>,
    limits: &Limits,
) -> Result<ExitCode, Fatal> {
    let plan = match plan.map(|p| load(Some(p), limits)).transpose()? {
        Some(Err(code)) => return Ok(code),
        Some(Ok(p)) => Some(p),
        None => None,
    };
    let mut read = Vec::new();
    for name in sheet_files(files)? {
        read.push((name.clone(), self::read(&name, limits)?));
    }
    // The workbook's (or the first CSV file's) name locates the issues.
    let name = files.first().map_or("-", String::as_str);
    let (json, issues, summary) = match &plan {
        Some(plan) => outcome(sheet::import_report(&read, plan, limits), |r| {
            r.to_canonical_json()
        }),
        None => outcome(sheet::import_plan(&read, limits), |p| p.to_canonical_json()),
    };
    to_stderr(&issue_report(name, &issues, json.is_some(), format, &summary)?);
    match json {
        Some(json) => emit_to(output, &json),
        None => Ok(ExitCode::from(1)),
    }
}

/// An import's canonical JSON (when the document is valid), its issues and its verdict line.
fn outcome<T>(
    imported: sheet::Imported<T>,
    json: impl Fn(&T) -> String,
) -> (Option<String>, Vec<Issue>, String) {
    let summary = imported.summary_in(ui().lang);
    let json = imported
        .document
        .as_ref()
        .filter(|_| imported.is_valid())
        .map(json);
    (json, imported.issues, summary)
}

/// The files `import` reads: the arguments, a directory standing for every `*.csv` in it.
fn sheet_files(args: &[String]) -> Result<Vec<String>, Fatal> {
    let mut out = Vec::new();
    for arg in args {
        let path = std::path::Path::new(arg);
        if !path.is_dir() {
            out.push(arg.clone());
            continue;
        }
        let found =
            sheet::csv_files_in(path).map_err(|e| Fatal(words::cannot(words::FileOp::Read, arg, &e)))?;
        out.extend(found.iter().map(|p| p.to_string_lossy().into_owned()));
    }
    Ok(out)
}

/// One file's issues in `format` (pretty as text: a spreadsheet has no source to show),
/// followed (as text) by its verdict line, as `validate` writes a file's.
fn issue_report(
    name: &str,
    found: &[Issue],
    valid: bool,
    format: IssueFormat,
    summary: &str,
) -> Result<String, Fatal> {
    let ui = ui();
    Ok(match format {
        IssueFormat::Text | IssueFormat::Pretty => {
            issue_lines(name, found, IssueFormat::Text) + &format!("{name}: {summary}\n")
        }
        IssueFormat::Github => issue_lines(name, found, format),
        IssueFormat::Json => pretty_json(&serde_json::json!([verdict(name, valid, found)]))?,
        IssueFormat::Sarif => pretty_json(&issues::sarif(&[(name.to_owned(), found.to_vec())], ui.lang))?,
    })
}

/// A file's issues in document order, a line each: as text, or as GitHub annotations (no
/// lines for the other formats).
fn issue_lines(name: &str, found: &[Issue], format: IssueFormat) -> String {
    let ui = ui();
    let mut text = String::new();
    for issue in issues::by_position(found) {
        match format {
            IssueFormat::Text => text.push_str(&issues::text_line(name, issue, ui.lang, ui.color)),
            IssueFormat::Github => text.push_str(&issues::github(name, issue, ui.lang)),
            IssueFormat::Pretty | IssueFormat::Json | IssueFormat::Sarif => return String::new(),
        }
        text.push('\n');
    }
    text
}

/// A readable file's verdict as `--format json` writes it.
fn verdict(name: &str, valid: bool, found: &[Issue]) -> serde_json::Value {
    serde_json::json!({"file": name, "valid": valid, "issues": issues::by_position(found)})
}

/// `value` as indented JSON with a final newline.
fn pretty_json(value: &serde_json::Value) -> Result<String, Fatal> {
    serde_json::to_string_pretty(value)
        .map(|t| t + "\n")
        .map_err(|e| unwritable_json(&e))
}

fn upgrade(file: &str, output: Option<PathBuf>, limits: &Limits) -> Result<ExitCode, Fatal> {
    let plan = match load(Some(file), limits)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    emit_to(output, &plan.to_canonical_json())
}

/// Writes `s` to the file `output`, or to standard output.
fn emit_to(output: Option<PathBuf>, s: &str) -> Result<ExitCode, Fatal> {
    match output {
        Some(path) => write_file(&path, s).map(|()| ExitCode::SUCCESS),
        None => emit(s),
    }
}

/// Progress reports read against their plan: the valid ones, and each file's verdict.
struct ReadReports {
    valid: Vec<report::ProgressReport>,
    all_valid: bool,
    /// Per file: its name, whether it is valid, and its issues (for `--format json`).
    files: Vec<serde_json::Value>,
}

/// Reads progress reports of `plan`, printing their issues.
fn read_reports(plan: &Plan, names: &[String], limits: &Limits) -> Result<ReadReports, Fatal> {
    let mut valid = Vec::new();
    let mut all_valid = true;
    let mut files = Vec::new();
    for name in names {
        let bytes = read(name, limits)?;
        if !report::is_progress_report(&bytes) {
            return Err(Fatal::new(
                format!("`{name}` is not a progress report (`\"document\": \"progress_report\"`)"),
                format!(
                    "`{name}` は評価報告ではありません（`\"document\": \"progress_report\"` がありません）"
                ),
            ));
        }
        let checked = report::check_report(&bytes, plan, limits);
        print_issues(name, &checked.issues);
        let ok = checked.is_valid();
        all_valid &= ok;
        files.push(serde_json::json!({"file": name, "valid": ok, "issues": checked.issues}));
        if let Some(r) = checked.report.filter(|_| ok) {
            valid.push(r);
        }
    }
    Ok(ReadReports {
        valid,
        all_valid,
        files,
    })
}

fn page(
    plan: Option<&str>,
    reports: &[String],
    previous: Option<Previous>,
    format: PageFormat,
    output: Option<PathBuf>,
    limits: &Limits,
) -> Result<ExitCode, Fatal> {
    let plan = match load(plan, limits)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let mut read = read_reports(&plan, reports, limits)?;
    if let Some(previous) = previous {
        previous.carry_into(&plan, &mut read, limits)?;
    }
    if !read.all_valid {
        return Ok(ExitCode::from(1));
    }
    let progress = (!read.valid.is_empty()).then(|| report::evaluate(&plan, &read.valid));
    let text = match format {
        PageFormat::Html => publish::html(&plan, progress.as_ref(), ui().lang),
        PageFormat::Md => publish::markdown(&plan, progress.as_ref(), ui().lang),
    };
    emit_to(output, &text)
}

/// The previous edition of a plan and its progress reports, whose series continue.
struct Previous {
    plan: String,
    reports: Vec<String>,
}

impl Previous {
    fn of(plan: Option<String>, reports: Vec<String>) -> Option<Previous> {
        plan.map(|plan| Previous { plan, reports })
    }

    /// Reads the previous edition and its reports (printing their issues) and adds the valid
    /// ones, in `plan`'s terms, to `read`.
    fn carry_into(self, plan: &Plan, read: &mut ReadReports, limits: &Limits) -> Result<(), Fatal> {
        let old = match load(Some(&self.plan), limits)? {
            Ok(p) => p,
            Err(_) => {
                read.all_valid = false;
                return Ok(());
            }
        };
        let previous = read_reports(&old, &self.reports, limits)?;
        read.all_valid &= previous.all_valid;
        read.files.extend(previous.files);
        read.valid.extend(report::carry_over(plan, &old, &previous.valid));
        Ok(())
    }
}

/// Two documents to compare: both plans or both progress reports.
enum Pair {
    Plans(Box<Plan>, Box<Plan>),
    Reports(Box<report::ProgressReport>, Box<report::ProgressReport>),
}

/// Reads one side of a diff: a valid plan or a progress report valid in its shape. Issues are
/// printed; an invalid document is trouble (exit 2), as for `diff`.
fn diff_side(name: &str, limits: &Limits) -> Result<Document, Fatal> {
    let doc = read_document(name, None, limits)?;
    print_issues(name, doc.issues());
    if doc.is_valid() {
        Ok(doc)
    } else {
        Err(Fatal::new(
            format!("`{name}` is not valid: nothing to compare"),
            format!("`{name}` にエラーがあるため比較できません"),
        ))
    }
}

fn nothing_to_compare() -> Fatal {
    Fatal::new("nothing to compare", "比較するものがありません")
}

fn diff(
    old: &str,
    new: &str,
    format: DiffFormat,
    output: Option<PathBuf>,
    limits: &Limits,
) -> Result<ExitCode, Fatal> {
    let pair = match (diff_side(old, limits)?, diff_side(new, limits)?) {
        (Document::Plan(a), Document::Plan(b)) => match (a.plan, b.plan) {
            (Some(a), Some(b)) => Pair::Plans(Box::new(a), Box::new(b)),
            _ => return Err(nothing_to_compare()),
        },
        (Document::Report(a), Document::Report(b)) => match (a.report, b.report) {
            (Some(a), Some(b)) => Pair::Reports(Box::new(a), Box::new(b)),
            _ => return Err(nothing_to_compare()),
        },
        _ => {
            return Err(Fatal::new(
                format!("`{old}` and `{new}` are not both plans or both progress reports"),
                format!("`{old}` と `{new}` は種類が違うため比較できません（計画どうし、または評価報告どうしで比較します）"),
            ))
        }
    };
    let changes = match &pair {
        Pair::Plans(a, b) => diff::plans(a, b),
        Pair::Reports(a, b) => diff::reports(a, b),
    };
    let text = match format {
        DiffFormat::Text => diff::text(&changes, ui().lang),
        DiffFormat::Html => diff::html(&changes, ui().lang),
        DiffFormat::Json => {
            let mut s = serde_json::to_string_pretty(&changes).map_err(|e| unwritable_json(&e))?;
            s.push('\n');
            s
        }
    };
    emit_to(output, &text)?;
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn hash(file: &str, limits: &Limits) -> Result<ExitCode, Fatal> {
    match load(Some(file), limits)? {
        Ok(plan) => emit(&format!("{}\n", report::plan_hash(&plan))),
        Err(code) => Ok(code),
    }
}

fn progress(
    plan: &str,
    reports: &[String],
    previous: Option<Previous>,
    format: Format,
    limits: &Limits,
) -> Result<ExitCode, Fatal> {
    let plan = match load(Some(plan), limits)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let mut read = read_reports(&plan, reports, limits)?;
    if let Some(previous) = previous {
        previous.carry_into(&plan, &mut read, limits)?;
    }
    let result = report::evaluate(&plan, &read.valid);
    let out = match format {
        Format::Text => render::progress(&plan, &result, ui().lang),
        Format::Json => {
            let doc = serde_json::json!({"reports": read.files, "progress": result});
            let mut s = serde_json::to_string_pretty(&doc).map_err(|e| unwritable_json(&e))?;
            s.push('\n');
            s
        }
    };
    emit(&out)?;
    Ok(if read.all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
fn emit(s: &str) -> Result<ExitCode, Fatal> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => {
            let why = words::io_reason(&e);
            Err(Fatal::new(
                format!("cannot write output: {}", why.en),
                format!("出力を書き込めません（{}）", why.ja),
            ))
        }
    }
}

fn validate(
    files: &[String],
    plan: Option<&str>,
    format: IssueFormat,
    limits: &Limits,
) -> Result<ExitCode, Fatal> {
    let plan = match plan.map(|p| load(Some(p), limits)).transpose()? {
        Some(Err(code)) => return Ok(code),
        Some(Ok(p)) => Some(p),
        None => None,
    };
    let ui = ui();
    let mut all_valid = true;
    // A file that cannot be read gets its verdict and the others are still checked; the run
    // then exits 2, as for any unreadable input.
    let mut unreadable = false;
    let mut verdicts = Vec::new();
    let mut checked: Vec<(String, Vec<Issue>)> = Vec::new();
    let mut text = String::new();
    for input in inputs::expand(files) {
        let (name, doc) = match input {
            inputs::Input::File(name) => match read_bytes(&name, limits) {
                Ok(bytes) => {
                    let doc = document(&bytes, plan.as_ref(), limits);
                    if format == IssueFormat::Pretty {
                        let source = std::str::from_utf8(&bytes).ok();
                        let sorted = issues::by_position(doc.issues());
                        text.push_str(&issues::pretty(&name, source, &sorted, ui.lang, ui.color));
                    }
                    (name, doc)
                }
                Err(e) => {
                    let reason = words::io_reason(&e);
                    unreadable = true;
                    verdicts.push(serde_json::json!({"file": name, "readable": false, "reason": reason.en}));
                    text.push_str(&format!("{name}: {}\n", cannot_read(&reason, ui.lang)));
                    continue;
                }
            },
            inputs::Input::Missing { arg, reason } => {
                unreadable = true;
                verdicts.push(serde_json::json!({"file": arg, "readable": false, "reason": reason.en}));
                text.push_str(&format!("{arg}: {}\n", cannot_read(&reason, ui.lang)));
                continue;
            }
        };
        if let (Document::Report(_), None) = (&doc, &plan) {
            return Err(needs_plan(&name));
        }
        let valid = doc.is_valid();
        all_valid &= valid;
        match format {
            IssueFormat::Text | IssueFormat::Pretty => {
                text.push_str(&issue_lines(&name, doc.issues(), format));
                let summary = match &doc {
                    Document::Plan(c) => c.summary_in(ui.lang),
                    Document::Report(c) => c.summary_in(ui.lang),
                };
                text.push_str(&format!("{name}: {summary}\n"));
            }
            IssueFormat::Github => text.push_str(&issue_lines(&name, doc.issues(), format)),
            IssueFormat::Json => verdicts.push(verdict(&name, valid, doc.issues())),
            IssueFormat::Sarif => checked.push((name, doc.issues().to_vec())),
        }
    }
    match format {
        IssueFormat::Json => text = pretty_json(&serde_json::Value::Array(verdicts))?,
        IssueFormat::Sarif => text = pretty_json(&issues::sarif(&checked, ui.lang))?,
        IssueFormat::Text | IssueFormat::Pretty | IssueFormat::Github => {}
    }
    emit(&text)?;
    Ok(if unreadable {
        ExitCode::from(2)
    } else if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The verdict of a file that cannot be read.
fn cannot_read(reason: &Words, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("読み込めません（{}）", reason.ja),
        Lang::En => format!("cannot be read ({})", reason.en),
    }
}

fn write_schema(out: Option<PathBuf>) -> Result<ExitCode, Fatal> {
    let files = schema::all();
    let Some(dir) = out else {
        let plan = files.into_iter().find(|f| f.file_name == "plan.schema.json");
        return emit(&plan.map(|f| f.text).unwrap_or_default());
    };
    create_dir(&dir)?;
    let mut wrote = String::new();
    for f in files {
        let path = dir.join(f.file_name);
        write_file(&path, f.text)?;
        wrote += &match ui().lang {
            Lang::Ja => format!("{} を書き出しました\n", path.display()),
            Lang::En => format!("wrote {}\n", path.display()),
        };
    }
    emit(&wrote)
}

fn era_command(value: &str) -> Result<ExitCode, Fatal> {
    // The core reads every spelling; a Western year (2023, ２０２３, FY2023) asks for its era,
    // an era year for its Western year.
    match era::read_fiscal_year(value)? {
        (year, None) => {
            let ja = era::era_label(year)?;
            let en = era::era_label_en(year)?;
            emit(&format!("{ja}\t{en}\n"))
        }
        (year, Some(_)) => emit(&format!("{year}\n")),
    }
}
