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
