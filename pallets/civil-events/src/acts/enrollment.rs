//! # Enrollment
//!
//! How a person whose birth was registered on paper before the chain's go-live date enters
//! it: from the archive, with the hash of the archive record's reference. Without it no
//! existing citizen could marry or die on chain. (No article: the go-live is this registry's.)
//!
//! **Rule.** The date of birth is before the chain's go-live date ([`GoLive`], set in genesis):
//! anyone born since is registered by a birth act, late ones with a head's approval, so that
//! the enrollment cannot bypass the deadline. The identity key is not held by a person in force
//! nor by a pending late birth. The parents, when the paper record names them and they are on
//! chain (enrolled or born), are recorded as a birth's are — mother female, father male, each
//! at least `min_parent_age` at the birth, the mother alive on the day, the father dead at most
//! `father_grace_days` before it — so that the kinship check of marriages sees siblings
//! enrolled from the archive. The husband's presumed paternity is not applied: the paper
//! record, drawn up under the law of its day, states the parents. No deadline, no approval:
//! the archive office's enrollments are many and checked against the paper, and a wrong one is
//! revoked by the regional level like any act.
//!
//! **Effect.** A new person: alive, single, born on the act's date in its jurisdiction, with
//! the recorded parents. Event [`Event::PersonEnrolled`].
//!
//! **Date** (row `BeforeGoLive` of the date table): the date of birth, before the go-live date,
//! also after a correction ([`Error::NotBeforeGoLive`]).
//!
//! **Corrected** and **revoked** as a birth (see `birth.rs`).

use super::{birth, ActRules, DateRule, Occasion, Undone};
use crate::*;
use civil_registry_primitives::{ActId, ActKind, PersonRegistry};
use frame_support::pallet_prelude::*;

/// The rules of an enrollment.
pub(crate) struct Enrollment;

impl<T: Config> ActRules<T> for Enrollment {
	/// The details, the person not yet created (`None`).
	type Request = EnrollmentDetails;
	type Details = EnrollmentDetails;

	fn wrap(details: EnrollmentDetails) -> ActDetails {
		ActDetails::Enrollment(details)
	}

	fn of(details: &ActDetails) -> Option<&EnrollmentDetails> {
		match details {
			ActDetails::Enrollment(d) => Some(d),
			_ => None,
		}
	}

	fn request(details: &EnrollmentDetails) -> EnrollmentDetails {
		details.clone()
	}

	fn permission(_: &EnrollmentDetails) -> ActKind {
		ActKind::Enrollment
	}

	fn dates(_: &EnrollmentDetails) -> DateRule {
		DateRule::BeforeGoLive
	}

	fn check(
		at: &Occasion,
		request: EnrollmentDetails,
	) -> Result<EnrollmentDetails, DispatchError> {
		Pallet::<T>::ensure_identity_free(&request.identity_key, at.id)?;
		birth::check_parents::<T>(&request.parents, &at.date)?;
		Ok(request)
	}

	fn apply(
		id: ActId,
		act: &Act<T>,
		mut details: EnrollmentDetails,
	) -> Result<(EnrollmentDetails, Event<T>), DispatchError> {
		let person = T::Persons::create(Pallet::<T>::new_person(
			&Occasion::from((id, act)),
			details.identity_key,
			details.data_root,
			details.sex,
			details.parents,
		))?;
		details.person = Some(person);
		Ok((details, Event::PersonEnrolled { act: id, person, office: act.office }))
	}

	fn recheck(act: &Act<T>, details: &EnrollmentDetails) -> DispatchResult {
		birth::recheck_parents::<T>(&details.parents, &act.event_date)
	}

	fn correct(details: &mut EnrollmentDetails, correction: &Correction) -> DispatchResult {
		birth::correct_person(
			&mut details.sex,
			&mut details.data_root,
			&mut details.parents,
			correction,
		);
		Ok(())
	}

	fn carry_over(
		_id: ActId,
		previous: &EnrollmentDetails,
		act: &Act<T>,
		details: &EnrollmentDetails,
	) -> DispatchResult {
		birth::carry_over_birth::<T>(
			details.person,
			(previous.data_root, previous.parents),
			act,
			(details.data_root, details.sex, details.parents),
		)
	}

	fn recheck_amended(
		_id: ActId,
		_act: &Act<T>,
		details: &EnrollmentDetails,
	) -> Result<u32, DispatchError> {
		Pallet::<T>::check_person(birth::created::<T>(details.person)?)
	}

	fn undo(
		id: ActId,
		_act: &Act<T>,
		details: &EnrollmentDetails,
	) -> Result<Undone, DispatchError> {
		birth::undo_birth::<T>(id, birth::created::<T>(details.person)?, &details.identity_key)
	}
}
