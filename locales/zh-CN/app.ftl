# 窗口里的文字（简体中文）。控件标签要短；以 -help 结尾的是旁边的说明。

## 窗口中通用的按钮和词语。

app-cancel = 取消
app-save = 保存
app-retry = 重试
# 谁说了平台自己的错误码和原话：“WhatsApp 说 190：Session expired”。
app-platform-said = { $platform }返回 { $code }：{ $words }

## 设置。

settings-title = 设置
settings-microphone = 麦克风
settings-input-device = 输入设备
settings-system-default = 系统默认
settings-device-default = { $name }（默认）
settings-test = 测试
settings-stop-test = 停止测试
settings-microphone-level = 麦克风音量
settings-test-help = 测试时请说话：音量条应该会动。测试内容不会被录下。
settings-recording = 录音
settings-clean = 录音时自动清理：去掉首尾静音、消除嗡嗡声、使音量均衡
settings-shortcut = 录音快捷键
settings-shortcut-help = 在其他程序处于前台时也有效。点击输入框，然后按下新的按键组合。
settings-shortcut-needs-modifier = 请同时按住 Ctrl、Alt 或 Super（或使用 F 键），以免在别处打字时意外开始录音。
settings-shortcut-toggle = 按一下开始，再按一下停止
settings-shortcut-hold = 按住说话：按住按键时录音，松开时保留语音
settings-startup = 启动
settings-start-at-login = 登录时启动 Hark，并留在托盘中
settings-theme = 主题
settings-theme-system = 跟随系统
settings-theme-light = 浅色
settings-theme-dark = 深色
settings-language = 语言
# $system：系统语言，用该语言自己的名称。
settings-language-system = 跟随系统（{ $system }）
app-progress = 进度
app-loading-accounts = 正在载入你的账号…

## 账号栏。

rail-accounts = 账号
rail-add-account = 添加账号
rail-edit-account = 编辑 { $name }
rail-edit-title = 编辑、验证或删除
rail-empty = 添加你的微信公众号、Messenger、WhatsApp 或 Telegram 账号，即可用它发送语音消息。在此之前，可以先用沙盒试用全部功能。
account-status-verified = 已验证
account-status-attention = 需要处理
account-status-unchecked = 尚未检查

## 录音，以及之前保留的语音。

record-blocked-by-account = 添加账号后即可开始
record-blocked-by-file = 请等文件准备好，或取消它。
recover-blocked-by-note = 请先发送或丢弃预览中的语音。
recover-blocked-by-recording = 请先结束录音。
recover-blocked-by-account = 请先选择一个账号。

## 把文件制作成语音。

import-making = 正在制作语音… { $percent }%
import-reading = 正在读取文件…
import-fetching = 正在获取音频… { $got }
import-fetching-of = 正在获取音频… { $got } / { $total }
import-remaking = 正在重新制作语音…
drop-to-check = 松开即可检查
drop-to-check-for = 松开即可按{ $platform }的要求检查

## 退出，以及再次发送。

quit-title = 退出 Hark？
quit-recording-kept = 录音已停止并保留。下次打开 Hark 时会再次提供给你。
quit-note-kept = 预览中的语音已保留。下次打开 Hark 时会再次提供给你。
quit-confirm = 保留并退出
quit-stay = 留下
send-again-title = 再次发送这条语音？
send-again-text = 客户可能已经收到：Hark 无法确定{ $platform }是否已收到。请先查看与 { $recipient } 的对话。
send-again-confirm = 再次发送
send-again-cancel = 不发送

## 沙盒收件箱。

inbox-title = 沙盒收件箱
inbox-close = 关闭沙盒收件箱
inbox-lede = 客户收到的内容，与其手机上显示的一样。没有任何内容离开这台电脑。
inbox-empty = 还没有内容。用沙盒账号发送一条语音，它就会出现在这里。
inbox-to = 发给 { $recipient } · { $when }
inbox-play = 播放发给 { $recipient } 的语音

## 预览。

preview-label = 预览
preview-play = 播放
preview-pause = 暂停
preview-position = 位置
# 供读屏软件朗读：“5 秒，共 1 分钟 2 秒”。
preview-position-of = { $position }，共 { $duration }
preview-format-as-it-was = { $format }（保持原样）
preview-speed = 播放速度
preview-checks-for = 按{ $platform }的要求检查
preview-discard = 丢弃
preview-keep-part = 保留符合限制的部分
preview-send = 发送语音
preview-sending = 正在发送…
verdict-level-ok = 符合：
verdict-level-warn = 注意：
verdict-level-fail = 不符合：
discard-title = 丢弃这条语音？
discard-text = 它会从这台电脑上删除，且无法恢复。
discard-keep = 保留

## 时长，供读屏软件朗读。

duration-minutes = { $n } 分钟
duration-seconds = { $n } 秒
# 分钟与秒之间。
duration-joiner = {""}

## 窗口提供的修复操作。

fix-edit-account = 编辑账号
fix-human-agent-tag = 加上 human-agent 标签发送
fix-send-as-file = 作为文件发送
fix-choose-microphone = 选择其他麦克风

## 历史记录。

history-from-api = 经由 API
history-title = 历史记录
history-search = 搜索历史记录
history-search-placeholder = 搜索：收件人、账号、消息 ID
history-no-match = 没有与“{ $query }”匹配的发送。
history-empty = 还没有语音。你发送的语音，以及发送失败的语音，都会列在这里。
history-kept-in =
    .before = 它们保存在
    .after = 中。
history-interrupted = 这条语音发出前 Hark 已停止；语音已保留。
history-by-session = 使用仅供一次请求的凭据发送，Hark 从不保存这些凭据：请从发送它的那个程序再次发送。
history-resent = 已重新发送：较新的那一条显示其状态。
history-may-have-arrived = 客户可能已经收到这条语音：重新发送前请先查看对话。
history-stopped-may-have-arrived = 这条语音发送途中 Hark 停止了。客户可能已经收到这条语音：重新发送前请先查看对话。
history-play = 播放发给 { $recipient } 的语音
history-resend = 重新发送
history-send-again = 再次发送…
history-older = 显示更早的发送
send-state-sent = 已发送
send-state-failed = 失败
send-state-queued = 排队中
send-state-sending = 发送中
send-state-unknown = 可能已送达
send-state-interrupted = 已中断

## “发给”输入框与平台限制。

to-label = 发给 · { $hint }
to-placeholder = 名称或收件人 ID
to-choose-account = 请先选择账号
recipient-hint-wechat = 关注公众号的用户的 OpenID
recipient-hint-messenger = 对方在该主页下的 ID（PSID）
recipient-hint-whatsapp = 带国家/地区代码的手机号码
recipient-hint-whatsapp-gateway = WhatsApp 聊天 ID（…@c.us 或 …@g.us）
recipient-hint-telegram = 聊天 ID（对方须已启动你的机器人）
recipient-hint-sandbox = 任意名称：语音只留在本机
limits-label = { $platform }的限制
limits-format = 以 { $format } 语音发送
limits-max-duration = 最长 { $limit }
limits-max-size = 最大 { $limit }
limits-play-button = { $size } 以内显示播放按钮
drop-hint = 把音频文件拖到窗口任意位置（{ $formats }），或
drop-choose-file = 选择文件
drop-or = 或
drop-paste-link = 粘贴链接
link-title = 来自链接的音频
link-about = 指向音频文件的链接（https；http 只限本机或你的内网）。Hark 会获取它并制作语音，和文件一样。你也可以在窗口的任何地方粘贴链接。
link-label = 链接
link-fetch = 获取
link-not-a-link = 这不是链接：链接以 https:// 开头

## 录音。

record-label = 录音
record-stop-and-keep = 停止并保留
record-time = 已录时长
record-paused = 已暂停
record-recording = 正在录音
record-size-of = { $size } / { $max }
record-recorded = 已录 { $duration }
record-resume = 继续
record-stop = 停止
record-how =
    .before = 点击开始录音（或在任何地方按
    .after = ），再点一次停止。停止的同时语音就已准备好。
record-how-hold =
    .before = 点击开始录音，再点一次停止（或在任何地方按住
    .after = 说话，松开即停止）。停止的同时语音就已准备好。

## 之前保留的语音。

recovered-title = Hark 上次关闭时未发送
recovered-what = 已恢复：{ $what }
recovered-imported = { $duration }，来自 { $name }，打开于 { $at }
recovered-imported-unnamed = { $duration }，来自一个文件，打开于 { $at }
recovered-interrupted = { $duration }，录于 { $at }，Hark 关闭时被中断
recovered-recorded = { $duration }，录于 { $at }
recovered-opening = 正在打开…
recovered-discard-text = 已恢复：{ $what }。它会从这台电脑上删除，且无法恢复。

## 账号表单。

account-add-title = 添加账号
account-platform = 平台
account-name = 名称
account-name-placeholder = 例如：Acme 客服
account-optional = { $label }（选填）
account-type-to-replace = { $masked } — 输入即可替换
account-kept-in-keychain = 只保存在系统钥匙串中。
account-remove-question = 删除这个账号及其密钥？
account-remove = 删除
account-remove-ask = 删除…
account-done = 完成
account-checking = 正在检查…
account-save-and-verify = 保存并验证

## 各平台的字段：标签，以及在哪里找到它的值。

field-wechat-api_base =
    .label = API 地址
    .help = 留空则使用平台自己的地址；通过代理访问时填写。
field-wechat-app_id =
    .label = AppID
    .help = 公众号的 AppID（在公众号后台「设置与开发 › 基本配置」中查看）。
field-wechat-token_mode =
    .label = access_token 来源
    .help = app_secret：Hark 用 AppSecret 获取 access_token（本机 IP 须加入「基本配置」中的 IP 白名单）；access_token：直接粘贴 access_token；relay：由你自己的中控服务器下发。
field-wechat-relay_url =
    .label = 中控服务器地址
    .help = 你的服务器，返回 {"{"}"access_token", "expires_in"{"}"}。
field-wechat-app_secret =
    .label = AppSecret
    .help = 在「设置与开发 › 基本配置」中生成或重置时只显示一次。
field-wechat-access_token =
    .label = access_token
    .help = 在别处获取的 access_token；约两小时后过期。
field-wechat-relay_bearer =
    .label = 中控服务器令牌
    .help = 如果中控服务器需要，以 Authorization: Bearer … 发送给它。
field-messenger-api_base =
    .label = API 地址
    .help = 留空则使用平台自己的地址；通过代理访问时填写。
field-messenger-page_id =
    .label = 主页 ID
    .help = Facebook 主页的数字 ID。
field-messenger-graph_version =
    .label = Graph API 版本
    .help = 要调用的 Graph API 版本，例如 v25.0。
field-messenger-messaging_type =
    .label = 消息类型
    .help = RESPONSE 用于 24 小时窗口内的回复（通常情况），UPDATE 用于窗口内的主动发送。
field-messenger-page_access_token =
    .label = 主页访问令牌
    .help = 具有 pages_messaging 权限的主页令牌。
field-whatsapp-api_base =
    .label = API 地址
    .help = 留空则使用平台自己的地址；通过代理访问时填写。
field-whatsapp-phone_number_id =
    .label = 电话号码 ID
    .help = 在 WhatsApp Manager › API 设置中查看（不是电话号码本身）。
field-whatsapp-graph_version =
    .label = Graph API 版本
    .help = 要调用的 Graph API 版本，例如 v25.0。
field-whatsapp-access_token =
    .label = 访问令牌
    .help = 具有 whatsapp_business_messaging 权限的系统用户令牌（控制面板里的临时令牌 24 小时后过期）。
field-whatsapp-gateway-api_base =
    .label = 网关地址
    .help = 你的 WAHA 兼容网关的监听地址，例如 http://localhost:3000。
field-whatsapp-gateway-session =
    .label = 会话
    .help = 网关的会话（实例）名称。
field-whatsapp-gateway-api_key =
    .label = API 密钥
    .help = 如果网关需要，以 X-Api-Key 发送。
field-telegram-api_base =
    .label = API 地址
    .help = 留空则使用平台自己的地址；通过代理访问时填写。
field-telegram-bot_token =
    .label = 机器人令牌
    .help = 从 @BotFather 获取，形如 123456:ABC-DEF…。

## 发送，以及发送的结果。

send-preparing = 正在准备…
send-uploading = 正在上传 { $percent }%
# $reason：Hark 等待的原因（平台的发送速度限制、平台繁忙）。
send-waiting = 等待 { $secs } 秒：{ $reason }
send-retrying = { $reason } { $secs } 秒后重试。
send-upload = 上传
send-sent-to =
    .before = 已发送给{" "}
    .after = {""}
send-with-account = （账号：{ $account }）。
send-message-id = 消息 ID
send-no-message-id = { $platform }不返回消息 ID；媒体 ID
send-accepted-at = ，接收时间 { $when }。

## 录音结束后的提示。

record-silent = 没有录到声音：麦克风可能被静音或选错了。请在设置中检查，然后重新录制。
record-limit-reached = 录音在平台的时长上限处停止；此前的内容都已保留。
# $problem：声音系统所说的话。
record-device-stopped = 麦克风停止了：{ $problem } 已录下的内容已保留。
record-stop-recording = 停止录音
to-recent = 最近的收件人
# 无法制作成语音的文件，按原样显示。
clip-not-converted = { $format }（未转换）

## 窗口自己的错误：app-error-<内容> 与 app-remedy-<内容>。

app-error-autostart-on = Hark 无法设为登录时启动：{ $detail }。
app-error-autostart-off = Hark 无法取消登录时启动：{ $detail }。
app-remedy-autostart = 请确认你的主文件夹可以写入，然后再次保存。
app-error-shortcut-taken = { $keys } 已被其他程序或桌面占用。
app-remedy-shortcut-taken = 请选择其他按键。
app-error-shortcut-unavailable = 此桌面不允许 Hark 在其他程序中使用 { $keys }（{ $detail }）。
app-remedy-shortcut-unavailable = 请选择其他按键，或用 Hark 窗口中的按钮录音。
app-error-shortcut-unknown = { $keys } 不是 Hark 认识的组合键。
app-error-shortcut-while-typing = { $keys } 会在你在别处打字时开始录音：请加上 Ctrl、Alt 或 Super。
app-remedy-shortcut-invalid = 点击该字段，然后同时按下这些键，例如 Ctrl+Alt+R。
app-error-worker-stopped = Hark 的后台任务意外停止：{ $detail }
app-remedy-restart = 请重试；如果一直出现，请重新启动 Hark。
app-error-file-not-chosen = Hark 只导入你拖到窗口上或选择的文件。
app-remedy-file-not-chosen = 把文件拖到窗口上，或用“选择文件”选择它。
app-error-clip-gone = 这条语音已不再打开。
app-remedy-clip-gone = 请重新录制，或重新拖入文件。
app-error-clip-unwritable = Hark 无法把这条语音保存在数据文件夹中：{ $detail }
app-remedy-clip-unwritable = 请确认磁盘还有空间。
app-error-draft-gone = 这条语音已经不在了。
app-remedy-draft-gone = 它可能已在另一个 Hark 窗口中被打开或丢弃。
app-error-inbox-unreadable = 无法读取沙盒收件箱：{ $detail }
app-remedy-inbox-unreadable = 请检查数据文件夹的权限。
app-error-already-recording = 已经在录音了。
app-remedy-already-recording = 请先停止或丢弃它。
app-error-recording-under-way = 正在录音。
app-remedy-recording-under-way = 请先停止录音，再测试麦克风。
app-error-internal = { $detail }
app-remedy-internal = 请重试。
app-error-not-recording = 没有在录音。
app-remedy-not-recording = 按录音按钮开始。
app-error-does-not-fit = 这条语音无法按原样发送。
app-remedy-does-not-fit = 请按语音下方显示的方法处理。

## 桌面通知与托盘菜单。

notify-note = 发给 { $recipient } 的 { $duration } 语音（{ $account }）
notify-sent = 语音已发送
notify-sent-body = { $note }已送达。
notify-unknown = 语音：送达情况未知
notify-unknown-body = { $note }可能已送达，也可能没有。{ $why } 再次发送前请先打开 Hark。
notify-failed = 语音未发送
notify-failed-body = { $note }未发送。{ $why }
notify-still-running = Hark 仍在运行
notify-still-recording = 窗口关闭后，Hark 仍在继续录音。点击托盘中的图标可以重新显示窗口或退出。
notify-still-sending = 窗口关闭后，Hark 仍在继续发送。点击托盘中的图标可以重新显示窗口或退出。
tray-record = 录音
tray-stop-recording = 停止录音
tray-show = 显示 Hark
tray-quit = 退出 Hark
tray-tooltip-recording = Hark — 正在录音

## 联系人：“发给”栏的匹配项、联系人对话框、为刚发送的对象命名。

contacts-open = 联系人
to-matches = 匹配的联系人
# $name, $id：“发给”栏将发送到的联系人。
to-sends-to = 发给 { $name } · { $id }
contact-unnamed = 尚未命名
contact-origin-typed = 手动添加
contact-origin-imported = 导入
contact-origin-learned = 来自一次发送
# $when：本地时间。
contact-last-heard = 最近来信 { $when }
contacts-title = 联系人 · { $account }
contacts-close = 关闭联系人
contacts-filter = 查找联系人
contacts-import-platform = 从{ $platform }导入
contacts-import-file = 导入 CSV 文件…
contacts-file-hint = CSV 文件每行包含名称和 ID，可附备注；也可以把它拖到这个窗口上。
contacts-importing = 正在导入…已读取 { $count } 个。
contacts-imported = 新增 { $added } 个，更新 { $updated } 个，{ $unchanged } 个已存在。
contacts-left-out = { $count ->
   *[other] 有 { $count } 行未导入：
}
contacts-left-out-line = 第 { $line } 行：{ $why }
contacts-saved = 已保存 { $name }。
contacts-removed = 已删除 { $name }。
contacts-none = 还没有联系人。可在下方添加，或导入；你发过语音的对象会保留在这里，等你命名。
contacts-none-match = 没有匹配的联系人。
contacts-new-name = { $id } 的新名称
contacts-save = 保存
contacts-pick = 回复
contacts-pick-named = 回复 { $name }
contacts-rename = 重命名
contacts-rename-named = 重命名 { $name }
contacts-name = 命名
contacts-name-named = 命名 { $name }
contacts-remove = 删除
contacts-remove-named = 删除 { $name }
contacts-add = 添加联系人
contacts-name-label = 名称
contacts-id-label = ID
contacts-id-hint = ID：{ $hint }
contacts-note-label = 备注（可选）
contacts-add-save = 添加
send-name-them = 对方还没有名称。命名后，下次可以按名称找到：
send-name-save = 保存名称
send-named = 已保存为 { $name }：下次在“发给”栏输入名称即可。
app-error-webhook-set = 这个机器人设置了 webhook：Telegram 只把消息发往那个地址，Hark 不删除它就无法得知谁发过消息，因此保持原样。
app-remedy-webhook-set = 请改为导入含名称和聊天 ID 的 CSV 文件。
app-error-cannot-list-people = 暂时无法向{ $platform }查询谁给这个账号发过消息。
app-remedy-cannot-list-people = 请改为导入含名称和 ID 的 CSV 文件。
app-remedy-contacts-file-not-chosen = 在联系人打开时把文件拖到窗口上，或用“导入 CSV 文件”选择它。

## 回复窗口：显示在“发给”栏下方，仅当平台有窗口且告知客户最近来信时间时。

# $left：一段时间（span-*）。
window-open = 回复窗口还剩 { $left }。
# $ago：一段时间；$until：星期几和时间。
window-tag-only = 回复窗口已于 { $ago }前关闭——在{ $platform }上，人工客服仍可用 HUMAN_AGENT 标签回复，直到{ $until }。
window-closed = 回复窗口已于 { $ago }前关闭：对方再次来信后，{ $platform }才会再接收语音。
span-minutes = { $n } 分钟
span-hours = { $n } 小时
span-days = { $n } 天

## 语音的送达情况（仅平台会告知时：WhatsApp 网关）。

send-reached-delivered = 已送达
send-reached-read = 已读
send-reached-played = 已播放
send-sent-title = 已发送：{ $platform }已接受该语音，但不会告诉 Hark 是否已送达或被收听。
send-sent-reach-title = 已发送：{ $platform }已接受该语音；送达、已读和已播放时它会告知（点“刷新”查询）。
history-refresh = 刷新
history-refreshing = 正在查询…
history-not-refreshed = 无法查询“{ $account }”的语音送达情况：{ $why }
