# The `hark` command's own words, in English.

## A problem, as the command prints it under its sentence.

cli-problem-remedy = What to do: { $remedy }
cli-problem-code = (code: { $code })
cli-problem-code-said = (code: { $code }; platform said { $raw_code }: { $raw_message })
cli-problem-kept = The note is kept as send #{ $id } (hark history).
