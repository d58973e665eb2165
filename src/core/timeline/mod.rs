//! The timeline data file (`timeline.csv`): TikTok and WeChat events (`mod.rs`), reading
//! and validating the file (`parse.rs`) and the reader's filters (`filter.rs`).

mod filter;
mod parse;

pub use filter::{Events, Filters, PeriodFilter, filtered, named, on_chart};
pub use parse::{COLUMNS, Job, MAX_ANNOTATION, MAX_EVENTS, MAX_LABEL, MAX_TITLE, parse};

pub use crate::core::month::Precision;

use crate::core::month::Month;
use crate::core::sources::Citation;
use crate::core::vocab::Set;

pub const FILE_NAME: &str = "timeline.csv";
/// The whole built-in timeline: the validator, the tests, the pictures and the page of
/// every event read it. The widget embeds only [`KEY_MOMENTS`], and fetches the file
/// (`data/timeline.csv`, beside its assets) when a reader needs every event.
pub const BUILT_IN: &str = include_str!("../../../static/data/timeline.csv");
/// The built-in timeline's header and key moments, as written (`build.rs`).
pub const KEY_MOMENTS: &str = include_str!(concat!(env!("OUT_DIR"), "/timeline.key.csv"));
/// How many events the whole built-in timeline has (`build.rs`).
pub const BUILT_IN_EVENTS: usize = include!(concat!(env!("OUT_DIR"), "/timeline.events"));
/// Where the whole built-in timeline is, beside the widget's assets.
pub const BUILT_IN_PATH: &str = "data/timeline.csv";

crate::codes! {
    /// An app the events concern (an event may concern both).
    pub enum App {
        TikTok = "tiktok",
        WeChat = "wechat",
    }
}

crate::codes! {
    /// Who acted.
    pub enum Actor {
        WhiteHouse = "white_house",
        Commerce = "commerce",
        TreasuryCfius = "treasury_cfius",
        Congress = "congress",
        Court = "court",
        Company = "company",
        ChinaGovernment = "china_government",
    }
}

/// A dated event. Dates are (year, month, day); a month-precision event has day 1.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEvent {
    pub id: String,
    pub date: (i32, u32, u32),
    pub precision: Precision,
    pub title: String,
    pub annotation: String,
    /// The apps it concerns: one, or both.
    pub apps: Set<App>,
    pub actor: Actor,
    pub instrument: String,
    /// The primary source first, then a readable news report if there is one.
    pub sources: Vec<Citation>,
    pub verified: bool,
    /// One of the few key moments the timeline opens on (the `key` column).
    pub key: bool,
    /// A short label the chart writes beside the event's marker (the `label` column;
    /// empty for none). Only events in 2020–21, the chart's months, may have one.
    pub label: String,
    pub line: usize,
}

impl TimelineEvent {
    pub fn month(&self) -> Month {
        Month::new(self.date.0, self.date.1).unwrap_or(crate::core::month::DEAL_START)
    }

    /// Within the chart's months (2020–21)?
    pub fn in_deal(&self) -> bool {
        self.month().in_deal()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Sorted by date; events on the same date keep their order in the file.
    pub events: Vec<TimelineEvent>,
    /// Events of the file left out: the built-in key moments leave out every other
    /// event until the whole file is fetched. Zero for a whole file.
    pub omitted: usize,
}

impl Timeline {
    /// The built-in key moments, knowing how many events the whole file has.
    pub fn key_moments(mut self) -> Timeline {
        self.omitted = BUILT_IN_EVENTS.saturating_sub(self.events.len());
        self
    }

    /// How many events the file has, those left out included.
    pub fn total(&self) -> usize {
        self.events.len() + self.omitted
    }

    pub fn find(&self, id: &str) -> Option<&TimelineEvent> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn key_count(&self) -> usize {
        self.events.iter().filter(|e| e.key).count()
    }

    /// The events the chart names in words, in date order.
    pub fn labelled(&self) -> impl Iterator<Item = &TimelineEvent> {
        self.events.iter().filter(|e| !e.label.is_empty())
    }
}
