## Shared words

list-separator = {", "}
quoted = « { $text } »
practices-counted = { $count ->
    [one] { $count } pratique
   *[other] { $count } pratiques
}
search-label = Rechercher dans les pratiques
search-button = Rechercher
breadcrumb = Fil d’Ariane
practice = Pratique
institution = Institution
country = Pays
competition = Concours
summary = Résumé
classification = Classification
approach = Approche
to-be-announced = à annoncer
pages = Pages
page-previous = Précédente
page-previous-hidden = page
page-next = Suivante
page-next-hidden = page
page-hidden = Page
title-page = , page { $page }

## Home

home-title = Bonnes pratiques en sécurité sociale
home-lead = Une base de données publique des pratiques que des institutions de sécurité sociale ont présentées aux Prix régionaux de bonnes pratiques : comment elles ont étendu la couverture, amélioré leurs services et innové grâce aux TIC, chacune jugée par un jury international et classée selon le cadre du JRC pour l’innovation sociale fondée sur les TIC.
home-search-placeholder = p. ex. retraite, retour au travail, mobile
home-stats = { $practices } pratiques de { $institutions } institutions dans { $countries } pays.
home-winners = Derniers lauréats
home-no-winners = Aucun prix n’a encore été publié.
home-by-region = Parcourir par région
home-by-topic = Parcourir par thème

## The list

list-title-search = « { $text } » dans la base de pratiques
feed-of-list = Pratiques les plus récentes de cette liste
feed-title = Bonnes pratiques en sécurité sociale les plus récentes
sort-by = Trier par
sort-relevance = Pertinence
sort-newest = Plus récentes d’abord
sort-title = Titre (A–Z)
jump-to-filters = Aller aux filtres
no-practice-found = Aucune pratique trouvée
showing-range = , affichage { $first }–{ $last }
no-match-text-filters = Aucune pratique ne correspond à « { $text } » avec ces filtres.
no-match-text = Aucune pratique ne correspond à « { $text } ».
no-match-filters = Aucune pratique ne correspond à ces filtres.
hint-remove-filter = Retirez un filtre ci-dessus pour élargir la recherche.
hint-fewer-words = Essayez des mots moins nombreux ou plus généraux ; chaque mot doit figurer dans la pratique.
browse-all = Parcourir toutes les pratiques
filters-title = Filtrer les pratiques
filters-hint = Les valeurs d’un même filtre se combinent par « ou », des filtres différents par « et ». Les nombres indiquent ce que donnerait chaque choix.
show-all = Afficher les { $count }
apply-filters = Appliquer les filtres
active-filters = Filtres actifs :
remove-filter = (retirer ce filtre)
clear-filters = Effacer la recherche et tous les filtres
views-of-these = Vues de ces pratiques
view-list = Liste
download = Télécharger :
atom-feed = Flux Atom
practices-matching = Pratiques correspondant à :

facet-region = Région
facet-country = Pays
facet-topic = Thème
facet-award = Prix
facet-year = Année du concours
facet-innovation = Type d’innovation fondée sur les TIC
facet-governance = Niveau de gouvernance de l’intégration
facet-integration = Type d’intégration des services
facet-element = Élément d’innovation sociale
facet-impact = Domaine d’impact
facet-language = Langue
facet-organisation = Institution

## A practice

jointly-with = Conjointement avec
implemented-since = Mise en œuvre depuis
entry-language = Langue de la candidature
section-challenge = Le défi
section-solution = Solution et mise en œuvre
section-results = Résultats obtenus
section-innovation = Innovation
section-sustainability = Pérennité
section-replicability = Reproductibilité
classification-topics = Thèmes
classification-elements = Éléments d’innovation sociale
classification-integrations = Types d’intégration des services
dimension-governance = Niveau de gouvernance de l’intégration des services
related-practices = Pratiques apparentées
mini-map-title = Position dans le cadre IESI
mini-map-innovation = Innovation
mini-map-integration = Intégration
mini-map-same-cell = Pratiques de la même case
mini-map-link = la carte du cadre

## An institution

institution-kind = Type
institution-practices = { $count ->
    [one] { $count } pratique, seule ou en partenariat
   *[other] { $count } pratiques, seules ou en partenariat
}
institution-no-practice = Cette institution n’a encore aucune pratique publiée.
institution-browse = Rechercher et filtrer ces pratiques dans la base

## The framework map

framework-title = Carte du cadre IESI
framework-heading = La carte du cadre IESI
framework-description = Où se situent { $counted } de bonnes pratiques en sécurité sociale{ $scope } dans le cadre du JRC pour l’innovation sociale fondée sur les TIC : type d’innovation selon le niveau de gouvernance de l’intégration des services, par domaine d’impact.
framework-lead = Le cadre du JRC pour l’innovation sociale fondée sur les TIC place chaque pratique sur un plan : à quel point son usage des TIC est radical, et jusqu’où elle intègre les services entre organisations. Chaque case compte les pratiques qui s’y trouvent et les répartit par domaine d’impact ; suivez une case pour les afficher.
framework-on-plane = { $counted } sur le plan
framework-plane-title = Pratiques par type d’innovation fondée sur les TIC et niveau de gouvernance de l’intégration des services
framework-plane-desc = Les types d’innovation vont de technique ou incrémentale, à gauche, à transformatrice, à droite ; les niveaux de gouvernance de cloisonné, en bas, à élargi, en haut. Chaque case est un lien vers ses pratiques.
framework-position = Innovation : { $innovation } ; intégration : { $governance }
framework-cell = { $position } : { $counted }
framework-counted = { $counted } : { $split }
framework-impact-count = { $count } { $impact }
framework-mini-description = { $position }, impact sur { $impact }
framework-legend = Le nombre d’une case compte ses pratiques ; plus la case est foncée, plus elle en contient. La barre et les deux nombres en dessous les répartissent par domaine d’impact :
framework-legend-delivery = partie gauche et premier nombre : prestation de services sociaux publics
framework-legend-value = partie droite et second nombre : création de valeur publique
framework-table = Les mêmes nombres sous forme de tableau
framework-table-caption = Pratiques par niveau de gouvernance (lignes) et type d’innovation fondée sur les TIC (colonnes) ; entre parenthèses, prestation de services sociaux publics + création de valeur publique
governance-level = Niveau de gouvernance
framework-dimensions = Les dimensions
framework-innovation-across = Type d’innovation fondée sur les TIC (horizontalement)
framework-governance-up = Niveau de gouvernance de l’intégration des services (verticalement)
innovation-type-incremental-about = Les TIC automatisent le travail existant et accroissent la productivité.
innovation-type-sustaining-about = Nouvelles formes d’organisation, méthodes, partenariats, modèles économiques ou de financement.
innovation-type-disruptive-about = Des services ou des modes de prestation qui seraient impossibles sans les TIC.
innovation-type-transformative-about = Un changement radical de la manière dont les services sont rendus, souvent hors des institutions établies : une nouvelle conception du service.
governance-level-segregated-about = Une seule organisation fournit le service.
governance-level-intra-governmental-about = Intégration au sein d’un même niveau d’administration : gestion de cas, guichet unique, intégration des fonctions de support.
governance-level-inter-governmental-about = Plusieurs niveaux d’administration : bases de données partagées, gestion de cas coordonnée.
governance-level-cross-sectoral-about = Les pouvoirs publics avec des prestataires privés ou à but non lucratif.
governance-level-extended-about = Au-delà des frontières opérationnelles : des services coproduits avec les personnes qu’ils servent.
impact-area-service-delivery-about = La pratique change la manière dont les services sociaux atteignent les personnes.
impact-area-public-value-about = La pratique crée de la valeur publique : accès aux services, satisfaction, importance, équité et coût.

## Statistics

statistics-description = { $counted } de bonnes pratiques en sécurité sociale{ $scope } par région, année du concours, thème, prix, type d’innovation fondée sur les TIC et type d’intégration des services.
statistics-lead = { $counted } par région, année du concours, thème, prix, type d’innovation et type d’intégration des services. Une pratique qui a plusieurs thèmes, prix ou types d’intégration compte sous chacun d’eux. Suivez une barre pour afficher ses pratiques.
statistics-filters = Chaque graphique applique tous les filtres sauf le sien : le graphique d’une dimension filtrée compare donc toujours toutes ses valeurs, et les barres montrent ce que donnerait chaque valeur.
statistics-empty = Aucune pratique n’a encore de valeur ici.
statistics-table = Les nombres sous forme de tableau
statistics-value = Valeur
statistics-practices = Pratiques
statistics-bar = { $label } : { $counted }
statistics-by-region = Pratiques par région
statistics-by-year = Pratiques par année du concours
statistics-by-topic = Pratiques par thème
statistics-by-award = Pratiques par prix
statistics-by-innovation = Pratiques par type d’innovation fondée sur les TIC
statistics-by-integration = Pratiques par type d’intégration des services

## Competitions

competitions-description = Les concours régionaux des Prix de bonnes pratiques : appels, dates limites et résultats.
competitions-none = Aucun concours n’a encore été annoncé.
entries-until = candidatures jusqu’au { $deadline }
phase = Phase
opens = Ouverture
submission-deadline = Date limite de dépôt
review-until = Évaluation du jury jusqu’au
results = Résultats
participation = { $entries } candidatures de { $institutions } institutions dans { $countries } pays.
other-practices = Autres pratiques de ce concours
the-call = L’appel
how-judged = Comment les candidatures sont jugées
how-judged-text = Chaque critère est noté de { $scale } ; les coefficients indiquent son poids dans le total.
scale-range = { $min } à { $max }
weight = coefficient { $weight }
enter-practice = Présenter une pratique

practice-documents = Documents
search-showing-results-for = Résultats pour « { $text } ».
search-exact-instead = Rechercher exactement « { $text } »
search-index-building = L’index de recherche est en cours de construction : certaines pratiques peuvent manquer aux résultats pendant quelques minutes.
certificate-heading = Certificat
certificate-presented-to = est décerné à
certificate-for-the-practice = pour la bonne pratique
certificate-in-the-competition = dans le cadre du
certificate-and = {" et "}
certificate-competition-of-year = Prix des bonnes pratiques de l’AISS { $year }
certificate-download = Télécharger le certificat (PDF)
cite-heading = Comment citer cette pratique
cite-text = { $institution } ({ $year }). { $title }. { $portal }. { $url } (consulté le { $date }).
cite-download = Pour un gestionnaire de références :

## The world map

map-description = Bonnes pratiques en sécurité sociale sur une carte du monde : { $counted }{ $scope } selon le pays de chaque institution.
map-lead = { $counted }, selon le pays des institutions qui les ont menées (une pratique de plusieurs institutions compte dans chacun de leurs pays). La carte applique tous les filtres sauf le pays, pour comparer toujours tous les pays. Suivez un pays pour en lister les pratiques.
map-range = { $from }–{ $to }
map-legend = Pratiques par pays :
map-source = Contours : Natural Earth (domaine public). Les pays trop petits à cette échelle sont figurés par des cercles.
map-table = Pratiques par pays
