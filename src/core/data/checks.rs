//! Checks across rows of `purchases.csv`: everything a basis needs is there, and the
//! figures that should agree (sums, targets = baseline + increment) do.

use crate::core::sorted::SortedMap;

use super::types::{Basis, Category, Dataset, Period};
use crate::core::decimal::decimal;
use crate::core::month::{Month, YEARS};
use crate::core::problem::{Msg, Problem};

/// Sums of categories may differ from a stated total by rounding, no more.
pub const SUM_TOLERANCE: f64 = 0.011;
/// A stated target may differ from baseline + increment by rounding to 0.1, no more.
const TARGET_TOLERANCE: f64 = 0.051;

/// Runs every cross-row check.
pub fn run(file: &str, ds: &Dataset, problems: &mut Vec<Problem>) {
    let mut c = Checker { file, ds, problems };
    c.completeness();
    c.sums();
    c.targets();
}

struct Checker<'a> {
    file: &'a str,
    ds: &'a Dataset,
    problems: &'a mut Vec<Problem>,
}

/// The sum of a value over categories, if every one is present.
fn sum_over(cats: &[Category], get: impl Fn(Category) -> Option<f64>) -> Option<f64> {
    cats.iter().map(|c| get(*c)).sum()
}

impl Checker<'_> {
    fn whole(&mut self, msg: Msg, key: String) {
        self.problems
            .push(Problem::new(self.file, 0, None, msg).arg("key", key));
    }

    fn completeness(&mut self) {
        let ds = self.ds;
        for y in YEARS {
            for c in Category::ALL {
                if ds.commitment(Period::Year(y), c).is_none() {
                    self.whole(Msg::MissingCommitment, format!("{y} {}", c.code()));
                }
            }
        }
        let bases = ds.bases();
        if bases.is_empty() {
            self.problems
                .push(Problem::new(self.file, 0, None, Msg::NoFigures));
        }
        for b in bases {
            let cats: &[Category] = if ds.has_split(b) {
                &Category::SPLIT
            } else {
                &[Category::Total]
            };
            for &c in cats.iter().chain([Category::Total].iter()) {
                for y in YEARS {
                    if ds.target(b, y, c).is_none() {
                        let key = format!("{} {y} {}", b.code(), c.code());
                        self.whole(Msg::MissingTarget, key);
                    }
                }
            }
            for &c in cats {
                if !ds.baselines.contains_key(&(b, c)) {
                    self.whole(Msg::MissingBaseline, format!("{} {}", b.code(), c.code()));
                }
            }
            // A basis the file offers is one a reader can view: at least one cut-off.
            if super::cutoffs(ds, b).is_empty() {
                self.whole(Msg::NoCutoff, b.code().to_string());
            }
        }
        self.partial_months();
        self.partial_patterns();
    }

    /// A month with monthly figures for some goods categories must have all of them.
    fn partial_months(&mut self) {
        let mut months: SortedMap<(Basis, Month), Vec<(Category, usize)>> = SortedMap::new();
        for ((b, m, c), f) in &self.ds.monthly {
            if Category::SPLIT.contains(c) {
                months
                    .get_or_insert_with((*b, *m), Vec::new)
                    .push((*c, f.line));
            }
        }
        for ((b, m), have) in months {
            let line = have.iter().map(|(_, l)| *l).min().unwrap_or(0);
            for c in Category::SPLIT {
                if !have.iter().any(|(h, _)| *h == c) {
                    self.problems.push(
                        Problem::new(self.file, line, Some("category"), Msg::PartialMonth)
                            .arg("key", format!("{} {m}", b.code()))
                            .arg("category", c.code()),
                    );
                }
            }
        }
    }

    /// The 2017 pattern is all twelve months or nothing.
    fn partial_patterns(&mut self) {
        for b in Basis::ALL {
            for c in Category::SPLIT {
                let have = Month::january(2017)
                    .through(Month::december(2017))
                    .filter(|m| self.ds.monthly.contains_key(&(b, *m, c)))
                    .count();
                if have != 0 && have != 12 {
                    self.problems.push(
                        Problem::new(self.file, 0, None, Msg::PartialPattern)
                            .arg("key", format!("{} {}", b.code(), c.code()))
                            .arg("n", have.to_string()),
                    );
                }
            }
        }
    }

    /// Reports a total that its parts don't add up to.
    fn agree(&mut self, line: usize, key: String, parts: Option<f64>, total: f64) {
        let Some(parts) = parts else { return };
        if (parts - total).abs() > SUM_TOLERANCE {
            self.problems.push(
                Problem::new(self.file, line, Some("value"), Msg::SumMismatch)
                    .arg("key", key)
                    .arg("parts", decimal(parts, 3))
                    .arg("total", decimal(total, 3)),
            );
        }
    }

    fn sums(&mut self) {
        let ds = self.ds;
        for y in YEARS {
            let p = Period::Year(y);
            if let Some(t) = ds.commitments.get(&(p, Category::Total)) {
                let parts = sum_over(&Category::COMMITTED, |c| ds.commitment(p, c));
                self.agree(t.line, format!("commitment {y}"), parts, t.value);
            }
        }
        if let Some(t) = ds.commitments.get(&(Period::TwoYears, Category::Total)) {
            let parts: Option<f64> = YEARS
                .iter()
                .map(|y| ds.commitment(Period::Year(*y), Category::Total))
                .sum();
            if let Some(parts) = parts.filter(|p| (p - t.value).abs() > SUM_TOLERANCE) {
                self.problems.push(
                    Problem::new(self.file, t.line, Some("value"), Msg::TwoYearSum)
                        .arg("parts", decimal(parts, 3))
                        .arg("total", decimal(t.value, 3)),
                );
            }
        }
        for b in Basis::ALL {
            if let Some(t) = ds.baselines.get(&(b, Category::Total)) {
                let parts = sum_over(&Category::SPLIT, |c| {
                    ds.baselines.get(&(b, c)).map(|f| f.value)
                });
                self.agree(t.line, format!("baseline {}", b.code()), parts, t.value);
            }
            for y in YEARS {
                if let Some(t) = ds.target(b, y, Category::Total) {
                    let parts = sum_over(&Category::SPLIT, |c| ds.target(b, y, c).map(|f| f.value));
                    self.agree(t.line, format!("target {} {y}", b.code()), parts, t.value);
                }
            }
            for ((bb, m, c), t) in &ds.monthly {
                if *bb == b && *c == Category::Total {
                    let parts = sum_over(&Category::SPLIT, |c| {
                        ds.monthly.get(&(b, *m, c)).map(|f| f.value)
                    });
                    self.agree(t.line, format!("monthly {} {m}", b.code()), parts, t.value);
                }
            }
        }
    }

    /// A target is the 2017 baseline plus the goods increments in Annex 6.1.
    fn targets(&mut self) {
        let ds = self.ds;
        for b in Basis::ALL {
            for y in YEARS {
                for c in Category::SPLIT.into_iter().chain([Category::Total]) {
                    let (Some(t), Some(base)) = (ds.target(b, y, c), ds.baselines.get(&(b, c)))
                    else {
                        continue;
                    };
                    let increment = if c == Category::Total {
                        sum_over(&Category::SPLIT, |c| ds.commitment(Period::Year(y), c))
                    } else {
                        ds.commitment(Period::Year(y), c)
                    };
                    let Some(inc) = increment else { continue };
                    if (base.value + inc - t.value).abs() > TARGET_TOLERANCE {
                        self.problems.push(
                            Problem::new(self.file, t.line, Some("value"), Msg::TargetMismatch)
                                .arg("key", format!("{} {y} {}", b.code(), c.code()))
                                .arg("year", y.to_string())
                                .arg("base", decimal(base.value, 2))
                                .arg("inc", decimal(inc, 2))
                                .arg("sum", decimal(base.value + inc, 2))
                                .arg("total", decimal(t.value, 2)),
                        );
                    }
                }
            }
        }
    }
}
