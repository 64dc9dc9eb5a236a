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
