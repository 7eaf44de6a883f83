## E-mails: each has a subject and a body, written in the recipient's language.

mail-received =
    .subject = Candidatura recibida: { $title }
    .body =
        Su candidatura «{ $title }» a { $competition } se recibió el { $at } (candidatura n.º { $id }).

        La secretaría comprobará que esté completa y sea admisible, y le comunicará el resultado. Puede retirarla hasta que comience el examen.
mail-eligible =
    .subject = Su candidatura es admisible: { $title }
    .body = Su candidatura «{ $title }» a { $competition } se ha declarado completa y admisible. Pasa a la evaluación del jurado.
mail-ineligible =
    .subject = Su candidatura no es admisible: { $title }
    .body =
        Su candidatura «{ $title }» a { $competition } se ha declarado no admisible por el motivo siguiente:

        { $note }
mail-returned =
    .subject = Su candidatura debe completarse: { $title }
    .body =
        Su candidatura «{ $title }» a { $competition } se le ha devuelto para que la complete, con este comentario:

        { $note }

        Vuelve a ser un borrador: complétela y preséntela de nuevo.
mail-reset =
    .subject = Restablecer su contraseña del Portal de buenas prácticas
    .body =
        Hola, { $name }:

        alguien (esperamos que usted) solicitó restablecer la contraseña de su cuenta. Elija una nueva contraseña aquí en el plazo de una hora:

        { $link }

        El enlace funciona una sola vez. Si no lo solicitó, ignore este mensaje; su contraseña no cambia.
mail-membership-request =
    .subject = Hay una solicitud de afiliación pendiente
    .body = { $name } ({ $email }) solicita actuar en nombre de { $institution }. Decida en { $link }
mail-membership-approved =
    .subject = Su solicitud de afiliación
    .body =
        Hola, { $name }:

        Ya puede actuar en nombre de { $institution } en el portal.
mail-membership-rejected =
    .subject = Su solicitud de afiliación
    .body =
        Hola, { $name }:

        Su solicitud para actuar en nombre de { $institution } no fue aprobada: { $note }
mail-results =
    .subject = Resultados de { $competition }
    .body = Se han publicado los resultados de { $competition }. Su candidatura «{ $title }» obtuvo { $outcome ->
        [award-and-distinction] el { $award } y la Distinción especial a la innovación
        [award] el { $award }
        [distinction] la Distinción especial a la innovación
       *[database] un lugar en la base de datos pública
    }.

    { $outcome ->
        [database] {""}
       *[other] Su certificado: { $certificate }
    }
mail-reminder =
    .subject = Recordatorio: sus evaluaciones para { $competition }
    .body =
        Hola { $name }:

        { $left } de las { $assigned } candidaturas que se le asignaron en { $competition } esperan todavía su evaluación enviada.{ $closes ->
            [none] {""}
           *[other] {" "}La evaluación se cierra el { $closes }.
        }

        Sus candidaturas: { $link }
mail-feedback =
    .subject = Los comentarios del jurado sobre «{ $title }»
    .body = Los comentarios del jurado sobre su candidatura «{ $title }» en { $competition } pueden leerse en su página: { $link }
mail-alert-confirm =
    .subject = Confirme su alerta del Portal de buenas prácticas
    .body =
        Hola:

        alguien (esperamos que usted) pidió al Portal de buenas prácticas que envíe a esta dirección, como máximo una vez por semana, las nuevas prácticas que coinciden con { $scope }. Para empezar, confirme aquí en un plazo de 7 días:

        { $link }

        Si no lo pidió, ignore este mensaje: no se enviará nada.
mail-alert-digest =
    .subject = { $count ->
        [one] Una nueva práctica
       *[other] { $count } nuevas prácticas
    } para su alerta: { $scope }
    .body =
        { $count ->
            [one] Una práctica publicada
           *[other] { $count } prácticas publicadas
        } en el Portal de buenas prácticas desde el { $since } { $count ->
            [one] coincide
           *[other] coinciden
        } con su alerta, { $scope }:

        { $practices }

        { $more ->
            [0] La lista, de la más reciente a la más antigua:
           *[other] { $more } más, y todas de la más reciente a la más antigua:
        } { $list }

        Para cancelar esta alerta, con un clic: { $unsubscribe }
