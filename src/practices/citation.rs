//! How to cite a practice: the sentence its page shows, BibTeX and RIS for reference managers,
//! and schema.org JSON-LD for search engines.

use chrono::NaiveDate;
use serde_json::json;

use super::models::PracticeDetail;
use crate::languages::{dates, Lang, Message};
use crate::paths;
use crate::taxonomy::Award;

/// What the portal calls itself in a citation.
pub const PORTAL: &str = "ISSA Good Practice Portal";

/// A practice as it is cited: by its institution, year, title and address.
pub struct Citation {
    pub institution: String,
    pub country: String,
    pub year: i32,
    pub title: String,
    pub summary: String,
    /// The ISO 639-1 code of the practice's language.
    pub language: &'static str,
    pub url: String,
    pub accessed: NaiveDate,
    pub published: Option<NaiveDate>,
    pub awards: Vec<Award>,
}

impl Citation {
    /// `public_url` is the portal's address without a trailing slash; `accessed` today.
    pub fn of(detail: &PracticeDetail, public_url: &str, accessed: NaiveDate) -> Citation {
        let practice = &detail.practice;
        let published = practice.published_at.map(|at| at.date());
        Citation {
            institution: detail.organisation.name.clone(),
            country: detail.organisation.country.clone(),
            // The year of the competition it was entered in, else the year it was published.
            year: practice
                .competition_year
                .or(published.map(|day| chrono::Datelike::year(&day)))
                .unwrap_or(practice.implementation_year),
            title: practice.title.clone(),
            summary: practice.summary.clone(),
            language: practice.language.slug(),
            url: format!("{public_url}{}", paths::practice(practice.id)),
            accessed,
            published,
            awards: practice
                .award
                .into_iter()
                .chain(
                    practice
                        .innovation_distinction
                        .then_some(Award::InnovationDistinction),
                )
                .collect(),
        }
    }

    /// The sentence to cite it by, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let accessed = self.accessed.and_hms_opt(0, 0, 0).unwrap_or_default();
        lang.message(
            &Message::new("cite-text")
                .with("institution", &self.institution)
                .with("year", self.year.to_string())
                .with("title", &self.title)
                .with("portal", PORTAL)
                .with("url", &self.url)
                .with("date", dates::day(&accessed, lang)),
        )
    }

    /// A BibTeX `@misc` entry; the institution in double braces, as a corporate author.
    pub fn bibtex(&self, key: &str) -> String {
        let mut fields = vec![
            (
                "author",
                format!("{{{}}}", bibtex_escape(&self.institution)),
            ),
            ("title", format!("{{{}}}", bibtex_escape(&self.title))),
            ("year", self.year.to_string()),
            ("howpublished", bibtex_escape(PORTAL)),
            ("url", self.url.clone()),
            ("urldate", self.accessed.to_string()),
            ("langid", self.language.to_owned()),
        ];
        if !self.awards.is_empty() {
            let awards: Vec<String> = self
                .awards
                .iter()
                .map(|award| Lang::En.t(award.label_key()))
                .collect();
            fields.push(("note", bibtex_escape(&awards.join("; "))));
        }
        let body: Vec<String> = fields
            .into_iter()
            .map(|(name, value)| format!("  {name} = {{{value}}}"))
            .collect();
        format!("@misc{{{key},\n{}\n}}\n", body.join(",\n"))
    }

    /// An RIS record (`TY  - ELEC` … `ER  - `), one tag a line.
    pub fn ris(&self) -> String {
        let mut lines = vec![
            ("TY", "ELEC".to_owned()),
            ("AU", self.institution.clone()),
            ("TI", self.title.clone()),
            ("PY", self.year.to_string()),
            ("PB", PORTAL.to_owned()),
            ("UR", self.url.clone()),
            ("Y2", self.accessed.format("%Y/%m/%d").to_string()),
            ("LA", self.language.to_owned()),
            ("AB", self.summary.clone()),
        ];
        if let Some(published) = self.published {
            lines.push(("DA", published.format("%Y/%m/%d").to_string()));
        }
        let mut record: String = lines
            .into_iter()
            .map(|(tag, value)| format!("{tag}  - {}\r\n", one_line(&value)))
            .collect();
        record.push_str("ER  - \r\n");
        record
    }

    /// schema.org JSON-LD, safe to put inside a `<script>` element.
    pub fn json_ld(&self) -> String {
        let awards: Vec<String> = self
            .awards
            .iter()
            .map(|award| Lang::En.t(award.label_key()))
            .collect();
        let document = json!({
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": self.title,
            "abstract": self.summary,
            "inLanguage": self.language,
            "url": self.url,
            "datePublished": self.published.map(|day| day.to_string()),
            "author": {
                "@type": "Organization",
                "name": self.institution,
                "address": { "@type": "PostalAddress", "addressCountry": self.country },
            },
            "award": awards,
            "isPartOf": { "@type": "WebSite", "name": PORTAL },
        });
        // `<`, `>` and `&` as JSON escapes: no text can end the script element early; and
        // without the characters HTML forbids, as every page.
        let json = document
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026");
        crate::text::clean(&json).into_owned()
    }
}

/// A value with TeX's special characters escaped.
fn bibtex_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in one_line(value).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A value on one line, as RIS and BibTeX fields need.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tex_specials_are_escaped_and_lines_joined() {
        assert_eq!(
            bibtex_escape("50% of R&D {costs}\n_paid_ by #1 ~ \\ ^"),
            "50\\% of R\\&D \\{costs\\} \\_paid\\_ by \\#1 \\textasciitilde{} \\textbackslash{} \\textasciicircum{}"
        );
    }
}
