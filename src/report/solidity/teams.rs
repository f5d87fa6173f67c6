//! How far a whole panel's marks could move before the outcome changes
//! (`analysis::TeamShift`): one sentence a panel, in report.md's section on
//! how solid the selection is (the summary form of the report keeps it)
//! and on the results screen.

use std::fmt::{self, Write};

use super::section::Section;
use super::sentences::changes_phrase;
use crate::analysis::{Analysis, TeamShift};
use crate::report::words::{escape, gap};
use crate::t;

/// An offset the outcome survives, in points per mark: two decimals toward
/// zero (`+0.41` for 0.4137), so that the sentence never claims more.
pub fn offset_within(value: f64) -> String {
    let hundredths = (value.abs() * 100.0 + 1e-9).floor() / 100.0;
    format!("{:+.2}", hundredths.copysign(value))
}

/// The offset at which the outcome was found to change: two decimals when
/// it is a hundredth (as the analysis tries), else four.
pub fn offset_at(value: f64) -> String {
    let hundredths = value * 100.0;
    if (hundredths - hundredths.round()).abs() < 1e-6 {
        format!("{value:+.2}")
    } else {
        format!("{value:+.4}")
    }
}

/// One panel's shift in a sentence or three: the offsets the outcome
/// survives, and who would move at each end. `panel` is how to name the
/// panel, `name` gives a region's name by id.
pub fn team_line(
    analysis: &Analysis,
    team: &TeamShift,
    panel: &str,
    name: impl Fn(&str) -> String,
) -> String {
    if team.marks == 0 {
        return t!("team-no-marks", panel = panel);
    }
    let reach = format!("{:.2}", team.reach);
    // An open end (nothing changes that far) is said in words, as the
    // results screen's table says "any", not as an offset.
    let mut line = match (&team.down, &team.up) {
        (Some(down), Some(up)) => t!(
            "team-between",
            panel = panel,
            down = offset_within(down.limit),
            up = offset_within(up.limit)
        ),
        (Some(down), None) => t!(
            "team-down-only",
            panel = panel,
            down = offset_within(down.limit),
            reach = reach
        ),
        (None, Some(up)) => t!(
            "team-up-only",
            panel = panel,
            up = offset_within(up.limit),
            reach = reach
        ),
        (None, None) => t!("team-any", panel = panel, reach = reach),
    };
    for edge in [&team.up, &team.down].into_iter().flatten() {
        line.push_str(&gap());
        line.push_str(&t!(
            "team-at",
            at = offset_at(edge.at),
            changes = changes_phrase(&edge.changes, &name, &analysis.tiers)
        ));
    }
    line
}

/// How the offsets were found, in a sentence: exactly, or by search in
/// steps of so many points.
pub fn teams_method(teams: &[TeamShift]) -> String {
    match teams.iter().find_map(|t| t.search_step) {
        Some(step) => t!("solid-teams-searched", step = format!("{step}")),
        None => t!("solid-teams-exact"),
    }
}

impl Section<'_> {
    /// The panels, one sentence each, after the reviewers' calibration.
    pub(super) fn teams(&mut self) -> fmt::Result {
        let teams = &self.analysis.teams;
        if teams.is_empty() {
            return Ok(());
        }
        writeln!(self, "### {}\n", t!("solid-teams-title"))?;
        let reach = teams.first().map_or(0.0, |t| t.reach);
        writeln!(
            self,
            "{}{}{}\n",
            t!("solid-teams-intro", reach = format!("{reach:.2}")),
            gap(),
            teams_method(teams)
        )?;
        for team in teams {
            let title = self
                .review
                .panel(&team.panel)
                .map_or(team.panel.as_str(), |p| p.title.as_str());
            let panel = if title == team.panel {
                format!("`{}`", team.panel)
            } else {
                format!("**{}** (`{}`)", escape(title), team.panel)
            };
            let line = team_line(self.analysis, team, &panel, |id| self.name(id));
            writeln!(self, "- {line}")?;
        }
        writeln!(self)
    }
}
