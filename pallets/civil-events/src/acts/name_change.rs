//! # Change of name
//!
//! The name itself never reaches the chain: the person's data root (the root over the salted
//! hashes of their fields) changes to the one computed with the new name.
//!
//! **Rule.** The person exists, is not a revoked registration, is alive and born by the date.
//! From `name_change_age` (16) on, on the person's own application; younger, only with the
//! consent of the guardianship authority or of both parents, whose hash the act carries
//! (`consent`; [`Error::TooYoungForNameChange`] without it). The age is from the rules of registry
//! offices (no article of the Code found). The date is a real date, not after today. No
//! deadline.
//!
//! **Effect.** The person's data root becomes the new one; the act keeps the previous one.
//! Event [`Event::NameChangeRegistered`].
//!
//! **Corrected** (the new data root, date, place): the person's data root follows unless a
//! later change replaced it; checked again. **Revoked**: the previous data root is restored —
//! refused if the data root changed since.

use super::{ActRules, Undone};
use crate::*;
use civil_registry_primitives::{ActId, Date, PersonRecord, PersonRegistry};
use frame_support::{ensure, pallet_prelude::*};

/// The rules of a change of name.
pub(crate) struct NameChange;

/// `person` may change their name on `date`: of the law's age, or younger with consent.
fn ensure_age_or_consent<T: Config>(
	person: &PersonRecord,
	date: &Date,
	consent: bool,
) -> DispatchResult {
	ensure!(
		consent || person.birth_date.years_until(date) >= T::Law::get().name_change_age,
		Error::<T>::TooYoungForNameChange
	);
	Ok(())
}

impl<T: Config> ActRules<T> for NameChange {
	fn check(&self, _id: ActId, act: &mut Act<T>) -> DispatchResult {
		let date = act.event_date;
		let person = Pallet::<T>::living(Pallet::<T>::first_subject(act)?, &date)?;
		let ActDetails::NameChange { previous_root, consent, .. } = &mut act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		ensure_age_or_consent::<T>(&person, &date, consent.is_some())?;
		*previous_root = person.data_root;
		Ok(())
	}

	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError> {
		let ActDetails::NameChange { new_root, .. } = act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let person = Pallet::<T>::first_subject(act)?;
		T::Persons::change_data(person, new_root)?;
		Ok(Event::NameChangeRegistered { act: id, person, office: act.office })
	}

	fn recheck(&self, act: &Act<T>) -> DispatchResult {
		let ActDetails::NameChange { consent, .. } = &act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let person = Pallet::<T>::record(Pallet::<T>::first_subject(act)?)?;
		Pallet::<T>::ensure_alive_on(&person, &act.event_date)?;
		ensure_age_or_consent::<T>(&person, &act.event_date, consent.is_some())
	}

	fn correct_details(&self, details: &mut ActDetails, correction: &Correction) -> DispatchResult {
		ensure!(
			correction.sex.is_none() && correction.parents.is_none(),
			Error::<T>::CorrectionNotApplicable
		);
		if let (ActDetails::NameChange { new_root, .. }, Some(new)) =
			(details, correction.data_root)
		{
			*new_root = new;
		}
		Ok(())
	}

	fn carry_over(&self, _id: ActId, previous: &Act<T>, act: &Act<T>) -> DispatchResult {
		let (
			ActDetails::NameChange { new_root: old_root, .. },
			ActDetails::NameChange { new_root, .. },
		) = (&previous.details, &act.details)
		else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let person = Pallet::<T>::first_subject(act)?;
		if Pallet::<T>::record(person)?.data_root == *old_root {
			T::Persons::change_data(person, *new_root)?;
		}
		Ok(())
	}

	fn undo(&self, _id: ActId, act: &Act<T>) -> Result<Undone, DispatchError> {
		let ActDetails::NameChange { previous_root, new_root, .. } = act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let person = Pallet::<T>::first_subject(act)?;
		ensure!(Pallet::<T>::record(person)?.data_root == new_root, Error::<T>::RevocationConflict);
		T::Persons::change_data(person, previous_root)?;
		Ok(Undone::default())
	}
}
