# Hark's sentences about what went wrong, in English.
#
# An error's sentence is `error-<code>` and what to do about it `remedy-<code>` (the
# code with `-` for `_`). A remedy that differs by where it is read has a `.cli`
# attribute (it may name a `hark` command) and an `.app` attribute (it names what the
# window offers, never a command). `$platform` is the platform's name, `$key` its key
# (wechat, messenger, whatsapp, whatsapp-gateway, telegram, sandbox).

## The platforms, as a sentence names them.

platform-wechat = WeChat
platform-messenger = Messenger
platform-whatsapp = WhatsApp
platform-whatsapp-gateway = WhatsApp gateway
platform-telegram = Telegram
platform-sandbox = Sandbox

## Who a platform can send to, as the middle of a sentence.

recipient-wechat = WeChat OpenID of a follower
recipient-messenger = page-scoped id (PSID) of the person
recipient-whatsapp = phone number with country code
recipient-whatsapp-gateway = WhatsApp chat id (…@c.us or …@g.us)
recipient-telegram = chat id (the person must have started your bot)
recipient-sandbox = any name: the note stays on this computer

## What a platform said, in Hark's words.

error-invalid-token = { $platform } did not accept this account's credentials: they are wrong, expired or revoked.
remedy-invalid-token =
    .cli = { $key ->
        [wechat] Reset the AppSecret in the Official Account console (Settings and Development › Basic Configuration), check that this computer's IP address is on the IP whitelist there, and enter the secret with `hark profile set-secret`, or in the app's account settings.
       *[other] Get a new token or secret from { $platform }'s developer settings and enter it with `hark profile set-secret`, or in the app's account settings.
    }
    .app = { $key ->
        [wechat] Reset the AppSecret in the Official Account console (Settings and Development › Basic Configuration), check that this computer's IP address is on the IP whitelist there, then paste the secret into the account.
       *[other] Get a new token or secret from { $platform }'s developer settings, then paste it into the account.
    }

error-recipient-not-found = { $platform } does not know this recipient for this account.
remedy-recipient-not-found = Check the recipient: it must be the { $hint }.

error-messaging-window-closed = { $key ->
    [wechat] The customer last wrote more than 48 hours ago: WeChat only takes customer service messages within 48 hours of the follower's last message.
   *[other] The customer last wrote too long ago: { $platform } only takes replies inside its messaging window.
}
remedy-messaging-window-closed = Wait until the customer writes again, then send.

error-message-not-allowed = { $platform } does not let this account message this person right now.
remedy-message-not-allowed = The person may have blocked the account or turned off messages from it; reach them another way.

error-quota-exceeded = This account has used up its { $platform } message allowance.
remedy-quota-exceeded = Wait until the allowance renews, then send.

error-rate-limited = { $platform } asked Hark to slow down.
remedy-rate-limited = Wait a minute and send again.

error-audio-too-large = { $platform } says the note is too large.
remedy-audio-too-large = Record a shorter note, or split it in two.

error-audio-too-long = { $platform } says the note is too long.
remedy-audio-too-long =
    .cli = Trim it (hark convert --trim-to-limit) or split it in two.
    .app = Keep the part that fits, or record a shorter note.

error-unsupported-audio = { $platform } refused the note's audio format.
remedy-unsupported-audio = Send it again from the original recording or file so that Hark converts it; if it keeps happening, report it with the platform's code.

error-audio-fetch-failed = { $platform } could not take in the audio file.
remedy-audio-fetch-failed = Send again; if it keeps failing, record the note again.

error-account-not-verified = This { $platform } account is not allowed to send these messages yet.
remedy-account-not-verified = { $key ->
    [wechat] Ask the Official Account's administrator to complete WeChat verification and make sure the account has the customer service message permission.
   *[other] Ask the account's administrator to complete the platform's verification or grant the messaging permission.
}

error-network = { $platform } could not be reached.
remedy-network = Check your internet connection, then send again.

error-platform-error = { $platform } could not handle the request.
remedy-platform-error = Send again in a moment; if it keeps failing, contact support with the platform's code shown here.

error-disk-full = The disk that holds Hark's data folder is full.
remedy-disk-full = Free some space on it, then send again.

error-folder-unwritable = Hark could not write to its data folder.
remedy-folder-unwritable = Check that the data folder exists and that you may write to it.

## What became of a send whose answer was lost.

error-lost-and-not-arrived = The answer to this send was lost, and { $platform } has no such note in the chat: it did not arrive.
remedy-lost-and-not-arrived = Send it again.

## A platform's name that Hark does not know.

error-unknown-platform = "{ $name }" is not a platform Hark knows; use one of: wechat, messenger, whatsapp, whatsapp-gateway, telegram, sandbox
remedy-unknown-platform = Choose one of the platforms Hark lists.

## A call to a platform that got no whole answer. $doing: what Hark was doing,
## $how: what became of the call, $host: the address called.

doing-checking-account = checking the account
doing-checking-page-token = checking the Page token
doing-checking-bot-token = checking the bot token
doing-checking-access-token = checking the access token
doing-checking-phone-number = checking the phone number
doing-checking-session = checking the gateway session
doing-getting-token = getting an access token
doing-getting-token-from-relay = getting an access token from the relay
doing-uploading = uploading the note
doing-sending = sending the note
doing-asking-for-messages = asking the gateway for the chat's messages
doing-listing-chats = asking the platform who wrote to the account
lost-stalled = stopped answering
lost-too-slow = took too long to answer
lost-too-large = sent an answer far larger than any it documents
lost-timed-out = did not answer in time
lost-unreachable = could not be reached
lost-broke-off = broke off its answer
lost-failed = failed
error-lost = { $platform } ({ $host }) { $how } while Hark was { $doing }.
error-lost-detail = { $platform } ({ $host }) { $how } while Hark was { $doing }: { $detail }.
remedy-lost = Check your internet connection (and proxy, if you use one), then send again.
remedy-lost-too-large = Check the account's API address: it does not look like the platform's.
error-no-network-setup = Hark could not set up its network connection: { $detail }
remedy-no-network-setup = Check your system's TLS certificates and proxy settings, then try again.
error-redirected = { $platform }'s address answered with a redirect to { $to }. Hark does not follow redirects, so that a note and the account's credentials only go to the address the account names.
remedy-redirected = Check the account's API address (its scheme, host and path) and correct it if it changed, then send again.
redirect-elsewhere = another address
error-not-understood = { $platform } answered, but without the { $missing } it always gives.
remedy-not-understood = Send again in a moment; if it keeps happening, check the account's API address.
remedy-check-conversation = { $remedy } Check the conversation first: the customer may already have this note.

## A recipient a platform could never accept.

error-bad-recipient = “{ $to }” is not a recipient this account can send to.
remedy-bad-recipient-wechat = Enter the follower's OpenID for this Official Account.
remedy-bad-recipient-messenger = Enter the person's page-scoped id (PSID), digits only.
remedy-bad-recipient-whatsapp = Enter the phone number with its country code, e.g. +44 7700 900123.
remedy-bad-recipient-whatsapp-gateway = Enter the phone number with its country code, or a chat id like 4477…@c.us.
remedy-bad-recipient-telegram = Enter the numeric chat id (or @channel name) of someone who has started your bot.
remedy-bad-recipient-sandbox = Enter the name of anyone (up to 100 characters).

## A Page token that is another Page's.

error-token-of-another-page = This token belongs to the Page { $name } ({ $id }), not to the Page { $page } this account names.
remedy-token-of-another-page = Use the Page's own access token, or correct the Page ID.

## A file Hark could not write while sending. $what: which file.

writing-sandbox-inbox = the note into the sandbox's inbox
error-disk-full-writing = The disk is full: Hark could not write { $what } ({ $path }).
remedy-disk-full-writing = Free some space on the disk that holds Hark's data folder, then send again.
error-folder-unwritable-writing = Hark could not write { $what } ({ $path }): { $detail }.
remedy-folder-unwritable-writing = Check that the data folder exists and that you may write to it, then send again.

## A note that cannot go out as it is.

error-made-for-another-platform = This recording was made for { $made_for }, not { $platform }.
remedy-made-for-another-platform = Choose the account again so that Hark re-encodes the recording for it.
error-no-notes-as-files = { $platform } takes voice notes only, not notes sent as a file.
remedy-no-notes-as-files = Send it as a voice note.

## What a file is, when it is not audio Hark reads: the end of "Hark cannot use this
## file: it is …".

found-empty = an empty file
found-amr-wb = AMR-WB (wideband) audio, which Hark does not read
found-avi = an AVI video
found-webp = a WebP image
found-riff = a RIFF file of type "{ $kind }"
found-quicktime = a QuickTime movie
found-heic = a HEIC image
found-mpeg-layer-1-2 = MPEG audio layer I or II, which Hark does not read
found-ogg-speex = Ogg with Speex audio, which Hark does not read
found-ogg-flac = Ogg with FLAC audio, which Hark does not read
found-ogg-theora = an Ogg video (Theora)
found-ogg-unknown = an Ogg file with a codec Hark does not know
found-png = a PNG image
found-jpeg = a JPEG image
found-gif = a GIF image
found-pdf = a PDF document
found-zip = a ZIP archive (or an Office document)
found-gzip = a gzip archive
found-elf = a program (ELF executable)
found-windows-program = a Windows program
found-text = a text file
found-unknown = not an audio file Hark recognises
found-undecodable = audio Hark cannot decode ({ $what })
found-no-audio-track = a { $container } file with no audio track
found-codec-not-read = { $container } with { $codec } audio, which Hark does not read
found-sample-rate = audio at { $rate } Hz (Hark reads 8 to 192 kHz)
found-opus-version = Opus with header version { $version }, which Hark does not read
found-opus-surround = multichannel (surround) Opus audio with { $channels } channels, which Hark does not read

## A file Hark was asked to write (a note, with -o) and could not.

error-file-disk-full = Hark could not write { $path }: { $detail }.
remedy-file-disk-full = Free some space on that disk, or write the note somewhere else.
error-file-unwritable = Hark could not write { $path }: { $detail }.
remedy-file-unwritable = Check that the folder exists and that you may write to it, or write the note somewhere else.

## An audio file's format, as a person reads it.

clip-format = { $container } { $codec }, { $channels ->
        [1] mono
        [2] stereo
       *[other] { $channels } channels
    }

## Contacts: each account's address book.

error-contact-not-found = No contact of this account is named or has the id “{ $query }”.
remedy-contact-not-found =
    .cli = `hark contact list --profile NAME` lists them; `hark contact add` adds one.
    .app = Choose one from the list, or add them.
error-contact-ambiguous = More than one contact is named “{ $query }”: { $matches }.
remedy-contact-ambiguous =
    .cli = Give the id instead, or rename one of them (`hark contact rename`).
    .app = Choose one of them from the list.
error-contact-empty-name = A contact needs a name.
remedy-contact-empty-name = Type the name the customer goes by.
error-contacts-unreadable = Hark could not read { $path }: { $detail }.
remedy-contacts-unreadable = Check the file's name, and that it is a CSV file saved as UTF-8.
csv-unreadable-row = the row cannot be read ({ $detail })
csv-no-name = the row has no name
csv-no-id = the row has no id or number
writing-outbox-note = the note to send

## A send on its way.

progress-paced = { $platform } paces sends to stay within its rate limit

## A send, as the history holds it.

# Text said as it is, in any language (a sentence Hark has only in English).
said-as-is = { $text }

error-delivery-unknown = { $cause } Hark cannot tell whether { $platform } took the note.
remedy-delivery-unknown =
    .cli = Check the conversation before sending again: the customer may already have this note. The note is kept in the history.
    .app = Check the conversation before sending again: the customer may already have this note. It is kept in the history, where Send again asks first.

error-send-not-found = There is no send #{ $id } in the history.
remedy-send-not-found =
    .cli = Check the send's number in the history (hark history lists them).
    .app = Choose the send again in the history.

error-send-in-progress = Send #{ $id } is still under way.
remedy-send-in-progress = Wait for it to finish; the history shows how it ends.

error-may-duplicate = { $state ->
    [sent] Send #{ $id } was delivered: the customer already has this note.
   *[unknown] Send #{ $id } may already be with the customer: Hark could not tell whether { $platform } took it.
}
remedy-may-duplicate =
    .cli = { $state ->
        [sent] To send it once more all the same, confirm it (hark resend --force { $id }).
       *[unknown] Check the conversation: if the note is not there, send it again and confirm it (hark resend --force { $id }).
    }
    .app = { $state ->
        [sent] The customer already has this note; send it once more only if you mean to.
       *[unknown] Check the conversation; send it again only if the note is not there.
    }
error-resend-session-not-kept = Send #{ $id } went with a session's credentials, given for that one request and never kept: Hark cannot send it again by itself.
remedy-resend-session-not-kept =
    .cli = Send it again through the local API with its session, or with an account of yours (hark send --profile NAME).
    .app = Send it again from the program that sent it.
error-already-resent = Send #{ $id } was already sent again, as send #{ $again }.
remedy-already-resent =
    .cli = `hark history` shows where send #{ $again } stands; to send the note once more all the same, confirm it (hark resend --force { $id }).
    .app = The newer entry in the history shows where it stands.

## Accounts and the keychain.

# What an account's last check found, beside its status.
account-verified-as = Verified as { $account }
account-note-went-out = A note went out at { $when }

error-profile-not-found = There is no account named “{ $name }”.
remedy-profile-not-found =
    .cli = `hark profile list` shows your accounts; `hark profile add` adds one.
    .app = The account is no longer there: choose another one in the list.

error-profile-name-taken = An account named “{ $name }” already exists.
remedy-profile-name-taken =
    .cli = Choose another name, or rename the other account (`hark profile rename OLD NEW`).
    .app = Choose another name for this account.

error-secret-missing = The { $key } of “{ $name }” is no longer in the keychain.
remedy-secret-missing =
    .cli = Enter it again with `hark profile set-secret "{ $name }"`, or in the app's account settings.
    .app = Paste it into the account again.

# $detail: the keychain's own words.
error-keychain-unavailable = No keychain available: { $detail }
remedy-keychain-unavailable =
    .cli = Hark keeps account secrets only in your system keychain. On Linux, install and start a Secret Service provider (gnome-keyring or KWallet) in your desktop session; on a server, start one with `gnome-keyring-daemon --unlock` inside a D-Bus session.
    .app = Hark keeps account secrets only in your system keychain. Install and start a Secret Service provider (gnome-keyring or KWallet) in your desktop session, then try again.

error-keychain-locked = The keychain is locked: { $detail }
remedy-keychain-locked = Unlock your keychain (logging in to the desktop usually does it, or answer the unlock prompt), then try again.

error-keychain-no-answer = The keychain did not answer within { $secs } seconds.

error-keychain-error = The keychain refused the request: { $detail }
remedy-keychain-error = Open your system's keychain app to check that it works, then try again.

## Hark's data folder and database.

error-data-dir-no-home = Hark cannot tell where your home folder is, so it has nowhere to keep its data.
remedy-data-dir-no-home = Set the HOME environment variable, or set { $env } to a folder Hark may use.

error-data-dir-unavailable = Hark cannot create or write its data folder { $path }: { $detail }
remedy-data-dir-unavailable = Check that { $path } is on a disk with free space and that your user may write to it, or set { $env } to another folder.

error-database-error = Hark's database { $path } could not be used: { $detail }
remedy-database-error = Check that { $path } is on a disk with free space and not open in another program; if it is damaged, move it aside and Hark starts a new one (your accounts' secrets stay in the keychain).
remedy-database-disk-full = Free some space on the disk that holds Hark's data folder, then try again.

error-database-too-new = Hark's database { $path } was written by a newer Hark (schema { $found }, this Hark knows up to { $known }).
remedy-database-too-new = Update Hark to the newest version.

## An audio file Hark was given.

# $found: what the file is instead, e.g. "a PNG image".
error-clip-unsupported-audio = Hark cannot use this file: it is { $found }.
remedy-clip-unsupported-audio = Use an audio file: MP3, M4A/AAC, Ogg (Opus or Vorbis), WebM, WAV, FLAC or AMR. Other files can be exported to one of these from most audio apps.

error-clip-corrupt-audio = This audio file is damaged or incomplete: { $detail }.
remedy-clip-corrupt-audio = Export or download the file again, or record the note instead.

error-clip-file-unreadable = Hark could not read { $path }: { $detail }
remedy-clip-file-unreadable = Check that the file exists and that you may read it, then try again.

error-clip-audio-too-large = The file is { $bytes } bytes, far larger than any voice note (the most Hark reads is { $max } bytes).
remedy-clip-audio-too-large = Pick the right file, or cut the recording down to the part you want to send.

error-clip-encode-failed = Hark could not encode the note: { $detail }.
remedy-clip-encode-failed =
    .cli = Try again; if it keeps happening, send the file to support with the output of `hark doctor`.
    .app = Try again; if it keeps happening, send the file to support.

error-clip-cancelled = The file was not imported: you cancelled it.
remedy-clip-cancelled = Drop or choose it again when you want it.

## Audio from a link. $link: the link without its query; $reason: one of fetch-*.

error-clip-audio-fetch-failed = Hark could not get audio from { $link }: { $reason }.
remedy-clip-audio-fetch-failed = Check that the link opens in a browser and leads to an audio file, or download the file and use it instead.
fetch-not-allowed = only https links are fetched (http only from this computer or a private network)
fetch-bad-redirect = it redirected to an address that is not https, or too many times
fetch-not-found = the server has nothing there ({ $status })
fetch-refused = the server refused it ({ $status })
fetch-too-large = it is larger than { $max } bytes, the most Hark reads from a link for this platform
fetch-timed-out = the server stopped sending, or took too long
fetch-unreachable = the server could not be reached ({ $detail })
fetch-untrusted = the server's certificate is not one this computer trusts ({ $detail })
fetch-not-audio = it is { $found }, not audio

## The microphone and the sound system. $detail: the sound system's own words.

error-no-input-device = No microphone found: { $detail }
remedy-no-input-device = Plug in a headset or microphone (or enable the built-in one in your system's sound settings), then try again.

error-no-sound-server = The sound system is not running: { $detail }
remedy-no-sound-server = Start your desktop's sound service (PulseAudio or PipeWire), or log in to a desktop session, then try again.

error-microphone-denied = Hark is not allowed to use the microphone: { $detail }
remedy-microphone-denied = Allow Hark to use the microphone in your system's privacy settings (on Linux, add your user to the 'audio' group), then try again.

error-device-busy = The microphone is busy in another program: { $detail }
remedy-device-busy = Close the other program that is using the microphone, then try again.

error-unsupported-input-format = The microphone's sample format is not supported: { $detail }
remedy-unsupported-input-format =
    .cli = Choose another input device (`hark devices` lists them), or set this one to 16-bit or float samples in your sound settings.
    .app = Choose another microphone, or set this one to 16-bit or float samples in your sound settings.

error-audio-backend-error = The sound system reported an error: { $detail }
remedy-audio-backend-error =
    .cli = Try another input device, or restart your computer's sound service; if it keeps happening, run `hark doctor` and send its output to support.
    .app = Choose another microphone, or restart your computer's sound service.

## A recording.

error-spool-failed = Hark could not write the recording to disk: { $detail }
remedy-spool-failed =
    .cli = Free some disk space, or check that Hark may write to its data folder (`hark doctor`), then record again.
    .app = Free some disk space, or check that Hark may write to its data folder, then record again.

error-recording-cancelled = The recording was cancelled.
remedy-recording-cancelled = Record again when you are ready.

error-empty-take = Nothing was recorded: the take is empty.
remedy-empty-take =
    .cli = Record for longer, and check the microphone's level with `hark devices`.
    .app = Record for longer, and watch the level meter while you speak.

## The limits panel: one line per check, and its fix. $max_duration and $max are
## the platform's limits, $icon the size up to which a note shows a play button.

verdict-format-ok = Format { $format } — plays as a voice note on { $platform }
verdict-format-fail = Format { $format } — { $platform } plays { $target } voice notes
remedy-verdict-format =
    .cli = Convert it first: hark convert FILE --for { $key }
    .app = Record the note again, or drop another file.
verdict-duration-too-long = Duration { $duration } — { $platform } allows at most { $max_duration }
remedy-verdict-duration =
    .cli = Trim it to { $max_duration } or less (hark convert --trim-to-limit keeps the first { $max_duration }), or record a shorter note.
    .app = Keep the part that fits (the first { $max_duration }), or record a shorter note.
verdict-duration-within = Duration { $duration } — within { $platform }'s { $max_duration }
verdict-duration = Duration { $duration }
verdict-size-too-large = Size { $size } — { $platform } allows at most { $max }
remedy-verdict-size = Record a shorter note, or split what you have to say into two notes.
verdict-size-within = Size { $size } — within { $max }
verdict-play-icon-over = Over { $icon } — { $platform } will show a download arrow instead of a play button
remedy-verdict-play-icon = Keep the note under about 3 minutes so it plays straight away.
verdict-play-icon-under = Under { $icon } — shows with a play button

## What one platform says more precisely.

error-wechat-ip-not-whitelisted = WeChat refused this computer's IP address: it is not on the Official Account's IP whitelist.
remedy-wechat-ip-not-whitelisted = Add this computer's public IP under Settings & Development > Basic configuration > IP whitelist (it takes about 5 minutes). Home and office IPs change, so for desktops the lasting fix is a token relay: a server with a fixed, whitelisted IP that hands out tokens (token mode “relay”).
error-wechat-not-a-follower = This person does not follow the Official Account.
remedy-wechat-not-a-follower = WeChat only delivers to followers; ask them to follow the account.
remedy-wechat-window-closed = WeChat takes customer-service messages for 48 hours after the person's last message (1 minute after a follow, scan or menu click). Wait until they write again.
error-wechat-replies-used-up = The replies allowed since this person's last message are used up (5 per message, 3 after a follow, scan or menu click).
remedy-wechat-replies-used-up = Wait until the person writes again; that opens a new allowance.
error-wechat-daily-quota = The Official Account has used up today's API quota.
remedy-wechat-daily-quota = Wait until tomorrow, or reset the quota in the Official Accounts Platform (it can be reset 10 times a month).
error-wechat-appid-appsecret = WeChat does not recognise this AppID and AppSecret.
remedy-wechat-appid-appsecret = Copy the AppID and AppSecret again from Settings & Development > Basic configuration (reset the AppSecret if it is lost), and enter them again.
error-wechat-relay-refused = The token relay refused Hark's bearer token.
remedy-wechat-relay-refused =
    .cli = Enter the relay's bearer token again with `hark profile set-secret … --key relay_bearer`.
    .app = Paste the relay's bearer token into the account again.
error-wechat-pasted-token = The pasted access token has expired or was replaced.
remedy-wechat-pasted-token =
    .cli = Paste a new token with `hark profile set-secret … --key access_token`, or let Hark fetch tokens itself (token mode app_secret or relay).
    .app = Paste a new token into the account, or let Hark fetch tokens itself (Access token from: app_secret or relay).

error-telegram-voice-forbidden = This person's privacy settings do not accept voice messages.
remedy-telegram-voice-forbidden =
    .cli = Send it as a file instead (`hark send --as-file`): it arrives as an audio file they can play. Or write to them.
    .app = Send it as a file instead: it arrives as an audio file they can play. Or write to them.
error-telegram-not-started = The person has not started a chat with the bot, or has blocked it.
remedy-telegram-not-started = Ask them to open the bot and press Start, then send again.

remedy-messenger-window-closed =
    .cli = Messenger takes replies for 24 hours after the customer's last message. A person may reply for up to 7 days with the human-agent tag (hark send --tag human-agent; the Page needs the Human Agent permission).
    .app = Send it with the human-agent tag: a person may reply up to 7 days after the customer's last message (the Page needs Messenger's Human Agent permission).
remedy-whatsapp-window-closed = WhatsApp takes free-form messages, voice notes included, only within 24 hours of the customer's last message. Send an approved template to invite a reply, then send the note.
error-whatsapp-cannot-deliver = WhatsApp cannot deliver to this number: it is not on WhatsApp, is the business's own number, or cannot receive this message.
error-whatsapp-pair-rate = WhatsApp limits how fast one business may message the same person.
remedy-whatsapp-pair-rate = Wait a few seconds before sending to this person again.

error-gateway-api-key = The gateway refused Hark's API key.
remedy-gateway-api-key =
    .cli = Enter the gateway's API key (its WHATSAPP_API_KEY) with `hark profile set-secret`, or in the app's account settings.
    .app = Paste the gateway's API key (its WHATSAPP_API_KEY) into the account.
error-gateway-no-session = The gateway's session “{ $session }” is missing or not connected to WhatsApp.
remedy-gateway-no-session = Open the gateway's dashboard, start the session and scan its QR code with the phone, then send again.
error-gateway-session-not-working = The gateway's session “{ $session }” is { $status }, not WORKING.
remedy-gateway-session-not-working = Open the gateway's dashboard and scan the session's QR code with the phone (or restart the session), then verify again.

## An account's fields that are missing or wrong. $label: the field, as the form
## names it.

profile-name-missing = An account needs a name.
profile-name-too-long = A name is at most 60 characters, on one line.
profile-no-such-field = { $platform } accounts have no field { $key }.
profile-secret-on-command-line = { $label } is a secret; Hark reads it from standard input or a prompt, never from the command line.
profile-choose-one-of = { $label } must be one of: { $choices }.
# $problem: what is wrong with the address.
profile-bad-url = { $label }: { $problem }
url-not-a-url = not a URL ({ $detail })
url-not-web = must be an http:// or https:// address
url-needs-https = must be an https:// address: plain http:// is only for this computer or the local network (a gateway on the LAN), where no one else can read the account's credentials on the way
url-has-credentials = must not contain a user name or password (Hark keeps those only in the keychain)
profile-no-such-secret = { $platform } accounts have no secret { $key }.
profile-bad-secret = A secret cannot be empty or contain spaces or line breaks.
profile-only-with-mode = { $label } is only used with token mode { $mode }.
profile-required = { $label } is required.
# $flag: the command's flag for the field, or "none" for a secret.
remedy-invalid-profile =
    .cli = { $flag ->
        [none] Enter the secret again when Hark asks for it.
       *[other] Give it with { $flag }.
    }
    .app = Fill it in as the note beside it says, then save again.
profile-secret-for-moved-address = Enter the { $label } again: the { $moved } changed, and Hark sends an account's secrets only to the address they were given for.
profile-sandbox-needs-no-account = The sandbox needs no account: every data folder starts with one.
profile-secrets-are = { $platform } accounts take these secrets: { $secrets }.
profile-no-secrets = { $platform } accounts take no secrets.
profile-no-secret-given = No { $label } was given.

## The local send API (hark serve) and its keys

error-api-key-not-found = No API key is named or has the id “{ $query }”.
remedy-api-key-not-found = `hark api-key list` lists the keys.
error-api-key-name-taken = An API key is named “{ $name }” already.
remedy-api-key-name-taken = Choose another name, or revoke that key first with `hark api-key revoke`.
error-api-key-empty-name = An API key needs a name.
remedy-api-key-empty-name = Name it after the program that will use it, such as “helpdesk”.
error-api-unauthorized = The request has no API key, or one that is wrong or revoked.
remedy-api-unauthorized = Send the key in the Authorization header (`Bearer hark_…`); `hark api-key create NAME` makes one.
error-api-invalid = The request's “{ $field }” cannot be used: { $detail }.
remedy-api-invalid = Correct the request as said; the API's OpenAPI document (GET /openapi.json) describes every field.
error-api-idempotency-conflict = The Idempotency-Key “{ $key }” came before with a different request (send { $first }).
remedy-api-idempotency-conflict = Use a new key for a new request; a retry must repeat the first request exactly.
error-api-too-large = The audio in the request is { $size }, more than the { $cap } taken for this platform.
remedy-api-too-large = Send a shorter recording, or a compressed one (Ogg, MP3, M4A) rather than a WAV.
error-api-send-not-found = No send has the id “{ $id }”.
remedy-api-send-not-found = GET /v1/sends lists the sends.
error-api-queue-full = { $queued } sends are waiting already.
remedy-api-queue-full = Try again in a minute, when some have gone out.
error-api-session-not-kept = Hark stopped before this send went out, and a session's credentials are never kept.
remedy-api-session-not-kept = Send the request again with its session; the customer did not get this note.
error-api-random = No random key could be made: { $detail }.
remedy-api-random = Check that the system's random source (getrandom) works, then try again.
error-api-stopped-while-sending = Hark stopped while the note was being sent.
remedy-api-stopped-while-sending = Check with the customer before sending again.
error-session-unknown-field = { $platform } accounts have no field named “{ $field }”.
api-unknown-platform = not a platform Hark sends to (one of { $platforms })
api-profile-other-platform = the account “{ $profile }” is on { $its }, not { $platform }
api-profile-or-session = give either a profile (an account in Hark) or a session (the platform's credentials), not both
api-unknown-tag = “{ $tag }” is not a tag Hark sends with (human_agent, on Messenger)
api-not-a-link = not an http or https link
api-audio-url-or-base64 = give either audio_url or audio_base64, not both
api-not-base64 = not base64
error-api-no-route = The API has no route { $method } { $path }.
remedy-api-no-route = Its routes are in its OpenAPI document: GET /openapi.json.
api-empty-audio = the audio is empty
