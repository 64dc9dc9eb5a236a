//! The rig's parts stop cleanly: after a drop (or `quit`), no process and no
//! temporary folder of theirs is left behind, so tests can run one after another and
//! side by side.

use std::path::Path;
use std::time::Duration;

use rig::desktop::{AppSession, Display};
use rig::keychain::Keychain;
use rig::pulse::{Signal, VirtualMic};
use rig::wait;

fn alive(pid: u32) -> bool {
    // A reaped process has no /proc entry; Daemon::stop waits for (reaps) its child.
    Path::new(&format!("/proc/{pid}")).exists()
}

fn env_value(env: &rig::Env, key: &str) -> String {
    env.iter().find(|(k, _)| k == key).expect(key).1.clone()
}

#[test]
fn the_virtual_microphone_stops_and_removes_its_runtime_folder() {
    let mic = VirtualMic::start(Signal::Silence);
    let pid = mic.pid();
    let runtime = env_value(&mic.env(), "XDG_RUNTIME_DIR");
    assert!(alive(pid));
    assert!(
        Path::new(&runtime).join("pulse/native").exists(),
        "the server's socket"
    );

    drop(mic);

    assert!(!alive(pid), "pulseaudio stopped");
    assert!(!Path::new(&runtime).exists(), "runtime folder removed");
}

#[test]
fn the_keychain_stops_its_daemon_and_bus() {
    let chain = Keychain::start();
    let pids = chain.pids();
    assert!(pids.iter().all(|&p| alive(p)));

    drop(chain);

    for pid in pids {
        assert!(!alive(pid), "process {pid} stopped");
    }
}

#[test]
fn the_display_stops() {
    let display = Display::start();
    let pid = display.pid();
    let socket = format!("/tmp/.X11-unix/X{}", &display.name()[1..]);
    assert!(Path::new(&socket).exists(), "Xvfb's socket {socket}");

    drop(display);

    assert!(!alive(pid), "Xvfb stopped");
    assert!(!Path::new(&socket).exists(), "Xvfb removed its socket");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_app_session_closes_the_app_and_both_drivers() {
    let data = tempfile::tempdir().unwrap();
    let session = AppSession::start(
        &rig::bins::built("hark-app"),
        vec![("HARK_DATA_DIR".into(), data.path().display().to_string())],
    )
    .await;
    let ports = session.ports();
    let xvfb = session.display().pid();

    session.quit().await;

    for port in ports {
        wait::until(Duration::from_secs(10), "the driver port to close", || {
            std::net::TcpStream::connect(("127.0.0.1", port))
                .is_err()
                .then_some(())
        });
    }
    assert!(!alive(xvfb), "Xvfb stopped with the session");
}
