//! The arrow keys, when no text field has focus: Up and Down (Home, End) move the
//! selection through the model tree in the order it is drawn, or through the Companies
//! table in its sort order — whichever was clicked last; in the tree, Left goes from a
//! lever to its company and Right from a company to its first lever. The row selected
//! by a key is scrolled into view.

use egui::{Context, Key, Modifiers, Response, Ui, WidgetText};

use super::state::{AppState, Selection};

/// The list the arrow keys move through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum List {
    /// The model tree.
    #[default]
    Tree,
    /// The Companies table.
    Table,
}

/// One arrow-key step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The row above (Up arrow).
    Previous,
    /// The row below (Down arrow).
    Next,
    /// The first row (Home).
    First,
    /// The last row (End).
    Last,
    /// From a lever to its company.
    Parent,
    /// From a company to its first lever.
    Child,
}

fn owner_id() -> egui::Id {
    egui::Id::unique("millwright_arrow_keys_list")
}

fn table_drawn_id() -> egui::Id {
    egui::Id::unique("millwright_company_table_drawn")
}

fn tree_order_id() -> egui::Id {
    egui::Id::unique("millwright_tree_order")
}

fn scroll_id() -> egui::Id {
    egui::Id::unique("millwright_scroll_to_selection")
}

/// Gives the arrow keys to `list` (its row was clicked).
pub fn claim(ctx: &Context, list: List) {
    ctx.data_mut(|d| d.insert_temp(owner_id(), list));
}

/// Records that the Companies table is drawn this frame (it has the keys only while
/// it is on screen).
pub fn table_drawn(ctx: &Context) {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| d.insert_temp(table_drawn_id(), pass));
}

fn has_keys(ctx: &Context, list: List) -> bool {
    let owner = ctx.data(|d| d.get_temp::<List>(owner_id())).unwrap_or_default();
    let table_on_screen = ctx
        .data(|d| d.get_temp::<u64>(table_drawn_id()))
        .is_some_and(|pass| pass + 1 >= ctx.cumulative_pass_nr());
    match list {
        List::Table => owner == List::Table,
        List::Tree => owner == List::Tree || !table_on_screen,
    }
}

/// This frame's arrow-key step for `list`, taken out of the input; `None` while a text
/// field has focus or another list has the keys.
pub fn take_step(ctx: &Context, list: List) -> Option<Step> {
    if ctx.text_edit_focused() || !has_keys(ctx, list) {
        return None;
    }
    let keys = [
        (Key::ArrowUp, Step::Previous),
        (Key::ArrowDown, Step::Next),
        (Key::Home, Step::First),
        (Key::End, Step::Last),
        (Key::ArrowLeft, Step::Parent),
        (Key::ArrowRight, Step::Child),
    ];
    ctx.input_mut(|input| {
        keys.into_iter()
            .find(|(key, _)| input.consume_key(Modifiers::NONE, *key))
            .map(|(_, step)| step)
    })
}

/// Where `step` leads from `current` in `order` (the rows as drawn); `None` when it
/// leads nowhere. A selection not in the list starts from its first row (or last, for
/// Up).
pub fn step_in(order: &[Selection], current: Selection, step: Step) -> Option<Selection> {
    let at = order.iter().position(|s| *s == current);
    let target = match (step, at) {
        (Step::First, _) | (Step::Next, None) => order.first(),
        (Step::Last, _) | (Step::Previous, None) => order.last(),
        (Step::Next, Some(i)) => order.get(i + 1),
        (Step::Previous, Some(i)) => i.checked_sub(1).and_then(|j| order.get(j)),
        (Step::Parent, _) => {
            return match current {
                Selection::Lever(c, _) => Some(Selection::Company(c)),
                _ => None,
            };
        }
        (Step::Child, _) => {
            return match current {
                Selection::Company(c) => order.iter().copied().find(|s| *s == Selection::Lever(c, 0)),
                _ => None,
            };
        }
    };
    target.copied().filter(|t| *t != current)
}

/// Selects `target` because of a key: its row is scrolled into view when next drawn.
pub fn select_by_key(ctx: &Context, selection: &mut Selection, target: Selection) {
    *selection = target;
    ctx.data_mut(|d| d.insert_temp(scroll_id(), true));
    ctx.request_repaint();
}

/// Scrolls `row` into view if it shows the selection just chosen by a key.
pub fn scroll_if_chosen(ctx: &Context, row: &Response, selected: bool) {
    if selected
        && ctx
            .data_mut(|d| d.remove_temp::<bool>(scroll_id()))
            .unwrap_or(false)
    {
        row.scroll_to_me(None);
    }
}

/// One selectable row of the tree for `item`: clicking selects it (and gives the arrow
/// keys to the tree); the row joins this frame's order for the arrow keys.
pub fn tree_row(
    ui: &mut Ui,
    state: &mut AppState,
    item: Selection,
    label: impl Into<WidgetText>,
) -> Response {
    let selected = state.selection == item;
    let row = ui.selectable_label(selected, label);
    if row.clicked() {
        state.selection = item;
        claim(ui.ctx(), List::Tree);
    }
    scroll_if_chosen(ui.ctx(), &row, selected);
    ui.data_mut(|d| {
        d.get_temp_mut_or_default::<Vec<Selection>>(tree_order_id())
            .push(item);
    });
    row
}

/// Starts the tree's frame: forgets last frame's order.
pub fn begin_tree(ctx: &Context) {
    ctx.data_mut(|d| d.remove::<Vec<Selection>>(tree_order_id()));
}

/// Ends the tree's frame: an arrow key moves the selection through the rows drawn.
pub fn end_tree(ctx: &Context, state: &mut AppState) {
    let order: Vec<Selection> = ctx.data(|d| d.get_temp(tree_order_id())).unwrap_or_default();
    if let Some(step) = take_step(ctx, List::Tree)
        && let Some(target) = step_in(&order, state.selection, step)
    {
        select_by_key(ctx, &mut state.selection, target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: [Selection; 6] = [
        Selection::Fund,
        Selection::Stage(0),
        Selection::Company(1),
        Selection::Lever(1, 0),
        Selection::Lever(1, 1),
        Selection::Company(0),
    ];

    #[test]
    fn up_and_down_follow_the_rows_and_stop_at_the_ends() {
        assert_eq!(
            step_in(&ORDER, Selection::Stage(0), Step::Next),
            Some(Selection::Company(1))
        );
        assert_eq!(
            step_in(&ORDER, Selection::Company(1), Step::Previous),
            Some(Selection::Stage(0))
        );
        assert_eq!(step_in(&ORDER, Selection::Fund, Step::Previous), None);
        assert_eq!(step_in(&ORDER, Selection::Company(0), Step::Next), None);
        assert_eq!(
            step_in(&ORDER, Selection::Stage(0), Step::Last),
            Some(Selection::Company(0))
        );
        assert_eq!(
            step_in(&ORDER, Selection::Fund, Step::First),
            None,
            "already there"
        );
    }

    #[test]
    fn a_selection_not_shown_starts_from_an_end() {
        // A company hidden by the filter.
        assert_eq!(
            step_in(&ORDER, Selection::Company(7), Step::Next),
            Some(Selection::Fund)
        );
        assert_eq!(
            step_in(&ORDER, Selection::Company(7), Step::Previous),
            Some(Selection::Company(0))
        );
    }

    #[test]
    fn left_and_right_go_between_a_company_and_its_levers() {
        assert_eq!(
            step_in(&ORDER, Selection::Lever(1, 1), Step::Parent),
            Some(Selection::Company(1))
        );
        assert_eq!(
            step_in(&ORDER, Selection::Company(1), Step::Child),
            Some(Selection::Lever(1, 0))
        );
        assert_eq!(
            step_in(&ORDER, Selection::Company(0), Step::Child),
            None,
            "no lever drawn"
        );
        assert_eq!(step_in(&ORDER, Selection::Stage(0), Step::Parent), None);
    }
}
