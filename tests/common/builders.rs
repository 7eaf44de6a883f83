//! Fixtures that say what they build, made through the portal's own repositories (so they
//! hold what the portal would write, and follow the schema when it changes).

use chrono::Utc;
use portal::accounts::{self, MembershipStatus, Role};
use portal::competitions::{self, Phase};
use portal::db::DbConnection;
use portal::forms::PostedForm;
use portal::ids::{CompetitionId, EntryId, MembershipId, OrganisationId, UserId};
use portal::languages::Lang;
use portal::submissions::form::EntryForm;
use portal::submissions::{repository, EntryStatus};

use portal::demo::workflow::SUBMITTER;

use super::entries::{americas, complete_entry};

/// A new entry of `competition`, complete as a submitter would fill it in.
/// `EntryBuilder::new(competition, institution, author).titled("…").eligible().insert(conn)`.
pub struct EntryBuilder {
    competition: CompetitionId,
    institution: OrganisationId,
    author: UserId,
    title: String,
    status: EntryStatus,
}

impl EntryBuilder {
    pub fn new(competition: CompetitionId, institution: OrganisationId, author: UserId) -> Self {
        EntryBuilder {
            competition,
            institution,
            author,
            title: "A complete entry".to_owned(),
            status: EntryStatus::Draft,
        }
    }

    pub fn titled(mut self, title: &str) -> Self {
        title.clone_into(&mut self.title);
        self
    }

    /// An entry of ESDC by the demo's submitter for the Americas competition: what the
    /// signed-in `SUBMITTER` may read and edit.
    pub fn of_esdc(conn: &mut DbConnection) -> Self {
        let competition = americas(conn);
        let esdc = institution(conn, "Employment and Social Development Canada");
        EntryBuilder::new(competition, esdc, user_id(conn, SUBMITTER.0))
    }

    /// Sent to the secretariat, not yet screened.
    pub fn submitted(mut self) -> Self {
        self.status = EntryStatus::Submitted;
        self
    }

    /// Being screened by the secretariat.
    pub fn screening(mut self) -> Self {
        self.status = EntryStatus::Screening;
        self
    }

    /// Screened and found eligible: ready for the jury.
    pub fn eligible(mut self) -> Self {
        self.status = EntryStatus::Eligible;
        self
    }

    pub fn insert(self, conn: &mut DbConnection) -> EntryId {
        // The content is read by the entry form's own parser from the fields a submitter
        // sends, so it is what the portal would store from that form.
        let sent: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(complete_entry(&self.title))
            .finish();
        let content = EntryForm::from_posted(&PostedForm::parse(sent.as_bytes()))
            .parse()
            .expect("the complete entry is valid");
        let id = repository::insert(
            conn,
            self.competition,
            self.institution,
            self.author,
            &content,
        )
        .expect("insert the entry");
        if self.status != EntryStatus::Draft {
            move_entry(conn, id, self.status);
        }
        id
    }
}

/// Moves `entry` to `status`, whatever its status now.
pub fn move_entry(conn: &mut DbConnection, entry: EntryId, status: EntryStatus) {
    let from = repository::find(conn, entry)
        .expect("read the entry")
        .expect("the entry")
        .status;
    assert!(
        repository::transition(conn, entry, &[from], status, Utc::now().naive_utc())
            .expect("move the entry"),
        "{entry} moved on meanwhile"
    );
}

/// A new account of `role` that cannot sign in (its password hash is no hash).
pub fn account(conn: &mut DbConnection, email: &str, name: &str, role: Role) -> UserId {
    accounts::repository::insert_user(conn, email, name, "x", role, Lang::En)
        .expect("insert the account")
}

/// `user` asks to act for `institution`; the request waits for the secretariat.
pub fn membership_request(
    conn: &mut DbConnection,
    user: UserId,
    institution: OrganisationId,
) -> MembershipId {
    accounts::repository::insert_membership(conn, user, institution, MembershipStatus::Requested)
        .expect("insert the request")
}

/// The account of `email`.
pub fn user_id(conn: &mut DbConnection, email: &str) -> UserId {
    accounts::repository::find_user_by_email(conn, email)
        .expect("read accounts")
        .unwrap_or_else(|| panic!("no account {email}"))
        .id
}

/// The institution named `name`.
pub fn institution(conn: &mut DbConnection, name: &str) -> OrganisationId {
    portal::organisations::repository::find_by_name(conn, name)
        .expect("read institutions")
        .unwrap_or_else(|| panic!("no institution {name}"))
        .id
}

/// Makes `user` an approved member of `institution`.
pub fn approved_member(conn: &mut DbConnection, user: UserId, institution: OrganisationId) {
    accounts::repository::insert_membership(conn, user, institution, MembershipStatus::Approved)
        .expect("insert the membership");
}

/// The competition of `region` and `cycle_year`.
pub fn competition(conn: &mut DbConnection, region: &str, cycle_year: i32) -> CompetitionId {
    competitions::repository::all(conn, false)
        .expect("read competitions")
        .into_iter()
        .find(|c| c.region.slug() == region && c.cycle_year == cycle_year)
        .unwrap_or_else(|| panic!("no competition {region} {cycle_year}"))
        .id
}

/// Moves `competition` to phase `to`, whatever its phase now.
pub fn move_phase(conn: &mut DbConnection, competition: CompetitionId, to: Phase) {
    let from = competitions::repository::find(conn, competition)
        .expect("read the competition")
        .expect("the competition")
        .phase;
    assert!(
        competitions::repository::set_phase(conn, competition, from, to).expect("set the phase"),
        "{competition} moved on meanwhile"
    );
}
