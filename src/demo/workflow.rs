//! The demo's people and work in progress: a secretariat, submitters of two institutions,
//! a juror, a membership request, competitions open in every region, and entries at each
//! step of the workflow. Everything goes through the same service functions as the web
//! forms, so the audit log and the outbox tell the same story.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::accounts::roles::{Juror, Secretariat};
use crate::accounts::service::{self as accounts, Registration};
use crate::accounts::{repository as people, Role, User};
use crate::competitions::repository as competitions_repository;
use crate::competitions::service as competitions;
use crate::competitions::{default_criteria, CompetitionSettings, Phase};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::EntryId;
use crate::jury::discussion;
use crate::jury::preference_service;
use crate::jury::preferences::Preference;
use crate::jury::repository as jury_repository;
use crate::jury::reviews::{CriterionInput, ReviewForm};
use crate::jury::scoring;
use crate::jury::service as jury;
use crate::organisations;
use crate::practices::repository as practices_repository;
use crate::submissions::form::EntryForm;
use crate::submissions::repository as entries_repository;
use crate::submissions::screening::ScreeningItem;
use crate::submissions::service::{
    self as submissions, Save, SaveOutcome, ScreeningOutcome, Target,
};
use crate::submissions::{EntryContent, EntryFields, EntryLinks, EntryStatus};
use crate::taxonomy::{Language, Region, Topic};

/// The demo accounts; the README lists them. They exist only in demo databases.
pub const SECRETARIAT: (&str, &str) = ("secretariat@demo.example", "demo-secretariat");
pub const SUBMITTER: (&str, &str) = ("submitter@esdc.demo.example", "demo-submitter");
pub const SECOND_SUBMITTER: (&str, &str) = ("submitter@imss.demo.example", "demo-submitter");
pub const APPLICANT: (&str, &str) = ("applicant@kela.demo.example", "demo-applicant");
pub const JUROR: (&str, &str) = ("juror@demo.example", "demo-juror-1");
pub const SECOND_JUROR: (&str, &str) = ("juror2@demo.example", "demo-juror-2");
pub const CHAIR: (&str, &str) = ("chair@demo.example", "demo-chair");
/// The password of the submitters of the competition under review, whose addresses are
/// `submitter@<institution>.demo.example`.
pub const REVIEWED_SUBMITTERS_PASSWORD: &str = "demo-submitter";

const ESDC: &str = "Employment and Social Development Canada";
const IMSS: &str = "Instituto Mexicano del Seguro Social";
const KELA: &str = "Kela – Social Insurance Institution of Finland";

#[derive(Debug)]
pub struct WorkflowReport {
    pub accounts: usize,
    pub competitions: usize,
    pub entries: usize,
}

fn demo_failure(error: FormError) -> AppError {
    match error {
        FormError::App(error) => error,
        FormError::Invalid(errors) => AppError::DemoRefused(errors.messages()),
    }
}

fn submitter(
    conn: &mut DbConnection,
    name: &str,
    (email, password): (&str, &str),
) -> Result<User, AppError> {
    accounts::register(
        conn,
        &Registration {
            name,
            email,
            password,
            confirmation: password,
            language: crate::languages::Lang::En,
        },
    )
    .map_err(demo_failure)
}

fn member_of(
    conn: &mut DbConnection,
    user: &User,
    institution: &str,
    approve_as: Option<&Secretariat>,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<(), AppError> {
    let organisation =
        organisations::repository::find_by_name(conn, institution)?.ok_or(AppError::NotFound)?;
    let membership = accounts::request_membership(conn, user, organisation.id, public_url)
        .map_err(demo_failure)?;
    if let Some(secretariat) = approve_as {
        accounts::decide_membership(conn, secretariat, membership, true, "", now)
            .map_err(demo_failure)?;
    }
    Ok(())
}

/// A complete entry in the words of the institution.
fn complete_entry(title: &str, summary: &str, topics: &[&str]) -> EntryForm {
    let section = |text: &str| text.to_owned();
    EntryForm {
        title: title.to_owned(),
        summary: summary.to_owned(),
        challenge: section(
            "Claimants had to visit several offices and fill in the same data many times; \
             waiting times were long and a third of applications came back incomplete.",
        ),
        solution: section(
            "A single online application pre-filled from the records the institution already \
             holds, with case workers in a shared queue and a call-back service for those who \
             cannot use it. It was built in short cycles with claimants testing each release.",
        ),
        results: section(
            "Average processing time fell from 41 to 12 days; incomplete applications from 32% \
             to 6%; satisfaction rose from 61% to 84% in the annual survey. The running cost per \
             claim fell by a fifth.",
        ),
        innovation: section(
            "Data the state already has is no longer asked for again; the service is designed \
             around life events instead of programmes.",
        ),
        sustainability: section(
            "The platform is run by the institution's own staff and financed from its regular \
             budget; the reuse of records is set down in regulation.",
        ),
        replicability: section(
            "The components are open source and the method is documented; two other \
             institutions of the region have started to adapt it.",
        ),
        language: "en".to_owned(),
        implementation_year: "2024".to_owned(),
        impact_area: "service-delivery".to_owned(),
        approach: "transformative".to_owned(),
        innovation_type: "sustaining".to_owned(),
        governance_level: "inter-governmental".to_owned(),
        topics: topics.iter().map(|topic| (*topic).to_owned()).collect(),
        elements: vec!["need-driven".to_owned()],
        integrations: vec!["service-delivery".to_owned()],
        partners: Vec::new(),
        endorser_name: "Alex Martin".to_owned(),
        endorser_position: "Chief Operating Officer".to_owned(),
        endorsement_confirmed: true,
    }
}

fn enter(
    conn: &mut DbConnection,
    user: &User,
    competition: &str,
    form: EntryForm,
    submit: bool,
    now: NaiveDateTime,
) -> Result<EntryId, AppError> {
    let save = Save {
        target: Target::New {
            competition: competition.to_owned(),
            organisation: String::new(),
        },
        form,
        upload: None,
        remove_documents: Vec::new(),
        submit,
    };
    match submissions::save(conn, user, save, now)? {
        SaveOutcome::Saved(id) | SaveOutcome::Submitted(id) => Ok(id),
        SaveOutcome::Problems { errors, .. } => Err(demo_failure(FormError::Invalid(errors))),
    }
}

/// The demo's people, competitions and entries; e-mails link under `public_url`.
pub fn load(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<WorkflowReport, AppError> {
    let secretariat_id =
        accounts::create_admin(conn, SECRETARIAT.0, "Demo Secretariat", SECRETARIAT.1)
            .map_err(demo_failure)?;
    let secretariat =
        Secretariat::try_from(people::find_user(conn, secretariat_id)?.ok_or(AppError::NotFound)?)?;
    let juror = juror_account(conn, &secretariat, "Demo Juror", JUROR)?;

    let esdc = submitter(conn, "Dana Tremblay", SUBMITTER)?;
    member_of(conn, &esdc, ESDC, Some(&secretariat), now, public_url)?;
    let imss = submitter(conn, "Lucía Hernández", SECOND_SUBMITTER)?;
    member_of(conn, &imss, IMSS, Some(&secretariat), now, public_url)?;
    let applicant = submitter(conn, "Aino Virtanen", APPLICANT)?;
    member_of(conn, &applicant, KELA, None, now, public_url)?;

    let opens = now - Duration::days(30);
    let deadline = (now + Duration::days(90))
        .date()
        .and_time(NaiveTime::from_hms_opt(23, 59, 0).unwrap_or_default());
    let mut americas = None;
    for &region in Region::ALL {
        let settings = CompetitionSettings {
            region,
            cycle_year: 2027,
            title: format!(
                "ISSA Good Practice Award 2027 – {}",
                region.label(crate::languages::Lang::En)
            ),
            call_text: format!(
                "Member institutions of the ISSA in {} are invited to enter their good \
                 practices: up to ten entries an institution, following the template, endorsed \
                 by senior management. Entries are screened by the secretariat and scored by an \
                 international jury on achieved outcomes, innovativeness, robustness and \
                 replicability.",
                region.label(crate::languages::Lang::En)
            ),
            opens_at: opens,
            submission_deadline: deadline,
            review_deadline: Some(deadline + Duration::days(60)),
            results_at: None,
            scale_min: 1,
            scale_max: 10,
            jurors_per_entry: 3,
            blind: false,
            country_conflicts: false,
        };
        let id = competitions::create(conn, &secretariat, &settings, &default_criteria())
            .map_err(demo_failure)?;
        competitions::change_phase(conn, &secretariat, id, true, false, "", now)
            .map_err(demo_failure)?;
        if region == Region::Americas {
            americas = Some(id.to_string());
        }
    }
    let americas = americas.unwrap_or_default();

    enter(
        conn,
        &esdc,
        &americas,
        EntryForm {
            title: "Benefits Delivery Modernization: one application for every benefit".to_owned(),
            summary: "A draft: the summary is still to be written.".to_owned(),
            language: "en".to_owned(),
            topics: vec!["ict".to_owned(), "service-quality".to_owned()],
            ..EntryForm::default()
        },
        false,
        now,
    )?;
    enter(
        conn,
        &esdc,
        &americas,
        complete_entry(
            "Service Canada call-back: no claimant waits on hold",
            "Claimants calling about employment insurance book a call-back instead of waiting \
             on hold; case workers see the file before they call.",
            &["service-quality", "employment"],
        ),
        true,
        now,
    )?;
    let returned = enter(
        conn,
        &imss,
        &americas,
        complete_entry(
            "IMSS Digital: maternity leave certificates issued online",
            "Pregnant workers receive their maternity leave certificate online, issued from the \
             clinical record, without a visit to the office.",
            &["maternity", "health", "ict"],
        ),
        true,
        now,
    )?;
    submissions::screen(
        conn,
        &secretariat,
        returned,
        &[],
        ScreeningOutcome::ReturnForCompletion,
        "Please add the indicators behind the results (before and after, with sources).",
        now,
    )
    .map_err(demo_failure)?;
    enter(
        conn,
        &imss,
        &americas,
        complete_entry(
            "Contribution collection for platform workers",
            "Digital platforms withhold and pay the social security contributions of the people \
             who work through them, who are covered from their first job.",
            &["compliance", "extension-of-coverage", "digital-economy"],
        ),
        true,
        now,
    )?;
    let under_review = review_in_progress(conn, &secretariat, &juror, now, public_url)?;
    let story_entries = the_story(conn, &secretariat)?;
    Ok(WorkflowReport {
        accounts: 5 + under_review.accounts,
        competitions: Region::ALL.len() + 2,
        entries: 4 + under_review.entries + story_entries,
    })
}

/// The entries of the competition under review: institution, address part, title, summary,
/// topics.
const REVIEWED_ENTRIES: [(&str, &str, &str, &str, &[&str]); 5] = [
    (
        "Services Australia",
        "servicesaustralia",
        "Disaster payments claimed in minutes",
        "After floods and fires, people claim disaster payments online or by phone in minutes; \
         the payment arrives the same day, checked against records the agency already holds.",
        &["shocks", "social-assistance", "ict"],
    ),
    (
        "Services Australia",
        "servicesaustralia",
        "Video interpreters in every service centre",
        "Customers who speak little English see an interpreter on a tablet at the counter, in \
         more than a hundred languages, instead of waiting for an appointment.",
        &["service-quality", "communication", "migration"],
    ),
    (
        "Employees Provident Fund",
        "kwsp",
        "i-Saraan: retirement savings for the self-employed",
        "Self-employed and gig workers save for retirement in small amounts through the app of \
         their platform, and the government matches part of what they put in.",
        &[
            "extension-of-coverage",
            "old-age-pensions",
            "digital-economy",
        ],
    ),
    (
        "Japan Pension Service",
        "nenkin",
        "A pension record every insured person can read",
        "Every insured person can read and check their own contribution record online and is \
         sent a yearly statement, which brought millions of missing records to light.",
        &["old-age-pensions", "communication", "governance"],
    ),
    (
        "BPJS Ketenagakerjaan",
        "bpjsketenagakerjaan",
        "Coverage for informal workers through village agents",
        "Trusted people of the village register informal workers, collect small contributions \
         and help with claims, bringing employment injury cover to farmers and fishers.",
        &[
            "extension-of-coverage",
            "occupational-accidents",
            "compliance",
        ],
    ),
];

pub struct ReviewReport {
    pub accounts: usize,
    pub entries: usize,
}

/// A competition in the middle of its jury review: entries submitted, screened and eligible,
/// three jurors appointed (one the chair) and assigned, some reviews submitted, one a
/// draft, others not started — so the jury's pages and the ranking have something to show
/// and the demo juror something left to score.
fn review_in_progress(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    demo_juror: &Juror,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<ReviewReport, AppError> {
    let days_ago = |days: i64| now - Duration::days(days);
    // Dates of the call fall on the minute before midnight, as a secretariat would set them.
    let before_midnight = |days: i64| {
        (now.date() + Duration::days(days))
            .and_time(NaiveTime::from_hms_opt(23, 59, 0).unwrap_or_default())
    };
    let settings = CompetitionSettings {
        region: Region::AsiaPacific,
        cycle_year: 2026,
        title: "ISSA Good Practice Award 2026 – Asia and the Pacific".to_owned(),
        call_text: "Member institutions of the ISSA in Asia and the Pacific were invited to enter \
                    their good practices. Submissions are closed; the international jury is \
                    scoring the eligible entries."
            .to_owned(),
        opens_at: before_midnight(-151),
        submission_deadline: before_midnight(-46),
        review_deadline: Some(before_midnight(20)),
        results_at: Some(before_midnight(40)),
        scale_min: 1,
        scale_max: 10,
        jurors_per_entry: 2,
        blind: false,
        country_conflicts: true,
    };
    let id = competitions::create(conn, secretariat, &settings, &default_criteria())
        .map_err(demo_failure)?;
    let phase = |conn: &mut DbConnection, at| {
        competitions::change_phase(conn, secretariat, id, true, false, "", at)
            .map(|_| ())
            .map_err(demo_failure)
    };
    phase(conn, days_ago(150))?;

    let mut submitters: Vec<(&str, User)> = Vec::new();
    let mut entries = Vec::new();
    for (institution, address, title, summary, topics) in REVIEWED_ENTRIES {
        let known = submitters.iter().find(|(name, _)| *name == institution);
        let person = match known {
            Some((_, person)) => person.clone(),
            None => {
                let email = format!("submitter@{address}.demo.example");
                let person = submitter(
                    conn,
                    &format!("Submitter of {institution}"),
                    (&email, REVIEWED_SUBMITTERS_PASSWORD),
                )?;
                member_of(
                    conn,
                    &person,
                    institution,
                    Some(secretariat),
                    days_ago(120),
                    public_url,
                )?;
                submitters.push((institution, person.clone()));
                person
            }
        };
        let form = complete_entry(title, summary, topics);
        entries.push(enter(
            conn,
            &person,
            &id.to_string(),
            form,
            true,
            days_ago(60),
        )?);
    }
    phase(conn, days_ago(44))?;
    for &entry in &entries {
        submissions::screen(
            conn,
            secretariat,
            entry,
            &ScreeningItem::MANUAL,
            ScreeningOutcome::Eligible,
            "",
            days_ago(40),
        )
        .map_err(demo_failure)?;
    }

    let chair = juror_account(conn, secretariat, "Demo Chair", CHAIR)?;
    let second = juror_account(conn, secretariat, "Second Demo Juror", SECOND_JUROR)?;
    let (english, french, spanish) = (Language::ENGLISH, Language::FRENCH, Language::SPANISH);
    for (person, is_chair, expertise, languages) in [
        (
            &chair,
            true,
            &[Topic::OldAgePensions, Topic::Governance][..],
            &[english, french][..],
        ),
        (
            &second,
            false,
            &[Topic::ExtensionOfCoverage][..],
            &[english, spanish][..],
        ),
        (
            demo_juror,
            false,
            &[Topic::ServiceQuality, Topic::Ict][..],
            &[english, french, spanish][..],
        ),
    ] {
        jury::appoint(
            conn,
            secretariat,
            id,
            person.id,
            is_chair,
            expertise,
            languages,
        )
        .map_err(demo_failure)?;
    }
    // Before the assignment, two jurors say what they would like to judge.
    for (person, wishes) in [
        (&chair, [(0, Preference::Eager), (1, Preference::RatherNot)]),
        (&second, [(2, Preference::Eager), (3, Preference::Willing)]),
    ] {
        let wishes = wishes
            .into_iter()
            .map(|(number, preference)| (entries[number], Some(preference)))
            .collect();
        preference_service::save(conn, person, id, &wishes).map_err(demo_failure)?;
    }
    phase(conn, days_ago(30))?;
    jury::assign_automatically(conn, secretariat, id).map_err(demo_failure)?;

    // The second juror has finished, the chair has submitted one review and drafted
    // another, the demo juror has submitted one and left the rest to whoever tries it.
    let criteria = competitions_repository::criteria_of(conn, id)?;
    let assignments = jury_repository::assignments_of(conn, id)?;
    let mut chair_reviews = 0;
    let mut demo_reviews = 0;
    for (number, (entry, user)) in assignments.into_iter().enumerate() {
        let (person, submit) = if user == second.id {
            (&second, true)
        } else if user == chair.id && chair_reviews < 2 {
            chair_reviews += 1;
            (&chair, chair_reviews == 1)
        } else if user == demo_juror.id && demo_reviews < 1 {
            demo_reviews += 1;
            (demo_juror, true)
        } else {
            continue;
        };
        // The second juror is the severe one; the ranking's normalisation evens that out.
        let base = if person.id == second.id { 4 } else { 6 };
        let form = ReviewForm {
            criteria: criteria
                .iter()
                .enumerate()
                .map(|(position, criterion)| CriterionInput {
                    criterion: criterion.clone(),
                    score: (base + number % 3 + position % 2).to_string(),
                    comment: String::new(),
                })
                .collect(),
            overall_comment: "Clear results with sources; the cost figures could be broken down."
                .to_owned(),
            institution_comment: "A convincing practice; a breakdown of its costs would help \
                                  others judge whether they can afford to follow it."
                .to_owned(),
            cannot_judge: false,
        };
        scoring::save(conn, person, entry, &form, submit, days_ago(10)).map_err(demo_failure)?;
    }
    // The jury discusses the entry the demo juror reviewed beside the second juror, so that
    // the demo juror finds new comments flagged on their list.
    let assignments = jury_repository::assignments_of(conn, id)?;
    let discussed = assignments
        .iter()
        .map(|&(entry, _)| entry)
        .find(|&entry| {
            assignments.contains(&(entry, second.id))
                && assignments.contains(&(entry, demo_juror.id))
        })
        .or_else(|| {
            assignments
                .iter()
                .find(|(_, user)| *user == second.id)
                .map(|&(entry, _)| entry)
        });
    if let Some(entry) = discussed {
        for (person, days, body) in [
            (
                &second,
                8,
                "I scored its results low: the figures come from the institution's own survey, with \
                 no baseline before the change. Did anyone find an independent evaluation?",
            ),
            (
                &chair,
                7,
                "The annex has the auditor's report for the second year; it confirms the \
                 processing times. Worth a second look before we deliberate.",
            ),
        ] {
            discussion::write(conn, person, entry, body, days_ago(days)).map_err(demo_failure)?;
        }
    }
    Ok(ReviewReport {
        accounts: submitters.len() + 2,
        entries: entries.len(),
    })
}

fn juror_account(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    name: &str,
    login: (&str, &str),
) -> Result<Juror, AppError> {
    let person = submitter(conn, name, login)?;
    accounts::change_role(conn, secretariat, person.id, Role::Juror).map_err(demo_failure)?;
    Juror::try_from(people::find_user(conn, person.id)?.ok_or(AppError::NotFound)?)
}

/// The competition the seeds tell of, published: every practice of its region and year in the
/// database entered, found eligible and published as it stands. Returns how many entries.
fn the_story(conn: &mut DbConnection, secretariat: &Secretariat) -> Result<usize, AppError> {
    let (region, year) = super::STORY;
    let at = |month, day| {
        NaiveDate::from_ymd_opt(year, month, day)
            .and_then(|date| date.and_hms_opt(23, 59, 0))
            .expect("a valid date")
    };
    let submitted = at(5, 29);
    let settings = CompetitionSettings {
        region,
        cycle_year: year,
        title: format!("ISSA Good Practice Award for the Americas {year}"),
        call_text: "Member institutions of the ISSA in the Americas were invited to enter their \
                    good practices in social security administration, in a year when the \
                    COVID-19 pandemic asked them to ensure business continuity, reach covered \
                    groups and serve those the crisis hit. The results were announced at the \
                    ISSA's virtual Social Security Forum for the Americas."
            .to_owned(),
        opens_at: at(1, 15),
        submission_deadline: submitted,
        review_deadline: Some(at(9, 30)),
        results_at: Some(super::forum_date(region, year)),
        scale_min: 1,
        scale_max: 10,
        jurors_per_entry: 3,
        blind: false,
        country_conflicts: true,
    };
    let id = competitions::create(conn, secretariat, &settings, &default_criteria())
        .map_err(demo_failure)?;
    competitions_repository::set_phase(conn, id, Phase::Draft, Phase::Published)?;
    let practices = practices_repository::of_regional_competition(conn, region, year)?;
    let details = practices_repository::published_details(conn, &practices)?;
    for detail in &details {
        let practice = &detail.practice;
        let content = EntryContent {
            fields: EntryFields {
                title: practice.title.clone(),
                summary: practice.summary.clone(),
                challenge: practice.challenge.clone(),
                solution: practice.solution.clone(),
                results: practice.results.clone(),
                innovation: practice.innovation.clone(),
                sustainability: practice.sustainability.clone(),
                replicability: practice.replicability.clone(),
                language: Some(practice.language),
                implementation_year: Some(practice.implementation_year),
                impact_area: Some(practice.impact_area),
                approach: Some(practice.approach),
                innovation_type: Some(practice.innovation_type),
                governance_level: Some(practice.governance_level),
                endorser_name: "The Director General".to_owned(),
                endorser_position: format!("Director General, {}", detail.organisation.name),
                endorsement_confirmed: true,
            },
            links: EntryLinks {
                topics: detail.topics.clone(),
                elements: detail.elements.clone(),
                integrations: detail.integrations.clone(),
                partners: detail.partners.iter().map(|partner| partner.id).collect(),
            },
        };
        let entry =
            entries_repository::insert(conn, id, detail.organisation.id, secretariat.id, &content)?;
        entries_repository::transition(
            conn,
            entry,
            &[EntryStatus::Draft],
            EntryStatus::Eligible,
            submitted,
        )?;
        entries_repository::set_submitted_at(conn, entry, submitted)?;
        practices_repository::set_entry(conn, practice.id, entry)?;
    }
    Ok(details.len())
}
