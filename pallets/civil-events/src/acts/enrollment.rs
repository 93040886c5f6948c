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
//! **Corrected** and **revoked** as a birth (see `birth.rs`).

use super::{birth, ActRules, Undone};
use crate::*;
use civil_registry_primitives::{ActId, Date, PersonRegistry};
use frame_support::pallet_prelude::*;

/// The rules of an enrollment.
pub(crate) struct Enrollment;

impl<T: Config> ActRules<T> for Enrollment {
	fn check_date(&self, _details: &ActDetails, date: &Date, _today: &Date) -> DispatchResult {
		Pallet::<T>::ensure_before_go_live(date)
	}

	fn check(&self, id: ActId, act: &mut Act<T>) -> DispatchResult {
		let ActDetails::Enrollment { identity_key, mother, father, .. } = &act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		Pallet::<T>::ensure_identity_free(identity_key, id)?;
		birth::check_parents::<T>(*mother, *father, &act.event_date)
	}

	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError> {
		let ActDetails::Enrollment { identity_key, data_root, sex, mother, father, .. } =
			act.details
		else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let person = T::Persons::create(Pallet::<T>::new_person(
			identity_key,
			data_root,
			sex,
			(mother, father),
			id,
			act,
		))?;
		act.subjects.try_insert(0, person).map_err(|_| Error::<T>::MalformedSubjects)?;
		Ok(Event::PersonEnrolled { act: id, person, office: act.office })
	}

	fn recheck(&self, act: &Act<T>) -> DispatchResult {
		let (mother, father) = act.details.parents();
		birth::recheck_parents::<T>(mother, father, &act.event_date)
	}

	fn correct_details(&self, details: &mut ActDetails, correction: &Correction) -> DispatchResult {
		birth::correct_person_details(details, correction)
	}

	fn carry_over(&self, _id: ActId, previous: &Act<T>, act: &Act<T>) -> DispatchResult {
		birth::carry_over_birth(previous, act)
	}

	fn recheck_amended(&self, _id: ActId, act: &Act<T>) -> Result<u32, DispatchError> {
		Pallet::<T>::check_person(Pallet::<T>::first_subject(act)?)
	}

	fn undo(&self, id: ActId, act: &Act<T>) -> Result<Undone, DispatchError> {
		birth::undo_birth(id, act)
	}
}
