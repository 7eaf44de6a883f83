//! The Atom feed of a filtered list: its newest practices, newest first.

use std::borrow::Cow;

use atom_syndication::{Category, Entry, Feed, Generator, Link, Person, Text};
use chrono::{DateTime, FixedOffset};

use super::records::PracticeRecord;
use crate::error::AppError;
use crate::languages::Lang;

/// Entries in a feed: a reader polls it, so it needs only what is new since the last poll.
pub const FEED_ENTRIES: usize = 50;

pub const CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";

/// Where the feed is and what it follows, as absolute URLs.
pub struct FeedAddress {
    pub title: String,
    /// The feed itself, which is also its permanent id.
    pub feed_url: String,
    /// The list the feed follows.
    pub list_url: String,
}

pub fn write(
    address: FeedAddress,
    records: Vec<PracticeRecord>,
    lang: Lang,
) -> Result<Vec<u8>, AppError> {
    let entries: Vec<Entry> = records
        .into_iter()
        .map(|record| entry(record, lang))
        .collect();
    // An empty feed has not changed since the epoch; a fixed date keeps it cacheable.
    let updated = entries
        .iter()
        .map(|entry| entry.updated)
        .max()
        .unwrap_or_else(|| DateTime::UNIX_EPOCH.fixed_offset());
    let feed = Feed {
        title: Text::plain(xml_text(address.title)),
        id: address.feed_url.clone(),
        updated,
        links: vec![
            link(address.feed_url, "self", "application/atom+xml"),
            link(address.list_url, "alternate", "text/html"),
        ],
        generator: Some(Generator {
            value: lang.t("site-name"),
            ..Generator::default()
        }),
        lang: Some(lang.tag().to_owned()),
        entries,
        ..Feed::default()
    };
    feed.write_to(Vec::new()).map_err(AppError::encoding)
}

fn entry(record: PracticeRecord, lang: Lang) -> Entry {
    let updated: DateTime<FixedOffset> = record.updated_at.fixed_offset();
    let authors = std::iter::once(&record.institution)
        .chain(&record.partners)
        .map(|institution| Person {
            name: xml_text(institution.name.clone()),
            uri: Some(institution.url.clone()),
            ..Person::default()
        })
        .collect();
    Entry {
        title: Text {
            lang: Some(record.language.slug().to_owned()),
            ..Text::plain(xml_text(record.title))
        },
        id: record.url.clone(),
        updated,
        published: record.published_at.map(|at| at.fixed_offset()),
        authors,
        categories: record
            .topics
            .iter()
            .map(|topic| Category {
                term: topic.slug().to_owned(),
                label: Some(topic.label(lang)),
                ..Category::default()
            })
            .collect(),
        links: vec![link(record.url, "alternate", "text/html")],
        summary: Some(Text {
            lang: Some(record.language.slug().to_owned()),
            ..Text::plain(xml_text(record.summary))
        }),
        ..Entry::default()
    }
}

fn link(href: String, rel: &str, mime_type: &str) -> Link {
    Link {
        href,
        rel: rel.to_owned(),
        mime_type: Some(mime_type.to_owned()),
        ..Link::default()
    }
}

/// Text as XML 1.0 can carry it (`text::clean`), so that a title stored before input was
/// cleaned at the edge cannot make the whole feed unreadable.
fn xml_text(text: String) -> String {
    match crate::text::clean(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cleaned) => cleaned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_are_left_out_of_the_feed() {
        let feed = write(
            FeedAddress {
                title: "Practices: “\0pension\u{1}\u{fffe}” ü 🙂".to_owned(),
                feed_url: "http://127.0.0.1/practices.atom?q=%00pension".to_owned(),
                list_url: "http://127.0.0.1/practices?q=%00pension".to_owned(),
            },
            Vec::new(),
            Lang::En,
        )
        .unwrap();
        let feed = String::from_utf8(feed).unwrap();
        let document = roxmltree::Document::parse(&feed).expect("well-formed XML");
        let title = document
            .descendants()
            .find(|node| node.has_tag_name("title"))
            .and_then(|node| node.text());
        assert_eq!(title, Some("Practices: “pension” ü 🙂"));
    }
}
