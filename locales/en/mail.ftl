## E-mails: each has a subject and a body, written in the recipient's language.

mail-received =
    .subject = Entry received: { $title }
    .body =
        Your entry “{ $title }” to { $competition } was received on { $at } (entry number { $id }).

        The secretariat will screen it for completeness and eligibility and tell you the outcome. You can withdraw it until screening starts.
mail-eligible =
    .subject = Your entry is eligible: { $title }
    .body = Your entry “{ $title }” to { $competition } has been found complete and eligible. It goes forward to the jury.
mail-ineligible =
    .subject = Your entry is not eligible: { $title }
    .body =
        Your entry “{ $title }” to { $competition } has been found ineligible, for this reason:

        { $note }
mail-returned =
    .subject = Your entry needs completing: { $title }
    .body =
        Your entry “{ $title }” to { $competition } has been returned to you for completion, with this comment:

        { $note }

        It is a draft again: complete it and submit it once more.
mail-reset =
    .subject = Reset your password for the Good Practice Portal
    .body =
        Hello { $name },

        someone (we hope you) asked to reset the password of your account. Choose a new password here within one hour:

        { $link }

        The link works once. If you did not ask for it, ignore this message; your password stays as it is.
mail-membership-request =
    .subject = A membership request is waiting
    .body = { $name } ({ $email }) asks to act for { $institution }. Decide at { $link }
mail-membership-approved =
    .subject = Your membership request
    .body =
        Hello { $name },

        You can now act for { $institution } in the portal.
mail-membership-rejected =
    .subject = Your membership request
    .body =
        Hello { $name },

        Your request to act for { $institution } was not approved: { $note }
mail-results =
    .subject = Results of { $competition }
    .body = The results of { $competition } are published. Your entry “{ $title }” received { $outcome ->
        [award-and-distinction] { $award } and the Special Distinction for Innovation
        [award] { $award }
        [distinction] the Special Distinction for Innovation
       *[database] a place in the public database
    }.

    { $outcome ->
        [database] {""}
       *[other] Your certificate: { $certificate }
    }
mail-reminder =
    .subject = Reminder: your reviews for { $competition }
    .body =
        Hello { $name },

        { $left } of the { $assigned } entries assigned to you in { $competition } still wait for your submitted review.{ $closes ->
            [none] {""}
           *[other] {" "}The review closes on { $closes }.
        }

        Your entries: { $link }
mail-feedback =
    .subject = The jury’s feedback on “{ $title }”
    .body = The jury’s feedback on your entry “{ $title }” in { $competition } can now be read on its page: { $link }
mail-alert-confirm =
    .subject = Confirm your alert from the Good Practice Portal
    .body =
        Hello,

        someone (we hope you) asked the Good Practice Portal to e-mail this address, at most once a week, the new practices matching { $scope }. To start, confirm here within 7 days:

        { $link }

        If you did not ask for it, ignore this message: nothing will be sent.
mail-alert-digest =
    .subject = { $count ->
        [one] A new practice
       *[other] { $count } new practices
    } for your alert: { $scope }
    .body =
        { $count ->
            [one] One practice published
           *[other] { $count } practices published
        } in the Good Practice Portal since { $since } { $count ->
            [one] matches
           *[other] match
        } your alert, { $scope }:

        { $practices }

        { $more ->
            [0] The list, newest first:
           *[other] { $more } more, and all of them newest first:
        } { $list }

        To stop this alert, in one click: { $unsubscribe }
