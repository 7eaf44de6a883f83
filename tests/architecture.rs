//! The shape of the code: imports between modules point one way. A module may use its own
//! submodules and they it (one feature's folder), but no two other modules import each other,
//! directly or round a circle, so that the shared ground never depends on the features above.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(folder: &Path, found: &mut Vec<PathBuf>) {
    for item in std::fs::read_dir(folder).unwrap() {
        let path = item.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// `src/jury/scoring.rs` → `jury::scoring`; `src/jury/mod.rs` → `jury`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|last| last == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file without its `#[cfg(test)]` module: tests may reach anywhere.
fn without_tests(code: &str) -> &str {
    code.find("#[cfg(test)]\nmod tests")
        .map_or(code, |at| &code[..at])
}

/// The modules a file names as `crate::a::b` or `super::b`, as the longest known module path.
fn imports(module: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let parent = module.rsplit_once("::").map_or("", |(parent, _)| parent);
    let mut found = BTreeSet::new();
    for (marker, base) in [("crate::", ""), ("super::", parent)] {
        for (at, _) in code.match_indices(marker) {
            if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            let path: String = code[at + marker.len()..]
                .chars()
                .take_while(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':'
                })
                .collect();
            let mut parts: Vec<&str> = base.split("::").filter(|p| !p.is_empty()).collect();
            parts.extend(path.split("::").filter(|p| !p.is_empty()));
            if let Some(known) = (1..=parts.len())
                .rev()
                .map(|n| parts[..n].join("::"))
                .find(|candidate| modules.contains(candidate))
            {
                found.insert(known);
            }
        }
    }
    found.remove(module);
    found
}

/// Whether one module lies in the other's folder (or is the other).
fn related(a: &str, b: &str) -> bool {
    let inside = |inner: &str, outer: &str| inner.starts_with(&format!("{outer}::"));
    a == b || inside(a, b) || inside(b, a)
}

#[test]
fn no_two_modules_import_each_other_directly_or_round_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let code: BTreeMap<String, String> = files
        .iter()
        .map(|file| {
            (
                module_of(&src, file),
                std::fs::read_to_string(file).unwrap(),
            )
        })
        .collect();
    let modules: BTreeSet<String> = code.keys().cloned().collect();
    let edges: BTreeMap<&str, BTreeSet<String>> = code
        .iter()
        .map(|(module, text)| {
            let targets = imports(module, without_tests(text), &modules)
                .into_iter()
                .filter(|target| !related(module, target))
                .collect();
            (module.as_str(), targets)
        })
        .collect();
    assert!(
        edges["jury::scoring"].contains("submissions"),
        "the reader finds imports"
    );
    // A circle is a module that reaches itself.
    let mut circles = Vec::new();
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<String> = edges[start].iter().cloned().collect();
        while let Some(next) = stack.pop() {
            if next == *start {
                circles.push(start.to_string());
                break;
            }
            if seen.insert(next.clone()) {
                stack.extend(edges.get(next.as_str()).into_iter().flatten().cloned());
            }
        }
    }
    assert!(
        circles.is_empty(),
        "modules on an import circle: {circles:?}"
    );
}
