//! Loads the generated demo data set (`demo::generate`) into the database.

use diesel::prelude::*;

use super::{DemoDataset, VERSIONS};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::language_versions::VersionForm;
use crate::organisations::{self, NewOrganisation};
use crate::practices::models::{NewPractice, PracticeLinks};
use crate::practices::repository;
use crate::practices::translations::Translation;
use crate::progress::Progress;
use crate::schema::practice_translations;
use crate::taxonomy::PracticeStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub organisations: usize,
    pub practices: usize,
}

/// Inserts the demo institutions and `practice_count` published practices in one transaction.
pub fn load_demo(
    conn: &mut DbConnection,
    practice_count: usize,
    progress: &Progress,
) -> Result<SeedReport, AppError> {
    let dataset = super::generate(practice_count);
    progress.add_to_total(dataset.practices.len() as u64);
    crate::db::write_transaction(conn, |conn| insert_dataset(conn, &dataset, progress))
}

fn insert_dataset(
    conn: &mut DbConnection,
    dataset: &DemoDataset,
    progress: &Progress,
) -> Result<SeedReport, AppError> {
    let organisation_ids = dataset
        .organisations
        .iter()
        .map(|organisation| {
            organisations::repository::insert(
                conn,
                &NewOrganisation {
                    name: &organisation.name,
                    country: organisation.country,
                    region: organisation.region,
                    kind: organisation.kind,
                    approved: true,
                },
            )
        })
        .collect::<QueryResult<Vec<_>>>()?;
    for practice in &dataset.practices {
        progress.advance(1);
        let links = PracticeLinks {
            partners: practice
                .partners
                .iter()
                .map(|&p| organisation_ids[p])
                .collect(),
            topics: practice.topics.clone(),
            elements: practice.elements.clone(),
            integrations: practice.integrations.clone(),
        };
        let id = repository::insert(
            conn,
            &NewPractice {
                organisation_id: organisation_ids[practice.organisation],
                title: &practice.title,
                summary: &practice.summary,
                challenge: &practice.challenge,
                solution: &practice.solution,
                results: &practice.results,
                innovation: &practice.innovation,
                sustainability: &practice.sustainability,
                replicability: &practice.replicability,
                language: practice.language,
                implementation_year: practice.implementation_year,
                status: PracticeStatus::Published,
                award: practice.award,
                innovation_distinction: practice.innovation_distinction,
                competition_year: Some(practice.competition_year),
                impact_area: practice.impact_area,
                approach: practice.approach,
                innovation_type: practice.innovation_type,
                governance_level: practice.governance_level,
                published_at: Some(practice.published_at),
                entry_id: None,
            },
            &links,
        )?;
        for version in VERSIONS.iter().filter(|v| v.original == practice.title) {
            let form = VersionForm {
                language: version.language.slug().to_owned(),
                title: version.title.to_owned(),
                summary: version.summary.to_owned(),
                sections: Default::default(),
            };
            diesel::insert_into(practice_translations::table)
                .values(Translation::new(id, form))
                .execute(conn)?;
        }
    }
    Ok(SeedReport {
        organisations: organisation_ids.len(),
        practices: dataset.practices.len(),
    })
}
