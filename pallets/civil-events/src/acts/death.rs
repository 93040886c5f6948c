//! # Death
//!
//! **Rule.** The person exists, is not a revoked registration, and is alive; the date of death
//! is a real date, not before the birth and not after today. Once stored, the death is checked
//! against every other act of the person's life: none may be dated after the death (a
//! wedding, a change of name; a child born more than `father_grace_days` later).
//!
//! **Where.** The law (the Cabinet of Ministers' Rules of civil registration, chapter on the
//! registration of death): at the registry office of the deceased's place of residence or of
//! the place of death (a death declared by a court: where the court sits). The act's
//! jurisdiction is the place of death, and only an office serving it registers the death
//! (`OutsideJurisdiction` otherwise). The chain holds no residence; what it knows of where a
//! person lives is the region of their birth and of their marriage in effect. A death whose
//! place lies in neither region is lawful (people die away from home) but is what a stolen
//! registrar key would register to end a stranger's life: it waits, like a late registration,
//! for the approval of a head — of the office or of its regional department, never the
//! registering officer nor a head that appointed it ([`Event::DeathAwayPending`]).
//!
//! **Deadline.** Registered more than `death_deadline_days` (three) days after the death, the
//! act waits as a late registration for the approval of the office's head (or of the head of
//! the regional department above it).
//!
//! **Date** (row `Past` of the date table): the date of death; a correction may move it.
//!
//! **Effect.** The person is deceased. An active marriage ends (Family Code, art. 37: a marriage
//! ends by a spouse's death): the person died married, the spouse is widowed, and the marriage
//! act records this death as its end. Event [`Event::DeathRegistered`], naming the widowed
//! spouse.
//!
//! **Out of order.** Statuses follow the dates of death, not the order of registration. If the
//! person's last marriage was already ended by the death of the spouse on a later date (the
//! second death registered first), this death ended it: the person died married, the spouse
//! was widowed (the event names them), and the marriage act records this death. On the same
//! day, both died married, neither widowed by the other (`marital_from_history`). A death
//! dated before the divorce that ended the person's last marriage is refused
//! ([`Error::DeathBeforeDivorce`]): a dissolved marriage cannot have ended by death before; the
//! divorce must be revoked or corrected first.
//!
//! **Corrected** (the date): the person's date of death follows, and every act of the person
//! is checked again. **Revoked**: the person is alive again, and a marriage the death ended is
//! in effect again — refused if the survivor has married since.

use super::{ActRules, DateRule, Occasion, Undone};
use crate::*;
use civil_registry_primitives::{
	ActId, ActKind, Date, LifeStatus, MaritalStatus, PersonId, PersonRegistry,
};
use frame_support::{ensure, pallet_prelude::*};

/// The rules of a death.
pub(crate) struct Death;

/// The act that ended `person`'s last marriage (by date), if it has ended.
fn last_end<T: Config>(person: PersonId) -> Option<(ActId, Act<T>)> {
	let (_, latest) = Pallet::<T>::latest_marriage(person);
	let end = latest?.2.ended_by?;
	Acts::<T>::get(end).map(|act| (end, act))
}

/// Death `id` of `person` on `date`, whose last marriage a spouse's death registered earlier
/// ended: if the spouse died later, this death ended the marriage (she died married, he was
/// widowed, as if the deaths had been registered in the order they happened); on the same
/// day, both died married. Returns the spouse widowed by this death.
fn settle_earlier_death<T: Config>(
	id: ActId,
	act: &Act<T>,
	person: PersonId,
	date: &Date,
) -> Result<Option<PersonId>, DispatchError> {
	let (_, latest) = Pallet::<T>::latest_marriage(person);
	let Some((marriage, _, details)) = latest else { return Ok(None) };
	let Some(ended_by) = details.ended_by else { return Ok(None) };
	let Some(end) = Acts::<T>::get(ended_by) else { return Ok(None) };
	if end.kind() != ActKind::Death || end.event_date < *date {
		return Ok(None);
	}
	let later = end.event_date > *date;
	if later {
		Pallet::<T>::settle_marriage_end(marriage, &details, id, act)?;
	} else {
		Pallet::<T>::settle_marriage_end(marriage, &details, ended_by, &end)?;
	}
	Ok(if later { details.spouses.other(person) } else { None })
}

impl<T: Config> ActRules<T> for Death {
	type Request = DeathDetails;
	type Details = DeathDetails;

	fn wrap(details: DeathDetails) -> ActDetails {
		ActDetails::Death(details)
	}

	fn of(details: &ActDetails) -> Option<&DeathDetails> {
		match details {
			ActDetails::Death(d) => Some(d),
			_ => None,
		}
	}

	fn request(details: &DeathDetails) -> DeathDetails {
		details.clone()
	}

	fn permission(_: &DeathDetails) -> ActKind {
		ActKind::Death
	}

	fn dates(_: &DeathDetails) -> DateRule {
		// The date of death, in the past; a late registration waits for a head's approval.
		DateRule::Past
	}

	fn deadline(date: &Date) -> Option<Date> {
		date.add_days(i64::from(T::Law::get().death_deadline_days))
	}

	fn approval(id: ActId, act: &Act<T>, details: &DeathDetails) -> Option<Event<T>> {
		let record = Pallet::<T>::record(details.person).ok()?;
		let place = Pallet::<T>::region_of(act.jurisdiction);
		let mut home = alloc::vec![record.birth_jurisdiction];
		if let MaritalStatus::Married { act: marriage, .. } = record.marital {
			home.extend(Acts::<T>::get(marriage).map(|m| m.jurisdiction));
		}
		let at_home = home.into_iter().any(|j| Pallet::<T>::region_of(j) == place);
		(!at_home).then_some(Event::DeathAwayPending { act: id, office: act.office })
	}

	fn check(at: &Occasion, request: DeathDetails) -> Result<DeathDetails, DispatchError> {
		let person = Pallet::<T>::person(request.person)?;
		ensure!(person.is_alive(), Error::<T>::AlreadyDeceased);
		ensure!(person.birth_date <= at.date, Error::<T>::DeathBeforeBirth);
		match person.marital {
			MaritalStatus::Married { spouse, act: marriage } => {
				// The survivor becomes widowed: their registration must be in force.
				Pallet::<T>::person(spouse)?;
				if let Some(ActDetails::Marriage(m)) = Acts::<T>::get(marriage).map(|a| a.details) {
					Pallet::<T>::ensure_no_step_adoption_after(&m, &at.date)?;
				}
			},
			MaritalStatus::Divorced | MaritalStatus::Widowed => {
				// Registered after the end of the last marriage: that end must come first.
				if let Some((_, end)) = last_end::<T>(request.person) {
					ensure!(
						end.kind() == ActKind::Death || end.event_date <= at.date,
						Error::<T>::DeathBeforeDivorce
					);
					// This death ends the marriage earlier than the death recorded.
					if end.event_date > at.date {
						if let (_, Some((_, _, m))) = Pallet::<T>::latest_marriage(request.person) {
							Pallet::<T>::ensure_no_step_adoption_after(&m, &at.date)?;
						}
					}
				}
			},
			MaritalStatus::Single | MaritalStatus::DiedMarried { .. } => {},
		}
		Ok(request)
	}

	fn apply(
		id: ActId,
		act: &Act<T>,
		details: DeathDetails,
	) -> Result<(DeathDetails, Event<T>), DispatchError> {
		let person = details.person;
		let ended = T::Persons::record_death(person, act.event_date, id)?;
		let widowed = match ended {
			Some((spouse, marriage)) => {
				Pallet::<T>::set_ended_by(marriage, Some(id));
				Some(spouse)
			},
			None => settle_earlier_death::<T>(id, act, person, &act.event_date)?,
		};
		Ok((details, Event::DeathRegistered { act: id, person, office: act.office, widowed }))
	}

	fn check_stored(_act: &Act<T>, details: &DeathDetails) -> DispatchResult {
		Pallet::<T>::check_person(details.person).map(|_| ())
	}

	fn recheck(act: &Act<T>, details: &DeathDetails) -> DispatchResult {
		let person = Pallet::<T>::record(details.person)?;
		ensure!(person.birth_date <= act.event_date, Error::<T>::DeathBeforeBirth);
		Ok(())
	}

	fn carry_over(
		_id: ActId,
		_previous: &DeathDetails,
		act: &Act<T>,
		details: &DeathDetails,
	) -> DispatchResult {
		T::Persons::correct_death_date(details.person, act.event_date)
	}

	fn recheck_amended(
		_id: ActId,
		_act: &Act<T>,
		details: &DeathDetails,
	) -> Result<u32, DispatchError> {
		Pallet::<T>::check_person(details.person)
	}

	fn undo(_id: ActId, _act: &Act<T>, details: &DeathDetails) -> Result<Undone, DispatchError> {
		let person = details.person;
		let mut undone = Undone::default();
		if let MaritalStatus::DiedMarried { spouse, act: marriage } =
			Pallet::<T>::record(person)?.marital
		{
			// The death never happened: the marriage never ended, if the spouse has not moved
			// on since.
			let survivor = Pallet::<T>::record(spouse)?;
			let (read, latest) = Pallet::<T>::latest_marriage(spouse);
			undone.read = read;
			ensure!(
				survivor.status == LifeStatus::Alive
					&& survivor.marital == MaritalStatus::Widowed
					&& latest.map(|(m, ..)| m) == Some(marriage),
				Error::<T>::RevocationConflict
			);
			Pallet::<T>::set_ended_by(marriage, None);
		}
		T::Persons::revoke_death(person)?;
		Ok(undone)
	}
}
