## Following a search by e-mail.

alert-link = Follow by e-mail
alert-every-practice = every practice
alert-new-heading = Follow this search by e-mail
alert-follows = New practices matching:
alert-see-list = See the list
alert-new-explained = We will e-mail you, at most once a week, the practices published from now on that match this search. No account is needed. First we send a link to confirm the address; every e-mail has a link to stop.
alert-new-button = Send me the link to confirm
alert-link-sent = A link to confirm the alert is on its way to { $email }. The alert starts once you open it and confirm; it works for 7 days. If this address follows this search already, nothing more is sent.
alert-confirm-heading = Confirm your alert
alert-confirm-text = Once confirmed, { $email } receives at most once a week the new practices matching { $scope }.
alert-confirm-button = Confirm the alert
alert-confirmed-heading = Your alert is confirmed
alert-sends-text = { $email } receives at most once a week the new practices matching { $scope }.
alert-end-link = Stop this alert
alert-end-heading = Stop this alert
alert-end-button = Stop the alert
alert-ended-heading = Alert stopped
alert-ended-text = No more e-mails go to { $email } about new practices matching { $scope }.
alert-follow-again = Follow this search again
