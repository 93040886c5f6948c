//! The invariants of the pallet's storage, checked after every test and by `try-runtime`.

use crate::*;
use civil_registry_primitives::{JurisdictionId, OfficeId, Role};
use frame_support::{ensure, traits::Get};

impl<T: Config> Pallet<T> {
	/// The invariants of the pallet's storage.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut children: BTreeMap<JurisdictionId, u32> = BTreeMap::new();
		let mut offices: BTreeMap<JurisdictionId, u32> = BTreeMap::new();
		for (id, j) in Jurisdictions::<T>::iter() {
			ensure!(
				JurisdictionByCode::<T>::get(&j.code) == Some(id),
				"a jurisdiction's code does not point back to it"
			);
			ensure!(id < NextJurisdictionId::<T>::get(), "a jurisdiction id is not yet issued");
			match j.parent {
				Some(p) => {
					let parent = Jurisdictions::<T>::get(p)
						.ok_or("a jurisdiction's parent does not exist")?;
					ensure!(
						parent.depth.checked_add(1) == Some(j.depth),
						"a jurisdiction's depth is not its parent's plus one"
					);
					let c = children.entry(p).or_default();
					*c = c.saturating_add(1);
				},
				None => ensure!(j.depth == 0, "a root jurisdiction has a depth"),
			}
			ensure!(
				u32::from(j.depth) <= T::MaxJurisdictionDepth::get(),
				"a jurisdiction is too deep"
			);
		}
		ensure!(
			JurisdictionByCode::<T>::iter().count() == Jurisdictions::<T>::iter().count(),
			"the code index and the jurisdictions differ"
		);

		let mut registrars: BTreeMap<OfficeId, u32> = BTreeMap::new();
		for (account, officer) in Officers::<T>::iter() {
			let office =
				Offices::<T>::get(officer.office).ok_or("an officer's office does not exist")?;
			ensure!(office.status != OfficeStatus::Closed, "an officer serves a closed office");
			match officer.role {
				Role::Head => ensure!(
					office.head.as_ref() == Some(&account),
					"a head is not its office's head"
				),
				Role::Registrar => {
					let r = registrars.entry(officer.office).or_default();
					*r = r.saturating_add(1);
				},
			}
			ensure!(
				frame_system::Pallet::<T>::providers(&account) > 0,
				"an officer has no provider reference"
			);
		}
		for (id, office) in Offices::<T>::iter() {
			ensure!(id < NextOfficeId::<T>::get(), "an office id is not yet issued");
			ensure!(
				Jurisdictions::<T>::contains_key(office.jurisdiction),
				"an office's jurisdiction does not exist"
			);
			let o = offices.entry(office.jurisdiction).or_default();
			*o = o.saturating_add(1);
			if let Some(head) = &office.head {
				let officer = Officers::<T>::get(head).ok_or("an office's head is no officer")?;
				ensure!(
					officer.office == id && officer.role == Role::Head,
					"an office's head is registered elsewhere or as a registrar"
				);
			}
			ensure!(
				registrars.get(&id).copied().unwrap_or_default() == office.registrars,
				"an office's registrar count is wrong"
			);
			ensure!(
				office.registrars <= T::MaxRegistrarsPerOffice::get(),
				"an office has too many registrars"
			);
		}
		for (id, j) in Jurisdictions::<T>::iter() {
			ensure!(
				children.get(&id).copied().unwrap_or_default() == j.children,
				"a jurisdiction's child count is wrong"
			);
			ensure!(
				offices.get(&id).copied().unwrap_or_default() == j.offices,
				"a jurisdiction's office count is wrong"
			);
		}
		Ok(())
	}
}
