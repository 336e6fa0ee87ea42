#include "FileLabel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace FileLabel {
namespace {

// "a.parquet", "dir/part-1": looks like one path of a Go-printed list (a single name with spaces does not).
bool looksLikePath(const QString &word)
{
    return word.contains(QLatin1Char('.')) || word.contains(QLatin1Char('/'));
}

QString unescaped(const QString &quoted)
{
    QString out;
    out.reserve(quoted.size());
    for (int i = 0; i < quoted.size(); ++i) {
        if (quoted.at(i) == QLatin1Char('\\') && i + 1 < quoted.size())
            ++i;
        out += quoted.at(i);
    }
    return out;
}

const QLocale &english()
{
    static const QLocale l(QLocale::English, QLocale::UnitedStates);
    return l;
}

} // namespace

Entry parse(const QString &raw)
{
    Entry e;
    const QString t = raw.trimmed();
    static const QRegularExpression legacyId(QStringLiteral("^id:\\s*(\\d+)"));
    static const QRegularExpression legacyPath(QStringLiteral("paths:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    if (const QRegularExpressionMatch id = legacyId.match(t); id.hasMatch() || t.startsWith(QLatin1String("paths:"))) {
        e.taskId = id.captured(1);
        for (auto it = legacyPath.globalMatch(t); it.hasNext();)
            e.paths << unescaped(it.next().captured(1));
    } else if (t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']'))) {
        const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8());
        if (doc.isArray()) {
            for (const QJsonValue &v : doc.array())
                if (v.isString() && !v.toString().trimmed().isEmpty())
                    e.paths << v.toString().trimmed();
        } else {
            const QString inner = t.mid(1, t.size() - 2).trimmed();
            QStringList parts = inner.split(QStringLiteral(", "), Qt::SkipEmptyParts);
            if (parts.size() == 1) {
                const QStringList words = inner.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (words.size() > 1 && std::all_of(words.cbegin(), words.cend(), looksLikePath))
                    parts = words;
            }
            for (const QString &p : parts)
                if (!p.trimmed().isEmpty())
                    e.paths << p.trimmed();
        }
    }
    if (e.paths.isEmpty())
        e.paths << t;
    return e;
}

QString namesInText(const QString &text)
{
    static const QRegularExpression entry(QStringLiteral("id:\\s*\\d+(?:\\s+paths:\\s*\"(?:[^\"\\\\]|\\\\.)*\")+"));
    QString out;
    qsizetype from = 0;
    for (auto it = entry.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(from, m.capturedStart() - from) + label(m.captured(0));
        from = m.capturedEnd();
    }
    return out + text.mid(from);
}

QString label(const QString &raw)
{
    return parse(raw).paths.join(QStringLiteral(", "));
}

QString binarySize(qint64 bytes)
{
    static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
    int u = 0;
    qint64 unit = 1;
    while (u < 5 && bytes / unit >= 1024) {
        unit *= 1024;
        ++u;
    }
    if (u == 0)
        return QStringLiteral("%1 bytes").arg(bytes);
    const QString name = QLatin1String(units[u]);
    if (bytes % unit == 0)
        return QStringLiteral("%1 %2").arg(bytes / unit).arg(name);
    const double value = double(bytes) / double(unit);
    const double rounded = std::round(value * 10) / 10;
    // "16.0 GiB" beside a limit of "16 GiB" would hide which is larger.
    if (rounded == std::floor(rounded))
        return QStringLiteral("just %1 %2 %3").arg(double(bytes) > rounded * double(unit) ? QStringLiteral("over") : QStringLiteral("under"))
            .arg(qint64(rounded)).arg(name);
    return english().toString(value, 'f', 1) + QLatin1Char(' ') + name;
}

QString bytesText(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    return QStringLiteral("%1 (%2 bytes)").arg(binarySize(bytes), english().toString(bytes));
}

QString withSizeUnits(const QString &text)
{
    // key=NUMBER where the key names a size, or NUMBER bytes; a number already followed by units is left alone.
    static const QRegularExpression sized(QStringLiteral("\\b([A-Za-z_]*(?:[Ss]ize|SIZE|[Bb]ytes))(\\s*[=:]\\s*)(\\d{4,18})\\b(?!\\s*\\()"
                                                         "|\\b(\\d{4,18})( bytes)\\b(?!\\s*\\()"));
    QString out;
    qsizetype from = 0;
    for (auto it = sized.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const bool keyed = m.capturedLength(3) > 0;
        const qint64 n = (keyed ? m.captured(3) : m.captured(4)).toLongLong();
        out += text.mid(from, m.capturedStart() - from);
        if (n < 1024)
            out += m.captured(0);
        else if (keyed)
            out += m.captured(1) + m.captured(2) + m.captured(3) + QStringLiteral(" (") + binarySize(n) + QLatin1Char(')');
        else
            out += bytesText(n);
        from = m.capturedEnd();
    }
    return out + text.mid(from);
}

} // namespace FileLabel
