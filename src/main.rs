//! The `factlint` command: a thin shell over the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod lsp;

use factlint::Engine;
use factlint::check::Read;
use factlint::config::Config;
use factlint::date::Day;
use factlint::document::Document;
use factlint::extract::quantity::DEFAULT_TOLERANCE;
use factlint::findings::{Code, Selection, Severity};
use factlint::input::{self, ReadOptions};
use factlint::report::{self, Files};
use factlint::rulebook::{self, RuleErrors};
use factlint::workspace::{self, Workspace};

/// `eprintln!` that never panics: a closed or broken standard error (a pipe whose reader
/// has gone) loses the message, and the exit code still says how the run went.
/// Notes on stderr ("factlint: note: …") are left out under `--quiet`.
macro_rules! to_stderr {
    ($($arg:tt)*) => {{
        let message = format!($($arg)*);
        if !(QUIET.load(std::sync::atomic::Ordering::Relaxed) && message.starts_with("factlint: note:")) {
            let _ = writeln!(std::io::stderr(), "{message}");
        }
    }};
}

/// `--quiet`: findings only.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `println!` that never panics on a closed pipe.
macro_rules! to_stdout {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

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
    /// When to use colour: in human output and in rulebook and configuration errors.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// `--color`, as the whole run uses it.
static COLOR: std::sync::OnceLock<Color> = std::sync::OnceLock::new();

/// Whether output to a stream is coloured: `--color always|never`, else NO_COLOR turns
/// colour off, CLICOLOR_FORCE or FORCE_COLOR (set and not "0") turns it on even into a
/// pipe, as CI logs want, and otherwise a terminal gets colour.
fn colour(to_terminal: bool) -> bool {
    match COLOR.get().copied().unwrap_or(Color::Auto) {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            let set =
                |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
            std::env::var_os("NO_COLOR").is_none()
                && (set("CLICOLOR_FORCE") || set("FORCE_COLOR") || to_terminal)
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check articles against the rulebook and each other.
    Check(CheckArgs),
    /// List every figure, date and age found, and the fact each is tied to.
    Claims(ClaimsArgs),
    /// Find the conflicts in claims lines written by `claims --format jsonl` (the
    /// reduce step of a distributed run); reports as `check` does.
    Reconcile(ReconcileArgs),
    /// Validate or list a rulebook.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Write a commented starter `factlint.yaml` and `rules/story.yaml`.
    Init {
        /// The directory to write them in (default: the current directory).
        dir: Option<PathBuf>,
    },
    /// Serve the Language Server Protocol over standard input and output, for editors:
    /// findings as diagnostics, hover, fixes as code actions.
    Lsp {
        #[command(flatten)]
        setup: Setup,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), for `man -l -` or a package's man directory.
    Manpage,
    /// Explain a finding code (FL001…) or name (conflict…).
    Explain {
        /// The code or name; all classes when left out.
        code: Option<String>,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Load the rulebook and report every error in it; no articles are read.
    Check(RulesArgs),
    /// List the rulebook's entities, events and facts.
    List(RulesArgs),
}

#[derive(Args)]
struct RulesArgs {
    #[command(flatten)]
    setup: Setup,
}

/// Where the rulebook and configuration come from.
#[derive(Args)]
struct Setup {
    /// Rulebook file, directory or glob (repeatable). Default: `rules` from the
    /// configuration, else the nearest `rules/` directory from the files checked
    /// upward, else the example rulebook built into factlint.
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<String>,
    /// Configuration file. Default: factlint.yaml or .factlint.yaml in the directory
    /// of the files checked or the nearest parent.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Ignore any configuration file.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
}

impl Setup {
    fn to_library(&self) -> workspace::Setup {
        workspace::Setup {
            rules: self.rules.clone(),
            config: self.config.clone(),
            no_config: self.no_config,
        }
    }
}

#[derive(Args)]
struct Common {
    /// Files, directories or glob patterns to read; `-` reads standard input. Default:
    /// `include` from the configuration, else the current directory.
    paths: Vec<String>,
    #[command(flatten)]
    setup: Setup,
    /// Read more paths, one per line, from FILE (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    files_from: Option<String>,
    /// Names in `--files-from` end with a NUL byte instead of a line end, as
    /// `git diff -z` and `find -print0` write them: any file name can be given.
    #[arg(short = 'z', long = "null", requires = "files_from")]
    null: bool,
    /// Never read files matching this glob, even when named (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Read files that `.gitignore` lists when walking a directory.
    #[arg(long)]
    no_ignore: bool,
    /// Publication date (YYYY-MM-DD) for articles that state none.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    published: Option<Day>,
    /// The name to report standard input under; its extension picks the format.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Read files that are not valid UTF-8, each invalid byte as `?`, instead of
    /// refusing them.
    #[arg(long)]
    lossy_utf8: bool,
    /// Tolerance for "about" and "nearly", as a fraction (default 0.1 = 10%).
    #[arg(long, value_name = "FRACTION", value_parser = parse_tolerance)]
    tolerance: Option<f64>,
    /// How many threads read and check articles (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    #[command(flatten)]
    report: ReportArgs,
    /// Also read these articles (files, directories or globs; repeatable) and compare
    /// the files checked with them, reporting findings only in the files checked: a new
    /// article checked against the archive. `--against` alone reads the configuration's
    /// `include`, else the current directory.
    #[arg(
        long,
        value_name = "PATH",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = ""
    )]
    against: Vec<String>,
    /// Print the rulebook's warnings (what `factlint rules check` reports) before
    /// checking, as a hook run on a rulebook change wants.
    #[arg(long)]
    lint_rules: bool,
    /// Make the safe fixes in the files (the house spelling of a name, the accepted
    /// form of a title), each written atomically, then report what remains.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the safe fixes as a unified diff instead of making them; exit 1 when there
    /// is any.
    #[arg(long)]
    diff: bool,
    /// List the files that would be checked, one per line, and check nothing.
    #[arg(long)]
    show_files: bool,
    /// Print the settings in force (configuration, rulebook files, include, exclude,
    /// severities, failing level) and check nothing.
    #[arg(long)]
    show_settings: bool,
}

/// How findings are reported.
#[derive(Args)]
struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// The lowest severity that makes the run fail (exit code 1). Default: `fail_on`
    /// from the configuration, else error.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Print how many findings of each class there are, instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Report only these classes: codes, code prefixes (FL00), names, or ALL
    /// (comma-separated, repeatable).
    #[arg(long, value_name = "CODES")]
    select: Vec<String>,
    /// Report these classes as well as those selected, even where the configuration
    /// turns them off.
    #[arg(long, value_name = "CODES")]
    extend_select: Vec<String>,
    /// Never report these classes.
    #[arg(long, value_name = "CODES")]
    ignore: Vec<String>,
    /// Exit 0 even when there are findings (a file that cannot be read still exits 2).
    #[arg(long)]
    exit_zero: bool,
    /// Print the findings and nothing else: no summary line, no notes on stderr.
    #[arg(short, long)]
    quiet: bool,
}

impl ReportArgs {
    /// The lowest severity that fails the run: `--fail-on`, else the configuration's
    /// `fail_on`, else error.
    fn threshold(&self, config: &Config) -> Severity {
        match self.fail_on {
            Some(FailOn::Error) => Severity::Error,
            Some(FailOn::Warning) => Severity::Warning,
            Some(FailOn::Note) => Severity::Note,
            None => config.fail_on.unwrap_or(Severity::Error),
        }
    }
}

/// The classes a run reports, from `--select`, `--extend-select` and `--ignore`.
fn selection(args: &ReportArgs) -> Result<Selection, ExitCode> {
    Selection::parse(&args.select, &args.extend_select, &args.ignore).map_err(|e| {
        to_stderr!("factlint: error: {e}");
        ExitCode::from(EXIT_TROUBLE)
    })
}

#[derive(Args)]
struct ReconcileArgs {
    /// Files of claims lines (`claims --format jsonl`); `-` reads standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Claims lines of the archive (repeatable): compared with the inputs, findings
    /// reported only in the inputs' articles; an archive line for an article the inputs
    /// also hold is left out, as the inputs' line is newer.
    #[arg(long, value_name = "FILE")]
    against: Vec<String>,
    #[command(flatten)]
    setup: Setup,
    #[command(flatten)]
    report: ReportArgs,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct ClaimsArgs {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Human)]
    format: ClaimsFormat,
    /// Say for each figure, date, age, name and title why it was tied to its fact or
    /// left untied.
    #[arg(long)]
    why: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Short,
    Json,
    Jsonl,
    Sarif,
    Github,
    /// One self-contained page: every article with findings, its words marked.
    Html,
    /// GitLab code quality report (merge request widget).
    Gitlab,
    /// JUnit XML test results; findings at the failing level are failures.
    Junit,
    /// reviewdog's diagnostic format (`reviewdog -f=rdjson`).
    Rdjson,
    /// Checkstyle XML.
    Checkstyle,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ClaimsFormat {
    Human,
    Json,
    /// One line per article with what checking needs: the map step of a distributed run.
    Jsonl,
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
    Note,
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
    let _ = COLOR.set(cli.color);
    // Errors in the tool's own inputs (rulebook, configuration) follow --color too.
    let errors_coloured = colour(std::io::stderr().is_terminal());
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .color(errors_coloured)
                .build(),
        )
    }));
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Claims(args) => run_claims(args),
        Command::Reconcile(args) => run_reconcile(args),
        Command::Rules { command } => run_rules(command),
        Command::Init { dir } => init(dir.as_deref().unwrap_or(Path::new("."))),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Lsp { setup } => lsp::run(setup),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "factlint", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Manpage => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            match clap_mangen::Man::new(command).render(&mut page) {
                Ok(()) if emit(&String::from_utf8_lossy(&page), None) => ExitCode::SUCCESS,
                _ => ExitCode::from(EXIT_TROUBLE),
            }
        }
    }
}

fn report_errors(errors: RuleErrors) -> ExitCode {
    to_stderr!("{:?}", miette::Report::new(errors));
    ExitCode::from(EXIT_TROUBLE)
}

/// The configuration in force (see [`workspace::load_config`]).
fn load_config(setup: &Setup, start: &Path) -> Result<Config, ExitCode> {
    workspace::load_config(&setup.to_library(), start).map_err(report_errors)
}

/// The configuration and compiled rulebook in force, with `tolerance` for "about";
/// the notes of finding them said on stderr.
fn discover(setup: &Setup, start: &Path, tolerance: Option<f64>) -> Result<Workspace, ExitCode> {
    let ws = Workspace::discover(&setup.to_library(), start, tolerance).map_err(report_errors)?;
    for note in &ws.notes {
        to_stderr!("factlint: note: {note}");
    }
    Ok(ws)
}

/// Everything a run needs: configuration, compiled rulebook and documents.
struct Prepared {
    ws: Workspace,
    run: workspace::Run,
    /// Some input could not be read (already reported).
    input_failed: bool,
}

/// `for_check`: keep only what checking needs of each document (the claims inventory
/// needs every mention and the text).
fn prepare(
    common: &Common,
    against: &[String],
    for_check: bool,
    why: bool,
) -> Result<Prepared, ExitCode> {
    if let Some(n) = common.threads {
        // More threads than CPUs only costs memory and start-up time.
        let cpus = std::thread::available_parallelism().map_or(1, usize::from);
        if n > cpus {
            to_stderr!(
                "factlint: note: --threads {n} is more than the {cpus} CPUs here; using {cpus}"
            );
        }
        // Only fails if a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.clamp(1, cpus))
            .build_global();
    }
    let start = workspace::search_start(&common.paths);
    let ws = discover(&common.setup, &start, common.tolerance)?;
    let (paths, options, mut input_failed) = what_to_read(common, &ws.config)?;
    let keep = workspace::Keep { for_check, why };
    let run = ws.read(&paths, against, &options, keep);
    for skipped in &run.skipped {
        to_stderr!(
            "factlint: note: {}: {}",
            report::escape_controls(&skipped.path),
            skipped.reason
        );
    }
    for error in &run.errors {
        to_stderr!(
            "factlint: error: {}",
            report::escape_controls(&error.to_string())
        );
    }
    input_failed |= !run.errors.is_empty();
    Ok(Prepared {
        ws,
        run,
        input_failed,
    })
}

/// The paths a run reads (the ones given, `--files-from`, else the configuration's
/// `include`, else the current directory) and how; `true` when `--files-from` could not
/// be read (already said).
fn what_to_read(
    common: &Common,
    config: &Config,
) -> Result<(Vec<String>, ReadOptions, bool), ExitCode> {
    input::RESPECT_GITIGNORE.store(!common.no_ignore, std::sync::atomic::Ordering::Relaxed);
    let mut paths = common.paths.clone();
    let mut input_failed = false;
    if let Some(source) = &common.files_from {
        match input::paths_from(source, common.null) {
            Ok(more) => paths.extend(more),
            Err(e) => {
                to_stderr!("factlint: error: {e}");
                input_failed = true;
            }
        }
    }
    if paths.is_empty() && common.files_from.is_none() {
        paths = workspace::default_paths(config);
    }
    if let Some(target) = &common.output
        && let Some(refusal) =
            factlint::output::refuse(target, &input::expand(&paths, |_| true).files)
    {
        to_stderr!("factlint: error: {refusal}");
        return Err(ExitCode::from(EXIT_TROUBLE));
    }
    let options = ReadOptions {
        stdin_filename: common.stdin_filename.clone(),
        lossy_utf8: common.lossy_utf8,
        ..workspace::read_options(config, common.published, &common.exclude)
    };
    Ok((paths, options, input_failed))
}

/// Writes the report to standard output, or atomically to a file: a temporary file
/// beside it, renamed into place once complete.
fn emit(text: &str, output: Option<&Path>) -> bool {
    let result = match output {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                // A closed pipe (`factlint check | head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
        Some(path) => factlint::output::write_atomically(path, text.as_bytes()),
    };
    match result {
        Ok(()) => true,
        Err(e) => {
            to_stderr!("factlint: error: cannot write the report: {e}");
            false
        }
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    QUIET.store(args.report.quiet, std::sync::atomic::Ordering::Relaxed);
    if args.show_files || args.show_settings {
        return show(&args);
    }
    if args.fix || args.diff {
        if let Err(code) = fix_files(&args) {
            return code;
        }
        if args.diff {
            return ExitCode::SUCCESS;
        }
    }
    let prepared = match prepare(&args.common, &args.against, true, false) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    if args.lint_rules {
        for warning in rulebook::lint(&prepared.ws.engine.book) {
            to_stderr!("{:?}", miette::Report::new(warning));
        }
    }
    report_findings(prepared, &args.report, args.common.output.as_deref())
}

/// `check --show-settings` and `--show-files`: what a run would use and read.
fn show(args: &CheckArgs) -> ExitCode {
    let common = &args.common;
    let start = workspace::search_start(&common.paths);
    let config = match load_config(&common.setup, &start) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let (paths, options, failed) = match what_to_read(common, &config) {
        Ok(read) => read,
        Err(code) => return code,
    };
    if args.show_settings {
        let book = match discover(&common.setup, &start, common.tolerance) {
            Ok(ws) => ws.engine.book,
            Err(code) => return code,
        };
        let list = |items: &[String]| {
            if items.is_empty() {
                "(none)".to_string()
            } else {
                items.join(", ")
            }
        };
        let configuration = config
            .path
            .as_ref()
            .map_or("(none)".to_string(), |p| p.display().to_string());
        to_stdout!("configuration: {configuration}");
        let files: Vec<String> = book.files.iter().map(|f| f.name.clone()).collect();
        to_stdout!("rulebook: {}", list(&files));
        to_stdout!("paths: {}", list(&paths));
        to_stdout!("exclude: {}", list(&options.exclude));
        let severities: Vec<String> = config
            .severity
            .iter()
            .map(|(code, level)| format!("{} {}", code.code(), level.map_or("off", Severity::name)))
            .collect();
        to_stdout!("severity: {}", list(&severities));
        to_stdout!("fail_on: {}", args.report.threshold(&config).name());
        let tolerance = common
            .tolerance
            .or(config.tolerance)
            .unwrap_or(DEFAULT_TOLERANCE);
        to_stdout!("tolerance: {tolerance}");
        let published = options
            .published
            .map_or("(none)".to_string(), |d| d.to_string());
        to_stdout!("published: {published}");
    }
    let mut trouble = failed;
    if args.show_files {
        let (files, errors, _) = input::files_to_read(&paths, &options);
        for file in files {
            to_stdout!("{}", report::escape_controls(&file));
        }
        for e in &errors {
            to_stderr!(
                "factlint: error: {}",
                report::escape_controls(&e.to_string())
            );
        }
        trouble |= !errors.is_empty();
    }
    if trouble {
        ExitCode::from(EXIT_TROUBLE)
    } else {
        ExitCode::SUCCESS
    }
}

/// `check --fix` and `--diff`: makes (or prints as a diff) the safe fixes of the
/// findings, after suppressions and severities. `Err` carries the exit code when the
/// run ends here: 1 for a diff that is not empty, `EXIT_TROUBLE` when a file could not
/// be read or written.
fn fix_files(args: &CheckArgs) -> Result<(), ExitCode> {
    let Prepared {
        ws,
        run:
            workspace::Run {
                docs,
                read,
                context,
                ..
            },
        input_failed,
    } = prepare(&args.common, &args.against, true, false)?;
    let selection = selection(&args.report)?;
    let findings = ws.check(&docs, read, &context, &selection);
    let mut trouble = input_failed;
    let (mut made, mut files, mut diff) = (0, 0, String::new());
    for (d, doc) in docs.iter().enumerate() {
        let fixes = factlint::fix::fixes_for(&findings, d);
        if fixes.is_empty() {
            continue;
        }
        let shown = report::escape_controls(&doc.path);
        if !doc.reloadable {
            to_stderr!(
                "factlint: note: {shown}: not fixed (standard input, or read with replaced bytes)"
            );
            continue;
        }
        let path = Path::new(&doc.path);
        let text = match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                to_stderr!("factlint: note: {shown}: a symbolic link; not fixed");
                continue;
            }
            _ => match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(e) => {
                    to_stderr!("factlint: error: {shown}: cannot read it again to fix: {e}");
                    trouble = true;
                    continue;
                }
            },
        };
        let fixed = factlint::fix::apply(&text, &fixes);
        for why in &fixed.left_out {
            to_stderr!("factlint: note: {shown}: {why}");
        }
        if fixed.made == 0 {
            continue;
        }
        if args.diff {
            let old = format!("a/{}", doc.path);
            let new = format!("b/{}", doc.path);
            diff.push_str(
                &similar::TextDiff::from_lines(&text, &fixed.text)
                    .unified_diff()
                    .context_radius(3)
                    .header(&old, &new)
                    .to_string(),
            );
        } else if let Err(e) = factlint::output::replace_atomically(path, fixed.text.as_bytes()) {
            to_stderr!("factlint: error: {shown}: not fixed: {e}");
            trouble = true;
            continue;
        }
        made += fixed.made;
        files += 1;
    }
    if args.diff {
        if !emit(&diff, args.common.output.as_deref()) || trouble {
            return Err(ExitCode::from(EXIT_TROUBLE));
        }
        return if diff.is_empty() {
            Ok(())
        } else {
            Err(ExitCode::from(1))
        };
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    to_stderr!(
        "factlint: fixed {} in {}",
        plural(made, "place", "places"),
        plural(files, "file", "files")
    );
    if trouble {
        return Err(ExitCode::from(EXIT_TROUBLE));
    }
    Ok(())
}

/// Checks what was read, then reports: shared by `check` and `reconcile`.
fn report_findings(prepared: Prepared, args: &ReportArgs, output: Option<&Path>) -> ExitCode {
    let Prepared {
        ws,
        run:
            workspace::Run {
                docs,
                read,
                context,
                ..
            },
        input_failed,
    } = prepared;
    let (config, docs) = (&ws.config, &docs[..]);
    let selection = match selection(args) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let findings = ws.check(docs, read, &context, &selection);
    let files = Files::new(docs, &ws.engine.book).with_context(&context);
    let checked = files.checked();
    let text = if args.statistics {
        match args.format {
            Format::Json | Format::Jsonl | Format::Sarif | Format::Gitlab | Format::Rdjson => {
                report::statistics::render_json(&findings)
            }
            _ => report::statistics::render_text(&findings),
        }
    } else {
        match args.format {
            Format::Human => {
                // A report written to a file is never coloured unless asked.
                let color = match COLOR.get() {
                    Some(Color::Always) => true,
                    _ => output.is_none() && colour(std::io::stdout().is_terminal()),
                };
                report::human::render(&findings, &files, (!args.quiet).then_some(checked), color)
            }
            Format::Short => report::short::render(&findings, &files),
            Format::Json => report::json::render(&findings, &files, checked),
            Format::Jsonl => report::jsonl::render(&findings, &files),
            Format::Sarif => report::sarif::render(&findings, &files),
            Format::Github => report::github::render(&findings, &files),
            Format::Html => report::html::render(&findings, &files, checked),
            Format::Gitlab => report::gitlab::render(&findings, &files),
            Format::Junit => report::junit::render(&findings, &files, args.threshold(config)),
            Format::Rdjson => report::rdjson::render(&findings, &files),
            Format::Checkstyle => report::checkstyle::render(&findings, &files),
        }
    };
    if !emit(&text, output) || input_failed {
        return ExitCode::from(EXIT_TROUBLE);
    }
    let threshold = args.threshold(config);
    if !args.exit_zero && findings.iter().any(|f| f.severity >= threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_reconcile(args: ReconcileArgs) -> ExitCode {
    QUIET.store(args.report.quiet, std::sync::atomic::Ordering::Relaxed);
    let start = workspace::search_start(&[]);
    let ws = match discover(&args.setup, &start, None) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    if let Some(target) = &args.output {
        let all: Vec<String> = args.inputs.iter().chain(&args.against).cloned().collect();
        if let Some(refusal) = factlint::output::refuse(target, &all) {
            to_stderr!("factlint: error: {refusal}");
            return ExitCode::from(EXIT_TROUBLE);
        }
    }
    let (mut docs, mut read, mut failed) = claims_lines(&ws.engine, &args.inputs);
    let mut context = vec![false; docs.len()];
    if !args.against.is_empty() {
        let (archive, archive_read, archive_failed) = claims_lines(&ws.engine, &args.against);
        failed |= archive_failed;
        let newer: std::collections::HashSet<String> =
            docs.iter().map(|d| d.path.clone()).collect();
        for (doc, r) in archive.into_iter().zip(archive_read) {
            if !newer.contains(&doc.path) {
                docs.push(doc);
                read.push(r);
                context.push(true);
            }
        }
    }
    // Map tasks may finish in any order: findings follow path order, as in `check`.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].path.cmp(&docs[b].path));
    let mut slots: Vec<Option<(Document, Read)>> = docs.into_iter().zip(read).map(Some).collect();
    let context: Vec<bool> = order.iter().map(|&i| context[i]).collect();
    let (docs, read): (Vec<_>, Vec<_>) = order.into_iter().filter_map(|i| slots[i].take()).unzip();
    let run = workspace::Run {
        docs,
        read,
        why: Vec::new(),
        context,
        errors: Vec::new(),
        skipped: Vec::new(),
    };
    let prepared = Prepared {
        ws,
        run,
        input_failed: failed,
    };
    report_findings(prepared, &args.report, args.output.as_deref())
}

/// The documents and readings of files of claims lines; `true` when some line or file
/// could not be read (already said).
fn claims_lines(engine: &Engine, inputs: &[String]) -> (Vec<Document>, Vec<Read>, bool) {
    let mut docs = Vec::new();
    let mut read = Vec::new();
    let mut failed = false;
    for input in inputs {
        let reader: Box<dyn std::io::BufRead> = if input == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match input::open_regular(Path::new(input)) {
                Ok(file) => Box::new(std::io::BufReader::new(file)),
                Err(e) => {
                    to_stderr!("factlint: error: {input}: {e}");
                    failed = true;
                    continue;
                }
            }
        };
        let mut lines = input::BoundedLines::new(reader, input::MAX_FILE_BYTES);
        let mut n = 0;
        loop {
            n += 1;
            let line = match lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(e) => {
                    to_stderr!("factlint: error: {input}:{n}: {e}");
                    failed = true;
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match factlint::mapreduce::decode(&engine.book, &line) {
                Ok((doc, r)) => {
                    docs.push(doc);
                    read.push(r);
                }
                Err(e) => {
                    to_stderr!("factlint: error: {input}:{n}: {e}");
                    failed = true;
                }
            }
        }
    }
    (docs, read, failed)
}

fn run_claims(args: ClaimsArgs) -> ExitCode {
    let Prepared {
        ws,
        run: workspace::Run {
            docs, read, why, ..
        },
        input_failed,
    } = match prepare(
        &args.common,
        &[],
        args.format == ClaimsFormat::Jsonl,
        args.why,
    ) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let why = args.why.then_some(why.as_slice());
    let engine = &ws.engine;
    let text = match args.format {
        ClaimsFormat::Human => report::claims::render_human(&engine.book, &docs, &read, why),
        ClaimsFormat::Json => report::claims::render_json(&engine.book, &docs, &read, why),
        ClaimsFormat::Jsonl => docs
            .iter()
            .zip(&read)
            .map(|(doc, (mentions, claims))| {
                factlint::mapreduce::encode(&engine.book, doc, mentions, claims) + "\n"
            })
            .collect(),
    };
    if !emit(&text, args.common.output.as_deref()) || input_failed {
        return ExitCode::from(EXIT_TROUBLE);
    }
    ExitCode::SUCCESS
}

fn run_rules(command: RulesCommand) -> ExitCode {
    let (setup, list) = match &command {
        RulesCommand::Check(a) => (&a.setup, false),
        RulesCommand::List(a) => (&a.setup, true),
    };
    let start = workspace::search_start(&[]);
    let book = match discover(setup, &start, None) {
        Ok(ws) => ws.engine.book,
        Err(code) => return code,
    };
    let text = if list {
        report::rules::render(&book)
    } else {
        let warnings = rulebook::lint(&book);
        for warning in &warnings {
            to_stderr!("{:?}", miette::Report::new(warning.clone()));
        }
        format!(
            "rulebook is valid: {} file(s), {} source(s), {} entit{}, {} event(s), {} fact(s){}\n",
            book.files.len(),
            book.sources.len(),
            book.entities.len(),
            if book.entities.len() == 1 { "y" } else { "ies" },
            book.events.len(),
            book.facts.len(),
            match warnings.len() {
                0 => String::new(),
                1 => "; 1 warning".into(),
                n => format!("; {n} warnings"),
            }
        )
    };
    if emit(&text, None) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_TROUBLE)
    }
}

/// Writes the starter files into `dir`; never over a file that exists.
fn init(dir: &Path) -> ExitCode {
    const FILES: [(&str, &str); 2] = [
        ("factlint.yaml", include_str!("starter/factlint.yaml")),
        ("rules/story.yaml", include_str!("starter/story.yaml")),
    ];
    for (name, _) in FILES {
        let path = dir.join(name);
        if path.exists() || path.is_symlink() {
            to_stderr!(
                "factlint: error: {} already exists; nothing was written",
                path.display()
            );
            return ExitCode::from(EXIT_TROUBLE);
        }
    }
    for (name, text) in FILES {
        let path = dir.join(name);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                use std::io::Write;
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)?;
                file.write_all(text.as_bytes())?;
                file.sync_all()
            });
        if let Err(e) = written {
            to_stderr!("factlint: error: cannot write {}: {e}", path.display());
            return ExitCode::from(EXIT_TROUBLE);
        }
        to_stdout!("wrote {}", path.display());
    }
    to_stdout!("next: put your story's facts in rules/story.yaml, then run `factlint rules check`");
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
                to_stderr!(
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
    if emit(&text, None) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_TROUBLE)
    }
}
