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
cli-history-not-refreshed = 无法查询“{ $account }”的语音送达情况：{ $why }
cli-send-state-queued = 排队中
cli-send-state-sending = 发送中
cli-send-state-sent = 已发送
cli-send-state-failed = 失败
cli-send-state-unknown = 结果未知
cli-send-state-interrupted = 已中断
cli-send-state-delivered = 已送达
cli-send-state-read = 已读
cli-send-state-played = 已播放
cli-history-from-api = 经由本地 API 发送，编号 { $id }
cli-history-named = { $name } <{ $id }>
cli-history-message-id = 消息 ID { $id }
cli-history-media-id = 媒体 ID { $id }
cli-history-resent = 已重新发送，即第 { $again } 号
cli-history-interrupted = 这条语音发出前 Hark 已停止；它保存在 { $path }（hark resend { $id }）
cli-history-stopped-may-have-it = 这条语音发送途中 Hark 停止了：客户可能已经收到。重新发送前请先查看对话（hark resend --force { $id }）。
cli-history-may-have-it = 客户可能已经收到这条语音。重新发送前请先查看对话（hark resend --force { $id }）。

## `hark send` 与 `hark resend`：发出了什么。

cli-sent-to = 已用“{ $account }”（{ $platform }）发送给 { $recipient }。
cli-sent-as-it-was = （按原样发送）
cli-sent-message-id = 消息 ID：{ $id }
cli-sent-no-message-id = { $platform }不返回消息 ID；媒体 ID：{ $id }，接收时间 { $when }
cli-sent-to-inbox = 已送到沙盒收件箱：{ $path }
cli-sent-name-them = 下次想按名称找到对方：hark contact add --profile "{ $account }" --name NAME { $id }
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

## 语音是什么：`hark convert`、`inspect`、`record` 与 `recover`。

cli-wrote = 已写入 { $path }
cli-note-for = 用于{ $platform }：{ $how } → { $duration }，{ $size }
cli-note-passed-through = 按原样发送（它本来就是该平台能播放的语音）
cli-note-converted = 已转换为 { $format }
cli-note-trimmed = （已截短到平台的上限）
cli-note-cleaned = 已清理：去掉开头 { $start } 毫秒、结尾 { $end } 毫秒的静音，{ $gain }
cli-note-no-gain = 响度未调整
cli-inspect-converted-everywhere = 在任何平台发送前都需要转换。
cli-inspect-plays-on = 已经是以下平台的语音：{ $platforms }
# 列表各项之间的分隔符，例如平台列表。
cli-list-separator = 、
cli-output-is-input = { $path } 就是输入文件：Hark 不会用语音覆盖它。
cli-output-is-input-remedy = 请用 -o 另选一个输出文件。
cli-could-not-read = 无法读取 { $what }
cli-could-not-write-man = 无法把手册页写入 { $dir }

## `hark record`。

cli-record-start = 正在为{ $platform }录音 — 按 Enter 或 Ctrl-C 停止。
cli-record-enter-to-stop = 按 Enter 停止（{ $platform }）
cli-record-paused = （已暂停）
cli-record-countdown = 还剩 { $seconds } 秒 — 到 { $limit } 停止，并保留你说的内容
cli-record-stopped-at-limit = 已在{ $platform }的上限 { $limit } 处停止；之前说的都已保留。
cli-record-stopped-after = 已按要求在 { $limit } 后停止。
cli-record-microphone-stopped = 麦克风停止了：{ $error }
cli-record-kept = 之前录下的内容已保留。
cli-record-silent = 注意：只录到了静音。麦克风是否已静音，或者选错了麦克风？`hark devices` 会列出其他设备。
cli-record-wrote = 已写入 { $path }（来自 { $device }）
cli-not-a-count = “{ $value }”不是整数
cli-not-a-send-number = “{ $value }”不是发送编号（hark history 会列出它们）
cli-not-seconds = “{ $value }”不是大于零的秒数

## `hark recover`。

cli-recover-none = 没有中断的录音：无需恢复。
cli-recover-take = { $id }  { $duration }，用于{ $platform }
cli-recover-restored = 已恢复 { $id } → { $path }

## `hark devices`。

cli-devices-none = 没有能打开的设备 — 运行 `hark doctor` 查看原因
cli-device-default = { $name }（默认）
cli-device-format = ID：{ $id }   { $rate } Hz，{ $channels } 声道，{ $sample_format }
cli-device-supports = 支持 { $rates } Hz，{ $channels } 声道
cli-devices-record-with = 用其中一个录音：hark record --device ID --for PLATFORM

## `hark inbox`。

cli-inbox-empty = 沙盒收件箱是空的。试试：hark send --profile sandbox --to anyone NOTE
cli-inbox-item = { $when }  发给 { $recipient }  { $duration } · { $size }

## `hark send`：发送途中。

cli-send-uploading = 正在上传
cli-fetching = 正在获取音频
cli-send-sending = 正在发送…
cli-send-waiting = 等待 { $seconds } 秒：{ $reason }
cli-send-retrying = { $reason } { $seconds } 秒后重试（第 { $attempt } 次）。

## `hark profile`。

cli-profile-added = 已添加“{ $name }”（{ $platform }）。它的密钥保存在系统钥匙串中。
cli-profile-check-with = 用此命令检查：hark profile verify "{ $name }"
cli-profile-none = 还没有账号。用 `hark profile add PLATFORM --name NAME` 添加一个。
cli-profile-status-verified = ✓ 已验证
cli-profile-status-attention = ! 需要处理
cli-profile-status-unchecked = · 尚未检查
cli-profile-title = { $name }（{ $platform }，ID { $id }）
cli-profile-not-set = （未设置）
cli-profile-default = （默认）
cli-profile-missing-secret = （钥匙串中没有）
cli-profile-added-at = 添加时间
cli-profile-secrets-not-shown = （未显示密钥：{ $why }）
cli-profile-renamed = 已重命名为“{ $name }”。
cli-profile-saved = 已保存“{ $name }”。用此命令检查：hark profile verify "{ $name }"
cli-profile-removed = 已删除“{ $name }”及其密钥。
cli-profile-verified = 已验证为 { $account }。
cli-profile-secret-stored = 已在钥匙串中为“{ $name }”保存新的{ $label }。
cli-profile-no-fields = { $platform }账号没有需要填写的字段。
cli-profile-fields = { $platform }账号：
cli-field-secret = 密钥（标准输入或提示输入）
cli-field-required = 必填
cli-field-optional = 选填
cli-field-required-with-mode = 令牌方式为 { $mode } 时必填
cli-field-optional-with-mode = 选填，令牌方式为 { $mode }
cli-flag-one-of = 可选值：{ $choices }
cli-flag-default = 默认：{ $value }
cli-field-prompt = { $label }（{ $help }）：
cli-field-prompt-optional = { $label }（选填，按 Enter 跳过）：

## `hark contact`。

cli-contact-added = 已把“{ $name }”（{ $id }）加入“{ $account }”的联系人。
cli-contact-none = “{ $account }”还没有联系人。用 `hark contact add` 添加，或用 `hark contact import` 导入 CSV 文件。
cli-contact-unnamed = （尚未命名）
cli-contact-origin-typed = 手动添加
cli-contact-origin-imported = 导入
cli-contact-origin-learned = 来自一次发送
cli-contact-heard = ，最近来信 { $when }
cli-contact-renamed = { $id } 现在名为“{ $name }”。
cli-contact-removed = 已从“{ $account }”的联系人中删除“{ $name }”。
cli-contact-imported = 来自 { $source }：新增 { $added } 个，改名 { $updated } 个，已有 { $unchanged } 个。
cli-contact-reading = 正在读取列表：已读取 { $count } 个…
cli-contact-bad-line = 第 { $line } 行：{ $why }（未导入）
cli-contact-webhook-set = 这个机器人设置了 webhook：Telegram 只把消息发往那个地址，Hark 不删除它就无法得知谁发过消息，因此保持原样。请改为导入含名称和聊天 ID 的 CSV 文件。
cli-contact-cannot-ask = 暂时无法向{ $platform }查询谁给这个账号发过消息：请改为导入含名称和 ID 的 CSV 文件。

cli-api-key-created = 已创建 API 密钥“{ $name }”。它只显示这一次：请存放在使用它的程序保存机密的地方。
cli-api-key-shown-once = Hark 只保存其哈希；如果遗失，请吊销它并重新创建。
cli-api-key-none = 还没有 API 密钥：`hark api-key create NAME` 可以创建一个。
cli-api-key-revoked = 已吊销 API 密钥“{ $name }”：此后带此密钥的请求都会被拒绝。
cli-api-key-made = 创建于 { $when }
cli-api-key-last-used = 最近使用于 { $when }
cli-api-key-never-used = 从未使用
cli-api-key-was-revoked = 吊销于 { $when }
cli-serve-listening = Hark 发送 API 正在监听 { $url }（OpenAPI 文档：{ $url }/openapi.json）。
cli-serve-no-key = 还没有 API 密钥：在 `hark api-key create NAME` 创建之前，所有请求都会被拒绝。
cli-serve-not-loopback = 正在监听 { $address }：其他电脑可以访问此 API。请求以明文携带密钥和凭据：请置于 TLS 之后。
cli-serve-already = 另一个 `hark serve` 正在处理 { $dir } 的队列：请先停止它，或为此进程指定另一个数据文件夹（HARK_DATA_DIR）。
cli-serve-cannot-listen = 无法监听 { $address }：{ $detail }
