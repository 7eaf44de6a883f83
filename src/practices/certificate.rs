//! The certificate of an awarded practice, as a PDF in the reader's language: the award level
//! or the distinction for innovation, the competition, the practice, the institution and the
//! date. krilla writes the PDF and shapes each run of text with rustybuzz; the lines are cut
//! into runs of one direction by the Unicode bidirectional algorithm, so that Persian is joined
//! and laid right to left, with a Latin title inside it kept left to right.

use std::sync::{Arc, LazyLock};

use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;
use unicode_bidi::{BidiInfo, Level};

use super::repository;
use crate::db::DbConnection;
use crate::error::AppError;
use crate::ids::PracticeId;
use crate::languages::{dates, Lang, Message};
use crate::taxonomy::Award;

/// Vazirmatn (SIL Open Font License, `static/fonts/OFL.txt`): Persian and Latin in one face.
static REGULAR: &[u8] = include_bytes!("../../static/fonts/Vazirmatn-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../static/fonts/Vazirmatn-Bold.ttf");

/// A4 landscape, in points.
const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;
const MARGIN: f32 = 56.0;

/// What a certificate says, already in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub lang: Lang,
    /// The award level, the distinction for innovation, or both.
    pub honour: String,
    pub competition: String,
    pub title: String,
    pub institution: String,
    pub date: String,
}

/// The certificate of a published practice with an award or the distinction; other
/// practices have none.
pub fn certificate_of(
    conn: &mut DbConnection,
    id: PracticeId,
    lang: Lang,
) -> Result<Certificate, AppError> {
    let detail = repository::find_published(conn, id)?.ok_or(AppError::NotFound)?;
    let practice = detail.practice;
    let honours: Vec<String> = practice
        .award
        .iter()
        .map(|award| award.label(lang))
        .chain(
            practice
                .innovation_distinction
                .then(|| Award::InnovationDistinction.label(lang)),
        )
        .collect();
    if honours.is_empty() {
        return Err(AppError::NotFound);
    }
    let competition = match repository::competition_of(conn, &practice, &detail.organisation)? {
        Some(title) => title,
        None => lang.message(&Message::new("certificate-competition-of-year").with(
            "year",
            lang.digits(practice.competition_year.unwrap_or_default()),
        )),
    };
    let published = practice.published_at.unwrap_or(practice.created_at);
    Ok(Certificate {
        lang,
        honour: honours.join(&lang.t("certificate-and")),
        competition,
        title: practice.title,
        institution: detail.organisation.name,
        date: dates::day(&published, lang),
    })
}

/// A face for krilla to draw with, and its bytes for rustybuzz to measure with.
struct Face {
    font: Font,
    bytes: &'static [u8],
}

static FACES: LazyLock<[Face; 2]> = LazyLock::new(|| {
    [REGULAR, BOLD].map(|bytes| Face {
        font: Font::new(Arc::new(bytes.to_vec()).into(), 0).expect("the compiled-in font is valid"),
        bytes,
    })
});

/// One line of the certificate: its text, face and size.
struct Line<'a> {
    text: &'a str,
    bold: bool,
    size: f32,
    /// Space above it, in points.
    gap: f32,
}

/// The PDF of a certificate.
pub fn render(certificate: &Certificate) -> Result<Vec<u8>, AppError> {
    let lang = certificate.lang;
    let heading = lang.t("certificate-heading");
    let presented = lang.t("certificate-presented-to");
    let for_practice = lang.t("certificate-for-the-practice");
    let in_competition = lang.t("certificate-in-the-competition");
    let lines = [
        Line {
            text: &heading,
            bold: true,
            size: 34.0,
            gap: 0.0,
        },
        Line {
            text: &certificate.honour,
            bold: true,
            size: 26.0,
            gap: 22.0,
        },
        Line {
            text: &presented,
            bold: false,
            size: 14.0,
            gap: 30.0,
        },
        Line {
            text: &certificate.institution,
            bold: true,
            size: 22.0,
            gap: 10.0,
        },
        Line {
            text: &for_practice,
            bold: false,
            size: 14.0,
            gap: 22.0,
        },
        Line {
            text: &certificate.title,
            bold: false,
            size: 19.0,
            gap: 10.0,
        },
        Line {
            text: &in_competition,
            bold: false,
            size: 14.0,
            gap: 22.0,
        },
        Line {
            text: &certificate.competition,
            bold: false,
            size: 17.0,
            gap: 10.0,
        },
        Line {
            text: &certificate.date,
            bold: false,
            size: 13.0,
            gap: 30.0,
        },
    ];
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{heading}: {}", certificate.title))
            .language(lang.tag().to_owned()),
    );
    let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or_else(|| pdf_failure("page size"))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    // A double frame, as certificates have.
    surface.set_fill(None);
    for (inset, width) in [(24.0, 2.0), (32.0, 0.6)] {
        let mut frame = PathBuilder::new();
        let rect = Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset)
            .ok_or_else(|| pdf_failure("frame"))?;
        frame.push_rect(rect);
        let frame = frame.finish().ok_or_else(|| pdf_failure("frame"))?;
        surface.set_stroke(Some(Stroke {
            width,
            ..Stroke::default()
        }));
        surface.draw_path(&frame);
    }
    surface.set_stroke(None);
    surface.set_fill(Some(Fill::default()));
    let base = if lang.dir() == "rtl" {
        Level::rtl()
    } else {
        Level::ltr()
    };
    // Each row with its face, size and the space above its baseline; then the whole block
    // centred on the page.
    let mut rows = Vec::new();
    for line in &lines {
        let face = &FACES[usize::from(line.bold)];
        for (number, row) in wrap(line.text, face, line.size, WIDTH - 2.0 * MARGIN)
            .into_iter()
            .enumerate()
        {
            let above = if number == 0 { line.gap } else { 4.0 } + line.size;
            rows.push((face, line.size, row, above));
        }
    }
    let height: f32 = rows.iter().map(|(_, _, _, above)| above).sum();
    let mut y = (HEIGHT - height) / 2.0;
    for (face, size, row, above) in rows {
        y += above;
        draw_centred(&mut surface, face, size, &row, base, y);
    }
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|error| pdf_failure(&format!("{error:?}")))
}

fn pdf_failure(what: &str) -> AppError {
    AppError::encoding(format!("the certificate could not be written: {what}"))
}

/// The advance of `text` in one direction, in points.
fn advance(face: &Face, size: f32, text: &str, rtl: bool) -> f32 {
    let Some(shaper) = rustybuzz::Face::from_slice(face.bytes, 0) else {
        return 0.0;
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let shaped = rustybuzz::shape(&shaper, &[], buffer);
    let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
    units as f32 * size / shaper.units_per_em() as f32
}

/// Cuts `text` into lines no wider than `width`, between words.
fn wrap(text: &str, face: &Face, size: f32, width: f32) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split_whitespace() {
        let longer = if row.is_empty() {
            word.to_owned()
        } else {
            format!("{row} {word}")
        };
        if !row.is_empty() && advance(face, size, &longer, false) > width {
            rows.push(std::mem::replace(&mut row, word.to_owned()));
        } else {
            row = longer;
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// Draws one line centred on the page, its runs in visual order, each shaped in its own
/// direction.
fn draw_centred(
    surface: &mut krilla::surface::Surface<'_>,
    face: &Face,
    size: f32,
    text: &str,
    base: Level,
    baseline: f32,
) {
    let bidi = BidiInfo::new(text, Some(base));
    let Some(paragraph) = bidi.paragraphs.first() else {
        return;
    };
    let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
    let pieces: Vec<(&str, bool, f32)> = runs
        .into_iter()
        .map(|run| {
            let rtl = levels[run.start].is_rtl();
            let piece = &text[run];
            (piece, rtl, advance(face, size, piece, rtl))
        })
        .collect();
    let total: f32 = pieces.iter().map(|(_, _, width)| width).sum();
    let mut x = (WIDTH - total) / 2.0;
    for (piece, rtl, width) in pieces {
        let direction = if rtl {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        };
        surface.draw_text(
            Point::from_xy(x, baseline),
            face.font.clone(),
            size,
            piece,
            false,
            direction,
        );
        x += width;
    }
}
