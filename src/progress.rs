//! Progress of long work started from the command line (`seed-demo`, `reindex`, `backup`,
//! `migrate`): a bar on a terminal, a plain line at each tenth when standard error is a file
//! or a pipe, and nothing for the same work done by a serving portal. The commands end with
//! a summary line of their own: what, how many, how long.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    what: &'static str,
    shown: Shown,
    total: AtomicU64,
    done: AtomicU64,
}

enum Shown {
    Hidden,
    Bar(ProgressBar),
    Lines,
}

impl Progress {
    /// Work nobody watches: a serving portal's.
    pub fn hidden() -> Progress {
        Progress::new("", Shown::Hidden)
    }

    /// Work shown on standard error as `what`.
    pub fn shown(what: &'static str) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress::new(what, Shown::Lines);
        }
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:40}] {human_pos}/{human_len} {eta} left")
                .expect("a valid template")
                .progress_chars("=> "),
        );
        bar.set_message(what);
        Progress::new(what, Shown::Bar(bar))
    }

    fn new(what: &'static str, shown: Shown) -> Progress {
        Progress {
            what,
            shown,
            total: AtomicU64::new(0),
            done: AtomicU64::new(0),
        }
    }

    /// How many steps the work has (more may be added as it is found).
    pub fn add_to_total(&self, steps: u64) {
        let total = self.total.fetch_add(steps, Ordering::Relaxed) + steps;
        if let Shown::Bar(bar) = &self.shown {
            bar.set_length(total);
        }
    }

    /// `steps` more done.
    pub fn advance(&self, steps: u64) {
        let before = self.done.fetch_add(steps, Ordering::Relaxed);
        let done = before + steps;
        match &self.shown {
            Shown::Hidden => {}
            Shown::Bar(bar) => bar.set_position(done),
            Shown::Lines => {
                let total = self.total.load(Ordering::Relaxed).max(1);
                // A line each time a tenth is passed.
                if before * 10 / total != done * 10 / total || done == total {
                    eprintln!("{}: {done} of {total} ({}%)", self.what, done * 100 / total);
                }
            }
        }
    }

    /// The bar is taken away; the command prints its summary.
    pub fn finish(&self) {
        if let Shown::Bar(bar) = &self.shown {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_is_done_against_a_total_that_may_grow() {
        let progress = Progress::hidden();
        progress.add_to_total(10);
        progress.advance(4);
        progress.add_to_total(5);
        progress.advance(11);
        assert_eq!(progress.done.load(Ordering::Relaxed), 15);
        assert_eq!(progress.total.load(Ordering::Relaxed), 15);
    }
}
