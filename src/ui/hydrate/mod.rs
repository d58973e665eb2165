//! Hydration: how the client takes over the page `postbuild` prerendered, in one place.
//!
//! The release build prerenders the default view of each language (`postbuild`, with
//! [`markers`] and [`Extras::Prerender`]). In the browser the widget hydrates that HTML in
//! steps, so that the first slider input is answered before anything else is done:
//!
//! 1. **First render** (the hydrating task): the default view in the page's language,
//!    numbers and dates written by the plain twin (`Plain`/`PlainZh`, see
//!    [`IntlReady`]), every island left as the server wrote it, the HTML of the parts that
//!    take no input (the main chart, the small charts, the as-of month's options, the
//!    verdicts, the outlook) adopted as it is ([`Deferred`], [`Part`]).
//!    `.p1[data-ready]` follows.
//! 2. **The link's view** (the `then` of [`use_hydration`]): a link's parameters are applied as
//!    an action, like a reader's change.
//! 3. **`Intl`** formats from the next task on (`.p1[data-format="intl"]`).
//! 4. **The deferred parts** (the charts, the as-of options, the verdicts, the outlook)
//!    are drawn live in the tasks after, a part a task, afresh (they may show another
//!    view by then) and once (with `Intl`), with focus on a marker or a link handed to its
//!    twin; the verdicts and the outlook at once if the figures change first (a reader's
//!    input, a link's view), so that an input is answered there without waiting.
//! 5. **Islands** ([`Island`]: the outcomes, the timeline, the method, the footer) stay
//!    as prerendered until they are needed: when one comes within a screen of the
//!    viewport, or the view changes (a reader's input, a link's view: then when the
//!    browser is next idle), they hydrate one after another from the top (each woken once
//!    the one above has hydrated); when the reader reaches towards one, all at once. Focus
//!    inside one is handed to its twin (`wake.rs`). `.p1[data-live]` once they and the
//!    deferred parts are all live. A reader who only reads the first screens spends no
//!    time on them, nor does the page's load. In an article's iframe they hydrate on the
//!    first idle time, as before: the host's scrolling decides what is near there, and
//!    the frame's height follows its content.
//!
//! # Invariants
//! Each is held by the test named after it.
//! - The prerender and the first client render produce the same text and layout:
//!   e2e `prerender.test.js` "hydration takes over the prerendered page without a visible
//!   jump"; the plain twins write what `Intl` writes: `browser.rs`
//!   `default_view_renders_the_verdict_with_intl_numbers`, e2e "hydration formats with
//!   the prerender's own en-GB rules" and `chinese.test.js`.
//! - No `Intl` formatter is made in the hydrating task: e2e "hydration formats with the
//!   prerender's own en-GB rules".
//! - An island hydrates only when it is needed (near the viewport, a changed view, the
//!   reader's reach), never for idle time alone: e2e "as the reader comes near them";
//!   a slider input is answered with the islands still prerendered, and they hydrate on
//!   the idle time after it: e2e "the simulator answers first".
//! - The hydrating task leaves the deferred parts as prerendered; they are drawn live in
//!   later tasks, and answer a slider before the islands wake; the verdict is announced
//!   once the reader pauses, from the first input on (its live region hydrates with the
//!   page, beside the deferred verdicts), never at load: e2e "the charts, the as-of
//!   months, the verdicts and the outlook are adopted as prerendered while the page
//!   hydrates" and "a slider moved as the page hydrates". A part that comes later (after
//!   a guess) is drawn at once: e2e "the verdicts, the chart and the outlook come with the
//!   answer". A link's view reaches the chart: e2e "a link to another view with the chart
//!   still prerendered". Focus on a marker survives: e2e "a keyboard reader on a chart
//!   marker before the widget starts".
//! - Woken one after another, each island hydrates in a task of its own (no one long task
//!   holds them all), even when Yew spreads one island's render over several tasks: e2e
//!   "as the reader comes near them, the islands hydrate one after another, from the top".
//! - Focus inside an island survives its swap: e2e "a reader reaching towards an island
//!   hydrates it at once, keeping focus where it was".
//! - Nothing polls: the hand-over listens for `focusin` and acts once every island is
//!   live; islands wake on an `IntersectionObserver`, `requestIdleCallback` (after a
//!   change of view) or the reader's input.
//! - Yew's hydration markers keep their brackets when `postbuild` drops their names, and
//!   the raw parts are whole elements: `markers::tests`.

mod deferred;
mod focus_watch;
mod island;
pub mod markers;
#[cfg(target_arch = "wasm32")]
mod wake;

use std::rc::Rc;

use yew::prelude::*;

pub use deferred::Deferred;
pub use island::{Island, Islands};

/// Parts the prerendered page carries as raw HTML, adopted as they are when the page
/// hydrates (no per-node work in the hydrating task), and rendered as components once
/// `Intl` formats, one part a task in turn ([`Deferred`], [`Islands::in_turn`]), or at
/// once when what they show changes first: the parts of the simulator that take no input
/// ([`Part`]). The controls themselves hydrate: a click on a
/// prerendered radio button would be undone when it was drawn.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Extras {
    /// Rendered as components (script embeds, tests, any render but the prerendered
    /// page's).
    #[default]
    Live,
    /// Prerendering: each part's HTML from a first pass, inserted as it is.
    Prerender(Rc<Prerendered>),
    /// Hydrating the prerendered page: keep each part's HTML until it is rendered live.
    Adopt,
}

/// The raw parts of the prerendered page, as a first pass rendered them.
#[derive(Debug, PartialEq, Default)]
pub struct Prerendered {
    /// The chart's `<figure>`.
    pub chart: String,
    /// The small charts' `<section>`.
    pub categories: String,
    /// The `<option>`s of the as-of month's `<select>`.
    pub asof_options: String,
    /// The verdicts' `<div>`.
    pub verdict: String,
    /// The outlook's `<div>`.
    pub outlook: String,
}

/// A part drawn live only after the first render ([`Deferred`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The chart (`<figure data-p1-role="chart">`).
    Chart,
    /// The small charts, one for each kind of goods (`<section data-p1-role="categories">`).
    Categories,
    /// The as-of month's options (in `<select data-p1-role="asof">`): a fifth of the
    /// simulator's nodes, each a step of the hydrating task's walk.
    AsofOptions,
    /// The verdicts (`<div data-p1-role="verdict">`): text, and a live region that starts
    /// empty. Live at once if the figures change before its turn.
    Verdict,
    /// What the figures mean from the cut-off (`<div data-p1-role="outlook">`): text and
    /// one link, which works as an ordinary fragment link until then. Live at once if the
    /// figures change before its turn.
    Outlook,
}

impl Prerendered {
    /// A deferred part's HTML.
    pub fn part(&self, part: Part) -> &str {
        match part {
            Part::Chart => &self.chart,
            Part::Categories => &self.categories,
            Part::AsofOptions => &self.asof_options,
            Part::Verdict => &self.verdict,
            Part::Outlook => &self.outlook,
        }
    }
}

/// Whether `Intl` formatting may be used yet: false for the first render, whose text
/// must match the prerender's (the plain twins write it), true from the next task on.
/// Creating the first `Intl` formatters loads the browser's locale data (about 25 ms,
/// 100 ms at 4× CPU), which then happens in a task of its own.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct IntlReady(pub bool);

/// Where the widget is in taking over its page, render by render.
pub struct Hydration {
    pub islands: Islands,
    /// The client has taken over (after the first render): `.p1[data-ready]`.
    pub ready: bool,
    /// Every island has hydrated and every deferred part gone live too:
    /// `.p1[data-live]`.
    pub live: bool,
    /// `Intl` may format: `.p1[data-format="intl"]`.
    pub intl: IntlReady,
}

/// The widget's hydration: `hydrating` when it takes over a prerendered page (otherwise
/// every part is live at once), and `then` called once the first render is in place (to
/// apply a link's view).
#[hook]
pub fn use_hydration(
    hydrating: bool,
    prerendered: Option<Rc<Prerendered>>,
    then: Callback<()>,
) -> Hydration {
    let live = use_state(|| !hydrating);
    let parts_live = use_state(|| !hydrating);
    let ready = use_state(|| false);
    let intl = use_state(|| false);
    let islands: Islands = (*use_memo((), {
        let (live, parts_live) = (live.setter(), parts_live.setter());
        move |_| {
            Islands::new(
                hydrating,
                prerendered,
                Callback::from(move |_| live.set(true)),
                Callback::from(move |_| parts_live.set(true)),
            )
        }
    }))
    .clone();
    {
        let (ready, intl, islands) = (ready.setter(), intl.setter(), islands.clone());
        use_effect_with((), move |_| {
            // Islands created from now on render at once.
            islands.close();
            ready.set(true);
            then.emit(());
            // `Intl` in the next task, out of the one that hydrates the page.
            #[cfg(target_arch = "wasm32")]
            wake::in_a_later_task(move || intl.set(true));
            #[cfg(not(target_arch = "wasm32"))]
            let _ = intl;
        });
    }
    {
        // Focus is followed until the deferred parts have swapped in too.
        let islands = islands.clone();
        use_effect_with(*live && *parts_live, move |live| {
            if *live {
                islands.hand_over_focus();
            }
        });
    }
    // The deferred parts ask for their turns as `Intl` comes; once they have all gone
    // live (or there are none), so has the widget.
    {
        let islands = islands.clone();
        use_effect_with(*intl, move |intl| {
            #[cfg(target_arch = "wasm32")]
            if *intl && hydrating {
                islands.after_the_parts();
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (intl, islands);
        });
    }
    Hydration {
        islands,
        ready: *ready,
        live: *ready && *live && *parts_live,
        intl: IntlReady(*intl),
    }
}
