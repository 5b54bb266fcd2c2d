//! Who is who: the names and titles articles give the people the rulebook knows.
//!
//! A name is read as words, not as one string. The particles of Arabic and Persian
//! names (ur, ul, al, ud, bin) and honorifics (Mullah, Sheikh) are set aside, and each
//! word is compared by a skeleton that transliteration leaves alone: its first letter
//! and its consonants, without h, w or y and without doubled letters (Rahman and Rehman,
//! Haqqani and Haqqany, Khalil and Kalil share one). A spelling the rulebook does not
//! list is taken for a variant of a person's name only when its surname and its first
//! given name both match theirs, so Sirajuddin Haqqani is never a variant of Khalil
//! Haqqani, and a spelling that could be two people's is left alone.
//!
//! A title is read where newswire puts it: right before the name ("Taliban refugees
//! minister Khalil Haqqani") or in an apposition after it ("Khalil Haqqani, the
//! Taliban's minister for refugees,"). Titles are compared as bags of words, with
//! function words, qualifiers such as "Taliban" or "Pakistan's" and plural endings
//! set aside, so "Minister of Defence" and "defence minister" are one title.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::attribute::{Hit, per_sentence};
use crate::date::Day;
use crate::document::Document;
use crate::extract::{Mention, MentionKind, MentionValue, ends_with_ignoring_case};
use crate::rulebook::{EntityKind, Post, Rulebook};

/// The people of a rulebook, compiled for reading names and titles.
pub struct People {
    /// By entity index; `None` for entities that are not people.
    persons: Vec<Option<Person>>,
    /// Skeleton of a surname → the people (entities) who have it.
    by_surname: HashMap<String, Vec<usize>>,
    /// A surname of five letters or more, and each form of it with one letter left out
    /// (lowercase, doubled letters once) → the people who have it: where a surname
    /// one typing slip away is looked up.
    near_surname: HashMap<String, Vec<usize>>,
    /// The first given names (lowercase) of the people in `near_surname`.
    near_given: HashSet<String>,
    /// A one-word short name of five letters or more ("Kimiko"), and each form of it
    /// with one letter left out (lowercase, doubled letters once) → the people who
    /// have it: where a lone word one typing slip away is looked up.
    near_short: HashMap<String, Vec<usize>>,
    /// Every known spelling of anyone, folded: such a spelling is a name, not a variant.
    known: HashSet<String>,
    /// The words of every title in the rulebook.
    title_words: HashSet<String>,
    /// The head word of every title in the rulebook ("judge" of "county judge",
    /// "minister" of "Minister of Refugees"): heads as the lexicon's are.
    book_heads: HashSet<String>,
    /// Single-word names of places and groups, lowercase: qualifiers of a title.
    qualifiers: Vec<String>,
    /// A title as a bag of words → the entities that hold it, with the post's dates.
    holders: HashMap<Vec<String>, Vec<(usize, Post)>>,
    /// The reading vocabulary, with the rulebook's additions (for honorifics).
    vocabulary: std::sync::Arc<crate::lexicon::Vocabulary>,
}

/// What a sentence already names, for [`People::variants`]: the full names found in it,
/// every name found in it, and each person the article has named in full so far, with
/// where first.
#[derive(Clone, Copy)]
struct Known<'a> {
    full: &'a [Range<usize>],
    named: &'a [Range<usize>],
    named_in_full: &'a HashMap<usize, usize>,
}

struct Person {
    /// The house spelling and aliases, as words without particles or honorifics.
    forms: Vec<Vec<String>>,
    /// Every accepted form of every post: as written, as a bag of words, and the post.
    titles: Vec<(String, Vec<String>, Post)>,
    /// The one-word short names of five letters or more, lowercase, doubled letters
    /// once.
    shorts: Vec<String>,
}

/// How a title written beside a person compares with the rulebook.
#[derive(Clone, Debug, PartialEq)]
pub enum TitleVerdict {
    /// One of the person's accepted forms.
    Fits,
    /// Another person's title, and not this person's: the entities that hold it.
    HeldBy(Vec<usize>),
    /// Close to one of the person's accepted forms: that form, and the words that
    /// differ (as written, as accepted).
    Misprint {
        /// The accepted form, as the rulebook writes it.
        closest: String,
        /// Each differing word as the article writes it and as the accepted form does;
        /// empty when the words are the same but the accepted form is a provisional
        /// post ("acting president") written without its provisional word.
        words: Vec<(String, String)>,
    },
    /// One of the person's posts, given as held on a day the rulebook says it was not
    /// (after its `to`, before its `from`).
    NotHeld {
        /// The post, as the rulebook names it (its `value`).
        post: String,
        /// The first day the post was held, when the rulebook dates it.
        from: Option<Day>,
        /// The last day the post was held, when the rulebook dates it.
        to: Option<Day>,
    },
    /// "Former" of a post the rulebook dates as held on the publication day.
    StillHeld {
        /// The post, as the rulebook names it (its `value`).
        post: String,
    },
    /// Neither: a title the rulebook knows nothing of, or one told as past.
    Unknown,
}

/// A title written for a person (an entity of the rulebook), as a mention.
fn title_mention(prose: &str, sentence: usize, title: Range<usize>, entity: usize) -> Mention {
    let mut m = Mention::new(
        title.clone(),
        sentence,
        MentionKind::Title,
        MentionValue::Title(prose[title].to_string()),
    );
    m.entity = Some(entity);
    // "Prime Minister Liz Truss said …" at a sentence's start: a word put before the
    // title there takes the capital.
    let before = prose[..m.span.start].trim_end();
    m.opens_sentence = before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '"', '\u{201c}', '\u{201d}', '(', '—']);
    m
}

/// Each person the hits name in full, with where first: a lone short name one slip
/// away after that is theirs misspelt.
fn named_in_full(book: &Rulebook, hits: &[Hit]) -> HashMap<usize, usize> {
    let mut first: HashMap<usize, usize> = HashMap::new();
    for h in hits.iter().filter(|h| h.full) {
        if let Some(e) = h
            .entity
            .filter(|&e| book.entities[e].kind == EntityKind::Person)
        {
            first.entry(e).or_insert(h.span.start);
        }
    }
    first
}

/// How a name is spelled, against the rulebook's spellings for its person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// The rulebook's house spelling (`name`).
    House,
    /// One of the aliases the rulebook lists.
    Alias,
    /// A spelling the rulebook does not list.
    Unknown,
}

impl People {
    /// Compiles the people of a rulebook: their names as words and skeletons, their
    /// titles as bags of words with who holds each, and the names of places and groups
    /// that qualify a title. Made once per rulebook and shared by every article.
    pub fn new(book: &Rulebook) -> People {
        let mut people = People {
            persons: Vec::new(),
            by_surname: HashMap::new(),
            near_surname: HashMap::new(),
            near_given: HashSet::new(),
            near_short: HashMap::new(),
            known: HashSet::new(),
            title_words: HashSet::new(),
            book_heads: HashSet::new(),
            qualifiers: Vec::new(),
            holders: HashMap::new(),
            vocabulary: book.vocabulary().clone(),
        };
        for entity in &book.entities {
            for name in std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .chain(&entity.short_names)
            {
                people.known.insert(fold(name));
            }
            if matches!(
                entity.kind,
                EntityKind::Place | EntityKind::Group | EntityKind::Organisation
            ) {
                for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                    if !name.contains(' ') && name.len() >= 3 {
                        people.qualifiers.push(name.to_lowercase());
                    }
                }
            }
        }
        // Every qualifier is known by now, so titles can be made into bags.
        for (i, entity) in book.entities.iter().enumerate() {
            if entity.kind != EntityKind::Person {
                people.persons.push(None);
                continue;
            }
            let forms: Vec<Vec<String>> = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|n| name_words(n))
                .filter(|w| !w.is_empty())
                .collect();
            let titles = people.index_titles(i, entity);
            people.index_surnames(i, &forms);
            let shorts = people.index_shorts(i, entity);
            people.persons.push(Some(Person {
                forms,
                titles,
                shorts,
            }));
        }
        people
    }

    /// Indexes a person's titles (every accepted form of every post): their head
    /// words, their words, and who holds each as a bag of words. Returns the titles.
    fn index_titles(
        &mut self,
        i: usize,
        entity: &crate::rulebook::Entity,
    ) -> Vec<(String, Vec<String>, Post)> {
        let people = self;
        let mut titles = Vec::new();
        for post in &entity.posts {
            for form in std::iter::once(&post.value).chain(&post.accept) {
                if let Some(head) = title_head(form) {
                    people.book_heads.insert(head);
                }
                for word in words_of(form) {
                    if !crate::lexicon::english()
                        .title_connectors
                        .has(word.as_str())
                    {
                        people.title_words.insert(stem(&word));
                    }
                }
                let bag = people.bag(form);
                let holders = people.holders.entry(bag.clone()).or_default();
                if !holders.contains(&(i, post.clone())) {
                    holders.push((i, post.clone()));
                }
                titles.push((form.clone(), bag, post.clone()));
            }
        }
        titles
    }

    /// Indexes a person's surnames: by skeleton, and one typing slip away (with the
    /// first given names that go with them).
    fn index_surnames(&mut self, i: usize, forms: &[Vec<String>]) {
        let people = self;
        let mut surnames: Vec<String> = forms
            .iter()
            .filter(|f| f.len() >= 2)
            .filter_map(|f| f.last().map(|w| skeleton(w)))
            .collect();
        surnames.sort();
        surnames.dedup();
        for s in surnames {
            people.by_surname.entry(s).or_default().push(i);
        }
        let mut near: Vec<String> = forms
            .iter()
            .filter(|f| f.len() >= 2)
            .filter_map(|f| f.last().map(|w| squeeze(w)))
            .filter(|w| w.chars().count() >= 5)
            .flat_map(|w| {
                deletions(&w)
                    .chain(std::iter::once(w.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        if !near.is_empty() {
            for form in forms.iter().filter(|f| f.len() >= 2) {
                people.near_given.insert(form[0].clone());
            }
        }
        near.sort();
        near.dedup();
        for key in near {
            people.near_surname.entry(key).or_default().push(i);
        }
    }

    /// Indexes a person's one-word short names of five letters or more, one typing
    /// slip away. Returns them, lowercase, doubled letters once.
    fn index_shorts(&mut self, i: usize, entity: &crate::rulebook::Entity) -> Vec<String> {
        let people = self;
        let shorts: Vec<String> = entity
            .short_names
            .iter()
            .filter(|n| !n.contains([' ', '-', '.']))
            .map(|n| squeeze(n))
            .filter(|n| n.chars().count() >= 5)
            .collect();
        let mut keys: Vec<String> = shorts
            .iter()
            .flat_map(|w| deletions(w).chain(std::iter::once(w.clone())))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            people.near_short.entry(key).or_default().push(i);
        }
        shorts
    }

    fn person(&self, entity: usize) -> Option<&Person> {
        self.persons.get(entity).and_then(Option::as_ref)
    }

    /// Names and titles of people in a document: a mention for every full name of a
    /// person (house spelling, alias or a variant of either) and for every title
    /// written beside one. `hits` are the document's names, from the matcher, in order.
    pub fn mentions(&self, book: &Rulebook, doc: &Document, hits: &[Hit]) -> Vec<Mention> {
        let prose = &doc.prose;
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut words = Vec::new();
        let hit_ranges = per_sentence(doc, |i| hits.get(i).map(|h| h.span.start), hits.len());
        let named_in_full = named_in_full(book, hits);
        for (sentence, bounds) in doc.sentences.iter().map(|s| s.span.clone()).enumerate() {
            let here = &hits[hit_ranges[sentence].clone()];
            let full: Vec<Range<usize>> = here
                .iter()
                .filter(|h| h.full)
                .map(|h| h.span.clone())
                .collect();
            let named: Vec<Range<usize>> = here
                .iter()
                .filter(|h| h.entity.is_some())
                .map(|h| h.span.clone())
                .collect();
            // A name cut by a sentence split (a very long sentence is split by length)
            // belongs to neither part.
            let mut names: Vec<(Range<usize>, usize)> = here
                .iter()
                .filter(|h| h.full && h.span.end <= bounds.end)
                .filter_map(|h| h.entity.map(|e| (h.span.clone(), e)))
                .filter(|(_, e)| book.entities[*e].kind == EntityKind::Person)
                .collect();
            self.variants(
                prose,
                bounds.clone(),
                Known {
                    full: &full,
                    named: &named,
                    named_in_full: &named_in_full,
                },
                (&mut buf, &mut words),
                &mut names,
            );
            // "President Choi": a title before a short name the matcher resolved to a
            // person is read as that person's too.
            let shorts: Vec<(Range<usize>, usize)> = here
                .iter()
                .filter(|h| !h.full && h.span.end <= bounds.end)
                .filter_map(|h| h.entity.map(|e| (h.span.clone(), e)))
                .filter(|(_, e)| book.entities[*e].kind == EntityKind::Person)
                .filter(|(span, _)| {
                    !names
                        .iter()
                        .any(|(n, _)| n.start < span.end && span.start < n.end)
                })
                // A short reference that takes in a title ("Governor Marek"): the name
                // is the short name it ends with.
                .map(|(span, e)| {
                    let text = &prose[span.clone()];
                    let core = book.entities[e]
                        .short_names
                        .iter()
                        .find(|s| s.len() < text.len() && ends_with_ignoring_case(text, s))
                        .map_or(span.start, |s| span.end - s.len());
                    (core..span.end, e)
                })
                .collect();
            let all_ends: Vec<usize> = names.iter().chain(&shorts).map(|(s, _)| s.end).collect();
            for (span, entity) in &shorts {
                if cited(&prose[bounds.start..span.start]) {
                    continue;
                }
                let before =
                    self.title_before(prose, (bounds.start, bounds.end), span.clone(), &all_ends);
                out.extend(before.map(|title| title_mention(prose, sentence, title, *entity)));
            }
            self.names_and_their_titles(prose, (sentence, bounds), names, &mut out);
        }
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out
    }

    /// A name mention for each full name (or variant) found in one sentence, with the
    /// titles written right before or after it; cited spellings are no use of a name.
    fn names_and_their_titles(
        &self,
        prose: &str,
        (sentence, bounds): (usize, Range<usize>),
        mut names: Vec<(Range<usize>, usize)>,
        out: &mut Vec<Mention>,
    ) {
        names.sort_by_key(|(span, _)| (span.start, span.end));
        let starts: Vec<usize> = names.iter().map(|(s, _)| s.start).collect();
        let ends: Vec<usize> = names.iter().map(|(s, _)| s.end).collect();
        for (span, entity) in names {
            if cited(&prose[bounds.start..span.start]) {
                continue;
            }
            let mut name = Mention::new(
                span.clone(),
                sentence,
                MentionKind::Name,
                MentionValue::Name(prose[span.clone()].to_string()),
            );
            name.entity = Some(entity);
            out.push(name);
            let titles = [
                self.title_before(prose, (bounds.start, bounds.end), span.clone(), &ends),
                self.title_after(prose, bounds.end, span.end, &starts),
            ];
            out.extend(
                titles
                    .into_iter()
                    .flatten()
                    .map(|title| title_mention(prose, sentence, title, entity)),
            );
        }
    }

    /// Spellings close to a person's name that the rulebook does not list, in one
    /// sentence: never overlapping a full name found there, never inside any name
    /// (a short name such as "Sardar Dawood Khan" included).
    fn variants(
        &self,
        prose: &str,
        sentence: Range<usize>,
        Known {
            full,
            named,
            named_in_full,
        }: Known,
        (buf, words): (&mut String, &mut Vec<Range<usize>>),
        out: &mut Vec<(Range<usize>, usize)>,
    ) {
        word_spans(prose, sentence, words);
        let words = &*words;
        for (i, span) in words.iter().enumerate() {
            let word = &prose[span.clone()];
            if !word.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            // A sentence's first word is capitalised whatever it is: only a lone slip
            // of a name, never written in lower case in the article, is read there.
            if i == 0 {
                self.lone_slip(prose, words, i, named_in_full, out);
                continue;
            }
            skeleton_into(strip_possessive(word), buf);
            let Some(owners) = self.by_surname.get(buf.as_str()) else {
                let before = out.len();
                self.slip(prose, words, i, (full, named), out);
                if out.len() == before {
                    self.lone_slip(prose, words, i, named_in_full, out);
                }
                continue;
            };
            if full
                .iter()
                .any(|f| f.start <= span.start && span.end <= f.end)
            {
                continue;
            }
            let first = self.first_name_word(prose, words, i);
            // Nor is a possessive after it ("Churchill's").
            let end = span.start + strip_possessive(word).len();
            // The longest run of given names that makes a variant of one person.
            let before = out.len();
            for from in &words[first..i] {
                let range = from.start..end;
                if full
                    .iter()
                    .any(|f| f.start < range.end && range.start < f.end)
                    || named
                        .iter()
                        .any(|n| n.start <= range.start && range.end <= n.end)
                {
                    continue;
                }
                let text = &prose[range.clone()];
                let written = name_words(text);
                if written.len() < 2 || self.known.contains(&fold(text)) {
                    continue;
                }
                let matching: Vec<usize> = owners
                    .iter()
                    .copied()
                    .filter(|&e| {
                        self.person(e)
                            .is_some_and(|p| p.forms.iter().any(|form| variant_of(&written, form)))
                    })
                    .collect();
                if let [entity] = matching.as_slice() {
                    out.push((range, *entity));
                    break;
                }
            }
            // A lone word whose skeleton is a surname's may still be a short name
            // misspelt.
            if out.len() == before
                && !full
                    .iter()
                    .chain(named)
                    .any(|f| f.start < span.end && span.start < f.end)
            {
                self.lone_slip(prose, words, i, named_in_full, out);
            }
        }
    }

    /// Where the run of name words ending at word `i` starts: capitalised words and
    /// particles joined by spaces or hyphens only (five at most), honorifics before the
    /// name ("Dr", "Sir", "Capt.") left out.
    fn first_name_word(&self, prose: &str, words: &[Range<usize>], i: usize) -> usize {
        let mut first = i;
        while first > 0 && i - first < 5 {
            let prev = &words[first - 1];
            let gap = &prose[prev.end..words[first].start];
            let joined = matches!(gap, " " | "-");
            let prev_word = &prose[prev.clone()];
            let name_like = prev_word.starts_with(|c: char| c.is_uppercase())
                || crate::lexicon::english()
                    .name_particles
                    .has(&prev_word.to_lowercase());
            if !joined || !name_like {
                break;
            }
            first -= 1;
        }
        while first < i && is_honorific(&self.vocabulary, &prose[words[first].clone()]) {
            first += 1;
        }
        first
    }

    /// "Kimikso's son" for Kimiko, in an article that named Kimiko Nickerson in full
    /// before: a lone capitalised word (no name word joined to it on either side), five
    /// letters or more, with the first letter kept and one letter away from a one-word
    /// short name of exactly one person
    /// the article has already named in full, and no known spelling of anyone.
    fn lone_slip(
        &self,
        prose: &str,
        words: &[Range<usize>],
        i: usize,
        named_in_full: &HashMap<usize, usize>,
        out: &mut Vec<(Range<usize>, usize)>,
    ) {
        if self.near_short.is_empty() || named_in_full.is_empty() {
            return;
        }
        // A slip keeps the first letter: only a word that starts as the short name of
        // someone named in full so far is looked up (most capitalised words are not).
        let initial = prose[words[i].clone()]
            .chars()
            .next()
            .map(|c| c.to_lowercase().next());
        let starts_as_one = named_in_full.keys().any(|&e| {
            self.person(e).is_some_and(|p| {
                p.shorts
                    .iter()
                    .any(|short| short.chars().next().map(Some) == initial)
            })
        });
        if !starts_as_one {
            return;
        }
        let capital = |k: usize| prose[words[k].clone()].starts_with(|c: char| c.is_uppercase());
        let joined = |a: usize, b: usize| matches!(&prose[words[a].end..words[b].start], " " | "-");
        if i > 0 && capital(i - 1) && joined(i - 1, i)
            || i + 1 < words.len() && capital(i + 1) && joined(i, i + 1)
        {
            return;
        }
        let bare = strip_possessive(&prose[words[i].clone()]);
        let written = squeeze(bare);
        if written.chars().count() < 5 || self.known.contains(&fold(bare)) {
            return;
        }
        let start = words[i].start;
        let mut matching: Vec<usize> = std::iter::once(written.clone())
            .chain(deletions(&written))
            .filter_map(|key| self.near_short.get(&key))
            .flatten()
            .copied()
            .filter(|e| named_in_full.get(e).is_some_and(|&first| first < start))
            .collect();
        matching.sort();
        matching.dedup();
        // "The Haqqanis": a letter added at the end is a plural or an ending, no slip.
        matching.retain(|&e| {
            self.person(e).is_some_and(|p| {
                p.shorts.iter().any(|short| {
                    one_slip(&written, short)
                        && !(written.len() > short.len() && written.starts_with(short.as_str()))
                })
            })
        });
        // A sentence's first word is capitalised whatever it is: there, only a word the
        // article never writes in lower case.
        let lower = bare.to_lowercase();
        if let [entity] = matching[..]
            && (i > 0 || !prose.contains(&format!(" {lower}")))
        {
            out.push((start..start + bare.len(), entity));
        }
    }

    /// "Sarah Marsj" for Sarah Marsh, "Anthony Malone" for Anthony Marrone: a person's
    /// first given name, exactly, then a surname one letter away from theirs (a letter
    /// added, dropped or changed, doubled letters counted once; five letters or more).
    fn slip(
        &self,
        prose: &str,
        words: &[Range<usize>],
        i: usize,
        (full, named): (&[Range<usize>], &[Range<usize>]),
        out: &mut Vec<(Range<usize>, usize)>,
    ) {
        if i == 0 {
            return;
        }
        let given = &prose[words[i - 1].clone()];
        if !self.near_given.contains(&given.to_lowercase()) {
            return;
        }
        let written = squeeze(strip_possessive(&prose[words[i].clone()]));
        if written.chars().count() < 5 {
            return;
        }
        let end = words[i].start + strip_possessive(&prose[words[i].clone()]).len();
        let range = words[i - 1].start..end;
        let between = &prose[words[i - 1].end..words[i].start];
        if between != " "
            || !given.starts_with(|c: char| c.is_uppercase())
            || self.known.contains(&fold(&prose[range.clone()]))
            || full
                .iter()
                .chain(named)
                .any(|f| f.start < range.end && range.start < f.end)
        {
            return;
        }
        let given = given.to_lowercase();
        let mut matching: Vec<usize> = std::iter::once(written.clone())
            .chain(deletions(&written))
            .filter_map(|key| self.near_surname.get(&key))
            .flatten()
            .copied()
            .filter(|&e| {
                self.person(e).is_some_and(|p| {
                    p.forms.iter().any(|form| {
                        form.len() >= 2
                            && form[0] == given
                            && form.last().is_some_and(|s| one_slip(&written, &squeeze(s)))
                    })
                })
            })
            .collect();
        matching.sort();
        matching.dedup();
        if let [entity] = matching[..] {
            out.push((range, entity));
        }
    }

    /// A title right before a name, in the same sentence: "Taliban refugees minister
    /// Khalil Haqqani", or set off by commas: "The interior minister, Sirajuddin
    /// Haqqani, said". It ends at another name (`names` are where names end); `to` is
    /// the end of the sentence.
    fn title_before(
        &self,
        prose: &str,
        (from, to): (usize, usize),
        name: Range<usize>,
        names: &[usize],
    ) -> Option<Range<usize>> {
        let mut pos = past_ranks(prose, from, name.start);
        let mut words: Vec<(Range<usize>, &str)> = Vec::new();
        let mut set_off = false;
        while words.len() < 8 {
            let Some((span, comma)) = word_before(prose, from, pos, words.is_empty()) else {
                break;
            };
            let word = &prose[span.clone()];
            if !self.title_like(word) || names.contains(&span.end) {
                break;
            }
            set_off |= comma;
            pos = span.start;
            words.push((span, word));
        }
        // "became home secretary and David Lammy was named": a connector right before
        // the name joins two clauses or two people; no title ends with one.
        if words
            .first()
            .is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "and" | "of" | "for"))
        {
            return None;
        }
        words.reverse();
        // The title starts at its first word that belongs to a title.
        let first = words.iter().position(|(_, w)| {
            let lower = stem(strip_possessive(&w.to_lowercase()));
            self.post_word(&lower) || self.is_qualifier(&lower)
        })?;
        let lead = &words[..first];
        let words = &words[first..];
        if !self.has_head(words.iter().map(|(_, w)| *w)) {
            return None;
        }
        if set_off && !is_apposition(prose, (from, to), &name, lead, words) {
            return None;
        }
        Some(words[0].0.start..words[words.len() - 1].0.end)
    }

    /// A title in apposition after a name: ", the interior minister," (an age between
    /// them is passed over: ", 58, the refugees minister,"). An apposition followed by
    /// another name is that name's ("…about Khalil Haqqani, the interior minister,
    /// Sirajuddin Haqqani, said").
    fn title_after(
        &self,
        prose: &str,
        to: usize,
        at: usize,
        names: &[usize],
    ) -> Option<Range<usize>> {
        let mut pos = at;
        let mut skipped_age = false;
        loop {
            let rest = prose[pos..to]
                .trim_start_matches(SPACES)
                .strip_prefix(',')?;
            let phrase_start = to - rest.trim_start_matches(SPACES).len();
            let end = prose[phrase_start..to]
                .find(|c: char| !(is_word_char(c) || SPACES.contains(&c)))
                .map_or(to, |i| phrase_start + i);
            let phrase = prose[phrase_start..end].trim_end_matches(SPACES);
            if phrase.is_empty() {
                return None;
            }
            if !skipped_age && phrase.bytes().all(|b| b.is_ascii_digit()) {
                skipped_age = true;
                pos = end;
                continue;
            }
            let closer = prose[end..to].chars().next();
            if !matches!(
                closer,
                None | Some(',' | '.' | ';' | ':' | '!' | '?' | ')' | '\u{2014}' | '\u{2013}')
            ) {
                return None;
            }
            if closer == Some(',') {
                let after = &prose[end + 1..to];
                let next = to - after.trim_start_matches(SPACES).len();
                if names.contains(&next) {
                    return None;
                }
            }
            if names.iter().any(|&n| phrase_start <= n && n < end) {
                return None;
            }
            let mut words: Vec<&str> = phrase.split(SPACES).filter(|w| !w.is_empty()).collect();
            // "the Taliban interior minister and nephew of …": the title is the part
            // before "and" when what follows is not a title.
            let title_like = |ws: &[&str]| ws.iter().all(|w| is_article(w) || self.title_like(w));
            if !title_like(&words)
                && let Some(and) = (0..words.len())
                    .rev()
                    .find(|&i| words[i] == "and" && title_like(&words[..i]))
            {
                words.truncate(and);
            }
            let fits = !words.is_empty() && words.len() <= 10 && title_like(&words);
            if !fits || !self.has_head(words.iter().copied()) {
                return None;
            }
            let lead = words.iter().take_while(|w| is_article(w)).count();
            let offset = |w: &str| w.as_ptr() as usize - phrase.as_ptr() as usize;
            let first = words[lead.min(words.len() - 1)];
            let last = words[words.len() - 1];
            return Some(phrase_start + offset(first)..phrase_start + offset(last) + last.len());
        }
    }

    /// Whether a word can stand in a title: a title word, a capitalised word, a
    /// qualifier, a connector.
    fn title_like(&self, word: &str) -> bool {
        if word.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let lower = stem(strip_possessive(&word.to_lowercase()));
        word.starts_with(|c: char| c.is_uppercase())
            || self.post_word(&lower)
            || crate::lexicon::english().title_current.has(lower.as_str())
            || matches!(lower.as_str(), "of" | "for" | "and")
    }

    /// Whether a word (lowercase, stemmed) names a post or when it was held: a word of
    /// a rulebook title, a head word, "former".
    fn post_word(&self, lower: &str) -> bool {
        self.title_words.contains(lower)
            || crate::lexicon::english().title_heads.has(lower)
            || crate::lexicon::english().title_past.has(lower)
    }

    fn has_head<'w>(&self, mut words: impl Iterator<Item = &'w str>) -> bool {
        words.any(|w| {
            let word = stem(&w.to_lowercase());
            crate::lexicon::english().title_heads.has(&word) || self.book_heads.contains(&word)
        })
    }

    fn is_qualifier(&self, lower: &str) -> bool {
        // "Pakistani" and "Afghan" qualify as "Pakistan" and "Afghanistan" do.
        self.qualifiers.iter().any(|q| {
            q == lower
                || lower.len() >= 5 && (q.starts_with(lower) || lower.starts_with(q.as_str()))
        })
    }

    /// A title as a bag of words: lowercase, without function words, qualifiers or
    /// plural endings, sorted.
    fn bag(&self, title: &str) -> Vec<String> {
        let mut bag: Vec<String> = words_of(&post_of(title))
            .into_iter()
            .map(|w| stem(&w))
            .filter(|w| {
                !crate::lexicon::english().title_connectors.has(w)
                    && !crate::lexicon::english().title_current.has(w)
                    && !self.is_qualifier(w)
            })
            .collect();
        bag.sort();
        bag.dedup();
        bag
    }

    /// How a title written beside a person compares with the rulebook's titles, in an
    /// article published `on` (when known): posts with dates are held between them.
    pub fn title_verdict(&self, entity: usize, found: &str, on: Option<Day>) -> TitleVerdict {
        let Some(person) = self.person(entity) else {
            return TitleVerdict::Unknown;
        };
        let lexicon = crate::lexicon::english();
        let words = words_of(found);
        if words.iter().any(|w| lexicon.title_past.has(w)) {
            return self.past_title_verdict(person, entity, found, &words, on);
        }
        let bag = self.bag(found);
        if bag.is_empty() {
            return TitleVerdict::Fits;
        }
        let matching: Vec<(&String, &Post)> = person
            .titles
            .iter()
            .filter(|(_, b, _)| *b == bag)
            .map(|(form, _, post)| (form, post))
            .collect();
        if !matching.is_empty() {
            return accepted_title_verdict(found, &matching, on);
        }
        let others = self.current_holders(entity, &bag, on);
        if !others.is_empty() {
            return TitleVerdict::HeldBy(others);
        }
        match person.misprint(found, &bag) {
            Some((closest, words)) => TitleVerdict::Misprint { closest, words },
            None => TitleVerdict::Unknown,
        }
    }

    /// The verdict on a title with a word that tells it as past (`words` are the
    /// title's words), written for `person`, the entity `entity`.
    ///
    /// "Former President": a post held no longer. Wrong only when the rulebook dates
    /// the post and it was still held on the publication day, or when the post is
    /// another's and never this person's; other past words ("then", "incoming") say
    /// nothing checkable.
    fn past_title_verdict(
        &self,
        person: &Person,
        entity: usize,
        found: &str,
        words: &[String],
        on: Option<Day>,
    ) -> TitleVerdict {
        let lexicon = crate::lexicon::english();
        let former = words.iter().any(|w| lexicon.title_former.has(w));
        if !former {
            return TitleVerdict::Unknown;
        }
        let bag: Vec<String> = self
            .bag(found)
            .into_iter()
            .filter(|w| !lexicon.title_past.has(w))
            .collect();
        let posts: Vec<&Post> = person
            .titles
            .iter()
            .filter(|(_, b, _)| *b == bag)
            .map(|(_, _, p)| p)
            .collect();
        if let Some(day) = on
            && !posts.is_empty()
            && posts.iter().all(|p| p.from.is_some() && p.held_on(day))
        {
            return TitleVerdict::StillHeld {
                post: posts[0].value.clone(),
            };
        }
        // Another's post is held against the person only when the rulebook keeps
        // their record of posts (it dates them): else they may have held it unlisted.
        let dated = person
            .titles
            .iter()
            .any(|(_, _, p)| p.from.is_some() || p.to.is_some());
        if posts.is_empty()
            && dated
            && bag.len() >= 2
            && let Some(holders) = self.holders.get(&bag)
        {
            let others: Vec<usize> = holders
                .iter()
                .map(|(e, _)| *e)
                .filter(|&e| e != entity)
                .collect();
            if !others.is_empty() {
                return TitleVerdict::HeldBy(others);
            }
        }
        TitleVerdict::Unknown
    }

    /// The people other than `entity` who hold the post `bag` names while the article
    /// is published `on` (any day, when unknown).
    fn current_holders(&self, entity: usize, bag: &[String], on: Option<Day>) -> Vec<usize> {
        // A post of one word ("spokesman", "president") is held by many people: only a
        // specific post ("interior minister") can be someone else's, and only while
        // they hold it.
        let Some(holders) = self.holders.get(bag).filter(|_| bag.len() >= 2) else {
            return Vec::new();
        };
        let mut others: Vec<usize> = holders
            .iter()
            .filter(|(e, post)| *e != entity && held(post, on))
            .map(|(e, _)| *e)
            .collect();
        others.dedup();
        others
    }
}

/// Whether a post is held in an article published `on` (always, when the day is
/// unknown).
fn held(post: &Post, on: Option<Day>) -> bool {
    on.is_none_or(|day| post.held_on(day))
}

/// The verdict on a title whose bag of words is one of the person's accepted forms:
/// `matching` are those forms, each with its post.
fn accepted_title_verdict(
    found: &str,
    matching: &[(&String, &Post)],
    on: Option<Day>,
) -> TitleVerdict {
    let lexicon = crate::lexicon::english();
    // "President Choi" of an acting president: the provisional word is part of
    // the post.
    let provisional = |t: &str| words_of(t).iter().any(|w| lexicon.title_provisional.has(w));
    if !provisional(found) && matching.iter().all(|(form, _)| provisional(form)) {
        return TitleVerdict::Misprint {
            closest: matching[0].0.clone(),
            words: Vec::new(),
        };
    }
    if matching.iter().any(|(_, post)| held(post, on)) {
        return TitleVerdict::Fits;
    }
    let post = matching[0].1;
    TitleVerdict::NotHeld {
        post: post.value.clone(),
        from: post.from,
        to: post.to,
    }
}

impl Person {
    /// The accepted form a title (`found`, as the bag of words `bag`) is a misprint of,
    /// with the words that differ (as written, as accepted): the form whose differing
    /// words are nearest.
    fn misprint(&self, found: &str, bag: &[String]) -> Option<(String, Vec<(String, String)>)> {
        // A misprint: the same number of words, each the same or nearly so.
        // (score, accepted form, words that differ)
        type Candidate<'a> = (f64, &'a str, Vec<(String, String)>);
        let mut best: Option<Candidate> = None;
        for (form, accepted, _) in &self.titles {
            let Some((score, pairs)) = misprinted_words(found, bag, form, accepted) else {
                continue;
            };
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, form, pairs));
            }
        }
        best.map(|(_, closest, words)| (closest.to_string(), words))
    }
}

/// Whether a title (`found`, as the bag of words `bag`) is a misprint of the accepted
/// `form` (as the bag `accepted`): how alike the differing words are, and the pairs of
/// them (as written, as accepted).
fn misprinted_words(
    found: &str,
    bag: &[String],
    form: &str,
    accepted: &[String],
) -> Option<(f64, Vec<(String, String)>)> {
    if accepted.len() != bag.len() {
        return None;
    }
    let found_only: Vec<&String> = bag.iter().filter(|w| !accepted.contains(w)).collect();
    let accepted_only: Vec<&String> = accepted.iter().filter(|w| !bag.contains(w)).collect();
    if found_only.len() != accepted_only.len() || found_only.len() > 2 {
        return None;
    }
    let mut pairs = Vec::new();
    let mut score = 0.0;
    let mut used = vec![false; accepted_only.len()];
    for f in &found_only {
        let pick = accepted_only
            .iter()
            .enumerate()
            .filter(|(j, _)| !used[*j])
            .map(|(j, a)| (strsim::jaro_winkler(f, a), j))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match pick {
            Some((s, j))
                if s >= 0.88
                    && f.len() >= 4
                    && f.chars().next() == accepted_only[j].chars().next() =>
            {
                used[j] = true;
                score += s;
                pairs.push((written_form(found, f), written_form(form, accepted_only[j])));
            }
            _ => {
                pairs.clear();
                break;
            }
        }
    }
    // "Chief of Texas Department of Emergency Management" for the Division: one
    // word of a long title replaced by another, the rest as accepted.
    if pairs.is_empty() && found_only.len() == 1 && accepted.len() >= 4 {
        pairs.push((
            written_form(found, found_only[0]),
            written_form(form, accepted_only[0]),
        ));
    }
    if pairs.is_empty() {
        return None;
    }
    Some((score, pairs))
}

/// The word ending just before `pos` (and after `from`), when only spaces (or, once,
/// with `comma`, a comma) stand between; and whether a comma was passed over.
fn word_before(prose: &str, from: usize, pos: usize, comma: bool) -> Option<(Range<usize>, bool)> {
    let before = &prose[from..pos];
    let mut trimmed = before.trim_end_matches(SPACES);
    let mut took_comma = false;
    if comma && let Some(rest) = trimmed.strip_suffix(',') {
        trimmed = rest;
        took_comma = true;
    } else if trimmed.len() == before.len() {
        return None;
    }
    let end = from + trimmed.len();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map(|(i, _)| from + i)?;
    Some((start..end, took_comma))
}

/// Where a name starting at `start` begins once the ranks written right before it are
/// counted in (none before `from`).
fn past_ranks(prose: &str, from: usize, start: usize) -> usize {
    let mut pos = start;
    // A rank right before the name is part of how the name is written ("army chief
    // General Asim Munir"), not of the post.
    while let Some((span, false)) = word_before(prose, from, pos, false) {
        let word = prose[span.clone()].to_lowercase();
        if !crate::lexicon::english()
            .ranks
            .has(word.trim_end_matches('.'))
        {
            break;
        }
        pos = span.start;
    }
    pos
}

/// Whether the `words` of a title set off by a comma from the name after it stand as an
/// apposition, in the sentence `from..to`; `lead` are the words before the title.
fn is_apposition(
    prose: &str,
    (from, to): (usize, usize),
    name: &Range<usize>,
    lead: &[(Range<usize>, &str)],
    words: &[(Range<usize>, &str)],
) -> bool {
    // Set off by commas, the title must open its clause ("the interior
    // minister, X,"; "Pakistan's foreign minister, X,") and the name must close
    // the apposition: "a message to the interior minister, X wrote" is no title.
    let opens = match lead.last() {
        Some((_, w)) => is_determiner(w),
        None => {
            let start = words[0].0.start;
            let before = prose[from..start].trim_end_matches(SPACES);
            before.is_empty()
                || before.ends_with([',', ';', ':', '(', '\u{2014}', '\u{2013}'])
                || words[0].1.ends_with("'s")
                || words[0].1.ends_with("\u{2019}s")
                || before.rsplit(' ').next().is_some_and(is_determiner)
        }
    };
    let closes = matches!(
        prose[name.end..to]
            .trim_start_matches(SPACES)
            .chars()
            .next(),
        None | Some(',' | '.' | ';' | ':' | ')' | '\u{2014}' | '\u{2013}')
    );
    opens && closes
}

/// How a name written for a person compares with the rulebook's spellings of them.
///
/// A desk that lists "Yoon Suk-yeol" as an alias of "Yoon Suk Yeol" tells the two apart by
/// a hyphen, and "Choi Sang-Mok" from "Choi Sang-mok" by case: the written form is compared
/// exactly first, then ignoring case, then ignoring hyphens, and at each step the house
/// spelling before the aliases.
pub fn spelling(house: &str, aliases: &[String], written: &str) -> Spelling {
    let exact = |s: &str| {
        s.replace('\u{2019}', "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let tiers: [&dyn Fn(&str) -> String; 3] = [&exact, &|s: &str| exact(s).to_lowercase(), &fold];
    for form in tiers {
        let written = form(written);
        if form(house) == written {
            return Spelling::House;
        }
        if aliases.iter().any(|a| form(a) == written) {
            return Spelling::Alias;
        }
    }
    Spelling::Unknown
}

/// A name as one comparable string: lowercase, hyphens as spaces, single spaces,
/// typographic apostrophes plain.
pub fn fold(name: &str) -> String {
    name.to_lowercase()
        .replace('-', " ")
        .replace('\u{2019}', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the words before a name in its clause cite the name rather than use it.
fn cited(before: &str) -> bool {
    let clause = before
        .rfind([',', ';', ':', '(', '\u{2014}', '\u{2013}'])
        .map_or(before, |i| &before[i..]);
    let lower = clause.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| crate::lexicon::english().cited.has(w))
        || words.windows(2).any(|p| {
            matches!(
                p,
                ["also", "called"] | ["written", "as"] | ["also", "written"]
            )
        })
}

/// The words of a name, lowercase, without particles, honorifics or a possessive.
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            strip_possessive(&w.to_lowercase())
                .trim_matches('.')
                .to_string()
        })
        .filter(|w| {
            !w.is_empty()
                && !crate::lexicon::english().name_particles.has(w)
                && !crate::lexicon::english().name_honorifics.has(w)
        })
        .collect()
}

/// A word in lower case with doubled letters written once ("Marrone" → "marone").
fn squeeze(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The word with each one of its letters left out in turn.
fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices()
        .map(move |(i, c)| format!("{}{}", &word[..i], &word[i + c.len_utf8()..]))
}

/// Whether two different words are one letter apart: one added, dropped or changed.
fn one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    // What is left between the common start and the common end: at most one letter
    // on each side.
    a.len() - prefix - suffix <= 1 && b.len() - prefix - suffix <= 1
}

/// Whether a name written as `written` (words without particles) can be a spelling of
/// a known `form`: the same surname, the same first given name, and every other given
/// name one of the form's, in order.
fn variant_of(written: &[String], form: &[String]) -> bool {
    let (Some((surname, given)), Some((form_surname, form_given))) =
        (written.split_last(), form.split_last())
    else {
        return false;
    };
    if given.is_empty() || form_given.is_empty() || !same_word(surname, form_surname) {
        return false;
    }
    if !same_word(&given[0], &form_given[0]) {
        return false;
    }
    let mut next = 1;
    for word in &given[1..] {
        match form_given[next..].iter().position(|f| same_word(word, f)) {
            Some(at) => next += at + 1,
            None => return false,
        }
    }
    true
}

/// Whether two name words are one word in different transliterations: the same, or
/// the same skeleton (at four letters or more), or the same once a particle written
/// onto the first is set aside ("Khalilur").
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    same_skeleton(a, b)
        || crate::lexicon::english().glued_particles.iter().any(|g| {
            a.strip_suffix(g.as_str())
                .is_some_and(|stem| stem.len() >= 3 && (stem == b || same_skeleton(stem, b)))
        })
}

fn same_skeleton(a: &str, b: &str) -> bool {
    a.len() >= 4 && b.len() >= 4 && skeleton(a) == skeleton(b)
}

/// The letters of a word that transliteration keeps: the first, then every consonant
/// but h, w and y, with doubled letters written once and q as k.
fn skeleton(word: &str) -> String {
    let mut out = String::new();
    skeleton_into(word, &mut out);
    out
}

fn skeleton_into(word: &str, out: &mut String) {
    out.clear();
    let mut last = None;
    for (i, c) in word.chars().enumerate() {
        let c = match c.to_ascii_lowercase() {
            'q' | 'c' => 'k',
            c => c,
        };
        if i > 0
            && (matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | 'h') || !c.is_alphabetic())
        {
            continue;
        }
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
}

/// The post a title names, without who it is a post of: what stands before a
/// possessive ("South Korea's acting President", "Pakistan’s Defense Minister") and
/// abbreviations in capitals ("US President", "U.S. Senator", "UN envoy") qualify the
/// post, as a rulebook's places and groups do.
fn post_of(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let possessive = |w: &str| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
        w.ends_with("'s")
            || w.ends_with("\u{2019}s")
            || w.ends_with("s'")
            || w.ends_with("s\u{2019}")
    };
    let start = words
        .iter()
        .rposition(|w| possessive(w))
        .filter(|&i| i + 1 < words.len())
        .map_or(0, |i| i + 1);
    words[start..]
        .iter()
        .filter(|w| {
            let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
            let abbreviation = (2..=4).contains(&letters.chars().count())
                && letters.chars().all(|c| c.is_uppercase())
                && (w.contains('.') || letters.chars().count() <= 3);
            !abbreviation
        })
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a word is an honorific or a rank written before a name: the lexicon's
/// list, with or without its full stop.
fn is_honorific(vocabulary: &crate::lexicon::Vocabulary, word: &str) -> bool {
    let lower = word.to_lowercase();
    let bare = lower.trim_end_matches('.');
    let honorifics = &vocabulary.honorifics;
    crate::lexicon::english().name_honorifics.has(bare)
        || honorifics.has(&lower)
        || honorifics.has(bare)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('\u{2019}'))
        .unwrap_or(word)
}

/// A plural ending set aside: "refugees" → "refugee", "affairs" → "affair".
fn stem(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(rest) if rest.len() >= 4 && !rest.ends_with('s') && !rest.ends_with('u') => {
            rest.to_string()
        }
        _ => word.to_string(),
    }
}

/// The words of a title, lowercase, without possessives.
fn words_of(title: &str) -> Vec<String> {
    title
        .split(|c: char| !(is_word_char(c)) || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| strip_possessive(&w.to_lowercase()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The word of `title` whose bag form is `word`, as written there.
fn written_form(title: &str, word: &str) -> String {
    title
        .split(|c: char| !is_word_char(c))
        .find(|w| stem(strip_possessive(&w.to_lowercase())) == word)
        .unwrap_or(word)
        .to_string()
}

fn is_article(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "the" | "a" | "an")
}

/// Words that open a noun phrase: "the", "its", "their".
fn is_determiner(word: &str) -> bool {
    is_article(word)
        || matches!(
            word.to_lowercase().as_str(),
            "its" | "their" | "his" | "her" | "our" | "whose"
        )
}

/// Spaces between words (the prose is in normal form: no-break spaces are plain).
const SPACES: [char; 1] = [' '];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-')
}

/// The spans of the words of a stretch of text, into `out`.
fn word_spans(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = None;
    for (i, c) in text[range.clone()].char_indices() {
        let inside = c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}');
        match (inside, start) {
            (true, None) => start = Some(range.start + i),
            (false, Some(s)) => {
                out.push(s..range.start + i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..range.end);
    }
}

/// The head word of a title, lowercase and stemmed: the last word before its first
/// "of", "for" or "to" ("minister" of "Minister of Refugees", "judge" of "county
/// judge"). None for a title without words.
pub(crate) fn title_head(title: &str) -> Option<String> {
    let words = words_of(&post_of(title));
    let before: Vec<&String> = words
        .iter()
        .take_while(|w| !matches!(w.as_str(), "of" | "for" | "to"))
        .collect();
    before.last().map(|w| stem(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str) -> Vec<String> {
        name_words(name)
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(skeleton("rahman"), skeleton("rehman"));
        assert_eq!(skeleton("haqqani"), skeleton("haqqany"));
        assert_eq!(skeleton("khalil"), skeleton("kalil"));
        assert_ne!(skeleton("khalil"), skeleton("khalid"));
        assert_ne!(skeleton("sirajuddin"), skeleton("jalaluddin"));
    }

    #[test]
    fn variants_need_surname_and_first_given_name() {
        let house = words("Khalil Haqqani");
        let alias = words("Khalil Rahman Haqqani");
        assert!(variant_of(&words("Khalil Haqqany"), &house));
        assert!(variant_of(&words("Kalil Haqqani"), &house));
        assert!(variant_of(&words("Khalil-ul-Rahman Haqqani"), &alias));
        assert!(variant_of(&words("Khalilur Rahman Haqqani"), &alias));
        assert!(!variant_of(&words("Sirajuddin Haqqani"), &house));
        assert!(!variant_of(&words("Jalaluddin Haqqani"), &alias));
        assert!(!variant_of(&words("Khalid Haqqani"), &house));
        assert!(!variant_of(&words("Haqqani"), &house));
    }

    #[test]
    fn spellings_fold_case_and_hyphens() {
        let aliases = vec!["Khalil-ur-Rahman Haqqani".to_string()];
        assert_eq!(
            spelling("Khalil Haqqani", &aliases, "KHALIL HAQQANI"),
            Spelling::House
        );
        assert_eq!(
            spelling("Khalil Haqqani", &aliases, "Khalil ur Rahman Haqqani"),
            Spelling::Alias
        );
        assert_eq!(
            spelling("Khalil Haqqani", &aliases, "Khalil Haqqany"),
            Spelling::Unknown
        );
    }

    #[test]
    fn one_letter_apart() {
        assert!(one_slip(&squeeze("Marsj"), &squeeze("Marsh")));
        assert!(one_slip(&squeeze("Malone"), &squeeze("Marrone")));
        assert!(one_slip("carter", "carver"));
        assert!(one_slip("marsh", "marsha"));
        assert!(!one_slip("marsh", "marsh"));
        assert!(!one_slip("mallory", "marrone"));
        assert!(!one_slip("marsh", "march!!"));
        assert!(!one_slip("abcde", "badce"));
    }

    #[test]
    fn an_alias_that_differs_by_a_hyphen_or_case_is_the_alias() {
        let aliases = vec!["Yoon Suk-yeol".to_string(), "Choi Sang-Mok".to_string()];
        let cases = [
            ("Yoon Suk Yeol", "Yoon Suk-yeol", Spelling::Alias),
            ("Yoon Suk Yeol", "Yoon Suk Yeol", Spelling::House),
            ("Yoon Suk Yeol", "YOON SUK YEOL", Spelling::House),
            ("Choi Sang-mok", "Choi Sang-Mok", Spelling::Alias),
            ("Choi Sang-mok", "CHOI SANG-MOK", Spelling::House),
            ("Choi Sang-mok", "Choi Sang Mok", Spelling::House),
        ];
        for (house, written, want) in cases {
            assert_eq!(spelling(house, &aliases, written), want, "{written}");
        }
    }

    #[test]
    fn plural_endings_and_possessives_set_aside() {
        assert_eq!(stem("refugees"), "refugee");
        assert_eq!(stem("affairs"), "affair");
        assert_eq!(stem("chiefs"), "chief");
        assert_eq!(stem("boss"), "boss");
        assert_eq!(strip_possessive("taliban's"), "taliban");
    }
}
