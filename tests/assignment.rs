//! Properties of the automatic jury assignment, over many random competitions.

use std::collections::{BTreeMap, BTreeSet};

use portal::jury::assignment::{assign, EntryNeed, JurorOffer, Limits};
use portal::jury::preferences::Preference;
use proptest::prelude::*;

const TOPICS: [&str; 4] = ["health", "ict", "pensions", "employment"];

/// Entries, jurors, jurors wanted per entry, `(entry, juror)` pairs forbidden (conflicts,
/// languages), and what jurors said they would like to judge.
type Competition = (
    Vec<EntryNeed>,
    Vec<JurorOffer>,
    usize,
    BTreeSet<(i32, i32)>,
    BTreeMap<(i32, i32), Preference>,
);

fn competition() -> impl Strategy<Value = Competition> {
    (1usize..25, 1usize..9, 1usize..4).prop_flat_map(|(entries, jurors, per_entry)| {
        let conflicts = proptest::collection::btree_set(
            (1..=entries as i32, 101..=100 + jurors as i32),
            0..=entries * jurors / 2,
        );
        let topics = proptest::collection::vec(
            proptest::sample::subsequence(TOPICS.to_vec(), 0..3),
            entries + jurors,
        );
        let preferences = proptest::collection::btree_map(
            (1..=entries as i32, 101..=100 + jurors as i32),
            proptest::sample::select(Preference::ALL),
            0..=entries * jurors,
        );
        (conflicts, topics, preferences).prop_map(move |(conflicts, topics, preferences)| {
            let set = |i: usize| topics[i].iter().map(|t| (*t).to_owned()).collect();
            let needs = (0..entries)
                .map(|i| EntryNeed {
                    entry: i as i32 + 1,
                    topics: set(i),
                })
                .collect();
            let offers = (0..jurors)
                .map(|i| JurorOffer {
                    juror: 101 + i as i32,
                    expertise: set(entries + i),
                })
                .collect();
            (needs, offers, per_entry, conflicts, preferences)
        })
    })
}

proptest! {
    #[test]
    fn assignments_respect_conflicts_cover_entries_and_balance_loads(
        (entries, jurors, per_entry, conflicts, preferences) in competition()
    ) {
        // Preferences come after conflicts and balance: every property holds whatever they are.
        let limits = Limits {
            forbidden: &conflicts,
            existing: &BTreeSet::new(),
            preferences: &preferences,
        };
        let result = assign(&entries, &jurors, per_entry, limits);
        // No conflicted juror, ever.
        prop_assert!(result.pairs.iter().all(|pair| !conflicts.contains(pair)));
        // Every entry has as many jurors as it can have, up to the number asked for, and
        // exactly the short ones are reported.
        for need in &entries {
            let possible = jurors.iter().filter(|j| !conflicts.contains(&(need.entry, j.juror))).count();
            prop_assert_eq!(result.jurors_of(need.entry), per_entry.min(possible));
            let reported = result.uncovered.contains(&need.entry);
            prop_assert_eq!(reported, possible < per_entry);
        }
        // Without conflicts, loads differ by at most one.
        if conflicts.is_empty() {
            let loads: Vec<usize> = jurors.iter().map(|j| result.load_of(j.juror)).collect();
            prop_assert!(loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1, "{:?}", loads);
        }
        // With conflicts, no single move from a juror two above another could be made.
        for busy in &jurors {
            for idle in &jurors {
                if result.load_of(busy.juror) >= result.load_of(idle.juror) + 2 {
                    let movable = entries.iter().any(|need| {
                        result.pairs.contains(&(need.entry, busy.juror))
                            && !result.pairs.contains(&(need.entry, idle.juror))
                            && !conflicts.contains(&(need.entry, idle.juror))
                    });
                    prop_assert!(!movable, "an entry could move from {} to {}", busy.juror, idle.juror);
                }
            }
        }
    }
}
