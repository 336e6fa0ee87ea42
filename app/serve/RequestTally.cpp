#include "RequestTally.h"

#include <algorithm>

namespace {
QString prefixOf(const QUrl &u)
{
    QString s = u.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toDisplayString();
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}
} // namespace

void RequestTally::setConnections(const QVector<QPair<QString, QUrl>> &idAndBaseUrl)
{
    m_prefixes.clear();
    for (const auto &c : idAndBaseUrl)
        m_prefixes.append({c.first, prefixOf(c.second)});
    std::stable_sort(m_prefixes.begin(), m_prefixes.end(),
                     [](const auto &a, const auto &b) { return a.second.size() > b.second.size(); });
}

bool RequestTally::parse(const QString &line, QString *url, QString *code)
{
    const int space = int(line.indexOf(QLatin1Char(' ')));
    const int arrow = int(line.indexOf(QLatin1String(" -> ")));
    if (space <= 0 || arrow <= space)
        return false;
    *url = line.mid(space + 1, arrow - space - 1);
    QString rest = line.mid(arrow + 4);
    const int paren = int(rest.lastIndexOf(QLatin1String(" (")));
    if (paren >= 0)
        rest.truncate(paren);
    bool numeric = false;
    const int status = rest.toInt(&numeric);
    *code = numeric && status >= 100 && status <= 599 ? QString::number(status) : QStringLiteral("error");
    return true;
}

QString RequestTally::count(const QString &logLine)
{
    QString url, code;
    if (!parse(logLine, &url, &code))
        return {};
    for (const auto &p : std::as_const(m_prefixes)) {
        // The prefix must end where a path segment ends: http://h:1 is not http://h:10.
        if (url.startsWith(p.second) && (url.size() == p.second.size() || url.at(p.second.size()) == QLatin1Char('/')
                                         || url.at(p.second.size()) == QLatin1Char('?'))) {
            ++m_counts[p.first][code];
            return p.first;
        }
    }
    return {};
}
