// The gate in front of serve's HTTP server, byte by byte: what it lets through and what it refuses, from the
// request head alone, however the bytes are split.

#include "RequestGate.h"

#include <QTest>

Q_DECLARE_METATYPE(RequestGate::Verdict)

class TestRequestGate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verdicts_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<RequestGate::Verdict>("verdict");
        QTest::addColumn<int>("passed");
        using V = RequestGate::Verdict;
        const QByteArray get = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::newRow("a plain GET") << get << QByteArray() << V::Pass << 1;
        QTest::newRow("half a head: waits") << QByteArray("GET /metrics HTTP/1.1\r\nHo") << QByteArray() << V::Pass << 0;
        QTest::newRow("bare LF lines") << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << QByteArray() << V::Pass << 1;
        QTest::newRow("two pipelined") << get + get << QByteArray() << V::Pass << 2;
        QTest::newRow("small body skipped, then a request")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\n\r\n\r\nxGET / HTTP/1.1\r\n\r\n") << QByteArray() << V::Pass << 2;
        QTest::newRow("body over 1 KiB") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 1025\r\n\r\n") << QByteArray() << V::BodyTooLarge << 0;
        QTest::newRow("chunked") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << QByteArray() << V::BodyTooLarge << 0;
        QTest::newRow("content-length not a number") << QByteArray("GET / HTTP/1.1\r\nContent-Length: 1e9\r\n\r\n") << QByteArray() << V::BadRequest << 0;
        QTest::newRow("target over 2 KiB") << "GET /" + QByteArray(2100, 'a') + " HTTP/1.1\r\n\r\n" << QByteArray() << V::UriTooLong << 0;
        QTest::newRow("a request line that never ends") << "GET /" + QByteArray(4000, 'a') << QByteArray() << V::UriTooLong << 0;
        QTest::newRow("headers over 16 KiB") << "GET / HTTP/1.1\r\n" + QByteArray(17000, 'h') << QByteArray() << V::HeadTooLarge << 0;
        QTest::newRow("not HTTP") << QByteArray("hello\r\n\r\n") << QByteArray() << V::BadRequest << 0;
        QTest::newRow("token missing") << get << QByteArray("t0k") << V::Unauthorized << 0;
        QTest::newRow("token right") << QByteArray("GET / HTTP/1.1\r\nAuthorization: Bearer t0k\r\n\r\n") << QByteArray("t0k") << V::Pass << 1;
        QTest::newRow("scheme in any case") << QByteArray("GET / HTTP/1.1\r\nauthorization: BEARER t0k\r\n\r\n") << QByteArray("t0k") << V::Pass << 1;
        QTest::newRow("token wrong") << QByteArray("GET / HTTP/1.1\r\nAuthorization: Bearer t0K\r\n\r\n") << QByteArray("t0k") << V::Unauthorized << 0;
        QTest::newRow("token as a prefix") << QByteArray("GET / HTTP/1.1\r\nAuthorization: Bearer t0kk\r\n\r\n") << QByteArray("t0k") << V::Unauthorized << 0;
        QTest::newRow("two Authorization headers")
            << QByteArray("GET / HTTP/1.1\r\nAuthorization: Bearer x\r\nAuthorization: Bearer t0k\r\n\r\n") << QByteArray("t0k") << V::Unauthorized << 0;
        QTest::newRow("second pipelined request without the token")
            << QByteArray("GET / HTTP/1.1\r\nAuthorization: Bearer t0k\r\n\r\nGET /metrics HTTP/1.1\n\n") << QByteArray("t0k") << V::Unauthorized << 1;
    }
    void verdicts()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, token);
        QFETCH(RequestGate::Verdict, verdict);
        QFETCH(int, passed);
        // All at once, and one byte at a time: the split never changes the verdict.
        for (const int step : {int(bytes.size()), 1, 7}) {
            RequestGate gate({}, token);
            RequestGate::Verdict v = RequestGate::Verdict::Pass;
            for (int i = 0; i < bytes.size() && v == RequestGate::Verdict::Pass; i += step)
                v = gate.feed(bytes.mid(i, step));
            QCOMPARE(v, verdict);
            QCOMPARE(gate.headsPassed(), passed);
        }
    }

    void refusalsAreWholeAnswersThatClose()
    {
        const QByteArray a = RequestGate::refusal(RequestGate::Verdict::BodyTooLarge);
        QVERIFY(a.startsWith("HTTP/1.1 413 Payload Too Large\r\n"));
        QVERIFY(a.contains("\r\nConnection: close\r\n"));
        const int body = int(a.size() - a.indexOf("\r\n\r\n") - 4);
        QVERIFY(a.contains(QByteArray("Content-Length: " + QByteArray::number(body) + "\r\n")));
        QVERIFY(RequestGate::refusal(RequestGate::Verdict::Unauthorized).contains("WWW-Authenticate: Bearer"));
        QCOMPARE(RequestGate::statusOf(RequestGate::Verdict::UriTooLong), 414);
    }

    void secretsCompareEqualOnlyWhenEqual()
    {
        QVERIFY(RequestGate::sameSecret("abc", "abc"));
        QVERIFY(!RequestGate::sameSecret("abc", "abd"));
        QVERIFY(!RequestGate::sameSecret("abc", "abcd"));
        QVERIFY(!RequestGate::sameSecret("", "abc"));
    }
};

QTEST_GUILESS_MAIN(TestRequestGate)
#include "tst_requestgate.moc"
