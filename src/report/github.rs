//! `--format github`: GitHub Actions workflow commands, which show each finding as an
//! annotation on the pull request's diff.
//!
//! `::error file=F,line=L,endLine=L2,col=C,endColumn=C2,title=T::message`. Values are
//! escaped as the runner expects: `%`, CR and LF in the message; additionally `:` and `,`
//! in properties. Columns are left out when a span covers several lines, as the runner
//! ignores them there.

use super::Files;
use crate::findings::{Finding, Severity};

/// Escapes a message.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (file, title).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The findings as GitHub Actions workflow commands, one per line.
pub fn render(findings: &[Finding], files: &Files) -> String {
    let mut out = String::new();
    for f in findings {
        let at = files.location(&f.primary);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = vec![
            format!("file={}", escape_property(&at.file)),
            format!("line={}", at.line),
            format!("endLine={}", at.end_line),
        ];
        if at.line == at.end_line {
            properties.push(format!("col={}", at.column));
            properties.push(format!("endColumn={}", at.end_column));
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("{} {}", f.code.code(), f.code.name()))
        ));
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            escape_data(&f.message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }
}
