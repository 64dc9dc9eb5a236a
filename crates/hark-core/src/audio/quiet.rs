//! The ALSA library writes its configuration complaints straight to standard error
//! ("ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default", a dozen lines
//! on a machine without a sound server) while devices are listed or opened. Hark
//! reports what matters itself (no microphone, a device that will not open), so the
//! library's own lines are silenced, once per process, before the first device call.
//! The same goes for JACK's, whose client library ALSA's JACK plugin loads while the
//! devices are listed ("JackShmReadWritePtr::~JackShmReadWritePtr - Init not done").

/// Silences the sound library's messages on standard error.
pub fn quiet() {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::{c_char, c_int};
        static ONCE: std::sync::Once = std::sync::Once::new();

        unsafe extern "C" fn silent(
            _file: *const c_char,
            _line: c_int,
            _function: *const c_char,
            _err: c_int,
            _fmt: *const c_char,
        ) {
        }

        ONCE.call_once(|| {
            type Variadic = unsafe extern "C" fn(
                *const c_char,
                c_int,
                *const c_char,
                c_int,
                *const c_char,
                ...
            );
            // SAFETY: Rust cannot define a C-variadic function, so the handler takes the
            // five fixed arguments and ignores the rest. On the C calling conventions
            // Hark runs on (x86-64 System V, AArch64), a variadic call passes the fixed
            // arguments where a plain call does and the caller cleans up, so a callee
            // that reads only those is called correctly; it reads nothing at all.
            unsafe {
                let handler = std::mem::transmute::<
                    unsafe extern "C" fn(*const c_char, c_int, *const c_char, c_int, *const c_char),
                    Variadic,
                >(silent);
                alsa_sys::snd_lib_error_set_handler(Some(handler));
            }
            quiet_jack();
        });
    }
}

/// Loads JACK's client library, if this computer has it, before ALSA's plugin does, and
/// gives it silent error and information handlers (the same library instance then
/// serves the plugin). It stays loaded for the life of the process.
#[cfg(target_os = "linux")]
fn quiet_jack() {
    use std::ffi::c_char;
    unsafe extern "C" fn silent(_message: *const c_char) {}
    type SetHandler = unsafe extern "C" fn(Option<unsafe extern "C" fn(*const c_char)>);
    // SAFETY: dlopen and dlsym are given valid C strings; each symbol, when present, is
    // JACK's `void jack_set_*_function(void (*)(const char *))`, called with a handler
    // of that type that reads nothing.
    unsafe {
        let lib = libc::dlopen(
            c"libjack.so.0".as_ptr(),
            libc::RTLD_LAZY | libc::RTLD_GLOBAL,
        );
        if lib.is_null() {
            return;
        }
        for name in [c"jack_set_error_function", c"jack_set_info_function"] {
            let symbol = libc::dlsym(lib, name.as_ptr());
            if !symbol.is_null() {
                let set = std::mem::transmute::<*mut libc::c_void, SetHandler>(symbol);
                set(Some(silent));
            }
        }
    }
}
