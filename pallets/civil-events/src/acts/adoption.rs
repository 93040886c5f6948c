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

use super::{ActRules, DateRule, Occasion, Undone};
use crate::*;
use civil_registry_primitives::{
	ActId, ActKind, Date, PersonId, PersonRecord, PersonRegistry, Sex,
};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

/// The rules of an adoption.
pub(crate) struct Adoption;

/// The adoptive parents, each with the sex the law requires and the error for the wrong one.
fn adoptive_parents<T: Config>(adoptive: &Parents) -> [(Option<PersonId>, Sex, Error<T>); 2] {
	[
		(adoptive.mother, Sex::Female, Error::<T>::MotherNotFemale),
		(adoptive.father, Sex::Male, Error::<T>::FatherNotMale),
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

/// What a call asks for: the child, the adoptive parents, whether to seal the birth act, the
/// decision. The parents it replaces are the child's at registration.
pub(crate) struct AdoptionRequest {
	/// The child.
	pub(crate) child: PersonId,
	/// The adoptive parents.
	pub(crate) adoptive: Parents,
	/// Whether the original birth act is sealed.
	pub(crate) sealed: bool,
	/// Hash of the decision.
	pub(crate) decision: H256,
}

impl<T: Config> ActRules<T> for Adoption {
	type Request = AdoptionRequest;
	type Details = AdoptionDetails;

	fn wrap(details: AdoptionDetails) -> ActDetails {
		ActDetails::Adoption(details)
	}

	fn of(details: &ActDetails) -> Option<&AdoptionDetails> {
		match details {
			ActDetails::Adoption(d) => Some(d),
			_ => None,
		}
	}

	fn request(details: &AdoptionDetails) -> AdoptionRequest {
		AdoptionRequest {
			child: details.child,
			adoptive: details.adoptive,
			sealed: details.sealed,
			decision: details.decision,
		}
	}

	fn permission(_: &AdoptionRequest) -> ActKind {
		ActKind::Adoption
	}

	fn dates(_: &AdoptionRequest) -> DateRule {
		// The date the decision establishing the adoption took effect.
		DateRule::Past
	}

	fn check(at: &Occasion, request: AdoptionRequest) -> Result<AdoptionDetails, DispatchError> {
		let date = at.date;
		let child_id = request.child;
		let child = Pallet::<T>::living(child_id, &date)?;
		ensure_minor::<T>(&child, &date)?;
		ensure!(!AdoptionInEffect::<T>::contains_key(child_id), Error::<T>::AlreadyAdopted);
		let adoptive = request.adoptive;
		ensure!(
			adoptive.mother.is_some() || adoptive.father.is_some(),
			Error::<T>::NoAdoptiveParent
		);
		for (parent, sex, wrong_sex) in adoptive_parents::<T>(&adoptive) {
			if let Some(parent) = parent {
				ensure!(parent != child_id, Error::<T>::SamePerson);
				let p = Pallet::<T>::living(parent, &date)?;
				ensure_may_adopt(parent, &p, &child, &date, (sex, wrong_sex), true)?;
			}
		}
		Ok(AdoptionDetails {
			child: child_id,
			adoptive,
			previous: Parents { mother: child.mother, father: child.father },
			sealed: request.sealed,
			decision: request.decision,
		})
	}

	fn apply(
		id: ActId,
		act: &Act<T>,
		details: AdoptionDetails,
	) -> Result<(AdoptionDetails, Event<T>), DispatchError> {
		let child = details.child;
		let after = details.parents_after();
		T::Persons::move_parent_links(child, after.mother, after.father)?;
		let replaced = details.replaced();
		AdoptionInEffect::<T>::insert(
			child,
			ReplacedParents { act: id, mother: replaced.mother, father: replaced.father },
		);
		let sealed = details.sealed;
		if sealed {
			T::Persons::seal(child)?;
			Pallet::<T>::set_act_sealed(Pallet::<T>::record(child)?.origin_act, true);
		}
		Ok((details, Event::AdoptionRegistered { act: id, child, office: act.office, sealed }))
	}

	fn recheck(act: &Act<T>, details: &AdoptionDetails) -> DispatchResult {
		let date = act.event_date;
		let child = Pallet::<T>::record(details.child)?;
		Pallet::<T>::ensure_alive_on(&child, &date)?;
		ensure_minor::<T>(&child, &date)?;
		for (parent, sex, wrong_sex) in adoptive_parents::<T>(&details.adoptive) {
			if let Some(parent) = parent {
				let p = Pallet::<T>::record(parent)?;
				Pallet::<T>::ensure_alive_on(&p, &date)?;
				ensure_may_adopt(parent, &p, &child, &date, (sex, wrong_sex), false)?;
			}
		}
		Ok(())
	}

	fn undo(id: ActId, _act: &Act<T>, details: &AdoptionDetails) -> Result<Undone, DispatchError> {
		let child_id = details.child;
		let child = Pallet::<T>::record(child_id)?;
		let mut undone = Undone::default();
		for other in ActsOf::<T>::get(child_id) {
			undone.read = undone.read.saturating_add(1);
			let later = other > id
				&& Acts::<T>::get(other).is_some_and(|a| {
					a.kind() == ActKind::Adoption && a.status == ActStatus::Registered
				});
			ensure!(!later, Error::<T>::RevocationConflict);
		}
		let (adoptive, previous) = (details.adoptive, details.previous);
		let (mut mother, mut father) = (child.mother, child.father);
		if adoptive.mother.is_some() {
			ensure!(child.mother == adoptive.mother, Error::<T>::RevocationConflict);
			mother = previous.mother;
		}
		if adoptive.father.is_some() {
			ensure!(child.father == adoptive.father, Error::<T>::RevocationConflict);
			father = previous.father;
		}
		T::Persons::move_parent_links(child_id, mother, father)?;
		AdoptionInEffect::<T>::remove(child_id);
		if details.sealed {
			T::Persons::unseal(child_id)?;
			Pallet::<T>::set_act_sealed(child.origin_act, false);
		}
		Ok(undone)
	}
}
