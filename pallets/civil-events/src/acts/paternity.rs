//! # Establishment of paternity
//!
//! **Rule.** The child and the father are two different persons, each existing, not a revoked
//! registration, alive and born by the date. The child has no recorded father; the father is
//! male and was at least the law's `min_parent_age` at the child's birth. The date is a real date, not after today. No deadline.
//!
//! **Effect.** The father is recorded as the child's. Event [`Event::PaternityRegistered`].
//!
//! **Corrected** (date, place): checked again — both alive on the date, the father male and
//! older. **Revoked**: the child has no recorded father again — refused if the recorded father
//! changed since (e.g. by an adoption).

use super::{ActRules, Undone};
use crate::*;
use civil_registry_primitives::{ActId, PersonId, PersonRecord, PersonRegistry, Sex};
use frame_support::{ensure, pallet_prelude::*};

/// The rules of an establishment of paternity.
pub(crate) struct Paternity;

/// The child and the father a paternity act concerns, in the act's order.
struct ChildAndFather {
	child: PersonId,
	father: PersonId,
}

impl ChildAndFather {
	fn of<T: Config>(act: &Act<T>) -> Result<Self, DispatchError> {
		match act.subjects.as_slice() {
			[child, father] => Ok(ChildAndFather { child: *child, father: *father }),
			_ => Err(Error::<T>::MalformedSubjects.into()),
		}
	}
}

/// `father` may be recorded as `child`'s father.
fn ensure_may_be_father<T: Config>(father: &PersonRecord, child: &PersonRecord) -> DispatchResult {
	ensure!(father.sex == Sex::Male, Error::<T>::FatherNotMale);
	super::birth::ensure_parent_age::<T>(father, &child.birth_date)
}

impl<T: Config> ActRules<T> for Paternity {
	fn check(&self, _id: ActId, act: &mut Act<T>) -> DispatchResult {
		let ChildAndFather { child, father } = ChildAndFather::of(act)?;
		ensure!(child != father, Error::<T>::SamePerson);
		let child = Pallet::<T>::living(child, &act.event_date)?;
		ensure!(child.father.is_none(), Error::<T>::FatherAlreadyRecorded);
		let father = Pallet::<T>::living(father, &act.event_date)?;
		ensure_may_be_father::<T>(&father, &child)
	}

	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError> {
		let ChildAndFather { child, father } = ChildAndFather::of(act)?;
		T::Persons::set_parents(child, Pallet::<T>::record(child)?.mother, Some(father))?;
		Ok(Event::PaternityRegistered { act: id, child, father, office: act.office })
	}

	fn recheck(&self, act: &Act<T>) -> DispatchResult {
		let ChildAndFather { child, father } = ChildAndFather::of(act)?;
		let child = Pallet::<T>::record(child)?;
		let father = Pallet::<T>::record(father)?;
		Pallet::<T>::ensure_alive_on(&child, &act.event_date)?;
		Pallet::<T>::ensure_alive_on(&father, &act.event_date)?;
		ensure_may_be_father::<T>(&father, &child)
	}

	fn undo(&self, _id: ActId, act: &Act<T>) -> Result<Undone, DispatchError> {
		let ChildAndFather { child, father } = ChildAndFather::of(act)?;
		let record = Pallet::<T>::record(child)?;
		ensure!(record.father == Some(father), Error::<T>::RevocationConflict);
		T::Persons::set_parents(child, record.mother, None)?;
		Ok(Undone::default())
	}
}
