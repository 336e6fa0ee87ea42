#pragma once
// The Prometheus text exposition format 0.0.4, written family by family: HELP and TYPE once per family, label
// values and help text escaped as the format says, only finite numbers, and never the same series twice (a
// duplicate would make the whole page unreadable to Prometheus).

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

class PromText
{
public:
    using Labels = QList<QPair<QByteArray, QString>>; // name -> value, in the order written

    // Starts a family; its samples follow until the next family. type: "gauge" or "counter".
    void family(const QByteArray &name, const QByteArray &type, const QString &help);
    // A sample of the current family. A non-finite value or a label set already written is left out.
    void sample(const Labels &labels, double value);
    QByteArray page() const { return m_page; }

    static QByteArray escapeLabelValue(const QString &value); // \ " and newline
    static QByteArray escapeHelp(const QString &help);        // \ and newline
    static QByteArray number(double value);                   // integers without a fraction, others round-trip

private:
    QByteArray m_page;
    QByteArray m_family;
    QSet<QByteArray> m_seen; // label sets of the current family
};
