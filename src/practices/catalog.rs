//! An in-memory index of the published practices for filtering, ordering and facet counts.
//!
//! Counting twelve facets that each honour the other active filters would take a dozen GROUP BY
//! scans per request in SQL. Here every practice is visited once: a practice that passes all
//! filters counts in every facet, one that fails exactly one filter counts only in that
//! filter's facet, so each facet's counts reflect the other filters. Result sets are cached per
//! query; the whole index is rebuilt when `catalog_state.version` moves (see the migration).

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use actix_web::web::Bytes;
use lru::LruCache;

use super::facets::{BrowseQuery, Facet, Sort, FACET_COUNT};
use super::search::SearchIndex;
use crate::ids::{OrganisationId, PracticeId};
use crate::languages::Lang;
use crate::taxonomy::{Award, Language};

/// The values of one facet for every row, stored flat: row `r` has
/// `codes[offsets[r]..offsets[r + 1]]`.
#[derive(Debug, Default)]
struct Column {
    offsets: Vec<u32>,
    codes: Vec<u32>,
}

impl Column {
    /// Builds a column from `(row, code)` pairs in any order, duplicates allowed.
    fn from_pairs(row_count: usize, mut pairs: Vec<(u32, u32)>) -> Column {
        pairs.sort_unstable();
        pairs.dedup();
        let mut offsets = Vec::with_capacity(row_count + 1);
        let mut codes = Vec::with_capacity(pairs.len());
        let mut pending = pairs.into_iter().peekable();
        for row in 0..row_count as u32 {
            offsets.push(codes.len() as u32);
            while let Some(&(_, code)) = pending.peek().filter(|(r, _)| *r == row) {
                codes.push(code);
                pending.next();
            }
        }
        offsets.push(codes.len() as u32);
        Column { offsets, codes }
    }

    fn values(&self, row: u32) -> &[u32] {
        let row = row as usize;
        &self.codes[self.offsets[row] as usize..self.offsets[row + 1] as usize]
    }
}

/// A set of rows as a bitset.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowSet(Vec<u64>);

impl RowSet {
    fn empty(words: usize) -> RowSet {
        RowSet(vec![0; words])
    }

    fn all(rows: usize) -> RowSet {
        let mut set = RowSet(vec![u64::MAX; rows.div_ceil(64)]);
        if !rows.is_multiple_of(64) {
            if let Some(last) = set.0.last_mut() {
                *last = (1u64 << (rows % 64)) - 1;
            }
        }
        set
    }

    fn of(words: usize, rows: impl Iterator<Item = u32>) -> RowSet {
        let mut set = RowSet::empty(words);
        for row in rows {
            set.insert(row);
        }
        set
    }

    fn insert(&mut self, row: u32) {
        self.0[row as usize / 64] |= 1 << (row % 64);
    }

    fn len(&self) -> usize {
        self.0.iter().map(|word| word.count_ones() as usize).sum()
    }

    /// The rows in the set, ascending.
    fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(at, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    at as u32 * 64 + bit
                })
            })
        })
    }

    fn contains(&self, row: u32) -> bool {
        self.0[row as usize / 64] & (1 << (row % 64)) != 0
    }

    fn or(&mut self, other: &RowSet) {
        for (word, other) in self.0.iter_mut().zip(&other.0) {
            *word |= other;
        }
    }

    fn and(&mut self, other: &RowSet) {
        for (word, other) in self.0.iter_mut().zip(&other.0) {
            *word &= other;
        }
    }

    /// How many rows of this set each of `values` holds: the facet counts, a few hundred
    /// values times a word per 64 practices, and most of a browsing request's work. With the
    /// processor's popcount instruction when it has one (nearly all do, but it is not in the
    /// x86-64 baseline the binary is built for): 2.5 times faster than without.
    fn count_each(&self, values: &[RowSet]) -> Vec<u32> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the processor has the instruction, as just checked.
            return unsafe { self.count_each_with_popcnt(values) };
        }
        self.count_each_anyhow(values)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "popcnt")]
    fn count_each_with_popcnt(&self, values: &[RowSet]) -> Vec<u32> {
        self.count_each_anyhow(values)
    }

    /// A narrow search leaves most words of the set empty; then only the others are read.
    #[inline(always)]
    fn count_each_anyhow(&self, values: &[RowSet]) -> Vec<u32> {
        let occupied: Vec<(usize, u64)> = self
            .0
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, word)| word != 0)
            .collect();
        if occupied.len() * 2 > self.0.len() {
            return values
                .iter()
                .map(|value| {
                    self.0
                        .iter()
                        .zip(&value.0)
                        .map(|(a, b)| (a & b).count_ones())
                        .sum()
                })
                .collect();
        }
        values
            .iter()
            .map(|value| {
                occupied
                    .iter()
                    .map(|&(at, word)| (word & value.0[at]).count_ones())
                    .sum()
            })
            .collect()
    }
}

/// An institution as the index knows it.
#[derive(Debug, Clone)]
pub struct IndexedOrganisation {
    pub id: OrganisationId,
    pub name: String,
    pub country: String,
}

/// What a result list shows of a practice besides its title and summary. Known here, it
/// need not be read from the practice's row, where it comes after the long texts.
#[derive(Debug, Clone, Copy)]
pub struct Card<'a> {
    pub language: Language,
    pub award: Option<Award>,
    pub innovation_distinction: bool,
    pub competition_year: Option<i32>,
    pub organisation: &'a IndexedOrganisation,
}

/// Everything the index is built from; assembled by the repository.
#[derive(Debug, Default)]
pub struct CatalogSource {
    pub version: i64,
    /// Ascending; a practice's row is its position here.
    pub ids: Vec<PracticeId>,
    /// Per facet, `(row, code)` for every value a practice has.
    pub values: [Vec<(u32, u32)>; FACET_COUNT],
    /// The ISO 3166-1 codes of `Facet::Country`, sorted.
    pub countries: Vec<String>,
    /// The languages of `Facet::Language`: those practices are written in, sorted. Not every
    /// ISO 639-1 language, since each value costs a pass over the matches when counting.
    pub languages: Vec<Language>,
    /// Codes of `Facet::Year`, newest first.
    pub years: Vec<i32>,
    /// Codes of `Facet::Organisation`, ascending by id.
    pub organisations: Vec<IndexedOrganisation>,
    /// Per row, the code of the institution that submitted the practice (the lead among
    /// partners).
    pub leads: Vec<Option<u32>>,
    /// Row positions, newest publication first.
    pub newest: Vec<u32>,
    /// Row positions by title.
    pub by_title: Vec<u32>,
}

impl CatalogSource {
    pub fn add(&mut self, row: usize, facet: Facet, code: u32) {
        self.values[facet.index()].push((row as u32, code));
    }

    /// Adds a value to the practice with this id, if it is in the catalogue.
    pub fn add_to(&mut self, id: PracticeId, facet: Facet, code: u32) {
        if let Ok(row) = self.ids.binary_search(&id) {
            self.add(row, facet, code);
        }
    }
}

/// The practices matching a query, in order, with the facet counts.
#[derive(Debug)]
pub struct ResultSet {
    pub practices: Vec<PracticeId>,
    /// Per facet, per code: how many practices would match if that value were the facet's
    /// only filter, all other filters held.
    pub counts: [Vec<u32>; FACET_COUNT],
    /// The search shown, when the one typed found nothing and a corrected one did.
    pub corrected: Option<String>,
}

/// Counts by combinations of facet values; see `Catalog::tally`.
#[derive(Debug)]
pub struct Tally<const N: usize> {
    sizes: [usize; N],
    /// Row-major: the first dimension varies slowest.
    counts: Vec<u32>,
}

impl<const N: usize> Tally<N> {
    /// The count of one combination, each value given by its code in its facet.
    pub fn count(&self, codes: [usize; N]) -> u32 {
        let cell = codes
            .iter()
            .zip(self.sizes)
            .fold(0, |cell, (&code, size)| cell * size + code);
        self.counts[cell]
    }

    /// Counts `row` under every combination of its values, from dimension `columns[0]` on.
    fn add_combinations(&mut self, row: u32, columns: &[&Column], cell: usize) {
        let Some((column, rest)) = columns.split_first() else {
            self.counts[cell] += 1;
            return;
        };
        let size = self.sizes[N - columns.len()];
        for &code in column.values(row) {
            self.add_combinations(row, rest, cell * size + code as usize);
        }
    }
}

/// The full-text side of a query: matching practices, best first.
pub use super::search::Found as TextMatches;

/// A result set holds up to one id per practice (400 kB at 100,000 practices).
const RESULT_CACHE_ENTRIES: usize = 16;
/// Rendered public pages kept per catalogue version, in bytes (a browse page is about 60 kB).
const PAGE_CACHE_BYTES: usize = 8 << 20;

/// Rendered pages by URL; the least recently used go first once the budget is spent.
#[derive(Debug)]
struct PageCache {
    pages: LruCache<String, Bytes>,
    bytes: usize,
}

impl PageCache {
    fn put(&mut self, url: String, body: Bytes) {
        self.bytes += url.len() + body.len();
        if let Some((old_url, old_body)) = self.pages.push(url, body) {
            self.bytes -= old_url.len() + old_body.len();
        }
        while self.bytes > PAGE_CACHE_BYTES {
            let Some((url, body)) = self.pages.pop_lru() else {
                break;
            };
            self.bytes -= url.len() + body.len();
        }
    }
}

const NO_ROW: u32 = u32::MAX;

#[derive(Debug)]
pub struct Catalog {
    version: i64,
    ids: Vec<PracticeId>,
    /// Row of each practice id, `NO_ROW` for ids not in the catalogue: a search maps every
    /// match to its row, up to all of them, and this is one load each instead of a search.
    rows_by_id: Vec<u32>,
    columns: [Column; FACET_COUNT],
    countries: Vec<String>,
    languages: Vec<Language>,
    years: Vec<i32>,
    organisations: Vec<IndexedOrganisation>,
    leads: Vec<Option<u32>>,
    newest: Vec<u32>,
    by_title: Vec<u32>,
    /// Position of each row in `newest`.
    recency: Vec<u32>,
    /// Position of each row in `by_title`.
    title_rank: Vec<u32>,
    /// Per topic code, its rows newest first: the candidates for related practices.
    by_topic: Vec<Vec<u32>>,
    /// Per facet, per value code: the rows with that value.
    value_rows: [Vec<RowSet>; FACET_COUNT],
    results: Mutex<LruCache<String, Arc<ResultSet>>>,
    pages: Mutex<PageCache>,
    search: Arc<SearchIndex>,
}

/// A filter resolved against the index: for each facet, `None` when inactive, otherwise which
/// codes are selected (possibly none, when the URL named values that do not exist).
type Selection = [Option<Vec<bool>>; FACET_COUNT];

impl Catalog {
    pub fn build(source: CatalogSource, search: Arc<SearchIndex>) -> Catalog {
        let row_count = source.ids.len();
        let columns = source
            .values
            .map(|pairs| Column::from_pairs(row_count, pairs));
        let mut recency = vec![0; row_count];
        let mut title_rank = vec![0; row_count];
        for (rank, &row) in source.by_title.iter().enumerate() {
            title_rank[row as usize] = rank as u32;
        }
        let mut by_topic = vec![Vec::new(); Facet::Topic.vocabulary().map_or(0, |v| v.len())];
        for (rank, &row) in source.newest.iter().enumerate() {
            recency[row as usize] = rank as u32;
            for &topic in columns[Facet::Topic.index()].values(row) {
                by_topic[topic as usize].push(row);
            }
        }
        let index_of = |id: &PracticeId| usize::try_from(id.0).ok();
        let mut rows_by_id =
            vec![NO_ROW; source.ids.last().and_then(index_of).map_or(0, |i| i + 1)];
        for (row, index) in source.ids.iter().enumerate() {
            if let Some(index) = index_of(index) {
                rows_by_id[index] = row as u32;
            }
        }
        let mut catalog = Catalog {
            version: source.version,
            ids: source.ids,
            rows_by_id,
            columns,
            countries: source.countries,
            languages: source.languages,
            years: source.years,
            organisations: source.organisations,
            leads: source.leads,
            newest: source.newest,
            by_title: source.by_title,
            recency,
            title_rank,
            by_topic,
            results: Mutex::new(LruCache::new(
                NonZeroUsize::new(RESULT_CACHE_ENTRIES).expect("non-zero"),
            )),
            pages: Mutex::new(PageCache {
                pages: LruCache::unbounded(),
                bytes: 0,
            }),
            search,
            value_rows: Default::default(),
        };
        let words = row_count.div_ceil(64);
        catalog.value_rows = std::array::from_fn(|facet| {
            let mut rows = vec![RowSet::empty(words); catalog.cardinality(Facet::ALL[facet])];
            for row in 0..row_count as u32 {
                for &code in catalog.columns[facet].values(row) {
                    if let Some(set) = rows.get_mut(code as usize) {
                        set.insert(row);
                    }
                }
            }
            rows
        });
        catalog
    }

    /// A catalogue with an empty search index in memory, for tests of the rest.
    #[cfg(test)]
    pub fn searchless(source: CatalogSource) -> Catalog {
        Catalog::build(
            source,
            Arc::new(SearchIndex::in_memory().expect("index in memory")),
        )
    }

    /// The full-text index of this catalogue's practices.
    pub fn search(&self) -> &SearchIndex {
        &self.search
    }

    /// Whether answers may be kept: not while the search index is still filling in, since
    /// the same URL will answer more once it is done (the catalogue version stays).
    fn keeps_answers(&self) -> bool {
        !self.search.is_building()
    }

    pub fn version(&self) -> i64 {
        self.version
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Every published practice, ascending.
    pub fn ids(&self) -> &[PracticeId] {
        &self.ids
    }

    /// Every institution, ascending.
    pub fn organisation_ids(&self) -> impl Iterator<Item = OrganisationId> + '_ {
        self.organisations
            .iter()
            .map(|organisation| organisation.id)
    }

    fn row_of(&self, id: PracticeId) -> Option<u32> {
        let index = usize::try_from(id.0).ok()?;
        self.rows_by_id
            .get(index)
            .copied()
            .filter(|&row| row != NO_ROW)
    }

    /// The list card of a practice in the catalogue.
    pub fn card(&self, id: PracticeId) -> Option<Card<'_>> {
        let row = self.row_of(id)?;
        let codes = |facet: Facet| self.columns[facet.index()].values(row);
        let first = |facet: Facet| codes(facet).first().map(|&code| code as usize);
        let distinction = Award::InnovationDistinction.index() as u32;
        Some(Card {
            language: *self.languages.get(first(Facet::Language)?)?,
            award: codes(Facet::Award)
                .iter()
                .find(|&&code| code != distinction)
                .and_then(|&code| Award::ALL.get(code as usize).copied()),
            innovation_distinction: codes(Facet::Award).contains(&distinction),
            competition_year: first(Facet::Year).map(|code| self.years[code]),
            organisation: self.organisations.get(self.leads[row as usize]? as usize)?,
        })
    }

    /// How many distinct codes a facet has.
    fn cardinality(&self, facet: Facet) -> usize {
        match facet {
            Facet::Country => self.countries.len(),
            Facet::Language => self.languages.len(),
            Facet::Year => self.years.len(),
            Facet::Organisation => self.organisations.len(),
            vocabulary => vocabulary.vocabulary().map_or(0, |values| values.len()),
        }
    }

    /// The code of a URL value, if any practice could have it.
    pub fn code(&self, facet: Facet, value: &str) -> Option<u32> {
        let position = match facet {
            Facet::Country => self
                .countries
                .binary_search_by(|country| country.as_str().cmp(value))
                .ok(),
            Facet::Language => self
                .languages
                .binary_search(&Language::from_slug(value)?)
                .ok(),
            Facet::Year => {
                let year: i32 = value.parse().ok()?;
                self.years.iter().position(|&y| y == year)
            }
            Facet::Organisation => {
                let id = OrganisationId(value.parse().ok()?);
                self.organisations
                    .binary_search_by_key(&id, |organisation| organisation.id)
                    .ok()
            }
            vocabulary => vocabulary
                .vocabulary()?
                .iter()
                .position(|(slug, _)| *slug == value),
        };
        position.map(|p| p as u32)
    }

    /// The URL value and the label in `lang` of a code.
    pub fn value(&self, facet: Facet, code: u32, lang: Lang) -> (String, String) {
        let code = code as usize;
        match facet {
            Facet::Country => {
                let country = &self.countries[code];
                (country.clone(), lang.country(country).to_owned())
            }
            Facet::Language => {
                let language = self.languages[code];
                (language.slug().to_owned(), language.name(lang).to_owned())
            }
            Facet::Year => (self.years[code].to_string(), lang.digits(self.years[code])),
            Facet::Organisation => {
                let organisation = &self.organisations[code];
                (organisation.id.to_string(), organisation.name.clone())
            }
            vocabulary => {
                let (slug, key) = vocabulary.vocabulary().expect("a closed vocabulary")[code];
                (slug.to_owned(), lang.t(key))
            }
        }
    }

    fn selection(&self, query: &BrowseQuery) -> Selection {
        let mut selection: Selection = Default::default();
        for (facet, value) in &query.filters {
            let selected = selection[facet.index()]
                .get_or_insert_with(|| vec![false; self.cardinality(*facet)]);
            if let Some(code) = self.code(*facet, value) {
                selected[code as usize] = true;
            }
        }
        selection
    }

    /// The result of a query, from the cache when this catalogue answered it before;
    /// `text_matches` runs the full-text side only when it is needed.
    pub fn result<E>(
        &self,
        query: &BrowseQuery,
        text_matches: impl FnOnce() -> Result<Option<TextMatches>, E>,
    ) -> Result<Arc<ResultSet>, E> {
        let key = query.result_key();
        if let Some(hit) = self.results.lock().expect("result cache lock").get(&key) {
            return Ok(Arc::clone(hit));
        }
        let result = Arc::new(self.evaluate(query, text_matches()?.as_ref()));
        if self.keeps_answers() {
            self.results
                .lock()
                .expect("result cache lock")
                .put(key, Arc::clone(&result));
        }
        Ok(result)
    }

    /// A public page rendered from this version of the catalogue, by its URL.
    pub fn page(&self, url: &str) -> Option<Bytes> {
        let mut cache = self.pages.lock().expect("page cache lock");
        cache.pages.get(url).cloned()
    }

    pub fn keep_page(&self, url: String, body: Bytes) {
        if !self.keeps_answers() {
            return;
        }
        self.pages.lock().expect("page cache lock").put(url, body);
    }

    /// Filters, orders and counts; `text` is the full-text match when the query has text.
    ///
    /// With sets of rows as bitsets: the rows passing every filter but facet `f` are the AND
    /// of the other filters' sets, and the count of a value of `f` is the popcount of that AND
    /// the value's own set — a few hundred values times 1,563 words at 100,000 practices,
    /// instead of visiting every matching row and each of its values in twelve facets.
    fn evaluate(&self, query: &BrowseQuery, text: Option<&TextMatches>) -> ResultSet {
        let selection = self.selection(query);
        let words = self.ids.len().div_ceil(64);
        let text_rows: Option<Vec<u32>> =
            text.map(|found| found.ids.iter().filter_map(|&id| self.row_of(id)).collect());
        let candidates = match &text_rows {
            Some(rows) => RowSet::of(words, rows.iter().copied()),
            None => RowSet::all(self.ids.len()),
        };
        // Each active facet's rows: those with any selected value.
        let filters: Vec<(usize, RowSet)> = selection
            .iter()
            .enumerate()
            .filter_map(|(facet, selected)| {
                let selected = selected.as_ref()?;
                let mut rows = RowSet::empty(words);
                for (code, _) in selected.iter().enumerate().filter(|(_, on)| **on) {
                    rows.or(&self.value_rows[facet][code]);
                }
                Some((facet, rows))
            })
            .collect();
        let passing_all_but = |skipped: Option<usize>| {
            let mut rows = candidates.clone();
            for (facet, filter) in &filters {
                if Some(*facet) != skipped {
                    rows.and(filter);
                }
            }
            rows
        };
        let passes = passing_all_but(None);
        let counts: [Vec<u32>; FACET_COUNT] = std::array::from_fn(|facet| {
            let others;
            let base = if filters.iter().any(|(active, _)| *active == facet) {
                others = passing_all_but(Some(facet));
                &others
            } else {
                &passes
            };
            base.count_each(&self.value_rows[facet])
        });

        let practices = match (query.sort, &text_rows) {
            (Sort::Relevance, Some(ranked)) => self.passing_in(ranked, &passes),
            (Sort::Title, _) => self.passing_by(&self.by_title, &self.title_rank, &passes),
            (Sort::Relevance | Sort::Newest, _) => {
                self.passing_by(&self.newest, &self.recency, &passes)
            }
        };
        ResultSet {
            practices,
            counts,
            corrected: text.and_then(|found| found.corrected.clone()),
        }
    }

    /// The practices of the rows of `order` that are in `passes`, in that order.
    fn passing_in(&self, order: &[u32], passes: &RowSet) -> Vec<PracticeId> {
        order
            .iter()
            .filter(|&&row| passes.contains(row))
            .map(|&row| self.ids[row as usize])
            .collect()
    }

    /// `passing_in` a catalogue-wide `order` whose positions are `rank`: when few rows pass,
    /// sorting them by rank is cheaper than reading the whole order.
    fn passing_by(&self, order: &[u32], rank: &[u32], passes: &RowSet) -> Vec<PracticeId> {
        if passes.len() * 16 > order.len() {
            return self.passing_in(order, passes);
        }
        let mut rows: Vec<u32> = passes.rows().collect();
        rows.sort_unstable_by_key(|&row| rank[row as usize]);
        rows.into_iter().map(|row| self.ids[row as usize]).collect()
    }

    /// How many of `practices` have each combination of values of `dimensions` (a practice
    /// with several values of a facet counts once under each). One pass over the practices,
    /// no database: the framework map crosses three facets at 100,000 practices this way.
    pub fn tally<const N: usize>(
        &self,
        practices: &[PracticeId],
        dimensions: [Facet; N],
    ) -> Tally<N> {
        let sizes = dimensions.map(|facet| self.cardinality(facet));
        let mut tally = Tally {
            sizes,
            counts: vec![0; sizes.iter().product()],
        };
        let columns = dimensions.map(|facet| &self.columns[facet.index()]);
        for row in practices.iter().filter_map(|&id| self.row_of(id)) {
            tally.add_combinations(row, &columns, 0);
        }
        tally
    }

    /// Practices that share topics with this one, the most alike first; ties go to the newer.
    /// Only the newest practices of each shared topic are weighed, so that the cost does not
    /// grow with the catalogue; 48 a topic still offer the few shown a choice among hundreds
    /// (a practice has up to nine topics), and each weighed practice is a few reads at random
    /// places in the columns (200 a topic were a tenth of a practice page's time).
    pub fn related(&self, id: PracticeId, limit: usize) -> Vec<PracticeId> {
        const CANDIDATES_PER_TOPIC: usize = 48;
        let Some(row) = self.row_of(id) else {
            return Vec::new();
        };
        let topics = &self.columns[Facet::Topic.index()];
        let innovation = &self.columns[Facet::Innovation.index()];
        let own_topics = topics.values(row);
        let mut candidates: Vec<u32> = own_topics
            .iter()
            .flat_map(|&topic| {
                self.by_topic[topic as usize]
                    .iter()
                    .take(CANDIDATES_PER_TOPIC + 1)
            })
            .copied()
            .filter(|&other| other != row)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut scored: Vec<(u32, u32, u32)> = candidates
            .into_iter()
            .map(|other| {
                let shared = topics
                    .values(other)
                    .iter()
                    .filter(|code| own_topics.contains(code))
                    .count() as u32;
                let same_type = u32::from(innovation.values(other) == innovation.values(row));
                (shared * 2 + same_type, self.recency[other as usize], other)
            })
            .collect();
        let best_first =
            |a: &(u32, u32, u32), b: &(u32, u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        // Only the first few are shown: those are put in front, and only they are sorted.
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit, best_first);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(best_first);
        scored
            .into_iter()
            .map(|(_, _, other)| self.ids[other as usize])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::{Region, Topic};

    fn catalog() -> Catalog {
        let practices: [(Region, &[Topic]); 4] = [
            (Region::Europe, &[Topic::Health, Topic::Ict]),
            (Region::Europe, &[Topic::Employment]),
            (Region::Africa, &[Topic::Health]),
            (Region::Americas, &[Topic::Ict, Topic::Employment]),
        ];
        let mut source = CatalogSource {
            ids: (1..=4).map(PracticeId).collect(),
            newest: vec![3, 2, 1, 0],
            by_title: vec![0, 1, 2, 3],
            ..CatalogSource::default()
        };
        for (row, (region, topics)) in practices.into_iter().enumerate() {
            source.add(row, Facet::Region, region.index() as u32);
            for topic in topics {
                source.add(row, Facet::Topic, topic.index() as u32);
            }
        }
        Catalog::searchless(source)
    }

    fn count(result: &ResultSet, facet: Facet, code: usize) -> u32 {
        result.counts[facet.index()][code]
    }

    #[test]
    fn facet_counts_honour_the_other_filters_only() {
        let catalog = catalog();
        let query = BrowseQuery::parse("region=europe&topic=health");
        let result = catalog.evaluate(&query, None);
        assert_eq!(result.practices, vec![PracticeId(1)]);
        // Regions among the Health practices: Europe 1, Africa 1.
        assert_eq!(count(&result, Facet::Region, Region::Europe.index()), 1);
        assert_eq!(count(&result, Facet::Region, Region::Africa.index()), 1);
        assert_eq!(count(&result, Facet::Region, Region::Americas.index()), 0);
        // Topics among the Europe practices: Health 1, ICT 1, Employment 1.
        assert_eq!(count(&result, Facet::Topic, Topic::Employment.index()), 1);
        assert_eq!(count(&result, Facet::Topic, Topic::Ict.index()), 1);
    }

    #[test]
    fn values_of_one_facet_combine_with_or() {
        let result = catalog().evaluate(&BrowseQuery::parse("topic=health&topic=ict"), None);
        assert_eq!(
            result.practices,
            vec![PracticeId(4), PracticeId(3), PracticeId(1)]
        );
    }

    #[test]
    fn an_unknown_value_matches_nothing() {
        let result = catalog().evaluate(&BrowseQuery::parse("region=atlantis"), None);
        assert!(result.practices.is_empty());
        assert_eq!(count(&result, Facet::Topic, Topic::Health.index()), 0);
    }

    proptest::proptest! {
        #[test]
        fn counts_and_orders_are_the_same_however_narrow_the_set(
            rows in proptest::collection::btree_set(0u32..300, 0..300),
            values in proptest::collection::vec(proptest::collection::vec(0u32..300, 0..100), 1..5),
        ) {
            let words = 300usize.div_ceil(64);
            let set = RowSet::of(words, rows.iter().copied());
            let values: Vec<RowSet> = values
                .iter()
                .map(|rows| RowSet::of(words, rows.iter().copied()))
                .collect();
            let expected: Vec<u32> = values
                .iter()
                .map(|value| rows.iter().filter(|&&row| value.contains(row)).count() as u32)
                .collect();
            proptest::prop_assert_eq!(set.count_each(&values), expected);
            proptest::prop_assert_eq!(set.len(), rows.len());
            proptest::prop_assert_eq!(set.rows().collect::<Vec<_>>(), rows.iter().copied().collect::<Vec<_>>());

            // Newest first is row 299 first: read off the order, or sorted by rank.
            let mut source = CatalogSource {
                ids: (1..=300).map(PracticeId).collect(),
                newest: (0..300).rev().collect(),
                by_title: (0..300).collect(),
                ..CatalogSource::default()
            };
            source.leads = vec![None; 300];
            let catalog = Catalog::searchless(source);
            let expected: Vec<PracticeId> = rows.iter().rev().map(|&row| PracticeId(row as i32 + 1)).collect();
            proptest::prop_assert_eq!(catalog.passing_by(&catalog.newest, &catalog.recency, &set), expected);
        }
    }

    #[test]
    fn a_card_tells_the_lead_institution_the_award_and_the_distinction_apart() {
        let mut source = CatalogSource {
            ids: vec![PracticeId(7)],
            newest: vec![0],
            by_title: vec![0],
            years: vec![2024],
            organisations: ["Partner", "Lead"]
                .iter()
                .enumerate()
                .map(|(code, name)| IndexedOrganisation {
                    id: OrganisationId(code as i32 + 1),
                    name: (*name).to_owned(),
                    country: "CA".to_owned(),
                })
                .collect(),
            leads: vec![Some(1)],
            languages: vec![Language::ENGLISH, Language::FRENCH],
            ..CatalogSource::default()
        };
        source.add(0, Facet::Organisation, 0);
        source.add(0, Facet::Organisation, 1);
        source.add(0, Facet::Language, 1);
        source.add(0, Facet::Year, 0);
        source.add(0, Facet::Award, Award::InnovationDistinction.index() as u32);
        source.add(0, Facet::Award, Award::Merit.index() as u32);
        let catalog = Catalog::searchless(source);

        let card = catalog.card(PracticeId(7)).expect("in the catalogue");
        assert_eq!(card.organisation.name, "Lead");
        assert_eq!(card.language, Language::FRENCH);
        assert_eq!(card.award, Some(Award::Merit));
        assert!(card.innovation_distinction);
        assert_eq!(card.competition_year, Some(2024));
        assert!(catalog.card(PracticeId(8)).is_none());
    }

    #[test]
    fn relevance_keeps_the_text_order() {
        let text = TextMatches {
            ids: vec![PracticeId(2), PracticeId(99), PracticeId(1)],
            corrected: None,
        };
        let result = catalog().evaluate(&BrowseQuery::parse("q=x"), Some(&text));
        assert_eq!(result.practices, vec![PracticeId(2), PracticeId(1)]);
        let by_title = catalog().evaluate(&BrowseQuery::parse("q=x&sort=title"), Some(&text));
        assert_eq!(by_title.practices, vec![PracticeId(1), PracticeId(2)]);
    }

    #[test]
    fn the_page_cache_keeps_within_its_budget_dropping_the_least_recent() {
        let catalog = catalog();
        let page = || Bytes::from(vec![b'x'; PAGE_CACHE_BYTES / 4]);
        catalog.keep_page("/a".into(), page());
        catalog.keep_page("/b".into(), page());
        assert!(catalog.page("/a").is_some());
        catalog.keep_page("/c".into(), page());
        catalog.keep_page("/d".into(), page());
        assert!(
            catalog.page("/b").is_none(),
            "least recently used goes first"
        );
        assert!(catalog.page("/a").is_some() && catalog.page("/d").is_some());
        assert!(catalog.pages.lock().unwrap().bytes <= PAGE_CACHE_BYTES);
    }

    #[test]
    fn a_tally_counts_every_combination_of_values() {
        let catalog = catalog();
        let tally = catalog.tally(catalog.ids(), [Facet::Region, Facet::Topic]);
        let count = |region: Region, topic: Topic| tally.count([region.index(), topic.index()]);
        assert_eq!(count(Region::Europe, Topic::Health), 1);
        assert_eq!(count(Region::Europe, Topic::Employment), 1);
        assert_eq!(count(Region::Americas, Topic::Ict), 1);
        assert_eq!(count(Region::Africa, Topic::Ict), 0);
        let europe_only = catalog.tally(&[PracticeId(2)], [Facet::Region, Facet::Topic]);
        assert_eq!(
            europe_only.count([Region::Europe.index(), Topic::Health.index()]),
            0
        );
        assert_eq!(
            europe_only.count([Region::Europe.index(), Topic::Employment.index()]),
            1
        );
    }

    #[test]
    fn related_prefers_more_shared_topics() {
        assert_eq!(
            catalog().related(PracticeId(4), 3),
            vec![PracticeId(2), PracticeId(1)]
        );
    }
}
