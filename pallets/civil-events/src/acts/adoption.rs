//! # Adoption
//!
//! **Rule.** The child exists, is not a revoked registration, is alive and born by the date,
//! and is a minor — under the law's `adult_age` (18) on the date (Family Code, art. 151). A
//! child with an adoption in effect is adopted again only by a step-parent alone (the spouse of
//! one of its parents, adoptive or not, who stays) or when every parent it has has died by the
//! date (an orphaned adoptee); otherwise the first is revoked first ([`Error::AlreadyAdopted`]),
//! never silently replaced. [`AdoptionInEffect`] then names the latest adoption and keeps the
//! birth parents the first one replaced; revoking the latest leaves the earlier in effect. At least one adoptive parent is named; each is not the child, not
//! already its parent ([`Error::AdopterIsParent`]), nor the child's spouse, exists, is not a
//! revoked registration, is alive and born by the date, is an adult (`adult_age`; art. 152) on
//! the date, is of the right sex (an adoptive mother female, an adoptive father male), and is
//! at least `adoption_age_gap` (15) years older than the child — unless married on the date
//! (spouses adopting together, a step-parent: the law's gap is for an adopter who is not
//! married), or the decision shortened the gap for reasons the court found valid
//! ([`AdoptionTerms::shortens_age_gap`]; the Code's article on the age difference, number not
//! verified here). Two adopt together only if married to
//! each other ([`Error::AdoptersNotMarried`]; the Code's rule that persons not married to each
//! other do not adopt the same child — article not verified here). The act carries the hash of
//! the decision establishing the adoption (`decision`; a court's or a khokimiyat's); its
//! document hash is the act the office drew up.
//!
//! **Date** (row `Past` of the date table): the day the decision took effect, before the
//! registration; no deadline; a correction may move it, and the act is checked again.
//!
//! **Effect.** The child's parents become [`AdoptionDetails::parents`]: the adoptive parents,
//! and — for a step-parent's adoption only — the parent married to the adopter, who stays. A
//! single adopter who is not a step-parent takes the child alone: the rights of the other
//! birth parent end with the adoption too — unless the decision keeps them
//! ([`AdoptionTerms::keeps_other_parent`]: at that parent's request, or, for a parent who has
//! died, at the request of that parent's own parents), and then the other parent stays,
//! married to the adopter or not (the Code's article on the legal effects of adoption; number
//! not verified here). Keeping with no one to keep — two adopters, or an empty slot — is
//! refused ([`Error::NoOtherParentToKeep`]). The act keeps the previous parents, and
//! [`AdoptionInEffect`] the child's birth parents (those before its first adoption), for the
//! kinship check of marriages. With `sealed`, the original birth act is sealed: public queries
//! no longer return it nor the previous parents. Event [`Event::AdoptionRegistered`].
//!
//! **Out of order.** An adoption concerns the child as the records stand on its registration:
//! registered after acts dated later (a paternity, a second adoption), it is refused by their
//! rules (`AlreadyAdopted`, `FatherAlreadyRecorded`); those acts come after it.
//!
//! **Corrected** (date, place): checked again as at registration, minus who the recorded
//! parents were (and whether the child was a minor and unadopted). **Revoked**: the previous
//! parents are recorded again, [`AdoptionInEffect`] cleared, and the birth act unsealed —
//! refused if a later adoption of the child is in effect or the parents changed since.

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
/// married to whom is checked `at_registration` only (and as of `date`, the day the decision
/// took effect): a later divorce does not undo a step-parent's adoption.
/// The age gap is checked `at_registration` only, and not when the decision shortened it
/// (`terms`).
fn ensure_may_adopt<T: Config>(
	parent_id: PersonId,
	parent: &PersonRecord,
	child: &PersonRecord,
	date: &Date,
	(sex, wrong_sex): (Sex, Error<T>),
	at_registration: Option<&AdoptionTerms>,
) -> DispatchResult {
	let terms = at_registration.copied();
	let at_registration = terms.is_some();
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
	// The gap is the law's for an adopter not married on the date (spouses adopting together
	// and a step-parent are exempt; article not verified here), unless the decision shortened
	// it for reasons the court found valid.
	let exempt =
		terms.is_none_or(|t| t.shortens_age_gap) || Pallet::<T>::married_on_date(parent_id, date);
	ensure!(
		exempt || parent.birth_date.years_until(&child.birth_date) >= law.adoption_age_gap,
		Error::<T>::AdopterTooYoung
	);
	Ok(())
}

impl<T: Config> Pallet<T> {
	/// Marriage `details` may end on `date`: no step-parent's adoption in effect, dated after
	/// it, treated one spouse as the other's spouse (keeping that one as the child's parent).
	/// Such an adoption was registered before the end of the marriage reached the registry; it
	/// is revoked or corrected first ([`Error::AdoptionReliesOnMarriage`]). Reads each
	/// spouse's acts (at most `MaxActsPerPerson`).
	pub(crate) fn ensure_no_step_adoption_after(
		details: &MarriageDetails,
		date: &Date,
	) -> DispatchResult {
		for adopter in details.spouses.both() {
			let Some(spouse) = details.spouses.other(adopter) else { continue };
			for id in ActsOf::<T>::get(adopter) {
				let Some(act) = Acts::<T>::get(id) else { continue };
				let ActDetails::Adoption(adoption) = &act.details else { continue };
				let kept = [
					(adoption.parents.mother, adoption.previous.mother),
					(adoption.parents.father, adoption.previous.father),
				]
				.into_iter()
				.any(|(after, before)| after == Some(spouse) && before == Some(spouse));
				ensure!(
					act.status != ActStatus::Registered
						|| !adoption.adoptive().contains(adopter)
						|| !kept || act.event_date <= *date,
					Error::<T>::AdoptionReliesOnMarriage
				);
			}
		}
		Ok(())
	}
}

/// Whether `child`, adopted already, may be adopted again on `date` by `adoptive`: by a
/// step-parent alone — the spouse of one of its parents (adoptive or not), who stays — or when
/// every parent it has has died by then (an orphaned adoptee). Reads the child's parents and
/// the adopter's acts.
fn may_adopt_again<T: Config>(
	child: &PersonRecord,
	adoptive: &Parents,
	date: &Date,
) -> Result<bool, DispatchError> {
	let parents: alloc::vec::Vec<PersonId> =
		[child.mother, child.father].into_iter().flatten().collect();
	let mut orphaned = true;
	for p in &parents {
		orphaned &= Pallet::<T>::record(*p)?.death_date().is_some_and(|died| died <= *date);
	}
	let step = match (adoptive.mother, adoptive.father) {
		(Some(adopter), None) | (None, Some(adopter)) => {
			parents.iter().any(|p| Pallet::<T>::married_on(adopter, *p, date))
		},
		_ => false,
	};
	Ok(orphaned || step)
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
	/// What the decision says beyond who adopts whom.
	pub(crate) terms: AdoptionTerms,
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

	/// The request the details answer, for the permission and the row of the date table. Its
	/// terms are what the details show: a single adopter with the other parent staying keeps
	/// that parent (by marriage or by the decision; the rule checks both again). Whether the
	/// decision shortened the age gap is not stored: an adoption, having no deadline, is never
	/// pending, so its registration rule never runs again on a rebuilt request.
	fn request(details: &AdoptionDetails) -> AdoptionRequest {
		let adoptive = details.adoptive();
		let stays = [
			(adoptive.mother, details.parents.father, details.previous.father),
			(adoptive.father, details.parents.mother, details.previous.mother),
		]
		.into_iter()
		.any(|(adopter, after, before)| adopter.is_some() && after.is_some() && after == before);
		AdoptionRequest {
			child: details.child,
			adoptive,
			sealed: details.sealed,
			decision: details.decision,
			terms: AdoptionTerms { keeps_other_parent: stays, shortens_age_gap: false },
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
		// Alive on the day the decision took effect (registered later, the adoption stands if
		// the child or an adopter has died since).
		let child = Pallet::<T>::person(child_id)?;
		Pallet::<T>::ensure_alive_on(&child, &date)?;
		ensure_minor::<T>(&child, &date)?;
		let adoptive = request.adoptive;
		if AdoptionInEffect::<T>::contains_key(child_id) {
			ensure!(may_adopt_again::<T>(&child, &adoptive, &date)?, Error::<T>::AlreadyAdopted);
		}
		ensure!(
			adoptive.mother.is_some() || adoptive.father.is_some(),
			Error::<T>::NoAdoptiveParent
		);
		let previous = Parents { mother: child.mother, father: child.father };
		for (parent, sex, wrong_sex) in adoptive_parents::<T>(&adoptive) {
			if let Some(parent) = parent {
				ensure!(parent != child_id, Error::<T>::SamePerson);
				ensure!(!previous.contains(parent), Error::<T>::AdopterIsParent);
				let p = Pallet::<T>::person(parent)?;
				Pallet::<T>::ensure_alive_on(&p, &date)?;
				ensure_may_adopt(
					parent,
					&p,
					&child,
					&date,
					(sex, wrong_sex),
					Some(&request.terms),
				)?;
			}
		}
		// Who the child's parents are afterwards (the Code's articles on joint adoption and on
		// the effects of adoption; numbers not verified here): a joint adoption is by spouses
		// only; a single adopter takes the child alone, except a step-parent, whose spouse
		// stays the other parent, and except when the decision keeps the other parent's
		// rights. Married as of the decision's date, whatever happened since.
		let keeps = request.terms.keeps_other_parent;
		let stays = |adopter: PersonId, other: Option<PersonId>| {
			ensure!(!keeps || other.is_some(), Error::<T>::NoOtherParentToKeep);
			Ok::<_, DispatchError>(
				other.filter(|o| keeps || Pallet::<T>::married_on(adopter, *o, &date)),
			)
		};
		let parents = match (adoptive.mother, adoptive.father) {
			(Some(mother), Some(father)) => {
				ensure!(!keeps, Error::<T>::NoOtherParentToKeep);
				ensure!(
					Pallet::<T>::married_on(mother, father, &date),
					Error::<T>::AdoptersNotMarried
				);
				Parents { mother: Some(mother), father: Some(father) }
			},
			(Some(mother), None) => {
				Parents { mother: Some(mother), father: stays(mother, previous.father)? }
			},
			(None, Some(father)) => {
				Parents { mother: stays(father, previous.mother)?, father: Some(father) }
			},
			(None, None) => return Err(Error::<T>::NoAdoptiveParent.into()),
		};
		Ok(AdoptionDetails {
			child: child_id,
			parents,
			previous,
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
		let after = details.parents;
		T::Persons::move_parent_links(child, after.mother, after.father)?;
		// The birth parents, for the kinship check: the parents before the first adoption in
		// effect.
		let birth = match AdoptionInEffect::<T>::get(child) {
			Some(earlier) => Parents { mother: earlier.mother, father: earlier.father },
			None => details.previous,
		};
		AdoptionInEffect::<T>::insert(
			child,
			ReplacedParents { act: id, mother: birth.mother, father: birth.father },
		);
		let sealed = details.sealed;
		let record = Pallet::<T>::record(child)?;
		if sealed && !record.sealed {
			T::Persons::seal(child)?;
			Pallet::<T>::set_act_sealed(record.origin_act, true);
		}
		Ok((details, Event::AdoptionRegistered { act: id, child, office: act.office, sealed }))
	}

	/// The child may take the adopter's surname.
	fn takes_surname(details: &AdoptionDetails, person: PersonId) -> bool {
		details.child == person
	}

	fn recheck(act: &Act<T>, details: &AdoptionDetails) -> DispatchResult {
		let date = act.event_date;
		let child = Pallet::<T>::record(details.child)?;
		Pallet::<T>::ensure_alive_on(&child, &date)?;
		ensure_minor::<T>(&child, &date)?;
		for (parent, sex, wrong_sex) in adoptive_parents::<T>(&details.adoptive()) {
			if let Some(parent) = parent {
				let p = Pallet::<T>::record(parent)?;
				Pallet::<T>::ensure_alive_on(&p, &date)?;
				ensure_may_adopt(parent, &p, &child, &date, (sex, wrong_sex), None)?;
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
		// Every slot the adoption changed still holds what it put there.
		let (after, previous) = (details.parents, details.previous);
		ensure!(
			(child.mother, child.father) == (after.mother, after.father),
			Error::<T>::RevocationConflict
		);
		T::Persons::move_parent_links(child_id, previous.mother, previous.father)?;
		// An earlier adoption in effect (this one was a step-parent's, or of an orphaned
		// adoptee) is the child's adoption again.
		let earlier = ActsOf::<T>::get(child_id).into_iter().rev().find_map(|other| {
			let a = Acts::<T>::get(other).filter(|a| a.status == ActStatus::Registered)?;
			match a.details {
				ActDetails::Adoption(d) if other != id => Some((other, d)),
				_ => None,
			}
		});
		match &earlier {
			Some((earlier, _)) => AdoptionInEffect::<T>::mutate(child_id, |e| {
				if let Some(e) = e {
					e.act = *earlier;
				}
			}),
			None => AdoptionInEffect::<T>::remove(child_id),
		}
		let still_sealed = earlier.is_some_and(|(_, d)| d.sealed);
		if details.sealed && !still_sealed {
			T::Persons::unseal(child_id)?;
			Pallet::<T>::set_act_sealed(child.origin_act, false);
		}
		Ok(undone)
	}
}
