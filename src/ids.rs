//! Typed row identifiers, so that a practice id can never be passed where an institution id is
//! expected.

use std::fmt;

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Integer)]
        #[serde(transparent)]
        pub struct $name(pub i32);

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

typed_id!(
    /// A row of `practices`.
    PracticeId
);
typed_id!(
    /// A row of `organisations` (an institution).
    OrganisationId
);
typed_id!(
    /// A row of `users`: an account.
    UserId
);
typed_id!(
    /// A row of `memberships`: a person's request to act for an institution.
    MembershipId
);
typed_id!(
    /// A row of `competitions`.
    CompetitionId
);
typed_id!(
    /// A row of `entries`: a submission to a competition.
    EntryId
);
typed_id!(
    /// A row of `documents`: a background document attached to an entry.
    DocumentId
);
