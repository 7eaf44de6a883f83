//! The whole cycle in a real browser, as the people involved go through it: a submitter
//! registers, joins her institution, saves a draft, attaches a PDF and submits; the
//! secretariat approves her, screens the entry, appoints the jury and moves the competition
//! on; two jurors score the entry; the chair records an award; the secretariat publishes; a
//! visitor finds the practice by searching and sees its award. Run on a desktop, without
//! JavaScript, and at a phone's width.

use super::{tools, Chromium, Settings};
use crate::common::entries::PDF;
use crate::common::TestApp;
use portal::demo::workflow::{JUROR, SECRETARIAT};
use portal::paths;

const COMPETITION: &str = "ISSA Good Practice Award 2027 – Europe";
const INSTITUTION: &str = "Sociale Verzekeringsbank";
const TITLE: &str = "Kinderbijslag: child benefit paid without an application";
const SEARCH: &str = "Kinderbijslag";
const SUBMITTER: (&str, &str, &str) = (
    "Sanne de Vries",
    "sanne@svb.example",
    "a long passphrase for Sanne",
);
const SECOND_JUROR: (&str, &str, &str) = (
    "Ravi Menon",
    "ravi@jury.example",
    "a long passphrase for Ravi",
);
/// The demo juror's name; appointed chair.
const CHAIR: &str = "Demo Juror";
const CRITERIA: [&str; 4] = [
    "Achieved outcomes",
    "Innovativeness",
    "Robustness",
    "Replicability",
];

#[tokio::test]
async fn a_practice_goes_from_registration_to_its_published_award_in_chromium() {
    whole_cycle("desktop", Settings::DESKTOP).await;
}

#[tokio::test]
async fn the_whole_cycle_works_without_javascript() {
    whole_cycle("no-javascript", Settings::WITHOUT_JAVASCRIPT).await;
}

#[tokio::test]
async fn the_whole_cycle_works_at_a_phone_s_width() {
    whole_cycle("phone", Settings::PHONE).await;
}

/// The browser of a story and what each step checks besides its own work.
struct Story {
    browser: Chromium,
    settings: Settings,
}

impl Story {
    async fn step(&self, name: &str, work: impl std::future::Future<Output = ()>) {
        self.browser
            .step(name, async {
                work.await;
                if self.settings.phone {
                    self.fits_the_screen().await;
                }
            })
            .await
    }

    /// On a phone nothing may need scrolling sideways (or zooming out, which a phone does
    /// instead: then the page's width exceeds the screen's).
    async fn fits_the_screen(&self) {
        let report = self
            .browser
            .script(&format!(
                "const wider = [...document.querySelectorAll('body *')]
                   .filter(e => e.getBoundingClientRect().right > {})
                   .map(e => e.outerHTML.slice(0, 80));
                 return [document.documentElement.scrollWidth, wider.slice(-3)];",
                self.settings.width
            ))
            .await;
        assert!(
            report[0].as_u64() <= Some(self.settings.width.into()),
            "{} is {} pixels wide, wider than the phone's {}; the innermost parts that stick out: {}",
            self.browser.path().await,
            report[0],
            self.settings.width,
            report[1]
        );
    }

    async fn register(&self, (name, email, password): (&str, &str, &str)) {
        let browser = &self.browser;
        browser.open(paths::HOME).await;
        browser.follow("Register").await;
        browser.fill("Your name", name).await;
        browser.fill("E-mail address", email).await;
        browser.fill("Password", password).await;
        browser.fill("Password again", password).await;
        browser.press("Create the account").await;
        assert_eq!(browser.heading().await, "Your account");
    }

    /// The secretariat's page of the competition, reached through the menus.
    async fn competition_settings(&self) {
        let browser = &self.browser;
        browser.menu().await.follow("Secretariat").await;
        browser.content().await.follow("Competitions").await;
        browser.follow(COMPETITION).await;
        assert_eq!(browser.heading().await, COMPETITION);
    }

    /// Moves the competition on, closing the current phase early with a reason when asked.
    async fn move_on(&self, to: &str, early: bool) {
        let browser = &self.browser;
        if early {
            browser
                .tick("Close the current phase before its date")
                .await;
            browser
                .fill("Reason", "The test cannot wait for the date.")
                .await;
        }
        browser.press(&format!("Move on to: {to}")).await;
        browser
            .expect_flash(&format!("The competition is now: {to}."))
            .await;
    }

    async fn fill_in_the_entry(&self) {
        let browser = &self.browser;
        browser.choose("Competition", COMPETITION).await;
        browser.fill("Title", TITLE).await;
        browser
            .fill(
                "Summary",
                "Parents receive child benefit from the month after a birth without applying: \
                 the population register tells the bank.",
            )
            .await;
        for (label, text) in [
            ("The challenge", "One family in ten applied late and lost months of benefit."),
            (
                "The solution and its implementation",
                "Births in the register start the payment; parents only confirm their bank account.",
            ),
            ("Results achieved", "Late applications fell from 10% to none; costs fell by 30%."),
            ("Innovation", "The benefit comes to the family instead of the other way round."),
            ("Sustainability", "Part of the regular benefit process since 2022."),
            ("Replicability", "Any institution with access to a population register can do it."),
        ] {
            browser.fill(label, text).await;
        }
        browser.choose("Language of the entry", "English").await;
        browser
            .within("Topics (one or more)")
            .await
            .tick("Family benefits")
            .await;
        browser.fill("Year of implementation", "2022").await;
        browser
            .choose("Main impact area", "Public-sector social service delivery")
            .await;
        browser.choose("Approach", "Transformative").await;
        browser
            .choose(
                "Type of ICT-enabled innovation",
                "Organisational / sustaining",
            )
            .await;
        browser
            .within("Social-innovation elements")
            .await
            .tick("Need- or goal-driven outcome")
            .await;
        browser
            .choose(
                "Governance level of service integration",
                "Inter-governmental",
            )
            .await;
        browser
            .within("Types of service integration")
            .await
            .tick("Administrative")
            .await;
        browser.fill("Name", "Joke Bakker").await;
        browser.fill("Position", "Director of Benefits").await;
        browser
            .tick("Senior management of the institution endorses this entry")
            .await;
    }

    async fn score(&self, juror: (&str, &str), scores: [&str; 4]) {
        let browser = &self.browser;
        browser.sign_in(juror).await;
        browser.menu().await.follow("Jury").await;
        browser.follow(TITLE).await;
        for (criterion, score) in CRITERIA.iter().zip(scores) {
            let part = browser.within(&format!("{criterion} (weight")).await;
            part.choose("Score", score).await;
            part.fill("Comment", &format!("{criterion}: convincing."))
                .await;
        }
        browser
            .fill("Overall comment", "A clear case of a proactive service.")
            .await;
        browser.press("Submit the review").await;
        browser.expect_flash("Your review is submitted.").await;
    }
}

async fn whole_cycle(name: &str, settings: Settings) {
    let Some(tools) = tools() else { return };
    let app = TestApp::spawn().await;
    let document = tempfile::tempdir().expect("temp dir");
    let pdf = document.path().join("implementation-plan.pdf");
    std::fs::write(&pdf, PDF).expect("write the PDF");
    let story = Story {
        browser: Chromium::start(&tools, &app.base, name, settings).await,
        settings,
    };
    let browser = &story.browser;
    let (submitter, submitter_email, submitter_password) = SUBMITTER;
    let (second_juror, second_juror_email, second_juror_password) = SECOND_JUROR;

    story
        .step(
            "a submitter registers and asks to join her institution",
            async {
                story.register(SUBMITTER).await;
                browser.choose("Institution", INSTITUTION).await;
                browser.press("Ask to join").await;
                browser
                    .within(INSTITUTION)
                    .await
                    .expect_text("Awaiting approval")
                    .await;
                browser.sign_out().await;
            },
        )
        .await;
    story
        .step("a second juror registers", async {
            story.register(SECOND_JUROR).await;
            browser.sign_out().await;
        })
        .await;
    story
        .step(
            "the secretariat approves the membership and the juror's role",
            async {
                browser.sign_in(SECRETARIAT).await;
                browser.menu().await.follow("Secretariat").await;
                browser.follow("Membership requests").await;
                browser
                    .within(&format!("{submitter} for {INSTITUTION}"))
                    .await
                    .press("Approve")
                    .await;
                browser.expect_flash("approved").await;
                browser.menu().await.follow("Secretariat").await;
                browser.follow("Accounts and roles").await;
                let row = browser.within(second_juror_email).await;
                row.choose(&format!("Role of {second_juror}"), "Juror")
                    .await;
                row.press(&format!("Save the role of {second_juror}")).await;
                browser.expect_flash("The role has been changed.").await;
                browser.sign_out().await;
            },
        )
        .await;
    story
        .step("the submitter saves a draft", async {
            browser.sign_in((submitter_email, submitter_password)).await;
            browser.menu().await.follow("Our entries").await;
            browser.follow("Start a new entry").await;
            story.fill_in_the_entry().await;
            let counters = browser.content().await.count(".word-counter").await;
            if settings.javascript {
                assert!(counters > 0, "the word counters should enhance the form");
            } else {
                assert_eq!(counters, 0, "JavaScript ran although it is turned off");
            }
            browser.press("Save the draft").await;
            browser.expect_flash("Your draft has been saved.").await;
            assert_eq!(browser.heading().await, TITLE);
        })
        .await;
    story
        .step("she attaches a PDF", async {
            browser.attach("Attach a document", &pdf).await;
            browser.press("Save the draft").await;
            browser.expect_flash("Your draft has been saved.").await;
            browser.expect_text("implementation-plan.pdf").await;
        })
        .await;
    story
        .step("she submits the entry", async {
            browser.press("Submit the entry").await;
            browser.expect_flash("Your entry has been submitted.").await;
            browser.menu().await.follow("Our entries").await;
            browser.within(TITLE).await.expect_text("Submitted").await;
            browser.sign_out().await;
        })
        .await;
    story
        .step("the secretariat closes submissions early", async {
            browser.sign_in(SECRETARIAT).await;
            story.competition_settings().await;
            story.move_on("Screening", true).await;
        })
        .await;
    story
        .step("she finds the entry eligible", async {
            browser.menu().await.follow("Secretariat").await;
            browser.follow("Entries to screen").await;
            browser.follow(TITLE).await;
            for check in [
                "The institution is an ISSA member in good standing",
                "The endorser holds a senior management position",
                "The text is written in the declared language",
            ] {
                browser.tick(check).await;
            }
            browser.press("Eligible").await;
            browser.expect_flash("The outcome has been recorded").await;
        })
        .await;
    story
        .step(
            "she appoints two jurors, one the chair, with their languages, and assigns the entry",
            async {
                story.competition_settings().await;
                browser.follow("The jury and its assignments").await;
                browser.choose("Account with the juror role", CHAIR).await;
                browser.tick("Chair of the jury").await;
                browser.press("Appoint").await;
                browser
                    .choose("Account with the juror role", second_juror)
                    .await;
                // A new juror has said nothing of their languages: the secretariat records them.
                browser.tick("English").await;
                browser.press("Appoint").await;
                browser.press("Assign automatically").await;
                let card = browser.within(TITLE).await;
                card.expect_text(CHAIR).await;
                card.expect_text(second_juror).await;
            },
        )
        .await;
    story
        .step("she opens the jury review", async {
            browser.follow(COMPETITION).await;
            story.move_on("Jury review", false).await;
            browser.sign_out().await;
        })
        .await;
    story
        .step("the chair scores the entry", async {
            story.score(JUROR, ["9", "8", "8", "9"]).await;
            browser.sign_out().await;
        })
        .await;
    story
        .step(
            "the second juror scores it and sees the chair's scores",
            async {
                story
                    .score(
                        (second_juror_email, second_juror_password),
                        ["8", "7", "9", "8"],
                    )
                    .await;
                browser
                    .within(CHAIR)
                    .await
                    .expect_text("Achieved outcomes: 9")
                    .await;
                browser.sign_out().await;
            },
        )
        .await;
    story
        .step("the secretariat closes the review early", async {
            browser.sign_in(SECRETARIAT).await;
            story.competition_settings().await;
            story.move_on("Deliberation", true).await;
            browser.sign_out().await;
        })
        .await;
    story
        .step("the chair records the award", async {
            browser.sign_in(JUROR).await;
            browser.menu().await.follow("Jury").await;
            browser.follow("The ranking").await;
            let decision = browser.within(&format!("the decision on {TITLE}")).await;
            decision.choose("Award", "Good Practice Award").await;
            decision
                .fill("Deliberation note", "Unanimous: the clearest outcomes.")
                .await;
            decision
                .press(&format!("Record the decision on {TITLE}"))
                .await;
            browser
                .expect_flash("The decision has been recorded.")
                .await;
            browser.sign_out().await;
        })
        .await;
    story
        .step("the secretariat publishes the results", async {
            browser.sign_in(SECRETARIAT).await;
            story.competition_settings().await;
            browser.press("Publish the results").await;
            browser.expect_flash("The results are published").await;
            // The public results list the entry under its level.
            browser
                .expect_text(&format!("Good Practice Award (1)\n{TITLE} — {INSTITUTION}"))
                .await;
            browser.sign_out().await;
        })
        .await;
    story
        .step(
            "a visitor finds the practice by searching and sees its award",
            async {
                browser.open(paths::HOME).await;
                browser.fill("Search the practices", SEARCH).await;
                browser.press("Search").await;
                browser.follow(TITLE).await;
                assert_eq!(browser.heading().await, TITLE);
                browser.expect_text("Good Practice Award").await;
                browser.expect_text(INSTITUTION).await;
            },
        )
        .await;
}
