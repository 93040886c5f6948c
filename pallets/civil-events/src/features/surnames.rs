//! The surname chosen with an act (Family Code: the spouses' choice of surname at marriage, the
//! premarital surname taken back at divorce, the adopter's surname given to an adopted child;
//! article numbers not verified here, see docs/architecture.md).
//!
//! A surname is personal data and stays off chain: what the chain records is the person's data
//! root computed with it, as for a change of name (`acts/name_change.rs`). The calls of the
//! three kinds take a list of [`SurnameChoice`]s; a kind's `ActRules::takes_surname` says who
//! may choose with it — the spouses of a marriage registered on its day or with an exemption
//! (not one from the archive: that person's root is already the one of their paper records),
//! the spouses of a divorce, the adopted child. Nobody else, once per person, and a root other
//! than the person's own ([`Error::SurnameNotChosenHere`], [`Error::SurnameChosenTwice`],
//! [`Error::SurnameUnchanged`]).
//!
//! **Registered**: the choice is written to [`Surnames`] with the act, even while the act waits
//! for a head's approval. **Takes effect** with the act: each person's data root becomes the
//! new one, the one it replaces noted as `previous_root`. **Revoked** with the act (a marriage's
//! divorce first, then the marriage): each root goes back, refused with
//! [`Error::RevocationConflict`] when the person's root changed since (a later change of
//! name, or a later act's surname) — revoke that first, as for a change of name. A revoked or
//! expired act keeps its entry: the record of what was asked. **Corrected**: not by an
//! amendment of the act (a correction names no person of a marriage); a surname recorded wrong
//! is corrected by revoking the act and registering it again, or by a change of name.

use crate::*;
use civil_registry_primitives::{ActId, PersonRegistry};
use frame_support::{ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	/// The surnames `choices` of `act`, checked: each by a person who may choose one with it,
	/// once, a root other than theirs now. Reads each person's record.
	pub(crate) fn surname_changes(
		act: &Act<T>,
		choices: &[SurnameChoice],
	) -> Result<BoundedVec<SurnameChange, ConstU32<2>>, DispatchError> {
		let mut changes = BoundedVec::new();
		for (i, choice) in choices.iter().enumerate() {
			ensure!(act.takes_surname(choice.person), Error::<T>::SurnameNotChosenHere);
			ensure!(
				choices.iter().take(i).all(|earlier| earlier.person != choice.person),
				Error::<T>::SurnameChosenTwice
			);
			let previous_root = Self::record(choice.person)?.data_root;
			ensure!(previous_root != choice.data_root, Error::<T>::SurnameUnchanged);
			let change =
				SurnameChange { person: choice.person, previous_root, new_root: choice.data_root };
			changes.try_push(change).map_err(|_| Error::<T>::SurnameChosenTwice)?;
		}
		Ok(changes)
	}

	/// Act `id` takes effect: the surnames chosen with it become its persons' data roots.
	pub(crate) fn give_surnames(id: ActId) -> DispatchResult {
		let Some(mut changes) = Surnames::<T>::get(id) else { return Ok(()) };
		for change in changes.iter_mut() {
			change.previous_root = Self::record(change.person)?.data_root;
			T::Persons::change_data(change.person, change.new_root)?;
		}
		Surnames::<T>::insert(id, changes);
		Ok(())
	}

	/// Act `id`, in effect, is revoked: its persons' data roots go back to what they were
	/// before it. Returns the number of surnames restored.
	pub(crate) fn restore_surnames(id: ActId) -> Result<u32, DispatchError> {
		let Some(changes) = Surnames::<T>::get(id) else { return Ok(0) };
		for change in changes.iter() {
			ensure!(
				Self::record(change.person)?.data_root == change.new_root,
				Error::<T>::RevocationConflict
			);
			T::Persons::change_data(change.person, change.previous_root)?;
		}
		Ok(changes.len() as u32)
	}
}
