//! Background documents: what may be attached, judged by the content and never by the name.
//! Their bytes live in the database (`document_contents`), so that every portal process
//! serves them and one backup holds them with the entries that name them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

pub use crate::forms::Upload;
use crate::ids::{DocumentId, EntryId};
use crate::languages::Message;
use crate::schema::documents;

pub use crate::forms::MAX_UPLOAD_BYTES as MAX_DOCUMENT_BYTES;
pub const MAX_DOCUMENTS_PER_ENTRY: i64 = 5;

/// The kinds of file an entry may carry, by the media type their content shows: the type, its
/// name, and the extensions a file of it is known by (the first is given when none fits).
const ACCEPTED: &[(&str, &str, &[&str])] = &[
    ("application/pdf", "PDF", &["pdf"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word (DOCX)",
        &["docx"],
    ),
    (
        "application/vnd.oasis.opendocument.text",
        "OpenDocument text (ODT)",
        &["odt"],
    ),
    ("image/png", "PNG image", &["png"]),
    ("image/jpeg", "JPEG image", &["jpg", "jpeg"]),
];

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = documents, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Document {
    pub id: DocumentId,
    pub entry_id: EntryId,
    pub original_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub uploaded_at: NaiveDateTime,
}

impl Document {
    pub fn kind(&self) -> &'static str {
        self.accepted().map_or("Document", |(_, label, _)| label)
    }

    fn accepted(&self) -> Option<&'static (&'static str, &'static str, &'static [&'static str])> {
        ACCEPTED
            .iter()
            .find(|(media_type, _, _)| *media_type == self.media_type)
    }

    /// The name to offer the file under: as uploaded when its extension fits what the content
    /// is, otherwise with the right extension added (`picture.pdf` holding a PNG is offered as
    /// `picture.pdf.png`), so that no program opens it as what it is not.
    pub fn download_name(&self) -> String {
        let Some((_, _, extensions)) = self.accepted() else {
            return self.original_name.clone();
        };
        let fits = self
            .original_name
            .rsplit_once('.')
            .is_some_and(|(_, extension)| {
                extensions
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(extension))
            });
        if fits {
            self.original_name.clone()
        } else {
            format!("{}.{}", self.original_name, extensions[0])
        }
    }

    pub fn size_display(&self) -> String {
        let kilobytes = (self.size_bytes + 1023) / 1024;
        if kilobytes < 1024 {
            format!("{kilobytes} kB")
        } else {
            format!("{:.1} MB", self.size_bytes as f64 / (1024.0 * 1024.0))
        }
    }
}

/// The accepted media type of an upload, or why it is refused.
pub fn check(upload: &Upload) -> Result<&'static str, Message> {
    if upload.truncated || upload.bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Message::new("entry-document-too-large").with("file", &upload.file_name));
    }
    if upload.bytes.is_empty() {
        return Err(Message::new("entry-document-empty").with("file", &upload.file_name));
    }
    let sniffed = infer::get(&upload.bytes).map(|kind| kind.mime_type());
    ACCEPTED
        .iter()
        .map(|(media_type, _, _)| *media_type)
        .find(|media_type| Some(*media_type) == sniffed)
        .ok_or_else(|| Message::new("entry-document-kind").with("file", &upload.file_name))
}

/// A file name fit to show and to offer for download: no folders, no control characters, no
/// noncharacters.
pub fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|&c| crate::text::is_allowed(c) && !c.is_control() && c != '"')
        .take(120)
        .collect();
    // "." and ".." name folders, not files.
    if cleaned.chars().all(|c| c == '.' || c.is_whitespace()) {
        "document".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(name: &str, bytes: &[u8]) -> Upload {
        Upload {
            file_name: name.into(),
            bytes: bytes.to_vec(),
            truncated: false,
        }
    }

    #[test]
    fn the_content_decides_not_the_name() {
        assert_eq!(
            check(&upload(
                "report.pdf",
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
            )),
            Ok("application/pdf")
        );
        assert_eq!(
            check(&upload("x.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")),
            Ok("image/png")
        );
        assert!(check(&upload("virus.pdf", b"MZ\x90\0\x03\0\0\0")).is_err());
        assert!(check(&upload("notes.pdf", b"just some text")).is_err());
        assert!(check(&upload("empty.pdf", b"")).is_err());
    }

    #[test]
    fn file_names_lose_folders_and_control_characters() {
        assert_eq!(clean_file_name("C:\\Users\\me\\plan.pdf"), "plan.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\"b\nc.pdf"), "abc.pdf");
        assert_eq!(clean_file_name("///"), "document");
        assert_eq!(clean_file_name(".."), "document");
        assert_eq!(clean_file_name("a/ .. "), "document");
    }

    #[test]
    fn a_file_is_offered_under_the_extension_of_what_it_is() {
        let document = |name: &str, media_type: &str| Document {
            id: DocumentId(1),
            entry_id: EntryId(1),
            original_name: name.to_owned(),
            media_type: media_type.to_owned(),
            size_bytes: 1,
            uploaded_at: NaiveDateTime::default(),
        };
        let named = |name, media_type| document(name, media_type).download_name();
        assert_eq!(named("picture.pdf", "image/png"), "picture.pdf.png");
        assert_eq!(named("report.PDF", "application/pdf"), "report.PDF");
        assert_eq!(named("photo.jpeg", "image/jpeg"), "photo.jpeg");
        assert_eq!(named("photo.jpg", "image/jpeg"), "photo.jpg");
        assert_eq!(named("plan", "application/pdf"), "plan.pdf");
        assert_eq!(named("plan.docx", "application/pdf"), "plan.docx.pdf");
    }
}
