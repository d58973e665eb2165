//! Finding mount points and mounting the app (browser only).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use super::{Env, Init, Mode, Widget, WidgetProps};
use crate::core::url_state::{self, Params};

const MARK: &str = "data-phase-one-mounted";

/// Mounts one independent instance into each `[data-phase-one-widget]` element.
/// The standalone page (`data-phase-one-standalone`) hydrates its prerendered HTML in
/// place; script embeds render inside a Shadow DOM root with the widget's stylesheet
/// linked there, so host CSS cannot reach in and ours cannot leak out.
pub fn mount_all(stylesheet_url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Ok(nodes) = document.query_selector_all("[data-phase-one-widget]") else {
        return;
    };
    let asset_base = stylesheet_url
        .rsplit_once('/')
        .map(|(base, _)| format!("{base}/"))
        .unwrap_or_default();
    let location = window.location();
    let href = location.href().unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or("").to_string();
    let hash = location.hash().unwrap_or_default();
    let selected = url_state::event_from_hash(&hash);
    let mut instance = 0;
    for i in 0..nodes.length() {
        let Some(host) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if host.has_attribute(MARK) {
            continue;
        }
        let _ = host.set_attribute(MARK, "");
        if host.has_attribute("data-phase-one-standalone") {
            let params = url_state::parse_query(&location.search().unwrap_or_default());
            let framed = super::embed::start(params.child_id.clone());
            let share_base = match (&params.parent_url, framed) {
                (Some(parent), true) => parent
                    .split(['?', '#'])
                    .next()
                    .unwrap_or(parent)
                    .to_string(),
                _ => page.clone(),
            };
            let env = Env {
                mode: if framed {
                    Mode::Iframe
                } else {
                    Mode::Standalone
                },
                share_base,
                asset_base: asset_base.clone(),
                id_prefix: String::new(),
            };
            let hydrate = host.first_element_child().is_some();
            let init = Rc::new(Init {
                params,
                selected: selected.clone(),
                env,
                hydrate,
                built_in: None,
            });
            let renderer = yew::Renderer::<Widget>::with_root_and_props(host, WidgetProps { init });
            if hydrate {
                renderer.hydrate();
            } else {
                renderer.render();
            }
        } else if let Some(root) = shadow_root(&document, &host, stylesheet_url) {
            instance += 1;
            let env = Env {
                mode: Mode::Script,
                share_base: page.clone(),
                asset_base: asset_base.clone(),
                id_prefix: format!("p1-{instance}-"),
            };
            let init = Rc::new(Init {
                params: attributes(&host),
                selected: selected.clone(),
                env,
                hydrate: false,
                built_in: None,
            });
            yew::Renderer::<Widget>::with_root_and_props(root, WidgetProps { init }).render();
        }
    }
}

/// The embed's options from its `data-` attributes (same names as the URL parameters).
fn attributes(host: &Element) -> Params {
    let names = host.get_attribute_names();
    let pairs = (0..names.length()).filter_map(|i| {
        let name = names.get(i).as_string()?;
        let key = name.strip_prefix("data-")?;
        if key.starts_with("phase-one") {
            return None;
        }
        Some((
            key.to_string(),
            host.get_attribute(&name).unwrap_or_default(),
        ))
    });
    url_state::from_pairs(pairs)
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
    root.set_attribute("class", "p1-host").ok()?;
    shadow.append_child(&root).ok()?;
    Some(root)
}
