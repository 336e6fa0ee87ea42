#!/usr/bin/env python3
"""Checks that the Flatpak manifest names what the code has: the app id CMake sets, a binary CMake installs, the
desktop file and AppStream metainfo named after the app id (and installed), a KDE runtime whose Qt the code
supports, and modules that match it. Prints "app-id command" on success, for the caller's package checks."""
import json, re, sys
from pathlib import Path

root = Path(sys.argv[1]).resolve()
manifest_path = root / "packaging/flatpak/io.github.bulkwatch.Bulkwatch.json"
m = json.loads(manifest_path.read_text())
errors = []
def need(cond, what):
    if not cond:
        errors.append(what)

top = (root / "CMakeLists.txt").read_text()
app_cmake = (root / "app/CMakeLists.txt").read_text()
pkg_cmake = (root / "packaging/CMakeLists.txt").read_text()

app_id = m.get("app-id", "")
found = re.search(r'set\(BULKWATCH_APP_ID\s+"([^"]+)"\)', top)
need(found and found.group(1) == app_id, f"app-id {app_id!r} is not BULKWATCH_APP_ID in CMakeLists.txt ({found and found.group(1)!r})")
need(manifest_path.name == app_id + ".json", f"the manifest file is not named after the app id {app_id}")

command = m.get("command", "")
installed = set()
for block in re.findall(r'install\(TARGETS([^)]*)\)', app_cmake):
    installed.update(block.split())
need(re.search(r'add_executable\(\s*' + re.escape(command) + r'\s', app_cmake), f"command {command!r} is no executable in app/CMakeLists.txt")
need(command in installed, f"command {command!r} is not installed by app/CMakeLists.txt (install(TARGETS ...): {sorted(installed)})")

desktop = root / "packaging" / (app_id + ".desktop")
metainfo = root / "packaging" / (app_id + ".metainfo.xml")
need(desktop.is_file(), f"no desktop file {desktop.relative_to(root)}")
need(metainfo.is_file(), f"no metainfo file {metainfo.relative_to(root)}")
need("${BULKWATCH_APP_ID}.desktop" in pkg_cmake, "packaging/CMakeLists.txt does not install the desktop file")
need("${BULKWATCH_APP_ID}.metainfo.xml" in pkg_cmake, "packaging/CMakeLists.txt does not install the metainfo file")
if desktop.is_file():
    d = desktop.read_text()
    execs = re.findall(r'^Exec=(\S+)', d, re.M)
    need(execs and all(e == command for e in execs), f"the desktop file runs {execs}, not {command!r}")
    need(re.search(r'^Icon=' + re.escape(app_id) + r'$', d, re.M), "the desktop file's Icon is not the app id")
if metainfo.is_file():
    x = metainfo.read_text()
    need(f"<id>{app_id}</id>" in x, "the metainfo <id> is not the app id")
    need(f'<launchable type="desktop-id">{app_id}.desktop</launchable>' in x, "the metainfo does not launch the desktop file")
    need(f"<binary>{command}</binary>" in x, f"the metainfo does not provide the binary {command!r}")

need(m.get("runtime") == "org.kde.Platform" and m.get("sdk") == "org.kde.Sdk", "not the KDE runtime and SDK")
rv = str(m.get("runtime-version", "0"))
try:
    major, minor = (int(p) for p in rv.split(".")[:2])
except ValueError:
    major, minor = 0, 0
need((major, minor) >= (6, 8), f"runtime-version {rv}: the code is built and tested on Qt 6.8, the oldest KDE runtime it supports")
need("--talk-name=org.freedesktop.secrets" in m.get("finish-args", []), "no access to the Secret Service (keys)")

modules = {mod.get("name"): mod for mod in m.get("modules", []) if isinstance(mod, dict)}
need("qtkeychain" in modules, "QtKeychain is not built (the KDE runtime has none)")
need("simdjson" in modules, "simdjson is not built (the KDE runtime has none; app/protocol parses answers with it)")
if "qthttpserver" in modules:
    tags = [s.get("tag", "") for s in modules["qthttpserver"].get("sources", [])]
    need(any(t.startswith(f"v{major}.{minor}.") for t in tags), f"qthttpserver {tags} does not match the runtime's Qt {rv}")
last = m.get("modules", [{}])[-1]
need(last.get("name") == "bulkwatch", "the last module is not bulkwatch")
srcs = [s for s in last.get("sources", []) if s.get("type") == "dir"]
need(srcs and (manifest_path.parent / srcs[0]["path"]).resolve() == root, "the bulkwatch module does not build this tree")
need("-DBUILD_TESTING=OFF" in last.get("config-opts", []), "the bulkwatch module builds the tests")

if errors:
    print("flatpak manifest:", *errors, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(app_id, command)
