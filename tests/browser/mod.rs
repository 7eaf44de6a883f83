//! Tests in a real browser: headless Chromium driven through WebDriver (chromedriver) against
//! the portal served by `TestApp`, axe-core run inside the pages, and the Nu HTML Checker over
//! the HTML they are served with. The README says how to install the tools; without them these
//! tests fail with that advice, unless `PORTAL_SKIP_BROWSER_TESTS=1` is set.

mod cycle;
mod driver;
mod jury;
mod pages;
mod scripts;

use std::path::{Path, PathBuf};

pub use driver::{Chromium, Settings};

/// Where the programs and npm packages the browser tests need were found.
pub struct Tools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    pub java: PathBuf,
    /// `axe.min.js` of the npm package `axe-core`.
    pub axe: PathBuf,
    /// `vnu.jar` of the npm package `vnu-jar`.
    pub vnu: PathBuf,
}

const SKIP: &str = "PORTAL_SKIP_BROWSER_TESTS";

/// The tools, or `None` when the browser tests are explicitly skipped. Panics with what to
/// install when one is missing: a missing browser must not look like a passing test.
pub fn tools() -> Option<Tools> {
    if std::env::var(SKIP).is_ok_and(|value| value == "1") {
        eprintln!("browser test skipped: {SKIP}=1");
        return None;
    }
    let packages = std::env::var_os("PORTAL_BROWSER_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-tools"));
    let found = [
        ("chromium", on_path(&["chromium", "chromium-browser"])),
        ("chromedriver", on_path(&["chromedriver"])),
        ("java", on_path(&["java"])),
        (
            "axe-core",
            existing(packages.join("node_modules/axe-core/axe.min.js")),
        ),
        (
            "vnu-jar",
            existing(packages.join("node_modules/vnu-jar/build/dist/vnu.jar")),
        ),
    ];
    let missing: Vec<&str> = found
        .iter()
        .filter(|(_, path)| path.is_none())
        .map(|(name, _)| *name)
        .collect();
    assert!(
        missing.is_empty(),
        "the browser tests need {} (looked on PATH and in {}). Install them with \
         `bash .ci/browser-tools` (as root: Debian's chromium, chromium-driver and a Java \
         runtime, and the npm packages axe-core and vnu-jar in target/browser-tools), or \
         skip these tests with {SKIP}=1",
        missing.join(", "),
        packages.display(),
    );
    let [chromium, chromedriver, java, axe, vnu] = found.map(|(_, path)| path.unwrap());
    Some(Tools {
        chromium,
        chromedriver,
        java,
        axe,
        vnu,
    })
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

fn existing(path: PathBuf) -> Option<PathBuf> {
    path.is_file().then_some(path)
}

/// `text` as a file name: letters and digits kept, the rest a dash.
fn slug(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}
