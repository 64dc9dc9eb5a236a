use super::check::Check;
use crate::i18n::Words;
use crate::paths;

const ID: &str = "data_dir";
const TITLE: &str = "Data folder";

pub(super) fn check() -> Check {
    match paths::ensure_data_dir() {
        Ok(dir) => Check::ok(
            ID,
            TITLE,
            Words::new("doctor-data-dir-ready").text("dir", dir.display().to_string()),
        ),
        Err(err) => Check::problem(ID, TITLE, &err),
    }
}
