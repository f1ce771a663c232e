//! `welfare-plan`: show, validate, export and describe regional welfare plans (地域福祉計画).
//!
//! Exit codes: 0 success (a valid plan; warnings allowed), 1 an invalid plan, 2 a usage error
//! or a file that cannot be read.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use welfare_plan::{check_reader, era, iizuka, render, schema, Checked, Issue, Lang, Limits};

#[derive(Parser)]
#[command(
    name = "welfare-plan",
    version,
    about = "Japanese regional welfare plans (地域福祉計画) as typed, validated data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a plan as a readable tree (the embedded Iizuka 3rd plan without FILE).
    Show {
        /// A plan JSON file, or `-` for standard input.
        file: Option<String>,
        /// The language to print in.
        #[arg(long, value_enum, default_value_t = LangArg::Ja)]
        lang: LangArg,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Validate plan files; exit 0 when all are valid (warnings allowed), 1 otherwise.
    Validate {
        /// Plan JSON files; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print canonical JSON of a plan (the embedded Iizuka 3rd plan without FILE).
    Export {
        /// A plan JSON file, or `-` for standard input.
        file: Option<String>,
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
    /// Print the plan JSON Schema, or write every schema into a directory.
    Schema {
        /// Write `*.schema.json` files here instead of printing.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Convert between fiscal years and era names: `2023` → 令和5年度, `令和5年度` → 2023.
    Era {
        /// A Western fiscal year (2023) or an era year (令和5年度, R5, 平成31年度).
        value: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Ja,
    En,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Limits on input (see SECURITY.md); the defaults suit any real plan.
#[derive(clap::Args)]
struct LimitArgs {
    /// Largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES")]
    max_input_bytes: Option<usize>,
    /// Deepest nesting inside `extensions`.
    #[arg(long, value_name = "LEVELS")]
    max_depth: Option<usize>,
    /// Longest text, in characters.
    #[arg(long, value_name = "CHARS")]
    max_text_chars: Option<usize>,
    /// Most elements in one list.
    #[arg(long, value_name = "COUNT")]
    max_elements: Option<usize>,
    /// Most issues reported per document; one more says how many were left out.
    #[arg(long, value_name = "COUNT")]
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

/// A failure that ends the command with exit code 2.
struct Fatal(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Show { file, lang, limits } => show(file.as_deref(), lang, &limits.limits()),
        Command::Validate {
            files,
            format,
            limits,
        } => validate(&files, format, &limits.limits()),
        Command::Export { file, limits } => export(file.as_deref(), &limits.limits()),
        Command::Upgrade { file, output, limits } => upgrade(&file, output, &limits.limits()),
        Command::Schema { out } => write_schema(out),
        Command::Era { value } => era_command(&value),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            eprintln!("welfare-plan: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Reads and checks a file, or standard input for `-`, within the limits (the core keeps at
/// most one byte more than the size limit, so a huge input is refused without being held).
fn read_and_check(name: &str, limits: &Limits) -> Result<Checked, Fatal> {
    let res = if name == "-" {
        check_reader(std::io::stdin().lock(), limits)
    } else {
        std::fs::File::open(name).and_then(|f| check_reader(f, limits))
    };
    res.map_err(|e| Fatal(format!("cannot read `{name}`: {e}")))
}

/// Loads FILE (or the embedded plan); prints issues and returns exit code 1 when invalid.
fn load(file: Option<&str>, limits: &Limits) -> Result<Result<welfare_plan::Plan, ExitCode>, Fatal> {
    let Some(name) = file else {
        return Ok(Ok(iizuka::third_plan()));
    };
    let checked = read_and_check(name, limits)?;
    for issue in &checked.issues {
        eprintln!("{}", text_line(name, issue));
    }
    Ok(checked
        .into_plan_and_warnings()
        .map(|(plan, _)| plan)
        .map_err(|_| ExitCode::from(1)))
}

fn show(file: Option<&str>, lang: LangArg, limits: &Limits) -> Result<ExitCode, Fatal> {
    let plan = match load(file, limits)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let lang = match lang {
        LangArg::Ja => Lang::Ja,
        LangArg::En => Lang::En,
    };
    emit(&render::tree(&plan, lang))
}

fn export(file: Option<&str>, limits: &Limits) -> Result<ExitCode, Fatal> {
    match load(file, limits)? {
        Ok(plan) => emit(&plan.to_canonical_json()),
        Err(code) => Ok(code),
    }
}

fn upgrade(file: &str, output: Option<PathBuf>, limits: &Limits) -> Result<ExitCode, Fatal> {
    let plan = match load(Some(file), limits)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let json = plan.to_canonical_json();
    match output {
        Some(path) => std::fs::write(&path, json)
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| Fatal(format!("cannot write {}: {e}", path.display()))),
        None => emit(&json),
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
fn emit(s: &str) -> Result<ExitCode, Fatal> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Fatal(format!("cannot write output: {e}"))),
    }
}

fn text_line(file: &str, i: &Issue) -> String {
    let at = match (i.line, i.column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        _ => file.to_owned(),
    };
    let path = i.path.to_string();
    let path = if path.is_empty() { "/".to_owned() } else { path };
    format!(
        "{at}: {} [{}] {} (at {path})",
        i.severity.as_str(),
        i.code,
        i.message_en
    )
}

fn validate(files: &[String], format: Format, limits: &Limits) -> Result<ExitCode, Fatal> {
    let mut all_valid = true;
    let mut report = Vec::new();
    let mut text = String::new();
    for name in files {
        let checked = read_and_check(name, limits)?;
        let valid = checked.is_valid();
        all_valid &= valid;
        match format {
            Format::Text => {
                for issue in &checked.issues {
                    text.push_str(&text_line(name, issue));
                    text.push('\n');
                }
                text.push_str(&format!("{name}: {}\n", checked.summary()));
            }
            Format::Json => report.push(serde_json::json!({
                "file": name,
                "valid": valid,
                "issues": checked.issues,
            })),
        }
    }
    if format == Format::Json {
        text = serde_json::to_string_pretty(&report).map_err(|e| Fatal(e.to_string()))?;
        text.push('\n');
    }
    emit(&text)?;
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_schema(out: Option<PathBuf>) -> Result<ExitCode, Fatal> {
    let files = schema::all();
    let Some(dir) = out else {
        let plan = files.into_iter().find(|f| f.file_name == "plan.schema.json");
        return emit(&plan.map(|f| f.text).unwrap_or_default());
    };
    std::fs::create_dir_all(&dir).map_err(|e| Fatal(format!("cannot create `{}`: {e}", dir.display())))?;
    for f in files {
        let path = dir.join(f.file_name);
        std::fs::write(&path, f.text)
            .map_err(|e| Fatal(format!("cannot write `{}`: {e}", path.display())))?;
        println!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn era_command(value: &str) -> Result<ExitCode, Fatal> {
    let trimmed = value.trim();
    if let Ok(year) = trimmed.parse::<i32>() {
        let ja = era::era_label(year).map_err(|e| Fatal(e.to_string()))?;
        let en = era::era_label_en(year).map_err(|e| Fatal(e.to_string()))?;
        return emit(&format!("{ja}\t{en}\n"));
    }
    let year = era::fiscal_year_from_era(trimmed).map_err(|e| Fatal(e.to_string()))?;
    emit(&format!("{year}\n"))
}
