//! The build's pictures (native only; `postbuild` writes them): each language's social
//! card and static fallback of the default view, drawn by `core::picture` and rendered
//! to PNG with resvg in [`FONT`], which the setup script installs.

use std::rc::Rc;
use std::sync::Arc;

use resvg::usvg::fontdb::Database;

use crate::core::data;
use crate::core::derived::Derived;
use crate::core::locale::Locale;
use crate::core::picture::{self, Picture, View};
use crate::core::state::State;
use crate::core::timeline::{self, TimelineEvent};
use crate::core::url_state::Params;
use crate::ui::format::Fmt;

/// The typeface the build renders pictures in: it covers Latin and Chinese alike (Debian
/// package `fonts-noto-cjk`; `scripts/setup.sh` installs it).
pub const FONT: &str = "Noto Sans CJK SC";

/// A language's default view: the state a reader without a link starts in.
pub fn default_state(loc: &'static Locale) -> Result<State, String> {
    let ds = data::parse(data::FILE_NAME, data::BUILT_IN)
        .map_err(|_| "the built-in purchase data have problems".to_string())?;
    let tl = timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN)
        .map_err(|_| "the built-in timeline has problems".to_string())?;
    let params = Params {
        lang: Some(loc.lang),
        ..Params::default()
    };
    Ok(State::new(
        Rc::new(loc.translate_data(&ds)),
        Rc::new(loc.translate(&tl)),
        params,
        None,
    ))
}

/// The social card and the static fallback of a language's default view. `site`: the
/// site's public address, for the fallback's link.
pub fn default_pictures(
    loc: &'static Locale,
    site: Option<&str>,
) -> Result<(Picture, Picture), String> {
    let state = default_state(loc)?;
    let derived = Derived::new(&state.data, &state.scenario, None);
    let f = Fmt::new(loc, false);
    let link = site.map(|s| format!("{s}{}", loc.lang.page()));
    let view = View {
        loc,
        f: &f,
        ds: &state.data,
        derived: &derived,
        events: timeline::on_chart(&state.timeline, &state.filters),
        preset: state.preset,
        link: link.as_deref(),
    };
    let key: Vec<&TimelineEvent> = state.timeline.events.iter().filter(|e| e.key).collect();
    let none = || format!("{}: the default view has no evaluation", loc.lang.code());
    let card = picture::card(&view).ok_or_else(none)?;
    let fallback = picture::fallback(&view, &key).ok_or_else(none)?;
    Ok((card, fallback))
}

/// The system's fonts, failing with what to install when [`FONT`] is not among them.
pub fn fonts() -> Result<Arc<Database>, String> {
    let mut db = Database::new();
    db.load_system_fonts();
    let has = db
        .faces()
        .any(|f| f.families.iter().any(|(name, _)| name == FONT));
    if !has {
        return Err(format!(
            "the pictures need the font {FONT:?}: install the Debian package fonts-noto-cjk \
             (./scripts/setup.sh does)"
        ));
    }
    Ok(Arc::new(db))
}

/// A picture as PNG, `scale` device pixels to the px.
pub fn png(p: &Picture, scale: f32, fonts: &Arc<Database>) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let options = usvg::Options {
        fontdb: fonts.clone(),
        font_family: FONT.to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&p.to_svg(), &options).map_err(|e| e.to_string())?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("empty picture")?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("picture too large")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}
