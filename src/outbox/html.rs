//! The HTML part of an e-mail, made from its text: paragraphs where the text leaves a blank
//! line, line breaks where it breaks lines, and its web addresses as links. Mail programs that
//! show HTML then show what the text says, with links to follow; nothing is added to it.

use askama::Template;

#[derive(Template)]
#[template(path = "email/message.html")]
struct EmailHtml<'a> {
    paragraphs: Vec<Vec<Vec<Piece<'a>>>>,
}

#[derive(Debug, PartialEq, Eq)]
struct Piece<'a> {
    text: &'a str,
    link: bool,
}

/// `text` as an HTML document.
pub fn of_text(text: &str) -> String {
    let paragraphs = text
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| paragraph.lines().map(pieces).collect())
        .collect();
    EmailHtml { paragraphs }
        .render()
        .expect("the e-mail template renders")
}

/// A line cut into words and web addresses (`http://` or `https://` up to the next space).
fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = line;
    while let Some(at) = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| rest.find(scheme))
        .min()
    {
        let end = rest[at..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |length| at + length);
        // A full stop or comma right after an address ends the sentence, not the address.
        let address = rest[at..end].trim_end_matches(['.', ',', ';', ':', ')']);
        if at > 0 {
            pieces.push(Piece {
                text: &rest[..at],
                link: false,
            });
        }
        pieces.push(Piece {
            text: address,
            link: true,
        });
        rest = &rest[at + address.len()..];
    }
    if !rest.is_empty() {
        pieces.push(Piece {
            text: rest,
            link: false,
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lines_and_addresses_become_html_and_the_rest_is_escaped() {
        let html = of_text(
            "Dear <Ana>,\nyour entry & its documents arrived.\n\n\
             Read it at https://portal.example.org/entries/7. Thanks.",
        );
        assert!(
            html.contains("<p>Dear &#60;Ana&#62;,<br>\nyour entry &#38; its documents"),
            "{html}"
        );
        assert!(
            html.contains(
                "<a href=\"https://portal.example.org/entries/7\" style=\"color: #0b4f9c;\">\
             https://portal.example.org/entries/7</a>. Thanks.</p>"
            ),
            "{html}"
        );
        assert_eq!(html.matches("<p>").count(), 2);
    }
}
