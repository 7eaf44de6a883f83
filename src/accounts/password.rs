//! Password hashing with argon2id, and the rules a new password must meet.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, SyncSender};
use std::sync::{Mutex, OnceLock};

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

use crate::error::AppError;
use crate::forms::FormError;
use crate::languages::Message;

pub const MIN_LENGTH: usize = 10;
const MAX_LENGTH: usize = 200;

/// Hashes waiting for a hashing thread; past this many, a sign-in or registration is told the
/// portal is busy rather than queued without end.
const WAITING_HASHES: usize = 16;

/// An argon2id hash takes 19 MiB for the time it runs. Hashes run only on a few threads of their
/// own (one a core), one at a time each, so that the memory they take at once is bounded, and
/// so that each thread's allocator reuses the same memory: on the blocking pool every hash
/// landed on another thread, whose allocator arena kept its 19 MiB after it (1.5 GB after 280
/// parallel sign-ins).
fn on_hashing_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    type Job = Box<dyn FnOnce() + Send>;
    static QUEUE: OnceLock<SyncSender<Job>> = OnceLock::new();
    let queue = QUEUE.get_or_init(|| {
        let (queue, jobs) = mpsc::sync_channel::<Job>(WAITING_HASHES);
        let jobs = std::sync::Arc::new(Mutex::new(jobs));
        let threads = std::thread::available_parallelism().map_or(2, usize::from);
        for number in 0..threads {
            let jobs = jobs.clone();
            std::thread::Builder::new()
                .name(format!("password-hashing-{number}"))
                .spawn(move || loop {
                    let job = match jobs.lock() {
                        Ok(jobs) => jobs.recv(),
                        Err(_) => return,
                    };
                    match job {
                        // A panicking hash drops its reply, which the caller reports.
                        Ok(job) => drop(catch_unwind(AssertUnwindSafe(job))),
                        Err(_) => return,
                    }
                })
                .expect("a password hashing thread");
        }
        queue
    });
    let (reply, answer) = mpsc::sync_channel(1);
    queue
        .try_send(Box::new(move || drop(reply.send(work()))))
        .map_err(|_| AppError::Busy("password hashing"))?;
    answer
        .recv()
        .map_err(|_| AppError::Internal("password hashing panicked".to_owned()))
}

/// A new password's hash; when too many wait to be hashed, a problem with `field` that the
/// person can act on (try again) with everything typed kept.
pub fn hash(password: &str, field: &'static str) -> Result<String, FormError> {
    hashed(password).map_err(|error| busy_as_problem(error, field))
}

fn hashed(password: &str) -> Result<String, AppError> {
    let password = password.to_owned();
    on_hashing_thread(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|error| AppError::Internal(format!("password hashing failed: {error}")))
    })?
}

/// Whether `password` is the one `stored_hash` was made from; `Busy` when too many wait.
pub fn verify(password: &str, stored_hash: &str) -> Result<bool, AppError> {
    let (password, stored_hash) = (password.to_owned(), stored_hash.to_owned());
    on_hashing_thread(move || {
        PasswordHash::new(&stored_hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
}

/// Burns the same time as checking a real password, so that a sign-in with an unknown
/// address cannot be told apart by how long it takes.
pub fn verify_against_nothing(password: &str) -> Result<(), AppError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = match DUMMY.get() {
        Some(dummy) => dummy,
        None => {
            let made = hashed("not a password of anyone")?;
            DUMMY.get_or_init(|| made)
        }
    };
    verify(password, dummy).map(drop)
}

/// Being too busy to hash is something the person can act on: a problem shown with the form.
pub fn busy_as_problem(error: AppError, field: &'static str) -> FormError {
    match error {
        AppError::Busy(_) => FormError::invalid(field, Message::new("error-busy-text")),
        error => FormError::App(error),
    }
}

/// The problem with a proposed new password, if any.
pub fn problem(password: &str, confirmation: &str) -> Option<Message> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        Some(Message::new("account-use-at-least-10"))
    } else if length > MAX_LENGTH {
        Some(Message::new("account-use-at-most-200"))
    } else if password != confirmation {
        Some(Message::new("account-the-two-passwords-are"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = hash("correct horse battery", "password").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &stored).unwrap());
        assert!(!verify("correct horse batterY", &stored).unwrap());
        assert!(!verify("correct horse battery", "not a hash").unwrap());
    }

    #[test]
    fn new_passwords_are_checked_for_length_and_confirmation() {
        assert!(problem("short", "short").is_some());
        assert!(problem("long enough!", "long enough?").is_some());
        assert_eq!(problem("long enough!", "long enough!"), None);
    }
}
