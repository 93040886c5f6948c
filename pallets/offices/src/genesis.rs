//! The genesis: the jurisdiction tree, the offices and their officers of a chain's first block,
//! built through the same functions as the calls, so that genesis holds every invariant the
//! calls keep.

use crate::*;
use alloc::string::String;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Builds `config`'s state; the entry at fault and its error if it is inconsistent (an
	/// unknown parent or jurisdiction code, a code taken twice, an office with two heads...).
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) -> Result<(), (String, DispatchError)> {
		let unknown = |code: &String| (code.clone(), Error::<T>::UnknownJurisdiction.into());
		for (code, name, parent) in &config.jurisdictions {
			let parent = match parent {
				Some(p) => {
					Some(Self::jurisdiction_by_code(p.as_bytes()).ok_or_else(|| unknown(p))?)
				},
				None => None,
			};
			Self::do_create_jurisdiction(
				code.as_bytes().to_vec(),
				name.as_bytes().to_vec(),
				parent,
			)
			.map_err(|e| (code.clone(), e))?;
		}
		for (kind, code, name) in &config.offices {
			let jurisdiction =
				Self::jurisdiction_by_code(code.as_bytes()).ok_or_else(|| unknown(code))?;
			Self::do_register_office(*kind, jurisdiction, name.as_bytes().to_vec(), None)
				.map_err(|e| (name.clone(), e))?;
		}
		for (who, office, role) in &config.officers {
			Self::do_appoint(who.clone(), *office, *role)
				.map_err(|e| (alloc::format!("officer of office {office}"), e))?;
		}
		for who in &config.privileged_signers {
			frame_system::Pallet::<T>::inc_providers(who);
		}
		AppointmentDelay::<T>::put(config.appointment_delay);
		Ok(())
	}
}
