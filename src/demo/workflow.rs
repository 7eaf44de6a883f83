//! The demo's people and work in progress: a secretariat, submitters of two institutions,
//! a juror, a membership request, competitions open in every region, and entries at each
//! step of the workflow. Everything goes through the same service functions as the web
//! forms, so the audit log and the outbox tell the same story.

use chrono::{Duration, NaiveDateTime, NaiveTime};
use diesel::SqliteConnection;

use crate::accounts::service::{self as accounts, Registration};
use crate::accounts::{repository as people, Role, User};
use crate::competitions::service as competitions;
use crate::competitions::{default_criteria, CompetitionSettings};
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::EntryId;
use crate::organisations;
use crate::submissions::form::EntryForm;
use crate::submissions::service::{
    self as submissions, Save, SaveOutcome, ScreeningOutcome, Target,
};
use crate::taxonomy::Region;

/// The demo accounts; the README lists them. They exist only in demo databases.
pub const SECRETARIAT: (&str, &str) = ("secretariat@demo.example", "demo-secretariat");
pub const SUBMITTER: (&str, &str) = ("submitter@esdc.demo.example", "demo-submitter");
pub const SECOND_SUBMITTER: (&str, &str) = ("submitter@imss.demo.example", "demo-submitter");
pub const APPLICANT: (&str, &str) = ("applicant@kela.demo.example", "demo-applicant");
pub const JUROR: (&str, &str) = ("juror@demo.example", "demo-juror-1");

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
        FormError::Invalid(errors) => AppError::Internal(format!(
            "demo data refused: {:?}",
            errors.iter().map(|e| &e.message).collect::<Vec<_>>()
        )),
    }
}

fn submitter(
    conn: &mut SqliteConnection,
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
    conn: &mut SqliteConnection,
    user: &User,
    institution: &str,
    approve_as: Option<&User>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let organisation = organisations::repository::find_by_name(conn, institution)?
        .ok_or_else(|| AppError::Internal(format!("{institution} is not in the demo data")))?;
    let membership =
        accounts::request_membership(conn, user, organisation.id).map_err(demo_failure)?;
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
    conn: &mut SqliteConnection,
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
    // No document is attached, so no upload folder is touched.
    match submissions::save(conn, user, save, std::path::Path::new("."), now)? {
        SaveOutcome::Saved(id) | SaveOutcome::Submitted(id) => Ok(id),
        SaveOutcome::Problems { errors, .. } => Err(demo_failure(FormError::Invalid(errors))),
    }
}

pub fn load(conn: &mut SqliteConnection, now: NaiveDateTime) -> Result<WorkflowReport, AppError> {
    let secretariat_id =
        accounts::create_admin(conn, SECRETARIAT.0, "Demo Secretariat", SECRETARIAT.1)
            .map_err(demo_failure)?;
    let secretariat = people::find_user(conn, secretariat_id)?.ok_or(AppError::NotFound)?;
    let juror = submitter(conn, "Demo Juror", JUROR)?;
    accounts::change_role(conn, &secretariat, juror.id, Role::Juror).map_err(demo_failure)?;

    let esdc = submitter(conn, "Dana Tremblay", SUBMITTER)?;
    member_of(conn, &esdc, ESDC, Some(&secretariat), now)?;
    let imss = submitter(conn, "Lucía Hernández", SECOND_SUBMITTER)?;
    member_of(conn, &imss, IMSS, Some(&secretariat), now)?;
    let applicant = submitter(conn, "Aino Virtanen", APPLICANT)?;
    member_of(conn, &applicant, KELA, None, now)?;

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
    Ok(WorkflowReport {
        accounts: 5,
        competitions: Region::ALL.len(),
        entries: 4,
    })
}
