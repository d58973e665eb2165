//! What the figures of a basis let a reader see: a month's purchases, the year to date,
//! the months a reader can take as the cut-off. The model builds on these, and the checks
//! use them to make sure every basis a file offers can be shown.

use super::types::{Basis, Category, Dataset};
use crate::core::month::{DEAL_END, DEAL_START, Month};

/// The categories a reader sets rates for on this basis.
pub fn rate_categories(ds: &Dataset, basis: Basis) -> &'static [Category] {
    if ds.has_split(basis) {
        &Category::SPLIT
    } else {
        &[Category::Total]
    }
}

/// Purchases in one month, if reported. On a split basis the total is the sum of the
/// categories when all are reported, else a stated total.
pub fn month_value(ds: &Dataset, basis: Basis, m: Month, category: Category) -> Option<f64> {
    if category == Category::Total {
        let parts: Option<f64> = Category::SPLIT
            .iter()
            .map(|c| ds.monthly.get(&(basis, m, *c)).map(|f| f.value))
            .sum();
        if let Some(p) = parts {
            return Some(p);
        }
    }
    ds.monthly.get(&(basis, m, category)).map(|f| f.value)
}

/// Purchases from January through `m` of `m`'s year: the sum of the months when every one
/// is reported, else a reported year-to-date figure, else unknown.
pub fn ytd(ds: &Dataset, basis: Basis, category: Category, m: Month) -> Option<f64> {
    let summed: Option<f64> = m
        .year_start()
        .through(m)
        .map(|mo| month_value(ds, basis, mo, category))
        .sum();
    summed.or_else(|| ds.ytd.get(&(basis, m, category)).map(|f| f.value))
}

/// The cut-off months a reader can choose: every month from Jan 2020 for which the
/// year-to-date figures of every rate category (and the total) are known, and, in 2021,
/// the full 2020 figures too.
pub fn cutoffs(ds: &Dataset, basis: Basis) -> Vec<Month> {
    let cats = rate_categories(ds, basis);
    // Whether each deal month's year-to-date figure is known for every category: as
    // `ytd` decides (every month of the year so far, or a published year-to-date
    // figure), walked once in month order rather than summed afresh for each month.
    let months: Vec<Month> = DEAL_START.through(DEAL_END).collect();
    let mut known = vec![true; months.len()];
    for c in cats.iter().chain([Category::Total].iter()) {
        let mut so_far = true;
        for (i, m) in months.iter().enumerate() {
            if m.month() == 1 {
                so_far = true;
            }
            so_far = so_far && month_value(ds, basis, *m, *c).is_some();
            known[i] &= so_far || ds.ytd.contains_key(&(basis, *m, *c));
        }
    }
    let full_2020 = months
        .iter()
        .zip(&known)
        .any(|(m, k)| *m == Month::december(2020) && *k);
    months
        .iter()
        .zip(&known)
        .filter(|(m, k)| **k && (m.year() == 2020 || full_2020))
        .map(|(m, _)| *m)
        .collect()
}
