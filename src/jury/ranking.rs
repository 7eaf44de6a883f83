//! The ranking of a competition: per entry the mean score per criterion, the weighted total,
//! a total normalised for each juror's severity, and how far the jurors disagree. Pure.
//!
//! Normalisation: each juror's scores become z-scores against that juror's own mean and
//! standard deviation (a juror who gives every entry the same score contributes the mean),
//! then are put back on the scale with the mean and standard deviation of all scores of the
//! competition, clamped to the scale. A severe and a lenient juror thus count alike.

use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy)]
pub struct Weighted {
    pub criterion: i32,
    pub weight: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Score {
    pub entry: i32,
    pub juror: i32,
    pub criterion: i32,
    pub value: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
}

/// Jurors disagree widely when the standard deviation of their normalised totals for an entry
/// is more than this share of the scale.
const DISPUTE_SHARE: f64 = 0.2;

#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub entry: i32,
    pub reviews: usize,
    pub criterion_means: BTreeMap<i32, f64>,
    pub weighted_total: f64,
    pub normalised_total: f64,
    /// Standard deviation of the jurors' weighted totals, normalised for each juror's severity.
    pub spread: f64,
    pub disputed: bool,
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// Population standard deviation.
fn deviation(values: &[f64]) -> f64 {
    let m = mean(values);
    mean(&values.iter().map(|v| (v - m) * (v - m)).collect::<Vec<_>>()).sqrt()
}

/// The weighted mean of per-criterion values; criteria without a value are left out.
fn weighted(criteria: &[Weighted], values: &BTreeMap<i32, f64>) -> f64 {
    let (sum, weights) = criteria
        .iter()
        .filter_map(|c| values.get(&c.criterion).map(|v| (v * c.weight, c.weight)))
        .fold((0.0, 0.0), |(s, w), (v, cw)| (s + v, w + cw));
    if weights > 0.0 {
        sum / weights
    } else {
        0.0
    }
}

/// Scores with each juror's severity taken out, on the same scale.
pub fn normalise(scores: &[Score], scale: Scale) -> Vec<Score> {
    let all: Vec<f64> = scores.iter().map(|s| s.value).collect();
    let (global_mean, global_deviation) = (mean(&all), deviation(&all));
    let mut by_juror: BTreeMap<i32, Vec<f64>> = BTreeMap::new();
    for score in scores {
        by_juror.entry(score.juror).or_default().push(score.value);
    }
    let juror_stats: BTreeMap<i32, (f64, f64)> = by_juror
        .iter()
        .map(|(&juror, values)| (juror, (mean(values), deviation(values))))
        .collect();
    scores
        .iter()
        .map(|score| {
            let (m, d) = juror_stats[&score.juror];
            let z = if d > f64::EPSILON {
                (score.value - m) / d
            } else {
                0.0
            };
            Score {
                value: (global_mean + z * global_deviation).clamp(scale.min, scale.max),
                ..*score
            }
        })
        .collect()
}

/// Per entry: means per criterion over the jurors who scored it.
fn criterion_means(scores: &[Score]) -> BTreeMap<i32, BTreeMap<i32, f64>> {
    let mut collected: BTreeMap<i32, BTreeMap<i32, Vec<f64>>> = BTreeMap::new();
    for s in scores {
        collected
            .entry(s.entry)
            .or_default()
            .entry(s.criterion)
            .or_default()
            .push(s.value);
    }
    collected
        .into_iter()
        .map(|(entry, by_criterion)| {
            let means = by_criterion
                .into_iter()
                .map(|(criterion, values)| (criterion, mean(&values)))
                .collect();
            (entry, means)
        })
        .collect()
}

/// Ranks the entries that have scores, best normalised total first.
pub fn rank(criteria: &[Weighted], scores: &[Score], scale: Scale) -> Vec<Ranked> {
    let raw = criterion_means(scores);
    let normalised_scores = normalise(scores, scale);
    let normalised = criterion_means(&normalised_scores);
    // Disagreement is read on the normalised scores: a severe and a lenient juror who rank the
    // entries alike do not disagree, however far apart their raw totals are.
    let mut per_juror: BTreeMap<(i32, i32), BTreeMap<i32, f64>> = BTreeMap::new();
    for s in &normalised_scores {
        per_juror
            .entry((s.entry, s.juror))
            .or_default()
            .insert(s.criterion, s.value);
    }
    let span = scale.max - scale.min;
    let mut ranked: Vec<Ranked> = raw
        .into_iter()
        .map(|(entry, means)| {
            let juror_totals: Vec<f64> = per_juror
                .iter()
                .filter(|((e, _), _)| *e == entry)
                .map(|(_, values)| weighted(criteria, values))
                .collect();
            let jurors: BTreeSet<i32> = scores
                .iter()
                .filter(|s| s.entry == entry)
                .map(|s| s.juror)
                .collect();
            let spread = deviation(&juror_totals);
            Ranked {
                entry,
                reviews: jurors.len(),
                weighted_total: weighted(criteria, &means),
                normalised_total: weighted(criteria, &normalised[&entry]),
                criterion_means: means,
                spread,
                disputed: spread > DISPUTE_SHARE * span,
            }
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.normalised_total
            .total_cmp(&a.normalised_total)
            .then(a.entry.cmp(&b.entry))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCALE: Scale = Scale {
        min: 1.0,
        max: 10.0,
    };

    fn score(entry: i32, juror: i32, criterion: i32, value: f64) -> Score {
        Score {
            entry,
            juror,
            criterion,
            value,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    #[test]
    fn weighted_totals_and_means_by_hand() {
        // Criterion 1 weighs 2, criterion 2 weighs 1.
        let criteria = [
            Weighted {
                criterion: 1,
                weight: 2.0,
            },
            Weighted {
                criterion: 2,
                weight: 1.0,
            },
        ];
        let scores = [
            score(1, 10, 1, 8.0),
            score(1, 10, 2, 6.0),
            score(1, 11, 1, 9.0),
            score(1, 11, 2, 9.0),
        ];
        let ranked = rank(&criteria, &scores, SCALE);
        let entry = &ranked[0];
        assert_eq!(entry.reviews, 2);
        assert!(close(entry.criterion_means[&1], 8.5));
        assert!(close(entry.criterion_means[&2], 7.5));
        // (2 × 8.5 + 7.5) / 3
        assert!(close(entry.weighted_total, 24.5 / 3.0));
        // Normalised (all scores: mean 8, deviation √1.5), juror 10's 8 and 6 become 8 ± √1.5
        // and juror 11's flat 9s become 8: totals 8 + √1.5 / 3 and 8, deviation √1.5 / 6.
        assert!(close(entry.spread, 1.5f64.sqrt() / 6.0));
        assert!(!entry.disputed);
    }

    #[test]
    fn a_severe_and_a_lenient_juror_count_alike() {
        // Juror 10 gives 2 and 4, juror 11 gives 6 and 8: the same judgement, shifted.
        let criteria = [Weighted {
            criterion: 1,
            weight: 1.0,
        }];
        let scores = [
            score(1, 10, 1, 2.0),
            score(2, 10, 1, 4.0),
            score(1, 11, 1, 6.0),
            score(2, 11, 1, 8.0),
        ];
        let normalised = normalise(&scores, SCALE);
        // Each juror: mean ±1, so z = ∓1; all scores: mean 5, deviation √5.
        let low = 5.0 - 5f64.sqrt();
        let high = 5.0 + 5f64.sqrt();
        assert!(close(normalised[0].value, low) && close(normalised[2].value, low));
        assert!(close(normalised[1].value, high) && close(normalised[3].value, high));
        let ranked = rank(&criteria, &scores, SCALE);
        assert_eq!(ranked[0].entry, 2);
        assert!(close(ranked[0].weighted_total, 6.0));
        assert!(close(ranked[0].normalised_total, high));
        assert!(close(ranked[1].normalised_total, low));
        // Raw totals 4 apart, but the same judgement: no disagreement.
        assert!(ranked
            .iter()
            .all(|entry| close(entry.spread, 0.0) && !entry.disputed));
    }

    #[test]
    fn opposite_judgements_are_flagged_and_flat_jurors_sit_at_the_mean() {
        let criteria = [Weighted {
            criterion: 1,
            weight: 1.0,
        }];
        // Juror 10 prefers entry 2, juror 11 entry 1, by as much as the scale allows.
        let scores = [
            score(1, 10, 1, 2.0),
            score(2, 10, 1, 9.0),
            score(1, 11, 1, 9.0),
            score(2, 11, 1, 2.0),
        ];
        let ranked = rank(&criteria, &scores, SCALE);
        // Normalised totals 2 and 9 for each entry: deviation 3.5, more than 0.2 × 9.
        for entry in &ranked {
            assert!(close(entry.spread, 3.5));
            assert!(entry.disputed);
        }
        // Each juror scored once, so has no spread of their own: both sit at the mean, 5.5.
        let once = [score(1, 10, 1, 1.0), score(1, 11, 1, 10.0)];
        let ranked = rank(&criteria, &once, SCALE);
        assert!(close(ranked[0].normalised_total, 5.5));
        assert!(!ranked[0].disputed);
    }
}
