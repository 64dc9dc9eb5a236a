# Hark 关于出错情况的句子（简体中文）。
#
# 与 en/errors.ftl 的消息、属性和变量一一对应。平台自己的原话不翻译。
# 微信相关用语以公众号后台为准：AppID、AppSecret、OpenID、IP 白名单、客服消息、48 小时。

## 平台名称。

platform-wechat = 微信
platform-messenger = Messenger
platform-whatsapp = WhatsApp
platform-whatsapp-gateway = WhatsApp 网关
platform-telegram = Telegram
platform-sandbox = 沙盒

## 各平台的收件人。

recipient-wechat = 关注该公众号的用户的 OpenID
recipient-messenger = 对方在该主页下的 ID（PSID）
recipient-whatsapp = 带国家/地区代码的手机号码
recipient-whatsapp-gateway = WhatsApp 聊天 ID（…@c.us 或 …@g.us）
recipient-telegram = 聊天 ID（对方须已启动你的机器人）
recipient-sandbox = 任意名称：语音只留在本机

## 平台的答复，用 Hark 的话说。

error-invalid-token = { $platform }不接受此账号的凭据：凭据有误、已过期或已被撤销。
remedy-invalid-token =
    .cli = { $key ->
        [wechat] 请在公众号后台「设置与开发 › 基本配置」中重置 AppSecret，并确认本机的 IP 地址已加入 IP 白名单，然后用 `hark profile set-secret` 填入，或在应用的账号设置中填入。
       *[other] 请从{ $platform }的开发者设置中获取新的令牌或密钥，用 `hark profile set-secret` 填入，或在应用的账号设置中填入。
    }
    .app = { $key ->
        [wechat] 请在公众号后台「设置与开发 › 基本配置」中重置 AppSecret，并确认本机的 IP 地址已加入 IP 白名单，然后把新的 AppSecret 粘贴到账号中。
       *[other] 请从{ $platform }的开发者设置中获取新的令牌或密钥，然后粘贴到账号中。
    }

error-recipient-not-found = { $platform }上此账号找不到这个收件人。
remedy-recipient-not-found = 请检查收件人：应为{ $hint }。

error-messaging-window-closed = { $key ->
    [wechat] 该用户最近一次互动已超过 48 小时：微信只允许在用户最近一次互动后的 48 小时内发送客服消息。
   *[other] 客户上次发消息已经太久：{ $platform }只接受消息窗口内的回复。
}
remedy-messaging-window-closed = 请等客户再次发来消息后再发送。

error-message-not-allowed = { $platform }目前不允许此账号给此人发消息。
remedy-message-not-allowed = 对方可能已屏蔽此账号或关闭了来自它的消息；请通过其他方式联系对方。

error-quota-exceeded = 此账号的{ $platform }消息额度已用完。
remedy-quota-exceeded = 请等额度恢复后再发送。

error-rate-limited = { $platform }要求 Hark 放慢发送速度。
remedy-rate-limited = 请等一分钟后再发送。

error-audio-too-large = { $platform }表示语音文件太大。
remedy-audio-too-large = 请录一段更短的语音，或分成两段发送。

error-audio-too-long = { $platform }表示语音太长。
remedy-audio-too-long =
    .cli = 请裁剪（hark convert --trim-to-limit）或分成两段发送。
    .app = 保留符合时长限制的部分，或录一段更短的语音。

error-unsupported-audio = { $platform }拒绝了这条语音的音频格式。
remedy-unsupported-audio = 请从原始录音或文件重新发送，让 Hark 进行转换；如果反复出现，请附上平台的错误码报告问题。

error-audio-fetch-failed = { $platform }未能接收音频文件。
remedy-audio-fetch-failed = 请重新发送；如果一直失败，请重新录制。

error-account-not-verified = 此{ $platform }账号尚无权发送此类消息。
remedy-account-not-verified = { $key ->
    [wechat] 请公众号管理员完成微信认证，并确认已获得客服消息接口权限。
   *[other] 请账号管理员完成平台认证或开通消息权限。
}

error-network = 无法连接{ $platform }。
remedy-network = 请检查网络连接，然后重新发送。

error-platform-error = { $platform }无法处理该请求。
remedy-platform-error = 请稍后重新发送；如果一直失败，请联系支持人员并提供此处显示的平台错误码。

error-disk-full = 存放 Hark 数据文件夹的磁盘已满。
remedy-disk-full = 请腾出一些空间，然后重新发送。

error-folder-unwritable = Hark 无法写入其数据文件夹。
remedy-folder-unwritable = 请确认数据文件夹存在且你有写入权限。

## 答复丢失的发送，后来查明的结果。

error-lost-and-not-arrived = 这次发送的答复丢失了，而{ $platform }的聊天中没有这条语音：它没有送达。
remedy-lost-and-not-arrived = 请重新发送。

## Hark 不认识的平台名称。

error-unknown-platform = “{ $name }”不是 Hark 认识的平台；请用以下之一：wechat、messenger、whatsapp、whatsapp-gateway、telegram、sandbox
remedy-unknown-platform = 请从 Hark 列出的平台中选择一个。

## 对平台的调用没有得到完整答复。$doing：Hark 当时在做什么；$how：调用的结果；
## $host：调用的地址。

doing-checking-account = 检查账号
doing-checking-page-token = 检查主页令牌
doing-checking-bot-token = 检查机器人令牌
doing-checking-access-token = 检查 access_token
doing-checking-phone-number = 检查电话号码
doing-checking-session = 检查网关会话
doing-getting-token = 获取 access_token
doing-getting-token-from-relay = 从中控服务器获取 access_token
doing-uploading = 上传语音
doing-sending = 发送语音
doing-asking-for-messages = 向网关查询聊天中的消息
doing-listing-chats = 向平台查询谁给这个账号发过消息
lost-stalled = 不再应答
lost-too-slow = 应答太慢
lost-too-large = 返回的答复远大于其文档所述
lost-timed-out = 没有及时应答
lost-unreachable = 无法连接
lost-broke-off = 答复中途断开
lost-failed = 调用失败
error-lost = Hark 在{ $doing }时，{ $platform }（{ $host }）{ $how }。
error-lost-detail = Hark 在{ $doing }时，{ $platform }（{ $host }）{ $how }：{ $detail }。
remedy-lost = 请检查网络连接（如使用代理，也请检查代理），然后重新发送。
remedy-lost-too-large = 请检查账号的 API 地址：它看起来不像该平台的地址。
error-no-network-setup = Hark 无法建立网络连接：{ $detail }
remedy-no-network-setup = 请检查系统的 TLS 证书和代理设置，然后重试。
error-redirected = { $platform }的地址返回了重定向，指向 { $to }。Hark 不跟随重定向，以确保语音和账号凭据只发往账号指定的地址。
remedy-redirected = 请检查账号的 API 地址（协议、主机和路径），如有变化请更正，然后重新发送。
redirect-elsewhere = 另一个地址
error-not-understood = { $platform }答复了，但缺少它总会给出的 { $missing }。
remedy-not-understood = 请稍后重新发送；如果一直这样，请检查账号的 API 地址。
remedy-check-conversation = { $remedy } 请先查看对话：客户可能已经收到这条语音。

## 平台绝不会接受的接收人。

error-bad-recipient = “{ $to }”不是这个账号可以发送的接收人。
remedy-bad-recipient-wechat = 请输入关注此公众号的用户的 OpenID。
remedy-bad-recipient-messenger = 请输入对方在该主页下的 ID（PSID），只含数字。
remedy-bad-recipient-whatsapp = 请输入带国家/地区代码的手机号码，例如 +86 138 0013 8000。
remedy-bad-recipient-whatsapp-gateway = 请输入带国家/地区代码的手机号码，或类似 8613…@c.us 的聊天 ID。
remedy-bad-recipient-telegram = 请输入已启动你的机器人的用户的数字聊天 ID（或 @频道名）。
remedy-bad-recipient-sandbox = 请输入任意名称（最多 100 个字符）。

## 属于另一个主页的主页令牌。

error-token-of-another-page = 此令牌属于主页 { $name }（{ $id }），而不是这个账号指定的主页 { $page }。
remedy-token-of-another-page = 请使用该主页自己的访问令牌，或更正主页 ID。

## 发送时 Hark 无法写入的文件。$what：哪个文件。

writing-sandbox-inbox = 沙盒收件箱中的语音
error-disk-full-writing = 磁盘已满：Hark 无法写入{ $what }（{ $path }）。
remedy-disk-full-writing = 请在存放 Hark 数据文件夹的磁盘上腾出一些空间，然后重新发送。
error-folder-unwritable-writing = Hark 无法写入{ $what }（{ $path }）：{ $detail }。
remedy-folder-unwritable-writing = 请确认数据文件夹存在且你有写入权限，然后重新发送。

## 无法按原样发出的语音。

error-made-for-another-platform = 这段录音是为{ $made_for }录制的，不是为{ $platform }。
remedy-made-for-another-platform = 请重新选择账号，让 Hark 为它重新编码这段录音。
error-no-notes-as-files = { $platform }只接受语音消息，不接受作为文件发送的语音。
remedy-no-notes-as-files = 请作为语音消息发送。

## 文件不是 Hark 能读取的音频时，它是什么：接在“Hark 无法使用这个文件：它是……”之后。

found-empty = 一个空文件
found-amr-wb = AMR-WB（宽带）音频，Hark 不读取这种格式
found-avi = 一个 AVI 视频
found-webp = 一张 WebP 图片
found-riff = 一个类型为“{ $kind }”的 RIFF 文件
found-quicktime = 一个 QuickTime 影片
found-heic = 一张 HEIC 图片
found-mpeg-layer-1-2 = MPEG 第一层或第二层音频，Hark 不读取这种格式
found-ogg-speex = 含 Speex 音频的 Ogg，Hark 不读取这种格式
found-ogg-flac = 含 FLAC 音频的 Ogg，Hark 不读取这种格式
found-ogg-theora = 一个 Ogg 视频（Theora）
found-ogg-unknown = 一个编码格式 Hark 不认识的 Ogg 文件
found-png = 一张 PNG 图片
found-jpeg = 一张 JPEG 图片
found-gif = 一张 GIF 图片
found-pdf = 一份 PDF 文档
found-zip = 一个 ZIP 压缩包（或 Office 文档）
found-gzip = 一个 gzip 压缩包
found-elf = 一个程序（ELF 可执行文件）
found-windows-program = 一个 Windows 程序
found-text = 一个文本文件
found-unknown = 不是 Hark 能识别的音频文件
found-undecodable = Hark 无法解码的音频（{ $what }）
found-no-audio-track = 一个没有音轨的 { $container } 文件
found-codec-not-read = 含 { $codec } 音频的 { $container }，Hark 不读取这种格式
found-sample-rate = 采样率为 { $rate } Hz 的音频（Hark 读取 8 至 192 kHz）
found-opus-version = 头部版本为 { $version } 的 Opus，Hark 不读取这种格式
found-opus-surround = 含 { $channels } 个声道的多声道（环绕声）Opus 音频，Hark 不读取这种格式

## Hark 被要求写入（例如用 -o 指定的语音）却无法写入的文件。

error-file-disk-full = Hark 无法写入 { $path }：磁盘已满（{ $detail }）。
remedy-file-disk-full = 请在该磁盘上腾出一些空间，或把语音写到别处。
error-file-unwritable = Hark 无法写入 { $path }：{ $detail }。
remedy-file-unwritable = 请确认文件夹存在且你有写入权限，或把语音写到别处。

## 音频文件的格式，给人看的写法。

clip-format = { $container } { $codec }，{ $channels ->
        [1] 单声道
        [2] 立体声
       *[other] { $channels } 声道
    }

## 联系人：每个账号的通讯录。

error-contact-not-found = 这个账号没有名为“{ $query }”或 ID 为“{ $query }”的联系人。
remedy-contact-not-found =
    .cli = `hark contact list --profile NAME` 会列出联系人；`hark contact add` 可以添加。
    .app = 请从列表中选择，或添加这个联系人。
error-contact-ambiguous = 有不止一个联系人名为“{ $query }”：{ $matches }。
remedy-contact-ambiguous =
    .cli = 请改用 ID，或给其中一个改名（`hark contact rename`）。
    .app = 请从列表中选择其中一个。
error-contact-empty-name = 联系人需要一个名称。
remedy-contact-empty-name = 请输入客户的称呼。
error-contacts-unreadable = Hark 无法读取 { $path }：{ $detail }。
remedy-contacts-unreadable = 请检查文件名，并确认它是以 UTF-8 保存的 CSV 文件。
csv-unreadable-row = 这一行无法读取（{ $detail }）
csv-no-name = 这一行没有名称
csv-no-id = 这一行没有 ID 或号码
writing-outbox-note = 要发送的语音

## 发送途中。

progress-paced = { $platform }限制发送频率，需稍候再发

## 历史记录中的发送。

# 原样照录的文字（Hark 暂时只有英文的句子）。
said-as-is = { $text }

error-delivery-unknown = { $cause }Hark 无法确定{ $platform }是否已收到这条语音。
remedy-delivery-unknown =
    .cli = 重新发送前请先查看对话：客户可能已经收到这条语音。语音已保存在历史记录中。
    .app = 重新发送前请先查看对话：客户可能已经收到这条语音。语音已保存在历史记录中，在那里重新发送时会先征求你的确认。

error-send-not-found = 历史记录中没有第 { $id } 号发送。
remedy-send-not-found =
    .cli = 请在历史记录中核对发送编号（hark history 会列出全部）。
    .app = 请在历史记录中重新选择这次发送。

error-send-in-progress = 第 { $id } 号发送仍在进行中。
remedy-send-in-progress = 请等它完成；历史记录会显示结果。

error-may-duplicate = { $state ->
    [sent] 第 { $id } 号发送已送达：客户已经收到这条语音。
   *[unknown] 第 { $id } 号发送可能已经到达客户：Hark 无法确定{ $platform }是否已收到。
}
remedy-may-duplicate =
    .cli = { $state ->
        [sent] 如仍要再发一次，请确认（hark resend --force { $id }）。
       *[unknown] 请先查看对话：如果没有这条语音，再重新发送并确认（hark resend --force { $id }）。
    }
    .app = { $state ->
        [sent] 客户已经收到这条语音；只有确实需要时才再发一次。
       *[unknown] 请先查看对话；只有对话中没有这条语音时才重新发送。
    }
error-resend-session-not-kept = 第 { $id } 号发送使用的是会话凭据，仅供那一次请求使用且从不保存：Hark 无法自行重新发送。
remedy-resend-session-not-kept =
    .cli = 请通过本地 API 带上会话再次发送，或使用你自己的账号发送（hark send --profile NAME）。
    .app = 请从发送它的那个程序再次发送。
error-already-resent = 第 { $id } 号发送已经重新发送过，即第 { $again } 号发送。
remedy-already-resent =
    .cli = `hark history` 显示第 { $again } 号发送的状态；如仍要再发一次，请确认（hark resend --force { $id }）。
    .app = 历史记录中较新的那一条显示其状态。

## 账号与钥匙串。

# 账号上次检查的结果，显示在其状态旁。
account-verified-as = 已验证为 { $account }
account-note-went-out = 有一条语音已于 { $when } 发出

error-profile-not-found = 没有名为“{ $name }”的账号。
remedy-profile-not-found =
    .cli = `hark profile list` 列出你的账号；`hark profile add` 添加账号。
    .app = 这个账号已不存在：请在列表中选择另一个账号。

error-profile-name-taken = 已有名为“{ $name }”的账号。
remedy-profile-name-taken =
    .cli = 请换一个名称，或给另一个账号改名（`hark profile rename 旧名 新名`）。
    .app = 请给这个账号换一个名称。

error-secret-missing = “{ $name }”的 { $key } 已不在钥匙串中。
remedy-secret-missing =
    .cli = 请用 `hark profile set-secret "{ $name }"` 重新填入，或在应用的账号设置中填入。
    .app = 请把它重新粘贴到账号中。

# $detail：钥匙串自己的原话。
error-keychain-unavailable = 没有可用的钥匙串：{ $detail }
remedy-keychain-unavailable =
    .cli = Hark 只把账号密钥保存在系统钥匙串中。在 Linux 上，请在桌面会话中安装并启动 Secret Service 服务（gnome-keyring 或 KWallet）；在服务器上，请在 D-Bus 会话中用 `gnome-keyring-daemon --unlock` 启动。
    .app = Hark 只把账号密钥保存在系统钥匙串中。请在桌面会话中安装并启动 Secret Service 服务（gnome-keyring 或 KWallet），然后重试。

error-keychain-locked = 钥匙串已锁定：{ $detail }
remedy-keychain-locked = 请解锁钥匙串（通常登录桌面即可，或在弹出的解锁提示中输入密码），然后重试。

error-keychain-no-answer = 钥匙串在 { $secs } 秒内没有响应。

error-keychain-error = 钥匙串拒绝了请求：{ $detail }
remedy-keychain-error = 请打开系统的钥匙串应用，确认它能正常使用，然后重试。

## Hark 的数据文件夹与数据库。

error-data-dir-no-home = Hark 无法确定你的主文件夹在哪里，因此没有地方保存数据。
remedy-data-dir-no-home = 请设置 HOME 环境变量，或把 { $env } 设为 Hark 可以使用的文件夹。

error-data-dir-unavailable = Hark 无法创建或写入其数据文件夹 { $path }：{ $detail }
remedy-data-dir-unavailable = 请确认 { $path } 所在磁盘有空闲空间且你的用户有写入权限，或把 { $env } 设为另一个文件夹。

error-database-error = Hark 的数据库 { $path } 无法使用：{ $detail }
remedy-database-error = 请确认 { $path } 所在磁盘有空闲空间，且没有被其他程序打开；如果它已损坏，把它移到别处，Hark 会新建一个（账号密钥仍保存在钥匙串中）。
remedy-database-disk-full = 请在存放 Hark 数据文件夹的磁盘上腾出一些空间，然后重试。

error-database-too-new = Hark 的数据库 { $path } 由更新版本的 Hark 写入（架构版本 { $found }，当前 Hark 最高支持 { $known }）。
remedy-database-too-new = 请把 Hark 更新到最新版本。

## 交给 Hark 的音频文件。

# $found：文件实际是什么，例如 "a PNG image"。
error-clip-unsupported-audio = Hark 无法使用这个文件：它是{ $found }。
remedy-clip-unsupported-audio = 请使用音频文件：MP3、M4A/AAC、Ogg（Opus 或 Vorbis）、WebM、WAV、FLAC 或 AMR。大多数音频应用都能把其他文件导出为其中一种格式。

error-clip-corrupt-audio = 这个音频文件已损坏或不完整：{ $detail }。
remedy-clip-corrupt-audio = 请重新导出或下载这个文件，或者直接录制语音。

error-clip-file-unreadable = Hark 无法读取 { $path }：{ $detail }
remedy-clip-file-unreadable = 请确认文件存在且你有读取权限，然后重试。

error-clip-audio-too-large = 这个文件有 { $bytes } 字节，远远超过任何语音消息的大小（Hark 最多读取 { $max } 字节）。
remedy-clip-audio-too-large = 请选择正确的文件，或把录音剪到你想发送的部分。

error-clip-encode-failed = Hark 无法编码这条语音：{ $detail }。
remedy-clip-encode-failed =
    .cli = 请重试；如果反复出现，请把文件连同 `hark doctor` 的输出发给支持人员。
    .app = 请重试；如果反复出现，请把文件发给支持人员。

error-clip-cancelled = 文件没有导入：你取消了操作。
remedy-clip-cancelled = 需要时请重新拖入或选择它。

## 来自链接的音频。$link：去掉查询部分的链接；$reason：fetch-* 之一。

error-clip-audio-fetch-failed = Hark 无法从 { $link } 获取音频：{ $reason }。
remedy-clip-audio-fetch-failed = 请确认这个链接能在浏览器中打开并且指向音频文件；或者把文件下载下来再使用。
fetch-not-allowed = 只获取 https 链接（http 只限本机或内网地址）
fetch-bad-redirect = 它被重定向到非 https 的地址，或重定向次数过多
fetch-not-found = 服务器上没有这个文件（{ $status }）
fetch-refused = 服务器拒绝了请求（{ $status }）
fetch-too-large = 它超过了 { $max } 字节，这是 Hark 为这个平台从链接读取的上限
fetch-timed-out = 服务器停止了发送，或者用时太久
fetch-unreachable = 无法连接服务器（{ $detail }）
fetch-untrusted = 服务器的证书不受这台电脑信任（{ $detail }）
fetch-not-audio = 它是{ $found }，不是音频

## 麦克风与声音系统。$detail：声音系统自己的原话。

error-no-input-device = 没有找到麦克风：{ $detail }
remedy-no-input-device = 请插上耳机或麦克风（或在系统声音设置中启用内置麦克风），然后重试。

error-no-sound-server = 声音系统没有运行：{ $detail }
remedy-no-sound-server = 请启动桌面的声音服务（PulseAudio 或 PipeWire），或登录桌面会话，然后重试。

error-microphone-denied = Hark 无权使用麦克风：{ $detail }
remedy-microphone-denied = 请在系统隐私设置中允许 Hark 使用麦克风（在 Linux 上，把你的用户加入 audio 组），然后重试。

error-device-busy = 麦克风正被其他程序占用：{ $detail }
remedy-device-busy = 请关闭正在使用麦克风的其他程序，然后重试。

error-unsupported-input-format = 不支持这个麦克风的采样格式：{ $detail }
remedy-unsupported-input-format =
    .cli = 请选择另一个输入设备（`hark devices` 会列出全部），或在声音设置中把它设为 16 位或浮点采样。
    .app = 请选择另一个麦克风，或在声音设置中把它设为 16 位或浮点采样。

error-audio-backend-error = 声音系统报告了一个错误：{ $detail }
remedy-audio-backend-error =
    .cli = 请换一个输入设备，或重启电脑的声音服务；如果反复出现，请运行 `hark doctor` 并把输出发给支持人员。
    .app = 请选择另一个麦克风，或重启电脑的声音服务。

## 录音。

error-spool-failed = Hark 无法把录音写入磁盘：{ $detail }
remedy-spool-failed =
    .cli = 请腾出一些磁盘空间，或确认 Hark 可以写入其数据文件夹（`hark doctor`），然后重新录制。
    .app = 请腾出一些磁盘空间，或确认 Hark 可以写入其数据文件夹，然后重新录制。

error-recording-cancelled = 录音已取消。
remedy-recording-cancelled = 准备好后请重新录制。

error-empty-take = 什么也没有录到：这段录音是空的。
remedy-empty-take =
    .cli = 请录得更久一些，并用 `hark devices` 检查麦克风的音量。
    .app = 请录得更久一些，并在说话时留意音量表。

## 限制面板：每项检查一行，以及修复办法。$max_duration 与 $max 是平台的上限，
## $icon 是显示播放按钮的大小上限。

verdict-format-ok = 格式 { $format } — 在{ $platform }上作为语音消息播放
verdict-format-fail = 格式 { $format } — { $platform }只播放 { $target } 语音
remedy-verdict-format =
    .cli = 请先转换：hark convert FILE --for { $key }
    .app = 请重新录制，或拖入另一个文件。
verdict-duration-too-long = 时长 { $duration } — { $platform }最长允许 { $max_duration }
remedy-verdict-duration =
    .cli = 请裁剪到 { $max_duration } 以内（hark convert --trim-to-limit 保留前 { $max_duration }），或录一段更短的语音。
    .app = 保留符合限制的部分（前 { $max_duration }），或录一段更短的语音。
verdict-duration-within = 时长 { $duration } — 在{ $platform }的 { $max_duration } 上限以内
verdict-duration = 时长 { $duration }
verdict-size-too-large = 大小 { $size } — { $platform }最大允许 { $max }
remedy-verdict-size = 请录一段更短的语音，或把要说的话分成两条语音。
verdict-size-within = 大小 { $size } — 在 { $max } 以内
verdict-play-icon-over = 超过 { $icon } — { $platform }会显示下载箭头，而不是播放按钮
remedy-verdict-play-icon = 请把语音控制在约 3 分钟以内，这样可以直接播放。
verdict-play-icon-under = 小于 { $icon } — 显示播放按钮

## 某个平台说得更具体的情况。

error-wechat-ip-not-whitelisted = 微信拒绝了本机的 IP 地址：它不在公众号的 IP 白名单中。
remedy-wechat-ip-not-whitelisted = 请在公众号后台「设置与开发 › 基本配置 › IP 白名单」中添加本机的公网 IP（约 5 分钟后生效）。家庭和办公网络的 IP 会变化，因此桌面电脑的长久之计是使用中控服务器：一台 IP 固定且已加入白名单、负责下发 access_token 的服务器（access_token 来源选 relay）。
error-wechat-not-a-follower = 此用户没有关注该公众号。
remedy-wechat-not-a-follower = 微信只向关注者发送客服消息；请让对方关注公众号。
remedy-wechat-window-closed = 微信只允许在用户最近一次发消息后的 48 小时内发送客服消息（关注、扫码或点击菜单后为 1 分钟）。请等对方再次发来消息。
error-wechat-replies-used-up = 自该用户最近一次发消息以来允许的回复条数已用完（每条消息 5 条，关注、扫码或点击菜单后 3 条）。
remedy-wechat-replies-used-up = 请等对方再次发来消息，届时会重新获得回复条数。
error-wechat-daily-quota = 公众号今天的接口调用次数已用完。
remedy-wechat-daily-quota = 请等到明天，或在公众号后台重置调用次数（每月可重置 10 次）。
error-wechat-appid-appsecret = 微信无法识别这个 AppID 和 AppSecret。
remedy-wechat-appid-appsecret = 请从「设置与开发 › 基本配置」重新复制 AppID 和 AppSecret（如果 AppSecret 丢失，请重置），然后重新填入。
error-wechat-relay-refused = 中控服务器拒绝了 Hark 的令牌。
remedy-wechat-relay-refused =
    .cli = 请用 `hark profile set-secret … --key relay_bearer` 重新填入中控服务器的令牌。
    .app = 请把中控服务器的令牌重新粘贴到账号中。
error-wechat-pasted-token = 粘贴的 access_token 已过期或已被替换。
remedy-wechat-pasted-token =
    .cli = 请用 `hark profile set-secret … --key access_token` 粘贴新的 access_token，或让 Hark 自己获取（access_token 来源选 app_secret 或 relay）。
    .app = 请把新的 access_token 粘贴到账号中，或让 Hark 自己获取（access_token 来源选 app_secret 或 relay）。

error-telegram-voice-forbidden = 对方的隐私设置不接受语音消息。
remedy-telegram-voice-forbidden =
    .cli = 请改为作为文件发送（`hark send --as-file`）：对方会收到一个可以播放的音频文件。或者给对方写文字消息。
    .app = 请改为作为文件发送：对方会收到一个可以播放的音频文件。或者给对方写文字消息。
error-telegram-not-started = 对方还没有与机器人开始聊天，或已屏蔽机器人。
remedy-telegram-not-started = 请让对方打开机器人并点击“开始”，然后重新发送。

remedy-messenger-window-closed =
    .cli = Messenger 只接受客户最近一次发消息后 24 小时内的回复。人工客服可使用 human-agent 标签在 7 天内回复（hark send --tag human-agent；主页需要 Human Agent 权限）。
    .app = 请加上 human-agent 标签发送：人工客服可在客户最近一次发消息后的 7 天内回复（主页需要 Messenger 的 Human Agent 权限）。
remedy-whatsapp-window-closed = WhatsApp 只在客户最近一次发消息后的 24 小时内接受自由格式消息（包括语音）。请先发送已获批准的模板邀请对方回复，然后再发送语音。
error-whatsapp-cannot-deliver = WhatsApp 无法发送到这个号码：它没有开通 WhatsApp、是企业自己的号码，或无法接收这条消息。
error-whatsapp-pair-rate = WhatsApp 限制了同一企业给同一个人发消息的速度。
remedy-whatsapp-pair-rate = 请稍等几秒再给这个人发送。

error-gateway-api-key = 网关拒绝了 Hark 的 API 密钥。
remedy-gateway-api-key =
    .cli = 请用 `hark profile set-secret` 填入网关的 API 密钥（即它的 WHATSAPP_API_KEY），或在应用的账号设置中填入。
    .app = 请把网关的 API 密钥（即它的 WHATSAPP_API_KEY）粘贴到账号中。
error-gateway-no-session = 网关的会话“{ $session }”不存在或未连接 WhatsApp。
remedy-gateway-no-session = 请打开网关的控制面板，启动会话并用手机扫描它的二维码，然后重新发送。
error-gateway-session-not-working = 网关的会话“{ $session }”状态为 { $status }，而不是 WORKING。
remedy-gateway-session-not-working = 请打开网关的控制面板，用手机扫描会话的二维码（或重启会话），然后重新验证。

## 账号中缺少或有误的字段。$label：表单中该字段的名称。

profile-name-missing = 账号需要一个名称。
profile-name-too-long = 名称最多 60 个字符，且只能占一行。
profile-no-such-field = { $platform }账号没有字段 { $key }。
profile-secret-on-command-line = { $label }是密钥；Hark 只从标准输入或提示中读取它，绝不从命令行读取。
profile-choose-one-of = { $label }必须是以下之一：{ $choices }。
# $problem：地址的问题所在。
profile-bad-url = { $label }：{ $problem }
url-not-a-url = 不是有效的网址（{ $detail }）
url-not-web = 必须是 http:// 或 https:// 地址
url-needs-https = 必须是 https:// 地址：明文 http:// 只用于本机或局域网（例如局域网中的网关），在那里别人无法在途中读到账号的凭据
url-has-credentials = 不能包含用户名或密码（Hark 只把它们保存在钥匙串中）
profile-no-such-secret = { $platform }账号没有密钥 { $key }。
profile-bad-secret = 密钥不能为空，也不能包含空格或换行。
profile-only-with-mode = { $label }只在 access_token 来源为 { $mode } 时使用。
profile-required = { $label }为必填项。
# $flag：该字段对应的命令参数，密钥则为 "none"。
remedy-invalid-profile =
    .cli = { $flag ->
        [none] 请在 Hark 提示时重新输入密钥。
       *[other] 请用 { $flag } 提供它。
    }
    .app = 请按旁边的说明填写，然后再次保存。
profile-secret-for-moved-address = 请重新填入{ $label }：{ $moved }已更改，而 Hark 只把账号密钥发送到当初提供它们时的地址。
profile-sandbox-needs-no-account = 沙盒不需要账号：每个数据文件夹一开始就有一个沙盒。
profile-secrets-are = { $platform }账号需要以下密钥：{ $secrets }。
profile-no-secrets = { $platform }账号不需要密钥。
profile-no-secret-given = 没有提供{ $label }。

## 本地发送 API（hark serve）及其密钥

error-api-key-not-found = 没有名为“{ $query }”或 ID 为“{ $query }”的 API 密钥。
remedy-api-key-not-found = `hark api-key list` 会列出所有密钥。
error-api-key-name-taken = 已有名为“{ $name }”的 API 密钥。
remedy-api-key-name-taken = 请换一个名称，或先用 `hark api-key revoke` 吊销那个密钥。
error-api-key-empty-name = API 密钥需要一个名称。
remedy-api-key-empty-name = 请按将使用它的程序命名，例如“helpdesk”。
error-api-unauthorized = 请求没有 API 密钥，或密钥错误、已被吊销。
remedy-api-unauthorized = 请在 Authorization 请求头中发送密钥（`Bearer hark_…`）；`hark api-key create NAME` 可以创建一个。
error-api-invalid = 请求中的“{ $field }”无法使用：{ $detail }。
remedy-api-invalid = 请按说明更正请求；API 的 OpenAPI 文档（GET /openapi.json）描述了每个字段。
error-api-idempotency-conflict = Idempotency-Key“{ $key }”之前已随另一个不同的请求发送过（发送 { $first }）。
remedy-api-idempotency-conflict = 新请求请使用新的密钥；重试必须与第一次请求完全相同。
error-api-too-large = 请求中的音频为 { $size }，超过了此平台接受的 { $cap }。
remedy-api-too-large = 请发送更短的录音，或压缩格式（Ogg、MP3、M4A）而不是 WAV。
error-api-send-not-found = 没有 ID 为“{ $id }”的发送。
remedy-api-send-not-found = GET /v1/sends 会列出所有发送。
error-api-queue-full = 已有 { $queued } 条发送在等待。
remedy-api-queue-full = 请一分钟后再试，届时部分语音已经发出。
error-api-session-not-kept = 这条语音发出之前 Hark 已停止，而会话凭据从不保存。
remedy-api-session-not-kept = 请带上会话再次发送请求；客户没有收到这条语音。
error-api-random = 无法生成随机密钥：{ $detail }。
remedy-api-random = 请检查系统的随机数来源（getrandom）是否可用，然后重试。
error-api-stopped-while-sending = 发送语音的过程中 Hark 停止了。
remedy-api-stopped-while-sending = 再次发送前请先向客户确认。
error-session-unknown-field = { $platform } 账号没有名为“{ $field }”的字段。
api-unknown-platform = 不是 Hark 支持的平台（可选：{ $platforms }）
api-profile-other-platform = 账号“{ $profile }”属于 { $its }，而不是 { $platform }
api-profile-or-session = 请提供 profile（Hark 中的账号）或 session（平台凭据）其中之一，不能同时提供
api-unknown-tag = “{ $tag }”不是 Hark 可用的标签（human_agent，仅限 Messenger）
api-not-a-link = 不是 http 或 https 链接
api-audio-url-or-base64 = 请提供 audio_url 或 audio_base64 其中之一，不能同时提供
api-not-base64 = 不是 base64
error-api-no-route = API 没有 { $method } { $path } 这个路由。
remedy-api-no-route = 所有路由见其 OpenAPI 文档：GET /openapi.json。
api-empty-audio = 音频为空
