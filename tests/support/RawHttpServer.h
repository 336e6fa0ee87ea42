#pragma once
// A bare HTTP/1.1 server on 127.0.0.1 for what bulkwatch-sim cannot show: it records every request's head
// (request line and headers, as sent) and gives one canned answer, optionally followed by a long streamed
// body, counting the bytes it got out before the client hung up.

#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

class RawHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit RawHttpServer(QObject *parent = nullptr); // listens at once; a server that cannot is fatal
    QUrl baseUrl() const;

    // The answer to every request: status line and headers (without the blank line), then body.
    void setAnswer(const QByteArray &head, const QByteArray &body);
    // Instead: a 200 with `bytes` bytes of body sent as fast as the client takes them, with or without a
    // Content-Length (without: the body ends when the connection closes).
    void setStreamedAnswer(qint64 bytes, bool withContentLength);

    QList<QByteArray> requestHeads() const { return m_heads; }
    // A header of request i (case-insensitive name), "" if absent.
    QByteArray header(int i, const QByteArray &name) const;
    qint64 bodyBytesSent() const { return m_sent; } // streamed answer: body bytes written before the client left
    bool clientClosed() const { return m_closed; }

private:
    void onConnection();
    void serve(QTcpSocket *socket);
    QTcpServer m_server;
    QList<QByteArray> m_heads;
    QByteArray m_head = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain";
    QByteArray m_body = "not found";
    qint64 m_streamBytes = -1;
    bool m_streamLength = true;
    qint64 m_sent = 0;
    bool m_closed = false;
};
