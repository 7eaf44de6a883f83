## The page frame

site-name = Portal de buenas prácticas
site-description = Una base de datos pública de buenas prácticas en seguridad social y de innovación social basada en las TIC, con los premios de un jurado internacional.
feed-newest = Prácticas más recientes
skip-to-content = Ir al contenido
nav-main = Menú principal
nav-practices = Base de prácticas
nav-framework = Mapa del marco
nav-statistics = Estadísticas
nav-map = Mapa
nav-competitions = Concursos
nav-our-entries = Nuestras candidaturas
nav-secretariat = Secretaría
nav-jury = Jurado
nav-your-account = (su cuenta)
nav-sign-out = Cerrar sesión
nav-sign-in = Iniciar sesión
nav-register = Registrarse
nav-languages = Idioma
footer-classification = Las prácticas se clasifican según los temas de la AISS y el marco del JRC para la innovación social basada en las TIC (IESI).

## Error pages

error-not-found = Página no encontrada
error-not-found-text = No hay nada en esta dirección. Puede que la página se haya trasladado o que el enlace esté mal escrito.
error-forbidden = Acceso no permitido
error-forbidden-text = Su cuenta no da acceso a esta página. Si cree que debería, consulte a la secretaría.
error-csrf = Este formulario ha caducado
error-csrf-text = El formulario no llevaba el código de seguridad de esta sesión (quizá proceda de una sesión anterior o de otro sitio), así que no se ha cambiado nada. Vuelva atrás, recargue la página y envíe el formulario de nuevo.
error-form = No se pudo leer el formulario
error-form-text = Lo que se envió es demasiado grande o no es un formulario. No se ha cambiado nada.
error-internal = Algo salió mal
error-internal-text = El portal no pudo responder a esta solicitud. El problema ha quedado registrado; vuelva a intentarlo dentro de un momento.
error-method = No disponible de esta forma
error-method-text = Esta dirección existe, pero no para este tipo de solicitud (por ejemplo, un formulario enviado a una página que solo muestra contenido). No se ha cambiado nada.
error-busy = El portal está ocupado
error-busy-text = Demasiadas personas están iniciando sesión o registrándose en este momento. No se ha cambiado nada; inténtelo de nuevo en unos segundos.
error-unavailable = El portal no puede acceder a su base de datos
error-unavailable-text = La base de datos no responde en este momento, por lo que esta página no se puede mostrar. Inténtelo de nuevo dentro de un minuto; si estaba enviando un formulario, compruebe después si se guardó.
error-go-home = Ir a la página de inicio
error-go-search = Buscar en la base de prácticas

## Forms

errors-title = Corrija lo siguiente
choose = Elija…
