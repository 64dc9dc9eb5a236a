# The `hark` command's `--help`: `help-<command>` is a command's help,
# `help-<command>-<argument>` an argument's, `help-any-<argument>` the help of an
# argument many commands share; `.after` is printed below the options.

## The frame around the help.

cli-help-usage = Usage:{" "}
cli-help-commands = Commands
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-help = Print help
cli-help-version = Print version
cli-help-help-command = Print this message or the help of the given subcommand(s)

cli-flag-field = { $platforms } ({ $label })
cli-flag-field-separator = {"; "}

## Shared by many commands.

help-any-json = Print JSON
help-any-name = The account's name (or id)

## hark

help-hark = Send voice notes that arrive as real voice bubbles on WeChat, Messenger, WhatsApp and Telegram
    .after =
        Exit status:
          0  success (doctor: every check passed; inspect/convert: the note can be sent)
          1  the command ran and found a problem (doctor: a check failed; inspect/convert: the
             note does not fit the platform's limits)
          2  the command line was wrong (or named an account or a send that does not exist)
          3  Hark itself failed (e.g. could not write its output)
          4  the input file cannot be used (not audio Hark reads, damaged, or unreadable)
          5  the platform refused (credentials, recipient, messaging window, quota, …): the same
             send will fail again until the remedy printed with it is done
          6  a temporary failure (network, rate limit, platform busy): the same send may work
             later; the note is kept in the history either way
          7  the outcome is unknown: the request to send went out and its answer was lost or
             unreadable, so the customer may have the note; check the conversation before
             sending it again (hark resend asks for --force)
help-hark-verbose = Print what Hark does (requests, answers, timings; never a secret) on stderr

## hark doctor

help-doctor = Check that this computer can record and keep secrets: microphone, keychain, data folder. Prints a verdict for each, and what to do about a problem
help-doctor-json = Print the report as JSON (for scripts and support tickets)

## hark inspect

help-inspect = Show what an audio file is (format, duration, size) and, with --for, whether it can be sent on a platform and what would be sent
help-inspect-file = The audio file, or an https link to one (any common format; recognised by its content)
help-inspect-platform = Check it against this platform. Exit status 0 means Hark can send it there

## hark convert

help-convert = Make a platform's native voice note from any common audio file
help-convert-input = The audio file to convert, or an https link to one (any common format; recognised by its content)
help-convert-platform = The platform to make the voice note for
help-convert-output = Where to write the note [default: next to the input, e.g. reply.wechat.amr; for a link, in the current folder]
help-convert-clean = Clean up: trim silence, remove DC offset, normalise loudness to −16 LUFS
help-convert-trim_to_limit = If the audio is longer than the platform allows, keep its start instead of refusing

## hark devices

help-devices = List the microphones (input devices) Hark can record from

## hark record

help-record = Record a voice note from the microphone, encoded as you speak
help-record-platform = The platform to record the voice note for (sets the format and the time limit)
help-record-output = Where to write the note [default: note-<time>.<ext> in this folder]
help-record-device = The input device: an id or part of a name from `hark devices` [default: the system's default input]
help-record-seconds = Stop after this many seconds (the platform's own limit always applies)
help-record-no_clean = Record as it is: no silence trimming, DC removal or loudness levelling (which are applied while recording by default)
help-record-json = Print the result as JSON

## hark recover

help-recover = Restore recordings that were interrupted (a crash, a power cut) up to their last half-second, as notes in this folder
help-recover-list = Only list the interrupted takes; restore nothing
help-recover-output = Folder to write the restored notes to [default: this folder]

## hark profile

help-profile = Manage accounts: add, list, show, rename, remove, verify
help-profile-add = Add an account. Secrets are asked for (hidden) or read from standard input
    .after = Secrets (tokens, app secrets, API keys) are never taken from the command line: Hark asks for them with a hidden prompt, or reads them from standard input, one per line, in the order `hark profile fields PLATFORM` lists them.
help-profile-add-platform = The platform of the account
help-profile-add-name = A name for the account, e.g. "Acme support"
help-profile-list = List the accounts
help-profile-show = Show an account's fields, with its secrets masked (••••3f9a)
help-profile-rename = Rename an account (its secrets stay in the keychain, filed under its id)
help-profile-rename-name = The account's current name
help-profile-rename-new_name = Its new name
help-profile-edit = Change an account's name or fields (an empty value, e.g. --api-base '', goes back to the default). Secrets change with `hark profile set-secret`
help-profile-edit-new_name = A new name for it
help-profile-remove = Remove an account and its secrets from the keychain
help-profile-verify = Check an account's credentials with a cheap real call to the platform
help-profile-set-secret = Replace one secret of an account (read from standard input or a hidden prompt)
help-profile-set-secret-key = Which secret, e.g. bot_token [default: the account's only or required one]
help-profile-fields = List the fields and secrets an account on PLATFORM takes
help-profile-fields-platform = The platform whose fields to list

## hark send and resend

help-send = Send a voice note (any audio file) through an account
help-send-file = The audio file, or an https link to one (any common format; converted for the platform when needed)
help-send-profile = The account to send with (its name or id; `hark profile list`)
help-send-to = The recipient: a contact's name (`hark contact list`), or an OpenID, a PSID, a phone number, a chat id… (as the platform knows them). A Telegram group's id starts with a minus sign
help-send-tag = A message tag (Messenger only): human-agent is Messenger's HUMAN_AGENT tag, for a person replying up to 7 days after the customer's last message
help-send-as_file = Send the note as a file instead of a voice message (Telegram only: for people whose privacy settings refuse voice messages)
help-send-clean = Clean up the audio first: trim silence, remove DC offset, level to −16 LUFS
help-resend = Send the note of an earlier send again (same account, same recipient)
help-resend-id = The send's number in `hark history`
help-resend-force = Send it even if the customer has it or may have it (a send that was delivered, or whose outcome is unknown). Check the conversation first

## hark history and inbox

help-history = Every note sent or tried, with its receipt or error
help-history-limit = How many sends to show
help-history-refresh = First ask how far the last week's notes got, where the platform says (a WhatsApp gateway: delivered, read, played); elsewhere “sent” means the platform accepted the note
help-inbox = What the sandbox account received

## hark serve and api-key

help-serve = Serve the local send API: programs send voice notes through Hark over HTTP (POST /v1/send), with an API key
    .after = The notes go through the same checks, history and pacing as every other send. The API's OpenAPI document is at GET /openapi.json (or `hark serve --openapi`).
help-serve-listen = The address and port to listen on (another than 127.0.0.1 lets other computers reach it: put it behind TLS)
help-serve-workers = How many sends may be under way at once (one at a time per account)
help-serve-queue_limit = The most sends that may wait at once; more are refused (429) until some go out
help-serve-openapi = Print the API's OpenAPI document and stop
help-api-key = The keys programs use with `hark serve`: create, list, revoke
help-api-key-create = Make a key (it is shown once; Hark keeps only its hash)
help-api-key-create-name = What the key is for (the program that will use it)
help-api-key-list = List the keys (never the keys themselves)
help-api-key-revoke = Revoke a key: requests with it are refused from now on
help-api-key-revoke-key = The key's name or id

## hark completions and man

help-completions = Print a completion script for SHELL (e.g. `hark completions bash > /usr/share/bash-completion/completions/hark`)
help-completions-shell = The shell to complete for
help-man = Print the manual page (roff), e.g. `hark man > hark.1`; with --dir, write it and one page per subcommand (hark-send.1, hark-profile-add.1, …) into DIR
help-man-dir = The folder to write every page into

## A command line that is not right: clap finds what, these say it.

cli-usage-error = error: { $what }
cli-usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-usage-invalid-value-why = invalid value '{ $value }' for '{ $arg }': { $why }
cli-usage-invalid-value-choices = invalid value '{ $value }' for '{ $arg }' [possible values: { $choices }]
cli-usage-unknown-argument = unexpected argument '{ $arg }' found
cli-usage-unknown-command = unrecognized subcommand '{ $command }'
cli-usage-missing = the following required arguments were not provided: { $args }
cli-usage-missing-command = a command is required
cli-usage-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-usage-wrong-values = wrong number of values for '{ $arg }'
cli-usage-other = the command line is not one Hark understands
cli-usage-similar-argument = tip: a similar argument exists: '{ $like }'
cli-usage-similar-command = tip: a similar command exists: '{ $like }'
cli-usage-similar-value = tip: a similar value exists: '{ $like }'
cli-usage-more = For more information, try '--help'.

## hark contact

help-any-profile = The account (its name or id; `hark profile list`)
help-contact = Each account's contacts: add, list, rename, remove, import
help-contact-add = Add a contact to an account (or name the one with this id)
help-contact-add-name = The name the customer goes by
help-contact-add-id = Their id on the platform: a phone number, an OpenID, a PSID, a chat id…
help-contact-add-note = A note to keep with them
help-contact-list = List an account's contacts
help-contact-list-search = Only those whose name or id holds this (case and accents aside)
help-contact-rename = Give a contact a new name (kept over later imports)
help-contact-rename-contact = The contact's name or id
help-contact-rename-new_name = Their new name
help-contact-remove = Remove a contact
help-contact-remove-contact = The contact's name or id
help-contact-import = Add the contacts of a CSV file: a name and an id (or phone number) per row, an optional note after them; a row that cannot be a contact is reported by its line and the others are kept
help-contact-import-from_platform = Ask the platform who wrote to the account instead (Telegram: the chats whose messages the bot has not taken yet)
help-contact-import-file = The CSV file (UTF-8; commas or semicolons)
