// `bulkwatch serve` in this process against the real simulator, over real HTTP: what the pages say about the
// simulator's jobs, the bearer token on every endpoint, refusals of oversize requests before they are read, no
// key in any page or log line; and the binary itself without a display, stopped by SIGTERM.

#include "ExporterServer.h"
#include "HistoryStore.h"
#include "ImportService.h"
#include "SecretStore.h"
#include "ServeCommand.h"
#include "support/ReservedPort.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray kCanary = "canary-KEY-7f3a9c1e5b2d";
const QString kFailed = QStringLiteral("453240863839750924");
const QString kRunning = QStringLiteral("453240863839750923");

struct Serve
{
    explicit Serve(const SimFixture &sim, const QStringList &extra = {}, const QByteArray &envKey = {})
    {
        QStringList args{QStringLiteral("bulkwatch"), QStringLiteral("serve"), QStringLiteral("--endpoint"),
                         sim.server->baseUrl().toString(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--history"), dir.filePath(QStringLiteral("serve.sqlite"))};
        args << extra;
        command = std::make_unique<ServeCommand>(CliArguments::parse(args), errStream, &keychain);
        command->setSavedConnectionsPath(dir.filePath(QStringLiteral("window-history.sqlite")));
        command->setEnvironmentKey(envKey);
    }
    int start()
    {
        const int rc = command->start();
        if (rc == 0)
            command->service()->setOptions(fastOptions());
        return rc;
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(command->port()).arg(path));
    }
    RawReply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return httpCall(nam, "GET", url(path), {}, headers);
    }
    QTemporaryDir dir;
    QString err;
    QTextStream errStream{&err};
    MemorySecretStore keychain;
    QNetworkAccessManager nam;
    std::unique_ptr<ServeCommand> command;
};

QString sampleLine(const QByteArray &page, const QString &family, const QString &jobId, const QString &extra = {})
{
    for (const QString &l : QString::fromUtf8(page).split(QLatin1Char('\n')))
        if (l.startsWith(family + QLatin1Char('{')) && l.contains(QStringLiteral("job_id=\"%1\"").arg(jobId)) && l.contains(extra))
            return l;
    return {};
}

double valueOf(const QString &line)
{
    return line.isEmpty() ? -1 : line.mid(line.lastIndexOf(QLatin1Char(' ')) + 1).toDouble();
}

// A raw HTTP client: what it sends, what came back, and whether the server closed.
struct RawClient
{
    QTcpSocket socket;
    QByteArray received;
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        connected = socket.waitForConnected(10000);
    }
    bool connected = false;
};

// Sends `prefix`, then filler as fast as the connection takes it, up to `cap` bytes, until the server closes;
// returns how much the kernel took off the client (measured outside the server: its buffers and what it read).
qint64 pushUntilClosed(RawClient &c, const QByteArray &prefix, qint64 cap, const QByteArray &expectedAnswer)
{
    c.socket.write(prefix);
    qint64 written = prefix.size();
    qint64 taken = 0;
    const QByteArray chunk(64 * 1024, 'x');
    const bool closed = waitUntil([&] {
        while (c.socket.state() == QAbstractSocket::ConnectedState && c.socket.bytesToWrite() < 1024 * 1024 && written < cap) {
            c.socket.write(chunk);
            written += chunk.size();
        }
        if (c.socket.state() == QAbstractSocket::ConnectedState)
            taken = written - c.socket.bytesToWrite();
        return c.received.startsWith(expectedAnswer) && c.socket.state() != QAbstractSocket::ConnectedState;
    }, 30000);
    return closed ? taken : -1;
}
} // namespace

class TestServe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void metricsFollowTheSimulatorsJobsOverRealHttp()
    {
        SimFixture sim(basicScenario());
        Serve s(sim);
        QCOMPARE(s.start(), 0);
        QVERIFY(s.command->port() > 0);
        RawReply page;
        const auto failedIsOne = [&] {
            page = s.get(QStringLiteral("/metrics"));
            return valueOf(sampleLine(page.body, QStringLiteral("bulkwatch_import_state"), kFailed, QStringLiteral("state=\"failed\""))) == 1;
        };
        QVERIFY2(waitUntil(failedIsOne, 20000), page.body.constData());
        QCOMPARE(page.status, 200);
        QCOMPARE(page.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(valueOf(sampleLine(page.body, QStringLiteral("bulkwatch_import_state"), kFailed, QStringLiteral("state=\"running\""))), 0.0);
        int upLines = 0;
        for (const QByteArray &l : page.body.split('\n'))
            if (l.startsWith("bulkwatch_connection_up{")) {
                ++upLines;
                QVERIFY2(!l.contains("job_id="), l.constData()); // a connection's series has no job_id label
            }
        QCOMPARE(upLines, 1);
        QVERIFY(page.body.contains(QByteArray("bulkwatch_connection_up{connection=\"127.0.0.1:" + QByteArray::number(sim.server->port()) + "\"} 1\n")));
        QVERIFY(QRegularExpression(QStringLiteral("bulkwatch_requests_total\\{connection=\"[^\"]+\",code=\"200\"\\} [1-9]"))
                    .match(QString::fromUtf8(page.body)).hasMatch());

        // The running job's progress rises as the simulated time goes on.
        sim.server->engine().advance(25);
        double first = -1;
        QVERIFY2(waitUntil([&] {
                     first = valueOf(sampleLine(s.get(QStringLiteral("/metrics")).body, QStringLiteral("bulkwatch_import_progress_ratio"), kRunning));
                     return first > 0 && first < 1;
                 }, 20000),
                 qPrintable(QString::number(first)));
        sim.server->engine().advance(10);
        double later = -1;
        QVERIFY2(waitUntil([&] {
                     later = valueOf(sampleLine(s.get(QStringLiteral("/metrics")).body, QStringLiteral("bulkwatch_import_progress_ratio"), kRunning));
                     return later > first;
                 }, 20000),
                 qPrintable(QStringLiteral("%1 then %2").arg(first).arg(later)));

        // /api/jobs: the entries of `list --json`, with the connection each came from.
        const RawReply jobs = s.get(QStringLiteral("/api/jobs"));
        QCOMPARE(jobs.status, 200);
        const QJsonArray arr = jobs.json().value(QLatin1String("jobs")).toArray();
        QCOMPARE(arr.size(), 3);
        QStringList states;
        for (const QJsonValue &v : arr) {
            const QJsonObject o = v.toObject();
            QCOMPARE(QStringList(o.keys()), (QStringList{QStringLiteral("collectionName"), QStringLiteral("connection"), QStringLiteral("jobId"),
                                                         QStringLiteral("progress"), QStringLiteral("reason"), QStringLiteral("serverState"),
                                                         QStringLiteral("state")}));
            states << o.value(QLatin1String("jobId")).toString() + QLatin1Char('=') + o.value(QLatin1String("state")).toString();
        }
        QVERIFY2(states.contains(kFailed + QStringLiteral("=failed")), qPrintable(states.join(QLatin1Char(' '))));
        QCOMPARE(s.get(QStringLiteral("/healthz")).body, QByteArray("ok\n"));
        QCOMPARE(s.get(QStringLiteral("/nothing-here")).status, 404);
        // One line per change on stderr (the failed job was failed already when first seen: no line for it).
        QVERIFY2(s.err.contains(QStringLiteral("job %1 (quick_setup): pending -> running").arg(kRunning)), qPrintable(s.err));
        QVERIFY2(!s.err.contains(kFailed), qPrintable(s.err));
        QVERIFY2(s.err.contains(QStringLiteral("connection 127.0.0.1:%1: up").arg(sim.server->port())), qPrintable(s.err));
        QVERIFY2(!s.err.contains(QStringLiteral("no key")), qPrintable(s.err));
    }

    void everyEndpointAsksForTheBearerToken_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("withToken");
        QTest::newRow("/metrics") << QStringLiteral("/metrics") << 200;
        QTest::newRow("/healthz") << QStringLiteral("/healthz") << 200;
        QTest::newRow("/api/jobs") << QStringLiteral("/api/jobs") << 200;
        QTest::newRow("unknown path") << QStringLiteral("/admin") << 404;
    }
    void everyEndpointAsksForTheBearerToken()
    {
        QFETCH(QString, path);
        QFETCH(int, withToken);
        SimFixture sim(basicScenario());
        QTemporaryDir tokenDir;
        const QString tokenFile = tokenDir.filePath(QStringLiteral("token"));
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("s3cret-token\n");
        f.close();
        Serve s(sim, {QStringLiteral("--auth-token-file"), tokenFile});
        QCOMPARE(s.start(), 0);
        QCOMPARE(s.get(path).status, 401);
        QCOMPARE(s.get(path, {{"Authorization", "Bearer wrong-token"}}).status, 401);
        QCOMPARE(s.get(path, {{"Authorization", "Bearer s3cret-token-and-more"}}).status, 401);
        QCOMPARE(s.get(path, {{"Authorization", "Basic s3cret-token"}}).status, 401);
        QCOMPARE(s.get(path, {{"Authorization", "Bearer s3cret-token"}}).status, withToken);
        QCOMPARE(s.get(path, {{"Authorization", "bearer s3cret-token"}}).status, withToken);
        // The token is not in any answer, nor in the log.
        QVERIFY(!s.get(QStringLiteral("/metrics"), {{"Authorization", "Bearer s3cret-token"}}).body.contains("s3cret"));
        QVERIFY(!s.err.contains(QStringLiteral("s3cret")));
    }

    void anOversizeTargetIs414()
    {
        SimFixture sim(basicScenario());
        Serve s(sim);
        QCOMPARE(s.start(), 0);
        QCOMPARE(s.get(QStringLiteral("/metrics?") + QString(3000, QLatin1Char('a'))).status, 414);
        // A request line that never ends is refused when it is too long already, not when it ends.
        RawClient c(s.command->port());
        QVERIFY(c.connected);
        const qint64 taken = pushUntilClosed(c, "GET /", 64 * 1024 * 1024, "HTTP/1.1 414 ");
        QVERIFY2(taken >= 0, c.received.left(80).constData());
        // The kernel's buffers take a few MiB whatever the server does; a server reading on takes all 64 MiB.
        QVERIFY2(taken < 16 * 1024 * 1024, qPrintable(QString::number(taken)));
        QCOMPARE(s.get(QStringLiteral("/metrics")).status, 200); // and the server goes on
    }

    void anOversizeBodyIs413WithoutReadingItAll_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("content-length 100 MB") << QByteArray("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n");
        QTest::newRow("chunked") << QByteArray("POST /metrics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTest::newRow("GET with a body, bare LF lines") << QByteArray("GET /metrics HTTP/1.1\nHost: x\nContent-Length: 50000000\n\n");
    }
    void anOversizeBodyIs413WithoutReadingItAll()
    {
        QFETCH(QByteArray, head);
        SimFixture sim(basicScenario());
        Serve s(sim);
        QCOMPARE(s.start(), 0);
        RawClient c(s.command->port());
        QVERIFY(c.connected);
        const qint64 taken = pushUntilClosed(c, head, 64 * 1024 * 1024, "HTTP/1.1 413 ");
        QVERIFY2(taken >= 0, c.received.left(80).constData());
        qInfo("413 after the client could push %lld bytes of a 64 MiB body", taken);
        QVERIFY2(taken < 16 * 1024 * 1024, qPrintable(QString::number(taken)));
        QCOMPARE(s.get(QStringLiteral("/metrics")).status, 200);
    }

    void noPageAndNoLogLineHoldsTheKey()
    {
        SimFixture sim(basicScenario(QStringLiteral("reason without secrets")));
        sim.server->setApiKey(kCanary);
        Serve s(sim, {QStringLiteral("--verbose")}, kCanary);
        QCOMPARE(s.start(), 0);
        // The key works (the simulator answers only with it), and is nowhere to be seen.
        QVERIFY(waitUntil([&] { return s.get(QStringLiteral("/metrics")).body.contains("state=\"failed\"} 1"); }, 20000));
        QVERIFY(sim.server->requestsWithAuthorization() > 0);
        for (const QString &path : {QStringLiteral("/metrics"), QStringLiteral("/healthz"), QStringLiteral("/api/jobs"), QStringLiteral("/x")}) {
            const RawReply r = s.get(path);
            QVERIFY2(!r.body.contains(kCanary), qPrintable(path));
        }
        QVERIFY(s.err.contains(QStringLiteral("-> 200"))); // --verbose logged requests
        QVERIFY(!s.err.toUtf8().contains(kCanary));
        s.command->stop();
        // The store is still open: its new rows are in the write-ahead log, which is read too.
        QByteArray stored;
        for (const char *suffix : {"", "-wal", "-shm"}) {
            QFile f(s.dir.filePath(QStringLiteral("serve.sqlite") + QLatin1String(suffix)));
            if (f.open(QIODevice::ReadOnly))
                stored += f.readAll();
        }
        QVERIFY(stored.contains(kFailed.toLatin1())); // the history holds the jobs, so the files read are the right ones
        QVERIFY(!stored.contains(kCanary));
    }

    void stopWritesTheLastChangeThatNoTimedSaveWrote()
    {
        SimFixture sim(basicScenario());
        Serve s(sim);
        QCOMPARE(s.start(), 0);
        ImportService::Options o = fastOptions();
        o.saveDelayMs = 24 * 3600 * 1000; // no timed save in this test: only stop() can write
        s.command->service()->setOptions(o);
        sim.server->engine().advance(3600); // the running job completes
        QVERIFY(waitUntil([&] {
            return valueOf(sampleLine(s.get(QStringLiteral("/metrics")).body, QStringLiteral("bulkwatch_import_state"), kRunning,
                                      QStringLiteral("state=\"completed\""))) == 1;
        }, 20000));
        s.command->stop();
        HistoryStore h; // a second reader of the same file sees what was committed
        QString error;
        QVERIFY2(h.open(s.dir.filePath(QStringLiteral("serve.sqlite")), &error), qPrintable(error));
        JobState stored = JobState::Unknown;
        for (const JobRecord &r : h.jobs())
            if (r.job.jobId == kRunning)
                stored = r.job.state;
        QCOMPARE(jobStateName(stored), jobStateName(JobState::Completed));
    }

    void finishedJobsLeaveThePageAfterKeepFinished()
    {
        SimFixture sim(basicScenario());
        Serve s(sim, {QStringLiteral("--keep-finished"), QStringLiteral("30m")});
        QDateTime now = QDateTime::currentDateTimeUtc();
        s.command->setClock([&now] { return now; });
        QCOMPARE(s.start(), 0);
        QVERIFY(waitUntil([&] { return s.get(QStringLiteral("/metrics")).body.contains(("job_id=\"" + kFailed + "\"").toUtf8()); }, 20000));
        now = now.addSecs(31 * 60); // the clock moves on; the simulator's jobs stay as they are
        QVERIFY(waitUntil([&] { return !s.get(QStringLiteral("/metrics")).body.contains(("job_id=\"" + kFailed + "\"").toUtf8()); }, 20000));
        QVERIFY(!s.get(QStringLiteral("/api/jobs")).body.contains(kFailed.toUtf8()));
        QVERIFY(s.get(QStringLiteral("/metrics")).body.contains(("job_id=\"" + kRunning + "\"").toUtf8()));
    }

    void rateLimitsAreCountedPerConnection()
    {
        // Milvus says "slow down" as code 8 in an HTTP 200: counted from the answer, not from the status.
        SimFixture sim(basicScenario(), SimDialect::Milvus, 2);
        Serve s(sim);
        QCOMPARE(s.start(), 0);
        const QString label = QStringLiteral("127.0.0.1:%1").arg(sim.server->port());
        double limited = 0;
        QVERIFY2(waitUntil([&] {
                     const QByteArray page = s.get(QStringLiteral("/metrics")).body;
                     for (const QString &l : QString::fromUtf8(page).split(QLatin1Char('\n')))
                         if (l.startsWith(QStringLiteral("bulkwatch_rate_limited_total{connection=\"%1\"} ").arg(label)))
                             limited = valueOf(l);
                     return limited > 0;
                 }, 30000),
                 qPrintable(s.err));
        QVERIFY(sim.server->rateLimitedCount() >= int(limited)); // never more than the server refused
        QVERIFY2(s.err.contains(QStringLiteral("connection %1: backing off: rate limited").arg(label)), qPrintable(s.err));
    }

    void aServerThatGoesAwayIsDown()
    {
        SimFixture sim(basicScenario());
        Serve s(sim);
        QCOMPARE(s.start(), 0);
        const QByteArray label = "127.0.0.1:" + QByteArray::number(sim.server->port());
        QVERIFY(waitUntil([&] { return s.get(QStringLiteral("/metrics")).body.contains(QByteArray("bulkwatch_connection_up{connection=\"" + label + "\"} 1")); }, 20000));
        const quint16 simPort = sim.server->port();
        sim.server.reset();
        ReservedPort hold(simPort); // the port now refuses connections, and no other test can take it meanwhile
        QVERIFY(hold.isValid());
        RawReply page;
        QVERIFY2(waitUntil([&] {
                     page = s.get(QStringLiteral("/metrics"));
                     return page.body.contains(QByteArray("bulkwatch_connection_up{connection=\"" + label + "\"} 0"));
                 }, 20000),
                 qPrintable(s.err));
        QVERIFY(page.body.contains(QByteArray("bulkwatch_requests_total{connection=\"" + label + "\",code=\"error\"} ")));
        QVERIFY(page.body.contains(QByteArray("bulkwatch_last_answer_timestamp_seconds{connection=\"" + label + "\"} "))); // the last one it had
        QVERIFY2(s.err.contains(QStringLiteral("connection %1: offline").arg(QString::fromLatin1(label))), qPrintable(s.err));
        QCOMPARE(s.get(QStringLiteral("/healthz")).status, 200); // serve itself still runs
    }

    void usageErrorsSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no connection") << QStringList{} << QStringLiteral("serve needs --endpoint URL or --connection NAME");
        QTest::newRow("bad duration") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--keep-finished"), QStringLiteral("1 day")}
                                      << QStringLiteral("--keep-finished takes a duration");
        QTest::newRow("bad listen") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--listen"), QStringLiteral("9464")}
                                    << QStringLiteral("--listen takes HOST:PORT");
        QTest::newRow("unknown saved connection") << QStringList{QStringLiteral("--connection"), QStringLiteral("nope")}
                                                  << QStringLiteral("no saved connections to look up 'nope'");
        QTest::newRow("missing token file") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--auth-token-file"), QStringLiteral("/nonexistent/t")}
                                            << QStringLiteral("--auth-token-file: cannot read");
    }
    void usageErrorsSayWhatIsWrong()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QString err;
        QTextStream errStream(&err);
        MemorySecretStore keychain;
        QTemporaryDir dir;
        ServeCommand c(CliArguments::parse(QStringList{QStringLiteral("bulkwatch"), QStringLiteral("serve"), QStringLiteral("--history"),
                                                       dir.filePath(QStringLiteral("h.sqlite"))} + args),
                       errStream, &keychain);
        c.setSavedConnectionsPath(dir.filePath(QStringLiteral("window.sqlite")));
        QCOMPARE(c.start(), 2);
        QVERIFY2(err.contains(message), qPrintable(err));
        QCOMPARE(c.port(), quint16(0));
    }

    void theWindowsHistoryIsNeverServesOwn()
    {
        QString err;
        QTextStream errStream(&err);
        MemorySecretStore keychain;
        QTemporaryDir dir;
        const QString window = dir.filePath(QStringLiteral("history.sqlite"));
        ServeCommand c(CliArguments::parse({QStringLiteral("bulkwatch"), QStringLiteral("serve"), QStringLiteral("--endpoint"),
                                            QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--history"), window}),
                       errStream, &keychain);
        c.setSavedConnectionsPath(window);
        QCOMPARE(c.start(), 2);
        QVERIFY2(err.contains(QStringLiteral("serve keeps its own history")), qPrintable(err));
    }

    void aSavedConnectionIsWatchedWithItsKeyFromTheKeychain()
    {
        SimFixture sim(basicScenario());
        sim.server->setApiKey(kCanary);
        Serve s(sim);
        // The window saved a connection (its key in the keychain under the connection's id).
        HistoryStore window;
        QString error;
        QVERIFY(window.open(s.dir.filePath(QStringLiteral("window-history.sqlite")), &error));
        Connection saved = simConnection(sim, QStringLiteral("conn-1"), QStringLiteral("Nightly loads"));
        saved.hasKey = true;
        QVERIFY(window.saveConnection(saved));
        s.keychain.write(QStringLiteral("conn-1"), kCanary, &s.keychain, [](const SecretStore::Result &) {});
        s.command = std::make_unique<ServeCommand>(
            CliArguments::parse({QStringLiteral("bulkwatch"), QStringLiteral("serve"), QStringLiteral("--connection"), QStringLiteral("nightly loads"),
                                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--history"), s.dir.filePath(QStringLiteral("serve.sqlite"))}),
            s.errStream, &s.keychain);
        s.command->setSavedConnectionsPath(s.dir.filePath(QStringLiteral("window-history.sqlite")));
        QCOMPARE(s.start(), 0);
        QVERIFY2(waitUntil([&] { return s.get(QStringLiteral("/metrics")).body.contains("bulkwatch_connection_up{connection=\"Nightly loads\"} 1"); }, 20000),
                 qPrintable(s.err));
        QVERIFY(!s.get(QStringLiteral("/metrics")).body.contains(kCanary));
        // The window's history is left as it was.
        QCOMPARE(window.connections().size(), 1);
    }

    void healthzIs503WhenNoServerAnsweredForFiveMinutes()
    {
        SimFixture sim(basicScenario());
        Serve s(sim);
        QDateTime now = QDateTime::currentDateTimeUtc();
        s.command->setClock([&now] { return now; });
        QCOMPARE(s.start(), 0);
        // Just started, nothing answered yet: healthy (it has not had the time to fail).
        QCOMPARE(s.get(QStringLiteral("/healthz")).status, 200);
        const QByteArray up = "bulkwatch_connection_up{connection=\"127.0.0.1:" + QByteArray::number(sim.server->port()) + "\"} ";
        QVERIFY(waitUntil([&] { return s.get(QStringLiteral("/metrics")).body.contains(QByteArray(up + "1\n")); }, 20000));
        // The server stops answering (every request a 503), and six minutes pass on the clock.
        SimFaultRule down;
        down.kind = QStringLiteral("status");
        down.status = 503;
        sim.server->addFault(down);
        QVERIFY(waitUntil([&] { return s.get(QStringLiteral("/metrics")).body.contains(QByteArray(up + "0\n")); }, 20000));
        QCOMPARE(s.get(QStringLiteral("/healthz")).status, 200); // down for a moment only: still healthy
        now = now.addSecs(360);
        RawReply h = s.get(QStringLiteral("/healthz"));
        QCOMPARE(h.status, 503);
        QVERIFY2(h.body.startsWith("no server has answered for "), h.body.constData());
        // It answers again: healthy again.
        sim.server->clearFaults();
        QVERIFY2(waitUntil([&] { h = s.get(QStringLiteral("/healthz")); return h.status == 200; }, 20000), h.body.constData());
        QCOMPARE(h.body, QByteArray("ok\n"));
    }

    void helpListsServesOwnExitCodes()
    {
        const CliArguments::Parsed p = CliArguments::parse({QStringLiteral("bulkwatch"), QStringLiteral("serve"), QStringLiteral("--help")});
        QVERIFY2(p.text.contains(QStringLiteral("Exit codes: 0 stopped by SIGTERM or SIGINT")), qPrintable(p.text));
        QVERIFY2(p.text.contains(QStringLiteral("2 usage")), qPrintable(p.text));
        // The other commands' codes (a job failed, auth, not found, ...) are never serve's.
        QVERIFY2(!p.text.contains(QStringLiteral("3 auth")) && !p.text.contains(QStringLiteral("1 watch")), qPrintable(p.text));
    }

    void theBinaryRunsWithoutADisplayAndStopsOnSigterm()
    {
        SimFixture sim(basicScenario());
        QTemporaryDir dir;
        QProcess serve;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("BULKWATCH_API_KEY"), QString::fromLatin1(kCanary));
        serve.setProcessEnvironment(env);
        serve.setProcessChannelMode(QProcess::MergedChannels);
        // Port 0: a free one, which the first line names.
        serve.start(QStringLiteral(BULKWATCH_BINARY), {QStringLiteral("serve"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                                                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(serve.waitForStarted(10000));
        QString output;
        const QRegularExpression listening(QStringLiteral("listening on (http://127.0.0.1:[0-9]+/metrics)"));
        QVERIFY2(waitUntil([&] {
                     output += QString::fromUtf8(serve.readAll());
                     return listening.match(output).hasMatch();
                 }, 20000),
                 qPrintable(output));
        QNetworkAccessManager nam;
        const QUrl metrics(listening.match(output).captured(1));
        QVERIFY2(waitUntil([&] {
                     output += QString::fromUtf8(serve.readAll());
                     return httpCall(nam, "GET", metrics).body.contains("state=\"failed\"} 1");
                 }, 30000),
                 qPrintable(output));
        serve.terminate(); // SIGTERM
        QVERIFY(waitUntil([&] { return serve.state() == QProcess::NotRunning; }, 20000));
        output += QString::fromUtf8(serve.readAll());
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        QVERIFY2(output.contains(QStringLiteral("stopped, history written")), qPrintable(output));
        QVERIFY(!output.toUtf8().contains(kCanary));
        // The history was written: its jobs are there for the next start.
        const QString historyPath = dir.filePath(QStringLiteral("data/bulkwatch/bulkwatch/serve-history.sqlite"));
        QVERIFY(!QFile::exists(historyPath + QStringLiteral("-wal"))); // closed on the way out: all of it is in the file
        HistoryStore h;
        QString error;
        QVERIFY(h.open(historyPath, &error));
        QCOMPARE(h.jobs().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
