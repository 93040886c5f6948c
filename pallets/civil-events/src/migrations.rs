//! Storage migrations.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::JurisdictionTree;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 1 → 2: [`Statistics`] counters are rolled up at write time. Version 1 kept one
/// counter per exact jurisdiction and summed districts at query time (a country-wide query
/// read every counter of every month); version 2 keeps, per jurisdiction, the acts in it and
/// below. The migration adds each version-1 counter to every ancestor of its jurisdiction.
///
/// One block: it reads every counter once and writes at most (depth) more per counter. Run
/// before the chain's national roll-up, the counters are a few thousand; a chain with more
/// would need a multi-block migration instead.
pub type RollUpStatistics<T> = VersionedMigration<
	1,
	2,
	UncheckedRollUpStatistics<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`RollUpStatistics`].
pub struct UncheckedRollUpStatistics<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedRollUpStatistics<T> {
	fn on_runtime_upgrade() -> Weight {
		let exact: Vec<_> = Statistics::<T>::iter().collect();
		let (mut reads, mut writes) = (exact.len() as u64, 0u64);
		for ((kind, month, jurisdiction), n) in exact {
			// The jurisdiction itself already holds `n`; its ancestors gain it.
			for ancestor in T::Jurisdictions::lineage(jurisdiction).into_iter().skip(1) {
				Statistics::<T>::mutate((kind, month, ancestor), |count| {
					*count = count.saturating_add(n)
				});
				reads = reads.saturating_add(2);
				writes = writes.saturating_add(1);
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}
}

/// Version 2 → 3: [`AdoptionInEffect`] indexes each adoption in effect by its child, with the
/// parents it replaced, for the kinship check of marriages. Filled from the adoption acts in
/// effect. One block: it reads every act once (before the national roll-up, a few thousand).
pub type IndexAdoptions<T> = VersionedMigration<
	2,
	3,
	UncheckedIndexAdoptions<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`IndexAdoptions`].
pub struct UncheckedIndexAdoptions<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedIndexAdoptions<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		for (id, act) in Acts::<T>::iter() {
			reads = reads.saturating_add(1);
			if act.status != ActStatus::Registered {
				continue;
			}
			if let (Some(replaced), Some(child)) =
				(act.details.replaced_parents(id), act.subjects.first())
			{
				AdoptionInEffect::<T>::insert(child, replaced);
				writes = writes.saturating_add(1);
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}
}
