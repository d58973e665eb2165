//! The root component: the reducer, the context every component reads, and the layout.
//!
//! # Layout
//! `Widget` places the simulator's parts in one grid (`.p1-sim`, areas verdict, chart, rates,
//! outlook, scenario, notes) that container queries rearrange: one column under 880 px (sliders
//! under the chart, the `Compact` verdict under the sliders), two above (sliders beside verdicts
//! and chart). The chart's drawing height is set in CSS by the same width rule as `chart::height`,
//! so the prerender doesn't jump on hydration.
//!
//! # Render cost
//! `Widget` memoises `Derived` once per change of scenario or data. Props that hold the data, the
//! timeline or `Derived` are `Same<T>` (equal when the same `Rc`: the state replaces them, never
//! edits them), and the state's context compares by identity, so a slider move doesn't compare 74
//! events and every figure by value. Components that only depend on the timeline, the data or the
//! notices (`TimelineView`, `EventCard`, `Method`, `Outcomes`, `Notices`, chart `Markers`) take
//! props and a stable dispatcher (`use_dispatch`), so a slider move re-renders only the verdict,
//! the chart lines and the controls. The data table and the embed snippets keep their last content
//! while closed. The URL is mirrored 150 ms after the last change (browsers throttle `replaceState`
//! floods). Event cards read the latest query from `Latest` when a link is copied, so they need not
//! re-render when the scenario changes.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::{Chart, ChartNotes};
use super::controls::{Rates, Scenario};
use super::guess::GuessFirst;
use super::hydrate::{Deferred, Extras, IntlReady, Island, Islands, Part, use_hydration};
use super::method::{Method, Outcomes};
use super::notice::{DataFiles, Notices};
use super::share::Share;
use super::timeline_view::TimelineView;
use super::verdict::{Outlook, Verdict, VerdictLive};
use super::{Dispatch, Env, Handle, Init, Latest, Mode, Same, Store};
use crate::core::data::{self, Dataset};
use crate::core::derived::Derived;
use crate::core::guess::Quiz;
use crate::core::locale::{self, Lang, Locale};
use crate::core::problem::Problem;
use crate::core::state::{Action, Notice, State};
use crate::core::text;
use crate::core::timeline::{self, Timeline};
use crate::core::url_state::{self, Params};

#[derive(Properties, Clone, PartialEq)]
pub struct WidgetProps {
    #[prop_or_default]
    pub init: Rc<Init>,
}

/// The islands below the simulator (see `hydrate`), each by the class of its outermost
/// element.
const OUTCOMES: &[&str] = &["p1-outcomes"];
const TIMELINE: &[&str] = &["p1-timeline"];
const METHOD: &[&str] = &["p1-method"];
const FOOT: &[&str] = &["p1-foot"];

type Loaded = Result<(Rc<Dataset>, Rc<Timeline>), Vec<Problem>>;

thread_local! {
    /// The built-in data, and the built-in timeline's key moments (the page lists them;
    /// the rest is fetched when a reader needs it).
    static BUILT_IN: Loaded = load(data::BUILT_IN, timeline::KEY_MOMENTS)
        .map(|(ds, tl)| (ds, Rc::new(Rc::unwrap_or_clone(tl).key_moments())));
    /// The whole built-in timeline (in English), once fetched.
    static ALL_EVENTS: std::cell::RefCell<Option<Rc<Timeline>>> =
        const { std::cell::RefCell::new(None) };
}

/// The whole built-in timeline (in English), once fetched.
pub fn all_events() -> Option<Rc<Timeline>> {
    ALL_EVENTS.with(|a| a.borrow().clone())
}

/// Keeps the whole built-in timeline for every widget on the page.
pub fn keep_all_events(t: Rc<Timeline>) {
    ALL_EVENTS.with(|a| *a.borrow_mut() = Some(t));
}

/// The built-in purchase data and the timeline's key moments (in English), if they
/// parsed: a language's texts are checked against them.
pub fn built_in() -> Option<(Rc<Dataset>, Rc<Timeline>)> {
    BUILT_IN.with(|b| b.as_ref().ok().cloned())
}

/// Parses the built-in data files now (once per page), so that the first render, in a
/// task of its own, finds them parsed (see `mount.rs`).
pub fn parse_built_in() {
    BUILT_IN.with(|_| ());
}

/// Parses the built-in data files: both, or every problem either has.
fn load(purchases: &str, events: &str) -> Loaded {
    match (
        data::parse(data::FILE_NAME, purchases),
        timeline::parse(timeline::FILE_NAME, events),
    ) {
        (Ok(ds), Ok(tl)) => Ok((Rc::new(ds), Rc::new(tl))),
        (a, b) => Err([a.err(), b.err()].into_iter().flatten().flatten().collect()),
    }
}

/// The first state: the link's (or, when hydrating, the default that was prerendered).
fn first_state(init: &Init) -> State {
    let loaded = match init.built_in {
        Some((purchases, events)) => load(purchases, events),
        None => BUILT_IN
            .with(Clone::clone)
            .map(|(ds, key)| (ds, all_events().unwrap_or(key))),
    };
    let (ds, tl, problems) = match loaded {
        Ok((ds, tl)) => (ds, tl, None),
        Err(problems) => (Rc::default(), Rc::default(), Some(problems)),
    };
    // The built-in events in the reader's language (a publisher's timeline file, which
    // may arrive later, is shown as its publisher wrote it).
    let loc = locale_of(init);
    let (ds, tl) = if loc.lang == Lang::En {
        (ds, tl)
    } else {
        // The whole timeline, when another widget on the page has fetched it, with the
        // texts checked against it (that widget said their problems).
        (
            Rc::new(loc.translate_data(&ds)),
            Rc::new(loc.translate_whole(&tl, &ds).0),
        )
    };
    // The prerendered page is the default view; else the link's. Either way in the
    // locale's language: the locale is the one word on language (see `Action::ApplyParams`).
    let (params, selected) = if init.hydrate {
        (Params::default(), None)
    } else {
        (init.params.clone(), init.selected.clone())
    };
    let params = Params {
        lang: Some(loc.lang),
        ..params
    };
    let mut state = State::new(ds, tl, params, selected);
    if let Some(problems) = problems {
        state.notices.push(Notice::BuiltInInvalid { problems });
    }
    state
}

fn locale_of(init: &Init) -> &'static Locale {
    init.locale.unwrap_or(&locale::EN)
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let init = props.init.clone();
    let handle: Handle = use_reducer({
        let init = init.clone();
        move || Store(first_state(&init))
    });

    // The query string for this state, built once per render: the address bar, shared
    // links and embed snippets all read it.
    let query = handle.0.query();
    // Taking over the prerendered page (see `hydrate`): after the first render, the
    // link's view is applied.
    let prerendered = match &init.extras {
        Extras::Prerender(parts) => Some(parts.clone()),
        _ => None,
    };
    let hydration = use_hydration(init.hydrate, prerendered, {
        let (handle, init) = (handle.clone(), init.clone());
        Callback::from(move |_| {
            // The language is the locale's already (`Action::ApplyParams` leaves it), so a
            // link that names only the page's language asks for the prerendered view.
            let asked = Params {
                lang: None,
                ..init.params.clone()
            };
            if init.hydrate && (asked != Params::default() || init.selected.is_some()) {
                handle.dispatch(Action::ApplyParams(
                    Rc::new(init.params.clone()),
                    init.selected.clone(),
                ));
            }
        })
    });
    {
        // Once the state changes (the reader's or a link's view), the islands still as
        // prerendered no longer show it: they wake when the browser is next idle. In an
        // article's iframe they wake then from the first render on: the frame's height
        // follows its content, and the host's scrolling decides what is near (with no
        // margin if it is on another site).
        let (islands, first) = (hydration.islands.clone(), use_mut_ref(|| true));
        let framed = init.env.mode == Mode::Iframe;
        let store: *const Store = &*handle;
        use_effect_with(store as usize, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) || framed {
                islands.wake_soon();
            }
        });
    }
    {
        // Every event asked for (or a link's event beyond the key moments): the whole
        // built-in timeline is fetched once, in the reader's language, and kept for the
        // page's other widgets.
        let needed = handle.0.needs_all_events();
        let (handle, base) = (handle.clone(), init.env.asset_base.clone());
        let loc = locale_of(&init);
        use_effect_with(needed, move |needed| {
            if !*needed {
                return;
            }
            let done = Callback::from(move |fetched: Result<Rc<Timeline>, Notice>| {
                if let Ok(t) = &fetched {
                    keep_all_events(t.clone());
                }
                handle.dispatch(match fetched {
                    Ok(t) if loc.lang == Lang::En => Action::AllEvents(t),
                    Ok(t) => {
                        // The language's texts, checked against the key moments at the
                        // start, are checked against every event now.
                        let data = built_in().map(|(ds, _)| ds).unwrap_or_default();
                        let (t, problems) = loc.translate_whole(&t, &data);
                        super::dom::warn_about_language_files(problems);
                        Action::AllEvents(Rc::new(t))
                    }
                    Err(notice) => Action::AllEventsFailed(notice),
                });
            });
            match all_events() {
                Some(t) => done.emit(Ok(t)),
                None => {
                    super::dom::fetch_all_events(base, done.reform(|r| Result::map(r, Rc::new)))
                }
            }
        });
    }
    super::dom::use_browser_effects(&handle, &init, &query, hydration.live);
    let env: Rc<Env> = use_memo((), {
        let env = init.env.clone();
        move |_| env
    });
    // The link to this view ("Copy link" at the top and the foot, the picture, print).
    let link = AttrValue::from(super::share_url(&env, &query, None));
    let state = &handle.0;
    let loc: &'static Locale = locale_of(&init);
    // Derived results, computed once per change of the scenario or the data.
    // While a slider is held, every chart keeps the scale it had when it was taken.
    let held = state.hold.as_ref().map(|h| h.tops.clone());
    let derived: Rc<Derived> = use_memo(
        (
            state.scenario,
            Rc::as_ptr(&state.data) as usize,
            held.as_ref().map(|t| Rc::as_ptr(t) as usize),
        ),
        {
            let data = state.data.clone();
            move |(scenario, _, _)| Derived::new(&data, scenario, held.as_deref())
        },
    );
    // What the verdicts and the outlook show: a change makes them live at once.
    let view = Rc::as_ptr(&derived) as usize;
    let dispatch: Dispatch = handle.dispatcher();
    let latest = use_memo((), |_| Latest::default());
    *latest.0.borrow_mut() = query.clone();
    let look = state.look;
    let heading_id = env.id("headline");
    // Guess first: until the reader has guessed, no outcome anywhere they look first, the
    // tab's title included (on the widget's own page; an embed leaves its host's alone).
    // A link that asks the page for another language gets that language's title and
    // `lang` (or English's, if its files failed).
    let asking = state.quiz.hides_outcome();
    let other_lang = env.page_lang.is_some_and(|page| page != loc.lang);
    let title = if env.mode == Mode::Script {
        None
    } else if asking {
        Some(loc.strings.headline_plain.to_string())
    } else {
        // The language's page title, as the build writes it (only on such a link).
        other_lang.then(|| text::page_title(loc, &super::format::Fmt::new(loc, false), &state.data))
    };
    super::dom::use_title(title);
    super::dom::use_page_lang(other_lang.then(|| loc.lang.code()));

    html! {
        <ContextProvider<&'static Locale> context={loc}>
        <ContextProvider<Handle> context={handle.clone()}>
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<Rc<Derived>> context={derived}>
        <ContextProvider<Latest> context={(*latest).clone()}>
        <ContextProvider<Rc<Env>> context={env.clone()}>
        <ContextProvider<IntlReady> context={hydration.intl}>
        <ContextProvider<Islands> context={hydration.islands}>
            <div class="p1" data-theme={look.theme.code()} data-view={look.view.code()}
                 lang={loc.lang.code()} data-ready={hydration.ready.then_some("true")}
                 data-live={hydration.live.then_some("true")}
                 data-format={if hydration.intl.0 { "intl" } else { "plain" }}>
                // Until the client takes over (or when it can't), every control is disabled;
                // after a moment without it, a line says why (CSS shows it late, so a
                // normal load never flashes it).
                <fieldset class="p1-live" disabled={!hydration.ready}>
                <p class="p1-noscript" data-testid="no-script">{ loc.strings.no_script }</p>
                <Notices notices={state.notices.clone()} />
                <Head data={state.data.clone()} heading_id={heading_id.clone()} {asking}
                      has_apps_event={state.timeline.find(text::APPS_EVENT).is_some()}
                      switch={lang_switch(loc, &env, &query)} link={link.clone()} />
                <DataFiles files={state.files.clone()} />
                if look.view.shows_simulator() && state.quiz != Quiz::Off {
                    <GuessFirst />
                }
                if look.view.shows_simulator() && !asking {
                    // One grid: on a phone a single column in which the sliders sit
                    // directly under the chart, with the compact verdict right under them;
                    // on a wide widget the sliders beside the verdicts and the chart.
                    <section class="p1-sim" aria-labelledby={env.id("rewind")}>
                        // The verdicts and the outlook too (see `hydrate`): they take
                        // no input, and go live at once when the figures change.
                        <div class="p1-area-verdict">
                            <Deferred part={Part::Verdict} {view}><Verdict /></Deferred>
                            <VerdictLive />
                        </div>
                        <div class="p1-area-chart">
                            // Adopted as prerendered, live a little later (see `hydrate`).
                            <Deferred part={Part::Chart}>
                                <Chart />
                            </Deferred>
                        </div>
                        <div class="p1-area-rates"><Rates /></div>
                        <div class="p1-area-outlook">
                            <Deferred part={Part::Outlook} {view}><Outlook /></Deferred>
                        </div>
                        <div class="p1-area-scenario"><Scenario /></div>
                        <div class="p1-area-notes"><ChartNotes /></div>
                    </section>
                }
                // Everything below the simulator hydrates after it, a part a task (see
                // `hydrate`).
                if look.view.shows_simulator() && !asking {
                    <Suspense><Island reach={OUTCOMES}>
                        <Outcomes data={state.data.clone()} />
                    </Island></Suspense>
                }
                if look.view.shows_timeline() {
                    <Suspense><Island reach={TIMELINE}>
                        <TimelineView timeline={state.timeline.clone()} filters={state.filters}
                                      selected={state.selected.clone()}
                                      highlighted={state.highlighted.clone()}
                                      from_chart={state.from_chart} />
                    </Island></Suspense>
                }
                if look.view.shows_simulator() && !asking {
                    <Suspense><Island reach={METHOD}>
                        <Method data={state.data.clone()} files={state.files.clone()} />
                    </Island></Suspense>
                }
                <Suspense><Island reach={FOOT}>
                    <footer class="p1-foot">
                        <Share {query} {link} />
                        <p class="p1-credit">{ loc.strings.credit }</p>
                    </footer>
                </Island></Suspense>
                </fieldset>
            </div>
        </ContextProvider<Islands>>
        </ContextProvider<IntlReady>>
        </ContextProvider<Rc<Env>>>
        </ContextProvider<Latest>>
        </ContextProvider<Rc<Derived>>>
        </ContextProvider<Dispatch>>
        </ContextProvider<Handle>>
        </ContextProvider<&'static Locale>>
    }
}

/// The language switch's links: every other language's page with this view's
/// parameters. Only the widget's own page offers them (an embed follows its host's
/// language); elsewhere they are rendered hidden, so the prerendered page hydrates the
/// same in an iframe.
fn lang_switch(loc: &Locale, env: &Env, query: &str) -> LangSwitch {
    let links = Lang::ALL
        .into_iter()
        .filter(|l| *l != loc.lang)
        .map(|other| {
            let query = url_state::with_lang(query, other);
            let href = if query.is_empty() {
                other.page().to_string()
            } else {
                format!("{}?{query}", other.page())
            };
            (other, href)
        })
        .collect();
    LangSwitch {
        links,
        shown: env.mode == Mode::Standalone,
    }
}

#[derive(PartialEq, Clone)]
struct LangSwitch {
    /// Each other language and its page's link.
    links: Vec<(Lang, String)>,
    shown: bool,
}

#[derive(Properties, PartialEq)]
struct HeadProps {
    data: Same<Dataset>,
    heading_id: String,
    /// The timeline has the event the sentence on the apps links to.
    has_apps_event: bool,
    switch: LangSwitch,
    /// The link to the current view, for "Copy link".
    link: AttrValue,
    /// Guess first, before the guess: the headline and dek state no outcome.
    asking: bool,
}

/// The story first: the headline and the dek say what happened, with the shares from
/// the data and their scope, and one sentence says why TikTok and WeChat are here,
/// linked to the event it rests on. "Copy link" sits here too, in reach on a phone.
#[component]
fn Head(props: &HeadProps) -> Html {
    let super::Ui { loc, f, env, .. } = super::use_ui();
    let dispatch = super::use_dispatch();
    let apps = text::dek_apps(loc, &f, &props.data).map(|[before, link, after]| {
        let id = text::APPS_EVENT;
        let anchor = env.id(&format!("event-{id}"));
        let onclick = Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            dispatch.dispatch(Action::Select(Some(id.to_string())));
            super::dom::reveal_event_near(&ev, id);
        });
        html! {
            <p class="p1-why" data-testid="why-apps">
                { super::nb(&before) }
                if props.has_apps_event {
                    <a href={format!("#{anchor}")} {onclick}>{ link }</a>
                } else {
                    { link }
                }
                { super::nb(&after) }
            </p>
        }
    });
    html! {
        <header class="p1-head">
            <div class="p1-head-tools">
                <super::share::CopyLink url={props.link.clone()} testid="copy-link-top"
                                        quiet=true />
                for (other, href) in props.switch.links.iter().cloned() {
                    <a class="p1-lang" {href} hreflang={other.code()} lang={other.code()}
                       hidden={!props.switch.shown} data-testid="lang-switch">{ other.name() }</a>
                }
            </div>
            <h1 class="p1-headline" id={props.heading_id.clone()} data-testid="headline">
                if props.asking {
                    { loc.strings.headline_plain }
                } else {
                    { super::nb(&text::headline(loc, &f, &props.data)) }
                }
            </h1>
            <p class="p1-dek" data-testid="dek">{
                super::nb(&if props.asking {
                    text::dek_plain(loc, &f, &props.data)
                } else {
                    text::dek(loc, &f, &props.data)
                })
            }</p>
            { apps.unwrap_or_default() }
        </header>
    }
}
