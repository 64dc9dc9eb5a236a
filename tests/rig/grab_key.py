#!/usr/bin/python3
"""Holds a key combination on an X display, as another program's global shortcut
does: XGrabKey on the root window, so that no one else can take it. Prints "grabbed"
once the X server has accepted the grab, then waits until killed.

    grab_key.py KEYSYM MODIFIER...    e.g.  grab_key.py r ctrl alt
"""
import ctypes
import ctypes.util
import sys
import time

MODIFIERS = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3, "super": 1 << 6}
# The grab must hold whatever Num Lock and Caps Lock are, as desktops do it.
LOCKS = (0, 1 << 1, 1 << 4, (1 << 1) | (1 << 4))
GRAB_MODE_ASYNC = 1

x = ctypes.CDLL(ctypes.util.find_library("X11"))
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XStringToKeysym.restype = ctypes.c_ulong
x.XStringToKeysym.argtypes = [ctypes.c_char_p]
x.XKeysymToKeycode.restype = ctypes.c_ubyte
x.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x.XGrabKey.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_ulong,
                       ctypes.c_int, ctypes.c_int, ctypes.c_int]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]

display = x.XOpenDisplay(None)
if not display:
    sys.exit("grab_key: cannot open the display")
keycode = x.XKeysymToKeycode(display, x.XStringToKeysym(sys.argv[1].encode()))
if keycode == 0:
    sys.exit(f"grab_key: no key {sys.argv[1]}")
mask = 0
for name in sys.argv[2:]:
    mask |= MODIFIERS[name]
root = x.XDefaultRootWindow(display)
for lock in LOCKS:
    x.XGrabKey(display, keycode, mask | lock, root, 1, GRAB_MODE_ASYNC, GRAB_MODE_ASYNC)
x.XSync(display, 0)
print("grabbed", flush=True)
while True:
    time.sleep(3600)
