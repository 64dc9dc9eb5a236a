# The window's words, in English. Messages whose text is a control's label are
# short; `-help` ones are the sentences beside them.

## Buttons and words used across the window.

app-cancel = Cancel
app-save = Save
app-retry = Retry
# Who said a platform's own code and words: "WhatsApp said 190: Session expired".
app-platform-said = { $platform } said { $code }: { $words }

## Settings.

settings-title = Settings
settings-microphone = Microphone
settings-input-device = Input device
settings-system-default = System default
settings-device-default = { $name } (default)
settings-test = Test
settings-stop-test = Stop test
settings-microphone-level = Microphone level
settings-test-help = Speak while testing: the bar should move. Nothing is recorded.
settings-recording = Recording
settings-clean = Clean up while recording: trim silence at the ends, remove hum, even out the loudness
settings-shortcut = Recording shortcut
settings-shortcut-help = Works with another program in front. Click the field and press the new keys.
settings-shortcut-needs-modifier = Press the key together with Ctrl, Alt or Super (or use an F key), so that typing elsewhere never starts a recording.
settings-shortcut-toggle = Press to start, press again to stop
settings-shortcut-hold = Hold to talk: records while the keys are held, keeps the note when they are let go
settings-startup = Start-up
settings-start-at-login = Start Hark when I log in, in the tray
settings-theme = Theme
settings-theme-system = Follow the system
settings-theme-light = Light
settings-theme-dark = Dark
settings-language = Language
# $system: the system's language, as its own name says it.
settings-language-system = Follow the system ({ $system })
app-progress = Progress
app-loading-accounts = Loading your accounts…

## The accounts rail.

rail-accounts = Accounts
rail-add-account = Add account
rail-edit-account = Edit { $name }
rail-edit-title = Edit, verify or remove
rail-empty = Add your WeChat, Messenger, WhatsApp or Telegram account to send voice notes from it. Until then, try everything with the sandbox.
account-status-verified = verified
account-status-attention = needs attention
account-status-unchecked = not checked yet

## Recording, and notes kept from before.

record-blocked-by-account = Add an account to start
record-blocked-by-file = Wait until the file is ready, or cancel it.
recover-blocked-by-note = Send or discard the note in the preview first.
recover-blocked-by-recording = Finish the recording first.
recover-blocked-by-account = Choose an account first.

## A file made into a note.

import-making = Making the note… { $percent }%
import-reading = Reading the file…
import-fetching = Fetching the audio… { $got }
import-fetching-of = Fetching the audio… { $got } of { $total }
import-remaking = Making the note again…
drop-to-check = Drop to check it
drop-to-check-for = Drop to check it for { $platform }

## Leaving, and sending again.

quit-title = Quit Hark?
quit-recording-kept = The recording is stopped and kept. Hark offers it again the next time you open it.
quit-note-kept = The note in the preview is kept. Hark offers it again the next time you open it.
quit-confirm = Keep it and quit
quit-stay = Stay
send-again-title = Send this note again?
send-again-text = The customer may already have it: Hark could not tell whether { $platform } took it. Check the conversation with { $recipient } first.
send-again-confirm = Send it again
send-again-cancel = Don't send

## The sandbox inbox.

inbox-title = Sandbox inbox
inbox-close = Close the sandbox inbox
inbox-lede = What the customer received, as their phone shows it. Nothing left this computer.
inbox-empty = Nothing yet. Send a note with the Sandbox account and it arrives here.
inbox-to = To { $recipient } · { $when }
inbox-play = Play the voice note to { $recipient }

## The preview.

preview-label = Preview
preview-play = Play
preview-pause = Pause
preview-position = Position
# Read by a screen reader: "5 seconds of 1 minute 2 seconds".
preview-position-of = { $position } of { $duration }
preview-format-as-it-was = { $format } (as it was)
preview-speed = Playback speed
preview-checks-for = Checks for { $platform }
preview-discard = Discard
preview-keep-part = Keep the part that fits
preview-send = Send voice note
preview-sending = Sending…
verdict-level-ok = Fits:
verdict-level-warn = Warning:
verdict-level-fail = Does not fit:
discard-title = Discard this note?
discard-text = It is deleted from this computer and cannot be brought back.
discard-keep = Keep

## Durations, as a screen reader says them.

duration-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
duration-seconds = { $n ->
    [one] { $n } second
   *[other] { $n } seconds
}
# Between the minutes and the seconds.
duration-joiner = {" "}

## The fixes the window offers.

fix-edit-account = Edit the account
fix-human-agent-tag = Send with the human-agent tag
fix-send-as-file = Send as a file
fix-choose-microphone = Choose another microphone

## The history.

history-from-api = via the API
history-title = History
history-search = Search the history
history-search-placeholder = Search: recipient, account, message id
history-no-match = No sends match “{ $query }”.
history-empty = No notes yet. Notes you send, and any that fail, are listed here.
history-kept-in =
    .before = They are kept in
    .after = .
history-interrupted = Hark stopped before this note went out; it is kept.
history-by-session = Sent with credentials given for one request, which Hark never keeps: send it again from the program that sent it.
history-resent = Sent again: the newer entry shows where it stands.
history-may-have-arrived = The customer may already have this note: check the conversation before sending it again.
history-stopped-may-have-arrived = Hark stopped while this note was going out. The customer may already have this note: check the conversation before sending it again.
history-play = Play the note to { $recipient }
history-resend = Resend
history-send-again = Send again…
history-older = Show older sends
send-state-sent = sent
send-state-failed = failed
send-state-queued = queued
send-state-sending = sending
send-state-unknown = may have arrived
send-state-interrupted = interrupted

## The To field and the platform's limits.

to-label = To · { $hint }
to-placeholder = Name or recipient id
to-choose-account = choose an account first
recipient-hint-wechat = WeChat OpenID of a follower
recipient-hint-messenger = Page-scoped id (PSID) of the person
recipient-hint-whatsapp = Phone number with country code
recipient-hint-whatsapp-gateway = WhatsApp chat id (…@c.us or …@g.us)
recipient-hint-telegram = Chat id (the person must have started your bot)
recipient-hint-sandbox = Any name: the note stays on this computer
limits-label = { $platform } limits
limits-format = Sent as { $format } voice
limits-max-duration = max { $limit }
limits-max-size = max { $limit }
limits-play-button = play button up to { $size }
drop-hint = Drop an audio file anywhere ({ $formats }) — or
drop-choose-file = choose a file
drop-or = or
drop-paste-link = paste a link
link-title = Audio from a link
link-about = A link to an audio file (https; http only on this computer or your network). Hark fetches it and makes the note, as for a file. You can also paste a link anywhere in the window.
link-label = Link
link-fetch = Fetch
link-not-a-link = This is not a link: it starts with https://

## Recording.

record-label = Record
record-stop-and-keep = Stop and keep
record-time = Recorded time
record-paused = Paused
record-recording = Recording
record-size-of = { $size } of { $max }
record-recorded = { $duration } recorded
record-resume = Resume
record-stop = Stop
record-how =
    .before = Click to record (or press
    .after = {" "}from anywhere); again to stop. The note is ready the moment you stop.
record-how-hold =
    .before = Click to record, again to stop (or hold
    .after = {" "}from anywhere while you speak). The note is ready the moment you stop.

## Notes kept from before.

recovered-title = Not sent when Hark last closed
recovered-what = Recovered: { $what }
recovered-imported = { $duration } from { $name }, opened at { $at }
recovered-imported-unnamed = { $duration } from a file, opened at { $at }
recovered-interrupted = { $duration } recorded at { $at }, cut off when Hark closed
recovered-recorded = { $duration } recorded at { $at }
recovered-opening = Opening…
recovered-discard-text = Recovered: { $what }. It is deleted from this computer and cannot be brought back.

## The account form.

account-add-title = Add an account
account-platform = Platform
account-name = Name
account-name-placeholder = e.g. Acme support
account-optional = { $label } (optional)
account-type-to-replace = { $masked } — type to replace
account-kept-in-keychain = Kept only in your system keychain.
account-remove-question = Remove this account and its secrets?
account-remove = Remove
account-remove-ask = Remove…
account-done = Done
account-checking = Checking…
account-save-and-verify = Save and verify

## Each platform's fields: the label, and where the value is found.

field-wechat-api_base =
    .label = API base URL
    .help = Leave empty for the platform's own host; set it to go through a proxy.
field-wechat-app_id =
    .label = AppID
    .help = The Official Account's AppID (Settings & Development > Basic configuration).
field-wechat-token_mode =
    .label = Access token from
    .help = app_secret: Hark fetches tokens with the AppSecret (this computer's IP must be whitelisted); access_token: paste a token; relay: your own server hands out tokens.
field-wechat-relay_url =
    .label = Token relay URL
    .help = Your server that answers with {"{"}"access_token", "expires_in"{"}"}.
field-wechat-app_secret =
    .label = AppSecret
    .help = Shown once when it is created or reset.
field-wechat-access_token =
    .label = Access token
    .help = A token fetched elsewhere; it expires after about two hours.
field-wechat-relay_bearer =
    .label = Relay bearer token
    .help = Sent to the relay as Authorization: Bearer …, if it asks for one.
field-messenger-api_base =
    .label = API base URL
    .help = Leave empty for the platform's own host; set it to go through a proxy.
field-messenger-page_id =
    .label = Page ID
    .help = The Facebook Page's numeric id.
field-messenger-graph_version =
    .label = Graph API version
    .help = The Graph API version to call, e.g. v25.0.
field-messenger-messaging_type =
    .label = Messaging type
    .help = RESPONSE for replies inside the 24-hour window (the usual case), UPDATE for proactive sends inside it.
field-messenger-page_access_token =
    .label = Page access token
    .help = A Page token with the pages_messaging permission.
field-whatsapp-api_base =
    .label = API base URL
    .help = Leave empty for the platform's own host; set it to go through a proxy.
field-whatsapp-phone_number_id =
    .label = Phone number ID
    .help = From WhatsApp Manager > API setup (not the phone number itself).
field-whatsapp-graph_version =
    .label = Graph API version
    .help = The Graph API version to call, e.g. v25.0.
field-whatsapp-access_token =
    .label = Access token
    .help = A System User token with whatsapp_business_messaging (the dashboard's temporary token expires after 24 hours).
field-whatsapp-gateway-api_base =
    .label = Gateway URL
    .help = Where your WAHA-compatible gateway listens, e.g. http://localhost:3000.
field-whatsapp-gateway-session =
    .label = Session
    .help = The gateway's session (instance) name.
field-whatsapp-gateway-api_key =
    .label = API key
    .help = Sent as X-Api-Key, if the gateway asks for one.
field-telegram-api_base =
    .label = API base URL
    .help = Leave empty for the platform's own host; set it to go through a proxy.
field-telegram-bot_token =
    .label = Bot token
    .help = From @BotFather, like 123456:ABC-DEF….

## Sending, and what came of it.

send-preparing = Preparing…
send-uploading = Uploading { $percent }%
# $reason: why Hark waits (the platform's pace, a busy platform).
send-waiting = Waiting { $secs } s: { $reason }
send-retrying = { $reason } Trying again in { $secs } s.
send-upload = Upload
send-sent-to =
    .before = Sent to{" "}
    .after = {""}
send-with-account = with { $account }.
send-message-id = Message id
send-no-message-id = { $platform } returns no message id; media id
send-accepted-at = , accepted at { $when }.

## Notices after a recording.

record-silent = Nothing was heard: the microphone may be muted or the wrong one. Check it in Settings, then record again.
record-limit-reached = Recording stopped at the platform's limit; everything up to it is kept.
# $problem: what the sound system said, as a sentence.
record-device-stopped = The microphone stopped: { $problem } What was recorded is kept.
record-stop-recording = Stop recording
to-recent = Recent recipients
# A file that could not be made into a note, shown as it is.
clip-not-converted = { $format } (not converted)

## The window's own errors: app-error-<what> and app-remedy-<what>.

app-error-autostart-on = Hark could not start at login: { $detail }.
app-error-autostart-off = Hark could not stop starting at login: { $detail }.
app-remedy-autostart = Check that your home folder can be written to, then save again.
app-error-shortcut-taken = { $keys } is already used by another program or by the desktop.
app-remedy-shortcut-taken = Choose other keys.
app-error-shortcut-unavailable = This desktop does not let Hark use { $keys } from other programs ({ $detail }).
app-remedy-shortcut-unavailable = Choose other keys, or record with the button in Hark's window.
app-error-shortcut-unknown = { $keys } is not a key combination Hark knows.
app-error-shortcut-while-typing = { $keys } would start a recording while typing elsewhere: add Ctrl, Alt or Super.
app-remedy-shortcut-invalid = Click the field and press the keys together, e.g. Ctrl+Alt+R.
app-error-worker-stopped = Hark's worker stopped unexpectedly: { $detail }
app-remedy-restart = Try again; if it keeps happening, restart Hark.
app-error-file-not-chosen = Hark imports only a file you drop on its window or choose.
app-remedy-file-not-chosen = Drop the file on the window, or choose it with “choose a file”.
app-error-clip-gone = This note is no longer open.
app-remedy-clip-gone = Record it again, or drop the file again.
app-error-clip-unwritable = Hark could not keep the note in its data folder: { $detail }
app-remedy-clip-unwritable = Check that the disk has free space.
app-error-draft-gone = This note is no longer there.
app-remedy-draft-gone = It may have been opened or discarded in another Hark window.
app-error-inbox-unreadable = The sandbox inbox could not be read: { $detail }
app-remedy-inbox-unreadable = Check the data folder's permissions.
app-error-already-recording = A recording is already under way.
app-remedy-already-recording = Stop or discard it first.
app-error-recording-under-way = A recording is under way.
app-remedy-recording-under-way = Stop it before testing the microphone.
app-error-internal = { $detail }
app-remedy-internal = Try again.
app-error-not-recording = Nothing is being recorded.
app-remedy-not-recording = Press the record button to start.
app-error-does-not-fit = This note cannot be sent as it is.
app-remedy-does-not-fit = Follow the fix shown under the note.

## Desktop notifications, and the tray's menu.

notify-note = The { $duration } note to { $recipient } ({ $account })
notify-sent = Voice note sent
notify-sent-body = { $note } was delivered.
notify-unknown = Voice note: delivery unknown
notify-unknown-body = { $note } may or may not have arrived. { $why } Open Hark before sending it again.
notify-failed = Voice note not sent
notify-failed-body = { $note } was not sent. { $why }
notify-still-running = Hark is still running
notify-still-recording = Hark goes on recording with its window closed. Its icon in the tray shows the window again or quits.
notify-still-sending = Hark goes on sending with its window closed. Its icon in the tray shows the window again or quits.
tray-record = Record
tray-stop-recording = Stop recording
tray-show = Show Hark
tray-quit = Quit Hark
tray-tooltip-recording = Hark — recording

## Contacts: the To field's matches, the contacts dialog, naming someone just sent to.

contacts-open = Contacts
to-matches = Contacts that match
# $name, $id: the contact the To field sends to.
to-sends-to = Sends to { $name } · { $id }
contact-unnamed = Not named yet
contact-origin-typed = Added by hand
contact-origin-imported = Imported
contact-origin-learned = From a send
# $when: a local time.
contact-last-heard = wrote { $when }
contacts-title = Contacts · { $account }
contacts-close = Close the contacts
contacts-filter = Find a contact
contacts-import-platform = Import from { $platform }
contacts-import-file = Import a CSV file…
contacts-file-hint = A CSV file has a name and an id on each line, and may have a note; you can also drop it on this window.
contacts-importing = Importing… { $count } read so far.
contacts-imported = { $added } added, { $updated } updated, { $unchanged } already there.
contacts-left-out = { $count ->
    [one] One row was left out:
   *[other] { $count } rows were left out:
}
contacts-left-out-line = Line { $line }: { $why }
contacts-saved = { $name } is saved.
contacts-removed = { $name } is removed.
contacts-none = No contacts yet. Add one below, or import them; whoever you send a note to is kept here, to be named.
contacts-none-match = No contact matches.
contacts-new-name = New name for { $id }
contacts-save = Save
contacts-pick = Reply
contacts-pick-named = Reply to { $name }
contacts-rename = Rename
contacts-rename-named = Rename { $name }
contacts-name = Name
contacts-name-named = Name { $name }
contacts-remove = Remove
contacts-remove-named = Remove { $name }
contacts-add = Add a contact
contacts-name-label = Name
contacts-id-label = Id
contacts-id-hint = Id: { $hint }
contacts-note-label = Note (optional)
contacts-add-save = Add
send-name-them = They have no name yet. Name them, to find them by name next time:
send-name-save = Save the name
send-named = Saved as { $name }: type their name in To next time.
app-error-webhook-set = This bot has a webhook: Telegram gives its messages only to that address, so Hark cannot see who wrote without removing it, and leaves it as it is.
app-remedy-webhook-set = Import a CSV file of names and chat ids instead.
app-error-cannot-list-people = { $platform } cannot be asked who wrote to the account yet.
app-remedy-cannot-list-people = Import a CSV file of names and ids instead.
app-remedy-contacts-file-not-chosen = Drop the file on the window while the contacts are open, or choose it with “Import a CSV file”.

## The reply window, under the To field, where the platform has one and says when the customer last wrote.

# $left: a span (span-*).
window-open = Window open for { $left } more.
# $ago: a span; $until: a weekday and a time.
window-tag-only = Window closed { $ago } ago — on { $platform } a person can still reply with the Human agent tag until { $until }.
window-closed = Window closed { $ago } ago: { $platform } takes a note again once they write.
span-minutes = { $n } min
span-hours = { $n } h
span-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}

## How far a sent note got, where the platform says (a WhatsApp gateway).

send-reached-delivered = delivered
send-reached-read = read
send-reached-played = played
send-sent-title = Sent: { $platform } accepted the note. It does not tell Hark whether it was delivered or heard.
send-sent-reach-title = Sent: { $platform } accepted the note; it says when it is delivered, read and played (Refresh asks).
history-refresh = Refresh
history-refreshing = Asking…
history-not-refreshed = Could not ask how far the notes of “{ $account }” got: { $why }
