//! What the runtime API answers: certificates, vital statistics, acts as the public may see
//! them (sealed acts and the parents a sealing adoption replaced are never returned), and the
//! acts of a compromised key under review. Read-only; no call changes state through here.
//!
//! **Sealed adoptions.** A sealing adoption seals the child's original birth act (it names the
//! birth mother and father). A paternity act of the child names the birth father too: the
//! public never sees one either while the child's record is sealed ([`Pallet::is_public`]).
//! So nothing here leads from the child to a birth parent or back: not the child's acts, not
//! the parents' acts, not a certificate. The law's kinship checks still follow the replaced
//! parents ([`AdoptionInEffect`]); why that link is kept in state and who can read it:
//! docs/architecture.md, *Sealed adoptions*.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, ActKind, CompromisedKeys, JurisdictionId, JurisdictionTree, PersonId, PersonRegistry,
	YearMonth,
};
use frame_support::ensure;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// The status of a certificate, for the runtime API: `None` for an unknown hash, or a
	/// certificate of a sealed act issued before the sealing. The first that holds: the act
	/// was revoked; the office cancelled the paper (lost, stolen, issued in error); the act
	/// changed since (superseded); a compromised key is involved (under review); valid.
	pub fn verify_certificate(
		hash: H256,
	) -> Option<civil_registry_primitives::CertificateInfo<BlockNumberFor<T>>> {
		use civil_registry_primitives::{CertificateInfo, CertificateStatus};
		let certificate = Certificates::<T>::get(hash)?;
		let act = Acts::<T>::get(certificate.act)?;
		if act.sealed && !certificate.sealed {
			return None;
		}
		if !act.sealed && !Self::is_public(&act) {
			return None;
		}
		let issued_by_compromised_key = T::Permissions::compromised_since(&certificate.issued_by)
			.is_some_and(|since| certificate.issued_at >= since);
		let cancelled = CancelledCertificates::<T>::get(hash);
		let status = if act.status == ActStatus::Revoked {
			CertificateStatus::Revoked
		} else if let Some(cancellation) = cancelled {
			CertificateStatus::cancelled(cancellation.reason)
		} else if act.version != certificate.version || act.sealed != certificate.sealed {
			CertificateStatus::Superseded
		} else if issued_by_compromised_key || Self::review_reason(certificate.act, &act).is_some()
		{
			CertificateStatus::UnderReview
		} else {
			CertificateStatus::Valid
		};
		Some(CertificateInfo {
			status,
			kind: act.kind(),
			office: act.office,
			version: certificate.version,
			current_version: act.version,
			issued_at: certificate.issued_at,
		})
	}

	/// Vital statistics for the runtime API: acts in effect per month and kind whose event
	/// fell in `from..=to`, in `jurisdiction` and below; months with none left out. At most
	/// `MAX_STATISTICS_MONTHS` + 1 months × the number of kinds reads.
	pub fn statistics(
		jurisdiction: JurisdictionId,
		kind: Option<ActKind>,
		from: YearMonth,
		to: YearMonth,
	) -> Result<
		Vec<civil_registry_primitives::MonthlyCount>,
		civil_registry_primitives::StatisticsError,
	> {
		use civil_registry_primitives::{MonthlyCount, StatisticsError, MAX_STATISTICS_MONTHS};
		ensure!(T::Jurisdictions::exists(jurisdiction), StatisticsError::UnknownJurisdiction);
		ensure!(from.is_valid() && to.is_valid(), StatisticsError::InvalidMonth);
		ensure!(from <= to, StatisticsError::EmptyRange);
		ensure!(from.months_until(&to) <= MAX_STATISTICS_MONTHS, StatisticsError::RangeTooLong);
		let kinds: Vec<ActKind> = match kind {
			Some(kind) => alloc::vec![kind],
			None => ActKind::ALL.to_vec(),
		};
		let mut rows = Vec::new();
		let mut month = from;
		loop {
			for kind in kinds.iter().copied() {
				// Rolled up at write time: one read, however many districts lie below.
				let count = Statistics::<T>::get((kind, month, jurisdiction));
				if count > 0 {
					rows.push(MonthlyCount { month, kind, count });
				}
			}
			match month.next() {
				Some(next) if month < to => month = next,
				_ => break,
			}
		}
		Ok(rows)
	}

	/// The published table of `kind` for `month` (statistical disclosure control,
	/// `primitives/src/disclosure.rs`): every jurisdiction down to the policy's depth for the
	/// kind, with its count or `None` where withheld. One read per jurisdiction of the tree and
	/// one counter per tabulated jurisdiction.
	pub fn published_statistics(
		kind: ActKind,
		month: YearMonth,
		policy: civil_registry_primitives::DisclosurePolicy,
	) -> Result<civil_registry_primitives::PublishedTable, civil_registry_primitives::StatisticsError>
	{
		use civil_registry_primitives::{
			suppress, Cell, PublishedCount, PublishedTable, StatisticsError,
		};
		ensure!(month.is_valid(), StatisticsError::InvalidMonth);
		let rows = T::Jurisdictions::down_to(policy.depth_for(kind));
		let cells: Vec<Cell> = rows
			.iter()
			.map(|(jurisdiction, parent)| Cell {
				jurisdiction: *jurisdiction,
				parent: *parent,
				count: Statistics::<T>::get((kind, month, *jurisdiction)),
			})
			.collect();
		// A threshold below 2 would withhold nothing: the registry's own is the floor.
		let threshold = policy.threshold.max(2);
		let withheld = suppress(&cells, threshold);
		let cells = cells
			.iter()
			.zip(withheld)
			.map(|(cell, withheld)| PublishedCount {
				jurisdiction: cell.jurisdiction,
				count: (!withheld).then_some(cell.count),
			})
			.collect();
		Ok(PublishedTable { kind, month, cells })
	}

	/// The UN's tabulations of `month` as published ([`Tabulation`],
	/// `primitives/src/vital.rs`): each one-dimensional table (by residence, notified, followed)
	/// down to the policy's depth for its kind, by registration month down to the regions,
	/// through the tree rule; the cross-classified ones (births by the mother's age group, births and deaths by
	/// timeliness) down to the regions, through the linked rule with the total they add up to
	/// (births by occurrence; registrations by month), so that no withheld cell is given back
	/// by the categories' sums. Off-chain only (a runtime API call): one read per jurisdiction
	/// of the tree and one counter per tabulated cell.
	pub fn vital_statistics(
		month: YearMonth,
		policy: civil_registry_primitives::DisclosurePolicy,
	) -> Result<
		Vec<civil_registry_primitives::PublishedTabulation>,
		civil_registry_primitives::StatisticsError,
	> {
		use civil_registry_primitives::{
			suppress, suppress_linked, tree_equations, AgeGroup, Cell, PublishedCount,
			PublishedTabulation, StatisticsError, Tabulation, Timeliness, VITAL_EVENTS,
		};
		ensure!(month.is_valid(), StatisticsError::InvalidMonth);
		let threshold = policy.threshold.max(2);
		let count = |table: Tabulation, jurisdiction: JurisdictionId| {
			Tabulations::<T>::get((table, month, jurisdiction))
		};
		// One tree's cells of a counter, and which of them the tree rule withholds.
		let tree = |rows: &[(JurisdictionId, Option<JurisdictionId>)],
		            counter: &dyn Fn(JurisdictionId) -> u32| {
			let cells: Vec<Cell> = rows
				.iter()
				.map(|(jurisdiction, parent)| Cell {
					jurisdiction: *jurisdiction,
					parent: *parent,
					count: counter(*jurisdiction),
				})
				.collect();
			let withheld = suppress(&cells, threshold);
			(cells, withheld)
		};
		let published = |cells: &[Cell], withheld: &[bool]| -> Vec<PublishedCount> {
			cells
				.iter()
				.zip(withheld)
				.map(|(cell, w)| PublishedCount {
					jurisdiction: cell.jurisdiction,
					count: (!*w).then_some(cell.count),
				})
				.collect()
		};
		let mut out = Vec::new();
		type Rows = Vec<(JurisdictionId, Option<JurisdictionId>)>;
		let mut depths: Vec<(u8, Rows)> = Vec::new();
		let mut rows_to = |depth: u8| {
			if let Some((_, rows)) = depths.iter().find(|(d, _)| *d == depth) {
				return rows.clone();
			}
			let rows = T::Jurisdictions::down_to(depth);
			depths.push((depth, rows.clone()));
			rows
		};
		// The one-dimensional tables; the margins of the cross-classified ones kept.
		let mut margins: Vec<(Tabulation, Vec<Cell>, Vec<bool>)> = Vec::new();
		let cross_depth = policy.rare_max_depth.min(policy.max_depth);
		for table in Tabulation::all().into_iter().filter(|t| !t.is_cross_classified()) {
			// By month of registration: down to the regions only (see `Tabulation::Registration`).
			let depth = match table {
				Tabulation::Registration(_) => cross_depth,
				_ => policy.depth_for(table.kind()),
			};
			let rows = rows_to(depth);
			let (cells, withheld) = tree(&rows, &|j| count(table, j));
			out.push(PublishedTabulation { table, cells: published(&cells, &withheld) });
			margins.push((table, cells, withheld));
		}
		// Births by occurrence: the margin of the mother's age groups, as published.
		let rows = rows_to(policy.depth_for(ActKind::Birth));
		let (cells, withheld) = tree(&rows, &|j| Statistics::<T>::get((ActKind::Birth, month, j)));
		let births = (cells, withheld);
		let level = rows_to(cross_depth);
		let mut families: Vec<(Vec<Tabulation>, Vec<Cell>, Vec<bool>)> = alloc::vec![(
			AgeGroup::ALL.iter().map(|g| Tabulation::MotherAge(*g)).collect(),
			births.0,
			births.1
		)];
		for kind in VITAL_EVENTS {
			let Some((_, cells, withheld)) =
				margins.iter().find(|(t, ..)| *t == Tabulation::Registration(kind))
			else {
				continue;
			};
			families.push((
				Timeliness::ALL.iter().map(|t| Tabulation::Timeliness(kind, *t)).collect(),
				cells.clone(),
				withheld.clone(),
			));
		}
		for (tables, margin, margin_withheld) in families {
			// Cells: the margin's whole tree (fixed as published), then each category's level.
			let m = margin.len();
			let mut counts: Vec<u32> = margin.iter().map(|c| c.count).collect();
			let mut fixed: Vec<Option<bool>> = margin_withheld.iter().map(|w| Some(*w)).collect();
			for table in &tables {
				counts.extend(level.iter().map(|(j, _)| count(*table, *j)));
				fixed.extend(level.iter().map(|_| None));
			}
			let margin_rows: Rows = margin.iter().map(|c| (c.jurisdiction, c.parent)).collect();
			let at = |t: usize, j: usize| {
				m.saturating_add(t.saturating_mul(level.len())).saturating_add(j)
			};
			let mut equations = tree_equations(&margin_rows, |i| i);
			for t in 0..tables.len() {
				equations.extend(tree_equations(&level, |j| at(t, j)));
			}
			for (j, (jurisdiction, _)) in level.iter().enumerate() {
				let Some(total) = margin.iter().position(|c| c.jurisdiction == *jurisdiction)
				else {
					continue;
				};
				let mut eq = alloc::vec![(total, 1i64)];
				eq.extend((0..tables.len()).map(|t| (at(t, j), -1i64)));
				equations.push(eq);
			}
			let withheld = suppress_linked(&counts, &fixed, &equations, threshold);
			for (t, table) in tables.iter().enumerate() {
				let cells = level
					.iter()
					.enumerate()
					.map(|(j, (jurisdiction, _))| PublishedCount {
						jurisdiction: *jurisdiction,
						count: (!withheld.get(at(t, j)).copied().unwrap_or(true))
							.then(|| counts.get(at(t, j)).copied().unwrap_or(0)),
					})
					.collect();
				out.push(PublishedTabulation { table: *table, cells });
			}
		}
		Ok(out)
	}

	/// An act as the public may see it: `None` for an unknown or sealed act; a sealing
	/// adoption without the parents it replaced.
	pub fn public_act(id: ActId) -> Option<Act<T>> {
		Acts::<T>::get(id).filter(Self::is_public).map(Self::without_sealed_details)
	}

	/// Whether the public may see `act`: it is not sealed, and it is not a paternity act of a
	/// child whose record a sealing adoption sealed (it names the birth father). One read more
	/// for a paternity act, none for any other.
	pub fn is_public(act: &Act<T>) -> bool {
		if act.sealed {
			return false;
		}
		match act.details {
			ActDetails::Paternity(PaternityDetails { child, .. }) => {
				T::Persons::person(child).is_none_or(|child| !child.sealed)
			},
			_ => true,
		}
	}

	/// The superseded versions of an act the public may see, oldest first (none for an
	/// unknown or sealed act).
	pub fn public_versions(id: ActId) -> Vec<SupersededVersion<T>> {
		if Self::public_act(id).is_none() {
			return Vec::new();
		}
		let mut versions: Vec<_> = ActHistory::<T>::iter_prefix(id).collect();
		versions.sort_unstable_by_key(|(version, _)| *version);
		versions
			.into_iter()
			.map(|(_, mut v)| {
				v.act = Self::without_sealed_details(v.act);
				v
			})
			.collect()
	}

	/// A page of a person's acts the public may see (sealed acts left out): the number of
	/// such acts, and the ids from `offset`, at most `limit` (and at most
	/// [`MAX_PAGE`]) of them.
	pub fn public_acts_of(person: PersonId, offset: u32, limit: u32) -> (u32, Vec<ActId>) {
		let visible: Vec<ActId> = Self::acts_of_person(person)
			.into_iter()
			.filter(|id| Acts::<T>::get(id).is_some_and(|a| Self::is_public(&a)))
			.collect();
		let page = visible
			.iter()
			.copied()
			.skip(offset as usize)
			.take(limit.min(MAX_PAGE) as usize)
			.collect();
		(visible.len() as u32, page)
	}

	/// A sealing adoption without the parents it replaced: of its previous parents only the
	/// one who stays (a step-parent's spouse, the child's parent anyway) is shown, so that the
	/// adoptive parents still read as the slots it changed.
	fn without_sealed_details(mut act: Act<T>) -> Act<T> {
		if let ActDetails::Adoption(adoption) = &mut act.details {
			if adoption.sealed {
				let stays = |before: Option<PersonId>, after| before.filter(|_| before == after);
				let (previous, after) = (adoption.previous, adoption.parents);
				adoption.previous = Parents {
					mother: stays(previous.mother, after.mother),
					father: stays(previous.father, after.father),
				};
			}
		}
		act
	}

	/// The acts `officer` signed or approved from the block its key was declared compromised
	/// (for a registrar appointed by an already compromised head: from its appointment), with
	/// their review flags, for the runtime API: signed first, in act order, then approved.
	pub fn acts_under_review(
		officer: T::AccountId,
	) -> Vec<civil_registry_primitives::ReviewItem<BlockNumberFor<T>>> {
		use civil_registry_primitives::{ReviewItem, ReviewReason};
		let Some(since) = T::Permissions::compromised_since(&officer) else {
			return Vec::new();
		};
		let item = |id: ActId, act: Act<T>, reason| ReviewItem {
			act: id,
			kind: act.kind(),
			office: act.office,
			jurisdiction: act.jurisdiction,
			registered_at: act.registered_at,
			reason,
			needs_review: Self::review_reason(id, &act).is_some(),
		};
		let mut runs: Vec<(ActId, u32)> = ActsByOfficer::<T>::iter_prefix(&officer).collect();
		runs.sort_unstable();
		let signed = runs
			.into_iter()
			.flat_map(|(first, length)| first..first.saturating_add(length.into()))
			.filter_map(|id| Acts::<T>::get(id).map(|act| (id, act)))
			.filter(|(_, act)| act.registered_at >= since)
			.map(|(id, act)| item(id, act, ReviewReason::SignedByCompromisedKey));
		let mut approved: Vec<(ActId, BlockNumberFor<T>)> =
			ApprovalsBy::<T>::iter_prefix(&officer).filter(|(_, at)| *at >= since).collect();
		approved.sort_unstable();
		let approved = approved
			.into_iter()
			.filter_map(|(id, _)| Acts::<T>::get(id).map(|act| (id, act)))
			.map(|(id, act)| item(id, act, ReviewReason::ApprovedByCompromisedKey));
		signed.chain(approved).collect()
	}
}
