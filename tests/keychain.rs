//! Hark's keychain wrapper against the real gnome-keyring Secret Service, checked with
//! an independent client (`secret-tool`).

use hark_core::UserError;
use hark_core::profile::Keychain as HarkKeychain;
use rig::keychain::Keychain;

#[test]
fn a_secret_stored_through_keyring_is_found_by_secret_tool_and_then_deleted() {
    let rig = Keychain::start();
    // The keyring crate finds the bus through the environment. This test binary has
    // this one test, so nothing else reads the environment while it is changed.
    // SAFETY: no other thread of this process is running yet.
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", rig.bus_address()) };

    let keychain = HarkKeychain::open().expect("the rig's keychain is reachable");
    let account = "profile:test:access_token";
    let secret = "EAAG-rig-secret-3f9a";

    keychain.set(account, secret).expect("store");
    let (found, out) = rig.secret_tool(&["lookup", "service", "hark", "username", account]);
    assert!(found, "secret-tool finds the entry");
    assert_eq!(out.trim(), secret);
    assert_eq!(keychain.get(account).unwrap().as_deref(), Some(secret));

    // Replacing keeps one entry.
    keychain.set(account, "second-value").unwrap();
    let (_, listed) = rig.secret_tool(&["search", "--all", "service", "hark"]);
    let items = listed.lines().filter(|l| l.starts_with("[/")).count();
    assert_eq!(items, 1, "{listed}");
    assert!(listed.contains("secret = second-value"), "{listed}");

    assert!(keychain.delete(account).unwrap(), "deleted");
    let (found, out) = rig.secret_tool(&["lookup", "service", "hark", "username", account]);
    assert!(
        !found && out.is_empty(),
        "secret-tool no longer finds it: {out}"
    );
    assert_eq!(keychain.get(account).unwrap(), None);
    assert!(
        !keychain.delete(account).unwrap(),
        "a second delete finds nothing"
    );

    // The doctor's probe is a full round trip that leaves nothing behind.
    keychain.probe().expect("probe");
    let (_, listed) = rig.secret_tool(&["search", "--all", "service", "hark"]);
    assert!(listed.trim().is_empty(), "{listed}");

    // And with the keychain gone, the error says so with a remedy.
    drop(rig);
    let err = HarkKeychain::open()
        .and_then(|k| k.get(account))
        .expect_err("no keychain after the rig stopped");
    assert_eq!(err.code(), "keychain_unavailable", "{err}");
    assert!(!err.remedy().is_empty());
}
