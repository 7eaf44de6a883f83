//! Password hashing with argon2id, and the rules a new password must meet.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, SyncSender};
use std::sync::{Mutex, OnceLock};

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand::RngCore;

use crate::error::AppError;
use crate::forms::FormError;
use crate::languages::Message;

pub const MIN_LENGTH: usize = 10;
const MAX_LENGTH: usize = 200;

/// Hashes waiting for a hashing thread; past this many, a sign-in or registration is told the
/// portal is busy rather than queued without end.
const WAITING_HASHES: usize = 16;

/// An argon2id hash works in 19 MiB of memory. Hashes run only on a few threads of their own
/// (one a core), one at a time each, each in memory its thread keeps for all its hashes: so the
/// memory hashing takes is bounded and allocated once. On the blocking pool every hash landed
/// on another thread, whose allocator arena kept its 19 MiB after it (4.5 GB after 500 parallel
/// sign-ins; `bench/sign-ins`).
struct HashingThreads {
    queue: SyncSender<Job>,
}

type Job = Box<dyn FnOnce() + Send>;

impl HashingThreads {
    fn start(threads: usize, waiting: usize) -> HashingThreads {
        let (queue, jobs) = mpsc::sync_channel::<Job>(waiting);
        let jobs = std::sync::Arc::new(Mutex::new(jobs));
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
        HashingThreads { queue }
    }

    /// Runs `work` on a hashing thread and waits for it; `Busy` at once when the queue is full.
    fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let (reply, answer) = mpsc::sync_channel(1);
        self.queue
            .try_send(Box::new(move || drop(reply.send(work()))))
            .map_err(|_| AppError::Busy("password hashing"))?;
        answer
            .recv()
            .map_err(|_| AppError::Panicked("a password hash".to_owned()))
    }
}

fn on_hashing_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    static THREADS: OnceLock<HashingThreads> = OnceLock::new();
    THREADS
        .get_or_init(|| {
            let threads = std::thread::available_parallelism().map_or(2, usize::from);
            HashingThreads::start(threads, WAITING_HASHES)
        })
        .run(work)
}

/// A new password's hash; when too many wait to be hashed, a problem with `field` that the
/// person can act on (try again) with everything typed kept.
pub fn hash(password: &str, field: &'static str) -> Result<String, FormError> {
    hashed(password).map_err(|error| busy_as_problem(error, field))
}

fn hashed(password: &str) -> Result<String, AppError> {
    let password = password.to_owned();
    on_hashing_thread(move || {
        let params = Params::default();
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let mut output = [0u8; Params::DEFAULT_OUTPUT_LEN];
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
        hash_into(&argon2, password.as_bytes(), &salt, &mut output)
            .map_err(|error| AppError::Hashing(error.into()))?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&params)
                .map_err(|error| AppError::Hashing(error.into()))?,
            salt: Some(Salt::new(&salt).map_err(|error| AppError::Hashing(error.into()))?),
            hash: Some(Output::new(&output).map_err(|error| AppError::Hashing(error.into()))?),
        };
        Ok(phc.to_string())
    })?
}

/// Whether `password` is the one `stored_hash` (a PHC string of any argon2 variant and
/// parameters) was made from, compared in constant time; `Busy` when too many wait.
pub fn verify(password: &str, stored_hash: &str) -> Result<bool, AppError> {
    let (password, stored_hash) = (password.to_owned(), stored_hash.to_owned());
    on_hashing_thread(move || {
        let Ok(stored) = PasswordHash::new(&stored_hash) else {
            return false;
        };
        let (Some(salt), Some(expected)) = (&stored.salt, &stored.hash) else {
            return false;
        };
        let algorithm = Algorithm::try_from(stored.algorithm.as_str());
        let version = stored
            .version
            .map_or(Ok(Version::default()), Version::try_from);
        let params = Params::try_from(&stored);
        let (Ok(algorithm), Ok(version), Ok(params)) = (algorithm, version, params) else {
            return false;
        };
        let mut output = vec![0u8; expected.len()];
        let argon2 = Argon2::new(algorithm, version, params);
        hash_into(&argon2, password.as_bytes(), salt.as_ref(), &mut output).is_ok()
            && Output::new(&output).is_ok_and(|computed| computed == *expected)
    })
}

thread_local! {
    /// The hashing thread's argon2 memory: allocated at its first hash, reused by the rest.
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

fn hash_into(
    argon2: &Argon2<'_>,
    password: &[u8],
    salt: &[u8],
    output: &mut [u8],
) -> Result<(), argon2::Error> {
    MEMORY.with_borrow_mut(|memory| {
        let blocks = argon2.params().block_count();
        if memory.len() < blocks {
            memory.resize(blocks, Block::default());
        }
        argon2.hash_password_into_with_memory(password, salt, output, &mut memory[..blocks])
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

    /// Runs the work `make` makes as soon as the thread takes it: with no room to wait, a
    /// job is taken only while the thread is back at its queue.
    fn run_when_free<T: Send + 'static, F: FnOnce() -> T + Send + 'static>(
        threads: &HashingThreads,
        make: impl Fn() -> F,
    ) -> T {
        loop {
            match threads.run(make()) {
                Err(AppError::Busy(_)) => std::thread::sleep(std::time::Duration::from_millis(1)),
                answer => return answer.unwrap(),
            }
        }
    }

    #[test]
    fn with_every_thread_hashing_and_no_room_to_wait_hashing_is_refused_as_busy() {
        // One thread and no waiting room: while the thread works, anything more is refused.
        let threads = HashingThreads::start(1, 0);
        let gate = std::sync::Arc::new(std::sync::Barrier::new(2));
        let (started, running) = mpsc::channel::<()>();
        std::thread::scope(|scope| {
            let first = scope.spawn(|| {
                run_when_free(&threads, || {
                    let (gate, started) = (gate.clone(), started.clone());
                    move || {
                        started.send(()).unwrap();
                        gate.wait();
                        1
                    }
                })
            });
            running.recv().unwrap();
            assert!(matches!(threads.run(|| 2), Err(AppError::Busy(_))));
            gate.wait();
            assert_eq!(first.join().unwrap(), 1);
        });
        // Free again once the thread is back at its queue.
        assert_eq!(run_when_free(&threads, || || 3), 3);
        let busy = busy_as_problem(AppError::Busy("password hashing"), "password");
        let problems = busy.into_problems().unwrap();
        assert_eq!(problems.get("password").unwrap().key(), "error-busy-text");
    }

    #[test]
    fn hashes_of_argon2_s_own_making_verify_and_ours_verify_there() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let theirs = Argon2::default()
            .hash_password(b"correct horse battery")
            .unwrap()
            .to_string();
        assert!(verify("correct horse battery", &theirs).unwrap());
        assert!(!verify("wrong horse battery", &theirs).unwrap());
        let ours = hash("correct horse battery", "password").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(Argon2::default()
            .verify_password(b"correct horse battery", &parsed)
            .is_ok());
    }

    #[test]
    fn new_passwords_are_checked_for_length_and_confirmation() {
        assert!(problem("short", "short").is_some());
        assert!(problem("long enough!", "long enough?").is_some());
        assert_eq!(problem("long enough!", "long enough!"), None);
    }
}
