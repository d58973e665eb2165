//! The widget's state and the actions that change it: a pure reducer. The Yew shell
//! wraps it in `use_reducer` (see `ui/widget.rs`).
//!
//! # Newsroom data
//! A `data=` file that arrives after the reader has changed the scenario keeps the reader's
//! scenario (re-resolved against the new data); otherwise the link's parameters are applied to it
//! (`State::touched`).
//!
//! # When the data end
//! At the last cut-off a basis has (`model::is_data_end`), the deal is over: `YearResult::missing`
//! counts the months after it, nothing is projected and no pace is "needed"; the sliders are
//! disabled with a note.

use std::rc::Rc;

use super::data::{Basis, Category, Dataset};
use super::derived::Tops;
use super::guess::{self, Quiz};
use super::model::{self, Preset, Rates, Scenario};
use super::month::Month;
use super::problem::Problem;
use super::timeline::{self, Actor, App, Events, Filters, PeriodFilter, Timeline};
use super::url_state::{self, Guess, Look, Params};
use super::vocab::Set;

/// A notice for the reader about data that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A newsroom file loaded but failed validation; the first problems are listed.
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
    /// A newsroom file could not be fetched.
    Unreachable { file: String, reason: FetchError },
    /// The built-in data failed validation: there is nothing to show.
    BuiltInInvalid { problems: Vec<Problem> },
    /// A link named a data file on another site; it was not fetched.
    Refused { file: String, origin: String },
    /// A data file named in a link redirected to a site the page doesn't read data
    /// from; what it sent was not used.
    Redirected { file: String, origin: String },
    /// A link (`#event-<id>`) named an event the timeline doesn't have.
    UnknownEvent { id: String },
    /// The built-in timeline's other events (beyond the key moments) could not be fetched.
    EventsUnreachable { reason: FetchError },
}

/// The longest event id a notice quotes (ids are at most 80 characters).
const QUOTED_ID: usize = 80;

/// The notice for a linked event that no timeline has.
fn unknown_event(id: &str) -> Notice {
    Notice::UnknownEvent {
        id: super::chart::shorten(id, QUOTED_ID),
    }
}

/// Which data file.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FileKind {
    Purchases,
    Timeline,
}

/// A newsroom's data file in use (or loading) in place of the built-in one.
#[derive(Clone, Debug, PartialEq)]
pub struct DataFile {
    /// The absolute address it is fetched from; links and embed codes carry it.
    pub url: String,
    /// Its short name, for the label that says the figures are the newsroom's.
    pub name: String,
    pub status: FileStatus,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FileStatus {
    Loading,
    /// In use: its figures or events are on screen.
    Loaded,
    /// Could not be used (a notice says why): the built-in data stay on screen, and the
    /// address keeps the file, so a reload tries again.
    Failed,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Files {
    pub purchases: Option<DataFile>,
    pub timeline: Option<DataFile>,
}

impl Files {
    fn slot(&mut self, kind: FileKind) -> &mut Option<DataFile> {
        match kind {
            FileKind::Purchases => &mut self.purchases,
            FileKind::Timeline => &mut self.timeline,
        }
    }
}

/// Filters that list `selected`: a deep link to an event outside the key moments opens
/// the full list (with every filter showing it).
fn listing(t: &Timeline, mut f: Filters, selected: Option<&str>) -> Filters {
    let Some(id) = selected else { return f };
    if timeline::filtered(t, &f).iter().any(|e| e.id == id) {
        return f;
    }
    f.events = Events::All;
    if !timeline::filtered(t, &f).iter().any(|e| e.id == id) {
        f = Filters {
            events: Events::All,
            ..Filters::default()
        };
    }
    f
}

/// Why a file could not be fetched.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// A network error, or the server's CORS settings refused it.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The response was not text.
    NotText,
    /// No whole answer within [`FETCH_TIMEOUT_SECONDS`] (a server that stalls or drips).
    Timeout,
}

/// How long a data or text file may take to arrive, whole, before the widget gives up on
/// it and keeps what it has. Long enough for a slow phone on a poor connection to fetch
/// a 2 MB file; short enough that a stalled server can't hold the notice back forever.
pub const FETCH_TIMEOUT_SECONDS: u32 = 20;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub data: Rc<Dataset>,
    pub timeline: Rc<Timeline>,
    pub scenario: Scenario,
    pub filters: Filters,
    /// The selected timeline event (list selection, deep link).
    pub selected: Option<String>,
    /// The event whose chart marker is hovered or focused.
    pub highlighted: Option<String>,
    /// The selection came from a chart marker: its card offers a way back to the chart.
    pub from_chart: bool,
    /// The events of the chart marker whose panel is open beside the chart (a marker
    /// stands for one event, or several close together).
    pub moments: Option<Rc<[String]>>,
    pub look: Look,
    pub notices: Vec<Notice>,
    /// The parameters the widget started from.
    pub params: Rc<Params>,
    /// The reader has changed the scenario since the link's parameters were applied; data
    /// that arrive later then keep the reader's scenario instead of re-applying the link.
    pub touched: bool,
    /// The preset the rates come from, until the reader sets a rate: a new cut-off then
    /// recomputes it ("pace so far" follows "data known as of").
    pub preset: Option<Preset>,
    /// Newsroom data files in use or loading.
    pub files: Files,
    /// A deep-linked event not (yet) in the timeline: a newsroom timeline still loading,
    /// or the built-in events beyond the key moments, may have it. Kept in the address
    /// until then.
    pub wanted: Option<String>,
    /// Counts deep links resolved after loading, so the shell scrolls to the event.
    pub reveal: u32,
    /// A slider held by the pointer or a key: the charts keep these scales until it is
    /// let go, so no axis moves under the reader's thumb.
    pub hold: Option<Hold>,
    /// The cut-off as the reader last chose it. A basis snaps it to a month it has, and
    /// switching back returns to it.
    pub asof_wanted: Month,
    /// Each basis's rates and preset as the reader left it, for switching back.
    pub left: Vec<(Basis, Rates, Option<Preset>)>,
    /// What the last basis switch changed that the reader didn't ask for.
    pub basis_change: Option<BasisChange>,
    /// Guess first: the reader's guess, and whether the outcome is shown yet. Never in
    /// the address or a link.
    pub quiz: Quiz,
}

/// How a slider is held.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum HoldBy {
    Pointer,
    Key,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hold {
    pub by: HoldBy,
    pub tops: Rc<Tops>,
}

/// What a basis switch did to the reader's scenario.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct BasisChange {
    pub basis: Basis,
    /// The cut-off asked for, and the one this basis has (it lacks the one asked for).
    pub asof: Option<(Month, Month)>,
    /// The rates: as the reader left them on this basis, or this basis's pace so far.
    pub rates: BasisRates,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BasisRates {
    /// As the reader left them (or their preset, at this cut-off).
    Restored,
    /// This basis's pace so far, by category.
    PaceSoFar,
    /// This basis's pace so far, as one total: it has no figures by category.
    OneTotal,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetRate(Category, f64),
    SetAsof(Month),
    SetBasis(Basis),
    ApplyPreset(Preset),
    Reset,
    SetApp(App, bool),
    SetActor(Actor, bool),
    SetAllActors(bool),
    SetPeriod(PeriodFilter),
    SetEvents(Events),
    Select(Option<String>),
    /// Selects an event from its chart marker.
    SelectFromChart(String),
    /// Opens the panel of a chart marker's events, by the chart; `None` closes it.
    ShowMoments(Option<Rc<[String]>>),
    Highlight(Option<String>),
    /// A newsroom file was accepted and is being fetched.
    UseFile(FileKind, String),
    /// A newsroom file could not be used: the notice says why.
    FileFailed(FileKind, Notice),
    DataLoaded(Rc<Dataset>),
    TimelineLoaded(Rc<Timeline>),
    /// The whole built-in timeline, fetched once a reader needed every event.
    AllEvents(Rc<Timeline>),
    /// It could not be fetched or read: the timeline lists the key moments, and the
    /// notice says why.
    AllEventsFailed(Notice),
    AddNotice(Notice),
    /// Re-applies link parameters (after hydrating the prerendered default view). The
    /// language is not among them: it stays the locale's, which mount chose from the link.
    ApplyParams(Rc<Params>, Option<String>),
    /// Guess first: the reader's guess, as a share of the promise (0–1.5).
    Guess(f64),
    /// Guess first: "Show me" (`keep`: the guess is shown beside the answer) or "Skip".
    Reveal {
        keep: bool,
    },
    /// A slider is taken (pointer down, a key held): keep the charts' scales as they are.
    Hold(HoldBy, Rc<Tops>),
    /// It is let go: the charts rescale.
    Release(HoldBy),
}

impl State {
    /// The state a link or embed asks for, resolved against the data.
    pub fn new(
        data: Rc<Dataset>,
        timeline: Rc<Timeline>,
        params: Params,
        selected: Option<String>,
    ) -> State {
        let mut wanted = selected.clone().filter(|id| timeline.find(id).is_none());
        let selected = selected.filter(|id| timeline.find(id).is_some());
        // Only a publisher's timeline, or the rest of the built-in one, still to come, may
        // yet have it.
        let mut notices = Vec::new();
        if params.timeline_data_url.is_none() && timeline.omitted == 0 {
            notices.extend(wanted.take().map(|id| unknown_event(&id)));
        }
        let scenario = url_state::scenario(&data, &params);
        let look = url_state::look(&params);
        // Guess first only where the simulator shows and the data have the question and
        // its answer: otherwise the outcome would stay hidden with nothing to reveal it.
        let asks = look.guess == Guess::On && look.view.shows_simulator();
        let quiz = if asks && guess::question(&data).is_some() {
            Quiz::Asking { share: None }
        } else {
            Quiz::Off
        };
        State {
            quiz,
            asof_wanted: scenario.asof,
            hold: None,
            left: Vec::new(),
            basis_change: None,
            scenario,
            filters: listing(
                &timeline,
                url_state::filters(&params).for_link(&timeline),
                selected.as_deref(),
            ),
            selected,
            highlighted: None,
            from_chart: false,
            moments: None,
            look,
            preset: url_state::link_preset(&params),
            notices,
            params: Rc::new(params),
            data,
            timeline,
            touched: false,
            files: Files::default(),
            wanted,
            reveal: 0,
        }
    }

    /// Applies an action. Pure: returns the next state.
    pub fn reduce(&self, action: Action) -> State {
        let mut s = self.clone();
        let ds = &self.data;
        // A basis switch keeps the cut-off the reader chose, though it may snap it.
        let switching = matches!(action, Action::SetBasis(_));
        let by_reader = matches!(
            action,
            Action::SetRate(..)
                | Action::SetAsof(_)
                | Action::SetBasis(_)
                | Action::ApplyPreset(_)
                | Action::Reset
        );
        match action {
            Action::SetRate(c, v) => {
                s.scenario.rates.set(c, v);
                s.preset = None;
            }
            Action::SetAsof(m) => {
                if let Some(asof) = model::resolve_asof(ds, s.scenario.basis, m) {
                    s.scenario.asof = asof;
                    // The rates follow their preset to the new cut-off; "what happened"
                    // becomes the pace so far, since the cut-off is no longer the latest.
                    if let Some(p) = s.preset {
                        let p = match p {
                            Preset::WhatHappened => Preset::PaceSoFar,
                            p => p,
                        };
                        s.scenario = model::apply_preset(ds, &s.scenario, p);
                        s.preset = Some(p);
                    }
                }
            }
            Action::SetBasis(b) => {
                if ds.bases().contains(&b) && b != self.scenario.basis {
                    s.switch_basis(b);
                }
            }
            Action::ApplyPreset(p) => {
                s.scenario = model::apply_preset(ds, &s.scenario, p);
                s.preset = Some(p);
            }
            Action::Reset => {
                s.scenario = model::default_scenario(ds);
                s.preset = Some(Preset::PaceSoFar);
                s.filters = Filters::default();
                s.selected = None;
            }
            Action::SetApp(a, on) => s.filters.apps = s.filters.apps.with(a, on),
            Action::SetActor(a, on) => s.filters.actors = s.filters.actors.with(a, on),
            Action::SetAllActors(on) => {
                s.filters.actors = if on { Set::all() } else { Set::none() };
            }
            Action::SetPeriod(p) => s.filters.period = p,
            Action::SetEvents(e) => s.filters.events = e,
            Action::Select(id) => {
                s.selected = id.filter(|id| self.timeline.find(id).is_some());
                // A selected event is listed (a link in the dek can select any event).
                s.filters = listing(&self.timeline, s.filters, s.selected.as_deref());
                s.from_chart = false;
            }
            Action::SelectFromChart(id) => {
                s.filters = listing(&self.timeline, s.filters, Some(&id));
                s.selected = self.timeline.find(&id).map(|_| id);
                s.from_chart = s.selected.is_some();
            }
            Action::Highlight(id) => s.highlighted = id,
            Action::ShowMoments(ids) => {
                s.moments = ids.filter(|ids| ids.iter().any(|id| self.timeline.find(id).is_some()));
            }
            Action::UseFile(kind, url) => {
                *s.files.slot(kind) = Some(DataFile {
                    name: url_state::file_label(&url),
                    url,
                    status: FileStatus::Loading,
                });
            }
            Action::FileFailed(kind, notice) => {
                if let Some(f) = s.files.slot(kind) {
                    f.status = FileStatus::Failed;
                }
                s.notices.push(notice);
                // The built-in events beyond the key moments may yet have it.
                if kind == FileKind::Timeline
                    && s.timeline.omitted == 0
                    && let Some(id) = s.wanted.take()
                {
                    s.notices.push(unknown_event(&id));
                }
            }
            Action::DataLoaded(data) => {
                if let Some(f) = &mut s.files.purchases {
                    f.status = FileStatus::Loaded;
                }
                s.scenario = if self.touched {
                    match self.preset {
                        Some(p) => model::apply_preset(&data, &self.scenario, p),
                        None => model::resolve(&data, &self.scenario),
                    }
                } else {
                    url_state::scenario(&data, &self.params)
                };
                // A publisher's data without the question's figures: nothing to ask.
                if guess::question(&data).is_none() {
                    s.quiz = Quiz::Off;
                }
                s.data = data;
            }
            Action::AllEvents(t) => {
                // Only in place of the key moments: a publisher's timeline, loaded
                // meanwhile, omits nothing and stays.
                if s.timeline.omitted > 0 {
                    s.take_timeline(t);
                }
            }
            Action::AllEventsFailed(notice) => {
                s.notices.push(notice);
                s.filters.events = Events::Key;
                if let Some(id) = s.wanted.take() {
                    s.notices.push(unknown_event(&id));
                }
            }
            Action::TimelineLoaded(t) => {
                if let Some(f) = &mut s.files.timeline {
                    f.status = FileStatus::Loaded;
                }
                s.take_timeline(t);
            }
            Action::AddNotice(n) => s.notices.push(n),
            Action::Hold(by, tops) => {
                if s.hold.is_none() {
                    s.hold = Some(Hold { by, tops });
                }
            }
            Action::Release(by) => {
                if s.hold.as_ref().is_some_and(|h| h.by == by) {
                    s.hold = None;
                }
            }
            Action::Guess(share) => s.quiz = s.quiz.set(share),
            Action::Reveal { keep } => s.quiz = s.quiz.reveal(keep),
            Action::ApplyParams(params, selected) => {
                let mut next = State::new(
                    self.data.clone(),
                    self.timeline.clone(),
                    (*params).clone(),
                    selected,
                );
                // The language stays: it is the locale's, loaded before the first render.
                next.look.lang = self.look.lang;
                // So does a guess under way, if guess first still applies.
                if next.look.guess == self.look.guess {
                    next.quiz = self.quiz;
                }
                let linked = std::mem::replace(&mut next.notices, s.notices);
                next.notices.extend(linked);
                next.files = s.files;
                next.reveal = s.reveal;
                return next;
            }
        }
        s.touched = self.touched || by_reader;
        if s.scenario.asof != self.scenario.asof && !switching {
            s.asof_wanted = s.scenario.asof;
        }
        if by_reader && !switching {
            s.basis_change = None;
        }
        s
    }

    /// Takes a timeline in place of the one shown: the selection and the filters follow,
    /// and an event a link named is selected if it has it.
    fn take_timeline(&mut self, t: Rc<Timeline>) {
        let s = self;
        s.selected = s.selected.take().filter(|id| t.find(id).is_some());
        if s.selected.is_none()
            && let Some(id) = s.wanted.take()
        {
            if t.find(&id).is_some() {
                s.selected = Some(id);
                s.reveal += 1;
            } else {
                s.notices.push(unknown_event(&id));
            }
        }
        s.filters = listing(&t, s.filters, s.selected.as_deref());
        s.moments = None;
        s.timeline = t;
    }

    /// Whether the reader needs the built-in events beyond the key moments, not yet
    /// fetched: every event is asked for, or a link named an event not among them.
    pub fn needs_all_events(&self) -> bool {
        let t = &self.timeline;
        let publishers = self.files.timeline.as_ref();
        t.omitted > 0
            && publishers.is_none_or(|f| f.status == FileStatus::Failed)
            && (self.filters.mode(t) == Events::All || self.wanted.is_some())
    }

    /// Switches to basis `b`: the cut-off the reader chose, where `b` has it (else the
    /// nearest it has), and the rates the reader left on `b`, or `b`'s pace so far.
    fn switch_basis(&mut self, b: Basis) {
        let ds = self.data.clone();
        let from = self.scenario.basis;
        self.left.retain(|(k, ..)| *k != from);
        self.left.push((from, self.scenario.rates, self.preset));
        let wanted = self.asof_wanted;
        let asof = model::resolve_asof(&ds, b, wanted).unwrap_or(wanted);
        let mut sc = Scenario {
            basis: b,
            asof,
            rates: self.scenario.rates,
        };
        let kept = self.left.iter().find(|(k, ..)| *k == b).copied();
        let rates = match kept {
            Some((_, _, Some(p))) => {
                sc = model::apply_preset(&ds, &sc, p);
                self.preset = Some(p);
                BasisRates::Restored
            }
            Some((_, rates, None)) => {
                sc.rates = rates;
                self.preset = None;
                BasisRates::Restored
            }
            None => {
                sc = model::apply_preset(&ds, &sc, Preset::PaceSoFar);
                self.preset = Some(Preset::PaceSoFar);
                if ds.has_split(b) {
                    BasisRates::PaceSoFar
                } else {
                    BasisRates::OneTotal
                }
            }
        };
        self.scenario = sc;
        self.basis_change = Some(BasisChange {
            basis: b,
            asof: (asof != wanted).then_some((wanted, asof)),
            rates,
        });
    }

    /// The query string describing this state (for the URL bar and shared links).
    pub fn query(&self) -> String {
        // A file that failed is not in use: links don't pass it on.
        fn url(f: &Option<DataFile>) -> Option<&str> {
            f.as_ref()
                .filter(|f| f.status != FileStatus::Failed)
                .map(|f| f.url.as_str())
        }
        url_state::to_query(
            &self.data,
            &self.scenario,
            &self.filters,
            &self.look,
            [url(&self.files.purchases), url(&self.files.timeline)],
        )
    }

    /// The event an address should point at: the selected one, or a deep link still
    /// waiting for a newsroom timeline.
    pub fn linked_event(&self) -> Option<&str> {
        self.selected.as_deref().or_else(|| {
            self.files
                .timeline
                .as_ref()
                .filter(|f| f.status == FileStatus::Loading)
                .and(self.wanted.as_deref())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{data, timeline};

    fn state(query: &str) -> State {
        let ds = data::parse(data::FILE_NAME, data::BUILT_IN).unwrap();
        let tl = timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).unwrap();
        State::new(
            Rc::new(ds),
            Rc::new(tl),
            url_state::parse_query(query),
            None,
        )
    }

    #[test]
    fn url_round_trip() {
        let s =
            state("?v=1&basis=us&asof=2020-09&mfg=4.5&ag=2&energy=1.25&period=deal&apps=wechat");
        assert_eq!(s.scenario.asof.to_string(), "2020-09");
        assert_eq!(s.scenario.rates.manufactured, 4.5);
        assert_eq!(s.filters.period, PeriodFilter::Deal);
        assert_eq!(s.filters.apps, Set::only(App::WeChat));
        let again = state(&s.query());
        assert_eq!(again.scenario, s.scenario);
        assert_eq!(again.filters, s.filters);
    }

    #[test]
    fn garbage_gives_a_sane_state() {
        let s = state(
            "?basis=mars&asof=2099-99&mfg=NaN&ag=-4&energy=1e999&total=abc&v=x&apps=myspace\
             &period=%3Cscript%3E",
        );
        let d = state("");
        assert_eq!(s.scenario.basis, d.scenario.basis);
        assert_eq!(s.scenario.asof, d.scenario.asof);
        assert_eq!(s.scenario.rates.manufactured, d.scenario.rates.manufactured);
        assert_eq!(s.scenario.rates.agriculture, 0.0, "negative clamps to 0");
        assert_eq!(s.filters, Filters::default());
        assert!(s.params.ignored.len() >= 6, "{:?}", s.params.ignored);
        let big = state("?mfg=1000000");
        assert_eq!(
            big.scenario.rates.manufactured,
            model::rate_max(Category::Manufactured)
        );
    }

    #[test]
    fn reducer_actions() {
        let s = state("");
        let t = s.reduce(Action::SetRate(Category::Energy, 3.0));
        assert_eq!(t.scenario.rates.energy, 3.0);
        let t = t.reduce(Action::SetBasis(Basis::Cn));
        assert_eq!(t.scenario.basis, Basis::Cn);
        assert!(t.query().contains("total="));
        assert!(!t.query().contains("mfg="));
        let t = t.reduce(Action::Reset);
        assert_eq!(t.scenario, s.scenario);
        let t = t.reduce(Action::Select(Some("no-such-event".into())));
        assert_eq!(t.selected, None);
    }

    #[test]
    fn newsroom_data_keep_what_the_reader_changed() {
        let ds = || Rc::new(data::parse(data::FILE_NAME, data::BUILT_IN).unwrap());
        // Untouched: the link's parameters are applied to the new data.
        let s = state("?basis=us&asof=2020-09&mfg=4.5");
        let t = s.reduce(Action::DataLoaded(ds()));
        assert_eq!(t.scenario, s.scenario);
        assert!(!t.touched);
        // Changed while the file loaded: the reader's scenario stays.
        let s = s
            .reduce(Action::SetRate(Category::Energy, 7.25))
            .reduce(Action::SetAsof(
                crate::core::month::Month::parse("2020-11").unwrap(),
            ));
        assert!(s.touched);
        let t = s.reduce(Action::DataLoaded(ds()));
        assert_eq!(t.scenario.rates.energy, 7.25);
        assert_eq!(t.scenario.asof.to_string(), "2020-11");
        assert_eq!(t.scenario.rates.manufactured, 4.5);
        // Filters and selection are not the scenario: they never count as a change.
        let f = state("").reduce(Action::SetApp(App::TikTok, false));
        assert!(!f.touched);
    }

    #[test]
    fn pace_so_far_follows_the_cut_off_until_a_rate_is_set() {
        let month = |t: &str| crate::core::month::Month::parse(t).unwrap();
        let s = state("");
        assert_eq!(s.preset, Some(Preset::PaceSoFar));
        let t = s.reduce(Action::SetAsof(month("2020-12")));
        let ds = &t.data;
        let expected = model::apply_preset(ds, &t.scenario, Preset::PaceSoFar);
        assert_eq!(t.scenario, expected);
        assert_ne!(
            t.scenario.rates, s.scenario.rates,
            "the pace so far changed"
        );
        // Once the reader sets a rate, a new cut-off keeps the rates.
        let u = t
            .reduce(Action::SetRate(Category::Energy, 2.5))
            .reduce(Action::SetAsof(month("2020-09")));
        assert_eq!(u.preset, None);
        assert_eq!(u.scenario.rates.energy, 2.5);
        // A link with rates keeps them; "what happened" then a cut-off gives the pace so far.
        assert_eq!(state("?mfg=3").preset, None);
        let w = s
            .reduce(Action::ApplyPreset(Preset::WhatHappened))
            .reduce(Action::SetAsof(month("2021-03")));
        assert_eq!(w.preset, Some(Preset::PaceSoFar));
    }

    #[test]
    fn a_deep_link_waits_for_the_publisher_s_timeline() {
        let ds = Rc::new(data::parse(data::FILE_NAME, data::BUILT_IN).unwrap());
        let built_in = Rc::new(timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).unwrap());
        // Without a publisher's timeline to come, the link's event is unknown at once.
        let s = State::new(
            ds.clone(),
            built_in.clone(),
            Params::default(),
            Some("newsroom-only".into()),
        );
        assert_eq!(s.selected, None);
        assert_eq!(s.linked_event(), None, "no publisher's timeline coming");
        assert_eq!(
            s.notices,
            vec![Notice::UnknownEvent {
                id: "newsroom-only".into()
            }]
        );
        let url = "https://a.example/t.csv".to_string();
        let params = Params {
            timeline_data_url: Some(url_state::DataRef::from_link(url.clone())),
            ..Params::default()
        };
        let s = State::new(ds, built_in, params, Some("newsroom-only".into()));
        assert_eq!(s.notices, vec![], "it may be in the publisher's timeline");
        let s = s.reduce(Action::UseFile(FileKind::Timeline, url.clone()));
        assert_eq!(
            s.linked_event(),
            Some("newsroom-only"),
            "kept while it loads"
        );
        assert!(
            s.query()
                .ends_with("&timeline-data=https%3A%2F%2Fa.example%2Ft.csv")
        );
        let text = timeline::BUILT_IN.replacen(
            "\n2019-05-trump-declares-icts-supply,",
            "\nnewsroom-only,",
            1,
        );
        let t = Rc::new(timeline::parse("t.csv", &text).unwrap());
        let s = s.reduce(Action::TimelineLoaded(t));
        assert_eq!(s.selected.as_deref(), Some("newsroom-only"));
        assert_eq!(s.reveal, 1);
        assert_eq!(
            s.files
                .timeline
                .as_ref()
                .map(|f| (f.name.as_str(), f.status)),
            Some(("t.csv", FileStatus::Loaded))
        );
        // Re-applying link parameters keeps the files in use.
        let s = s.reduce(Action::ApplyParams(Rc::new(Params::default()), None));
        assert!(s.files.timeline.is_some());
    }

    #[test]
    fn the_events_beyond_the_key_moments_are_needed_only_when_asked_for() {
        let ds = Rc::new(data::parse(data::FILE_NAME, data::BUILT_IN).unwrap());
        let all = Rc::new(timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).unwrap());
        let key = Rc::new(Timeline {
            events: all.events.iter().filter(|e| e.key).cloned().collect(),
            omitted: all.events.iter().filter(|e| !e.key).count(),
        });
        let new = |query: &str, selected: Option<&str>| {
            let params = url_state::parse_query(query);
            State::new(
                ds.clone(),
                key.clone(),
                params,
                selected.map(str::to_string),
            )
        };
        // The key moments: nothing to fetch, until every event is asked for.
        let s = new("", None);
        assert!(!s.needs_all_events());
        let s = s.reduce(Action::SetEvents(Events::All));
        assert!(s.needs_all_events());
        let loaded = s.reduce(Action::AllEvents(all.clone()));
        assert!(!loaded.needs_all_events());
        assert_eq!(loaded.timeline.events.len(), all.events.len());
        // A link's filter that a key moment fails opens the full list: needed at once.
        assert!(new("?apps=wechat", None).needs_all_events());
        // A linked event beyond the key moments waits for them, then is selected.
        let extra = all.events.iter().find(|e| !e.key).unwrap().id.clone();
        let s = new("", Some(&extra));
        assert!(s.notices.is_empty() && s.needs_all_events());
        assert_eq!(s.wanted.as_deref(), Some(extra.as_str()));
        let s = s.reduce(Action::AllEvents(all.clone()));
        assert_eq!(s.selected.as_deref(), Some(extra.as_str()));
        assert_eq!(s.filters.events, Events::All);
        // An id in no timeline: said once the whole one has come.
        let s = new("", Some("no-such-event")).reduce(Action::AllEvents(all.clone()));
        assert!(matches!(&s.notices[..], [Notice::UnknownEvent { .. }]));
        // They can't be fetched: back to the key moments, saying why; a retry may follow.
        let reason = Notice::EventsUnreachable {
            reason: FetchError::Timeout,
        };
        let s = new("?events=all", Some(&extra)).reduce(Action::AllEventsFailed(reason.clone()));
        assert_eq!(s.filters.events, Events::Key);
        assert_eq!(s.notices[0], reason);
        assert!(matches!(&s.notices[1..], [Notice::UnknownEvent { .. }]));
        assert!(!s.needs_all_events());
        assert!(s.reduce(Action::SetEvents(Events::All)).needs_all_events());
        // A publisher's timeline, loaded meanwhile, stays: it omits nothing.
        let theirs = Rc::new(Timeline {
            events: all.events[..3].to_vec(),
            omitted: 0,
        });
        let s = new("?events=all", None).reduce(Action::TimelineLoaded(theirs.clone()));
        assert!(!s.needs_all_events());
        let s = s.reduce(Action::AllEvents(all.clone()));
        assert_eq!(s.timeline, theirs);
    }

    #[test]
    fn guess_first_is_in_links_but_the_guess_never_is() {
        let s = state("?guess=on");
        assert_eq!(s.quiz, Quiz::Asking { share: None });
        assert!(s.query().contains("guess=on"), "{}", s.query());
        let s = s.reduce(Action::Guess(0.8125));
        assert_eq!(s.quiz.share(), Some(0.8125));
        let shown = s.reduce(Action::Reveal { keep: true });
        for q in [s.query(), shown.query()] {
            assert!(q.contains("guess=on") && !q.contains("8125"), "{q}");
        }
        // Re-applying the link keeps the reader's guess.
        let again = s.reduce(Action::ApplyParams(s.params.clone(), None));
        assert_eq!(again.quiz.share(), Some(0.8125));
        // Nothing to reveal it with: no quiz.
        assert_eq!(state("?guess=on&view=timeline").quiz, Quiz::Off);
        let mut plain = (*s.data).clone();
        plain.outcomes.clear();
        let loaded = s.reduce(Action::DataLoaded(Rc::new(plain)));
        assert_eq!(loaded.quiz, Quiz::Off);
        // Off: no quiz, nothing in the link.
        let off = state("?basis=us");
        assert_eq!(off.quiz, Quiz::Off);
        assert!(!off.query().contains("guess"), "{}", off.query());
        assert_eq!(off.reduce(Action::Guess(0.5)).quiz, Quiz::Off);
    }

    #[test]
    fn link_parameters_re_applied_keep_the_language() {
        // The prerendered Chinese page hydrates in Chinese; a link's own `lang` was read by
        // mount, which chose the page and the locale. Re-applying the link must not turn
        // the state to another language than the words on screen.
        let s = state("?lang=zh-Hans");
        let linked = url_state::parse_query("?lang=en&mfg=4");
        let s = s.reduce(Action::ApplyParams(Rc::new(linked), None));
        assert_eq!(s.look.lang, crate::core::locale::Lang::ZhHans);
        assert_eq!(s.scenario.rates.manufactured, 4.0);
        assert!(s.query().contains("lang=zh-Hans"), "{}", s.query());
    }

    #[test]
    fn an_unknown_event_gets_a_notice_once_no_timeline_can_have_it() {
        let ds = Rc::new(data::parse(data::FILE_NAME, data::BUILT_IN).unwrap());
        let built_in = Rc::new(timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).unwrap());
        let url = "https://a.example/t.csv".to_string();
        let params = Params {
            timeline_data_url: Some(url_state::DataRef::from_link(url.clone())),
            ..Params::default()
        };
        let wanted = || Some("no-such-event".to_string());
        let s = State::new(ds.clone(), built_in.clone(), params.clone(), wanted());
        let unknown = Notice::UnknownEvent {
            id: "no-such-event".into(),
        };
        // The publisher's timeline came, without it.
        let t = s.reduce(Action::TimelineLoaded(built_in.clone()));
        assert_eq!(t.notices, vec![unknown.clone()]);
        assert_eq!(t.selected, None);
        // The publisher's timeline failed: the notice for the file, then for the event.
        let refused = Notice::Refused {
            file: "t.csv".into(),
            origin: "https://a.example".into(),
        };
        let t = s.reduce(Action::FileFailed(FileKind::Timeline, refused.clone()));
        assert_eq!(t.notices, vec![refused, unknown.clone()]);
        // After hydration, the link's notice joins those already shown.
        let s = State::new(ds, built_in, Params::default(), None);
        let t = s.reduce(Action::ApplyParams(Rc::new(Params::default()), wanted()));
        assert_eq!(t.notices, vec![unknown]);
        // A hostile id is quoted shortened.
        let long = "x".repeat(500);
        let t = s.reduce(Action::ApplyParams(Rc::new(Params::default()), Some(long)));
        let Notice::UnknownEvent { id } = &t.notices[0] else {
            panic!("{:?}", t.notices)
        };
        assert!(id.chars().count() <= 80, "{id}");
    }

    #[test]
    fn a_link_s_filter_lists_what_it_names() {
        // Key moments ignore the filters: a filter that some key moment fails opens the
        // full list, filtered.
        let s = state("?apps=wechat");
        assert_eq!(s.filters.events, Events::All);
        let listed = timeline::filtered(&s.timeline, &s.filters);
        assert!(!listed.is_empty());
        assert!(listed.iter().all(|e| e.apps.contains(App::WeChat)));
        // A filter every key moment passes keeps the key moments.
        let s = state("?period=all&apps=tiktok,wechat");
        assert_eq!(s.filters.events, Events::Key);
        // So does no filter at all.
        assert_eq!(state("").filters.events, Events::Key);
    }

    #[test]
    fn a_marker_panel_opens_on_events_the_timeline_has() {
        let s = state("");
        let ids: Rc<[String]> = Rc::from(vec!["2020-08-eo-13942-orders-ban".to_string()]);
        let t = s.reduce(Action::ShowMoments(Some(ids.clone())));
        assert_eq!(t.moments, Some(ids));
        assert_eq!(t.query(), s.query(), "not part of the address");
        let t = t.reduce(Action::ShowMoments(None));
        assert_eq!(t.moments, None);
        let none: Rc<[String]> = Rc::from(vec!["no-such-event".to_string()]);
        assert_eq!(s.reduce(Action::ShowMoments(Some(none))).moments, None);
    }

    #[test]
    fn selecting_an_event_lists_it() {
        // From the dek's link, say, while the list is filtered to the other app.
        let s = state("?events=all&apps=tiktok");
        let id = "2020-09-nd-cal-judge-beeler"; // WeChat only
        let t = s.reduce(Action::Select(Some(id.into())));
        assert_eq!(t.selected.as_deref(), Some(id));
        assert!(
            timeline::filtered(&t.timeline, &t.filters)
                .iter()
                .any(|e| e.id == id)
        );
    }

    #[test]
    fn a_file_that_failed_leaves_the_address() {
        let s = state("");
        let url = "https://a.example/p.csv".to_string();
        let s = s.reduce(Action::UseFile(FileKind::Purchases, url.clone()));
        assert!(
            s.query().contains("data=https%3A%2F%2Fa.example%2Fp.csv"),
            "kept while it loads"
        );
        let notice = Notice::Unreachable {
            file: "p.csv".into(),
            reason: FetchError::Status(404),
        };
        let s = s.reduce(Action::FileFailed(FileKind::Purchases, notice));
        assert!(!s.query().contains("data="), "{}", s.query());
    }
}
