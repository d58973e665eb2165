//! Reading and validating `timeline.csv`, reporting every problem with line and field.

use std::collections::HashMap;

use super::{Actor, App, Precision, Timeline, TimelineEvent};
use crate::core::csv::{self, Row, Table};
use crate::core::month::{Month, parse_date};
use crate::core::problem::{Msg, Problem};
use crate::core::sources;
use crate::core::steps::Steps;
use crate::core::vocab::Set;

/// The columns every timeline file has. `key`, `label`, the `report_*` columns and
/// `copy_reason` are optional.
pub const COLUMNS: [&str; 14] = [
    "id",
    "date",
    "precision",
    "title",
    "annotation",
    "apps",
    "actor",
    "instrument",
    "verified",
    "source_url",
    "source_outlet",
    "source_title",
    "source_date",
    "source_tier",
];
/// The most events a timeline file may have (the built-in one has 74): each is a card.
pub const MAX_EVENTS: usize = 500;
pub const MAX_TITLE: usize = 140;
pub const MAX_ANNOTATION: usize = 700;
/// A chart label must fit beside a marker on a phone's chart.
pub const MAX_LABEL: usize = 32;
const MAX_ID: usize = 80;
/// The years a date may fall in: anything else is a typo.
const YEARS: std::ops::RangeInclusive<i32> = 2015..=2035;

/// Parses and validates timeline data, returning every problem found (up to
/// [`csv::MAX_PROBLEMS`]).
pub fn parse(file: &str, text: &str) -> Result<Timeline, Vec<Problem>> {
    let (table, problems) = csv::read_capped(file, text)?;
    crate::core::steps::run(Job::new(file, &table, problems))
}

/// Validating a read table a few rows at a time (see [`crate::core::steps`]).
pub struct Job<'a> {
    file: &'a str,
    table: &'a Table,
    ok_columns: bool,
    next: usize,
    ids: HashMap<&'a str, usize>,
    events: Vec<TimelineEvent>,
    problems: Vec<Problem>,
}

impl<'a> Job<'a> {
    /// `problems` are those found reading the table (its shape).
    pub fn new(file: &'a str, table: &'a Table, mut problems: Vec<Problem>) -> Self {
        let too_many = csv::too_many_rows(table, MAX_EVENTS);
        let fits = too_many.is_none();
        problems.extend(too_many);
        let ok_columns = table.require_columns(&COLUMNS, &mut problems) && fits;
        Job {
            file,
            table,
            ok_columns,
            next: 0,
            ids: HashMap::new(),
            events: Vec::new(),
            problems,
        }
    }
}

impl Steps for Job<'_> {
    type Output = Result<Timeline, Vec<Problem>>;

    fn step(&mut self, budget: usize) -> bool {
        if !self.ok_columns {
            return true;
        }
        let end = self.next.saturating_add(budget.max(1));
        while self.next < end {
            let Some(row) = self.table.rows.get(self.next) else {
                return true;
            };
            if csv::stop_at_limit(self.file, row.line, &mut self.problems) {
                self.next = self.table.rows.len();
                return true;
            }
            self.next += 1;
            let mut r = RowReader {
                file: self.file,
                table: self.table,
                row,
                problems: &mut self.problems,
            };
            if let Some(e) = r.event(&mut self.ids) {
                self.events.push(e);
            }
        }
        self.next >= self.table.rows.len()
    }

    fn finish(self) -> Self::Output {
        let mut problems = self.problems;
        let mut events = self.events;
        if self.ok_columns && events.is_empty() && problems.is_empty() {
            problems.push(Problem::new(self.file, 0, None, Msg::NoEvents));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        crate::core::sorted::sort_by_key(&mut events, |e| e.date);
        Ok(Timeline { events, omitted: 0 })
    }
}

/// Whether a date falls in the chart's months (2020–21).
fn in_chart((y, m, _): (i32, u32, u32)) -> bool {
    Month::new(y, m).is_some_and(Month::in_deal)
}

struct RowReader<'a, 'p> {
    file: &'a str,
    table: &'a Table,
    row: &'a Row,
    problems: &'p mut Vec<Problem>,
}

impl<'a> RowReader<'a, '_> {
    fn get(&self, field: &str) -> &'a str {
        self.table.get(self.row, field)
    }

    /// Reports a problem in `field`, with extra template arguments.
    fn report(&mut self, field: &str, msg: Msg, args: &[(&'static str, String)]) {
        let mut p = Problem::new(self.file, self.row.line, Some(field), msg);
        p.args.extend_from_slice(args);
        self.problems.push(p);
    }

    /// Reports a problem that quotes the field's value.
    fn bad(&mut self, field: &str, msg: Msg, args: &[(&'static str, String)]) {
        let value = self.get(field);
        let mut p = Problem::new(self.file, self.row.line, Some(field), msg).value(value);
        p.args.extend_from_slice(args);
        self.problems.push(p);
    }

    fn event(&mut self, ids: &mut HashMap<&'a str, usize>) -> Option<TimelineEvent> {
        let before = self.problems.len();
        let id = self.id(ids);
        let precision = Precision::from_code(self.get("precision"));
        if precision.is_none() {
            self.bad("precision", Msg::BadPrecision, &[]);
        }
        let date = self.date(precision);
        self.text("title", MAX_TITLE, Msg::BadTitle);
        self.text("annotation", MAX_ANNOTATION, Msg::BadAnnotation);
        let apps = match self.get("apps") {
            "both" => Some(Set::all()),
            code => App::from_code(code).map(Set::only),
        };
        if apps.is_none() {
            self.bad("apps", Msg::BadApps, &[]);
        }
        let actor = Actor::from_code(self.get("actor"));
        if actor.is_none() {
            let list = Actor::ALL.map(Actor::code).join(", ");
            self.bad("actor", Msg::BadActor, &[("allowed", list)]);
        }
        let sources = self.sources();
        // Optional, so files written before key moments existed still load.
        let key = match self.get("key") {
            "yes" | "true" => Some(true),
            "no" | "false" | "" => Some(false),
            _ => {
                self.bad("key", Msg::BadKey, &[]);
                None
            }
        };
        let label = self.get("label");
        if label.chars().count() > MAX_LABEL {
            self.report("label", Msg::BadLabel, &[("max", MAX_LABEL.to_string())]);
        } else if !label.is_empty() && date.is_some_and(|d| !in_chart(d)) {
            self.report("label", Msg::LabelOutsideChart, &[]);
        }
        let verified = match self.get("verified") {
            "yes" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => {
                self.bad("verified", Msg::BadVerified, &[]);
                None
            }
        };
        if self.problems.len() != before {
            return None;
        }
        Some(TimelineEvent {
            id: id?.to_string(),
            date: date?,
            precision: precision?,
            title: self.get("title").to_string(),
            annotation: self.get("annotation").to_string(),
            apps: apps?,
            actor: actor?,
            instrument: self.get("instrument").to_string(),
            sources,
            verified: verified?,
            key: key?,
            label: label.to_string(),
            line: self.row.line,
        })
    }

    /// A slug used in links (`#event-<id>`), unique in the file.
    fn id(&mut self, ids: &mut HashMap<&'a str, usize>) -> Option<&'a str> {
        let id = self.get("id");
        let slug = !id.is_empty()
            && id.len() <= MAX_ID
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !slug {
            self.bad("id", Msg::BadSlug, &[]);
            return None;
        }
        if let Some(other) = ids.insert(id, self.row.line) {
            self.bad("id", Msg::SlugTwice, &[("other", other.to_string())]);
            return None;
        }
        Some(id)
    }

    fn date(&mut self, precision: Option<Precision>) -> Option<(i32, u32, u32)> {
        let text = self.get("date");
        let date = match precision {
            Some(Precision::Month) => Month::parse(text).map(|m| (m.year(), m.month(), 1)),
            _ => parse_date(text),
        }
        .filter(|d| YEARS.contains(&d.0));
        if date.is_none() {
            let form = if precision == Some(Precision::Month) {
                "YYYY-MM"
            } else {
                "YYYY-MM-DD"
            };
            let args = [
                ("form", form.to_string()),
                ("from", YEARS.start().to_string()),
                ("to", YEARS.end().to_string()),
            ];
            self.bad("date", Msg::BadEventDate, &args);
        }
        date
    }

    fn text(&mut self, field: &str, max: usize, msg: Msg) {
        let text = self.get(field);
        if text.is_empty() || text.chars().count() > max {
            self.report(field, msg, &[("max", max.to_string())]);
        }
    }

    /// The primary source, and the news report when the row gives one.
    fn sources(&mut self) -> Vec<sources::Citation> {
        let mut out = Vec::new();
        for (prefix, required) in [("source", true), ("report", false)] {
            let col = |name: &str| format!("{prefix}_{name}");
            let cols = ["url", "outlet", "title", "date", "tier"].map(col);
            if !required && cols.iter().all(|c| self.get(c).is_empty()) {
                continue;
            }
            if required && self.get(&cols[0]).trim().is_empty() {
                self.report(&cols[0], Msg::NoEventSource, &[]);
                continue;
            }
            let field = |i: usize| (cols[i].as_str(), self.get(&cols[i]));
            let fields = sources::Fields {
                url: field(0),
                outlet: field(1),
                title: field(2),
                date: field(3),
                tier: field(4),
                copy_reason: ("copy_reason", self.get("copy_reason")),
            };
            let (file, line) = (self.file, self.row.line);
            out.extend(sources::citation(file, line, fields, self.problems));
        }
        out
    }
}
