//! # Adoption
//!
//! **Rule.** The child exists, is not a revoked registration, is alive and born by the date,
//! and is a minor — under the law's `adult_age` (18) on the date (Family Code, art. 151) — with
//! no adoption in effect: a second adoption comes only after the first is revoked, never by
//! silent replacement. At least one adoptive parent is named; each is not the child nor the
//! child's spouse, exists, is not a revoked registration, is alive and born by the date, is an
//! adult (`adult_age`; art. 152) on the date, is of the right sex (an adoptive mother female,
//! an adoptive father male), and is at least `adoption_age_gap` (15) years older than the child
//! — unless a step-parent: the spouse of the child's recorded mother or father. The act carries
//! the hash of the decision establishing the adoption (`decision`; a court's or a
//! khokimiyat's); its document hash is the act the office drew up. The date is a real date,
//! not after today. No deadline.
//!
//! **Effect.** The adoptive parents replace the recorded ones (a parent not named stays); the
//! act keeps the previous parents, and [`AdoptionInEffect`] the ones it replaced, for the
//! kinship check of marriages. With `sealed`, the original birth act is sealed: public
//! queries no longer return it nor the previous parents. Event [`Event::AdoptionRegistered`].
//!
//! **Corrected** (date, place): checked again as at registration, minus who the recorded
//! parents were (and whether the child was a minor and unadopted). **Revoked**: the previous
//! parents are recorded again, [`AdoptionInEffect`] cleared, and the birth act unsealed — refused if a later adoption of the child is in effect or the parents changed
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

/// `parent` (person `parent_id`) may adopt `child` on `date` as a parent of sex `sex`. Who is
/// married to whom is checked `at_registration` only: a later divorce does not undo a
/// step-parent's adoption.
fn ensure_may_adopt<T: Config>(
	parent_id: PersonId,
	parent: &PersonRecord,
	child: &PersonRecord,
	date: &Date,
	(sex, wrong_sex): (Sex, Error<T>),
	at_registration: bool,
) -> DispatchResult {
	let law = T::Law::get();
	if at_registration {
		ensure!(child.spouse() != Some(parent_id), Error::<T>::SpouseCannotAdopt);
	}
	ensure!(parent.sex == sex, wrong_sex);
	ensure!(
		parent.birth_date.years_until(date) >= law.adult_age,
		Error::<T>::AdoptiveParentNotAdult
	);
	ensure!(parent.birth_date < child.birth_date, Error::<T>::ParentNotOlder);
	let step_parent = !at_registration
		|| [child.mother, child.father]
			.into_iter()
			.flatten()
			.any(|p| parent.spouse() == Some(p));
	ensure!(
		step_parent || parent.birth_date.years_until(&child.birth_date) >= law.adoption_age_gap,
		Error::<T>::AdopterTooYoung
	);
	Ok(())
}

/// `child` may be adopted on `date`: a minor.
fn ensure_minor<T: Config>(child: &PersonRecord, date: &Date) -> DispatchResult {
	ensure!(
		child.birth_date.years_until(date) < T::Law::get().adult_age,
		Error::<T>::AdopteeNotMinor
	);
	Ok(())
}

impl<T: Config> ActRules<T> for Adoption {
	fn check(&self, _id: ActId, act: &mut Act<T>) -> DispatchResult {
		let date = act.event_date;
		let child_id = Pallet::<T>::first_subject(act)?;
		let child = Pallet::<T>::living(child_id, &date)?;
		ensure_minor::<T>(&child, &date)?;
		ensure!(!AdoptionInEffect::<T>::contains_key(child_id), Error::<T>::AlreadyAdopted);
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
				ensure_may_adopt(parent, &p, &child, &date, (sex, wrong_sex), true)?;
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
			..
		} = act.details
		else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let child = Pallet::<T>::first_subject(act)?;
		T::Persons::move_parent_links(
			child,
			adoptive_mother.or(previous_mother),
			adoptive_father.or(previous_father),
		)?;
		if let Some(replaced) = act.details.replaced_parents(id) {
			AdoptionInEffect::<T>::insert(child, replaced);
		}
		if sealed {
			T::Persons::seal(child)?;
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
		ensure_minor::<T>(&child, &date)?;
		for (parent, sex, wrong_sex) in adoptive_parents::<T>(adoptive_mother, adoptive_father) {
			if let Some(parent) = parent {
				let p = Pallet::<T>::record(parent)?;
				Pallet::<T>::ensure_alive_on(&p, &date)?;
				ensure_may_adopt(parent, &p, &child, &date, (sex, wrong_sex), false)?;
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
			..
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
		T::Persons::move_parent_links(child_id, mother, father)?;
		AdoptionInEffect::<T>::remove(child_id);
		if sealed {
			T::Persons::unseal(child_id)?;
			Pallet::<T>::set_act_sealed(child.origin_act, false);
		}
		Ok(undone)
	}
}
