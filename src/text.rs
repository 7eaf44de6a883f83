//! Text as HTML and XML can carry it. What people type, in forms and in query strings, is
//! cleaned once at the edge (`forms.rs`, `practices/facets.rs`), so that no page, feed or
//! search query ever meets a character those formats forbid: NUL and the other control
//! characters (tab and line breaks aside), DEL and the C1 controls, and the Unicode
//! noncharacters. Text stored before that rule, or written by other means, meets it on the way
//! out: the templates' escaper (`Html`, named in `askama.toml`) and the Atom feed apply it too.

use std::borrow::Cow;
use std::fmt;

/// Whether HTML (without a parse error) and XML 1.0 both allow `c` in text.
pub fn is_allowed(c: char) -> bool {
    let code = c as u32;
    let control = code < 0x20 && !matches!(c, '\t' | '\n' | '\r');
    let delete_or_c1 = (0x7F..=0x9F).contains(&code);
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
    !(control || delete_or_c1 || noncharacter)
}

/// `text` without the characters HTML and XML forbid; borrowed when there are none.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.bytes().all(cannot_start_forbidden) || text.chars().all(is_allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_allowed(c)).collect())
    }
}

/// Whether `byte` is neither a forbidden character nor the first byte of one in UTF-8: not a
/// control (tab and line breaks aside) or DEL, nor the lead byte of a C1 control (`C2`), of
/// U+FDD0–U+FFFF (`EF`) or of a supplementary plane (`F0`–`F4`). Every page's text goes
/// through the escaper, and most of it passes this test without being decoded.
fn cannot_start_forbidden(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\r' | 0x20..=0x7E | 0x80..=0xC1 | 0xC3..=0xEE | 0xF5..)
}

/// askama's HTML escaper, leaving out besides what `is_allowed` forbids.
#[derive(Debug, Clone, Copy)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: fmt::Write>(&self, dest: W, string: &str) -> fmt::Result {
        askama::filters::Html.write_escaped_str(dest, &clean(string))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_left_out_and_the_rest_kept() {
        assert_eq!(
            clean("a\0b\u{1}c\u{b}d\u{c}e\u{1b}f\u{7f}g\u{85}h\u{9f}i"),
            "abcdefghi"
        );
        assert_eq!(clean("x\u{fdd0}\u{fffe}\u{ffff}\u{1fffe}\u{10ffff}y"), "xy");
        let kept = "tab\there\r\nline · پیشگیری ‌ Zürich 🙂 \u{fffd}";
        assert!(matches!(clean(kept), Cow::Borrowed(_)));
        assert_eq!(clean(kept), kept);
    }

    #[test]
    fn a_character_whose_bytes_pass_the_quick_test_is_allowed() {
        let mut buffer = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if c.encode_utf8(&mut buffer)
                .bytes()
                .all(cannot_start_forbidden)
            {
                assert!(is_allowed(c), "{c:?}");
            }
        }
    }
}
