# `hark` 命令自己的话（简体中文）。

## 命令在出错句子下方打印的内容。

cli-problem-remedy = 怎么办：{ $remedy }
cli-problem-code = （错误码：{ $code }）
cli-problem-code-said = （错误码：{ $code }；平台原话 { $raw_code }：{ $raw_message }）
cli-problem-kept = 这条语音已保存为第 { $id } 号发送（hark history）。
