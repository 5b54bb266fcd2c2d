//! From claims to findings.
//!
//! Each claim is compared with the rulebook's value for its fact; claims that fit the
//! rulebook are then compared with each other, within one article (self-contradiction)
//! and across articles (source conflict). Two values disagree exactly when their
//! intervals do not overlap. Vague words ("several", "dozens") never start a
//! disagreement between articles: they are too loose to contradict a figure.
//!
//! This module reads and dispatches; each class's detection and wording is in its own
//! file under [`crate::findings`].

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::attribute::{self, Claim, Matcher};
use crate::document::Document;
use crate::extract::{self, Lexicon, Mention, MentionKind};
use crate::findings::context::{Context, Fitting, Site, without_reported_disputes};
use crate::findings::revised_figure::Superseded;
use crate::findings::{Code, Finding, Severity};
use crate::findings::{
    conflict, revised_figure, self_contradiction, source_conflict, spelling, weekday_mismatch,
};
use crate::names::People;
use crate::rulebook::Rulebook;

pub use crate::attribute::Read;

/// A rulebook compiled for checking: built once, used for every document.
pub struct Engine {
    /// The rulebook.
    pub book: Rulebook,
    /// The rulebook's measure cues and explicit patterns, for finding figures.
    pub lexicon: Lexicon,
    /// The rulebook's names and markers, for tying a mention to its fact.
    pub matcher: Matcher,
    /// The rulebook's people, for their names and titles.
    pub people: People,
}

impl Engine {
    /// The rulebook compiled, with `tolerance` for "about", "nearly" and their kin.
    pub fn new(book: Rulebook, tolerance: f64) -> Engine {
        let lexicon = Lexicon::new(&book, tolerance);
        let matcher = Matcher::new(&book);
        let people = People::new(&book);
        Engine {
            book,
            lexicon,
            matcher,
            people,
        }
    }

    /// What the finding classes read: the rulebook and its people.
    pub fn context(&self) -> Context<'_> {
        Context {
            book: &self.book,
            people: &self.people,
        }
    }

    /// Mentions and claims of one document, with spans into its text.
    pub fn read(&self, doc: &Document) -> Read {
        let mut mentions = extract::extract(doc, &self.lexicon);
        let hits = self.matcher.hits(doc);
        mentions.extend(self.people.mentions(&self.book, doc, &hits));
        // Mentions stay grouped by sentence, figures first, as attribution expects.
        mentions.sort_by_key(|m| m.sentence);
        let claims = attribute::attribute(&self.book, &self.matcher, doc, &mentions, &hits);
        // Readers saw the prose in normal form; the rest of the pipeline sees the text.
        if let Some(map) = &doc.remap {
            for m in &mut mentions {
                m.map_spans(|s| map.span(s));
            }
        }
        (mentions, claims)
    }

    /// For each of a document's mentions (as [`Engine::read`] gave them, with their
    /// claims), why it was tied to its fact or left untied.
    pub fn why(&self, doc: &Document, mentions: &[Mention], claims: &[Claim]) -> Vec<String> {
        let hits = self.matcher.hits(doc);
        let Some(map) = &doc.remap else {
            return attribute::why(&self.book, &self.matcher, doc, mentions, &hits, claims);
        };
        let mut normal = mentions.to_vec();
        for m in &mut normal {
            m.map_spans(|s| map.normal_span(s));
        }
        attribute::why(&self.book, &self.matcher, doc, &normal, &hits, claims)
    }

    /// Like [`Engine::read`], keeping only the mentions checking looks at: those tied
    /// to a fact and dates written with a weekday. Memory then grows with the number
    /// of claims, not with the length of the text.
    pub fn read_for_check(&self, doc: &Document) -> Read {
        let (mentions, claims) = self.read(doc);
        let mut keep = vec![false; mentions.len()];
        for c in &claims {
            keep[c.mention] = true;
        }
        let mut new_index = vec![usize::MAX; mentions.len()];
        let mut kept = Vec::new();
        for (i, m) in mentions.into_iter().enumerate() {
            if keep[i] || (m.weekday.is_some() && !m.from_weekday) {
                new_index[i] = kept.len();
                kept.push(m);
            }
        }
        kept.shrink_to_fit();
        let claims = claims
            .into_iter()
            .map(|c| Claim {
                mention: new_index[c.mention],
                ..c
            })
            .collect();
        (kept, claims)
    }

    /// Checks documents together and returns their findings, sorted.
    pub fn check(&self, docs: &[Document]) -> Report {
        // Documents are read in parallel and gathered in order: the findings do not
        // depend on the number of threads.
        let read: Vec<Read> = docs.par_iter().map(|d| self.read(d)).collect();
        self.check_read(docs, read)
    }

    /// Checks documents already read (see [`Engine::read`]); `docs` may have been
    /// [shed](Document::shed) since.
    pub fn check_read(&self, docs: &[Document], read: Vec<Read>) -> Report {
        self.check_against(docs, read, &[])
    }

    /// As [`Engine::check_read`], where the documents marked in `context` were read only
    /// to compare the others with (an archive): a disagreement between articles is
    /// reported in an article checked, never in one of them alone. Their own findings
    /// are still returned; the caller leaves them out.
    pub fn check_against(&self, docs: &[Document], read: Vec<Read>, context: &[bool]) -> Report {
        let cx = self.context();
        let mut findings = Vec::new();
        // Claims that fit the rulebook, by fact: (document, mention).
        let mut fitting: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for (d, (mentions, claims)) in read.iter().enumerate() {
            weekday_mismatch::beside_date(d, &mentions[..], &mut findings);
            let mut article = Article::default();
            for claim in claims {
                let site = Site {
                    d,
                    doc: &docs[d],
                    mention: &mentions[claim.mention],
                    on: claim.on,
                };
                if article.weigh(&cx, claim, &site, &mut findings) {
                    fitting
                        .entry(claim.fact)
                        .or_default()
                        .push((d, claim.mention));
                }
            }
            spelling::spellings(&cx, d, mentions, &article.names, &mut findings);
            // An older figure beside the current one, with no word of a change in the
            // article: the article contradicts itself.
            let revised = self_contradiction::superseded_beside_current(
                &cx,
                d,
                (mentions, claims),
                article.revised,
                &article.current_at,
                &mut findings,
            );
            // An article that also gives the current figure tells the old one as history
            // ("earlier reports of 100 deaths were revised to 84").
            findings.extend(revised_figure::not_told_as_history(
                revised,
                &article.current,
            ));
        }
        for (&fact, claims) in &fitting {
            let claims = without_reported_disputes(claims, &read);
            let fitting = Fitting {
                cx,
                fact: &self.book.facts[fact],
                claims: &claims,
                docs,
                read: &read,
                context,
            };
            self_contradiction::within_articles(&fitting, &mut findings);
            source_conflict::across_articles(&fitting, &mut findings);
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup();
        Report { findings, read }
    }
}

/// What one article's claims came to, as they are weighed one by one.
#[derive(Default)]
struct Article {
    /// Revised-figure findings, each with whether it is stale even beside the current
    /// figure; they wait until the whole article is weighed.
    revised: Vec<Superseded>,
    /// The facts whose current figure the article gives, by id.
    current: BTreeSet<String>,
    /// For each fact whose current figure a claim tied by more than the topic gives,
    /// the first such mention.
    current_at: BTreeMap<usize, usize>,
    /// The names of people, for their spellings: (fact, mention).
    names: Vec<(usize, usize)>,
}

impl Article {
    /// Weighs one claim against the rulebook and hands on what the class that judged it
    /// found, to `findings` or (a revised figure) to the article's tally. True when the
    /// claim fits the rulebook and is evidence enough to compare with other articles'.
    fn weigh(
        &mut self,
        cx: &Context,
        claim: &Claim,
        site: &Site,
        findings: &mut Vec<Finding>,
    ) -> bool {
        let mention = site.mention;
        let fact = &cx.book.facts[claim.fact];
        if mention.kind == MentionKind::Name {
            self.names.push((claim.fact, claim.mention));
            return false;
        }
        // The rulebook dates its figures and this one was superseded before the
        // article was published: stale, however it was tied.
        let stale = revised_figure::stale_when_published(fact, mention, site.doc.meta.published);
        match conflict::against_rule(cx, site, fact) {
            // Tied by the topic alone, a superseded figure may be one that stood
            // when the article was written: not enough to warn of. Nor, where the
            // rulebook splits the figure into parts (by state, by county), is a
            // stale one: it may be a part's the sentence does not name.
            Some(finding)
                if finding.code == Code::RevisedFigure
                    && claim.via == attribute::Via::Topic
                    && (!stale || cx.has_parts(claim.fact)) => {}
            // Stale when published, and not told as an earlier figure: stale
            // even beside the current figure.
            Some(finding) if finding.code == Code::RevisedFigure => self.revised.push(Superseded {
                finding,
                stale: stale && !mention.history,
                fact: claim.fact,
                mention: claim.mention,
            }),
            // "Up from 38": an earlier figure the rulebook does not record
            // contradicts nothing.
            Some(finding) if mention.earlier && finding.code == Code::Conflict => {}
            Some(finding) => findings.push(conflict::as_reported(cx, finding, site, fact)),
            None if mention.interval().is_none() || mention.earlier => {}
            // A claim tied only by the article's topic confirms; it is not
            // evidence enough to hold against another article.
            None if claim.via == attribute::Via::Topic => {
                self.current.insert(fact.id.clone());
            }
            // A figure that stood when the article was written, since revised:
            // right then, and no measure of other articles.
            None if mention.interval().is_some_and(|found| {
                fact.is_dated() && !fact.expected.interval().is_some_and(|v| v.overlaps(&found))
            }) => {}
            None => {
                self.current.insert(fact.id.clone());
                self.current_at.entry(claim.fact).or_insert(claim.mention);
                return true;
            }
        }
        false
    }
}

/// The result of a run: findings plus what was read, for reporters and inventories.
pub struct Report {
    /// The findings, sorted (see [`Finding::sort_key`]), before suppressions and the
    /// configuration are applied.
    pub findings: Vec<Finding>,
    /// What reading each document gave, in the order of the documents.
    pub read: Vec<Read>,
}

impl Report {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}
