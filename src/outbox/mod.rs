//! Outgoing e-mail. Every message is first written to the outbox table, in the same
//! transaction as whatever caused it; with SMTP settings a background thread sends it,
//! without them the secretariat reads it at `/admin/outbox`, so the portal works out of the box.

mod html;
pub mod secretariat_pages;
pub mod sender;
mod views;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::accounts::roles::Secretariat;
use crate::accounts::User;
use crate::db::DbConnection;
use crate::ids::MessageId;
use crate::languages;
use crate::schema::outbox;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = outbox, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Message {
    pub id: i32,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: Option<NaiveDateTime>,
    /// Where the reader ends what the message belongs to in one click (an alert's digest).
    pub unsubscribe_url: Option<String>,
}

/// Failures after which the sender leaves a message for the secretariat.
pub const MAX_ATTEMPTS: i32 = 5;

impl Message {
    /// Whether the sender gave up on it: the secretariat may put it back in line.
    pub fn given_up(&self) -> bool {
        self.sent_at.is_none() && self.attempts >= MAX_ATTEMPTS
    }

    pub fn message_id(&self) -> MessageId {
        MessageId(self.id)
    }
}

/// Puts a message the sender gave up on back in line, to be tried at once; false when there
/// is no such message (unknown, sent, or still being tried).
pub fn send_again(conn: &mut DbConnection, _: &Secretariat, id: MessageId) -> QueryResult<bool> {
    let updated = diesel::update(
        outbox::table
            .find(id.0)
            .filter(outbox::sent_at.is_null())
            .filter(outbox::attempts.ge(MAX_ATTEMPTS)),
    )
    .set((
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Queues `mail` for `recipient`, written in their language. A mail is one text with two
/// attributes in the language files: `.subject` and `.body`.
pub fn queue(
    conn: &mut DbConnection,
    recipient: &User,
    mail: &languages::Message,
) -> QueryResult<()> {
    queue_to(
        conn,
        &Addressee {
            email: &recipient.email,
            lang: recipient.language,
            unsubscribe_url: None,
        },
        mail,
    )
}

/// Whom a message goes to when it is not an account's: an address, the language it asked in,
/// and the one-click address that ends what the message belongs to.
pub struct Addressee<'a> {
    pub email: &'a str,
    pub lang: languages::Lang,
    pub unsubscribe_url: Option<&'a str>,
}

pub fn queue_to(
    conn: &mut DbConnection,
    to: &Addressee<'_>,
    mail: &languages::Message,
) -> QueryResult<()> {
    diesel::insert_into(outbox::table)
        .values((
            outbox::recipient.eq(to.email),
            outbox::subject.eq(to.lang.attribute(mail, "subject")),
            outbox::body.eq(links_not_isolated(&to.lang.attribute(mail, "body"))),
            outbox::unsubscribe_url.eq(to.unsubscribe_url),
        ))
        .execute(conn)
        .map(drop)
}

/// `body` without the bidi isolation marks Fluent puts around its arguments in a
/// right-to-left language where they touch a link: left in, they became part of the address
/// a mail program links (`…/confirm` and an invisible U+2069), which then led nowhere. A
/// link reads left to right on its own, whatever surrounds it.
fn links_not_isolated(body: &str) -> String {
    const FIRST_STRONG_ISOLATE: char = '\u{2068}';
    const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';
    let mut out = String::with_capacity(body.len());
    let mut in_link = false;
    for (at, c) in body.char_indices() {
        let link_starts = body[at + c.len_utf8()..].starts_with("http");
        match c {
            FIRST_STRONG_ISOLATE if link_starts => {}
            POP_DIRECTIONAL_ISOLATE if in_link => {}
            c => {
                in_link = (in_link && !c.is_whitespace()) || body[at..].starts_with("http");
                out.push(c);
            }
        }
    }
    out
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    outbox::table.count().get_result(conn)
}

/// Newest first, one page at a time.
pub fn page(conn: &mut DbConnection, offset: i64, limit: i64) -> QueryResult<Vec<Message>> {
    outbox::table
        .order(outbox::id.desc())
        .offset(offset)
        .limit(limit)
        .select(Message::as_select())
        .load(conn)
}

/// How many messages are not sent yet.
pub fn waiting(conn: &mut DbConnection) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(conn)
}

/// How many messages are not sent yet and failed at their last attempt.
pub fn failing(conn: &mut DbConnection) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::last_error.is_not_null())
        .count()
        .get_result(conn)
}

/// Takes the oldest message to send now (leaving alone those that failed too often and those
/// whose next attempt is later) for the next `lease`: another sender, in this process or
/// another one on the same database, passes it over until then. A sender that dies while
/// sending leaves it to be tried again when the lease ends.
pub fn claim(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    lease: chrono::Duration,
) -> QueryResult<Option<Message>> {
    crate::db::write_transaction(conn, |conn| {
        let due = outbox::table
            .filter(outbox::sent_at.is_null())
            .filter(outbox::attempts.lt(MAX_ATTEMPTS))
            .filter(
                outbox::next_attempt_at
                    .is_null()
                    .or(outbox::next_attempt_at.le(now)),
            )
            .order(outbox::id);
        // `as_select` names its back-end: one for each.
        let next = match conn {
            // The transaction holds SQLite's write lock: claims queue one behind the other.
            DbConnection::Sqlite(sqlite) => {
                due.select(Message::as_select()).first(sqlite).optional()?
            }
            // A row another sender is claiming is skipped, not waited for.
            DbConnection::Postgres(postgres) => due
                .select(Message::as_select())
                .for_update()
                .skip_locked()
                .first(postgres)
                .optional()?,
        };
        if let Some(message) = &next {
            diesel::update(outbox::table.find(message.id))
                .set(outbox::next_attempt_at.eq(now + lease))
                .execute(conn)?;
        }
        Ok(next)
    })
}

pub fn mark_sent(conn: &mut DbConnection, id: i32, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::sent_at.eq(at),
            outbox::attempts.eq(outbox::attempts + 1),
        ))
        .execute(conn)
        .map(drop)
}

/// A failed attempt, to be tried again at `retry_at`.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: i32,
    error: &str,
    retry_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::last_error.eq(error),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::next_attempt_at.eq(retry_at),
        ))
        .execute(conn)
        .map(drop)
}

/// A failed attempt not worth repeating (the server refused the message for good): left for
/// the secretariat to read, with the server's reason.
pub fn give_up(conn: &mut DbConnection, id: i32, error: &str) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::last_error.eq(error),
            outbox::attempts.eq(MAX_ATTEMPTS),
            outbox::next_attempt_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_lose_their_isolation_marks_and_other_text_keeps_them() {
        let body = "منطبق با \u{2068}آسیا\u{2069}:\n\n\u{2068}https://portal.example.org/alerts/abc/confirm?lang=fa\u{2069}\n";
        assert_eq!(
            links_not_isolated(body),
            "منطبق با \u{2068}آسیا\u{2069}:\n\nhttps://portal.example.org/alerts/abc/confirm?lang=fa\n"
        );
        assert_eq!(links_not_isolated("no link here"), "no link here");
        // A list of links as one argument: the mark after its last link goes too.
        assert_eq!(
            links_not_isolated(
                "\u{2068}• A\n  https://p.example/1\n\n• B\n  https://p.example/2\u{2069}\n"
            ),
            "\u{2068}• A\n  https://p.example/1\n\n• B\n  https://p.example/2\n"
        );
    }
}
