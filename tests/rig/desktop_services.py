#!/usr/bin/python3
"""A stand-in desktop shell on a test's own session bus: a tray host
(org.kde.StatusNotifierWatcher, as KDE, GNOME's AppIndicator extension and others run
it) and a notification server (org.freedesktop.Notifications), each implementing its
documented D-Bus interface. It prints one JSON line per event on stdout:
  {"ready": true}                                once both names are owned
  {"item": {"sender": ":1.5", "path": "/..."}}   a tray icon registered itself
  {"notify": {"app": ..., "summary": ..., "body": ..., "id": N}}
It runs until killed. Run with the system's python3 (PyGObject, Debian's python3-gi).
"""
import json
import sys

from gi.repository import Gio, GLib

WATCHER = """<node><interface name="org.kde.StatusNotifierWatcher">
  <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
  <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
  <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
  <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
  <property name="ProtocolVersion" type="i" access="read"/>
  <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
  <signal name="StatusNotifierItemUnregistered"><arg type="s"/></signal>
  <signal name="StatusNotifierHostRegistered"/>
</interface></node>"""

NOTIFICATIONS = """<node><interface name="org.freedesktop.Notifications">
  <method name="Notify">
    <arg name="app_name" type="s" direction="in"/>
    <arg name="replaces_id" type="u" direction="in"/>
    <arg name="app_icon" type="s" direction="in"/>
    <arg name="summary" type="s" direction="in"/>
    <arg name="body" type="s" direction="in"/>
    <arg name="actions" type="as" direction="in"/>
    <arg name="hints" type="a{sv}" direction="in"/>
    <arg name="expire_timeout" type="i" direction="in"/>
    <arg name="id" type="u" direction="out"/>
  </method>
  <method name="GetCapabilities"><arg type="as" direction="out"/></method>
  <method name="GetServerInformation">
    <arg type="s" direction="out"/><arg type="s" direction="out"/>
    <arg type="s" direction="out"/><arg type="s" direction="out"/>
  </method>
  <method name="CloseNotification"><arg name="id" type="u" direction="in"/></method>
  <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
</interface></node>"""

items = []
last_id = [0]
owned = set()


def say(event):
    print(json.dumps(event), flush=True)


def watcher_call(conn, sender, path, iface, method, params, invocation):
    if method == "RegisterStatusNotifierItem":
        (service,) = params.unpack()
        # An item names its object path (appindicator) or its own bus name.
        item_path = service if service.startswith("/") else "/StatusNotifierItem"
        item_sender = sender if service.startswith("/") else service
        items.append(f"{item_sender}{item_path}")
        conn.emit_signal(None, path, iface, "StatusNotifierItemRegistered",
                         GLib.Variant("(s)", (items[-1],)))
        say({"item": {"sender": item_sender, "path": item_path}})
    invocation.return_value(None)


def watcher_property(conn, sender, path, iface, name):
    if name == "RegisteredStatusNotifierItems":
        return GLib.Variant("as", items)
    if name == "IsStatusNotifierHostRegistered":
        return GLib.Variant("b", True)
    if name == "ProtocolVersion":
        return GLib.Variant("i", 0)
    return None


def notifications_call(conn, sender, path, iface, method, params, invocation):
    if method == "Notify":
        app, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
        last_id[0] += 1
        nid = replaces or last_id[0]
        say({"notify": {"app": app, "summary": summary, "body": body, "icon": icon, "id": nid}})
        invocation.return_value(GLib.Variant("(u)", (nid,)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("hark-test-shell", "hark", "1", "1.2")))
    else:
        invocation.return_value(None)


def main():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    watcher = Gio.DBusNodeInfo.new_for_xml(WATCHER).interfaces[0]
    notifications = Gio.DBusNodeInfo.new_for_xml(NOTIFICATIONS).interfaces[0]
    bus.register_object("/StatusNotifierWatcher", watcher, watcher_call, watcher_property, None)
    bus.register_object("/org/freedesktop/Notifications", notifications, notifications_call,
                        None, None)

    def acquired(_conn, name):
        owned.add(name)
        if len(owned) == 2:
            say({"ready": True})

    def lost(_conn, name):
        print(f"could not own {name}", file=sys.stderr, flush=True)
        sys.exit(1)

    for name in ("org.kde.StatusNotifierWatcher", "org.freedesktop.Notifications"):
        Gio.bus_own_name_on_connection(bus, name, Gio.BusNameOwnerFlags.NONE, acquired, lost)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
