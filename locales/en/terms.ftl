
## Region

region-africa = Africa
region-americas = The Americas
region-asia-pacific = Asia and the Pacific
region-europe = Europe

## OrganisationKind

organisation-kind-social-security-institution = Social security institution
organisation-kind-pension-fund = Pension fund
organisation-kind-health-insurance = Health insurance fund
organisation-kind-occupational-risk-insurer = Occupational risk insurer
organisation-kind-ministry = Ministry or government department
organisation-kind-mutual-benefit-society = Mutual benefit society
organisation-kind-non-profit-provider = Non-profit service provider

## Topic

topic-actuarial = Actuarial
topic-communication = Communication
topic-compliance = Compliance and contribution collection
topic-continuity = Continuity and resilience
topic-demographic-changes = Demographic changes
topic-digital-economy = Digital economy
topic-disability = Disability
topic-employment = Employment
topic-error-evasion-fraud = Error, evasion and fraud
topic-extension-of-coverage = Extension of coverage
topic-family-benefits = Family benefits
topic-governance = Governance and administration
topic-health = Health
topic-human-resources = Human resources management
topic-ict = ICT
topic-investment = Investment
topic-maternity = Maternity
topic-migration = Migration
topic-mutual-benefit-societies = Mutual benefit societies
topic-occupational-accidents = Occupational accidents and diseases
topic-old-age-pensions = Old age – pensions
topic-prevention = Prevention of occupational risks
topic-return-to-work = Return to work
topic-service-quality = Service quality
topic-shocks = Shocks and extreme events
topic-social-assistance = Social assistance
topic-social-policies = Social policies and programmes
topic-workplace-health = Workplace health promotion

## Award

award-good-practice-award = Good Practice Award
award-merit-special-mention = Certificate of Merit with Special Mention
award-merit = Certificate of Merit
award-attestation = Attestation
award-innovation-distinction = Special Distinction for Innovation

## Language


## ImpactArea

impact-area-service-delivery = Public-sector social service delivery
impact-area-public-value = Public value creation

## Approach

approach-activist = Activist
approach-transformative = Transformative

## InnovationType

innovation-type-incremental = Technical / incremental
innovation-type-sustaining = Organisational / sustaining
innovation-type-disruptive = Disruptive
innovation-type-transformative = Transformative

## SocialInnovationElement

social-innovation-element-need-driven = Need- or goal-driven outcome
social-innovation-element-open-process = Open, recombinant process
social-innovation-element-changed-relations = Fundamental change in relations between actors
social-innovation-element-public-value-allocation = (Re)allocation of public value

## GovernanceLevel

governance-level-segregated = Segregated
governance-level-intra-governmental = Intra-governmental
governance-level-inter-governmental = Inter-governmental
governance-level-cross-sectoral = Cross-sectoral
governance-level-extended = Extended

## IntegrationType

integration-type-financing = Financing
integration-type-administrative = Administrative
integration-type-organisational = Organisational
integration-type-service-delivery = Service delivery

## PracticeStatus

practice-status-published = Published
practice-status-unpublished = Unpublished

## ScreeningItem

screening-item-region-member = The institution belongs to the competition's region
screening-item-entry-limit = The institution has at most 10 entries in the competition
screening-item-template-complete = Every part of the template is filled in
screening-item-word-limits = The summary is within 180 words and the body within 1,500
screening-item-endorsement-present = An endorsement by senior management is given
screening-item-language-accepted = The language of the entry is declared
screening-item-issa-member = The institution is an ISSA member in good standing
screening-item-endorsement-genuine = The endorser holds a senior management position
screening-item-language-matches = The text is written in the declared language

## EntryStatus

entry-status-draft = Draft
entry-status-submitted = Submitted
entry-status-withdrawn = Withdrawn
entry-status-screening = In screening
entry-status-eligible = Eligible
entry-status-ineligible = Ineligible

## AuditSubject

audit-subject-entry = Entry
audit-subject-membership = Membership
audit-subject-organisation = Institution
audit-subject-account = Account
audit-subject-competition = Competition
audit-subject-practice = Practice

## AuditAction

audit-action-registered = Account registered
audit-action-admin-created = Secretariat account created
audit-action-password-changed = Password changed
audit-action-password-reset = Password reset by e-mail link
audit-action-role-changed = Role changed
audit-action-membership-requested = Asked to act for the institution
audit-action-membership-approved = Membership approved
audit-action-membership-rejected = Membership rejected
audit-action-organisation-registered = Institution registered
audit-action-organisation-approved = Institution approved
audit-action-entry-created = Draft started
audit-action-entry-submitted = Submitted
audit-action-entry-withdrawn = Withdrawn
audit-action-screening-started = Screening started
audit-action-entry-eligible = Found eligible
audit-action-entry-ineligible = Found ineligible
audit-action-entry-returned = Returned for completion
audit-action-competition-created = Competition created
audit-action-phase-advanced = Phase moved on
audit-action-phase-reopened = Phase reopened
audit-action-juror-appointed = Juror appointed
audit-action-juror-dismissed = Juror dismissed
audit-action-jury-assigned = Entries assigned to jurors
audit-action-jurors-reminded = Jurors reminded of their reviews

## Phase

phase-draft = In preparation
phase-open = Open for entries
phase-screening = Screening
phase-review = Jury review
phase-deliberation = Deliberation
phase-published = Results published
preference-eager = Eager to judge it
preference-willing = Willing to judge it
preference-rather-not = Rather not

## Role

role-secretariat = Secretariat
role-juror = Juror
role-submitter = Submitter

## MembershipStatus

membership-status-requested = Awaiting approval
membership-status-approved = Approved
membership-status-rejected = Rejected

## ReviewStatus

review-status-draft = Draft
review-status-submitted = Submitted
audit-action-feedback-released = Feedback released
audit-action-assigned-across-languages = Assigned to a juror who does not read the entry's language
audit-action-translation-saved = Version in another language saved
audit-action-translation-removed = Version in another language removed
