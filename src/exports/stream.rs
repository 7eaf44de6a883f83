//! A filtered list as a download, produced chunk by chunk while the client reads it: the ids
//! come from the catalogue's result set, the rows from SQLite `CHUNK` at a time, and actix
//! asks for the next chunk only when the previous one has left, so memory stays flat
//! whatever the size of the list.

use std::sync::Arc;

use actix_web::web::Bytes;
use futures_util::stream::{self, Stream, StreamExt};

use super::records::{PracticeRecord, CSV_HEADER};
use super::service::records;
use crate::db::{self, DbPool};
use crate::error::AppError;
use crate::languages::Lang;
use crate::practices::catalog::ResultSet;

/// Practices read from SQLite per query: large enough that the five queries of a chunk are
/// cheap per row, small enough that a chunk is a few hundred kilobytes.
const CHUNK: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    /// A JSON array of practice records.
    Json,
}

impl ExportFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Json => "application/json",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Csv => "practices.csv",
            ExportFormat::Json => "practices.json",
        }
    }

    fn opening(self) -> Result<Vec<u8>, AppError> {
        match self {
            ExportFormat::Csv => super::csv::rows([CSV_HEADER]),
            ExportFormat::Json => Ok(b"[".to_vec()),
        }
    }

    fn closing(self) -> &'static [u8] {
        match self {
            ExportFormat::Csv => b"",
            ExportFormat::Json => b"]\n",
        }
    }

    /// `records` in this format; `first` when nothing has been written before them, since
    /// JSON separates records with commas. CSV cells are labels in `lang`.
    fn encode(
        self,
        records: &[PracticeRecord],
        first: bool,
        lang: Lang,
    ) -> Result<Vec<u8>, AppError> {
        match self {
            ExportFormat::Csv => {
                super::csv::rows(records.iter().map(|record| record.csv_row(lang)))
            }
            ExportFormat::Json => {
                let mut out = Vec::new();
                for (position, record) in records.iter().enumerate() {
                    if !(first && position == 0) {
                        out.push(b',');
                    }
                    out.push(b'\n');
                    serde_json::to_writer(&mut out, record).map_err(AppError::encoding)?;
                }
                Ok(out)
            }
        }
    }
}

/// Where a download has got to.
struct Progress {
    /// Position in the result set of the next chunk.
    next: usize,
    /// Records written so far.
    written: usize,
}

/// The practices of `result`, in its order, as a stream of `format` (labels in `lang`).
pub fn download(
    pool: DbPool,
    result: Arc<ResultSet>,
    format: ExportFormat,
    public_url: Arc<str>,
    lang: Lang,
) -> impl Stream<Item = Result<Bytes, AppError>> {
    let opening = stream::once(async move { format.opening().map(Bytes::from) });
    let start = Progress {
        next: 0,
        written: 0,
    };
    let rows = stream::try_unfold(start, move |progress| {
        let pool = pool.clone();
        let result = Arc::clone(&result);
        let public_url = Arc::clone(&public_url);
        async move {
            let remaining = &result.practices[progress.next..];
            if remaining.is_empty() {
                return Ok(None);
            }
            let ids = remaining[..remaining.len().min(CHUNK)].to_vec();
            let first = progress.written == 0;
            let read = ids.len();
            // Reading and encoding both run on the blocking pool, off the async workers.
            let (bytes, written) = db::run(&pool, move |conn| {
                // A practice unpublished since the list was computed is left out.
                let records = records(conn, &ids, &public_url)?;
                Ok((format.encode(&records, first, lang)?, records.len()))
            })
            .await?;
            let progress = Progress {
                next: progress.next + read,
                written: progress.written + written,
            };
            Ok(Some((Bytes::from(bytes), progress)))
        }
    });
    let closing = stream::once(async move { Ok(Bytes::from_static(format.closing())) });
    opening.chain(rows).chain(closing)
}
