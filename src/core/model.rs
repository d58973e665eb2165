//! The deal arithmetic: scenarios, projections, verdicts, needed pace, chart series and
//! presets. Pure functions of the dataset and a scenario.
//!
//! Conventions: money in US$ billions; a month value is the purchases in that month;
//! "to date" and cumulative figures restart each January, because targets are annual.
//!
//! # The model
//!
//! - A **scenario** is a basis, a cut-off month ("as of") and a monthly rate per category.
//!   A basis with monthly figures by category (US exports) gets three rates; one without
//!   (Chinese imports: year-to-date totals only) gets one total rate.
//! - **Cut-offs** are the months whose year-to-date figures are known (every month Jan 2020
//!   to Nov 2021 on the US basis; the published checkpoints on the Chinese basis). Any
//!   requested month snaps to the latest available one before it.
//! - For 2020, 2021 and both: actual to date, **projected** = actual through the cut-off +
//!   rate × remaining months, target, share, met (with 1e-9 float tolerance) and shortfall,
//!   and the **needed pace** = (target − actual) / remaining months, compared with the best
//!   reported month so far.
//! - The **target path** is prorated on the 2017 monthly pattern where the basis has 2017
//!   monthly figures (PIIE's approach), else a straight line; the UI labels which.
//! - **Presets**: pace so far this year; 2017 pace (baseline / 12); pace needed (per
//!   category, the max over open years, rounded up to the cent so it still meets the
//!   target); what actually happened (latest cut-off, pace so far).
//! - **Rates are clamped** to 0 … 40 (manufactured), 20 (agriculture), 30 (energy), 80
//!   (total) US$ bn a month; NaN becomes 0, infinities the range's end. The **sliders**
//!   cover less: about twice the largest of the pace needed, the best month and the 2017
//!   pace (`model::slider_max`); a typed value beyond runs off the top of the chart, whose
//!   scale is sized for the rates held to the sliders (`model::within_sliders`).
//! - **Presets** stay in force until the reader sets a rate: a new cut-off recomputes the
//!   active one (`State::preset`).
//! - **The pace that matters** (`core/pace.rs`): the first year whose target is still open
//!   after the cut-off ("falls due first" while both are open, else "the only one still
//!   open"). Each category's part of it is the total shared in proportion to the
//!   categories' targets for that year; the UI marks it on each slider. A category's final
//!   share is the first `outcome` row in `pct` with that category as its scope
//!   (`derived::final_share`); a category with none says so, never an estimate.
//! - **Scales that hold still**: the chart's and the small charts' tops come from the
//!   figures, except while a slider is held (pointer or key down): `Action::Hold` keeps the
//!   tops in force until `Release`, so nothing the reader aims at moves under the thumb.

use super::data::{Basis, Category, Dataset, Period};
pub use super::data::{cutoffs, month_value, rate_categories, ytd};
use super::decimal::within;
use super::month::{DEAL_END, DEAL_START, Month, YEARS};

/// Slider step, in US$ bn a month.
pub const RATE_STEP: f64 = 0.1;

/// The plausible range of a monthly rate, by category, in US$ bn a month. The best month
/// on record is about $13bn for all goods together; the upper ends leave room for the pace
/// a late cut-off would need, so "pace needed" presets stay reachable.
pub fn rate_max(category: Category) -> f64 {
    match category {
        Category::Manufactured => 40.0,
        Category::Agriculture => 20.0,
        Category::Energy => 30.0,
        Category::Services | Category::Total => 80.0,
    }
}

/// Clamps a rate into its plausible range. NaN and negative values become 0, and
/// infinities the range's end, so they never reach the arithmetic.
pub fn clamp_rate(category: Category, value: f64) -> f64 {
    within(value, 0.0, rate_max(category))
}

/// Monthly purchase rates set by the reader (US$ bn a month). On a basis with a category
/// split the three goods rates apply; otherwise the total rate does.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Rates {
    pub manufactured: f64,
    pub agriculture: f64,
    pub energy: f64,
    pub total: f64,
}

impl Rates {
    pub const ZERO: Rates = Rates {
        manufactured: 0.0,
        agriculture: 0.0,
        energy: 0.0,
        total: 0.0,
    };

    pub fn get(&self, category: Category) -> f64 {
        match category {
            Category::Manufactured => self.manufactured,
            Category::Agriculture => self.agriculture,
            Category::Energy => self.energy,
            Category::Services | Category::Total => self.total,
        }
    }

    /// Sets a rate, clamped into its plausible range.
    pub fn set(&mut self, category: Category, value: f64) {
        let v = clamp_rate(category, value);
        match category {
            Category::Manufactured => self.manufactured = v,
            Category::Agriculture => self.agriculture = v,
            Category::Energy => self.energy = v,
            Category::Services | Category::Total => self.total = v,
        }
    }
}

/// What the reader is looking at.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Scenario {
    pub basis: Basis,
    /// The knowledge cut-off: actual figures through this month, the reader's rates after.
    pub asof: Month,
    pub rates: Rates,
}

/// The total monthly rate a scenario implies.
pub fn total_rate(ds: &Dataset, s: &Scenario) -> f64 {
    rate_categories(ds, s.basis)
        .iter()
        .map(|c| clamp_rate(*c, s.rates.get(*c)))
        .sum()
}

/// The cut-off actually applied for a requested month: the latest available month at or
/// before it, or the first available month.
pub fn resolve_asof(ds: &Dataset, basis: Basis, requested: Month) -> Option<Month> {
    resolve_in(&cutoffs(ds, basis), requested)
}

/// `resolve_asof` among cut-offs already found.
fn resolve_in(all: &[Month], requested: Month) -> Option<Month> {
    all.iter()
        .rev()
        .find(|m| **m <= requested)
        .or(all.first())
        .copied()
}

/// Months left in `year` after the cut-off.
pub fn remaining_months(asof: Month, year: i32) -> i32 {
    if asof.year() > year {
        0
    } else if asof.year() == year {
        12 - asof.month() as i32
    } else {
        12
    }
}

/// Purchases in `year` known by the cut-off.
fn actual_to_date(ds: &Dataset, basis: Basis, category: Category, asof: Month, year: i32) -> f64 {
    let through = if asof.year() > year {
        Month::december(year)
    } else if asof.year() == year {
        asof
    } else {
        return 0.0;
    };
    ytd(ds, basis, category, through).unwrap_or(0.0)
}

/// Float noise allowed when comparing a projection with its target (US$ bn): far below
/// anything the widget displays, far above rounding error in sums of decimal figures.
pub const MET_TOLERANCE: f64 = 1e-9;

/// The verdict for a year or for both years.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct YearResult {
    pub span: Period,
    /// Bought in the span by the cut-off.
    pub actual: f64,
    /// Actual through the cut-off, then the reader's rates for the remaining months.
    pub projected: f64,
    pub target: f64,
    /// projected / target.
    pub share: f64,
    /// The gap between target and projection: positive when the target is missed.
    pub shortfall: f64,
    pub met: bool,
    /// Months left after the cut-off, for the reader's rates.
    pub remaining: i32,
    /// Months of the span after the last month with data, when the cut-off is that month:
    /// the span is over, and these months are missing from the data, not still to come.
    pub missing: i32,
    /// The monthly pace from the cut-off that would exactly meet the target; `None` when
    /// the span is over. Zero when the target is already met.
    pub needed: Option<f64>,
}

impl YearResult {
    /// True when no month of the span is left to the reader's rates: every month is
    /// actual data, or missing from the data (see [`YearResult::missing`]).
    pub fn is_final(&self) -> bool {
        self.remaining == 0
    }
}

fn verdict(span: Period, actual: f64, projected: f64, target: f64, remaining: i32) -> YearResult {
    let needed = (remaining > 0).then(|| ((target - actual) / remaining as f64).max(0.0));
    YearResult {
        missing: 0,
        span,
        actual,
        projected,
        target,
        share: if target > 0.0 {
            projected / target
        } else {
            0.0
        },
        shortfall: target - projected,
        met: projected + MET_TOLERANCE >= target,
        remaining,
        needed,
    }
}

/// Everything the verdict panel and the needed-pace line show.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub scenario: Scenario,
    pub years: [YearResult; 2],
    pub both: YearResult,
    /// The highest monthly total reported in the deal period up to the cut-off.
    pub best_month: Option<(Month, f64)>,
    /// The total monthly rate the scenario assumes.
    pub total_rate: f64,
    /// The cut-off is the last month with data: every span is over, and the reader's
    /// rates apply to no month.
    pub over: bool,
}

/// Evaluates a scenario. The cut-off is resolved to an available month first, and rates
/// are clamped, so any input gives a sane result.
pub fn evaluate(ds: &Dataset, scenario: &Scenario) -> Option<Evaluation> {
    evaluate_with(ds, scenario, &cutoffs(ds, scenario.basis))
}

/// [`evaluate`] with the basis's cut-offs already found (they depend on the data alone,
/// so a slider input needn't look for them again).
pub fn evaluate_with(ds: &Dataset, scenario: &Scenario, all: &[Month]) -> Option<Evaluation> {
    let basis = scenario.basis;
    let asof = resolve_in(all, scenario.asof)?;
    let mut s = *scenario;
    s.asof = asof;
    let rate = total_rate(ds, &s);
    // At the last month with data the deal is history: what follows is missing from the
    // data, not left to the reader's rates.
    let over = is_last(all, asof);
    let years = year_results(ds, basis, asof, over, Category::Total, rate);
    let mut both = verdict(
        Period::TwoYears,
        years[0].actual + years[1].actual,
        years[0].projected + years[1].projected,
        years[0].target + years[1].target,
        years[0].remaining + years[1].remaining,
    );
    both.missing = years[0].missing + years[1].missing;
    Some(Evaluation {
        scenario: s,
        years,
        both,
        best_month: best_month(ds, basis, asof),
        total_rate: rate,
        over,
    })
}

/// Each year's verdict for one category (or the total) at a monthly rate from the
/// cut-off.
fn year_results(
    ds: &Dataset,
    basis: Basis,
    asof: Month,
    over: bool,
    category: Category,
    rate: f64,
) -> [YearResult; 2] {
    YEARS.map(|y| {
        let actual = actual_to_date(ds, basis, category, asof, y);
        let left = remaining_months(asof, y);
        let remaining = if over { 0 } else { left };
        let target = ds.target(basis, y, category).map_or(0.0, |f| f.value);
        let mut r = verdict(
            Period::Year(y),
            actual,
            actual + rate * remaining as f64,
            target,
            remaining,
        );
        r.missing = if over { left } else { 0 };
        r
    })
}

/// One category of a split basis at its own slider's rate: its verdict for each year and
/// its chart series (cumulative within each year, against its own target path).
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryResult {
    pub category: Category,
    pub rate: f64,
    pub years: [YearResult; 2],
    pub series: Vec<SeriesPoint>,
}

/// [`CategoryResult`] for every rate category of a split basis; none on a basis with one
/// total rate. The cut-off is resolved among `all` as [`evaluate_with`] does.
pub fn categories_with(ds: &Dataset, scenario: &Scenario, all: &[Month]) -> Vec<CategoryResult> {
    let basis = scenario.basis;
    let Some(asof) = resolve_in(all, scenario.asof) else {
        return Vec::new();
    };
    if !ds.has_split(basis) {
        return Vec::new();
    }
    let over = is_last(all, asof);
    let targets = TargetPathOf::new(ds, basis);
    Category::SPLIT
        .iter()
        .map(|&c| {
            let rate = clamp_rate(c, scenario.rates.get(c));
            CategoryResult {
                category: c,
                rate,
                years: year_results(ds, basis, asof, over, c, rate),
                series: series_of(ds, basis, asof, over, c, rate, &targets),
            }
        })
        .collect()
}

/// True when `asof` is the last cut-off the basis has: no later figures exist, so the
/// months after it are missing from the data (the deal ended in December 2021).
pub fn is_data_end(ds: &Dataset, basis: Basis, asof: Month) -> bool {
    is_last(&cutoffs(ds, basis), asof)
}

/// `is_data_end` among cut-offs already found.
fn is_last(all: &[Month], asof: Month) -> bool {
    all.last() == Some(&asof)
}

/// The highest monthly total on record in the deal period, up to the cut-off.
pub fn best_month(ds: &Dataset, basis: Basis, asof: Month) -> Option<(Month, f64)> {
    DEAL_START
        .through(asof)
        .filter_map(|m| month_value(ds, basis, m, Category::Total).map(|v| (m, v)))
        .fold(None, |best: Option<(Month, f64)>, (m, v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((m, v)),
        })
}

/// How the target path through the year is drawn.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TargetPath {
    /// Prorated on the 2017 monthly pattern, as PIIE does.
    Seasonal,
    /// A straight line: no 2017 monthly data on this basis.
    Straight,
}

pub fn target_path_kind(ds: &Dataset, basis: Basis) -> TargetPath {
    let seasonal = ds.has_split(basis)
        && Category::SPLIT.iter().all(|c| {
            Month::january(2017)
                .through(Month::december(2017))
                .all(|m| ds.monthly.contains_key(&(basis, m, *c)))
        });
    if seasonal {
        TargetPath::Seasonal
    } else {
        TargetPath::Straight
    }
}

/// The cumulative target for `year` through the end of month `m` (in that year).
pub fn target_to_date(ds: &Dataset, basis: Basis, m: Month) -> f64 {
    TargetPathOf::new(ds, basis).at(m)
}

/// The target path of one basis, with what every month's point needs looked up once:
/// the chart asks for all 24 months on every slider input.
struct TargetPathOf<'a> {
    ds: &'a Dataset,
    basis: Basis,
    kind: TargetPath,
    /// For each split category, its 2017 purchases from January through month `k`
    /// (`shape[c][k]`, `k` = 1..=12; months not reported count as nothing).
    shape: [[f64; 13]; 3],
}

impl<'a> TargetPathOf<'a> {
    fn new(ds: &'a Dataset, basis: Basis) -> Self {
        let kind = target_path_kind(ds, basis);
        let mut shape = [[0.0; 13]; 3];
        if kind == TargetPath::Seasonal {
            for (c, row) in Category::SPLIT.iter().zip(shape.iter_mut()) {
                for (through, cell) in row.iter_mut().enumerate().skip(1) {
                    *cell = Month::january(2017)
                        .through(Month::new(2017, through as u32).unwrap_or(Month::december(2017)))
                        .filter_map(|mo| ds.monthly.get(&(basis, mo, *c)).map(|f| f.value))
                        .sum();
                }
            }
        }
        TargetPathOf {
            ds,
            basis,
            kind,
            shape,
        }
    }

    /// The total's target path to the end of `m`.
    fn at(&self, m: Month) -> f64 {
        self.of(m, Category::Total)
    }

    /// A category's target path to the end of `m` (the total's is the sum of the split
    /// categories' on a seasonal path).
    fn of(&self, m: Month, category: Category) -> f64 {
        let year = m.year();
        let total = |c| self.ds.target(self.basis, year, c).map_or(0.0, |f| f.value);
        match self.kind {
            TargetPath::Seasonal => Category::SPLIT
                .iter()
                .zip(self.shape.iter())
                .filter(|(c, _)| category == Category::Total || **c == category)
                .map(|(c, shape)| {
                    let year_2017 = shape[12];
                    if year_2017 > 0.0 {
                        total(*c) * shape[m.month() as usize] / year_2017
                    } else {
                        total(*c) * m.month() as f64 / 12.0
                    }
                })
                .sum(),
            TargetPath::Straight => total(category) * m.month() as f64 / 12.0,
        }
    }
}

/// One month on the chart: cumulative within its year, at the end of the month.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    pub month: Month,
    /// Known by the cut-off.
    pub actual: Option<f64>,
    /// The reader's projection, from the cut-off on (equal to `actual` at the cut-off).
    pub projected: Option<f64>,
    /// The target path.
    pub target: f64,
    /// Reported after the cut-off: what actually happened.
    pub later: Option<f64>,
}

/// Jan 2020 to Dec 2021, cumulative within each year.
pub fn series(ds: &Dataset, scenario: &Scenario) -> Vec<SeriesPoint> {
    series_with(ds, scenario, &cutoffs(ds, scenario.basis))
}

/// [`series`] with the basis's cut-offs already found.
pub fn series_with(ds: &Dataset, scenario: &Scenario, all: &[Month]) -> Vec<SeriesPoint> {
    let basis = scenario.basis;
    let Some(asof) = resolve_in(all, scenario.asof) else {
        return Vec::new();
    };
    let rate = total_rate(ds, &Scenario { asof, ..*scenario });
    let over = is_last(all, asof);
    let targets = TargetPathOf::new(ds, basis);
    series_of(ds, basis, asof, over, Category::Total, rate, &targets)
}

/// One category's (or the total's) series at a monthly rate from the cut-off.
fn series_of(
    ds: &Dataset,
    basis: Basis,
    asof: Month,
    over: bool,
    category: Category,
    rate: f64,
    targets: &TargetPathOf,
) -> Vec<SeriesPoint> {
    let at_asof = ytd(ds, basis, category, asof);
    // Each month's year-to-date total as `ytd` has it (the sum of the year's months while
    // every one is reported, else a published year-to-date figure), summed as it goes
    // rather than afresh for every month.
    let mut summed: Option<f64> = None;
    DEAL_START
        .through(DEAL_END)
        .map(|m| {
            let value = month_value(ds, basis, m, category);
            summed = if m.month() == 1 {
                value
            } else {
                summed.zip(value).map(|(a, v)| a + v)
            };
            let known = summed.or_else(|| ds.ytd.get(&(basis, m, category)).map(|f| f.value));
            // Past the last month with data there is nothing to project: it is missing.
            let projected = if m < asof || (over && m > asof) {
                None
            } else if m.year() == asof.year() {
                known
                    .filter(|_| m == asof)
                    .or_else(|| at_asof.map(|a| a + rate * asof.until(m) as f64))
            } else {
                Some(rate * m.month() as f64)
            };
            SeriesPoint {
                month: m,
                actual: known.filter(|_| m <= asof),
                projected,
                target: targets.of(m, category),
                later: known.filter(|_| m > asof),
            }
        })
        .collect()
}

crate::codes! {
    /// The scenario presets.
    pub enum Preset {
        /// Each category at its average monthly pace so far in the cut-off's year.
        PaceSoFar = "so-far",
        /// Each category at its 2017 average monthly pace (the baseline).
        Pace2017 = "2017",
        /// Each category at the pace that meets its targets from the cut-off.
        PaceNeeded = "needed",
        /// The latest data, with the pace so far for any month still unreported.
        WhatHappened = "actual",
    }
}

fn round_to(v: f64, step: f64) -> f64 {
    (v / step).round() * step
}

/// Applies a preset: returns the scenario with new rates (and, for `WhatHappened`, the
/// latest cut-off).
pub fn apply_preset(ds: &Dataset, scenario: &Scenario, preset: Preset) -> Scenario {
    let basis = scenario.basis;
    let mut s = *scenario;
    if preset == Preset::WhatHappened {
        if let Some(last) = cutoffs(ds, basis).last() {
            s.asof = *last;
        }
    }
    let Some(asof) = resolve_asof(ds, basis, s.asof) else {
        return s;
    };
    s.asof = asof;
    for &c in rate_categories(ds, basis) {
        let rate = match preset {
            Preset::PaceSoFar | Preset::WhatHappened => round_to(
                actual_to_date(ds, basis, c, asof, asof.year()) / asof.month() as f64,
                0.01,
            ),
            Preset::Pace2017 => ds
                .baselines
                .get(&(basis, c))
                .map_or(0.0, |f| round_to(f.value / 12.0, 0.01)),
            Preset::PaceNeeded => {
                let needed = needed_rate(ds, basis, c, asof);
                // Round up, so the rounded rate still meets the target.
                (needed * 100.0 - 1e-9).ceil() / 100.0
            }
        };
        s.rates.set(c, rate);
    }
    s
}

/// The constant monthly rate for one category, from the month after the cut-off, that
/// meets its target in every year still open.
pub fn needed_rate(ds: &Dataset, basis: Basis, category: Category, asof: Month) -> f64 {
    YEARS
        .iter()
        .filter_map(|&y| {
            let remaining = remaining_months(asof, y);
            let target = ds.target(basis, y, category)?.value;
            (remaining > 0)
                .then(|| (target - actual_to_date(ds, basis, category, asof, y)) / remaining as f64)
        })
        .fold(0.0, f64::max)
}

/// The top of a category's slider: about twice the largest of the pace needed from the
/// cut-off, the best month so far and the 2017 pace, rounded up (1s to 10, 5s to 50,
/// then 10s), and never above [`rate_max`]. A typed value may go higher, up to
/// [`rate_max`]; the slider then sits at its end.
pub fn slider_max(ds: &Dataset, scenario: &Scenario, category: Category) -> f64 {
    slider_max_with(ds, scenario, category, &cutoffs(ds, scenario.basis))
}

/// [`slider_max`] with the basis's cut-offs already found.
pub fn slider_max_with(
    ds: &Dataset,
    scenario: &Scenario,
    category: Category,
    all: &[Month],
) -> f64 {
    let basis = scenario.basis;
    let asof = resolve_in(all, scenario.asof).unwrap_or(scenario.asof);
    let best = DEAL_START
        .through(asof)
        .filter_map(|m| month_value(ds, basis, m, category))
        .fold(0.0, f64::max);
    let pace_2017 = ds
        .baselines
        .get(&(basis, category))
        .map_or(0.0, |f| f.value / 12.0);
    let top = 2.0
        * needed_rate(ds, basis, category, asof)
            .max(best)
            .max(pace_2017);
    let step = if top <= 10.0 {
        1.0
    } else if top <= 50.0 {
        5.0
    } else {
        10.0
    };
    within((top / step).ceil() * step, 1.0, rate_max(category))
}

/// The scenario with every rate held to its slider's range: what the chart's scale is
/// sized for, so one typed extreme runs off the top instead of squashing the chart.
pub fn within_sliders(ds: &Dataset, scenario: &Scenario) -> Scenario {
    let all = cutoffs(ds, scenario.basis);
    held_to(scenario, &slider_maxes(ds, scenario, &all))
}

/// Each rate category's slider top, in [`rate_categories`] order.
pub fn slider_maxes(ds: &Dataset, scenario: &Scenario, all: &[Month]) -> Vec<(Category, f64)> {
    rate_categories(ds, scenario.basis)
        .iter()
        .map(|&c| (c, slider_max_with(ds, scenario, c, all)))
        .collect()
}

/// The scenario with each listed category's rate held to at most its top.
pub fn held_to(scenario: &Scenario, tops: &[(Category, f64)]) -> Scenario {
    let mut s = *scenario;
    for &(c, top) in tops {
        s.rates.set(c, s.rates.get(c).min(top));
    }
    s
}

/// The default view: US exports, as of June 2020 (when the seed story was written),
/// at the pace so far.
pub fn default_scenario(ds: &Dataset) -> Scenario {
    let basis = ds.bases().first().copied().unwrap_or(Basis::Us);
    let start = Scenario {
        basis,
        asof: Month::new(2020, 6).unwrap_or(DEAL_START),
        rates: Rates::ZERO,
    };
    apply_preset(ds, &start, Preset::PaceSoFar)
}

/// The same scenario on other data: the basis if the data have it (else the default
/// scenario), the cut-off snapped to an available month, the rates clamped.
pub fn resolve(ds: &Dataset, scenario: &Scenario) -> Scenario {
    if !ds.bases().contains(&scenario.basis) {
        return default_scenario(ds);
    }
    let mut s = *scenario;
    if let Some(asof) = resolve_asof(ds, s.basis, s.asof) {
        s.asof = asof;
    }
    for c in Category::ALL {
        s.rates.set(c, s.rates.get(c));
    }
    s
}

/// Switches basis, keeping the cut-off where the new basis allows it, and resetting rates
/// to the new basis's pace so far (figures on the two bases are not comparable).
pub fn with_basis(ds: &Dataset, scenario: &Scenario, basis: Basis) -> Scenario {
    let s = Scenario { basis, ..*scenario };
    apply_preset(ds, &s, Preset::PaceSoFar)
}
