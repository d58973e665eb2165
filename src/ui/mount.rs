//! Finding mount points and mounting the app (browser only).

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use super::App;

const MARK: &str = "data-phase-one-mounted";

/// Mounts one independent instance into each `[data-phase-one-widget]` element.
/// The standalone page (`data-phase-one-standalone`) renders in place, so its own
/// stylesheet applies; script embeds render inside a Shadow DOM root with the widget's
/// stylesheet linked there, so host CSS cannot reach in and ours cannot leak out.
pub fn mount_all(stylesheet_url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all("[data-phase-one-widget]") else {
        return;
    };
    for i in 0..nodes.length() {
        let Some(host) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if host.has_attribute(MARK) {
            continue;
        }
        let _ = host.set_attribute(MARK, "");
        if host.has_attribute("data-phase-one-standalone") {
            host.set_inner_html("");
            yew::Renderer::<App>::with_root(host).render();
        } else if let Some(root) = shadow_root(&document, &host, stylesheet_url) {
            yew::Renderer::<App>::with_root(root).render();
        }
    }
}

fn shadow_root(document: &web_sys::Document, host: &Element, css: &str) -> Option<Element> {
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .ok()?;
    let link = document.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", css).ok()?;
    shadow.append_child(&link).ok()?;
    let root = document.create_element("div").ok()?;
    shadow.append_child(&root).ok()?;
    Some(root)
}
