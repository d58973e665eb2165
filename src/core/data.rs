//! The purchase data file (`purchases.csv`): types, parsing and validation.
//!
//! One long table, one figure per row, so it can be edited in a text editor or a
//! spreadsheet and supplied by a newsroom at run time. The `record` column says what a
//! row is; see ARCHITECTURE.md for the full format.

use std::collections::BTreeMap;

use super::decimal::decimal;
use super::month::{DEAL_END, DEAL_START, Month, YEARS, parse_date};
use super::problem::{Problem, quote};

/// Which official data set purchases are measured in (Art. 6.2.6 says both count).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Basis {
    /// US exports to China (US Census), covered goods, civil aircraft excluded.
    Us,
    /// Chinese imports from the US (China customs).
    Cn,
}

impl Basis {
    pub const ALL: [Basis; 2] = [Basis::Us, Basis::Cn];

    pub fn code(self) -> &'static str {
        match self {
            Basis::Us => "us",
            Basis::Cn => "cn",
        }
    }

    pub fn from_code(s: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.code() == s)
    }
}

/// Annex 6.1 categories, plus the total.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Manufactured,
    Agriculture,
    Energy,
    Services,
    Total,
}

impl Category {
    /// The goods categories a reader can set a rate for.
    pub const SPLIT: [Category; 3] = [
        Category::Manufactured,
        Category::Agriculture,
        Category::Energy,
    ];
    pub const ALL: [Category; 5] = [
        Category::Manufactured,
        Category::Agriculture,
        Category::Energy,
        Category::Services,
        Category::Total,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::Manufactured => "manufactured",
            Category::Agriculture => "agriculture",
            Category::Energy => "energy",
            Category::Services => "services",
            Category::Total => "total",
        }
    }

    pub fn from_code(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == s)
    }
}

/// Whether a figure was read in its source or computed from other sourced figures.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Seen,
    /// Derived, with the formula in words.
    Derived(String),
}

/// A cited source.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub label: String,
    /// Always `https:`; validation rejects anything else.
    pub url: String,
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

/// A period of the commitments: one year or both.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(i32),
    TwoYears,
}

/// A dated fact about the deal (signed, in force).
#[derive(Clone, Debug, PartialEq)]
pub struct DealEvent {
    pub id: String,
    pub date: String,
    pub label: String,
    pub sources: Vec<usize>,
}

/// A final-outcome fact, e.g. "57% of the two-year commitment".
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub unit: Unit,
    pub figure: Figure,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    UsdBn,
    Percent,
}

/// Everything in the purchase data file, validated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub events: Vec<DealEvent>,
    pub commitments: BTreeMap<(Period, Category), Figure>,
    pub baselines: BTreeMap<(Basis, Category), Figure>,
    pub targets: BTreeMap<(Basis, i32, Category), Figure>,
    pub monthly: BTreeMap<(Basis, Month, Category), Figure>,
    pub ytd: BTreeMap<(Basis, Month, Category), Figure>,
    pub outcomes: Vec<Outcome>,
}

/// The file name used in messages about the built-in data.
pub const FILE_NAME: &str = "purchases.csv";
/// The built-in data, embedded at compile time.
pub const BUILT_IN: &str = include_str!("../../static/data/purchases.csv");

pub const COLUMNS: [&str; 12] = [
    "record", "id", "basis", "period", "category", "value", "unit", "status", "formula", "source",
    "url", "note",
];

/// Sums of categories may differ from a stated total by rounding, no more.
pub const SUM_TOLERANCE: f64 = 0.011;
/// A stated target may differ from baseline + increment by rounding to 0.1, no more.
const TARGET_TOLERANCE: f64 = 0.051;
/// No monthly, annual or two-year figure in this deal comes near US$1 trillion.
const MAX_USD_BN: f64 = 1000.0;

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
}

/// Parses and validates purchase data. Returns the dataset only when there are no problems;
/// otherwise every problem found, in file order.
pub fn parse(file: &str, text: &str) -> Result<Dataset, Vec<Problem>> {
    let mut problems = Vec::new();
    let table = super::csv::parse(file, text, &mut problems);
    if !table.require_columns(&COLUMNS, &mut problems) {
        return Err(problems);
    }

    // Pass 1: sources, so rows may cite sources defined anywhere in the file.
    let mut ds = Dataset::default();
    let mut source_index: BTreeMap<String, usize> = BTreeMap::new();
    for row in &table.rows {
        if table.get(row, "record") != "source" {
            continue;
        }
        let at = |field: &str, msg: String| Problem::new(file, row.line, Some(field), msg);
        let id = table.get(row, "id");
        let url = table.get(row, "url");
        let label = table.get(row, "note");
        if id.is_empty() {
            problems.push(at("id", "a source needs an id that rows can cite".into()));
            continue;
        }
        if source_index.contains_key(id) {
            problems.push(at(
                "id",
                format!("the source id {} is defined twice", quote(id)),
            ));
            continue;
        }
        if !is_https_url(url) {
            problems.push(at(
                "url",
                format!(
                    "a source link must start with https://, found {}",
                    quote(url)
                ),
            ));
        }
        if label.is_empty() {
            problems.push(at(
                "note",
                "a source needs a citation in the note column".into(),
            ));
        }
        source_index.insert(id.to_string(), ds.sources.len());
        ds.sources.push(Source {
            id: id.to_string(),
            label: label.to_string(),
            url: url.to_string(),
        });
    }

    // Pass 2: figures.
    for row in &table.rows {
        let record = table.get(row, "record");
        if record == "source" {
            continue;
        }
        let at = |field: &str, msg: String| Problem::new(file, row.line, Some(field), msg);
        let before = problems.len();

        let sources = cite(
            table.get(row, "source"),
            &source_index,
            &mut problems,
            file,
            row.line,
        );
        let status = match (table.get(row, "status"), table.get(row, "formula")) {
            ("seen", _) => Some(Status::Seen),
            ("derived", "") => {
                problems.push(at(
                    "formula",
                    "a derived figure must give its formula".into(),
                ));
                None
            }
            ("derived", f) => Some(Status::Derived(f.to_string())),
            (other, _) => {
                problems.push(at(
                    "status",
                    format!(
                        "status must be \u{201c}seen\u{201d} or \u{201c}derived\u{201d}, found {}",
                        quote(other)
                    ),
                ));
                None
            }
        };
        let note = table.get(row, "note").to_string();

        match record {
            "event" => {
                let date = table.get(row, "period");
                if parse_date(date).is_none() {
                    problems.push(at("period", format!("expected a date as YYYY-MM-DD, found {}", quote(date))));
                }
                let id = table.get(row, "id");
                if id.is_empty() {
                    problems.push(at("id", "an event needs an id".into()));
                } else if ds.events.iter().any(|e| e.id == id) {
                    problems.push(at("id", format!("the event {} is listed twice", quote(id))));
                }
                if problems.len() == before {
                    ds.events.push(DealEvent {
                        id: id.to_string(),
                        date: date.to_string(),
                        label: note,
                        sources,
                    });
                }
            }
            "commitment" | "baseline" | "target" | "monthly" | "ytd" | "outcome" => {
                let unit = table.get(row, "unit");
                let unit = match (record, unit) {
                    (_, "usd_bn") => Some(Unit::UsdBn),
                    ("outcome", "pct") => Some(Unit::Percent),
                    _ => {
                        let allowed = if record == "outcome" { "\u{201c}usd_bn\u{201d} or \u{201c}pct\u{201d}" } else { "\u{201c}usd_bn\u{201d} (US$ billions)" };
                        problems.push(at("unit", format!("unit must be {allowed}, found {}", quote(unit))));
                        None
                    }
                };
                let value = number(table.get(row, "value"), unit, &mut problems, file, row.line);
                let category_text = table.get(row, "category");
                let category = if record == "outcome" && category_text.is_empty() {
                    Some(Category::Total)
                } else {
                    let c = Category::from_code(category_text);
                    let allowed = match (record, c) {
                        (_, None) => false,
                        ("commitment" | "outcome", Some(_)) => true,
                        (_, Some(Category::Services)) => false,
                        _ => true,
                    };
                    if !allowed {
                        problems.push(at("category", format!(
                            "category must be one of manufactured, agriculture, energy{} or total, found {}",
                            if record == "commitment" { ", services" } else { "" },
                            quote(category_text)
                        )));
                    }
                    c.filter(|_| allowed)
                };
                let basis = if matches!(record, "commitment" | "outcome") {
                    None
                } else {
                    let b = table.get(row, "basis");
                    let basis = Basis::from_code(b);
                    if basis.is_none() {
                        problems.push(at("basis", format!("basis must be \u{201c}us\u{201d} (US exports) or \u{201c}cn\u{201d} (Chinese imports), found {}", quote(b))));
                    }
                    basis
                };
                let period = table.get(row, "period");
                let (Some(value), Some(status), Some(category), Some(unit)) = (value, status, category, unit) else {
                    continue;
                };
                if problems.len() != before {
                    continue;
                }
                let figure = Figure { value, status, sources, note, line: row.line };
                let dup = |what: String, old: Figure| {
                    Problem::new(file, row.line, None, format!("{what} is given twice (also on line {})", old.line))
                };
                match record {
                    "commitment" => {
                        let p = match period {
                            "2020-2021" => Some(Period::TwoYears),
                            y => y.parse().ok().filter(|y| YEARS.contains(y)).map(Period::Year),
                        };
                        let Some(p) = p else {
                            problems.push(at("period", format!("a commitment's period is 2020, 2021 or 2020-2021, found {}", quote(period))));
                            continue;
                        };
                        if let Some(old) = ds.commitments.insert((p, category), figure) {
                            problems.push(dup(format!("the {period} {} commitment", category.code()), old));
                        }
                    }
                    "baseline" => {
                        if period != "2017" {
                            problems.push(at("period", format!("the baseline year is 2017, found {}", quote(period))));
                            continue;
                        }
                        let Some(b) = basis else { continue };
                        if let Some(old) = ds.baselines.insert((b, category), figure) {
                            problems.push(dup(format!("the {} {} baseline", b.code(), category.code()), old));
                        }
                    }
                    "target" => {
                        let Some(y) = period.parse().ok().filter(|y| YEARS.contains(y)) else {
                            problems.push(at("period", format!("a target's year is 2020 or 2021, found {}", quote(period))));
                            continue;
                        };
                        let Some(b) = basis else { continue };
                        if let Some(old) = ds.targets.insert((b, y, category), figure) {
                            problems.push(dup(format!("the {} {y} {} target", b.code(), category.code()), old));
                        }
                    }
                    "monthly" | "ytd" => {
                        let Some(m) = Month::parse(period) else {
                            problems.push(at("period", format!("expected a month as YYYY-MM, found {}", quote(period))));
                            continue;
                        };
                        let ok_range = m.in_deal() || (record == "monthly" && m.year() == 2017);
                        if !ok_range {
                            problems.push(at("period", format!(
                                "{} is outside the months this file covers (2017 for the baseline pattern, {DEAL_START} to {DEAL_END} for purchases)",
                                quote(period)
                            )));
                            continue;
                        }
                        let Some(b) = basis else { continue };
                        let map = if record == "monthly" { &mut ds.monthly } else { &mut ds.ytd };
                        if let Some(old) = map.insert((b, m, category), figure) {
                            problems.push(dup(format!("the {} {record} {m} {} figure", b.code(), category.code()), old));
                        }
                    }
                    _ => {
                        let id = table.get(row, "id");
                        if id.is_empty() {
                            problems.push(at("id", "an outcome needs an id".into()));
                        } else if ds.outcomes.iter().any(|o| o.id == id) {
                            problems.push(at("id", format!("the outcome {} is listed twice", quote(id))));
                        } else {
                            ds.outcomes.push(Outcome { id: id.to_string(), unit, figure });
                        }
                    }
                }
            }
            "" => problems.push(at("record", "the record column is empty; say what the row is (source, event, commitment, baseline, target, monthly, ytd or outcome)".into())),
            other => problems.push(at("record", format!(
                "unknown record type {}; expected source, event, commitment, baseline, target, monthly, ytd or outcome",
                quote(other)
            ))),
        }
    }

    check_completeness(file, &ds, &mut problems);
    check_sums(file, &ds, &mut problems);
    problems.sort_by_key(|p| p.line);
    if problems.is_empty() {
        Ok(ds)
    } else {
        Err(problems)
    }
}

fn cite(
    text: &str,
    index: &BTreeMap<String, usize>,
    problems: &mut Vec<Problem>,
    file: &str,
    line: usize,
) -> Vec<usize> {
    let ids: Vec<&str> = text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if ids.is_empty() {
        problems.push(Problem::new(
            file,
            line,
            Some("source"),
            "every figure must cite a source id",
        ));
    }
    let mut out = Vec::new();
    for id in ids {
        match index.get(id) {
            Some(&i) => out.push(i),
            None => problems.push(Problem::new(
                file,
                line,
                Some("source"),
                format!("cites {}, but no source row has that id", quote(id)),
            )),
        }
    }
    out
}

fn number(
    text: &str,
    unit: Option<Unit>,
    problems: &mut Vec<Problem>,
    file: &str,
    line: usize,
) -> Option<f64> {
    let at = |msg: String| Problem::new(file, line, Some("value"), msg);
    let plain = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && text.bytes().any(|b| b.is_ascii_digit());
    let Some(v) = plain
        .then(|| text.parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite())
    else {
        problems.push(at(format!(
            "expected a plain number such as 4.25 (no currency signs, commas or units), found {}",
            quote(text)
        )));
        return None;
    };
    let max = if unit == Some(Unit::Percent) {
        200.0
    } else {
        MAX_USD_BN
    };
    if !(0.0..=max).contains(&v) {
        problems.push(at(format!(
            "{} is out of range: expected 0 to {max}",
            quote(text)
        )));
        return None;
    }
    Some(v)
}

/// A well-formed `https:` URL with a host. Anything else is never rendered as a link.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host.contains('.')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

fn check_completeness(file: &str, ds: &Dataset, problems: &mut Vec<Problem>) {
    let whole = |msg: String| Problem::new(file, 0, None, msg);
    for period in [Period::Year(2020), Period::Year(2021)] {
        for c in Category::ALL {
            if !ds.commitments.contains_key(&(period, c)) {
                let Period::Year(y) = period else { continue };
                problems.push(whole(format!(
                    "missing the {y} {} commitment (a commitment row)",
                    c.code()
                )));
            }
        }
    }
    let bases = ds.bases();
    if bases.is_empty() {
        problems.push(whole(
            "no purchase figures for 2020 or 2021 on either basis (monthly or ytd rows)".into(),
        ));
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
                    problems.push(whole(format!(
                        "missing the {} {y} {} target (a target row)",
                        b.code(),
                        c.code()
                    )));
                }
            }
        }
        for &c in cats {
            if !ds.baselines.contains_key(&(b, c)) {
                problems.push(whole(format!(
                    "missing the {} 2017 {} baseline (a baseline row)",
                    b.code(),
                    c.code()
                )));
            }
        }
    }
    // Monthly rows by category: a month that has some categories must have all of them.
    let mut months: BTreeMap<(Basis, Month), Vec<Category>> = BTreeMap::new();
    for (b, m, c) in ds.monthly.keys() {
        if Category::SPLIT.contains(c) {
            months.entry((*b, *m)).or_default().push(*c);
        }
    }
    for ((b, m), cats) in &months {
        for c in Category::SPLIT {
            if !cats.contains(&c) {
                let line = cats
                    .iter()
                    .filter_map(|c| ds.monthly.get(&(*b, *m, *c)))
                    .map(|f| f.line)
                    .min()
                    .unwrap_or(0);
                problems.push(Problem::new(file, line, Some("category"), format!(
                    "{} {m} has monthly figures for some categories but none for {}; give all three or none",
                    b.code(), c.code()
                )));
            }
        }
    }
    // The 2017 pattern is all twelve months or nothing.
    for b in Basis::ALL {
        for c in Category::SPLIT {
            let have: Vec<Month> = ds
                .monthly
                .keys()
                .filter(|(bb, m, cc)| *bb == b && *cc == c && m.year() == 2017)
                .map(|k| k.1)
                .collect();
            if !have.is_empty() && have.len() != 12 {
                problems.push(whole(format!(
                    "the 2017 {} {} pattern has {} of 12 months; give all twelve or none",
                    b.code(),
                    c.code(),
                    have.len()
                )));
            }
        }
    }
}

fn check_sums(file: &str, ds: &Dataset, problems: &mut Vec<Problem>) {
    let mismatch = |line: usize, what: String, parts: f64, total: f64| {
        ((parts - total).abs() > SUM_TOLERANCE).then(|| {
            Problem::new(
                file,
                line,
                Some("value"),
                format!(
                    "{what}: the categories add up to {} but the total is {}",
                    decimal(parts, 3),
                    decimal(total, 3)
                ),
            )
        })
    };
    for y in YEARS {
        let p = Period::Year(y);
        if let Some(t) = ds.commitments.get(&(p, Category::Total)) {
            let parts: Option<f64> = [
                Category::Manufactured,
                Category::Agriculture,
                Category::Energy,
                Category::Services,
            ]
            .iter()
            .map(|c| ds.commitments.get(&(p, *c)).map(|f| f.value))
            .sum();
            if let Some(parts) = parts {
                problems.extend(mismatch(t.line, format!("{y} commitments"), parts, t.value));
            }
        }
    }
    if let Some(t) = ds.commitments.get(&(Period::TwoYears, Category::Total)) {
        let parts: Option<f64> = YEARS
            .iter()
            .map(|y| {
                ds.commitments
                    .get(&(Period::Year(*y), Category::Total))
                    .map(|f| f.value)
            })
            .sum();
        if let Some(parts) = parts {
            problems.extend(mismatch(
                t.line,
                "two-year commitment (the 2020 and 2021 totals)".into(),
                parts,
                t.value,
            ));
        }
    }
    let split_sum = |get: &dyn Fn(Category) -> Option<f64>| -> Option<f64> {
        Category::SPLIT.iter().map(|c| get(*c)).sum()
    };
    for b in Basis::ALL {
        if let (Some(t), Some(parts)) = (
            ds.baselines.get(&(b, Category::Total)),
            split_sum(&|c| ds.baselines.get(&(b, c)).map(|f| f.value)),
        ) {
            problems.extend(mismatch(
                t.line,
                format!("{} 2017 baseline", b.code()),
                parts,
                t.value,
            ));
        }
        for y in YEARS {
            if let (Some(t), Some(parts)) = (
                ds.target(b, y, Category::Total),
                split_sum(&|c| ds.target(b, y, c).map(|f| f.value)),
            ) {
                problems.extend(mismatch(
                    t.line,
                    format!("{} {y} targets", b.code()),
                    parts,
                    t.value,
                ));
            }
            // A target is the 2017 baseline plus the goods increments in Annex 6.1.
            for c in Category::SPLIT.into_iter().chain([Category::Total]) {
                let (Some(t), Some(base)) = (ds.target(b, y, c), ds.baselines.get(&(b, c))) else {
                    continue;
                };
                let inc = if c == Category::Total {
                    split_sum(&|c| ds.commitments.get(&(Period::Year(y), c)).map(|f| f.value))
                } else {
                    ds.commitments.get(&(Period::Year(y), c)).map(|f| f.value)
                };
                if let Some(inc) = inc {
                    if (base.value + inc - t.value).abs() > TARGET_TOLERANCE {
                        problems.push(Problem::new(file, t.line, Some("value"), format!(
                            "the {} {y} {} target should be the 2017 baseline {} plus the {y} increment {} = {}, but it is {}",
                            b.code(), c.code(), decimal(base.value, 2), decimal(inc, 2), decimal(base.value + inc, 2), decimal(t.value, 2)
                        )));
                    }
                }
            }
        }
        let months: Vec<Month> = ds
            .monthly
            .keys()
            .filter(|(bb, _, c)| *bb == b && *c == Category::Total)
            .map(|k| k.1)
            .collect();
        for m in months {
            if let (Some(t), Some(parts)) = (
                ds.monthly.get(&(b, m, Category::Total)),
                split_sum(&|c| ds.monthly.get(&(b, m, c)).map(|f| f.value)),
            ) {
                problems.extend(mismatch(
                    t.line,
                    format!("{} {m}", b.code()),
                    parts,
                    t.value,
                ));
            }
        }
    }
}
