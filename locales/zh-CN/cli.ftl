# `hark` 命令自己的话（简体中文）。

## 命令在出错句子下方打印的内容。

cli-problem-remedy = 怎么办：{ $remedy }
cli-problem-code = （错误码：{ $code }）
cli-problem-code-said = （错误码：{ $code }；平台原话 { $raw_code }：{ $raw_message }）
cli-problem-kept = 这条语音已保存为第 { $id } 号发送（hark history）。

## 时间，按读者所在的时区。

time-local = { $year }年{ $month }月{ $day }日 { $time }

## `hark history`。

cli-history-empty = 还没有发送过语音。
cli-send-state-queued = 排队中
cli-send-state-sending = 发送中
cli-send-state-sent = 已发送
cli-send-state-failed = 失败
cli-send-state-unknown = 结果未知
cli-send-state-interrupted = 已中断
cli-history-message-id = 消息 ID { $id }
cli-history-media-id = 媒体 ID { $id }
cli-history-interrupted = 这条语音发出前 Hark 已停止；它保存在 { $path }（hark resend { $id }）
cli-history-stopped-may-have-it = 这条语音发送途中 Hark 停止了：客户可能已经收到。重新发送前请先查看对话（hark resend --force { $id }）。
cli-history-may-have-it = 客户可能已经收到这条语音。重新发送前请先查看对话（hark resend --force { $id }）。

## `hark send` 与 `hark resend`：发出了什么。

cli-sent-to = 已用“{ $account }”（{ $platform }）发送给 { $recipient }。
cli-sent-as-it-was = （按原样发送）
cli-sent-message-id = 消息 ID：{ $id }
cli-sent-no-message-id = { $platform }不返回消息 ID；媒体 ID：{ $id }，接收时间 { $when }
cli-sent-to-inbox = 已送到沙盒收件箱：{ $path }
cli-sent-history = 历史记录：第 { $id } 号发送
cli-sent-unrecorded = 语音已发送，但历史记录未能记下它：{ $why }

## `hark doctor`。

doctor-title = Hark { $version } — 检查这台电脑
# 一项检查：检查了什么，结果如何。
doctor-line = { $title }：{ $verdict }
doctor-audio = 麦克风
doctor-keychain = 钥匙串
doctor-data-dir = 数据文件夹
doctor-audio-ready = 就绪：“{ $device }”以 { $rate } Hz、{ $channels } 声道通过 { $host } 录音（找到 { $count } 个输入设备）。
doctor-keychain-ready = 就绪：系统钥匙串已解锁，测试密钥已存入、读回并删除。
doctor-data-dir-ready = 就绪：语音和历史记录保存在 { $dir }。
doctor-input-devices = 输入设备（{ $host }）：
doctor-no-device-opens = 没有能打开的设备
doctor-device-default = { $name }（默认）
doctor-more-devices = （{ $host } 还列出了 { $count } 个无法打开的设备；`--json` 会列出它们）
doctor-all-ok = Hark 需要的一切都正常。
doctor-problem = Hark 发现了问题；请看上面的“怎么办”。
