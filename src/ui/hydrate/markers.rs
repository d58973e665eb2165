//! The prerendered page's HTML, as `postbuild` writes it at build time.

/// Drops component type names from Yew's hydration markers (`<!--<[path::Name]>-->` →
/// `<!--<[]>-->`): hydration matches the markers by their brackets only, and the names
/// are a large share of the page's bytes. Any other comment is left as it is.
pub fn strip_names(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<!--<") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let open = if tail.starts_with("<!--<[") {
            "<!--<["
        } else if tail.starts_with("<!--</[") {
            "<!--</["
        } else {
            out.push_str("<!--<");
            rest = &tail[5..];
            continue;
        };
        match tail.find("]>-->") {
            Some(end) => {
                out.push_str(open);
                out.push_str("]>-->");
                rest = &tail[end + 5..];
            }
            None => {
                out.push_str(tail);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first element in a rendered page whose markup begins with `open` (say
/// `<figure data-p1-role="chart"`), through its matching end tag, elements of the same name
/// nested in it included: the chart's raw HTML for [`super::Prerendered`].
pub fn element_html<'a>(html: &'a str, open: &str) -> Option<&'a str> {
    let start = html.find(open)?;
    let name = open.strip_prefix('<')?.split([' ', '>']).next()?;
    let (start_tag, end_tag) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let rest = &html[at..];
        let close = rest.find(&end_tag)?;
        // A nested start tag of the same name (not a longer name, like `<figcaption`).
        let nested = rest.match_indices(&start_tag).map(|(i, _)| i).find(|&i| {
            matches!(
                rest.as_bytes().get(i + start_tag.len()),
                Some(b' ' | b'>' | b'/')
            )
        });
        match nested {
            Some(i) if i < close => {
                depth += 1;
                at += i + start_tag.len();
            }
            _ => {
                at += close + end_tag.len();
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(&html[start..at]);
                }
            }
        }
    }
}

/// The run of `<option>` elements in an element's markup (say a `<select>` from
/// [`element_html`]), from the first option's start to the last one's end: what the
/// select holds, without the component markers around them.
pub fn options_html(element: &str) -> Option<&str> {
    let start = element.find("<option")?;
    let end = element.rfind("</option>")? + "</option>".len();
    element.get(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_component_names_only() {
        let html = "<!--<[a::B<c::D>]>--><p>x</p><!--<#>--><!--</[a::B<c::D>]>-->";
        assert_eq!(
            strip_names(html),
            "<!--<[]>--><p>x</p><!--<#>--><!--</[]>-->"
        );
        let open = "<p>a</p><!--<[a::B]>--><p>b";
        assert_eq!(strip_names(open), "<p>a</p><!--<[]>--><p>b");
        let unclosed = "<p>a</p><!--<[a::B";
        assert_eq!(strip_names(unclosed), unclosed);
    }

    #[test]
    fn finds_the_options_of_a_select_without_the_markers_around_them() {
        let select = "<select id=\"a\"><!--<[]>--><option value=\"1\">Jan</option>\
                      <option value=\"2\" selected>Feb</option><!--</[]>--></select>";
        assert_eq!(
            options_html(select),
            Some("<option value=\"1\">Jan</option><option value=\"2\" selected>Feb</option>")
        );
        assert_eq!(options_html("<select></select>"), None);
        assert_eq!(options_html("<select><option>x</select>"), None);
    }

    #[test]
    fn finds_an_element_through_its_matching_end_tag() {
        let html = "<p>x</p><figure class=\"c\"><figcaption>a</figcaption>\
                    <figure><b>in</b></figure><i>after</i></figure><p>y</p>";
        assert_eq!(
            element_html(html, "<figure class=\"c\""),
            Some(
                "<figure class=\"c\"><figcaption>a</figcaption>\
                 <figure><b>in</b></figure><i>after</i></figure>"
            )
        );
        assert_eq!(element_html(html, "<figure class=\"d\""), None);
        // Unclosed: nothing rather than a part of it.
        assert_eq!(
            element_html(
                "<figure class=\"c\"><figure></figure>",
                "<figure class=\"c\""
            ),
            None
        );
    }
}
