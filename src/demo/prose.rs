//! Text shaped like real practices, for databases past the demo's own: a vocabulary of tens
//! of thousands of words a language, drawn with a Zipf distribution (a few words very common,
//! most rare), in sections as long as the ISSA template allows. The most frequent words are
//! real ones of the domain, so that searches for `pension`, `retraite`, `pensión` or `Rente`
//! behave as on real text; the long tail is made of pronounceable words with the language's
//! endings, so that stemmers have inflections to fold.

use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::taxonomy::Language;

/// Words a language, common and rare.
pub const VOCABULARY: usize = 30_000;
/// Zipf's exponent of natural text.
const ZIPF: f64 = 1.07;

/// The most common words of each language, most frequent first.
fn common_words(language: Language) -> &'static [&'static str] {
    match language {
        Language::ENGLISH => &[
            "the",
            "of",
            "and",
            "to",
            "in",
            "a",
            "for",
            "is",
            "with",
            "on",
            "by",
            "benefits",
            "social",
            "security",
            "pension",
            "pensions",
            "services",
            "insurance",
            "workers",
            "contributions",
            "health",
            "digital",
            "employment",
            "claims",
            "payment",
            "coverage",
            "families",
            "disability",
            "retirement",
            "online",
            "data",
            "mobile",
            "institution",
            "members",
            "employers",
            "process",
            "system",
            "access",
            "support",
            "unemployment",
            "children",
            "care",
            "fraud",
            "rehabilitation",
            "maternity",
            "accident",
            "migrants",
            "records",
            "platform",
            "citizens",
        ],
        Language::FRENCH => &[
            "de",
            "la",
            "le",
            "et",
            "les",
            "des",
            "à",
            "en",
            "pour",
            "du",
            "un",
            "une",
            "sociale",
            "sécurité",
            "retraite",
            "retraites",
            "prestations",
            "assurance",
            "travailleurs",
            "cotisations",
            "santé",
            "numérique",
            "emploi",
            "demandes",
            "paiement",
            "couverture",
            "familles",
            "invalidité",
            "pension",
            "internet",
            "données",
            "mobile",
            "caisse",
            "assurés",
            "employeurs",
            "accès",
            "soutien",
            "chômage",
            "enfants",
            "soins",
            "fraude",
            "réadaptation",
            "maternité",
            "accident",
            "migrants",
            "dossiers",
            "plateforme",
            "citoyens",
        ],
        Language::SPANISH => &[
            "de",
            "la",
            "el",
            "y",
            "en",
            "los",
            "las",
            "para",
            "del",
            "un",
            "una",
            "social",
            "seguridad",
            "pensión",
            "pensiones",
            "prestaciones",
            "seguro",
            "trabajadores",
            "cotizaciones",
            "salud",
            "digital",
            "empleo",
            "solicitudes",
            "pago",
            "cobertura",
            "familias",
            "discapacidad",
            "jubilación",
            "internet",
            "datos",
            "móvil",
            "instituto",
            "afiliados",
            "empleadores",
            "acceso",
            "apoyo",
            "desempleo",
            "niños",
            "cuidados",
            "fraude",
            "rehabilitación",
            "maternidad",
            "accidente",
            "migrantes",
            "registros",
            "plataforma",
            "ciudadanos",
        ],
        // German; the demo writes in the four languages of `Language::STEMMED` only.
        _ => &[
            "die",
            "der",
            "und",
            "in",
            "den",
            "von",
            "zu",
            "das",
            "mit",
            "für",
            "auf",
            "soziale",
            "Sicherheit",
            "Rente",
            "Renten",
            "Leistungen",
            "Versicherung",
            "Beschäftigte",
            "Beiträge",
            "Gesundheit",
            "digitale",
            "Beschäftigung",
            "Anträge",
            "Zahlung",
            "Absicherung",
            "Familien",
            "Behinderung",
            "Ruhestand",
            "online",
            "Daten",
            "mobil",
            "Träger",
            "Versicherte",
            "Arbeitgeber",
            "Zugang",
            "Unterstützung",
            "Arbeitslosigkeit",
            "Kinder",
            "Pflege",
            "Betrug",
            "Rehabilitation",
            "Mutterschaft",
            "Unfall",
            "Migranten",
            "Akten",
            "Plattform",
            "Bürger",
        ],
    }
}

/// Syllables and endings the long tail of each language is made of.
fn word_parts(language: Language) -> (&'static [&'static str], &'static [&'static str]) {
    match language {
        Language::ENGLISH => (
            &[
                "con", "tri", "ben", "fit", "sur", "vey", "pro", "cess", "mar", "ket", "ad", "min",
                "is", "tra", "cov", "er", "sta", "ble", "reg", "ul", "com", "pen", "ver", "sal",
                "dis", "band", "lo", "cal", "net", "work",
            ],
            &[
                "", "s", "ing", "ed", "er", "ers", "ation", "ations", "ment", "ments", "ly", "ity",
                "ness",
            ],
        ),
        Language::FRENCH => (
            &[
                "con", "tri", "bu", "pres", "ta", "sur", "ve", "mar", "ché", "ad", "mi", "nis",
                "ré", "gu", "la", "com", "pen", "sa", "ver", "se", "dé", "pla", "lo", "ca", "ré",
                "seau", "for", "ma", "gé", "ré",
            ],
            &[
                "", "s", "tion", "tions", "ment", "ments", "er", "é", "ée", "ées", "eur", "eurs",
                "ité", "ités",
            ],
        ),
        Language::SPANISH => (
            &[
                "con", "tri", "bu", "pres", "ta", "ser", "vi", "mer", "ca", "ad", "mi", "nis",
                "re", "gu", "la", "com", "pen", "sa", "ver", "si", "de", "pla", "lo", "cal", "red",
                "for", "ma", "ges", "tor", "ía",
            ],
            &[
                "", "s", "ción", "ciones", "miento", "mientos", "ar", "ado", "ada", "ados", "dor",
                "dores", "idad", "idades",
            ],
        ),
        // German, as above.
        _ => (
            &[
                "ver", "bei", "trag", "leis", "tung", "an", "spruch", "ar", "beit", "ge", "setz",
                "haus", "halt", "kas", "se", "wal", "tung", "mel", "de", "stel", "le", "kran",
                "ken", "für", "sor", "ge", "netz", "werk", "be", "zug",
            ],
            &[
                "", "en", "e", "er", "ung", "ungen", "heit", "keit", "lich", "liche", "ten",
                "isch", "ische", "s",
            ],
        ),
    }
}

/// The words of a language in order of frequency, and the cumulative Zipf weights to draw
/// them with.
pub struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    /// Deterministic for a given `rng` state.
    pub fn new(language: Language, rng: &mut ChaCha8Rng) -> Vocabulary {
        let mut words: Vec<String> = common_words(language)
            .iter()
            .map(|&word| word.to_owned())
            .collect();
        let (syllables, endings) = word_parts(language);
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        while words.len() < VOCABULARY {
            let stem: String = (0..rng.random_range(2..=4))
                .map(|_| *syllables.choose(rng).expect("syllables"))
                .collect();
            let word = stem + endings.choose(rng).expect("endings");
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(ZIPF);
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    pub fn word(&self, rng: &mut ChaCha8Rng) -> &str {
        let total = *self.cumulative.last().expect("words");
        let target = rng.random::<f64>() * total;
        let rank = self.cumulative.partition_point(|&c| c < target);
        &self.words[rank.min(self.words.len() - 1)]
    }

    /// `count` words in sentences of 8 to 20.
    pub fn text(&self, rng: &mut ChaCha8Rng, count: usize) -> String {
        let mut text = String::with_capacity(count * 8);
        let mut left_in_sentence = 0;
        for written in 0..count {
            let word = self.word(rng);
            if left_in_sentence == 0 {
                if written > 0 {
                    text.push_str(". ");
                }
                left_in_sentence = rng.random_range(8..=20);
                let mut letters = word.chars();
                if let Some(first) = letters.next() {
                    text.extend(first.to_uppercase());
                    text.push_str(letters.as_str());
                }
            } else {
                text.push(' ');
                text.push_str(word);
            }
            left_in_sentence -= 1;
        }
        text.push('.');
        text
    }
}

/// The six sections of the template: each 60 to 300 words, 1,500 at most together.
pub fn section_lengths(rng: &mut ChaCha8Rng) -> [usize; 6] {
    let mut lengths = [0; 6].map(|_: usize| rng.random_range(60..=300));
    let total: usize = lengths.iter().sum();
    if total > 1_500 {
        for length in &mut lengths {
            *length = (*length * 1_500 / total).max(60);
        }
        while lengths.iter().sum::<usize>() > 1_500 {
            let longest = lengths.iter_mut().max().expect("six sections");
            *longest -= 1;
        }
    }
    lengths
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn words_follow_zipf_and_sections_keep_the_template_s_limits() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let vocabulary = Vocabulary::new(Language::FRENCH, &mut rng);
        assert_eq!(vocabulary.words.len(), VOCABULARY);
        let mut counts = std::collections::HashMap::new();
        for _ in 0..100_000 {
            *counts
                .entry(vocabulary.word(&mut rng).to_owned())
                .or_insert(0) += 1;
        }
        // The most common word about ten times the tenth, and thousands of distinct words.
        let first = counts["de"];
        let tenth = counts[vocabulary.words[9].as_str()];
        assert!(
            (6..=16).contains(&(first / tenth.max(1))),
            "{first} vs {tenth}"
        );
        assert!(counts.len() > 10_000, "{} distinct words", counts.len());
        for _ in 0..1_000 {
            let lengths = section_lengths(&mut rng);
            assert!(lengths.iter().all(|&l| (60..=300).contains(&l)));
            assert!(lengths.iter().sum::<usize>() <= 1_500);
        }
        let text = vocabulary.text(&mut rng, 120);
        assert_eq!(text.split_whitespace().count(), 120);
    }
}
