## Versiones de una práctica en otros idiomas.

practice-versions = Leer en:
practice-original = original
translation-heading = Versiones en otros idiomas
translation-original = Redactada en { $language }.
translation-versions = Versiones
translation-none-yet = Todavía no hay versiones en otro idioma.
translation-language = Idioma
translation-title = Título
translation-actions = Acciones
translation-change = Cambiar la versión en { $language }
translation-remove = Eliminar la versión en { $language }
translation-add = Añadir o reemplazar una versión
translation-add-hint = Una versión en un idioma que la práctica ya tiene la reemplaza. El título y el resumen son obligatorios; una sección vacía muestra la del original.
translation-section-hint = Déjela vacía para mostrar la del original.
translation-save = Guardar la versión
translation-saved = La versión se ha guardado.
translation-removed = La versión se ha eliminado.
translation-choose-language = Elija el idioma de la versión.
translation-not-the-original = La práctica ya está redactada en este idioma.
translation-title-needed = Escriba el título en este idioma.
translation-title-too-long = Use como máximo { $max } caracteres.
translation-summary-needed = Escriba el resumen en este idioma.
translation-practice-intro = Cada lector ve primero la versión en su idioma; la búsqueda encuentra todas las versiones y la API las enumera.
translation-entry-intro = El jurado lee la candidatura en el idioma en que está escrita. Las versiones añadidas aquí antes de la publicación de los resultados se publican con la práctica; después, las gestiona la secretaría.
translation-entry-link = las versiones de la candidatura en otros idiomas
