//! What a juror would like to judge, said while screening ends and before the assignment.
//! Pure: the assignment reads it, `preference_service` keeps it.

use crate::competitions::{Competition, Phase};
use crate::languages::Message;
use crate::taxonomy::vocabulary;

vocabulary! {
    /// A juror's wish for one entry, the most wanted first.
    Preference in "preference" {
        Eager => "eager",
        Willing => "willing",
        RatherNot => "rather-not",
    }
}

/// Jurors say their preferences during screening, when the eligible entries are known and
/// nothing is assigned yet.
pub fn open_for_preferences(competition: &Competition) -> bool {
    competition.phase == Phase::Screening
}

/// How the assignment met the jurors' wishes: of the entries they were eager or willing to
/// judge, how many they got; of those they would rather not, how many they got all the same.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PreferencesMet {
    pub stated: usize,
    pub wished: usize,
    pub met: usize,
    pub against: usize,
}

impl PreferencesMet {
    pub fn count<Pair>(
        preferences: impl IntoIterator<Item = (Pair, Preference)>,
        assigned: impl Fn(&Pair) -> bool,
    ) -> Self {
        let mut met = Self::default();
        for (pair, preference) in preferences {
            met.stated += 1;
            match preference {
                Preference::Eager | Preference::Willing => {
                    met.wished += 1;
                    met.met += usize::from(assigned(&pair));
                }
                Preference::RatherNot => met.against += usize::from(assigned(&pair)),
            }
        }
        met
    }

    /// What the secretariat reads of it on the jury board.
    pub fn summary(self) -> Message {
        if self.stated == 0 {
            return Message::new("admin-preferences-none");
        }
        Message::new("admin-preferences-met")
            .with("met", self.met)
            .with("wished", self.wished)
            .with("against", self.against)
    }
}
