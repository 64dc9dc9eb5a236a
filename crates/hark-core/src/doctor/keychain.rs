use super::check::Check;
use crate::i18n::Words;
use crate::profile::Keychain;

const ID: &str = "keychain";
const TITLE: &str = "Keychain";

pub(super) fn check() -> Check {
    match Keychain::open().and_then(|k| k.probe()) {
        Ok(()) => Check::ok(ID, TITLE, Words::new("doctor-keychain-ready")),
        Err(err) => Check::problem(ID, TITLE, &err),
    }
}
