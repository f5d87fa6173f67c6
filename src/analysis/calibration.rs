//! Reviewer calibration: an additive offset model, mark = quality of the
//! (region, criterion) cell + the reviewer's offset + noise, fitted by least
//! squares over the cells reviewers share (Lawrence 2014 on the NeurIPS
//! reviews; Tan et al. 2021 on calibrating peer review).
//!
//! Offsets are identified only between reviewers connected by shared cells,
//! so the fit is made per group of connected reviewers. Two centres, for
//! two uses. Calibrating subtracts offsets whose marks-weighted mean over
//! the group is zero: it then leaves the group's average mark as it was,
//! and neither raises nor lowers a group against the others. The offsets
//! reported are measured from the group's median reviewer (the mean of the
//! two middle ones in an even group), its typical member: one harsh
//! reviewer among eight in line reads about as harsh as planted, and the
//! seven about zero, where a mean centre would call all seven lenient. Their
//! standard errors are those of that contrast. A reviewer is left out of the fit, and
//! their offset reported as not estimable, when they share fewer than
//! `min_shared_cells` cells with the others, or when their group has fewer
//! than three reviewers (with two, which of them is the harsh one cannot be
//! told).

use std::collections::BTreeSet;

use super::marks::Marks;
use super::{Calibration, CalibrationGroup, ReviewerOffset, Thin};

/// Above this many reviewers in one group, standard errors (a dense matrix
/// inverse, cubic in the group's size) are left out; offsets still come.
const DENSE_LIMIT: usize = 400;

/// The calibration and each reviewer's offset (`None`: not estimable, left
/// as it is), indexed like `marks.reviewers`.
pub(crate) struct Fitted {
    pub offsets: Vec<Option<f64>>,
    pub calibration: Calibration,
}

pub(crate) fn calibrate(marks: &Marks, min_shared_cells: u32) -> Fitted {
    let n = marks.reviewers.len();
    let mut counts = vec![0u32; n];
    let mut shared_all = vec![0u32; n];
    let mut co_reviewers = vec![BTreeSet::new(); n];
    for cell in &marks.cells {
        for entry in cell {
            counts[entry.reviewer] += 1;
            if cell.len() >= 2 {
                shared_all[entry.reviewer] += 1;
                co_reviewers[entry.reviewer].extend(
                    cell.iter()
                        .map(|e| e.reviewer)
                        .filter(|&r| r != entry.reviewer),
                );
            }
        }
    }

    let mut thin: Vec<Option<Thin>> = vec![None; n];
    let included = estimable(marks, min_shared_cells, &mut thin);
    let mut offsets = vec![None; n];
    let mut reported = vec![None; n];
    let mut standard_errors = vec![None; n];
    let mut group_of = vec![None; n];
    let mut groups = Vec::new();
    let components = components(marks, &included);
    // Each group's shared cells, as (reviewer, mark), in one pass.
    let mut component_of = vec![usize::MAX; n];
    for (k, members) in components.iter().enumerate() {
        for &i in members {
            component_of[i] = k;
        }
    }
    let mut shared_cells: Vec<Vec<Vec<(usize, f64)>>> = vec![Vec::new(); components.len()];
    for cell in &marks.cells {
        let inside: Vec<(usize, f64)> = cell
            .iter()
            .filter(|e| included[e.reviewer])
            .map(|e| (e.reviewer, e.points))
            .collect();
        if let [(first, _), _, ..] = inside[..] {
            shared_cells[component_of[first]].push(inside);
        }
    }
    for (members, cells) in components.into_iter().zip(shared_cells) {
        if members.len() < 3 {
            for &i in &members {
                thin[i] = Some(Thin::Group(members.len() as u32));
            }
            continue;
        }
        let fit = fit_group(&members, cells, &counts);
        for (k, &i) in members.iter().enumerate() {
            offsets[i] = Some(fit.offsets[k]);
            reported[i] = Some(fit.reported[k]);
            standard_errors[i] = fit.standard_errors.as_ref().map(|se| se[k]);
            group_of[i] = Some(groups.len() as u32 + 1);
        }
        let mut panels = BTreeSet::new();
        for unit in &marks.units {
            if component_of[unit.reviewer] == component_of[members[0]]
                && let Some(p) = unit.panel
            {
                panels.insert(marks.review.panels[p].id.clone());
            }
        }
        groups.push(CalibrationGroup {
            reviewers: members
                .iter()
                .map(|&i| marks.reviewers[i].clone())
                .collect(),
            panels: panels.into_iter().collect(),
            cells: fit.cells,
            residual_sd: fit.residual_sd,
        });
    }

    let reviewers = (0..n)
        .map(|i| ReviewerOffset {
            reviewer: marks.reviewers[i].clone(),
            group: group_of[i],
            marks: counts[i],
            shared_cells: shared_all[i],
            co_reviewers: co_reviewers[i].len() as u32,
            offset: reported[i],
            standard_error: standard_errors[i],
            thin: thin[i],
        })
        .collect();
    Fitted {
        offsets,
        calibration: Calibration {
            min_shared_cells,
            groups,
            reviewers,
        },
    }
}

/// Leaves out, until none is left to leave out, every reviewer who shares
/// fewer than `min` cells with the reviewers still in; says why in `thin`.
fn estimable(marks: &Marks, min: u32, thin: &mut [Option<Thin>]) -> Vec<bool> {
    let mut included = vec![true; marks.reviewers.len()];
    loop {
        let mut shared = vec![0u32; included.len()];
        for cell in &marks.cells {
            let inside = cell.iter().filter(|e| included[e.reviewer]).count();
            if inside >= 2 {
                for entry in cell.iter().filter(|e| included[e.reviewer]) {
                    shared[entry.reviewer] += 1;
                }
            }
        }
        let mut changed = false;
        for (i, &count) in shared.iter().enumerate() {
            if included[i] && count < min {
                included[i] = false;
                thin[i] = Some(Thin::SharedCells(count));
                changed = true;
            }
        }
        if !changed {
            return included;
        }
    }
}

/// The groups of included reviewers connected by shared cells, each sorted,
/// in the order of their first reviewer.
fn components(marks: &Marks, included: &[bool]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..included.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for cell in &marks.cells {
        let mut inside = cell.iter().map(|e| e.reviewer).filter(|&r| included[r]);
        if let Some(first) = inside.next() {
            for other in inside {
                let (a, b) = (root(&mut parent, first), root(&mut parent, other));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root = vec![usize::MAX; included.len()];
    for i in (0..included.len()).filter(|&i| included[i]) {
        let r = root(&mut parent, i);
        if group_of_root[r] == usize::MAX {
            group_of_root[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_of_root[r]].push(i);
    }
    groups
}

struct GroupFit {
    /// Centred on the group's marks-weighted mean: for calibrating.
    offsets: Vec<f64>,
    /// Measured from the group's median reviewer: for reading.
    reported: Vec<f64>,
    /// Of `reported`.
    standard_errors: Option<Vec<f64>>,
    cells: u32,
    residual_sd: Option<f64>,
}

/// Least squares for one connected group. Eliminating the cells' qualities
/// leaves `L b = s` for the offsets `b`: `L` is the Laplacian of the
/// reviewers' overlap (each shared cell of n marks joins its reviewers with
/// weight 1/n) and `s_i` the sum of reviewer i's deviations from the cell
/// means. Solved by conjugate gradients in the sum-zero subspace, then
/// shifted so that the mean offset over the group's marks is zero.
fn fit_group(members: &[usize], mut cells: Vec<Vec<(usize, f64)>>, counts: &[u32]) -> GroupFit {
    let m = members.len();
    // Reviewers by their place in the group.
    for cell in &mut cells {
        for entry in cell.iter_mut() {
            entry.0 = members.binary_search(&entry.0).unwrap_or(0);
        }
    }
    let mut rhs = vec![0.0; m];
    for cell in &cells {
        let mean = cell.iter().map(|&(_, y)| y).sum::<f64>() / cell.len() as f64;
        for &(k, y) in cell {
            rhs[k] += y - mean;
        }
    }
    let laplacian = |x: &[f64], out: &mut [f64]| {
        out.fill(0.0);
        for cell in &cells {
            let mean = cell.iter().map(|&(k, _)| x[k]).sum::<f64>() / cell.len() as f64;
            for &(k, _) in cell {
                out[k] += x[k] - mean;
            }
        }
    };
    let mut offsets = conjugate_gradients(m, laplacian, &rhs);
    let weights: Vec<f64> = members.iter().map(|&i| f64::from(counts[i])).collect();
    let total_weight: f64 = weights.iter().sum();
    let shift = offsets
        .iter()
        .zip(&weights)
        .map(|(b, w)| b * w)
        .sum::<f64>()
        / total_weight.max(1.0);
    for b in &mut offsets {
        *b -= shift;
    }

    let mut rss = 0.0;
    let mut n_marks = 0usize;
    for cell in &cells {
        let quality = cell.iter().map(|&(k, y)| y - offsets[k]).sum::<f64>() / cell.len() as f64;
        rss += cell
            .iter()
            .map(|&(k, y)| (y - offsets[k] - quality).powi(2))
            .sum::<f64>();
        n_marks += cell.len();
    }
    let dof = n_marks as f64 - cells.len() as f64 - m as f64 + 1.0;
    let residual_sd = (dof > 0.0).then(|| (rss / dof).sqrt());
    let reference = median_reviewer(&offsets);
    let centre: f64 = reference.iter().map(|&(k, w)| w * offsets[k]).sum();
    let reported = offsets.iter().map(|b| b - centre).collect();
    let standard_errors = match residual_sd {
        Some(sd) if m <= DENSE_LIMIT => variance_factors(m, &cells, &reference)
            .map(|v| v.iter().map(|f| sd * f.sqrt()).collect()),
        _ => None,
    };
    GroupFit {
        offsets,
        reported,
        standard_errors,
        cells: cells.len() as u32,
        residual_sd,
    }
}

/// Solves `A x = b` for a positive semi-definite `A` whose null space is
/// the constants, in the subspace of sum zero.
fn conjugate_gradients(m: usize, apply: impl Fn(&[f64], &mut [f64]), b: &[f64]) -> Vec<f64> {
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut x = vec![0.0; m];
    let mean = b.iter().sum::<f64>() / m.max(1) as f64;
    let mut r: Vec<f64> = b.iter().map(|v| v - mean).collect();
    let mut p = r.clone();
    let mut rr = dot(&r, &r);
    let stop = rr * 1e-30;
    let mut ap = vec![0.0; m];
    for _ in 0..(4 * m + 50) {
        if rr <= stop || rr == 0.0 {
            break;
        }
        apply(&p, &mut ap);
        let pap = dot(&p, &ap);
        if pap <= 0.0 {
            break;
        }
        let alpha = rr / pap;
        for k in 0..m {
            x[k] += alpha * p[k];
            r[k] -= alpha * ap[k];
        }
        let next = dot(&r, &r);
        let beta = next / rr;
        rr = next;
        for k in 0..m {
            p[k] = r[k] + beta * p[k];
        }
    }
    x
}

/// The group's median reviewer as weights on its members: the middle one
/// of the offsets in order, or half each of the two middle ones (ties by
/// place, so the choice is deterministic).
fn median_reviewer(offsets: &[f64]) -> Vec<(usize, f64)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by(|&a, &b| offsets[a].total_cmp(&offsets[b]).then(a.cmp(&b)));
    let m = order.len();
    match m {
        0 => Vec::new(),
        _ if m % 2 == 1 => vec![(order[m / 2], 1.0)],
        _ => vec![(order[m / 2 - 1], 0.5), (order[m / 2], 0.5)],
    }
}

/// The variances over σ² of each offset less the reference's (`reference`
/// weights the members and sums to one): `cᵀ L⁺ c` for `c = eᵢ − w`. `L⁺`
/// is `(L + 11ᵀ)⁻¹` less its constant part, which a contrast (summing to
/// zero) does not see.
fn variance_factors(
    m: usize,
    cells: &[Vec<(usize, f64)>],
    reference: &[(usize, f64)],
) -> Option<Vec<f64>> {
    let mut a = vec![1.0; m * m];
    for cell in cells {
        let share = 1.0 / cell.len() as f64;
        for &(i, _) in cell {
            a[i * m + i] += 1.0;
            for &(j, _) in cell {
                a[i * m + j] -= share;
            }
        }
    }
    let c = invert(a, m)?;
    // C w, and wᵀ C w.
    let cw: Vec<f64> = (0..m)
        .map(|i| reference.iter().map(|&(r, w)| c[i * m + r] * w).sum())
        .collect();
    let wcw: f64 = reference.iter().map(|&(r, w)| w * cw[r]).sum();
    Some(
        (0..m)
            .map(|i| (c[i * m + i] - 2.0 * cw[i] + wcw).max(0.0))
            .collect(),
    )
}

/// Gauss–Jordan with partial pivoting; `None` when singular.
fn invert(mut a: Vec<f64>, m: usize) -> Option<Vec<f64>> {
    let mut inv = vec![0.0; m * m];
    for i in 0..m {
        inv[i * m + i] = 1.0;
    }
    for col in 0..m {
        let pivot =
            (col..m).max_by(|&x, &y| a[x * m + col].abs().total_cmp(&a[y * m + col].abs()))?;
        if a[pivot * m + col].abs() < 1e-12 {
            return None;
        }
        if pivot != col {
            for k in 0..m {
                a.swap(pivot * m + k, col * m + k);
                inv.swap(pivot * m + k, col * m + k);
            }
        }
        let d = a[col * m + col];
        for k in 0..m {
            a[col * m + k] /= d;
            inv[col * m + k] /= d;
        }
        for row in 0..m {
            if row == col {
                continue;
            }
            let f = a[row * m + col];
            if f == 0.0 {
                continue;
            }
            for k in 0..m {
                a[row * m + k] -= f * a[col * m + k];
                inv[row * m + k] -= f * inv[col * m + k];
            }
        }
    }
    Some(inv)
}
