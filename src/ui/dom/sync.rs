//! Values kept in step with the page: an element's width, a CSS fraction, a select's
//! value, and a value once it has settled.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Calls `set` with the element's width whenever it changes.
#[hook]
pub fn use_width(node: &NodeRef, set: UseStateSetter<f64>, min: f64) {
    let node = node.clone();
    use_effect_with((), move |_| {
        let observer = node.cast::<web_sys::Element>().and_then(|el| {
            let measure = {
                let set = set.clone();
                move |w: f64| {
                    if w > 0.0 {
                        set.set(w.round().max(min));
                    }
                }
            };
            measure(el.get_bounding_client_rect().width());
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                    measure(entry.content_rect().width());
                }
            });
            let observer = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
            observer.observe(&el);
            Some((observer, cb))
        });
        move || {
            if let Some((o, _cb)) = observer {
                o.disconnect();
            }
        }
    });
}

/// Keeps a CSS fraction (0 to 1) on an element in step with a value: a range input's
/// `--fill` (the filled part of its track), the `--need` mark beside it. Set through the
/// CSS object model, which a strict CSP allows.
#[hook]
pub fn use_fraction(node: &NodeRef, name: &'static str, fraction: f64) {
    let node = node.clone();
    use_effect_with((fraction * 10_000.0).round() as i64, move |_| {
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            let value = crate::core::decimal::decimal(fraction, 4);
            let _ = el.style().set_property(name, &value);
        }
    });
}

/// Keeps a select's chosen option in step with `value` after each render. The options'
/// `selected` attributes are not enough: once one loses its attribute, Firefox shows the
/// first option (the attribute sets only the default), so the property is set as well.
#[hook]
pub fn use_select_value(node: &NodeRef, value: String) {
    let node = node.clone();
    use_effect_with(value, move |value| {
        if let Some(el) = node.cast::<web_sys::HtmlSelectElement>() {
            if el.value() != *value {
                el.set_value(value);
            }
        }
    });
}

/// The value once it has stopped changing for `ms`; empty until the first change (so
/// nothing is announced on load).
#[hook]
pub fn use_settled(value: String, ms: u32) -> String {
    let settled = use_state(String::new);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let first = use_mut_ref(|| true);
    {
        let settled = settled.clone();
        use_effect_with(value, move |v| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let v = v.clone();
            *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(ms, move || {
                settled.set(v)
            }));
        });
    }
    (*settled).clone()
}

/// While `title` is set, the page's `<title>` says it (guess first keeps the outcome out
/// of the tab); when it is unset again, the page's own title returns.
#[hook]
pub fn use_title(title: Option<String>) {
    use_effect_with(title, |title| {
        let doc = title
            .as_ref()
            .and(web_sys::window())
            .and_then(|w| w.document());
        let before = doc.as_ref().zip(title.as_ref()).map(|(doc, t)| {
            let before = doc.title();
            doc.set_title(t);
            before
        });
        move || {
            if let (Some(doc), Some(before)) = (doc, before) {
                doc.set_title(&before);
            }
        }
    });
}

/// While `lang` is set, the page's `<html lang>` says it (a link asking the widget's own
/// page for another language); when it is unset again, the page's own returns.
#[hook]
pub fn use_page_lang(lang: Option<&'static str>) {
    use_effect_with(lang, |lang| {
        let html = lang
            .and(web_sys::window())
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        let before = html.as_ref().zip(*lang).map(|(html, l)| {
            let before = html.get_attribute("lang");
            let _ = html.set_attribute("lang", l);
            before
        });
        move || {
            if let (Some(html), Some(before)) = (html, before) {
                let _ = match before {
                    Some(b) => html.set_attribute("lang", &b),
                    None => html.remove_attribute("lang"),
                };
            }
        }
    });
}
