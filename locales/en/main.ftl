## The page frame

site-name = Good Practice Portal
site-description = A public database of good practices in social security and ICT-enabled social innovation, with the awards of an international jury.
feed-newest = Newest practices
skip-to-content = Skip to content
nav-main = Main
nav-practices = Practice database
nav-framework = Framework map
nav-statistics = Statistics
nav-map = Map
nav-competitions = Competitions
nav-our-entries = Our entries
nav-secretariat = Secretariat
nav-jury = Jury
nav-your-account = (your account)
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-register = Register
nav-languages = Language
footer-classification = Practices are classified by the ISSA topics and the JRC framework for ICT-enabled social innovation (IESI).

## Error pages

error-not-found = Page not found
error-not-found-text = There is nothing at this address. It may have moved, or the link may be mistyped.
error-forbidden = Not allowed
error-forbidden-text = Your account does not give access to this page. If you think it should, ask the secretariat.
error-csrf = This form has expired
error-csrf-text = The form did not carry this session's security token (it may come from an earlier session or another site), so nothing was changed. Go back, reload the page and send the form again.
error-form = The form could not be read
error-form-text = What was sent is too large or not a form. Nothing was changed.
error-internal = Something went wrong
error-internal-text = The portal could not answer this request. The problem has been logged; please try again in a moment.
error-method = Not available this way
error-method-text = This address exists, but not for this kind of request (a form sent to a page that only shows, for instance). Nothing was changed.
error-busy = The portal is busy
error-busy-text = Too many people are signing in or registering at this moment. Nothing was changed; please try again in a few seconds.
error-unavailable = The portal cannot reach its database
error-unavailable-text = The database is not answering at the moment, so this page cannot be shown. Please try again in a minute; if you were sending a form, check afterwards whether it was saved.
error-go-home = Go to the home page
error-go-search = Search the practice database

## Forms

errors-title = Please correct the following
choose = Choose…
