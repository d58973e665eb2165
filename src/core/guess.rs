//! Guess first (the `guess=on` option): before the widget shows what happened, the reader
//! guesses what share of the promised goods China bought, by extending the cumulative
//! line on the chart or with a slider; then the real figure is shown beside the guess.
//!
//! The question and the answer come from the data: the promise is the two years' targets
//! for the goods the chart counts (on the US-export basis, the basis of the final
//! counts), and the answer is the final count of goods (`share-goods-only`, PIIE's count,
//! the figure the headline gives), so the three agree. The reader's guess lives only in
//! [`Quiz`]: it is never written to an address, a link or storage.

use super::chart::{self, Frame, Scale};
use super::data::{Basis, Category, Dataset, month_value};
use super::decimal::within;
use super::month::{DEAL_END, DEAL_START, Month, YEARS};

/// The final count the answer gives: the share of the promised goods bought over
/// 2020–21, services left out (the headline's figure).
pub const ANSWER_OUTCOME: &str = "share-goods-only";

/// The basis the question is asked on: the final counts are of US exports.
pub const BASIS: Basis = Basis::Us;

/// The guess's range, as a share of the promise: a reader may guess more than was
/// promised.
pub const MIN_SHARE: f64 = 0.0;
pub const MAX_SHARE: f64 = 1.2;

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

/// The goods bought since January 2020, month by month (cumulative US$ bn at the end of
/// each month), through `last` or the first month not reported: a missing month ends the
/// line, it is never filled in.
pub fn bought_since_2020(ds: &Dataset, last: Month) -> Vec<(Month, f64)> {
    let mut path = Vec::new();
    let mut sum = 0.0;
    for m in DEAL_START.through(last.min(DEAL_END)) {
        let Some(v) = month_value(ds, BASIS, m, Category::Total) else {
            break;
        };
        sum += v;
        path.push((m, sum));
    }
    path
}

/// The guess chart: two years on one running total, so the promise is one line.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub frame: Frame,
    pub scale: Scale,
    /// What was bought through the cut-off (always shown), and after it (shown once the
    /// reader has guessed or skipped), as SVG paths.
    pub before: String,
    pub after: String,
    /// The promise: a straight line from zero to its total at the end of 2021.
    pub promise: String,
    /// Where the promise ends (x, y), for its label.
    pub promise_end: (f64, f64),
    /// The reader's line from the cut-off to the end of 2021, and its handle (x, y).
    pub guess: Option<(String, (f64, f64))>,
    /// The final count's point at the end of 2021 (x, y).
    pub answer: (f64, f64),
    /// Where the line the reader extends starts (x, y): the total at the cut-off.
    pub start: (f64, f64),
    /// The last month the line after the cut-off reaches, and where it ends (x, y).
    pub after_last: Option<(Month, (f64, f64))>,
}

impl Layout {
    /// The chart for a drawing `width` wide, with the cut-off `asof` and the reader's
    /// guess, if any.
    pub fn new(ds: &Dataset, q: &Question, asof: Month, width: f64, guess: Option<f64>) -> Layout {
        let scale = chart::nice_scale(q.promised * MAX_SHARE);
        let frame = Frame::new(width, scale.max);
        let all = bought_since_2020(ds, DEAL_END);
        let point = |(m, v): &(Month, f64)| (frame.x(chart::k_end(*m)), frame.y(*v));
        let origin = (frame.x(0.0), frame.y(0.0));
        let upto: Vec<(f64, f64)> = std::iter::once(origin)
            .chain(all.iter().filter(|(m, _)| *m <= asof).map(point))
            .collect();
        let start = upto.last().copied().unwrap_or(origin);
        let after: Vec<(f64, f64)> = std::iter::once(start)
            .chain(all.iter().filter(|(m, _)| *m > asof).map(point))
            .collect();
        let end_x = frame.x(chart::k_end(DEAL_END));
        let promise_end = (end_x, frame.y(q.promised));
        let guess = guess.map(|share| {
            let handle = (end_x, frame.y(share * q.promised));
            (chart::path(&[start, handle]), handle)
        });
        Layout {
            before: chart::path(&upto),
            after: if after.len() > 1 {
                chart::path(&after)
            } else {
                String::new()
            },
            promise: chart::path(&[origin, promise_end]),
            promise_end,
            guess,
            answer: (end_x, frame.y(q.answer * q.promised)),
            start,
            after_last: all
                .last()
                .filter(|(m, _)| *m > asof)
                .map(|p| (p.0, point(p))),
            frame,
            scale,
        }
    }

    /// The share a point at height `y` on the drawing stands for (a drag on the chart).
    pub fn share_at(&self, y: f64, q: &Question) -> f64 {
        let fr = &self.frame;
        if !y.is_finite() || q.promised <= 0.0 || fr.y1 <= fr.y0 {
            return MIN_SHARE;
        }
        let value = (fr.y1 - y) / (fr.y1 - fr.y0) * fr.ymax;
        within(value / q.promised, MIN_SHARE, MAX_SHARE)
    }
}

/// Where to write the label under the axis that says where the reader's line starts
/// ("Bought to June 2020", 12 px bold), given that start's `x` and the two month labels
/// at the axis's ends (`first`, `last`, 12 px): just right of the start, on the month
/// labels' row if it clears both, else on the row below it, which nothing else uses.
/// Returns the label's x (its start) and its baseline.
pub fn start_label_at(fr: &Frame, x: f64, label: &str, first: &str, last: &str) -> (f64, f64) {
    let x = x + 10.0;
    let clears_first = x >= fr.x0 + chart::text_width(first, 12.0, false) + 8.0;
    let end = x + chart::text_width(label, 12.0, true);
    let last_x = fr.x(chart::k_end(DEAL_END)) - chart::text_width(last, 12.0, false);
    let row = if clears_first && end + 8.0 <= last_x {
        20.0
    } else {
        38.0
    };
    (x, fr.y1 + row)
}

/// Where to write labels for points at heights `ys` at the chart's end: each as near its
/// point as it can be, at least `gap` from the next, all between `top` and `bottom`
/// (SVG y, downwards). In the order given.
pub fn stack(ys: &[f64], gap: f64, top: f64, bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    crate::core::sorted::sort_by(&mut order, |a, b| ys[*a].total_cmp(&ys[*b]));
    let mut placed = vec![0.0; ys.len()];
    let mut prev = f64::NEG_INFINITY;
    for &i in &order {
        let y = within(ys[i], top, bottom).max(prev + gap);
        placed[i] = y;
        prev = y;
    }
    // Run off the bottom: move the lot up, as far as the top allows.
    if let Some(&last) = order.last() {
        let over = placed[last] - bottom;
        if over > 0.0 {
            let room = order.first().map_or(0.0, |f| placed[*f] - top).max(0.0);
            for y in &mut placed {
                *y -= over.min(room);
            }
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data;

    #[test]
    fn the_start_label_sits_under_the_axis_and_clears_the_month_labels() {
        let label = "Bought to June 2020";
        // Wide: on the month labels' row, right of June 2020.
        let wide = Frame::new(1200.0, 400.0);
        let x = wide.x(5.0);
        assert_eq!(
            start_label_at(&wide, x, label, "Jan 2020", "Dec 2021"),
            (x + 10.0, wide.y1 + 20.0)
        );
        // Narrow: it would run into "Dec 2021", so it takes the row below.
        let narrow = Frame::new(300.0, 400.0);
        let (_, y) = start_label_at(&narrow, narrow.x(5.0), label, "Jan 2020", "Dec 2021");
        assert_eq!(y, narrow.y1 + 38.0);
        // Below the plot either way, and inside the drawing.
        assert!(y > narrow.y1 + 20.0 && y + 4.0 <= narrow.h());
    }

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
    fn the_chart_shows_what_was_bought_through_the_cut_off_and_the_guess_after_it() {
        let ds = built_in();
        let q = question(&ds).unwrap();
        let asof = Month::parse("2020-06").unwrap();
        let bought = bought_since_2020(&ds, asof);
        assert_eq!(bought.len(), 6);
        let jan = month_value(&ds, BASIS, DEAL_START, Category::Total).unwrap();
        assert!((bought[0].1 - jan).abs() < 1e-9);
        let lay = Layout::new(&ds, &q, asof, 640.0, Some(0.5));
        let fr = lay.frame;
        // Jan-Jun: the origin and six months.
        assert_eq!(lay.before.matches('L').count(), 6, "{}", lay.before);
        assert_eq!(lay.start, (fr.x(6.0), fr.y(bought[5].1)));
        let (line, handle) = lay.guess.clone().unwrap();
        assert!(
            line.starts_with(&format!("M{}", chart::num(lay.start.0))),
            "{line}"
        );
        assert_eq!(handle, (fr.x(24.0), fr.y(0.5 * q.promised)));
        // A drag to the handle's height reads back as the guess.
        assert!((lay.share_at(handle.1, &q) - 0.5).abs() < 1e-9);
        assert_eq!(lay.share_at(-1e9, &q), MAX_SHARE);
        assert_eq!(lay.share_at(1e9, &q), MIN_SHARE);
        assert_eq!(lay.share_at(f64::NAN, &q), MIN_SHARE);
        // After the cut-off: every reported month, to the last one.
        let (last, end) = lay.after_last.unwrap();
        assert_eq!(last.to_string(), "2021-11");
        assert!(
            lay.after
                .ends_with(&format!("L{},{}", chart::num(end.0), chart::num(end.1)))
        );
        assert_eq!(lay.answer.1, fr.y(0.6 * q.promised));
        assert!(Layout::new(&ds, &q, asof, 640.0, None).guess.is_none());
    }

    #[test]
    fn end_labels_keep_apart() {
        // Far apart: where their points are.
        assert_eq!(
            stack(&[50.0, 100.0, 150.0], 14.0, 0.0, 200.0),
            [50.0, 100.0, 150.0]
        );
        // Close: pushed apart, in their order, the nearest first.
        assert_eq!(
            stack(&[100.0, 95.0, 98.0], 14.0, 0.0, 200.0),
            [123.0, 95.0, 109.0]
        );
        // At the bottom: moved up to fit.
        assert_eq!(stack(&[195.0, 196.0], 14.0, 0.0, 200.0), [186.0, 200.0]);
        assert!(
            stack(&[f64::NAN, 10.0], 14.0, 0.0, 200.0)
                .iter()
                .all(|y| y.is_finite())
        );
    }

    #[test]
    fn a_missing_month_ends_the_line() {
        let mut ds = built_in();
        let gap = Month::parse("2020-03").unwrap();
        ds.monthly
            .retain(|(b, m, _), _| !(*b == BASIS && *m == gap));
        assert_eq!(bought_since_2020(&ds, DEAL_END).len(), 2);
    }
}
