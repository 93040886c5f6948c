//! # Establishment of paternity
//!
//! **Rule.** The child and the father are two different persons, each existing, not a revoked
//! registration and born by the date; the child alive. The child has no recorded father; the
//! father is male and was at least the law's `min_parent_age` at the child's birth. The date
//! is a real date, not after today. No deadline. The child is not adopted: while an adoption
//! is in effect its adoptive parents are its parents in law, and a birth father's paternity is
//! not established ([`Error::ChildAdopted`]; revoke the adoption first; article not verified
//! here).
//!
//! **An adult child** (under the Code's rule on establishing paternity of a person who has come
//! of age, only with that person's consent; article number not verified here). When the child
//! is at least the law's `adult_age` (18) on the date, paternity on the parents' joint
//! application is registered only with the child's written consent, whose hash the call
//! carries (`adult_consent`; [`Error::AdultConsentRequired`]); a consent for a minor is refused
//! ([`Error::ChildNotAdult`]). A court establishes an adult's paternity only with that consent
//! too, so its decision stands for it. The consent's hash is bound into the registration (the
//! signed call, in its block); the act's document hash seals the paper file that holds the
//! consent. Checked at registration only: the joint application's date cannot move, and a
//! court's is the court's.
//!
//! **Courts** (the Code's rules on establishing paternity; article numbers not verified here).
//! A registry office establishes paternity on the parents' joint application; a court's
//! decision (`court_decision`, its hash) is needed when the child's father is presumed — the
//! mother was married at the birth, or her marriage had ended at most `father_grace_days`
//! before it ([`Error::FatherPresumed`]; see `birth.rs`) — and to establish the paternity of a
//! deceased man ([`Error::DeceasedFatherNeedsCourt`]), who must have been alive, or dead at
//! most `father_grace_days`, at the child's birth.
//!
//! **Date** (the date table). On the parents' joint application, paternity is established the
//! day the office registers it: dated today ([`Error::NotDatedToday`]), and no correction moves
//! the date ([`Error::DateSetByRegistration`]). By a court, it is dated the day the decision
//! took effect, before the registration, and may be corrected.
//!
//! **Out of order.** A paternity is checked against the child's records as they stand: a
//! father recorded since, or an adoption in effect, refuses it (revoke that first).
//!
//! **Effect.** The father is recorded as the child's. Event [`Event::PaternityRegistered`].
//!
//! **Corrected** (date, place): checked again — both alive on the date, the father male and
//! older. **Revoked**: the child has no recorded father again — refused if the recorded father
//! changed since (e.g. by an adoption).

use super::{ActRules, DateRule, Occasion, Undone};
use crate::*;
use civil_registry_primitives::{ActId, ActKind, PersonRecord, PersonRegistry};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

/// The rules of an establishment of paternity.
pub(crate) struct Paternity;

/// What a call asks for: the act's details, and the adult child's consent.
pub(crate) struct PaternityRequest {
	/// The details to record.
	pub(crate) details: PaternityDetails,
	/// Hash of the child's written consent, for an adult child on the parents' application.
	pub(crate) adult_consent: Option<H256>,
}

/// `father` may be recorded as `child`'s father.
fn ensure_may_be_father<T: Config>(father: &PersonRecord, child: &PersonRecord) -> DispatchResult {
	super::birth::ensure_father::<T>(father, &child.birth_date)
}

impl<T: Config> ActRules<T> for Paternity {
	type Request = PaternityRequest;
	type Details = PaternityDetails;

	fn wrap(details: PaternityDetails) -> ActDetails {
		ActDetails::Paternity(details)
	}

	fn of(details: &ActDetails) -> Option<&PaternityDetails> {
		match details {
			ActDetails::Paternity(d) => Some(d),
			_ => None,
		}
	}

	/// The request the details answer, for the permission and the row of the date table. The
	/// consent is not stored: a paternity, having no deadline, is never pending, so its
	/// registration rule never runs again on a rebuilt request.
	fn request(details: &PaternityDetails) -> PaternityRequest {
		PaternityRequest { details: details.clone(), adult_consent: None }
	}

	fn permission(_: &PaternityRequest) -> ActKind {
		ActKind::Paternity
	}

	fn dates(request: &PaternityRequest) -> DateRule {
		match request.details.court_decision {
			// Established by a court: the day its decision took effect.
			Some(_) => DateRule::Past,
			// On the parents' joint application: the day the office registers it.
			None => DateRule::RegistrationDay,
		}
	}

	fn check(at: &Occasion, request: PaternityRequest) -> Result<PaternityDetails, DispatchError> {
		let PaternityRequest { details: request, adult_consent } = request;
		let PaternityDetails { child, father, court_decision } = request;
		ensure!(child != father, Error::<T>::SamePerson);
		ensure!(!AdoptionInEffect::<T>::contains_key(child), Error::<T>::ChildAdopted);
		let by_court = court_decision.is_some();
		let child = Pallet::<T>::living(child, &at.date)?;
		ensure!(child.father.is_none(), Error::<T>::FatherAlreadyRecorded);
		let father = Pallet::<T>::person(father)?;
		ensure!(father.birth_date <= at.date, Error::<T>::EventBeforeBirth);
		ensure!(by_court || father.is_alive(), Error::<T>::DeceasedFatherNeedsCourt);
		ensure_may_be_father::<T>(&father, &child)?;
		let presumed = match child.mother {
			Some(mother) => Pallet::<T>::presumed_father(mother, &child.birth_date)?,
			None => None,
		};
		ensure!(by_court || presumed.is_none(), Error::<T>::FatherPresumed);
		let adult = child.birth_date.years_until(&at.date) >= T::Law::get().adult_age;
		ensure!(adult || adult_consent.is_none(), Error::<T>::ChildNotAdult);
		ensure!(!adult || by_court || adult_consent.is_some(), Error::<T>::AdultConsentRequired);
		Ok(request)
	}

	fn apply(
		id: ActId,
		act: &Act<T>,
		details: PaternityDetails,
	) -> Result<(PaternityDetails, Event<T>), DispatchError> {
		let PaternityDetails { child, father, .. } = details;
		T::Persons::move_parent_links(child, Pallet::<T>::record(child)?.mother, Some(father))?;
		Ok((details, Event::PaternityRegistered { act: id, child, father, office: act.office }))
	}

	fn recheck(act: &Act<T>, details: &PaternityDetails) -> DispatchResult {
		let by_court = details.court_decision.is_some();
		let child = Pallet::<T>::record(details.child)?;
		let father = Pallet::<T>::record(details.father)?;
		Pallet::<T>::ensure_alive_on(&child, &act.event_date)?;
		ensure!(father.birth_date <= act.event_date, Error::<T>::EventBeforeBirth);
		ensure!(by_court || father.alive_on(&act.event_date), Error::<T>::DeceasedFatherNeedsCourt);
		ensure_may_be_father::<T>(&father, &child)
	}

	fn undo(
		_id: ActId,
		_act: &Act<T>,
		details: &PaternityDetails,
	) -> Result<Undone, DispatchError> {
		let record = Pallet::<T>::record(details.child)?;
		ensure!(record.father == Some(details.father), Error::<T>::RevocationConflict);
		T::Persons::move_parent_links(details.child, record.mother, None)?;
		Ok(Undone::default())
	}
}
