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
//! **Date** (row `RegistrationDay` of the date table). A change of name takes effect the day
//! it is registered: dated today ([`Error::NotDatedToday`]), and no correction moves the date
//! ([`Error::DateSetByRegistration`]). It concerns the person as the records stand that day.
//!
//! **Corrected** (the new data root, place): the person's data root follows unless a
//! later change replaced it; checked again. **Revoked**: the previous data root is restored —
//! refused if the data root changed since.

use super::{ActRules, DateRule, Occasion, Undone};
use crate::*;
use civil_registry_primitives::{ActId, ActKind, Date, PersonId, PersonRecord, PersonRegistry};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

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

/// What a call asks for: the person, their new data root, the consent if needed. The root it
/// replaces is the person's at registration.
pub(crate) struct NameChangeRequest {
	/// The person.
	pub(crate) person: PersonId,
	/// The data root after.
	pub(crate) new_root: H256,
	/// Hash of the consent.
	pub(crate) consent: Option<H256>,
}

impl<T: Config> ActRules<T> for NameChange {
	type Request = NameChangeRequest;
	type Details = NameChangeDetails;

	fn wrap(details: NameChangeDetails) -> ActDetails {
		ActDetails::NameChange(details)
	}

	fn of(details: &ActDetails) -> Option<&NameChangeDetails> {
		match details {
			ActDetails::NameChange(d) => Some(d),
			_ => None,
		}
	}

	fn request(details: &NameChangeDetails) -> NameChangeRequest {
		NameChangeRequest {
			person: details.person,
			new_root: details.new_root,
			consent: details.consent,
		}
	}

	fn permission(_: &NameChangeRequest) -> ActKind {
		ActKind::NameChange
	}

	fn dates(_: &NameChangeRequest) -> DateRule {
		DateRule::RegistrationDay
	}

	fn check(
		at: &Occasion,
		request: NameChangeRequest,
	) -> Result<NameChangeDetails, DispatchError> {
		let person = Pallet::<T>::living(request.person, &at.date)?;
		ensure_age_or_consent::<T>(&person, &at.date, request.consent.is_some())?;
		Ok(NameChangeDetails {
			person: request.person,
			previous_root: person.data_root,
			new_root: request.new_root,
			consent: request.consent,
		})
	}

	fn apply(
		id: ActId,
		act: &Act<T>,
		details: NameChangeDetails,
	) -> Result<(NameChangeDetails, Event<T>), DispatchError> {
		let person = details.person;
		T::Persons::change_data(person, details.new_root)?;
		Ok((details, Event::NameChangeRegistered { act: id, person, office: act.office }))
	}

	fn recheck(act: &Act<T>, details: &NameChangeDetails) -> DispatchResult {
		let person = Pallet::<T>::record(details.person)?;
		Pallet::<T>::ensure_alive_on(&person, &act.event_date)?;
		ensure_age_or_consent::<T>(&person, &act.event_date, details.consent.is_some())
	}

	fn correct(details: &mut NameChangeDetails, correction: &Correction) -> DispatchResult {
		ensure!(
			correction.sex.is_none() && correction.parents.is_none(),
			Error::<T>::CorrectionNotApplicable
		);
		if let Some(new) = correction.data_root {
			details.new_root = new;
		}
		Ok(())
	}

	fn carry_over(
		_id: ActId,
		previous: &NameChangeDetails,
		_act: &Act<T>,
		details: &NameChangeDetails,
	) -> DispatchResult {
		if Pallet::<T>::record(details.person)?.data_root == previous.new_root {
			T::Persons::change_data(details.person, details.new_root)?;
		}
		Ok(())
	}

	fn undo(
		_id: ActId,
		_act: &Act<T>,
		details: &NameChangeDetails,
	) -> Result<Undone, DispatchError> {
		let person = details.person;
		ensure!(
			Pallet::<T>::record(person)?.data_root == details.new_root,
			Error::<T>::RevocationConflict
		);
		T::Persons::change_data(person, details.previous_root)?;
		Ok(Undone::default())
	}
}
