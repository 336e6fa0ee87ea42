#include "RawHttpServer.h"

#include <QTcpSocket>
#include <memory>

RawHttpServer::RawHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawHttpServer::onConnection);
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("RawHttpServer: cannot listen on 127.0.0.1: %s", qPrintable(m_server.errorString()));
}

QUrl RawHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void RawHttpServer::setAnswer(const QByteArray &head, const QByteArray &body)
{
    m_head = head;
    m_body = body;
    m_streamBytes = -1;
}

void RawHttpServer::setStreamedAnswer(qint64 bytes, bool withContentLength)
{
    m_streamBytes = bytes;
    m_streamLength = withContentLength;
}

QByteArray RawHttpServer::header(int i, const QByteArray &name) const
{
    const QList<QByteArray> lines = m_heads.value(i).split('\n');
    for (int l = 1; l < lines.size(); ++l) {
        const QByteArray line = lines[l].trimmed();
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

void RawHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            for (;;) {
                const int end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                qint64 bodyLength = 0;
                m_heads << head;
                const QByteArray length = header(int(m_heads.size()) - 1, "Content-Length");
                if (!length.isEmpty())
                    bodyLength = length.toLongLong();
                if (buffer->size() < end + 4 + bodyLength) {
                    m_heads.removeLast(); // wait for the whole body
                    return;
                }
                buffer->remove(0, end + 4 + int(bodyLength));
                serve(socket);
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void RawHttpServer::serve(QTcpSocket *socket)
{
    if (m_streamBytes < 0) {
        socket->write(m_head + "\r\nContent-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
        return;
    }
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n";
    if (m_streamLength)
        head += "Content-Length: " + QByteArray::number(m_streamBytes) + "\r\n";
    socket->write(head + "\r\n");
    m_sent = 0;
    m_closed = false;
    const qint64 total = m_streamBytes;
    auto pump = [this, socket, total] {
        static const QByteArray chunk(256 * 1024, ' ');
        while (socket->state() == QAbstractSocket::ConnectedState && m_sent < total && socket->bytesToWrite() < chunk.size()) {
            const qint64 n = std::min<qint64>(chunk.size(), total - m_sent);
            socket->write(chunk.constData(), n);
            m_sent += n;
        }
        if (m_sent >= total)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    connect(socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
    connect(socket, &QTcpSocket::errorOccurred, this, [this] { m_closed = true; });
    pump();
}
