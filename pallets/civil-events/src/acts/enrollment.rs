//! # Enrollment
//!
//! How a person born before the chain existed enters it: from the paper archive, with the hash
//! of the archive record's reference. Without it no existing citizen could marry or die on
//! chain.
//!
//! **Rule.** The identity key is not held by a person in force nor by a pending late birth.
//! The date of birth is a real date, not after today. No deadline.
//!
//! **Effect.** A new person: alive, single, born on the act's date in its jurisdiction, with
//! no recorded parents. Event [`Event::PersonEnrolled`].
//!
//! **Corrected** and **revoked** as a birth (see `birth.rs`).

use super::{birth, ActRules, Undone};
use crate::*;
use civil_registry_primitives::{ActId, PersonRegistry};
use frame_support::pallet_prelude::*;

/// The rules of an enrollment.
pub(crate) struct Enrollment;

impl<T: Config> ActRules<T> for Enrollment {
	fn check(&self, id: ActId, act: &mut Act<T>) -> DispatchResult {
		let ActDetails::Enrollment { identity_key, .. } = &act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		Pallet::<T>::ensure_identity_free(identity_key, id)
	}

	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError> {
		let ActDetails::Enrollment { identity_key, data_root, sex, .. } = act.details else {
			return Err(Error::<T>::MalformedSubjects.into());
		};
		let person =
			T::Persons::insert(Pallet::<T>::new_person(identity_key, data_root, sex, id, act))?;
		act.subjects.try_insert(0, person).map_err(|_| Error::<T>::MalformedSubjects)?;
		Ok(Event::PersonEnrolled { act: id, person, office: act.office })
	}

	fn recheck(&self, _act: &Act<T>) -> DispatchResult {
		Ok(())
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
