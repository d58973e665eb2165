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
pub const BUILT_IN: &str = include_str!("../../../static/data/timeline.csv");

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
}

impl Timeline {
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
