//! The portal binary run as a real process, as an operator runs it.

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use portal::db::Database;

/// The portal binary serving `database`; killed when dropped, so a failing test leaves no
/// server behind.
pub struct Process {
    child: Child,
    pub base: String,
}

impl Process {
    /// The binary serving `database`, with `args` besides (`--no-demo`, `--data-dir`...),
    /// once it answers.
    pub fn start(database: &Database, args: &[&str]) -> Process {
        let mut process = Process::launch(database, args);
        process.wait_until_healthy();
        process
    }

    /// The binary starting to serve `database`, with `args` besides.
    pub fn launch(database: &Database, args: &[&str]) -> Process {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let bind = format!("127.0.0.1:{port}");
        let child = Command::new(env!("CARGO_BIN_EXE_portal"))
            .args(["serve", "--bind", &bind, "--database", &database.url()])
            .args(args)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("start the portal binary");
        Process {
            child,
            base: format!("http://{bind}"),
        }
    }

    /// Plain HTTP over a socket: the test's async client cannot block, and the server needs
    /// a while to load the demo data into a new database.
    pub fn wait_until_healthy(&mut self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(120) {
            if self.answers_health_check() {
                return;
            }
            if let Some(status) = self.child.try_wait().expect("the portal's status") {
                panic!("the portal at {} stopped: {status}", self.base);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the portal at {} did not become healthy", self.base);
    }

    fn answers_health_check(&self) -> bool {
        let Ok(mut stream) = std::net::TcpStream::connect(self.base.trim_start_matches("http://"))
        else {
            return false;
        };
        let mut answer = String::new();
        stream
            .write_all(b"GET /healthz HTTP/1.0\r\n\r\n")
            .and_then(|()| stream.read_to_string(&mut answer))
            .is_ok_and(|_| answer.starts_with("HTTP/1.1 200") || answer.starts_with("HTTP/1.0 200"))
    }

    /// SIGKILL: no shutdown hook, no flush, no checkpoint.
    pub fn kill(&mut self) {
        self.child.kill().expect("kill the portal");
        self.child.wait().expect("reap the portal");
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
