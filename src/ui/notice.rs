//! A quiet notice above the widget when a newsroom data file can't be used.

use yew::prelude::*;

use super::strings;
use crate::core::state::Notice;
use crate::core::strings::fill;

/// How many problems a notice lists before "…and N more".
pub const SHOWN_PROBLEMS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let s = strings();
    let notices = &props.notices;
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="p1-notices" role="status" data-testid="notice">
            for n in notices.iter() {
                <div class="p1-notice">
                    {
                        match n {
                            Notice::Invalid { file, problems } => html! {
                                <>
                                    <p>{ fill(s.notice_failed, &[("file", file), ("count", &problems.len().to_string())]) }</p>
                                    <ul>
                                        for p in problems.iter().take(SHOWN_PROBLEMS) {
                                            <li>{ p.to_string() }</li>
                                        }
                                    </ul>
                                    if problems.len() > SHOWN_PROBLEMS {
                                        <p>{ fill(s.notice_more, &[("n", &(problems.len() - SHOWN_PROBLEMS).to_string())]) }</p>
                                    }
                                </>
                            },
                            Notice::Unreachable { file, reason } => html! {
                                <p>{ fill(s.notice_network, &[("file", file), ("reason", reason)]) }</p>
                            },
                        }
                    }
                </div>
            }
        </div>
    }
}
