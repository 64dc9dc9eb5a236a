#!/usr/bin/python3
"""The release figures of issue 12, each beside its reference measured in the same run
(called by scripts/bench-release, which sets up the X server, the sound server and the
session bus, and builds the packages):

- first paint: from launch to the first pixel of the page on the screen, for the
  release app (its sidebar) and for WebKitGTK's MiniBrowser on a one-line page;
- idle memory: the proportional set size (PSS, which counts a shared page once) of
  every process of each program, 10 s after first paint;
- a 10-minute note in the preview: what opening a 10-minute WAV (`hark-app FILE`, as
  "Open with Hark" does) adds, once its note is in the preview: for the sandbox (an
  Ogg/Opus note; and a 5-second note, for what the preview costs whatever its length),
  and for a Messenger Page (an M4A note), played as itself (GStreamer's
  libav plugin reads AAC) and, with GStreamer given every plugin but libav's, as the
  WAV Hark decodes it to.

    release_figures.py APP MINIBROWSER LONG_WAV DATA_DIR RUNS
"""
import ctypes
import ctypes.util
import json
import os
import sqlite3
import tempfile
import signal
import statistics
import subprocess
import sys
import time

APP, MINIBROWSER, LONG_WAV, DATA_DIR, RUNS = sys.argv[1:6]
RUNS = int(RUNS)
SETTLE = 10.0

x = ctypes.CDLL(ctypes.util.find_library("X11"))
x.XOpenDisplay.restype = ctypes.c_void_p
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XGetImage.restype = ctypes.c_void_p
x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                        ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
x.XGetPixel.restype = ctypes.c_ulong
x.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
x.XFree.argtypes = [ctypes.c_void_p]
display = x.XOpenDisplay(None)
if not display:
    sys.exit("release_figures: cannot open the display")
root = x.XDefaultRootWindow(display)
ALL_PLANES, Z_PIXMAP = 0xFFFFFFFF, 2


def pixel(px, py):
    """The root window's colour at (px, py) as (r, g, b)."""
    image = x.XGetImage(display, root, px, py, 1, 1, ALL_PLANES, Z_PIXMAP)
    value = x.XGetPixel(image, 0, 0)
    # XDestroyImage is a macro, not a symbol: XFree frees the image but not its one
    # pixel of data (4 bytes a poll, a few hundred polls a run).
    x.XFree(image)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def descendants(pid):
    """pid and every process started under it (WebKit's web and network processes)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def pss_mb(pid):
    """The PSS of pid's whole process tree, in MB, and each process's share."""
    total, parts = 0, {}
    for p in descendants(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                kb = next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
            with open(f"/proc/{p}/comm") as f:
                name = f.read().strip()
        except (OSError, StopIteration):
            continue
        total += kb
        parts[name] = parts.get(name, 0) + kb / 1024
    return total / 1024, parts


def launch(argv, painted, env=None):
    """Starts argv, and returns it with the seconds until painted() first holds."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, start_new_session=True)
    while not painted():
        if proc.poll() is not None:
            sys.exit(f"release_figures: {argv[0]} exited ({proc.returncode})")
        if time.monotonic() - start > 60:
            sys.exit(f"release_figures: {argv[0]} painted nothing in 60 s")
        time.sleep(0.005)
    return proc, time.monotonic() - start


def stop(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    time.sleep(1)


# Hark's sidebar (light theme: the rail's #101828) and MiniBrowser's page, given the
# same colour: "painted" means the page itself is on the screen (the X server's empty
# root window is black, a window not yet drawn white or grey).
RAIL = (0x10, 0x18, 0x28)


def is_rail(rgb):
    return all(abs(a - b) <= 3 for a, b in zip(rgb, RAIL))


def hark_painted():
    return is_rail(pixel(40, 500))


def mini_painted():
    return is_rail(pixel(200, 400))


MINI_PAGE = "data:text/html,<body style='background:%23101828;color:white'>Hark</body>"


def draft_ready(data):
    """The opened note is in the preview: its draft names the note made from it."""
    drafts = os.path.join(data, "drafts")
    for d in os.listdir(drafts) if os.path.isdir(drafts) else []:
        try:
            with open(os.path.join(drafts, d, "draft.json")) as f:
                if json.load(f).get("note_file"):
                    return True
        except (OSError, ValueError):
            continue
    return False


def listing(folder):
    return "\n".join(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs)


HARK = os.path.join(os.path.dirname(APP), "hark")
PAGE = "Acme Page"


def keychain():
    """gnome-keyring's Secret Service on this session bus, unlocked (the Messenger
    Page's token is kept there, as everywhere)."""
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    daemon.stdin.write(b"bench")
    daemon.stdin.close()
    deadline = time.monotonic() + 30
    owned = ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/",
             "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"]
    while "true" not in subprocess.run(owned, capture_output=True, text=True).stdout:
        if time.monotonic() > deadline:
            sys.exit("release_figures: the keychain did not start")
        time.sleep(0.1)
    return daemon


def without_libav():
    """The environment that gives GStreamer every system plugin but libav's."""
    listed = subprocess.run(["dpkg", "-L", "gstreamer1.0-libav"], capture_output=True, text=True)
    libav = next(line for line in listed.stdout.splitlines()
                 if line.endswith("/libgstlibav.so"))
    folder = tempfile.mkdtemp(dir=DATA_DIR)
    links = os.path.join(folder, "plugins")
    os.mkdir(links)
    system = os.path.dirname(libav)
    for name in os.listdir(system):
        if os.path.join(system, name) != libav:
            os.symlink(os.path.join(system, name), os.path.join(links, name))
    return {"GST_PLUGIN_SYSTEM_PATH_1_0": links,
            "GST_REGISTRY_1_0": os.path.join(folder, "registry.bin")}


def with_page(data):
    """A data folder whose account, chosen last, is a Messenger Page."""
    env = dict(os.environ, HARK_DATA_DIR=data)
    subprocess.run([HARK, "profile", "add", "messenger", "--name", PAGE,
                    "--page-id", "104728372938472"],
                   input=b"EAAJ-bench-page-token", env=env, check=True,
                   stdout=subprocess.DEVNULL)
    listed = json.loads(subprocess.run([HARK, "profile", "list", "--json"], env=env,
                                       check=True, capture_output=True).stdout)
    page = next(p["id"] for p in listed["profiles"] if p["name"] == PAGE)
    with sqlite3.connect(os.path.join(data, "hark.db")) as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('last_account', ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (page,))
    return env


def with_note(env, data, wav=LONG_WAV):
    """Starts the app and opens `wav` in it: (first paint, idle PSS and its parts, PSS
    with the note in the preview and its parts)."""
    app, paint = launch([APP], hark_painted, env)
    time.sleep(SETTLE)
    idle, idle_parts = pss_mb(app.pid)
    # A second launch with the file hands it to this window (single instance).
    subprocess.run([APP, wav], env=env, timeout=60, check=False)
    deadline = time.monotonic() + 300
    while not draft_ready(data):
        if time.monotonic() > deadline:
            sys.exit(f"release_figures: the note of {wav} never reached the preview; "
                     f"the data folder holds:\n{listing(data)}")
        time.sleep(0.1)
    time.sleep(SETTLE)
    pss, parts = pss_mb(app.pid)
    stop(app)
    return paint, idle, idle_parts, pss, parts


def added(parts, before):
    """What each process gained, in words: "hark-app +3, WebKitWebProces +20"."""
    return ", ".join(f"{name} {mb - before.get(name, 0):+.0f}"
                     for name, mb in sorted(parts.items()))


def web(parts):
    """The web process's share of a PSS reading."""
    return sum(mb for name, mb in parts.items() if name.startswith("WebKitWebProc"))


os.makedirs(DATA_DIR, exist_ok=True)
daemon = keychain()
no_libav = without_libav()
# The first five seconds: what the preview costs whatever the note's length.
SHORT_WAV = os.path.join(DATA_DIR, "short.wav")
subprocess.run(["sox", LONG_WAV, SHORT_WAV, "trim", "0", "5"], check=True)
rows = []
m4a_rows = []
for run in range(RUNS):
    data = os.path.join(DATA_DIR, f"run{run}")
    env = dict(os.environ, HARK_DATA_DIR=data)

    mini, mini_paint = launch([MINIBROWSER, MINI_PAGE], mini_painted)
    time.sleep(SETTLE)
    mini_pss, mini_parts = pss_mb(mini.pid)
    stop(mini)

    app_paint, app_pss, app_parts, long_pss, long_parts = with_note(env, data)
    short_data = os.path.join(DATA_DIR, f"run{run}-short")
    _, short_idle, _, short_pss, _ = with_note(
        dict(os.environ, HARK_DATA_DIR=short_data), short_data, SHORT_WAV)

    # The same for a Messenger Page: the M4A played as itself, then decoded to WAV.
    m4a = []
    for how, extra, wav in (("itself", {}, LONG_WAV), ("decoded", no_libav, LONG_WAV),
                            ("itself-short", {}, SHORT_WAV)):
        page_data = os.path.join(DATA_DIR, f"run{run}-m4a-{how}")
        _, idle, idle_parts, pss, parts = with_note(
            dict(with_page(page_data), **extra), page_data, wav)
        m4a.append((pss - idle, web(parts) - web(idle_parts), added(parts, idle_parts)))
    m4a_rows.append(m4a)
    print(f"run {run + 1}, Messenger: the M4A as itself {m4a[0][0]:+.0f} MB ({m4a[0][2]}), "
          f"decoded to WAV {m4a[1][0]:+.0f} MB ({m4a[1][2]}); a 5-second M4A "
          f"{m4a[2][0]:+.0f} MB ({m4a[2][2]})", flush=True)
    rows.append((app_paint, mini_paint, app_pss, mini_pss, long_pss, app_parts, mini_parts,
                 long_parts, short_pss - short_idle))
    print(f"run {run + 1}: first paint {app_paint * 1000:.0f} ms (MiniBrowser "
          f"{mini_paint * 1000:.0f} ms); idle PSS {app_pss:.0f} MB (MiniBrowser "
          f"{mini_pss:.0f} MB); with the 10-minute note {long_pss:.0f} MB", flush=True)


def median(i):
    return statistics.median(r[i] for r in rows)


def parts(i):
    names = sorted({n for r in rows for n in r[i]})
    return ", ".join(f"{n} {statistics.median(r[i].get(n, 0) for r in rows):.0f}"
                     for n in names)


app_paint, mini_paint = median(0), median(1)
app_pss, mini_pss, long_pss = median(2), median(3), median(4)
print()
print(f"medians of {RUNS} runs:")
print(f"  first paint        Hark {app_paint * 1000:.0f} ms   MiniBrowser {mini_paint * 1000:.0f} ms"
      f"   ratio {app_paint / mini_paint:.2f} (target ≤ 1.0 s and ≤ 1.5×)")
print(f"  idle PSS           Hark {app_pss:.0f} MB   MiniBrowser {mini_pss:.0f} MB"
      f"   difference {app_pss - mini_pss:+.0f} MB (target ≤ +30 MB)")
print(f"    Hark:        {parts(5)}")
print(f"    MiniBrowser: {parts(6)}")
print(f"  10-minute note     {long_pss:.0f} MB   added {long_pss - app_pss:+.0f} MB (target ≤ +15 MB)")
print(f"    Hark:        {parts(7)}")
print(f"  5-second note      added {median(8):+.0f} MB: the 10-minute note costs "
      f"{long_pss - app_pss - median(8):+.0f} MB more than it")
for i, how in enumerate(("as itself (AAC by GStreamer's libav)", "decoded to WAV (no libav)",
                         "5 seconds, as itself")):
    added = statistics.median(r[i][0] for r in m4a_rows)
    in_web = statistics.median(r[i][1] for r in m4a_rows)
    print(f"  10-minute M4A, {how}: added {added:+.0f} MB (web process {in_web:+.0f} MB)")
daemon.terminate()
