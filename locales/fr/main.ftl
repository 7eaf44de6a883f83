## The page frame

site-name = Portail des bonnes pratiques
site-description = Une base de données publique de bonnes pratiques en sécurité sociale et d’innovation sociale fondée sur les TIC, avec les prix décernés par un jury international.
feed-newest = Pratiques les plus récentes
skip-to-content = Aller au contenu
nav-main = Menu principal
nav-practices = Base de pratiques
nav-framework = Carte du cadre
nav-statistics = Statistiques
nav-map = Carte
nav-competitions = Concours
nav-our-entries = Nos candidatures
nav-secretariat = Secrétariat
nav-jury = Jury
nav-your-account = (votre compte)
nav-sign-out = Se déconnecter
nav-sign-in = Se connecter
nav-register = S’inscrire
nav-languages = Langue
footer-classification = Les pratiques sont classées selon les thèmes de l’AISS et le cadre du JRC pour l’innovation sociale fondée sur les TIC (IESI).

## Error pages

error-not-found = Page introuvable
error-not-found-text = Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le lien contient une faute de frappe.
error-forbidden = Accès non autorisé
error-forbidden-text = Votre compte ne donne pas accès à cette page. Si vous pensez qu’il le devrait, adressez-vous au secrétariat.
error-csrf = Ce formulaire a expiré
error-csrf-text = Le formulaire ne portait pas le jeton de sécurité de cette session (il provient peut-être d’une session antérieure ou d’un autre site) ; rien n’a donc été modifié. Revenez en arrière, rechargez la page et envoyez de nouveau le formulaire.
error-form = Le formulaire n’a pas pu être lu
error-form-text = Ce qui a été envoyé est trop volumineux ou n’est pas un formulaire. Rien n’a été modifié.
error-internal = Une erreur s’est produite
error-internal-text = Le portail n’a pas pu répondre à cette demande. Le problème a été consigné ; veuillez réessayer dans un instant.
error-method = Pas disponible de cette façon
error-method-text = Cette adresse existe, mais pas pour ce type de requête (par exemple un formulaire envoyé à une page qui ne fait qu'afficher). Rien n'a été modifié.
error-busy = Le portail est occupé
error-busy-text = Trop de personnes se connectent ou s'inscrivent en ce moment. Rien n'a été modifié ; veuillez réessayer dans quelques secondes.
error-unavailable = Le portail ne peut pas joindre sa base de données
error-unavailable-text = La base de données ne répond pas pour le moment, cette page ne peut donc pas être affichée. Veuillez réessayer dans une minute ; si vous envoyiez un formulaire, vérifiez ensuite qu'il a bien été enregistré.
error-go-home = Aller à la page d’accueil
error-go-search = Rechercher dans la base de pratiques

## Forms

errors-title = Veuillez corriger les points suivants
choose = Choisir…
