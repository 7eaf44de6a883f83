//! Automatic, balanced assignment of jurors to entries. Pure: it works on ids and sets, so
//! that it can be checked by properties without a database.
//!
//! Every entry gets `per_entry` jurors where the forbidden pairs (conflicts of interest, and
//! languages the juror does not read) allow; entries with the fewest possible jurors are
//! served first; among the possible jurors the least loaded is chosen, then the one who asked
//! for the entry most (eager, willing, no word, rather not), then the one sharing most topics
//! with it. A repair pass then moves single assignments from the most to the least loaded
//! juror while that is allowed, choosing the entry the idle juror wants most, so that loads
//! differ by at most one wherever the forbidden pairs permit it.

use std::collections::{BTreeMap, BTreeSet};

use super::preferences::Preference;

/// What the algorithm needs to know of an entry.
#[derive(Debug, Clone)]
pub struct EntryNeed {
    pub entry: i32,
    pub topics: BTreeSet<String>,
}

/// What it needs to know of a juror.
#[derive(Debug, Clone)]
pub struct JurorOffer {
    pub juror: i32,
    pub expertise: BTreeSet<String>,
}

/// The outcome: who reviews what, and the entries left short of jurors (the board says why).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignment {
    pub pairs: BTreeSet<(i32, i32)>,
    pub uncovered: Vec<i32>,
}

/// What the assignment must and would like to respect, as `(entry, juror)` pairs.
#[derive(Debug, Clone, Copy)]
pub struct Limits<'a> {
    /// Pairs that must never be assigned: conflicts, languages the juror does not read.
    pub forbidden: &'a BTreeSet<(i32, i32)>,
    /// Assignments already made (by hand), which are kept and counted.
    pub existing: &'a BTreeSet<(i32, i32)>,
    /// What jurors said they would like to judge.
    pub preferences: &'a BTreeMap<(i32, i32), Preference>,
}

impl Limits<'_> {
    fn allowed(&self, entry: i32, juror: i32) -> bool {
        !self.forbidden.contains(&(entry, juror))
    }

    /// 0 for the most wanted pair; an unsaid preference between willing and rather not.
    fn reluctance(&self, entry: i32, juror: i32) -> u8 {
        match self.preferences.get(&(entry, juror)) {
            Some(Preference::Eager) => 0,
            Some(Preference::Willing) => 1,
            None => 2,
            Some(Preference::RatherNot) => 3,
        }
    }
}

impl Assignment {
    pub fn load_of(&self, juror: i32) -> usize {
        self.pairs.iter().filter(|(_, j)| *j == juror).count()
    }

    pub fn jurors_of(&self, entry: i32) -> usize {
        self.pairs.iter().filter(|(e, _)| *e == entry).count()
    }
}

pub fn assign(
    entries: &[EntryNeed],
    jurors: &[JurorOffer],
    per_entry: usize,
    limits: Limits,
) -> Assignment {
    let mut pairs: BTreeSet<(i32, i32)> = limits
        .existing
        .iter()
        .copied()
        .filter(|&(entry, juror)| limits.allowed(entry, juror))
        .collect();
    let mut load: BTreeMap<i32, usize> = jurors.iter().map(|j| (j.juror, 0)).collect();
    for (_, juror) in &pairs {
        if let Some(count) = load.get_mut(juror) {
            *count += 1;
        }
    }
    let possible = |entry: i32| {
        jurors
            .iter()
            .filter(|j| limits.allowed(entry, j.juror))
            .count()
    };
    let mut order: Vec<&EntryNeed> = entries.iter().collect();
    order.sort_by_key(|need| (possible(need.entry), need.entry));
    for need in &order {
        while pairs.iter().filter(|(e, _)| *e == need.entry).count() < per_entry {
            let best = jurors
                .iter()
                .filter(|j| {
                    limits.allowed(need.entry, j.juror) && !pairs.contains(&(need.entry, j.juror))
                })
                .min_by_key(|j| {
                    let shared = j.expertise.intersection(&need.topics).count();
                    (
                        load[&j.juror],
                        limits.reluctance(need.entry, j.juror),
                        std::cmp::Reverse(shared),
                        j.juror,
                    )
                });
            let Some(best) = best else { break };
            pairs.insert((need.entry, best.juror));
            *load.get_mut(&best.juror).expect("every juror has a load") += 1;
        }
    }
    rebalance(&mut pairs, &mut load, entries, limits);
    let uncovered = order
        .iter()
        .map(|need| need.entry)
        .filter(|&entry| pairs.iter().filter(|(e, _)| *e == entry).count() < per_entry)
        .collect();
    Assignment { pairs, uncovered }
}

/// Moves one entry at a time from the busiest juror to the idlest one it may go to, while
/// the difference is two or more: the one the idle juror wants most, and the busy one least.
fn rebalance(
    pairs: &mut BTreeSet<(i32, i32)>,
    load: &mut BTreeMap<i32, usize>,
    entries: &[EntryNeed],
    limits: Limits,
) {
    loop {
        let mut moved = false;
        let mut by_load: Vec<(usize, i32)> = load.iter().map(|(&j, &l)| (l, j)).collect();
        by_load.sort_unstable();
        'search: for &(high_load, busy) in by_load.iter().rev() {
            for &(low_load, idle) in &by_load {
                if high_load < low_load + 2 {
                    break;
                }
                let movable = entries
                    .iter()
                    .map(|need| need.entry)
                    .filter(|&entry| {
                        pairs.contains(&(entry, busy))
                            && !pairs.contains(&(entry, idle))
                            && limits.allowed(entry, idle)
                    })
                    .min_by_key(|&entry| {
                        (
                            limits.reluctance(entry, idle),
                            std::cmp::Reverse(limits.reluctance(entry, busy)),
                            entry,
                        )
                    });
                if let Some(entry) = movable {
                    pairs.remove(&(entry, busy));
                    pairs.insert((entry, idle));
                    *load.get_mut(&busy).expect("busy juror") -= 1;
                    *load.get_mut(&idle).expect("idle juror") += 1;
                    moved = true;
                    break 'search;
                }
            }
        }
        if !moved {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(n: i32) -> Vec<EntryNeed> {
        (1..=n)
            .map(|entry| EntryNeed {
                entry,
                topics: BTreeSet::new(),
            })
            .collect()
    }

    fn jurors(n: i32) -> Vec<JurorOffer> {
        (101..=100 + n)
            .map(|juror| JurorOffer {
                juror,
                expertise: BTreeSet::new(),
            })
            .collect()
    }

    #[test]
    fn every_entry_gets_its_jurors_and_loads_are_even() {
        let result = assign(&entries(10), &jurors(4), 3, free(&none(), &no_wishes()));
        assert!(result.uncovered.is_empty());
        for entry in 1..=10 {
            assert_eq!(result.jurors_of(entry), 3);
        }
        let loads: Vec<usize> = (101..=104).map(|j| result.load_of(j)).collect();
        assert_eq!(loads.iter().sum::<usize>(), 30);
        assert!(
            loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1,
            "{loads:?}"
        );
    }

    #[test]
    fn conflicts_are_respected_and_shortfalls_explained() {
        let conflicts: BTreeSet<_> = [(1, 101), (1, 102), (1, 103)].into_iter().collect();
        let result = assign(&entries(3), &jurors(4), 2, free(&conflicts, &no_wishes()));
        assert!(result.pairs.iter().all(|pair| !conflicts.contains(pair)));
        assert_eq!(result.jurors_of(1), 1);
        assert_eq!(result.uncovered, vec![1]);
    }

    #[test]
    fn expertise_breaks_ties() {
        let need = vec![EntryNeed {
            entry: 1,
            topics: ["health".to_owned()].into_iter().collect(),
        }];
        let mut offers = jurors(3);
        offers[2].expertise.insert("health".to_owned());
        let result = assign(&need, &offers, 1, free(&none(), &no_wishes()));
        assert!(result.pairs.contains(&(1, 103)));
    }

    #[test]
    fn preferences_choose_among_equally_loaded_jurors() {
        // Each juror would take the other's entry by id order; their wishes swap them.
        let wishes: BTreeMap<_, _> = [
            ((1, 102), Preference::Eager),
            ((2, 101), Preference::Willing),
            ((1, 101), Preference::RatherNot),
        ]
        .into_iter()
        .collect();
        let result = assign(&entries(2), &jurors(2), 1, free(&none(), &wishes));
        let expected: BTreeSet<_> = [(1, 102), (2, 101)].into_iter().collect();
        assert_eq!(result.pairs, expected);
    }

    #[test]
    fn preferences_never_outweigh_balance_or_a_forbidden_pair() {
        // Juror 101 is eager for everything, and may not judge entry 3.
        let wishes: BTreeMap<_, _> = (1..=4).map(|e| ((e, 101), Preference::Eager)).collect();
        let forbidden: BTreeSet<_> = [(3, 101)].into_iter().collect();
        let result = assign(&entries(4), &jurors(2), 1, free(&forbidden, &wishes));
        assert_eq!(result.load_of(101), 2);
        assert_eq!(result.load_of(102), 2);
        assert!(result.pairs.contains(&(3, 102)));
    }

    fn none() -> BTreeSet<(i32, i32)> {
        BTreeSet::new()
    }

    fn no_wishes() -> BTreeMap<(i32, i32), Preference> {
        BTreeMap::new()
    }

    /// Limits with nothing assigned yet.
    fn free<'a>(
        forbidden: &'a BTreeSet<(i32, i32)>,
        preferences: &'a BTreeMap<(i32, i32), Preference>,
    ) -> Limits<'a> {
        const NOTHING: &BTreeSet<(i32, i32)> = &BTreeSet::new();
        Limits {
            forbidden,
            existing: NOTHING,
            preferences,
        }
    }
}
