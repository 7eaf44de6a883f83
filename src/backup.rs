//! A consistent copy of a portal's database, documents included, taken while the portal may
//! be serving.

use std::path::Path;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::error::AppError;

/// Copies the database at `database` to the new file `to` with `VACUUM INTO`, which reads one
/// snapshot in a read transaction: writers carry on, and the copy holds every transaction
/// committed before it started and none after. Refuses to overwrite anything, so that an
/// earlier backup is never lost by a typo, and to copy a database whose documents are still in
/// the files of an uploads folder (the portal takes them in when it starts).
pub fn backup(database: &Path, to: &Path) -> Result<(), AppError> {
    if to.exists() {
        return Err(AppError::Unusable {
            path: to.to_owned(),
            problem: "already exists; back up to a new file",
        });
    }
    if !database.is_file() {
        return Err(AppError::Unusable {
            path: database.to_owned(),
            problem: "is not a database file",
        });
    }
    let mut conn = SqliteConnection::establish(&database.to_string_lossy()).map_err(|source| {
        AppError::Connection {
            database: database.display().to_string(),
            source,
        }
    })?;
    diesel::sql_query("PRAGMA busy_timeout = 5000").execute(&mut conn)?;
    let in_files: i64 = diesel::dsl::select(diesel::dsl::sql::<BigInt>(
        "(SELECT COUNT(*) FROM documents WHERE stored_name <> '')",
    ))
    .get_result(&mut conn)?;
    if in_files > 0 {
        return Err(AppError::Unusable {
            path: database.to_owned(),
            problem: "names documents still in the uploads folder; start the portal once \
                      to take them into the database, then back up",
        });
    }
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(to.to_string_lossy())
        .execute(&mut conn)?;
    Ok(())
}
