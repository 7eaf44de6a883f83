//! Every answered write survives a SIGKILL of the real binary in the middle of a stream of
//! submissions and jurors' score changes.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::entries::{americas, complete_entry, entry_id, post_new_entry};
use crate::common::jury::{
    appoint, assign, criteria, eligible_entry, open_review, post_review, register_juror,
    review_fields, Juror,
};
use crate::common::process::Process;
use crate::common::{count, empty_database, open_database, strings, Browser, DroppedAtEnd, Fronts};
use diesel::prelude::*;
use diesel::sql_types::Text;
use portal::db::DbConnection;
use portal::demo::workflow::{SECOND_SUBMITTER, SUBMITTER};
use portal::ids::{CompetitionId, EntryId, UserId};
use reqwest::StatusCode;

/// At most this many acknowledged entries before the kill: few enough that no submission
/// meets the limit of 10 entries an institution has in a competition, even with those
/// answered while the kill is on its way (ESDC and IMSS share the stream; the demo data has
/// entered a few already).
const MOST_ENTRIES_BEFORE_KILL: usize = 6;
/// Entries of the competition in review, each scored again and again by both jurors.
const SCORED_ENTRIES: usize = 3;

#[derive(Default)]
struct Outcomes {
    acknowledged: Vec<EntryId>,
    /// Answers other than the redirect of a stored submission, which would make the test
    /// prove nothing.
    unexpected: Vec<StatusCode>,
}

/// Submits complete entries until the portal stops answering (the transport error ends the
/// task with a panic, which is expected here).
async fn submit_until_killed(
    browser: Browser,
    competition: CompetitionId,
    outcomes: Arc<Mutex<Outcomes>>,
) {
    for n in 0.. {
        let title = format!("Durable entry {n}");
        let response =
            post_new_entry(&browser, competition, &complete_entry(&title), "submit").await;
        let mut recorded = outcomes.lock().unwrap();
        if response.status() == StatusCode::SEE_OTHER {
            recorded.acknowledged.push(entry_id(&response));
        } else {
            recorded.unexpected.push(response.status());
        }
    }
}

/// One save of a juror's review.
#[derive(Debug, Clone)]
struct ScoreWrite {
    entry: EntryId,
    scores: Vec<String>,
    comment: String,
    submit: bool,
    /// `None` while the request is in flight (or was never answered).
    answer: Option<StatusCode>,
}

/// Saves and submits reviews of `entries` in turn, every save with new scores and a new
/// comment, until the portal stops answering. Each write is logged before it is sent.
async fn score_until_killed(
    juror: Juror,
    entries: Vec<EntryId>,
    criteria: Vec<i32>,
    log: Arc<Mutex<Vec<ScoreWrite>>>,
) {
    for n in 0usize.. {
        let scores: Vec<String> = (0..criteria.len())
            .map(|k| ((n * 3 + k * 7 + juror.id.0 as usize) % 10 + 1).to_string())
            .collect();
        let write = ScoreWrite {
            entry: entries[n % entries.len()],
            scores,
            comment: format!("Write {n} of juror {}", juror.id),
            submit: n % 3 == 2,
            answer: None,
        };
        log.lock().unwrap().push(write.clone());
        let score_refs: Vec<&str> = write.scores.iter().map(String::as_str).collect();
        let action = if write.submit { "submit" } else { "save" };
        let fields = review_fields(&criteria, &score_refs, &write.comment, action);
        let response = post_review(&juror.browser, write.entry, &fields).await;
        log.lock().unwrap().last_mut().unwrap().answer = Some(response.status());
    }
}

/// Waits until `enough` says so, checking the shared logs every millisecond.
fn wait_until(what: &str, enough: impl Fn() -> bool) {
    let started = Instant::now();
    while !enough() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "too few {what}"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// The competition of Europe in review with `SCORED_ENTRIES` eligible entries, both jurors
/// appointed and assigned to all of them; returns the entries.
fn review_with(conn: &mut DbConnection, jurors: &[&Juror]) -> (CompetitionId, Vec<EntryId>) {
    let competition = open_review(conn, "europe");
    let entries: Vec<EntryId> = (0..SCORED_ENTRIES)
        .map(|n| eligible_entry(conn, competition, &format!("Scored entry {n}")))
        .collect();
    for (n, juror) in jurors.iter().enumerate() {
        appoint(conn, competition, juror.id, n == 0);
        for entry in &entries {
            assign(conn, *entry, juror.id);
        }
    }
    (competition, entries)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn every_acknowledged_submission_and_score_survives_a_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let database = DroppedAtEnd(empty_database(dir.path()));
    let database = &database.0;
    let data = dir.path().to_string_lossy().into_owned();
    let serving = |index: &str, load_demo: bool| {
        let index = format!("{data}/{index}");
        let mut args = vec!["--data-dir", &data, "--search-index", &index];
        if !load_demo {
            args.push("--no-demo");
        }
        Process::start(database, &args)
    };
    // The first loads the demo data into the new database. On PostgreSQL a second process
    // serves beside it, the submitters' requests go to both in turn, and the first is killed.
    let mut portal = serving("first-index", true);
    let beside = database
        .file()
        .is_none()
        .then(|| serving("second-index", false));
    let fronts: Vec<String> = [Some(&portal), beside.as_ref()]
        .into_iter()
        .flatten()
        .map(|process| process.base.clone())
        .collect();
    let conn = &mut open_database(database);
    let competition = americas(conn);
    let jurors = [
        register_juror(&portal.base, conn, "First Juror", "first@jury.example").await,
        register_juror(&portal.base, conn, "Second Juror", "second@jury.example").await,
    ];
    let (review_competition, scored) = review_with(conn, &[&jurors[0], &jurors[1]]);
    let criteria = criteria(conn, review_competition);
    let juror_ids: Vec<UserId> = jurors.iter().map(|juror| juror.id).collect();
    // The kill comes at a moment of its own in every run: after a random number of
    // acknowledged score changes and submissions, with both streams still running.
    let scores_before_kill = rand::random_range(4..=16);
    let entries_before_kill = rand::random_range(1..=MOST_ENTRIES_BEFORE_KILL);
    eprintln!("kill after {scores_before_kill} score writes and {entries_before_kill} entries");

    let logs: Vec<Arc<Mutex<Vec<ScoreWrite>>>> = jurors
        .iter()
        .map(|_| Arc::new(Mutex::new(Vec::new())))
        .collect();
    let mut streams: Vec<_> = jurors
        .into_iter()
        .zip(&logs)
        .map(|(juror, log)| {
            tokio::spawn(score_until_killed(
                juror,
                scored.clone(),
                criteria.clone(),
                log.clone(),
            ))
        })
        .collect();
    let acknowledged_scores = || {
        logs.iter()
            .map(|log| {
                log.lock()
                    .unwrap()
                    .iter()
                    .filter(|w| w.answer.is_some())
                    .count()
            })
            .sum::<usize>()
    };
    wait_until("score writes acknowledged", || {
        acknowledged_scores() >= scores_before_kill
    });

    // Several submitters at once, so that requests are in flight when the process dies; each
    // in a session of its own, as people in different offices would be.
    let outcomes = Arc::new(Mutex::new(Outcomes::default()));
    let mut submitters = Vec::new();
    for (email, password) in [SUBMITTER, SUBMITTER, SECOND_SUBMITTER] {
        let browser = Browser::balanced(&portal.base, Fronts::new(&fronts));
        browser.sign_in(email, password).await;
        submitters.push(browser);
    }
    // All at once, once all are signed in: a stream started earlier would race ahead.
    for browser in submitters {
        streams.push(tokio::spawn(submit_until_killed(
            browser,
            competition,
            outcomes.clone(),
        )));
    }
    wait_until("submissions acknowledged", || {
        outcomes.lock().unwrap().acknowledged.len() >= entries_before_kill
    });
    portal.kill();
    for stream in streams {
        assert!(stream.await.is_err(), "a stream outlived the portal");
    }
    let outcomes = outcomes.lock().unwrap();
    assert!(
        outcomes.unexpected.is_empty(),
        "answers other than 303: {:?}",
        outcomes.unexpected
    );

    let _restarted = serving("first-index", false);
    let mut conn = open_database(database);
    if database.file().is_some() {
        #[derive(QueryableByName)]
        struct Check {
            #[diesel(sql_type = Text)]
            integrity_check: String,
        }
        let check: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
            .load(&mut conn)
            .unwrap();
        assert_eq!(
            check
                .iter()
                .map(|row| row.integrity_check.as_str())
                .collect::<Vec<_>>(),
            ["ok"]
        );
    }
    let missing: Vec<EntryId> = outcomes
        .acknowledged
        .iter()
        .copied()
        .filter(|id| {
            count(
                &mut conn,
                &format!("SELECT COUNT(*) FROM entries WHERE id = {id} AND status = 'submitted'"),
            ) != 1
        })
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged entries lost or not submitted after the kill: {missing:?} (of {:?})",
        outcomes.acknowledged
    );

    let names: Vec<String> = strings(
        &mut conn,
        &format!(
            "SELECT name AS value FROM criteria WHERE competition_id = {review_competition} \
             ORDER BY position"
        ),
    )
    .into_iter()
    .flatten()
    .collect();
    let mut problems = Vec::new();
    for (juror, log) in juror_ids.iter().zip(&logs) {
        let log = log.lock().unwrap();
        for entry in &scored {
            problems.extend(review_problems(&mut conn, *juror, *entry, &log, &names));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The line the review history keeps for a save: every score with its criterion.
fn summary(names: &[String], scores: &[String]) -> String {
    names
        .iter()
        .zip(scores)
        .map(|(name, score)| format!("{name}: {score}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What is wrong with the stored review of `entry` by `juror`, given the juror's `log`: its
/// history must hold every acknowledged save in order, plus at most the one in flight at the
/// kill, and the review must be the last of those.
fn review_problems(
    conn: &mut DbConnection,
    juror: UserId,
    entry: EntryId,
    log: &[ScoreWrite],
    names: &[String],
) -> Vec<String> {
    let who = format!("juror {juror}, entry {entry}");
    let mut problems: Vec<String> = log
        .iter()
        .filter_map(|write| write.answer)
        .filter(|answer| *answer != StatusCode::SEE_OTHER)
        .map(|answer| format!("{who}: a save answered {answer}"))
        .collect();
    let acknowledged: Vec<&ScoreWrite> = log
        .iter()
        .filter(|write| write.entry == entry && write.answer.is_some())
        .collect();
    let in_flight = log
        .last()
        .filter(|write| write.entry == entry && write.answer.is_none());
    let review = format!("SELECT id FROM reviews WHERE entry_id = {entry} AND user_id = {juror}");
    let history = strings(
        conn,
        &format!(
            "SELECT summary AS value FROM review_history WHERE review_id = ({review}) ORDER BY id"
        ),
    );
    let expected: Vec<Option<String>> = acknowledged
        .iter()
        .map(|write| Some(summary(names, &write.scores)))
        .collect();
    let stored: Vec<&ScoreWrite> = if history == expected {
        acknowledged.clone()
    } else if let Some(write) = in_flight.filter(|write| {
        history.len() == expected.len() + 1
            && history[..expected.len()] == expected[..]
            && history.last() == Some(&Some(summary(names, &write.scores)))
    }) {
        acknowledged.iter().copied().chain([write]).collect()
    } else {
        problems.push(format!(
            "{who}: history {history:?}, acknowledged {expected:?}, in flight {in_flight:?}"
        ));
        return problems;
    };
    let Some(last) = stored.last() else {
        return problems;
    };
    let scores: Vec<String> = strings(
        conn,
        &format!(
            "SELECT CAST(s.score AS TEXT) AS value FROM review_scores s \
             JOIN criteria c ON c.id = s.criterion_id WHERE s.review_id = ({review}) \
             ORDER BY c.position"
        ),
    )
    .into_iter()
    .flatten()
    .collect();
    if scores != last.scores {
        problems.push(format!(
            "{who}: scores {scores:?}, last saved {:?}",
            last.scores
        ));
    }
    let comment = strings(
        conn,
        &format!("SELECT overall_comment AS value FROM reviews WHERE id = ({review})"),
    );
    if comment != [Some(last.comment.clone())] {
        problems.push(format!(
            "{who}: comment {comment:?}, last saved {:?}",
            last.comment
        ));
    }
    let status = if stored.iter().any(|write| write.submit) {
        "submitted"
    } else {
        "draft"
    };
    if strings(
        conn,
        &format!("SELECT status AS value FROM reviews WHERE id = ({review})"),
    ) != [Some(status.to_owned())]
    {
        problems.push(format!("{who}: not {status}"));
    }
    problems
}
