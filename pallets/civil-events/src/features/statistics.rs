//! Vital statistics: every act in effect counts once under its kind and the month of its
//! event, for its jurisdiction and for each jurisdiction above it ([`Statistics`]). The
//! counters are rolled up when they are written, so that any query — a district or the whole
//! country — reads one counter per kind and month (`views.rs`), however many districts lie
//! below.

use crate::*;
use civil_registry_primitives::JurisdictionTree;

impl<T: Config> Pallet<T> {
	/// Add (`up`) or remove an act in effect to or from the vital statistics: one counter per
	/// jurisdiction of its lineage (at most the tree's depth + 1).
	pub(crate) fn count(act: &Act<T>, up: bool) {
		let month = act.event_date.year_month();
		for jurisdiction in T::Jurisdictions::lineage(act.jurisdiction) {
			Statistics::<T>::mutate_exists((act.kind(), month, jurisdiction), |count| {
				let n = count.unwrap_or(0);
				let n = if up { n.saturating_add(1) } else { n.saturating_sub(1) };
				*count = (n > 0).then_some(n);
			});
		}
	}
}
