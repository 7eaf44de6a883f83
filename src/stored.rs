//! How a closed set of values (a vocabulary, a language) is stored: as the text of its slug,
//! read back through its parser. Below both the vocabularies and the languages, which use it.

/// Stores a type as text: `$to` writes it (`slug`), `$from` reads it back (`from_slug`).
macro_rules! stored_as_text {
    ($name:ty, $to:ident, $from:ident) => {
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                self.$to().to_sql(out)
            }
        }

        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let text = String::from_sql(bytes)?;
                <$name>::$from(&text)
                    .ok_or_else(|| format!("unknown {} {text:?}", stringify!($name)).into())
            }
        }
    };
}

pub(crate) use stored_as_text;
