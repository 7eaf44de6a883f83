//! PostgreSQL going away while the portal serves: the connection between them runs through a
//! cable the test can cut (every open connection closed, every new one refused) and mend, so
//! the shared test server itself stays up for the other tests.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portal::db::Database;
use portal::ids::PracticeId;
use portal::paths;
use reqwest::StatusCode;

use crate::common::{text_of, TestApp};

/// A TCP relay to the database server.
struct Cable {
    port: u16,
    cut: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Cable {
    fn to(server: String) -> Cable {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the cable");
        let port = listener.local_addr().unwrap().port();
        let cut = Arc::new(AtomicBool::new(false));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (is_cut, opened) = (Arc::clone(&cut), Arc::clone(&open));
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if is_cut.load(Ordering::SeqCst) {
                    // Dropped: the client sees the server close before it says anything.
                    continue;
                }
                let Ok(upstream) = TcpStream::connect(&server) else {
                    continue;
                };
                let mut open = opened.lock().unwrap();
                open.push(client.try_clone().unwrap());
                open.push(upstream.try_clone().unwrap());
                relay(client.try_clone().unwrap(), upstream.try_clone().unwrap());
                relay(upstream, client);
            }
        });
        Cable { port, cut, open }
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for stream in self.open.lock().unwrap().drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    fn mend(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

/// Copies `from` to `to` on a thread of its own until either side closes.
fn relay(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 16 * 1024];
        while let Ok(read) = from.read(&mut buffer) {
            if read == 0 || to.write_all(&buffer[..read]).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Both);
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_portal_cut_off_from_postgresql_answers_503_and_recovers_by_itself() {
    let mut cable = None;
    let app = TestApp::spawn_with(|config| {
        if let Database::Server(url) = &config.database {
            let mut through = url::Url::parse(url).unwrap();
            let server = format!(
                "{}:{}",
                through.host_str().unwrap(),
                through.port().unwrap_or(5432)
            );
            let relay = Cable::to(server);
            through.set_host(Some("127.0.0.1")).unwrap();
            through.set_port(Some(relay.port)).unwrap();
            config.database = Database::Server(through.to_string());
            cable = Some(relay);
        }
    })
    .await;
    // An SQLite file does not go away while the process that has it open runs.
    let Some(cable) = cable else {
        return;
    };
    let practice = paths::practice(
        app.id_of::<PracticeId>("SELECT MIN(id) FROM practices WHERE status = 'published'"),
    );
    assert_eq!(app.get(paths::HEALTH).await.status(), StatusCode::OK);
    assert_eq!(app.get(&practice).await.status(), StatusCode::OK);

    cable.cut();
    let health = app.get(paths::HEALTH).await;
    assert_eq!(health.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(health.text().await.unwrap(), "database unavailable");
    let page = app.get(&practice).await;
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.headers().contains_key("retry-after"));
    let page = scraper::Html::parse_document(&page.text().await.unwrap());
    assert_eq!(
        text_of(&page, "main h1"),
        ["The portal cannot reach its database"]
    );

    cable.mend();
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.get(paths::HEALTH).await.status() != StatusCode::OK {
        assert!(Instant::now() < deadline, "no recovery within a minute");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(app.get(&practice).await.status(), StatusCode::OK);
}
