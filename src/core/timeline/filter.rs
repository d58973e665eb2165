//! The reader's timeline filters, and the counts shown beside each option.
//!
//! # Which events are listed
//! Which events are listed is one function, `timeline::filtered`: the key moments, or every event
//! passing the app/actor/period filters (`events=key|all`). The list and the chart's markers both
//! use it. In the key view the other events are rendered but hidden by CSS until the "Show all"
//! `<details>` opens, so readers without JavaScript reach them.

use super::{Actor, App, Timeline, TimelineEvent};
use crate::core::vocab::Set;

crate::codes! {
    /// The span of time the timeline shows.
    #[derive(Default)]
    pub enum PeriodFilter {
        /// The deal years, 2020–21 (the chart's range).
        Deal = "deal" | "2020-2021",
        #[default]
        All = "all",
    }
}

crate::codes! {
    /// Which events the timeline lists: the key moments, or every event (filtered).
    #[derive(Default)]
    pub enum Events {
        #[default]
        Key = "key",
        All = "all",
    }
}

/// The reader's filters. The default lists the key moments; the app, actor and period
/// filters apply to the full list, and start with everything in it.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub events: Events,
    pub apps: Set<App>,
    pub actors: Set<Actor>,
    pub period: PeriodFilter,
}

impl Filters {
    /// The mode in force for a timeline: a timeline with no key moments lists them all.
    pub fn mode(&self, t: &Timeline) -> Events {
        if t.key_count() == 0 {
            Events::All
        } else {
            self.events
        }
    }

    /// The filters a link asks for, made to show what it names: the key moments ignore
    /// the app, actor and period filters, so a filter that some key moment fails opens
    /// the full list, filtered (`?apps=wechat` lists the WeChat events).
    pub fn for_link(self, t: &Timeline) -> Filters {
        let narrowed = t.events.iter().any(|e| e.key && !self.matches(e));
        if self.mode(t) == Events::Key && narrowed {
            Filters {
                events: Events::All,
                ..self
            }
        } else {
            self
        }
    }

    /// Whether an event is listed, in the full list's terms (the app, actor and period
    /// filters); see [`filtered`] for the mode.
    pub fn matches(&self, e: &TimelineEvent) -> bool {
        (self.period == PeriodFilter::All || e.in_deal())
            && self.apps.intersects(e.apps)
            && self.actors.contains(e.actor)
    }

    /// The one counting rule: how many events the full list would show if one filter
    /// were set to just this option, the others staying as they are.
    fn count_with(&self, t: &Timeline, set: impl FnOnce(&mut Filters)) -> usize {
        let mut f = *self;
        set(&mut f);
        t.events.iter().filter(|e| f.matches(e)).count()
    }

    pub fn count_app(&self, t: &Timeline, app: App) -> usize {
        self.count_with(t, |f| f.apps = Set::only(app))
    }

    pub fn count_actor(&self, t: &Timeline, actor: Actor) -> usize {
        self.count_with(t, |f| f.actors = Set::only(actor))
    }

    pub fn count_period(&self, t: &Timeline, period: PeriodFilter) -> usize {
        self.count_with(t, |f| f.period = period)
    }
}

/// The events the chart marks (listed, in 2020–21), in date order.
pub fn on_chart<'a>(t: &'a Timeline, f: &Filters) -> Vec<&'a TimelineEvent> {
    filtered(t, f).into_iter().filter(|e| e.in_deal()).collect()
}

/// The events the chart names (marked, with a label), in date order.
pub fn named<'a>(t: &'a Timeline, f: &Filters) -> Vec<&'a TimelineEvent> {
    on_chart(t, f)
        .into_iter()
        .filter(|e| !e.label.is_empty())
        .collect()
}

/// The events listed, in date order: the key moments, or every event that passes the
/// filters. The list and the chart's markers both show exactly these.
pub fn filtered<'a>(t: &'a Timeline, f: &Filters) -> Vec<&'a TimelineEvent> {
    let key = f.mode(t) == Events::Key;
    t.events
        .iter()
        .filter(|e| if key { e.key } else { f.matches(e) })
        .collect()
}
