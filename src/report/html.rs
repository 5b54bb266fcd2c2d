//! `--format html`: one self-contained page for an editor to open in a browser.
//!
//! Every article with a finding is shown with its text, each finding's words marked by
//! severity. A mark takes keyboard focus; clicking or focusing it shows
//! the finding's card (message, the rulebook's value, sources, the other article's
//! words). A summary counts findings by class and by file, and its boxes filter the
//! page. No network and no other file is used: the styles and the few lines of script
//! are inside the page, and the page reads the same without the script (every card is
//! listed under its article) and on paper.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::Files;
use crate::findings::{Code, FileRef, Finding, Severity};

/// Text with `&`, `<`, `>` and quotes written as entities.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --error: #b3261e; --warning: #8a5a00; --note: #3b5ba5; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 62rem; padding: 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; word-break: break-all; }
summary h2 { display: inline; }
summary { cursor: pointer; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: .2rem .6rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.text { white-space: pre-wrap; font: 15px/1.6 ui-monospace, monospace; background: #fafafa; border: 1px solid #e4e4e4; padding: .75rem; overflow-wrap: anywhere; }
mark { background: none; color: inherit; border-bottom: 3px solid; cursor: pointer; text-decoration: none; }
mark.error { border-color: var(--error); background: #fde7e6; }
mark.warning { border-color: var(--warning); background: #fff3d6; }
mark.note { border-color: var(--note); background: #e8eefc; }
mark:focus, mark.active { outline: 2px solid #1b1b1b; outline-offset: 1px; }
.cards { list-style: none; padding: 0; }
.card { border-left: 4px solid; padding: .4rem .75rem; margin: .5rem 0; background: #fff; }
.card.error { border-color: var(--error); } .card.warning { border-color: var(--warning); } .card.note { border-color: var(--note); }
.card.active { background: #f1f1f1; }
.card .head { font-weight: 600; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .3rem 0 0; }
.card dt { color: #555; } .card dd { margin: 0; }
.sev { text-transform: uppercase; font-size: .75rem; letter-spacing: .05em; }
.hidden { display: none !important; }
mark.filtered { border-color: transparent; background: none; cursor: auto; }
@media print {
  #filters, .filter { display: none; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .card { break-inside: avoid; }
  article { break-before: page; }
  details > * { display: block; }
}
"#;

/// Filters by class and by file, and marks linked to their cards: clicking or
/// focusing a mark shows its cards; one handler for the whole page, so that a report
/// of ten thousand findings stays quick.
const SCRIPT: &str = r##"
(function () {
  var active = [];
  function show(mark) {
    active.forEach(function (el) { el.classList.remove('active'); });
    active = [mark];
    mark.classList.add('active');
    (mark.getAttribute('data-findings') || '').split(' ').forEach(function (id, i) {
      var card = document.getElementById('card-' + id);
      if (!card) return;
      card.classList.add('active');
      active.push(card);
      if (i === 0) card.scrollIntoView({block: 'nearest'});
    });
  }
  document.addEventListener('click', function (e) {
    var mark = e.target.closest('mark[data-findings]');
    if (mark) { e.preventDefault(); show(mark); return; }
    var link = e.target.closest('a[href^="#file-"]');
    if (link) {
      var article = document.getElementById(link.getAttribute('href').slice(1));
      var details = article && article.querySelector('details');
      if (details) details.open = true;
    }
  });
  document.addEventListener('focusin', function (e) {
    var mark = e.target.closest && e.target.closest('mark[data-findings]');
    if (mark) show(mark);
  });
  function apply() {
    var off = {};
    document.querySelectorAll('input.filter').forEach(function (box) {
      if (!box.checked) off[box.getAttribute('data-key')] = true;
    });
    document.querySelectorAll('.card').forEach(function (card) {
      var hide = off['code:' + card.getAttribute('data-code')] || off['file:' + card.getAttribute('data-file')];
      card.classList.toggle('hidden', !!hide);
    });
    document.querySelectorAll('mark[data-findings]').forEach(function (mark) {
      var shown = mark.getAttribute('data-findings').split(' ').some(function (id) {
        var card = document.getElementById('card-' + id);
        return card && !card.classList.contains('hidden');
      });
      mark.classList.toggle('filtered', !shown);
    });
    document.querySelectorAll('article[data-file]').forEach(function (article) {
      article.classList.toggle('hidden', !!off['file:' + article.getAttribute('data-file')]);
    });
  }
  document.addEventListener('change', function (e) {
    if (e.target.classList.contains('filter')) apply();
  });
})();
"##;

/// Up to this many findings, every article is shown unfolded.
const OPEN_UP_TO: usize = 500;

fn severity_class(s: Severity) -> &'static str {
    s.name()
}

/// The findings as one self-contained HTML page, `file_count` articles checked.
pub fn render(findings: &[Finding], files: &Files, file_count: usize) -> String {
    // Findings by article, in report order.
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        if let FileRef::Document(d) = f.primary.file {
            by_doc.entry(d).or_default().push(i);
        }
    }
    let mut out = String::new();
    header(&mut out, findings, file_count);
    filters(&mut out, findings, files, &by_doc);
    // A large report shows each article folded, so that the page opens quickly; a
    // file's link in the summary opens it.
    let open = findings.len() <= OPEN_UP_TO;
    for (&d, list) in &by_doc {
        article(&mut out, findings, files, (d, list), open);
    }
    if by_doc.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    out.push_str("</main>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The page's head, with its styles, and the header's title and totals line.
fn header(out: &mut String, findings: &[Finding], file_count: usize) {
    let errors = Severity::Error.count_in(findings);
    let warnings = Severity::Warning.count_in(findings);
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>factlint report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>factlint report</h1>\n");
    let _ = writeln!(
        out,
        "<p id=\"totals\">{file_count} file{} checked: {errors} error{}, {warnings} warning{}</p>\n</header>",
        if file_count == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    );
}

/// The summary: findings counted by class and by file (`by_doc`), each row with the
/// box that shows or hides its findings.
fn filters(
    out: &mut String,
    findings: &[Finding],
    files: &Files,
    by_doc: &BTreeMap<usize, Vec<usize>>,
) {
    // Summary, with filters.
    out.push_str("<section id=\"filters\">\n<h2>By class</h2>\n<table id=\"by-class\"><thead><tr><th>show</th><th>code</th><th>class</th><th>findings</th></tr></thead><tbody>\n");
    for code in Code::ALL {
        let n = findings.iter().filter(|f| f.code == code).count();
        if n == 0 {
            continue;
        }
        let _ = writeln!(
            out,
            "<tr><td><input type=\"checkbox\" class=\"filter\" data-key=\"code:{c}\" checked aria-label=\"show {c}\"></td><td>{c}</td><td>{}</td><td class=\"n\">{n}</td></tr>",
            esc(code.summary()),
            c = code.code(),
        );
    }
    out.push_str("</tbody></table>\n<h2>By file</h2>\n<table id=\"by-file\"><thead><tr><th>show</th><th>file</th><th>errors</th><th>warnings</th><th>notes</th></tr></thead><tbody>\n");
    for (&d, list) in by_doc {
        let name = files.name(FileRef::Document(d));
        let count = |s: Severity| list.iter().filter(|&&i| findings[i].severity == s).count();
        let _ = writeln!(
            out,
            "<tr><td><input type=\"checkbox\" class=\"filter\" data-key=\"file:{d}\" checked aria-label=\"show {n}\"></td><td><a href=\"#file-{d}\">{n}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Note),
            n = esc(name),
        );
    }
    out.push_str("</tbody></table>\n</section>\n<main>\n");
}

/// One article (document `d`) with its findings (`list`, indices into `findings`): its
/// marked text and its findings' cards, unfolded when `open`.
fn article(
    out: &mut String,
    findings: &[Finding],
    files: &Files,
    (d, list): (usize, &[usize]),
    open: bool,
) {
    let file = FileRef::Document(d);
    let text = files.text(file);
    let name = files.name(file);
    let _ = writeln!(
        out,
        "<article id=\"file-{d}\" data-file=\"{d}\">\n<details{}><summary><h2>{}</h2> {} finding{}</summary>",
        if open { " open" } else { "" },
        esc(name),
        list.len(),
        if list.len() == 1 { "" } else { "s" },
    );
    marked_text(out, findings, &text, list);
    out.push_str("<ol class=\"cards\">\n");
    for &i in list {
        card(out, i, &findings[i], files, d);
    }
    out.push_str("</ol>\n</details>\n</article>\n");
}

/// An article's text with the words of its findings (`list`) marked, each mark linked
/// to the cards of the findings it stands for.
fn marked_text(out: &mut String, findings: &[Finding], text: &str, list: &[usize]) {
    // Cut the text where any finding's span starts or ends; each piece is marked
    // with every finding that covers it, at the gravest severity among them.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &i in list {
        let span = &findings[i].primary.span;
        for at in [span.start, span.end] {
            if at <= text.len() && text.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    out.push_str("<div class=\"text\">");
    for piece in cuts.windows(2) {
        let (a, b) = (piece[0], piece[1]);
        let covering: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&i| {
                let s = &findings[i].primary.span;
                s.start <= a && b <= s.end && s.start < s.end
            })
            .collect();
        let words = esc(&text[a..b]);
        if covering.is_empty() {
            out.push_str(&words);
            continue;
        }
        let gravest = covering
            .iter()
            .map(|&i| findings[i].severity)
            .max()
            .unwrap_or(Severity::Note);
        let ids: Vec<String> = covering.iter().map(usize::to_string).collect();
        let first = &findings[covering[0]];
        let _ = write!(
            out,
            "<mark class=\"{}\" tabindex=\"0\" data-findings=\"{}\" title=\"{}\">{words}</mark>",
            severity_class(gravest),
            ids.join(" "),
            esc(&format!("{} {}", first.code.code(), first.message)),
        );
    }
    out.push_str("</div>\n");
}

/// One finding's card: its message, the values compared, sources, notes, and the other
/// article's (or the rulebook's) words.
fn card(out: &mut String, i: usize, f: &Finding, files: &Files, d: usize) {
    let at = files.location(&f.primary);
    let _ = writeln!(
        out,
        "<li class=\"card {sev}\" id=\"card-{i}\" data-code=\"{code}\" data-file=\"{d}\">\n<div class=\"head\"><span class=\"sev\">{sev}</span> {code} {name} · line {line}, column {column}</div>\n<p class=\"message\">{message}</p>\n<dl>",
        sev = severity_class(f.severity),
        code = f.code.code(),
        name = f.code.name(),
        line = at.line,
        column = at.column,
        message = esc(&f.message),
    );
    let mut row = |term: &str, value: &str| {
        let _ = writeln!(out, "<dt>{term}</dt><dd>{}</dd>", esc(value));
    };
    if let Some(expected) = &f.expected {
        row("rulebook", expected);
    }
    if let Some(found) = &f.found {
        row("article", found);
    }
    if !f.sources.is_empty() {
        row("sources", &f.sources.join("; "));
    }
    if let Some(fact) = &f.fact {
        row("fact", fact);
    }
    for label in f.related.iter().chain(f.rule.iter()) {
        let other = files.location(label);
        let text = files.text(label.file);
        let words = text.get(label.span.clone()).unwrap_or("");
        let term = match label.file {
            FileRef::Rule(_) => "rule",
            FileRef::Document(_) => "elsewhere",
        };
        row(
            term,
            &format!(
                "{}:{}:{}: “{}” ({})",
                other.file, other.line, other.column, words, label.message
            ),
        );
    }
    for note in &f.notes {
        row("note", note);
    }
    if !f.fixes.is_empty() {
        row(
            "fix",
            &format!(
                "{} (factlint check --fix)",
                crate::findings::Fix::describe_all(&f.fixes)
            ),
        );
    }
    out.push_str("</dl>\n</li>\n");
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_in_an_article_is_shown_not_run() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
