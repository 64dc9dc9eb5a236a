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
cli-history-not-refreshed = Could not ask how far the notes of “{ $account }” got: { $why }
cli-send-state-queued = queued
cli-send-state-sending = sending
cli-send-state-sent = sent
cli-send-state-failed = failed
cli-send-state-unknown = unknown
cli-send-state-interrupted = interrupted
cli-send-state-delivered = delivered
cli-send-state-read = read
cli-send-state-played = played
cli-history-from-api = sent through the local API as { $id }
cli-history-named = { $name } <{ $id }>
cli-history-message-id = message id { $id }
cli-history-media-id = media id { $id }
cli-history-resent = sent again as #{ $again }
cli-history-interrupted = Hark stopped before the note went out; it is kept at { $path } (hark resend { $id })
cli-history-stopped-may-have-it = Hark stopped while the note was going out: the customer may have it. Check the conversation before sending again (hark resend --force { $id }).
cli-history-may-have-it = The customer may have this note. Check the conversation before sending again (hark resend --force { $id }).

## `hark send` and `hark resend`: what went out.

cli-sent-to = Sent to { $recipient } with “{ $account }” ({ $platform }).
cli-sent-as-it-was = {" "}(sent as it was)
cli-sent-message-id = Message id: { $id }
cli-sent-no-message-id = { $platform } returns no message id; media id: { $id }, accepted at { $when }
cli-sent-to-inbox = Delivered to the sandbox inbox: { $path }
cli-sent-name-them = To know them by name next time: hark contact add --profile "{ $account }" --name NAME { $id }
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

## What a note is: `hark convert`, `inspect`, `record` and `recover`.

cli-wrote = Wrote { $path }
cli-note-for = For { $platform }: { $how } → { $duration }, { $size }
cli-note-passed-through = sent as it is (already a voice note it plays)
cli-note-converted = converted to { $format }
cli-note-trimmed = (trimmed to the platform's limit)
cli-note-cleaned = Cleaned up: trimmed { $start } ms of silence at the start and { $end } ms at the end, { $gain }
cli-note-no-gain = no loudness change
cli-inspect-converted-everywhere = Converted before sending on any platform.
cli-inspect-plays-on = Already a voice note for: { $platforms }
# Between the items of a list, e.g. of platforms.
cli-list-separator = {", "}
cli-output-is-input = { $path } is the input file: Hark will not write the note over it.
cli-output-is-input-remedy = Choose another output file with -o.
cli-could-not-read = could not read { $what }
cli-could-not-write-man = could not write the manual pages into { $dir }

## `hark record`.

cli-record-start = Recording for { $platform } — press Enter or Ctrl-C to stop.
cli-record-enter-to-stop = Enter to stop ({ $platform })
cli-record-paused = (paused)
cli-record-countdown = { $seconds } s left — stops at { $limit } and keeps what you said
cli-record-stopped-at-limit = Stopped at { $platform }'s limit of { $limit }; everything said until then is kept.
cli-record-stopped-after = Stopped after { $limit } as asked.
cli-record-microphone-stopped = The microphone stopped: { $error }
cli-record-kept = What was recorded until then is kept.
cli-record-silent = Warning: nothing but silence was heard. Is the microphone muted, or is it the wrong one? `hark devices` lists the others.
cli-record-wrote = Wrote { $path } (from { $device })
cli-not-a-count = "{ $value }" is not a whole number
cli-not-a-send-number = "{ $value }" is not a send's number (hark history lists them)
cli-not-seconds = "{ $value }" is not a number of seconds above zero

## `hark recover`.

cli-recover-none = No interrupted recordings: nothing to recover.
cli-recover-take = { $id }  { $duration } for { $platform }
cli-recover-restored = Recovered { $id } → { $path }

## `hark devices`.

cli-devices-none = none that opens — run `hark doctor` to see why
cli-device-default = { $name }  (default)
cli-device-format = id: { $id }   { $rate } Hz, { $channels } ch, { $sample_format }
cli-device-supports = supports { $rates } Hz, { $channels } ch
cli-devices-record-with = Record from one with: hark record --device ID --for PLATFORM

## `hark inbox`.

cli-inbox-empty = The sandbox inbox is empty. Try: hark send --profile sandbox --to anyone NOTE
cli-inbox-item = { $when }  to { $recipient }  { $duration } · { $size }

## `hark send`: on its way.

cli-send-uploading = Uploading
cli-fetching = Fetching the audio
cli-send-sending = Sending…
cli-send-waiting = Waiting { $seconds } s: { $reason }
cli-send-retrying = { $reason } Trying again in { $seconds } s (attempt { $attempt }).

## `hark profile`.

cli-profile-added = Added “{ $name }” ({ $platform }). Its secrets are in the system keychain.
cli-profile-check-with = Check it with: hark profile verify "{ $name }"
cli-profile-none = No accounts. Add one with `hark profile add PLATFORM --name NAME`.
cli-profile-status-verified = ✓ verified
cli-profile-status-attention = ! needs attention
cli-profile-status-unchecked = · not checked yet
cli-profile-title = { $name } ({ $platform }, id { $id })
cli-profile-not-set = (not set)
cli-profile-default = (default)
cli-profile-missing-secret = (missing from the keychain)
cli-profile-added-at = Added
cli-profile-secrets-not-shown = (secrets not shown: { $why })
cli-profile-renamed = Renamed to “{ $name }”.
cli-profile-saved = Saved “{ $name }”. Check it with: hark profile verify "{ $name }"
cli-profile-removed = Removed “{ $name }” and its secrets.
cli-profile-verified = Verified as { $account }.
cli-profile-secret-stored = Stored a new { $label } for “{ $name }” in the keychain.
cli-profile-no-fields = { $platform } accounts take no fields.
cli-profile-fields = { $platform } accounts:
cli-field-secret = secret (stdin or prompt)
cli-field-required = required
cli-field-optional = optional
cli-field-required-with-mode = required with token mode { $mode }
cli-field-optional-with-mode = optional, token mode { $mode }
cli-flag-one-of = one of: { $choices }
cli-flag-default = default: { $value }
cli-field-prompt = { $label } ({ $help }):{" "}
cli-field-prompt-optional = { $label } (optional, Enter to skip):{" "}

## `hark contact`.

cli-contact-added = Added “{ $name }” ({ $id }) to the contacts of “{ $account }”.
cli-contact-none = “{ $account }” has no contacts yet. Add one with `hark contact add`, or import a CSV file with `hark contact import`.
cli-contact-unnamed = (no name yet)
cli-contact-origin-typed = typed in
cli-contact-origin-imported = imported
cli-contact-origin-learned = from a send
cli-contact-heard = , last wrote { $when }
cli-contact-renamed = { $id } is now “{ $name }”.
cli-contact-removed = Removed “{ $name }” from the contacts of “{ $account }”.
cli-contact-imported = From { $source }: { $added } added, { $updated } renamed, { $unchanged } already there.
cli-contact-reading = Reading the list: { $count } so far…
cli-contact-bad-line = line { $line }: { $why } (left out)
cli-contact-webhook-set = This bot has a webhook: Telegram gives its messages only to that address, so Hark cannot see who wrote without removing it, and leaves it as it is. Import a CSV file of names and chat ids instead.
cli-contact-cannot-ask = { $platform } cannot be asked who wrote to the account yet: import a CSV file of names and ids instead.

cli-api-key-created = API key “{ $name }” made. It is shown this once: keep it where the program that uses it keeps secrets.
cli-api-key-shown-once = Hark keeps only its hash; if it is lost, revoke it and make another.
cli-api-key-none = No API key yet: `hark api-key create NAME` makes one.
cli-api-key-revoked = API key “{ $name }” revoked: requests with it are refused from now on.
cli-api-key-made = made { $when }
cli-api-key-last-used = last used { $when }
cli-api-key-never-used = never used
cli-api-key-was-revoked = revoked { $when }
cli-serve-listening = Hark's send API is listening on { $url } (its OpenAPI document: { $url }/openapi.json).
cli-serve-no-key = No API key yet: every request will be refused until `hark api-key create NAME` makes one.
cli-serve-not-loopback = Listening on { $address }: other computers can reach this API. Requests carry keys and credentials in clear: put it behind TLS.
cli-serve-already = Another `hark serve` is working the queue of { $dir }: stop it first, or give this one another data folder (HARK_DATA_DIR).
cli-serve-cannot-listen = Cannot listen on { $address }: { $detail }
