//! Certificates: an office records the hash of a certificate it printed (the value of its QR
//! code); anyone can then ask its status ([`Pallet::verify_certificate`] in `views.rs`), which
//! follows the act: valid, superseded by an amendment, revoked, or under review. At most
//! [`Config::MaxCertificatesPerAct`] are ever issued of one act.
//!
//! The paper itself can be cancelled by the office that issued it ([`Pallet::cancel_certificate`]):
//! reported lost or stolen by its holder, or printed in error. Verification then says so,
//! whatever the act; a cancellation is final.

use crate::*;
use civil_registry_primitives::{
	ActId, CancellationReason, CompromisedKeys, OfficerPermissions, Role,
};
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::*;
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// [`Pallet::issue_certificate`] by `who`.
	pub(crate) fn do_issue_certificate(
		who: T::AccountId,
		act: ActId,
		certificate_hash: H256,
	) -> DispatchResult {
		let record = Acts::<T>::get(act).ok_or(Error::<T>::UnknownAct)?;
		let auth = T::Permissions::authorize(
			&who,
			record.permission_kind(),
			Self::seat(&record),
			Role::Registrar,
		)
		.map_err(Error::<T>::from)?;
		ensure!(record.status == ActStatus::Registered, Error::<T>::ActNotInEffect);
		ensure!(!Certificates::<T>::contains_key(certificate_hash), Error::<T>::CertificateExists);
		let issued = CertificatesIssued::<T>::get(act);
		ensure!(issued < T::MaxCertificatesPerAct::get(), Error::<T>::TooManyCertificates);
		CertificatesIssued::<T>::insert(act, issued.saturating_add(1));
		Certificates::<T>::insert(
			certificate_hash,
			Certificate {
				act,
				version: record.version,
				sealed: record.sealed,
				office: auth.office,
				issued_by: who,
				issued_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::CertificateIssued {
			certificate: certificate_hash,
			act,
			version: record.version,
			office: auth.office,
		});
		Ok(())
	}

	/// [`Pallet::cancel_certificate`].
	pub(crate) fn do_cancel_certificate(
		origin: OriginFor<T>,
		certificate_hash: H256,
		reason: CancellationReason,
	) -> DispatchResult {
		let certificate =
			Certificates::<T>::get(certificate_hash).ok_or(Error::<T>::UnknownCertificate)?;
		let cancelled_by = match T::RevocationOrigin::try_origin(origin) {
			Ok(_) => None,
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(
					T::Permissions::is_supervising_head(&who, certificate.office)
						&& T::Permissions::compromised_since(&who).is_none(),
					Error::<T>::NotIssuingHead
				);
				Some(who)
			},
		};
		ensure!(
			!CancelledCertificates::<T>::contains_key(certificate_hash),
			Error::<T>::CertificateCancelled
		);
		CancelledCertificates::<T>::insert(
			certificate_hash,
			Cancellation {
				reason,
				by: cancelled_by.clone(),
				at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::CertificateCancelled {
			certificate: certificate_hash,
			reason,
			cancelled_by,
		});
		Ok(())
	}
}
