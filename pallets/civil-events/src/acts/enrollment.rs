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
//! **Born abroad.** A person born in another country — a foreigner who marries or dies here, a
//! citizen born abroad before the consulates kept the chain — has no birth act here and no
//! paper record in an archive of ours. Other countries are roots of the jurisdiction tree,
//! beside the home country (created by governance, `pallet-offices`'
//! `create_jurisdiction` without a parent); the act's place is the place of birth there. Any
//! office allowed to enroll in its own jurisdiction enrolls such a person (a district office,
//! where the person lives or died; the office answers for the act from then on: certificates,
//! revocation — [`Pallet::seat`]), from the foreign birth record whose hash is the act's
//! document, dated any day not after today (row `Past`: the go-live bounds what our archive
//! holds, not what another country's does). It waits for the approval of a head of the office
//! or of its regional department ([`Event::EnrollmentAbroadPending`]): one registrar's key does
//! not create a person from a foreign document alone. A consulate bound to a jurisdiction in
//! that country registers its births as births. The person's region of birth is abroad, so a
//! death registered here, anywhere, also waits for a head (`death.rs`, "away from home") unless
//! it is in the region of the person's marriage in effect.
//!
//! **Effect.** A new person: alive, single, born on the act's date in its jurisdiction, with
//! the recorded parents. Event [`Event::PersonEnrolled`].
//!
//! **Date** (row `BeforeGoLive` of the date table): the date of birth, before the go-live date,
//! also after a correction ([`Error::NotBeforeGoLive`]); born abroad, row `Past`.
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

	/// A person born abroad: any date of birth.
	fn abroad(_: &EnrollmentDetails) -> Option<DateRule> {
		Some(DateRule::Past)
	}

	/// A person born abroad waits for a head.
	fn approval(id: ActId, act: &Act<T>, _: &EnrollmentDetails) -> Option<Event<T>> {
		Pallet::<T>::is_abroad(act)
			.then_some(Event::EnrollmentAbroadPending { act: id, office: act.office })
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
