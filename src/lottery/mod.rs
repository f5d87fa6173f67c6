//! The grey zone of each line, and the committee's official lottery of the
//! last one's: a layer above the analysis, whose resampling tells which
//! regions could land on either side of a line. The grey zones are
//! evidence beside the results, as the analysis is; the lottery, only when
//! `Committee(lottery)` asks for it, decides the zone's places by lot and
//! changes the results through the merge's own tier and budget rules.
//!
//! The rule, as README.md proposes it for SPEC.md: see [`draw`].

mod draw;
mod zone;

pub use draw::{Lot, Skip, Step, draw, lottery_line};
pub use zone::{GreyZone, grey_zones, lines};
