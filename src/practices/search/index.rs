//! The index itself: its schema, documents, and keeping it in step with the database.
//!
//! Each language has its own title, summary and body fields, analysed with its stemmer; a
//! practice fills the fields of its language. One more field holds all of a practice's text
//! unstemmed, for prefixes and typo tolerance. The index is derived data: it lives in a
//! folder of its own and can be deleted at any time; the commit payload says which catalogue
//! version it reflects and the newest change it holds.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::directory::MmapDirectory;
use tantivy::query::AllQuery;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DocId, Index, IndexWriter, Score, SegmentOrdinal, SegmentReader, TantivyDocument};

use super::analysis;
use super::source::{self, SearchDocument};
use crate::ids::PracticeId;
use crate::languages::Lang;
use crate::taxonomy::Language;

/// Raised when the schema changes, so that an index of an older layout is rebuilt.
const LAYOUT: u32 = 4;

/// The fields of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    /// The practice's version as indexed (`source::stamp`).
    pub changed: Field,
    /// Per slot (`SLOTS`): each entry language, then every other language.
    pub title: [Field; SLOTS],
    pub summary: [Field; SLOTS],
    pub body: [Field; SLOTS],
    pub plain: Field,
}

/// How much a match in each kind of field weighs.
pub const TITLE_WEIGHT: Score = 4.0;
pub const SUMMARY_WEIGHT: Score = 2.0;
pub const BODY_WEIGHT: Score = 1.0;

/// The slots of the text fields: one per language of `Language::STEMMED`, stemmed in it, and
/// one for text in any other language (Japanese, Persian…), without stemming.
pub const SLOTS: usize = 5;
const OTHER_LANGUAGES: usize = SLOTS - 1;

/// The analyzer of each slot's fields.
pub fn slot_analyzer(slot: usize) -> &'static str {
    Language::STEMMED
        .get(slot)
        .map_or(analysis::PLAIN, |&language| {
            analysis::analyzer_name(language)
        })
}

/// The slot of a version's language, given as its ISO 639-1 code.
fn slot_of_code(code: &str) -> usize {
    Language::from_slug(code).map_or(OTHER_LANGUAGES, language_slot)
}

pub fn language_slot(language: Language) -> usize {
    Language::STEMMED
        .iter()
        .position(|&l| l == language)
        .unwrap_or(OTHER_LANGUAGES)
}

pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_u64_field("id", NumericOptions::default().set_fast().set_indexed());
    let changed = builder.add_i64_field("changed", NumericOptions::default().set_fast());
    let text = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let per_language = |builder: &mut tantivy::schema::SchemaBuilder, kind: &str| {
        std::array::from_fn(|slot| {
            let name = Language::STEMMED
                .get(slot)
                .map_or("other", |language| language.slug());
            builder.add_text_field(&format!("{kind}_{name}"), text(slot_analyzer(slot)))
        })
    };
    let title = per_language(&mut builder, "title");
    let summary = per_language(&mut builder, "summary");
    let body = per_language(&mut builder, "body");
    let plain = builder.add_text_field(
        "plain",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::PLAIN)
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    (
        builder.build(),
        Fields {
            id,
            changed,
            title,
            summary,
            body,
            plain,
        },
    )
}

/// What the index says of itself in its commit payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Synced {
    pub layout: u32,
    /// The catalogue version the index reflects.
    pub version: i64,
}

impl Synced {
    pub fn read(index: &Index) -> Option<Synced> {
        let payload = index.load_metas().ok()?.payload?;
        serde_json::from_str::<Synced>(&payload)
            .ok()
            .filter(|synced| synced.layout == LAYOUT)
    }
}

/// Opens the index in `dir`, or makes a new empty one when there is none or it has another
/// layout (then `fresh` is true).
pub fn open(dir: &Path) -> tantivy::Result<(Index, Fields, bool)> {
    let (schema, fields) = schema();
    std::fs::create_dir_all(dir)?;
    let existing = Index::open_in_dir(dir)
        .ok()
        .filter(|index| index.schema() == schema && Synced::read(index).is_some());
    let (index, fresh) = match existing {
        Some(index) => (index, false),
        None => {
            for entry in std::fs::read_dir(dir)? {
                let path = entry?.path();
                if path.is_file() {
                    std::fs::remove_file(path)?;
                }
            }
            (
                Index::create(MmapDirectory::open(dir)?, schema, Default::default())?,
                true,
            )
        }
    };
    analysis::register(index.tokenizers());
    Ok((index, fields, fresh))
}

/// An index in memory, for tests of the engine alone.
pub fn in_memory() -> (Index, Fields) {
    let (schema, fields) = schema();
    let index = Index::create_in_ram(schema);
    analysis::register(index.tokenizers());
    (index, fields)
}

pub fn document(fields: &Fields, practice: &SearchDocument) -> TantivyDocument {
    let slot = language_slot(practice.language);
    let mut doc = TantivyDocument::default();
    doc.add_u64(fields.id, practice.id.0 as u64);
    doc.add_i64(
        fields.changed,
        source::stamp(
            practice.updated_at,
            &practice.institution,
            &practice.country,
        ),
    );
    doc.add_text(fields.title[slot], &practice.title);
    doc.add_text(fields.summary[slot], &practice.summary);
    doc.add_text(fields.summary[slot], &practice.institution);
    // The country by its name in every interface language: "Canadá" and "کانادا" find
    // Canada's practices, whatever language they are written in.
    let mut countries: Vec<&str> = Lang::ALL
        .iter()
        .map(|lang| lang.country(&practice.country))
        .collect();
    countries.sort_unstable();
    countries.dedup();
    for name in &countries {
        doc.add_text(fields.summary[slot], name);
        doc.add_text(fields.plain, name);
    }
    for section in practice.sections() {
        doc.add_text(fields.body[slot], section);
    }
    for text in [&practice.title, &practice.summary, &practice.institution] {
        doc.add_text(fields.plain, text);
    }
    for section in practice.sections() {
        doc.add_text(fields.plain, section);
    }
    for version in &practice.translations {
        let slot = slot_of_code(&version.language);
        for (field, text) in [
            (fields.title[slot], version.title.as_str()),
            (fields.summary[slot], version.summary.as_str()),
        ]
        .into_iter()
        .chain(
            version
                .sections()
                .map(|section| (fields.body[slot], section)),
        ) {
            doc.add_text(field, text);
            doc.add_text(fields.plain, text);
        }
    }
    doc
}

pub fn replace(
    writer: &IndexWriter,
    fields: &Fields,
    practice: &SearchDocument,
) -> tantivy::Result<()> {
    writer.delete_term(tantivy::Term::from_field_u64(
        fields.id,
        practice.id.0 as u64,
    ));
    writer.add_document(document(fields, practice))?;
    Ok(())
}

pub fn remove(writer: &IndexWriter, fields: &Fields, id: PracticeId) {
    writer.delete_term(tantivy::Term::from_field_u64(fields.id, id.0 as u64));
}

pub fn commit(writer: &mut IndexWriter, synced: &Synced) -> tantivy::Result<()> {
    let payload = serde_json::to_string(&Synced {
        layout: LAYOUT,
        ..synced.clone()
    })
    .expect("payload serialises");
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

/// Merges every segment of the index into one; the commit payload stays.
pub fn merge_all(index: &Index, writer: &mut IndexWriter) -> tantivy::Result<()> {
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
        writer.garbage_collect_files().wait()?;
    }
    Ok(())
}

/// A document a query matched: its score (when asked), practice and stamp (when asked).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub score: Score,
    pub id: PracticeId,
    pub stamp: i64,
}

/// Every document a query matches, with scores and stamps when asked for.
pub struct Matches {
    pub scored: bool,
    pub stamped: bool,
}

pub struct SegmentMatches {
    ids: Column<u64>,
    stamps: Option<Column<i64>>,
    found: Vec<Hit>,
}

impl Collector for Matches {
    type Fruit = Vec<Hit>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        let fast = segment.fast_fields();
        Ok(SegmentMatches {
            ids: fast.u64("id")?,
            stamps: self.stamped.then(|| fast.i64("changed")).transpose()?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scored
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Hit>>) -> tantivy::Result<Vec<Hit>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<Hit>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(id) = self.ids.first(doc) {
            let stamp = self.stamps.as_ref().and_then(|stamps| stamps.first(doc));
            self.found.push(Hit {
                score,
                id: PracticeId(id as i32),
                stamp: stamp.unwrap_or_default(),
            });
        }
    }

    fn harvest(self) -> Vec<Hit> {
        self.found
    }
}

/// Every practice the index holds, with its stamp.
pub fn indexed(searcher: &tantivy::Searcher) -> tantivy::Result<HashMap<PracticeId, i64>> {
    let all = Matches {
        scored: false,
        stamped: true,
    };
    Ok(searcher
        .search(&AllQuery, &all)?
        .into_iter()
        .map(|hit| (hit.id, hit.stamp))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;

    fn practice(id: i32, title: &str) -> SearchDocument {
        SearchDocument {
            id: PracticeId(id),
            language: Language::ENGLISH,
            title: title.to_owned(),
            summary: String::new(),
            institution: String::new(),
            country: "FI".to_owned(),
            translations: Vec::new(),
            challenge: String::new(),
            solution: String::new(),
            results: String::new(),
            innovation: String::new(),
            sustainability: String::new(),
            replicability: String::new(),
            updated_at: chrono::NaiveDateTime::default(),
        }
    }

    #[test]
    fn merging_leaves_one_segment_with_every_document_and_the_payload() {
        let (index, fields) = in_memory();
        let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for id in 1..=3 {
            replace(&writer, &fields, &practice(id, "pension")).unwrap();
            let synced = Synced {
                version: i64::from(id),
                ..Synced::default()
            };
            commit(&mut writer, &synced).unwrap();
        }
        assert_eq!(index.searchable_segment_ids().unwrap().len(), 3);

        merge_all(&index, &mut writer).unwrap();

        assert_eq!(index.searchable_segment_ids().unwrap().len(), 1);
        let reader = index.reader().unwrap();
        assert_eq!(reader.searcher().search(&AllQuery, &Count).unwrap(), 3);
        assert_eq!(Synced::read(&index).map(|synced| synced.version), Some(3));
    }
}
