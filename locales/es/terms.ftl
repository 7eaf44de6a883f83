## Region

region-africa = África
region-americas = Las Américas
region-asia-pacific = Asia y el Pacífico
region-europe = Europa

## OrganisationKind

organisation-kind-social-security-institution = Institución de seguridad social
organisation-kind-pension-fund = Fondo de pensiones
organisation-kind-health-insurance = Fondo de seguro de salud
organisation-kind-occupational-risk-insurer = Asegurador de riesgos profesionales
organisation-kind-ministry = Ministerio o departamento gubernamental
organisation-kind-mutual-benefit-society = Mutualidad
organisation-kind-non-profit-provider = Proveedor de servicios sin fines de lucro

## Topic

topic-actuarial = Actuarial
topic-communication = Comunicación
topic-compliance = Cumplimiento y recaudación de cotizaciones
topic-continuity = Continuidad y resiliencia
topic-demographic-changes = Cambios demográficos
topic-digital-economy = Economía digital
topic-disability = Discapacidad
topic-employment = Empleo
topic-error-evasion-fraud = Error, evasión y fraude
topic-extension-of-coverage = Extensión de la cobertura
topic-family-benefits = Prestaciones familiares
topic-governance = Gobernanza y administración
topic-health = Salud
topic-human-resources = Gestión de recursos humanos
topic-ict = TIC
topic-investment = Inversión
topic-maternity = Maternidad
topic-migration = Migración
topic-mutual-benefit-societies = Mutualidades
topic-occupational-accidents = Accidentes del trabajo y enfermedades profesionales
topic-old-age-pensions = Vejez – pensiones
topic-prevention = Prevención de riesgos profesionales
topic-return-to-work = Reincorporación al trabajo
topic-service-quality = Calidad del servicio
topic-shocks = Crisis y fenómenos extremos
topic-social-assistance = Asistencia social
topic-social-policies = Políticas y programas sociales
topic-workplace-health = Promoción de la salud en el lugar de trabajo

## Award

award-good-practice-award = Premio a la buena práctica
award-merit-special-mention = Certificado de mérito con mención especial
award-merit = Certificado de mérito
award-attestation = Constancia
award-innovation-distinction = Distinción especial a la innovación

## Language


## ImpactArea

impact-area-service-delivery = Prestación de servicios sociales del sector público
impact-area-public-value = Creación de valor público

## Approach

approach-activist = Activista
approach-transformative = Transformador

## InnovationType

innovation-type-incremental = Técnica / incremental
innovation-type-sustaining = Organizativa / de mantenimiento
innovation-type-disruptive = Disruptiva
innovation-type-transformative = Transformadora

## SocialInnovationElement

social-innovation-element-need-driven = Resultado guiado por una necesidad o un objetivo
social-innovation-element-open-process = Proceso abierto y recombinante
social-innovation-element-changed-relations = Cambio profundo en las relaciones entre actores
social-innovation-element-public-value-allocation = (Re)asignación del valor público

## GovernanceLevel

governance-level-segregated = Segregado
governance-level-intra-governmental = Intragubernamental
governance-level-inter-governmental = Intergubernamental
governance-level-cross-sectoral = Intersectorial
governance-level-extended = Ampliado

## IntegrationType

integration-type-financing = Financiación
integration-type-administrative = Administrativa
integration-type-organisational = Organizativa
integration-type-service-delivery = Prestación de servicios

## PracticeStatus

practice-status-published = Publicada
practice-status-unpublished = No publicada

## ScreeningItem

screening-item-region-member = La institución pertenece a la región del concurso
screening-item-entry-limit = La institución tiene como máximo 10 candidaturas en el concurso
screening-item-template-complete = Todas las partes de la plantilla están completas
screening-item-word-limits = El resumen tiene como máximo 180 palabras y el cuerpo como máximo 1500
screening-item-endorsement-present = Consta el aval de la alta dirección
screening-item-language-accepted = El idioma de la candidatura está declarado
screening-item-issa-member = La institución es miembro de la AISS al día en sus obligaciones
screening-item-endorsement-genuine = Quien avala ocupa un cargo de alta dirección
screening-item-language-matches = El texto está escrito en el idioma declarado

## EntryStatus

entry-status-draft = Borrador
entry-status-submitted = Presentada
entry-status-withdrawn = Retirada
entry-status-screening = En examen
entry-status-eligible = Admisible
entry-status-ineligible = No admisible

## AuditSubject

audit-subject-entry = Candidatura
audit-subject-membership = Afiliación
audit-subject-organisation = Institución
audit-subject-account = Cuenta
audit-subject-competition = Concurso
audit-subject-practice = Práctica

## AuditAction

audit-action-registered = Cuenta registrada
audit-action-admin-created = Cuenta de la secretaría creada
audit-action-password-changed = Contraseña cambiada
audit-action-password-reset = Contraseña restablecida mediante enlace por correo electrónico
audit-action-role-changed = Función cambiada
audit-action-membership-requested = Solicitud para actuar por la institución
audit-action-membership-approved = Afiliación aprobada
audit-action-membership-rejected = Afiliación rechazada
audit-action-organisation-registered = Institución registrada
audit-action-organisation-approved = Institución aprobada
audit-action-entry-created = Borrador iniciado
audit-action-entry-submitted = Presentada
audit-action-entry-withdrawn = Retirada
audit-action-screening-started = Examen iniciado
audit-action-entry-eligible = Declarada admisible
audit-action-entry-ineligible = Declarada no admisible
audit-action-entry-returned = Devuelta para completar
audit-action-competition-created = Concurso creado
audit-action-phase-advanced = Paso a la fase siguiente
audit-action-phase-reopened = Fase reabierta
audit-action-juror-appointed = Miembro del jurado nombrado
audit-action-juror-dismissed = Miembro del jurado destituido
audit-action-jury-assigned = Candidaturas asignadas al jurado
audit-action-jurors-reminded = Recordatorio enviado a los miembros del jurado

## Phase

phase-draft = En preparación
phase-open = Abierto a candidaturas
phase-screening = Examen
phase-review = Evaluación del jurado
phase-deliberation = Deliberación
phase-published = Resultados publicados
preference-eager = Con mucho interés
preference-willing = Dispuesto/a a evaluarla
preference-rather-not = Preferiría no

## Role

role-secretariat = Secretaría
role-juror = Miembro del jurado
role-submitter = Remitente

## MembershipStatus

membership-status-requested = Pendiente de aprobación
membership-status-approved = Aprobada
membership-status-rejected = Rechazada

## ReviewStatus

review-status-draft = Borrador
review-status-submitted = Presentada
audit-action-feedback-released = Comentarios publicados
audit-action-assigned-across-languages = Asignada a un jurado que no lee el idioma de la candidatura
audit-action-translation-saved = Versión en otro idioma guardada
audit-action-translation-removed = Versión en otro idioma eliminada
