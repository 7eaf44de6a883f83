//! Automatic, balanced assignment of jurors to entries. Pure: it works on ids and sets, so
//! that it can be checked by properties without a database.
//!
//! Every entry gets `per_entry` jurors where the conflicts allow; entries with the fewest
//! possible jurors are served first; among the possible jurors the least loaded is chosen,
//! then the one sharing most topics with the entry. A repair pass then moves single
//! assignments from the most to the least loaded juror while that is allowed, so that loads
//! differ by at most one wherever the conflicts permit it.

use std::collections::{BTreeMap, BTreeSet};

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

/// The outcome: who reviews what, and the entries left short with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignment {
    pub pairs: BTreeSet<(i32, i32)>,
    pub uncovered: Vec<(i32, String)>,
}

impl Assignment {
    pub fn load_of(&self, juror: i32) -> usize {
        self.pairs.iter().filter(|(_, j)| *j == juror).count()
    }

    pub fn jurors_of(&self, entry: i32) -> usize {
        self.pairs.iter().filter(|(e, _)| *e == entry).count()
    }
}

/// `conflicts` holds `(entry, juror)` pairs that must never be assigned; `existing` holds
/// assignments already made (by hand), which are kept and counted.
pub fn assign(
    entries: &[EntryNeed],
    jurors: &[JurorOffer],
    per_entry: usize,
    conflicts: &BTreeSet<(i32, i32)>,
    existing: &BTreeSet<(i32, i32)>,
) -> Assignment {
    let allowed = |entry: i32, juror: i32| !conflicts.contains(&(entry, juror));
    let mut pairs: BTreeSet<(i32, i32)> = existing
        .iter()
        .copied()
        .filter(|&(entry, juror)| allowed(entry, juror))
        .collect();
    let mut load: BTreeMap<i32, usize> = jurors.iter().map(|j| (j.juror, 0)).collect();
    for (_, juror) in &pairs {
        if let Some(count) = load.get_mut(juror) {
            *count += 1;
        }
    }
    let possible = |entry: i32| jurors.iter().filter(|j| allowed(entry, j.juror)).count();
    let mut order: Vec<&EntryNeed> = entries.iter().collect();
    order.sort_by_key(|need| (possible(need.entry), need.entry));
    for need in &order {
        while pairs.iter().filter(|(e, _)| *e == need.entry).count() < per_entry {
            let best = jurors
                .iter()
                .filter(|j| allowed(need.entry, j.juror) && !pairs.contains(&(need.entry, j.juror)))
                .min_by_key(|j| {
                    let shared = j.expertise.intersection(&need.topics).count();
                    (load[&j.juror], std::cmp::Reverse(shared), j.juror)
                });
            let Some(best) = best else { break };
            pairs.insert((need.entry, best.juror));
            *load.get_mut(&best.juror).expect("every juror has a load") += 1;
        }
    }
    rebalance(&mut pairs, &mut load, entries, conflicts);
    let uncovered = order
        .iter()
        .filter_map(|need| {
            let have = pairs.iter().filter(|(e, _)| *e == need.entry).count();
            (have < per_entry).then(|| {
                (
                    need.entry,
                    format!(
                        "only {} of the {} jurors have no conflict with this entry; {per_entry} \
                         are needed",
                        possible(need.entry),
                        jurors.len()
                    ),
                )
            })
        })
        .collect();
    Assignment { pairs, uncovered }
}

/// Moves one entry at a time from the busiest juror to the idlest one it may go to, while
/// the difference is two or more.
fn rebalance(
    pairs: &mut BTreeSet<(i32, i32)>,
    load: &mut BTreeMap<i32, usize>,
    entries: &[EntryNeed],
    conflicts: &BTreeSet<(i32, i32)>,
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
                let movable = entries.iter().map(|need| need.entry).find(|&entry| {
                    pairs.contains(&(entry, busy))
                        && !pairs.contains(&(entry, idle))
                        && !conflicts.contains(&(entry, idle))
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
        let result = assign(
            &entries(10),
            &jurors(4),
            3,
            &BTreeSet::new(),
            &BTreeSet::new(),
        );
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
        let result = assign(&entries(3), &jurors(4), 2, &conflicts, &BTreeSet::new());
        assert!(result.pairs.iter().all(|pair| !conflicts.contains(pair)));
        assert_eq!(result.jurors_of(1), 1);
        assert_eq!(result.uncovered.len(), 1);
        assert!(result.uncovered[0].1.contains("only 1 of the 4 jurors"));
    }

    #[test]
    fn expertise_breaks_ties() {
        let need = vec![EntryNeed {
            entry: 1,
            topics: ["health".to_owned()].into_iter().collect(),
        }];
        let mut offers = jurors(3);
        offers[2].expertise.insert("health".to_owned());
        let result = assign(&need, &offers, 1, &BTreeSet::new(), &BTreeSet::new());
        assert!(result.pairs.contains(&(1, 103)));
    }
}
