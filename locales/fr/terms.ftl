## Region

region-africa = Afrique
region-americas = Amériques
region-asia-pacific = Asie et Pacifique
region-europe = Europe

## OrganisationKind

organisation-kind-social-security-institution = Institution de sécurité sociale
organisation-kind-pension-fund = Caisse de retraite
organisation-kind-health-insurance = Caisse d’assurance maladie
organisation-kind-occupational-risk-insurer = Assureur des risques professionnels
organisation-kind-ministry = Ministère ou administration publique
organisation-kind-mutual-benefit-society = Mutuelle
organisation-kind-non-profit-provider = Prestataire de services à but non lucratif

## Topic

topic-actuarial = Actuariat
topic-communication = Communication
topic-compliance = Conformité et recouvrement des cotisations
topic-continuity = Continuité et résilience
topic-demographic-changes = Évolutions démographiques
topic-digital-economy = Économie numérique
topic-disability = Invalidité
topic-employment = Emploi
topic-error-evasion-fraud = Erreur, évasion et fraude
topic-extension-of-coverage = Extension de la couverture
topic-family-benefits = Prestations familiales
topic-governance = Gouvernance et administration
topic-health = Santé
topic-human-resources = Gestion des ressources humaines
topic-ict = TIC
topic-investment = Investissement
topic-maternity = Maternité
topic-migration = Migration
topic-mutual-benefit-societies = Mutuelles
topic-occupational-accidents = Accidents du travail et maladies professionnelles
topic-old-age-pensions = Vieillesse – pensions
topic-prevention = Prévention des risques professionnels
topic-return-to-work = Retour au travail
topic-service-quality = Qualité des services
topic-shocks = Chocs et événements extrêmes
topic-social-assistance = Assistance sociale
topic-social-policies = Politiques et programmes sociaux
topic-workplace-health = Promotion de la santé au travail

## Award

award-good-practice-award = Prix de bonne pratique
award-merit-special-mention = Certificat de mérite avec mention spéciale
award-merit = Certificat de mérite
award-attestation = Attestation
award-innovation-distinction = Distinction spéciale pour l’innovation

## Language


## ImpactArea

impact-area-service-delivery = Prestation de services sociaux publics
impact-area-public-value = Création de valeur publique

## Approach

approach-activist = Activiste
approach-transformative = Transformatrice

## InnovationType

innovation-type-incremental = Technique / incrémentale
innovation-type-sustaining = Organisationnelle / de continuité
innovation-type-disruptive = De rupture
innovation-type-transformative = Transformatrice

## SocialInnovationElement

social-innovation-element-need-driven = Résultat guidé par un besoin ou un objectif
social-innovation-element-open-process = Processus ouvert et recombinant
social-innovation-element-changed-relations = Changement profond des relations entre acteurs
social-innovation-element-public-value-allocation = (Ré)allocation de la valeur publique

## GovernanceLevel

governance-level-segregated = Cloisonné
governance-level-intra-governmental = Intragouvernemental
governance-level-inter-governmental = Intergouvernemental
governance-level-cross-sectoral = Intersectoriel
governance-level-extended = Élargi

## IntegrationType

integration-type-financing = Financement
integration-type-administrative = Administrative
integration-type-organisational = Organisationnelle
integration-type-service-delivery = Prestation de services

## PracticeStatus

practice-status-published = Publiée
practice-status-unpublished = Non publiée

## ScreeningItem

screening-item-region-member = L’institution appartient à la région du concours
screening-item-entry-limit = L’institution a au plus 10 candidatures dans le concours
screening-item-template-complete = Toutes les parties du modèle sont remplies
screening-item-word-limits = Le résumé compte au plus 180 mots et le corps au plus 1 500
screening-item-endorsement-present = Un aval de la direction générale est donné
screening-item-language-accepted = La langue de la candidature est déclarée
screening-item-issa-member = L’institution est membre de l’AISS en règle
screening-item-endorsement-genuine = La personne qui avalise occupe un poste de direction
screening-item-language-matches = Le texte est rédigé dans la langue déclarée

## EntryStatus

entry-status-draft = Brouillon
entry-status-submitted = Soumise
entry-status-withdrawn = Retirée
entry-status-screening = En cours d’examen
entry-status-eligible = Recevable
entry-status-ineligible = Irrecevable

## AuditSubject

audit-subject-entry = Candidature
audit-subject-membership = Adhésion
audit-subject-organisation = Institution
audit-subject-account = Compte
audit-subject-competition = Concours
audit-subject-practice = Pratique

## AuditAction

audit-action-registered = Compte créé
audit-action-admin-created = Compte du secrétariat créé
audit-action-password-changed = Mot de passe modifié
audit-action-password-reset = Mot de passe réinitialisé par lien envoyé par courriel
audit-action-role-changed = Rôle modifié
audit-action-membership-requested = Demande d’agir pour l’institution
audit-action-membership-approved = Adhésion approuvée
audit-action-membership-rejected = Adhésion refusée
audit-action-organisation-registered = Institution enregistrée
audit-action-organisation-approved = Institution approuvée
audit-action-entry-created = Brouillon commencé
audit-action-entry-submitted = Soumise
audit-action-entry-withdrawn = Retirée
audit-action-screening-started = Examen commencé
audit-action-entry-eligible = Jugée recevable
audit-action-entry-ineligible = Jugée irrecevable
audit-action-entry-returned = Renvoyée pour être complétée
audit-action-competition-created = Concours créé
audit-action-phase-advanced = Passage à la phase suivante
audit-action-phase-reopened = Phase rouverte
audit-action-juror-appointed = Juré nommé
audit-action-juror-dismissed = Juré révoqué
audit-action-jury-assigned = Candidatures attribuées aux jurés
audit-action-jurors-reminded = Rappel envoyé aux jurés

## Phase

phase-draft = En préparation
phase-open = Ouvert aux candidatures
phase-screening = Examen des candidatures
phase-review = Évaluation par le jury
phase-deliberation = Délibération
phase-published = Résultats publiés
preference-eager = Très intéressé·e
preference-willing = Disposé·e à l’évaluer
preference-rather-not = Plutôt pas

## Role

role-secretariat = Secrétariat
role-juror = Juré
role-submitter = Déposant

## MembershipStatus

membership-status-requested = En attente d’approbation
membership-status-approved = Approuvée
membership-status-rejected = Refusée

## ReviewStatus

review-status-draft = Brouillon
review-status-submitted = Soumise
audit-action-feedback-released = Retours publiés
audit-action-assigned-across-languages = Attribuée à un juré qui ne lit pas la langue de la candidature
audit-action-translation-saved = Version dans une autre langue enregistrée
audit-action-translation-removed = Version dans une autre langue supprimée
