use super::check::Check;
use crate::paths;

const ID: &str = "data_dir";
const TITLE: &str = "Data folder";

pub(super) fn check() -> Check {
    match paths::ensure_data_dir() {
        Ok(dir) => Check::ok(
            ID,
            TITLE,
            format!("Ready: notes and history are kept in {}.", dir.display()),
        ),
        Err(err) => Check::problem(ID, TITLE, &err),
    }
}
