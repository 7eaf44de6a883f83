## Seguir una búsqueda por correo electrónico.

alert-link = Seguir por correo
alert-every-practice = todas las prácticas
alert-new-heading = Seguir esta búsqueda por correo electrónico
alert-follows = Nuevas prácticas que coinciden con:
alert-see-list = Ver la lista
alert-new-explained = Le enviaremos, como máximo una vez por semana, las prácticas publicadas a partir de ahora que coincidan con esta búsqueda. No necesita una cuenta. Primero enviamos un enlace para confirmar la dirección; cada correo incluye un enlace para darse de baja.
alert-new-button = Enviarme el enlace de confirmación
alert-link-sent = Un enlace para confirmar la alerta va camino de { $email }. La alerta empieza cuando lo abra y confirme; es válido durante 7 días. Si esta dirección ya sigue esta búsqueda, no se envía nada más.
alert-confirm-heading = Confirme su alerta
alert-confirm-text = Una vez confirmada, { $email } recibe como máximo una vez por semana las nuevas prácticas que coinciden con { $scope }.
alert-confirm-button = Confirmar la alerta
alert-confirmed-heading = Su alerta está confirmada
alert-sends-text = { $email } recibe como máximo una vez por semana las nuevas prácticas que coinciden con { $scope }.
alert-end-link = Cancelar esta alerta
alert-end-heading = Cancelar esta alerta
alert-end-button = Cancelar la alerta
alert-ended-heading = Alerta cancelada
alert-ended-text = Ya no se envían correos a { $email } sobre nuevas prácticas que coinciden con { $scope }.
alert-follow-again = Seguir de nuevo esta búsqueda
