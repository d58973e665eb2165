//! The purchase data's types: what a validated `purchases.csv` holds.

use crate::core::sorted::SortedMap;

use crate::core::month::Month;
use crate::core::sources::Citation;

crate::codes! {
    /// Which official data set purchases are measured in (Art. 6.2.6 says both count).
    pub enum Basis {
        /// US exports to China (US Census), covered goods, civil aircraft excluded.
        Us = "us",
        /// Chinese imports from the US (China customs).
        Cn = "cn",
    }
}

crate::codes! {
    /// Annex 6.1 categories, plus the total.
    pub enum Category {
        Manufactured = "manufactured",
        Agriculture = "agriculture",
        Energy = "energy",
        Services = "services",
        Total = "total",
    }
}

impl Category {
    /// The goods categories a reader can set a rate for.
    pub const SPLIT: [Category; 3] = [
        Category::Manufactured,
        Category::Agriculture,
        Category::Energy,
    ];
    /// The categories whose commitments add up to a year's total.
    pub const COMMITTED: [Category; 4] = [
        Category::Manufactured,
        Category::Agriculture,
        Category::Energy,
        Category::Services,
    ];
}

crate::codes! {
    /// The `record` column: what a row of the file is.
    pub enum Record {
        Source = "source",
        Event = "event",
        Commitment = "commitment",
        Baseline = "baseline",
        Target = "target",
        Monthly = "monthly",
        Ytd = "ytd",
        Outcome = "outcome",
    }
}

crate::codes! {
    /// What an outcome figure measures: figures that measure different things say so.
    pub enum Scope {
        /// Goods and services together: the deal's $200bn and PIIE's final share.
        GoodsServices = "goods_services",
        /// Covered goods only.
        Goods = "goods",
        Manufactured = "manufactured",
        Agriculture = "agriculture",
        Energy = "energy",
        Services = "services",
    }
}

crate::codes! {
    /// A figure's unit.
    pub enum Unit {
        UsdBn = "usd_bn",
        Percent = "pct",
    }
}

/// Whether a figure was read in its source or computed from other sourced figures.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Seen,
    /// Derived, with the formula in words.
    Derived(String),
}

/// A cited source: an id the figure rows cite, and the citation.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub cite: Citation,
}

/// One sourced number.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub status: Status,
    /// Indices into [`Dataset::sources`].
    pub sources: Vec<usize>,
    pub note: String,
    /// The line in the data file, for messages.
    pub line: usize,
}

impl Figure {
    pub fn is_derived(&self) -> bool {
        matches!(self.status, Status::Derived(_))
    }
}

/// A span of the commitments and of the verdicts: one year, or both together.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(i32),
    TwoYears,
}

/// A dated fact about the deal itself (signed, in force).
#[derive(Clone, Debug, PartialEq)]
pub struct Milestone {
    pub id: String,
    pub date: (i32, u32, u32),
    pub label: String,
    pub sources: Vec<usize>,
}

/// A final-outcome fact, e.g. "57% of the two-year commitment".
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub unit: Unit,
    /// What the figure measures (the `category` column of an outcome row).
    pub scope: Scope,
    pub figure: Figure,
}

/// Everything in the purchase data file, validated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub milestones: Vec<Milestone>,
    pub commitments: SortedMap<(Period, Category), Figure>,
    pub baselines: SortedMap<(Basis, Category), Figure>,
    pub targets: SortedMap<(Basis, i32, Category), Figure>,
    pub monthly: SortedMap<(Basis, Month, Category), Figure>,
    pub ytd: SortedMap<(Basis, Month, Category), Figure>,
    pub outcomes: Vec<Outcome>,
}

impl Dataset {
    pub fn source(&self, index: usize) -> Option<&Source> {
        self.sources.get(index)
    }

    /// The bases that have any actual purchase figures in the deal years.
    pub fn bases(&self) -> Vec<Basis> {
        Basis::ALL
            .into_iter()
            .filter(|b| {
                self.monthly
                    .keys()
                    .chain(self.ytd.keys())
                    .any(|(basis, m, _)| basis == b && m.in_deal())
            })
            .collect()
    }

    /// True when the basis has monthly figures by category, so a reader sets one rate per
    /// category; otherwise there is one rate for the total.
    pub fn has_split(&self, basis: Basis) -> bool {
        self.monthly
            .keys()
            .any(|(b, m, c)| *b == basis && m.in_deal() && Category::SPLIT.contains(c))
    }

    pub fn target(&self, basis: Basis, year: i32, category: Category) -> Option<&Figure> {
        self.targets.get(&(basis, year, category))
    }

    pub fn milestone(&self, id: &str) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id == id)
    }

    /// Figures whose every source is a copy (the policy's copy hosts): their lines, and
    /// the copies. The method section lists them.
    pub fn copy_only(&self) -> Vec<(usize, Vec<&Source>)> {
        let figures = self
            .commitments
            .values()
            .chain(self.baselines.values())
            .chain(self.targets.values())
            .chain(self.monthly.values())
            .chain(self.ytd.values())
            .chain(self.outcomes.iter().map(|o| &o.figure));
        let mut out: Vec<(usize, Vec<&Source>)> = figures
            .filter_map(|f| {
                let cited: Vec<&Source> =
                    f.sources.iter().filter_map(|i| self.source(*i)).collect();
                (!cited.is_empty() && cited.iter().all(|s| s.cite.is_copy()))
                    .then_some((f.line, cited))
            })
            .collect();
        crate::core::sorted::sort_by_key(&mut out, |(line, _)| *line);
        out
    }

    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    pub fn commitment(&self, period: Period, category: Category) -> Option<f64> {
        self.commitments.get(&(period, category)).map(|f| f.value)
    }
}
