## Shared words

list-separator = {", "}
quoted = “{ $text }”
practices-counted = { $count ->
    [one] { $count } practice
   *[other] { $count } practices
}
search-label = Search the practices
search-button = Search
breadcrumb = Breadcrumb
practice = Practice
institution = Institution
country = Country
competition = Competition
summary = Summary
classification = Classification
approach = Approach
to-be-announced = to be announced
pages = Pages
page-previous = Previous
page-previous-hidden = page
page-next = Next
page-next-hidden = page
page-hidden = Page
title-page = , page { $page }

## Home

home-title = Good practices in social security
home-lead = A public database of practices that social-security institutions have submitted to the regional Good Practice Awards: how they extended coverage, improved services and used ICT to innovate, each judged by an international jury and classified with the JRC framework for ICT-enabled social innovation.
home-search-placeholder = e.g. pension, return to work, mobile
home-stats = { $practices } practices from { $institutions } institutions in { $countries } countries.
home-winners = Latest award winners
home-no-winners = No award has been published yet.
home-by-region = Browse by region
home-by-topic = Browse by topic

## The list

list-title-search = “{ $text }” in the practice database
feed-of-list = Newest practices of this list
feed-title = Newest good practices in social security
sort-by = Sort by
sort-relevance = Relevance
sort-newest = Newest first
sort-title = Title (A–Z)
jump-to-filters = Jump to the filters
no-practice-found = No practice found
showing-range = , showing { $first }–{ $last }
no-match-text-filters = No practice matches “{ $text }” with these filters.
no-match-text = No practice matches “{ $text }”.
no-match-filters = No practice matches these filters.
hint-remove-filter = Remove a filter above to widen the search.
hint-fewer-words = Try fewer or more general words; every word must appear.
browse-all = Browse all practices
filters-title = Filter the practices
filters-hint = Values of one filter combine with “or”, different filters with “and”. Counts show what each choice would give.
show-all = Show all { $count }
apply-filters = Apply filters
active-filters = Active filters:
remove-filter = (remove this filter)
clear-filters = Clear the search and all filters
views-of-these = Views of these practices
view-list = List
download = Download:
atom-feed = Atom feed
practices-matching = Practices matching:

facet-region = Region
facet-country = Country
facet-topic = Topic
facet-award = Award
facet-year = Competition year
facet-innovation = ICT-enabled innovation type
facet-governance = Governance level of integration
facet-integration = Type of service integration
facet-element = Social-innovation element
facet-impact = Impact area
facet-language = Language
facet-organisation = Institution

## A practice

jointly-with = Jointly with
implemented-since = Implemented since
entry-language = Language of the entry
section-challenge = The challenge
section-solution = Solution and implementation
section-results = Results achieved
section-innovation = Innovation
section-sustainability = Sustainability
section-replicability = Replicability
classification-topics = Topics
classification-elements = Social-innovation elements
classification-integrations = Types of service integration
dimension-governance = Governance level of service integration
related-practices = Related practices
mini-map-title = Position on the IESI framework
mini-map-innovation = Innovation
mini-map-integration = Integration
mini-map-same-cell = Practices in the same cell
mini-map-link = the framework map

## An institution

institution-kind = Kind
institution-practices = { $count ->
    [one] { $count } practice, alone or jointly
   *[other] { $count } practices, alone or jointly
}
institution-no-practice = This institution has no published practice yet.
institution-browse = Search and filter these practices in the database

## The framework map

framework-title = IESI framework map
framework-heading = The IESI framework map
framework-description = Where { $counted } of good practice in social security{ $scope } sit on the JRC framework for ICT-enabled social innovation: innovation type against governance level of service integration, by impact area.
framework-lead = The JRC framework for ICT-enabled social innovation places each practice on a plane: how radical its use of ICT is, and how far it integrates services across organisations. Each cell counts the practices there and splits them by impact area; follow a cell to list them.
framework-on-plane = { $counted } on the plane
framework-plane-title = Practices by ICT-enabled innovation type and governance level of service integration
framework-plane-desc = Innovation types run from technical or incremental on the left to transformative on the right; governance levels from segregated at the bottom to extended at the top. Each cell is a link to its practices.
framework-position = { $innovation } innovation, { $governance } integration
framework-cell = { $position }: { $counted }
framework-counted = { $counted }: { $split }
framework-impact-count = { $count } { $impact }
framework-mini-description = { $position }, impact on { $impact }
framework-legend = The number in a cell counts its practices; the darker the cell, the more practices. The bar and the two numbers under it split them by impact area:
framework-legend-delivery = left part and first number: public-sector social service delivery
framework-legend-value = right part and second number: public value creation
framework-table = The same numbers as a table
framework-table-caption = Practices by governance level (rows) and ICT-enabled innovation type (columns); in brackets, public-sector social service delivery + public value creation
governance-level = Governance level
framework-dimensions = The dimensions
framework-innovation-across = ICT-enabled innovation type (across)
framework-governance-up = Governance level of service integration (up)
innovation-type-incremental-about = ICT automates existing work and raises productivity.
innovation-type-sustaining-about = New organisational forms, methods, partnerships, business or funding models.
innovation-type-disruptive-about = Services or delivery mechanisms that would be impossible without ICT.
innovation-type-transformative-about = A radical change of how services are delivered, often outside established institutions: a new concept of the service.
governance-level-segregated-about = One organisation delivers the service alone.
governance-level-intra-governmental-about = Integration within one level of government: case management, a one-stop window, back-office integration.
governance-level-inter-governmental-about = Several levels of government: shared databases, coordinated case management.
governance-level-cross-sectoral-about = Government together with private or non-profit providers.
governance-level-extended-about = Beyond operational boundaries: services co-produced with the people they serve.
impact-area-service-delivery-about = The practice changes how social services reach people.
impact-area-public-value-about = The practice creates public value: access to services, satisfaction, importance, fairness and cost.

## Statistics

statistics-description = { $counted } of good practice in social security{ $scope } by region, competition year, topic, award, ICT-enabled innovation type and type of service integration.
statistics-lead = { $counted } by region, competition year, topic, award, innovation type and type of service integration. A practice with several topics, awards or integration types counts under each. Follow a bar to list its practices.
statistics-filters = Each chart applies every filter but its own, so a chart of a filtered dimension still compares all its values: the bars show what each value would give.
statistics-empty = No practice has a value here yet.
statistics-table = The numbers as a table
statistics-value = Value
statistics-practices = Practices
statistics-bar = { $label }: { $counted }
statistics-by-region = Practices by region
statistics-by-year = Practices by competition year
statistics-by-topic = Practices by topic
statistics-by-award = Practices by award
statistics-by-innovation = Practices by ICT-enabled innovation type
statistics-by-integration = Practices by type of service integration

## Competitions

competitions-description = The regional competitions of the Good Practice Awards: their calls, deadlines and results.
competitions-none = No competition has been announced yet.
entries-until = entries until { $deadline }
phase = Phase
opens = Opens
submission-deadline = Submission deadline
review-until = Jury review until
results = Results
participation = { $entries } entries from { $institutions } institutions in { $countries } countries.
other-practices = Other practices of this competition
the-call = The call
how-judged = How entries are judged
how-judged-text = Each criterion is scored from { $scale }; the weights say how much it counts in the total.
scale-range = { $min } to { $max }
weight = weight { $weight }
enter-practice = Enter a practice

practice-documents = Documents
search-showing-results-for = Showing results for “{ $text }”.
search-exact-instead = Search for “{ $text }” exactly
search-index-building = The search index is being built: some practices may be missing from the results for a few minutes.
certificate-heading = Certificate
certificate-presented-to = is presented to
certificate-for-the-practice = for the good practice
certificate-in-the-competition = in
certificate-and = {" and "}
certificate-competition-of-year = ISSA Good Practice Award { $year }
certificate-download = Download the certificate (PDF)
cite-heading = How to cite this practice
cite-text = { $institution } ({ $year }). { $title }. { $portal }. { $url } (accessed { $date }).
cite-download = For a reference manager:

## The world map

map-description = Good practices in social security on a world map: { $counted }{ $scope } by the country of each institution.
map-lead = { $counted }, by the country of the institutions that carried them out (a practice of several institutions counts in each of their countries). The map applies every filter but the country, so that it still compares all countries. Follow a country to list its practices.
map-range = { $from }–{ $to }
map-legend = Practices per country:
map-source = Outlines: Natural Earth (public domain). Countries too small to see at this size are shown as circles.
map-table = Practices by country
