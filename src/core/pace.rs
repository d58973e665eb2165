//! The pace needed, and which target it is for. The deal sets a target for each year, so
//! the pace that matters at a cut-off is the one for the open target that falls due
//! first: the rest of 2020 while 2020 is open, then 2021. The two-year figure (making up
//! 2020's shortfall in 2021 as well) is shown beside it, not instead of it.

use super::data::{Basis, Category, Dataset};
use super::model::{Evaluation, YearResult};
use super::month::Month;

/// Why a year's target is the one the pace is for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// Both years are open: this one falls due first.
    FirstDue,
    /// The other year is over: this is the only target left.
    OnlyOpen,
}

/// The pace that matters at the cut-off.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Focus {
    pub year: i32,
    pub why: Why,
    /// The first month the pace applies to.
    pub from: Month,
    /// The total monthly pace that would just meet the year's target (zero when it is
    /// already met).
    pub needed: f64,
    /// The reader's monthly total.
    pub yours: f64,
}

impl Focus {
    /// The reader's pace meets the target.
    pub fn met(&self) -> bool {
        self.yours + super::model::MET_TOLERANCE >= self.needed
    }
}

/// The target the pace matters for: the first year still open after the cut-off. `None`
/// when no month is left to the reader's rates.
pub fn focus(e: &Evaluation) -> Option<Focus> {
    let open: Vec<&YearResult> = e.years.iter().filter(|r| r.remaining > 0).collect();
    let first = open.first()?;
    let year = match first.span {
        super::data::Period::Year(y) => y,
        super::data::Period::TwoYears => return None,
    };
    let asof = e.scenario.asof;
    Some(Focus {
        year,
        why: if open.len() > 1 {
            Why::FirstDue
        } else {
            Why::OnlyOpen
        },
        from: if asof.year() == year {
            asof.next()
        } else {
            Month::january(year)
        },
        needed: first.needed.unwrap_or(0.0),
        yours: e.total_rate,
    })
}

/// The pace `total` needed for `year`, shared among the split categories in proportion to
/// each one's target for that year: the mark on each slider. Nothing on a basis without
/// category targets.
pub fn shared_need(ds: &Dataset, basis: Basis, year: i32, total: f64) -> Vec<(Category, f64)> {
    let targets: Vec<(Category, f64)> = Category::SPLIT
        .iter()
        .filter_map(|c| ds.target(basis, year, *c).map(|f| (*c, f.value)))
        .collect();
    let sum: f64 = targets.iter().map(|(_, t)| t).sum();
    if targets.len() < Category::SPLIT.len() || sum <= 0.0 || !ds.has_split(basis) {
        return Vec::new();
    }
    targets
        .into_iter()
        .map(|(c, t)| (c, total * t / sum))
        .collect()
}
