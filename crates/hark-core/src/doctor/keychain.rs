use super::check::Check;
use crate::profile::Keychain;

const ID: &str = "keychain";
const TITLE: &str = "Keychain";

pub(super) fn check() -> Check {
    match Keychain::open().and_then(|k| k.probe()) {
        Ok(()) => Check::ok(
            ID,
            TITLE,
            "Ready: the system keychain is unlocked and a test secret was stored, read back \
             and removed."
                .into(),
        ),
        Err(err) => Check::problem(ID, TITLE, &err),
    }
}
