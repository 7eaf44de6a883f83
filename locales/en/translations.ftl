## Versions of a practice in other languages.

practice-versions = Read it in:
practice-original = original
translation-heading = Versions in other languages
translation-original = Written in { $language }.
translation-versions = Versions
translation-none-yet = No version in another language yet.
translation-language = Language
translation-title = Title
translation-actions = Actions
translation-change = Change the { $language } version
translation-remove = Remove the { $language } version
translation-add = Add or replace a version
translation-add-hint = A version in a language the practice already has replaces it. The title and summary are needed; a section left empty shows the original’s.
translation-section-hint = Leave it empty to show the original’s.
translation-save = Save the version
translation-saved = The version is saved.
translation-removed = The version is removed.
translation-choose-language = Choose the language of the version.
translation-not-the-original = The practice is written in this language already.
translation-title-needed = Enter the title in this language.
translation-title-too-long = Use at most { $max } characters.
translation-summary-needed = Enter the summary in this language.
translation-practice-intro = Readers see the version in their own language first, and every version is found by search and listed by the API.
translation-entry-intro = The jury reads the entry in the language it is written in. Versions added here, until the results are published, are published with the practice; after that the secretariat looks after them.
translation-entry-link = the entry’s versions in other languages
