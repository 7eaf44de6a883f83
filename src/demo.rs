// TEMPORARY STUB until the generator lands; never commit.
use crate::taxonomy::*;
use chrono::NaiveDateTime;
pub struct DemoOrganisation {
    pub name: String,
    pub country: &'static str,
    pub region: Region,
    pub kind: OrganisationKind,
}
pub struct DemoPractice {
    pub organisation: usize,
    pub partners: Vec<usize>,
    pub title: String,
    pub summary: String,
    pub challenge: String,
    pub solution: String,
    pub results: String,
    pub innovation: String,
    pub sustainability: String,
    pub replicability: String,
    pub language: Language,
    pub implementation_year: i32,
    pub competition_year: i32,
    pub award: Option<Award>,
    pub innovation_distinction: bool,
    pub topics: Vec<Topic>,
    pub impact_area: ImpactArea,
    pub approach: Approach,
    pub innovation_type: InnovationType,
    pub governance_level: GovernanceLevel,
    pub elements: Vec<SocialInnovationElement>,
    pub integrations: Vec<IntegrationType>,
    pub published_at: NaiveDateTime,
}
pub struct DemoDataset {
    pub organisations: Vec<DemoOrganisation>,
    pub practices: Vec<DemoPractice>,
}
pub const DEMO_PRACTICES: usize = 200;
pub fn generate(n: usize) -> DemoDataset {
    let organisations = vec![
        DemoOrganisation {
            name: "Employment and Social Development Canada".into(),
            country: "Canada",
            region: Region::Americas,
            kind: OrganisationKind::Ministry,
        },
        DemoOrganisation {
            name: "Kela".into(),
            country: "Finland",
            region: Region::Europe,
            kind: OrganisationKind::SocialSecurityInstitution,
        },
    ];
    let practices = (0..n)
        .map(|i| DemoPractice {
            organisation: i % 2,
            partners: if i % 7 == 3 {
                vec![(i + 1) % 2]
            } else {
                vec![]
            },
            title: format!("Practice number {i} on pensions"),
            summary: format!("Summary {i} about digital pension services."),
            challenge: "A challenge of coverage".into(),
            solution: "A mobile solution".into(),
            results: "Results grew 20%".into(),
            innovation: "Innovative".into(),
            sustainability: "Sustained".into(),
            replicability: "Replicable".into(),
            language: Language::English,
            implementation_year: 2015,
            competition_year: 2020 + (i % 3) as i32,
            award: if i % 5 == 0 {
                Some(Award::GoodPracticeAward)
            } else {
                None
            },
            innovation_distinction: i % 11 == 0,
            topics: vec![Topic::ALL[i % 28], Topic::ALL[(i + 3) % 28]],
            impact_area: ImpactArea::ALL[i % 2],
            approach: Approach::Activist,
            innovation_type: InnovationType::ALL[i % 4],
            governance_level: GovernanceLevel::ALL[i % 5],
            elements: vec![SocialInnovationElement::NeedDriven],
            integrations: vec![IntegrationType::ALL[i % 4]],
            published_at: chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, i as u32 % 60)
                .unwrap(),
        })
        .collect();
    DemoDataset {
        organisations,
        practices,
    }
}
