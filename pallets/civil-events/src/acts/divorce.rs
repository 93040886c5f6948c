//! # Divorce
//!
//! **Rule.** The act it ends exists, is a marriage, is in effect and has not ended; both
//! spouses are married to each other by it and their registrations are in force; the divorce
//! is not dated before the marriage. The date is a real date, not after today. No deadline.
//! The divorce concerns the marriage's two spouses, taken from the marriage act.
//!
//! **Grounds** ([`DivorceGrounds`]; Family Code, art. 42 and 43, as the Supreme Court's Plenum
//! resolution No. 06 of 20 July 2011, items 2–5, restates them). A registry office registers a
//! divorce by the spouses' mutual consent (art. 42) only when they have no common minor
//! child — a living person under `adult_age` on the date whose recorded mother and father are
//! the two spouses (by birth, enrollment, paternity or adoption); otherwise
//! [`Error::CommonMinorChildren`]. On one spouse's application it registers the divorce,
//! children or not, when the other spouse was declared missing or incapable by a court or
//! sentenced to imprisonment (art. 43: for more than three years — the term is the sentence's,
//! not checked here), by the hash of that decision. (Not modelled: art. 42's exception for a
//! dispute over property or maintenance, which sends the couple to court.) Any other divorce is registered on
//! a court's decision dissolving the marriage (`CourtDecision`, with its hash). The act's own
//! document hash is the divorce record the office drew up.
//!
//! **Date** (the date table, `acts/mod.rs`). A registry office's divorce (every ground but a
//! court's decision) takes effect the day the office registers it: dated today
//! ([`Error::NotDatedToday`]), and no correction moves the date
//! ([`Error::DateSetByRegistration`]) — so the "no common minor child" rule is checked on the
//! day it takes effect. A court's divorce is dated the day its decision took effect, before the
//! registration (the Code's article on the moment a marriage ends — not verified here).
//!
//! **Out of order.** A marriage ends by a spouse's death (art. 37) or by a divorce, whichever
//! came first by its date. A court's divorce dated before (or on the day of) a spouse's death
//! that was registered first ends the marriage instead of the death: both are divorced (a
//! survivor married since stays married), as if the divorce had been registered first. A
//! registry office's divorce is dated the day it is registered, after any death already
//! registered: refused ([`Error::MarriageNotActive`]).
//!
//! **Effect.** Both spouses are divorced; the marriage act records this divorce as its end.
//! Event [`Event::DivorceRegistered`].
//!
//! **Corrected** (date, place): checked again — not before the marriage, both spouses alive
//! on the date, the grounds on the corrected date — and the marriage with it (its end moved,
//! it must still not overlap another marriage of either spouse). **Revoked**: the marriage is
//! in effect again, unless a spouse has died, remarried or divorced since (refused).

use super::{ActRules, DateRule, Marriage, Occasion, Undone};
use crate::*;
use civil_registry_primitives::{ActId, ActKind, MaritalStatus, PersonId, PersonRegistry};
use frame_support::{ensure, pallet_prelude::*};

/// The rules of a divorce.
pub(crate) struct Divorce;

/// What a call asks for: the marriage to end, and on what grounds. The spouses are the
/// marriage's.
pub(crate) struct DivorceRequest {
	/// The marriage it ends.
	pub(crate) marriage: ActId,
	/// On what grounds.
	pub(crate) grounds: DivorceGrounds,
}

/// A divorce by mutual consent leaves no common minor child.
fn ensure_grounds<T: Config>(act: &Act<T>, details: &DivorceDetails) -> DispatchResult {
	if details.grounds.needs_no_minor_children() {
		let Spouses { first, second } = details.spouses;
		ensure!(
			!Pallet::<T>::have_common_minor_child(first, second, &act.event_date),
			Error::<T>::CommonMinorChildren
		);
	}
	Ok(())
}

/// The marriage a divorce ends, with its details.
fn marriage_of<T: Config>(marriage: ActId) -> Result<(Act<T>, MarriageDetails), DispatchError> {
	let act = Acts::<T>::get(marriage).ok_or(Error::<T>::UnknownAct)?;
	let details = <Marriage as ActRules<T>>::of(&act.details).cloned();
	Ok((act, details.ok_or(Error::<T>::NotAMarriage)?))
}

impl<T: Config> ActRules<T> for Divorce {
	type Request = DivorceRequest;
	type Details = DivorceDetails;

	fn wrap(details: DivorceDetails) -> ActDetails {
		ActDetails::Divorce(details)
	}

	fn of(details: &ActDetails) -> Option<&DivorceDetails> {
		match details {
			ActDetails::Divorce(d) => Some(d),
			_ => None,
		}
	}

	fn request(details: &DivorceDetails) -> DivorceRequest {
		DivorceRequest { marriage: details.marriage, grounds: details.grounds }
	}

	fn permission(_: &DivorceRequest) -> ActKind {
		ActKind::Divorce
	}

	fn dates(request: &DivorceRequest) -> DateRule {
		match request.grounds {
			// Dissolved by a court: the marriage ends on the day the decision takes effect.
			DivorceGrounds::CourtDecision(_) => DateRule::Past,
			// Dissolved by the registry office: on the day it registers the divorce.
			DivorceGrounds::MutualConsent
			| DivorceGrounds::SpouseMissing(_)
			| DivorceGrounds::SpouseIncapable(_)
			| DivorceGrounds::SpouseSentenced(_) => DateRule::RegistrationDay,
		}
	}

	fn check(at: &Occasion, request: DivorceRequest) -> Result<DivorceDetails, DispatchError> {
		let id = request.marriage;
		let (marriage, m) = marriage_of::<T>(id)?;
		ensure!(marriage.status == ActStatus::Registered, Error::<T>::MarriageNotActive);
		ensure!(marriage.event_date <= at.date, Error::<T>::DateBeforeMarriage);
		let Spouses { first: a, second: b } = m.spouses;
		let (pa, pb) = (Pallet::<T>::person(a)?, Pallet::<T>::person(b)?);
		match m.ended_by.and_then(Acts::<T>::get) {
			None => ensure!(
				m.ended_by.is_none()
					&& pa.marital == MaritalStatus::Married { spouse: b, act: id }
					&& pb.marital == MaritalStatus::Married { spouse: a, act: id },
				Error::<T>::MarriageNotActive
			),
			// A court dissolved the marriage before (or on the day) a spouse died, and the
			// death was registered first: the divorce ended it. A registry office's divorce,
			// dated the day it is registered, comes after any death already registered.
			Some(end) => ensure!(
				matches!(request.grounds, DivorceGrounds::CourtDecision(_))
					&& end.kind() == ActKind::Death
					&& end.event_date >= at.date,
				Error::<T>::MarriageNotActive
			),
		}
		Pallet::<T>::ensure_no_step_adoption_after(&m, &at.date)?;
		let details = DivorceDetails { marriage: id, spouses: m.spouses, grounds: request.grounds };
		if details.grounds.needs_no_minor_children() {
			ensure!(
				!Pallet::<T>::have_common_minor_child(a, b, &at.date),
				Error::<T>::CommonMinorChildren
			);
		}
		Ok(details)
	}

	fn apply(
		id: ActId,
		act: &Act<T>,
		details: DivorceDetails,
	) -> Result<(DivorceDetails, Event<T>), DispatchError> {
		let Spouses { first, second } = details.spouses;
		let marriage = details.marriage;
		let (_, m) = marriage_of::<T>(marriage)?;
		if m.ended_by.is_some() {
			// Ended by a later death registered first: settled again as ended by this divorce.
			Pallet::<T>::settle_marriage_end(marriage, &m, id, act)?;
		} else {
			T::Persons::divorce(first, second, marriage)?;
			Pallet::<T>::set_ended_by(marriage, Some(id));
		}
		Ok((details, Event::DivorceRegistered { act: id, marriage, office: act.office }))
	}

	/// A spouse may take back the premarital surname.
	fn takes_surname(details: &DivorceDetails, person: PersonId) -> bool {
		details.spouses.both().contains(&person)
	}

	fn recheck(act: &Act<T>, details: &DivorceDetails) -> DispatchResult {
		let (marriage, _) = marriage_of::<T>(details.marriage)?;
		ensure!(marriage.event_date <= act.event_date, Error::<T>::DateBeforeMarriage);
		for spouse in details.spouses.both() {
			Pallet::<T>::ensure_alive_on(&Pallet::<T>::record(spouse)?, &act.event_date)?;
		}
		Ok(())
	}

	fn recheck_amended(
		_id: ActId,
		act: &Act<T>,
		details: &DivorceDetails,
	) -> Result<u32, DispatchError> {
		Pallet::<T>::check_act(act)?;
		ensure_grounds::<T>(act, details)?;
		let (marriage, m) = marriage_of::<T>(details.marriage)?;
		Pallet::<T>::check_act(&marriage)?;
		let read = Pallet::<T>::check_marriage_overlap(details.marriage, &marriage, &m)?;
		Ok(read.saturating_add(2))
	}

	fn undo(_id: ActId, _act: &Act<T>, details: &DivorceDetails) -> Result<Undone, DispatchError> {
		let id = details.marriage;
		let (marriage, m) = marriage_of::<T>(id)?;
		let mut undone = Undone::default();
		if marriage.status == ActStatus::Registered {
			// The marriage is in effect again, unless a spouse has moved on.
			for spouse in m.spouses.both() {
				let p = Pallet::<T>::record(spouse)?;
				let (read, latest) = Pallet::<T>::latest_marriage(spouse);
				undone.read = undone.read.saturating_add(read);
				ensure!(
					p.is_alive()
						&& p.marital == MaritalStatus::Divorced
						&& latest.map(|(l, ..)| l) == Some(id),
					Error::<T>::RevocationConflict
				);
			}
			T::Persons::resume_marriage(m.spouses.first, m.spouses.second, id)?;
			Pallet::<T>::set_ended_by(id, None);
		}
		Ok(undone)
	}
}
