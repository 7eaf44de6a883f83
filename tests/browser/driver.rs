//! Headless Chromium through chromedriver, used as a person uses a browser: fields are found
//! by the text of their labels, buttons and links by their text. Every action waits for the
//! page it leads to (chromedriver does after a click), so no test sleeps.

use std::future::Future;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::task::{Context, Poll};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::{slug, Tools};
use portal::paths;

/// How the browser is set up for a test.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub javascript: bool,
    pub width: u32,
    pub height: u32,
    /// A phone's screen and touch (Chromium's mobile emulation) instead of a desktop window.
    pub phone: bool,
}

impl Settings {
    pub const DESKTOP: Settings = Settings {
        javascript: true,
        width: 1280,
        height: 900,
        phone: false,
    };
    pub const WITHOUT_JAVASCRIPT: Settings = Settings {
        javascript: false,
        ..Settings::DESKTOP
    };
    pub const PHONE: Settings = Settings {
        javascript: true,
        width: 390,
        height: 844,
        phone: true,
    };
}

/// A chromedriver process of one test, on a port of its own.
struct Driver {
    process: Child,
    port: u16,
}

impl Driver {
    async fn start(chromedriver: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let mut command = Command::new(chromedriver);
        if let Some(log) = std::env::var_os("PORTAL_CHROMEDRIVER_LOG") {
            command
                .arg("--verbose")
                .arg(format!("--log-path={}", log.to_string_lossy()));
        }
        let process = command
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", chromedriver.display()));
        let driver = Driver { process, port };
        let status = format!("{}/status", driver.url());
        let client = reqwest::Client::new();
        // Bounded: chromedriver answers within a fraction of a second when it starts at all.
        for _ in 0..200 {
            if let Ok(response) = client.get(&status).send().await {
                if response.status().is_success() {
                    return driver;
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("chromedriver did not answer on port {port}");
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Ends a session with a plain blocking request, so that it also works while unwinding
    /// from a failed test: chromedriver then closes its Chromium.
    fn delete_session(&self, session: &str) {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) {
            let request = format!(
                "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n",
                self.port
            );
            // One read waits for the answer, which comes once Chromium has closed.
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(60)));
            if stream.write_all(request.as_bytes()).is_ok() {
                let _ = stream.read(&mut [0; 1024]);
            }
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// One headless Chromium with a fresh profile, pointed at a portal.
pub struct Chromium {
    page: Scope,
    base: String,
    test: String,
    session: String,
    steps: std::sync::atomic::AtomicUsize,
    driver: Driver,
    _profile: tempfile::TempDir,
}

impl std::ops::Deref for Chromium {
    type Target = Scope;

    /// The whole page, for finding fields, buttons and links anywhere on it.
    fn deref(&self) -> &Scope {
        &self.page
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        self.driver.delete_session(&self.session);
    }
}

impl Chromium {
    /// Starts Chromium for the test `test` (names its screenshots) on the portal at `base`.
    pub async fn start(tools: &Tools, base: &str, test: &str, settings: Settings) -> Chromium {
        let driver = Driver::start(&tools.chromedriver).await;
        let profile = tempfile::tempdir().expect("profile folder");
        // As root, without a sandbox; without the background services Chromium would keep
        // trying to reach the network, which is closed here.
        let args = [
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--lang=en-GB".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
            format!("--window-size={},{}", settings.width, settings.height),
        ];
        let javascript = if settings.javascript { 1 } else { 2 };
        let mut options = json!({
            "binary": tools.chromium,
            "args": args,
            "prefs": { "profile.managed_default_content_settings.javascript": javascript },
        });
        if settings.phone {
            // A window cannot be made this narrow; the emulated screen can.
            options["mobileEmulation"] = json!({
                "deviceMetrics": {
                    "width": settings.width,
                    "height": settings.height,
                    "pixelRatio": 3.0,
                    "touch": true,
                },
            });
        }
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": options,
            "timeouts": { "pageLoad": 60_000, "script": 60_000, "implicit": 0 },
        });
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(
                capabilities
                    .as_object()
                    .expect("capabilities are an object")
                    .clone(),
            )
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| panic!("start Chromium through chromedriver: {e}"));
        let session = client
            .session_id()
            .await
            .expect("session id")
            .expect("a session");
        Chromium {
            page: Scope { client, root: None },
            base: base.to_owned(),
            test: test.to_owned(),
            session,
            steps: Default::default(),
            driver,
            _profile: profile,
        }
    }

    /// Opens a page of the portal by its path, as if typed in the address bar.
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    /// The path and query of the page shown.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Runs one step of a story. When it fails, a screenshot of the page as it was is saved
    /// to `target/browser-screenshots/` before the failure goes on.
    pub async fn step<T>(&self, name: &str, work: impl Future<Output = T>) -> T {
        let number = 1 + self
            .steps
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match CatchUnwind(Box::pin(work)).await {
            Ok(value) => value,
            Err(panic) => {
                let file = self.save_screenshot(&format!("{number:02}-{name}")).await;
                let at = self.path().await;
                eprintln!(
                    "step {number} \u{201c}{name}\u{201d} failed on {at}; screenshot: {file}"
                );
                std::panic::resume_unwind(panic)
            }
        }
    }

    async fn save_screenshot(&self, name: &str) -> String {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-screenshots");
        let file: PathBuf = folder.join(format!("{}.png", slug(&format!("{}-{name}", self.test))));
        match self.client.screenshot().await {
            Ok(png) => {
                match std::fs::create_dir_all(&folder).and_then(|_| std::fs::write(&file, png)) {
                    Ok(()) => file.display().to_string(),
                    Err(e) => format!("not saved ({e})"),
                }
            }
            Err(e) => format!("not taken ({e})"),
        }
    }

    /// Runs a script in the page and returns its JSON result.
    pub async fn script(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Forgets every cookie: the next page is seen as by someone new.
    pub async fn forget_cookies(&self) {
        self.client
            .delete_all_cookies()
            .await
            .expect("delete the cookies");
    }

    /// Presses the button `css` selects, for pages whose words the test does not know.
    pub async fn submit_with(&self, css: &str) {
        let button = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no button {css}: {e}"));
        self.navigate_by_clicking(button, &format!("press {css}"))
            .await;
    }

    /// What axe-core (its `axe.min.js` as `axe_source`) finds against the WCAG 2.2 A and AA
    /// rules on the page shown, one line each.
    pub async fn axe_violations(&self, axe_source: &str) -> Vec<String> {
        self.script(&format!("{axe_source}\nreturn true;")).await;
        let found = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                 axe.run(document, {
                   runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                   resultTypes: ['violations'],
                 }).then(
                   results => done(results.violations.map(violation =>
                     `${violation.id} (${violation.impact}): ${violation.help}` +
                     violation.nodes.map(node =>
                       `\n    at ${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`).join(''))),
                   error => done([`axe-core failed: ${error}`]));"#,
                Vec::new(),
            )
            .await
            .unwrap_or_else(|e| panic!("run axe-core: {e}"));
        serde_json::from_value(found).expect("a list of violations")
    }

    /// The page's main content, without the menus.
    pub async fn content(&self) -> Scope {
        self.part("main").await
    }

    /// The site's main menu.
    pub async fn menu(&self) -> Scope {
        self.part("header nav").await
    }

    async fn part(&self, css: &str) -> Scope {
        let root = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css} on the page: {e}"));
        Scope {
            client: self.client.clone(),
            root: Some(root),
        }
    }

    /// Fails unless the message shown after the last action holds `expected`.
    pub async fn expect_flash(&self, expected: &str) {
        let shown = match self.client.find(Locator::Css(".flash")).await {
            Ok(flash) => flash.text().await.expect("message text"),
            Err(_) => String::new(),
        };
        assert!(
            shown.contains(expected),
            "expected the message \u{201c}{expected}\u{201d}; shown: \u{201c}{shown}\u{201d} on {}",
            self.path().await
        );
    }

    /// Signs in through the sign-in page.
    pub async fn sign_in(&self, (email, password): (&str, &str)) {
        self.open(paths::SIGN_IN).await;
        self.fill("E-mail address", email).await;
        self.fill("Password", password).await;
        self.press("Sign in").await;
        self.expect_flash("Signed in as").await;
    }

    pub async fn sign_out(&self) {
        self.press("Sign out").await;
        self.expect_flash("You are signed out.").await;
    }
}

/// A part of the page: the whole of it, or one element found by the text it holds.
pub struct Scope {
    client: Client,
    root: Option<Element>,
}

impl Scope {
    async fn all(&self, xpath: &str) -> Vec<Element> {
        let found = match &self.root {
            Some(root) => root.find_all(Locator::XPath(xpath)).await,
            None => self.client.find_all(Locator::XPath(xpath)).await,
        };
        found.unwrap_or_else(|e| panic!("find {xpath}: {e}"))
    }

    /// The one element whose visible text is exactly `text`, or failing that the one that
    /// starts with it.
    async fn one_by_text(&self, what: &str, elements: &str, text: &str) -> Element {
        let literal = xpath_literal(text);
        for test in [
            "normalize-space(.)={t}",
            "starts-with(normalize-space(.), {t})",
        ] {
            let xpath = format!(".//{elements}[{}]", test.replace("{t}", &literal));
            let mut found = self.all(&xpath).await;
            match found.len() {
                0 => continue,
                1 => return found.remove(0),
                n => panic!(
                    "{n} {what}s read \u{201c}{text}\u{201d}; look within a part of the page"
                ),
            }
        }
        let mut shown = Vec::new();
        for element in self.all(&format!(".//{elements}")).await {
            shown.push(element.text().await.unwrap_or_default());
        }
        panic!("no {what} reads \u{201c}{text}\u{201d}; the {what}s here: {shown:?}")
    }

    /// The form control labelled `label`: the label's `for` names its id.
    pub async fn field(&self, label: &str) -> Element {
        let label_element = self.one_by_text("label", "label", label).await;
        let id = label_element
            .attr("for")
            .await
            .expect("label attribute")
            .unwrap_or_else(|| panic!("the label \u{201c}{label}\u{201d} names no field"));
        self.client
            .find(Locator::Id(&id))
            .await
            .unwrap_or_else(|e| panic!("the label \u{201c}{label}\u{201d} names #{id}: {e}"))
    }

    /// Types `text` into the field labelled `label`, replacing what it held.
    pub async fn fill(&self, label: &str, text: &str) {
        let field = self.field(label).await;
        field.clear().await.expect("clear the field");
        field.send_keys(text).await.expect("type into the field");
    }

    /// Chooses the option `option` of the list labelled `label`.
    pub async fn choose(&self, label: &str, option: &str) {
        let list = self.field(label).await;
        let choice = Scope {
            client: self.client.clone(),
            root: Some(list),
        }
        .one_by_text("option", "option", option)
        .await;
        choice.click().await.expect("choose the option");
    }

    /// Ticks the checkbox labelled `label` (by clicking its label, as a person would).
    pub async fn tick(&self, label: &str) {
        let checkbox = self.field(label).await;
        if !checkbox.is_selected().await.expect("checkbox state") {
            self.one_by_text("label", "label", label)
                .await
                .click()
                .await
                .expect("tick the checkbox");
        }
    }

    /// Chooses the file at `path` in the file field labelled `label`.
    pub async fn attach(&self, label: &str, path: &Path) {
        self.field(label)
            .await
            .send_keys(&path.display().to_string())
            .await
            .expect("choose the file");
    }

    /// Presses the button whose text (as a screen reader reads it) is `text`.
    pub async fn press(&self, text: &str) {
        let button = self.one_by_text("button", "button", text).await;
        self.navigate_by_clicking(button, &format!("press \u{201c}{text}\u{201d}"))
            .await;
    }

    /// Follows the link whose text is `text`.
    pub async fn follow(&self, text: &str) {
        let link = self.one_by_text("link", "a", text).await;
        self.navigate_by_clicking(link, &format!("follow \u{201c}{text}\u{201d}"))
            .await;
    }

    /// Clicks what leads to another page and waits until the browser has left this one:
    /// chromedriver answers a click before the form's answer arrives.
    async fn navigate_by_clicking(&self, element: Element, action: &str) {
        let old_page = self
            .client
            .find(Locator::Css("html"))
            .await
            .expect("the page's root element");
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("{action}: {e}"));
        // Bounded: a page of this portal answers in well under a second.
        for _ in 0..600 {
            if old_page.tag_name().await.is_err() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("{action}: the browser stayed on the same page");
    }

    /// The innermost part of the page — a table row, list item, section, fieldset or form —
    /// that holds `text`, e.g. a card by its heading or a criterion by its legend.
    pub async fn within(&self, text: &str) -> Scope {
        let part = "*[self::tr or self::li or self::section or self::fieldset or self::form]";
        let literal = xpath_literal(text);
        let xpath = format!(
            ".//{part}[contains(normalize-space(.), {literal})][not(.//{part}[contains(normalize-space(.), {literal})])]"
        );
        let mut found = self.all(&xpath).await;
        match found.len() {
            1 => Scope {
                client: self.client.clone(),
                root: Some(found.remove(0)),
            },
            n => panic!("{n} parts of the page hold \u{201c}{text}\u{201d}"),
        }
    }

    /// The visible text of this part (or of the page's main content).
    pub async fn text(&self) -> String {
        let element = match &self.root {
            Some(root) => root.clone(),
            None => self
                .client
                .find(Locator::Css("main"))
                .await
                .expect("a main element"),
        };
        element.text().await.expect("text")
    }

    /// How many elements `css` selects in this part.
    pub async fn count(&self, css: &str) -> usize {
        let found = match &self.root {
            Some(root) => root.find_all(Locator::Css(css)).await,
            None => self.client.find_all(Locator::Css(css)).await,
        };
        found.unwrap_or_else(|e| panic!("find {css}: {e}")).len()
    }

    /// The page's main heading.
    pub async fn heading(&self) -> String {
        self.client
            .find(Locator::Css("h1"))
            .await
            .expect("a main heading")
            .text()
            .await
            .expect("heading text")
    }

    /// Fails unless this part shows `expected`.
    pub async fn expect_text(&self, expected: &str) {
        let shown = self.text().await;
        assert!(
            shown.contains(expected),
            "expected \u{201c}{expected}\u{201d} on the page; it shows:\n{shown}"
        );
    }
}

/// `text` as an XPath 1.0 string literal, which has no escapes.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|part| format!("'{part}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// A future that turns a panic inside it into a value, so that a failed step can still take
/// its screenshot.
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = std::thread::Result<F::Output>;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match std::panic::catch_unwind(AssertUnwindSafe(|| inner.poll(context))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(value)) => Poll::Ready(Ok(value)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}
