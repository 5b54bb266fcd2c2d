//! `factlint lsp`: a Language Server Protocol server over standard input and output.
//!
//! An editor opens an article and gets the findings `factlint check` would report for
//! it, with the workspace's other articles read at start so that conflicts with
//! articles that are not open are found too. The configuration and rulebook are found
//! as the command line finds them, from the workspace's root; a rulebook that does not
//! load is one diagnostic on its file. Hover tells what was read at a position and the
//! fact it was tied to; code actions make a finding's safe fixes or suppress it.
//!
//! Built on `lsp-server`, the synchronous protocol layer rust-analyzer uses: factlint's
//! checking is synchronous and fast, so the server runs one loop, checking the articles
//! again a short while after the last edit (debounced).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, Response};
use serde_json::{Value, json};

use factlint::Engine;
use factlint::check::Read;
use factlint::config::Config;
use factlint::document::Document;
use factlint::findings::{FileRef, Finding, Label, Severity};
use factlint::input::{self, ReadOptions};
use factlint::rulebook::RuleErrors;

use crate::Setup;
use factlint::workspace::{self, Workspace};

/// How long after the last change the articles are checked again.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// How positions count characters on a line, as agreed with the client.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16,
}

/// An article open in the editor.
struct Open {
    path: String,
    text: String,
}

struct Server {
    connection: Connection,
    setup: Setup,
    encoding: Encoding,
    config: Config,
    options: ReadOptions,
    /// `None` while the rulebook does not load.
    engine: Option<Engine>,
    /// The workspace's articles as read from disk, with what checking needs of each.
    workspace: BTreeMap<String, (Document, Read)>,
    /// Open articles by URI.
    open: BTreeMap<String, Open>,
    /// URIs that were last sent diagnostics, to clear when they have none.
    published: BTreeSet<String>,
    /// When the articles are to be checked again.
    due: Option<Instant>,
    /// The last check's findings, and the documents they point into.
    last: Option<(Vec<Document>, Vec<Finding>)>,
}

/// Runs the server until the client asks it to exit.
pub fn run(setup: Setup) -> ExitCode {
    let (connection, threads) = Connection::stdio();
    let code = match serve(connection, setup) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factlint lsp: {e}");
            ExitCode::from(2)
        }
    };
    let _ = threads.join();
    code
}

fn serve(connection: Connection, setup: Setup) -> Result<(), String> {
    let capabilities_for = |encoding: Encoding| {
        json!({
            "positionEncoding": if encoding == Encoding::Utf8 { "utf-8" } else { "utf-16" },
            "textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": false}},
            "hoverProvider": true,
            "codeActionProvider": {"codeActionKinds": ["quickfix"]},
        })
    };
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("initialize: {e}"))?;
    let offered: Vec<&str> = params
        .pointer("/capabilities/general/positionEncodings")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let encoding = if offered.contains(&"utf-8") {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let root = params
        .get("rootUri")
        .and_then(Value::as_str)
        .and_then(path_of_uri)
        .or_else(|| {
            params
                .pointer("/workspaceFolders/0/uri")
                .and_then(Value::as_str)
                .and_then(path_of_uri)
        });
    // Paths in findings and rulebooks are relative to the root, as on the command line.
    if let Some(root) = &root
        && let Err(e) = std::env::set_current_dir(root)
    {
        eprintln!("factlint lsp: cannot work in {}: {e}", root.display());
    }
    let result = json!({
        "capabilities": capabilities_for(encoding),
        "serverInfo": {"name": "factlint", "version": env!("CARGO_PKG_VERSION")},
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("initialize: {e}"))?;
    let mut server = Server {
        connection,
        setup,
        encoding,
        config: Config::default(),
        options: ReadOptions::default(),
        engine: None,
        workspace: BTreeMap::new(),
        open: BTreeMap::new(),
        published: BTreeSet::new(),
        due: None,
        last: None,
    };
    server.load();
    server.main_loop()
}

impl Server {
    fn main_loop(&mut self) -> Result<(), String> {
        loop {
            let message = match self.due {
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                        Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                },
            };
            match message {
                None => self.refresh(),
                Some(Message::Request(req)) => {
                    if self
                        .connection
                        .handle_shutdown(&req)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    self.request(req);
                }
                Some(Message::Notification(n)) => self.notification(n),
                Some(Message::Response(_)) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    /// Finds and loads the configuration and rulebook, then reads the workspace's
    /// articles. A configuration or rulebook that does not load is reported as
    /// diagnostics on its files, and nothing is checked until it is mended.
    fn load(&mut self) {
        self.engine = None;
        self.workspace.clear();
        let start = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut rule_uris = BTreeSet::new();
        match Workspace::discover(&self.setup.to_library(), &start, None) {
            Err(errors) => {
                self.rule_errors(&errors, &mut rule_uris);
                self.notify(
                    "window/showMessage",
                    json!({"type": 1, "message": format!("factlint: {errors}; nothing is checked until it loads")}),
                );
            }
            Ok(ws) => {
                for note in &ws.notes {
                    self.notify(
                        "window/logMessage",
                        json!({"type": 3, "message": format!("factlint: {note}")}),
                    );
                }
                self.options = workspace::read_options(&ws.config, None, &[]);
                let inputs = input::read_with(&ws.default_paths(), &self.options, |doc| {
                    let read = ws.engine.read_for_check(&doc);
                    (doc, read)
                });
                for (doc, read) in inputs.documents {
                    self.workspace.insert(doc.path.clone(), (doc, read));
                }
                self.config = ws.config;
                self.engine = Some(ws.engine);
            }
        }
        // Rule files that had errors and have none now are cleared.
        for uri in self.published.clone() {
            if is_rule_file(&uri) && !rule_uris.contains(&uri) {
                self.publish(&uri, Vec::new());
            }
        }
        self.published.extend(rule_uris);
        self.due = Some(Instant::now());
    }

    /// Each error of a rulebook or configuration as a diagnostic on its file.
    fn rule_errors(&self, errors: &RuleErrors, uris: &mut BTreeSet<String>) {
        let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for e in &errors.0 {
            let Some(uri) = uri_of_path(Path::new(&e.file)) else {
                continue;
            };
            let text = e.named.inner().as_str();
            let mut message = e.message.clone();
            if let Some(help) = &e.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            let severity = match e.severity {
                miette::Severity::Error => 1,
                miette::Severity::Warning => 2,
                miette::Severity::Advice => 3,
            };
            by_file.entry(uri).or_default().push(json!({
                "range": range(text, &e.span, self.encoding),
                "severity": severity,
                "source": "factlint",
                "code": e.code,
                "message": message,
            }));
        }
        for (uri, diagnostics) in by_file {
            self.publish(&uri, diagnostics);
            uris.insert(uri);
        }
    }

    fn publish(&self, uri: &str, diagnostics: Vec<Value>) {
        self.notify(
            "textDocument/publishDiagnostics",
            json!({"uri": uri, "diagnostics": diagnostics}),
        );
    }

    /// The open article at `uri` as a document, read as its file would be.
    fn open_document(&self, open: &Open) -> Option<Document> {
        input::document(&open.path, open.text.clone().into_bytes(), &self.options).ok()
    }

    /// Checks the workspace with the open articles' texts in place of their files', and
    /// sends each open article its findings.
    fn refresh(&mut self) {
        self.due = None;
        let Some(engine) = &self.engine else {
            return;
        };
        let mut docs = Vec::new();
        let mut reads = Vec::new();
        let mut uri_of: BTreeMap<usize, String> = BTreeMap::new();
        let open_paths: BTreeSet<&str> = self.open.values().map(|o| o.path.as_str()).collect();
        for (path, (doc, read)) in &self.workspace {
            if !open_paths.contains(path.as_str()) {
                docs.push(doc.clone());
                reads.push(read.clone());
            }
        }
        for (uri, open) in &self.open {
            if let Some(doc) = self.open_document(open) {
                reads.push(engine.read_for_check(&doc));
                uri_of.insert(docs.len(), uri.clone());
                docs.push(doc);
            }
        }
        // The workspace's other articles are read to compare the open ones with: a
        // disagreement between an open article and a closed one shows in the open one.
        let context: Vec<bool> = (0..docs.len()).map(|d| !uri_of.contains_key(&d)).collect();
        let report = engine.check_against(&docs, reads, &context);
        let findings = workspace::settle(
            report.findings,
            &docs,
            &context,
            &self.config,
            &factlint::findings::Selection::default(),
        );
        let mut by_uri: BTreeMap<String, Vec<Value>> =
            uri_of.values().map(|u| (u.clone(), Vec::new())).collect();
        for f in &findings {
            let FileRef::Document(d) = f.primary.file else {
                continue;
            };
            if let Some(uri) = uri_of.get(&d) {
                let diagnostic = self.diagnostic(f, &docs, engine);
                by_uri.entry(uri.clone()).or_default().push(diagnostic);
            }
        }
        for uri in self.published.clone() {
            if !by_uri.contains_key(&uri) && !is_rule_file(&uri) {
                self.publish(&uri, Vec::new());
                self.published.remove(&uri);
            }
        }
        for (uri, diagnostics) in by_uri {
            self.publish(&uri, diagnostics);
            self.published.insert(uri);
        }
        self.last = Some((docs, findings));
    }

    /// Where a label points, as an LSP location, when its file has a path.
    fn location(&self, label: &Label, docs: &[Document], engine: &Engine) -> Option<Value> {
        let (name, text) = match label.file {
            FileRef::Document(d) => (&docs[d].path, docs[d].text.as_str()),
            FileRef::Rule(r) => (
                &engine.book.files[r].name,
                engine.book.files[r].text.as_str(),
            ),
        };
        let uri = uri_of_path(Path::new(name))?;
        Some(json!({"uri": uri, "range": range(text, &label.span, self.encoding)}))
    }

    fn diagnostic(&self, f: &Finding, docs: &[Document], engine: &Engine) -> Value {
        let FileRef::Document(d) = f.primary.file else {
            return Value::Null;
        };
        let text = &docs[d].text;
        let mut message = f.message.clone();
        if let Some(expected) = &f.expected {
            message.push_str(&format!("\nrulebook: {expected}"));
        }
        if !f.sources.is_empty() {
            message.push_str(&format!("\nsources: {}", f.sources.join("; ")));
        }
        for note in &f.notes {
            message.push_str(&format!("\n{note}"));
        }
        message.push_str(&format!(
            "\n{} {}: {} (`factlint explain {}`)",
            f.code.code(),
            f.code.name(),
            f.code.summary(),
            f.code.code()
        ));
        let related: Vec<Value> = f
            .related
            .iter()
            .chain(f.rule.iter())
            .filter_map(|label| {
                let location = self.location(label, docs, engine)?;
                Some(json!({"location": location, "message": label.message}))
            })
            .collect();
        let severity = match f.severity {
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Note => 3,
        };
        json!({
            "range": range(text, &f.primary.span, self.encoding),
            "severity": severity,
            "source": "factlint",
            "code": f.code.code(),
            "message": message,
            "relatedInformation": related,
            "data": {"explain": f.code.explanation().what, "name": f.code.name()},
        })
    }

    fn notification(&mut self, n: Notification) {
        let p = &n.params;
        let uri = p
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .map(str::to_string);
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let (Some(uri), Some(text)) = (uri, p.pointer("/textDocument/text")) else {
                    return;
                };
                if is_rule_file(&uri) {
                    return;
                }
                let Some(path) = path_of_uri(&uri) else {
                    return;
                };
                let text = text.as_str().unwrap_or_default().to_string();
                let path = self.workspace_path(&path);
                self.open.insert(uri, Open { path, text });
                self.due = Some(Instant::now());
            }
            "textDocument/didChange" => {
                let Some(uri) = uri else { return };
                // Full-text sync: the last change holds the whole text.
                let text = p
                    .get("contentChanges")
                    .and_then(Value::as_array)
                    .and_then(|c| c.last())
                    .and_then(|c| c.get("text"))
                    .and_then(Value::as_str);
                if let (Some(open), Some(text)) = (self.open.get_mut(&uri), text) {
                    open.text = text.to_string();
                    self.due = Some(Instant::now() + DEBOUNCE);
                }
            }
            "textDocument/didSave" => {
                let Some(uri) = uri else { return };
                if is_rule_file(&uri) || is_config_file(&uri) {
                    self.load();
                } else if let Some(open) = self.open.get(&uri) {
                    self.reread(&open.path.clone());
                }
            }
            "textDocument/didClose" => {
                let Some(uri) = uri else { return };
                self.open.remove(&uri);
                self.due = Some(Instant::now());
            }
            "workspace/didChangeWatchedFiles" => {
                let changes = p.get("changes").and_then(Value::as_array);
                let uris: Vec<String> = changes
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c.get("uri").and_then(Value::as_str).map(str::to_string))
                    .collect();
                if uris.iter().any(|u| is_rule_file(u) || is_config_file(u)) {
                    self.load();
                } else {
                    for uri in uris {
                        if let Some(path) = path_of_uri(&uri) {
                            let name = self.workspace_path(&path);
                            self.reread(&name);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// The name a file goes by in the workspace ("./a.md" when the workspace was read
    /// from "."), else as the command line would show it.
    fn workspace_path(&self, path: &Path) -> String {
        let same = |p: &str| {
            std::fs::canonicalize(p)
                .ok()
                .zip(std::fs::canonicalize(path).ok())
                .is_some_and(|(a, b)| a == b)
        };
        self.workspace
            .keys()
            .find(|p| same(p))
            .cloned()
            .unwrap_or_else(|| {
                workspace::shown(path.to_path_buf())
                    .to_string_lossy()
                    .into_owned()
            })
    }

    /// Reads one workspace article again from disk (saved, created or deleted).
    fn reread(&mut self, path: &str) {
        let Some(engine) = &self.engine else { return };
        self.workspace.remove(path);
        if let Ok(bytes) = std::fs::read(path)
            && let Ok(doc) = input::document(path, bytes, &self.options)
        {
            let read = engine.read_for_check(&doc);
            self.workspace.insert(path.to_string(), (doc, read));
        }
        self.due = Some(Instant::now());
    }

    fn request(&mut self, req: Request) {
        // Answers are given on the latest text.
        if self.due.is_some() {
            self.refresh();
        }
        let result = match req.method.as_str() {
            "textDocument/hover" => self.hover(&req.params),
            "textDocument/codeAction" => self.code_actions(&req.params),
            _ => {
                self.send(Message::Response(Response::new_err(
                    req.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("factlint does not answer {}", req.method),
                )));
                return;
            }
        };
        self.send(Message::Response(Response::new_ok(req.id, result)));
    }

    /// The open article and byte offset a request's position names.
    fn position(&self, params: &Value) -> Option<(&Open, usize)> {
        let uri = params.pointer("/textDocument/uri")?.as_str()?;
        let open = self.open.get(uri)?;
        let line = params.pointer("/position/line")?.as_u64()? as usize;
        let character = params.pointer("/position/character")?.as_u64()? as usize;
        Some((open, offset(&open.text, line, character, self.encoding)))
    }

    /// What factlint read at a position: the value, the fact it was tied to with the
    /// rulebook's value and sources, and why (or why it was left untied).
    fn hover(&self, params: &Value) -> Value {
        let (Some(engine), Some((open, at))) = (&self.engine, self.position(params)) else {
            return Value::Null;
        };
        let Some(doc) = self.open_document(open) else {
            return Value::Null;
        };
        let (mentions, claims) = engine.read(&doc);
        let Some(i) = mentions
            .iter()
            .position(|m| m.span.start <= at && at < m.span.end)
        else {
            return Value::Null;
        };
        let why = engine.why(&doc, &mentions, &claims);
        let m = &mentions[i];
        let book = &engine.book;
        let words = &doc.text[m.span.clone()];
        let mut lines = vec![format!("**{}** \"{words}\"", m.kind.name())];
        if let Some(measure) = &m.measure {
            lines[0].push_str(&format!(" — measure `{measure}`"));
        }
        match claims.iter().find(|c| c.mention == i) {
            Some(claim) => {
                let fact = &book.facts[claim.fact];
                lines.push(format!(
                    "tied to `{}`: the rulebook has {}",
                    fact.id,
                    fact.describe()
                ));
                let sources = book.source_titles(&fact.sources);
                if !sources.is_empty() {
                    lines.push(format!("sources: {}", sources.join("; ")));
                }
                if let Some(note) = &fact.note {
                    lines.push(format!("note: {note}"));
                }
            }
            None => lines.push("not tied to any fact".into()),
        }
        if let Some(reason) = why.get(i) {
            lines.push(format!("why: {reason}"));
        }
        json!({
            "contents": {"kind": "markdown", "value": lines.join("\n\n")},
            "range": range(&doc.text, &m.span, self.encoding),
        })
    }

    /// For each finding in the requested range: its safe fixes, and a comment that
    /// suppresses it on its line.
    fn code_actions(&self, params: &Value) -> Value {
        let (Some((docs, findings)), Some(uri)) = (
            &self.last,
            params.pointer("/textDocument/uri").and_then(Value::as_str),
        ) else {
            return json!([]);
        };
        let Some(open) = self.open.get(uri) else {
            return json!([]);
        };
        let Some(d) = docs.iter().position(|doc| doc.path == open.path) else {
            return json!([]);
        };
        let text = &docs[d].text;
        let line_of = |key: &str| {
            params
                .pointer(&format!("/range/{key}"))
                .and_then(|p| {
                    let line = p.get("line")?.as_u64()? as usize;
                    let character = p.get("character")?.as_u64()? as usize;
                    Some(offset(text, line, character, self.encoding))
                })
                .unwrap_or(0)
        };
        let (from, to) = (line_of("start"), line_of("end"));
        let mut actions = Vec::new();
        for f in findings {
            if f.primary.file != FileRef::Document(d)
                || f.primary.span.end < from
                || f.primary.span.start > to
            {
                continue;
            }
            if !f.fixes.is_empty() {
                let edits: Vec<Value> = f
                    .fixes
                    .iter()
                    .map(|fix| {
                        json!({"range": range(text, &fix.span, self.encoding), "newText": fix.replacement})
                    })
                    .collect();
                let title =
                    factlint::report::capitalised(&factlint::findings::Fix::describe_all(&f.fixes));
                actions.push(json!({
                    "title": title,
                    "kind": "quickfix",
                    "isPreferred": true,
                    "edit": {"changes": {uri: edits}},
                }));
            }
            // The comment goes at the end of the finding's line.
            let line_end = text[f.primary.span.end..]
                .find('\n')
                .map_or(text.len(), |i| f.primary.span.end + i);
            let line_end = if text[..line_end].ends_with('\r') {
                line_end - 1
            } else {
                line_end
            };
            let comment = format!(" <!-- factlint-disable-line {} -->", f.code.code());
            actions.push(json!({
                "title": format!("Suppress {} on this line", f.code.code()),
                "kind": "quickfix",
                "edit": {"changes": {uri: [{
                    "range": range(text, &(line_end..line_end), self.encoding),
                    "newText": comment,
                }]}},
            }));
        }
        Value::Array(actions)
    }
}

/// Whether a URI names a rulebook file (YAML), which is watched rather than checked.
fn is_rule_file(uri: &str) -> bool {
    uri.ends_with(".yaml") || uri.ends_with(".yml")
}

fn is_config_file(uri: &str) -> bool {
    uri.ends_with("/factlint.yaml") || uri.ends_with("/.factlint.yaml")
}

/// The path a `file:` URI names, percent-decoded.
fn path_of_uri(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = rest
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    let path = String::from_utf8(out).ok()?;
    Some(PathBuf::from(path))
}

/// The `file:` URI of a path (made absolute), percent-encoded.
fn uri_of_path(path: &Path) -> Option<String> {
    if path.to_string_lossy().starts_with('<') {
        return None; // built-in rules and standard input have no file
    }
    let absolute = std::env::current_dir().ok()?.join(path);
    let text = absolute.to_str()?;
    let mut uri = String::from("file://");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    Some(uri)
}

/// The line and character of a byte offset.
fn position(text: &str, at: usize, encoding: Encoding) -> Value {
    let at = at.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count();
    let piece = &text[line_start..at];
    let character = match encoding {
        Encoding::Utf8 => piece.len(),
        Encoding::Utf16 => piece.chars().map(char::len_utf16).sum(),
    };
    json!({"line": line, "character": character})
}

fn range(text: &str, span: &std::ops::Range<usize>, encoding: Encoding) -> Value {
    json!({"start": position(text, span.start, encoding), "end": position(text, span.end, encoding)})
}

/// The byte offset of a line and character; past the end of a line, its end.
fn offset(text: &str, line: usize, character: usize, encoding: Encoding) -> usize {
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units >= character {
            return start + i;
        }
        units += match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_in_the_agreed_encoding() {
        // On its line, "x" follows five characters, seven bytes (é is two).
        let text = "a\nré é x\n";
        let at = text.find('x').unwrap();
        assert_eq!(
            position(text, at, Encoding::Utf16),
            json!({"line": 1, "character": 5})
        );
        assert_eq!(
            position(text, at, Encoding::Utf8),
            json!({"line": 1, "character": 7})
        );
        assert_eq!(offset(text, 1, 5, Encoding::Utf16), at);
        assert_eq!(offset(text, 1, 7, Encoding::Utf8), at);
        assert_eq!(offset(text, 9, 0, Encoding::Utf8), text.len());
    }

    #[test]
    fn file_uris_round_trip_with_spaces_and_letters() {
        let uri = uri_of_path(Path::new("/tmp/a b/ré.md")).unwrap();
        assert_eq!(uri, "file:///tmp/a%20b/r%C3%A9.md");
        assert_eq!(path_of_uri(&uri).unwrap(), PathBuf::from("/tmp/a b/ré.md"));
        assert_eq!(uri_of_path(Path::new("<built-in>/people.yaml")), None);
    }
}
