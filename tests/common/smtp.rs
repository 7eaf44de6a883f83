//! A real SMTP server for the tests, and what they check of the mail it takes.

use std::path::PathBuf;
use std::time::Duration;

use mail_parser::MimeHeaders;
use portal::outbox::sender::SmtpSettings;

use super::{count, free_port, strings, TestApp};

/// The test SMTP server (`tests/support/smtp_sink.py`, on aiosmtpd), keeping every message
/// it takes as a file in a folder of its own.
pub struct SmtpSink {
    server: std::process::Child,
    pub port: u16,
    pub url: String,
    folder: tempfile::TempDir,
}

impl SmtpSink {
    /// With `options` of aiosmtpd (its TLS certificate, say).
    pub fn start(options: &[&std::ffi::OsStr]) -> SmtpSink {
        let folder = tempfile::tempdir().unwrap();
        let port = free_port();
        let server = std::process::Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(options)
            .args(["-c", "smtp_sink.Sink"])
            .arg(folder.path())
            .env(
                "PYTHONPATH",
                concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support"),
            )
            // It logs every session a test cuts short on purpose (a refused certificate).
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 with aiosmtpd (bash .ci/browser-tools installs it)");
        let sink = SmtpSink {
            server,
            port,
            url: format!("smtp://127.0.0.1:{port}"),
            folder,
        };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return sink;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the SMTP server did not start (is aiosmtpd installed? bash .ci/browser-tools)");
    }

    /// Every message taken so far, in the order taken.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        self.files("eml")
            .iter()
            .map(|path| std::fs::read(path).unwrap())
            .collect()
    }

    /// How many recipients were refused so far.
    pub fn refusals(&self) -> usize {
        self.files("refused").len()
    }

    fn files(&self, extension: &str) -> Vec<std::path::PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir(self.folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|found| found == extension))
            .collect();
        files.sort();
        files
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

pub async fn portal_sending_to(url: &str, trusted_certificate: Option<PathBuf>) -> TestApp {
    let url = url.to_owned();
    TestApp::spawn_with(move |config| {
        config.smtp = Some(sending_to(url, trusted_certificate));
    })
    .await
}

/// The portal's settings for sending through the server at `url`, looking at the outbox
/// often so that tests wait little.
pub fn sending_to(url: String, trusted_certificate: Option<PathBuf>) -> SmtpSettings {
    SmtpSettings {
        url,
        from: "Good Practice Portal <portal@example.org>".to_owned(),
        poll: Duration::from_millis(100),
        trusted_certificate,
    }
}

/// Waits (at most 30 s) until `done` holds.
pub async fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..300 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: not within 30 s");
}

/// Waits until every message waiting in `app`'s outbox was tried once and failed with an
/// error that mentions `error`.
pub async fn every_message_failed_once(app: &TestApp, error: &str) {
    let waiting = unsent(app);
    let failed =
        format!("SELECT COUNT(*) FROM outbox WHERE attempts = 1 AND last_error LIKE '%{error}%'");
    eventually("every message tried", || {
        count(&mut app.db(), &failed) == waiting
    })
    .await;
}

pub fn unsent(app: &TestApp) -> i64 {
    count(
        &mut app.db(),
        "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL",
    )
}

/// Waits until the outbox is sent, then checks that the server took each queued message once,
/// as queued: to its recipient, with its subject, as `multipart/alternative` whose text is the
/// message and whose HTML says the same, its links absolute and linked. Returns the subjects.
pub async fn every_message_taken_once(app: &TestApp, sink: &SmtpSink) -> Vec<String> {
    eventually("every message sent", || unsent(app) == 0).await;
    // Nothing goes twice: give the sender a few more rounds.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let queued: Vec<(String, String, String)> = {
        let mut conn = app.db();
        let rows = strings(
            &mut conn,
            "SELECT recipient || '\u{1f}' || subject || '\u{1f}' || body AS value FROM outbox ORDER BY id",
        );
        rows.into_iter()
            .map(|row| {
                let row = row.unwrap();
                let mut parts = row.split('\u{1f}').map(str::to_owned);
                (
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                )
            })
            .collect()
    };
    let taken = sink.messages();
    assert_eq!(taken.len(), queued.len(), "one message each, none twice");
    // Each message taken matches one queued, and each queued one is taken once.
    let mut unmatched = queued.clone();
    for raw in &taken {
        let message = mail_parser::MessageParser::default().parse(raw).unwrap();
        let to = message
            .to()
            .and_then(|to| to.first())
            .and_then(|to| to.address())
            .unwrap();
        let subject = message.subject().unwrap();
        assert_eq!(
            message.content_type().unwrap().subtype(),
            Some("alternative")
        );
        // Lines travel with CRLF endings; the text is the same.
        let text = message.body_text(0).unwrap().replace("\r\n", "\n");
        let position = unmatched
            .iter()
            .position(|(recipient, queued_subject, body)| {
                recipient == to && queued_subject == subject && body.trim_end() == text.trim_end()
            })
            .unwrap_or_else(|| panic!("{to}: {subject} was not queued, or came twice"));
        let (_, _, body) = unmatched.swap_remove(position);
        let html = scraper::Html::parse_document(&message.body_html(0).unwrap());
        let shown: String = html.root_element().text().collect();
        let words = |text: &str| {
            text.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            words(&shown),
            words(&body),
            "the HTML says what the text says"
        );
        // A link in an e-mail leads somewhere only when it is absolute.
        assert!(
            !body.split_whitespace().any(|word| word.starts_with('/')),
            "a relative link: {body}"
        );
        if let Some(link) = body
            .split_whitespace()
            .find(|word| word.starts_with("http"))
        {
            let link = link.trim_end_matches(['.', ',']);
            let anchor = scraper::Selector::parse(&format!("a[href=\"{link}\"]")).unwrap();
            assert!(html.select(&anchor).next().is_some(), "{link} is a link");
        }
    }
    assert!(unmatched.is_empty(), "never taken: {unmatched:?}");
    queued.into_iter().map(|(_, subject, _)| subject).collect()
}
