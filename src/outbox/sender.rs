//! Sends the outbox over SMTP when the portal is given a server to send through.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use lettre::message::Mailbox;
use lettre::{Message as Email, SmtpTransport, Transport};

use crate::background::Background;
use crate::db::DbPool;
use crate::error::AppError;

/// How long the sender rests when the outbox is empty.
const POLL_INTERVAL: Duration = Duration::from_secs(5);
/// A message that failed this often is left for the secretariat to see.
const MAX_ATTEMPTS: i32 = 5;

/// Where and as whom to send.
#[derive(Clone)]
pub struct SmtpSettings {
    /// For example `smtps://user:password@mail.example.org:465`.
    pub url: String,
    pub from: String,
}

/// The password never reaches a log or a panic message: `Debug` shows the URL without it.
impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("url", &without_password(&self.url))
            .field("from", &self.from)
            .finish()
    }
}

/// `scheme://user:password@host` written `scheme://user:***@host`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info
                .split_once(':')
                .map_or(user_info, |(user, _)| user);
            let hidden = if user_info.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{hidden}@{host}")
        }
        None => url.to_owned(),
    }
}

/// Starts the sending thread; it stops between two messages when the portal stops.
pub fn start(
    pool: DbPool,
    settings: SmtpSettings,
    background: &Arc<Background>,
) -> Result<(), AppError> {
    let transport = SmtpTransport::from_url(&settings.url)
        .map_err(|source| AppError::SettingRefused {
            setting: "the SMTP URL",
            source: source.into(),
        })?
        .build();
    let from: Mailbox =
        settings
            .from
            .parse()
            .map_err(
                |source: lettre::address::AddressError| AppError::SettingRefused {
                    setting: "the sender address",
                    source: source.into(),
                },
            )?;
    background.spawn("outbox-sender", move |background| loop {
        if let Err(error) = send_pending(&pool, &transport, &from, background) {
            tracing::warn!(%error, "the outbox could not be read");
        }
        if background.rest(POLL_INTERVAL) {
            break;
        }
    })
}

fn send_pending(
    pool: &DbPool,
    transport: &SmtpTransport,
    from: &Mailbox,
    background: &Background,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    for message in super::unsent(&mut conn, MAX_ATTEMPTS)? {
        if background.is_stopping() {
            break;
        }
        let sent = message
            .recipient
            .parse::<Mailbox>()
            .map_err(|error| error.to_string())
            .and_then(|to| {
                Email::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(&message.subject)
                    .body(message.body.clone())
                    .map_err(|error| error.to_string())
            })
            .and_then(|email| transport.send(&email).map_err(|error| error.to_string()));
        match sent {
            Ok(_) => super::mark_sent(&mut conn, message.id, Utc::now().naive_utc())?,
            Err(error) => {
                tracing::warn!(id = message.id, %error, "an e-mail could not be sent");
                crate::metrics::send_failed();
                super::mark_failed(&mut conn, message.id, &error)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let settings = SmtpSettings {
            url: "smtps://mailer:s3cr3t:pass@mail.example.org:465".to_owned(),
            from: "portal@example.org".to_owned(),
        };
        let shown = format!("{settings:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(
            shown.contains("smtps://mailer:***@mail.example.org:465"),
            "{shown}"
        );
        assert_eq!(
            without_password("smtp://localhost:25"),
            "smtp://localhost:25"
        );
    }
}
