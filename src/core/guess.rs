//! Guess first (the `guess=on` option): before the widget shows what happened, the reader
//! guesses what share of the promised goods China bought, by extending the cumulative
//! line on the chart or with a slider; then the real figure is shown beside the guess.
//!
//! The question and the answer come from the data: the promise is the two years' targets
//! for the goods the chart counts (on the US-export basis, the basis of the final
//! counts), and the answer is the final count of goods (`share-goods-only`, PIIE's count,
//! the figure the headline gives), so the three agree. The reader's guess lives only in
//! [`Quiz`]: it is never written to an address, a link or storage.

use super::data::{Basis, Category, Dataset};
use super::decimal::within;
use super::month::{Month, YEARS};

/// The final count the answer gives: the share of the promised goods bought over
/// 2020–21, services left out (the headline's figure).
pub const ANSWER_OUTCOME: &str = "share-goods-only";

/// The basis the question is asked on: the final counts are of US exports.
pub const BASIS: Basis = Basis::Us;

/// The guess's range, as a share of the promise: a reader may guess more than was
/// promised.
pub const MIN_SHARE: f64 = 0.0;
pub const MAX_SHARE: f64 = 1.5;

/// The question and its answer, from the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The two years' targets for the goods counted, US$ bn.
    pub promised: f64,
    /// The share bought, 0–1 (from the final count, a percentage in the data).
    pub answer: f64,
    /// The answer's percentage as the data give it (60, or 62.9), for the sentence.
    pub answer_pct: f64,
}

/// The question, if the data have both the targets and the final count.
pub fn question(ds: &Dataset) -> Option<Question> {
    let promised = YEARS
        .iter()
        .map(|y| ds.target(BASIS, *y, Category::Total).map(|t| t.value))
        .sum::<Option<f64>>()?;
    let answer_pct = ds.outcome(ANSWER_OUTCOME)?.figure.value;
    (promised > 0.0 && answer_pct.is_finite() && answer_pct >= 0.0).then_some(Question {
        promised,
        answer: answer_pct / 100.0,
        answer_pct,
    })
}

/// The reader's side of guess first.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Quiz {
    /// Guess first is off: the widget shows everything.
    #[default]
    Off,
    /// The outcome is hidden until the reader guesses (`share`, once set) and asks to
    /// see it, or skips.
    Asking { share: Option<f64> },
    /// Shown: with the reader's guess, or after a skip.
    Shown { guessed: Option<f64> },
}

impl Quiz {
    /// The outcome is hidden.
    pub fn hides_outcome(self) -> bool {
        matches!(self, Quiz::Asking { .. })
    }

    /// The reader's guess, while asking or once shown.
    pub fn share(self) -> Option<f64> {
        match self {
            Quiz::Off => None,
            Quiz::Asking { share } => share,
            Quiz::Shown { guessed } => guessed,
        }
    }

    /// Sets the guess (held to the range; anything not a number is ignored).
    pub fn set(self, share: f64) -> Quiz {
        match self {
            Quiz::Asking { .. } if share.is_finite() => Quiz::Asking {
                share: Some(within(share, MIN_SHARE, MAX_SHARE)),
            },
            other => other,
        }
    }

    /// "Show me" (with the guess, if any) or "Skip" (`keep` false: no guess shown).
    pub fn reveal(self, keep: bool) -> Quiz {
        match self {
            Quiz::Asking { share } => Quiz::Shown {
                guessed: share.filter(|_| keep),
            },
            other => other,
        }
    }
}

/// Where the reader's guessed line runs: from the actual total at the cut-off (`from`,
/// with `at` its cumulative value since January 2020) to `share` of the promise at the
/// end of 2021, at an even pace. Points are (month, cumulative US$ bn since Jan 2020).
pub fn guessed_path(from: Month, at: f64, share: f64, promised: f64) -> Vec<(Month, f64)> {
    let end = Month::december(YEARS[YEARS.len() - 1]);
    let months = from.until(end);
    if months <= 0 {
        return vec![(from, at)];
    }
    let step = (share * promised - at) / f64::from(months);
    let mut m = from;
    let mut path = Vec::with_capacity(months as usize + 1);
    for i in 0..=months {
        path.push((m, at + step * f64::from(i)));
        m = m.next();
    }
    path
}

/// The share a point dragged to `value` (cumulative US$ bn at the end of 2021) stands for.
pub fn share_at(value: f64, promised: f64) -> f64 {
    if promised > 0.0 && value.is_finite() {
        within(value / promised, MIN_SHARE, MAX_SHARE)
    } else {
        MIN_SHARE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data;

    fn built_in() -> Dataset {
        data::parse(data::FILE_NAME, data::BUILT_IN).unwrap()
    }

    #[test]
    fn the_question_and_answer_come_from_the_data() {
        let q = question(&built_in()).unwrap();
        // 142.67 + 176.97: the two years' targets for the goods counted (US basis).
        assert!((q.promised - 319.64).abs() < 1e-9, "{}", q.promised);
        assert_eq!(q.answer_pct, 60.0);
        assert!((q.answer - 0.6).abs() < 1e-12);
    }

    #[test]
    fn no_question_without_the_final_count() {
        let mut ds = built_in();
        ds.outcomes.retain(|o| o.id != ANSWER_OUTCOME);
        assert_eq!(question(&ds), None);
    }

    #[test]
    fn a_guess_is_held_to_its_range_and_shown_only_when_asked() {
        let q = Quiz::Asking { share: None };
        assert!(q.hides_outcome());
        assert_eq!(q.set(0.75).share(), Some(0.75));
        assert_eq!(q.set(9.0).share(), Some(MAX_SHARE));
        assert_eq!(q.set(-1.0).share(), Some(MIN_SHARE));
        assert_eq!(q.set(f64::NAN), q);
        let shown = q.set(0.75).reveal(true);
        assert_eq!(
            shown,
            Quiz::Shown {
                guessed: Some(0.75)
            }
        );
        assert!(!shown.hides_outcome());
        // Skipped: nothing guessed is shown, even if the reader had moved the line.
        assert_eq!(q.set(0.75).reveal(false), Quiz::Shown { guessed: None });
        // Off stays off.
        assert_eq!(Quiz::Off.set(0.5), Quiz::Off);
        assert!(!Quiz::Off.hides_outcome());
    }

    #[test]
    fn the_guessed_line_runs_from_the_cut_off_to_the_guess() {
        let from = Month::parse("2020-06").unwrap();
        let path = guessed_path(from, 40.0, 0.5, 300.0);
        assert_eq!(path.first(), Some(&(from, 40.0)));
        let (end, last) = *path.last().unwrap();
        assert_eq!(end.to_string(), "2021-12");
        assert!((last - 150.0).abs() < 1e-9);
        assert_eq!(path.len(), 19);
        assert!((share_at(last, 300.0) - 0.5).abs() < 1e-12);
        assert_eq!(share_at(f64::INFINITY, 300.0), MIN_SHARE);
        assert_eq!(share_at(1e9, 300.0), MAX_SHARE);
    }
}
