//! What the page's scripts write speaks the page's language: its words and its digits.

use super::{tools, Chromium, Settings};
use crate::common::TestApp;
use portal::demo::workflow::SUBMITTER;
use portal::languages::Lang;

#[tokio::test]
async fn the_word_counter_counts_in_the_page_s_language() {
    let Some(tools) = tools() else { return };
    let app = TestApp::spawn().await;
    let browser = Chromium::start(&tools, &app.base, "word-counter", Settings::DESKTOP).await;
    browser.sign_in(SUBMITTER).await;
    for lang in Lang::ALL {
        browser
            .step(&format!("word counter in {}", lang.tag()), async {
                browser
                    .open(&format!("/submissions/new?lang={}", lang.tag()))
                    .await;
                let shown = browser
                    .script(
                        "const summary = document.getElementById('summary');
                         summary.value = 'one two three';
                         summary.dispatchEvent(new Event('input'));
                         return summary.parentNode.querySelector('.word-counter').textContent;",
                    )
                    .await;
                let expected = lang.t2(
                    "entry-word-counter",
                    "count",
                    lang.digits(3),
                    "limit",
                    lang.digits(180),
                );
                assert_eq!(shown.as_str(), Some(expected.as_str()), "{lang:?}");
                if lang == Lang::Fa {
                    assert!(
                        !expected.chars().any(|c| c.is_ascii_digit()),
                        "{expected:?} has Latin digits"
                    );
                    assert!(expected.contains("واژه"), "{expected:?}");
                }
            })
            .await;
    }
}
