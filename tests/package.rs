//! The release packages as a person gets them (built by scripts/package, which
//! scripts/test runs first): what the .deb and the .rpm hold and depend on, and the
//! .deb installed with the distribution's own tool, used, and removed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use rig::desktop::AppSession;
use rig::desktop::page::text_when;
use rig::keychain::Keychain;
use rig::media::sox_tone;
use rig::process::run_with_limit;
use rig::pulse::{Signal, VirtualMic};

const LIMIT: Duration = Duration::from_secs(300);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The one package of `kind` ("deb", "rpm") that scripts/package made.
fn package(kind: &str) -> PathBuf {
    let dir = repo().join("target/release/bundle").join(kind);
    let found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == kind))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        found.len(),
        1,
        "one .{kind} in {}; run scripts/package first (scripts/test does)",
        dir.display()
    );
    found.into_iter().next().unwrap()
}

/// Runs a program to its end: its stdout, or a failure with its stderr.
fn run(program: &str, args: &[&str]) -> String {
    let out = run_with_limit(Command::new(program).args(args), LIMIT);
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// What every package must carry, beside the app itself.
const FILES: &[&str] = &[
    "/usr/bin/hark-app",
    "/usr/bin/hark",
    "/usr/share/applications/Hark.desktop",
    "/usr/share/metainfo/app.hark.desktop.metainfo.xml",
    "/usr/share/icons/hicolor/16x16/apps/hark-app.png",
    "/usr/share/icons/hicolor/24x24/apps/hark-app.png",
    "/usr/share/icons/hicolor/32x32/apps/hark-app.png",
    "/usr/share/icons/hicolor/48x48/apps/hark-app.png",
    "/usr/share/icons/hicolor/64x64/apps/hark-app.png",
    "/usr/share/icons/hicolor/128x128/apps/hark-app.png",
    "/usr/share/icons/hicolor/256x256/apps/hark-app.png",
    "/usr/share/icons/hicolor/512x512/apps/hark-app.png",
    "/usr/share/icons/hicolor/scalable/apps/hark-app.svg",
    "/usr/share/bash-completion/completions/hark",
    "/usr/share/fish/vendor_completions.d/hark.fish",
    "/usr/share/man/man1/hark.1.gz",
    "/usr/share/man/man1/hark-send.1.gz",
    "/usr/share/doc/hark/NOTICE",
];

/// The Debian packages of every library a program in `root` (an unpacked package)
/// links, as this machine's package database knows them.
fn linked_packages(root: &Path, programs: &[&str]) -> BTreeSet<String> {
    let mut packages = BTreeSet::new();
    for program in programs {
        let dynamic = run("objdump", &["-p", root.join(program).to_str().unwrap()]);
        for soname in dynamic
            .lines()
            .filter_map(|l| l.trim().strip_prefix("NEEDED"))
            .map(str::trim)
        {
            // Where the dynamic loader finds it, then who owns that file.
            let cache = run("ldconfig", &["-p"]);
            let path = cache
                .lines()
                .filter(|l| l.trim_start().starts_with(&format!("{soname} ")))
                .find(|l| l.contains("x86-64") || !l.contains("libc6,"))
                .and_then(|l| l.rsplit("=> ").next())
                .unwrap_or_else(|| panic!("{soname} (needed by {program}) is not installed here"))
                .trim()
                .to_string();
            let real = std::fs::canonicalize(&path).unwrap();
            let owner = Command::new("dpkg")
                .args(["-S", real.to_str().unwrap()])
                .output()
                .unwrap();
            let owner = if owner.status.success() {
                String::from_utf8(owner.stdout).unwrap()
            } else {
                run("dpkg", &["-S", &path])
            };
            let name = owner.split(':').next().unwrap().trim().to_string();
            packages.insert(name);
        }
    }
    packages
}

/// Every package that installing `depends` (a Depends field) brings, recursively.
fn dependency_closure(depends: &str) -> BTreeSet<String> {
    let roots: Vec<String> = depends
        .split([',', '|'])
        .map(|d| d.split('(').next().unwrap().trim().to_string())
        .filter(|d| !d.is_empty())
        .collect();
    let mut args = vec![
        "depends",
        "--recurse",
        "--no-recommends",
        "--no-suggests",
        "--no-conflicts",
        "--no-breaks",
        "--no-replaces",
        "--no-enhances",
    ];
    args.extend(roots.iter().map(String::as_str));
    run("apt-cache", &args)
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('<'))
        .map(|l| l.trim().split(':').next().unwrap().to_string())
        .chain(roots.iter().cloned())
        .collect()
}

#[test]
fn the_deb_holds_the_app_the_command_and_what_a_desktop_needs_and_names_every_library() {
    let deb = package("deb");
    let listing = run("dpkg-deb", &["--contents", deb.to_str().unwrap()]);
    let held: BTreeSet<String> = listing
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .map(|p| format!("/{}", p.trim_start_matches('.').trim_start_matches('/')))
        .collect();
    for file in FILES {
        assert!(held.contains(*file), "the .deb has no {file}:\n{listing}");
    }
    assert!(
        held.contains("/usr/share/zsh/vendor-completions/_hark"),
        "{listing}"
    );
    // A download a support team takes without a second thought.
    let size = std::fs::metadata(&deb).unwrap().len();
    assert!(size <= 15_000_000, "the .deb is {size} bytes");
    let field = |name: &str| run("dpkg-deb", &["--field", deb.to_str().unwrap(), name]);
    assert_eq!(field("Package").trim(), "hark");
    assert_eq!(field("Version").trim(), env!("CARGO_PKG_VERSION"));
    let description = field("Description");
    assert!(description.contains("voice notes"), "{description}");
    let depends = field("Depends");
    for needed in [
        "libwebkit2gtk-4.1-0",
        "gstreamer1.0-plugins-base",
        "gstreamer1.0-plugins-good",
        "libayatana-appindicator3-1",
        "libopencore-amrnb0",
    ] {
        assert!(
            depends.contains(needed),
            "Depends lacks {needed}: {depends}"
        );
    }
    let recommends = field("Recommends");
    assert!(recommends.contains("fonts-noto-cjk"), "{recommends}");
    // The preview plays an M4A as itself where GStreamer's libav plugin is there.
    assert!(recommends.contains("gstreamer1.0-libav"), "{recommends}");

    let root = tempfile::tempdir().unwrap();
    run(
        "dpkg-deb",
        &["-x", deb.to_str().unwrap(), root.path().to_str().unwrap()],
    );
    // Every library the two programs link comes with a package the .deb depends on
    // (directly or through those packages' own dependencies).
    let closure = dependency_closure(&depends);
    let linked = linked_packages(root.path(), &["usr/bin/hark-app", "usr/bin/hark"]);
    let missing: Vec<&String> = linked
        .iter()
        .filter(|p| !closure.contains(*p) && !closure.contains(p.trim_end_matches("t64")))
        .collect();
    assert!(
        missing.is_empty(),
        "linked but not depended on: {missing:?} (Depends: {depends})"
    );

    // The desktop entry opens audio files, and passes them on; the metadata is valid.
    let desktop = root.path().join("usr/share/applications/Hark.desktop");
    run("desktop-file-validate", &[desktop.to_str().unwrap()]);
    let entry = std::fs::read_to_string(&desktop).unwrap();
    assert!(entry.contains("\nExec=hark-app %F\n"), "{entry}");
    assert!(entry.contains("\nIcon=hark-app\n"), "{entry}");
    let mime = entry
        .lines()
        .find_map(|l| l.strip_prefix("MimeType="))
        .unwrap_or_else(|| panic!("no MimeType: {entry}"));
    for t in [
        "audio/mpeg",
        "audio/mp4",
        "audio/ogg",
        "audio/wav",
        "audio/flac",
        "audio/amr",
    ] {
        assert!(mime.split(';').any(|m| m == t), "{t} missing: {mime}");
    }
    run(
        "appstreamcli",
        &[
            "validate",
            "--no-net",
            root.path()
                .join("usr/share/metainfo/app.hark.desktop.metainfo.xml")
                .to_str()
                .unwrap(),
        ],
    );
    // The completions and the manual page are the command's own.
    let bash = std::fs::read_to_string(
        root.path()
            .join("usr/share/bash-completion/completions/hark"),
    )
    .unwrap();
    assert!(
        bash.contains("resend") && bash.contains("completions"),
        "{bash}"
    );
    let page = run(
        "zcat",
        &[root
            .path()
            .join("usr/share/man/man1/hark.1.gz")
            .to_str()
            .unwrap()],
    );
    assert!(
        page.contains(".TH hark 1") && page.contains("Exit status:"),
        "{page}"
    );
}

#[test]
fn the_rpm_holds_the_same_files_and_names_fedoras_packages() {
    let rpm = package("rpm");
    let rpm = rpm.to_str().unwrap();
    let listing = run("rpm", &["-qpl", rpm]);
    let held: BTreeSet<&str> = listing.lines().collect();
    for file in FILES {
        assert!(held.contains(file), "the .rpm has no {file}:\n{listing}");
    }
    assert!(
        held.contains("/usr/share/zsh/site-functions/_hark"),
        "{listing}"
    );
    let requires = run("rpm", &["-qp", "--requires", rpm]);
    // The web view and GTK are required by their libraries' names (rpm finds them
    // in the binary); the rest by package, since nothing links them.
    for needed in [
        "libwebkit2gtk-4.1.so.0()(64bit)",
        "libgtk-3.so.0()(64bit)",
        "gstreamer1-plugins-base",
        "gstreamer1-plugins-good",
        "libayatana-appindicator-gtk3",
        "opencore-amr",
    ] {
        assert!(
            requires.lines().any(|l| l.trim() == needed),
            "Requires lacks {needed}: {requires}"
        );
    }
    let recommends = run("rpm", &["-qp", "--recommends", rpm]);
    assert!(
        recommends.contains("google-noto-sans-cjk-fonts"),
        "{recommends}"
    );
    assert!(
        recommends.contains("gstreamer1-plugin-libav"),
        "{recommends}"
    );
}

#[test]
fn every_tauri_npm_package_is_pinned_to_its_crates_version() {
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("ui/package.json")).unwrap())
            .unwrap();
    let lock = std::fs::read_to_string(repo().join("Cargo.lock")).unwrap();
    let locked = |krate: &str| -> String {
        let at = lock
            .find(&format!("\nname = \"{krate}\"\nversion = \""))
            .unwrap_or_else(|| panic!("{krate} is not in Cargo.lock"));
        let rest = &lock[at..];
        rest.lines()
            .nth(2)
            .unwrap()
            .trim_start_matches("version = \"")
            .trim_end_matches('"')
            .to_string()
    };
    let mut seen = 0;
    for section in ["dependencies", "devDependencies"] {
        for (name, version) in package[section].as_object().unwrap() {
            let Some(short) = name.strip_prefix("@tauri-apps/") else {
                continue;
            };
            let version = version.as_str().unwrap();
            assert!(
                version.chars().next().is_some_and(|c| c.is_ascii_digit()),
                "{name} is not pinned: {version}"
            );
            // Each npm package's crate: the api is tauri's, a plugin's is tauri-plugin-NAME;
            // the CLI is the bundler itself and follows tauri.
            let krate = match short {
                "api" | "cli" => "tauri".to_string(),
                plugin => format!("tauri-{plugin}"),
            };
            let major_minor = |v: &str| v.split('.').take(2).collect::<Vec<_>>().join(".");
            assert_eq!(
                major_minor(version),
                major_minor(&locked(&krate)),
                "{name} {version} against {krate} {}",
                locked(&krate)
            );
            seen += 1;
        }
    }
    assert!(seen >= 2, "the api and the CLI are there");
    // The crates are pinned exactly in the manifest too.
    let manifest = std::fs::read_to_string(repo().join("src-tauri/Cargo.toml")).unwrap();
    for line in manifest.lines().filter(|l| l.starts_with("tauri")) {
        assert!(line.contains("\"="), "not pinned exactly: {line}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn installed_with_apt_it_runs_opens_a_file_and_removed_leaves_only_the_users_data() {
    let deb = package("deb");
    // A copy from an earlier run goes first (apt keeps an installed same version).
    let _ = run_with_limit(Command::new("dpkg").args(["--purge", "hark"]), LIMIT);
    // As a person installs a downloaded package: apt resolves its dependencies.
    let out = run_with_limit(
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-q",
                "--no-install-recommends",
                "-o",
                "DPkg::Lock::Timeout=600",
            ])
            .arg(&deb)
            .env("DEBIAN_FRONTEND", "noninteractive"),
        LIMIT,
    );
    assert!(
        out.status.success(),
        "apt-get install {}: {}",
        deb.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let installed: Vec<String> = run("dpkg", &["-L", "hark"])
        .lines()
        .map(str::to_string)
        .filter(|p| Path::new(p).is_file())
        .collect();
    assert!(
        installed.iter().any(|p| p == "/usr/bin/hark"),
        "{installed:?}"
    );

    // The installed command, found on the PATH.
    let version = run("hark", &["--version"]);
    assert_eq!(
        version.trim(),
        format!("hark {}", env!("CARGO_PKG_VERSION"))
    );
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let keychain = Keychain::start();
    let mut env = [mic.env(), keychain.env()].concat();
    env.push(("HARK_DATA_DIR".into(), data.display().to_string()));
    let doctor = run_with_limit(
        Command::new("hark")
            .args(["doctor", "--json"])
            .envs(env.clone()),
        LIMIT,
    );
    let report: serde_json::Value = serde_json::from_slice(&doctor.stdout).expect("doctor's JSON");
    assert_eq!(doctor.status.code(), Some(0), "{report:#}");
    assert_eq!(report["ok"], true, "{report:#}");

    // The installed app, opening a file as "Open with Hark" does.
    let note = home.path().join("reply.wav");
    sox_tone(&note, 16_000, 1, 4.0, 440.0, &[]);
    let session = AppSession::start_with_args(
        Path::new("/usr/bin/hark-app"),
        env.clone(),
        &[note.display().to_string()],
    )
    .await;
    let driver = &session.driver;
    let shown = text_when(driver, "#clip-duration", |t| t == "0:04").await;
    assert_eq!(shown, "0:04", "the opened file is in the preview");
    session.screenshot("installed-first-window").await;
    session.quit().await;

    let out = run_with_limit(
        Command::new("apt-get")
            .args(["purge", "-y", "-q", "-o", "DPkg::Lock::Timeout=600", "hark"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
        LIMIT,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left: Vec<&String> = installed.iter().filter(|p| Path::new(p).exists()).collect();
    assert!(left.is_empty(), "left behind by the package: {left:?}");
    assert!(
        !Command::new("dpkg")
            .args(["-s", "hark"])
            .output()
            .unwrap()
            .status
            .success(),
        "the package is gone"
    );
    // The person's notes and history stay.
    let db = data.join("hark.db");
    assert!(db.is_file(), "{} is kept", db.display());
}
