//! Jurisdictions: the tree of the country, its regions and districts, each with a unique code.
//! Governance creates, renames and removes them ([`Pallet::create_jurisdiction`],
//! [`Pallet::rename_jurisdiction`], [`Pallet::remove_jurisdiction`]); the tree is at most
//! [`Config::MaxJurisdictionDepth`] deep, which bounds every walk up it.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::JurisdictionId;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::ArithmeticError;

impl<T: Config> Pallet<T> {
	/// The jurisdiction with this code, if any.
	pub fn jurisdiction_by_code(code: &[u8]) -> Option<JurisdictionId> {
		let code: CodeOf<T> = code.to_vec().try_into().ok()?;
		JurisdictionByCode::<T>::get(code)
	}

	pub(crate) fn bounded_name(name: Vec<u8>) -> Result<NameOf<T>, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		Ok(name.try_into().map_err(|_| Error::<T>::NameTooLong)?)
	}

	pub(crate) fn bounded_code(code: Vec<u8>) -> Result<CodeOf<T>, DispatchError> {
		ensure!(
			!code.is_empty()
				&& code.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-'),
			Error::<T>::InvalidCode
		);
		Ok(code.try_into().map_err(|_| Error::<T>::CodeTooLong)?)
	}

	/// Whether `inner` is `outer` or below it. Walks up at most `MaxJurisdictionDepth`
	/// parents.
	pub fn is_within(outer: JurisdictionId, inner: JurisdictionId) -> bool {
		let mut current = Some(inner);
		for _ in 0..=T::MaxJurisdictionDepth::get() {
			match current {
				Some(j) if j == outer => return true,
				Some(j) => current = Jurisdictions::<T>::get(j).and_then(|j| j.parent),
				None => return false,
			}
		}
		false
	}

	pub(crate) fn do_create_jurisdiction(
		code: Vec<u8>,
		name: Vec<u8>,
		parent: Option<JurisdictionId>,
	) -> Result<JurisdictionId, DispatchError> {
		let code = Self::bounded_code(code)?;
		let name = Self::bounded_name(name)?;
		ensure!(!JurisdictionByCode::<T>::contains_key(&code), Error::<T>::CodeTaken);
		let (depth, parent_record) = match parent {
			Some(p) => {
				let mut record =
					Jurisdictions::<T>::get(p).ok_or(Error::<T>::UnknownJurisdiction)?;
				let depth = record.depth.checked_add(1).ok_or(Error::<T>::TooDeep)?;
				ensure!(u32::from(depth) <= T::MaxJurisdictionDepth::get(), Error::<T>::TooDeep);
				record.children =
					record.children.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				(depth, Some((p, record)))
			},
			None => (0, None),
		};
		let id = NextJurisdictionId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;

		if let Some((p, record)) = parent_record {
			Jurisdictions::<T>::insert(p, record);
		}
		NextJurisdictionId::<T>::put(next);
		JurisdictionByCode::<T>::insert(&code, id);
		Jurisdictions::<T>::insert(
			id,
			Jurisdiction {
				code: code.clone(),
				name,
				parent,
				depth,
				children: 0,
				offices: 0,
				has_records: false,
			},
		);
		Self::deposit_event(Event::JurisdictionCreated { jurisdiction: id, code, parent });
		Ok(id)
	}

	/// [`Pallet::rename_jurisdiction`].
	pub(crate) fn do_rename_jurisdiction(
		jurisdiction: JurisdictionId,
		name: Vec<u8>,
	) -> DispatchResult {
		let name = Self::bounded_name(name)?;
		Jurisdictions::<T>::try_mutate(jurisdiction, |j| {
			let j = j.as_mut().ok_or(Error::<T>::UnknownJurisdiction)?;
			j.name = name.clone();
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::JurisdictionRenamed { jurisdiction, name });
		Ok(())
	}

	/// [`Pallet::remove_jurisdiction`]: only one that nothing uses.
	pub(crate) fn do_remove_jurisdiction(jurisdiction: JurisdictionId) -> DispatchResult {
		let j = Jurisdictions::<T>::get(jurisdiction).ok_or(Error::<T>::UnknownJurisdiction)?;
		ensure!(j.children == 0 && j.offices == 0 && !j.has_records, Error::<T>::JurisdictionInUse);
		if let Some(parent) = j.parent {
			Jurisdictions::<T>::mutate(parent, |p| {
				if let Some(p) = p {
					p.children = p.children.saturating_sub(1);
				}
			});
		}
		JurisdictionByCode::<T>::remove(&j.code);
		Jurisdictions::<T>::remove(jurisdiction);
		Self::deposit_event(Event::JurisdictionRemoved { jurisdiction });
		Ok(())
	}
}
