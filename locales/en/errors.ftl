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
