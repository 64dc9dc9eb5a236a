# `hark` 命令的 `--help`：`help-<命令>` 是命令的说明，`help-<命令>-<参数>` 是参数的说明，
# `help-any-<参数>` 是多个命令共有参数的说明；`.after` 打印在选项下方。

## 帮助的框架。

cli-help-usage = 用法：
cli-help-commands = 命令
cli-help-arguments = 参数
cli-help-options = 选项
cli-help-help = 显示帮助
cli-help-version = 显示版本
cli-help-help-command = 显示本帮助，或所给子命令的帮助

cli-flag-field = { $platforms }（{ $label }）
cli-flag-field-separator = ；

## 多个命令共有。

help-any-json = 以 JSON 输出
help-any-name = 账号的名称（或 ID）

## hark

help-hark = 发送语音消息，在微信、Messenger、WhatsApp 和 Telegram 上以真正的语音条送达
    .after =
        退出状态：
          0  成功（doctor：所有检查通过；inspect/convert：这条语音可以发送）
          1  命令已运行并发现问题（doctor：有检查未通过；inspect/convert：语音不符合平台的限制）
          2  命令行有误（或指定的账号、发送记录不存在）
          3  Hark 自身出错（例如无法写出结果）
          4  输入文件无法使用（不是 Hark 能读取的音频、已损坏或无法读取）
          5  平台拒绝了（凭据、接收人、消息窗口、配额……）：在按随附的提示处理之前，
             同样的发送会再次失败
          6  暂时性故障（网络、频率限制、平台繁忙）：同样的发送稍后可能成功；
             这条语音无论如何都保留在历史记录中
          7  结果未知：发送请求已发出，但答复丢失或无法读取，客户可能已经收到这条语音；
             再次发送前请先查看对话（hark resend 会要求加 --force）
help-hark-verbose = 在标准错误输出上打印 Hark 的操作（请求、答复、耗时；绝不包含密钥）

## hark doctor

help-doctor = 检查这台电脑能否录音和保存密钥：麦克风、钥匙串、数据文件夹。逐项给出结论，并说明出问题时怎么办
help-doctor-json = 以 JSON 输出报告（供脚本和工单使用）

## hark inspect

help-inspect = 显示音频文件的情况（格式、时长、大小）；加 --for 时，说明能否在该平台发送以及将发送什么
help-inspect-file = 音频文件，或指向音频文件的 https 链接（任何常见格式；按内容识别）
help-inspect-platform = 对照此平台检查。退出状态为 0 表示 Hark 可以在该平台发送它

## hark convert

help-convert = 把任何常见的音频文件制作成平台原生的语音消息
help-convert-input = 要转换的音频文件，或指向音频文件的 https 链接（任何常见格式；按内容识别）
help-convert-platform = 为哪个平台制作语音消息
help-convert-output = 语音写到哪里 [默认：输入文件旁边，例如 reply.wechat.amr；链接则写到当前文件夹]
help-convert-clean = 清理：去除静音、去除直流偏移、把响度统一到 −16 LUFS
help-convert-trim_to_limit = 音频比平台允许的长时，保留开头部分，而不是拒绝

## hark devices

help-devices = 列出 Hark 可以录音的麦克风（输入设备）

## hark record

help-record = 用麦克风录制语音消息，边说边编码
help-record-platform = 为哪个平台录制语音消息（决定格式和时长上限）
help-record-output = 语音写到哪里 [默认：当前文件夹中的 `note-<时间>.<扩展名>`]
help-record-device = 输入设备：`hark devices` 列出的 ID 或名称的一部分 [默认：系统默认输入]
help-record-seconds = 录这么多秒后停止（平台自身的上限始终有效）
help-record-no_clean = 按原样录制：不去静音、不去直流偏移、不调响度（默认会在录音时处理）
help-record-json = 以 JSON 输出结果

## hark recover

help-recover = 恢复被中断的录音（程序崩溃、断电），恢复到最后半秒，作为语音保存在当前文件夹
help-recover-list = 只列出中断的录音，不恢复
help-recover-output = 恢复的语音写到哪个文件夹 [默认：当前文件夹]

## hark profile

help-profile = 管理账号：添加、列出、查看、重命名、删除、验证
help-profile-add = 添加账号。密钥会以隐藏方式询问，或从标准输入读取
    .after = 密钥（令牌、AppSecret、API 密钥）绝不从命令行获取：Hark 会以隐藏的提示询问，或从标准输入读取，每行一个，顺序与 `hark profile fields PLATFORM` 列出的一致。
help-profile-add-platform = 账号所在的平台
help-profile-add-name = 账号的名称，例如“售后客服”
help-profile-list = 列出账号
help-profile-show = 显示账号的字段，密钥以掩码显示（••••3f9a）
help-profile-rename = 重命名账号（它的密钥仍在钥匙串中，按 ID 保存）
help-profile-rename-name = 账号现在的名称
help-profile-rename-new_name = 新名称
help-profile-edit = 修改账号的名称或字段（空值，例如 --api-base ''，表示恢复默认）。密钥用 `hark profile set-secret` 修改
help-profile-edit-new_name = 新名称
help-profile-remove = 删除账号，并从钥匙串中删除它的密钥
help-profile-verify = 用一次开销很小的真实调用向平台检查账号的凭据
help-profile-set-secret = 替换账号的一个密钥（从标准输入或隐藏的提示读取）
help-profile-set-secret-key = 哪个密钥，例如 bot_token [默认：账号唯一的或必需的那个]
help-profile-fields = 列出该平台的账号需要的字段和密钥
help-profile-fields-platform = 要列出字段的平台

## hark send 与 resend

help-send = 通过一个账号发送语音消息（任何音频文件）
help-send-file = 音频文件，或指向音频文件的 https 链接（任何常见格式；需要时会为平台转换）
help-send-profile = 用哪个账号发送（名称或 ID；见 `hark profile list`）
help-send-to = 接收人：联系人的名称（见 `hark contact list`），或 OpenID、PSID、手机号码、聊天 ID……（平台认识的那个）。Telegram 群组的 ID 以减号开头
help-send-tag = 消息标签（仅 Messenger）：human-agent 即 Messenger 的 HUMAN_AGENT 标签，供真人在客户最后一条消息后 7 天内回复
help-send-as_file = 把语音作为文件而不是语音消息发送（仅 Telegram：用于隐私设置拒收语音消息的人）
help-send-clean = 先清理音频：去除静音、去除直流偏移、把响度统一到 −16 LUFS
help-resend = 再次发送之前某次发送的语音（同一账号、同一接收人）
help-resend-id = `hark history` 中这次发送的编号
help-resend-force = 即使客户已经收到或可能已经收到（已送达的发送，或结果未知的发送）也发送。请先查看对话

## hark history 与 inbox

help-history = 每条发送过或尝试过的语音，附回执或错误
help-history-limit = 显示多少条发送记录
help-history-refresh = 先查询最近一周语音的送达情况（仅平台会告知时：WhatsApp 网关的已送达、已读、已播放）；其他平台的“已发送”表示平台已接受该语音
help-inbox = 沙盒账号收到的内容

## hark serve 与 api-key

help-serve = 运行本地发送 API：其他程序可通过 HTTP（POST /v1/send）并凭 API 密钥经 Hark 发送语音
    .after = 这些语音与其他发送一样经过同样的检查、历史记录和发送节奏。API 的 OpenAPI 文档在 GET /openapi.json（或 `hark serve --openapi`）。
help-serve-listen = 监听的地址和端口（不是 127.0.0.1 时其他电脑也能访问：请置于 TLS 之后）
help-serve-workers = 同时最多处理多少条发送（同一账号一次一条）
help-serve-queue_limit = 最多同时等待的发送数；超出时拒绝（429），直到部分发出
help-serve-openapi = 打印 API 的 OpenAPI 文档后退出
help-api-key = 供程序调用 `hark serve` 的密钥：创建、列出、吊销
help-api-key-create = 创建密钥（只显示一次；Hark 只保存其哈希）
help-api-key-create-name = 密钥的用途（将使用它的程序）
help-api-key-list = 列出密钥（从不显示密钥本身）
help-api-key-revoke = 吊销密钥：此后带此密钥的请求都会被拒绝
help-api-key-revoke-key = 密钥的名称或 ID

## hark completions 与 man

help-completions = 打印 SHELL 的补全脚本（例如 `hark completions bash > /usr/share/bash-completion/completions/hark`）
help-completions-shell = 要补全的 shell
help-man = 打印手册页（roff），例如 `hark man > hark.1`；加 --dir 时，把它和每个子命令各一页（hark-send.1、hark-profile-add.1……）写入 DIR
help-man-dir = 写入所有手册页的文件夹

## 不正确的命令行：由 clap 找出问题，由这里说明。

cli-usage-error = 错误：{ $what }
cli-usage-invalid-value = “{ $value }”不是“{ $arg }”的有效值
cli-usage-invalid-value-why = “{ $value }”不是“{ $arg }”的有效值：{ $why }
cli-usage-invalid-value-choices = “{ $value }”不是“{ $arg }”的有效值 [可选值：{ $choices }]
cli-usage-unknown-argument = 意外的参数“{ $arg }”
cli-usage-unknown-command = 无法识别的子命令“{ $command }”
cli-usage-missing = 缺少以下必需的参数：{ $args }
cli-usage-missing-command = 需要一个命令
cli-usage-conflict = 参数“{ $arg }”不能与“{ $other }”一起使用
cli-usage-wrong-values = “{ $arg }”的值的个数不对
cli-usage-other = Hark 无法理解这个命令行
cli-usage-similar-argument = 提示：有一个相似的参数：“{ $like }”
cli-usage-similar-command = 提示：有一个相似的命令：“{ $like }”
cli-usage-similar-value = 提示：有一个相似的值：“{ $like }”
cli-usage-more = 运行 '--help' 查看更多信息。

## hark contact

help-any-profile = 账号（名称或 ID；见 `hark profile list`）
help-contact = 每个账号的联系人：添加、列出、改名、删除、导入
help-contact-add = 给账号添加联系人（或给已有此 ID 的联系人命名）
help-contact-add-name = 客户的称呼
help-contact-add-id = 对方在平台上的 ID：手机号码、OpenID、PSID、聊天 ID……
help-contact-add-note = 与联系人一起保存的备注
help-contact-list = 列出账号的联系人
help-contact-list-search = 只列出名称或 ID 含有这些字的联系人（不分大小写和重音）
help-contact-rename = 给联系人改名（以后再导入也会保留）
help-contact-rename-contact = 联系人的名称或 ID
help-contact-rename-new_name = 新名称
help-contact-remove = 删除联系人
help-contact-remove-contact = 联系人的名称或 ID
help-contact-import = 导入 CSV 文件中的联系人：每行一个名称和一个 ID（或手机号码），后面可以跟备注；无法作为联系人的行会按行号报告，其余的行照常导入
help-contact-import-from_platform = 改为向平台查询谁给这个账号发过消息（Telegram：机器人尚未取走其消息的聊天）
help-contact-import-file = CSV 文件（UTF-8；逗号或分号分隔）
