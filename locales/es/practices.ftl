## Shared words

list-separator = {", "}
quoted = «{ $text }»
practices-counted = { $count ->
    [one] { $count } práctica
   *[other] { $count } prácticas
}
search-label = Buscar en las prácticas
search-button = Buscar
breadcrumb = Ruta de navegación
practice = Práctica
institution = Institución
country = País
competition = Concurso
summary = Resumen
classification = Clasificación
approach = Enfoque
to-be-announced = por anunciar
pages = Páginas
page-previous = Anterior
page-previous-hidden = página
page-next = Siguiente
page-next-hidden = página
page-hidden = Página
title-page = , página { $page }

## Home

home-title = Buenas prácticas en seguridad social
home-lead = Una base de datos pública de las prácticas que las instituciones de seguridad social han presentado a los Premios regionales a las buenas prácticas: cómo ampliaron la cobertura, mejoraron los servicios e innovaron con las TIC, cada una evaluada por un jurado internacional y clasificada según el marco del JRC para la innovación social basada en las TIC.
home-search-placeholder = p. ej. pensión, reincorporación al trabajo, móvil
home-stats = { $practices } prácticas de { $institutions } instituciones en { $countries } países.
home-winners = Últimos premiados
home-no-winners = Todavía no se ha publicado ningún premio.
home-by-region = Explorar por región
home-by-topic = Explorar por tema

## The list

list-title-search = «{ $text }» en la base de prácticas
feed-of-list = Prácticas más recientes de esta lista
feed-title = Buenas prácticas en seguridad social más recientes
sort-by = Ordenar por
sort-relevance = Relevancia
sort-newest = Más recientes primero
sort-title = Título (A–Z)
jump-to-filters = Ir a los filtros
no-practice-found = No se encontró ninguna práctica
showing-range = , se muestran { $first }–{ $last }
no-match-text-filters = Ninguna práctica coincide con «{ $text }» con estos filtros.
no-match-text = Ninguna práctica coincide con «{ $text }».
no-match-filters = Ninguna práctica coincide con estos filtros.
hint-remove-filter = Quite un filtro de arriba para ampliar la búsqueda.
hint-fewer-words = Pruebe con menos palabras o con palabras más generales; deben aparecer todas.
browse-all = Ver todas las prácticas
filters-title = Filtrar las prácticas
filters-hint = Los valores de un mismo filtro se combinan con «o», los filtros distintos con «y». Los números indican lo que daría cada opción.
show-all = Mostrar las { $count }
apply-filters = Aplicar filtros
active-filters = Filtros activos:
remove-filter = (quitar este filtro)
clear-filters = Borrar la búsqueda y todos los filtros
views-of-these = Vistas de estas prácticas
view-list = Lista
download = Descargar:
atom-feed = Canal Atom
practices-matching = Prácticas que coinciden con:

facet-region = Región
facet-country = País
facet-topic = Tema
facet-award = Premio
facet-year = Año del concurso
facet-innovation = Tipo de innovación basada en las TIC
facet-governance = Nivel de gobernanza de la integración
facet-integration = Tipo de integración de servicios
facet-element = Elemento de innovación social
facet-impact = Ámbito de impacto
facet-language = Idioma
facet-organisation = Institución

## A practice

jointly-with = Conjuntamente con
implemented-since = Aplicada desde
entry-language = Idioma de la candidatura
section-challenge = El desafío
section-solution = Solución y aplicación
section-results = Resultados obtenidos
section-innovation = Innovación
section-sustainability = Sostenibilidad
section-replicability = Replicabilidad
classification-topics = Temas
classification-elements = Elementos de innovación social
classification-integrations = Tipos de integración de servicios
dimension-governance = Nivel de gobernanza de la integración de servicios
related-practices = Prácticas relacionadas
mini-map-title = Posición en el marco IESI
mini-map-innovation = Innovación
mini-map-integration = Integración
mini-map-same-cell = Prácticas de la misma casilla
mini-map-link = el mapa del marco

## An institution

institution-kind = Tipo
institution-practices = { $count ->
    [one] { $count } práctica, sola o en colaboración
   *[other] { $count } prácticas, solas o en colaboración
}
institution-no-practice = Esta institución todavía no tiene ninguna práctica publicada.
institution-browse = Buscar y filtrar estas prácticas en la base

## The framework map

framework-title = Mapa del marco IESI
framework-heading = El mapa del marco IESI
framework-description = Dónde se sitúan { $counted } de buenas prácticas en seguridad social{ $scope } en el marco del JRC para la innovación social basada en las TIC: tipo de innovación frente a nivel de gobernanza de la integración de servicios, por ámbito de impacto.
framework-lead = El marco del JRC para la innovación social basada en las TIC sitúa cada práctica en un plano: cuán radical es su uso de las TIC y hasta dónde integra servicios entre organizaciones. Cada casilla cuenta sus prácticas y las reparte por ámbito de impacto; siga una casilla para verlas.
framework-on-plane = { $counted } en el plano
framework-plane-title = Prácticas por tipo de innovación basada en las TIC y nivel de gobernanza de la integración de servicios
framework-plane-desc = Los tipos de innovación van de técnica o incremental, a la izquierda, a transformadora, a la derecha; los niveles de gobernanza, de segregado, abajo, a ampliado, arriba. Cada casilla es un enlace a sus prácticas.
framework-position = Innovación: { $innovation }; integración: { $governance }
framework-cell = { $position }: { $counted }
framework-counted = { $counted }: { $split }
framework-impact-count = { $count } { $impact }
framework-mini-description = { $position }; impacto en { $impact }
framework-legend = El número de una casilla cuenta sus prácticas; cuanto más oscura la casilla, más prácticas. La barra y los dos números de debajo las reparten por ámbito de impacto:
framework-legend-delivery = parte izquierda y primer número: prestación de servicios sociales del sector público
framework-legend-value = parte derecha y segundo número: creación de valor público
framework-table = Los mismos números en una tabla
framework-table-caption = Prácticas por nivel de gobernanza (filas) y tipo de innovación basada en las TIC (columnas); entre paréntesis, prestación de servicios sociales del sector público + creación de valor público
governance-level = Nivel de gobernanza
framework-dimensions = Las dimensiones
framework-innovation-across = Tipo de innovación basada en las TIC (en horizontal)
framework-governance-up = Nivel de gobernanza de la integración de servicios (en vertical)
innovation-type-incremental-about = Las TIC automatizan el trabajo existente y aumentan la productividad.
innovation-type-sustaining-about = Nuevas formas de organización, métodos, alianzas, modelos de negocio o de financiación.
innovation-type-disruptive-about = Servicios o mecanismos de prestación que serían imposibles sin las TIC.
innovation-type-transformative-about = Un cambio radical en la forma de prestar los servicios, a menudo fuera de las instituciones establecidas: un nuevo concepto del servicio.
governance-level-segregated-about = Una sola organización presta el servicio.
governance-level-intra-governmental-about = Integración dentro de un mismo nivel de gobierno: gestión de casos, ventanilla única, integración de las funciones de apoyo.
governance-level-inter-governmental-about = Varios niveles de gobierno: bases de datos compartidas, gestión de casos coordinada.
governance-level-cross-sectoral-about = El gobierno junto con proveedores privados o sin fines de lucro.
governance-level-extended-about = Más allá de los límites operativos: servicios coproducidos con las personas a las que sirven.
impact-area-service-delivery-about = La práctica cambia la forma en que los servicios sociales llegan a las personas.
impact-area-public-value-about = La práctica crea valor público: acceso a los servicios, satisfacción, importancia, equidad y costo.

## Statistics

statistics-description = { $counted } de buenas prácticas en seguridad social{ $scope } por región, año del concurso, tema, premio, tipo de innovación basada en las TIC y tipo de integración de servicios.
statistics-lead = { $counted } por región, año del concurso, tema, premio, tipo de innovación y tipo de integración de servicios. Una práctica con varios temas, premios o tipos de integración cuenta en cada uno. Siga una barra para ver sus prácticas.
statistics-filters = Cada gráfico aplica todos los filtros salvo el suyo, de modo que el gráfico de una dimensión filtrada sigue comparando todos sus valores: las barras muestran lo que daría cada valor.
statistics-empty = Ninguna práctica tiene todavía un valor aquí.
statistics-table = Los números en una tabla
statistics-value = Valor
statistics-practices = Prácticas
statistics-bar = { $label }: { $counted }
statistics-by-region = Prácticas por región
statistics-by-year = Prácticas por año del concurso
statistics-by-topic = Prácticas por tema
statistics-by-award = Prácticas por premio
statistics-by-innovation = Prácticas por tipo de innovación basada en las TIC
statistics-by-integration = Prácticas por tipo de integración de servicios

## Competitions

competitions-description = Los concursos regionales de los Premios a las buenas prácticas: convocatorias, plazos y resultados.
competitions-none = Todavía no se ha anunciado ningún concurso.
entries-until = candidaturas hasta el { $deadline }
phase = Fase
opens = Apertura
submission-deadline = Plazo de presentación
review-until = Evaluación del jurado hasta
results = Resultados
participation = { $entries } candidaturas de { $institutions } instituciones en { $countries } países.
other-practices = Otras prácticas de este concurso
the-call = La convocatoria
how-judged = Cómo se evalúan las candidaturas
how-judged-text = Cada criterio se puntúa de { $scale }; las ponderaciones indican cuánto cuenta en el total.
scale-range = { $min } a { $max }
weight = ponderación { $weight }
enter-practice = Presentar una práctica

practice-documents = Documentos
search-showing-results-for = Resultados para «{ $text }».
search-exact-instead = Buscar exactamente «{ $text }»
search-index-building = El índice de búsqueda se está construyendo: algunas prácticas pueden faltar en los resultados durante unos minutos.
certificate-heading = Certificado
certificate-presented-to = se otorga a
certificate-for-the-practice = por la buena práctica
certificate-in-the-competition = en el
certificate-and = {" y "}
certificate-competition-of-year = Premio de buenas prácticas de la AISS { $year }
certificate-download = Descargar el certificado (PDF)
cite-heading = Cómo citar esta práctica
cite-text = { $institution } ({ $year }). { $title }. { $portal }. { $url } (consultado el { $date }).
cite-download = Para un gestor de referencias:

## The world map

map-description = Buenas prácticas en seguridad social en un mapa del mundo: { $counted }{ $scope } según el país de cada institución.
map-lead = { $counted }, según el país de las instituciones que las llevaron a cabo (una práctica de varias instituciones cuenta en cada uno de sus países). El mapa aplica todos los filtros salvo el país, para seguir comparando todos los países. Siga un país para ver la lista de sus prácticas.
map-range = { $from }–{ $to }
map-legend = Prácticas por país:
map-source = Contornos: Natural Earth (dominio público). Los países demasiado pequeños a esta escala se muestran como círculos.
map-table = Prácticas por país
