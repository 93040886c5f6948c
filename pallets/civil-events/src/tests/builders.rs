//! What the unit tests share: the test runtime (`mock.rs`), short helpers, and act builders
//! with named fields ([`Register`]), so that no test depends on a call's parameter order.
//! Every test runs in [`build_and_execute`], which ends with the invariants of offices,
//! persons and civil events checked.

pub(crate) use crate::{
	mock::*, ActDetails, ActHistory, ActStatus, Acts, ActsOf, AdoptionDetails, AmendmentReason,
	ApplicationId, BirthDetails, CancelledCertificates, Certificates, CertificatesIssued,
	Correction, DivorceDetails, DivorceGrounds, Error, Event, Exemption, MarriageDetails,
	NameChangeDetails, NextProposalId, NotificationId, OpenProposal, Parents, PendingExpiries,
	PendingIdentities, ProposalExpiries, Proposals, Revocations, Spouses, Statistics,
	SurnameChoice,
};
pub(crate) use civil_registry_primitives::{
	ActId, ActKind, CancellationReason, CertificateStatus, Date, JurisdictionId, LifeStatus,
	MaritalStatus, MonthlyCount, PersonId, PersonRecord, PersonRegistry, Sex, StatisticsError,
	YearMonth, MAX_STATISTICS_MONTHS,
};
pub(crate) use frame_support::{assert_noop, assert_ok};
pub(crate) use sp_core::H256;
pub(crate) use sp_runtime::{DispatchError, DispatchResult};

pub(crate) fn d(year: u16, month: u8, day: u8) -> Date {
	Date::new(year, month, day)
}

pub(crate) fn h(v: u8) -> H256 {
	H256::repeat_byte(v)
}

pub(crate) fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub(crate) fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CivilEvents(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("a civil events event")
}

/// The last event of an act: the last event but what an act's call adds after it (the
/// application or notification it followed).
pub(crate) fn act_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CivilEvents(
				Event::ApplicationUpdated { .. } | Event::NotificationFollowed { .. },
			) => None,
			RuntimeEvent::CivilEvents(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("a civil events event")
}

pub(crate) fn person(id: PersonId) -> PersonRecord {
	Persons::person(id).expect("the person exists")
}

/// Enroll a person from the archive; returns their id.
pub(crate) fn enroll(key: u8, sex: Sex, born: Date) -> PersonId {
	assert_ok!(enrollment(key, sex).by(ARCHIVIST).on(born).document(h(0xa0)).register());
	Persons::by_identity(&h(key)).unwrap()
}

/// Register a birth in Yunusobod (approved by the head if it is late); returns the child.
pub(crate) fn new_child(
	key: u8,
	born: Date,
	mother: Option<PersonId>,
	father: Option<PersonId>,
) -> PersonId {
	assert_ok!(birth(key).on(born).mother(mother).father(father).register());
	let act = crate::NextActId::<Test>::get() - 1;
	if Acts::<Test>::get(act).unwrap().status == ActStatus::Pending {
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
	}
	Persons::by_identity(&h(key)).unwrap()
}

pub(crate) fn marry(a: PersonId, b: PersonId, on: Date) -> u64 {
	assert_ok!(marriage(a, b).on(on).register());
	crate::NextActId::<Test>::get() - 1
}

/// An adult couple: (mother, father).
pub(crate) fn couple() -> (PersonId, PersonId) {
	(enroll(1, Sex::Female, d(1990, 3, 1)), enroll(2, Sex::Male, d(1988, 7, 20)))
}

pub(crate) fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

pub(crate) fn last_proposal() -> u64 {
	NextProposalId::<Test>::get() - 1
}

pub(crate) fn last_act() -> u64 {
	crate::NextActId::<Test>::get() - 1
}

pub(crate) fn birth_act(p: PersonId) -> u64 {
	person(p).origin_act
}

/// A correction of the date of birth only.
pub(crate) fn born_on(date: Date) -> Correction {
	Correction { event_date: Some(date), ..Default::default() }
}

/// `REGISTRAR` proposes `correction` of `act`; returns the proposal.
pub(crate) fn propose(act: u64, correction: Correction) -> u64 {
	// The corrected document: a new hash for every version.
	let version = Acts::<Test>::get(act).map(|a| a.version).unwrap_or_default();
	assert_ok!(CivilEvents::propose_amendment(
		signed(REGISTRAR),
		act,
		h(0xe0 + version as u8),
		AmendmentReason::ClericalError,
		correction
	));
	last_proposal()
}

/// `who` proposes `correction` of `act` for `reason`, with the document `h(0xe1)`; returns the
/// proposal.
pub(crate) fn propose_as(
	who: u64,
	act: u64,
	reason: AmendmentReason,
	correction: Correction,
) -> u64 {
	assert_ok!(CivilEvents::propose_amendment(signed(who), act, h(0xe1), reason, correction));
	last_proposal()
}

/// `REGISTRAR` proposes to revoke `act`; returns the proposal.
pub(crate) fn propose_revoke(act: u64) -> u64 {
	assert_ok!(CivilEvents::propose_revocation(signed(REGISTRAR), act, h(0xfa)));
	last_proposal()
}

pub(crate) fn status(certificate: u8) -> Option<CertificateStatus> {
	CivilEvents::verify_certificate(h(certificate)).map(|c| c.status)
}

pub(crate) fn count(kind: ActKind, year: u16, month: u8, jurisdiction: u32) -> u32 {
	Statistics::<Test>::get((kind, YearMonth::new(year, month), jurisdiction))
}

/// An act call to make, with named fields; the defaults of these tests are: signed by the
/// Yunusobod registrar ([`REGISTRAR`]), in Yunusobod ([`TK_YUN`]), document hash `h(0xdd)`.
/// The date is always given (`.on(date)`). Build one with [`birth`], [`enrollment`],
/// [`death`], [`marriage`], [`divorce`], [`adoption`], [`paternity`] or [`name_change`]; then
/// `.register()` makes the call with the pallet's parameter order, the only place that knows it.
pub(crate) struct Register<A> {
	origin: RuntimeOrigin,
	jurisdiction: JurisdictionId,
	date: Date,
	document: H256,
	act: A,
}

impl<A: ActCall> Register<A> {
	fn new(act: A) -> Self {
		Register {
			origin: signed(REGISTRAR),
			jurisdiction: TK_YUN,
			date: TODAY,
			document: h(0xdd),
			act,
		}
	}

	/// Signed by `who`.
	pub(crate) fn by(self, who: u64) -> Self {
		self.origin(signed(who))
	}

	/// With this origin.
	pub(crate) fn origin(mut self, origin: RuntimeOrigin) -> Self {
		self.origin = origin;
		self
	}

	/// In `jurisdiction`.
	pub(crate) fn at(mut self, jurisdiction: JurisdictionId) -> Self {
		self.jurisdiction = jurisdiction;
		self
	}

	/// Dated `date` (the event's date: of birth, of death, of the wedding, ...).
	pub(crate) fn on(mut self, date: Date) -> Self {
		self.date = date;
		self
	}

	/// With this document hash (for an enrollment: the archive reference).
	pub(crate) fn document(mut self, document: H256) -> Self {
		self.document = document;
		self
	}

	/// Make the call.
	pub(crate) fn register(self) -> DispatchResult {
		self.act.call(self.origin, self.jurisdiction, self.date, self.document)
	}
}

/// The fields particular to one kind of act, and the call that registers it.
pub(crate) trait ActCall {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult;
}

pub(crate) struct BirthAct {
	identity_key: H256,
	data_root: H256,
	sex: Sex,
	mother: Option<PersonId>,
	father: Option<PersonId>,
	court_decision: Option<H256>,
	residence: Option<JurisdictionId>,
	notification: Option<NotificationId>,
}

/// A birth of the child with identity key `h(key)`: female, data root `h(0xd1)`, no parents.
pub(crate) fn birth(key: u8) -> Register<BirthAct> {
	Register::new(BirthAct {
		identity_key: h(key),
		data_root: h(0xd1),
		sex: Sex::Female,
		mother: None,
		father: None,
		court_decision: None,
		residence: None,
		notification: None,
	})
}

impl Register<BirthAct> {
	pub(crate) fn data_root(mut self, root: H256) -> Self {
		self.act.data_root = root;
		self
	}
	pub(crate) fn sex(mut self, sex: Sex) -> Self {
		self.act.sex = sex;
		self
	}
	pub(crate) fn mother(mut self, mother: impl Into<Option<PersonId>>) -> Self {
		self.act.mother = mother.into();
		self
	}
	pub(crate) fn father(mut self, father: impl Into<Option<PersonId>>) -> Self {
		self.act.father = father.into();
		self
	}
	/// With the court decision setting aside the husband's presumed paternity.
	pub(crate) fn court(mut self, decision: H256) -> Self {
		self.act.court_decision = Some(decision);
		self
	}
	/// Registered from a health facility's notification.
	pub(crate) fn notification(mut self, notification: NotificationId) -> Self {
		self.act.notification = Some(notification);
		self
	}
	/// The mother's place of usual residence.
	pub(crate) fn residence(mut self, residence: JurisdictionId) -> Self {
		self.act.residence = Some(residence);
		self
	}
}

impl ActCall for BirthAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		CivilEvents::register_birth(
			origin,
			at,
			on,
			self.identity_key,
			self.data_root,
			self.sex,
			self.mother,
			self.father,
			self.court_decision,
			self.residence,
			self.notification,
			document,
		)
	}
}

pub(crate) struct EnrollmentAct {
	identity_key: H256,
	data_root: H256,
	sex: Sex,
	mother: Option<PersonId>,
	father: Option<PersonId>,
}

/// An enrollment of the person with identity key `h(key)` and sex `sex`: data root `h(0xd0)`,
/// no parents.
pub(crate) fn enrollment(key: u8, sex: Sex) -> Register<EnrollmentAct> {
	Register::new(EnrollmentAct {
		identity_key: h(key),
		data_root: h(0xd0),
		sex,
		mother: None,
		father: None,
	})
}

impl Register<EnrollmentAct> {
	pub(crate) fn data_root(mut self, root: H256) -> Self {
		self.act.data_root = root;
		self
	}
	pub(crate) fn mother(mut self, mother: impl Into<Option<PersonId>>) -> Self {
		self.act.mother = mother.into();
		self
	}
	pub(crate) fn father(mut self, father: impl Into<Option<PersonId>>) -> Self {
		self.act.father = father.into();
		self
	}
}

impl ActCall for EnrollmentAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		CivilEvents::enroll_person(
			origin,
			at,
			on,
			self.identity_key,
			self.data_root,
			self.sex,
			self.mother,
			self.father,
			document,
		)
	}
}

pub(crate) struct DeathAct {
	person: PersonId,
	residence: Option<JurisdictionId>,
	notification: Option<NotificationId>,
}

/// The death of `person`.
pub(crate) fn death(person: PersonId) -> Register<DeathAct> {
	Register::new(DeathAct { person, residence: None, notification: None })
}

impl Register<DeathAct> {
	/// Registered from a health facility's notification.
	pub(crate) fn notification(mut self, notification: NotificationId) -> Self {
		self.act.notification = Some(notification);
		self
	}
	/// The deceased's place of usual residence.
	pub(crate) fn residence(mut self, residence: JurisdictionId) -> Self {
		self.act.residence = Some(residence);
		self
	}
}

impl ActCall for DeathAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		CivilEvents::register_death(
			origin,
			at,
			on,
			self.person,
			self.residence,
			self.notification,
			document,
		)
	}
}

/// An act with which a surname is chosen (a marriage, a divorce, an adoption).
pub(crate) trait ChoosesSurname {
	/// The surnames chosen so far.
	fn surnames(&mut self) -> &mut Vec<SurnameChoice>;
}

impl<A: ChoosesSurname> Register<A> {
	/// `person` takes a surname with the act: data root `root` after it.
	pub(crate) fn surname(mut self, person: PersonId, root: H256) -> Self {
		self.act.surnames().push(SurnameChoice { person, data_root: root });
		self
	}
}

/// The call's list of surnames (at most two: a test giving more is wrong).
fn choices(surnames: Vec<SurnameChoice>) -> crate::SurnameChoices {
	surnames.try_into().expect("at most two surnames")
}

pub(crate) struct MarriageAct {
	first: PersonId,
	second: PersonId,
	exemption: Option<Exemption>,
	registered_on: Option<Date>,
	surnames: Vec<SurnameChoice>,
	application: Option<ApplicationId>,
}

/// The marriage of `first` and `second`, without an exemption, registered on its day: the
/// call is made with the chain's clock set to noon (UTC) of the act's date, then set back.
pub(crate) fn marriage(first: PersonId, second: PersonId) -> Register<MarriageAct> {
	Register::new(MarriageAct {
		first,
		second,
		exemption: None,
		registered_on: None,
		surnames: Vec::new(),
		application: None,
	})
}

impl Register<MarriageAct> {
	/// With the Yunusobod khokim's exemption decision `h`.
	pub(crate) fn exemption(self, decision: impl Into<Option<H256>>) -> Self {
		let exemption = decision.into().map(|decision| Exemption { district: TK_YUN, decision });
		self.exemption_of(exemption)
	}
	/// With this exemption (or none).
	pub(crate) fn exemption_of(mut self, exemption: Option<Exemption>) -> Self {
		self.act.exemption = exemption;
		self
	}
	/// Registered on `day` rather than on the act's date (the clock is left alone when `day`
	/// is today).
	pub(crate) fn registered_on(mut self, day: Date) -> Self {
		self.act.registered_on = Some(day);
		self
	}
	/// Following this application (by default: one the couple filed with the signer's
	/// office a month before, its waiting period over).
	pub(crate) fn application(mut self, application: ApplicationId) -> Self {
		self.act.application = Some(application);
		self
	}
}

/// A marriage application of `first` and `second` that `who`'s office (office 0 for an
/// account that is no officer) received 31 days before `on`, written as the call leaves it:
/// for the tests of other rules than the waiting period, which have their own
/// (`tests/applications.rs`, through the calls).
pub(crate) fn waited_application(who: u64, first: PersonId, second: PersonId, on: Date) -> u64 {
	let id = crate::NextApplicationId::<Test>::get();
	let office = pallet_offices::Officers::<Test>::get(who).map_or(0, |o| o.office);
	let received = on.add_days(-31).expect("a day");
	crate::NextApplicationId::<Test>::put(id + 1);
	crate::OpenApplicationsOf::<Test>::mutate(office, |n| *n += 1);
	let tracking = H256::from_low_u64_be(0xa99_0000 + id);
	crate::ApplicationByTracking::<Test>::insert(tracking, id);
	crate::Applications::<Test>::insert(
		id,
		crate::Application {
			office,
			kind: crate::ApplicationKind::Marriage,
			tracking,
			parties: vec![first, second].try_into().expect("two"),
			received_on: received,
			earliest: received.add_months(1),
			shortened: None,
			status: crate::ApplicationStatus::Received,
			updated_on: received,
		},
	);
	id
}

/// Run `f` with the chain's clock at noon (UTC) of `day` if there is one, then set it back.
pub(crate) fn registered<R>(day: Option<Date>, f: impl FnOnce() -> R) -> R {
	match day {
		Some(day) => on_day(day, f),
		None => f(),
	}
}

/// Run `f` with the chain's clock at noon (UTC) of `day`, then set it back.
pub(crate) fn on_day<R>(day: Date, f: impl FnOnce() -> R) -> R {
	let now = pallet_timestamp::Now::<Test>::get();
	let noon = (day.days_since_epoch() as u64) * 86_400_000 + 43_200_000;
	pallet_timestamp::Now::<Test>::put(noon);
	let result = f();
	pallet_timestamp::Now::<Test>::put(now);
	result
}

impl ActCall for MarriageAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		let day = self.registered_on.unwrap_or(on);
		// The default application is written in the call's storage layer: a refused marriage
		// leaves nothing behind (`assert_noop!` compares the whole state).
		frame_support::storage::with_storage_layer(|| {
			let application = self.application.unwrap_or_else(|| {
				let who = frame_system::ensure_signed(origin.clone()).unwrap_or(NOBODY);
				waited_application(who, self.first, self.second, day)
			});
			on_day(day, || {
				CivilEvents::register_marriage(
					origin,
					at,
					on,
					self.first,
					self.second,
					self.exemption,
					choices(self.surnames),
					application,
					document,
				)
			})
		})
	}
}

pub(crate) struct ArchiveMarriageAct {
	first: PersonId,
	second: PersonId,
}

/// The enrollment of the paper marriage of `first` and `second` from the archive, signed by
/// the archive's registrar ([`ARCHIVIST`]).
pub(crate) fn archive_marriage(first: PersonId, second: PersonId) -> Register<ArchiveMarriageAct> {
	Register::new(ArchiveMarriageAct { first, second }).by(ARCHIVIST)
}

impl ActCall for ArchiveMarriageAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		CivilEvents::enroll_marriage(origin, at, on, self.first, self.second, document)
	}
}

pub(crate) struct DivorceAct {
	marriage: ActId,
	grounds: DivorceGrounds,
	registered_on: Option<Date>,
	surnames: Vec<SurnameChoice>,
}

/// The divorce ending marriage act `marriage`, by mutual consent. A registry office's divorce
/// is registered on its day (the clock set to noon of the act's date, then back); a court's,
/// today unless said otherwise.
pub(crate) fn divorce(marriage: ActId) -> Register<DivorceAct> {
	Register::new(DivorceAct {
		marriage,
		grounds: DivorceGrounds::MutualConsent,
		registered_on: None,
		surnames: Vec::new(),
	})
}

impl Register<DivorceAct> {
	pub(crate) fn grounds(mut self, grounds: DivorceGrounds) -> Self {
		self.act.grounds = grounds;
		self
	}
	/// Dissolved by the court decision `decision`.
	pub(crate) fn court(self, decision: H256) -> Self {
		self.grounds(DivorceGrounds::CourtDecision(decision))
	}
	/// Registered on `day` rather than on the act's date (or today, for a court's).
	pub(crate) fn registered_on(mut self, day: Date) -> Self {
		self.act.registered_on = Some(day);
		self
	}
}

impl ActCall for DivorceAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		let by_court = matches!(self.grounds, DivorceGrounds::CourtDecision(_));
		registered(self.registered_on.or((!by_court).then_some(on)), || {
			let surnames = choices(self.surnames);
			CivilEvents::register_divorce(
				origin,
				at,
				on,
				self.marriage,
				self.grounds,
				surnames,
				document,
			)
		})
	}
}

pub(crate) struct AdoptionAct {
	child: PersonId,
	mother: Option<PersonId>,
	father: Option<PersonId>,
	seal: bool,
	terms: crate::AdoptionTerms,
	surnames: Vec<SurnameChoice>,
}

/// The adoption of `child`, by no one yet (name `.mother(..)`, `.father(..)`), not sealed.
pub(crate) fn adoption(child: PersonId) -> Register<AdoptionAct> {
	Register::new(AdoptionAct {
		child,
		mother: None,
		father: None,
		seal: false,
		terms: Default::default(),
		surnames: Vec::new(),
	})
}

impl Register<AdoptionAct> {
	pub(crate) fn mother(mut self, mother: impl Into<Option<PersonId>>) -> Self {
		self.act.mother = mother.into();
		self
	}
	pub(crate) fn father(mut self, father: impl Into<Option<PersonId>>) -> Self {
		self.act.father = father.into();
		self
	}
	pub(crate) fn seal(mut self, seal: bool) -> Self {
		self.act.seal = seal;
		self
	}
	/// The decision keeps the other parent's rights.
	pub(crate) fn keeping_other_parent(mut self) -> Self {
		self.act.terms.keeps_other_parent = true;
		self
	}
	/// The decision shortened the age gap.
	pub(crate) fn shortening_age_gap(mut self) -> Self {
		self.act.terms.shortens_age_gap = true;
		self
	}
}

impl ActCall for AdoptionAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		CivilEvents::register_adoption(
			origin,
			at,
			on,
			self.child,
			self.mother,
			self.father,
			self.seal,
			h(0xad),
			self.terms,
			choices(self.surnames),
			document,
		)
	}
}

pub(crate) struct PaternityAct {
	child: PersonId,
	father: PersonId,
	court_decision: Option<H256>,
	adult_consent: Option<H256>,
}

/// The establishment of `father`'s paternity of `child`, on the parents' application.
pub(crate) fn paternity(child: PersonId, father: PersonId) -> Register<PaternityAct> {
	Register::new(PaternityAct { child, father, court_decision: None, adult_consent: None })
}

impl Register<PaternityAct> {
	/// Established by the court decision `decision`.
	pub(crate) fn court(mut self, decision: H256) -> Self {
		self.act.court_decision = Some(decision);
		self
	}
	/// With the adult child's written consent `consent`.
	pub(crate) fn consent(mut self, consent: H256) -> Self {
		self.act.adult_consent = Some(consent);
		self
	}
}

impl ActCall for PaternityAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		// On the parents' joint application it is registered on its day.
		registered(self.court_decision.is_none().then_some(on), || {
			CivilEvents::register_paternity(
				origin,
				at,
				on,
				self.child,
				self.father,
				self.court_decision,
				self.adult_consent,
				document,
			)
		})
	}
}

pub(crate) struct NameChangeAct {
	person: PersonId,
	new_data_root: H256,
	consent: Option<H256>,
}

/// The change of name of `person`, whose data root becomes `new_data_root`, on their own
/// application.
pub(crate) fn name_change(person: PersonId, new_data_root: H256) -> Register<NameChangeAct> {
	Register::new(NameChangeAct { person, new_data_root, consent: None })
}

impl Register<NameChangeAct> {
	/// With the consent `consent` of the guardianship authority or of both parents.
	pub(crate) fn consent(mut self, consent: H256) -> Self {
		self.act.consent = Some(consent);
		self
	}
}

impl ActCall for NameChangeAct {
	fn call(
		self,
		origin: RuntimeOrigin,
		at: JurisdictionId,
		on: Date,
		document: H256,
	) -> DispatchResult {
		// Registered on its day.
		on_day(on, || {
			CivilEvents::register_name_change(
				origin,
				at,
				on,
				self.person,
				self.new_data_root,
				self.consent,
				document,
			)
		})
	}
}

impl ChoosesSurname for MarriageAct {
	fn surnames(&mut self) -> &mut Vec<SurnameChoice> {
		&mut self.surnames
	}
}

impl ChoosesSurname for DivorceAct {
	fn surnames(&mut self) -> &mut Vec<SurnameChoice> {
		&mut self.surnames
	}
}

impl ChoosesSurname for AdoptionAct {
	fn surnames(&mut self) -> &mut Vec<SurnameChoice> {
		&mut self.surnames
	}
}
