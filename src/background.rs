//! The portal's threads besides the web workers — the outbox sender, a search index build —
//! and how they stop. On SIGTERM the server stops accepting, lets the requests in flight
//! finish, and then these are asked to stop between two pieces of work and waited for, so
//! that no message is cut in the middle of its sending and the process exits cleanly.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::error::AppError;

#[derive(Debug, Default)]
pub struct Background {
    stopping: Mutex<bool>,
    woken: Condvar,
    threads: Mutex<Vec<JoinHandle<()>>>,
}

impl Background {
    /// Runs `work` on a thread named `name`; it is given this to ask whether to stop.
    pub fn spawn(
        self: &Arc<Self>,
        name: &'static str,
        work: impl FnOnce(&Background) + Send + 'static,
    ) -> Result<(), AppError> {
        let background = Arc::clone(self);
        let thread = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || work(&background))
            .map_err(|source| AppError::Thread {
                thread: name,
                source,
            })?;
        self.threads.lock().expect("threads lock").push(thread);
        Ok(())
    }

    /// Whether the process is stopping: work should end at its next step.
    pub fn is_stopping(&self) -> bool {
        *self.stopping.lock().expect("stop lock")
    }

    /// Rests up to `pause`, less when asked to stop; true when the thread should stop.
    pub fn rest(&self, pause: Duration) -> bool {
        let stopping = self.stopping.lock().expect("stop lock");
        let (stopping, _) = self
            .woken
            .wait_timeout_while(stopping, pause, |stopping| !*stopping)
            .expect("stop lock");
        *stopping
    }

    /// Asks every thread to stop and waits until they have.
    pub fn stop(&self) {
        *self.stopping.lock().expect("stop lock") = true;
        self.woken.notify_all();
        let threads = std::mem::take(&mut *self.threads.lock().expect("threads lock"));
        for thread in threads {
            let name = thread.thread().name().unwrap_or("a thread").to_owned();
            if thread.join().is_err() {
                tracing::error!(thread = name, "a background thread had panicked");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;

    #[test]
    fn stopping_wakes_a_resting_thread_and_waits_for_it() {
        let background = Arc::new(Background::default());
        let rounds = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&rounds);
        background
            .spawn("test-worker", move |background| {
                while !background.rest(Duration::from_secs(60)) {
                    counted.fetch_add(1, Ordering::SeqCst);
                }
                counted.fetch_add(100, Ordering::SeqCst);
            })
            .unwrap();
        let started = Instant::now();
        background.stop();
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(rounds.load(Ordering::SeqCst), 100, "stopped after its rest");
        assert!(background.is_stopping());
    }
}
