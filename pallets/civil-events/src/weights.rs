//! PLACEHOLDER until `scripts/benchmark.sh` generates this file from the benchmarks.
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed for `pallet_civil_events`.
pub trait WeightInfo {
	fn register_birth() -> Weight;
	fn register_death() -> Weight;
	fn register_marriage() -> Weight;
	fn register_divorce() -> Weight;
	fn register_adoption() -> Weight;
	fn register_paternity() -> Weight;
	fn register_name_change() -> Weight;
	fn enroll_person() -> Weight;
	fn approve_late_registration() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_birth() -> Weight {
		Weight::zero()
	}
	fn register_death() -> Weight {
		Weight::zero()
	}
	fn register_marriage() -> Weight {
		Weight::zero()
	}
	fn register_divorce() -> Weight {
		Weight::zero()
	}
	fn register_adoption() -> Weight {
		Weight::zero()
	}
	fn register_paternity() -> Weight {
		Weight::zero()
	}
	fn register_name_change() -> Weight {
		Weight::zero()
	}
	fn enroll_person() -> Weight {
		Weight::zero()
	}
	fn approve_late_registration() -> Weight {
		Weight::zero()
	}
}
impl WeightInfo for () {
	fn register_birth() -> Weight {
		Weight::zero()
	}
	fn register_death() -> Weight {
		Weight::zero()
	}
	fn register_marriage() -> Weight {
		Weight::zero()
	}
	fn register_divorce() -> Weight {
		Weight::zero()
	}
	fn register_adoption() -> Weight {
		Weight::zero()
	}
	fn register_paternity() -> Weight {
		Weight::zero()
	}
	fn register_name_change() -> Weight {
		Weight::zero()
	}
	fn enroll_person() -> Weight {
		Weight::zero()
	}
	fn approve_late_registration() -> Weight {
		Weight::zero()
	}
}
