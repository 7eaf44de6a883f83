//! A visitor's text as a search: words (all required), `"phrases"` and `prefixes*`. Nothing
//! typed is syntax to the engine: the text is cut into these parts here and every part is
//! analysed like the indexed text, so quotes, brackets, `AND`, `:` or NUL are just characters.

/// More parts than this are ignored: they would only narrow an already precise search.
pub const MAX_PARTS: usize = 12;

/// One part of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Word(String),
    Phrase(String),
    Prefix(String),
}

impl Part {
    pub fn text(&self) -> &str {
        match self {
            Part::Word(text) | Part::Phrase(text) | Part::Prefix(text) => text,
        }
    }
}

/// The parts of `text`; empty when nothing in it can be searched (only punctuation, say).
pub fn parts(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut rest = text;
    while parts.len() < MAX_PARTS {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(quoted) = rest.strip_prefix('"') {
            let (phrase, after) = quoted.split_once('"').unwrap_or((quoted, ""));
            if phrase.chars().any(char::is_alphanumeric) {
                parts.push(Part::Phrase(phrase.trim().to_owned()));
            }
            rest = after;
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        rest = after;
        let bare = word.trim_end_matches('*');
        if bare.chars().any(char::is_alphanumeric) {
            parts.push(if bare.len() < word.len() {
                Part::Prefix(bare.to_owned())
            } else {
                Part::Word(word.to_owned())
            });
        }
    }
    parts
}

/// The search again with `corrections` (word, replacement) applied to its words.
pub fn corrected(parts: &[Part], corrections: &[(String, String)]) -> Vec<Part> {
    parts
        .iter()
        .map(|part| match part {
            Part::Word(word) => corrections
                .iter()
                .find(|(typed, _)| typed == word)
                .map_or_else(|| part.clone(), |(_, better)| Part::Word(better.clone())),
            _ => part.clone(),
        })
        .collect()
}

/// The parts written back as a search text.
pub fn written(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|part| match part {
            Part::Word(word) => word.clone(),
            Part::Phrase(phrase) => format!("\"{phrase}\""),
            Part::Prefix(prefix) => format!("{prefix}*"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The edit distance between `a` and `b` (insertions, deletions, substitutions and swaps of
/// neighbours each count one), or `None` once it is sure to exceed `limit`.
pub fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    chars_within(&a, &b, limit)
}

/// `distance_within` over words already cut into characters.
pub fn chars_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        if current.iter().min().is_some_and(|&least| least > limit) {
            return None;
        }
        before = std::mem::replace(&mut previous, current);
    }
    Some(previous[b.len()]).filter(|&d| d <= limit)
}

/// How many typing mistakes a word of this length may be corrected for.
pub fn tolerated_mistakes(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_prefixes_are_told_apart_and_syntax_is_text() {
        assert_eq!(
            parts(r#"pension "mobile money" digit* AND (x:y) -- "#),
            vec![
                Part::Word("pension".into()),
                Part::Phrase("mobile money".into()),
                Part::Prefix("digit".into()),
                Part::Word("AND".into()),
                Part::Word("(x:y)".into()),
            ]
        );
        assert_eq!(parts(r#"" ( ) * - ""#), vec![]);
        assert_eq!(
            parts("\"unclosed phrase"),
            vec![Part::Phrase("unclosed phrase".into())]
        );
        assert_eq!(parts(&"word ".repeat(2_000)).len(), MAX_PARTS);
        assert_eq!(parts("\0\u{1}"), vec![]);
    }

    #[test]
    fn the_search_is_written_back_as_typed_with_corrections() {
        let typed = parts(r#"pensoin "mobile money" digit*"#);
        let better = corrected(&typed, &[("pensoin".into(), "pension".into())]);
        assert_eq!(written(&better), r#"pension "mobile money" digit*"#);
    }

    #[test]
    fn distance_counts_swaps_as_one_and_stops_past_the_limit() {
        assert_eq!(distance_within("pension", "pension", 2), Some(0));
        assert_eq!(distance_within("pensoin", "pension", 2), Some(1));
        assert_eq!(distance_within("pnsion", "pension", 2), Some(1));
        assert_eq!(distance_within("retirment", "retirement", 2), Some(1));
        assert_eq!(distance_within("pension", "insurance", 2), None);
        assert_eq!(distance_within("a", "abcd", 2), None);
        assert_eq!(tolerated_mistakes("tax"), 0);
        assert_eq!(tolerated_mistakes("pensoin"), 1);
        assert_eq!(tolerated_mistakes("retirment"), 2);
    }
}
