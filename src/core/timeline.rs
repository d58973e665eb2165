//! The timeline data file (`timeline.csv`): TikTok and WeChat events, parsing,
//! validation and filtering.

use super::data::is_https_url;
use super::month::{Month, parse_date};
use super::problem::{Problem, quote};

pub const FILE_NAME: &str = "timeline.csv";
pub const BUILT_IN: &str = include_str!("../../static/data/timeline.csv");
pub const COLUMNS: [&str; 10] = [
    "id",
    "date",
    "precision",
    "title",
    "annotation",
    "apps",
    "actor",
    "instrument",
    "sources",
    "verified",
];
const MAX_TITLE: usize = 140;
const MAX_ANNOTATION: usize = 700;

/// Which app an event concerns.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Apps {
    TikTok,
    WeChat,
    Both,
}

impl Apps {
    pub fn code(self) -> &'static str {
        match self {
            Apps::TikTok => "tiktok",
            Apps::WeChat => "wechat",
            Apps::Both => "both",
        }
    }

    pub fn from_code(s: &str) -> Option<Apps> {
        [Apps::TikTok, Apps::WeChat, Apps::Both]
            .into_iter()
            .find(|a| a.code() == s)
    }

    pub fn concerns(self, app: App) -> bool {
        matches!(
            (self, app),
            (Apps::Both, _) | (Apps::TikTok, App::TikTok) | (Apps::WeChat, App::WeChat)
        )
    }
}

/// One app, for filtering.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum App {
    TikTok,
    WeChat,
}

impl App {
    pub const ALL: [App; 2] = [App::TikTok, App::WeChat];

    pub fn code(self) -> &'static str {
        match self {
            App::TikTok => "tiktok",
            App::WeChat => "wechat",
        }
    }

    pub fn from_code(s: &str) -> Option<App> {
        App::ALL.into_iter().find(|a| a.code() == s)
    }
}

/// Who acted.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Actor {
    WhiteHouse,
    Commerce,
    TreasuryCfius,
    Congress,
    Court,
    Company,
    ChinaGovernment,
}

impl Actor {
    pub const ALL: [Actor; 7] = [
        Actor::WhiteHouse,
        Actor::Commerce,
        Actor::TreasuryCfius,
        Actor::Congress,
        Actor::Court,
        Actor::Company,
        Actor::ChinaGovernment,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Actor::WhiteHouse => "white_house",
            Actor::Commerce => "commerce",
            Actor::TreasuryCfius => "treasury_cfius",
            Actor::Congress => "congress",
            Actor::Court => "court",
            Actor::Company => "company",
            Actor::ChinaGovernment => "china_government",
        }
    }

    pub fn from_code(s: &str) -> Option<Actor> {
        Actor::ALL.into_iter().find(|a| a.code() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// How precisely an event is dated.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
}

/// A dated event. Dates are (year, month, day); a month-precision event has day 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: (i32, u32, u32),
    pub precision: Precision,
    pub title: String,
    pub annotation: String,
    pub apps: Apps,
    pub actor: Actor,
    pub instrument: String,
    /// `https:` links only.
    pub sources: Vec<String>,
    pub verified: bool,
    pub line: usize,
}

impl Event {
    pub fn month(&self) -> Month {
        Month::new(self.date.0, self.date.1).unwrap_or(super::month::DEAL_START)
    }

    /// Within the chart's months (2020–21)?
    pub fn in_deal(&self) -> bool {
        self.month().in_deal()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Sorted by date; events on the same date keep their order in the file.
    pub events: Vec<Event>,
}

impl Timeline {
    pub fn find(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
}

/// Parses and validates timeline data, returning every problem found.
pub fn parse(file: &str, text: &str) -> Result<Timeline, Vec<Problem>> {
    let mut problems = Vec::new();
    let table = super::csv::parse(file, text, &mut problems);
    if !table.require_columns(&COLUMNS, &mut problems) {
        return Err(problems);
    }
    let mut events: Vec<Event> = Vec::new();
    for row in &table.rows {
        let at = |field: &str, msg: String| Problem::new(file, row.line, Some(field), msg);
        let before = problems.len();
        let get = |name| table.get(row, name);

        let id = get("id");
        if id.is_empty()
            || id.len() > 80
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            problems.push(at("id", format!(
                "an id uses only lower-case letters, digits and hyphens (it appears in links), found {}",
                quote(id)
            )));
        } else if let Some(other) = events.iter().find(|e| e.id == id) {
            problems.push(at(
                "id",
                format!(
                    "the id {} is already used on line {}",
                    quote(id),
                    other.line
                ),
            ));
        }

        let precision = match get("precision") {
            "day" => Some(Precision::Day),
            "month" => Some(Precision::Month),
            other => {
                problems.push(at(
                    "precision",
                    format!(
                        "precision must be \u{201c}day\u{201d} or \u{201c}month\u{201d}, found {}",
                        quote(other)
                    ),
                ));
                None
            }
        };
        let date_text = get("date");
        let date = match precision {
            Some(Precision::Month) => Month::parse(date_text).map(|m| (m.year(), m.month(), 1)),
            _ => parse_date(date_text),
        };
        let date = date.filter(|d| (2015..=2035).contains(&d.0));
        if date.is_none() {
            let form = if precision == Some(Precision::Month) {
                "YYYY-MM"
            } else {
                "YYYY-MM-DD"
            };
            problems.push(at(
                "date",
                format!(
                    "expected a real date as {form} between 2015 and 2035, found {}",
                    quote(date_text)
                ),
            ));
        }

        let title = get("title");
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            problems.push(at(
                "title",
                format!("a title is needed, at most {MAX_TITLE} characters"),
            ));
        }
        let annotation = get("annotation");
        if annotation.is_empty() || annotation.chars().count() > MAX_ANNOTATION {
            problems.push(at(
                "annotation",
                format!("an annotation is needed, at most {MAX_ANNOTATION} characters"),
            ));
        }
        let apps = Apps::from_code(get("apps"));
        if apps.is_none() {
            problems.push(at(
                "apps",
                format!(
                    "apps must be tiktok, wechat or both, found {}",
                    quote(get("apps"))
                ),
            ));
        }
        let actor = Actor::from_code(get("actor"));
        if actor.is_none() {
            problems.push(at("actor", format!(
                "unknown actor {}; expected white_house, commerce, treasury_cfius, congress, court, company or china_government",
                quote(get("actor"))
            )));
        }
        let mut sources = Vec::new();
        for url in get("sources")
            .split([';', ' ', '\n', '\t'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if is_https_url(url) {
                sources.push(url.to_string());
            } else {
                problems.push(at(
                    "sources",
                    format!(
                        "a source link must start with https://, found {}",
                        quote(url)
                    ),
                ));
            }
        }
        if get("sources").trim().is_empty() {
            problems.push(at(
                "sources",
                "every event needs at least one source link".into(),
            ));
        }
        let verified = match get("verified") {
            "yes" | "true" => Some(true),
            "no" | "false" => Some(false),
            other => {
                problems.push(at(
                    "verified",
                    format!("verified must be yes or no, found {}", quote(other)),
                ));
                None
            }
        };
        if problems.len() != before {
            continue;
        }
        let (Some(date), Some(precision), Some(apps), Some(actor), Some(verified)) =
            (date, precision, apps, actor, verified)
        else {
            continue;
        };
        events.push(Event {
            id: id.to_string(),
            date,
            precision,
            title: title.to_string(),
            annotation: annotation.to_string(),
            apps,
            actor,
            instrument: get("instrument").to_string(),
            sources,
            verified,
            line: row.line,
        });
    }
    if events.is_empty() && problems.is_empty() {
        problems.push(Problem::new(file, 0, None, "the file has no events"));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    events.sort_by_key(|e| e.date);
    Ok(Timeline { events })
}

/// The span of time the timeline shows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PeriodFilter {
    /// The deal years, 2020–21 (the chart's range).
    Deal,
    All,
}

impl PeriodFilter {
    pub fn code(self) -> &'static str {
        match self {
            PeriodFilter::Deal => "deal",
            PeriodFilter::All => "all",
        }
    }

    pub fn from_code(s: &str) -> Option<PeriodFilter> {
        match s {
            "deal" | "2020-2021" => Some(PeriodFilter::Deal),
            "all" => Some(PeriodFilter::All),
            _ => None,
        }
    }
}

/// The reader's filters. The default shows everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Indexed by `App as usize`.
    pub apps: [bool; 2],
    /// Indexed by `Actor::index`.
    pub actors: [bool; 7],
    pub period: PeriodFilter,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            apps: [true; 2],
            actors: [true; 7],
            period: PeriodFilter::All,
        }
    }
}

impl Filters {
    pub fn app(&self, app: App) -> bool {
        self.apps[app as usize]
    }

    pub fn actor(&self, actor: Actor) -> bool {
        self.actors[actor.index()]
    }

    fn period_ok(&self, e: &Event) -> bool {
        self.period == PeriodFilter::All || e.in_deal()
    }

    fn apps_ok(&self, e: &Event) -> bool {
        App::ALL.iter().any(|a| self.app(*a) && e.apps.concerns(*a))
    }

    pub fn matches(&self, e: &Event) -> bool {
        self.period_ok(e) && self.apps_ok(e) && self.actor(e.actor)
    }

    /// Events matching this app option, under the other filters as set.
    pub fn count_app(&self, t: &Timeline, app: App) -> usize {
        t.events
            .iter()
            .filter(|e| self.period_ok(e) && self.actor(e.actor) && e.apps.concerns(app))
            .count()
    }

    /// Events matching this actor option, under the other filters as set.
    pub fn count_actor(&self, t: &Timeline, actor: Actor) -> usize {
        t.events
            .iter()
            .filter(|e| self.period_ok(e) && self.apps_ok(e) && e.actor == actor)
            .count()
    }

    /// Events matching this period option, under the other filters as set.
    pub fn count_period(&self, t: &Timeline, period: PeriodFilter) -> usize {
        let f = Filters {
            period,
            ..self.clone()
        };
        t.events.iter().filter(|e| f.matches(e)).count()
    }
}

/// The events that pass the filters, in date order.
pub fn filtered<'a>(t: &'a Timeline, f: &Filters) -> Vec<&'a Event> {
    t.events.iter().filter(|e| f.matches(e)).collect()
}

/// The host name of a link, for link text ("www.reuters.com" → "reuters.com").
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}
