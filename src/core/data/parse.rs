//! Reading `purchases.csv` row by row: one function per record type. Every problem is
//! collected with its line and field; the cross-row checks are in `checks.rs`.

use std::collections::{HashMap, HashSet};

use crate::core::sorted::SortedMap;

use super::types::{
    Basis, Category, Dataset, Figure, Milestone, Outcome, Period, Record, Scope, Source, Status,
    Unit,
};
use crate::core::csv::{Row, Table};
use crate::core::month::{DEAL_END, DEAL_START, Month, YEARS, parse_date};
use crate::core::problem::{Msg, Problem};
use crate::core::sources;

/// No monthly, annual or two-year figure in this deal comes near US$1 trillion.
const MAX_USD_BN: f64 = 1000.0;
/// A share may exceed 100% (a target beaten), not 200%.
const MAX_PERCENT: f64 = 200.0;

/// The record codes, for messages that list them.
fn record_list() -> String {
    Record::ALL.map(Record::code).join(", ")
}

pub(super) struct Reader<'a> {
    file: &'a str,
    table: &'a Table,
    pub problems: Vec<Problem>,
    pub ds: Dataset,
    source_ids: HashMap<String, usize>,
    /// Ids of milestones and outcomes, per record type.
    ids: HashSet<(Record, String)>,
    /// Where reading has got to: the pass (0: sources, 1: everything else) and the row.
    pass: u8,
    next: usize,
}

/// The parts every figure row shares.
struct Common {
    figure: Figure,
    category: Category,
    basis: Option<Basis>,
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a str, table: &'a Table) -> Self {
        Reader {
            file,
            table,
            problems: Vec::new(),
            ds: Dataset::default(),
            source_ids: HashMap::new(),
            ids: HashSet::new(),
            pass: 0,
            next: 0,
        }
    }

    fn get(&self, row: &'a Row, field: &str) -> &'a str {
        self.table.get(row, field)
    }

    fn at(&self, row: &Row, field: &str, msg: Msg) -> Problem {
        Problem::new(self.file, row.line, Some(field), msg)
    }

    fn push(&mut self, p: Problem) {
        self.problems.push(p);
    }

    /// Reads up to `budget` more rows: all the sources first, so rows may cite sources
    /// defined anywhere, then the other rows. Returns true when every row is read, or
    /// when reading stopped at [`MAX_PROBLEMS`](crate::core::csv::MAX_PROBLEMS).
    pub fn step(&mut self, budget: usize) -> bool {
        let rows = &self.table.rows;
        let mut left = budget.max(1);
        while self.pass < 2 && left > 0 {
            let Some(row) = rows.get(self.next) else {
                self.pass += 1;
                self.next = 0;
                continue;
            };
            if crate::core::csv::stop_at_limit(self.file, row.line, &mut self.problems) {
                self.pass = 2;
                break;
            }
            self.next += 1;
            left -= 1;
            if self.pass == 0 {
                if self.get(row, "record") == Record::Source.code() {
                    self.source(row);
                }
            } else {
                self.row(row);
            }
        }
        self.pass >= 2
    }

    fn row(&mut self, row: &'a Row) {
        match Record::from_code(self.get(row, "record")) {
            Some(Record::Source) => {}
            Some(Record::Event) => self.milestone(row),
            Some(Record::Commitment) => self.commitment(row),
            Some(Record::Baseline) => self.baseline(row),
            Some(Record::Target) => self.target(row),
            Some(r @ (Record::Monthly | Record::Ytd)) => self.month_figure(row, r),
            Some(Record::Outcome) => self.outcome(row),
            None => {
                let value = self.get(row, "record");
                let msg = if value.is_empty() {
                    Msg::NoRecord
                } else {
                    Msg::UnknownRecord
                };
                let p = self.at(row, "record", msg).value(value);
                self.push(p.arg("allowed", record_list()));
            }
        }
    }

    fn source(&mut self, row: &'a Row) {
        let id = self.get(row, "id");
        if id.is_empty() {
            let p = self.at(row, "id", Msg::SourceNoId);
            return self.push(p);
        }
        if self.source_ids.contains_key(id) {
            let p = self.at(row, "id", Msg::SourceIdTwice).value(id);
            return self.push(p);
        }
        let fields = |name: &'static str| (name, self.get(row, name));
        let cite = sources::citation(
            self.file,
            row.line,
            sources::Fields {
                url: fields("url"),
                outlet: fields("outlet"),
                title: fields("title"),
                date: fields("published"),
                tier: fields("tier"),
                copy_reason: fields("copy_reason"),
            },
            &mut self.problems,
        );
        // Registered even when it has problems, so rows citing it aren't reported too.
        self.source_ids
            .insert(id.to_string(), self.ds.sources.len());
        if let Some(cite) = cite {
            self.ds.sources.push(Source {
                id: id.to_string(),
                cite,
            });
        }
    }

    /// The ids a row cites in its `source` column.
    fn cite(&mut self, row: &'a Row) -> Vec<usize> {
        let text = self.get(row, "source");
        let ids: Vec<&str> = text
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if ids.is_empty() {
            let p = self.at(row, "source", Msg::NoSourceCited);
            self.push(p);
        }
        let mut out = Vec::new();
        for id in ids {
            match self.source_ids.get(id) {
                Some(&i) => out.push(i),
                None => {
                    let p = self.at(row, "source", Msg::UndefinedSource).value(id);
                    self.push(p);
                }
            }
        }
        out
    }

    fn status(&mut self, row: &'a Row) -> Option<Status> {
        match (self.get(row, "status"), self.get(row, "formula")) {
            ("seen", _) => Some(Status::Seen),
            ("derived", "") => {
                let p = self.at(row, "formula", Msg::NoFormula);
                self.push(p);
                None
            }
            ("derived", f) => Some(Status::Derived(f.to_string())),
            (other, _) => {
                let p = self.at(row, "status", Msg::BadStatus).value(other);
                self.push(p);
                None
            }
        }
    }

    /// A new id for a milestone or an outcome: present, and not used before by its kind.
    fn new_id(&mut self, row: &'a Row, record: Record) -> Option<&'a str> {
        let id = self.get(row, "id");
        let msg = if id.is_empty() {
            Msg::NoId
        } else if !self.ids.insert((record, id.to_string())) {
            Msg::IdTwice
        } else {
            return Some(id);
        };
        let p = self.at(row, "id", msg).value(id);
        self.push(p.arg("record", record.code()));
        None
    }

    fn milestone(&mut self, row: &'a Row) {
        let before = self.problems.len();
        let sources = self.cite(row);
        self.status(row);
        let text = self.get(row, "period");
        let date = parse_date(text);
        if date.is_none() {
            let p = self.at(row, "period", Msg::BadDate).value(text);
            self.push(p);
        }
        let id = self.new_id(row, Record::Event);
        if let (Some(id), Some(date), true) = (id, date, self.problems.len() == before) {
            self.ds.milestones.push(Milestone {
                id: id.to_string(),
                date,
                label: self.get(row, "note").to_string(),
                sources,
            });
        }
    }

    /// The unit, value, category, status, sources and basis of a figure row. `None` when
    /// any of them has a problem (reported).
    fn common(&mut self, row: &'a Row, record: Record) -> Option<(Common, Unit)> {
        let before = self.problems.len();
        let sources = self.cite(row);
        let status = self.status(row);
        let unit = self.unit(row, record);
        let value = self.value(row, unit);
        let category = self.category(row, record);
        let basis = match record {
            Record::Commitment | Record::Outcome => None,
            _ => self.basis(row),
        };
        if self.problems.len() != before {
            return None;
        }
        let figure = Figure {
            value: value?,
            status: status?,
            sources,
            note: self.get(row, "note").to_string(),
            line: row.line,
        };
        Some((
            Common {
                figure,
                category: category?,
                basis,
            },
            unit?,
        ))
    }

    fn unit(&mut self, row: &'a Row, record: Record) -> Option<Unit> {
        let text = self.get(row, "unit");
        let allowed: &[Unit] = if record == Record::Outcome {
            &Unit::ALL
        } else {
            &[Unit::UsdBn]
        };
        let unit = Unit::from_code(text).filter(|u| allowed.contains(u));
        if unit.is_none() {
            let list = allowed
                .iter()
                .map(|u| u.code())
                .collect::<Vec<_>>()
                .join(", ");
            let p = self.at(row, "unit", Msg::BadUnit).value(text);
            self.push(p.arg("allowed", list));
        }
        unit
    }

    fn value(&mut self, row: &'a Row, unit: Option<Unit>) -> Option<f64> {
        let text = self.get(row, "value");
        let plain = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
            && text.bytes().any(|b| b.is_ascii_digit());
        let parsed = plain
            .then(|| crate::core::decimal::parse_decimal(text))
            .flatten();
        let Some(v) = parsed else {
            let p = self.at(row, "value", Msg::BadNumber).value(text);
            self.push(p);
            return None;
        };
        let max = if unit == Some(Unit::Percent) {
            MAX_PERCENT
        } else {
            MAX_USD_BN
        };
        if !(0.0..=max).contains(&v) {
            let p = self.at(row, "value", Msg::OutOfRange).value(text);
            self.push(p.arg("max", crate::core::decimal::decimal(max, 0)));
            return None;
        }
        Some(v)
    }

    fn category(&mut self, row: &'a Row, record: Record) -> Option<Category> {
        let text = self.get(row, "category");
        if record == Record::Outcome {
            // An outcome's category column holds its scope (see `outcome`).
            return Some(Category::Total);
        }
        // Services are committed but never measured, so only commitments and outcomes
        // may name them.
        let services = matches!(record, Record::Commitment | Record::Outcome);
        let allowed = |c: &Category| services || *c != Category::Services;
        let category = Category::from_code(text).filter(allowed);
        if category.is_none() {
            let list: Vec<&str> = Category::ALL
                .into_iter()
                .filter(allowed)
                .map(Category::code)
                .collect();
            let p = self.at(row, "category", Msg::BadCategory).value(text);
            self.push(p.arg("allowed", list.join(", ")));
        }
        category
    }

    fn basis(&mut self, row: &'a Row) -> Option<Basis> {
        let text = self.get(row, "basis");
        let basis = Basis::from_code(text);
        if basis.is_none() {
            let p = self.at(row, "basis", Msg::BadBasis).value(text);
            self.push(p);
        }
        basis
    }

    /// Inserts a figure under its key, reporting a second figure for the same key.
    fn insert<K: Ord>(
        problems: &mut Vec<Problem>,
        file: &str,
        map: &mut SortedMap<K, Figure>,
        key: K,
        figure: Figure,
        what: impl FnOnce() -> String,
    ) {
        let line = figure.line;
        if let Some(old) = map.insert(key, figure) {
            problems.push(
                Problem::new(file, line, None, Msg::GivenTwice)
                    .arg("what", what())
                    .arg("other", old.line.to_string()),
            );
        }
    }

    fn year(&self, row: &'a Row) -> Option<i32> {
        self.get(row, "period")
            .parse()
            .ok()
            .filter(|y| YEARS.contains(y))
    }

    fn commitment(&mut self, row: &'a Row) {
        let Some((c, _)) = self.common(row, Record::Commitment) else {
            return;
        };
        let text = self.get(row, "period");
        let period = match text {
            "2020-2021" => Some(Period::TwoYears),
            _ => self.year(row).map(Period::Year),
        };
        let Some(period) = period else {
            let p = self.at(row, "period", Msg::BadCommitmentPeriod).value(text);
            return self.push(p);
        };
        let what = || format!("commitment {text} {}", c.category.code());
        let map = &mut self.ds.commitments;
        Self::insert(
            &mut self.problems,
            self.file,
            map,
            (period, c.category),
            c.figure,
            what,
        );
    }

    fn baseline(&mut self, row: &'a Row) {
        let Some((c, _)) = self.common(row, Record::Baseline) else {
            return;
        };
        let text = self.get(row, "period");
        if text != "2017" {
            let p = self.at(row, "period", Msg::BadBaselineYear).value(text);
            return self.push(p);
        }
        let Some(b) = c.basis else { return };
        let what = || format!("baseline {} {}", b.code(), c.category.code());
        let map = &mut self.ds.baselines;
        Self::insert(
            &mut self.problems,
            self.file,
            map,
            (b, c.category),
            c.figure,
            what,
        );
    }

    fn target(&mut self, row: &'a Row) {
        let Some((c, _)) = self.common(row, Record::Target) else {
            return;
        };
        let Some(year) = self.year(row) else {
            let p = self.at(row, "period", Msg::BadTargetYear);
            return self.push(p.value(self.get(row, "period")));
        };
        let Some(b) = c.basis else { return };
        let what = || format!("target {} {year} {}", b.code(), c.category.code());
        let map = &mut self.ds.targets;
        Self::insert(
            &mut self.problems,
            self.file,
            map,
            (b, year, c.category),
            c.figure,
            what,
        );
    }

    fn month_figure(&mut self, row: &'a Row, record: Record) {
        let Some((c, _)) = self.common(row, record) else {
            return;
        };
        let text = self.get(row, "period");
        let Some(m) = Month::parse(text) else {
            let p = self.at(row, "period", Msg::BadMonth).value(text);
            return self.push(p);
        };
        // 2017 months give the baseline's seasonal pattern; only monthly rows have them.
        if !(m.in_deal() || (record == Record::Monthly && m.year() == 2017)) {
            let p = self.at(row, "period", Msg::MonthOutside).value(text);
            let p = p.arg("start", DEAL_START.to_string());
            return self.push(p.arg("end", DEAL_END.to_string()));
        }
        let Some(b) = c.basis else { return };
        let what = || format!("{} {} {m} {}", record.code(), b.code(), c.category.code());
        let map = if record == Record::Monthly {
            &mut self.ds.monthly
        } else {
            &mut self.ds.ytd
        };
        Self::insert(
            &mut self.problems,
            self.file,
            map,
            (b, m, c.category),
            c.figure,
            what,
        );
    }

    fn outcome(&mut self, row: &'a Row) {
        let text = self.get(row, "category");
        let scope = Scope::from_code(text);
        if scope.is_none() {
            let list = Scope::ALL.map(Scope::code).join(", ");
            let p = self.at(row, "category", Msg::BadCategory).value(text);
            self.push(p.arg("allowed", list));
        }
        let id = self.new_id(row, Record::Outcome);
        let Some((c, unit)) = self.common(row, Record::Outcome) else {
            return;
        };
        if let (Some(id), Some(scope)) = (id, scope) {
            self.ds.outcomes.push(Outcome {
                id: id.to_string(),
                unit,
                scope,
                figure: c.figure,
            });
        }
    }
}
