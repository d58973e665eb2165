//! The reader's timeline filters, and the counts shown beside each option.

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

/// The reader's filters. The default shows everything.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub apps: Set<App>,
    pub actors: Set<Actor>,
    pub period: PeriodFilter,
}

impl Filters {
    pub fn matches(&self, e: &TimelineEvent) -> bool {
        (self.period == PeriodFilter::All || e.in_deal())
            && self.apps.intersects(e.apps)
            && self.actors.contains(e.actor)
    }

    /// The one counting rule: how many events would show if one filter were set to just
    /// this option, the others staying as they are.
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

/// The events that pass the filters, in date order.
pub fn filtered<'a>(t: &'a Timeline, f: &Filters) -> Vec<&'a TimelineEvent> {
    t.events.iter().filter(|e| f.matches(e)).collect()
}
