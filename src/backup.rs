//! A consistent copy of a portal's database, and of its uploaded documents, taken while the
//! portal may be serving.

use std::path::{Path, PathBuf};

use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::error::AppError;
use crate::progress::Progress;

/// What a backup wrote.
#[derive(Debug)]
pub struct BackupReport {
    pub database: PathBuf,
    /// The copy of the uploads folder, when the portal has one.
    pub uploads: Option<PathBuf>,
}

/// Where the uploaded documents of backup `to` are copied: beside it, so that the two travel
/// together.
pub fn uploads_copy_path(to: &Path) -> PathBuf {
    let mut name = to.as_os_str().to_owned();
    name.push(".uploads");
    PathBuf::from(name)
}

/// Copies the database at `database` to the new file `to` with `VACUUM INTO`, which reads one
/// snapshot in a read transaction: writers carry on, and the copy holds every transaction
/// committed before it started and none after. Then copies `uploads` (if it exists) to
/// `<to>.uploads/`. Documents are written before their entry row commits, so every document
/// the copied database names is already in the folder when the folder is copied after it.
/// Refuses to overwrite anything, so that an earlier backup is never lost by a typo.
pub fn backup(
    database: &Path,
    uploads: &Path,
    to: &Path,
    progress: &Progress,
) -> Result<BackupReport, AppError> {
    let uploads_copy = uploads_copy_path(to);
    for target in [to, uploads_copy.as_path()] {
        if target.exists() {
            return Err(AppError::Unusable {
                path: target.to_owned(),
                problem: "already exists; back up to a new file",
            });
        }
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
    // The database is one step, then each document.
    progress.add_to_total(1);
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(to.to_string_lossy())
        .execute(&mut conn)?;
    progress.advance(1);
    let uploads = if uploads.is_dir() {
        copy_folder(uploads, &uploads_copy, progress)?;
        Some(uploads_copy)
    } else {
        None
    };
    Ok(BackupReport {
        database: to.to_owned(),
        uploads,
    })
}

fn copy_folder(from: &Path, to: &Path, progress: &Progress) -> Result<(), AppError> {
    let failed = AppError::file("copy into", to);
    std::fs::create_dir_all(to).map_err(failed)?;
    let items = std::fs::read_dir(from)
        .map_err(failed)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(failed)?;
    progress.add_to_total(items.len() as u64);
    for item in items {
        let target = to.join(item.file_name());
        if item.file_type().map_err(failed)?.is_dir() {
            copy_folder(&item.path(), &target, progress)?;
        } else {
            std::fs::copy(item.path(), &target).map_err(failed)?;
        }
        progress.advance(1);
    }
    Ok(())
}
