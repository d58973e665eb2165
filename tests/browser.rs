//! Layer 2: components mounted in headless Chromium (wasm-bindgen-test).
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser`
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Renderer;

use phase_one::core::url_state;
use phase_one::ui::Init;
use phase_one::ui::widget::{Widget, WidgetProps};

wasm_bindgen_test_configure!(run_in_browser);

fn fixture() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn mount(query: &str) -> web_sys::Element {
    let root = fixture();
    let init = Init {
        params: url_state::parse_query(query),
        ..Init::default()
    };
    Renderer::<Widget>::with_root_and_props(
        root.clone(),
        WidgetProps {
            init: Rc::new(init),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn text(root: &web_sys::Element, testid: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
        .text_content()
        .unwrap_or_default()
}

/// The formatter the widget renders with: `plain` for its first render (matching the
/// prerender), `intl` from the next task on.
fn format_of(root: &web_sys::Element) -> String {
    root.query_selector(".p1")
        .unwrap()
        .and_then(|p| p.get_attribute("data-format"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn default_view_renders_the_verdict_with_intl_numbers() {
    let root = mount("").await;
    let h1 = root.query_selector("h1").unwrap().expect("an h1");
    assert_eq!(
        h1.text_content().unwrap().trim(),
        "China promised to buy $200bn more in US goods and services. It bought none of the extra."
    );
    // The first render is Plain's, as the prerender was.
    assert_eq!(format_of(&root), "plain");
    let plain = (text(&root, "verdict-2020"), text(&root, "needed-pace"));
    // Then Intl takes over, and writes the same figures byte for byte.
    for _ in 0..100 {
        if format_of(&root) == "intl" {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
        yew::scheduler::flush().await;
    }
    assert_eq!(format_of(&root), "intl", "Intl took over");
    assert_eq!(
        text(&root, "verdict-2020"),
        "2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)"
    );
    assert_eq!(text(&root, "verdict-2020"), plain.0);
    assert_eq!(text(&root, "needed-pace"), plain.1);
    assert!(text(&root, "needed-pace").contains("$18.3bn a month from July 2020"));
}

#[wasm_bindgen_test]
async fn moving_a_slider_updates_the_verdict() {
    let root = mount("?basis=us&asof=2020-06&mfg=3.92&ag=1.09&energy=0.48").await;
    let before = text(&root, "verdict-2020");
    let slider: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=\"rate-manufactured\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("$3.92 billion a month")
    );
    slider.set_value("20");
    let ev = web_sys::InputEvent::new("input").unwrap();
    slider.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    let after = text(&root, "verdict-2020");
    assert_ne!(before, after);
    // 32.9 + 6 × (20 + 1.09 + 0.48) = 162.3: the 2020 target is met.
    assert_eq!(after, "2020: $162.3bn of $142.7bn — target met (114%)");
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("$20.0 billion a month")
    );
}

#[wasm_bindgen_test]
async fn the_cn_basis_has_one_total_rate() {
    let root = mount("?basis=cn&asof=2020-06").await;
    assert!(
        root.query_selector("[data-testid=\"rate-total\"]")
            .unwrap()
            .is_some()
    );
    assert!(
        root.query_selector("[data-testid=\"rate-manufactured\"]")
            .unwrap()
            .is_none()
    );
    assert!(text(&root, "verdict-2020").contains("of $173.1bn"));
}

#[wasm_bindgen_test]
async fn a_refused_copy_says_so() {
    // A clipboard that refuses, as a denied permission or a plain-http page does.
    js_sys::eval(
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: \
         { writeText: () => Promise.reject(new Error('denied')) } })",
    )
    .unwrap();
    let root = mount("").await;
    let button: web_sys::HtmlElement = root
        .query_selector("[data-testid=\"copy-link\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(button.text_content().unwrap().trim(), "Copy link");
    button.click();
    // The refusal arrives as a rejected promise: let it settle, then render.
    gloo_timers::future::TimeoutFuture::new(50).await;
    yew::scheduler::flush().await;
    assert_eq!(button.text_content().unwrap().trim(), "Not copied");
    // The link is offered in a field, selected, with a line saying how to copy it.
    let field: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=\"manual-copy\"] input")
        .unwrap()
        .expect("a field with the link")
        .dyn_into()
        .unwrap();
    assert_eq!(field.value(), button.get_attribute("data-url").unwrap());
    assert_eq!(field.selection_start().unwrap(), Some(0));
    assert_eq!(
        field.selection_end().unwrap(),
        Some(field.value().chars().count() as u32)
    );
    assert!(text(&root, "manual-copy").contains("press Ctrl+C"));
}

#[wasm_bindgen_test]
async fn a_held_slider_keeps_every_scale_until_it_is_let_go() {
    let root = mount("?basis=us&asof=2020-06&mfg=3.92&ag=1.09&energy=0.48").await;
    for code in ["manufactured", "agriculture", "energy"] {
        assert!(
            root.query_selector(&format!("[data-testid=\"category-chart-{code}\"]"))
                .unwrap()
                .is_some(),
            "a small chart for {code}"
        );
    }
    let slider: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=\"rate-agriculture\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let top = || text(&root, "category-top-agriculture");
    let before = top();
    let pointer = |kind: &str| {
        let ev = web_sys::Event::new(kind).unwrap();
        slider.dispatch_event(&ev).unwrap();
    };
    pointer("pointerdown");
    yew::scheduler::flush().await;
    slider.set_value(&slider.max());
    slider
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(top(), before, "held: the scale stays");
    assert!(
        root.query_selector("[data-testid=\"category-off-scale-agriculture\"]")
            .unwrap()
            .is_some(),
        "held: the line runs off the top, with an arrow"
    );
    pointer("pointerup");
    yew::scheduler::flush().await;
    assert_ne!(top(), before, "let go: the scale fits the new rate");
}

#[wasm_bindgen_test]
async fn guess_first_asks_then_answers_with_the_guess() {
    let root = mount("?guess=on").await;
    let find = |testid: &str| {
        root.query_selector(&format!("[data-testid=\"{testid}\"]"))
            .unwrap()
    };
    // Asking: the question, no simulator, no outcome in the head.
    assert!(text(&root, "guess").contains("What share do you think it bought?"));
    assert!(find("verdict-2020").is_none());
    assert!(!text(&root, "headline").contains("none of the extra"));
    let submit: web_sys::HtmlElement = find("guess-submit").unwrap().dyn_into().unwrap();
    assert!(
        submit.has_attribute("disabled"),
        "nothing to show before a guess"
    );
    // The slider sets the guess, and says it.
    let slider: web_sys::HtmlInputElement = find("guess-input").unwrap().dyn_into().unwrap();
    slider.set_value("40");
    slider
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("40%, or $127.9bn")
    );
    assert!(!submit.has_attribute("disabled"));
    submit.click();
    yew::scheduler::flush().await;
    assert!(
        text(&root, "guess-result").starts_with("You guessed 40%; China bought 60%: the share"),
        "{}",
        text(&root, "guess-result")
    );
    // Then the widget as usual, and the guess not in the link.
    assert!(find("verdict-2020").is_some());
    assert!(text(&root, "headline").contains("none of the extra"));
    let link = find("copy-link")
        .unwrap()
        .get_attribute("data-url")
        .unwrap_or_default();
    assert!(link.contains("guess=on") && !link.contains("40"), "{link}");
}

#[wasm_bindgen_test]
async fn every_event_asked_for_is_loading_until_it_comes_and_its_failure_is_said() {
    // The widget embeds the key moments; every event is fetched (here the test server has
    // no `data/timeline.csv`, so the fetch fails).
    let root = mount("?view=timeline&events=all").await;
    let feed = root
        .query_selector("[data-testid=\"timeline\"]")
        .unwrap()
        .unwrap();
    assert_eq!(feed.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(text(&root, "timeline-count").trim(), "Loading every event…");
    let listed = || {
        root.query_selector_all("[data-testid=\"timeline-event\"]")
            .unwrap()
            .length()
    };
    assert_eq!(listed(), 12, "the key moments meanwhile");
    assert!(
        root.query_selector(".p1-count").unwrap().is_none(),
        "no counts until every event has come"
    );
    assert!(text(&root, "show-all").contains("Show all 74 events"));
    // It fails: back to the key moments, and the notice says why.
    let section = || {
        root.query_selector("[data-testid=\"timeline-section\"]")
            .unwrap()
            .and_then(|s| s.get_attribute("data-events"))
    };
    for _ in 0..100 {
        if section().as_deref() == Some("key") {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
        yew::scheduler::flush().await;
    }
    assert_eq!(section().as_deref(), Some("key"));
    assert!(
        text(&root, "notice").contains("The rest of the timeline could not be loaded"),
        "{}",
        text(&root, "notice")
    );
    assert_eq!(listed(), 12);
}
