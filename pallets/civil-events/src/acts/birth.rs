//! # Birth
//!
//! A birth creates the child, with the parents the act names.
//!
//! **Rule.** The child's identity key is not held by a person in force nor by a pending late
//! birth. A recorded mother exists, is not a revoked registration, is female, at least the
//! law's `min_parent_age` at the birth (Uzbekistan: 12; no article found — a plausibility
//! bound on the records) and was alive on the day of the birth. A recorded father exists, is
//! not a revoked registration, is male, at least `min_parent_age`, and was alive or died at
//! most `father_grace_days` (300) days before the birth. The date is a real date, not after
//! today (in the country's time zone).
//!
//! **The husband's presumed paternity** (the Code's rule on the descent of a child of married
//! parents; the article number is not verified here). A child born to a married woman, or
//! within `father_grace_days` (300) days after her marriage ended by divorce or death, has her
//! husband (former husband) as father: the act names him, unless it carries the hash of a
//! court decision (`court_decision`) setting the presumption aside — naming another man, or no
//! father, without it is refused ([`Error::FatherPresumed`]). When several marriages qualify,
//! the latest one decides. Marriages enrolled from the archive count.
//!
//! **Deadline.** Registered more than `birth_deadline_months` (one) month after the birth, the
//! act waits as a late registration for the approval of the office's head (or of the head of
//! the regional department above it).
//!
//! **Effect.** A new person: alive, single, born on the act's date in its jurisdiction, with
//! the recorded parents. Event [`Event::BirthRegistered`].
//!
//! **Corrected** (date, place, sex, data root; the parents on a court decision —
//! [`Error::ParentsNeedCourtDecision`] otherwise — with four eyes as every amendment): the
//! child's record follows, and every act of the child is checked again, the presumption of
//! paternity too; with new parents, the child's marriage in effect is checked against the
//! kinship rule. Refused ([`Error::RevocationConflict`]) when the parents the act recorded are
//! no longer the child's (a paternity or an adoption since: correct or revoke that act). The
//! presumption is checked at registration and when the birth itself is corrected, not when
//! another record of the mother changes. **Revoked** (e.g. a fraudulent registration): the child's
//! registration is revoked and its identity key freed; the child's other acts in effect are
//! reported for review.

use super::{ActRules, Undone};
use crate::*;
use civil_registry_primitives::{ActId, Date, PersonId, PersonRecord, PersonRegistry, Sex};
use frame_support::{ensure, pallet_prelude::*};

/// The rules of a birth.
pub(crate) struct Birth;

impl<T: Config> ActRules<T> for Birth {
	fn deadline(&self, date: &Date) -> Option<Date> {
		date.add_months(u32::from(T::Law::get().birth_deadline_months))
	}

	fn check(&self, id: ActId, act: &mut Act<T>) -> DispatchResult {
		let ActDetails::Birth { identity_key, mother, father, court_decision, .. } = &act.details
		else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		Pallet::<T>::ensure_identity_free(identity_key, id)?;
		check_parents::<T>(*mother, *father, &act.event_date)?;
		ensure_presumption::<T>(*mother, *father, court_decision.is_some(), &act.event_date)
	}

	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError> {
		let ActDetails::Birth { identity_key, data_root, sex, mother, father, .. } = act.details
		else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let child = T::Persons::create(Pallet::<T>::new_person(
			identity_key,
			data_root,
			sex,
			(mother, father),
			id,
			act,
		))?;
		act.subjects.try_insert(0, child).map_err(|_| Error::<T>::MalformedSubjects)?;
		Ok(Event::BirthRegistered { act: id, child, office: act.office })
	}

	fn recheck(&self, act: &Act<T>) -> DispatchResult {
		let ActDetails::Birth { mother, father, .. } = &act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		recheck_parents::<T>(*mother, *father, &act.event_date)
	}

	fn correct_details(&self, details: &mut ActDetails, correction: &Correction) -> DispatchResult {
		correct_person_details(details, correction)
	}

	fn carry_over(&self, _id: ActId, previous: &Act<T>, act: &Act<T>) -> DispatchResult {
		carry_over_birth(previous, act)
	}

	fn recheck_amended(&self, _id: ActId, act: &Act<T>) -> Result<u32, DispatchError> {
		let ActDetails::Birth { mother, father, court_decision, .. } = &act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		ensure_presumption::<T>(*mother, *father, court_decision.is_some(), &act.event_date)?;
		Pallet::<T>::check_person(Pallet::<T>::first_subject(act)?)
	}

	fn undo(&self, id: ActId, act: &Act<T>) -> Result<Undone, DispatchError> {
		undo_birth(id, act)
	}
}

/// `parent` was old enough to be a parent of a child born on `date`.
pub(super) fn ensure_parent_age<T: Config>(parent: &PersonRecord, date: &Date) -> DispatchResult {
	ensure!(parent.birth_date < *date, Error::<T>::ParentNotOlder);
	ensure!(
		parent.birth_date.years_until(date) >= T::Law::get().min_parent_age,
		Error::<T>::ParentTooYoung
	);
	Ok(())
}

/// The parents a new birth or enrollment names may be the parents of a child born on `date`:
/// each exists, is not a revoked registration, and passes [`ensure_mother`] or
/// [`ensure_father`].
pub(super) fn check_parents<T: Config>(
	mother: Option<PersonId>,
	father: Option<PersonId>,
	date: &Date,
) -> DispatchResult {
	if let Some(mother) = mother {
		ensure_mother::<T>(&Pallet::<T>::person(mother)?, date)?;
	}
	if let Some(father) = father {
		ensure_father::<T>(&Pallet::<T>::person(father)?, date)?;
	}
	Ok(())
}

/// The recorded parents of a birth or an enrollment may be the parents of a child born on
/// `date`, as the records stand now (revoked registrations included: a re-check of old acts).
pub(super) fn recheck_parents<T: Config>(
	mother: Option<PersonId>,
	father: Option<PersonId>,
	date: &Date,
) -> DispatchResult {
	if let Some(mother) = mother {
		ensure_mother::<T>(&Pallet::<T>::record(mother)?, date)?;
	}
	if let Some(father) = father {
		ensure_father::<T>(&Pallet::<T>::record(father)?, date)?;
	}
	Ok(())
}

/// The father of a child born on `date` to `mother` is her husband's, or her former
/// husband's, unless a court decided otherwise.
pub(super) fn ensure_presumption<T: Config>(
	mother: Option<PersonId>,
	father: Option<PersonId>,
	court_decision: bool,
	date: &Date,
) -> DispatchResult {
	let presumed = match mother {
		Some(mother) => Pallet::<T>::presumed_father(mother, date)?,
		None => None,
	};
	ensure!(
		court_decision || presumed.is_none_or(|husband| father == Some(husband)),
		Error::<T>::FatherPresumed
	);
	Ok(())
}

/// `mother` may be the mother of a child born on `date`.
pub(super) fn ensure_mother<T: Config>(mother: &PersonRecord, date: &Date) -> DispatchResult {
	ensure!(mother.sex == Sex::Female, Error::<T>::MotherNotFemale);
	ensure_parent_age::<T>(mother, date)?;
	ensure!(
		mother.death_date().is_none_or(|died| died >= *date),
		Error::<T>::MotherDeceasedBeforeBirth
	);
	Ok(())
}

/// `father` may be the father of a child born on `date`.
pub(super) fn ensure_father<T: Config>(father: &PersonRecord, date: &Date) -> DispatchResult {
	ensure!(father.sex == Sex::Male, Error::<T>::FatherNotMale);
	ensure_parent_age::<T>(father, date)?;
	if let Some(died) = father.death_date() {
		let grace_days = i64::from(T::Law::get().father_grace_days);
		let grace = died.add_days(grace_days).ok_or(Error::<T>::InvalidDate)?;
		ensure!(grace >= *date, Error::<T>::FatherDeceasedTooEarly);
	}
	Ok(())
}

/// The fields of a birth or an enrollment a correction may change besides the date and place:
/// sex and data root.
pub(super) fn correct_person_details(
	details: &mut ActDetails,
	correction: &Correction,
) -> DispatchResult {
	if let ActDetails::Birth { sex, data_root, mother, father, .. }
	| ActDetails::Enrollment { sex, data_root, mother, father, .. } = details
	{
		if let Some(new) = correction.sex {
			*sex = new;
		}
		if let Some(new) = correction.data_root {
			*data_root = new;
		}
		if let Some((new_mother, new_father)) = correction.parents {
			(*mother, *father) = (new_mother, new_father);
		}
	}
	Ok(())
}

/// A corrected birth or enrollment: the person's date and place of birth and sex follow; the
/// data root too, unless a later change of name replaced it.
pub(super) fn carry_over_birth<T: Config>(previous: &Act<T>, act: &Act<T>) -> DispatchResult {
	let (
		ActDetails::Birth { data_root: old_root, .. }
		| ActDetails::Enrollment { data_root: old_root, .. },
		ActDetails::Birth { data_root, sex, .. } | ActDetails::Enrollment { data_root, sex, .. },
	) = (&previous.details, &act.details)
	else {
		return Err(Error::<T>::MalformedSubjects.into());
	};
	let person: PersonId = Pallet::<T>::first_subject(act)?;
	T::Persons::correct_birth(person, act.event_date, act.jurisdiction, *sex)?;
	let record = Pallet::<T>::record(person)?;
	if record.data_root == *old_root {
		T::Persons::change_data(person, *data_root)?;
	}
	let (old_parents, new_parents) = (previous.details.parents(), act.details.parents());
	if new_parents != old_parents {
		// The link the act recorded is the person's still: no paternity or adoption since.
		ensure!(
			(record.mother, record.father) == old_parents
				&& !AdoptionInEffect::<T>::contains_key(person),
			Error::<T>::RevocationConflict
		);
		T::Persons::move_parent_links(person, new_parents.0, new_parents.1)?;
	}
	Ok(())
}

/// A revoked birth or enrollment: the person's registration is revoked (its identity key
/// freed); their other acts in effect rest on it.
pub(super) fn undo_birth<T: Config>(id: ActId, act: &Act<T>) -> Result<Undone, DispatchError> {
	let person = Pallet::<T>::first_subject(act)?;
	let identity_key = act.details.identity_key().ok_or(Error::<T>::MalformedSubjects)?;
	T::Persons::revoke(person, identity_key)?;
	Ok(Pallet::<T>::other_acts_in_effect(person, id))
}
