# The `hark` command's own words, in English.

## A problem, as the command prints it under its sentence.

cli-problem-remedy = What to do: { $remedy }
cli-problem-code = (code: { $code })
cli-problem-code-said = (code: { $code }; platform said { $raw_code }: { $raw_message })
cli-problem-kept = The note is kept as send #{ $id } (hark history).

## Times, in the reader's time zone.

time-local = { $year }-{ $month }-{ $day } { $time }

## `hark history`.

cli-history-empty = Nothing sent yet.
cli-send-state-queued = queued
cli-send-state-sending = sending
cli-send-state-sent = sent
cli-send-state-failed = failed
cli-send-state-unknown = unknown
cli-send-state-interrupted = interrupted
cli-history-message-id = message id { $id }
cli-history-media-id = media id { $id }
cli-history-interrupted = Hark stopped before the note went out; it is kept at { $path } (hark resend { $id })
cli-history-stopped-may-have-it = Hark stopped while the note was going out: the customer may have it. Check the conversation before sending again (hark resend --force { $id }).
cli-history-may-have-it = The customer may have this note. Check the conversation before sending again (hark resend --force { $id }).

## `hark send` and `hark resend`: what went out.

cli-sent-to = Sent to { $recipient } with “{ $account }” ({ $platform }).
cli-sent-as-it-was = {" "}(sent as it was)
cli-sent-message-id = Message id: { $id }
cli-sent-no-message-id = { $platform } returns no message id; media id: { $id }, accepted at { $when }
cli-sent-to-inbox = Delivered to the sandbox inbox: { $path }
cli-sent-history = History: send #{ $id }
cli-sent-unrecorded = the note was sent, but the history could not record it: { $why }

## `hark doctor`.

doctor-title = Hark { $version } — checking this computer
# One check: what was checked, and what was found.
doctor-line = { $title }: { $verdict }
doctor-audio = Microphone
doctor-keychain = Keychain
doctor-data-dir = Data folder
doctor-audio-ready = Ready: "{ $device }" records at { $rate } Hz, { $channels ->
        [one] { $channels } channel
       *[other] { $channels } channels
    } through { $host } ({ $count ->
        [one] { $count } input device
       *[other] { $count } input devices
    } found).
doctor-keychain-ready = Ready: the system keychain is unlocked and a test secret was stored, read back and removed.
doctor-data-dir-ready = Ready: notes and history are kept in { $dir }.
doctor-input-devices = Input devices ({ $host }):
doctor-no-device-opens = none that opens
doctor-device-default = { $name } (default)
doctor-more-devices = ({ $count } more listed by { $host } that do not open; `--json` lists them)
doctor-all-ok = Everything Hark needs works.
doctor-problem = Hark found a problem; see "What to do" above.
