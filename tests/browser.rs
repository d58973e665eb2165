//! Layer 2: components mounted in headless Chromium (wasm-bindgen-test).
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser`
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use yew::Renderer;

use phase_one::ui::App;

wasm_bindgen_test_configure!(run_in_browser);

fn fixture() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn app_renders_headline() {
    let root = fixture();
    Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let h1 = root.query_selector("h1").unwrap().expect("an h1");
    assert_eq!(
        h1.text_content().unwrap(),
        "Is China buying what it promised?"
    );
}
