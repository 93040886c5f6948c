//! # Adoption
//!
//! **Rule.** The child exists, is not a revoked registration, is alive and born by the date.
//! At least one adoptive parent is named; each is not the child, exists, is not a revoked
//! registration, is alive and born by the date, is an adult ([`ADULT_AGE`]) on the date, is
//! older than the child, and is of the right sex (an adoptive mother female, an adoptive father
//! male). The date is a real date, not after today. No deadline.
//!
//! **Effect.** The adoptive parents replace the recorded ones (a parent not named stays); the
//! act keeps the previous parents. With `sealed`, the original birth act is sealed: public
//! queries no longer return it nor the previous parents. Event [`Event::AdoptionRegistered`].
//!
//! **Corrected** (date, place): checked again as at registration, minus who the recorded
//! parents were. **Revoked**: the previous parents are recorded again and the birth act
//! unsealed — refused if a later adoption of the child is in effect or the parents changed
//! since.

use super::{ActRules, Undone};
use crate::*;
use civil_registry_primitives::{
	ActId, ActKind, Date, PersonId, PersonRecord, PersonRegistry, Sex,
};
use frame_support::{ensure, pallet_prelude::*};

/// The rules of an adoption.
pub(crate) struct Adoption;

/// The adoptive parents, each with the sex the law requires and the error for the wrong one.
fn adoptive_parents<T: Config>(
	mother: Option<PersonId>,
	father: Option<PersonId>,
) -> [(Option<PersonId>, Sex, Error<T>); 2] {
	[
		(mother, Sex::Female, Error::<T>::MotherNotFemale),
		(father, Sex::Male, Error::<T>::FatherNotMale),
	]
}

/// `parent` may adopt `child` on `date` as a parent of sex `sex`.
fn ensure_may_adopt<T: Config>(
	parent: &PersonRecord,
	child: &PersonRecord,
	date: &Date,
	sex: Sex,
	wrong_sex: Error<T>,
) -> DispatchResult {
	ensure!(parent.sex == sex, wrong_sex);
	ensure!(parent.birth_date.years_until(date) >= ADULT_AGE, Error::<T>::AdoptiveParentNotAdult);
	ensure!(parent.birth_date < child.birth_date, Error::<T>::ParentNotOlder);
	Ok(())
}

impl<T: Config> ActRules<T> for Adoption {
	fn check(&self, _id: ActId, act: &mut Act<T>) -> DispatchResult {
		let date = act.event_date;
		let child_id = Pallet::<T>::first_subject(act)?;
		let child = Pallet::<T>::living(child_id, &date)?;
		let ActDetails::Adoption {
			adoptive_mother,
			adoptive_father,
			previous_mother,
			previous_father,
			..
		} = &mut act.details
		else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		ensure!(
			adoptive_mother.is_some() || adoptive_father.is_some(),
			Error::<T>::NoAdoptiveParent
		);
		for (parent, sex, wrong_sex) in adoptive_parents::<T>(*adoptive_mother, *adoptive_father) {
			if let Some(parent) = parent {
				ensure!(parent != child_id, Error::<T>::SamePerson);
				let p = Pallet::<T>::living(parent, &date)?;
				ensure_may_adopt(&p, &child, &date, sex, wrong_sex)?;
			}
		}
		*previous_mother = child.mother;
		*previous_father = child.father;
		Ok(())
	}

	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError> {
		let ActDetails::Adoption {
			adoptive_mother,
			adoptive_father,
			previous_mother,
			previous_father,
			sealed,
		} = act.details
		else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let child = Pallet::<T>::first_subject(act)?;
		T::Persons::set_parents(
			child,
			adoptive_mother.or(previous_mother),
			adoptive_father.or(previous_father),
		)?;
		if sealed {
			T::Persons::set_sealed(child, true)?;
			Pallet::<T>::set_act_sealed(Pallet::<T>::record(child)?.origin_act, true);
		}
		Ok(Event::AdoptionRegistered { act: id, child, office: act.office, sealed })
	}

	fn recheck(&self, act: &Act<T>) -> DispatchResult {
		let ActDetails::Adoption { adoptive_mother, adoptive_father, .. } = act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let date = act.event_date;
		let child = Pallet::<T>::record(Pallet::<T>::first_subject(act)?)?;
		Pallet::<T>::ensure_alive_on(&child, &date)?;
		for (parent, sex, wrong_sex) in adoptive_parents::<T>(adoptive_mother, adoptive_father) {
			if let Some(parent) = parent {
				let p = Pallet::<T>::record(parent)?;
				Pallet::<T>::ensure_alive_on(&p, &date)?;
				ensure_may_adopt(&p, &child, &date, sex, wrong_sex)?;
			}
		}
		Ok(())
	}

	fn undo(&self, id: ActId, act: &Act<T>) -> Result<Undone, DispatchError> {
		let ActDetails::Adoption {
			adoptive_mother,
			adoptive_father,
			previous_mother,
			previous_father,
			sealed,
		} = act.details
		else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let child_id = Pallet::<T>::first_subject(act)?;
		let child = Pallet::<T>::record(child_id)?;
		let mut undone = Undone::default();
		for other in ActsOf::<T>::get(child_id) {
			undone.read = undone.read.saturating_add(1);
			let later = other > id
				&& Acts::<T>::get(other).is_some_and(|a| {
					a.kind == ActKind::Adoption && a.status == ActStatus::Registered
				});
			ensure!(!later, Error::<T>::RevocationConflict);
		}
		let (mut mother, mut father) = (child.mother, child.father);
		if adoptive_mother.is_some() {
			ensure!(child.mother == adoptive_mother, Error::<T>::RevocationConflict);
			mother = previous_mother;
		}
		if adoptive_father.is_some() {
			ensure!(child.father == adoptive_father, Error::<T>::RevocationConflict);
			father = previous_father;
		}
		T::Persons::set_parents(child_id, mother, father)?;
		if sealed {
			T::Persons::set_sealed(child_id, false)?;
			Pallet::<T>::set_act_sealed(child.origin_act, false);
		}
		Ok(undone)
	}
}
