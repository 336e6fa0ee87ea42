#pragma once
// The words of `bulkwatch serve` that need reading strictly: a listen address and a duration.

#include <QHostAddress>
#include <QString>

namespace ServeOptions {

// "30m", "24h", "2d", "90s" (or plain seconds) -> seconds; -1 when it is not such a duration.
qint64 parseDuration(const QString &text);
// "127.0.0.1:9464", "[::1]:9464", ":9464" (loopback) -> address and port; false with a reason otherwise.
bool parseListen(const QString &text, QHostAddress *address, quint16 *port, QString *problem);

} // namespace ServeOptions
