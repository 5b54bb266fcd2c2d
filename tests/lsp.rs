//! `factlint lsp`: the real binary driven over standard input and output with scripted
//! JSON-RPC exchanges, as an editor drives it.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

const RULES: &str = r#"
entities:
  lena-ostrova:
    name: Lena Ostrova
    kind: person
    aliases: [Lena Ostrowa]
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      killed: {value: 40 to 45}
"#;

/// Writes a fixture file, creating its directories.
fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    /// Notifications read while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .current_dir(dir)
            .env_remove("CI")
            .env_remove("PRE_COMMIT")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("factlint lsp runs");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                if stdout.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("JSON");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 seconds")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.next();
            if message.get("id") == Some(&json!(id)) {
                return message;
            }
            self.pending.push(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let is_for = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(i) = self.pending.iter().position(is_for) {
            let m = self.pending.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let message = self.next();
            if is_for(&message) {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.pending.push(message);
        }
    }

    fn initialize(&mut self, root: &Path, encodings: &[&str]) -> Value {
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {"general": {"positionEncodings": encodings}},
            }),
        );
        self.notify("initialized", json!({}));
        response
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    fn finish(mut self) {
        let response = self.request("shutdown", json!(null));
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", json!(null));
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.canonicalize().unwrap().display())
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    let mut codes: Vec<String> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    codes.sort();
    codes
}

fn article(body: &str, day: &str) -> String {
    format!("---\ndate: {day}\n---\n{body}\n")
}

#[test]
fn an_open_article_gets_its_findings_and_they_follow_its_edits() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/story.yaml", RULES);
    let root = dir.path().canonicalize().unwrap();
    let a = format!("{}/a.md", uri(&root));
    let text = article(
        "The Northern Star sank, and 60 people were killed. Lena Ostrowa survived.",
        "2025-03-10",
    );
    write(dir.path(), "a.md", &text);
    let mut client = Client::start(&root);
    let init = client.initialize(&root, &["utf-8", "utf-16"]);
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8", "{init}");
    assert_eq!(caps["hoverProvider"], true);
    client.open(&a, &text);
    let diagnostics = client.diagnostics(&a);
    assert_eq!(codes(&diagnostics), ["FL001", "FL007"], "{diagnostics:?}");
    let conflict = diagnostics.iter().find(|d| d["code"] == "FL001").unwrap();
    assert_eq!(conflict["severity"], 1);
    // Line 3 (0-based) of the file, at "60".
    let at = text.lines().nth(3).unwrap().find("60").unwrap();
    assert_eq!(
        conflict["range"]["start"],
        json!({"line": 3, "character": at})
    );
    // The rulebook's entry is related information, in its file.
    let related = conflict["relatedInformation"].as_array().unwrap();
    assert!(
        related.iter().any(|r| r["location"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("rules/story.yaml")),
        "{related:?}"
    );

    // Hover on the figure: what was read and the fact it was tied to.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": a}, "position": {"line": 3, "character": at}}),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("ferry-crash-2025.killed"), "{shown}");
    assert!(shown.contains("40 to 45"), "{shown}");

    // Code actions on the alias: the house spelling, and a suppression comment.
    let alias = diagnostics.iter().find(|d| d["code"] == "FL007").unwrap();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a}, "range": alias["range"], "context": {"diagnostics": [alias]}}),
    );
    let actions = actions["result"].as_array().unwrap();
    let replace = actions
        .iter()
        .find(|x| x["title"].as_str().unwrap().starts_with("Replace"))
        .expect("a fix");
    let edit = &replace["edit"]["changes"][&a][0];
    assert_eq!(edit["newText"], "Lena Ostrova");
    assert_eq!(edit["range"], alias["range"]);
    assert!(
        actions
            .iter()
            .any(|x| x["title"] == "Suppress FL007 on this line"),
        "{actions:?}"
    );

    // An edit that mends both: the diagnostics go.
    let mended = article(
        "The Northern Star sank, and 42 people were killed. Lena Ostrova survived.",
        "2025-03-10",
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [{"text": mended}]}),
    );
    assert_eq!(client.diagnostics(&a), Vec::<Value>::new());
    client.finish();
}

#[test]
fn an_article_that_is_not_open_is_checked_against() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/story.yaml", RULES);
    write(
        dir.path(),
        "early.md",
        article(
            "The Northern Star sank, and 41 people were killed.",
            "2025-03-09",
        ),
    );
    let root = dir.path().canonicalize().unwrap();
    let late = article(
        "The Northern Star sank, and 44 people were killed.",
        "2025-03-11",
    );
    write(dir.path(), "late.md", &late);
    let mut client = Client::start(&root);
    client.initialize(&root, &["utf-16"]);
    let uri_late = format!("{}/late.md", uri(&root));
    client.open(&uri_late, &late);
    let diagnostics = client.diagnostics(&uri_late);
    assert_eq!(codes(&diagnostics), ["FL002"], "{diagnostics:?}");
    let related = diagnostics[0]["relatedInformation"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"].as_str().unwrap().ends_with("early.md")),
        "{related:?}"
    );
    client.finish();
    // Opened alone, the earlier article shows the disagreement too, though beside the
    // later one the finding would stand in the later.
    let mut client = Client::start(&root);
    client.initialize(&root, &["utf-16"]);
    let uri_early = format!("{}/early.md", uri(&root));
    let early = std::fs::read_to_string(dir.path().join("early.md")).unwrap();
    client.open(&uri_early, &early);
    let diagnostics = client.diagnostics(&uri_early);
    assert_eq!(codes(&diagnostics), ["FL002"], "{diagnostics:?}");
    client.finish();
}

#[test]
fn a_broken_rulebook_is_one_diagnostic_on_its_file_until_mended() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules/story.yaml",
        "events:\n  ferry-crash-2025:\n    date: 2025-03-09\n    facts:\n      killed: {valeu: 41}\n",
    );
    let root = dir.path().canonicalize().unwrap();
    let text = article(
        "The Northern Star sank, and 60 people were killed.",
        "2025-03-10",
    );
    write(dir.path(), "a.md", &text);
    let mut client = Client::start(&root);
    client.initialize(&root, &[]);
    let rules = format!("{}/rules/story.yaml", uri(&root));
    let diagnostics = client.diagnostics(&rules);
    assert!(!diagnostics.is_empty());
    assert_eq!(diagnostics[0]["severity"], 1);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("valeu"),
        "{diagnostics:?}"
    );
    let a = format!("{}/a.md", uri(&root));
    client.open(&a, &text);
    // Mended and saved: the rule file's diagnostic is cleared and the article checked.
    write(dir.path(), "rules/story.yaml", RULES);
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": rules}}),
    );
    assert_eq!(client.diagnostics(&rules), Vec::<Value>::new());
    assert_eq!(codes(&client.diagnostics(&a)), ["FL001"]);
    client.finish();
}

/// A real editor's client: Neovim, headless, opens an article with its built-in LSP
/// client attached to `factlint lsp` and writes back the diagnostics it received.
/// Neovim comes from Debian's `neovim` package, which CI installs.
#[test]
fn neovim_shows_the_findings() {
    let Ok(nvim) = which("nvim") else {
        assert!(
            std::env::var_os("FACTLINT_NEED_NVIM").is_none(),
            "FACTLINT_NEED_NVIM is set and nvim is not on the PATH"
        );
        eprintln!("nvim is not installed; the Neovim test is not run");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/story.yaml", RULES);
    let root = dir.path().canonicalize().unwrap();
    write(
        &root,
        "a.md",
        article(
            "The Northern Star sank, and 60 people were killed. Lena Ostrowa survived.",
            "2025-03-10",
        ),
    );
    let script = format!(
        r#"
local id = vim.lsp.start_client({{
  name = "factlint",
  cmd = {{ "{bin}", "lsp" }},
  root_dir = "{root}",
}})
vim.cmd("edit {root}/a.md")
vim.lsp.buf_attach_client(0, id)
vim.wait(15000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
local lines = {{}}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format("%s %d:%d %d", d.code, d.lnum, d.col, d.severity))
end
table.sort(lines)
vim.fn.writefile(lines, "{root}/diagnostics.txt")
vim.cmd("qa!")
"#,
        bin = env!("CARGO_BIN_EXE_factlint"),
        root = root.display(),
    );
    write(&root, "test.lua", script);
    let status = Command::new(nvim)
        .env_remove("CI")
        .env_remove("PRE_COMMIT")
        .args(["--headless", "-n", "-u", "NONE", "-c"])
        .arg(format!("luafile {}/test.lua", root.display()))
        .current_dir(&root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "{status}");
    let got = std::fs::read_to_string(root.join("diagnostics.txt")).unwrap();
    // Neovim numbers lines and columns from 0; severity 1 is an error, 2 a warning.
    assert_eq!(got, "FL001 3:28 1\nFL007 3:51 2\n", "{got}");
}

fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .ok_or(())
}
