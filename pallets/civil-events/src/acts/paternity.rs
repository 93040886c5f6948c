//! # Establishment of paternity
//!
//! **Rule.** The child and the father are two different persons, each existing, not a revoked
//! registration and born by the date; the child alive. The child has no recorded father; the
//! father is male and was at least the law's `min_parent_age` at the child's birth. The date
//! is a real date, not after today. No deadline.
//!
//! **Courts** (the Code's rules on establishing paternity; article numbers not verified here).
//! A registry office establishes paternity on the parents' joint application; a court's
//! decision (`court_decision`, its hash) is needed when the child's father is presumed — the
//! mother was married at the birth, or her marriage had ended at most `father_grace_days`
//! before it ([`Error::FatherPresumed`]; see `birth.rs`) — and to establish the paternity of a
//! deceased man ([`Error::DeceasedFatherNeedsCourt`]), who must have been alive, or dead at
//! most `father_grace_days`, at the child's birth.
//!
//! **Effect.** The father is recorded as the child's. Event [`Event::PaternityRegistered`].
//!
//! **Corrected** (date, place): checked again — both alive on the date, the father male and
//! older. **Revoked**: the child has no recorded father again — refused if the recorded father
//! changed since (e.g. by an adoption).

use super::{ActRules, Undone};
use crate::*;
use civil_registry_primitives::{ActId, PersonId, PersonRecord, PersonRegistry};
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
	super::birth::ensure_father::<T>(father, &child.birth_date)
}

/// The court decision a paternity act carries, if any.
fn by_court<T: Config>(act: &Act<T>) -> Result<bool, DispatchError> {
	match act.details {
		ActDetails::Paternity { court_decision } => Ok(court_decision.is_some()),
		_ => Err(Error::<T>::MalformedSubjects.into()),
	}
}

impl<T: Config> ActRules<T> for Paternity {
	fn check(&self, _id: ActId, act: &mut Act<T>) -> DispatchResult {
		let ChildAndFather { child, father } = ChildAndFather::of(act)?;
		ensure!(child != father, Error::<T>::SamePerson);
		let by_court = by_court(act)?;
		let child = Pallet::<T>::living(child, &act.event_date)?;
		ensure!(child.father.is_none(), Error::<T>::FatherAlreadyRecorded);
		let father = Pallet::<T>::person(father)?;
		ensure!(father.birth_date <= act.event_date, Error::<T>::EventBeforeBirth);
		ensure!(by_court || father.is_alive(), Error::<T>::DeceasedFatherNeedsCourt);
		ensure_may_be_father::<T>(&father, &child)?;
		let presumed = match child.mother {
			Some(mother) => Pallet::<T>::presumed_father(mother, &child.birth_date)?,
			None => None,
		};
		ensure!(by_court || presumed.is_none(), Error::<T>::FatherPresumed);
		Ok(())
	}

	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError> {
		let ChildAndFather { child, father } = ChildAndFather::of(act)?;
		T::Persons::move_parent_links(child, Pallet::<T>::record(child)?.mother, Some(father))?;
		Ok(Event::PaternityRegistered { act: id, child, father, office: act.office })
	}

	fn recheck(&self, act: &Act<T>) -> DispatchResult {
		let ChildAndFather { child, father } = ChildAndFather::of(act)?;
		let by_court = by_court(act)?;
		let child = Pallet::<T>::record(child)?;
		let father = Pallet::<T>::record(father)?;
		Pallet::<T>::ensure_alive_on(&child, &act.event_date)?;
		ensure!(father.birth_date <= act.event_date, Error::<T>::EventBeforeBirth);
		ensure!(by_court || father.alive_on(&act.event_date), Error::<T>::DeceasedFatherNeedsCourt);
		ensure_may_be_father::<T>(&father, &child)
	}

	fn undo(&self, _id: ActId, act: &Act<T>) -> Result<Undone, DispatchError> {
		let ChildAndFather { child, father } = ChildAndFather::of(act)?;
		let record = Pallet::<T>::record(child)?;
		ensure!(record.father == Some(father), Error::<T>::RevocationConflict);
		T::Persons::move_parent_links(child, record.mother, None)?;
		Ok(Undone::default())
	}
}
