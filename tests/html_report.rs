//! `--format html` in a real browser: headless Chromium (Debian's `chromium` package,
//! which CI installs) loads the corpus's report inside a small test page, which checks
//! through the DOM that every finding's words are marked and that focusing a mark shows
//! its card with its message. A screenshot is kept as `target/html-report.png`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{factlint, write};

fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| {
            std::env::var_os("PATH")
                .into_iter()
                .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
                .map(move |dir| dir.join(name))
        })
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("FACTLINT_NEED_CHROMIUM").is_none(),
            "FACTLINT_NEED_CHROMIUM is set and no chromium is on the PATH"
        );
        eprintln!("chromium is not installed; the browser test is not run");
    }
    found
}

fn headless(browser: &Path, args: &[&str]) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
        ])
        .args(args)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The test page: loads the report in a frame, then for every finding (id, words,
/// message) finds its marks and its card, focuses the first mark, and writes what it
/// saw into `#result` as JSON.
const HARNESS: &str = r#"<!doctype html><meta charset="utf-8">
<iframe id="report" src="report.html" style="width:1200px;height:800px"></iframe>
<pre id="result">pending</pre>
<script>
var expected = EXPECTED;
document.getElementById('report').addEventListener('load', function () {
  var doc = this.contentDocument;
  var problems = [];
  expected.forEach(function (f) {
    var marks = Array.prototype.filter.call(doc.querySelectorAll('mark[data-findings]'), function (m) {
      return m.getAttribute('data-findings').split(' ').indexOf(String(f.id)) >= 0;
    });
    var words = marks.map(function (m) { return m.textContent; }).join('');
    if (words !== f.words) problems.push(f.id + ': marked ' + JSON.stringify(words) + ', not ' + JSON.stringify(f.words));
    if (!marks.length) return;
    marks[0].focus();
    var card = doc.getElementById('card-' + f.id);
    if (!card) { problems.push(f.id + ': no card'); return; }
    if (!card.classList.contains('active')) problems.push(f.id + ': focus does not show the card');
    var message = card.querySelector('.message').textContent;
    if (message !== f.message) problems.push(f.id + ': card says ' + JSON.stringify(message));
    if (!marks[0].classList.contains(f.severity)) problems.push(f.id + ': not marked as ' + f.severity);
  });
  document.getElementById('result').textContent = JSON.stringify({checked: expected.length, problems: problems});
});
</script>
"#;

#[test]
fn the_corpus_report_marks_every_finding_in_chromium() {
    let Some(browser) = chromium() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let run = factlint(
        root,
        &[
            "check",
            "corpus",
            "--rules",
            "rules",
            "--format",
            "html",
            "-o",
            report.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = factlint(
        root,
        &["check", "corpus", "--rules", "rules", "--format", "json"],
        None,
    );
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(findings.len() > 20);
    let expected: Vec<serde_json::Value> = findings
        .iter()
        .enumerate()
        .map(|(id, f)| {
            let p = &f["primary"];
            let text = std::fs::read(root.join(p["file"].as_str().unwrap())).unwrap();
            let (s, e) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
            let words = String::from_utf8_lossy(&text[s as usize..e as usize]).into_owned();
            serde_json::json!({"id": id, "words": words, "message": f["message"], "severity": f["severity"]})
        })
        .collect();
    let harness = HARNESS.replace(
        "EXPECTED",
        &serde_json::to_string(&expected)
            .unwrap()
            .replace("</", "<\\/"),
    );
    write(dir.path(), "harness.html", harness);
    let page = dir.path().join("harness.html");
    let dom = headless(
        &browser,
        &["--dump-dom", &format!("file://{}", page.display())],
    );
    let start = dom.find("<pre id=\"result\">").expect("the result") + "<pre id=\"result\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let result: serde_json::Value = serde_json::from_str(&dom[start..end].replace("&quot;", "\""))
        .unwrap_or_else(|e| panic!("{e}: {}", &dom[start..end]));
    assert_eq!(result["checked"], findings.len(), "{result}");
    assert_eq!(result["problems"], serde_json::json!([]), "{result}");
    // The screenshot, kept for a person to look at.
    let shot = root.join("target").join("html-report.png");
    headless(
        &browser,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2400",
            &format!("file://{}", report.display()),
        ],
    );
    assert!(shot.is_file());
}
