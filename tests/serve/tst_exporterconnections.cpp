// ExporterServer's connections as a hostile or broken client sees them, measured from the client's side: how much
// it can push into the server before the connection is cut, and whether a request that never completes, or an
// answer never taken, holds the connection open. The page is large (16 MiB) so an answer never fits in the
// kernel's buffers and the server cannot close "once its answer is written".

#include "ExporterServer.h"
#include "support/Wait.h"

#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {
const QByteArray kBigPage(16 * 1024 * 1024, '#');

ExporterServer::Pages bigPages()
{
    return {[] { return kBigPage; }, [] { return QByteArray("{}"); }, [] { return QByteArray(); }};
}

// A blocking client on its own thread (the server runs on this thread's event loop): sends `first`, never reads,
// then sends `head` and as much body as it can up to `cap` bytes; reports how much the server took.
struct PushClient
{
    std::atomic<bool> done{false};
    std::atomic<qint64> pushed{0};
    std::atomic<int> lastErrno{0};
    std::thread thread;
    PushClient(quint16 port, QByteArray first, QByteArray head, qint64 cap)
    {
        thread = std::thread([this, port, first, head, cap] {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            const int small = 64 * 1024;
            ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
            ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
            timeval stall{15, 0}; // a server that neither reads nor closes: the send gives up, reported as such
            ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &stall, sizeof stall);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(port);
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0) {
                ::send(fd, first.constData(), size_t(first.size()), MSG_NOSIGNAL);
                ::usleep(200 * 1000); // lets the first request reach the server alone (its hand-over), if it can
                ::send(fd, head.constData(), size_t(head.size()), MSG_NOSIGNAL);
                const QByteArray chunk(64 * 1024, 'x');
                while (pushed < cap) {
                    const ssize_t n = ::send(fd, chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL);
                    if (n <= 0) {
                        lastErrno = errno;
                        break;
                    }
                    pushed += n;
                }
            } else {
                lastErrno = errno;
            }
            ::close(fd);
            done = true;
        });
    }
    ~PushClient()
    {
        if (thread.joinable())
            thread.join();
    }
};
} // namespace

class TestExporterConnections : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aSecondRequestOnTheConnectionMeetsTheGateToo_data()
    {
        QTest::addColumn<QByteArray>("second");
        QTest::newRow("POST with a 400 MB body")
            << QByteArray("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 400000000\r\n\r\n");
        QTest::newRow("GET with a chunked body") << QByteArray("GET /metrics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTest::newRow("bytes that are no request") << QByteArray("xxxxxxxx");
    }
    void aSecondRequestOnTheConnectionMeetsTheGateToo()
    {
        QFETCH(QByteArray, second);
        ExporterServer server(bigPages());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        constexpr qint64 cap = 64 * 1024 * 1024;
        PushClient client(server.port(), "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", second, cap);
        QVERIFY(waitUntil([&] { return client.done.load(); }, 60000));
        // The kernel's buffers on both sides take a few MiB whatever the server does; a server reading the body
        // takes all of it.
        qInfo("the client pushed %lld bytes after its first request before the connection was cut (errno %d)",
              client.pushed.load(), client.lastErrno.load());
        QVERIFY2(client.lastErrno == EPIPE || client.lastErrno == ECONNRESET,
                 qPrintable(QStringLiteral("errno %1 after %2 bytes").arg(client.lastErrno).arg(client.pushed)));
        QVERIFY2(client.pushed < 16 * 1024 * 1024, qPrintable(QString::number(client.pushed)));
    }

    void requestsPipelinedInOneWriteGetNoSecondAnswer()
    {
        // A few hundred bytes of pipelined GETs would otherwise make as many answers of the whole page.
        ExporterServer server(bigPages());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QTcpSocket socket;
        QByteArray received;
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(10000));
        QByteArray three;
        for (int i = 0; i < 3; ++i)
            three += "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        socket.write(three);
        QVERIFY(waitUntil([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 20000));
        QVERIFY2(received.count("HTTP/1.1 ") <= 1, received.constData());
    }

    void aConnectionThatStallsIsClosedAtItsDeadline_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("readsAnswer");
        QTest::newRow("head that never ends") << QByteArray("GET /metrics HTTP/1.1\r\nHost: x\r\n") << true;
        QTest::newRow("body that never comes") << QByteArray("GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n") << true;
        QTest::newRow("half the body") << QByteArray("GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab") << true;
        QTest::newRow("answer never taken") << QByteArray("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n") << false;
    }
    void aConnectionThatStallsIsClosedAtItsDeadline()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, readsAnswer);
        ExporterServer server(bigPages());
        server.setHeadTimeoutMs(300);
        server.setAnswerTimeoutMs(300);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QTcpSocket socket;
        if (!readsAnswer) {
            socket.setReadBufferSize(1024); // stops taking the answer off the kernel, whose buffer is small
            socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
        }
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write(request);
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
            if (readsAnswer)
                socket.readAll();
        });
        QVERIFY(waitUntil([&] { return server.openConnections() == 1; }, 10000));
        // Closed by the server: it holds no socket (a file descriptor) for it any more, and a client that reads
        // sees the end of the stream (or a reset) without sending anything more. One that does not read cannot
        // see it until it does, so only the server's side is looked at then.
        QVERIFY2(waitUntil([&] { return server.openConnections() == 0; }, 20000), "the server still holds the connection");
        if (readsAnswer)
            QVERIFY2(waitUntil([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 20000),
                     qPrintable(socket.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestExporterConnections)
#include "tst_exporterconnections.moc"
