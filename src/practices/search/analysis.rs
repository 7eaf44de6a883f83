//! How text becomes terms: one tokenizer for every script, and a stemmer per language.
//!
//! The tokenizer keeps a word whole across the marks that live inside words — Arabic-script
//! diacritics, the tatweel, the zero-width (non-)joiner of Persian, combining accents — and
//! drops them from the term, so `می‌شود` and `میشود` are one term. It also makes Arabic and
//! Persian letters one (ي/ى → ی, ك → ک, ة → ه), Eastern digits Western, and lowercases. The
//! offsets stay those of the original text, for highlighting.

use tantivy::tokenizer::{
    Language as StemmerLanguage, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
    TokenizerManager,
};

use crate::taxonomy::Language;

/// The analyzer without stemming: prefixes, typo tolerance, and text of no known language.
pub const PLAIN: &str = "portal_plain";

/// The analyzer of `language`'s fields: its stemmer's for the languages of
/// `Language::STEMMED`, the plain one for any other.
pub fn analyzer_name(language: Language) -> &'static str {
    match language {
        Language::ENGLISH => "portal_en",
        Language::FRENCH => "portal_fr",
        Language::GERMAN => "portal_de",
        Language::SPANISH => "portal_es",
        _ => PLAIN,
    }
}

fn stemmer_language(language: Language) -> Option<StemmerLanguage> {
    match language {
        Language::ENGLISH => Some(StemmerLanguage::English),
        Language::FRENCH => Some(StemmerLanguage::French),
        Language::GERMAN => Some(StemmerLanguage::German),
        Language::SPANISH => Some(StemmerLanguage::Spanish),
        _ => None,
    }
}

/// Registers the portal's analyzers with an index.
pub fn register(manager: &TokenizerManager) {
    manager.register(PLAIN, TextAnalyzer::from(WordTokenizer::default()));
    for language in Language::STEMMED {
        let Some(stemmer) = stemmer_language(language) else {
            continue;
        };
        manager.register(
            analyzer_name(language),
            TextAnalyzer::builder(WordTokenizer::default())
                .filter(Stemmer::new(stemmer))
                .build(),
        );
    }
}

/// The terms `text` gives under the analyzer `name`, as the index holds them.
pub fn terms(manager: &TokenizerManager, name: &str, text: &str) -> Vec<String> {
    let mut analyzer = manager.get(name).expect("registered analyzer");
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(stream.token().text.clone());
    }
    terms
}

/// Marks that continue the word they sit in, and are left out of its term.
fn is_inner_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'     // combining accents
        | '\u{0610}'..='\u{061A}'   // Arabic signs
        | '\u{064B}'..='\u{065F}'   // Arabic diacritics (harakat)
        | '\u{0670}'                // superscript alef
        | '\u{0640}'                // tatweel
        | '\u{06D6}'..='\u{06ED}'   // Quranic marks
        | '\u{200C}' | '\u{200D}'   // zero-width non-joiner and joiner
        | '\u{00AD}'                // soft hyphen
    )
}

/// One spelling for letters and digits that Arabic and Persian text write two ways.
fn normalised(c: char) -> char {
    match c {
        'ي' | 'ى' | 'ئ' => 'ی',
        'ك' => 'ک',
        'ة' => 'ه',
        'أ' | 'إ' | 'ٱ' => 'ا',
        'ؤ' => 'و',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    }
}

/// Words: runs of letters and digits, with the marks inside them.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

pub struct WordStream<'a> {
    text: &'a str,
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            at: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        let rest = &self.text[self.at..];
        let Some(start) = rest.find(|c: char| c.is_alphanumeric() && !is_inner_mark(c)) else {
            self.at = self.text.len();
            return false;
        };
        let start = self.at + start;
        let mut end = start;
        for (offset, c) in self.text[start..].char_indices() {
            // Some marks count as alphabetic (Arabic vowel signs do): marks are tested first.
            if is_inner_mark(c) {
                // Inside the word, left out of its term.
            } else if c.is_alphanumeric() {
                self.token.text.extend(normalised(c).to_lowercase());
            } else {
                break;
            }
            end = start + offset + c.len_utf8();
        }
        self.at = end;
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manager() -> TokenizerManager {
        let manager = TokenizerManager::default();
        register(&manager);
        manager
    }

    #[test]
    fn each_language_is_stemmed_by_its_own_rules() {
        let manager = manager();
        let fr = analyzer_name(Language::FRENCH);
        assert_eq!(
            terms(&manager, fr, "retraites"),
            terms(&manager, fr, "retraite")
        );
        let es = analyzer_name(Language::SPANISH);
        assert_eq!(
            terms(&manager, es, "pensiones"),
            terms(&manager, es, "pensión")
        );
        let de = analyzer_name(Language::GERMAN);
        assert_eq!(terms(&manager, de, "Renten"), terms(&manager, de, "Rente"));
        let en = analyzer_name(Language::ENGLISH);
        assert_eq!(terms(&manager, en, "pensions"), ["pension"]);
        assert_eq!(
            terms(&manager, PLAIN, "Pensions, l'Assurance"),
            ["pensions", "l", "assurance"]
        );
    }

    #[test]
    fn persian_and_arabic_spellings_of_a_word_are_one_term() {
        let manager = manager();
        let one = |text: &str| terms(&manager, PLAIN, text);
        // Zero-width non-joiner inside a word, or none at all.
        assert_eq!(one("می\u{200C}شود"), one("میشود"));
        // Arabic yeh and kaf against Persian ones.
        assert_eq!(one("كارگري"), one("کارگری"));
        // Diacritics and tatweel.
        assert_eq!(one("بِيمـه"), one("بیمه"));
        assert_eq!(one("۱۴۰۳ ٢٠"), ["1403", "20"]);
        assert_eq!(one("بیمه\u{200C}ها و بازنشستگی").len(), 3);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let manager = manager();
        let mut analyzer = manager.get(PLAIN).unwrap();
        let text = "Le ك\u{200C}ار, d'accord";
        let mut stream = analyzer.token_stream(text);
        let mut spans = Vec::new();
        while stream.advance() {
            let token = stream.token();
            spans.push(&text[token.offset_from..token.offset_to]);
        }
        assert_eq!(spans, ["Le", "ك\u{200C}ار", "d", "accord"]);
    }
}
