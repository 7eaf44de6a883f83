//! Full-text search with an embedded engine (tantivy): every query ranked by BM25 with field
//! weights, each practice stemmed in its own language, Persian and Arabic spellings made one,
//! phrases, prefixes, and a retry with typos corrected when the words find nothing. The index
//! is derived from the database and does not depend on its back-end.

pub mod analysis;
pub mod index;
pub mod query;
pub mod source;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use crate::db::DbConnection;
use tantivy::directory::error::LockError;
use tantivy::indexer::{LogMergePolicy, NoMergePolicy};
use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, TantivyError, Term};

use self::index::{Fields, Matches, Synced};
use self::query::Part;
use crate::error::AppError;
use crate::ids::PracticeId;
use crate::progress::Progress;
use crate::taxonomy::Language;

/// Below this many practices to index, the index is built before the portal answers (it
/// takes a second); above, the portal answers at once and the index fills in behind.
pub const BUILD_BEFORE_SERVING: usize = 5_000;

/// Practices read from the database and indexed at a time while building.
const BATCH: usize = 2_000;
/// How long a snippet is, in characters.
const SNIPPET_CHARS: usize = 220;

/// A piece of snippet text, `hit` when it matched the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// The practices a search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Best first when ranked, otherwise in no particular order.
    pub ids: Vec<PracticeId>,
    /// When the words as typed found nothing and corrected ones did: the search shown.
    pub corrected: Option<String>,
}

pub struct SearchIndex {
    index: Index,
    fields: Fields,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    building: AtomicBool,
    /// The catalogue version of the last commit, -1 before any.
    version: AtomicI64,
    vocabulary: Mutex<Option<(u64, Arc<Vocabulary>)>>,
}

/// The words of the index, for typo retries.
struct Vocabulary {
    /// Indexed by length in characters.
    by_length: Vec<Vec<KnownWord>>,
}

struct KnownWord {
    chars: Vec<char>,
    frequency: u32,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("synced", &Synced::read(&self.index))
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// The index kept in `dir`, made empty when missing or of another layout.
    pub fn open(dir: &Path) -> Result<SearchIndex, AppError> {
        let (index, fields, _) = index::open(dir).map_err(AppError::Search)?;
        SearchIndex::with(index, fields).map_err(|error| match error {
            // One writer per index: each portal process keeps its own.
            AppError::Search(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                AppError::Unusable {
                    path: dir.to_owned(),
                    problem: "is the search index of another portal process; give each \
                              process its own (--search-index or PORTAL_SEARCH_INDEX)",
                }
            }
            other => other,
        })
    }

    /// Deletes the index in `dir` and builds it again from the database at catalogue
    /// `version`; returns how many practices it holds.
    pub fn rebuild(
        dir: &Path,
        conn: &mut DbConnection,
        version: i64,
        progress: &Progress,
    ) -> Result<usize, AppError> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(AppError::file("remove", dir))?;
        }
        SearchIndex::open(dir)?.sync_unless(conn, version, &|| false, progress)
    }

    /// An index in memory (tests of the engine).
    pub fn in_memory() -> Result<SearchIndex, AppError> {
        let (index, fields) = index::in_memory();
        SearchIndex::with(index, fields)
    }

    fn with(index: Index, fields: Fields) -> Result<SearchIndex, AppError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let writer = index
            .writer_with_num_threads(threads, 40_000_000 * threads)
            .map_err(AppError::Search)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(AppError::Search)?;
        Ok(SearchIndex {
            fields,
            reader,
            writer: Mutex::new(writer),
            building: AtomicBool::new(false),
            vocabulary: Mutex::new(None),
            version: AtomicI64::new(Synced::read(&index).map_or(-1, |synced| synced.version)),
            index,
        })
    }

    /// The catalogue version the index reflects, if it holds any.
    pub fn version(&self) -> Option<i64> {
        Some(self.version.load(Ordering::Relaxed)).filter(|&version| version >= 0)
    }

    /// True while a large part of the index is being built: searches answer from what is
    /// there, and the page says so.
    pub fn is_building(&self) -> bool {
        self.building.load(Ordering::Relaxed)
    }

    pub fn mark_building(&self) {
        self.building.store(true, Ordering::Relaxed);
    }

    pub fn stop_building(&self) {
        self.building.store(false, Ordering::Relaxed);
    }

    /// Brings the index to catalogue `version`: practices published, changed or gone since
    /// the last sync are indexed again or removed; nothing else is touched.
    pub fn sync(&self, conn: &mut DbConnection, version: i64) -> Result<usize, AppError> {
        self.sync_unless(conn, version, &|| false, &Progress::hidden())
    }

    /// `sync`, given up between two batches once `stopping` says so: what was indexed by then
    /// is kept, and the index still says it reflects the version before, so that the next
    /// sync goes on from there.
    pub fn sync_unless(
        &self,
        conn: &mut DbConnection,
        version: i64,
        stopping: &dyn Fn() -> bool,
        progress: &Progress,
    ) -> Result<usize, AppError> {
        let mut writer = self.writer.lock().expect("index writer lock");
        if self.version() == Some(version) {
            return Ok(0);
        }
        let synced = Synced::read(&self.index).unwrap_or_default();
        let published = source::published_changes(conn)?;
        let indexed = index::indexed(&self.reader.searcher()).map_err(AppError::Search)?;
        let stale: Vec<PracticeId> = published
            .iter()
            .filter(|(id, stamp)| indexed.get(id) != Some(stamp))
            .map(|(id, _)| *id)
            .collect();
        let current: HashSet<PracticeId> = published.iter().map(|(id, _)| *id).collect();
        let gone: Vec<PracticeId> = indexed
            .keys()
            .filter(|id| !current.contains(id))
            .copied()
            .collect();
        let large = stale.len() > BATCH;
        progress.add_to_total(stale.len() as u64);
        if large {
            self.mark_building();
            // Merged once at the end instead of step by step while building.
            writer.set_merge_policy(Box::new(NoMergePolicy));
        }
        for &id in &gone {
            index::remove(&writer, &self.fields, id);
        }
        for (number, batch) in stale.chunks(BATCH).enumerate() {
            if stopping() {
                index::commit(&mut writer, &synced).map_err(AppError::Search)?;
                self.stop_building();
                tracing::info!(indexed = number * BATCH, "search index build paused");
                return Ok(number * BATCH);
            }
            for practice in source::search_documents(conn, batch)? {
                index::replace(&writer, &self.fields, &practice).map_err(AppError::Search)?;
            }
            progress.advance(batch.len() as u64);
            // A long build shows its progress, and a restart goes on from there.
            if large && number % 10 == 9 {
                index::commit(&mut writer, &synced).map_err(AppError::Search)?;
                self.reader.reload().map_err(AppError::Search)?;
            }
        }
        index::commit(
            &mut writer,
            &Synced {
                version,
                ..Synced::default()
            },
        )
        .map_err(AppError::Search)?;
        if large {
            // A build leaves a segment per batch or so, and every search visits each one:
            // one segment answers a query several times faster. Searches are right either
            // way, so a merge that fails is only logged.
            if let Err(error) = index::merge_all(&self.index, &mut writer) {
                tracing::warn!(%error, "the search index could not be merged into one segment");
            }
            writer.set_merge_policy(Box::new(LogMergePolicy::default()));
        }
        self.reader.reload().map_err(AppError::Search)?;
        self.version.store(version, Ordering::Relaxed);
        self.stop_building();
        tracing::info!(
            version,
            indexed = stale.len(),
            removed = gone.len(),
            "search index synced"
        );
        Ok(stale.len() + gone.len())
    }

    /// The practices `text` finds; `None` when it holds nothing searchable. With `exact`
    /// false, words that find nothing are retried corrected.
    pub fn find(&self, text: &str, ranked: bool, exact: bool) -> Result<Option<Found>, AppError> {
        let parts = query::parts(text);
        let Some(built) = self.query(&parts) else {
            return Ok(None);
        };
        let searcher = self.reader.searcher();
        let ids = self.run(&searcher, &*built, ranked)?;
        if !ids.is_empty() || exact {
            return Ok(Some(Found {
                ids,
                corrected: None,
            }));
        }
        let corrections = self.corrections(&searcher, &parts)?;
        if corrections.is_empty() {
            return Ok(Some(Found::default()));
        }
        let better = query::corrected(&parts, &corrections);
        let ids = match self.query(&better) {
            Some(retry) => self.run(&searcher, &*retry, ranked)?,
            None => Vec::new(),
        };
        let corrected = (!ids.is_empty()).then(|| query::written(&better));
        Ok(Some(Found { ids, corrected }))
    }

    fn run(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        ranked: bool,
    ) -> Result<Vec<PracticeId>, AppError> {
        let matches = Matches {
            scored: ranked,
            stamped: false,
        };
        let found = searcher.search(query, &matches).map_err(AppError::Search)?;
        // Unranked, the catalogue puts the matches in the order asked for.
        if !ranked {
            return Ok(found.into_iter().map(|hit| hit.id).collect());
        }
        // Best score first, then the higher id: as one integer each, since sorting every
        // match of a common word is a good part of such a search.
        let mut keys: Vec<u64> = found
            .iter()
            .map(|hit| u64::from(ordered_bits(hit.score)) << 32 | u64::from(hit.id.0 as u32))
            .collect();
        keys.sort_unstable_by(|a, b| b.cmp(a));
        Ok(keys
            .into_iter()
            .map(|key| PracticeId(key as u32 as i32))
            .collect())
    }

    /// The engine's query for these parts: every part required, each found in any language's
    /// fields. `None` when no part gives a term.
    fn query(&self, parts: &[Part]) -> Option<Box<dyn Query>> {
        let required: Vec<(Occur, Box<dyn Query>)> = parts
            .iter()
            .filter_map(|part| self.part_query(part))
            .map(|query| (Occur::Must, query))
            .collect();
        (!required.is_empty()).then(|| Box::new(BooleanQuery::new(required)) as Box<dyn Query>)
    }

    fn part_query(&self, part: &Part) -> Option<Box<dyn Query>> {
        let tokenizers = self.index.tokenizers();
        if let Part::Prefix(prefix) = part {
            let mut terms = analysis::terms(tokenizers, analysis::PLAIN, prefix);
            let last = terms.pop()?;
            let mut all: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|term| (Occur::Must, self.term_query(self.fields.plain, term)))
                .collect();
            all.push((
                Occur::Must,
                Box::new(FuzzyTermQuery::new_prefix(
                    Term::from_field_text(self.fields.plain, &last),
                    0,
                    true,
                )),
            ));
            return Some(Box::new(BooleanQuery::new(all)));
        }
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for slot in 0..index::SLOTS {
            let terms = analysis::terms(tokenizers, index::slot_analyzer(slot), part.text());
            if terms.is_empty() {
                continue;
            }
            for (field, weight) in [
                (self.fields.title[slot], index::TITLE_WEIGHT),
                (self.fields.summary[slot], index::SUMMARY_WEIGHT),
                (self.fields.body[slot], index::BODY_WEIGHT),
            ] {
                let matched: Box<dyn Query> = if terms.len() == 1 {
                    self.term_query(field, &terms[0])
                } else {
                    Box::new(PhraseQuery::new(
                        terms
                            .iter()
                            .map(|term| Term::from_field_text(field, term))
                            .collect(),
                    ))
                };
                alternatives.push((Occur::Should, Box::new(BoostQuery::new(matched, weight))));
            }
        }
        (!alternatives.is_empty())
            .then(|| Box::new(BooleanQuery::new(alternatives)) as Box<dyn Query>)
    }

    fn term_query(&self, field: tantivy::schema::Field, term: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, term),
            IndexRecordOption::WithFreqs,
        ))
    }

    /// For each word the index does not hold, the nearest word it does (fewest mistakes,
    /// then the most common), within the mistakes the word's length tolerates.
    fn corrections(
        &self,
        searcher: &Searcher,
        parts: &[Part],
    ) -> Result<Vec<(String, String)>, AppError> {
        let tokenizers = self.index.tokenizers();
        // (as typed, as indexed, mistakes tolerated)
        let mut unknown: Vec<(String, Vec<char>, usize)> = Vec::new();
        for part in parts {
            let Part::Word(word) = part else { continue };
            let [term] = &analysis::terms(tokenizers, analysis::PLAIN, word)[..] else {
                continue;
            };
            let term = term.clone();
            let known = searcher
                .doc_freq(&Term::from_field_text(self.fields.plain, &term))
                .map_err(AppError::Search)?
                > 0;
            let tolerated = query::tolerated_mistakes(&term);
            if !known && tolerated > 0 {
                unknown.push((word.clone(), term.chars().collect(), tolerated));
            }
        }
        if unknown.is_empty() {
            return Ok(Vec::new());
        }
        let vocabulary = self.vocabulary(searcher)?;
        Ok(unknown
            .into_iter()
            .filter_map(|(word, typed, limit)| {
                let lengths = typed.len().saturating_sub(limit)..=typed.len() + limit;
                // (mistakes, -frequency, word): fewest mistakes, then the most common.
                let best = lengths
                    .filter_map(|length| vocabulary.by_length.get(length))
                    .flatten()
                    .filter_map(|known| {
                        let mistakes = query::chars_within(&typed, &known.chars, limit)?;
                        Some((mistakes, -i64::from(known.frequency), &known.chars))
                    })
                    .min()?;
                Some((word, best.2.iter().collect()))
            })
            .collect())
    }

    /// The words the index holds, by length, as of this searcher's generation (read once a
    /// generation: a typo retry then only compares words of about the typed one's length).
    fn vocabulary(&self, searcher: &Searcher) -> Result<Arc<Vocabulary>, AppError> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.vocabulary.lock().expect("vocabulary lock");
        if let Some((at, vocabulary)) = cached.as_ref() {
            if *at == generation {
                return Ok(Arc::clone(vocabulary));
            }
        }
        let mut frequencies: HashMap<String, u32> = HashMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment
                .inverted_index(self.fields.plain)
                .map_err(AppError::Search)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(|error| AppError::Search(error.into()))?;
            while stream.advance() {
                if let Ok(word) = std::str::from_utf8(stream.key()) {
                    *frequencies.entry(word.to_owned()).or_default() += stream.value().doc_freq;
                }
            }
        }
        let mut by_length: Vec<Vec<KnownWord>> = Vec::new();
        for (word, frequency) in frequencies {
            let chars: Vec<char> = word.chars().collect();
            if by_length.len() <= chars.len() {
                by_length.resize_with(chars.len() + 1, Vec::new);
            }
            by_length[chars.len()].push(KnownWord { chars, frequency });
        }
        let vocabulary = Arc::new(Vocabulary { by_length });
        *cached = Some((generation, Arc::clone(&vocabulary)));
        Ok(vocabulary)
    }

    /// For snippets of practices in `language`: the generator, and the terms `parts` are
    /// looked for as there.
    fn snippet_tools(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        parts: &[Part],
        language: Language,
    ) -> Result<(SnippetGenerator, Vec<String>), AppError> {
        let slot = index::language_slot(language);
        let mut generator = SnippetGenerator::create(searcher, query, self.fields.body[slot])
            .map_err(AppError::Search)?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        let analyzer = analysis::analyzer_name(language);
        let terms = parts
            .iter()
            .flat_map(|part| analysis::terms(self.index.tokenizers(), analyzer, part.text()))
            .collect();
        Ok((generator, terms))
    }

    /// For each of `practices` (each with the language it is written in), the best passage
    /// of the first of its sections that matched `text`, matched words marked; read section by
    /// section (see `source::section_texts`).
    pub fn snippets(
        &self,
        conn: &mut DbConnection,
        text: &str,
        practices: &[(PracticeId, Language)],
    ) -> Result<HashMap<PracticeId, Vec<Segment>>, AppError> {
        let parts = query::parts(text);
        let Some(query) = self.query(&parts) else {
            return Ok(HashMap::new());
        };
        let searcher = self.reader.searcher();
        // Per language: the generator, and the terms the query looks for there.
        let mut generators: HashMap<usize, (SnippetGenerator, Vec<String>)> = HashMap::new();
        let mut snippets = HashMap::new();
        let languages: HashMap<PracticeId, Language> = practices.iter().copied().collect();
        let mut unmatched: Vec<PracticeId> = practices.iter().map(|&(id, _)| id).collect();
        for section in source::Section::ALL {
            if unmatched.is_empty() {
                break;
            }
            for (id, section) in source::section_texts(conn, section, &unmatched)? {
                let Some(&language) = languages.get(&id) else {
                    continue;
                };
                let slot = index::language_slot(language);
                let (generator, terms) = match generators.entry(slot) {
                    std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
                    std::collections::hash_map::Entry::Vacant(entry) => {
                        entry.insert(self.snippet_tools(&searcher, &*query, &parts, language)?)
                    }
                };
                // Analysing a passage (stemming every word) is most of a snippet's cost, so a
                // section is analysed only when a searched stem starts one of its words as
                // written (stems nearly always start the words they come from).
                let snippet = around_first(&section, terms)
                    .map(|passage| generator.snippet(passage))
                    .filter(|snippet| !snippet.highlighted().is_empty());
                if let Some(snippet) = snippet {
                    snippets.insert(id, segments(snippet.fragment(), snippet.highlighted()));
                }
            }
            unmatched.retain(|id| !snippets.contains_key(id));
        }
        Ok(snippets)
    }
}

/// `score`'s bits, ordered as the scores are (IEEE 754 total order).
fn ordered_bits(score: Score) -> u32 {
    let bits = score.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// The passage of `section` around the first word that starts with one of `terms`, a little
/// longer than a snippet; `None` when there is none.
fn around_first<'a>(section: &'a str, terms: &[String]) -> Option<&'a str> {
    // Where a word starts with a term (not "pension" inside "suspension").
    let first = |text: &str, ignoring_ascii_case: bool| {
        terms
            .iter()
            .filter_map(|term| {
                let mut found: Box<dyn Iterator<Item = usize>> = if ignoring_ascii_case {
                    Box::new(ascii_case_insensitive_matches(text, term))
                } else {
                    Box::new(text.match_indices(term.as_str()).map(|(at, _)| at))
                };
                found.find(|&at| {
                    !text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                })
            })
            .min()
    };
    // ASCII stems (most of the four stemmed languages') are looked for in one pass that
    // ignores ASCII case, in place; others as written and, failing that, in a lowercased copy.
    let at = if terms.iter().all(|term| term.is_ascii()) {
        first(section, true)?
    } else {
        match first(section, false) {
            Some(at) => at,
            None => {
                let lower = section.to_lowercase();
                let at = first(&lower, false)?;
                // Lowercasing keeps byte offsets but for a few letters; then the whole
                // section is read.
                if lower.len() != section.len() {
                    return Some(section);
                }
                at
            }
        }
    };
    let mut start = at.saturating_sub(SNIPPET_CHARS / 4);
    while !section.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + SNIPPET_CHARS).min(section.len());
    while !section.is_char_boundary(end) {
        end += 1;
    }
    Some(&section[start..end])
}

/// Where the ASCII `term` occurs in `text`, ASCII letters of either case; each position is a
/// character boundary, since an ASCII byte never continues a character.
fn ascii_case_insensitive_matches<'a>(
    text: &'a str,
    term: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let (text, term) = (text.as_bytes(), term.as_bytes());
    let first = term.first().copied().unwrap_or_default();
    // The first letter in either case, found with the processor's vector instructions.
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), text).filter(
        move |&at| {
            !term.is_empty()
                && text
                    .get(at..at + term.len())
                    .is_some_and(|found| found.eq_ignore_ascii_case(term))
        },
    )
}

fn segments(fragment: &str, highlighted: &[std::ops::Range<usize>]) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut at = 0;
    for range in highlighted {
        if range.start > at {
            segments.push(Segment {
                text: fragment[at..range.start].to_owned(),
                hit: false,
            });
        }
        segments.push(Segment {
            text: fragment[range.clone()].to_owned(),
            hit: true,
        });
        at = range.end;
    }
    if at < fragment.len() {
        segments.push(Segment {
            text: fragment[at..].to_owned(),
            hit: false,
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_bits_sort_as_the_scores_do() {
        let mut scores = vec![3.5, 0.0, -1.0, 12.25, 0.001, -0.0, 7.0, f32::MAX];
        let mut by_bits = scores.clone();
        scores.sort_by(f32::total_cmp);
        by_bits.sort_by_key(|&score| ordered_bits(score));
        assert_eq!(by_bits, scores);
    }

    #[test]
    fn a_passage_starts_at_a_word_and_lowercase_is_found_as_written() {
        let terms = vec!["pension".to_owned()];
        let section = "Suspension rules. Pensions are paid monthly.";
        let passage = around_first(section, &terms).expect("a word starts with the term");
        assert!(passage.contains("Pensions"));
        assert_eq!(around_first("Suspension only.", &terms), None);
    }

    #[test]
    fn a_word_in_capitals_is_found_whatever_the_terms_alphabet() {
        let ascii = vec!["pension".to_owned()];
        let passage = around_first("Old rules. PENSIONS rise; É suspension.", &ascii);
        assert!(passage
            .expect("found in capitals")
            .starts_with("Old rules. PENSIONS"));
        assert_eq!(around_first("SUSPENSION", &ascii), None);
        let accented = vec!["éduc".to_owned()];
        let passage = around_first("Sur l'ÉDUCATION.", &accented);
        assert!(passage.expect("found lowercased").contains("ÉDUCATION"));
        assert_eq!(
            ascii_case_insensitive_matches("aXa xa", "xa").collect::<Vec<_>>(),
            vec![1, 4]
        );
        assert_eq!(ascii_case_insensitive_matches("x", "longer").count(), 0);
    }
}
