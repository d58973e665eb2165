//! "Download image": a picture (`core::picture`) painted on a canvas and saved as PNG.
//! The canvas loads no image, so it works under a CSP that allows none (`img-src` of
//! `'self'` only) and makes no request.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d as Ctx, HtmlAnchorElement, HtmlCanvasElement, Path2d};
use yew::prelude::*;

use crate::core::chart::Anchor;
use crate::core::picture::{self, Item, Picture, Stroke, Text};
use crate::ui::CopyStatus;

/// Device pixels to the picture's px: 1200 px becomes a 2400-pixel-wide PNG.
const SCALE: f64 = 2.0;

/// Paints the picture and saves it as `file`; `status` says "failed" if the browser
/// can't (no canvas, or no PNG from it).
pub fn download_png(p: &Picture, file: &str, status: UseStateSetter<CopyStatus>) {
    let failed = status.clone();
    let result = paint(p).and_then(|canvas| {
        let file = file.to_string();
        let done = Closure::once_into_js(move |blob: JsValue| {
            match blob
                .dyn_into::<web_sys::Blob>()
                .ok()
                .and_then(|b| save(&b, &file).ok())
            {
                Some(()) => status.set(CopyStatus::Copied),
                None => status.set(CopyStatus::Failed),
            }
        });
        canvas.to_blob(done.unchecked_ref())
    });
    if result.is_err() {
        failed.set(CopyStatus::Failed);
    }
}

/// A canvas with the picture painted on it, at [`SCALE`].
fn paint(p: &Picture) -> Result<HtmlCanvasElement, JsValue> {
    let document = document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((p.width * SCALE).round() as u32);
    canvas.set_height((p.height * SCALE).round() as u32);
    let ctx: Ctx = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    ctx.scale(SCALE, SCALE)?;
    ctx.set_fill_style_str(picture::colour::BG);
    ctx.fill_rect(0.0, 0.0, p.width, p.height);
    for item in &p.items {
        draw(&ctx, item)?;
    }
    Ok(canvas)
}

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

fn set_stroke(ctx: &Ctx, s: &Stroke) -> Result<(), JsValue> {
    ctx.set_stroke_style_str(s.colour);
    ctx.set_line_width(s.width);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    let dash = js_sys::Array::new();
    if let Some((a, b)) = s.dash {
        dash.push(&a.into());
        dash.push(&b.into());
    }
    ctx.set_line_dash(&dash)
}

fn draw(ctx: &Ctx, item: &Item) -> Result<(), JsValue> {
    match item {
        Item::Rect { x, y, w, h, fill } => {
            ctx.set_fill_style_str(fill);
            ctx.fill_rect(*x, *y, *w, *h);
        }
        Item::Path { d, stroke, fill } => {
            let path = Path2d::new_with_path_string(d)?;
            if let Some(fill) = fill {
                ctx.set_fill_style_str(fill);
                ctx.fill_with_path_2d(&path);
            }
            if let Some(s) = stroke {
                set_stroke(ctx, s)?;
                ctx.stroke_with_path(&path);
            }
        }
        Item::Circle { cx, cy, r, fill } => {
            ctx.begin_path();
            ctx.arc(*cx, *cy, *r, 0.0, std::f64::consts::TAU)?;
            ctx.set_fill_style_str(fill);
            ctx.fill();
        }
        Item::Text(t) => text(ctx, t)?,
        Item::Group {
            dx,
            dy,
            scale,
            items,
        } => {
            ctx.save();
            ctx.translate(*dx, *dy)?;
            ctx.scale(*scale, *scale)?;
            for i in items {
                draw(ctx, i)?;
            }
            ctx.restore();
        }
    }
    Ok(())
}

fn text(ctx: &Ctx, t: &Text) -> Result<(), JsValue> {
    let weight = if t.bold { 700 } else { 400 };
    // (`num`, not `{}` on the float: float formatting would cost the wasm ~9 KB.)
    let px = crate::core::chart::num(t.px);
    ctx.set_font(&format!("{weight} {px}px {}", picture::FONTS));
    ctx.set_text_align(match t.anchor {
        Anchor::Start => "left",
        Anchor::Middle => "center",
        Anchor::End => "right",
    });
    ctx.set_text_baseline("alphabetic");
    if t.halo {
        set_stroke(
            ctx,
            &Stroke {
                colour: picture::colour::BG,
                width: 4.0,
                dash: None,
            },
        )?;
        ctx.stroke_text(&t.text, t.x, t.y)?;
    }
    ctx.set_fill_style_str(t.fill);
    ctx.fill_text(&t.text, t.x, t.y)
}

/// Saves a blob as a file through a link with `download`, then lets the blob go.
fn save(blob: &web_sys::Blob, file: &str) -> Result<(), JsValue> {
    let document = document()?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file);
    a.click();
    // The browser starts the download at the click; the URL goes once that has begun.
    yew::platform::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(10_000).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}
