//! report.md's section on how solid the selection is: the reviewers'
//! calibration and the totals with calibrated marks.

use std::collections::HashMap;
use std::fmt::{self, Write};

use super::section::Section;
use super::sentences::{cut, reading_word, signed, thin_reason};
use crate::analysis::{Reading, Standing, Uncalibrated, standing};
use crate::report::words::{list, points};
use crate::t;

impl Section<'_> {
    pub(super) fn calibration(&mut self) -> fmt::Result {
        let calibration = &self.analysis.calibration;
        writeln!(self, "### {}\n", t!("solid-calibration-title"))?;
        writeln!(
            self,
            "{}\n",
            t!(
                "solid-calibration-method",
                shared = calibration.min_shared_cells
            )
        )?;
        match calibration.why_none() {
            None => {}
            Some(Uncalibrated::NoMarks) => {
                return writeln!(self, "{}\n", t!("solid-calibration-no-marks"));
            }
            Some(Uncalibrated::FewSharedCells) => writeln!(
                self,
                "{}\n",
                t!(
                    "solid-calibration-impossible",
                    shared = calibration.min_shared_cells
                )
            )?,
            Some(Uncalibrated::SmallGroups) => {
                writeln!(self, "{}\n", t!("solid-calibration-small-groups"))?;
            }
        }
        for (k, group) in calibration.groups.iter().enumerate() {
            let panels: Vec<String> = group.panels.iter().map(|p| format!("`{p}`")).collect();
            writeln!(
                self,
                "- {}",
                t!(
                    "solid-calibration-group",
                    group = k + 1,
                    count = group.panels.len(),
                    panels = list(&panels),
                    reviewers = group.reviewers.len(),
                    cells = group.cells,
                    spread = group.residual_sd.map_or_else(|| "?".to_string(), points)
                )
            )?;
        }
        if !calibration.groups.is_empty() {
            writeln!(self)?;
        }
        self.offsets_table()?;
        writeln!(self)?;
        if !calibration.any() {
            return Ok(());
        }
        self.calibrated_totals()
    }

    /// Every reviewer's offset, in [`crate::analysis::Calibration::in_order`].
    fn offsets_table(&mut self) -> fmt::Result {
        let calibration = &self.analysis.calibration;
        writeln!(
            self,
            "| {} | {} | {} | {} | {} | {} | {} |",
            t!("solid-col-reviewer"),
            t!("solid-col-group"),
            t!("col-marks"),
            t!("solid-col-shared"),
            t!("solid-col-offset"),
            t!("solid-col-error"),
            t!("solid-col-reading")
        )?;
        writeln!(self, "|---|---:|---:|---:|---:|---:|---|")?;
        for row in calibration.in_order() {
            let (offset, error, reading) = match (row.offset, row.thin) {
                (Some(b), _) => (
                    signed(b),
                    row.standard_error.map_or_else(|| "-".to_string(), points),
                    reading_word(row.reading()),
                ),
                (None, Some(thin)) => (
                    "-".to_string(),
                    "-".to_string(),
                    t!(
                        "solid-not-estimable-why",
                        why = thin_reason(thin, calibration.min_shared_cells)
                    ),
                ),
                (None, None) => ("-".into(), "-".into(), reading_word(Reading::NotEstimable)),
            };
            writeln!(
                self,
                "| {} | {} | {} | {} | {} | {} | {} |",
                self.reviewer(&row.reviewer),
                row.group.map_or_else(|| "-".to_string(), |g| g.to_string()),
                row.marks,
                row.shared_cells,
                offset,
                error,
                reading
            )?;
        }
        Ok(())
    }

    /// What calibrating does to the totals and to the selection.
    pub(super) fn calibrated_totals(&mut self) -> fmt::Result {
        let official: HashMap<&str, f64> = self
            .results
            .regions
            .iter()
            .map(|r| (r.region.as_str(), r.total))
            .collect();
        let mut moved: Vec<(f64, &str)> = self
            .analysis
            .regions
            .iter()
            .filter_map(|r| {
                let total = official.get(r.region.as_str())?;
                Some((r.calibrated?.total - total, r.region.as_str()))
            })
            .filter(|(delta, _)| delta.abs() >= 0.005)
            .collect();
        moved.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()).then(a.1.cmp(b.1)));
        if !moved.is_empty() {
            let shown: Vec<String> = moved
                .iter()
                .take(3)
                .map(|(delta, id)| format!("{} {}", self.name(id), signed(*delta)))
                .collect();
            writeln!(
                self,
                "{}\n",
                t!("solid-calibration-moves", regions = list(&shown))
            )?;
        }
        let crossing: Vec<String> = self
            .analysis
            .regions
            .iter()
            .filter_map(|r| {
                let p = r.calibrated?;
                (standing(p.status) != standing(r.status)).then(|| {
                    let region = self.name(&r.region);
                    if standing(p.status) == Standing::In {
                        t!("crossing-in", region = region)
                    } else {
                        t!("crossing-out", region = region)
                    }
                })
            })
            .collect();
        let text = if crossing.is_empty() {
            t!("solid-calibrated-same")
        } else {
            t!("solid-calibrated-differs", changes = list(&cut(&crossing)))
        };
        writeln!(self, "{text}\n")
    }
}
