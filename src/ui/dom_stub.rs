//! Native stand-ins for the browser effects in `dom.rs`: prerendering and native tests
//! run no effects, but components call the same hooks on every target.

use std::rc::Rc;

use yew::prelude::*;

use super::Handle;
use super::app::Init;

#[hook]
pub fn use_browser_effects(_handle: &Handle, _init: &Rc<Init>, _query: &str) {}

#[hook]
pub fn use_width(_node: &NodeRef, _set: UseStateSetter<f64>) {}

#[hook]
pub fn use_settled(_value: String, _ms: u32) -> String {
    String::new()
}
