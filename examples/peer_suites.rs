//! Scores factlint's extraction against peer test suites: the English tests of
//! Microsoft Recognizers-Text (MIT licence), read at run time, never copied here.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example peer_suites -- [DIR] [--failures] [--skipped] [--spurious] [--only NAME]
//! ```
//!
//! `DIR` defaults to `../shared/peer/recognizers-text`. The factlint binary is
//! `$FACTLINT_BIN`, else `target/release/factlint`; each case's `Input` is fed to
//! `factlint claims --format json - --stdin-filename case.txt` (plain text, not
//! Markdown), with `--published` from the case's `ReferenceDateTime` for the date
//! suites.
//!
//! Scoring. A case passes when every in-scope expected result is overlapped by a
//! factlint mention of an accepted kind with the same value; a case with no expected
//! results passes when factlint reports nothing of the suite's kinds. Results outside
//! factlint's scope are skipped by rules on their text and resolution (see
//! [`scope_number`] and its siblings); a case whose results are all skipped is
//! skipped. Suites give character offsets (Number, Range, Ordinal and Age suites:
//! `Start`/`End`, end inclusive; date suites: `Start`/`Length`); factlint gives byte
//! offsets, converted here.
//!
//! Conventions, each reported where it applies:
//! - a range's open lower end matches factlint's 0 or 1 ("up to 700" is [1, 700],
//!   "fewer than 10" is [0, 9]);
//! - Recognizers resolves "between 20 and 30", "20 through 100", "1000-5000" to a
//!   half-open `[20,30)`; news prose means both ends, so where the range's text has
//!   no word of strict upper bound ("less", "below", "under"…), the upper end is
//!   taken as inclusive;
//! - a weekday factlint could not resolve (`{"weekday"}`) matches a date on that
//!   weekday;
//! - the date-extractor suite carries no values: spans are scored only, and cases
//!   without a reference date are read with `--published 2016-11-07`, the date-parser
//!   suite's usual reference;
//! - a date-parser result that resolves to `0001-01-01` (an impossible date such as
//!   "Feb 30") expects no date mention over it.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value;

const DEFAULT_DIR: &str = "../shared/peer/recognizers-text";
const DEFAULT_REFERENCE: &str = "2016-11-07";

// ---------------------------------------------------------------------------------
// Suites

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Suite {
    Number,
    Range,
    Ordinal,
    Age,
    DateExtractor,
    DateParser,
}

const SUITES: [(&str, Suite, f64); 6] = [
    ("NumberModel.json", Suite::Number, 0.90),
    ("NumberRangeModel.json", Suite::Range, 0.85),
    ("OrdinalModel.json", Suite::Ordinal, 0.85),
    ("AgeModel.json", Suite::Age, 0.85),
    ("DateExtractor.json", Suite::DateExtractor, 0.75),
    ("DateParser.json", Suite::DateParser, 0.75),
];

impl Suite {
    fn is_number_family(self) -> bool {
        matches!(self, Suite::Number | Suite::Range | Suite::Ordinal)
    }

    /// Kinds an expected result of this suite may be matched by.
    fn accepted(self) -> &'static [&'static str] {
        match self {
            Suite::Number | Suite::Range => &["count", "amount"],
            Suite::Ordinal => &["ordinal"],
            Suite::Age => &["age"],
            Suite::DateExtractor | Suite::DateParser => &["date"],
        }
    }

    /// Whether a mention is of what this suite annotates, so that one over no expected
    /// result is spurious: cardinals (count, amount) in the Number suite, ranges
    /// (a count or amount whose ends differ) in the Range suite, ordinals, ages,
    /// single-day dates. The Number suite annotates no ordinals and the Range suite no plain
    /// numbers, so those are not held against factlint; `loose` counts every count,
    /// amount and ordinal in the three number suites instead.
    fn annotates(self, m: &Mention, loose: bool) -> bool {
        let k = m.kind.as_str();
        let cardinal = k == "count" || k == "amount";
        match self {
            Suite::Number | Suite::Range | Suite::Ordinal if loose => cardinal || k == "ordinal",
            Suite::Number => cardinal,
            Suite::Range => cardinal && !matches!(m.value, Got::Num { min, max } if min == max),
            Suite::Ordinal => k == "ordinal",
            Suite::Age => k == "age",
            // The suites type a month or a year as a date range, not a date.
            Suite::DateExtractor | Suite::DateParser => {
                k == "date" && !matches!(&m.value, Got::Days { from, to } if from != to)
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Expected results

#[derive(Clone, Debug)]
enum Expect {
    /// One number, exactly.
    Exact(f64),
    /// An integer interval; `None` is an open end.
    Range {
        min: Option<f64>,
        max: Option<f64>,
        raw: String,
        adjusted: bool,
    },
    /// A day range (ISO days, inclusive).
    Days { from: String, to: String },
    /// The span only (date extractor).
    Span,
    /// No valid date here (the suite resolves it to 0001-01-01).
    NoDate,
}

impl Expect {
    fn describe(&self) -> String {
        match self {
            Expect::Exact(v) => fmt_num(*v),
            Expect::Range {
                min,
                max,
                raw,
                adjusted,
            } => {
                let end = |v: &Option<f64>| v.map(fmt_num).unwrap_or_else(|| "-".into());
                let note = if *adjusted {
                    ", upper end read inclusive"
                } else {
                    ""
                };
                format!("{}..={} (suite {raw}{note})", end(min), end(max))
            }
            Expect::Days { from, to } if from == to => from.clone(),
            Expect::Days { from, to } => format!("{from}..{to}"),
            Expect::Span => "(span only)".into(),
            Expect::NoDate => "no date (impossible day)".into(),
        }
    }
}

#[derive(Clone, Debug)]
struct Expected {
    text: String,
    /// Character offsets, end exclusive.
    start: usize,
    end: usize,
    value: Expect,
    /// Kinds accepted beyond the suite's own ("more than thirty years old" as an age).
    extra_kind: Option<&'static str>,
    skip: Option<&'static str>,
}

#[derive(Clone, Debug)]
struct Case {
    index: usize,
    input: String,
    published: Option<String>,
    results: Vec<Expected>,
}

// ---------------------------------------------------------------------------------
// factlint's mentions

#[derive(Clone, Debug)]
enum Got {
    Num { min: Option<f64>, max: Option<f64> },
    Days { from: String, to: String },
    Weekday(String),
    Other(String),
}

#[derive(Clone, Debug)]
struct Mention {
    kind: String,
    text: String,
    /// Character offsets, end exclusive.
    start: usize,
    end: usize,
    value: Got,
}

impl Mention {
    fn describe(&self) -> String {
        let value = match &self.value {
            Got::Num { min, max } if min == max && min.is_some() => fmt_num(min.unwrap_or(0.0)),
            Got::Num { min, max } => format!(
                "{}..={}",
                min.map(fmt_num).unwrap_or_else(|| "-".into()),
                max.map(fmt_num).unwrap_or_else(|| "-".into())
            ),
            Got::Days { from, to } if from == to => from.clone(),
            Got::Days { from, to } => format!("{from}..{to}"),
            Got::Weekday(w) => format!("weekday {w}"),
            Got::Other(v) => v.clone(),
        };
        format!(
            "{} {:?}@{}..{} = {value}",
            self.kind, self.text, self.start, self.end
        )
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn num_field(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn char_index(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().count()
}

fn run_factlint(bin: &Path, input: &str, published: Option<&str>) -> Result<Vec<Mention>, String> {
    let mut cmd = Command::new(bin);
    cmd.args([
        "claims",
        "--format",
        "json",
        "-",
        "--stdin-filename",
        "case.txt",
    ]);
    if let Some(p) = published {
        cmd.args(["--published", p]);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    {
        let mut stdin = child.stdin.take().ok_or("no stdin")?;
        stdin
            .write_all(input.as_bytes())
            .map_err(|e| format!("writing to factlint: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("waiting for factlint: {e}"))?;
    let doc: Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "factlint exit {:?}, output not JSON ({e}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).trim()
        )
    })?;
    let mut mentions = Vec::new();
    for m in doc["mentions"].as_array().into_iter().flatten() {
        let kind = m["kind"].as_str().unwrap_or("?").to_string();
        let start = m["start"].as_u64().unwrap_or(0) as usize;
        let end = m["end"].as_u64().unwrap_or(0) as usize;
        let v = &m["value"];
        let value = if v.get("from").is_some() {
            Got::Days {
                from: v["from"].as_str().unwrap_or("").to_string(),
                to: v["to"].as_str().unwrap_or("").to_string(),
            }
        } else if let Some(w) = v.get("weekday") {
            Got::Weekday(w.as_str().unwrap_or("").to_lowercase())
        } else if v.get("min").is_some() || v.get("max").is_some() {
            Got::Num {
                min: num_field(&v["min"]),
                max: num_field(&v["max"]),
            }
        } else {
            Got::Other(v.to_string())
        };
        mentions.push(Mention {
            kind,
            text: m["text"].as_str().unwrap_or("").to_string(),
            start: char_index(input, start),
            end: char_index(input, end),
            value,
        });
    }
    Ok(mentions)
}

// ---------------------------------------------------------------------------------
// Scope rules: deterministic, on the text and the resolution.

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

/// The first word after `end` (chars), skipping spaces and brackets: "45{kg)" gives "kg".
fn next_word(input: &str, end: usize) -> String {
    let rest: String = input.chars().skip(end).collect();
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "{([-".contains(c));
    if rest.starts_with('%') {
        return "%".into();
    }
    rest.chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'')
        .collect::<String>()
        .to_lowercase()
}

fn before(input: &str, start: usize) -> String {
    input.chars().take(start).collect::<String>().to_lowercase()
}

fn after(input: &str, end: usize) -> String {
    input.chars().skip(end).collect::<String>().to_lowercase()
}

const UNITS: &[&str] = &[
    "ml", "l", "litre", "litres", "liter", "liters", "km", "kms", "cm", "mm", "m", "kg", "kgs",
    "g", "lb", "lbs", "mi", "mile", "miles", "ft", "feet", "foot", "inch", "inches", "year",
    "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "hr",
    "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs",
];

fn is_denominator(word: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^(half|halfs|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?)$",
    )
    .is_match(word)
}

/// Scope shared by the number-like suites, on the words around the result.
fn scope_context(input: &str, r: &Expected) -> Option<&'static str> {
    static IP: OnceLock<Regex> = OnceLock::new();
    static PHONE: OnceLock<Regex> = OnceLock::new();
    static NUMDATE: OnceLock<Regex> = OnceLock::new();
    static REFNO: OnceLock<Regex> = OnceLock::new();
    static IDENT: OnceLock<Regex> = OnceLock::new();
    static VERSION: OnceLock<Regex> = OnceLock::new();
    static TIME: OnceLock<Regex> = OnceLock::new();
    let lower = input.to_lowercase();
    let covers = |m: regex::Match| {
        let (s, e) = (char_index(input, m.start()), char_index(input, m.end()));
        s <= r.start && r.end <= e
    };
    if re(&IP, r"\b\d{1,3}(\.\d{1,3}){3}\b")
        .find_iter(input)
        .any(covers)
    {
        return Some("IP address");
    }
    if lower.contains("phone") || re(&PHONE, r"\+\d[\d\-/ ]{6,}").find_iter(input).any(covers) {
        return Some("phone number");
    }
    if re(&NUMDATE, r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
        .find_iter(input)
        .any(covers)
    {
        return Some("number inside a date");
    }
    if re(&REFNO, r"\b(nrs?|nos?)\.\s*\d").is_match(&lower)
        || re(&IDENT, r"\b[A-Z]{2,}-$").is_match(&input.chars().take(r.start).collect::<String>())
    {
        return Some("identifier or reference number");
    }
    if re(&VERSION, r"\bversion\s+$").is_match(&before(input, r.start)) {
        return Some("version string");
    }
    let next = next_word(input, r.end);
    if re(&TIME, r"^\s*(:\d\d|[ap]\.?m\b|o'clock)").is_match(&after(input, r.end)) {
        return Some("time of day");
    }
    if next == "%"
        || next == "percent"
        || next == "pc"
        || after(input, r.end).starts_with(" per cent")
    {
        return Some("percentage");
    }
    if is_denominator(&next) {
        return Some("fraction");
    }
    let aged = {
        let a = after(input, r.end);
        let a = a.trim_start();
        a.starts_with("years old") || a.starts_with("years of age") || a.starts_with("year old")
    };
    if UNITS.contains(&next.as_str()) && !aged {
        return Some("measure with a unit (duration, length, weight)");
    }
    None
}

fn has_fraction_text(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    static W: OnceLock<Regex> = OnceLock::new();
    let t = text.to_lowercase();
    re(&R, r"\d\s*/\s*\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]").is_match(&t)
        || re(
            &W,
            r"(\d|\b(one|two|three|four|five|six|seven|eight|nine|ten))\s+(over|out of|in)\s+(\d|a\b|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)",
        )
        .is_match(&t)
        || t.split(|c: char| !c.is_alphabetic()).any(is_denominator)
}

/// A digits-only text that English grouping reads differently ("1,3" is 13 in English,
/// 1.3 in the suite): a non-English number format.
fn non_english_format(text: &str, value: f64) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    if !text.contains(',') || !re(&R, r"^[\d.,]+$").is_match(text.trim()) {
        return false;
    }
    match text.replace(',', "").parse::<f64>() {
        Ok(english) => english != value,
        Err(_) => true,
    }
}

fn scope_number(input: &str, r: &Expected, subtype: &str, value: f64) -> Option<&'static str> {
    static SCALE: OnceLock<Regex> = OnceLock::new();
    static EXP: OnceLock<Regex> = OnceLock::new();
    let text = r.text.to_lowercase();
    if subtype == "power" || re(&EXP, r"\d\s*(e[+-]?\d|\^|x\s*10)").is_match(&text) {
        return Some("scientific notation");
    }
    let scaled =
        value.fract() == 0.0 && re(&SCALE, r"\b(million|billion|trillion)\b").is_match(&text);
    if subtype == "fraction" && !scaled {
        return Some("fraction");
    }
    if value < 0.0 {
        return Some("negative number");
    }
    if non_english_format(&r.text, value) {
        return Some("non-English number format");
    }
    scope_context(input, r)
}

fn scope_range(
    input: &str,
    r: &Expected,
    lo: Option<f64>,
    hi: Option<f64>,
) -> Option<&'static str> {
    static MATH: OnceLock<Regex> = OnceLock::new();
    let text = r.text.to_lowercase();
    if re(&MATH, r"[<>=~]").is_match(&text) {
        return Some("math notation (<, >, =, ~)");
    }
    if lo.is_some_and(|v| v < 0.0) || hi.is_some_and(|v| v < 0.0) {
        return Some("negative number");
    }
    static ORDINAL: OnceLock<Regex> = OnceLock::new();
    let fractional = lo.is_some_and(|v| v.fract() != 0.0) || hi.is_some_and(|v| v.fract() != 0.0);
    if !fractional
        && re(
            &ORDINAL,
            r"\b(the\s+)?(\d+(st|nd|rd|th)|first|second|third|[a-z]+th)\b",
        )
        .is_match(&text)
    {
        return Some("range of ranks (between the tenth and the fifteenth)");
    }
    if has_fraction_text(&text) || (fractional && !text.contains('.')) {
        return Some("fraction");
    }
    scope_context(input, r)
}

fn scope_ordinal(input: &str, r: &Expected, type_name: &str) -> Option<&'static str> {
    if type_name == "ordinal.relative" {
        return Some("relative ordinal (last, next, previous)");
    }
    if before(input, r.start).ends_with(" and a ") {
        return Some("fraction");
    }
    None
}

fn scope_age(unit: &str) -> Option<&'static str> {
    match unit {
        "Year" | "Age" | "" => None,
        _ => Some("age in months, weeks or days (factlint ages are years)"),
    }
}

const MONTHS: &str = r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b";

fn scope_date(r: &Expected, type_name: &str) -> Option<&'static str> {
    static RANGE: OnceLock<Regex> = OnceLock::new();
    static TIME: OnceLock<Regex> = OnceLock::new();
    static RELATIVE: OnceLock<Regex> = OnceLock::new();
    static NTH_WEEKDAY: OnceLock<Regex> = OnceLock::new();
    static MONTH: OnceLock<Regex> = OnceLock::new();
    static NON_ASCII: OnceLock<Regex> = OnceLock::new();
    let text = r.text.to_lowercase();
    if re(&NON_ASCII, r"[^\x00-\x7F\u{2000}-\u{206F}]").is_match(&text) {
        return Some("non-English");
    }
    if !type_name.is_empty() && type_name != "date" {
        return Some("not a single date (range, duration or time)");
    }
    if re(&RANGE, r"\b(from|between)\b.*\b(to|and|until|till)\b").is_match(&text) {
        return Some("date range");
    }
    if re(
        &TIME,
        r"\d:\d\d|\b\d{1,2}\s*[ap]\.?m\b|\b(noon|midnight|morning|evening|tonight)\b",
    )
    .is_match(&text)
    {
        return Some("time of day");
    }
    let names_month = re(&MONTH, MONTHS).is_match(&text);
    if !names_month
        && re(
            &RELATIVE,
            r"\b(today|tomorrow|tmrw|yesterday|ago|later|now|next|this|previous|coming|following|week|weeks|month|months|year|years|day|days|business|in)\b",
        )
        .is_match(&text)
    {
        return Some("relative date or offset (today, next week, in 3 days, 2 days ago)");
    }
    if re(
        &NTH_WEEKDAY,
        r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(mon|tues?|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b",
    )
    .is_match(&text)
        && !names_month
    {
        return Some("nth weekday with no month (\"second sunday\")");
    }
    None
}

// ---------------------------------------------------------------------------------
// Loading a suite

fn parse_number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok()
}

/// "(20,35]" as an integer interval: 21..=35; "[20,30)" with the upper end read
/// inclusive where the text has no word of strict upper bound (see the module notes).
fn parse_range(raw: &str, text: &str) -> Option<(Option<f64>, Option<f64>, bool)> {
    static STRICT: OnceLock<Regex> = OnceLock::new();
    let raw = raw.trim();
    let open_lo = raw.starts_with('(');
    let open_hi = raw.ends_with(')');
    let inner = raw.get(1..raw.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let lo = if a.trim().is_empty() {
        None
    } else {
        Some(parse_number(a)?)
    };
    let hi = if b.trim().is_empty() {
        None
    } else {
        Some(parse_number(b)?)
    };
    let strict = re(
        &STRICT,
        r"(?i)\b(less|below|under|fewer|lower|smaller|beneath)\b|<",
    )
    .is_match(text);
    let integral = |v: f64| v.fract() == 0.0;
    let lo = lo.map(|v| if open_lo && integral(v) { v + 1.0 } else { v });
    let mut adjusted = false;
    let hi = hi.map(|v| {
        if open_hi && integral(v) {
            if strict {
                v - 1.0
            } else {
                adjusted = true;
                v
            }
        } else {
            v
        }
    });
    Some((lo, hi, adjusted))
}

fn load_suite(path: &Path, suite: Suite) -> Result<Vec<Case>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc: Value = serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut cases = Vec::new();
    for (index, c) in doc.as_array().into_iter().flatten().enumerate() {
        let input = c["Input"].as_str().unwrap_or("").to_string();
        let published = c["Context"]["ReferenceDateTime"]
            .as_str()
            .map(|s| s.chars().take(10).collect::<String>())
            .or_else(|| (suite == Suite::DateExtractor).then(|| DEFAULT_REFERENCE.to_string()));
        let mut results = Vec::new();
        for r in c["Results"].as_array().into_iter().flatten() {
            let text = r["Text"].as_str().unwrap_or("").to_string();
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let end = match (r.get("End"), r.get("Length")) {
                (Some(e), _) => e.as_u64().unwrap_or(0) as usize + 1,
                (None, Some(l)) => start + l.as_u64().unwrap_or(0) as usize,
                _ => start + text.chars().count(),
            };
            let mut e = Expected {
                text,
                start,
                end,
                value: Expect::Span,
                extra_kind: None,
                skip: None,
            };
            let res = &r["Resolution"];
            let value_str = res["value"].as_str().unwrap_or("");
            let type_name = r["TypeName"]
                .as_str()
                .or_else(|| r["Type"].as_str())
                .unwrap_or("");
            match suite {
                Suite::Number => match parse_number(value_str) {
                    Some(v) => {
                        e.value = Expect::Exact(v);
                        let subtype = res["subtype"].as_str().unwrap_or("");
                        e.skip = scope_number(&input, &e, subtype, v);
                    }
                    None => e.skip = Some("unreadable resolution"),
                },
                Suite::Range => match parse_range(value_str, &e.text) {
                    Some((min, max, adjusted)) => {
                        e.value = Expect::Range {
                            min,
                            max,
                            raw: value_str.to_string(),
                            adjusted,
                        };
                        e.skip = scope_range(&input, &e, min, max);
                    }
                    None => e.skip = Some("unreadable resolution"),
                },
                Suite::Ordinal => match parse_number(value_str) {
                    Some(v) if type_name == "ordinal" => {
                        e.value = Expect::Exact(v);
                        e.skip = scope_ordinal(&input, &e, type_name);
                    }
                    _ => e.skip = scope_ordinal(&input, &e, type_name).or(Some("unreadable")),
                },
                Suite::Age => match parse_number(value_str) {
                    Some(v) => {
                        e.value = Expect::Exact(v);
                        e.skip = scope_age(res["unit"].as_str().unwrap_or(""));
                    }
                    None => e.skip = Some("unreadable resolution"),
                },
                Suite::DateExtractor => e.skip = scope_date(&e, type_name),
                Suite::DateParser => {
                    let v = &r["Value"];
                    let day = v["PastResolution"]["date"]
                        .as_str()
                        .or_else(|| v["FutureResolution"]["date"].as_str());
                    e.value = match day {
                        Some("0001-01-01") => Expect::NoDate,
                        Some(d) => Expect::Days {
                            from: d.to_string(),
                            to: d.to_string(),
                        },
                        None => match v["Timex"].as_str().and_then(timex_days) {
                            Some((from, to)) => Expect::Days { from, to },
                            None => Expect::Span,
                        },
                    };
                    e.skip = scope_date(&e, type_name);
                }
            }
            if suite.is_number_family() {
                let a = after(&input, e.end);
                let a = a.trim_start();
                if a.starts_with("years old") || a.starts_with("years of age") {
                    e.extra_kind = Some("age");
                }
            }
            results.push(e);
        }
        cases.push(Case {
            index,
            input,
            published,
            results,
        });
    }
    Ok(cases)
}

/// "2016-11" (a month) or "2016" (a year) as its range of days.
fn timex_days(t: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = t.split('-').collect();
    let year: i64 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => Some((format!("{year:04}-01-01"), format!("{year:04}-12-31"))),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            let last = days_in_month(year, month);
            Some((
                format!("{year:04}-{month:02}-01"),
                format!("{year:04}-{month:02}-{last:02}"),
            ))
        }
        3 => {
            parts[1].parse::<u32>().ok()?;
            parts[2].parse::<u32>().ok()?;
            Some((t.to_string(), t.to_string()))
        }
        _ => None,
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The weekday of an ISO day, lower-case English.
fn weekday_of(iso: &str) -> Option<&'static str> {
    let mut it = iso.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    // Days from civil (Howard Hinnant), 1970-01-01 a Thursday.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    const NAMES: [&str; 7] = [
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
    ];
    Some(NAMES[days.rem_euclid(7) as usize])
}

// ---------------------------------------------------------------------------------
// Scoring

#[derive(Clone, Debug)]
struct Outcome {
    case: Case,
    mentions: Vec<Mention>,
    error: Option<String>,
    /// Why each failing in-scope result failed, with the result's index.
    failures: Vec<(usize, &'static str)>,
    /// Reason the whole case is skipped.
    skipped: Option<&'static str>,
    /// Mentions of the suite's precision kinds (in-scope cases only).
    counted: usize,
    /// Of those, mentions that overlap no expected result.
    spurious: usize,
    /// The same over every count, amount and ordinal (number suites).
    loose_counted: usize,
    loose_spurious: usize,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn value_matches(want: &Expect, got: &Got) -> Result<(), &'static str> {
    match (want, got) {
        (Expect::Span, _) => Ok(()),
        (Expect::Exact(v), Got::Num { min, max }) => {
            if min.is_some() && min == max {
                if Some(*v) == *min {
                    Ok(())
                } else {
                    Err("wrong value")
                }
            } else if v.fract() != 0.0 {
                Err("decimal")
            } else {
                Err("wrong value")
            }
        }
        (
            Expect::Range { min, max, .. },
            Got::Num {
                min: gmin,
                max: gmax,
            },
        ) => {
            let lo_ok = match min {
                None => gmin.is_none_or(|g| g <= 1.0),
                Some(v) => *gmin == Some(*v),
            };
            let hi_ok = *max == *gmax;
            if lo_ok && hi_ok {
                Ok(())
            } else {
                Err("wrong value")
            }
        }
        (Expect::Days { from, to }, Got::Days { from: f, to: t }) => {
            if from == f && to == t {
                Ok(())
            } else {
                Err("wrong value")
            }
        }
        (Expect::Days { from, to }, Got::Weekday(w)) => {
            if from == to && weekday_of(from) == Some(w.as_str()) {
                Ok(())
            } else {
                Err("wrong value")
            }
        }
        _ => Err("wrong value"),
    }
}

/// Why one in-scope result is not found, or `None` when it is.
fn judge(suite: Suite, e: &Expected, mentions: &[Mention]) -> Option<&'static str> {
    let span = (e.start, e.end);
    let accepted = |m: &Mention| {
        suite.accepted().contains(&m.kind.as_str()) || e.extra_kind == Some(m.kind.as_str())
    };
    let over: Vec<&Mention> = mentions
        .iter()
        .filter(|m| overlaps((m.start, m.end), span))
        .collect();
    if let Expect::NoDate = e.value {
        return over
            .iter()
            .any(|m| m.kind == "date")
            .then_some("impossible date read as a date");
    }
    let same_kind: Vec<&&Mention> = over.iter().filter(|m| accepted(m)).collect();
    if same_kind.is_empty() {
        return Some(if over.is_empty() {
            "missing"
        } else if over.iter().any(|m| m.kind == "ordinal") {
            "wrong kind (read as an ordinal)"
        } else if over.iter().any(|m| m.kind == "count" || m.kind == "amount") {
            "wrong kind (read as a number)"
        } else {
            "wrong kind"
        });
    }
    let mut worst = "wrong value";
    for m in &same_kind {
        match value_matches(&e.value, &m.value) {
            Ok(()) => return None,
            Err("decimal") => worst = "decimal",
            Err(_) => {}
        }
    }
    if worst == "decimal" || matches!(e.value, Expect::Exact(v) if v.fract() != 0.0) {
        return Some("decimal");
    }
    // A value off because the span is: part of the figure read, or more than it.
    let partial = same_kind.iter().any(|m| m.start > e.start || m.end < e.end);
    let longer = same_kind.iter().any(|m| m.start < e.start || m.end > e.end);
    Some(match (partial, longer) {
        (true, _) => "partial span (figure split or cut short)",
        (false, true) => "span too long (swallows a neighbour)",
        _ => "wrong value",
    })
}

fn score(suite: Suite, case: Case, mentions: Vec<Mention>, error: Option<String>) -> Outcome {
    let in_scope: Vec<usize> = (0..case.results.len())
        .filter(|&i| case.results[i].skip.is_none())
        .collect();
    let skipped = if !case.results.is_empty() && in_scope.is_empty() {
        case.results[0].skip
    } else {
        None
    };
    let mut out = Outcome {
        case,
        mentions,
        error,
        failures: Vec::new(),
        skipped,
        counted: 0,
        spurious: 0,
        loose_counted: 0,
        loose_spurious: 0,
    };
    if out.skipped.is_some() {
        return out;
    }
    if out.error.is_some() {
        out.failures.push((usize::MAX, "factlint error"));
        return out;
    }
    for m in &out.mentions {
        let alone = !out
            .case
            .results
            .iter()
            .any(|e| overlaps((m.start, m.end), (e.start, e.end)));
        if suite.annotates(m, false) {
            out.counted += 1;
            out.spurious += usize::from(alone);
        }
        if suite.annotates(m, true) {
            out.loose_counted += 1;
            out.loose_spurious += usize::from(alone);
        }
    }
    if out.case.results.is_empty() {
        if out.spurious > 0 {
            out.failures
                .push((usize::MAX, "spurious (expected nothing)"));
        }
        return out;
    }
    for &i in &in_scope {
        if let Some(why) = judge(suite, &out.case.results[i], &out.mentions) {
            out.failures.push((i, why));
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Report

fn category(o: &Outcome) -> String {
    let mut cats: Vec<&str> = o.failures.iter().map(|f| f.1).collect();
    cats.sort();
    cats.dedup();
    cats.join(" + ")
}

fn print_case(o: &Outcome, name: &str) {
    let c = &o.case;
    let published = c
        .published
        .as_deref()
        .map(|p| format!(" (published {p})"))
        .unwrap_or_default();
    println!("  {name} #{}{published}: {:?}", c.index, c.input);
    for (i, e) in c.results.iter().enumerate() {
        let mark = match (e.skip, o.failures.iter().find(|f| f.0 == i)) {
            (Some(why), _) => format!("skipped: {why}"),
            (None, Some(f)) => format!("FAIL: {}", f.1),
            (None, None) if o.skipped.is_none() => "ok".to_string(),
            (None, None) => String::new(),
        };
        println!(
            "      expected {:?}@{}..{} = {}  [{mark}]",
            e.text,
            e.start,
            e.end,
            e.value.describe()
        );
    }
    if c.results.is_empty() {
        println!("      expected nothing");
    }
    if let Some(err) = &o.error {
        println!("      factlint: {err}");
    } else if o.mentions.is_empty() {
        println!("      factlint: nothing");
    }
    for m in &o.mentions {
        println!("      factlint {}", m.describe());
    }
    if !o.failures.is_empty() {
        println!("      => {}", category(o));
    }
}

struct Options {
    dir: PathBuf,
    failures: bool,
    skipped: bool,
    spurious: bool,
    only: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        dir: PathBuf::from(DEFAULT_DIR),
        failures: false,
        skipped: false,
        spurious: false,
        only: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--failures" => opts.failures = true,
            "--skipped" => opts.skipped = true,
            "--spurious" => opts.spurious = true,
            "--only" => opts.only = Some(args.next().ok_or("--only needs a suite name")?),
            "-h" | "--help" => {
                return Err(
                    "usage: peer_suites [DIR] [--failures] [--skipped] [--spurious] [--only NAME]"
                        .into(),
                );
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => opts.dir = PathBuf::from(s),
        }
    }
    Ok(opts)
}

fn run_all(bin: &Path, suite: Suite, cases: Vec<Case>) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism()
        .map_or(4, |n| n.get())
        .min(16);
    let chunk = cases.len().div_ceil(threads).max(1);
    let mut outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|c| {
                            let skipped_whole =
                                !c.results.is_empty() && c.results.iter().all(|r| r.skip.is_some());
                            let (mentions, error) = if skipped_whole {
                                (Vec::new(), None)
                            } else {
                                match run_factlint(bin, &c.input, c.published.as_deref()) {
                                    Ok(m) => (m, None),
                                    Err(e) => (Vec::new(), Some(e)),
                                }
                            };
                            score(suite, c.clone(), mentions, error)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread"))
            .collect()
    });
    outcomes.sort_by_key(|o| o.case.index);
    outcomes
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

fn main() {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let bin = std::env::var_os("FACTLINT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/release/factlint"));
    if !bin.exists() {
        eprintln!(
            "factlint binary not found at {} — run `cargo build --release` first, or set FACTLINT_BIN",
            bin.display()
        );
        std::process::exit(2);
    }

    let mut rows = Vec::new();
    let mut all: Vec<(&str, Suite, Vec<Outcome>)> = Vec::new();
    for (file, suite, target) in SUITES {
        if opts.only.as_deref().is_some_and(|o| !file.contains(o)) {
            continue;
        }
        let cases = match load_suite(&opts.dir.join(file), suite) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("skipping suite: {e}");
                continue;
            }
        };
        let outcomes = run_all(&bin, suite, cases);
        rows.push((file, suite, target));
        all.push((file, suite, outcomes));
    }

    println!(
        "{:<22} {:>5} {:>8} {:>6} {:>7} {:>7} {:>7}  {:>18}",
        "suite", "cases", "in-scope", "passed", "rate", "target", "skipped", "spurious/mentions"
    );
    let (mut fam_spurious, mut fam_counted) = (0, 0);
    let (mut loose_spurious, mut loose_counted) = (0, 0);
    for ((file, suite, target), (_, _, outcomes)) in rows.iter().zip(&all) {
        let in_scope = outcomes.iter().filter(|o| o.skipped.is_none()).count();
        let passed = outcomes
            .iter()
            .filter(|o| o.skipped.is_none() && o.failures.is_empty())
            .count();
        let skipped = outcomes.len() - in_scope;
        let counted: usize = outcomes.iter().map(|o| o.counted).sum();
        let spurious: usize = outcomes.iter().map(|o| o.spurious).sum();
        if suite.is_number_family() {
            fam_counted += counted;
            fam_spurious += spurious;
            loose_counted += outcomes.iter().map(|o| o.loose_counted).sum::<usize>();
            loose_spurious += outcomes.iter().map(|o| o.loose_spurious).sum::<usize>();
        }
        let rate_ok = in_scope > 0 && passed as f64 / in_scope as f64 >= *target;
        println!(
            "{:<22} {:>5} {:>8} {:>6} {:>7} {:>6.0}%{} {:>7}  {:>9} ({})",
            file.trim_end_matches(".json"),
            outcomes.len(),
            in_scope,
            passed,
            pct(passed, in_scope),
            target * 100.0,
            if rate_ok { " " } else { "*" },
            skipped,
            format!("{spurious}/{counted}"),
            pct(spurious, counted)
        );
    }
    if fam_counted > 0 {
        println!(
            "Number/Range/Ordinal precision (target < 5%): {fam_spurious} of {fam_counted} mentions of the annotated kinds overlap no expected result ({}); {loose_spurious} of {loose_counted} counting every count, amount and ordinal ({})",
            pct(fam_spurious, fam_counted),
            pct(loose_spurious, loose_counted)
        );
    }
    println!(
        "(* below target. spurious/mentions: mentions of what the suite annotates (Number: count, amount; Range: count or amount ranges; Ordinal: ordinal; Age: age; dates: date) in in-scope cases that overlap no expected result)"
    );

    for (file, suite, outcomes) in &all {
        let name = file.trim_end_matches(".json");
        println!("\n== {name}");
        let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
        for o in outcomes {
            if let Some(r) = o.skipped {
                *reasons.entry(r).or_default() += 1;
            }
        }
        let partial: usize = outcomes
            .iter()
            .filter(|o| o.skipped.is_none())
            .map(|o| o.case.results.iter().filter(|r| r.skip.is_some()).count())
            .sum();
        println!("  skipped cases by reason:");
        for (r, n) in &reasons {
            println!("    {n:>4}  {r}");
        }
        if partial > 0 {
            println!("    (and {partial} out-of-scope results dropped from in-scope cases)");
        }
        let negatives = outcomes
            .iter()
            .filter(|o| o.case.results.is_empty())
            .count();
        if negatives > 0 {
            println!(
                "  {negatives} in-scope cases expect nothing (pass when factlint reports none of the suite's kinds)"
            );
        }
        if *suite == Suite::Range {
            let adjusted = outcomes
                .iter()
                .filter(|o| o.skipped.is_none())
                .filter(|o| {
                    o.case.results.iter().any(|r| {
                        r.skip.is_none() && matches!(r.value, Expect::Range { adjusted: true, .. })
                    })
                })
                .count();
            println!(
                "  {adjusted} in-scope cases have a half-open [a,b) read as a..=b (\"between 20 and 30\")"
            );
        }
        let mut cats: BTreeMap<String, usize> = BTreeMap::new();
        for o in outcomes.iter().filter(|o| !o.failures.is_empty()) {
            *cats.entry(category(o)).or_default() += 1;
        }
        if !cats.is_empty() {
            println!("  failing cases by category:");
            let mut cats: Vec<_> = cats.into_iter().collect();
            cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (c, n) in cats {
                println!("    {n:>4}  {c}");
            }
        }
        if opts.failures {
            println!("  failures:");
            for o in outcomes.iter().filter(|o| !o.failures.is_empty()) {
                print_case(o, name);
            }
        }
        if opts.spurious {
            println!("  mentions over no expected result (* = of the kinds the suite annotates):");
            for o in outcomes.iter().filter(|o| o.skipped.is_none()) {
                for m in &o.mentions {
                    let alone = !o
                        .case
                        .results
                        .iter()
                        .any(|e| overlaps((m.start, m.end), (e.start, e.end)));
                    if alone && suite.annotates(m, true) {
                        let star = if suite.annotates(m, false) { "*" } else { " " };
                        println!(
                            "   {star} {name} #{}: {:?}: {}",
                            o.case.index,
                            o.case.input,
                            m.describe()
                        );
                    }
                }
            }
        }
        if opts.skipped {
            println!("  skipped:");
            for o in outcomes.iter().filter(|o| o.skipped.is_some()) {
                print_case(o, name);
            }
        }
    }
}
