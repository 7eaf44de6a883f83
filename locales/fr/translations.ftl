## Versions d’une pratique dans d’autres langues.

practice-versions = À lire en :
practice-original = original
translation-heading = Versions dans d’autres langues
translation-original = Rédigée en { $language }.
translation-versions = Versions
translation-none-yet = Aucune version dans une autre langue pour l’instant.
translation-language = Langue
translation-title = Titre
translation-actions = Actions
translation-change = Modifier la version en { $language }
translation-remove = Supprimer la version en { $language }
translation-add = Ajouter ou remplacer une version
translation-add-hint = Une version dans une langue que la pratique a déjà la remplace. Le titre et le résumé sont requis ; une section laissée vide montre celle de l’original.
translation-section-hint = Laissez vide pour montrer celle de l’original.
translation-save = Enregistrer la version
translation-saved = La version est enregistrée.
translation-removed = La version est supprimée.
translation-choose-language = Choisissez la langue de la version.
translation-not-the-original = La pratique est déjà rédigée dans cette langue.
translation-title-needed = Saisissez le titre dans cette langue.
translation-title-too-long = Utilisez au plus { $max } caractères.
translation-summary-needed = Saisissez le résumé dans cette langue.
translation-practice-intro = Chaque lecteur voit d’abord la version dans sa langue ; la recherche trouve toutes les versions et l’API les énumère.
translation-entry-intro = Le jury lit la candidature dans la langue où elle est écrite. Les versions ajoutées ici avant la publication des résultats sont publiées avec la pratique ; ensuite, le secrétariat s’en occupe.
translation-entry-link = les versions de la candidature dans d’autres langues
