#include "PromText.h"

#include <QLocale>
#include <cmath>

void PromText::family(const QByteArray &name, const QByteArray &type, const QString &help)
{
    m_family = name;
    m_seen.clear();
    m_page += "# HELP " + name + ' ' + escapeHelp(help) + '\n';
    m_page += "# TYPE " + name + ' ' + type + '\n';
}

void PromText::sample(const Labels &labels, double value)
{
    if (!std::isfinite(value))
        return;
    QByteArray set;
    for (const auto &l : labels) {
        if (!set.isEmpty())
            set += ',';
        set += l.first + "=\"" + escapeLabelValue(l.second) + '"';
    }
    if (m_seen.contains(set))
        return;
    m_seen.insert(set);
    m_page += m_family;
    if (!set.isEmpty())
        m_page += '{' + set + '}';
    m_page += ' ' + number(value) + '\n';
}

QByteArray PromText::escapeLabelValue(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        default: out += c;
        }
    }
    return out;
}

QByteArray PromText::escapeHelp(const QString &help)
{
    QByteArray out;
    for (const char c : help.toUtf8()) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        default: out += c;
        }
    }
    return out;
}

QByteArray PromText::number(double value)
{
    // Counts and whole seconds read as integers; 2^53 is where doubles stop holding every integer.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(static_cast<qint64>(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}
