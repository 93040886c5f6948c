//! Notifications by health facilities: a maternity hospital notifies a birth, a hospital or
//! clinic a death it certified. A notification is not an act: an office registers the act from
//! it (`register_birth`/`register_death` with the notification), under the law's checks as
//! any act, and the act's facts must be the notification's. Until then the notification is
//! open, listed by its district ([`OpenNotifications`]); once the legal period of registration
//! is over it is overdue ([`Pallet::overdue_notifications`]), so that no child stays
//! unregistered unnoticed. An act revoked, or a late registration expired unapproved, opens its
//! notification again.

use crate::{acts::ActRules, *};
use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, ActKind, Date, JurisdictionId, OfficerPermissions, PersonId, PersonRegistry, Sex,
	Tabulation,
};
use frame_support::{ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	/// [`Pallet::notify_birth`] and [`Pallet::notify_death`].
	pub(crate) fn do_notify(who: T::AccountId, event: NotifiedEvent) -> DispatchResult {
		let auth = T::Permissions::officer(&who)
			.filter(|auth| auth.office_kind.notifies())
			.ok_or(Error::<T>::NotAHealthFacility)?;
		let today = Self::today()?;
		ensure!(event.date() <= today, Error::<T>::DateInFuture);
		match event {
			NotifiedEvent::Birth { mother: NotifiedMother::Person(mother), .. } => {
				Self::person(mother)?;
			},
			NotifiedEvent::Birth { mother: NotifiedMother::IdentityKey(_), .. } => {},
			NotifiedEvent::Death { date, person, .. } => {
				Self::living(person, &date)?;
			},
		}
		let open = OpenNotificationsOf::<T>::get(auth.office);
		ensure!(
			open < T::MaxOpenNotificationsPerFacility::get(),
			Error::<T>::TooManyOpenNotifications
		);
		let id = NextNotificationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		NextNotificationId::<T>::put(next);
		Self::count_notified(
			Tabulation::Notified(event.kind()),
			event.date(),
			auth.office_jurisdiction,
			true,
		);
		OpenNotificationsOf::<T>::insert(auth.office, open.saturating_add(1));
		OpenNotifications::<T>::insert(auth.office_jurisdiction, id, ());
		Notifications::<T>::insert(
			id,
			Notification {
				facility: auth.office,
				notifier: who,
				jurisdiction: auth.office_jurisdiction,
				event,
				notified_on: today,
				status: NotificationStatus::Open,
			},
		);
		Self::deposit_event(Event::Notified {
			notification: id,
			kind: event.kind(),
			facility: auth.office,
		});
		Ok(())
	}

	/// [`Pallet::withdraw_notification`].
	pub(crate) fn do_withdraw_notification(
		who: T::AccountId,
		id: NotificationId,
	) -> DispatchResult {
		let auth = T::Permissions::officer(&who)
			.filter(|auth| auth.office_kind.notifies())
			.ok_or(Error::<T>::NotAHealthFacility)?;
		let mut notification =
			Notifications::<T>::get(id).ok_or(Error::<T>::UnknownNotification)?;
		ensure!(notification.facility == auth.office, Error::<T>::NotYourNotification);
		ensure!(notification.status == NotificationStatus::Open, Error::<T>::NotificationClosed);
		Self::close_notification(id, &notification);
		let event = &notification.event;
		Self::count_notified(
			Tabulation::Notified(event.kind()),
			event.date(),
			notification.jurisdiction,
			false,
		);
		notification.status = NotificationStatus::Withdrawn;
		Notifications::<T>::insert(id, notification);
		Self::deposit_event(Event::NotificationWithdrawn { notification: id });
		Ok(())
	}

	/// The open notification `id` of kind `kind`, at `jurisdiction` on `date`.
	fn open_notification(
		id: NotificationId,
		kind: ActKind,
		jurisdiction: JurisdictionId,
		date: Date,
	) -> Result<NotifiedEvent, DispatchError> {
		let notification = Notifications::<T>::get(id).ok_or(Error::<T>::UnknownNotification)?;
		ensure!(notification.status == NotificationStatus::Open, Error::<T>::NotificationClosed);
		ensure!(notification.event.kind() == kind, Error::<T>::NotificationOfAnotherKind);
		ensure!(
			notification.jurisdiction == jurisdiction && notification.event.date() == date,
			Error::<T>::NotificationMismatch
		);
		Ok(notification.event)
	}

	/// A birth registered from notification `id` states what it notified: the place, the day,
	/// the sex, the mother.
	pub(crate) fn ensure_notified_birth(
		id: NotificationId,
		jurisdiction: JurisdictionId,
		date: Date,
		sex: Sex,
		mother: Option<PersonId>,
	) -> DispatchResult {
		let NotifiedEvent::Birth { sex: notified_sex, mother: notified_mother, .. } =
			Self::open_notification(id, ActKind::Birth, jurisdiction, date)?
		else {
			return Err(Error::<T>::NotificationOfAnotherKind.into());
		};
		let same_mother = match notified_mother {
			NotifiedMother::Person(person) => mother == Some(person),
			NotifiedMother::IdentityKey(key) => {
				mother.is_some() && T::Persons::by_identity(&key) == mother
			},
		};
		ensure!(sex == notified_sex && same_mother, Error::<T>::NotificationMismatch);
		Ok(())
	}

	/// A death registered from notification `id` states what it notified: the place, the day,
	/// the person.
	pub(crate) fn ensure_notified_death(
		id: NotificationId,
		jurisdiction: JurisdictionId,
		date: Date,
		person: PersonId,
	) -> DispatchResult {
		let NotifiedEvent::Death { person: notified, .. } =
			Self::open_notification(id, ActKind::Death, jurisdiction, date)?
		else {
			return Err(Error::<T>::NotificationOfAnotherKind.into());
		};
		ensure!(person == notified, Error::<T>::NotificationMismatch);
		Ok(())
	}

	/// Act `act` was registered from the open notification `id` (checked before).
	pub(crate) fn follow_notification(id: NotificationId, act: ActId) -> DispatchResult {
		let mut notification =
			Notifications::<T>::get(id).ok_or(Error::<T>::UnknownNotification)?;
		Self::close_notification(id, &notification);
		let event = &notification.event;
		Self::count_notified(
			Tabulation::NotifiedRegistered(event.kind()),
			event.date(),
			notification.jurisdiction,
			true,
		);
		notification.status = NotificationStatus::Registered(act);
		Notifications::<T>::insert(id, notification);
		NotificationOfAct::<T>::insert(act, id);
		Self::deposit_event(Event::NotificationFollowed { notification: id, act });
		Ok(())
	}

	/// Take open notification `id` off its district's list and its facility's count.
	fn close_notification(id: NotificationId, notification: &Notification<T>) {
		OpenNotifications::<T>::remove(notification.jurisdiction, id);
		OpenNotificationsOf::<T>::mutate(notification.facility, |n| *n = n.saturating_sub(1));
	}

	/// Act `act` was revoked, or expired unapproved: the notification it was registered from,
	/// if any, is open again (the event is not registered any more). Its facility's count may
	/// go past the bound by this one: the facility did not open it.
	pub(crate) fn reopen_notification(act: ActId) {
		let Some(id) = NotificationOfAct::<T>::get(act) else { return };
		NotificationOfAct::<T>::remove(act);
		let Some(mut notification) = Notifications::<T>::get(id) else { return };
		let event = &notification.event;
		Self::count_notified(
			Tabulation::NotifiedRegistered(event.kind()),
			event.date(),
			notification.jurisdiction,
			false,
		);
		notification.status = NotificationStatus::Open;
		OpenNotifications::<T>::insert(notification.jurisdiction, id, ());
		OpenNotificationsOf::<T>::mutate(notification.facility, |n| *n = n.saturating_add(1));
		Notifications::<T>::insert(id, notification);
		Self::deposit_event(Event::NotificationReopened { notification: id });
	}

	/// The last day of the legal period of registration of a notified event.
	pub fn notification_deadline(event: &NotifiedEvent) -> Option<Date> {
		match event {
			NotifiedEvent::Birth { date, .. } => <acts::Birth as ActRules<T>>::deadline(date),
			NotifiedEvent::Death { date, .. } => <acts::Death as ActRules<T>>::deadline(date),
		}
	}

	/// The open notifications of `jurisdiction` (a district: where the events took place)
	/// whose legal period of registration ended before `today`, from notification id `from`
	/// on, at most `limit` ([`crate::MAX_PAGE`] at most). Off-chain only (a runtime API call):
	/// it walks the district's open notifications.
	pub fn overdue_notifications(
		jurisdiction: JurisdictionId,
		today: Date,
		from: NotificationId,
		limit: u32,
	) -> Vec<OverdueNotification> {
		let limit = limit.min(MAX_PAGE) as usize;
		let mut ids: Vec<NotificationId> = OpenNotifications::<T>::iter_key_prefix(jurisdiction)
			.filter(|id| *id >= from)
			.collect();
		ids.sort_unstable();
		ids.into_iter()
			.filter_map(|id| {
				let n = Notifications::<T>::get(id)?;
				let deadline = Self::notification_deadline(&n.event)?;
				(deadline < today).then_some(OverdueNotification {
					id,
					kind: n.event.kind(),
					facility: n.facility,
					date: n.event.date(),
					deadline,
				})
			})
			.take(limit)
			.collect()
	}
}
