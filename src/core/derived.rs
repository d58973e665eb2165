//! What the views show, derived from the data and the scenario once per change: the
//! evaluation, the chart series, the cut-offs on offer and the rows of the data table.

use super::data::{Basis, Category, Dataset};
use super::model::{self, Evaluation, Scenario, SeriesPoint};
use super::month::Month;

/// Results derived from the state once per change of scenario or data.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    pub eval: Option<Evaluation>,
    pub series: Vec<SeriesPoint>,
    pub cutoffs: Vec<Month>,
    /// Each rate category's slider range (its top), in `rate_categories` order.
    pub slider_max: Vec<(Category, f64)>,
    /// The highest value the chart's scale must show: the series with every rate held
    /// to its slider's range. A typed rate beyond that runs off the top of the chart.
    pub scale_top: f64,
}

impl Derived {
    /// The cut-offs and slider tops are found once here and shared by the rest.
    pub fn new(ds: &Dataset, scenario: &Scenario) -> Derived {
        let cutoffs = model::cutoffs(ds, scenario.basis);
        let slider_max = model::slider_maxes(ds, scenario, &cutoffs);
        let within = model::series_with(ds, &model::held_to(scenario, &slider_max), &cutoffs);
        let scale_top = within
            .iter()
            .flat_map(|p| [p.actual, p.projected, p.later, Some(p.target)])
            .flatten()
            .fold(0.0, f64::max);
        Derived {
            eval: model::evaluate_with(ds, scenario, &cutoffs),
            series: model::series_with(ds, scenario, &cutoffs),
            cutoffs,
            slider_max,
            scale_top,
        }
    }

    /// The top of a category's slider.
    pub fn slider_max(&self, c: Category) -> f64 {
        self.slider_max
            .iter()
            .find(|(k, _)| *k == c)
            .map_or_else(|| model::rate_max(c), |(_, v)| *v)
    }
}

/// What a row of the data table is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RowStatus {
    /// Read in a source.
    Reported,
    /// Computed from sourced figures (see the data file's formula).
    Derived,
    /// The reader's projection.
    Projected,
    /// Not in any source found: shown as missing.
    Missing,
}

/// One month of the data table.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct TableRow {
    pub month: Month,
    pub in_month: Option<f64>,
    pub cumulative: Option<f64>,
    pub target: f64,
    pub status: RowStatus,
}

/// The data table's rows: actual figures to the cut-off, the reader's rate after it.
pub fn table_rows(ds: &Dataset, d: &Derived) -> Vec<TableRow> {
    let Some(e) = d.eval.as_ref() else {
        return Vec::new();
    };
    let sc = e.scenario;
    d.series
        .iter()
        .map(|p| {
            let m = p.month;
            let (in_month, cumulative, status) = if m > sc.asof && !e.over {
                (Some(e.total_rate), p.projected, RowStatus::Projected)
            } else if let Some(a) = p.actual.filter(|_| m <= sc.asof) {
                let status = if is_derived(ds, sc.basis, m) {
                    RowStatus::Derived
                } else {
                    RowStatus::Reported
                };
                let v = model::month_value(ds, sc.basis, m, Category::Total);
                (v, Some(a), status)
            } else {
                (None, None, RowStatus::Missing)
            };
            TableRow {
                month: m,
                in_month,
                cumulative,
                target: p.target,
                status,
            }
        })
        .collect()
}

/// Whether any figure behind a month's row is derived.
fn is_derived(ds: &Dataset, basis: Basis, m: Month) -> bool {
    Category::SPLIT
        .iter()
        .chain([Category::Total].iter())
        .filter_map(|c| ds.monthly.get(&(basis, m, *c)))
        .chain(ds.ytd.get(&(basis, m, Category::Total)))
        .any(|f| f.is_derived())
}
