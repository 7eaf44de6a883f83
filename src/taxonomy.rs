//! The closed vocabularies of the domain: ISSA regions, topics and award levels, and the
//! dimensions of the JRC IESI framework. Each is an enum stored as its slug (portable text),
//! with its English label kept here and nowhere else.

/// A value of a closed vocabulary.
pub trait Term: Copy + 'static {
    const ALL: &'static [Self];
    /// Stable identifier, used in URLs and the database.
    fn slug(self) -> &'static str;
    fn label(self) -> &'static str;
}

/// Defines a vocabulary enum with a stable slug (used in URLs and the database) and a label.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident { $($variant:ident => ($slug:literal, $label:literal)),+ $(,)? }
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

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug { $($slug => Some($name::$variant),)+ _ => None }
            }

            /// Position in `ALL`, for compact in-memory sets and counters.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl $crate::taxonomy::Term for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn slug(self) -> &'static str {
                $name::slug(self)
            }

            fn label(self) -> &'static str {
                $name::label(self)
            }
        }

        /// Serialised as its slug, so that an exported value is also a filter value.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.slug())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                self.slug().to_sql(out)
            }
        }

        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let slug = String::from_sql(bytes)?;
                $name::from_slug(&slug).ok_or_else(|| {
                    format!("unknown {} slug {slug:?}", stringify!($name)).into()
                })
            }
        }
    };
}

vocabulary! {
    /// ISSA regions; competitions are regional.
    Region {
        Africa => ("africa", "Africa"),
        Americas => ("americas", "The Americas"),
        AsiaPacific => ("asia-pacific", "Asia and the Pacific"),
        Europe => ("europe", "Europe"),
    }
}

vocabulary! {
    OrganisationKind {
        SocialSecurityInstitution => ("social-security-institution", "Social security institution"),
        PensionFund => ("pension-fund", "Pension fund"),
        HealthInsurance => ("health-insurance", "Health insurance fund"),
        OccupationalRiskInsurer => ("occupational-risk-insurer", "Occupational risk insurer"),
        Ministry => ("ministry", "Ministry or government department"),
        MutualBenefitSociety => ("mutual-benefit-society", "Mutual benefit society"),
        NonProfitProvider => ("non-profit-provider", "Non-profit service provider"),
    }
}

vocabulary! {
    /// The 28 topics of the ISSA good-practice database.
    Topic {
        Actuarial => ("actuarial", "Actuarial"),
        Communication => ("communication", "Communication"),
        Compliance => ("compliance", "Compliance and contribution collection"),
        Continuity => ("continuity", "Continuity and resilience"),
        DemographicChanges => ("demographic-changes", "Demographic changes"),
        DigitalEconomy => ("digital-economy", "Digital economy"),
        Disability => ("disability", "Disability"),
        Employment => ("employment", "Employment"),
        ErrorEvasionFraud => ("error-evasion-fraud", "Error, evasion and fraud"),
        ExtensionOfCoverage => ("extension-of-coverage", "Extension of coverage"),
        FamilyBenefits => ("family-benefits", "Family benefits"),
        Governance => ("governance", "Governance and administration"),
        Health => ("health", "Health"),
        HumanResources => ("human-resources", "Human resources management"),
        Ict => ("ict", "ICT"),
        Investment => ("investment", "Investment"),
        Maternity => ("maternity", "Maternity"),
        Migration => ("migration", "Migration"),
        MutualBenefitSocieties => ("mutual-benefit-societies", "Mutual benefit societies"),
        OccupationalAccidents => ("occupational-accidents", "Occupational accidents and diseases"),
        OldAgePensions => ("old-age-pensions", "Old age – pensions"),
        Prevention => ("prevention", "Prevention of occupational risks"),
        ReturnToWork => ("return-to-work", "Return to work"),
        ServiceQuality => ("service-quality", "Service quality"),
        Shocks => ("shocks", "Shocks and extreme events"),
        SocialAssistance => ("social-assistance", "Social assistance"),
        SocialPolicies => ("social-policies", "Social policies and programmes"),
        WorkplaceHealth => ("workplace-health", "Workplace health promotion"),
    }
}

vocabulary! {
    /// Outcome of a competition, highest first; the Special Distinction for Innovation stands
    /// beside the levels and may be given together with one of them.
    Award {
        GoodPracticeAward => ("good-practice-award", "Good Practice Award"),
        MeritSpecialMention => ("merit-special-mention", "Certificate of Merit with Special Mention"),
        Merit => ("merit", "Certificate of Merit"),
        Attestation => ("attestation", "Attestation"),
        InnovationDistinction => ("innovation-distinction", "Special Distinction for Innovation"),
    }
}

vocabulary! {
    /// The four languages of an ISSA entry.
    Language {
        English => ("en", "English"),
        French => ("fr", "French"),
        German => ("de", "German"),
        Spanish => ("es", "Spanish"),
    }
}

vocabulary! {
    /// IESI: where the practice has its impact.
    ImpactArea {
        ServiceDelivery => ("service-delivery", "Public-sector social service delivery"),
        PublicValue => ("public-value", "Public value creation"),
    }
}

vocabulary! {
    /// IESI: the reading of the practice, activist or transformative.
    Approach {
        Activist => ("activist", "Activist"),
        Transformative => ("transformative", "Transformative"),
    }
}

vocabulary! {
    /// IESI dimension 1, from the least to the most radical.
    InnovationType {
        Incremental => ("incremental", "Technical / incremental"),
        Sustaining => ("sustaining", "Organisational / sustaining"),
        Disruptive => ("disruptive", "Disruptive"),
        Transformative => ("transformative", "Transformative"),
    }
}

vocabulary! {
    /// IESI dimension 2; several may apply to one practice.
    SocialInnovationElement {
        NeedDriven => ("need-driven", "Need- or goal-driven outcome"),
        OpenProcess => ("open-process", "Open, recombinant process"),
        ChangedRelations => ("changed-relations", "Fundamental change in relations between actors"),
        PublicValueAllocation => ("public-value-allocation", "(Re)allocation of public value"),
    }
}

vocabulary! {
    /// IESI dimension 3, from the least to the most integrated.
    GovernanceLevel {
        Segregated => ("segregated", "Segregated"),
        IntraGovernmental => ("intra-governmental", "Intra-governmental"),
        InterGovernmental => ("inter-governmental", "Inter-governmental"),
        CrossSectoral => ("cross-sectoral", "Cross-sectoral"),
        Extended => ("extended", "Extended"),
    }
}

vocabulary! {
    /// IESI dimension 4; several may apply to one practice.
    IntegrationType {
        Financing => ("financing", "Financing"),
        Administrative => ("administrative", "Administrative"),
        Organisational => ("organisational", "Organisational"),
        ServiceDelivery => ("service-delivery", "Service delivery"),
    }
}

vocabulary! {
    /// Whether a practice is shown in the public database.
    PracticeStatus {
        Published => ("published", "Published"),
        Unpublished => ("unpublished", "Unpublished"),
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
