## E-mails: each has a subject and a body, written in the recipient's language.

mail-received =
    .subject = Candidature reçue : { $title }
    .body =
        Votre candidature « { $title } » au concours { $competition } a été reçue le { $at } (candidature n° { $id }).

        Le secrétariat va l’examiner pour vérifier qu’elle est complète et recevable, et vous communiquera le résultat. Vous pouvez la retirer jusqu’au début de l’examen.
mail-eligible =
    .subject = Votre candidature est recevable : { $title }
    .body = Votre candidature « { $title } » au concours { $competition } a été jugée complète et recevable. Elle est transmise au jury.
mail-ineligible =
    .subject = Votre candidature n’est pas recevable : { $title }
    .body =
        Votre candidature « { $title } » au concours { $competition } a été jugée irrecevable, pour le motif suivant :

        { $note }
mail-returned =
    .subject = Votre candidature doit être complétée : { $title }
    .body =
        Votre candidature « { $title } » au concours { $competition } vous a été renvoyée pour être complétée, avec ce commentaire :

        { $note }

        Elle est de nouveau à l’état de brouillon : complétez-la et soumettez-la une nouvelle fois.
mail-reset =
    .subject = Réinitialiser votre mot de passe du Portail des bonnes pratiques
    .body =
        Bonjour { $name },

        quelqu’un (vous, nous l’espérons) a demandé la réinitialisation du mot de passe de votre compte. Choisissez un nouveau mot de passe ici dans l’heure :

        { $link }

        Le lien ne fonctionne qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message ; votre mot de passe reste inchangé.
mail-membership-request =
    .subject = Une demande d’adhésion est en attente
    .body = { $name } ({ $email }) demande à agir pour { $institution }. Décidez sur { $link }
mail-membership-approved =
    .subject = Votre demande d’adhésion
    .body =
        Bonjour { $name },

        Vous pouvez désormais agir pour { $institution } dans le portail.
mail-membership-rejected =
    .subject = Votre demande d’adhésion
    .body =
        Bonjour { $name },

        Votre demande d’agir pour { $institution } n’a pas été approuvée : { $note }
mail-results =
    .subject = Résultats du concours { $competition }
    .body = Les résultats du concours { $competition } sont publiés. Votre candidature « { $title } » a obtenu { $outcome ->
        [award-and-distinction] le prix « { $award } » et la Distinction spéciale pour l’innovation
        [award] le prix « { $award } »
        [distinction] la Distinction spéciale pour l’innovation
       *[database] une place dans la base de données publique
    }.

    { $outcome ->
        [database] {""}
       *[other] Votre certificat : { $certificate }
    }
mail-reminder =
    .subject = Rappel : vos évaluations pour { $competition }
    .body =
        Bonjour { $name },

        { $left } des { $assigned } candidatures qui vous sont attribuées dans { $competition } attendent encore votre évaluation soumise.{ $closes ->
            [none] {""}
           *[other] {" "}L’évaluation se termine le { $closes }.
        }

        Vos candidatures : { $link }
mail-feedback =
    .subject = Les retours du jury sur « { $title } »
    .body = Les retours du jury sur votre candidature « { $title } » au concours { $competition } peuvent être lus sur sa page : { $link }
mail-alert-confirm =
    .subject = Confirmez votre alerte du Portail des bonnes pratiques
    .body =
        Bonjour,

        quelqu’un (vous, nous l’espérons) a demandé au Portail des bonnes pratiques d’envoyer à cette adresse, au plus une fois par semaine, les nouvelles pratiques correspondant à { $scope }. Pour commencer, confirmez ici dans les 7 jours :

        { $link }

        Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera envoyé.
mail-alert-digest =
    .subject = { $count ->
        [one] Une nouvelle pratique
       *[other] { $count } nouvelles pratiques
    } pour votre alerte : { $scope }
    .body =
        { $count ->
            [one] Une pratique publiée
           *[other] { $count } pratiques publiées
        } dans le Portail des bonnes pratiques depuis le { $since } { $count ->
            [one] correspond
           *[other] correspondent
        } à votre alerte, { $scope } :

        { $practices }

        { $more ->
            [0] La liste, des plus récentes aux plus anciennes :
           *[other] { $more } de plus, et toutes des plus récentes aux plus anciennes :
        } { $list }

        Pour arrêter cette alerte, en un clic : { $unsubscribe }
