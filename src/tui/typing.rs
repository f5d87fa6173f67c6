//! Typing a mark on a screen: the digits taken, ←/→ stepping on the
//! criterion's grid, and whether what was typed is a mark the criterion
//! accepts. One home for the reviewer's and the consensus screens, so that
//! both refuse the same marks with the same words.

use crate::model::{GRID_TOLERANCE, format_points, on_grid};
use crate::t;

/// The longest mark that can be typed.
const LONGEST: usize = 8;

/// Adds a typed digit or `.` to `input` (begun if need be): one `.` at
/// most, and no more than a mark could need.
pub fn push(input: &mut Option<String>, c: char) {
    let typed = input.get_or_insert_with(String::new);
    if (c == '.' && typed.contains('.')) || typed.len() >= LONGEST {
        return;
    }
    typed.push(c);
}

/// Removes the last typed character; nothing typed is `None` again.
pub fn erase(input: &mut Option<String>) {
    if let Some(typed) = input {
        typed.pop();
        if typed.is_empty() {
            *input = None;
        }
    }
}

/// The mark one `step` up (`direction` 1) or down (-1) from `base` (what is
/// typed, else the mark given), kept within `0..=max`; from nothing, up
/// starts at 0 and down at the maximum.
pub fn stepped(base: Option<f64>, max: f64, step: f64, direction: f64) -> String {
    let next = match base {
        Some(points) => ((points / step).round() + direction) * step,
        None if direction > 0.0 => 0.0,
        None => max,
    };
    format_points(next.clamp(0.0, max))
}

/// The typed base a step starts from, when it reads as a number.
pub fn typed_points(input: Option<&str>) -> Option<f64> {
    input.and_then(|t| t.parse::<f64>().ok())
}

/// The points of `text` when the criterion (`max`, `step`) accepts them;
/// otherwise why not, in words for the status line.
pub fn accept(text: &str, max: f64, step: f64) -> Result<f64, String> {
    match text.parse::<f64>().ok().filter(|p| p.is_finite()) {
        Some(p) if max + GRID_TOLERANCE < p => {
            Err(t!("msg-over-max", text = text, max = format_points(max)))
        }
        Some(p) if !on_grid(p, step) => {
            Err(t!("msg-off-grid", text = text, step = format_points(step)))
        }
        Some(p) => Ok(p),
        None => Err(t!("msg-not-a-number", text = text)),
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_one_dot_up_to_the_longest_mark() {
        let mut input = None;
        for c in "4..5".chars() {
            push(&mut input, c);
        }
        assert_eq!(input.as_deref(), Some("4.5"));
        for c in "123456789".chars() {
            push(&mut input, c);
        }
        assert_eq!(input.as_deref().map(str::len), Some(LONGEST));
        let mut input = Some("4".to_string());
        erase(&mut input);
        assert_eq!(input, None);
    }

    #[test]
    fn steps_stay_on_the_grid_and_in_range() {
        assert_eq!(stepped(None, 5.0, 0.5, 1.0), "0");
        assert_eq!(stepped(None, 5.0, 0.5, -1.0), "5");
        assert_eq!(stepped(Some(4.5), 5.0, 0.5, 1.0), "5");
        assert_eq!(stepped(Some(5.0), 5.0, 0.5, 1.0), "5");
        assert_eq!(stepped(Some(0.0), 5.0, 0.5, -1.0), "0");
    }

    #[test]
    fn refuses_over_the_maximum_off_the_grid_and_not_a_number() {
        assert_eq!(accept("4.5", 5.0, 0.5), Ok(4.5));
        assert!(accept("7", 5.0, 0.5).is_err_and(|e| e.contains("over the maximum of 5")));
        assert!(accept("4.3", 5.0, 0.5).is_err_and(|e| e.contains("not a multiple of 0.5")));
        assert!(accept(".", 5.0, 0.5).is_err_and(|e| e.contains("not a number")));
    }
}
