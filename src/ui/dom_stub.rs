//! Native twins of every `dom.rs` function a component calls: prerendering and native
//! tests run no effects and no browser calls, but components call the same functions on
//! every target, with no `cfg` of their own.

use yew::prelude::*;

use super::{CopyStatus, Handle, Init};

#[hook]
pub fn use_browser_effects(_handle: &Handle, _init: &std::rc::Rc<Init>, _query: &str, _live: bool) {
}

#[hook]
pub fn use_width(_node: &NodeRef, _set: UseStateSetter<f64>, _min: f64) {}

#[hook]
pub fn use_settled(_value: String, _ms: u32) -> String {
    String::new()
}

pub fn copy_text(_text: &str, _status: UseStateSetter<CopyStatus>) {}

pub fn select_field(_node: &NodeRef) {}

pub fn focus_event_near(_ev: &web_sys::KeyboardEvent, _id: &str) {}

pub fn focus_marker_near(_ev: &web_sys::KeyboardEvent, _index: usize) {}

pub fn reveal_event_near(_ev: &web_sys::Event, _id: &str) {}

pub fn leave_feed(_ev: &web_sys::KeyboardEvent, _after: bool) {}

#[hook]
pub fn use_fraction(_node: &NodeRef, _name: &'static str, _fraction: f64) {}

#[hook]
pub fn use_select_value(_node: &NodeRef, _value: String) {}

#[hook]
pub fn use_next_task(_flag: UseStateSetter<bool>) {}

pub fn focus_in_widget(_ev: &web_sys::Event, _id: &str) {}

pub fn reveal_chart(_ev: &web_sys::Event, _id: &str) {}

pub fn open_in_widget(_ev: &web_sys::Event, _id: &str) {}

pub fn focus_marker_of(_ev: &web_sys::Event, _id: &str) {}

#[hook]
pub fn use_reveal<K: PartialEq + Clone + 'static>(_node: &NodeRef, _key: Option<K>) {}

pub fn when_idle_or_reached(
    _reach: std::rc::Rc<std::cell::RefCell<Vec<&'static str>>>,
    f: impl FnOnce() + 'static,
) {
    f()
}
