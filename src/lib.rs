//! factlint: a fact-consistency linter for news writing.
//!
//! A desk keeps its verified facts in a YAML [`rulebook`]. factlint reads articles
//! ([`document`]), finds the figures, dates and ages they state ([`extract`]), ties each
//! to the fact it is about ([`attribute`]), compares them with the rulebook and with
//! each other ([`check`]) and reports [`findings`] ([`report`]).
//!
//! The pipeline runs one way, each stage a module with a small type at its edge:
//! paths → [`document::Document`] → [`extract::Mention`] → [`attribute::Claim`] →
//! [`findings::Finding`] → text. The library never prints; the binary is a thin shell.

#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod attribute;
pub mod check;
pub mod config;
pub mod date;
pub mod document;
pub mod extract;
pub mod figure;
pub mod findings;
pub mod fix;
pub mod input;
pub mod interval;
pub mod lexicon;
pub mod mapreduce;
pub mod names;
pub mod output;
pub mod paths;
pub mod report;
pub mod rulebook;
pub mod suppress;
pub mod workspace;
pub mod yaml;

pub use check::{Engine, Report};
