## Suivre une recherche par courriel.

alert-link = Suivre par courriel
alert-every-practice = toutes les pratiques
alert-new-heading = Suivre cette recherche par courriel
alert-follows = Nouvelles pratiques correspondant à :
alert-see-list = Voir la liste
alert-new-explained = Nous vous enverrons, au plus une fois par semaine, les pratiques publiées désormais qui correspondent à cette recherche. Aucun compte n’est nécessaire. Nous envoyons d’abord un lien pour confirmer l’adresse ; chaque courriel contient un lien pour arrêter.
alert-new-button = M’envoyer le lien de confirmation
alert-link-sent = Un lien pour confirmer l’alerte part vers { $email }. L’alerte commence une fois ce lien ouvert et confirmé ; il est valable 7 jours. Si cette adresse suit déjà cette recherche, rien de plus n’est envoyé.
alert-confirm-heading = Confirmez votre alerte
alert-confirm-text = Une fois l’alerte confirmée, { $email } reçoit au plus une fois par semaine les nouvelles pratiques correspondant à { $scope }.
alert-confirm-button = Confirmer l’alerte
alert-confirmed-heading = Votre alerte est confirmée
alert-sends-text = { $email } reçoit au plus une fois par semaine les nouvelles pratiques correspondant à { $scope }.
alert-end-link = Arrêter cette alerte
alert-end-heading = Arrêter cette alerte
alert-end-button = Arrêter l’alerte
alert-ended-heading = Alerte arrêtée
alert-ended-text = Plus aucun courriel n’est envoyé à { $email } au sujet des nouvelles pratiques correspondant à { $scope }.
alert-follow-again = Suivre de nouveau cette recherche
