//! The pallets whose benchmarks the runtime runs (`benchmark pallet`).

frame_benchmarking::define_benchmarks!(
	[pallet_offices, Offices]
	[pallet_civil_events, CivilEvents]
	[pallet_authorities, Authorities]
	[pallet_governance, Governance]
);
