//! Password hashing with argon2id, and the rules a new password must meet.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

use crate::error::AppError;
use crate::languages::Message;

pub const MIN_LENGTH: usize = 10;
const MAX_LENGTH: usize = 200;

pub fn hash(password: &str) -> Result<String, AppError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| AppError::Internal(format!("password hashing failed: {error}")))
}

pub fn verify(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Burns the same time as checking a real password, so that a sign-in with an unknown
/// address cannot be told apart by how long it takes.
pub fn verify_against_nothing(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("not a password of anyone").unwrap_or_default());
    verify(password, dummy);
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
        let stored = hash("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
        assert!(!verify("correct horse battery", "not a hash"));
    }

    #[test]
    fn new_passwords_are_checked_for_length_and_confirmation() {
        assert!(problem("short", "short").is_some());
        assert!(problem("long enough!", "long enough?").is_some());
        assert_eq!(problem("long enough!", "long enough!"), None);
    }
}
