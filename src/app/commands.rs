//! The app's commands as data. Each [`UiCommand`] knows its text, tooltip and keyboard
//! shortcuts and draws its own menu item; menus and shortcuts only queue commands
//! (a [`CommandQueue`] on the app), and [`run_queued`] runs them after the frame, in one
//! place. Changes to the model are not commands: they are
//! [`crate::engine::edit::Edit`]s, queued on the state by the tree's and editor's buttons.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Response, Ui};

use super::{MillwrightApp, Pending};

/// Something the user can ask the app to do from a menu or a shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Start a new, empty fund model (asking first about unsaved work).
    New,
    /// Open a portfolio file.
    Open,
    /// Save the model to its file (Save As when it has none).
    Save,
    /// Save the model to a new file.
    SaveAs,
    /// Write every memo chart, table and the audit workbook to a folder.
    ExportMemoPack,
    /// Close this model and start an empty one.
    Close,
    /// Close Millwright.
    Quit,
    /// Undo the last change to the model.
    Undo,
    /// Redo the last change undone.
    Redo,
    /// Switch between the light and dark theme.
    ToggleDarkMode,
    /// Show or hide the model tree.
    ToggleTree,
    /// Show or hide the editor.
    ToggleEditor,
    /// Show or hide the list of problems.
    ToggleProblems,
    /// Copy the table of the current tab as tab-separated text (when no text field has
    /// focus).
    CopyTable,
    /// Delete the stage, company, lever or scenario selected in the tree.
    DeleteSelected,
    /// Show the window listing every command and its shortcut.
    ShowShortcuts,
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl UiCommand {
    /// Every command, in menu order.
    pub const ALL: [UiCommand; 16] = [
        UiCommand::New,
        UiCommand::Open,
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::ExportMemoPack,
        UiCommand::Close,
        UiCommand::Quit,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::ToggleDarkMode,
        UiCommand::ToggleTree,
        UiCommand::ToggleEditor,
        UiCommand::ToggleProblems,
        UiCommand::CopyTable,
        UiCommand::DeleteSelected,
        UiCommand::ShowShortcuts,
    ];

    /// The menu item's text.
    pub fn text(self) -> &'static str {
        self.text_and_tooltip().0
    }

    /// What the command does, shown on hover.
    pub fn tooltip(self) -> &'static str {
        self.text_and_tooltip().1
    }

    fn text_and_tooltip(self) -> (&'static str, &'static str) {
        match self {
            UiCommand::New => ("New", "Start a new, empty fund model"),
            UiCommand::Open => ("Open…", "Open a portfolio file"),
            UiCommand::Save => ("Save", "Save the model to its file"),
            UiCommand::SaveAs => ("Save As…", "Save the model to a new file"),
            UiCommand::ExportMemoPack => (
                "Export memo pack…",
                "Write every memo chart, table and the audit workbook to a folder",
            ),
            UiCommand::Close => ("Close", "Close this model and start an empty one"),
            UiCommand::Quit => ("Quit", "Close Millwright"),
            UiCommand::Undo => ("Undo", "Undo the last change to the model"),
            UiCommand::Redo => ("Redo", "Redo the last change undone"),
            UiCommand::ToggleDarkMode => ("Dark theme", "Switch between the light and dark theme"),
            UiCommand::ToggleTree => ("Model tree", "Show or hide the model tree"),
            UiCommand::ToggleEditor => ("Editor", "Show or hide the editor"),
            UiCommand::ToggleProblems => ("Problems", "Show or hide the list of problems"),
            UiCommand::CopyTable => (
                "Copy table",
                "Copy the table of this tab as tab-separated numbers, to paste into a spreadsheet",
            ),
            UiCommand::DeleteSelected => (
                "Delete",
                "Delete the stage, company, lever or scenario selected in the tree (Undo brings it back)",
            ),
            UiCommand::ShowShortcuts => (
                "Keyboard shortcuts",
                "List every command and its keyboard shortcut",
            ),
        }
    }

    /// The keyboard shortcuts; the first is the one shown in menus. (Ctrl is Cmd on a
    /// Mac.)
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [command(Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [command(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [command(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [command_shift(Key::S)];
        const QUIT: [KeyboardShortcut; 1] = [command(Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [command(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [command_shift(Key::Z), command(Key::Y)];
        const COPY: [KeyboardShortcut; 1] = [command(Key::C)];
        const DELETE: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::Delete)];
        const HELP: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F1)];
        match self {
            UiCommand::New => &NEW,
            UiCommand::Open => &OPEN,
            UiCommand::Save => &SAVE,
            UiCommand::SaveAs => &SAVE_AS,
            UiCommand::Quit => &QUIT,
            UiCommand::Undo => &UNDO,
            UiCommand::Redo => &REDO,
            UiCommand::CopyTable => &COPY,
            UiCommand::DeleteSelected => &DELETE,
            UiCommand::ShowShortcuts => &HELP,
            UiCommand::ExportMemoPack
            | UiCommand::Close
            | UiCommand::ToggleDarkMode
            | UiCommand::ToggleTree
            | UiCommand::ToggleEditor
            | UiCommand::ToggleProblems => &[],
        }
    }

    /// Draws the command as a menu item (with its shortcut) that queues it when clicked.
    pub fn menu_button(self, ui: &mut Ui, queue: &mut CommandQueue) -> Response {
        let mut button = egui::Button::new(self.text());
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let response = ui.add(button).on_hover_text(self.tooltip());
        if response.clicked() {
            queue.push(self);
        }
        response
    }

    /// Draws an on/off command as a checkbox showing `on`; clicking queues the command
    /// (which flips it after the frame).
    pub fn menu_checkbox(self, ui: &mut Ui, queue: &mut CommandQueue, on: bool) -> Response {
        let mut shown = on;
        let response = ui.checkbox(&mut shown, self.text()).on_hover_text(self.tooltip());
        if response.clicked() {
            queue.push(self);
        }
        response
    }

    /// Every (shortcut, command) pair, the shortcuts with more modifiers first: egui
    /// matches modifiers logically (extra Shift is ignored), so Ctrl+Shift+S must be
    /// taken before Ctrl+S can swallow it.
    fn shortcuts_longest_first() -> Vec<(KeyboardShortcut, UiCommand)> {
        let mut all: Vec<(KeyboardShortcut, UiCommand)> = UiCommand::ALL
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, *c)))
            .collect();
        let modifier_count = |m: Modifiers| {
            [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command]
                .iter()
                .filter(|b| **b)
                .count()
        };
        all.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        all
    }

    /// Whether the command saves, exports or replaces the model (a draft being typed is
    /// committed first).
    fn acts_on_the_file(self) -> bool {
        matches!(
            self,
            UiCommand::New
                | UiCommand::Open
                | UiCommand::Save
                | UiCommand::SaveAs
                | UiCommand::ExportMemoPack
                | UiCommand::Close
                | UiCommand::Quit
        )
    }

    /// Whether the command's shortcut belongs to the text box that has focus, if one
    /// has (Delete deletes a character there, Ctrl+C copies its selection).
    fn yields_to_text_edit(self) -> bool {
        matches!(self, UiCommand::CopyTable | UiCommand::DeleteSelected)
    }

    /// Takes this frame's command shortcuts out of the input (so no text box sees them)
    /// and returns their commands. Delete and Ctrl+C are left to a focused text box.
    pub fn consume_shortcuts(ctx: &egui::Context) -> Vec<UiCommand> {
        let typing = ctx.text_edit_focused();
        let mut pairs = Self::shortcuts_longest_first();
        pairs.retain(|(_, command)| !(typing && command.yields_to_text_edit()));
        ctx.input_mut(|input| {
            let mut commands: Vec<UiCommand> = pairs
                .iter()
                .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
                .map(|(_, command)| *command)
                .collect();
            // The window system turns Ctrl+C into a copy event rather than a key press.
            let copy = input.events.iter().any(|e| matches!(e, egui::Event::Copy));
            if copy && !typing && !commands.contains(&UiCommand::CopyTable) {
                commands.push(UiCommand::CopyTable);
            }
            commands
        })
    }
}

/// Something waiting to run after the frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Queued {
    /// A menu item or shortcut.
    Command(UiCommand),
    /// Open this file (a recent file, a dropped file), asking first about unsaved work.
    OpenFile(PathBuf),
}

/// What was asked for while drawing, in order.
#[derive(Debug, Default)]
pub struct CommandQueue {
    items: Vec<Queued>,
}

impl CommandQueue {
    /// Queues `command`.
    pub fn push(&mut self, command: UiCommand) {
        self.items.push(Queued::Command(command));
    }

    /// Queues opening `path`.
    pub fn open_file(&mut self, path: PathBuf) {
        self.items.push(Queued::OpenFile(path));
    }

    /// Everything queued, emptying the queue.
    pub fn take(&mut self) -> Vec<Queued> {
        std::mem::take(&mut self.items)
    }
}

/// Runs everything queued this frame: the model edits the state holds, then the
/// commands. A refused edit is shown.
pub fn run_queued(app: &mut MillwrightApp, ctx: &egui::Context) {
    if let Err(e) = app.state.apply_queued() {
        app.error = Some(super::error::AppError::Edit(e));
    }
    for item in app.commands.take() {
        match item {
            Queued::Command(command) => run_command(app, ctx, command),
            Queued::OpenFile(path) => app.request(Pending::Open(Some(path))),
        }
    }
}

/// Does `command`.
pub fn run_command(app: &mut MillwrightApp, ctx: &egui::Context, command: UiCommand) {
    if command.acts_on_the_file() {
        // What is typed in a field counts: the file and the unsaved mark include it.
        super::fields::commit_active_draft(ctx, &mut app.state);
    }
    match command {
        UiCommand::New => app.request(Pending::New),
        UiCommand::Open => app.request(Pending::Open(None)),
        UiCommand::Save => {
            app.save();
        }
        UiCommand::SaveAs => {
            app.save_as();
        }
        UiCommand::ExportMemoPack => app.start_memo_pack(),
        UiCommand::Close => app.request(Pending::Close),
        UiCommand::Quit => app.request(Pending::Quit),
        UiCommand::Undo | UiCommand::Redo => {
            // The draft being typed is dropped, not committed over the undone model.
            super::fields::discard_active_draft(ctx);
            ctx.memory_mut(egui::Memory::stop_text_input);
            if command == UiCommand::Undo {
                app.state.undo();
            } else {
                app.state.redo();
            }
        }
        UiCommand::ToggleDarkMode => app.prefs.dark_mode = !app.prefs.dark_mode,
        UiCommand::ToggleTree => app.prefs.show_tree = !app.prefs.show_tree,
        UiCommand::ToggleEditor => app.prefs.show_editor = !app.prefs.show_editor,
        UiCommand::ToggleProblems => app.show_problems = !app.show_problems,
        UiCommand::CopyTable => super::clipboard::copy_current_table(app, ctx),
        UiCommand::DeleteSelected => {
            if let Some(edit) = super::deletion::deletion_of(app.state.selection)
                && let Err(e) = app.state.apply(edit)
            {
                app.error = Some(super::error::AppError::Edit(e));
            }
        }
        UiCommand::ShowShortcuts => app.show_shortcuts = true,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: HashMap<KeyboardShortcut, UiCommand> = HashMap::new();
        for command in UiCommand::ALL {
            for shortcut in command.shortcuts() {
                if let Some(other) = seen.insert(*shortcut, command) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
            }
        }
        assert!(seen.len() >= 8, "the file and history commands have shortcuts");
    }

    #[test]
    fn every_command_is_listed_once_with_words() {
        for (i, command) in UiCommand::ALL.iter().enumerate() {
            assert!(!UiCommand::ALL[..i].contains(command), "{command:?} listed twice");
            assert!(!command.text().is_empty() && command.tooltip().len() > command.text().len());
        }
    }

    /// The commands a frame with one key press of `key` with `modifiers` runs.
    fn pressed(modifiers: Modifiers, key: Key) -> Vec<UiCommand> {
        let ctx = egui::Context::default();
        let event = egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        };
        ctx.begin_pass(egui::RawInput {
            events: vec![event],
            ..Default::default()
        });
        let commands = UiCommand::consume_shortcuts(&ctx);
        // The font atlas of this first frame is not drawn anywhere.
        ctx.end_pass().textures_delta.clear();
        commands
    }

    #[test]
    fn longer_shortcuts_are_not_swallowed_by_shorter_ones() {
        let shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        assert_eq!(pressed(shift, Key::S), [UiCommand::SaveAs]);
        assert_eq!(pressed(Modifiers::COMMAND, Key::S), [UiCommand::Save]);
        assert_eq!(pressed(shift, Key::Z), [UiCommand::Redo]);
        assert_eq!(pressed(Modifiers::COMMAND, Key::Z), [UiCommand::Undo]);
        assert_eq!(pressed(Modifiers::COMMAND, Key::Y), [UiCommand::Redo]);
        assert_eq!(pressed(Modifiers::NONE, Key::S), [], "a plain S is typing");
    }

    #[test]
    fn the_copy_event_of_the_window_system_copies_the_table() {
        let ctx = egui::Context::default();
        ctx.begin_pass(egui::RawInput {
            events: vec![egui::Event::Copy],
            ..Default::default()
        });
        let commands = UiCommand::consume_shortcuts(&ctx);
        ctx.end_pass().textures_delta.clear();
        assert_eq!(commands, [UiCommand::CopyTable]);
        assert_eq!(pressed(Modifiers::COMMAND, Key::C), [UiCommand::CopyTable]);
        assert_eq!(pressed(Modifiers::NONE, Key::Delete), [UiCommand::DeleteSelected]);
    }
}
