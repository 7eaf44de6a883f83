//! Every CSV the portal writes, written here: cells that a spreadsheet would read as a formula
//! are neutralised as OWASP advises against CSV injection, so that a title such as
//! `=HYPERLINK("http://evil.example","x")` opens as the text it is; and no cell carries a
//! character `text::clean` leaves out, even from a row stored before input was cleaned.

use std::borrow::Cow;

use crate::error::AppError;

/// Rows of cells as CSV, every cell made safe for spreadsheets.
pub fn rows<R, F>(rows: R) -> Result<Vec<u8>, AppError>
where
    R: IntoIterator<Item = F>,
    F: IntoIterator,
    F::Item: AsRef<str>,
{
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|cell| neutralised(&crate::text::clean(cell.as_ref())).into_owned())
            .collect();
        writer.write_record(&cells).map_err(AppError::encoding)?;
    }
    writer.into_inner().map_err(AppError::encoding)
}

/// A cell that starts (after any spaces) with a character a spreadsheet takes for the start
/// of a formula gets a leading apostrophe, which shows it as text. Plain numbers such as
/// `-0.750` are numbers, not formulas, and stay as they are.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    let starts_formula = cell
        .trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']);
    if starts_formula && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// An optional sign, digits, and at most one decimal point among them.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        for formula in [
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1",
            "\r=1",
            "  =1",
            "＝1",
            "-",
            "+",
        ] {
            assert_eq!(neutralised(formula), format!("'{formula}"), "{formula:?}");
        }
        for kept in ["-0.750", "+3", "12", "4.5", "Pension = income", "a-b", ""] {
            assert_eq!(neutralised(kept), kept);
        }
    }

    #[test]
    fn every_cell_of_a_document_is_neutralised() {
        let csv = rows([["title", "total"], ["=1+1", "-1.5"], ["\0=2", "a\u{1}b"]]).unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "title,total\n'=1+1,-1.5\n'=2,ab\n"
        );
    }
}
