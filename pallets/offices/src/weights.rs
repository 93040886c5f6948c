//! PLACEHOLDER until `scripts/benchmark.sh` generates this file from the benchmarks.
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_offices`.
pub trait WeightInfo {
	fn create_jurisdiction() -> Weight;
	fn rename_jurisdiction() -> Weight;
	fn remove_jurisdiction() -> Weight;
	fn register_office() -> Weight;
	fn suspend_office() -> Weight;
	fn reopen_office() -> Weight;
	fn close_office() -> Weight;
	fn appoint_head() -> Weight;
	fn dismiss_officer() -> Weight;
	fn appoint_registrar() -> Weight;
	fn dismiss_registrar() -> Weight;
	fn check_role() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_jurisdiction() -> Weight {
		Weight::zero()
	}
	fn rename_jurisdiction() -> Weight {
		Weight::zero()
	}
	fn remove_jurisdiction() -> Weight {
		Weight::zero()
	}
	fn register_office() -> Weight {
		Weight::zero()
	}
	fn suspend_office() -> Weight {
		Weight::zero()
	}
	fn reopen_office() -> Weight {
		Weight::zero()
	}
	fn close_office() -> Weight {
		Weight::zero()
	}
	fn appoint_head() -> Weight {
		Weight::zero()
	}
	fn dismiss_officer() -> Weight {
		Weight::zero()
	}
	fn appoint_registrar() -> Weight {
		Weight::zero()
	}
	fn dismiss_registrar() -> Weight {
		Weight::zero()
	}
	fn check_role() -> Weight {
		Weight::zero()
	}
}
impl WeightInfo for () {
	fn create_jurisdiction() -> Weight {
		Weight::zero()
	}
	fn rename_jurisdiction() -> Weight {
		Weight::zero()
	}
	fn remove_jurisdiction() -> Weight {
		Weight::zero()
	}
	fn register_office() -> Weight {
		Weight::zero()
	}
	fn suspend_office() -> Weight {
		Weight::zero()
	}
	fn reopen_office() -> Weight {
		Weight::zero()
	}
	fn close_office() -> Weight {
		Weight::zero()
	}
	fn appoint_head() -> Weight {
		Weight::zero()
	}
	fn dismiss_officer() -> Weight {
		Weight::zero()
	}
	fn appoint_registrar() -> Weight {
		Weight::zero()
	}
	fn dismiss_registrar() -> Weight {
		Weight::zero()
	}
	fn check_role() -> Weight {
		Weight::zero()
	}
}
