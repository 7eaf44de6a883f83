//! Conflicts of interest that follow from who a juror works for. Pure.

use crate::ids::OrganisationId;
use crate::languages::key;

/// An institution a juror acts for, with its country.
#[derive(Debug, Clone)]
pub struct Affiliation {
    pub organisation: OrganisationId,
    pub country: String,
}

/// What a conflict check needs to know of an entry.
#[derive(Debug, Clone)]
pub struct EntryParties {
    pub organisation: OrganisationId,
    pub country: String,
    pub partners: Vec<OrganisationId>,
}

/// Why (the key of the reason) `affiliations` make a juror conflicted with an entry, if they do: their own
/// institution entered it or is a joint partner, or (when the competition says so) it comes
/// from their country.
pub fn automatic(
    affiliations: &[Affiliation],
    entry: &EntryParties,
    country_rule: bool,
) -> Option<&'static str> {
    if affiliations
        .iter()
        .any(|a| a.organisation == entry.organisation)
    {
        Some(key!("jury-conflict-own"))
    } else if affiliations
        .iter()
        .any(|a| entry.partners.contains(&a.organisation))
    {
        Some(key!("jury-conflict-partner"))
    } else if country_rule && affiliations.iter().any(|a| a.country == entry.country) {
        Some(key!("jury-conflict-country"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> EntryParties {
        EntryParties {
            organisation: OrganisationId(1),
            country: "Canada".into(),
            partners: vec![OrganisationId(2)],
        }
    }

    fn at(organisation: i32, country: &str) -> Vec<Affiliation> {
        vec![Affiliation {
            organisation: OrganisationId(organisation),
            country: country.into(),
        }]
    }

    #[test]
    fn own_institution_partners_and_country() {
        assert_eq!(
            automatic(&at(1, "Canada"), &entry(), false),
            Some(key!("jury-conflict-own"))
        );
        assert_eq!(
            automatic(&at(2, "Mexico"), &entry(), false),
            Some(key!("jury-conflict-partner"))
        );
        assert_eq!(automatic(&at(3, "Canada"), &entry(), false), None);
        assert_eq!(
            automatic(&at(3, "Canada"), &entry(), true),
            Some(key!("jury-conflict-country"))
        );
        assert_eq!(automatic(&[], &entry(), true), None);
    }
}
