//! Deterministic demo data: real social-security institutions, a few practices written out in
//! full (among them the real 2020 Americas winner) and as many more as asked, composed from
//! phrase banks of the domain. Pure: the loader in `seed` writes it.

mod prose;
pub mod seed;
pub mod workflow;

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::db::DbConnection;
use crate::languages::Lang;
use crate::taxonomy::{
    Approach, Award, GovernanceLevel, ImpactArea, InnovationType, IntegrationType, Language,
    OrganisationKind, Region, SocialInnovationElement, Topic,
};

pub struct DemoOrganisation {
    pub name: String,
    pub country: &'static str,
    pub region: Region,
    pub kind: OrganisationKind,
}

pub struct DemoPractice {
    /// Index into `DemoDataset::organisations`: the lead institution.
    pub organisation: usize,
    /// Joint institutions, never the lead.
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
    /// Never `Award::InnovationDistinction`, which is `innovation_distinction`.
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

/// The default demo size.
pub const DEMO_PRACTICES: usize = 320;

const SEED: u64 = 2020;

use OrganisationKind::{
    HealthInsurance as Health, Ministry, OccupationalRiskInsurer as Risk, PensionFund as Pension,
    SocialSecurityInstitution as Social,
};
use Region::{Africa, Americas, AsiaPacific, Europe};

const INSTITUTIONS: &[(&str, &str, Region, OrganisationKind)] = &[
    (
        "Employment and Social Development Canada",
        "CA",
        Americas,
        Ministry,
    ),
    (
        "Instituto Mexicano del Seguro Social",
        "MX",
        Americas,
        Social,
    ),
    (
        "Administración Nacional de la Seguridad Social",
        "AR",
        Americas,
        Social,
    ),
    (
        "Instituto Nacional do Seguro Social",
        "BR",
        Americas,
        Social,
    ),
    ("Banco de Previsión Social", "UY", Americas, Social),
    (
        "Caja Costarricense de Seguro Social",
        "CR",
        Americas,
        Health,
    ),
    ("Instituto de Previsión Social", "PY", Americas, Social),
    ("Superintendencia de Pensiones", "CL", Americas, Ministry),
    (
        "Administradora Colombiana de Pensiones – Colpensiones",
        "CO",
        Americas,
        Pension,
    ),
    (
        "Instituto Ecuatoriano de Seguridad Social",
        "EC",
        Americas,
        Social,
    ),
    ("Seguro Social de Salud – EsSalud", "PE", Americas, Health),
    ("Social Security Administration", "US", Americas, Social),
    ("Caja de Seguro Social", "PA", Americas, Social),
    (
        "National Insurance and Social Security Service",
        "BB",
        Americas,
        Social,
    ),
    ("Tesorería de la Seguridad Social", "DO", Americas, Social),
    ("Deutsche Rentenversicherung Bund", "DE", Europe, Pension),
    (
        "Deutsche Gesetzliche Unfallversicherung",
        "DE",
        Europe,
        Risk,
    ),
    (
        "Caisse nationale d'assurance vieillesse",
        "FR",
        Europe,
        Pension,
    ),
    (
        "Caisse nationale des allocations familiales",
        "FR",
        Europe,
        Social,
    ),
    (
        "Kela – Social Insurance Institution of Finland",
        "FI",
        Europe,
        Social,
    ),
    ("Swedish Social Insurance Agency", "SE", Europe, Social),
    (
        "Norwegian Labour and Welfare Administration",
        "NO",
        Europe,
        Social,
    ),
    ("Sociale Verzekeringsbank", "NL", Europe, Social),
    (
        "Istituto Nazionale della Previdenza Sociale",
        "IT",
        Europe,
        Social,
    ),
    (
        "Instituto Nacional de la Seguridad Social",
        "ES",
        Europe,
        Social,
    ),
    ("Social Insurance Institution – ZUS", "PL", Europe, Social),
    ("Estonian Social Insurance Board", "EE", Europe, Social),
    ("National Social Security Office", "BE", Europe, Social),
    ("Department of Social Protection", "IE", Europe, Ministry),
    (
        "Austrian Workers' Compensation Board – AUVA",
        "AT",
        Europe,
        Risk,
    ),
    ("Instituto da Segurança Social", "PT", Europe, Social),
    (
        "State Social Insurance Fund Board – Sodra",
        "LT",
        Europe,
        Social,
    ),
    ("Social Security Institution – SGK", "TR", Europe, Social),
    ("Federal Social Insurance Office", "CH", Europe, Ministry),
    ("Social Security Organization", "IR", AsiaPacific, Social),
    (
        "Social Security Organisation – PERKESO",
        "MY",
        AsiaPacific,
        Social,
    ),
    ("Employees Provident Fund", "MY", AsiaPacific, Pension),
    ("Central Provident Fund Board", "SG", AsiaPacific, Pension),
    ("National Pension Service", "KR", AsiaPacific, Pension),
    (
        "National Health Insurance Service",
        "KR",
        AsiaPacific,
        Health,
    ),
    ("Japan Pension Service", "JP", AsiaPacific, Pension),
    ("Social Security Office", "TH", AsiaPacific, Social),
    ("Social Security System", "PH", AsiaPacific, Social),
    ("BPJS Ketenagakerjaan", "ID", AsiaPacific, Social),
    (
        "Employees' State Insurance Corporation",
        "IN",
        AsiaPacific,
        Health,
    ),
    ("Services Australia", "AU", AsiaPacific, Ministry),
    ("Accident Compensation Corporation", "NZ", AsiaPacific, Risk),
    ("Vietnam Social Security", "VN", AsiaPacific, Social),
    (
        "General Organization for Social Insurance",
        "SA",
        AsiaPacific,
        Social,
    ),
    ("Social Protection Fund", "OM", AsiaPacific, Social),
    ("National Social Security Fund", "KE", Africa, Social),
    ("Caisse nationale de sécurité sociale", "MA", Africa, Social),
    (
        "Caisse nationale de retraite et de prévoyance sociale",
        "TN",
        Africa,
        Pension,
    ),
    (
        "Social Security and National Insurance Trust",
        "GH",
        Africa,
        Pension,
    ),
    ("Nigeria Social Insurance Trust Fund", "NG", Africa, Risk),
    ("South African Social Security Agency", "ZA", Africa, Social),
    ("Compensation Fund", "ZA", Africa, Risk),
    ("National Social Security Authority", "ZW", Africa, Social),
    (
        "Caisse Nationale de Prévoyance Sociale",
        "CI",
        Africa,
        Social,
    ),
    (
        "Caisse de sécurité sociale du Sénégal",
        "SN",
        Africa,
        Social,
    ),
    ("Rwanda Social Security Board", "RW", Africa, Social),
    ("National Pension Scheme Authority", "ZM", Africa, Pension),
    (
        "National Organization for Social Insurance",
        "EG",
        Africa,
        Social,
    ),
    (
        "Caisse nationale des assurances sociales",
        "DZ",
        Africa,
        Social,
    ),
    ("Social Security Commission", "NA", Africa, Social),
    // More member institutions of the Americas: with those above, the 30 institutions of 18
    // countries that entered the 2020 competition of the story.
    (
        "Instituto Guatemalteco de Seguridad Social",
        "GT",
        Americas,
        Social,
    ),
    (
        "Instituto Salvadoreño del Seguro Social",
        "SV",
        Americas,
        Social,
    ),
    (
        "Instituto Hondureño de Seguridad Social",
        "HN",
        Americas,
        Social,
    ),
    (
        "Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado",
        "MX",
        Americas,
        Social,
    ),
    (
        "Instituto del Fondo Nacional de la Vivienda para los Trabajadores",
        "MX",
        Americas,
        Social,
    ),
    (
        "Superintendencia de Riesgos del Trabajo",
        "AR",
        Americas,
        Risk,
    ),
    (
        "Caja de Jubilaciones y Pensiones Bancarias",
        "UY",
        Americas,
        Pension,
    ),
    (
        "Administradora de los Recursos del Sistema General de Seguridad Social en Salud",
        "CO",
        Americas,
        Health,
    ),
    (
        "Instituto de Seguridad Social de las Fuerzas Armadas",
        "EC",
        Americas,
        Social,
    ),
    (
        "Oficina de Normalización Previsional",
        "PE",
        Americas,
        Pension,
    ),
    ("Railroad Retirement Board", "US", Americas, Pension),
    (
        "Superintendencia de Seguridad Social",
        "CL",
        Americas,
        Ministry,
    ),
    (
        "Consejo Nacional de Seguridad Social",
        "DO",
        Americas,
        Ministry,
    ),
    ("Retraite Québec", "CA", Americas, Pension),
    ("Instituto Nacional de Seguros", "CR", Americas, Risk),
];

/// The competition the seeds tell of: the ISSA Good Practice Award for the Americas 2020, with
/// 138 entries from 30 institutions in 18 countries, all published in the database, won by
/// ESDC's "Service transformation: Design-thinking and the Acceleration Hub".
pub const STORY: (Region, i32) = (Americas, 2020);
pub const STORY_ENTRIES: usize = 138;
pub const STORY_INSTITUTIONS: usize = 30;
pub const STORY_COUNTRIES: usize = 18;

/// The institutions of the story's entries still to compose, after the written practices:
/// each institution of the Americas that has none yet first, then all of them in turn.
fn story_institutions(written: &[DemoPractice]) -> impl Iterator<Item = usize> {
    let in_story = |practice: &&DemoPractice| {
        (
            INSTITUTIONS[practice.organisation].2,
            practice.competition_year,
        ) == STORY
    };
    let entered: BTreeSet<usize> = written
        .iter()
        .filter(in_story)
        .map(|practice| practice.organisation)
        .collect();
    let americas: Vec<usize> = (0..INSTITUTIONS.len())
        .filter(|&organisation| INSTITUTIONS[organisation].2 == STORY.0)
        .collect();
    let first: Vec<usize> = americas
        .iter()
        .copied()
        .filter(|organisation| !entered.contains(organisation))
        .collect();
    let remaining = STORY_ENTRIES - written.iter().filter(in_story).count();
    first
        .into_iter()
        .chain(americas.into_iter().cycle())
        .take(remaining)
}

/// Regional competitions run on a three-year cycle; the forum where results are announced.
fn cycle_years(region: Region) -> [i32; 3] {
    match region {
        Africa | Americas => [2017, 2020, 2023],
        AsiaPacific | Europe => [2018, 2021, 2024],
    }
}

fn forum_date(region: Region, year: i32) -> NaiveDateTime {
    let (month, day) = match region {
        Africa => (11, 14),
        Americas => (11, 17),
        AsiaPacific => (11, 8),
        Europe => (5, 18),
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|date| date.and_hms_opt(9, 0, 0))
        .expect("a valid forum date")
}

fn institution(name: &str) -> usize {
    INSTITUTIONS
        .iter()
        .position(|(n, ..)| *n == name)
        .unwrap_or_else(|| panic!("{name} is not a demo institution"))
}

/// A practice written out in full.
struct Written {
    institution: &'static str,
    title: &'static str,
    summary: &'static str,
    sections: [&'static str; 6],
    language: Language,
    implementation_year: i32,
    competition_year: i32,
    award: Option<Award>,
    topics: &'static [Topic],
    classification: (ImpactArea, Approach, InnovationType, GovernanceLevel),
    elements: &'static [SocialInnovationElement],
    integrations: &'static [IntegrationType],
}

/// A version in another language of a practice of `WRITTEN` (by its title): the ISSA publishes
/// in French too. Its sections are left empty, so the page shows the original's.
pub(crate) struct WrittenVersion {
    pub original: &'static str,
    pub language: Language,
    pub title: &'static str,
    pub summary: &'static str,
}

pub(crate) const VERSIONS: &[WrittenVersion] = &[WrittenVersion {
    original: "Service transformation: Design-thinking and the Acceleration Hub",
    language: Language::FRENCH,
    title: "Transformation des services : la pensée design et le Carrefour d’accélération",
    summary: "Emploi et Développement social Canada (EDSC) a créé le Carrefour d’accélération, \
        une petite équipe pluridisciplinaire qui applique la pensée design aux plus grands \
        services du ministère. Avec les clients, le personnel de première ligne et les équipes \
        des politiques, le Carrefour cartographie les parcours de service, met à l’essai des \
        changements en quelques semaines plutôt qu’en plusieurs années et les mesure à l’aune \
        des résultats pour les clients.",
}];

const WRITTEN: &[Written] = &[
    Written {
        institution: "Employment and Social Development Canada",
        title: "Service transformation: Design-thinking and the Acceleration Hub",
        summary: "Employment and Social Development Canada (ESDC) set up the Acceleration Hub, \
            a small multidisciplinary team that applies design thinking to the department's \
            largest services. Working with clients, front-line staff and policy teams, the Hub \
            maps service journeys, prototypes changes in weeks rather than years and measures \
            them against client outcomes. Its work on Employment Insurance, the Canada Pension \
            Plan and Old Age Security has shortened processing, reduced calls and made the \
            department's service culture more client-centric.",
        sections: [
            "Canadians told ESDC that its services were hard to navigate: applications were \
             long, decisions slow and the same information was asked for several times. \
             Modernisation projects were planned over many years and often delivered systems \
             rather than better experiences, while call volumes and backlogs kept rising.",
            "The Acceleration Hub brings together service designers, data analysts, policy \
             advisers and front-line officers. For each service it follows the client journey \
             end to end, holds co-design sessions with clients and staff, builds low-cost \
             prototypes (new letters, simplified forms, proactive notifications) and tests them \
             with real cases before scaling them nationally. A service transformation plan ties \
             the experiments to the department's priorities and investment decisions.",
            "Automatic enrolment for Old Age Security now reaches most seniors without an \
             application. Redesigned Employment Insurance letters cut follow-up calls by about \
             a fifth, and processing times for several benefits fell by weeks. Client \
             satisfaction is measured after every major change and has risen steadily; staff \
             report that decisions are now based on evidence from clients rather than on \
             assumptions.",
            "The novelty lies less in technology than in method: design thinking, rapid \
             prototyping and continuous measurement were brought inside a large public \
             administration and connected to its governance, so that small experiments can \
             change national services.",
            "The Hub is funded from the department's core budget and trains teams across ESDC \
             in design methods, so the capability does not depend on a project. A network of \
             service design champions carries the approach into regional offices.",
            "The method needs no specific technology and has been shared with other federal \
             departments and with social security institutions in the Americas; a playbook \
             describes how to start with a small team and one service journey.",
        ],
        language: Language::ENGLISH,
        implementation_year: 2017,
        competition_year: 2020,
        award: Some(Award::GoodPracticeAward),
        topics: &[Topic::ServiceQuality, Topic::Governance, Topic::Ict],
        classification: (
            ImpactArea::ServiceDelivery,
            Approach::Transformative,
            InnovationType::Sustaining,
            GovernanceLevel::IntraGovernmental,
        ),
        elements: &[
            SocialInnovationElement::NeedDriven,
            SocialInnovationElement::OpenProcess,
            SocialInnovationElement::ChangedRelations,
        ],
        integrations: &[
            IntegrationType::Organisational,
            IntegrationType::ServiceDelivery,
        ],
    },
    Written {
        institution: "Kela – Social Insurance Institution of Finland",
        title: "One digital application for student financial aid and housing",
        summary: "Kela replaced separate paper forms for study grants, student loans guarantees \
            and the housing supplement with one online application that is pre-filled from \
            national registers. Students answer only what Kela cannot know, receive an \
            automated decision in most cases within a day, and follow their case in the \
            OmaKela e-service.",
        sections: [
            "Each autumn tens of thousands of students applied for several benefits at once, \
             on different forms, and waited weeks for decisions while paying rent.",
            "A single digital application draws income, tuition and residence data from the \
             tax, education and population registers. Rules engines decide simple cases \
             automatically; officers handle the rest with all data on one screen.",
            "Four in five applications are now decided automatically, average processing time \
             fell from 16 days to 2, and calls to the student line dropped by a third.",
            "Registers are reused so that the citizen gives information once; automated \
             decisions are explained in plain language with the data they rest on.",
            "The service runs on Kela's shared benefit platform and is maintained by a \
             permanent product team together with student unions.",
            "The once-only approach applies to any benefit whose conditions can be read from \
             registers and has been presented to other Nordic institutions.",
        ],
        language: Language::ENGLISH,
        implementation_year: 2019,
        competition_year: 2021,
        award: Some(Award::MeritSpecialMention),
        topics: &[Topic::Ict, Topic::ServiceQuality, Topic::FamilyBenefits],
        classification: (
            ImpactArea::ServiceDelivery,
            Approach::Activist,
            InnovationType::Disruptive,
            GovernanceLevel::InterGovernmental,
        ),
        elements: &[SocialInnovationElement::NeedDriven],
        integrations: &[
            IntegrationType::Administrative,
            IntegrationType::ServiceDelivery,
        ],
    },
    Written {
        institution: "Instituto Mexicano del Seguro Social",
        title: "IMSS Digital: afiliación y trámites en línea para personas trabajadoras",
        summary: "El Instituto Mexicano del Seguro Social puso en línea los trámites más \
            frecuentes de afiliación, vigencia de derechos e incapacidades. Con la CURP y una \
            firma electrónica, las personas trabajadoras y las empresas resuelven desde el \
            teléfono lo que antes exigía acudir a una oficina.",
        sections: [
            "Millones de personas acudían cada año a las subdelegaciones para obtener su número \
             de seguridad social o comprobar su vigencia, con largas filas y costos de traslado.",
            "IMSS Digital ofrece una aplicación móvil y un portal con identidad verificada por \
             la CURP, la firma electrónica del SAT y la interconexión con el registro de \
             población.",
            "Más del 80 % de los trámites de afiliación se realizan ya en línea; el tiempo de \
             atención bajó de horas a minutos y se redujeron los errores de captura.",
            "La interoperabilidad con registros nacionales permite trámites sin papel y sin \
             presencia física.",
            "La plataforma forma parte de la estrategia de gobierno digital del Instituto y se \
             financia con su presupuesto ordinario.",
            "El modelo es replicable en instituciones que dispongan de un identificador único \
             de población.",
        ],
        language: Language::SPANISH,
        implementation_year: 2016,
        competition_year: 2020,
        award: Some(Award::Merit),
        topics: &[
            Topic::Ict,
            Topic::ExtensionOfCoverage,
            Topic::ServiceQuality,
        ],
        classification: (
            ImpactArea::ServiceDelivery,
            Approach::Activist,
            InnovationType::Disruptive,
            GovernanceLevel::InterGovernmental,
        ),
        elements: &[SocialInnovationElement::NeedDriven],
        integrations: &[IntegrationType::ServiceDelivery],
    },
    Written {
        institution: "Caisse nationale des allocations familiales",
        title: "Le versement à la source des prestations familiales grâce aux données sociales",
        summary: "La Caisse nationale des allocations familiales calcule désormais les aides au \
            logement et la prime d'activité à partir des revenus déclarés chaque mois par les \
            employeurs. Les allocataires n'ont plus à déclarer leurs ressources et leurs droits \
            suivent la réalité de leur situation.",
        sections: [
            "Les droits étaient calculés sur des revenus vieux de deux ans, ce qui créait des \
             indus et des rappels difficiles à comprendre pour les familles.",
            "Les données de la déclaration sociale nominative alimentent chaque mois le calcul \
             des droits ; les allocataires vérifient les montants dans leur espace en ligne.",
            "Les indus ont baissé de près d'un quart et les déclarations trimestrielles ont été \
             supprimées pour plusieurs millions de foyers.",
            "La réutilisation des données sociales change la relation entre l'allocataire et la \
             caisse : le droit vient à la personne.",
            "Le dispositif repose sur une infrastructure nationale partagée entre organismes de \
             protection sociale.",
            "Toute institution disposant de données de revenus en temps réel peut adopter la \
             même démarche.",
        ],
        language: Language::FRENCH,
        implementation_year: 2021,
        competition_year: 2024,
        award: Some(Award::GoodPracticeAward),
        topics: &[
            Topic::FamilyBenefits,
            Topic::SocialAssistance,
            Topic::ErrorEvasionFraud,
        ],
        classification: (
            ImpactArea::PublicValue,
            Approach::Transformative,
            InnovationType::Transformative,
            GovernanceLevel::InterGovernmental,
        ),
        elements: &[
            SocialInnovationElement::NeedDriven,
            SocialInnovationElement::PublicValueAllocation,
        ],
        integrations: &[IntegrationType::Administrative, IntegrationType::Financing],
    },
    Written {
        institution: "Deutsche Rentenversicherung Bund",
        title: "Digitale Reha-Nachsorge: Rückkehr ins Erwerbsleben nach der Rehabilitation",
        summary: "Die Deutsche Rentenversicherung Bund begleitet Versicherte nach einer \
            medizinischen Rehabilitation mit einem digitalen Nachsorgeprogramm. Übungen, \
            Videosprechstunden und ein Austausch mit Therapeuten sichern den Reha-Erfolg und \
            erleichtern die Rückkehr an den Arbeitsplatz.",
        sections: [
            "Viele Versicherte fanden nach der Rehabilitation keine wohnortnahe Nachsorge, und \
             der Behandlungserfolg ging im Alltag verloren.",
            "Eine zertifizierte App verbindet Versicherte mit ihrer Reha-Einrichtung; \
             Therapeuten passen das Programm wöchentlich an.",
            "Die Teilnahmequote an der Nachsorge stieg um 40 %, und mehr Versicherte kehrten \
             innerhalb von sechs Monaten in Arbeit zurück.",
            "Die Nachsorge wird unabhängig von Ort und Arbeitszeit möglich.",
            "Das Angebot ist als Regelleistung in das Reha-Programm der Rentenversicherung \
             aufgenommen.",
            "Andere Rehabilitationsträger können die Plattform über Rahmenverträge nutzen.",
        ],
        language: Language::GERMAN,
        implementation_year: 2016,
        competition_year: 2018,
        award: Some(Award::Attestation),
        topics: &[Topic::ReturnToWork, Topic::Health, Topic::Disability],
        classification: (
            ImpactArea::ServiceDelivery,
            Approach::Activist,
            InnovationType::Sustaining,
            GovernanceLevel::CrossSectoral,
        ),
        elements: &[
            SocialInnovationElement::NeedDriven,
            SocialInnovationElement::ChangedRelations,
        ],
        integrations: &[
            IntegrationType::ServiceDelivery,
            IntegrationType::Organisational,
        ],
    },
    Written {
        institution: "Social Security Organization",
        title: "Electronic prescription and referral for insured persons",
        summary: "Iran's Social Security Organization replaced paper prescription booklets with \
            electronic prescriptions and referrals linked to the national identity number. \
            Doctors, pharmacies and laboratories contracted by the Organization exchange data \
            online, insured persons no longer carry booklets, and claims are checked \
            automatically.",
        sections: [
            "Paper booklets were lost or forged, claims from pharmacies were checked by hand \
             months later, and insured persons had to renew booklets in person.",
            "A national platform issues electronic prescriptions and referrals that any \
             contracted provider can read with the patient's identity number and a one-time \
             code sent by SMS.",
            "Booklet printing stopped, claim processing time fell from months to days and \
             duplicate prescriptions dropped sharply.",
            "The platform connects public and private providers around one record of the \
             insured person.",
            "Providers are paid faster when they use the platform, which keeps them engaged.",
            "The approach suits any health insurance scheme with a national identifier.",
        ],
        language: Language::ENGLISH,
        implementation_year: 2019,
        competition_year: 2021,
        award: Some(Award::Merit),
        topics: &[Topic::Health, Topic::Ict, Topic::ErrorEvasionFraud],
        classification: (
            ImpactArea::PublicValue,
            Approach::Transformative,
            InnovationType::Disruptive,
            GovernanceLevel::CrossSectoral,
        ),
        elements: &[
            SocialInnovationElement::NeedDriven,
            SocialInnovationElement::ChangedRelations,
        ],
        integrations: &[
            IntegrationType::ServiceDelivery,
            IntegrationType::Administrative,
        ],
    },
];

/// Vocabulary for composing practices on one topic.
struct Theme {
    topic: Topic,
    services: &'static [&'static str],
    groups: &'static [&'static str],
}

const THEMES: &[Theme] = &[
    Theme {
        topic: Topic::OldAgePensions,
        services: &[
            "pension claims",
            "retirement benefits",
            "survivors' pensions",
        ],
        groups: &["retirees", "older workers", "pensioners living abroad"],
    },
    Theme {
        topic: Topic::ExtensionOfCoverage,
        services: &[
            "social insurance registration",
            "voluntary contributions",
            "coverage for informal workers",
        ],
        groups: &[
            "informal-economy workers",
            "self-employed workers",
            "domestic workers",
        ],
    },
    Theme {
        topic: Topic::Compliance,
        services: &[
            "contribution collection",
            "employer declarations",
            "payroll reporting",
        ],
        groups: &["small employers", "employers", "platform companies"],
    },
    Theme {
        topic: Topic::Health,
        services: &[
            "health insurance benefits",
            "medical referrals",
            "sickness benefits",
        ],
        groups: &[
            "insured patients",
            "people with chronic illness",
            "rural families",
        ],
    },
    Theme {
        topic: Topic::Employment,
        services: &[
            "unemployment benefits",
            "job-search support",
            "training vouchers",
        ],
        groups: &[
            "jobseekers",
            "young unemployed people",
            "long-term unemployed people",
        ],
    },
    Theme {
        topic: Topic::Disability,
        services: &[
            "disability assessments",
            "disability pensions",
            "assistive services",
        ],
        groups: &[
            "persons with disabilities",
            "carers",
            "people with reduced work capacity",
        ],
    },
    Theme {
        topic: Topic::FamilyBenefits,
        services: &["child allowances", "family benefits", "childcare support"],
        groups: &["families with children", "single parents", "large families"],
    },
    Theme {
        topic: Topic::ReturnToWork,
        services: &[
            "rehabilitation programmes",
            "return-to-work plans",
            "vocational rehabilitation",
        ],
        groups: &[
            "injured workers",
            "workers on long-term sick leave",
            "employers",
        ],
    },
    Theme {
        topic: Topic::ErrorEvasionFraud,
        services: &["benefit payments", "contribution audits", "identity checks"],
        groups: &["beneficiaries", "employers", "claimants"],
    },
    Theme {
        topic: Topic::ServiceQuality,
        services: &[
            "contact centre services",
            "branch services",
            "case handling",
        ],
        groups: &["insured persons", "first-time claimants", "older customers"],
    },
    Theme {
        topic: Topic::OccupationalAccidents,
        services: &[
            "accident compensation",
            "occupational disease claims",
            "injury benefits",
        ],
        groups: &["injured workers", "miners", "construction workers"],
    },
    Theme {
        topic: Topic::Prevention,
        services: &[
            "workplace inspections",
            "risk assessments",
            "safety training",
        ],
        groups: &["small enterprises", "farm workers", "health-care workers"],
    },
    Theme {
        topic: Topic::SocialAssistance,
        services: &["cash transfers", "social grants", "minimum income benefits"],
        groups: &[
            "low-income households",
            "vulnerable families",
            "older people without pensions",
        ],
    },
    Theme {
        topic: Topic::Maternity,
        services: &[
            "maternity benefits",
            "parental leave payments",
            "prenatal care",
        ],
        groups: &["expectant mothers", "new parents", "self-employed mothers"],
    },
    Theme {
        topic: Topic::Migration,
        services: &[
            "portability of benefits",
            "coordination of contributions",
            "pensions paid abroad",
        ],
        groups: &[
            "migrant workers",
            "returning migrants",
            "cross-border workers",
        ],
    },
    Theme {
        topic: Topic::DigitalEconomy,
        services: &[
            "coverage of platform work",
            "digital contribution payments",
            "e-services",
        ],
        groups: &["platform workers", "freelancers", "digital entrepreneurs"],
    },
    Theme {
        topic: Topic::Shocks,
        services: &[
            "emergency benefits",
            "disaster relief payments",
            "temporary income support",
        ],
        groups: &[
            "households hit by floods",
            "workers laid off during the pandemic",
            "communities affected by drought",
        ],
    },
    Theme {
        topic: Topic::Continuity,
        services: &[
            "business continuity",
            "remote service delivery",
            "backup payment channels",
        ],
        groups: &[
            "beneficiaries",
            "staff working remotely",
            "regional offices",
        ],
    },
    Theme {
        topic: Topic::Governance,
        services: &[
            "strategic planning",
            "performance management",
            "risk management",
        ],
        groups: &["managers", "board members", "regional directors"],
    },
    Theme {
        topic: Topic::HumanResources,
        services: &["staff training", "competency management", "recruitment"],
        groups: &["front-line staff", "young professionals", "managers"],
    },
    Theme {
        topic: Topic::Investment,
        services: &[
            "reserve fund investment",
            "responsible investment",
            "asset management",
        ],
        groups: &["fund members", "investment committees", "future pensioners"],
    },
    Theme {
        topic: Topic::Actuarial,
        services: &[
            "actuarial valuations",
            "financial projections",
            "benefit costing",
        ],
        groups: &["policy makers", "actuaries", "the board"],
    },
    Theme {
        topic: Topic::DemographicChanges,
        services: &["long-term care benefits", "pension reform", "care services"],
        groups: &[
            "an ageing population",
            "older people living alone",
            "family carers",
        ],
    },
    Theme {
        topic: Topic::WorkplaceHealth,
        services: &[
            "workplace health programmes",
            "mental health support",
            "healthy workplace certification",
        ],
        groups: &["office workers", "shift workers", "employers"],
    },
    Theme {
        topic: Topic::MutualBenefitSocieties,
        services: &[
            "mutual health cover",
            "community insurance",
            "solidarity funds",
        ],
        groups: &["mutual members", "rural cooperatives", "informal traders"],
    },
    Theme {
        topic: Topic::SocialPolicies,
        services: &[
            "social protection floors",
            "integrated social programmes",
            "policy evaluation",
        ],
        groups: &["vulnerable groups", "children", "working poor"],
    },
    Theme {
        topic: Topic::Communication,
        services: &[
            "public information campaigns",
            "benefit communication",
            "customer information",
        ],
        groups: &["young workers", "the general public", "employers"],
    },
    Theme {
        topic: Topic::Ict,
        services: &["core benefit systems", "data exchange", "digital identity"],
        groups: &["insured persons", "partner agencies", "employers"],
    },
];

/// An ICT-enabled solution and the innovation type it usually stands for.
const SOLUTIONS: &[(&str, &str, InnovationType)] = &[
    (
        "an online self-service portal",
        "Self-service portal",
        InnovationType::Incremental,
    ),
    (
        "robotic process automation of back-office tasks",
        "Process automation",
        InnovationType::Incremental,
    ),
    (
        "electronic document management",
        "Paperless processing",
        InnovationType::Incremental,
    ),
    (
        "a mobile application",
        "Mobile app",
        InnovationType::Disruptive,
    ),
    (
        "a chatbot and virtual assistant",
        "Virtual assistant",
        InnovationType::Disruptive,
    ),
    (
        "machine-learning risk scoring",
        "Data analytics",
        InnovationType::Disruptive,
    ),
    (
        "a digital identity and e-signature service",
        "Digital identity",
        InnovationType::Disruptive,
    ),
    (
        "a shared data-exchange platform with other agencies",
        "Data exchange",
        InnovationType::Sustaining,
    ),
    (
        "a one-stop service window",
        "One-stop window",
        InnovationType::Sustaining,
    ),
    (
        "integrated case management",
        "Case management",
        InnovationType::Sustaining,
    ),
    (
        "proactive, event-triggered benefit awards",
        "Proactive benefits",
        InnovationType::Transformative,
    ),
    (
        "a platform co-designed with beneficiaries and community groups",
        "Co-designed platform",
        InnovationType::Transformative,
    ),
];

const VERBS: &[(&str, &str)] = &[
    ("Simplifying", "simplify"),
    ("Extending", "extend"),
    ("Accelerating", "accelerate"),
    ("Modernising", "modernise"),
    ("Personalising", "personalise"),
    ("Integrating", "integrate"),
    ("Securing", "secure"),
    ("Improving access to", "improve access to"),
    ("Rethinking", "rethink"),
    ("Digitalising", "digitalise"),
];

const PROGRAMME_WORDS: &[&str] = &[
    "Connect",
    "Bridge",
    "Compass",
    "Horizon",
    "Pathway",
    "Anchor",
    "Beacon",
    "Harbour",
    "Keystone",
    "Lighthouse",
    "Meridian",
    "Northstar",
    "Orbit",
    "Pillar",
    "Relay",
    "Summit",
    "Tandem",
    "Unity",
    "Vista",
    "Waypoint",
];

const CHALLENGES: &[&str] = &[
    "Before the reform, {group} had to visit an office several times and submit the same documents again and again to obtain {service}.",
    "Processing of {service} took weeks, backlogs grew every year and {group} often did not know where their case stood.",
    "Coverage gaps left many {group} without {service}, and outreach through branches could not reach remote areas.",
    "Fragmented information systems meant that data on {group} was held by several agencies, leading to errors and overpayments.",
    "Rising demand and an ageing workforce put pressure on the staff handling {service}, while expectations of {group} grew.",
    "Complaints about {service} were frequent, and surveys showed low trust among {group}.",
];

const SOLUTION_DETAILS: &[&str] = &[
    "The institution introduced {solution}, built in short iterations with staff and {group}.",
    "{solution_cap} was rolled out in stages, starting with a pilot region before national coverage.",
    "Business processes were redesigned before any system was built, removing steps that added no value.",
    "Data are exchanged in real time with the tax administration and the civil registry under a formal agreement.",
    "Front-line staff were trained as digital coaches to help {group} who needed assistance.",
    "Assisted channels remained open so that nobody is excluded by the digital service.",
];

const RESULTS: &[&str] = &[
    "Processing time for {service} fell by {pct} per cent within the first year.",
    "About {num} {group} used the new service in its first year, and {pct} per cent rated it good or very good.",
    "Visits to branches fell by {pct} per cent, freeing staff for complex cases.",
    "Errors and overpayments dropped by {pct} per cent, saving an estimated {num} thousand in benefits paid wrongly.",
    "Coverage among {group} rose by {pct} per cent compared with the baseline year.",
    "Customer complaints about {service} decreased by {pct} per cent.",
];

const INNOVATIONS: [&str; 4] = [
    "The practice improves an existing process with proven technology, making it faster and more reliable.",
    "The practice changes how the institution organises its work and partners with others around the needs of {group}.",
    "The service could not exist without ICT: it reaches {group} through channels that the institution did not have before.",
    "The practice changes the delivery model itself: benefits come to people when events in their lives occur, without an application.",
];

const SUSTAINABILITY: &[&str] = &[
    "The service is financed from the regular administrative budget and maintained by a permanent product team.",
    "Legal changes anchored the new process in regulation, so that it does not depend on a project.",
    "Running costs are lower than those of the former paper-based process, which secures long-term funding.",
    "Staff ownership was built through training and a network of internal champions.",
];

const REPLICABILITY: &[&str] = &[
    "The solution relies on open standards and can be adapted by institutions with similar registers.",
    "The institution has shared its specifications and lessons learned through ISSA technical commissions.",
    "A step-by-step guide describes how to start with a pilot and scale up.",
    "Other branches of social security, such as health and employment, are already adopting the approach.",
];

fn fill(
    template: &str,
    service: &str,
    group: &str,
    solution: &str,
    rng: &mut ChaCha8Rng,
) -> String {
    let mut solution_cap = solution.to_owned();
    if let Some(first) = solution_cap.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    template
        .replace("{service}", service)
        .replace("{group}", group)
        .replace("{solution_cap}", &solution_cap)
        .replace("{solution}", solution)
        .replace("{pct}", &rng.random_range(12..=68).to_string())
        .replace("{num}", &(rng.random_range(2..=95) * 1000).to_string())
}

/// Deterministic: the same count always yields the same dataset.
pub fn generate(practice_count: usize) -> DemoDataset {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let organisations = INSTITUTIONS
        .iter()
        .map(|&(name, country, region, kind)| DemoOrganisation {
            name: name.to_owned(),
            country,
            region,
            kind,
        })
        .collect();
    let mut practices: Vec<DemoPractice> = WRITTEN
        .iter()
        .take(practice_count)
        .map(written_practice)
        .collect();
    let mut story = story_institutions(&practices);
    while practices.len() < practice_count.min(DEMO_PRACTICES) {
        let number = practices.len();
        let practice = match story.next() {
            Some(organisation) => compose(&mut rng, number, organisation, STORY.1),
            None => composed_practice(&mut rng, number),
        };
        practices.push(practice);
    }
    // Past the demo's own practices (benchmarks), texts shaped like real ones.
    if practices.len() < practice_count {
        let vocabularies: [prose::Vocabulary; 4] =
            std::array::from_fn(|slot| prose::Vocabulary::new(Language::STEMMED[slot], &mut rng));
        while practices.len() < practice_count {
            let practice = prose_practice(&mut rng, practices.len(), &vocabularies);
            practices.push(practice);
        }
    }
    assign_awards(&mut rng, &mut practices);
    DemoDataset {
        organisations,
        practices,
    }
}

fn written_practice(written: &Written) -> DemoPractice {
    let organisation = institution(written.institution);
    let region = INSTITUTIONS[organisation].2;
    let [challenge, solution, results, innovation, sustainability, replicability] = written
        .sections
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "));
    let (impact_area, approach, innovation_type, governance_level) = written.classification;
    DemoPractice {
        organisation,
        partners: Vec::new(),
        title: written.title.to_owned(),
        summary: written
            .summary
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        challenge,
        solution,
        results,
        innovation,
        sustainability,
        replicability,
        language: written.language,
        implementation_year: written.implementation_year,
        competition_year: written.competition_year,
        award: written.award,
        innovation_distinction: false,
        topics: written.topics.to_vec(),
        impact_area,
        approach,
        innovation_type,
        governance_level,
        elements: written.elements.to_vec(),
        integrations: written.integrations.to_vec(),
        published_at: forum_date(region, written.competition_year),
    }
}

/// A practice of any institution and any competition but the story's, which is complete.
fn composed_practice(rng: &mut ChaCha8Rng, number: usize) -> DemoPractice {
    let organisation = rng.random_range(0..INSTITUTIONS.len());
    let region = INSTITUTIONS[organisation].2;
    let years: Vec<i32> = cycle_years(region)
        .into_iter()
        .filter(|&year| (region, year) != STORY)
        .collect();
    let competition_year = *years.choose(rng).expect("cycles");
    compose(rng, number, organisation, competition_year)
}

/// A practice of `organisation` entered in its region's competition of `competition_year`.
fn compose(
    rng: &mut ChaCha8Rng,
    number: usize,
    organisation: usize,
    competition_year: i32,
) -> DemoPractice {
    let (institution_name, country, region, _) = INSTITUTIONS[organisation];
    let theme = THEMES.choose(rng).expect("themes");
    let service = *theme.services.choose(rng).expect("services");
    let group = *theme.groups.choose(rng).expect("groups");
    let &(solution, solution_title, innovation_type) = SOLUTIONS.choose(rng).expect("solutions");
    let &(verb_title, verb) = VERBS.choose(rng).expect("verbs");
    let programme = format!(
        "{} {}",
        PROGRAMME_WORDS.choose(rng).expect("words"),
        number % 997 + 1
    );
    let title = match rng.random_range(0..3) {
        0 => format!("{verb_title} {service} for {group}: {programme}"),
        1 => format!("{solution_title} for {service}: the {programme} programme"),
        _ => format!(
            "{programme}: {verb_title} {service} through {}",
            solution.trim_start_matches("a ").trim_start_matches("an ")
        ),
    };
    let pick = |bank: &[&str], count: usize, rng: &mut ChaCha8Rng| {
        bank.choose_multiple(rng, count)
            .map(|template| fill(template, service, group, solution, rng))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let challenge = pick(CHALLENGES, 2, rng);
    let solution_text = pick(SOLUTION_DETAILS, 3, rng);
    let results = pick(RESULTS, 2, rng);
    let innovation = fill(
        INNOVATIONS[innovation_type.index()],
        service,
        group,
        solution,
        rng,
    );
    let sustainability = pick(SUSTAINABILITY, 2, rng);
    let replicability = pick(REPLICABILITY, 2, rng);
    let country_name = Lang::En.country(country);
    let summary = format!(
        "{institution_name} ({country_name}) introduced {solution} to {verb} {service} for {group}. {} {}",
        challenge.split(". ").next().unwrap_or_default().trim_end_matches('.').to_owned() + ".",
        results,
    );

    let implementation_year = rng.random_range(2010..=competition_year - 1);
    let partners = if rng.random_bool(0.08) {
        let partner = rng.random_range(0..INSTITUTIONS.len());
        if INSTITUTIONS[partner].1 != country {
            vec![partner]
        } else {
            Vec::new()
        }
    } else {
        Vec::new()
    };
    let mut topics = vec![theme.topic];
    for _ in 0..rng.random_range(0..=2) {
        let extra = *Topic::ALL.choose(rng).expect("topics");
        if !topics.contains(&extra) {
            topics.push(extra);
        }
    }
    let governance_level = if !partners.is_empty() {
        GovernanceLevel::CrossSectoral
    } else {
        *GovernanceLevel::ALL.choose(rng).expect("levels")
    };
    let approach = if innovation_type >= InnovationType::Disruptive && rng.random_bool(0.6) {
        Approach::Transformative
    } else {
        Approach::Activist
    };
    let mut elements = vec![SocialInnovationElement::NeedDriven];
    let mut others = SocialInnovationElement::ALL[1..].to_vec();
    others.shuffle(rng);
    elements.extend(others.into_iter().take(rng.random_range(0..=2)));
    let mut integrations = IntegrationType::ALL.to_vec();
    integrations.shuffle(rng);
    integrations.truncate(rng.random_range(1..=2));

    DemoPractice {
        organisation,
        partners,
        title,
        summary,
        challenge,
        solution: solution_text,
        results,
        innovation,
        sustainability,
        replicability,
        language: Language::ENGLISH,
        implementation_year,
        competition_year,
        award: None,
        innovation_distinction: false,
        topics,
        impact_area: if rng.random_bool(0.6) {
            ImpactArea::ServiceDelivery
        } else {
            ImpactArea::PublicValue
        },
        approach,
        innovation_type,
        governance_level,
        elements,
        integrations,
        published_at: forum_date(region, competition_year),
    }
}

/// A practice classified as the composed ones are, with text like a real practice's: in one
/// of the four languages, sections of 60 to 300 words, one to nine topics.
fn prose_practice(
    rng: &mut ChaCha8Rng,
    number: usize,
    vocabularies: &[prose::Vocabulary; 4],
) -> DemoPractice {
    let mut practice = composed_practice(rng, number);
    let slot = match rng.random_range(0..20) {
        0..=10 => 0,
        11..=13 => 1,
        14..=16 => 2,
        _ => 3,
    };
    let vocabulary = &vocabularies[slot];
    let title_words = rng.random_range(4..=9);
    let title = vocabulary.text(rng, title_words);
    practice.title = format!("{} {}", title.trim_end_matches('.'), number);
    let summary_words = rng.random_range(40..=150);
    practice.summary = vocabulary.text(rng, summary_words);
    let [a, b, c, d, e, f] = prose::section_lengths(rng);
    practice.challenge = vocabulary.text(rng, a);
    practice.solution = vocabulary.text(rng, b);
    practice.results = vocabulary.text(rng, c);
    practice.innovation = vocabulary.text(rng, d);
    practice.sustainability = vocabulary.text(rng, e);
    practice.replicability = vocabulary.text(rng, f);
    practice.language = Language::STEMMED[slot];
    let topic_count = rng.random_range(1..=9);
    practice.topics = Topic::ALL
        .choose_multiple(rng, topic_count)
        .copied()
        .collect();
    practice
}

/// One winner per regional competition that has none yet, then the other levels in the
/// proportions of the real awards.
fn assign_awards(rng: &mut ChaCha8Rng, practices: &mut [DemoPractice]) {
    let mut has_winner: Vec<(Region, i32)> = practices
        .iter()
        .filter(|p| p.award == Some(Award::GoodPracticeAward))
        .map(|p| (INSTITUTIONS[p.organisation].2, p.competition_year))
        .collect();
    for practice in practices.iter_mut().skip(WRITTEN.len()) {
        let competition = (
            INSTITUTIONS[practice.organisation].2,
            practice.competition_year,
        );
        practice.award = if !has_winner.contains(&competition) {
            has_winner.push(competition);
            Some(Award::GoodPracticeAward)
        } else {
            match rng.random_range(0..100) {
                0..5 => Some(Award::MeritSpecialMention),
                5..15 => Some(Award::Merit),
                15..40 => Some(Award::Attestation),
                _ => None,
            }
        };
        practice.innovation_distinction =
            practice.innovation_type >= InnovationType::Disruptive && rng.random_bool(0.05);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn words(text: &str) -> usize {
        text.split_whitespace().count()
    }

    #[test]
    fn the_same_count_gives_the_same_data() {
        let titles = |d: DemoDataset| d.practices.into_iter().map(|p| p.title).collect::<Vec<_>>();
        assert_eq!(titles(generate(300)), titles(generate(300)));
    }

    #[test]
    fn the_story_s_competition_has_the_announced_entries_institutions_and_countries() {
        let data = generate(DEMO_PRACTICES);
        let entries: Vec<&DemoPractice> = data
            .practices
            .iter()
            .filter(|p| (INSTITUTIONS[p.organisation].2, p.competition_year) == STORY)
            .collect();
        let institutions: BTreeSet<usize> = entries.iter().map(|p| p.organisation).collect();
        let countries: BTreeSet<&str> = institutions.iter().map(|&i| INSTITUTIONS[i].1).collect();
        assert_eq!(entries.len(), STORY_ENTRIES);
        assert_eq!(institutions.len(), STORY_INSTITUTIONS);
        assert_eq!(countries.len(), STORY_COUNTRIES);
        let winners: Vec<&str> = entries
            .iter()
            .filter(|p| p.award == Some(Award::GoodPracticeAward))
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(
            winners,
            ["Service transformation: Design-thinking and the Acceleration Hub"]
        );
    }

    #[test]
    fn the_first_practice_is_the_real_2020_americas_winner() {
        let data = generate(DEMO_PRACTICES);
        let first = &data.practices[0];
        assert_eq!(
            first.title,
            "Service transformation: Design-thinking and the Acceleration Hub"
        );
        assert_eq!(
            data.organisations[first.organisation].name,
            "Employment and Social Development Canada"
        );
        assert_eq!(
            (first.competition_year, first.award),
            (2020, Some(Award::GoodPracticeAward))
        );
    }

    #[test]
    fn institutions_span_the_regions_and_many_countries() {
        let data = generate(0);
        let countries: BTreeSet<_> = data.organisations.iter().map(|o| o.country).collect();
        let regions: BTreeSet<_> = data.organisations.iter().map(|o| o.region).collect();
        let names: BTreeSet<_> = data.organisations.iter().map(|o| o.name.as_str()).collect();
        assert!(countries.len() >= 40, "{} countries", countries.len());
        assert_eq!(regions.len(), 4);
        assert_eq!(names.len(), data.organisations.len(), "names are unique");
        assert!((75..=90).contains(&data.organisations.len()));
    }

    #[test]
    fn every_practice_keeps_the_rules_of_an_entry() {
        let data = generate(5_000);
        assert_eq!(data.practices.len(), 5_000);
        for p in &data.practices {
            let body = [
                &p.challenge,
                &p.solution,
                &p.results,
                &p.innovation,
                &p.sustainability,
                &p.replicability,
            ];
            assert!(words(&p.summary) <= 180, "{}", p.title);
            assert!(body.iter().map(|s| words(s)).sum::<usize>() <= 1_500);
            assert!(
                body.iter().all(|s| !s.contains('{')),
                "unfilled slot in {}",
                p.title
            );
            assert!(!p.topics.is_empty() && p.topics.len() <= 9);
            assert_eq!(
                p.topics.iter().collect::<BTreeSet<_>>().len(),
                p.topics.len()
            );
            assert_eq!(
                p.elements.iter().collect::<BTreeSet<_>>().len(),
                p.elements.len()
            );
            assert!(!p.integrations.is_empty());
            assert!(!p.partners.contains(&p.organisation));
            assert_ne!(p.award, Some(Award::InnovationDistinction));
            let region = data.organisations[p.organisation].region;
            assert!(cycle_years(region).contains(&p.competition_year));
            assert!(p.implementation_year <= p.competition_year);
        }
    }

    #[test]
    fn titles_rarely_repeat_at_scale() {
        let data = generate(20_000);
        let titles: BTreeSet<_> = data.practices.iter().map(|p| p.title.as_str()).collect();
        assert!(titles.len() > 19_000, "{} distinct titles", titles.len());
    }
}

/// Everything a newcomer sees on first start: the practice database and the workflow.
#[derive(Debug)]
pub struct DemoReport {
    pub practices: seed::SeedReport,
    pub workflow: workflow::WorkflowReport,
}

pub fn load(
    conn: &mut DbConnection,
    practice_count: usize,
    public_url: &str,
    progress: &crate::progress::Progress,
) -> Result<DemoReport, crate::error::AppError> {
    let practices = seed::load_demo(conn, practice_count, progress)?;
    let workflow = workflow::load(conn, chrono::Utc::now().naive_utc(), public_url)?;
    Ok(DemoReport {
        practices,
        workflow,
    })
}
