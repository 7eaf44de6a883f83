//! A practice as it leaves the portal: one record for the CSV, the JSON download, the feed
//! and the API, so that they never disagree.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::ids::{OrganisationId, PracticeId};
use crate::languages::Lang;
use crate::organisations::Organisation;
use crate::paths;
use crate::practices::models::PracticeDetail;
use crate::practices::translations::Translation;
use crate::practices::views::version_url;
use crate::taxonomy::{
    Approach, Award, GovernanceLevel, ImpactArea, InnovationType, IntegrationType, Language,
    Region, SocialInnovationElement, Topic,
};

#[derive(Debug, Clone, Serialize)]
pub struct InstitutionRecord {
    pub id: OrganisationId,
    pub url: String,
    pub name: String,
    pub country: String,
    pub region: Region,
}

impl InstitutionRecord {
    fn new(organisation: Organisation, public_url: &str) -> InstitutionRecord {
        InstitutionRecord {
            url: format!("{public_url}{}", paths::organisation(organisation.id)),
            id: organisation.id,
            name: organisation.name,
            country: organisation.country,
            region: organisation.region,
        }
    }
}

/// Vocabulary values are slugs: the values the filters of `/practices` and of the API take.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeRecord {
    pub id: PracticeId,
    pub url: String,
    pub title: String,
    pub language: Language,
    pub summary: String,
    pub institution: InstitutionRecord,
    /// Other institutions of a joint submission.
    pub partners: Vec<InstitutionRecord>,
    pub competition_year: Option<i32>,
    pub implementation_year: i32,
    pub award: Option<Award>,
    pub innovation_distinction: bool,
    pub topics: Vec<Topic>,
    pub impact_area: ImpactArea,
    pub approach: Approach,
    pub innovation_type: InnovationType,
    pub governance_level: GovernanceLevel,
    pub social_innovation_elements: Vec<SocialInnovationElement>,
    pub integration_types: Vec<IntegrationType>,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// The body of an entry, which the API gives for one practice at a time.
#[derive(Debug, Clone, Serialize)]
pub struct Sections {
    pub challenge: String,
    pub solution: String,
    pub results: String,
    pub innovation: String,
    pub sustainability: String,
    pub replicability: String,
}

impl Sections {
    /// The sections in the template's order.
    fn of(texts: [&str; 6]) -> Sections {
        let [challenge, solution, results, innovation, sustainability, replicability] =
            texts.map(str::to_owned);
        Sections {
            challenge,
            solution,
            results,
            innovation,
            sustainability,
            replicability,
        }
    }
}

/// A practice with its body and its versions in other languages: `/api/v1/practices/{id}`.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeDocument {
    #[serde(flatten)]
    pub record: PracticeRecord,
    pub sections: Sections,
    pub translations: Vec<TranslationRecord>,
}

/// A version of a practice in another language; an empty section is the original's.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationRecord {
    /// Its ISO 639-1 code.
    pub language: String,
    /// Its page.
    pub url: String,
    pub title: String,
    pub summary: String,
    pub sections: Sections,
}

impl PracticeRecord {
    pub fn new(detail: PracticeDetail, public_url: &str) -> PracticeRecord {
        let p = detail.practice;
        PracticeRecord {
            id: p.id,
            url: format!("{public_url}{}", paths::practice(p.id)),
            title: p.title,
            language: p.language,
            summary: p.summary,
            institution: InstitutionRecord::new(detail.organisation, public_url),
            partners: detail
                .partners
                .into_iter()
                .map(|partner| InstitutionRecord::new(partner, public_url))
                .collect(),
            competition_year: p.competition_year,
            implementation_year: p.implementation_year,
            award: p.award,
            innovation_distinction: p.innovation_distinction,
            topics: detail.topics,
            impact_area: p.impact_area,
            approach: p.approach,
            innovation_type: p.innovation_type,
            governance_level: p.governance_level,
            social_innovation_elements: detail.elements,
            integration_types: detail.integrations,
            published_at: p.published_at.map(|at| at.and_utc()),
            updated_at: p.updated_at.and_utc(),
        }
    }

    /// The columns of the CSV download, in the order of `CSV_HEADER`. Spreadsheet readers get
    /// labels rather than slugs; several values share a cell, separated by `; ` (labels may
    /// hold commas).
    pub fn csv_row(&self, lang: Lang) -> [String; CSV_HEADER.len()] {
        fn labels<T: crate::taxonomy::Term>(terms: &[T], lang: Lang) -> String {
            terms
                .iter()
                .map(|&term| term.label(lang))
                .collect::<Vec<_>>()
                .join("; ")
        }
        let optional = |value: Option<String>| value.unwrap_or_default();
        [
            self.id.to_string(),
            self.url.clone(),
            self.title.clone(),
            self.institution.name.clone(),
            self.institution.country.clone(),
            self.institution.region.label(lang),
            self.partners
                .iter()
                .map(|partner| partner.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            self.language.name(lang).to_owned(),
            optional(self.competition_year.map(|year| year.to_string())),
            self.implementation_year.to_string(),
            optional(self.award.map(|award| award.label(lang))),
            self.innovation_distinction.to_string(),
            labels(&self.topics, lang),
            self.impact_area.label(lang),
            self.approach.label(lang),
            self.innovation_type.label(lang),
            self.governance_level.label(lang),
            labels(&self.social_innovation_elements, lang),
            labels(&self.integration_types, lang),
            optional(self.published_at.map(|at| at.to_rfc3339())),
            self.summary.clone(),
        ]
    }
}

pub const CSV_HEADER: [&str; 21] = [
    "id",
    "url",
    "title",
    "institution",
    "country",
    "region",
    "partners",
    "language",
    "competition_year",
    "implementation_year",
    "award",
    "innovation_distinction",
    "topics",
    "impact_area",
    "approach",
    "innovation_type",
    "governance_level",
    "social_innovation_elements",
    "integration_types",
    "published_at",
    "summary",
];

impl PracticeDocument {
    pub fn new(
        detail: PracticeDetail,
        translations: Vec<Translation>,
        public_url: &str,
    ) -> PracticeDocument {
        let p = &detail.practice;
        let sections = Sections::of([
            &p.challenge,
            &p.solution,
            &p.results,
            &p.innovation,
            &p.sustainability,
            &p.replicability,
        ]);
        let translations = translations
            .iter()
            .map(|version| TranslationRecord {
                url: format!("{public_url}{}", version_url(p.id, &version.language)),
                language: version.language.clone(),
                title: version.title.clone(),
                summary: version.summary.clone(),
                sections: Sections::of(version.sections()),
            })
            .collect();
        PracticeDocument {
            record: PracticeRecord::new(detail, public_url),
            sections,
            translations,
        }
    }
}
