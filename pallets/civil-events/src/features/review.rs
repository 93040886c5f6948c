//! Compromised keys: the acts a key signed from the block it was declared compromised are
//! under review until an approved amendment or revocation clears them.

use crate::*;
use civil_registry_primitives::{ActId, CompromisedKeys};

impl<T: Config> Pallet<T> {
	/// Whether the act was signed by a key compromised at the time.
	pub(crate) fn signed_by_compromised_key(act: &Act<T>) -> bool {
		T::Permissions::compromised_since(&act.officer)
			.is_some_and(|since| act.registered_at >= since)
	}

	/// An approved amendment or revocation clears an act's review flag.
	pub(crate) fn clear_review(id: ActId, act: &Act<T>) {
		if Self::signed_by_compromised_key(act) {
			ReviewCleared::<T>::insert(id, frame_system::Pallet::<T>::block_number());
		}
	}
}
