//! Sends the outbox over SMTP when the portal is given a server to send through.

use std::time::Duration;

use chrono::Utc;
use lettre::message::Mailbox;
use lettre::{Message as Email, SmtpTransport, Transport};

use crate::db::DbPool;

/// How long the sender rests when the outbox is empty.
const POLL_INTERVAL: Duration = Duration::from_secs(5);
/// A message that failed this often is left for the secretariat to see.
const MAX_ATTEMPTS: i32 = 5;

/// Where and as whom to send.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    /// For example `smtps://user:password@mail.example.org:465`.
    pub url: String,
    pub from: String,
}

/// Starts the sending thread; it lives as long as the process.
pub fn start(pool: DbPool, settings: SmtpSettings) -> Result<(), String> {
    let transport = SmtpTransport::from_url(&settings.url)
        .map_err(|error| format!("the SMTP URL is not usable: {error}"))?
        .build();
    let from: Mailbox = settings
        .from
        .parse()
        .map_err(|error| format!("the sender address is not usable: {error}"))?;
    std::thread::Builder::new()
        .name("outbox-sender".into())
        .spawn(move || loop {
            if let Err(error) = send_pending(&pool, &transport, &from) {
                tracing::warn!(%error, "the outbox could not be read");
            }
            std::thread::sleep(POLL_INTERVAL);
        })
        .map(drop)
        .map_err(|error| error.to_string())
}

fn send_pending(
    pool: &DbPool,
    transport: &SmtpTransport,
    from: &Mailbox,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    for message in super::unsent(&mut conn, MAX_ATTEMPTS)? {
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
                super::mark_failed(&mut conn, message.id, &error)?;
            }
        }
    }
    Ok(())
}
