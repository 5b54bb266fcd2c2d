//! FL008 title.

use std::ops::Range;

use super::context::{Context, Site};
use super::{Class, Code, Explanation, FileRef, Finding, Fix, Label, Severity};
use crate::date::Day;
use crate::extract::MentionValue;
use crate::names::TitleVerdict;
use crate::rulebook::{Fact, Subject};

/// FL008 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL008",
    name: "title",
    severity: Severity::Warning,
    summary: "A title close to, but not, one the rulebook accepts for the person",
    explanation: EXPLANATION,
};

/// What `factlint explain FL008` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "A title written beside a person is close to, but not, one of the forms the \
           rulebook accepts for that person's title: a misprint or a garbled word.",
    why: "A garbled title is a visible error in the first line of a story, and it is often a \
          word the spell checker accepts (\"Repartition\" for \"Repatriation\").",
    example: "The rulebook gives Khalil Haqqani the title `Minister of Refugees and \
              Repatriation`; the article says \"Taliban Minister of Refugees and Repartition \
              Khalil Haqqani\".",
    fix: "Use the accepted form the finding suggests, or add the form to the title's `accept` \
          list if the desk accepts it. A title that belongs to someone else in the rulebook \
          is not a misprint but a conflict (FL001).",
};

/// A title written beside a person, against the titles of the rulebook: FL008 for a
/// misprint or a post no longer (or not yet) held, FL001 for a post still held or one
/// that is someone else's.
pub fn title(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    person: usize,
    value: &str,
) -> Option<Finding> {
    let MentionValue::Title(found) = &site.mention.value else {
        return None;
    };
    let found = found.as_str();
    let published = site.doc.meta.published;
    let told = site.on;
    let name = &cx.book.entities[person].name;
    let written = Written {
        cx,
        site,
        fact,
        name,
        found,
    };
    match cx.people.title_verdict(person, found, published) {
        TitleVerdict::Fits | TitleVerdict::Unknown => None,
        // "President Carter signed the accords in 1978": a date of the term in the
        // sentence tells of the time the post was held.
        TitleVerdict::NotHeld { from, to, .. }
            if told.is_some_and(|r| {
                from.is_none_or(|f| f <= r.to) && to.is_none_or(|t| r.from <= t)
            }) =>
        {
            None
        }
        TitleVerdict::NotHeld { post, from, to } => {
            Some(written.not_held(&post, (from, to), published))
        }
        TitleVerdict::StillHeld { post } => Some(written.still_held(post)),
        TitleVerdict::HeldBy(holders) => Some(written.held_by(&holders, value)),
        TitleVerdict::Misprint { closest, words } => Some(written.misprint(closest, &words)),
    }
}

/// A title as one article writes it beside a person, for the wording of its findings.
struct Written<'a> {
    cx: &'a Context<'a>,
    site: &'a Site<'a>,
    fact: &'a Fact,
    /// The person's name.
    name: &'a str,
    /// The title as written.
    found: &'a str,
}

impl Written<'_> {
    /// FL008 for a post the person held only at other times, with "former" put before
    /// it as the fix.
    fn not_held(
        &self,
        post: &str,
        (from, to): (Option<Day>, Option<Day>),
        published: Option<Day>,
    ) -> Finding {
        let (name, found) = (self.name, self.found);
        let when = match (from, to) {
            (_, Some(t)) if published.is_some_and(|p| p > t) => {
                format!("held until {}", t.long())
            }
            (Some(f), _) => format!("held from {}", f.long()),
            _ => "not held then".to_string(),
        };
        let mut f = self.cx.finding(
            Code::Title,
            self.fact,
            self.site.here(format!("a post {when}")),
            format!(
                "\"{found}\" is {name}'s post {when} in the rulebook, but the article gives it as held when it was published"
            ),
        );
        f.notes.push(format!(
            "write \"former {post}\", or give the time it was held"
        ));
        // "Former" put before the title is the fix ("Former" where it opens
        // its sentence).
        let word = if self.site.mention.opens_sentence {
            "Former "
        } else {
            "former "
        };
        let at = self.site.mention.span.start;
        f.fixes = vec![Fix {
            span: at..at,
            written: String::new(),
            replacement: word.to_string(),
        }];
        f.expected = Some(format!("former {post}"));
        f.found = Some(found.to_string());
        f
    }

    /// FL001 for a title written as a former post that the person still held.
    fn still_held(&self, post: String) -> Finding {
        let (name, found) = (self.name, self.found);
        let mut f = self.cx.finding(
            Code::Conflict,
            self.fact,
            self.site.here(format!("{name} still holds this post")),
            format!(
                "\"{found}\": by the rulebook, {name} held the post of {post} on the day the article was published, so it is not a former post"
            ),
        );
        f.expected = Some(post);
        f.found = Some(found.to_string());
        f
    }

    /// FL001 for a title the rulebook gives to others (`holders`), with where it does.
    fn held_by(&self, holders: &[usize], value: &str) -> Finding {
        let (name, found, book) = (self.name, self.found, self.cx.book);
        let who: Vec<&str> = holders
            .iter()
            .map(|&h| book.entities[h].name.as_str())
            .collect();
        let who = who.join(" and ");
        let mut f = self.cx.finding(
            Code::Conflict,
            self.fact,
            self.site.here(format!("{who}'s title, not {name}'s")),
            format!("\"{found}\" is {who}'s title in the rulebook; {name} is {value}"),
        );
        for &h in holders {
            if let Some(t) = book.fact(Subject::Entity(h), "title") {
                let held = &book.facts[t];
                f.related.push(Label {
                    file: FileRef::Rule(held.loc.file),
                    span: held.loc.span.clone(),
                    message: format!("{}'s title", book.entities[h].name),
                });
            }
        }
        f.expected = Some(value.to_string());
        f.found = Some(found.to_string());
        f
    }

    /// FL008 for a title close to an accepted form (`closest`), with the words that
    /// differ (`words`: as written, as accepted) and their fixes.
    fn misprint(&self, closest: String, words: &[(String, String)]) -> Finding {
        let (name, found) = (self.name, self.found);
        let mut f = self.cx.finding(
            Code::Title,
            self.fact,
            self.site.here(format!("did you mean \"{closest}\"?")),
            format!(
                "\"{found}\" is not a title the rulebook accepts for {name}; the closest accepted form is \"{closest}\""
            ),
        );
        for (written, accepted) in words {
            f.notes.push(format!(
                "\"{written}\" where the accepted form has \"{accepted}\""
            ));
        }
        // The words that differ, each replaced where the title has it; else the
        // whole title, when it has as many words as the accepted form.
        let span = f.primary.span.clone();
        f.fixes = word_fixes(span.clone(), found, words).unwrap_or_else(|| {
            let count = |t: &str| t.split_whitespace().count();
            Fix::respelling(span, found, &closest)
                .filter(|_| count(found) == count(&closest))
                .into_iter()
                .collect()
        });
        f.expected = Some(closest);
        f.found = Some(found.to_string());
        f
    }
}

/// Fixes replacing each misprinted word of a title (`words`: as written, as accepted)
/// where the title, read at `span`, has it as a whole word; `None` when there are no
/// such words, or the title as read is not as long as its span in the article (so
/// offsets inside it are not the article's). Each fix is made only where the file
/// holds the word.
fn word_fixes(span: Range<usize>, written: &str, words: &[(String, String)]) -> Option<Vec<Fix>> {
    if words.is_empty() || written.len() != span.len() {
        return None;
    }
    let mut fixes = Vec::new();
    for (wrong, right) in words {
        let at = written.match_indices(wrong.as_str()).find(|&(i, _)| {
            let before = written[..i].chars().next_back();
            let after = written[i + wrong.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })?;
        let start = span.start + at.0;
        fixes.push(Fix {
            span: start..start + wrong.len(),
            written: wrong.clone(),
            replacement: right.clone(),
        });
    }
    Some(fixes)
}
