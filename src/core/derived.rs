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
}

impl Derived {
    pub fn new(ds: &Dataset, scenario: &Scenario) -> Derived {
        Derived {
            eval: model::evaluate(ds, scenario),
            series: model::series(ds, scenario),
            cutoffs: model::cutoffs(ds, scenario.basis),
        }
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
            let (in_month, cumulative, status) = if m > sc.asof {
                (Some(e.total_rate), p.projected, RowStatus::Projected)
            } else if let Some(a) = p.actual {
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
