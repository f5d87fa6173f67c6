//! A sheet of cells as both readers return it, so that one check serves
//! xlsx and CSV alike.

use super::identity::Identity;

/// One cell's value as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

impl Cell {
    /// The cell as text (a number as the shortest decimal that reads back).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// The cells of a form's sheet, rows and columns from 0 (A1 is `(0, 0)`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// The sheet's name as problems name it (`Form!E12`); `None` for CSV
    /// (`E12`).
    pub sheet: Option<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn get(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }

    /// A cell's name as problems give it: `Form!E12`, or `E12` in a CSV.
    pub fn name(&self, row: usize, col: usize) -> String {
        match &self.sheet {
            Some(sheet) => format!("{sheet}!{}", cell_name(row, col)),
            None => cell_name(row, col),
        }
    }
}

/// A cell's A1 name from its row and column, both from 0.
pub fn cell_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.reverse();
    let letters: String = letters.into_iter().collect();
    format!("{letters}{}", row + 1)
}

/// The rows and columns a form's sheet is read within, from 0: cells
/// beyond are not the form's and are passed over (a hostile workbook may
/// place one at XFD1048576), and `form` makes no form with more rows.
pub const MAX_ROWS: usize = 100_000;
pub const MAX_COLS: usize = 16;

/// The most text a form's cells may hold in all: a form of [`MAX_ROWS`]
/// rows holds well under half of it. A workbook may name one long shared
/// string from a million cells; each cell read is a copy of it.
pub const MAX_TEXT_BYTES: usize = 128 * 1024 * 1024;

/// A [`Grid`] as a reader fills it, within [`MAX_ROWS`] × [`MAX_COLS`] and
/// [`MAX_TEXT_BYTES`].
#[derive(Debug)]
pub(super) struct GridBuilder {
    grid: Grid,
    text_bytes: usize,
    budget: usize,
}

impl Default for GridBuilder {
    fn default() -> Self {
        GridBuilder {
            grid: Grid::default(),
            text_bytes: 0,
            budget: MAX_TEXT_BYTES,
        }
    }
}

impl GridBuilder {
    /// Sets a cell; one beyond the bounds is passed over. `Err` when the
    /// text read so far is past [`MAX_TEXT_BYTES`].
    pub(super) fn put(&mut self, row: usize, col: usize, cell: Cell) -> Result<(), String> {
        if row >= MAX_ROWS || col >= MAX_COLS || cell == Cell::Empty {
            return Ok(());
        }
        if let Cell::Text(text) = &cell {
            self.text_bytes = self.text_bytes.saturating_add(text.len());
            if self.text_bytes > self.budget {
                return Err(crate::t!(
                    "form-too-much-text",
                    mib = self.budget / 1024 / 1024
                ));
            }
        }
        let rows = &mut self.grid.rows;
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        let cells = &mut rows[row];
        if cells.len() <= col {
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = cell;
        Ok(())
    }

    pub(super) fn finish(self, sheet: Option<String>) -> Grid {
        Grid {
            sheet,
            rows: self.grid.rows,
        }
    }
}

/// What a reader found in a file: the form's identity and its sheet, or
/// why it is not a form (in words for the user).
pub type Read = Result<(Identity, Grid), String>;

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_grid_is_read_within_its_bounds_and_its_text_budget() {
        let mut builder = GridBuilder::default();
        builder.put(2, 1, Cell::Number(1.0)).expect("a cell");
        builder
            .put(MAX_ROWS, 0, Cell::Number(1.0))
            .expect("passed over");
        builder
            .put(0, MAX_COLS, Cell::Number(1.0))
            .expect("passed over");
        let grid = builder.finish(None);
        assert_eq!(grid.rows.len(), 3);
        assert_eq!(grid.get(2, 1), &Cell::Number(1.0));
        assert_eq!(grid.rows[2].len(), 2);
        let mut builder = GridBuilder {
            budget: 3 << 20,
            ..GridBuilder::default()
        };
        let mib = "x".repeat(1 << 20);
        for row in 0..3 {
            builder
                .put(row, 0, Cell::Text(mib.clone()))
                .expect("within");
        }
        let err = builder
            .put(3, 0, Cell::Text(mib))
            .expect_err("past the budget");
        assert!(err.contains("more than 3 MiB"), "{err}");
        assert_eq!(GridBuilder::default().budget, MAX_TEXT_BYTES);
    }

    #[test]
    fn cell_names_count_in_letters() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 4), "E12");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(2, 27), "AB3");
    }
}
