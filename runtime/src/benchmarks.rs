//! The pallets whose benchmarks the runtime runs (`benchmark pallet`).

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_offices, Offices]
	[pallet_civil_events, CivilEvents]
);
