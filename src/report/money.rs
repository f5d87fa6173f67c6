//! Amounts of money in a few columns, as a reader of the language counts
//! them: `850M` and `5.5B` in English, `8.5億` and `55億` in Japanese. The
//! steps and their suffixes come from the catalog (`word-amount-*`), so
//! this is the one formatting of amounts for every output but the CSV
//! (which writes [`points`](super::points)).

use crate::model::format_points;
use crate::t;

/// `value` with the largest suffix under which it is at least 1, to three
/// decimals at most: `850M`, `1.25B`, `950`, `0`.
pub fn amount(value: f64) -> String {
    let (step, suffixes) = scales();
    let sign = if value < 0.0 && format_points(value.abs()) != "0" {
        "-"
    } else {
        ""
    };
    let value = value.abs();
    let mut best = format_points(value);
    for (k, suffix) in suffixes.iter().enumerate() {
        let scale = 10f64.powi(step * (k as i32 + 1));
        let scaled = value / scale;
        if (scaled * 1000.0).round() < 1000.0 {
            break;
        }
        best = format!("{}{suffix}", format_points(scaled));
    }
    format!("{sign}{best}")
}

/// [`amount`] with its unit: `850M JPY`, `8.5億円`, `1.2M EUR`; the
/// amount alone when the unit is empty.
pub fn amount_in(value: f64, unit: &str) -> String {
    let amount = amount(value);
    match unit.trim() {
        "" => amount,
        "JPY" => t!("word-amount-yen", amount = amount),
        unit => t!("word-amount-unit", amount = amount, unit = unit),
    }
}

/// The digits of one step and the suffixes of the steps, from the first:
/// 3 and `K M B T` in English, 4 and `万 億 兆` in Japanese.
fn scales() -> (i32, Vec<String>) {
    let step = t!("word-amount-step")
        .trim()
        .parse()
        .unwrap_or(3)
        .clamp(1, 6);
    let suffixes = t!("word-amount-suffixes")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    (step, suffixes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn english_counts_in_thousands() {
        with_lang(Lang::En, || {
            assert_eq!(amount(0.85e9), "850M");
            assert_eq!(amount(5.5e9), "5.5B");
            assert_eq!(amount(1.25e9), "1.25B");
            assert_eq!(amount(12_500.0), "12.5K");
            assert_eq!(amount(950.0), "950");
            assert_eq!(amount(0.0), "0");
            assert_eq!(amount(-0.0), "0");
            assert_eq!(amount(-5.0e7), "-50M");
            assert_eq!(amount(2.0e12), "2T");
            assert_eq!(amount_in(0.85e9, "JPY"), "850M JPY");
            assert_eq!(amount_in(1.5e6, "EUR"), "1.5M EUR");
            assert_eq!(amount_in(1.5e6, ""), "1.5M");
        });
    }

    #[test]
    fn japanese_counts_in_ten_thousands() {
        with_lang(Lang::Ja, || {
            assert_eq!(amount(0.85e9), "8.5億");
            assert_eq!(amount(5.5e9), "55億");
            assert_eq!(amount(5.0e7), "5000万");
            assert_eq!(amount(3.0e12), "3兆");
            assert_eq!(amount(9_990.0), "9990");
            assert_eq!(amount_in(0.85e9, "JPY"), "8.5億円");
            assert_eq!(amount_in(1.5e6, "EUR"), "150万 EUR");
        });
    }

    #[test]
    fn a_value_that_rounds_up_to_the_next_step_takes_it() {
        with_lang(Lang::En, || {
            // 999.9996M is 1B to three decimals; 999.499K is not 1M.
            assert_eq!(amount(999_999_600.0), "1B");
            assert_eq!(amount(999_499.0), "999.499K");
        });
    }
}
