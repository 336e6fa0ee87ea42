#!/usr/bin/env bash
# CTest: the layer rules of ARCHITECTURE.md that the link graph alone cannot hold (a header reachable through
# Qt's common include root, a concrete class where an interface is meant). Fails naming the file and the line.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
fail=0
forbid() { # forbid DIR REGEX WHY
  local hits
  hits="$(grep -rnE "$2" "$root/$1" --include='*.cpp' --include='*.h' || true)"
  if [ -n "$hits" ]; then
    echo "layer rule broken: $1 must not $3:"; echo "$hits" | sed "s#$root/##"; fail=1
  fi
}
forbid ui '#include *[<"](QtNetwork/)?QNetwork|#include *"(ImportApiClient|ResponseParser)\.h"|#include *[<"]QSql|#include *[<"]QHttp' \
  "see a network reply, the HTTP client, the parser, SQL or the HTTP server"
forbid app/models '#include *"ImportService\.h"|#include *[<"]QNetwork|#include *[<"]QtWidgets|#include *[<"]Q(Widget|TableView)' \
  "depend on the concrete service, the network or widgets"
forbid app/store '#include *"(ResponseParser|JobFormatter|ImportApiClient)\.h"' \
  "read or write its data through the wire parser or the CLI's output format"
forbid app/protocol '#include *[<"]Q(Sql|Widget|Gui|DBus|HttpServer)|#include *"(ImportService|HistoryStore|SecretStore)\.h"' \
  "use anything but QtCore and QtNetwork"
forbid app/core '#include *[<"]Q(Network|Sql|Widget|Gui|DBus|HttpServer)' "use anything but QtCore"
forbid app/service '#include *[<"]Q(Widget|Sql|Gui|DBus)|#include *"(JobsModel|MainWindow)\.h"' \
  "use widgets, SQL, QtGui, D-Bus or anything above it"
forbid app/cli '#include *[<"]Q(Widget|Application)|#include *"(MainWindow|DesktopApp)\.h"' "start or include the window"
forbid app/sim '#include *"(ImportService|ImportApiClient|ResponseParser|HistoryStore|JobRecord)\.h"' \
  "share code with what it simulates for (it must answer as a real server would)"
forbid app/serve '#include *[<"]Q(Widget|Application|Gui|Painter|Icon|Sql)|#include *[<"]QtWidgets|#include *[<"]QtGui|#include *"(MainWindow|DesktopApp|JobsModel|ImportApiClient|ResponseParser)\.h"' \
  "use widgets, QtGui or SQL, or reach past the service to the wire (it must run on a server without a display)"
# Entry points stay thin.
for f in app/main.cpp app/sim_main.cpp; do
  lines=$(wc -l <"$root/$f")
  [ "$lines" -le 160 ] || { echo "$f has $lines lines: an entry point only chooses a front end"; fail=1; }
done
# No source over ~600 lines (tests excepted).
while read -r n f; do
  [ "$f" = total ] && continue
  [ "$n" -le 620 ] || { echo "${f#$root/} has $n lines (over ~600): split it by concern"; fail=1; }
done < <(find "$root/app" "$root/ui" -name '*.cpp' -print0 | xargs -0 wc -l)
[ "$fail" = 0 ] && echo "layers: every rule holds"
exit "$fail"
