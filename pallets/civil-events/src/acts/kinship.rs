//! # Kinship
//!
//! Who may not marry whom (Family Code, art. 16): relatives in the direct line, ascending and
//! descending, at any depth the records reach; full and half siblings; an adoptive parent and
//! the adopted child.
//!
//! - **The direct line** follows every parent link the runtime knows: the recorded (legal)
//!   parents, and the birth parents of an adopted child ([`AdoptionInEffect`]) — kept for this
//!   check even when the adoption is sealed and the public view no longer shows them. An
//!   adoptive parent and the adopted child are in it, and so are the adoptive parent's own
//!   ancestors: the Code equates an adopted child with a child by descent towards the adopter
//!   and the adopter's relatives (the article on the legal effects of adoption; number not
//!   verified here), which is the stricter reading of "grandparents and grandchildren".
//! - **Siblings** are full and half siblings: children of a common *birth* parent
//!   ([`Pallet::birth_parents`]). Art. 16 names siblings by descent only; two children
//!   adopted by the same person, or an adopted child and the adopter's own child, are not
//!   siblings for marriage.
//!
//! **Bound.** The search visits at most [`Config::MaxKinshipSearch`] ancestors of each spouse,
//! nearest generations first (30: four generations in full). Ancestors beyond the bound are not
//! visited; the weight of a marriage is charged for the bound.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{PersonId, PersonRecord, PersonRegistry};
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// The birth parents of a person: those recorded before its first adoption in effect (kept
	/// in [`AdoptionInEffect`]), or the recorded ones if it is not adopted.
	pub(crate) fn birth_parents(id: PersonId, record: &PersonRecord) -> [Option<PersonId>; 2] {
		match AdoptionInEffect::<T>::get(id) {
			Some(adoption) => [adoption.mother, adoption.father],
			None => [record.mother, record.father],
		}
	}

	/// The parents of a person by every link: recorded, and the birth parents of an adopted
	/// child.
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

	/// Whether `a` and `b` are too close relatives to marry: one is an ancestor of the other
	/// by any link, or they have a birth parent in common.
	pub(crate) fn too_close(
		a: PersonId,
		record_a: &PersonRecord,
		b: PersonId,
		record_b: &PersonRecord,
	) -> bool {
		let (births_a, births_b) =
			(Self::birth_parents(a, record_a), Self::birth_parents(b, record_b));
		if births_a.iter().flatten().any(|p| births_b.contains(&Some(*p))) {
			return true;
		}
		let (parents_a, parents_b) =
			(Self::all_parents(a, record_a), Self::all_parents(b, record_b));
		Self::ancestors(&parents_a).contains(&b) || Self::ancestors(&parents_b).contains(&a)
	}
}
