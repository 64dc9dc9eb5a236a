//! Links Debian's (or the system's) libopencore-amrnb, the AMR-NB codec that WeChat
//! voice notes need; no maintained crate wraps it.
fn main() {
    if let Err(err) = pkg_config::Config::new()
        .atleast_version("0.1")
        .probe("opencore-amrnb")
    {
        panic!(
            "libopencore-amrnb was not found ({err}). Install it (Debian/Ubuntu: \
             apt-get install libopencore-amrnb-dev), or run scripts/install-deps.sh."
        );
    }
}
