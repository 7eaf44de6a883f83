//! The closed vocabularies of the domain: ISSA regions, topics and award levels, and the
//! dimensions of the JRC IESI framework. Each is an enum stored as its slug (portable text),
//! with the key of its name in the language files (`locales/*/terms.ftl`). And the language a
//! practice is written in, which is any ISO 639-1 language, named by the CLDR.

use crate::languages::{iso639, Lang};

/// A value of a closed vocabulary.
pub trait Term: Copy + 'static {
    const ALL: &'static [Self];
    /// Stable identifier, used in URLs and the database.
    fn slug(self) -> &'static str;
    /// The key of its name in the language files (`topic-health`).
    fn label_key(self) -> &'static str;

    /// Its name in `lang`.
    fn label(self, lang: Lang) -> String {
        lang.t(self.label_key())
    }
}

pub use crate::languages::Labelled;

/// Defines a vocabulary enum with a stable slug (used in URLs and the database) and the key
/// of its name in the language files: the prefix, a hyphen and the slug.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident in $prefix:literal { $($variant:ident => $slug:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            pub fn label_key(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $slug)),+ }
            }

            /// Its name in `lang`.
            pub fn label(self, lang: $crate::languages::Lang) -> String {
                lang.t(self.label_key())
            }

            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug { $($slug => Some($name::$variant),)+ _ => None }
            }

            /// Position in `ALL`, for compact in-memory sets and counters.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl $crate::taxonomy::Labelled for $name {
            fn key(&self) -> &'static str {
                self.label_key()
            }
        }

        impl $crate::taxonomy::Labelled for &$name {
            fn key(&self) -> &'static str {
                self.label_key()
            }
        }

        impl $crate::taxonomy::Labelled for &&$name {
            fn key(&self) -> &'static str {
                self.label_key()
            }
        }

        impl $crate::taxonomy::Term for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn slug(self) -> &'static str {
                $name::slug(self)
            }

            fn label_key(self) -> &'static str {
                $name::label_key(self)
            }
        }

        /// Serialised as its slug, so that an exported value is also a filter value.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.slug())
            }
        }

        $crate::stored::stored_as_text!($name, slug, from_slug);
    };
}

vocabulary! {
    /// ISSA regions; competitions are regional.
    Region in "region" {
        Africa => "africa",
        Americas => "americas",
        AsiaPacific => "asia-pacific",
        Europe => "europe",
    }
}

vocabulary! {
    OrganisationKind in "organisation-kind" {
        SocialSecurityInstitution => "social-security-institution",
        PensionFund => "pension-fund",
        HealthInsurance => "health-insurance",
        OccupationalRiskInsurer => "occupational-risk-insurer",
        Ministry => "ministry",
        MutualBenefitSociety => "mutual-benefit-society",
        NonProfitProvider => "non-profit-provider",
    }
}

vocabulary! {
    /// The 28 topics of the ISSA good-practice database.
    Topic in "topic" {
        Actuarial => "actuarial",
        Communication => "communication",
        Compliance => "compliance",
        Continuity => "continuity",
        DemographicChanges => "demographic-changes",
        DigitalEconomy => "digital-economy",
        Disability => "disability",
        Employment => "employment",
        ErrorEvasionFraud => "error-evasion-fraud",
        ExtensionOfCoverage => "extension-of-coverage",
        FamilyBenefits => "family-benefits",
        Governance => "governance",
        Health => "health",
        HumanResources => "human-resources",
        Ict => "ict",
        Investment => "investment",
        Maternity => "maternity",
        Migration => "migration",
        MutualBenefitSocieties => "mutual-benefit-societies",
        OccupationalAccidents => "occupational-accidents",
        OldAgePensions => "old-age-pensions",
        Prevention => "prevention",
        ReturnToWork => "return-to-work",
        ServiceQuality => "service-quality",
        Shocks => "shocks",
        SocialAssistance => "social-assistance",
        SocialPolicies => "social-policies",
        WorkplaceHealth => "workplace-health",
    }
}

vocabulary! {
    /// Outcome of a competition, highest first; the Special Distinction for Innovation stands
    /// beside the levels and may be given together with one of them.
    Award in "award" {
        GoodPracticeAward => "good-practice-award",
        MeritSpecialMention => "merit-special-mention",
        Merit => "merit",
        Attestation => "attestation",
        InnovationDistinction => "innovation-distinction",
    }
}

/// The language an entry or a practice is written in: any ISO 639-1 language. Kept as its
/// position in `iso639::CODES`, so that it is `Copy` and ordered by code; stored and shown in
/// URLs as its code.
#[derive(
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Language(u8);

impl Language {
    pub const ENGLISH: Language = Language::known("en");
    pub const FRENCH: Language = Language::known("fr");
    pub const GERMAN: Language = Language::known("de");
    pub const SPANISH: Language = Language::known("es");
    /// The languages the ISSA publishes its database in, which search stems, in the order of
    /// the search index's slots.
    pub const STEMMED: [Language; 4] = [
        Language::ENGLISH,
        Language::FRENCH,
        Language::GERMAN,
        Language::SPANISH,
    ];

    /// The language of a code known when the portal is built; any other fails the build.
    const fn known(code: &str) -> Language {
        let mut at = 0;
        while at < iso639::CODES.len() {
            let candidate = iso639::CODES[at].as_bytes();
            let code = code.as_bytes();
            if candidate.len() == code.len() && candidate[0] == code[0] && candidate[1] == code[1] {
                return Language(at as u8);
            }
            at += 1;
        }
        panic!("not an ISO 639-1 code")
    }

    /// Its ISO 639-1 code.
    pub fn slug(self) -> &'static str {
        iso639::CODES[usize::from(self.0)]
    }

    pub fn from_slug(code: &str) -> Option<Language> {
        let at = iso639::CODES.binary_search(&code).ok()?;
        Some(Language(at as u8))
    }

    /// Its name in `lang`, from the CLDR.
    pub fn name(self, lang: Lang) -> &'static str {
        iso639::name(self.slug(), lang)
    }

    /// `rtl` or `ltr`: the `dir` of text written in it.
    pub fn direction(self) -> &'static str {
        iso639::direction(self.slug())
    }
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

/// Serialised as its code, so that an exported value is also a filter value.
impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

crate::stored::stored_as_text!(Language, slug, from_slug);

vocabulary! {
    /// IESI: where the practice has its impact.
    ImpactArea in "impact-area" {
        ServiceDelivery => "service-delivery",
        PublicValue => "public-value",
    }
}

vocabulary! {
    /// IESI: the reading of the practice, activist or transformative.
    Approach in "approach" {
        Activist => "activist",
        Transformative => "transformative",
    }
}

vocabulary! {
    /// IESI dimension 1, from the least to the most radical.
    InnovationType in "innovation-type" {
        Incremental => "incremental",
        Sustaining => "sustaining",
        Disruptive => "disruptive",
        Transformative => "transformative",
    }
}

vocabulary! {
    /// IESI dimension 2; several may apply to one practice.
    SocialInnovationElement in "social-innovation-element" {
        NeedDriven => "need-driven",
        OpenProcess => "open-process",
        ChangedRelations => "changed-relations",
        PublicValueAllocation => "public-value-allocation",
    }
}

vocabulary! {
    /// IESI dimension 3, from the least to the most integrated.
    GovernanceLevel in "governance-level" {
        Segregated => "segregated",
        IntraGovernmental => "intra-governmental",
        InterGovernmental => "inter-governmental",
        CrossSectoral => "cross-sectoral",
        Extended => "extended",
    }
}

vocabulary! {
    /// IESI dimension 4; several may apply to one practice.
    IntegrationType in "integration-type" {
        Financing => "financing",
        Administrative => "administrative",
        Organisational => "organisational",
        ServiceDelivery => "service-delivery",
    }
}

vocabulary! {
    /// Whether a practice is shown in the public database.
    PracticeStatus in "practice-status" {
        Published => "published",
        Unpublished => "unpublished",
    }
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_28_topics_with_unique_slugs() {
        assert_eq!(Topic::ALL.len(), 28);
        let mut slugs: Vec<_> = Topic::ALL.iter().map(|t| t.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), 28);
    }

    #[test]
    fn slugs_round_trip_and_index_matches_position() {
        for (position, topic) in Topic::ALL.iter().enumerate() {
            assert_eq!(Topic::from_slug(topic.slug()), Some(*topic));
            assert_eq!(topic.index(), position);
        }
        assert_eq!(Region::from_slug("asia-pacific"), Some(Region::AsiaPacific));
        assert_eq!(Region::from_slug("Asia"), None);
    }
}
