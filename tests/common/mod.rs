//! Helpers shared by the native test files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Every `.rs` file under a folder of the crate (e.g. `src/core`), recursively.
pub fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("the folder exists") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    out
}

/// The built-in purchase data, parsed once.
pub fn ds() -> &'static phase_one::core::data::Dataset {
    use phase_one::core::data;
    static DS: std::sync::OnceLock<data::Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(|| data::parse(data::FILE_NAME, data::BUILT_IN).expect("built-in data"))
}

/// A month from `YYYY-MM` (tests only: panics on a bad one).
pub fn m(s: &str) -> phase_one::core::month::Month {
    phase_one::core::month::Month::parse(s).expect("a YYYY-MM month")
}

/// The widget rendered natively with Yew's SSR, as the prerender renders it.
pub fn render(init: phase_one::ui::Init) -> String {
    use phase_one::ui::widget::{Widget, WidgetProps};
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&rt, async move {
        yew::LocalServerRenderer::<Widget>::with_props(WidgetProps {
            init: std::rc::Rc::new(init),
        })
        .render()
        .await
    })
}
