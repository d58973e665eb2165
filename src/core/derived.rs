//! What the views show, derived from the data and the scenario once per change: the
//! evaluation, the chart series, the cut-offs on offer and the rows of the data table.

use super::data::{Basis, Category, Dataset, Outcome, Scope, Unit};
use super::model::{self, CategoryResult, Evaluation, Scenario, SeriesPoint};
use super::month::Month;
use super::pace::{self, Focus};

/// The top of each chart's scale: the total chart's and each category's, in
/// [`Category::SPLIT`] order. Held while a slider is held (`State::hold`), so no axis
/// moves under the reader's thumb.
#[derive(Clone, Debug, PartialEq)]
pub struct Tops {
    pub total: f64,
    pub categories: Vec<(Category, f64)>,
}

impl Tops {
    pub fn category(&self, c: Category) -> Option<f64> {
        self.categories
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, v)| *v)
    }
}

/// One category of a split basis, as its small chart and slider show it.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryView {
    pub result: CategoryResult,
    /// The top of its chart's scale.
    pub top: f64,
    /// Its part of the pace needed for the target that matters, shared in proportion to
    /// the categories' targets: the mark on its slider.
    pub shared_need: Option<f64>,
    /// The final count's share of its 2020–21 commitment, if a source gives one.
    pub final_share: Option<usize>,
    /// The rate is beyond the slider's range (typed in the number field).
    pub off_scale: bool,
}

/// Results derived from the state once per change of scenario or data.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    pub eval: Option<Evaluation>,
    pub series: Vec<SeriesPoint>,
    pub cutoffs: Vec<Month>,
    /// Each rate category's slider range (its top), in `rate_categories` order.
    pub slider_max: Vec<(Category, f64)>,
    /// The top of the total chart's scale: the series with every rate held to its
    /// slider's range (a typed rate beyond that runs off the top), or the held scale.
    pub scale_top: f64,
    /// The small chart of each category, on a split basis.
    pub categories: Vec<CategoryView>,
    /// The pace that matters at the cut-off, and the reader's against it.
    pub focus: Option<Focus>,
}

impl Derived {
    /// The cut-offs and slider tops are found once here and shared by the rest. `held`:
    /// the scales to keep while a slider is held.
    pub fn new(ds: &Dataset, scenario: &Scenario, held: Option<&Tops>) -> Derived {
        let cutoffs = model::cutoffs(ds, scenario.basis);
        let slider_max = model::slider_maxes(ds, scenario, &cutoffs);
        let eval = model::evaluate_with(ds, scenario, &cutoffs);
        let focus = eval.as_ref().and_then(pace::focus);
        let natural = natural_tops(ds, scenario, &cutoffs, &slider_max);
        let tops = held.unwrap_or(&natural);
        let shared = focus
            .map(|f| pace::shared_need(ds, scenario.basis, f.year, f.needed))
            .unwrap_or_default();
        let categories = model::categories_with(ds, scenario, &cutoffs)
            .into_iter()
            .map(|result| {
                let c = result.category;
                let max = top_of(&slider_max, c);
                CategoryView {
                    top: tops
                        .category(c)
                        .unwrap_or_else(|| top_value(&result.series)),
                    shared_need: shared.iter().find(|(k, _)| *k == c).map(|(_, v)| *v),
                    final_share: final_share(ds, c),
                    off_scale: scenario.rates.get(c) > max + model::MET_TOLERANCE,
                    result,
                }
            })
            .collect();
        Derived {
            eval,
            series: model::series_with(ds, scenario, &cutoffs),
            cutoffs,
            scale_top: tops.total,
            slider_max,
            categories,
            focus,
        }
    }

    /// The scales every chart would have now, for holding while a slider is held.
    pub fn tops(&self) -> Tops {
        Tops {
            total: self.scale_top,
            categories: self
                .categories
                .iter()
                .map(|v| (v.result.category, v.top))
                .collect(),
        }
    }

    /// The top of a category's slider.
    pub fn slider_max(&self, c: Category) -> f64 {
        top_of(&self.slider_max, c)
    }

    pub fn category(&self, c: Category) -> Option<&CategoryView> {
        self.categories.iter().find(|v| v.result.category == c)
    }
}

fn top_of(slider_max: &[(Category, f64)], c: Category) -> f64 {
    slider_max
        .iter()
        .find(|(k, _)| *k == c)
        .map_or_else(|| model::rate_max(c), |(_, v)| *v)
}

/// The highest value a series draws: actual, projected, what came later, the target.
fn top_value(series: &[SeriesPoint]) -> f64 {
    series
        .iter()
        .flat_map(|p| [p.actual, p.projected, p.later, Some(p.target)])
        .flatten()
        .fold(0.0, f64::max)
}

/// Each chart's scale for the scenario with every rate held to its slider's range: the
/// lines as drawn, a typed extreme left to run off the top.
fn natural_tops(
    ds: &Dataset,
    scenario: &Scenario,
    cutoffs: &[Month],
    slider_max: &[(Category, f64)],
) -> Tops {
    let within = model::held_to(scenario, slider_max);
    Tops {
        total: top_value(&model::series_with(ds, &within, cutoffs)),
        categories: model::categories_with(ds, &within, cutoffs)
            .iter()
            .map(|r| (r.category, top_value(&r.series)))
            .collect(),
    }
}

/// The index of the outcome that gives a category's final share of its commitment.
fn final_share(ds: &Dataset, c: Category) -> Option<usize> {
    let scope = match c {
        Category::Manufactured => Scope::Manufactured,
        Category::Agriculture => Scope::Agriculture,
        Category::Energy => Scope::Energy,
        Category::Services => Scope::Services,
        Category::Total => return None,
    };
    ds.outcomes
        .iter()
        .position(|o: &Outcome| o.scope == scope && o.unit == Unit::Percent)
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
