//! Statistical disclosure control of the published vital statistics.
//!
//! The registry's counters (`pallet-civil-events`' `Statistics`: acts in effect per kind, month
//! of the event and jurisdiction, rolled up the tree) are exact. Published as they are, a
//! district's adoptions of one month are usually 0 or 1: a cell of 1 in a small district *is*
//! a person's adoption. So what is published for one kind and one month is a **table** that
//! went through three rules:
//!
//! 1. **Depth.** Only jurisdictions down to [`DisclosurePolicy::max_depth`] (the country is
//!    depth 0, a region 1, a district 2); the rare kinds ([`is_rare`]: adoption, paternity,
//!    change of name — a few hundred a year in a region, one in a district-month) only down to
//!    [`DisclosurePolicy::rare_max_depth`].
//! 2. **Primary suppression.** A cell with a count from 1 to `threshold - 1` is withheld. A
//!    zero is published: it says that nothing happened, not to whom.
//! 3. **Complementary suppression.** Each published jurisdiction's count is the sum of its
//!    published children's plus the acts of offices bound to it directly. If exactly one cell
//!    of such a family (a parent and its published children) were withheld, subtracting the
//!    published ones from the parent (or adding the children up) would give it back. So
//!    whenever a family has exactly one withheld cell, a second one is withheld: the smallest
//!    non-zero published child (it hides the first in the widest range), else a zero child,
//!    else the parent. Repeated until no family has exactly one: every equation the published
//!    table offers then has at least two unknowns.
//!
//! [`suppress`] is the whole algorithm; its tests check, by linear algebra over random trees,
//! that no withheld cell is determined by the published ones (the attacker is even granted the
//! acts of offices bound to a parent directly). Months and kinds are tabulated separately and
//! no total across kinds or months is published, so no other equation links the cells. The
//! thresholds and the reasoning: docs/architecture.md, *What the public can learn*.

use crate::{ActKind, JurisdictionId, YearMonth};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// How the published statistics are protected: the smallest count published, and how deep in
/// the jurisdiction tree each kind is tabulated.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct DisclosurePolicy {
	/// Cells with a count from 1 to `threshold - 1` are withheld. At least 2 (a threshold of
	/// 1 withholds nothing).
	pub threshold: u32,
	/// The deepest jurisdictions tabulated for the common kinds (2: districts).
	pub max_depth: u8,
	/// The deepest jurisdictions tabulated for the rare kinds ([`is_rare`]; 1: regions).
	pub rare_max_depth: u8,
}

impl DisclosurePolicy {
	/// The registry's policy: counts below 10 withheld (the common rule of national
	/// statistical offices for vital events), districts for the common kinds, regions for the
	/// rare ones.
	pub const DEFAULT: Self = Self { threshold: 10, max_depth: 2, rare_max_depth: 1 };

	/// The deepest jurisdictions tabulated for `kind`.
	pub fn depth_for(&self, kind: ActKind) -> u8 {
		if is_rare(kind) {
			self.rare_max_depth.min(self.max_depth)
		} else {
			self.max_depth
		}
	}

	/// Whether the policy protects anything: a threshold of at least 2.
	pub fn is_valid(&self) -> bool {
		self.threshold >= 2
	}
}

impl Default for DisclosurePolicy {
	fn default() -> Self {
		Self::DEFAULT
	}
}

/// The kinds so rare that a district's month holds one or none: adoption, paternity, change
/// of name. Published for regions and above only.
pub fn is_rare(kind: ActKind) -> bool {
	matches!(kind, ActKind::Adoption | ActKind::Paternity | ActKind::NameChange)
}

/// One jurisdiction's exact count, the input of [`suppress`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Cell {
	/// The jurisdiction.
	pub jurisdiction: JurisdictionId,
	/// Its parent, if the parent is in the table too.
	pub parent: Option<JurisdictionId>,
	/// Acts in effect, rolled up (the jurisdiction and everything below it).
	pub count: u32,
}

/// One jurisdiction of a published table: its count, or `None` if withheld.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct PublishedCount {
	/// The jurisdiction.
	pub jurisdiction: JurisdictionId,
	/// Acts in effect, or `None`: withheld by the disclosure control.
	pub count: Option<u32>,
}

/// The published table of one kind and one month.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct PublishedTable {
	/// The kind of act.
	pub kind: ActKind,
	/// The month of the events.
	pub month: YearMonth,
	/// Every tabulated jurisdiction, by id.
	pub cells: Vec<PublishedCount>,
}

/// Which cells of `cells` to withhold (`true`), under a `threshold` (see the module's doc).
/// A cell's `parent` must be another cell of the slice or `None`; a parent missing from the
/// slice is treated as `None`. Deterministic: the same table always gives the same answer.
pub fn suppress(cells: &[Cell], threshold: u32) -> Vec<bool> {
	let position = |id: JurisdictionId| cells.iter().position(|c| c.jurisdiction == id);
	// Each family: the parent's position, then its children's.
	let mut families: Vec<(usize, Vec<usize>)> = Vec::new();
	for (child, cell) in cells.iter().enumerate() {
		let Some(parent) = cell.parent.and_then(position) else { continue };
		match families.iter_mut().find(|(p, _)| *p == parent) {
			Some((_, children)) => children.push(child),
			None => families.push((parent, alloc::vec![child])),
		}
	}
	let mut withheld: Vec<bool> =
		cells.iter().map(|c| c.count > 0 && c.count < threshold).collect();
	let is_withheld = |withheld: &[bool], i: usize| withheld.get(i).copied().unwrap_or(false);
	let count = |i: usize| cells.get(i).map_or(0, |c| c.count);
	let id = |i: usize| cells.get(i).map_or(0, |c| c.jurisdiction);
	// Each round withholds one more cell, so at most `cells.len()` rounds.
	for _ in 0..=cells.len() {
		let mut changed = false;
		for (parent, children) in &families {
			let alone = core::iter::once(*parent)
				.chain(children.iter().copied())
				.filter(|i| is_withheld(&withheld, *i))
				.count() == 1;
			if !alone {
				continue;
			}
			let open = children.iter().copied().filter(|i| !is_withheld(&withheld, *i));
			let complement = open
				.clone()
				.filter(|i| count(*i) > 0)
				.min_by_key(|i| (count(*i), id(*i)))
				.or_else(|| open.min_by_key(|i| id(*i)))
				.unwrap_or(*parent);
			if let Some(w) = withheld.get_mut(complement) {
				if !*w {
					*w = true;
					changed = true;
				}
			}
		}
		if !changed {
			break;
		}
	}
	withheld
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::needless_range_loop)]
pub(crate) mod tests {
	use super::*;
	use proptest::prelude::*;

	fn cell(jurisdiction: u32, parent: Option<u32>, count: u32) -> Cell {
		Cell { jurisdiction, parent, count }
	}

	/// Whether the withheld cell `target` is determined by the published cells: the system
	/// "each parent = its children + what offices bound to it registered" (that residual
	/// granted to the attacker) has the withheld cells as unknowns; `target` is determined iff
	/// its unit vector lies in the row space of the coefficients. Exact integer elimination.
	fn determined(cells: &[Cell], withheld: &[bool], target: usize) -> bool {
		let unknowns: Vec<usize> = (0..cells.len()).filter(|i| withheld[*i]).collect();
		let column = |i: usize| unknowns.iter().position(|u| *u == i);
		let mut rows: Vec<Vec<i128>> = Vec::new();
		for (p, parent) in cells.iter().enumerate() {
			let children: Vec<usize> = (0..cells.len())
				.filter(|c| cells[*c].parent == Some(parent.jurisdiction))
				.collect();
			if children.is_empty() {
				continue;
			}
			let mut row = vec![0i128; unknowns.len()];
			if let Some(c) = column(p) {
				row[c] += 1;
			}
			for child in children {
				if let Some(c) = column(child) {
					row[c] -= 1;
				}
			}
			if row.iter().any(|x| *x != 0) {
				rows.push(row);
			}
		}
		let mut with_target = rows.clone();
		let mut unit = vec![0i128; unknowns.len()];
		unit[column(target).unwrap()] = 1;
		with_target.push(unit);
		rank(rows, unknowns.len()) == rank(with_target, unknowns.len())
	}

	/// The rank of `m` (rows of `width` integers), by exact fraction-free elimination, each row
	/// kept in lowest terms. The checkers of `suppress` here and of `suppress_linked`
	/// (`vital.rs`) share it.
	pub(crate) fn rank(mut m: Vec<Vec<i128>>, width: usize) -> usize {
		let mut rank = 0;
		for col in 0..width {
			let Some(pivot) = (rank..m.len()).find(|r| m[*r][col] != 0) else { continue };
			m.swap(rank, pivot);
			for r in 0..m.len() {
				if r != rank && m[r][col] != 0 {
					let (a, b) = (m[rank][col], m[r][col]);
					for k in 0..width {
						m[r][k] = m[r][k] * a - m[rank][k] * b;
					}
					let g = m[r].iter().fold(0i128, |g, x| gcd(g, x.abs()));
					if g > 1 {
						m[r].iter_mut().for_each(|x| *x /= g);
					}
				}
			}
			rank += 1;
		}
		rank
	}

	fn gcd(a: i128, b: i128) -> i128 {
		if b == 0 {
			a
		} else {
			gcd(b, a % b)
		}
	}

	#[test]
	fn a_district_with_one_adoption_cannot_be_recovered_from_the_totals() {
		// A region of 23 acts: districts 2 (1 act, the one adoption), 3 (12) and 4 (10).
		let cells =
			[cell(1, None, 23), cell(2, Some(1), 1), cell(3, Some(1), 12), cell(4, Some(1), 10)];
		let withheld = suppress(&cells, 10);
		// The 1 is withheld, and with it the smallest other district: 23 - 12 - 10 no longer
		// gives it back.
		assert_eq!(withheld, vec![false, true, false, true]);
		assert!(!determined(&cells, &withheld, 1));
		assert!(!determined(&cells, &withheld, 3));
	}

	#[test]
	fn the_checker_finds_a_cell_the_totals_give_away() {
		// Without the complementary cell, 23 - 12 - 10 gives the 1 back: the check sees it.
		let cells =
			[cell(1, None, 23), cell(2, Some(1), 1), cell(3, Some(1), 12), cell(4, Some(1), 10)];
		assert!(determined(&cells, &[false, true, false, false], 1));
		// Two withheld siblings and a withheld parent whose own family has no other: the
		// parent is given back by its parent's total.
		let cells = [
			cell(0, None, 30),
			cell(1, Some(0), 5),
			cell(5, Some(0), 25),
			cell(2, Some(1), 2),
			cell(3, Some(1), 3),
		];
		assert!(determined(&cells, &[false, true, false, true, true], 1));
		assert!(!determined(&cells, &suppress(&cells, 10), 1));
	}

	#[test]
	fn a_small_parent_takes_a_sibling_with_it() {
		// The country 40; region 2 has 7 (withheld), region 3 has 33; region 2's districts 4
		// (7) and 5 (0).
		let cells = [
			cell(1, None, 40),
			cell(2, Some(1), 7),
			cell(3, Some(1), 33),
			cell(4, Some(2), 7),
			cell(5, Some(2), 0),
		];
		let withheld = suppress(&cells, 10);
		assert!(withheld[1] && withheld[3]);
		// Region 2 alone in the country's family: region 3 goes too (40 - 33 = 7 otherwise).
		assert!(withheld[2]);
		// District 4 alone in region 2's family? No: region 2 is withheld with it.
		for i in 0..cells.len() {
			if withheld[i] {
				assert!(!determined(&cells, &withheld, i), "cell {i} is determined");
			}
		}
	}

	#[test]
	fn zeros_and_large_counts_are_published() {
		let cells = [cell(1, None, 25), cell(2, Some(1), 0), cell(3, Some(1), 25)];
		assert_eq!(suppress(&cells, 10), vec![false, false, false]);
	}

	#[test]
	fn the_rare_kinds_stop_at_regions() {
		let policy = DisclosurePolicy::DEFAULT;
		assert_eq!(policy.depth_for(ActKind::Adoption), 1);
		assert_eq!(policy.depth_for(ActKind::Paternity), 1);
		assert_eq!(policy.depth_for(ActKind::NameChange), 1);
		assert_eq!(policy.depth_for(ActKind::Birth), 2);
		assert!(policy.is_valid());
		assert!(!DisclosurePolicy { threshold: 1, ..policy }.is_valid());
	}

	/// A random tree of up to 40 jurisdictions, three levels, counts rolled up from random
	/// leaf counts (mostly small) plus what offices bound to inner nodes registered.
	fn tree() -> impl Strategy<Value = Vec<Cell>> {
		(1usize..6, 0usize..40, prop::collection::vec((0u32..14, 0u32..3), 40)).prop_map(
			|(regions, districts, counts)| {
				let mut nodes: Vec<(u32, Option<u32>)> = vec![(0, None)];
				for r in 0..regions as u32 {
					nodes.push((r + 1, Some(0)));
				}
				for d in 0..districts as u32 {
					nodes.push((100 + d, Some(1 + d % regions as u32)));
				}
				let own: Vec<u32> = nodes
					.iter()
					.enumerate()
					.map(|(i, _)| {
						let (leaf, inner) = counts[i % counts.len()];
						if i == 0 || i <= regions {
							inner
						} else {
							leaf
						}
					})
					.collect();
				// Roll up: a node's count is its own plus everything below it.
				let total = |id: u32| -> u32 {
					let mut sum = 0;
					for (i, (n, _)) in nodes.iter().enumerate() {
						let mut cursor = Some(*n);
						while let Some(c) = cursor {
							if c == id {
								sum += own[i];
								break;
							}
							cursor = nodes.iter().find(|(x, _)| *x == c).and_then(|(_, p)| *p);
						}
					}
					sum
				};
				nodes.iter().map(|(id, parent)| cell(*id, *parent, total(*id))).collect()
			},
		)
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(256))]

		/// No withheld cell is determined by the published ones, every small non-zero count is
		/// withheld, and every family has zero or at least two withheld cells.
		#[test]
		fn no_withheld_cell_can_be_recovered(cells in tree(), threshold in 2u32..12) {
			let withheld = suppress(&cells, threshold);
			for (i, c) in cells.iter().enumerate() {
				if c.count > 0 && c.count < threshold {
					prop_assert!(withheld[i], "a small cell is published");
				}
				if withheld[i] {
					prop_assert!(!determined(&cells, &withheld, i), "cell {} is determined", i);
				}
			}
		}
	}
}
