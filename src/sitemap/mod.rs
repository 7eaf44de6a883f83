//! The sitemap: an index at `/sitemap.xml` naming one file of the main pages and institutions
//! and as many files of practices as it takes at 50,000 URLs a file (the protocol's limit), all
//! written from the in-memory catalogue. Each page is listed with its versions in the four
//! interface languages (`?lang=…`) as alternates, and the address without it as the default; a
//! practice also with its versions in other languages (`?version=ja`).

pub mod public_pages;

use std::io;

use quick_xml::events::BytesText;
use quick_xml::Writer;

use std::collections::HashMap;

use crate::error::AppError;
use crate::ids::PracticeId;
use crate::languages::Lang;
use crate::paths;
use crate::practices::catalog::Catalog;

/// The most URLs the sitemap protocol allows in one file.
const URLS_PER_FILE: usize = 50_000;

const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
/// Where the alternates' `<xhtml:link>` comes from.
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The pages every visitor starts from.
const MAIN_PAGES: [&str; 5] = [
    paths::HOME,
    paths::PRACTICES,
    paths::FRAMEWORK,
    paths::STATISTICS,
    paths::MAP,
];

/// `/sitemap.xml`: the files below.
pub fn index(catalog: &Catalog, public_url: &str) -> Result<Vec<u8>, AppError> {
    let practice_files = catalog.ids().len().div_ceil(URLS_PER_FILE);
    let files = std::iter::once(format!("{public_url}{}", paths::SITEMAP_PAGES)).chain(
        (1..=practice_files).map(|part| format!("{public_url}{}", paths::sitemap_practices(part))),
    );
    write("sitemapindex", "sitemap", files.map(plain), false)
}

/// The main pages and every institution's page.
pub fn pages(catalog: &Catalog, public_url: &str) -> Result<Vec<u8>, AppError> {
    let main = MAIN_PAGES.iter().map(|path| format!("{public_url}{path}"));
    let institutions = catalog
        .organisation_ids()
        .map(|id| format!("{public_url}{}", paths::organisation(id)));
    write("urlset", "url", main.chain(institutions).map(plain), true)
}

/// The ids of part `part` (from 1) of the published practices; `None` past the last part.
pub fn practices_of_part(catalog: &Catalog, part: usize) -> Option<&[PracticeId]> {
    catalog
        .ids()
        .chunks(URLS_PER_FILE)
        .nth(part.checked_sub(1)?)
}

/// These practices, each with the languages of its versions (`versions`, ISO 639-1 codes) that
/// are not interface languages: a page in an interface language shows the version in it.
pub fn practices(
    ids: &[PracticeId],
    versions: &HashMap<PracticeId, Vec<String>>,
    public_url: &str,
) -> Result<Vec<u8>, AppError> {
    let urls = ids.iter().map(|id| {
        let url = format!("{public_url}{}", paths::practice(id));
        let others = versions
            .get(id)
            .into_iter()
            .flatten()
            .filter(|code| Lang::from_tag(code).is_none())
            .map(|code| (code.clone(), format!("{url}?version={code}")))
            .collect();
        (url, others)
    });
    write("urlset", "url", urls, true)
}

/// A page with no versions but the interface's.
fn plain(url: String) -> (String, Vec<(String, String)>) {
    (url, Vec::new())
}

/// `<root><entry><loc>URL</loc></entry>…</root>` in the sitemap namespace; with `alternates`,
/// each entry names its page in every interface language too, and its other versions given
/// with it as `(hreflang, address)`.
fn write(
    root: &str,
    entry: &str,
    urls: impl Iterator<Item = (String, Vec<(String, String)>)>,
    alternates: bool,
) -> Result<Vec<u8>, AppError> {
    let mut writer = Writer::new(Vec::with_capacity(4096));
    writer
        .write_event(quick_xml::events::Event::Decl(
            quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), None),
        ))
        .map_err(AppError::encoding)?;
    let mut element = writer
        .create_element(root)
        .with_attribute(("xmlns", NAMESPACE));
    if alternates {
        element = element.with_attribute(("xmlns:xhtml", XHTML));
    }
    element
        .write_inner_content(|writer| {
            for (url, others) in urls {
                writer.create_element(entry).write_inner_content(|writer| {
                    writer
                        .create_element("loc")
                        .write_text_content(BytesText::new(&url))?;
                    if alternates {
                        let versions = Lang::ALL
                            .iter()
                            .map(|lang| (lang.tag(), format!("{url}?lang={lang}")))
                            .chain(
                                others
                                    .iter()
                                    .map(|(code, href)| (code.as_str(), href.clone())),
                            )
                            .chain([("x-default", url.clone())]);
                        for (hreflang, href) in versions {
                            writer
                                .create_element("xhtml:link")
                                .with_attribute(("rel", "alternate"))
                                .with_attribute(("hreflang", hreflang))
                                .with_attribute(("href", href.as_str()))
                                .write_empty()?;
                        }
                    }
                    Ok::<(), io::Error>(())
                })?;
            }
            Ok(())
        })
        .map_err(AppError::encoding)?;
    Ok(writer.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practices::catalog::CatalogSource;

    fn catalog(practices: i32) -> Catalog {
        Catalog::searchless(CatalogSource {
            ids: (1..=practices).map(PracticeId).collect(),
            ..CatalogSource::default()
        })
    }

    #[test]
    fn practices_are_split_into_files_of_at_most_50000() {
        let catalog = catalog(URLS_PER_FILE as i32 + 1);
        let index = String::from_utf8(index(&catalog, "https://x.org").unwrap()).unwrap();
        assert!(index.contains("<loc>https://x.org/sitemaps/practices-2.xml</loc>"));
        assert!(!index.contains("practices-3"));
        let part = practices_of_part(&catalog, 2).unwrap();
        let versions =
            HashMap::from([(PracticeId(50_001), vec!["fr".to_owned(), "ja".to_owned()])]);
        let second = practices(part, &versions, "https://x.org").unwrap();
        let second = String::from_utf8(second).unwrap();
        assert_eq!(second.matches("<url>").count(), 1);
        assert!(second.contains("<loc>https://x.org/practices/50001</loc>"));
        // The French version is the page in French; the Japanese one is an alternate of its own.
        assert!(second.contains(r#"hreflang="ja" href="https://x.org/practices/50001?version=ja""#));
        assert!(!second.contains("version=fr"));
        assert!(practices_of_part(&catalog, 3).is_none());
        assert!(practices_of_part(&catalog, 0).is_none());
    }

    #[test]
    fn urls_are_escaped() {
        let pages = String::from_utf8(pages(&catalog(0), "https://x.org/a&b").unwrap()).unwrap();
        assert!(pages.contains("<loc>https://x.org/a&amp;b/framework</loc>"));
        assert!(pages.contains(r#"hreflang="fa" href="https://x.org/a&amp;b/framework?lang=fa""#));
    }
}
