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

/// What a reader found in a file: the form's identity and its sheet, or
/// why it is not a form (in words for the user).
pub type Read = Result<(Identity, Grid), String>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_count_in_letters() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 4), "E12");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(2, 27), "AB3");
    }
}
