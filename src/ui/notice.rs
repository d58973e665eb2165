//! A quiet notice above the widget when data can't be used.

use yew::prelude::*;

use super::use_locale;
use crate::core::locale::{Locale, fill};
use crate::core::problem::Problem;
use crate::core::state::{DataFile, FETCH_TIMEOUT_SECONDS, FetchError, FileStatus, Files, Notice};

/// How many problems a notice lists before "…and N more".
pub const SHOWN_PROBLEMS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let loc = use_locale();
    let s = loc.strings;
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="p1-notices" role="status" data-testid="notice">
            for n in props.notices.iter() {
                <div class="p1-notice">
                    {
                        match n {
                            Notice::Invalid { file, problems } => {
                                let head = super::fill_html(s.notice_failed, &[
                                    ("file", named(file)),
                                    ("count", Html::from(problems.len().to_string())),
                                ]);
                                problem_list(loc, head, problems)
                            }
                            Notice::BuiltInInvalid { problems } => {
                                let count = problems.len().to_string();
                                let head = fill(s.built_in_failed, &[("count", &count)]);
                                problem_list(loc, Html::from(head), problems)
                            }
                            Notice::Refused { file, origin } if origin.is_empty() => html! {
                                <p>{ super::fill_html(s.notice_refused_attr, &[
                                    ("file", named(file)),
                                ]) }</p>
                            },
                            Notice::Refused { file, origin } => html! {
                                <p>{ super::fill_html(s.notice_refused, &[
                                    ("file", named(file)),
                                    ("origin", named(origin)),
                                ]) }</p>
                            },
                            // The id as the link gives it: no language (`zxx`), kept apart
                            // from the sentence's direction (`bdi`).
                            Notice::UnknownEvent { id } => html! {
                                <p data-testid="notice-unknown-event">{
                                    super::fill_html(s.notice_unknown_event, &[(
                                        "id",
                                        html! { <bdi lang="zxx">{ id.clone() }</bdi> },
                                    )])
                                }</p>
                            },
                            Notice::Redirected { file, origin } => html! {
                                <p>{ super::fill_html(s.notice_redirected, &[
                                    ("file", named(file)),
                                    ("origin", named(origin)),
                                ]) }</p>
                            },
                            Notice::EventsUnreachable { reason } => html! {
                                <p>{ super::fill_html(s.notice_events, &[
                                    ("reason", Html::from(fetch_reason(loc, *reason))),
                                ]) }</p>
                            },
                            Notice::Unreachable { file, reason } => html! {
                                <p>{ super::fill_html(s.notice_network, &[
                                    ("file", named(file)),
                                    ("reason", Html::from(fetch_reason(loc, *reason))),
                                ]) }</p>
                            },
                        }
                    }
                </div>
            }
        </div>
    }
}

/// A name someone else wrote (a file, an origin), set apart from the sentence around it:
/// its direction can't turn the widget's own words.
fn named(name: &str) -> Html {
    html! { <bdi>{ name.to_string() }</bdi> }
}

fn problem_list(loc: &Locale, head: Html, problems: &[Problem]) -> Html {
    let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
    html! {
        <>
            <p>{ head }</p>
            <ul>
                for p in problems.iter().take(SHOWN_PROBLEMS) {
                    <li>{ loc.describe(p) }</li>
                }
            </ul>
            if more > 0 {
                <p>{ fill(loc.strings.notice_more, &[("n", &more.to_string())]) }</p>
            }
        </>
    }
}

fn fetch_reason(loc: &Locale, reason: FetchError) -> String {
    let s = loc.strings;
    match reason {
        FetchError::Network => s.fetch_network.to_string(),
        FetchError::Status(code) => fill(s.fetch_status, &[("status", &code.to_string())]),
        FetchError::NotText => s.fetch_not_text.to_string(),
        FetchError::Timeout => fill(
            s.fetch_timeout,
            &[("seconds", &FETCH_TIMEOUT_SECONDS.to_string())],
        ),
    }
}

#[derive(Properties, PartialEq)]
pub struct DataFilesProps {
    pub files: Files,
}

/// Says, where the figures and events start, when they come from a publisher's file and
/// not the widget's own data, and names the file.
#[component]
pub fn DataFiles(props: &DataFilesProps) -> Html {
    let s = use_locale().strings;
    let line = |f: &Option<DataFile>, loaded: &'static str| {
        let f = f.as_ref()?;
        let template = match f.status {
            FileStatus::Loading => s.file_loading,
            FileStatus::Loaded => loaded,
            FileStatus::Failed => return None,
        };
        Some(super::fill_html(template, &[("file", named(&f.name))]))
    };
    let lines: Vec<Html> = [
        line(&props.files.purchases, s.file_purchases),
        line(&props.files.timeline, s.file_timeline),
    ]
    .into_iter()
    .flatten()
    .collect();
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <div class="p1-files" data-testid="data-files">
            for l in lines {
                <p>{ l }</p>
            }
        </div>
    }
}
