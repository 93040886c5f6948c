//! The UN's vital statistics: the tabulations the *Principles and Recommendations for a Vital
//! Statistics System* (Rev. 3, UN Statistics Division, 2014; §§ 3.2–3.6 and the tabulation
//! programme of annex 4) ask of a registration system, beyond the events by month of
//! occurrence and place of occurrence that `disclosure.rs` already publishes:
//!
//! - events by **month of registration** ([`Tabulation::Registration`]);
//! - births and deaths by **place of usual residence** (of the mother; of the deceased),
//!   month of occurrence ([`Tabulation::Residence`]);
//! - births by **age of the mother** in the UN's five-year groups ([`Tabulation::MotherAge`]);
//! - births and deaths by **timeliness** of registration: within the legal period, late (after
//!   it, within a year of the event), delayed (later) — the UN's three categories
//!   ([`Tabulation::Timeliness`]), by month of registration;
//! - **completeness** against the health facilities' notifications: events notified, and of
//!   those, followed by a registration ([`Tabulation::Notified`],
//!   [`Tabulation::NotifiedRegistered`]), by month of the event and the facility's district.
//!
//! The registry keeps an exact counter per table, month and jurisdiction (rolled up the tree
//! like the occurrence counters) and publishes them through the same disclosure control: the
//! one-dimensional tables through [`crate::suppress`]; the two cross-classified ones (age of
//! the mother, timeliness), whose categories add up to a published total, through
//! [`suppress_linked`], which withholds until no withheld cell is determined by any
//! combination of the published ones.

use crate::{ActKind, Date, JurisdictionId, PublishedCount};
use alloc::{vec, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The mother's age at the birth, in completed years, in the UN's groups (P&R Rev. 3, annex 4,
/// table of live births by age of mother).
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
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum AgeGroup {
	/// Under 15.
	Under15,
	/// 15 to 19.
	From15To19,
	/// 20 to 24.
	From20To24,
	/// 25 to 29.
	From25To29,
	/// 30 to 34.
	From30To34,
	/// 35 to 39.
	From35To39,
	/// 40 to 44.
	From40To44,
	/// 45 to 49.
	From45To49,
	/// 50 and over.
	From50,
	/// No mother on the act (a foundling, a mother not identified).
	NotStated,
}

impl AgeGroup {
	/// Every group, youngest first, "not stated" last.
	pub const ALL: [AgeGroup; 10] = [
		AgeGroup::Under15,
		AgeGroup::From15To19,
		AgeGroup::From20To24,
		AgeGroup::From25To29,
		AgeGroup::From30To34,
		AgeGroup::From35To39,
		AgeGroup::From40To44,
		AgeGroup::From45To49,
		AgeGroup::From50,
		AgeGroup::NotStated,
	];

	/// The group of a mother `years` old (completed years) at the birth.
	pub fn of(years: u16) -> Self {
		match years {
			0..=14 => Self::Under15,
			15..=19 => Self::From15To19,
			20..=24 => Self::From20To24,
			25..=29 => Self::From25To29,
			30..=34 => Self::From30To34,
			35..=39 => Self::From35To39,
			40..=44 => Self::From40To44,
			45..=49 => Self::From45To49,
			_ => Self::From50,
		}
	}

	/// The group of a mother born on `mother_born` at a birth on `birth`.
	pub fn at_birth(mother_born: &Date, birth: &Date) -> Self {
		Self::of(mother_born.years_until(birth))
	}
}

/// When an event was registered, against the law's period (the UN's categories, P&R Rev. 3
/// §§ 3.2.3 and 3.6: "current", "late", "delayed").
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
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Timeliness {
	/// Within the legal period (a birth within a month, a death within three days).
	InTime,
	/// After the legal period, within a year of the event.
	Late,
	/// More than a year after the event.
	Delayed,
}

impl Timeliness {
	/// Every category.
	pub const ALL: [Timeliness; 3] = [Timeliness::InTime, Timeliness::Late, Timeliness::Delayed];

	/// The timeliness of an event on `event` registered on `registered`, whose legal period
	/// ends on `deadline` (`None`: the kind has none, so it is always in time).
	pub fn of(event: &Date, deadline: Option<Date>, registered: &Date) -> Self {
		match deadline {
			None => Self::InTime,
			Some(deadline) if *registered <= deadline => Self::InTime,
			Some(_) => match event.add_months(12) {
				Some(year) if *registered <= year => Self::Late,
				_ => Self::Delayed,
			},
		}
	}
}

/// One of the registry's tabulations beyond events by occurrence (the module's doc). Each is
/// a count per month and jurisdiction, rolled up the tree.
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
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Tabulation {
	/// Acts in effect of a kind by the month they were registered in (the day the
	/// registration was made, a late one's included) and the place of the event. Published for
	/// regions and the country only: summed over every month, a jurisdiction's registrations
	/// are its events by occurrence, an equation that would give back a district's one
	/// withheld month.
	Registration(ActKind),
	/// Births (by the mother's usual residence) or deaths (by the deceased's) in effect, by the
	/// month of the event. An act that states no residence counts for its place's country.
	Residence(ActKind),
	/// Births in effect by the mother's age group, month and place of the birth.
	MotherAge(AgeGroup),
	/// Births or deaths in effect by timeliness, month of registration and place.
	Timeliness(ActKind, Timeliness),
	/// Births or deaths notified by health facilities and not withdrawn, by the month of the
	/// event and the facility's district.
	Notified(ActKind),
	/// Of those, the ones an act followed (in effect or waiting for its approval).
	NotifiedRegistered(ActKind),
}

/// The kinds with a residence, a timeliness and notifications: births and deaths.
pub const VITAL_EVENTS: [ActKind; 2] = [ActKind::Birth, ActKind::Death];

/// The kinds tabulated by month of registration: every act of civil status (an enrollment
/// from the archive is not a vital event).
pub const REGISTERED_KINDS: [ActKind; 7] = [
	ActKind::Birth,
	ActKind::Death,
	ActKind::Marriage,
	ActKind::Divorce,
	ActKind::Adoption,
	ActKind::Paternity,
	ActKind::NameChange,
];

impl Tabulation {
	/// Every tabulation the registry keeps and publishes, in a fixed order.
	pub fn all() -> Vec<Tabulation> {
		let mut all: Vec<Tabulation> =
			REGISTERED_KINDS.iter().map(|k| Tabulation::Registration(*k)).collect();
		for kind in VITAL_EVENTS {
			all.push(Tabulation::Residence(kind));
			all.extend(Timeliness::ALL.iter().map(|t| Tabulation::Timeliness(kind, *t)));
			all.push(Tabulation::Notified(kind));
			all.push(Tabulation::NotifiedRegistered(kind));
		}
		all.extend(AgeGroup::ALL.iter().map(|g| Tabulation::MotherAge(*g)));
		all
	}

	/// The kind of act it counts.
	pub fn kind(&self) -> ActKind {
		match self {
			Self::Registration(kind)
			| Self::Residence(kind)
			| Self::Timeliness(kind, _)
			| Self::Notified(kind)
			| Self::NotifiedRegistered(kind) => *kind,
			Self::MotherAge(_) => ActKind::Birth,
		}
	}

	/// Whether it is a category of a cross-classified table (age of the mother, timeliness),
	/// published down to the regions only and through [`suppress_linked`].
	pub fn is_cross_classified(&self) -> bool {
		matches!(self, Self::MotherAge(_) | Self::Timeliness(..))
	}
}

/// The facts of an act the tabulations need beyond the act itself, kept with it so that a
/// revocation takes it out of exactly the cells it was counted in.
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
)]
pub struct TabulatedFacts {
	/// The day the registration was made (a late one's: the day it was asked for).
	pub registered_on: Date,
	/// The place of usual residence (births: the mother's; deaths: the deceased's), if stated.
	pub residence: Option<JurisdictionId>,
	/// Births: the mother's age group at the birth.
	pub mother_age: Option<AgeGroup>,
}

/// One published tabulation of one month: every tabulated jurisdiction with its count or
/// `None` where withheld.
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
pub struct PublishedTabulation {
	/// The tabulation.
	pub table: Tabulation,
	/// Every tabulated jurisdiction, in the tree's order.
	pub cells: Vec<PublishedCount>,
}

/// Which cells to withhold (`true`) so that no withheld cell is determined by the published
/// ones through `equations`, under a `threshold`.
///
/// - `counts`: each cell's exact count.
/// - `fixed`: a cell whose publication is already decided elsewhere (`Some(withheld)`: a cell
///   of another published table that this one's equations refer to, e.g. the total births
///   the age groups add up to); `None` for the cells this call decides.
/// - `equations`: each a list of (cell, coefficient): a linear relation among the cells that
///   the public knows holds up to a constant it may know (a parent is its children plus what
///   offices bound to it registered; the age groups of a region add up to its births).
///
/// Free cells from 1 to `threshold - 1` are withheld; then, while some withheld cell is
/// determined — an equation with it as its only withheld cell, or any combination of
/// equations (exact elimination over the rationals) — one more free cell is withheld: the
/// smallest published non-zero one sharing an equation with it, else a zero one. Each round
/// withholds one more cell, so it ends; if no free cell is left to withhold, the remaining
/// cells are as protected as this table can make them (the caller's fixed cells decide).
pub fn suppress_linked(
	counts: &[u32],
	fixed: &[Option<bool>],
	equations: &[Vec<(usize, i64)>],
	threshold: u32,
) -> Vec<bool> {
	let n = counts.len();
	let count = |i: usize| counts.get(i).copied().unwrap_or(0);
	let is_free = |i: usize| fixed.get(i).copied().flatten().is_none();
	let mut withheld: Vec<bool> = (0..n)
		.map(|i| match fixed.get(i).copied().flatten() {
			Some(w) => w,
			None => count(i) > 0 && count(i) < threshold,
		})
		.collect();
	// A cell the fixed published ones determine even with every free cell withheld (a
	// category that is the whole of a published total) cannot be protected: never a complement.
	let all_free: Vec<bool> = (0..n)
		.map(|i| is_free(i) || withheld.get(i).copied().unwrap_or(false))
		.collect();
	let pinned = determined_cells(n, &all_free, equations);
	let usable = |i: usize, withheld: &[bool]| {
		is_free(i) && !withheld.get(i).copied().unwrap_or(true) && !pinned.contains(&i)
	};
	for _ in 0..=n {
		let Some(exposed) = determined_cells(n, &withheld, equations)
			.into_iter()
			.find(|i| !pinned.contains(i))
		else {
			break;
		};
		// The cheapest complement: a free published cell of an equation the exposed one is in;
		// non-zero before zero, then the smallest, then the first.
		let candidate = equations
			.iter()
			.filter(|eq| eq.iter().any(|(i, c)| *i == exposed && *c != 0))
			.flat_map(|eq| eq.iter().map(|(i, _)| *i))
			.filter(|i| usable(*i, &withheld))
			.min_by_key(|i| (count(*i) == 0, count(*i), *i))
			.or_else(|| {
				// None beside it: any free published cell of an equation with a withheld one.
				equations
					.iter()
					.filter(|eq| eq.iter().any(|(i, _)| withheld.get(*i).copied().unwrap_or(false)))
					.flat_map(|eq| eq.iter().map(|(i, _)| *i))
					.filter(|i| usable(*i, &withheld))
					.min_by_key(|i| (count(*i) == 0, count(*i), *i))
			});
		match candidate.and_then(|i| withheld.get_mut(i)) {
			Some(w) => *w = true,
			None => break,
		}
	}
	withheld
}

/// The withheld cells that the published ones determine: by elimination within each connected
/// group of withheld cells (cells that share an equation).
fn determined_cells(n: usize, withheld: &[bool], equations: &[Vec<(usize, i64)>]) -> Vec<usize> {
	let is_withheld = |i: usize| withheld.get(i).copied().unwrap_or(false);
	// Group the withheld cells that share an equation (union-find), then eliminate per group.
	let mut group: Vec<usize> = (0..n).collect();
	fn root(group: &mut [usize], mut i: usize) -> usize {
		while let Some(&p) = group.get(i) {
			if p == i {
				break;
			}
			let grand = group.get(p).copied().unwrap_or(p);
			if let Some(g) = group.get_mut(i) {
				*g = grand;
			}
			i = p;
		}
		i
	}
	for eq in equations {
		let mut first = None;
		for (i, c) in eq {
			if *c == 0 || !is_withheld(*i) {
				continue;
			}
			match first {
				None => first = Some(*i),
				Some(f) => {
					let (a, b) = (root(&mut group, f), root(&mut group, *i));
					if let Some(g) = group.get_mut(a) {
						*g = b;
					}
				},
			}
		}
	}
	let mut roots: Vec<usize> =
		(0..n).filter(|i| is_withheld(*i)).map(|i| root(&mut group, i)).collect();
	roots.sort_unstable();
	roots.dedup();
	let mut determined = Vec::new();
	for r in roots {
		let members: Vec<usize> =
			(0..n).filter(|i| is_withheld(*i) && root(&mut group, *i) == r).collect();
		let column = |i: usize| members.iter().position(|m| *m == i);
		let rows: Vec<Vec<i128>> = equations
			.iter()
			.filter_map(|eq| {
				let mut row = vec![0i128; members.len()];
				let mut any = false;
				for (i, c) in eq {
					if let Some(col) = column(*i) {
						if let Some(x) = row.get_mut(col) {
							*x = x.saturating_add(i128::from(*c));
							any = true;
						}
					}
				}
				any.then_some(row)
			})
			.collect();
		determined.extend(
			determined_columns(rows, members.len())
				.into_iter()
				.filter_map(|c| members.get(c)),
		);
	}
	determined.sort_unstable();
	determined
}

/// Reduced row echelon form, fraction-free (each row kept in lowest terms): a column is
/// determined iff some reduced row has it as its only non-zero entry.
fn determined_columns(mut m: Vec<Vec<i128>>, width: usize) -> Vec<usize> {
	let mut rank = 0usize;
	for col in 0..width {
		let Some(pivot) = (rank..m.len())
			.find(|r| m.get(*r).and_then(|row| row.get(col)).is_some_and(|x| *x != 0))
		else {
			continue;
		};
		m.swap(rank, pivot);
		let pivot_row = m.get(rank).cloned().unwrap_or_default();
		let a = pivot_row.get(col).copied().unwrap_or(1);
		for (r, row) in m.iter_mut().enumerate() {
			let b = row.get(col).copied().unwrap_or(0);
			if r == rank || b == 0 {
				continue;
			}
			for (x, p) in row.iter_mut().zip(pivot_row.iter()) {
				*x = x.saturating_mul(a).saturating_sub(p.saturating_mul(b));
			}
			let g = row.iter().fold(0i128, |g, x| gcd(g, x.saturating_abs()));
			if g > 1 {
				row.iter_mut().for_each(|x| *x = x.checked_div(g).unwrap_or(*x));
			}
		}
		rank = rank.saturating_add(1);
	}
	m.iter()
		.take(rank)
		.filter_map(|row| {
			let mut nonzero = row.iter().enumerate().filter(|(_, x)| **x != 0);
			match (nonzero.next(), nonzero.next()) {
				(Some((col, _)), None) => Some(col),
				_ => None,
			}
		})
		.collect()
}

fn gcd(a: i128, b: i128) -> i128 {
	let (mut a, mut b) = (a, b);
	while b != 0 {
		let r = a.checked_rem(b).unwrap_or(0);
		a = b;
		b = r;
	}
	a
}

/// The equations of a tree's table: each jurisdiction with children is its children plus
/// what offices bound to it registered. `cells` are (jurisdiction, parent) rows, `index` the
/// position of a row's cell in the whole problem.
pub fn tree_equations(
	rows: &[(JurisdictionId, Option<JurisdictionId>)],
	index: impl Fn(usize) -> usize,
) -> Vec<Vec<(usize, i64)>> {
	let mut equations = Vec::new();
	for (p, (parent, _)) in rows.iter().enumerate() {
		let children: Vec<usize> = rows
			.iter()
			.enumerate()
			.filter(|(_, (_, up))| *up == Some(*parent))
			.map(|(c, _)| c)
			.collect();
		if children.is_empty() {
			continue;
		}
		let mut eq = vec![(index(p), 1i64)];
		eq.extend(children.into_iter().map(|c| (index(c), -1i64)));
		equations.push(eq);
	}
	equations
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::needless_range_loop)]
mod tests {
	use super::*;
	use crate::{disclosure::tests::rank, suppress, Cell};
	use proptest::prelude::*;

	/// An independent check (rank with and without the unit vector, `disclosure.rs`' rank):
	/// whether withheld `target` is determined by `equations`.
	fn determined(n: usize, withheld: &[bool], equations: &[Vec<(usize, i64)>], t: usize) -> bool {
		let unknowns: Vec<usize> = (0..n).filter(|i| withheld[*i]).collect();
		let column = |i: usize| unknowns.iter().position(|u| *u == i);
		let rows: Vec<Vec<i128>> = equations
			.iter()
			.map(|eq| {
				let mut row = vec![0i128; unknowns.len()];
				for (i, c) in eq {
					if let Some(col) = column(*i) {
						row[col] += i128::from(*c);
					}
				}
				row
			})
			.filter(|row| row.iter().any(|x| *x != 0))
			.collect();
		let mut with = rows.clone();
		let mut unit = vec![0i128; unknowns.len()];
		unit[column(t).unwrap()] = 1;
		with.push(unit);
		rank(rows, unknowns.len()) == rank(with, unknowns.len())
	}

	#[test]
	fn age_groups_and_timeliness() {
		assert_eq!(AgeGroup::of(14), AgeGroup::Under15);
		assert_eq!(AgeGroup::of(15), AgeGroup::From15To19);
		assert_eq!(AgeGroup::of(49), AgeGroup::From45To49);
		assert_eq!(AgeGroup::of(50), AgeGroup::From50);
		let born = Date::new(2026, 3, 10);
		assert_eq!(AgeGroup::at_birth(&Date::new(2001, 3, 11), &born), AgeGroup::From20To24);
		assert_eq!(AgeGroup::at_birth(&Date::new(2001, 3, 10), &born), AgeGroup::From25To29);
		let deadline = born.add_months(1);
		assert_eq!(Timeliness::of(&born, deadline, &Date::new(2026, 4, 10)), Timeliness::InTime);
		assert_eq!(Timeliness::of(&born, deadline, &Date::new(2026, 4, 11)), Timeliness::Late);
		assert_eq!(Timeliness::of(&born, deadline, &Date::new(2027, 3, 10)), Timeliness::Late);
		assert_eq!(Timeliness::of(&born, deadline, &Date::new(2027, 3, 11)), Timeliness::Delayed);
		assert_eq!(Timeliness::of(&born, None, &Date::new(2040, 1, 1)), Timeliness::InTime);
	}

	#[test]
	fn a_withheld_age_group_is_not_given_back_by_the_regions_births() {
		// Region 1's 30 births: 25 mothers aged 20–24, 5 aged 25–29 (withheld). Without a
		// complement, 30 − 25 gives the 5 back.
		let counts = [30, 25, 5];
		let fixed = [Some(false), None, None];
		let equations = vec![vec![(0, 1), (1, -1), (2, -1)]];
		let withheld = suppress_linked(&counts, &fixed, &equations, 10);
		assert_eq!(withheld, vec![false, true, true]);
		assert!(determined(3, &[false, false, true], &equations, 2));
		assert!(!determined(3, &withheld, &equations, 2));
	}

	#[test]
	fn a_bridge_between_two_safe_blocks_is_found() {
		// A 2 × 4 grid whose row and column sums are public, withheld in a pattern where every
		// row and column has two withheld cells and yet a cell is determined: rows r0 = c0+c1+c2+c3
		// and r1 likewise; columns c_k = a_k + b_k.
		// Cells: a0..a3 = 0..4, b0..b3 = 4..8, row totals 8, 9, column totals 10..14.
		let counts = [3, 3, 20, 20, 3, 3, 20, 20, 46, 46, 6, 6, 40, 40];
		let mut equations = vec![
			vec![(8, 1), (0, -1), (1, -1), (2, -1), (3, -1)],
			vec![(9, 1), (4, -1), (5, -1), (6, -1), (7, -1)],
		];
		for k in 0..4 {
			equations.push(vec![(10 + k, 1), (k, -1), (4 + k, -1)]);
		}
		let fixed: Vec<Option<bool>> =
			(0..14).map(|i| if i >= 8 { Some(false) } else { None }).collect();
		let withheld = suppress_linked(&counts, &fixed, &equations, 5);
		// The four small cells form a 2 × 2 block: none is determined.
		assert_eq!(&withheld[..8], &[true, true, false, false, true, true, false, false]);
		for i in 0..14 {
			if withheld[i] {
				assert!(!determined(14, &withheld, &equations, i));
			}
		}
		// Withhold a third small cell on its own in a bridge pattern: the check sees it.
		let pattern = [
			true, true, true, false, true, true, false, false, false, false, false, false, false,
			false,
		];
		assert!(determined(14, &pattern, &equations, 2));
		assert_eq!(determined_cells(14, &pattern, &equations), vec![2]);
	}

	/// A random table: a country and up to 6 regions with districts, a margin (the events by
	/// place) published through the tree rule, and up to 10 categories by region that add up to
	/// the margin at each region and the country.
	type Problem = (Vec<u32>, Vec<Option<bool>>, Vec<Vec<(usize, i64)>>, u32);

	fn grid() -> impl Strategy<Value = Problem> {
		(1usize..7, 1usize..11, prop::collection::vec(0u32..9, 70), 2u32..12).prop_map(
			|(regions, categories, seeds, threshold)| {
				// Leaf counts: category c at region r, own[c][r] (offices bound to the region),
				// plus districts with margin-only counts (the margin's districts).
				let mut rows = vec![(0u32, None)];
				for r in 0..regions as u32 {
					rows.push((r + 1, Some(0)));
				}
				for d in 0..regions as u32 {
					rows.push((100 + d, Some(1 + d)));
				}
				let seed = |i: usize| seeds[i % seeds.len()];
				// Per region and category.
				let mut by_region = vec![vec![0u32; categories]; regions];
				for r in 0..regions {
					for c in 0..categories {
						by_region[r][c] = seed(r * categories + c + 3 * r);
					}
				}
				let region_total = |r: usize| by_region[r].iter().sum::<u32>();
				// The district of region r holds part of its births: at most its total.
				let district = |r: usize| region_total(r).min(seed(r + 50));
				let margin: Vec<u32> = rows
					.iter()
					.map(|(id, _)| match *id {
						0 => (0..regions).map(region_total).sum(),
						id if id < 100 => region_total(id as usize - 1),
						id => district((id - 100) as usize),
					})
					.collect();
				let cells: Vec<Cell> = rows
					.iter()
					.zip(&margin)
					.map(|((j, p), m)| Cell { jurisdiction: *j, parent: *p, count: *m })
					.collect();
				let margin_withheld = suppress(&cells, threshold);
				let m = rows.len();
				// Cells: the margin rows, then per category the country and the regions.
				let mut counts = margin.clone();
				let mut fixed: Vec<Option<bool>> =
					margin_withheld.iter().map(|w| Some(*w)).collect();
				let level: Vec<(u32, Option<u32>)> = rows[..=regions].to_vec();
				for c in 0..categories {
					counts.push((0..regions).map(|r| by_region[r][c]).sum());
					for r in 0..regions {
						counts.push(by_region[r][c]);
					}
					fixed.extend(core::iter::repeat_n(None, regions + 1));
				}
				let at = |c: usize, j: usize| m + c * (regions + 1) + j;
				let mut equations = tree_equations(&rows, |i| i);
				for c in 0..categories {
					equations.extend(tree_equations(&level, |j| at(c, j)));
				}
				for j in 0..=regions {
					let mut eq = vec![(j, 1i64)];
					eq.extend((0..categories).map(|c| (at(c, j), -1i64)));
					equations.push(eq);
				}
				(counts, fixed, equations, threshold)
			},
		)
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(256))]

		/// No withheld cell — a category's or the margin's — is determined by the published
		/// ones, and every small free cell is withheld.
		#[test]
		fn no_withheld_cell_of_a_cross_table_can_be_recovered(
			(counts, fixed, equations, threshold) in grid()
		) {
			let withheld = suppress_linked(&counts, &fixed, &equations, threshold);
			let n = counts.len();
			for i in 0..n {
				if fixed[i].is_none() && counts[i] > 0 && counts[i] < threshold {
					prop_assert!(withheld[i], "a small cell is published");
				}
				if let Some(w) = fixed[i] {
					prop_assert_eq!(withheld[i], w, "a fixed cell changed");
				}
				if withheld[i] {
					prop_assert!(!determined(n, &withheld, &equations, i), "cell {} is determined", i);
				}
			}
		}
	}
}
