use yew::prelude::*;

use crate::core::strings;

#[component]
pub fn App() -> Html {
    html! {
        <div class="p1">
            <h1 class="p1-headline">{ strings::EN.headline }</h1>
        </div>
    }
}
