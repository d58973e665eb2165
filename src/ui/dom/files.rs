//! Data files: a publisher's or a link's CSV, checked against the origin policy, fetched
//! with a size cap and a clock, and read a slice at a time.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::core::problem::Problem;
use crate::core::state::{Action, FETCH_TIMEOUT_SECONDS, FetchError, FileKind, Notice};
use crate::core::steps::Steps;
use crate::core::url_state::{self, DataRef};
use crate::core::{csv, data, timeline};
use crate::ui::Handle;

/// Slices of work between yields: small enough that the page keeps painting and taking
/// input while a large file is read.
const CSV_SLICE_BYTES: usize = 64 * 1024;
const ROWS_PER_SLICE: usize = 250;

/// Checks a publisher's data file against the origin policy, then fetches, reads and
/// validates it a slice at a time. On any problem the widget keeps its built-in data and
/// shows a notice naming the file.
pub fn load(handle: Handle, origins: &[String], r: DataRef, kind: FileKind) {
    // Relative to the page's base (a host's `<base href>`), as its own links are.
    let page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let parsed = web_sys::Url::new_with_base(&r.url, &page).ok();
    let Some(url) = parsed.filter(|u| ["http:", "https:"].contains(&u.protocol().as_str())) else {
        let file = url_state::file_label(&r.url);
        let notice = Notice::Refused {
            file,
            origin: String::new(),
        };
        handle.dispatch(Action::FileFailed(kind, notice));
        return;
    };
    let href = url.href();
    let file = url_state::file_label(&href);
    if !r.trusted && !origins.contains(&url.origin()) {
        let notice = Notice::Refused {
            file,
            origin: url.origin(),
        };
        handle.dispatch(Action::FileFailed(kind, notice));
        return;
    }
    handle.dispatch(Action::UseFile(kind, href.clone()));
    let link_origins = (!r.trusted).then(|| origins.to_vec());
    yew::platform::spawn_local(async move {
        let notice = match fetch_text(&href, link_origins.as_deref()).await {
            Fetched::Text(text) => {
                read(handle, kind, file, text).await;
                return;
            }
            Fetched::Unusable(p) => Notice::Invalid {
                problems: vec![p.with_file(&file)],
                file,
            },
            Fetched::Failed(reason) => Notice::Unreachable { file, reason },
            Fetched::Redirected(origin) => Notice::Redirected { file, origin },
        };
        handle.dispatch(Action::FileFailed(kind, notice));
    });
}

/// Reads and validates a fetched file a slice at a time, then hands the result (or the
/// problems) to the widget.
async fn read(handle: Handle, kind: FileKind, file: String, text: String) {
    let mut problems = Vec::new();
    let table = table(&file, &text, &mut problems).await;
    let result = match kind {
        FileKind::Purchases => run(data::Job::new(&file, &table, problems))
            .await
            .map(|ds| Action::DataLoaded(Rc::new(ds))),
        FileKind::Timeline => run(timeline::Job::new(&file, &table, problems))
            .await
            .map(|t| Action::TimelineLoaded(Rc::new(t))),
    };
    match result {
        Ok(action) => handle.dispatch(action),
        Err(problems) => {
            handle.dispatch(Action::FileFailed(kind, Notice::Invalid { file, problems }))
        }
    }
}

/// Each problem of a language's files, in English, as a console warning.
pub fn warn_about_language_files(problems: Vec<Problem>) {
    for p in &problems {
        let line = format!("Phase One widget: {}", crate::core::locale::EN.describe(p));
        web_sys::console::warn_1(&line.into());
    }
}

/// The whole built-in timeline, fetched from beside the widget's assets once a reader
/// needs every event, and read a slice at a time; or the notice saying why not.
pub fn fetch_all_events(
    asset_base: String,
    done: yew::Callback<Result<timeline::Timeline, Notice>>,
) {
    yew::platform::spawn_local(async move { done.emit(all_events(&asset_base).await) });
}

async fn all_events(asset_base: &str) -> Result<timeline::Timeline, Notice> {
    let url = format!("{asset_base}{}", timeline::BUILT_IN_PATH);
    let text = match fetch_text(&url, None).await {
        Fetched::Text(text) => text,
        Fetched::Failed(reason) => return Err(Notice::EventsUnreachable { reason }),
        Fetched::Unusable(p) => {
            return Err(Notice::Invalid {
                file: timeline::FILE_NAME.to_string(),
                problems: vec![p],
            });
        }
        Fetched::Redirected(_) => {
            return Err(Notice::EventsUnreachable {
                reason: FetchError::Network,
            });
        }
    };
    let mut problems = Vec::new();
    let table = table(timeline::FILE_NAME, &text, &mut problems).await;
    run(timeline::Job::new(timeline::FILE_NAME, &table, problems))
        .await
        .map_err(|problems| Notice::Invalid {
            file: timeline::FILE_NAME.to_string(),
            problems,
        })
}

/// A file's text read as CSV, a slice at a time.
async fn table(file: &str, text: &str, problems: &mut Vec<Problem>) -> csv::Table {
    let mut reader = csv::Reader::new(text);
    while !reader.step(CSV_SLICE_BYTES) {
        next_slice().await;
    }
    reader.finish(file, problems)
}

async fn run<J: Steps>(mut job: J) -> J::Output {
    while !job.step(ROWS_PER_SLICE) {
        next_slice().await;
    }
    job.finish()
}

/// Gives the browser a turn: paint, input, other tasks.
async fn next_slice() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// What came of fetching a text file.
pub enum Fetched {
    Text(String),
    /// It arrived but can't be read: over the size cap, or not UTF-8.
    Unusable(Problem),
    Failed(FetchError),
    /// A file a link named was redirected to this origin, which the page doesn't allow.
    Redirected(String),
}

/// Fetches a text file, whole, within [`FETCH_TIMEOUT_SECONDS`], reading at most
/// [`csv::MAX_FILE_BYTES`] of it (a `Content-Length` over the cap is refused unread; a
/// body that runs past it, such as a compression bomb, is cancelled there) and decoding it
/// strictly as UTF-8.
///
/// `link_origins` is `Some` for a file a link named rather than the publisher: it is
/// fetched without cookies, and its final address after any redirect must still be on one
/// of those origins.
pub async fn fetch_text(url: &str, link_origins: Option<&[String]>) -> Fetched {
    use wasm_bindgen_futures::JsFuture;
    let Some(w) = web_sys::window() else {
        return Fetched::Failed(FetchError::Network);
    };
    let init = web_sys::RequestInit::new();
    if link_origins.is_some() {
        init.set_credentials(web_sys::RequestCredentials::Omit);
    }
    // One clock for the whole answer: headers and every chunk of the body.
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(std::cell::Cell::new(false));
    let _clock = controller.as_ref().map(|c| {
        init.set_signal(Some(&c.signal()));
        let (c, flag) = (c.clone(), timed_out.clone());
        gloo_timers::callback::Timeout::new(FETCH_TIMEOUT_SECONDS * 1000, move || {
            flag.set(true);
            c.abort();
        })
    });
    let failed = || {
        Fetched::Failed(if timed_out.get() {
            FetchError::Timeout
        } else {
            FetchError::Network
        })
    };
    let Ok(response) = JsFuture::from(w.fetch_with_str_and_init(url, &init)).await else {
        return failed();
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return failed();
    };
    let body = response.body();
    let cancel = |body: Option<web_sys::ReadableStream>| {
        if let Some(b) = body {
            let _ = b.cancel();
        }
    };
    if let Some(origins) = link_origins {
        let origin = web_sys::Url::new(&response.url())
            .map(|u| u.origin())
            .unwrap_or_default();
        if !origins.contains(&origin) {
            cancel(body);
            return Fetched::Redirected(origin);
        }
    }
    if !response.ok() {
        cancel(body);
        return Fetched::Failed(FetchError::Status(response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(p) = declared.and_then(|n| csv::too_large("", n)) {
        cancel(body);
        return Fetched::Unusable(p);
    }
    let Some(body) = body else {
        return Fetched::Text(String::new());
    };
    let Ok(reader) = body
        .get_reader()
        .dyn_into::<web_sys::ReadableStreamDefaultReader>()
    else {
        return Fetched::Failed(FetchError::NotText);
    };
    let mut bytes: Vec<u8> = Vec::with_capacity(declared.unwrap_or(0));
    loop {
        let Ok(chunk) = JsFuture::from(reader.read()).await else {
            return failed();
        };
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name)).ok();
        if field("done").and_then(|d| d.as_bool()) != Some(false) {
            break;
        }
        let Some(part) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        else {
            let _ = reader.cancel();
            return Fetched::Failed(FetchError::NotText);
        };
        let at = bytes.len();
        let len = part.length() as usize;
        if at + len > csv::MAX_FILE_BYTES {
            let _ = reader.cancel();
            return Fetched::Unusable(csv::over_cap(""));
        }
        bytes.resize(at + len, 0);
        part.copy_to(&mut bytes[at..]);
    }
    match csv::decode("", bytes) {
        Ok(text) => Fetched::Text(text),
        Err(p) => Fetched::Unusable(p),
    }
}
