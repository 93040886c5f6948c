//! Vital statistics: every act in effect counts once under its kind, the month of its event
//! and its jurisdiction ([`Statistics`]); the runtime API rolls them up (`views.rs`).

use crate::*;

impl<T: Config> Pallet<T> {
	/// Add (`up`) or remove an act in effect to or from the vital statistics.
	pub(crate) fn count(act: &Act<T>, up: bool) {
		let key = (act.kind, act.event_date.year_month(), act.jurisdiction);
		Statistics::<T>::mutate_exists(key, |count| {
			let n = count.unwrap_or(0);
			let n = if up { n.saturating_add(1) } else { n.saturating_sub(1) };
			*count = (n > 0).then_some(n);
		});
	}
}
