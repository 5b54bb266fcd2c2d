//! The `factlint` command: a thin shell over the library.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use factlint::Engine;
use factlint::date::Day;
use factlint::document::Document;
use factlint::extract::quantity::DEFAULT_TOLERANCE;
use factlint::findings::{Code, Severity};
use factlint::input::{self, ReadOptions};
use factlint::report::{self, Files};
use factlint::rulebook::{self, RuleFile, Rulebook};

#[derive(Parser)]
#[command(
    name = "factlint",
    version,
    about = "A fact-consistency linter for news writing",
    long_about = "Checks articles against a rulebook of verified facts and reports, like a \
                  compiler, where an article contradicts the rulebook, where two articles \
                  contradict each other, and where a figure has nothing to back it."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles against the rulebook and each other.
    Check(CheckArgs),
    /// List every figure, date and age found, and the fact each is tied to.
    Claims(ClaimsArgs),
    /// Explain a finding code (FL001…) or name (conflict…).
    Explain {
        /// The code or name; all classes when left out.
        code: Option<String>,
    },
}

#[derive(Args)]
struct Common {
    /// Files, directories or glob patterns to read; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<String>,
    /// Rulebook file, directory or glob (repeatable). Default: ./rules if it exists,
    /// else the rulebook built into factlint.
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<String>,
    /// Publication date (YYYY-MM-DD) for articles that state none.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    published: Option<Day>,
    /// The name to report standard input under; its extension picks the format.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Tolerance for "about" and "nearly", as a fraction (0.1 = 10%).
    #[arg(long, default_value_t = DEFAULT_TOLERANCE, value_name = "FRACTION", value_parser = parse_tolerance)]
    tolerance: f64,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// The lowest severity that makes the run fail (exit code 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
}

#[derive(Args)]
struct ClaimsArgs {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Human)]
    format: ClaimsFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
}

fn parse_day(text: &str) -> Result<Day, String> {
    Day::parse_iso(text).ok_or_else(|| format!("`{text}` is not a date; write YYYY-MM-DD"))
}

fn parse_tolerance(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(t) if (0.0..1.0).contains(&t) => Ok(t),
        _ => Err(format!("`{text}` is not a fraction between 0 and 1")),
    }
}

/// The tool could not do its job.
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Claims(args) => run_claims(args),
        Command::Explain { code } => explain(code.as_deref()),
    }
}

fn load_rulebook(paths: &[String]) -> Result<Rulebook, ExitCode> {
    let result = if !paths.is_empty() {
        rulebook::load_paths(paths)
    } else if std::path::Path::new("rules").is_dir() {
        rulebook::load_paths(&["rules".to_string()])
    } else {
        rulebook::load_sources(
            rulebook::EMBEDDED
                .iter()
                .map(|(name, text)| RuleFile {
                    name: format!("<built-in>/{name}"),
                    text: (*text).to_string(),
                })
                .collect(),
        )
    };
    result.map_err(|errors| {
        let report = miette::Report::new(errors);
        eprintln!("{report:?}");
        ExitCode::from(EXIT_TROUBLE)
    })
}

/// Reads inputs and prints what could not be read. Returns the documents and whether
/// anything failed.
fn read_inputs(common: &Common) -> (Vec<Document>, bool) {
    let inputs = input::read(
        &common.paths,
        &ReadOptions {
            published: common.published,
            stdin_filename: common.stdin_filename.clone(),
        },
    );
    for skipped in &inputs.skipped {
        eprintln!(
            "factlint: note: {}: skipped: {}",
            skipped.path, skipped.reason
        );
    }
    for error in &inputs.errors {
        eprintln!("factlint: error: {error}");
    }
    (inputs.documents, !inputs.errors.is_empty())
}

fn write_stdout(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => true,
        // A closed pipe (`factlint check | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            eprintln!("factlint: error: cannot write the report: {e}");
            false
        }
    }
}

/// Loads the rulebook and reads the inputs: the engine, the documents, and whether
/// any input could not be read.
fn prepare(common: &Common) -> Result<(Engine, Vec<Document>, bool), ExitCode> {
    let book = load_rulebook(&common.rules)?;
    let (docs, input_failed) = read_inputs(common);
    Ok((Engine::new(book, common.tolerance), docs, input_failed))
}

fn run_check(args: CheckArgs) -> ExitCode {
    let (engine, docs, input_failed) = match prepare(&args.common) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let report = engine.check(&docs);
    let files = Files {
        docs: &docs,
        book: &engine.book,
    };
    let text = match args.format {
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            report::human::render(&report.findings, &files, docs.len(), color)
        }
        Format::Json => report::json::render(&report.findings, &files, docs.len()),
    };
    if !write_stdout(&text) || input_failed {
        return ExitCode::from(EXIT_TROUBLE);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    };
    if report.findings.iter().any(|f| f.severity >= threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_claims(args: ClaimsArgs) -> ExitCode {
    let (engine, docs, input_failed) = match prepare(&args.common) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let read: Vec<_> = docs.iter().map(|d| engine.read(d)).collect();
    let text = match args.format {
        ClaimsFormat::Human => report::claims::render_human(&engine.book, &docs, &read),
        ClaimsFormat::Json => report::claims::render_json(&engine.book, &docs, &read),
    };
    if !write_stdout(&text) || input_failed {
        return ExitCode::from(EXIT_TROUBLE);
    }
    ExitCode::SUCCESS
}

fn explain(code: Option<&str>) -> ExitCode {
    let codes: Vec<Code> = match code {
        None => Code::ALL.to_vec(),
        Some(text) => match Code::parse(text) {
            Some(c) => vec![c],
            None => {
                let known: Vec<String> = Code::ALL
                    .iter()
                    .map(|c| format!("{} ({})", c.code(), c.name()))
                    .collect();
                eprintln!(
                    "factlint: error: unknown finding code `{text}`; known codes: {}",
                    known.join(", ")
                );
                return ExitCode::from(EXIT_TROUBLE);
            }
        },
    };
    let mut text = String::new();
    for (i, c) in codes.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let e = c.explanation();
        text.push_str(&format!(
            "{} {} (default severity: {})\n\nWhat it means\n  {}\n\nWhy it matters\n  {}\n\nExample\n  {}\n\nHow to fix it\n  {}\n",
            c.code(),
            c.name(),
            c.default_severity().name(),
            e.what,
            e.why,
            e.example,
            e.fix
        ));
    }
    if write_stdout(&text) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_TROUBLE)
    }
}
