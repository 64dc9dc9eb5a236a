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
