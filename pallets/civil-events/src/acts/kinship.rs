//! # Kinship
//!
//! Who may not marry whom (Family Code, art. 16): relatives in the direct line, ascending and
//! descending, at any depth the records reach; full and half siblings; an adoptive parent and
//! the adopted child. Every parent link the runtime knows counts: the recorded (legal) parents,
//! and the parents an adoption in effect replaced ([`AdoptionInEffect`]) — kept for this check
//! even when the adoption is sealed and the public view no longer shows them.
//!
//! **Bound.** The search visits at most [`Config::MaxKinshipSearch`] ancestors of each spouse,
//! nearest generations first (30: four generations in full). Ancestors beyond the bound are not
//! visited; the weight of a marriage is charged for the bound.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{PersonId, PersonRecord, PersonRegistry};
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// The parents of a person by every link: recorded, and replaced by an adoption in effect.
	pub(crate) fn all_parents(id: PersonId, record: &PersonRecord) -> Vec<PersonId> {
		let mut parents: Vec<PersonId> =
			[record.mother, record.father].into_iter().flatten().collect();
		if let Some(adoption) = AdoptionInEffect::<T>::get(id) {
			parents.extend([adoption.mother, adoption.father].into_iter().flatten());
		}
		parents.sort_unstable();
		parents.dedup();
		parents
	}

	/// The ancestors of `id` (whose parents by every link are `parents`), nearest generation
	/// first, at most [`Config::MaxKinshipSearch`] of them.
	pub(crate) fn ancestors(parents: &[PersonId]) -> Vec<PersonId> {
		let bound = T::MaxKinshipSearch::get() as usize;
		let mut found: Vec<PersonId> = Vec::new();
		let mut next = 0usize;
		let mut queue: Vec<PersonId> = parents.to_vec();
		while let Some(&person) = queue.get(next) {
			next = next.saturating_add(1);
			if found.len() >= bound {
				break;
			}
			if found.contains(&person) {
				continue;
			}
			found.push(person);
			if let Some(record) = T::Persons::person(person) {
				queue.extend(Self::all_parents(person, &record));
			}
		}
		found
	}

	/// Whether `a` and `b` are too close relatives to marry: one is an ancestor of the other,
	/// or they have a parent in common.
	pub(crate) fn too_close(
		a: PersonId,
		record_a: &PersonRecord,
		b: PersonId,
		record_b: &PersonRecord,
	) -> bool {
		let (parents_a, parents_b) =
			(Self::all_parents(a, record_a), Self::all_parents(b, record_b));
		if parents_a.iter().any(|p| parents_b.contains(p)) {
			return true;
		}
		Self::ancestors(&parents_a).contains(&b) || Self::ancestors(&parents_b).contains(&a)
	}
}
