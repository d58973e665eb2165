//! Islands: parts of the prerendered page that hydrate after the simulator. While the
//! simulator hydrates, an island's markup stays as the server wrote it (readable, its
//! links working), so hydrating it never stands between a reader's first slider input
//! and its answer. The islands hydrate only when they are needed: once one comes within a
//! screen of the viewport, or the view changes and the browser is then idle, one after
//! another from the top (each woken in a task of its own once the one above has hydrated,
//! so that no one long task holds them all); or all at once as soon as the reader reaches
//! towards one of them (a pointer over it, focus in it, or Tab). Until then the prerendered
//! markup is the view (the default one, which the page was prerendered with). Anywhere
//! else (script embeds, renders after the first) an island renders at once.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;
use yew::suspense::Suspension;

use super::focus_watch::FocusWatch;

/// The islands of one widget (in a context of their own): whether they wait (only those
/// created while the prerendered page hydrates), the ones waiting, what to call once the
/// last of them has hydrated, and where focus was when they woke; and the deferred
/// parts' turns ([`Islands::in_turn`]), with what to call once they are all live.
#[derive(Clone, Default)]
pub struct Islands {
    /// This widget hydrates a prerendered page.
    hydrating: bool,
    /// Prerendering, second pass: the parts written raw ([`super::Deferred`]).
    prerendered: Option<Rc<super::Prerendered>>,
    waiting: Rc<RefCell<Waiting>>,
    all_live: Callback<()>,
    /// The element with focus in the widget while the islands swap in (see `wake.rs`).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    focus: Rc<RefCell<FocusWatch>>,
    /// The deferred parts waiting to go live, one a task ([`Islands::in_turn`]).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    parts: Rc<RefCell<Turns>>,
}

/// Deferred parts' turns: what makes each live, in the order they asked, and whether one
/// is going live now.
#[derive(Default)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Turns {
    /// A handful at most: a `Vec` (a `VecDeque` would cost the wasm a kilobyte).
    next: Vec<Box<dyn FnOnce()>>,
    busy: bool,
    /// Called whenever the last waiting part has gone live.
    all_done: Callback<()>,
}

impl Islands {
    pub fn new(
        hydrating: bool,
        prerendered: Option<Rc<super::Prerendered>>,
        all_live: Callback<()>,
        parts_live: Callback<()>,
    ) -> Islands {
        Islands {
            hydrating,
            prerendered,
            all_live,
            parts: Rc::new(RefCell::new(Turns {
                all_done: parts_live,
                ..Turns::default()
            })),
            ..Islands::default()
        }
    }

    /// This widget hydrates a prerendered page.
    pub fn hydrating(&self) -> bool {
        self.hydrating
    }

    /// A part created now is part of the page being hydrated (its first render is not
    /// done yet): it is adopted as prerendered, and waits.
    pub fn adopting(&self) -> bool {
        self.hydrating && !self.waiting.borrow().closed
    }

    /// Prerendering, second pass: the parts written raw.
    pub fn prerendered(&self) -> Option<&super::Prerendered> {
        self.prerendered.as_deref()
    }

    /// Islands created from now on render at once (called once the first render is done).
    pub fn close(&self) {
        self.waiting.borrow_mut().closed = true;
    }

    /// The reader's view has changed, so the prerendered islands no longer show it: those
    /// still waiting wake when the browser is next idle, one after another.
    pub fn wake_soon(&self) {
        let soon = self.waiting.borrow().soon.clone();
        if let Some(soon) = soon {
            soon();
        }
    }

    /// Once every island is live: focus that was on an element the swap removed goes to
    /// its twin, and focus is no longer watched.
    pub fn hand_over_focus(&self) {
        #[cfg(target_arch = "wasm32")]
        {
            super::wake::restore_focus(&self.focus);
            super::wake::stop_watching_focus(&self.focus);
        }
    }

    /// Starts following where focus is in the widget (before a part swaps in).
    pub fn watch_focus(&self) {
        #[cfg(target_arch = "wasm32")]
        super::wake::watch_focus(&self.focus);
    }

    /// After a part has swapped in: focus that was on an element it removed goes to its
    /// twin.
    pub fn restore_focus(&self) {
        #[cfg(target_arch = "wasm32")]
        super::wake::restore_focus(&self.focus);
    }

    /// Calls `live` (which makes a deferred part live) in a task of its own, after the
    /// parts that asked before it have gone live ([`Islands::part_done`]). As with the
    /// islands, the next part goes only once the last one has rendered: Yew's scheduler
    /// may spread one render over several tasks, and the next part's would join its last.
    #[cfg(target_arch = "wasm32")]
    pub fn in_turn(&self, live: impl FnOnce() + 'static) {
        let start = {
            let mut turns = self.parts.borrow_mut();
            turns.next.push(Box::new(live));
            !std::mem::replace(&mut turns.busy, true)
        };
        if start {
            let parts = self.parts.clone();
            super::wake::in_a_later_task(move || next_turn(&parts));
        }
    }

    /// Takes a turn that makes no part live, so that `parts_live` is called once every
    /// part that asks for a turn by then (or none) has gone live.
    #[cfg(target_arch = "wasm32")]
    pub fn after_the_parts(&self) {
        let islands = self.clone();
        self.in_turn(move || islands.part_done());
    }

    /// A turn is over (its part has rendered live, or was gone or live already, or it was
    /// [`Islands::after_the_parts`]'s): the next one goes in a later task.
    pub fn part_done(&self) {
        #[cfg(target_arch = "wasm32")]
        {
            let parts = self.parts.clone();
            super::wake::in_a_later_task(move || next_turn(&parts));
        }
    }
}

/// Makes the next deferred part live, or ends the turns if none is waiting.
#[cfg(target_arch = "wasm32")]
fn next_turn(parts: &Rc<RefCell<Turns>>) {
    let (next, all_done) = {
        let mut turns = parts.borrow_mut();
        let next = (!turns.next.is_empty()).then(|| turns.next.remove(0));
        turns.busy = next.is_some();
        (next, turns.all_done.clone())
    };
    match next {
        Some(live) => live(),
        None => all_done.emit(()),
    }
}

impl PartialEq for Islands {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.waiting, &other.waiting)
    }
}

impl std::fmt::Debug for Islands {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Islands")
    }
}

/// The islands still waiting: what wakes each (in page order, with whether it has
/// counted itself out), whether they wake one after another, and how many have yet to
/// hydrate.
#[derive(Default)]
pub struct Waiting {
    closed: bool,
    wake: Vec<(yew::suspense::SuspensionHandle, Rc<Cell<bool>>)>,
    one_by_one: bool,
    reach: Rc<RefCell<Vec<&'static str>>>,
    left: usize,
    /// Wakes the islands when the browser is next idle (set by the first island to wait).
    soon: Option<Rc<dyn Fn()>>,
}

#[derive(Properties, PartialEq)]
pub struct IslandProps {
    /// Classes of the island's outermost elements: the reader reaching into one of them
    /// wakes the islands at once.
    pub reach: &'static [&'static str],
    #[prop_or_default]
    pub children: Html,
}

/// One waiting island: counts itself out once hydrated, or when it goes away first (a
/// link's view without that part).
struct Waiter {
    suspension: Suspension,
    islands: Islands,
    counted: Rc<Cell<bool>>,
}

impl Waiter {
    fn count_out(&self) {
        if self.counted.replace(true) {
            return;
        }
        let (left, one_by_one) = {
            let mut w = self.islands.waiting.borrow_mut();
            w.left = w.left.saturating_sub(1);
            (w.left, w.one_by_one)
        };
        if left == 0 {
            self.islands.all_live.emit(());
        }
        #[cfg(target_arch = "wasm32")]
        if one_by_one {
            let waiting = self.islands.waiting.clone();
            super::wake::in_a_later_task(move || wake_next(&waiting));
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = one_by_one;
    }
}

impl Drop for Waiter {
    fn drop(&mut self) {
        self.count_out();
    }
}

/// Wakes the topmost island that has yet to count itself out. Near the viewport or on
/// idle nobody is waiting for the islands yet, so they wake one after another: each
/// island, once hydrated (or gone), wakes the next in a task of its own. Waking the next
/// only after that (not in the next task) matters: Yew's scheduler may spread one
/// island's render over several tasks, and the next island's render would join its last
/// one.
#[cfg(target_arch = "wasm32")]
fn wake_next(waiting: &Rc<RefCell<Waiting>>) {
    let next = {
        let mut w = waiting.borrow_mut();
        w.wake.retain(|(_, counted)| !counted.get());
        (!w.wake.is_empty()).then(|| w.wake.remove(0).0)
    };
    if let Some(next) = next {
        next.resume();
    }
}

/// An island's content, inside a `Suspense` (which keeps the prerendered markup on
/// screen while this waits): `<Suspense><Island reach={…}>…</Island></Suspense>`.
#[component]
pub fn Island(props: &IslandProps) -> HtmlResult {
    let islands = use_context::<Islands>().unwrap_or_default();
    let waiting = use_memo((), {
        let reach = props.reach;
        move |_| {
            let wait = islands.hydrating && !islands.waiting.borrow().closed;
            wait.then(|| {
                let (suspension, handle) = Suspension::new();
                let counted = Rc::new(Cell::new(false));
                let (first, all_reach) = {
                    let mut w = islands.waiting.borrow_mut();
                    w.left += 1;
                    w.reach.borrow_mut().extend_from_slice(reach);
                    w.wake.push((handle, counted.clone()));
                    (w.wake.len() == 1, w.reach.clone())
                };
                // The first island to wait sets what wakes them all (only a browser
                // hydrates, so natively nothing waits).
                #[cfg(target_arch = "wasm32")]
                if first {
                    let waiting = islands.waiting.clone();
                    let soon = super::wake::when_needed(
                        all_reach,
                        islands.focus.clone(),
                        move |reached| {
                            if reached {
                                let wake = std::mem::take(&mut waiting.borrow_mut().wake);
                                wake.into_iter().for_each(|(h, _)| h.resume());
                            } else {
                                waiting.borrow_mut().one_by_one = true;
                                wake_next(&waiting);
                            }
                        },
                    );
                    islands.waiting.borrow_mut().soon = Some(soon);
                }
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (first, all_reach);
                Waiter {
                    suspension,
                    islands,
                    counted,
                }
            })
        }
    });
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| {
            if let Some(w) = waiting.as_ref() {
                w.count_out();
            }
        });
    }
    match waiting.as_ref() {
        Some(w) if !w.suspension.resumed() => Err(w.suspension.clone().into()),
        _ => Ok(props.children.clone()),
    }
}
