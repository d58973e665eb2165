//! Where a pointer is on an element, for drawing on a chart.

use yew::prelude::*;

/// The pointer's height from the top of the element `node`, in CSS pixels (the guess
/// chart's drawing units). With `capture`, the element keeps the pointer until it is let
/// go, so a drag that leaves the chart still moves the line.
pub fn pointer_y(ev: &web_sys::PointerEvent, node: &NodeRef, capture: bool) -> Option<f64> {
    let el = node.cast::<web_sys::Element>()?;
    if capture {
        let _ = el.set_pointer_capture(ev.pointer_id());
    }
    let rect = el.get_bounding_client_rect();
    Some(f64::from(ev.client_y()) - rect.top())
}
