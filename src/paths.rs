//! Every address of the portal, written once. The route table declares its routes with these
//! patterns, and handlers, templates (`{{ paths::PRACTICES }}`, `{{ paths::practice(id) }}`),
//! e-mails and tests build their links with the functions made from the same patterns, so a
//! link cannot point where no route is.

use std::borrow::Borrow;

use crate::ids::{
    CompetitionId, DocumentId, EntryId, MembershipId, MessageId, OrganisationId, PracticeId, UserId,
};

/// `pattern` with each `{param}` replaced by its id.
fn fill(pattern: &str, ids: &[(&str, i32)]) -> String {
    let mut path = pattern.to_owned();
    for (param, id) in ids {
        path = path.replace(&format!("{{{param}}}"), &id.to_string());
    }
    path
}

/// Declares each route's pattern as a constant and, for a pattern with ids, the function that
/// fills them in. The placeholder of an id is the one its type reads (`EntryId` → `{entry}`),
/// so the pattern and the function cannot disagree.
macro_rules! paths {
    ($(
        $(#[$doc:meta])*
        $pattern_name:ident $(, $function:ident($($param:ident: $id:ident),+))? = $pattern:literal;
    )*) => {
        $(
            $(#[$doc])*
            pub const $pattern_name: &str = $pattern;

            $(
                #[doc = concat!("`", $pattern, "` with these ids.")]
                // `Borrow`, so that a template's loop variable (a reference) can be passed.
                pub fn $function($($param: impl Borrow<$id>),+) -> String {
                    fill($pattern, &[$(($id::PARAM, $param.borrow().0)),+])
                }
            )?
        )*

        /// Every filled pattern, each with the id 7: no placeholder may be left.
        #[cfg(test)]
        fn each_filled() -> Vec<(&'static str, String)> {
            vec![$($(($pattern, $function($($id(7)),+)),)?)*]
        }
    };
}

paths! {
    /// The home page.
    HOME = "/";
    /// The practice database: search and filters.
    PRACTICES = "/practices";
    /// One practice.
    PRACTICE, practice(practice: PracticeId) = "/practices/{practice}";
    /// A background document of a published practice.
    PRACTICE_DOCUMENT, practice_document(practice: PracticeId, document: DocumentId) =
        "/practices/{practice}/documents/{document}";
    /// The certificate of an awarded practice, in the reader's language.
    PRACTICE_CERTIFICATE, practice_certificate(practice: PracticeId) =
        "/practices/{practice}/certificate.pdf";
    /// How to cite a practice, for reference managers.
    PRACTICE_BIBTEX, practice_bibtex(practice: PracticeId) = "/practices/{practice}/cite.bib";
    PRACTICE_RIS, practice_ris(practice: PracticeId) = "/practices/{practice}/cite.ris";
    /// An institution and its practices.
    ORGANISATION, organisation(organisation: OrganisationId) = "/organisations/{organisation}";
    /// The IESI framework grid.
    FRAMEWORK = "/framework";
    /// Figures over the database.
    STATISTICS = "/statistics";
    /// Practices per country on a world map.
    MAP = "/map";
    PRACTICES_CSV = "/practices.csv";
    PRACTICES_JSON = "/practices.json";
    PRACTICES_ATOM = "/practices.atom";
    API_PRACTICES = "/api/v1/practices";
    API_PRACTICE, api_practice(practice: PracticeId) = "/api/v1/practices/{practice}";
    /// The API's OpenAPI document.
    API_OPENAPI = "/api/v1/openapi.json";

    /// Following a search by e-mail: the form (taking the list's filters) and where it posts.
    NEW_ALERT = "/alerts/new";
    ALERTS = "/alerts";
    /// Confirms an alert, and ends one: the token e-mailed for it is not an id.
    ALERT_CONFIRM = "/alerts/{token}/confirm";
    ALERT_END = "/alerts/{token}/unsubscribe";

    /// The competitions, open and past.
    COMPETITIONS = "/competitions";
    /// A competition's call and, once published, its results.
    COMPETITION, competition(competition: CompetitionId) = "/competitions/{competition}";

    SIGN_IN = "/login";
    SIGN_OUT = "/logout";
    REGISTER = "/register";
    PASSWORD_RESET = "/password-reset";
    /// The form a reset e-mail links to; the token is not an id.
    PASSWORD_RESET_FORM = "/password-reset/{token}";
    ACCOUNT = "/account";
    ACCOUNT_MEMBERSHIPS = "/account/memberships";
    ACCOUNT_ORGANISATIONS = "/account/organisations";
    ACCOUNT_PASSWORD = "/account/password";

    /// A submitter's entries.
    SUBMISSIONS = "/submissions";
    NEW_ENTRY = "/submissions/new";
    ENTRY, entry(entry: EntryId) = "/submissions/{entry}";
    ENTRY_WITHDRAW, entry_withdraw(entry: EntryId) = "/submissions/{entry}/withdraw";
    ENTRY_TRANSLATIONS, entry_translations(entry: EntryId) = "/submissions/{entry}/translations";
    ENTRY_DOCUMENT, entry_document(entry: EntryId, document: DocumentId) =
        "/submissions/{entry}/documents/{document}";

    /// The secretariat's home.
    ADMIN = "/admin";
    AUDIT = "/admin/audit";
    OUTBOX = "/admin/outbox";
    /// Puts a message the sender gave up on back in line.
    OUTBOX_RESEND, outbox_resend(message: MessageId) = "/admin/outbox/{message}/resend";
    USERS = "/admin/users";
    USER_ROLE, user_role(user: UserId) = "/admin/users/{user}/role";
    MEMBERSHIPS = "/admin/memberships";
    MEMBERSHIP, membership(membership: MembershipId) = "/admin/memberships/{membership}";
    SCREENING_QUEUE = "/admin/screening";
    SCREENING, screening(entry: EntryId) = "/admin/screening/{entry}";
    /// The versions of a published practice in other languages.
    PRACTICE_TRANSLATIONS, practice_translations(practice: PracticeId) =
        "/admin/practices/{practice}/translations";
    ADMIN_COMPETITIONS = "/admin/competitions";
    NEW_COMPETITION = "/admin/competitions/new";
    ADMIN_COMPETITION, admin_competition(competition: CompetitionId) =
        "/admin/competitions/{competition}";
    COMPETITION_PHASE, competition_phase(competition: CompetitionId) =
        "/admin/competitions/{competition}/phase";
    JURY_BOARD, jury_board(competition: CompetitionId) = "/admin/competitions/{competition}/jury";
    JURORS, jurors(competition: CompetitionId) = "/admin/competitions/{competition}/jurors";
    JUROR_DISMISS, juror_dismiss(competition: CompetitionId, user: UserId) =
        "/admin/competitions/{competition}/jurors/{user}/dismiss";
    ASSIGN, assign(competition: CompetitionId) = "/admin/competitions/{competition}/assign";
    ASSIGNMENTS, assignments(competition: CompetitionId) =
        "/admin/competitions/{competition}/assignments";
    REMINDERS, reminders(competition: CompetitionId) =
        "/admin/competitions/{competition}/reminders";
    PUBLISH, publish(competition: CompetitionId) = "/admin/competitions/{competition}/publish";
    RELEASE_FEEDBACK, release_feedback(competition: CompetitionId) =
        "/admin/competitions/{competition}/feedback";

    /// A juror's assignments.
    JURY = "/jury";
    /// The languages a juror judges entries in.
    JURY_LANGUAGES = "/jury/languages";
    PREFERENCES, preferences(competition: CompetitionId) =
        "/jury/competitions/{competition}/preferences";
    REVIEW, review(entry: EntryId) = "/jury/entries/{entry}";
    CONFLICT, conflict(entry: EntryId) = "/jury/entries/{entry}/conflict";
    COMMENTS, comments(entry: EntryId) = "/jury/entries/{entry}/comments";
    REVIEW_DOCUMENT, review_document(entry: EntryId, document: DocumentId) =
        "/jury/entries/{entry}/documents/{document}";
    RANKING, ranking(competition: CompetitionId) = "/ranking/{competition}";
    RANKING_CSV, ranking_csv(competition: CompetitionId) = "/ranking/{competition}/ranking.csv";
    DISCUSSION, discussion(competition: CompetitionId, entry: EntryId) =
        "/ranking/{competition}/entries/{entry}/discussion";
    DECISION, decision(competition: CompetitionId, entry: EntryId) =
        "/ranking/{competition}/entries/{entry}";

    SITEMAP = "/sitemap.xml";
    SITEMAP_PAGES = "/sitemaps/pages.xml";
    /// One part of the practices' sitemap; the part is a number, not an id.
    SITEMAP_PRACTICES = "/sitemaps/practices-{part}.xml";
    HEALTH = "/healthz";
    /// Prometheus metrics, for the holder of the configured token.
    METRICS = "/metrics";
    ROBOTS = "/robots.txt";
    STATIC = "/static/{name}";
}

/// The first value of parameter `name` in `query` (a query string), decoded.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// One part of the practices' sitemap.
pub fn sitemap_practices(part: usize) -> String {
    SITEMAP_PRACTICES.replace("{part}", &part.to_string())
}

/// The password-reset form for a token sent by e-mail.
pub fn password_reset_form(token: &str) -> String {
    PASSWORD_RESET_FORM.replace("{token}", token)
}

pub fn alert_confirm(token: &str) -> String {
    ALERT_CONFIRM.replace("{token}", token)
}

/// Also the one-click address of the alert's digests (`List-Unsubscribe`).
pub fn alert_end(token: &str) -> String {
    ALERT_END.replace("{token}", token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_fills_every_placeholder_of_its_pattern() {
        let filled = each_filled();
        assert!(filled.len() > 20);
        for (pattern, path) in filled {
            assert!(!path.contains(['{', '}']), "{pattern} → {path}");
            assert_eq!(
                path.matches('7').count(),
                pattern.matches('{').count(),
                "{pattern} → {path}"
            );
        }
        assert_eq!(
            decision(CompetitionId(3), EntryId(41)),
            "/ranking/3/entries/41"
        );
        assert_eq!(sitemap_practices(2), "/sitemaps/practices-2.xml");
        assert_eq!(password_reset_form("abc"), "/password-reset/abc");
        assert_eq!(alert_end("abc"), "/alerts/abc/unsubscribe");
    }
}
