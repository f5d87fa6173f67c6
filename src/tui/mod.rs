//! The terminal user interfaces. Each screen keeps one state, changes it in
//! one `update`, and draws it in a `view` that changes nothing; the keymap
//! table drives keys, footer and help alike.

pub mod columns;
pub mod consensus;
pub mod input;
pub mod keymap;
pub mod note_editor;
pub mod results;
pub mod review;
pub mod session;
pub mod shell;
pub mod terminal;
pub mod theme;
pub mod typing;
pub mod widgets;
