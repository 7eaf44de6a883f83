//! The signed-in person as a type. A secretariat page takes `Visitor<Secretariat>`, a juror's
//! page `Visitor<Juror>`, and a service only the secretariat may call takes `&Secretariat`:
//! the check is made once, where the type is made, and a page or a service that forgets it
//! does not compile.

use std::ops::Deref;

use super::{Role, User};
use crate::error::AppError;
use crate::paths;

/// Who a page admits: anyone (`Option<User>`), or a signed-in person of some role.
pub trait Person: Sized {
    /// Admits `user`, or says why not: sign in first (`next` is where to come back), or
    /// forbidden.
    fn admit(user: Option<User>, next: &str) -> Result<Self, AppError>;

    /// The account the page frame shows, if any.
    fn account(&self) -> Option<&User>;
}

impl Person for Option<User> {
    fn admit(user: Option<User>, _next: &str) -> Result<Self, AppError> {
        Ok(user)
    }

    fn account(&self) -> Option<&User> {
        self.as_ref()
    }
}

/// The sign-in page, coming back to `next` afterwards.
fn sign_in_required(next: &str) -> AppError {
    let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
    AppError::SignInRequired {
        sign_in: format!("{}?next={next}", paths::SIGN_IN),
    }
}

macro_rules! person_of_role {
    ($(#[$doc:meta])* $name:ident, $admits:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(User);

        impl TryFrom<User> for $name {
            type Error = AppError;

            fn try_from(user: User) -> Result<Self, AppError> {
                let admits: fn(&User) -> bool = $admits;
                if admits(&user) {
                    Ok($name(user))
                } else {
                    Err(AppError::Forbidden)
                }
            }
        }

        impl Deref for $name {
            type Target = User;

            fn deref(&self) -> &User {
                &self.0
            }
        }

        impl Person for $name {
            fn admit(user: Option<User>, next: &str) -> Result<Self, AppError> {
                let user = user.ok_or_else(|| sign_in_required(next))?;
                $name::try_from(user)
            }

            fn account(&self) -> Option<&User> {
                Some(&self.0)
            }
        }
    };
}

person_of_role!(
    /// Anyone signed in, whatever their role: their own account's pages.
    SignedIn,
    |_| true
);
person_of_role!(
    /// A member of the secretariat: screening, competitions, the jury board, accounts.
    Secretariat,
    |user| user.role == Role::Secretariat
);
person_of_role!(
    /// A juror: their assignments, reviews and conflict declarations.
    Juror,
    |user| user.role == Role::Juror
);
person_of_role!(
    /// Someone who enters practices for the institutions they are an approved member of.
    Submitter,
    |user| user.role == Role::Submitter
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;

    fn user(role: Role) -> User {
        User {
            id: UserId(1),
            email: "someone@example.org".into(),
            name: "Someone".into(),
            password_hash: String::new(),
            role,
            session_epoch: 0,
            created_at: chrono::NaiveDateTime::default(),
            language: crate::languages::Lang::En,
        }
    }

    #[test]
    fn each_role_type_admits_its_role_only_and_sends_strangers_to_sign_in() {
        for role in [Role::Secretariat, Role::Juror, Role::Submitter] {
            assert!(SignedIn::admit(Some(user(role)), "/").is_ok());
            assert_eq!(
                Secretariat::admit(Some(user(role)), "/").is_ok(),
                role == Role::Secretariat
            );
            assert_eq!(
                Juror::admit(Some(user(role)), "/").is_ok(),
                role == Role::Juror
            );
            assert_eq!(
                Submitter::admit(Some(user(role)), "/").is_ok(),
                role == Role::Submitter
            );
        }
        assert!(matches!(
            Juror::admit(None, "/jury"),
            Err(AppError::SignInRequired { sign_in }) if sign_in == "/login?next=%2Fjury"
        ));
        assert!(matches!(
            Submitter::admit(Some(user(Role::Juror)), "/submissions"),
            Err(AppError::Forbidden)
        ));
    }
}
