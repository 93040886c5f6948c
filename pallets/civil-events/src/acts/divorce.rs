//! # Divorce
//!
//! **Rule.** The act it ends exists, is a marriage, is in effect and has not ended; both
//! spouses are married to each other by it and their registrations are in force; the divorce
//! is not dated before the marriage. The date is a real date, not after today. No deadline.
//! The divorce concerns the marriage's two spouses, taken from the marriage act.
//!
//! **Grounds** ([`DivorceGrounds`]; the Code's articles on dissolving a marriage in a registry
//! office and in court — the article numbers are not verified here). A registry office
//! registers a divorce by the spouses' mutual consent only when they have no common minor
//! child — a living person under `adult_age` on the date whose recorded mother and father are
//! the two spouses (by birth, enrollment, paternity or adoption); otherwise
//! [`Error::CommonMinorChildren`]. On one spouse's application it registers the divorce,
//! children or not, when the other spouse was declared missing or incapable by a court or
//! sentenced to imprisonment, by the hash of that decision. Any other divorce is registered on
//! a court's decision dissolving the marriage (`CourtDecision`, with its hash). The act's own
//! document hash is the divorce record the office drew up.
//!
//! **Effect.** Both spouses are divorced; the marriage act records this divorce as its end.
//! Event [`Event::DivorceRegistered`].
//!
//! **Corrected** (date, place): checked again — not before the marriage, both spouses alive
//! on the date, the grounds on the corrected date — and the marriage with it (its end moved,
//! it must still not overlap another marriage of either spouse). **Revoked**: the marriage is
//! in effect again, unless a spouse has died, remarried or divorced since (refused).

use super::{ActRules, Spouses, Undone};
use crate::*;
use civil_registry_primitives::{ActId, MaritalStatus, PersonRegistry};
use frame_support::{ensure, pallet_prelude::*};

/// The rules of a divorce.
pub(crate) struct Divorce;

/// A divorce by mutual consent leaves no common minor child.
fn ensure_grounds<T: Config>(act: &Act<T>) -> DispatchResult {
	let ActDetails::Divorce { grounds, .. } = act.details else {
		return Err(Error::<T>::MalformedSubjects.into());
	};
	if grounds.needs_no_minor_children() {
		let Spouses { first, second } = Spouses::of(act)?;
		ensure!(
			!Pallet::<T>::have_common_minor_child(first, second, &act.event_date),
			Error::<T>::CommonMinorChildren
		);
	}
	Ok(())
}

/// The marriage a divorce ends.
fn marriage_of<T: Config>(act: &Act<T>) -> Result<(ActId, Act<T>), DispatchError> {
	let ActDetails::Divorce { marriage, .. } = act.details else {
		return Err(Error::<T>::MalformedSubjects.into());
	};
	Ok((marriage, Acts::<T>::get(marriage).ok_or(Error::<T>::UnknownAct)?))
}

impl<T: Config> ActRules<T> for Divorce {
	fn check(&self, _id: ActId, act: &mut Act<T>) -> DispatchResult {
		let (id, marriage) = marriage_of(act)?;
		let ActDetails::Marriage { ended_by, .. } = marriage.details else {
			return Err(Error::<T>::NotAMarriage.into());
		};
		ensure!(
			marriage.status == ActStatus::Registered && ended_by.is_none(),
			Error::<T>::MarriageNotActive
		);
		ensure!(marriage.event_date <= act.event_date, Error::<T>::DateBeforeMarriage);
		let Spouses { first: a, second: b } = Spouses::of(&marriage)?;
		let (pa, pb) = (Pallet::<T>::person(a)?, Pallet::<T>::person(b)?);
		ensure!(
			pa.marital == MaritalStatus::Married { spouse: b, act: id }
				&& pb.marital == MaritalStatus::Married { spouse: a, act: id },
			Error::<T>::MarriageNotActive
		);
		act.subjects = marriage.subjects;
		ensure_grounds::<T>(act)
	}

	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError> {
		let (marriage, m) = marriage_of(act)?;
		let Spouses { first, second } = Spouses::of(&m)?;
		T::Persons::divorce(first, second, marriage)?;
		Pallet::<T>::set_ended_by(marriage, Some(id));
		Ok(Event::DivorceRegistered { act: id, marriage, office: act.office })
	}

	fn recheck(&self, act: &Act<T>) -> DispatchResult {
		let (_, marriage) = marriage_of(act)?;
		ensure!(marriage.event_date <= act.event_date, Error::<T>::DateBeforeMarriage);
		for spouse in Spouses::of(act)?.both() {
			Pallet::<T>::ensure_alive_on(&Pallet::<T>::record(spouse)?, &act.event_date)?;
		}
		Ok(())
	}

	fn recheck_amended(&self, _id: ActId, act: &Act<T>) -> Result<u32, DispatchError> {
		Pallet::<T>::check_act(act)?;
		ensure_grounds::<T>(act)?;
		let (id, marriage) = marriage_of(act)?;
		Pallet::<T>::check_act(&marriage)?;
		Ok(Pallet::<T>::check_marriage_overlap(id, &marriage)?.saturating_add(2))
	}

	fn undo(&self, _id: ActId, act: &Act<T>) -> Result<Undone, DispatchError> {
		let (id, marriage) = marriage_of(act)?;
		let mut undone = Undone::default();
		if marriage.status == ActStatus::Registered {
			// The marriage is in effect again, unless a spouse has moved on.
			let spouses = Spouses::of(&marriage)?;
			for spouse in spouses.both() {
				let p = Pallet::<T>::record(spouse)?;
				let (read, latest) = Pallet::<T>::latest_marriage(spouse);
				undone.read = undone.read.saturating_add(read);
				ensure!(
					p.is_alive()
						&& p.marital == MaritalStatus::Divorced
						&& latest.map(|(l, _)| l) == Some(id),
					Error::<T>::RevocationConflict
				);
			}
			T::Persons::resume_marriage(spouses.first, spouses.second, id)?;
			Pallet::<T>::set_ended_by(id, None);
		}
		Ok(undone)
	}
}
