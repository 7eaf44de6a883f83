//! Sends the outbox over SMTP when the portal is given a server to send through.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Message as Email, SmtpTransport, Transport};

use crate::background::Background;
use crate::db::DbPool;
use crate::error::AppError;
use crate::secrets::without_password;

/// Where and as whom to send.
#[derive(Clone)]
pub struct SmtpSettings {
    /// For example `smtps://user:password@mail.example.org:465`.
    pub url: String,
    pub from: String,
    /// How long the sender rests between two looks at the outbox.
    pub poll: Duration,
    /// A certificate (PEM) to trust for the server's TLS besides the usual roots: a server
    /// with a certificate of the organisation's own.
    pub trusted_certificate: Option<PathBuf>,
}

/// How long the sender rests between two looks at the outbox, unless told otherwise.
pub const DEFAULT_POLL: Duration = Duration::from_secs(5);

/// The password never reaches a log or a panic message: `Debug` shows the URL without it.
impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("url", &without_password(&self.url))
            .field("from", &self.from)
            .field("poll", &self.poll)
            .field("trusted_certificate", &self.trusted_certificate)
            .finish()
    }
}

/// Starts the sending thread; it stops between two messages when the portal stops.
pub fn start(
    pool: DbPool,
    settings: SmtpSettings,
    background: &Arc<Background>,
) -> Result<(), AppError> {
    let poll = settings.poll;
    let transport = transport(&settings)?;
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
        if background.rest(poll) {
            break;
        }
    })
}

/// The transport the URL describes (`smtp://`, `smtp://…?tls=required` for STARTTLS,
/// `smtps://`), trusting the configured certificate too.
fn transport(settings: &SmtpSettings) -> Result<SmtpTransport, AppError> {
    let refused = |setting: &'static str| {
        move |source: Box<dyn std::error::Error + Send + Sync>| AppError::SettingRefused {
            setting,
            source,
        }
    };
    let builder = SmtpTransport::from_url(&settings.url)
        .map_err(|error| refused("the SMTP URL")(error.into()))?;
    let Some(path) = &settings.trusted_certificate else {
        return Ok(builder.build());
    };
    let url =
        url::Url::parse(&settings.url).map_err(|error| refused("the SMTP URL")(error.into()))?;
    let host = url.host_str().unwrap_or_default().to_owned();
    let pem = std::fs::read(path).map_err(AppError::file("read", path))?;
    let certificate = Certificate::from_pem(&pem)
        .map_err(|error| refused("the SMTP server's certificate")(error.into()))?;
    let parameters = TlsParameters::builder(host)
        .add_root_certificate(certificate)
        .build()
        .map_err(|error| refused("the SMTP server's certificate")(error.into()))?;
    let tls = url
        .query_pairs()
        .find(|(key, _)| key == "tls")
        .map(|(_, value)| value.into_owned());
    let tls = match (url.scheme(), tls.as_deref()) {
        ("smtps", _) => Tls::Wrapper(parameters),
        (_, Some("required")) => Tls::Required(parameters),
        (_, Some("opportunistic")) => Tls::Opportunistic(parameters),
        _ => {
            return Err(refused("the SMTP URL")(
                "a trusted certificate needs TLS: smtps://, or smtp:// with ?tls=required".into(),
            ))
        }
    };
    Ok(builder.tls(tls).build())
}

fn send_pending(
    pool: &DbPool,
    transport: &SmtpTransport,
    from: &Mailbox,
    background: &Background,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    while !background.is_stopping() {
        let Some(message) = super::claim(&mut conn, Utc::now().naive_utc(), SENDING_LEASE)? else {
            break;
        };
        match send(transport, from, &message) {
            Ok(()) => super::mark_sent(&mut conn, message.id, Utc::now().naive_utc())?,
            Err(failure) => {
                tracing::warn!(id = message.id, error = %failure.reason, "an e-mail could not be sent");
                crate::metrics::send_failed();
                if failure.permanent {
                    super::give_up(&mut conn, message.id, &failure.reason)?;
                } else {
                    let retry_at = Utc::now().naive_utc() + retry_delay(message.attempts);
                    super::mark_failed(&mut conn, message.id, &failure.reason, retry_at)?;
                }
            }
        }
    }
    Ok(())
}

/// Why a message was not sent, and whether trying again could change that.
struct Failure {
    reason: String,
    permanent: bool,
}

/// Hands `message` to the server as plain text and HTML (`multipart/alternative`).
fn send(
    transport: &SmtpTransport,
    from: &Mailbox,
    message: &super::Message,
) -> Result<(), Failure> {
    let never = |reason: String| Failure {
        reason,
        permanent: true,
    };
    let to: Mailbox = message
        .recipient
        .parse()
        .map_err(|error: lettre::address::AddressError| never(error.to_string()))?;
    let mut builder = Email::builder()
        .from(from.clone())
        .to(to)
        .subject(&message.subject);
    if let Some(url) = &message.unsubscribe_url {
        // RFC 2369 and RFC 8058: mail programs offer their own button, which posts to the URL.
        for (name, value) in [
            ("List-Unsubscribe", format!("<{url}>")),
            (
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".to_owned(),
            ),
        ] {
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str(name),
                value,
            ));
        }
    }
    let email = builder
        .multipart(MultiPart::alternative_plain_html(
            message.body.clone(),
            super::html::of_text(&message.body),
        ))
        .map_err(|error| never(error.to_string()))?;
    transport.send(&email).map(drop).map_err(|error| Failure {
        permanent: error.is_permanent(),
        reason: error.to_string(),
    })
}

/// How long a claimed message is left to its sender: longer than an SMTP conversation may take
/// (lettre gives up on a silent server after a minute).
const SENDING_LEASE: chrono::Duration = chrono::Duration::minutes(2);

/// How long to wait after the `attempts`-th failure: half a minute, doubling each time.
fn retry_delay(attempts: i32) -> chrono::Duration {
    chrono::Duration::seconds(30 << attempts.clamp(0, 16))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::MAX_ATTEMPTS;

    #[test]
    fn each_retry_waits_twice_as_long_as_the_one_before() {
        let delays: Vec<i64> = (0..MAX_ATTEMPTS)
            .map(|attempts| retry_delay(attempts).num_seconds())
            .collect();
        assert_eq!(delays, [30, 60, 120, 240, 480]);
    }

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let settings = SmtpSettings {
            url: "smtps://mailer:s3cr3t:pass@mail.example.org:465".to_owned(),
            from: "portal@example.org".to_owned(),
            poll: DEFAULT_POLL,
            trusted_certificate: None,
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
