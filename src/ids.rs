//! Typed row identifiers, so that a practice id can never be passed where an institution id is
//! expected.

use std::fmt;

/// A row id as URLs write it: digits only, without leading zeros (`7`, never `+7` or `007`),
/// so that each page has one address.
pub fn parse_canonical(raw: &str) -> Option<i32> {
    let canonical =
        raw.bytes().all(|b| b.is_ascii_digit()) && (raw == "0" || !raw.starts_with('0'));
    canonical.then(|| raw.parse().ok()).flatten()
}

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident, $param:literal) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Integer)]
        #[serde(transparent)]
        pub struct $name(pub i32);

        /// The id named `{$param}` in the route's path: a handler that takes one gets it
        /// parsed, and a path with a malformed or non-canonical id is not found before the
        /// handler runs.
        impl actix_web::FromRequest for $name {
            type Error = crate::error::AppError;
            type Future = std::future::Ready<Result<Self, Self::Error>>;

            fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
                std::future::ready(
                    req.match_info()
                        .get($param)
                        .and_then(parse_canonical)
                        .map($name)
                        .ok_or(crate::error::AppError::NotFound),
                )
            }
        }

        impl $name {
            /// The name of this id in route paths: `{$param}`.
            pub const PARAM: &'static str = $param;
        }

        impl From<i32> for $name {
            fn from(id: i32) -> Self {
                $name(id)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Integer, DB> for $name
        where
            DB: diesel::backend::Backend,
            i32: diesel::serialize::ToSql<diesel::sql_types::Integer, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                self.0.to_sql(out)
            }
        }

        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Integer, DB> for $name
        where
            DB: diesel::backend::Backend,
            i32: diesel::deserialize::FromSql<diesel::sql_types::Integer, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                i32::from_sql(bytes).map($name)
            }
        }
    };
}

/// The path parameter of every id type.
pub const PARAMS: [&str; 8] = [
    PracticeId::PARAM,
    OrganisationId::PARAM,
    UserId::PARAM,
    MembershipId::PARAM,
    CompetitionId::PARAM,
    EntryId::PARAM,
    DocumentId::PARAM,
    MessageId::PARAM,
];

typed_id!(
    /// A row of `practices`.
    PracticeId,
    "practice"
);
typed_id!(
    /// A row of `organisations` (an institution).
    OrganisationId,
    "organisation"
);
typed_id!(
    /// A row of `users`: an account.
    UserId,
    "user"
);
typed_id!(
    /// A row of `memberships`: a person's request to act for an institution.
    MembershipId,
    "membership"
);
typed_id!(
    /// A row of `competitions`.
    CompetitionId,
    "competition"
);
typed_id!(
    /// A row of `entries`: a submission to a competition.
    EntryId,
    "entry"
);
typed_id!(
    /// A row of `documents`: a background document attached to an entry.
    DocumentId,
    "document"
);

typed_id!(
    /// A row of `outbox`: an e-mail.
    MessageId,
    "message"
);
