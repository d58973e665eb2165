//! Guess first (`guess=on`, see `core::guess`): the question, a chart the reader extends
//! by dragging the end of the line (or with the slider under it), and the reveal.

use yew::prelude::*;

use super::{Ui, use_dispatch, use_ui, use_widget};
use crate::core::chart::{self, num};
use crate::core::decimal::parse_decimal;
use crate::core::format::{Format, MonthStyle};
use crate::core::guess::{self, Layout, Quiz};
use crate::core::locale::fill;
use crate::core::model;
use crate::core::month::{DEAL_END, DEAL_START};
use crate::core::state::Action;
use crate::core::text;

/// The question, the chart and the controls; once shown, the chart with both lines and
/// the one sentence that says how close the guess was.
#[component]
pub fn GuessFirst() -> Html {
    let handle = use_widget();
    let dispatch = use_dispatch();
    let Ui { loc, s, f, env } = use_ui();
    let state = &handle.0;
    let width = use_state(|| chart::DEFAULT_WIDTH);
    let node = use_node_ref();
    let svg = use_node_ref();
    let result = use_node_ref();
    let dragging = use_mut_ref(|| false);
    super::dom::use_width(&node, width.setter(), chart::MIN_WIDTH);
    let input = use_node_ref();
    let quiz = state.quiz;
    let share = quiz.share();
    super::dom::use_fraction(&input, "--fill", share.unwrap_or(0.0) / guess::MAX_SHARE);
    let shown = matches!(quiz, Quiz::Shown { .. });
    super::dom::use_focus_on(&result, shown);
    let Some(q) = guess::question(&state.data) else {
        return html! {};
    };
    // The reader's cut-off where it is on the question's basis, else the default's.
    let asof = if state.scenario.basis == guess::BASIS {
        state.scenario.asof
    } else {
        model::default_scenario(&state.data).asof
    };
    let lay = Layout::new(&state.data, &q, asof, *width, share);
    let fr = lay.frame;

    // A drag on the chart: the pointer's height is the guess.
    let drag = |capture: bool| {
        let (svg, dispatch, lay, q, dragging) = (
            svg.clone(),
            dispatch.clone(),
            lay.clone(),
            q.clone(),
            dragging.clone(),
        );
        Callback::from(move |ev: PointerEvent| {
            if !capture && !*dragging.borrow() {
                return;
            }
            if capture {
                *dragging.borrow_mut() = true;
                ev.prevent_default();
            }
            if let Some(y) = super::dom::pointer_y(&ev, &svg, capture) {
                dispatch.dispatch(Action::Guess(lay.share_at(y, &q)));
            }
        })
    };
    let stop = {
        let dragging = dragging.clone();
        Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = false)
    };
    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |ev: InputEvent| {
            if let Some(v) = super::dom_value(&ev).and_then(|v| parse_decimal(&v)) {
                dispatch.dispatch(Action::Guess(v / 100.0));
            }
        })
    };
    let reveal = |keep: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Reveal { keep }))
    };

    let question_id = env.id("guess-question");
    let how_id = env.id("guess-how");
    let input_id = env.id("guess-input");
    let percent = |v: f64| text::guess_share(&f, v);
    let money = |v: f64| text::money(loc, &f, v);
    let sentence = text::guess_result(loc, &f, &state.data, &q, quiz);
    // What the line after the cut-off is, and where its figures end, said under the chart.
    let note = lay.after_last.filter(|_| shown).map(|(m, _)| {
        fill(
            s.guess_chart_note,
            &[("month", &f.month(m, MonthStyle::Long))],
        )
    });
    let end_x = fr.x(chart::k_end(DEAL_END));
    // The labels at the end of the two years: left of their points, kept apart.
    let label_x = end_x - 12.0;
    let anchor = "end";
    let ends = [
        Some(lay.promise_end.1),
        lay.guess.as_ref().map(|(_, (_, y))| *y),
        shown.then_some(lay.answer.1),
    ];
    let wanted: Vec<f64> = ends.iter().flatten().map(|y| y - 8.0).collect();
    // Under the axis, so that it never sits on the axis line or the lines above it.
    let bought = fill(
        s.guess_bought_label,
        &[("month", &f.month(asof, MonthStyle::Long))],
    );
    let bought_at = guess::start_label_at(
        &fr,
        lay.start.0,
        &bought,
        &f.month(DEAL_START, MonthStyle::Short),
        &f.month(DEAL_END, MonthStyle::Short),
    );
    let mut placed = guess::stack(&wanted, 15.0, fr.y0, fr.y1 - 18.0).into_iter();
    let [promise_y, guess_y, answer_y] = ends.map(|e| e.and_then(|_| placed.next()));

    html! {
        <section class={classes!("p1-guess", shown.then_some("is-shown"))} data-testid="guess"
                 aria-labelledby={question_id.clone()}>
            <h2 class="p1-guess-q" id={question_id}>
                { super::nb(&text::guess_question(loc, &f, &q)) }
            </h2>
            if !shown {
                <p class="p1-note" id={how_id.clone()}>{ s.guess_how }</p>
            }
            <p class="p1-chart-note">{ s.guess_axis_note }</p>
            <div class="p1-chart-box p1-guess-box" ref={node}>
                <svg class="p1-svg p1-guess-svg" ref={svg.clone()} data-testid="guess-chart"
                     viewBox={format!("0 0 {} {}", num(fr.w), num(fr.h()))} width="100%"
                     height={num(fr.h())} role="img" aria-label={s.guess_chart_title}
                     onpointerdown={(!shown).then(|| drag(true))}
                     onpointermove={(!shown).then(|| drag(false))}
                     onpointerup={stop.clone()} onpointercancel={stop}>
                    <g class="p1-grid-lines" aria-hidden="true">
                        for t in lay.scale.ticks() {
                            <line x1={num(fr.x0)} x2={num(fr.x1)} y1={num(fr.y(t))}
                                  y2={num(fr.y(t))} />
                            <text class="p1-axis-label" x={num(fr.x0 - 6.0)}
                                  y={num(fr.y(t) + 4.0)} text-anchor="end">
                                { text::tick(loc, &f, t) }
                            </text>
                        }
                        <line class="p1-axis" x1={num(fr.x0)} x2={num(fr.x1)}
                              y1={num(fr.y1)} y2={num(fr.y1)} />
                        for (m, anchor) in [(DEAL_START, "start"), (DEAL_END, "end")] {
                            <text class="p1-axis-label" text-anchor={anchor}
                                  x={num(if anchor == "start" { fr.x0 } else { end_x })}
                                  y={num(fr.y1 + 20.0)}>
                                { super::plain(&f.month(m, MonthStyle::Short)) }
                            </text>
                        }
                    </g>
                    <g aria-hidden="true">
                        <path class="p1-guess-promise" d={lay.promise.clone()} />
                        <text class="p1-guess-label" x={num(label_x)} text-anchor={anchor}
                              y={num(promise_y.unwrap_or_default())}>
                            { super::plain(&fill(s.guess_promise_label,
                                                 &[("money", &money(q.promised))])) }
                        </text>
                        <path class="p1-guess-bought" d={lay.before.clone()} />
                        // Where the reader's line starts: what was bought by the cut-off.
                        <text class="p1-guess-label is-bought" x={num(bought_at.0)}
                              y={num(bought_at.1)}>
                            { super::plain(&bought) }
                        </text>
                        if shown && !lay.after.is_empty() {
                            <path class="p1-guess-bought is-after" d={lay.after.clone()}
                                  data-testid="guess-actual" />
                        }
                        if let Some((path, (x, y))) = lay.guess.clone() {
                            <path class="p1-guess-line" d={path} />
                            <circle class="p1-guess-handle" cx={num(x)} cy={num(y)} r="7" />
                            <text class="p1-guess-label is-yours" x={num(label_x)}
                                  text-anchor={anchor} y={num(guess_y.unwrap_or(y))}>
                                { super::plain(&fill(s.guess_your_label,
                                    &[("share", &percent(share.unwrap_or_default()))])) }
                            </text>
                        } else if !shown {
                            // Where to take hold: the end of the line, at the cut-off.
                            <circle class="p1-guess-handle is-waiting" cx={num(lay.start.0)}
                                    cy={num(lay.start.1)} r="7" />
                        }
                        if shown {
                            <circle class="p1-guess-answer" cx={num(lay.answer.0)}
                                    cy={num(lay.answer.1)} r="5" />
                            <text class="p1-guess-label is-answer" x={num(label_x)}
                                  text-anchor={anchor} y={num(answer_y.unwrap_or_default())}>
                                { super::plain(&fill(s.guess_answer_label,
                                    &[("share", &text::outcome_percent(loc, &f, q.answer_pct))])) }
                            </text>
                        }
                    </g>
                </svg>
            </div>
            if !shown {
                <div class="p1-rate p1-guess-controls">
                    <label for={input_id.clone()}>{ s.guess_label }</label>
                    <div class="p1-guess-row">
                        <input type="range" id={input_id} ref={input}
                               data-testid="guess-input"
                               min="0" max={num(guess::MAX_SHARE * 100.0)} step="1"
                               value={num((share.unwrap_or(0.0) * 100.0).round())}
                               aria-describedby={how_id}
                               aria-valuetext={share.map(|v| text::guess_valuetext(loc, &f, &q, v))}
                               oninput={on_input} />
                        <output class="p1-fig">{ share.map(percent).unwrap_or_default() }</output>
                    </div>
                    <div class="p1-guess-row">
                        <button type="button" class="p1-button is-primary"
                                data-testid="guess-submit" disabled={share.is_none()}
                                onclick={reveal(true)}>{ s.guess_show }</button>
                        <button type="button" class="p1-button" data-testid="guess-skip"
                                onclick={reveal(false)}>{ s.guess_skip }</button>
                    </div>
                </div>
            }
            <p class="p1-guess-result" role="status" aria-live="polite" tabindex="-1"
               data-testid="guess-result" ref={result}>
                { sentence.map(|t| super::nb(&t)).unwrap_or_default() }
            </p>
            if let Some(note) = note {
                <p class="p1-note p1-guess-note">{ super::nb(&note) }</p>
            }
        </section>
    }
}
