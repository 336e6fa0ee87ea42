#include "ServeOptions.h"

namespace ServeOptions {

qint64 parseDuration(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return -1;
    qint64 unit = 1;
    QString digits = t;
    switch (t.back().toLatin1()) {
    case 's': unit = 1; digits.chop(1); break;
    case 'm': unit = 60; digits.chop(1); break;
    case 'h': unit = 3600; digits.chop(1); break;
    case 'd': unit = 86400; digits.chop(1); break;
    default: break;
    }
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    // At most ten years: anything longer is a typo, and would not bound the page.
    if (!ok || n < 0 || n > 3650LL * 86400 / unit)
        return -1;
    return n * unit;
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port, QString *problem)
{
    const int colon = int(text.lastIndexOf(QLatin1Char(':')));
    if (colon < 0) {
        *problem = QStringLiteral("--listen takes HOST:PORT, e.g. 127.0.0.1:9464");
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535) {
        *problem = QStringLiteral("--listen: the port must be a number from 0 to 65535");
        return false;
    }
    QHostAddress a = host.isEmpty() ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (host == QLatin1String("localhost"))
        a = QHostAddress(QHostAddress::LocalHost);
    if (a.isNull()) {
        *problem = QStringLiteral("--listen: '%1' is not an IP address").arg(host.left(100));
        return false;
    }
    *address = a;
    *port = static_cast<quint16>(p);
    return true;
}

} // namespace ServeOptions
