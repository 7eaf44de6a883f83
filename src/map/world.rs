//! The countries' outlines: Natural Earth's 1:50m admin-0 countries (public domain) in the
//! Equal Earth projection, simplified and compiled in. `world.tsv` is written by
//! `docs/world-map/generate.py`; one line a country: code, SVG path data, and for a country too
//! small to see at this size the point where a marker stands for it.

use std::sync::LazyLock;

/// The plane the outlines are drawn on.
pub const WIDTH: u32 = 1000;
pub const HEIGHT: u32 = 487;

pub struct Outline {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// SVG path data; empty when every island was too small to keep.
    pub path: &'static str,
    pub marker: Option<(f32, f32)>,
}

pub static OUTLINES: LazyLock<Vec<Outline>> = LazyLock::new(|| {
    include_str!("world.tsv")
        .lines()
        .map(|line| {
            let mut fields = line.split('\t');
            let mut field = || fields.next().expect("three fields a line");
            let (code, path, marker) = (field(), field(), field());
            let marker = marker.split_once(' ').map(|(x, y)| {
                let coordinate = |text: &str| text.parse().expect("a marker's coordinate");
                (coordinate(x), coordinate(y))
            });
            Outline { code, path, marker }
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::languages::countries;

    #[test]
    fn every_outline_is_a_country_drawn_somehow_inside_the_plane() {
        assert!(OUTLINES.len() > 230);
        for outline in OUTLINES.iter() {
            assert!(countries::is_code(outline.code), "{}", outline.code);
            assert!(!outline.path.is_empty() || outline.marker.is_some());
            if let Some((x, y)) = outline.marker {
                assert!((0.0..=WIDTH as f32).contains(&x) && (0.0..=HEIGHT as f32).contains(&y));
            }
        }
        let codes: Vec<_> = OUTLINES.iter().map(|outline| outline.code).collect();
        for code in ["CA", "IR", "BR", "FR", "BB", "SG", "XK"] {
            assert!(codes.contains(&code), "{code}");
        }
    }
}
