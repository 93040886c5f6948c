//! Citizens' applications, tracked without login. An office records an application it
//! received — for a marriage, a birth registration, a certificate issued again, a change of
//! name — with the hash of a tracking code it gives the citizen, who follows the status on the
//! portal by the code: received, accepted, waiting, registered, refused with a reason. Nothing
//! personal is on the record but a marriage's two applicants (the law's waiting period is
//! theirs); the public side answers the status alone.
//!
//! **The marriage's waiting period** (Family Code, art. 13): a marriage registers a month after
//! the application at the earliest (`FamilyLaw::marriage_waiting_months`), so
//! `register_marriage` names its application and is refused before its `earliest` day
//! ([`Error::WaitingPeriodNotOver`]). A head of the office (or of the regional department
//! above it) may shorten the wait for a reason the law names ([`ShorteningReason`]), down to
//! the day of the application.

use crate::*;
use civil_registry_primitives::{
	ActId, CompromisedKeys, Date, OfficerPermissions, PersonId, PublicApplicationStatus,
};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// [`Pallet::receive_application`].
	pub(crate) fn do_receive_application(
		who: T::AccountId,
		kind: ApplicationKind,
		tracking: H256,
		applicants: BoundedVec<PersonId, ConstU32<2>>,
	) -> DispatchResult {
		let auth = T::Permissions::officer(&who).ok_or(Error::<T>::NotOfficer)?;
		let served = match kind.act_kind() {
			Some(act) => auth.office_kind.may_register(act),
			None => auth.office_kind.registers(),
		};
		ensure!(served, Error::<T>::ApplicationKindNotServed);
		match (kind, applicants.as_slice()) {
			(ApplicationKind::Marriage, [first, second]) if first != second => {
				Self::person(*first)?;
				Self::person(*second)?;
			},
			(ApplicationKind::Marriage, _) => return Err(Error::<T>::BadApplicants.into()),
			(_, []) => {},
			(_, _) => return Err(Error::<T>::BadApplicants.into()),
		}
		ensure!(!ApplicationByTracking::<T>::contains_key(tracking), Error::<T>::TrackingCodeTaken);
		let open = OpenApplicationsOf::<T>::get(auth.office);
		ensure!(open < T::MaxOpenApplicationsPerOffice::get(), Error::<T>::TooManyOpenApplications);
		let today = Self::today()?;
		let earliest = match kind {
			ApplicationKind::Marriage => Some(
				today
					.add_months(u32::from(T::Law::get().marriage_waiting_months))
					.ok_or(Error::<T>::Overflow)?,
			),
			_ => None,
		};
		let id = NextApplicationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		NextApplicationId::<T>::put(next);
		OpenApplicationsOf::<T>::insert(auth.office, open.saturating_add(1));
		ApplicationByTracking::<T>::insert(tracking, id);
		Applications::<T>::insert(
			id,
			Application {
				office: auth.office,
				kind,
				tracking,
				parties: applicants,
				received_on: today,
				earliest,
				shortened: None,
				status: ApplicationStatus::Received,
				updated_on: today,
			},
		);
		Self::deposit_event(Event::ApplicationReceived {
			application: id,
			kind,
			office: auth.office,
		});
		Ok(())
	}

	/// An open application of `who`'s office.
	fn open_application(
		who: &T::AccountId,
		id: ApplicationId,
	) -> Result<Application<T>, DispatchError> {
		let application = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		let auth = T::Permissions::officer(who).ok_or(Error::<T>::NotOfficer)?;
		ensure!(auth.office == application.office, Error::<T>::ApplicationOfAnotherOffice);
		ensure!(!application.status.is_final(), Error::<T>::ApplicationClosed);
		Ok(application)
	}

	/// [`Pallet::update_application`].
	pub(crate) fn do_update_application(
		who: T::AccountId,
		id: ApplicationId,
		status: ApplicationStatus,
	) -> DispatchResult {
		let application = Self::open_application(&who, id)?;
		match status {
			ApplicationStatus::Accepted
			| ApplicationStatus::Waiting
			| ApplicationStatus::Refused(_) => {},
			ApplicationStatus::Received => return Err(Error::<T>::BadApplicationStatus.into()),
			ApplicationStatus::Registered(act) => {
				ensure!(
					application.kind != ApplicationKind::Marriage,
					Error::<T>::BadApplicationStatus
				);
				let record = Acts::<T>::get(act).ok_or(Error::<T>::BadApplicationStatus)?;
				let fits = record.status == ActStatus::Registered
					&& match application.kind.act_kind() {
						Some(kind) => record.kind() == kind && record.office == application.office,
						None => true,
					};
				ensure!(fits, Error::<T>::BadApplicationStatus);
			},
		}
		Self::set_application_status(id, application, status)
	}

	/// Marriage act `act` of `first` and `second` (just registered) follows application `id`:
	/// an open marriage application of these two to the act's office, whose waiting period is
	/// over. The application is then registered as the act.
	pub(crate) fn follow_application(
		id: ApplicationId,
		act: ActId,
		first: PersonId,
		second: PersonId,
	) -> DispatchResult {
		let application = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		let office = Acts::<T>::get(act).ok_or(Error::<T>::UnknownAct)?.office;
		ensure!(application.office == office, Error::<T>::ApplicationOfAnotherOffice);
		ensure!(!application.status.is_final(), Error::<T>::ApplicationClosed);
		let parties = application.parties.as_slice();
		ensure!(
			application.kind == ApplicationKind::Marriage
				&& (parties == [first, second] || parties == [second, first]),
			Error::<T>::ApplicationMismatch
		);
		let earliest = application.earliest.ok_or(Error::<T>::ApplicationMismatch)?;
		ensure!(Self::today()? >= earliest, Error::<T>::WaitingPeriodNotOver);
		Self::set_application_status(id, application, ApplicationStatus::Registered(act))
	}

	fn set_application_status(
		id: ApplicationId,
		mut application: Application<T>,
		status: ApplicationStatus,
	) -> DispatchResult {
		if status.is_final() {
			OpenApplicationsOf::<T>::mutate(application.office, |n| *n = n.saturating_sub(1));
		}
		application.status = status;
		application.updated_on = Self::today()?;
		Applications::<T>::insert(id, application);
		Self::deposit_event(Event::ApplicationUpdated { application: id, status });
		Ok(())
	}

	/// [`Pallet::shorten_waiting`].
	pub(crate) fn do_shorten_waiting(
		who: T::AccountId,
		id: ApplicationId,
		reason: ShorteningReason,
		earliest: Date,
		evidence_hash: H256,
	) -> DispatchResult {
		let mut application = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(
			T::Permissions::is_supervising_head(&who, application.office)
				&& T::Permissions::compromised_since(&who).is_none(),
			Error::<T>::NotSupervisingHead
		);
		ensure!(!application.status.is_final(), Error::<T>::ApplicationClosed);
		let end = application.earliest.filter(|_| application.kind == ApplicationKind::Marriage);
		let end = end.ok_or(Error::<T>::BadShortening)?;
		ensure!(application.received_on <= earliest && earliest < end, Error::<T>::BadShortening);
		application.earliest = Some(earliest);
		application.shortened = Some(Shortening { reason, head: who, evidence_hash });
		Applications::<T>::insert(id, application);
		Self::deposit_event(Event::WaitingShortened { application: id, reason, earliest });
		Ok(())
	}

	/// What the public side answers about the application whose tracking code hashes to
	/// `tracking`: its status, nothing else; `None` for an unknown code.
	pub fn application_status(tracking: H256) -> Option<PublicApplicationStatus> {
		let id = ApplicationByTracking::<T>::get(tracking)?;
		Applications::<T>::get(id).map(|a| a.status.public())
	}
}
