#pragma once
// Counts the watcher's HTTP requests per connection and status code, from the service's request log (one line
// per exchange: "METHOD URL -> STATUS (N ms)", URL without secrets). A line is counted for the connection whose
// URL it starts with (the longest match); connections that share one URL share their count with the first.

#include <QMap>
#include <QString>
#include <QUrl>
#include <QVector>

class RequestTally
{
public:
    void setConnections(const QVector<QPair<QString, QUrl>> &idAndBaseUrl);
    // Returns the connection the line was counted for ("" when none matched).
    QString count(const QString &logLine);
    QMap<QString, quint64> byCode(const QString &connectionId) const { return m_counts.value(connectionId); }

    // "GET http://h/p -> 200 (3 ms)" -> (url, "200"); a transport failure's text -> "error". False if no such line.
    static bool parse(const QString &line, QString *url, QString *code);

private:
    QVector<QPair<QString, QString>> m_prefixes; // id -> URL prefix, longest first
    QMap<QString, QMap<QString, quint64>> m_counts;
};
