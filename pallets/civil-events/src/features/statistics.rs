//! Vital statistics: every act in effect counts once under its kind and the month of its
//! event, for its jurisdiction and for each jurisdiction above it ([`Statistics`]). The
//! counters are rolled up when they are written, so that any query — a district or the whole
//! country — reads one counter per kind and month (`views.rs`), however many districts lie
//! below.
//!
//! The UN's tabulations beyond those ([`Tabulation`], `primitives/src/vital.rs`) are kept the
//! same way in [`Tabulations`]: an act registered by an office counts, besides, by the month
//! of its registration; a birth or a death by the place of usual residence and by timeliness;
//! a birth by the mother's age group. What they need beyond the act is fixed when the
//! registration is made ([`FactsOf`]), so that a revocation takes the act out of exactly the
//! cells it was counted in. The health facilities' notifications count as notified, and as
//! followed once an act is registered from them (completeness).

use crate::*;
use civil_registry_primitives::{
	ActId, ActKind, AgeGroup, Date, JurisdictionId, JurisdictionTree, PersonRegistry,
	TabulatedFacts, Tabulation, Timeliness, YearMonth,
};
use frame_support::{ensure, pallet_prelude::*};

/// Where a registration comes from: an office's (it counts in the UN's tabulations, with the
/// place of usual residence it states for a birth or a death) or the paper archive's (no vital
/// event of today: it counts by occurrence only).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Source {
	/// An office registers the event now.
	Office {
		/// The place of usual residence (a birth: the mother's; a death: the deceased's).
		residence: Option<JurisdictionId>,
	},
	/// An import from the paper archive.
	Archive,
}

impl Source {
	/// An office's registration of an act with no residence (a marriage, a divorce, ...).
	pub(crate) const OFFICE: Self = Self::Office { residence: None };
}

impl<T: Config> Pallet<T> {
	/// Add (`up`) or remove act `id` in effect to or from the vital statistics: one counter per
	/// jurisdiction of its lineage (at most the tree's depth + 1) per table it counts in.
	pub(crate) fn count(id: ActId, act: &Act<T>, up: bool) {
		let month = act.event_date.year_month();
		let lineage = T::Jurisdictions::lineage(act.jurisdiction);
		for jurisdiction in &lineage {
			Statistics::<T>::mutate_exists((act.kind(), month, *jurisdiction), |count| {
				*count = Self::step(*count, up);
			});
		}
		// An archive import is no vital event: it has no facts (and they are not looked up, so
		// that an archive batch reads nothing more than before the tabulations).
		let archived = match &act.details {
			ActDetails::Enrollment(_) => true,
			ActDetails::Marriage(marriage) => marriage.basis == MarriageBasis::Archive,
			_ => false,
		};
		if archived {
			return;
		}
		let Some(facts) = FactsOf::<T>::get(id) else { return };
		for (table, month, place) in Self::cells_of(act, &facts, &lineage) {
			let places = if place == act.jurisdiction {
				lineage.clone()
			} else {
				T::Jurisdictions::lineage(place)
			};
			Self::tabulate(table, month, &places, up);
		}
	}

	/// The tabulations an act with `facts` counts in, each with its month and the jurisdiction
	/// whose lineage it counts for. `lineage`: the act's place's (read once, by the caller).
	pub(crate) fn cells_of(
		act: &Act<T>,
		facts: &TabulatedFacts,
		lineage: &[JurisdictionId],
	) -> alloc::vec::Vec<(Tabulation, YearMonth, JurisdictionId)> {
		let kind = act.kind();
		let (occurred, registered) =
			(act.event_date.year_month(), facts.registered_on.year_month());
		let mut cells = alloc::vec![(Tabulation::Registration(kind), registered, act.jurisdiction)];
		if matches!(kind, ActKind::Birth | ActKind::Death) {
			// No residence stated: the country of the place.
			let residence = facts
				.residence
				.unwrap_or_else(|| lineage.last().copied().unwrap_or(act.jurisdiction));
			cells.push((Tabulation::Residence(kind), occurred, residence));
			let deadline = match kind {
				ActKind::Birth => <acts::Birth as acts::ActRules<T>>::deadline(&act.event_date),
				_ => <acts::Death as acts::ActRules<T>>::deadline(&act.event_date),
			};
			let timeliness = Timeliness::of(&act.event_date, deadline, &facts.registered_on);
			cells.push((Tabulation::Timeliness(kind, timeliness), registered, act.jurisdiction));
		}
		if kind == ActKind::Birth {
			let group = facts.mother_age.unwrap_or(AgeGroup::NotStated);
			cells.push((Tabulation::MotherAge(group), occurred, act.jurisdiction));
		}
		cells
	}

	/// Add or remove one to or from `table`'s counter of `month` for each of `places`.
	pub(crate) fn tabulate(
		table: Tabulation,
		month: YearMonth,
		places: &[JurisdictionId],
		up: bool,
	) {
		for place in places {
			Tabulations::<T>::mutate_exists((table, month, *place), |count| {
				*count = Self::step(*count, up);
			});
		}
	}

	/// A counter one up or down; `None` (removed) at zero.
	fn step(count: Option<u32>, up: bool) -> Option<u32> {
		let n = count.unwrap_or(0);
		let n = if up { n.saturating_add(1) } else { n.saturating_sub(1) };
		(n > 0).then_some(n)
	}

	/// The facts of `act`, registered today on `registered_on` by an office, with the stated
	/// `residence` (checked to exist). A birth's mother's age group from her record (the
	/// registration checked she exists).
	pub(crate) fn facts_of(
		act: &Act<T>,
		registered_on: Date,
		residence: Option<JurisdictionId>,
	) -> Result<TabulatedFacts, DispatchError> {
		if let Some(place) = residence {
			ensure!(T::Jurisdictions::exists(place), Error::<T>::UnknownJurisdiction);
		}
		Ok(TabulatedFacts { registered_on, residence, mother_age: Self::mother_age(act) })
	}

	/// A birth's mother's age group at the birth (`NotStated` without a mother on the act);
	/// `None` for any other kind.
	pub(crate) fn mother_age(act: &Act<T>) -> Option<AgeGroup> {
		let ActDetails::Birth(details) = &act.details else { return None };
		Some(
			details
				.parents
				.mother
				.and_then(T::Persons::person)
				.map_or(AgeGroup::NotStated, |m| {
					AgeGroup::at_birth(&m.birth_date, &act.event_date)
				}),
		)
	}

	/// A notification of `kind` on `date` by a facility in `district`: counted as notified
	/// (`up`) or withdrawn.
	pub(crate) fn count_notified(
		table: Tabulation,
		date: Date,
		district: JurisdictionId,
		up: bool,
	) {
		Self::tabulate(table, date.year_month(), &T::Jurisdictions::lineage(district), up);
	}
}
