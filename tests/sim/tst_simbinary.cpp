// The bulkwatch-sim executable as a user runs it: its options, its control endpoints over real HTTP, SIGTERM,
// and what it does with bad arguments.

#include "support/Wait.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>
#include <signal.h>
#include <sys/types.h>

#ifndef BULKWATCH_SIM_BINARY
#error "BULKWATCH_SIM_BINARY must name the bulkwatch-sim executable"
#endif

namespace {

struct Http
{
    bool finished = false;      // a whole answer (or a network error) within the wait
    bool headers = false;       // the status line and headers came
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray contentType;
    qint64 contentLength = -1;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject data() const { return json().value(QLatin1String("data")).toObject(); }
    bool isJson() const
    {
        QJsonParseError e{};
        QJsonDocument::fromJson(body, &e);
        return e.error == QJsonParseError::NoError;
    }
};

// One request, bounded: waits for the whole answer (or, with headersOnly, for the headers) at most timeoutMs.
Http call(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QByteArray &body = {},
          int timeoutMs = 20000, bool headersOnly = false)
{
    QNetworkRequest req(url);
    req.setRawHeader("Content-Type", "application/json");
    QNetworkReply *reply = method == "GET" ? nam.get(req) : nam.sendCustomRequest(req, method, body);
    Http h;
    bool gotHeaders = false;
    const auto conn = QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [&gotHeaders] { gotHeaders = true; });
    waitUntil([&] { return reply->isFinished() || (headersOnly && gotHeaders); }, timeoutMs);
    QObject::disconnect(conn);
    h.finished = reply->isFinished();
    h.headers = gotHeaders || h.finished;
    h.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    h.contentType = reply->rawHeader("Content-Type");
    h.contentLength = reply->header(QNetworkRequest::ContentLengthHeader).isValid()
        ? reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() : -1;
    if (h.finished) {
        h.error = reply->error();
        h.body = reply->readAll();
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return h;
}

// A running bulkwatch-sim on a free port, stopped (killed if it must be) when it goes.
class Sim
{
public:
    // Starts it with --port 0 and these arguments; false (with *why) when it does not say where it listens.
    bool start(const QStringList &args, QString *why)
    {
        proc.setProgram(QStringLiteral(BULKWATCH_SIM_BINARY));
        proc.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0")} + args);
        proc.start();
        if (!proc.waitForStarted(10000)) {
            *why = QStringLiteral("cannot start %1: %2").arg(proc.program(), proc.errorString());
            return false;
        }
        static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)\n"));
        QRegularExpressionMatch m;
        waitUntil([&] {
            out += proc.readAllStandardOutput();
            err += proc.readAllStandardError();
            m = listening.match(QString::fromUtf8(out));
            return m.hasMatch() || proc.state() == QProcess::NotRunning;
        }, 20000);
        if (!m.hasMatch()) {
            *why = QStringLiteral("no \"listening on\" line (exit %1): %2 %3").arg(proc.exitCode())
                       .arg(QString::fromUtf8(out), QString::fromUtf8(err));
            return false;
        }
        base = QUrl(m.captured(1));
        // The second line ("dialect …, scenario …, N jobs") comes with the first one.
        waitUntil([&] { out += proc.readAllStandardOutput(); return out.count('\n') >= 2; }, 5000);
        return true;
    }
    ~Sim()
    {
        if (proc.state() != QProcess::NotRunning) {
            proc.kill();
            proc.waitForFinished(5000);
        }
    }
    QUrl url(const QString &path) const
    {
        QUrl u = base;
        u.setPath(path);
        return u;
    }

    QProcess proc;
    QUrl base;
    QByteArray out;
    QByteArray err;
};

QString v2(const char *op) { return QStringLiteral("/v2/vectordb/jobs/import/") + QLatin1String(op); }
QByteArray toJson(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

} // namespace

#define START_SIM(sim, args)                                 \
    do {                                                     \
        QString why_;                                        \
        QVERIFY2((sim).start((args), &why_), qPrintable(why_)); \
    } while (false)

class TestSimBinary : public QObject
{
    Q_OBJECT
    QNetworkAccessManager nam;

    QStringList listIds(const Sim &sim, const QJsonObject &body = {});
    double simTime(const Sim &sim);

private Q_SLOTS:
    void scenariosListTheirJobs_data();
    void scenariosListTheirJobs();

    void speedScalesSimulatedTime_data();
    void speedScalesSimulatedTime();

    void faultOptionDeformsEveryApiAnswer_data();
    void faultOptionDeformsEveryApiAnswer();

    void retentionHidesFinishedJobs_data();
    void retentionHidesFinishedJobs();

    void seedReplaysJobIdsAndFaultDraws();

    void terminationIsPromptAndClean_data();
    void terminationIsPromptAndClean();

    void statsCountApiRequestsOnly();
    void advanceAndSnapshotShowTheSameJobs();
    void faultsEndpointInjectsAndClears();
    void rateLimit_data();
    void rateLimit();
    void unknownControlPathIs404();

    void badArgumentsExit2WithAMessage_data();
    void badArgumentsExit2WithAMessage();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN

QStringList TestSimBinary::listIds(const Sim &sim, const QJsonObject &body)
{
    const Http r = call(nam, "POST", sim.url(v2("list")), toJson(body));
    if (r.status != 200)
        return {QStringLiteral("<HTTP %1>").arg(r.status)};
    QStringList ids;
    for (const QJsonValue &v : r.data().value(QLatin1String("records")).toArray())
        ids << v.toObject().value(QLatin1String("jobId")).toString();
    return ids;
}

double TestSimBinary::simTime(const Sim &sim)
{
    return call(nam, "GET", sim.url(QStringLiteral("/_sim/stats"))).json().value(QLatin1String("simTime")).toDouble(-1);
}

void TestSimBinary::scenariosListTheirJobs_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<int>("files");
    QTest::newRow("empty") << "empty" << "milvus" << 0 << 0;
    QTest::newRow("load:5x3") << "load:5x3" << "milvus" << 5 << 3;
    QTest::newRow("load:4x2+3") << "load:4x2+3" << "milvus" << 7 << 2;
    QTest::newRow("load:150x1, cloud-v2 count") << "load:150x1" << "cloud-v2" << 150 << 1;
}

void TestSimBinary::scenariosListTheirJobs()
{
    QFETCH(QString, scenario);
    QFETCH(QString, dialect);
    QFETCH(int, jobs);
    QFETCH(int, files);
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), scenario, QStringLiteral("--dialect"), dialect,
                                QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    QVERIFY2(sim.out.contains(QStringLiteral("dialect %1, scenario %2, %3 jobs\n")
                                  .arg(dialect, scenario.section(QLatin1Char(':'), 0, 0)).arg(jobs).toUtf8()),
             sim.out.constData());
    if (dialect == QLatin1String("cloud-v2")) {
        const Http r = call(nam, "POST", sim.url(v2("list")), R"({"clusterId":"in01-sim0000000000000","pageSize":100})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(QLatin1String("count")).toInt(), jobs);
        QCOMPARE(r.data().value(QLatin1String("records")).toArray().size(), std::min(jobs, 100));
        return;
    }
    const QStringList ids = listIds(sim);
    QCOMPARE(ids.size(), jobs);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), jobs);
    if (jobs > 0) {
        const Http d = call(nam, "POST", sim.url(v2("describe")), toJson(QJsonObject{{QStringLiteral("jobId"), ids.last()}}));
        QCOMPARE(d.data().value(QLatin1String("details")).toArray().size(), files);
    }
}

void TestSimBinary::speedScalesSimulatedTime_data()
{
    QTest::addColumn<double>("speed");
    QTest::newRow("--speed 1") << 1.0;
    QTest::newRow("--speed 60") << 60.0;
    QTest::newRow("--speed 1000") << 1000.0;
}

void TestSimBinary::speedScalesSimulatedTime()
{
    QFETCH(double, speed);
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("load:1x1"), QStringLiteral("--speed"), QString::number(speed)}));
    // The server's clock moved between the two stats answers by speed x (real time between them): bounded below
    // by the time from the first answer to the second request, above by the time from the first request to the
    // second answer, however slow the machine.
    QElapsedTimer real;
    real.start();
    const double a = simTime(sim);
    const qint64 afterFirst = real.nsecsElapsed();
    QTest::qWait(300);
    const qint64 beforeSecond = real.nsecsElapsed();
    const double b = simTime(sim);
    const qint64 afterSecond = real.nsecsElapsed();
    QVERIFY(a >= 0 && b >= 0);
    const double lo = speed * (beforeSecond - afterFirst) / 1e9, hi = speed * afterSecond / 1e9;
    QVERIFY2(b - a >= lo * 0.99 && b - a <= hi * 1.01 + 0.001,
             qPrintable(QStringLiteral("simulated %1 s, expected %2..%3").arg(b - a).arg(lo).arg(hi)));

    // What a user sees: at 1000x the job (726 simulated seconds in all) completes within a real second or so.
    if (speed >= 1000) {
        QVERIFY(waitUntil([&] {
            const Http s = call(nam, "GET", sim.url(QStringLiteral("/_sim/snapshot")));
            return s.json().value(QLatin1String("jobs")).toObject().value(QLatin1String("460000000000000000")).toArray().at(0).toString()
                == QLatin1String("Completed");
        }, 10000));
    }

    // /_sim/speed changes it at run time: 0 freezes the clock.
    const Http set = call(nam, "POST", sim.url(QStringLiteral("/_sim/speed")), R"({"speed":0})");
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value(QLatin1String("speed")).toDouble(-1), 0.0);
    const double frozen = simTime(sim);
    QTest::qWait(200);
    QCOMPARE(simTime(sim), frozen);
    QCOMPARE(call(nam, "POST", sim.url(QStringLiteral("/_sim/speed")), R"({"speed":2.5})").json().value(QLatin1String("speed")).toDouble(), 2.5);
}

void TestSimBinary::faultOptionDeformsEveryApiAnswer_data()
{
    QTest::addColumn<QString>("kind");
    // The kinds `bulkwatch-sim --help` lists for --fault.
    const QStringList kinds = {QStringLiteral("hang"), QStringLiteral("drip"), QStringLiteral("reset"), QStringLiteral("truncate"),
                               QStringLiteral("garbage"), QStringLiteral("html5xx"), QStringLiteral("huge")};
    for (const QString &k : kinds)
        QTest::newRow(qPrintable(k)) << k;
}

void TestSimBinary::faultOptionDeformsEveryApiAnswer()
{
    QFETCH(QString, kind);
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("load:2x1"), QStringLiteral("--fault"), kind,
                                QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    QProcess help;
    help.start(QStringLiteral(BULKWATCH_SIM_BINARY), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(10000));
    const QString helpText = QString::fromUtf8(help.readAllStandardOutput());
    QVERIFY2(helpText.contains(QLatin1String("--fault <KIND>")) && helpText.contains(kind), qPrintable(helpText));
    const bool headersOnly = kind == QLatin1String("huge");
    const Http r = call(nam, "POST", sim.url(v2("list")), "{}", 1500, headersOnly);
    if (kind == QLatin1String("hang")) {
        QVERIFY2(!r.headers, "a hanging server answered");
    } else if (kind == QLatin1String("drip")) {
        QVERIFY(r.headers);
        QVERIFY2(!r.finished, "a dripping answer (a byte a second) came whole in 1.5 s");
    } else if (kind == QLatin1String("reset")) {
        QVERIFY(r.finished);
        QVERIFY2(r.error != QNetworkReply::NoError, r.body.constData());
    } else if (kind == QLatin1String("truncate") || kind == QLatin1String("garbage")) {
        QVERIFY(r.finished);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.isEmpty());
        QVERIFY2(!r.isJson(), r.body.constData());
    } else if (kind == QLatin1String("html5xx")) {
        QCOMPARE(r.status, 500);
        QCOMPARE(r.contentType, QByteArray("text/html"));
        QVERIFY(r.body.contains("nginx"));
    } else if (kind == QLatin1String("huge")) {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentLength, 300LL * 1024 * 1024);
    }
    // Every API request, not only the first; the control endpoints are never deformed.
    const Http again = call(nam, "POST", sim.url(v2("describe")), R"({"jobId":"460000000000000000"})", 1500, headersOnly);
    QVERIFY2(!(again.finished && again.status == 200 && again.isJson() && again.json().value(QLatin1String("code")).toInt(-1) == 0),
             again.body.constData());
    const Http stats = call(nam, "GET", sim.url(QStringLiteral("/_sim/stats")));
    QCOMPARE(stats.status, 200);
    QCOMPARE(stats.json().value(QLatin1String("total")).toInt(), 2);
    // Cleared, the API answers again.
    QCOMPARE(call(nam, "DELETE", sim.url(QStringLiteral("/_sim/faults"))).json().value(QLatin1String("faults")).toInt(-1), 0);
    QCOMPARE(listIds(sim).size(), 2);
}

void TestSimBinary::retentionHidesFinishedJobs_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("atStart");   // load:1x1+2: the two finished jobs ended ~2260 s before the start
    QTest::addColumn<int>("afterEnd");  // 820 s in: they ended ~3080 s ago, the running job 94 s ago
    QTest::newRow("default (3 h)") << QStringList{} << 3 << 3;
    QTest::newRow("--retention 60") << QStringList{QStringLiteral("--retention"), QStringLiteral("60")} << 1 << 0;
    QTest::newRow("--retention 3000") << QStringList{QStringLiteral("--retention"), QStringLiteral("3000")} << 3 << 1;
}

void TestSimBinary::retentionHidesFinishedJobs()
{
    QFETCH(QStringList, args);
    QFETCH(int, atStart);
    QFETCH(int, afterEnd);
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("load:1x1+2"), QStringLiteral("--rate-limit"), QStringLiteral("0")} + args));
    QCOMPARE(call(nam, "POST", sim.url(QStringLiteral("/_sim/speed")), R"({"speed":0})").status, 200);
    QCOMPARE(listIds(sim).size(), atStart);
    // The running job (pending 1 s, pre-import 5 s, one 600 s file, sort 60 s, index 60 s) ends at 726 s.
    call(nam, "POST", sim.url(QStringLiteral("/_sim/advance")), R"({"seconds":760})");
    const Http d = call(nam, "POST", sim.url(v2("describe")), R"({"jobId":"460000000000000000"})");
    QCOMPARE(d.data().value(QLatin1String("state")).toString(), QStringLiteral("Completed"));
    QVERIFY(listIds(sim).contains(QStringLiteral("460000000000000000")));
    call(nam, "POST", sim.url(QStringLiteral("/_sim/advance")), R"({"seconds":60})");
    const QStringList after = listIds(sim);
    QCOMPARE(after.size(), afterEnd);
    if (afterEnd == 0) {
        const Http gone = call(nam, "POST", sim.url(v2("describe")), R"({"jobId":"460000000000000000"})");
        QCOMPARE(gone.json().value(QLatin1String("code")).toInt(), 2100);
    }
}

void TestSimBinary::seedReplaysJobIdsAndFaultDraws()
{
    // What a run looks like from outside: the ids create hands out and which requests a 50 % fault hits.
    auto run = [this](const QString &seed) {
        Sim sim;
        QString why;
        if (!sim.start({QStringLiteral("--scenario"), QStringLiteral("load:1x1"), QStringLiteral("--seed"), seed,
                        QStringLiteral("--rate-limit"), QStringLiteral("0")}, &why))
            return QStringList{why};
        QStringList seen;
        for (int i = 0; i < 3; ++i)
            seen << call(nam, "POST", sim.url(v2("create")), R"({"collectionName":"c","files":[["a.parquet"]]})")
                        .data().value(QLatin1String("jobId")).toString();
        call(nam, "POST", sim.url(QStringLiteral("/_sim/faults")),
             R"({"faults":[{"kind":"status","status":503,"path":"describe","probability":0.5}]})");
        QString hits;
        for (int i = 0; i < 24; ++i)
            hits += call(nam, "POST", sim.url(v2("describe")), R"({"jobId":"460000000000000000"})").status == 503 ? QLatin1Char('x') : QLatin1Char('.');
        seen << hits;
        return seen;
    };
    const QStringList a = run(QStringLiteral("42"));
    QCOMPARE(a.size(), 4);
    for (const QString &id : a.mid(0, 3))
        QVERIFY2(!id.isEmpty() && id.toLongLong() > 0, qPrintable(a.join(QLatin1Char(' '))));
    QVERIFY2(a.at(3).contains(QLatin1Char('x')) && a.at(3).contains(QLatin1Char('.')), qPrintable(a.at(3)));
    QCOMPARE(run(QStringLiteral("42")), a); // the same seed, the same run
    const QStringList b = run(QStringLiteral("43"));
    QCOMPARE(b.size(), 4);
    QVERIFY2(b.mid(0, 3) != a.mid(0, 3), qPrintable(b.join(QLatin1Char(' '))));
    QVERIFY2(b.at(3) != a.at(3), qPrintable(b.at(3) + QLatin1Char(' ') + a.at(3)));
}

void TestSimBinary::terminationIsPromptAndClean_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<bool>("requestInFlight");
    QTest::newRow("SIGTERM, idle") << int(SIGTERM) << false;
    QTest::newRow("SIGTERM, a request hanging") << int(SIGTERM) << true;
    QTest::newRow("SIGINT (Ctrl+C)") << int(SIGINT) << false;
}

void TestSimBinary::terminationIsPromptAndClean()
{
    QFETCH(int, signal);
    QFETCH(bool, requestInFlight);
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("demo")}));
    QCOMPARE(listIds(sim).isEmpty(), false);
    std::unique_ptr<QNetworkReply> hanging;
    if (requestInFlight) {
        QCOMPARE(call(nam, "POST", sim.url(QStringLiteral("/_sim/faults")), R"({"faults":[{"kind":"hang"}]})").status, 200);
        QNetworkRequest req(sim.url(v2("list")));
        req.setRawHeader("Content-Type", "application/json");
        hanging.reset(nam.post(req, QByteArray("{}")));
        QTest::qWait(200);
        QVERIFY(!hanging->isFinished());
    }
    if (signal == SIGTERM)
        sim.proc.terminate();
    else
        ::kill(static_cast<pid_t>(sim.proc.processId()), signal);
    QVERIFY2(sim.proc.waitForFinished(5000), "still running 5 s after the signal");
    QCOMPARE(sim.proc.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sim.proc.exitCode(), 0);
    sim.out += sim.proc.readAllStandardOutput();
    QVERIFY2(sim.out.endsWith("stopped\n"), sim.out.constData());
    // The port is free again: nothing answers there.
    const Http after = call(nam, "GET", sim.url(QStringLiteral("/_sim/stats")), {}, 3000);
    QVERIFY(after.status == 0);
    if (hanging)
        QVERIFY(waitUntil([&] { return hanging->isFinished(); }, 5000)); // the client learns the server went away
}

void TestSimBinary::statsCountApiRequestsOnly()
{
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("load:2x1"), QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(listIds(sim).size(), 2);
    QCOMPARE(call(nam, "POST", sim.url(v2("describe")), R"({"jobId":"1"})").json().value(QLatin1String("code")).toInt(), 2100);
    QCOMPARE(call(nam, "POST", sim.url(v2("getProgress")), "{}").status, 404);
    call(nam, "GET", sim.url(QStringLiteral("/_sim/snapshot")));
    const QJsonObject s = call(nam, "GET", sim.url(QStringLiteral("/_sim/stats"))).json();
    QCOMPARE(s.value(QLatin1String("total")).toInt(), 5); // control requests are not counted
    QCOMPARE(s.value(QLatin1String("dialect")).toString(), QStringLiteral("milvus"));
    QCOMPARE(s.value(QLatin1String("rateLimited")).toInt(), 0);
    const QJsonObject paths = s.value(QLatin1String("paths")).toObject();
    QCOMPARE(paths.value(v2("list")).toObject().value(QLatin1String("byStatus")).toObject().value(QLatin1String("200")).toInt(), 3);
    QCOMPARE(paths.value(v2("describe")).toObject().value(QLatin1String("total")).toInt(), 1);
    QCOMPARE(paths.value(v2("getProgress")).toObject().value(QLatin1String("byStatus")).toObject().value(QLatin1String("404")).toInt(), 1);
    QVERIFY(!paths.contains(QStringLiteral("/_sim/snapshot")));
    const QJsonObject reset = call(nam, "POST", sim.url(QStringLiteral("/_sim/stats/reset"))).json();
    QCOMPARE(reset.value(QLatin1String("total")).toInt(-1), 0);
    QCOMPARE(call(nam, "GET", sim.url(QStringLiteral("/_sim/stats"))).json().value(QLatin1String("paths")).toObject().size(), 0);
}

void TestSimBinary::advanceAndSnapshotShowTheSameJobs()
{
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("load:3x1"), QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    call(nam, "POST", sim.url(QStringLiteral("/_sim/speed")), R"({"speed":0})");
    const QJsonObject s0 = call(nam, "GET", sim.url(QStringLiteral("/_sim/snapshot"))).json();
    const double t0 = s0.value(QLatin1String("simTime")).toDouble(-1);
    QVERIFY(t0 >= 0);
    QCOMPARE(s0.value(QLatin1String("jobs")).toObject().size(), 3);
    const Http adv = call(nam, "POST", sim.url(QStringLiteral("/_sim/advance")), R"({"seconds":300})");
    QCOMPARE(adv.status, 200);
    QCOMPARE(adv.json().value(QLatin1String("simTime")).toDouble(), t0 + 300);
    const QJsonObject s1 = call(nam, "GET", sim.url(QStringLiteral("/_sim/snapshot"))).json();
    QCOMPARE(s1.value(QLatin1String("simTime")).toDouble(), t0 + 300);
    const QJsonObject jobs = s1.value(QLatin1String("jobs")).toObject();
    QCOMPARE(jobs.size(), 3);
    for (auto it = jobs.constBegin(); it != jobs.constEnd(); ++it) {
        const QJsonObject d = call(nam, "POST", sim.url(v2("describe")), toJson(QJsonObject{{QStringLiteral("jobId"), it.key()}})).data();
        QCOMPARE(it->toArray().at(0).toString(), d.value(QLatin1String("state")).toString());
        QCOMPARE(it->toArray().at(1).toInt(), d.value(QLatin1String("progress")).toInt());
        // 300 s in: past pending and pre-import, importing rows (40..70).
        QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("Importing"));
        QVERIFY2(d.value(QLatin1String("progress")).toInt() > 40 && d.value(QLatin1String("progress")).toInt() < 70, qPrintable(it.key()));
    }
}

void TestSimBinary::faultsEndpointInjectsAndClears()
{
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("load:1x1"), QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    const Http set = call(nam, "POST", sim.url(QStringLiteral("/_sim/faults")),
                          R"({"faults":[{"kind":"html5xx","status":502,"count":2,"path":"list"},{"kind":"status","status":503,"body":"{}","path":"describe"}]})");
    QCOMPARE(set.json().value(QLatin1String("faults")).toInt(), 2);
    QCOMPARE(call(nam, "POST", sim.url(v2("list")), "{}").status, 502);
    QCOMPARE(call(nam, "POST", sim.url(v2("list")), "{}").status, 502);
    QCOMPARE(listIds(sim).size(), 1); // count 2: over
    QCOMPARE(call(nam, "POST", sim.url(v2("describe")), R"({"jobId":"460000000000000000"})").status, 503);
    QCOMPARE(call(nam, "DELETE", sim.url(QStringLiteral("/_sim/faults"))).json().value(QLatin1String("faults")).toInt(-1), 0);
    QCOMPARE(call(nam, "POST", sim.url(v2("describe")), R"({"jobId":"460000000000000000"})").status, 200);
}

void TestSimBinary::rateLimit_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("perSecond");   // what the limit is after set-up (< 0: set by /_sim/rate-limit to -perSecond)
    QTest::newRow("--rate-limit 3") << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("3")} << 3;
    QTest::newRow("/_sim/rate-limit 2") << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")} << -2;
    QTest::newRow("--rate-limit 0: none") << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")} << 0;
}

void TestSimBinary::rateLimit()
{
    QFETCH(QStringList, args);
    QFETCH(int, perSecond);
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("load:1x1")} + args));
    if (perSecond < 0) {
        perSecond = -perSecond;
        const Http set = call(nam, "POST", sim.url(QStringLiteral("/_sim/rate-limit")), toJson(QJsonObject{{QStringLiteral("perSecond"), perSecond}}));
        QCOMPARE(set.json().value(QLatin1String("perSecond")).toInt(), perSecond);
    }
    // Requests for 2.5 s, one every ~20 ms: a limit of N lets at most N through in any second and turns away
    // the rest (Milvus: HTTP 200, code 8). Judged by the times this side saw, which hold however slow the machine
    // is: accepted requests k and k+N reached the server at least 1 s apart, so from the send of k to the answer
    // of k+N at least 1 s passed; a turned-away request j had N accepted ones in the second before it reached the
    // server, each answered after j's send minus 1 s. (The server's clock and ours count whole ms: 2 ms slack.)
    struct Sent { qint64 sent, answered; bool limited; };
    QVector<Sent> log;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 2500) {
        const qint64 sent = clock.elapsed();
        const Http r = call(nam, "POST", sim.url(v2("list")), "{}");
        QCOMPARE(r.status, 200);
        const bool isLimited = r.json().value(QLatin1String("code")).toInt() == 8;
        if (isLimited)
            QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("rate limit exceeded[rate=%1]").arg(perSecond));
        log.append({sent, clock.elapsed(), isLimited});
        QTest::qWait(20);
    }
    QVector<Sent> accepted;
    int limited = 0;
    for (const Sent &s : log) {
        if (s.limited)
            ++limited;
        else
            accepted << s;
    }
    const QJsonObject stats = call(nam, "GET", sim.url(QStringLiteral("/_sim/stats"))).json();
    QCOMPARE(stats.value(QLatin1String("rateLimited")).toInt(), limited);
    QCOMPARE(stats.value(QLatin1String("total")).toInt(), int(log.size()));
    if (perSecond == 0) {
        QCOMPARE(limited, 0);
        return;
    }
    QVERIFY2(limited > 0, qPrintable(QStringLiteral("%1 requests, none limited").arg(log.size())));
    QVERIFY(accepted.size() >= perSecond);
    for (int k = 0; k + perSecond < accepted.size(); ++k)
        QVERIFY2(accepted[k + perSecond].answered - accepted[k].sent >= 998,
                 qPrintable(QStringLiteral("%1 accepted between %2 ms and %3 ms").arg(perSecond + 1).arg(accepted[k].sent).arg(accepted[k + perSecond].answered)));
    for (int i = 0; i < log.size(); ++i) {
        const Sent &j = log[i];
        if (!j.limited)
            continue;
        int before = 0; // one request after the other: those before j in the log reached the server before it
        for (int k = 0; k < i; ++k)
            before += (!log[k].limited && log[k].answered >= j.sent - 1000 - 2) ? 1 : 0;
        QVERIFY2(before >= perSecond, qPrintable(QStringLiteral("turned away at %1 ms with %2 accepted in the second before").arg(j.sent).arg(before)));
    }
    QCOMPARE(call(nam, "POST", sim.url(QStringLiteral("/_sim/rate-limit")), R"({"perSecond":0})").json().value(QLatin1String("perSecond")).toInt(-1), 0);
    for (int i = 0; i < 2 * perSecond + 2; ++i)
        QCOMPARE(call(nam, "POST", sim.url(v2("list")), "{}").json().value(QLatin1String("code")).toInt(-1), 0);
}

void TestSimBinary::unknownControlPathIs404()
{
    Sim sim;
    START_SIM(sim, (QStringList{QStringLiteral("--scenario"), QStringLiteral("empty")}));
    const Http r = call(nam, "GET", sim.url(QStringLiteral("/_sim/nothing")));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("unknown control path"));
}

void TestSimBinary::badArgumentsExit2WithAMessage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("words");  // the stderr message names what is wrong
    QTest::addColumn<QString>("bug");    // non-empty: a known product bug (QEXPECT_FAIL)
    const auto row = [](const char *tag, QStringList args, const char *words, const char *bug = "") {
        QTest::newRow(tag) << args << QString::fromLatin1(words) << QString::fromLatin1(bug);
    };
    row("--dialect klingon", {QStringLiteral("--dialect"), QStringLiteral("klingon")}, "--dialect");
    row("--seed abc", {QStringLiteral("--seed"), QStringLiteral("abc")}, "--seed");
    row("--seed -1", {QStringLiteral("--seed"), QStringLiteral("-1")}, "--seed");
    row("--scenario missing file", {QStringLiteral("--scenario"), QStringLiteral("/nonexistent/bulkwatch-scenario.json")}, "cannot read scenario file");
    row("--tls-cert missing", {QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent/c.pem"), QStringLiteral("--tls-key"), QStringLiteral("/nonexistent/k.pem")}, "--tls-cert");
    row("unknown option", {QStringLiteral("--frobnicate")}, "frobnicate");
    row("--speed abc", {QStringLiteral("--speed"), QStringLiteral("abc")}, "--speed");
    row("--speed -5", {QStringLiteral("--speed"), QStringLiteral("-5")}, "--speed");
    row("--port 70000", {QStringLiteral("--port"), QStringLiteral("70000")}, "--port");
    row("--port abc", {QStringLiteral("--port"), QStringLiteral("abc")}, "--port");
    row("--rate-limit abc", {QStringLiteral("--rate-limit"), QStringLiteral("abc")}, "--rate-limit");
    row("--retention abc", {QStringLiteral("--retention"), QStringLiteral("abc")}, "--retention");
    row("--fault bogus", {QStringLiteral("--fault"), QStringLiteral("bogus")}, "--fault");
    row("--scenario load:axb", {QStringLiteral("--scenario"), QStringLiteral("load:axb")}, "load:");
}

void TestSimBinary::badArgumentsExit2WithAMessage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    QFETCH(QString, bug);
    // --port 0 comes first: an argument that is accepted shows as a "listening on" line, not as a long wait.
    QProcess p;
    p.start(QStringLiteral(BULKWATCH_SIM_BINARY), QStringList{QStringLiteral("--port"), QStringLiteral("0")} + args);
    QVERIFY(p.waitForStarted(10000));
    QByteArray out;
    waitUntil([&] {
        out += p.readAllStandardOutput();
        return p.state() == QProcess::NotRunning || out.contains("listening on");
    }, 20000);
    const bool listening = out.contains("listening on");
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
    }
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const bool refused = !listening && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 2 && err.contains(words);
    const QString what = listening ? QStringLiteral("accepted: %1").arg(QString::fromUtf8(out).trimmed())
                                   : QStringLiteral("exit %1, stderr: %2").arg(p.exitCode()).arg(err.trimmed());
    const QByteArray why = bug.toUtf8();
    if (!why.isEmpty())
        QEXPECT_FAIL("", why.constData(), Abort);
    QVERIFY2(refused, qPrintable(what));
}

#endif

QTEST_GUILESS_MAIN(TestSimBinary)
#include "tst_simbinary.moc"
