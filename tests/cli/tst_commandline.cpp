// `bulkwatch status|list|watch|create|commit|abort` against bulkwatch-sim: documented output and every documented
// exit code (README "Command line", `bulkwatch --help`), `watch --json` one object per line per change, `--verbose`
// request lines that never show the key, per-command help, and typos that are usage errors (with a suggestion)
// rather than a window. In this process and through the real binary. Nothing here waits on the clock: triggers
// are tied to the requests the simulator has answered.

#include "CliErrors.h"
#include "CliText.h"
#include "CommandLine.h"
#include "support/ProcessRun.h"
#include "support/ReservedPort.h"
#include "support/SimFixture.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

namespace {
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

// One command in this process, as main() runs it: the key from "the environment" or stdin, saved connections
// from resolver (none unless given).
CliRun runCli(const QStringList &args, const QByteArray &envKey = {}, const QByteArray &stdinText = {},
              CommandLine::ConnectionResolver resolver = {}, std::function<QDateTime()> clock = {})
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    CommandLine cli(QStringList{QStringLiteral("bulkwatch")} + args, out, err);
    if (clock)
        cli.setClock(std::move(clock));
    cli.setEnvironmentKey(envKey);
    cli.setStdin([stdinText] { return stdinText; });
    if (resolver)
        cli.setConnectionResolver(std::move(resolver));
    QSignalSpy done(&cli, &CommandLine::finished);
    cli.start();
    if (done.isEmpty() && !done.wait(60000))
        qWarning("bulkwatch %s did not finish within 60 s (a hang)", qPrintable(args.join(QLatin1Char(' ')).left(200)));
    out.flush();
    err.flush();
    r.code = cli.exitCode(); // -1 while unfinished: no documented exit code
    return r;
}

// The real binary's environment: this one, with BULKWATCH_API_KEY set to key (or absent).
QProcessEnvironment cliEnvironment(const QByteArray &key = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("BULKWATCH_API_KEY"));
    if (!key.isEmpty())
        env.insert(QStringLiteral("BULKWATCH_API_KEY"), QString::fromUtf8(key));
    return env;
}

// Runs action when condition holds (once, or each time it holds), checked every 5 ms while the event loop turns,
// as it does while a command runs: a trigger tied to what the server has seen, never to the clock.
class Trigger
{
public:
    Trigger(std::function<bool()> condition, std::function<void()> action, bool repeat = false)
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this, condition, action, repeat] {
            if ((m_fired > 0 && !repeat) || !condition())
                return;
            action();
            ++m_fired;
        });
        m_timer.start(5);
    }
    int fired() const { return m_fired; }

private:
    QTimer m_timer;
    int m_fired = 0;
};

// What a job's answer says on the simulator now (state, progress, rows, and each file's), to compare answers.
QString simAnswerOf(SimServer &server, const QString &jobId)
{
    const SimJob *job = server.engine().find(jobId, {});
    if (!job)
        return QStringLiteral("gone");
    const SimJobStatus st = server.engine().status(*job);
    QString sig = QStringLiteral("%1 %2 %3").arg(int(st.state)).arg(qRound(st.progress)).arg(st.importedRows);
    for (const SimFileStatus &f : st.files)
        sig += QStringLiteral(" | %1 %2 %3").arg(int(f.state)).arg(qRound(f.progress)).arg(f.importedRows);
    return sig;
}

// Moves the simulated clock (frozen otherwise) `seconds` only once the watch has asked twice since the last step:
// the second request is sent only after the first answer (which already saw the step) was printed. So every
// state is seen, however slow the machine, and none (the sorting phase is 10 simulated seconds) can slip
// between two polls. answers() is what the server said in each step, in order.
class StepAfterTwoPolls
{
public:
    StepAfterTwoPolls(SimServer &server, const QString &jobId, double seconds)
        : m_askedAtStep((server.engine().setSpeed(0), server.requestCount())), m_answers{simAnswerOf(server, jobId)},
          m_trigger([this, &server] { return server.requestCount() >= m_askedAtStep + 2; },
                    [this, &server, jobId, seconds] {
                        server.engine().advance(seconds);
                        m_askedAtStep = server.requestCount();
                        m_answers << simAnswerOf(server, jobId);
                    },
                    true)
    {
    }
    // The answers in order, each change once: what a watch that prints a line per change prints.
    QStringList changes() const
    {
        QStringList c;
        for (const QString &a : m_answers)
            if (c.isEmpty() || c.last() != a)
                c << a;
        return c;
    }

private:
    int m_askedAtStep;
    QStringList m_answers;
    Trigger m_trigger;
};

// A --json output: one compact JSON object per line and nothing else; false (and why) otherwise.
bool jsonLines(const QString &out, QVector<QJsonObject> *objects, QString *problem)
{
    if (!out.endsWith(QLatin1Char('\n'))) {
        *problem = QStringLiteral("the output does not end with a newline: ") + out.right(200);
        return false;
    }
    const QStringList lines = out.chopped(1).split(QLatin1Char('\n')); // empty lines kept: an empty line is no object
    for (const QString &line : lines) {
        QJsonParseError perr{};
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &perr);
        if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
            *problem = QStringLiteral("not one JSON object: '%1' (%2)").arg(line.left(200), perr.errorString());
            return false;
        }
        objects->append(doc.object());
    }
    return true;
}

// The key of the --verbose tests: it must be sent, and appear nowhere in what the command prints.
constexpr char kVerboseKey[] = "vb-S3cr3t-key-9f2c";

// --verbose request lines (README: "method, URL, status, time"): every line of log is
// "bulkwatch: METHOD http://127.0.0.1:PORT/PATH[?QUERY] -> STATUS (N ms)"; requests gets "METHOD PATH -> STATUS" of each.
bool verboseRequests(const QString &log, quint16 port, QStringList *requests, QString *problem)
{
    static const QRegularExpression line(QStringLiteral("^bulkwatch: (GET|POST) http://127\\.0\\.0\\.1:(\\d+)(/[^?\\s]*)(\\?\\S*)? -> (\\d{3}) \\((\\d+) ms\\)$"));
    for (const QString &l : log.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = line.match(l);
        if (!m.hasMatch() || m.captured(2).toUShort() != port) {
            *problem = QStringLiteral("not a request line: '%1'").arg(l.left(300));
            return false;
        }
        *requests << QStringLiteral("%1 %2 -> %3").arg(m.captured(1), m.captured(3), m.captured(5));
    }
    if (requests->isEmpty()) {
        *problem = QStringLiteral("no request line in: ") + log.left(300);
        return false;
    }
    return true;
}

// Nothing of the key nor of the header that carries it.
bool showsNoKey(const QString &text, QString *problem)
{
    for (const QString &word : {QString::fromLatin1(kVerboseKey), QStringLiteral("Authorization"), QStringLiteral("Bearer")}) {
        if (text.contains(word, Qt::CaseInsensitive)) {
            *problem = QStringLiteral("'%1' shows in: %2").arg(word, text.left(2000));
            return false;
        }
    }
    return true;
}

SimScenario scenario()
{
    SimScenario s = basicScenario();
    SimJob other = timelineJob(QStringLiteral("453240863839750925"));
    other.db = QStringLiteral("analytics");
    s.jobs << other;
    return s;
}
} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusJsonHasEveryDocumentedKey_data();
    void statusJsonHasEveryDocumentedKey();

    void statusTextShowsTheWholeReasonAndFiles();

    void statusTextShowsLegacyFileEntriesAsNames();

    void aFailedJobSaysWhatTheWindowSays();

    void jobTakesAPastedJsonIdAsTheWindowDoes_data();
    void jobTakesAPastedJsonIdAsTheWindowDoes();

    void listJsonHasEveryKeyAndNullProgressWhereNoneWasSent();

    void listFiltersByDatabaseAndCollection();

    void exitCodesFollowTheErrorKind_data();
    void exitCodesFollowTheErrorKind();

    void everyProgressPathMissingIsUnsupported_data();
    void everyProgressPathMissingIsUnsupported();

    void theSimulatorsOwnRateLimitIsExitFive_data();
    void theSimulatorsOwnRateLimitIsExitFive();

    void unreachableServerIsANetworkError();

    void noKeyGivenSaysHowToGiveOne_data();
    void noKeyGivenSaysHowToGiveOne();

    void aCloudControlPlaneNeedsACluster_data();
    void aCloudControlPlaneNeedsACluster();

    void aControlPlaneElsewhereAsksForTheClusterAsAUsageError();

    void commitOrAbortRefusedForTheJobsStateSaysWhy_data();
    void commitOrAbortRefusedForTheJobsStateSaysWhy();

    void aWrongDialectIsUnsupportedNotNotFound_data();
    void aWrongDialectIsUnsupportedNotNotFound();

    void statusExitStatusSaysHowTheJobStands_data();
    void statusExitStatusSaysHowTheJobStands();

    void watchJsonLinesSayWhenTheyWereObserved();

    void listFiltersByState_data();
    void listFiltersByState();

    void watchAllFollowsEveryUnfinishedJob_data();
    void watchAllFollowsEveryUnfinishedJob();

    void watchAllWithNothingUnfinishedEndsAtOnce();

    void usageErrorsExplainThemselves_data();
    void usageErrorsExplainThemselves();

    void helpAndVersion();

    void unknownCommandsSuggestTheNearestOne_data();
    void unknownCommandsSuggestTheNearestOne();

    void unknownOptionsSuggestTheNearestOne();

    void optionsBeforeTheCommandAreUsageErrors_data();
    void optionsBeforeTheCommandAreUsageErrors();

    void everyCommandHasItsOwnHelp_data();
    void everyCommandHasItsOwnHelp();

    void onlyWindowOptionsOpenTheWindow_data();
    void onlyWindowOptionsOpenTheWindow();

    void theRealBinaryRefusesAnUnknownCommandWithoutADisplay_data();
    void theRealBinaryRefusesAnUnknownCommandWithoutADisplay();

    void aSavedConnectionMayAnswerLater();

    void watchPrintsALinePerChangeUntilCompleted();

    void watchJsonIsOneObjectPerLinePerChange();

    void watchExitsOneOnFailure();

    void watchExitsOneWhenTheJobIsCancelled_data();
    void watchExitsOneWhenTheJobIsCancelled();

    void watchRidesOutFaultsAndResumes_data();
    void watchRidesOutFaultsAndResumes();

    void watchSaysExpiredWhenTheServerForgetsTheJob();

    void verboseLogsEachRequestAndNeverTheKey_data();
    void verboseLogsEachRequestAndNeverTheKey();

    void theRealBinaryKeepsTheContract_data();
    void theRealBinaryKeepsTheContract();

    void createCommitAbortFromTheCommandLine();

    void theRealBinaryReadsTheKeyFromEnvironmentOrStdinOnly();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestCommandLine::statusJsonHasEveryDocumentedKey_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("milvus") << int(SimDialect::Milvus) << QStringList();
    QTest::newRow("cloud-v2") << int(SimDialect::CloudV2) << QStringList{QStringLiteral("--cluster"), QStringLiteral("in01-x")};
    QTest::newRow("cloud-v1") << int(SimDialect::CloudV1) << QStringList{QStringLiteral("--cluster"), QStringLiteral("in01-x"), QStringLiteral("--api"), QStringLiteral("cloud-v1")};
}

void TestCommandLine::statusJsonHasEveryDocumentedKey()
{
    QFETCH(int, dialect);
    QFETCH(QStringList, extra);
    SimFixture sim(scenario(), SimDialect(dialect));
    const CliRun r = runCli(QStringList{QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                                        QStringLiteral("--job"), QStringLiteral("453240863839750922"), QStringLiteral("--json")} + extra);
    QCOMPARE(r.code, 0);
    const QJsonObject o = r.json();
    const QStringList keys = {QStringLiteral("jobId"), QStringLiteral("collectionName"), QStringLiteral("state"), QStringLiteral("serverState"),
                              QStringLiteral("progress"), QStringLiteral("importedRows"), QStringLiteral("totalRows"), QStringLiteral("fileSize"),
                              QStringLiteral("completeTime"), QStringLiteral("reason"), QStringLiteral("files"),
                              QStringLiteral("collection")}; // issue 16: the collection after the import
    QCOMPARE(o.keys().size(), keys.size());
    for (const QString &k : keys)
        QVERIFY2(o.contains(k), qPrintable(k));
    QCOMPARE(o.value(QLatin1String("jobId")).toString(), QStringLiteral("453240863839750922"));
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(o.value(QLatin1String("progress")).toDouble(), 100.0);
    QCOMPARE(o.value(QLatin1String("reason")).toString(), QString());
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")).match(o.value(QLatin1String("completeTime")).toString()).hasMatch());
    const QJsonArray files = o.value(QLatin1String("files")).toArray();
    QCOMPARE(files.size(), 2);
    const QJsonObject f = files.at(0).toObject();
    for (const char *k : {"fileName", "fileSize", "state", "serverState", "progress", "importedRows", "totalRows", "completeTime", "reason"})
        QVERIFY2(f.contains(QLatin1String(k)), k);
    QCOMPARE(f.keys().size(), 9);
}

void TestCommandLine::statusTextShowsTheWholeReasonAndFiles()
{
    SimFixture sim(scenario());
    const CliRun r = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                             QStringLiteral("--job"), QStringLiteral(" \"453240863839750924\" ")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("failed (Failed)")));
    QVERIFY(r.out.contains(QLatin1String("Reason      JSON parse: unexpected EOF")));
    QVERIFY(r.out.contains(QLatin1String("Files (2)")));
    // The file names as a person reads them: Milvus' brackets gone (the JSON keeps the server's entry).
    QVERIFY2(r.out.contains(QLatin1String(" part-1.parquet\n")) && !r.out.contains(QLatin1String("[part-1.parquet]")), qPrintable(r.out));
    // The job's reason once: the file that failed for it does not repeat it.
    QCOMPARE(r.out.count(QLatin1String("JSON parse: unexpected EOF")), 1);
    const CliRun json = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                                QStringLiteral("--job"), QStringLiteral("453240863839750924"), QStringLiteral("--json")});
    QCOMPARE(json.json().value(QLatin1String("files")).toArray().at(1).toObject().value(QLatin1String("fileName")).toString(), QStringLiteral("[part-1.parquet]"));
    QCOMPARE(json.json().value(QLatin1String("files")).toArray().at(1).toObject().value(QLatin1String("reason")).toString(), QStringLiteral("JSON parse: unexpected EOF"));
}

void TestCommandLine::statusTextShowsLegacyFileEntriesAsNames()
{
    // Older Milvus names a set of NumPy files as a protobuf text: id:… paths:"…" paths:"…".
    SimScenario s;
    SimJob j = timelineJob(QStringLiteral("453240863839750930"), 1);
    j.createdAt = -1000;
    j.legacyFileNames = true;
    j.files[0].paths = QStringList{QStringLiteral("numpy-9e/int_scalar.npy"), QStringLiteral("numpy-9e/geo.npy")};
    s.jobs = {j};
    SimFixture sim(s);
    const QStringList args = {QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(), QStringLiteral("--job"), j.id};
    const CliRun r = runCli(args);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String(" numpy-9e/int_scalar.npy, numpy-9e/geo.npy\n")), qPrintable(r.out));
    QVERIFY2(!r.out.contains(QLatin1String("paths:")), qPrintable(r.out));
    const CliRun json = runCli(args + QStringList{QStringLiteral("--json")});
    QVERIFY2(json.json().value(QLatin1String("files")).toArray().at(0).toObject().value(QLatin1String("fileName")).toString()
                 .startsWith(QLatin1String("id:461643605473513461 paths:\"numpy-9e/int_scalar.npy\"")), qPrintable(json.out));
}

void TestCommandLine::aFailedJobSaysWhatTheWindowSays()
{
    // Older Milvus: a NumPy group named id:… paths:"…" fails while a second file had been half read.
    SimScenario s;
    SimJob j = timelineJob(QStringLiteral("453240863839751041"), 2);
    j.createdAt = -1000;
    j.legacyFileNames = true;
    j.files[0].paths = QStringList{QStringLiteral("numpy-9e/int_scalar.npy"), QStringLiteral("numpy-9e/geo.npy")};
    j.failAt = j.pendingSeconds + j.preimportSeconds + j.files[0].seconds * 0.4;
    j.failFiles = {0};
    j.failReason = QStringLiteral("expected type 'Geometry': importing data failed, file: id:461643605473513461 "
                                  "paths:\"numpy-9e/int_scalar.npy\" paths:\"numpy-9e/geo.npy\"");
    s.jobs = {j};
    SimFixture sim(s);
    const QString url = sim.server->baseUrl().toString();
    const CliRun st = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"), j.id});
    QCOMPARE(st.code, 0);
    QVERIFY2(st.out.contains(QLatin1String("file: numpy-9e/int_scalar.npy, numpy-9e/geo.npy")), qPrintable(st.out));
    QVERIFY2(!st.out.contains(QLatin1String("paths:")) && !st.out.contains(QLatin1String("notKept")), qPrintable(st.out));
    QVERIFY2(st.out.contains(QLatin1String("not imported")), qPrintable(st.out));
    QVERIFY2(!st.out.contains(QLatin1String("      completed")), qPrintable(st.out));
    // No file line reads like progress: "35 %" beside its rows.
    const QString files = st.out.mid(st.out.indexOf(QLatin1String("Files (")));
    QVERIFY2(!QRegularExpression(QStringLiteral("\\d %")).match(files).hasMatch(), qPrintable(files));
    const CliRun ls = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), url});
    QVERIFY2(ls.out.contains(QLatin1String("file: numpy-9e/int_scalar.npy, numpy-9e/geo.npy")) && !ls.out.contains(QLatin1String("paths:")), qPrintable(ls.out));
    const CliRun w = runCli({QStringLiteral("watch"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"), j.id});
    QCOMPARE(w.code, 1);
    QVERIFY2(w.out.contains(QLatin1String("none kept")) && !w.out.contains(QLatin1String("rows ")), qPrintable(w.out));
    // JSON: the server's fields as sent, but no file of a failed job still "running".
    const CliRun js = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"), j.id, QStringLiteral("--json")});
    const QJsonArray jf = js.json().value(QLatin1String("files")).toArray();
    QCOMPARE(jf.size(), 2);
    QVERIFY2(jf.at(0).toObject().value(QLatin1String("fileName")).toString().startsWith(QLatin1String("id:461643605473513461")), qPrintable(js.out));
    QCOMPARE(jf.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(jf.at(1).toObject().value(QLatin1String("state")).toString(), QStringLiteral("notKept"));
    QVERIFY(js.json().value(QLatin1String("reason")).toString().contains(QLatin1String("paths:\"numpy-9e/geo.npy\"")));

    // A running job: the row ratio as the window shows it (85.8 %), Milvus' banded 66 % only beside it.
    JobProgress running;
    running.state = JobState::Running;
    running.progress = 66;
    running.importedRows = 3947818;
    running.totalRows = 4600000;
    const QString line = CliText::watchLine(running);
    QVERIFY2(line.contains(QLatin1String("85.8 %  rows 3,947,818 / 4,600,000 (server: 66 %)")), qPrintable(line));
}

void TestCommandLine::jobTakesAPastedJsonIdAsTheWindowDoes_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::newRow("bare") << QStringLiteral("453240863839750922");
    QTest::newRow("quoted, spaced") << QStringLiteral(" \"453240863839750922\" ");
    QTest::newRow("a JSON line") << QStringLiteral("\"jobId\": \"453240863839750922\",");
    QTest::newRow("a JSON object") << QStringLiteral("{\"jobId\": \"453240863839750922\"}");
    QTest::newRow("an answer") << QStringLiteral("{\"code\":0,\"data\":{\"jobId\":\"453240863839750922\"}}");
    QTest::newRow("a log line") << QStringLiteral("created import jobID=453240863839750922 ok");
}

void TestCommandLine::jobTakesAPastedJsonIdAsTheWindowDoes()
{
    QFETCH(QString, pasted);
    SimFixture sim(scenario());
    const CliRun r = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                             QStringLiteral("--job"), pasted, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(QLatin1String("jobId")).toString(), QStringLiteral("453240863839750922"));
}

void TestCommandLine::listJsonHasEveryKeyAndNullProgressWhereNoneWasSent()
{
    SimFixture milvus(scenario());
    CliRun r = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), milvus.server->baseUrl().toString(), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QJsonArray jobs = r.json().value(QLatin1String("jobs")).toArray();
    QCOMPARE(jobs.size(), 3);
    for (const QJsonValue &v : jobs) {
        QCOMPARE(v.toObject().keys().size(), 6);
        QVERIFY(v.toObject().value(QLatin1String("progress")).isDouble());
    }
    SimFixture cloud(scenario(), SimDialect::CloudV2);
    r = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), cloud.server->baseUrl().toString(), QStringLiteral("--cluster"), QStringLiteral("in01-x"), QStringLiteral("--json")});
    jobs = r.json().value(QLatin1String("jobs")).toArray();
    QCOMPARE(jobs.size(), 3);
    bool sawNull = false;
    for (const QJsonValue &v : jobs)
        sawNull = sawNull || v.toObject().value(QLatin1String("progress")).isNull();
    QVERIFY(sawNull); // cloud records carry no progress for running jobs
}

void TestCommandLine::listFiltersByDatabaseAndCollection()
{
    SimFixture sim(scenario());
    const CliRun r = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(), QStringLiteral("--db"), QStringLiteral("analytics"), QStringLiteral("--json")});
    QCOMPARE(r.json().value(QLatin1String("jobs")).toArray().size(), 1);
    const CliRun none = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(), QStringLiteral("--collection"), QStringLiteral("nope")});
    QVERIFY(none.out.contains(QLatin1String("No import jobs.")));
}

void TestCommandLine::exitCodesFollowTheErrorKind_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("fault");     // a SimFaultRule kind on every API path, or none
    QTest::addColumn<int>("faultStatus");
    QTest::addColumn<QByteArray>("faultBody");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("httpStatus");    // -1: not checked; 0: null (no HTTP answer came)
    QTest::addColumn<int>("retryable");     // -1: not checked
    const QStringList job = {QStringLiteral("--job"), QStringLiteral("453240863839750922")};
    const QByteArray good("good");
    QTest::newRow("not found") << QStringList{QStringLiteral("--job"), QStringLiteral("448761313698322011")} << good << QString() << 0 << QByteArray() << 4 << "not_found" << -1 << 0;
    QTest::newRow("bad key") << job << QByteArray("bad") << QString() << 0 << QByteArray() << 3 << "auth" << 401 << 0;
    QTest::newRow("no key") << job << QByteArray() << QString() << 0 << QByteArray() << 3 << "auth" << 401 << 0;
    // Forbidden: the key is good but may not do this (README: 3 auth/forbidden).
    QTest::newRow("forbidden: HTTP 403 + code 1401") << job << good << "status" << 403
        << QByteArray(R"({"code":1401,"message":"PrivilegeImport: permission denied to user bob"})") << 3 << "forbidden" << 403 << 0;
    QTest::newRow("forbidden: a proxy's HTML 403") << job << good << "status" << 403
        << QByteArray("<html><body><h1>403 Forbidden</h1></body></html>") << 3 << "forbidden" << 403 << 0;
    QTest::newRow("forbidden: code 1401 on HTTP 200") << job << good << "status" << 200
        << QByteArray(R"({"code":1401,"message":"PrivilegeImport: permission denied to user bob"})") << 3 << "forbidden" << -1 << 0;
    // Rate limited (README: 5 ... rate limited): the cloud's 429, Milvus' code 8 on HTTP 200.
    QTest::newRow("rate limited: HTTP 429") << job << good << "status" << 429
        << QByteArray(R"({"code":429,"message":"Too many requests, please try again later."})") << 5 << "rate_limited" << 429 << 1;
    QTest::newRow("rate limited: Milvus code 8") << job << good << "status" << 200
        << QByteArray(R"({"code":8,"message":"rate limit exceeded[rate=20]"})") << 5 << "rate_limited" << -1 << 1;
    QTest::newRow("garbage answer") << job << good << "garbage" << 502 << QByteArray() << 6 << "malformed" << -1 << 1;
    // Unsupported (README: 6 malformed/unsupported): no progress path exists at all.
    QTest::newRow("unsupported: every path HTTP 404") << job << good << "status" << 404 << QByteArray("404 page not found")
        << 6 << "unsupported" << 404 << 0;
    QTest::newRow("5xx") << job << good << "html5xx" << 502 << QByteArray() << 5 << "server" << 502 << 1;
    QTest::newRow("timeout") << job + QStringList{QStringLiteral("--timeout"), QStringLiteral("1")} << good << "hang" << 502 << QByteArray()
        << 5 << "timeout" << 0 << 1;
}

void TestCommandLine::exitCodesFollowTheErrorKind()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, key);
    QFETCH(QString, fault);
    QFETCH(int, faultStatus);
    QFETCH(QByteArray, faultBody);
    QFETCH(int, code);
    QFETCH(QString, kind);
    QFETCH(int, httpStatus);
    QFETCH(int, retryable);
    SimFixture sim(scenario());
    sim.server->setApiKey("good");
    if (!fault.isEmpty()) {
        SimFaultRule f;
        f.kind = fault;
        f.status = faultStatus;
        f.body = faultBody;
        sim.server->addFault(f);
    }
    const CliRun r = runCli(QStringList{QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(), QStringLiteral("--json")} + args, key);
    QCOMPARE(r.code, code);
    const QJsonObject e = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(e.value(QLatin1String("kind")).toString(), kind);
    for (const char *k : {"kind", "httpStatus", "code", "message", "retryable"})
        QVERIFY2(e.contains(QLatin1String(k)), k);
    if (httpStatus == 0)
        QVERIFY(e.value(QLatin1String("httpStatus")).isNull()); // no HTTP answer came
    else if (httpStatus > 0)
        QCOMPARE(e.value(QLatin1String("httpStatus")).toInt(), httpStatus);
    if (retryable >= 0)
        QCOMPARE(e.value(QLatin1String("retryable")).toBool(), retryable == 1);
    QVERIFY(!r.out.contains(QLatin1String("good")) && !r.err.contains(QLatin1String("good")));
    // Without --json the same outcome is one line on stderr naming the kind, and nothing on stdout.
    const CliRun text = runCli(QStringList{QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString()} + args, key);
    QCOMPARE(text.code, code);
    QCOMPARE(text.out, QString());
    QVERIFY2(text.err.startsWith(QStringLiteral("bulkwatch: %1").arg(QString(kind).replace(QLatin1Char('_'), QLatin1Char(' ')))), qPrintable(text.err));
}

void TestCommandLine::everyProgressPathMissingIsUnsupported_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("status") << "status";
    QTest::newRow("watch") << "watch"; // not worth retrying: the API is not there
}

void TestCommandLine::everyProgressPathMissingIsUnsupported()
{
    QFETCH(QString, command);
    // A URL that is a web server but no import API: every path under it is the simulator's plain-text 404.
    SimFixture sim(scenario());
    const QString base = sim.server->baseUrl().toString() + QStringLiteral("/not-milvus");
    const CliRun r = runCli({command, QStringLiteral("--endpoint"), base, QStringLiteral("--job"), QStringLiteral("453240863839750922"),
                             QStringLiteral("--interval"), QStringLiteral("0.05"), QStringLiteral("--json")});
    QCOMPARE(r.code, 6);
    const QJsonObject e = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(e.value(QLatin1String("kind")).toString(), QStringLiteral("unsupported"));
    QCOMPARE(e.value(QLatin1String("httpStatus")).toInt(), 404);
    QCOMPARE(e.value(QLatin1String("retryable")).toBool(), false);
    // Every documented progress path was tried, once each, before giving up.
    for (const char *path : {"/not-milvus/v2/vectordb/jobs/import/describe", "/not-milvus/v2/vectordb/jobs/import/get_progress",
                             "/not-milvus/v2/vectordb/jobs/import/getProgress"})
        QVERIFY2(sim.server->requestCount(QLatin1String(path)) == 1, path);
    QCOMPARE(sim.server->statusCount(404), sim.server->requestCount());
}

void TestCommandLine::theSimulatorsOwnRateLimitIsExitFive_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("milvus: code 8 on HTTP 200") << int(SimDialect::Milvus) << QStringList();
    QTest::newRow("cloud-v2: HTTP 429 + Retry-After") << int(SimDialect::CloudV2) << QStringList{QStringLiteral("--cluster"), QStringLiteral("in01-x")};
}

void TestCommandLine::theSimulatorsOwnRateLimitIsExitFive()
{
    QFETCH(int, dialect);
    QFETCH(QStringList, extra);
    // One request per path per second: the test spends it, then the command's own request is over the limit.
    // Whether it was is read from the simulator, never assumed from the clock; a machine so slow that the
    // second passed in between gets another try.
    SimFixture sim(scenario(), SimDialect(dialect), 1);
    QNetworkAccessManager nam;
    const QString describe = QStringLiteral("/v2/vectordb/jobs/import/describe");
    bool limited = false;
    for (int attempt = 0; attempt < 5 && !limited; ++attempt) {
        const int before = sim.server->rateLimitedCount();
        sim.post(nam, describe, QJsonObject{{QStringLiteral("jobId"), QStringLiteral("453240863839750922")}});
        const CliRun r = runCli(QStringList{QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                                            QStringLiteral("--job"), QStringLiteral("453240863839750922"), QStringLiteral("--json")} + extra);
        if (sim.server->rateLimitedCount() == before) {
            QCOMPARE(r.code, 0); // not limited this time: it must simply have worked
            continue;
        }
        limited = true;
        QCOMPARE(r.code, 5);
        const QJsonObject e = r.json().value(QLatin1String("error")).toObject();
        QCOMPARE(e.value(QLatin1String("kind")).toString(), QStringLiteral("rate_limited"));
        QCOMPARE(e.value(QLatin1String("retryable")).toBool(), true);
    }
    QVERIFY2(limited, "the simulator never limited the command's request");
}

void TestCommandLine::unreachableServerIsANetworkError()
{
    // A port that stays bound (not listening) for the whole test: refused, and no parallel test can start a
    // server on it in between, as it could on a port a simulator had just let go.
    const ReservedPort closed;
    QVERIFY(closed.isValid());
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closed.port());
    CliRun r = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"), QStringLiteral("1")});
    QCOMPARE(r.code, 5);
    QVERIFY2(r.err.contains(QLatin1String("network")), qPrintable(r.err));
    // Which URL was refused: the user sees a typo in the host or port at once.
    QVERIFY2(r.err.contains(QStringLiteral("(tried %1/v2/vectordb/jobs/import/describe)").arg(url)), qPrintable(r.err));
    r = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), url});
    QCOMPARE(r.code, 5);
    QVERIFY2(r.err.contains(QStringLiteral("Connection refused (tried %1/v2/vectordb/jobs/import/list)").arg(url)), qPrintable(r.err));
    r = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(r.code, 5);
    const QJsonObject e = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(e.value(QLatin1String("kind")).toString(), QStringLiteral("network"));
    QVERIFY(e.value(QLatin1String("httpStatus")).isNull()); // refused: no HTTP answer came
}

void TestCommandLine::noKeyGivenSaysHowToGiveOne_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QByteArray>("envKey");
    QTest::addColumn<QByteArray>("stdinKey");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("notWords");
    const QStringList howTo = {QStringLiteral("no key was given"), QStringLiteral("BULKWATCH_API_KEY"), QStringLiteral("--api-key-stdin"),
                               QStringLiteral("--connection")};
    QTest::newRow("milvus, no key") << int(SimDialect::Milvus) << QByteArray() << QByteArray() << howTo << QStringList{QStringLiteral("was refused")};
    QTest::newRow("cloud-v2, no key (\"The apikey is illegal\")") << int(SimDialect::CloudV2) << QByteArray() << QByteArray() << howTo
                                                               << QStringList{QStringLiteral("was refused")};
    // A key that was given and refused is another matter: say where it came from, not that there was none.
    QTest::newRow("milvus, wrong key from the environment") << int(SimDialect::Milvus) << QByteArray("wrong") << QByteArray()
        << QStringList{QStringLiteral("the key from BULKWATCH_API_KEY was refused")} << QStringList{QStringLiteral("no key was given")};
    QTest::newRow("cloud-v2, wrong key from stdin") << int(SimDialect::CloudV2) << QByteArray() << QByteArray("wrong\n")
        << QStringList{QStringLiteral("the key from stdin (--api-key-stdin) was refused")} << QStringList{QStringLiteral("no key was given")};
}

void TestCommandLine::noKeyGivenSaysHowToGiveOne()
{
    QFETCH(int, dialect);
    QFETCH(QByteArray, envKey);
    QFETCH(QByteArray, stdinKey);
    QFETCH(QStringList, words);
    QFETCH(QStringList, notWords);
    SimFixture sim(scenario(), SimDialect(dialect));
    sim.server->setApiKey("the-right-key");
    QStringList args = {QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                        QStringLiteral("--job"), QStringLiteral("453240863839750922")};
    if (SimDialect(dialect) != SimDialect::Milvus)
        args << QStringLiteral("--cluster") << QStringLiteral("in01-x");
    if (!stdinKey.isEmpty())
        args << QStringLiteral("--api-key-stdin");
    const CliRun r = runCli(args, envKey, stdinKey);
    QCOMPARE(r.code, 3);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith(QLatin1String("bulkwatch: auth")), qPrintable(r.err));
    for (const QString &w : words)
        QVERIFY2(r.err.contains(w), qPrintable(QStringLiteral("'%1' not in: %2").arg(w, r.err)));
    for (const QString &w : notWords)
        QVERIFY2(!r.err.contains(w), qPrintable(QStringLiteral("'%1' in: %2").arg(w, r.err)));
    QVERIFY(!r.err.contains(QLatin1String("wrong")) && !r.err.contains(QLatin1String("the-right-key")));
    // --json keeps the error object scripts read: kind auth, the server's words.
    const CliRun json = runCli(args + QStringList{QStringLiteral("--json")}, envKey, stdinKey);
    QCOMPARE(json.code, 3);
    QCOMPARE(json.json().value(QLatin1String("error")).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("auth"));
}

void TestCommandLine::aCloudControlPlaneNeedsACluster_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("words");
    const QString cloud = QStringLiteral("https://api.cloud.zilliz.com");
    const QString legacy = QStringLiteral("https://controller.api.gcp-us-west1.zillizcloud.com");
    const QStringList job = {QStringLiteral("--job"), QStringLiteral("job-0123456789abcdef")};
    QTest::newRow("list, cloud v2") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), cloud} << "--cluster ID (e.g. in01-…), or --project ID --region ID";
    QTest::newRow("status, cloud v2") << QStringList{QStringLiteral("status"), QStringLiteral("--endpoint"), cloud} + job << "--cluster";
    QTest::newRow("watch, cloud v2 (China)") << QStringList{QStringLiteral("watch"), QStringLiteral("--endpoint"), QStringLiteral("https://api.cloud.zilliz.com.cn")} + job << "--cluster";
    QTest::newRow("create, cloud v2") << QStringList{QStringLiteral("create"), QStringLiteral("--endpoint"), cloud, QStringLiteral("--collection"), QStringLiteral("c"),
                                                     QStringLiteral("--object-url"), QStringLiteral("s3://b/a.parquet")} << "--cluster";
    QTest::newRow("list, legacy v1 (no project/region there)") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), legacy} << "name the cluster with --cluster ID (e.g. in01-…)\n";
    QTest::newRow("a key does not stand in for the cluster") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), cloud, QStringLiteral("--db"), QStringLiteral("x")} << "--cluster";
}

void TestCommandLine::aCloudControlPlaneNeedsACluster()
{
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    // A usage error before any request: exit 2 (not 5, as when the request was refused or went nowhere).
    const CliRun r = runCli(args, "some-key");
    QCOMPARE(r.code, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(words), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Try 'bulkwatch %1 --help'.").arg(args.first())), qPrintable(r.err));
    // A cluster's own endpoint (it speaks the Milvus API) and a local server need none.
    const auto needs = [](const char *url) {
        Endpoint ep;
        ep.baseUrl = QUrl(QLatin1String(url));
        return CliErrors::needsClusterId(ep);
    };
    QVERIFY(needs("https://api.cloud.zilliz.com"));
    QVERIFY(needs("https://controller.api.aws-us-west-2.zillizcloud.com"));
    QVERIFY(!needs("https://in01-0123456789abcdef.api.gcp-us-west1.zillizcloud.com"));
    QVERIFY(!needs("http://localhost:19530"));
}

void TestCommandLine::aControlPlaneElsewhereAsksForTheClusterAsAUsageError()
{
    // The cloud v2 API behind a name that is not Zilliz's (a proxy; here the simulator on 127.0.0.1): the server's
    // "missing clusterId" (code 1802) is the same mistake as the Zilliz hostnames without --cluster: exit 2, not 5.
    SimFixture sim(scenario(), SimDialect::CloudV2);
    const CliRun r = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                             QStringLiteral("--api"), QStringLiteral("cloud-v2")}, "some-key");
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("--cluster ID")) && r.err.contains(QLatin1String("Try 'bulkwatch list --help'.")), qPrintable(r.err));
}

void TestCommandLine::commitOrAbortRefusedForTheJobsStateSaysWhy_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("jobId");
    QTest::addColumn<QString>("why");
    QTest::newRow("commit a failed job") << QStringLiteral("commit") << QStringLiteral("453240863839750924") << QStringLiteral("cannot be committed: it has failed");
    QTest::newRow("commit a completed job") << QStringLiteral("commit") << QStringLiteral("453240863839750922") << QStringLiteral("cannot be committed: it has completed");
    QTest::newRow("abort a failed job") << QStringLiteral("abort") << QStringLiteral("453240863839750924") << QStringLiteral("cannot be aborted: it has failed");
}

void TestCommandLine::commitOrAbortRefusedForTheJobsStateSaysWhy()
{
    QFETCH(QString, command);
    QFETCH(QString, jobId);
    QFETCH(QString, why);
    SimFixture sim(scenario());
    const CliRun r = runCli({command, QStringLiteral("--endpoint"), sim.server->baseUrl().toString(), QStringLiteral("--job"), jobId});
    // Not 5 (network/server: worth retrying): the job's state refuses it, and will go on refusing.
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(why) && r.err.contains(QLatin1String("Uncommitted")), qPrintable(r.err));
}

void TestCommandLine::aWrongDialectIsUnsupportedNotNotFound_data()
{
    QTest::addColumn<int>("dialect");      // what the simulator speaks
    QTest::addColumn<QStringList>("args"); // after the endpoint
    QTest::addColumn<QString>("words");
    const QStringList job = {QStringLiteral("--job"), QStringLiteral("453240863839750922")};
    const QStringList cluster = {QStringLiteral("--cluster"), QStringLiteral("in01-x")};
    const QString v2 = QStringLiteral("does not speak the v2 import API (HTTP 404 on /v2/vectordb/jobs/import/%1)");
    QTest::newRow("list, auto against a v1-only server") << int(SimDialect::CloudV1) << QStringList{QStringLiteral("list")} + cluster << v2.arg(QStringLiteral("list"));
    QTest::newRow("list, --api v2 against a v1-only server") << int(SimDialect::CloudV1) << QStringList{QStringLiteral("list"), QStringLiteral("--api"), QStringLiteral("v2")} + cluster << "--api cloud-v1";
    QTest::newRow("commit against a v1-only server") << int(SimDialect::CloudV1) << QStringList{QStringLiteral("commit")} + job + cluster << v2.arg(QStringLiteral("commit"));
    QTest::newRow("status, --api v2 against a v1-only server") << int(SimDialect::CloudV1) << QStringList{QStringLiteral("status"), QStringLiteral("--api"), QStringLiteral("v2")} + job + cluster << "no import-progress endpoint answered";
    QTest::newRow("list, --api cloud-v1 against Milvus") << int(SimDialect::Milvus) << QStringList{QStringLiteral("list"), QStringLiteral("--api"), QStringLiteral("cloud-v1")} + cluster
        << "does not speak the legacy Zilliz Cloud (v1) import API (HTTP 404 on /v1/vector/collections/import/list): try --api v2";
}

void TestCommandLine::aWrongDialectIsUnsupportedNotNotFound()
{
    QFETCH(int, dialect);
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    SimFixture sim(scenario(), SimDialect(dialect));
    const QStringList endpoint = {QStringLiteral("--endpoint"), sim.server->baseUrl().toString()};
    const CliRun r = runCli(QStringList{args.first()} + endpoint + args.mid(1));
    QCOMPARE(r.code, 6); // not 4: that says the job is gone, and a script would give up on it
    QVERIFY2(r.err.startsWith(QLatin1String("bulkwatch: unsupported")), qPrintable(r.err));
    QVERIFY2(r.err.contains(words), qPrintable(r.err));
    const CliRun json = runCli(QStringList{args.first()} + endpoint + args.mid(1) + QStringList{QStringLiteral("--json")});
    QCOMPARE(json.code, 6);
    const QJsonObject e = json.json().value(QLatin1String("error")).toObject();
    QCOMPARE(e.value(QLatin1String("kind")).toString(), QStringLiteral("unsupported"));
    QCOMPARE(e.value(QLatin1String("httpStatus")).toInt(), 404);
    QCOMPARE(e.value(QLatin1String("retryable")).toBool(), false);
}

void TestCommandLine::statusExitStatusSaysHowTheJobStands_data()
{
    QTest::addColumn<QString>("jobId");
    QTest::addColumn<double>("advance");   // simulated seconds before asking
    QTest::addColumn<QByteArray>("answer"); // served instead of the simulator's own (HTTP 200), or empty
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("state");
    QTest::newRow("completed: 0") << "453240863839750922" << 0.0 << QByteArray() << 0 << "completed";
    QTest::newRow("running: 7") << "453240863839750923" << 30.0 << QByteArray() << 7 << "running";
    QTest::newRow("pending: 7") << "453240863839750923" << 0.0 << QByteArray() << 7 << "pending";
    QTest::newRow("failed: 1") << "453240863839750924" << 1000.0 << QByteArray() << 1 << "failed";
    QTest::newRow("cancelled: 1") << "453240863839750923" << 0.0
        << QByteArray(R"({"code":0,"data":{"jobId":"453240863839750923","state":"Cancelled","progress":0,"details":[]}})") << 1 << "cancelled";
    QTest::newRow("uncommitted (waiting for commit): 7") << "453240863839750923" << 0.0
        << QByteArray(R"({"code":0,"data":{"jobId":"453240863839750923","state":"Uncommitted","progress":99,"details":[]}})") << 7 << "finalizing";
}

void TestCommandLine::statusExitStatusSaysHowTheJobStands()
{
    QFETCH(QString, jobId);
    QFETCH(double, advance);
    QFETCH(QByteArray, answer);
    QFETCH(int, code);
    QFETCH(QString, state);
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(advance);
    if (!answer.isEmpty()) {
        SimFaultRule f;
        f.kind = QStringLiteral("status");
        f.status = 200;
        f.body = answer;
        sim.server->addFault(f);
    }
    const QStringList args = {QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(), QStringLiteral("--job"), jobId};
    CliRun r = runCli(args + QStringList{QStringLiteral("--exit-status"), QStringLiteral("--json")});
    QCOMPARE(r.code, code);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), state); // the same object as without the flag
    r = runCli(args + QStringList{QStringLiteral("--exit-status")});
    QCOMPARE(r.code, code);
    QVERIFY2(r.out.contains(QStringLiteral("State       %1").arg(state)), qPrintable(r.out));
    // Plain status answers 0 whatever the job's state: it reports, it does not judge.
    QCOMPARE(runCli(args).code, 0);
    // So does the real binary.
    const ProcessResult p = runProcess(QStringLiteral(BULKWATCH_BINARY), args + QStringList{QStringLiteral("--exit-status")}, cliEnvironment());
    QVERIFY2(p.failure().isEmpty(), qPrintable(p.failure()));
    QVERIFY2(p.exitCode == code, qPrintable(QStringLiteral("exit %1: %2").arg(p.exitCode).arg(p.output)));
}

void TestCommandLine::watchJsonLinesSayWhenTheyWereObserved()
{
    const QString id = QStringLiteral("453240863839750923");
    SimFixture sim(scenario());
    const StepAfterTwoPolls step(*sim.server, id, 5);
    // Each reading of the clock is a minute after the one before: every line must carry the reading taken for it.
    const QDateTime start(QDate(2026, 3, 1), QTime(12, 0, 0), QTimeZone(0));
    QVector<QDateTime> readings;
    const auto clock = [&] {
        readings << start.addSecs(60 * readings.size());
        return readings.last();
    };
    const CliRun r = runCli({QStringLiteral("watch"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                             QStringLiteral("--job"), id, QStringLiteral("--interval"), QStringLiteral("0.05"), QStringLiteral("--json")},
                            {}, {}, {}, clock);
    QCOMPARE(r.code, 0);
    QVector<QJsonObject> objects;
    QString problem;
    QVERIFY2(jsonLines(r.out, &objects, &problem), qPrintable(problem));
    QVERIFY(objects.size() >= 3);
    QCOMPARE(readings.size(), objects.size()); // read once per line printed
    for (int i = 0; i < objects.size(); ++i)
        QCOMPARE(objects[i].value(QLatin1String("observedAt")).toString(), start.addSecs(60 * i).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    QCOMPARE(objects.first().value(QLatin1String("observedAt")).toString(), QStringLiteral("2026-03-01T12:00:00Z"));
    // status --json is one answer, not a timeline: no observedAt there.
    const CliRun status = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                                  QStringLiteral("--job"), id, QStringLiteral("--json")}, {}, {}, {}, clock);
    QVERIFY(!status.json().contains(QLatin1String("observedAt")));
}

void TestCommandLine::listFiltersByState_data()
{
    QTest::addColumn<QStringList>("state"); // the --state arguments
    QTest::addColumn<QStringList>("jobs");  // the ids listed, in the server's order
    // At simulated second 30: …922 completed long ago, …923 importing, …924 failed at 25 s.
    const QString done = QStringLiteral("453240863839750922"), running = QStringLiteral("453240863839750923"),
                  failed = QStringLiteral("453240863839750924");
    QTest::newRow("failed") << QStringList{QStringLiteral("failed")} << QStringList{failed};
    QTest::newRow("running") << QStringList{QStringLiteral("running")} << QStringList{running};
    QTest::newRow("completed,failed") << QStringList{QStringLiteral("completed,failed")} << QStringList{done, failed};
    QTest::newRow("--state running --state failed") << QStringList{QStringLiteral("running"), QStringLiteral("failed")} << QStringList{running, failed};
    QTest::newRow("FAILED (any case)") << QStringList{QStringLiteral("FAILED")} << QStringList{failed};
    QTest::newRow("cancelled: none") << QStringList{QStringLiteral("cancelled")} << QStringList{};
}

void TestCommandLine::listFiltersByState()
{
    QFETCH(QStringList, state);
    QFETCH(QStringList, jobs);
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30);
    QStringList args = {QStringLiteral("list"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString()};
    for (const QString &st : state)
        args << QStringLiteral("--state") << st;
    const CliRun json = runCli(args + QStringList{QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    QStringList listed;
    for (const QJsonValue &v : json.json().value(QLatin1String("jobs")).toArray())
        listed << v.toObject().value(QLatin1String("jobId")).toString();
    QCOMPARE(listed, jobs);
    const CliRun text = runCli(args);
    QCOMPARE(text.code, 0);
    for (const QString &id : {QStringLiteral("453240863839750922"), QStringLiteral("453240863839750923"), QStringLiteral("453240863839750924")})
        QVERIFY2(text.out.contains(id) == jobs.contains(id), qPrintable(text.out));
    if (jobs.isEmpty())
        QVERIFY2(text.out.contains(QLatin1String("No import jobs.")), qPrintable(text.out));
    // A state name that is none is refused before any request, with the names there are.
    const int before = sim.server->requestCount();
    const CliRun bad = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(), QStringLiteral("--state"), QStringLiteral("running,faild")});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QLatin1String("--state takes pending, running, finalizing, completed, failed, cancelled, expired, unknown; not 'faild'. Did you mean 'failed'?")),
             qPrintable(bad.err));
    QCOMPARE(sim.server->requestCount(), before);
}

void TestCommandLine::watchAllFollowsEveryUnfinishedJob_data()
{
    QTest::addColumn<bool>("oneFails");
    QTest::addColumn<bool>("json");
    QTest::addColumn<bool>("realBinary");
    QTest::newRow("all complete: 0, text") << false << false << false;
    QTest::newRow("one fails: 1, text") << true << false << false;
    QTest::newRow("one fails: 1, json") << true << true << false;
    QTest::newRow("all complete: 0, json, the real binary") << false << true << true;
    QTest::newRow("one fails: 1, text, the real binary") << true << false << true;
}

void TestCommandLine::watchAllFollowsEveryUnfinishedJob()
{
    QFETCH(bool, oneFails);
    QFETCH(bool, json);
    QFETCH(bool, realBinary);
    // …922 completed long ago (not watched); …923 and …926 start now; …926 fails at 25 s if asked to.
    const QString done = QStringLiteral("453240863839750922"), a = QStringLiteral("453240863839750923"), b = QStringLiteral("453240863839750926");
    SimScenario s;
    SimJob finished = timelineJob(done);
    finished.createdAt = -1000;
    SimJob second = timelineJob(b);
    if (oneFails) {
        second.failAt = 25;
        second.failReason = QStringLiteral("JSON parse: unexpected EOF");
    }
    s.jobs = {finished, timelineJob(a), second};
    SimFixture sim(s);
    sim.server->engine().setSpeed(0);
    // Five simulated seconds each time the watch has asked about both jobs again (the list first): it sees every
    // phase, however slow the machine, and the clock never runs while nobody looks.
    int askedAtStep = 1;
    const Trigger step([&] { return sim.server->requestCount() >= askedAtStep + 2; }, [&] {
        sim.server->engine().advance(5);
        askedAtStep = sim.server->requestCount();
    }, true);
    QStringList args = {QStringLiteral("watch"), QStringLiteral("--all"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                        QStringLiteral("--interval"), QStringLiteral("0.05")};
    if (json)
        args << QStringLiteral("--json");
    int code = -1;
    QString out, err;
    if (realBinary) {
        // stdout and stderr come merged: stderr says what is watched, on lines of its own that start "bulkwatch:".
        const ProcessResult p = runProcess(QStringLiteral(BULKWATCH_BINARY), args, cliEnvironment(), {}, 120000);
        QVERIFY2(p.failure().isEmpty(), qPrintable(p.failure()));
        code = p.exitCode;
        for (const QString &line : p.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            (line.startsWith(QLatin1String("bulkwatch:")) ? err : out) += line + QLatin1Char('\n');
    } else {
        const CliRun r = runCli(args);
        code = r.code;
        out = r.out;
        err = r.err;
    }
    QVERIFY2(code == (oneFails ? 1 : 0), qPrintable(QStringLiteral("exit %1\n%2%3").arg(code).arg(out, err)));
    QVERIFY2(sim.server->engine().find(a, {}) && step.fired() >= 10, qPrintable(out)); // it was watched through to the end
    QHash<QString, QStringList> states; // job -> the states printed for it, in order
    if (json) {
        QCOMPARE(err, QString());
        QVector<QJsonObject> objects;
        QString problem;
        QVERIFY2(jsonLines(out, &objects, &problem), qPrintable(problem));
        for (const QJsonObject &o : objects) {
            QVERIFY2(o.contains(QLatin1String("observedAt")), qPrintable(out));
            states[o.value(QLatin1String("jobId")).toString()] << o.value(QLatin1String("state")).toString();
        }
    } else {
        QVERIFY2(err.contains(QStringLiteral("watching 2 unfinished jobs at %1").arg(sim.server->baseUrl().toString())), qPrintable(err));
        QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.takeLast(), oneFails ? QStringLiteral("2 jobs: 1 completed, 1 failed") : QStringLiteral("2 jobs: 2 completed"));
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("    reason: ")))
                continue;
            const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY2(words.size() > 3, qPrintable(line)); // "ID  DATE TIME  STATE …": each line names its job
            states[words.at(0)] << words.at(3);
        }
    }
    // The jobs unfinished at the start, each followed to its end, one line per change; the finished one not at all.
    QCOMPARE(QSet<QString>(states.keyBegin(), states.keyEnd()), (QSet<QString>{a, b}));
    QCOMPARE(states.value(a).last(), QStringLiteral("completed"));
    QCOMPARE(states.value(b).last(), oneFails ? QStringLiteral("failed") : QStringLiteral("completed"));
    for (const QString &id : {a, b}) {
        QCOMPARE(states.value(id).first(), QStringLiteral("pending"));
        QVERIFY2(states.value(id).contains(QLatin1String("running")), qPrintable(out));
        QCOMPARE(states.value(id).count(states.value(id).last()), 1); // the end printed once
    }
}

void TestCommandLine::watchAllWithNothingUnfinishedEndsAtOnce()
{
    SimFixture sim(oneJobScenario());
    const QStringList args = {QStringLiteral("watch"), QStringLiteral("--all"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString()};
    CliRun r = runCli(args);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(QLatin1String("no unfinished import jobs at")), qPrintable(r.err));
    QCOMPARE(sim.server->requestCount(), 1); // the list, and nothing to ask after it
    r = runCli(args + QStringList{QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out + r.err, QString());
    // --all and --job are two ways to choose: not both; and watch needs one of them.
    r = runCli(args + QStringList{QStringLiteral("--job"), QStringLiteral("1")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("--job ID or --all, not both")), qPrintable(r.err));
    r = runCli({QStringLiteral("watch"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString()});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("watch needs --job ID, or --all")), qPrintable(r.err));
}

void TestCommandLine::usageErrorsExplainThemselves_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("words");
    QTest::newRow("no endpoint") << QStringList{QStringLiteral("status"), QStringLiteral("--job"), QStringLiteral("1")} << "--endpoint";
    QTest::newRow("no job") << QStringList{QStringLiteral("status"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1")} << "--job";
    QTest::newRow("empty job") << QStringList{QStringLiteral("status"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--job"), QStringLiteral("   ")} << "empty";
    QTest::newRow("1 MB job id") << QStringList{QStringLiteral("status"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--job"), QString(1 << 20, QLatin1Char('9'))} << "characters long";
    QTest::newRow("key as argument") << QStringList{QStringLiteral("status"), QStringLiteral("--api-key"), QStringLiteral("abc")} << "never taken from arguments";
    QTest::newRow("cloud over http") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("http://api.cloud.zilliz.com"), QStringLiteral("--cluster"), QStringLiteral("c")} << "https:// only";
    QTest::newRow("db with spaces") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--db"), QStringLiteral("my db")} << "no spaces";
    QTest::newRow("URL without host") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("http://")} << "not a URL";
    QTest::newRow("unknown dialect") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--api"), QStringLiteral("v3")} << "--api";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << "unknown command";
    QTest::newRow("project without region") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("https://api.cloud.zilliz.com"), QStringLiteral("--project"), QStringLiteral("p")} << "--region";
    QTest::newRow("empty stdin key") << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--api-key-stdin")} << "stdin";
}

void TestCommandLine::usageErrorsExplainThemselves()
{
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    const CliRun r = runCli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(words), qPrintable(r.err));
    QVERIFY(r.err.size() < 2000);
}

void TestCommandLine::helpAndVersion()
{
    CliRun r = runCli({QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("bulkwatch " BULKWATCH_VERSION "\n"));
    r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    for (const char *w : {"status", "list", "watch", "create", "commit", "abort", "connections", "Exit codes", "BULKWATCH_API_KEY",
                          "COMMAND --help"})
        QVERIFY2(r.out.contains(QLatin1String(w)), w);
    // Every documented exit code, 1 (watch: the job failed, was cancelled or expired) included.
    const QString codes = r.out.mid(r.out.indexOf(QLatin1String("Exit codes")));
    for (const char *c : {" 0 ok", " 1 watch", " 2 usage", " 3 auth", " 4 not found", " 5 network", " 6 malformed", " 7 status --exit-status"})
        QVERIFY2(codes.contains(QLatin1String(c)), c);
    QCOMPARE(runCli({}).out, r.out); // no arguments to the command line: the same help
    QCOMPARE(runCli({QStringLiteral("-h")}).out, r.out);
    QCOMPARE(runCli({QStringLiteral("-v")}).out, QStringLiteral("bulkwatch " BULKWATCH_VERSION "\n"));
}

void TestCommandLine::unknownCommandsSuggestTheNearestOne_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("suggestion"); // empty: nothing is close enough to suggest
    QTest::newRow("lst") << QStringList{QStringLiteral("lst")} << "list";
    QTest::newRow("ls") << QStringList{QStringLiteral("ls")} << "list";
    QTest::newRow("stauts x") << QStringList{QStringLiteral("stauts"), QStringLiteral("x")} << "status";
    QTest::newRow("stat --job 1") << QStringList{QStringLiteral("stat"), QStringLiteral("--job"), QStringLiteral("1")} << "status";
    QTest::newRow("STATUS") << QStringList{QStringLiteral("STATUS")} << "status";
    QTest::newRow("wacth") << QStringList{QStringLiteral("wacth")} << "watch";
    QTest::newRow("creat") << QStringList{QStringLiteral("creat")} << "create";
    QTest::newRow("comit") << QStringList{QStringLiteral("comit")} << "commit";
    QTest::newRow("abrot") << QStringList{QStringLiteral("abrot")} << "abort";
    QTest::newRow("connection") << QStringList{QStringLiteral("connection")} << "connections";
    QTest::newRow("frobnicate") << QStringList{QStringLiteral("frobnicate")} << "";
    QTest::newRow("xyz") << QStringList{QStringLiteral("xyz")} << "";
    QTest::newRow("empty word") << QStringList{QString()} << "";
    QTest::newRow("-bogus") << QStringList{QStringLiteral("-bogus")} << ""; // a double-dash word is an unknown option (optionsBeforeTheCommand…)
    QTest::newRow("x") << QStringList{QStringLiteral("x")} << "";
}

void TestCommandLine::unknownCommandsSuggestTheNearestOne()
{
    QFETCH(QStringList, args);
    QFETCH(QString, suggestion);
    const CliRun r = runCli(args);
    QCOMPARE(r.code, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith(QStringLiteral("bulkwatch: unknown command '%1'").arg(args.first())), qPrintable(r.err));
    if (suggestion.isEmpty())
        QVERIFY2(!r.err.contains(QLatin1String("Did you mean")), qPrintable(r.err));
    else
        QVERIFY2(r.err.contains(QStringLiteral("unknown command '%1'. Did you mean '%2'?\n").arg(args.first(), suggestion)), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("Try 'bulkwatch --help'.")));
}

void TestCommandLine::unknownOptionsSuggestTheNearestOne()
{
    CliRun r = runCli({QStringLiteral("status"), QStringLiteral("--endpiont"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--job"), QStringLiteral("1")});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(QLatin1String("unknown option --endpiont. Did you mean '--endpoint'?")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("Try 'bulkwatch status --help'.")), qPrintable(r.err));
    r = runCli({QStringLiteral("status"), QStringLiteral("-x")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith(QLatin1String("bulkwatch: unknown option -x\n")), qPrintable(r.err)); // no far-fetched guess
    r = runCli({QStringLiteral("list"), QStringLiteral("--endpoint")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("--endpoint needs a value")), qPrintable(r.err));
    r = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("stray")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("unexpected argument 'stray'")), qPrintable(r.err));
    // A key is refused in every spelling, wherever it stands, and never echoed.
    for (const QStringList &key : {QStringList{QStringLiteral("--api-key=s3cret")}, QStringList{QStringLiteral("--token"), QStringLiteral("s3cret")},
                                   QStringList{QStringLiteral("--key")}}) {
        r = runCli(QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1")} + key);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("never taken from arguments")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("s3cret")));
    }
}

void TestCommandLine::optionsBeforeTheCommandAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("words");
    QTest::newRow("--endpoint URL list") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("list")}
        << "the command comes first, then its options: 'bulkwatch list --endpoint …'";
    QTest::newRow("--job=1 --json status") << QStringList{QStringLiteral("--job=1"), QStringLiteral("--json"), QStringLiteral("status")}
        << "'bulkwatch status --job …'";
    // A value that happens to be a command's name is still a value: the command is the word after it.
    QTest::newRow("--collection list watch") << QStringList{QStringLiteral("--collection"), QStringLiteral("list"), QStringLiteral("watch")}
        << "'bulkwatch watch --collection …'";
    QTest::newRow("--json alone") << QStringList{QStringLiteral("--json")} << "--json needs a command first";
    QTest::newRow("--endpoit") << QStringList{QStringLiteral("--endpoit"), QStringLiteral("x")} << "unknown option --endpoit. Did you mean '--endpoint'?";
    QTest::newRow("--api-key=… first") << QStringList{QStringLiteral("--api-key=s3cret"), QStringLiteral("status")} << "never taken from arguments";
}

void TestCommandLine::optionsBeforeTheCommandAreUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    const CliRun r = runCli(args);
    QCOMPARE(r.code, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(words), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("s3cret")) && !r.err.contains(QLatin1String("127.0.0.1")), qPrintable(r.err)); // names, never values
}

void TestCommandLine::everyCommandHasItsOwnHelp_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("notShown");
    const QStringList network = {QStringLiteral("--endpoint URL"), QStringLiteral("--connection NAME"), QStringLiteral("--api-key-stdin"),
                                 QStringLiteral("--json"), QStringLiteral("--verbose"), QStringLiteral("--timeout SECONDS"), QStringLiteral("Exit codes")};
    // Each command's own words only: no other command's options, exit codes or JSON shape.
    QTest::newRow("status") << "status" << network + QStringList{QStringLiteral("--job ID"), QStringLiteral("7 not finished yet")}
                            << QStringList{QStringLiteral("--file"), QStringLiteral("--interval"), QStringLiteral(" watch")};
    QTest::newRow("list") << "list" << network + QStringList{QStringLiteral("--collection NAME")} << QStringList{QStringLiteral("--job"), QStringLiteral("--file"), QStringLiteral(" watch"), QStringLiteral("(create)"), QStringLiteral("--exit-status")};
    QTest::newRow("watch") << "watch" << network + QStringList{QStringLiteral("--job ID"), QStringLiteral("--interval SECONDS"), QStringLiteral(" 1 the job failed")}
                           << QStringList{QStringLiteral("--file"), QStringLiteral("--exit-status"), QStringLiteral("(create)"), QStringLiteral("target")};
    QTest::newRow("create") << "create" << network + QStringList{QStringLiteral("--collection NAME"), QStringLiteral("--file PATH"), QStringLiteral("--two-phase"), QStringLiteral("--option KEY=VALUE")} << QStringList{QStringLiteral("--job"), QStringLiteral("--interval")};
    QTest::newRow("commit") << "commit" << network + QStringList{QStringLiteral("--job ID"), QStringLiteral("1 the job's state refuses it")}
                            << QStringList{QStringLiteral("--file"), QStringLiteral("--collection"), QStringLiteral(" watch"), QStringLiteral("--exit-status")};
    QTest::newRow("abort") << "abort" << network + QStringList{QStringLiteral("--job ID"), QStringLiteral("1 the job's state refuses it")}
                            << QStringList{QStringLiteral("--file"), QStringLiteral("--collection"), QStringLiteral(" watch"), QStringLiteral("--exit-status")};
    QTest::newRow("connections") << "connections" << QStringList{QStringLiteral("--help")} << QStringList{QStringLiteral("--endpoint"), QStringLiteral("--job")};
}

void TestCommandLine::everyCommandHasItsOwnHelp()
{
    QFETCH(QString, command);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, notShown);
    const CliRun r = runCli({command, QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.err, QString());
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: bulkwatch %1").arg(command)), qPrintable(r.out));
    for (const QString &w : shown)
        QVERIFY2(r.out.contains(w), qPrintable(w));
    for (const QString &w : notShown)
        QVERIFY2(!r.out.contains(w), qPrintable(w));
    QVERIFY(r.out != runCli({QStringLiteral("--help")}).out);
    // -h too, and after other options (which are not checked then: help comes first).
    QCOMPARE(runCli({command, QStringLiteral("-h")}).out, r.out);
    const CliRun later = runCli({command, QStringLiteral("--json"), QStringLiteral("--help")});
    QCOMPARE(later.code, 0);
    QCOMPARE(later.out, r.out);
}

void TestCommandLine::onlyWindowOptionsOpenTheWindow_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("cli");
    QTest::newRow("nothing") << QStringList{} << false;
    QTest::newRow("--demo") << QStringList{QStringLiteral("--demo")} << false;
    QTest::newRow("--history FILE") << QStringList{QStringLiteral("--history"), QStringLiteral("h.sqlite")} << false;
    QTest::newRow("-style fusion") << QStringList{QStringLiteral("-style"), QStringLiteral("fusion")} << false;
    QTest::newRow("lst") << QStringList{QStringLiteral("lst")} << true;
    QTest::newRow("stauts x") << QStringList{QStringLiteral("stauts"), QStringLiteral("x")} << true;
    QTest::newRow("status") << QStringList{QStringLiteral("status")} << true;
    QTest::newRow("empty word") << QStringList{QString()} << true;
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << true;
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << true;
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << true;
    QTest::newRow("-v") << QStringList{QStringLiteral("-v")} << true;
    // Qt's own options, with one dash or two, are the window's; any other double-dash word is the command line's.
    QTest::newRow("--style fusion") << QStringList{QStringLiteral("--style"), QStringLiteral("fusion")} << false;
    QTest::newRow("--platform offscreen") << QStringList{QStringLiteral("--platform"), QStringLiteral("offscreen")} << false;
    QTest::newRow("--history=FILE") << QStringList{QStringLiteral("--history=h.sqlite")} << false;
    QTest::newRow("--endpoint URL list") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("list")} << true;
    QTest::newRow("--json") << QStringList{QStringLiteral("--json")} << true;
    QTest::newRow("--bogus") << QStringList{QStringLiteral("--bogus")} << true;
}

void TestCommandLine::onlyWindowOptionsOpenTheWindow()
{
    QFETCH(QStringList, args);
    QFETCH(bool, cli);
    QCOMPARE(CommandLine::handles(QStringList{QStringLiteral("bulkwatch")} + args), cli);
}

void TestCommandLine::theRealBinaryRefusesAnUnknownCommandWithoutADisplay_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("lst") << QStringList{QStringLiteral("lst")} << 2 << "unknown command 'lst'. Did you mean 'list'?";
    QTest::newRow("stauts x") << QStringList{QStringLiteral("stauts"), QStringLiteral("x")} << 2 << "unknown command 'stauts'. Did you mean 'status'?";
    QTest::newRow("list --help") << QStringList{QStringLiteral("list"), QStringLiteral("--help")} << 0 << "Usage: bulkwatch list";
    // The typo before options the command would take: still the command's mistake, not "Unknown option 'endpoint'".
    QTest::newRow("stauts --endpoint URL --job 1") << QStringList{QStringLiteral("stauts"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--job"), QStringLiteral("1")}
        << 2 << "unknown command 'stauts'. Did you mean 'status'?";
    QTest::newRow("frobnicate list") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("list")} << 2 << "unknown command 'frobnicate'";
    QTest::newRow("--endpoint URL list") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("list")}
        << 2 << "the command comes first, then its options: 'bulkwatch list --endpoint …'";
    QTest::newRow("--bogus") << QStringList{QStringLiteral("--bogus")} << 2 << "unknown option --bogus";
    QTest::newRow("--dmeo") << QStringList{QStringLiteral("--dmeo")} << 2 << "unknown option --dmeo. Did you mean '--demo'?";
    // The window itself, with nothing to open it on: a message that says so and points at the command line.
    QTest::newRow("(no arguments)") << QStringList() << 2 << "no display: the window needs X11 or Wayland";
    QTest::newRow("--demo") << QStringList{QStringLiteral("--demo")} << 2 << "the command line works without one";
    QTest::newRow("help") << QStringList{QStringLiteral("help")} << 0 << "Usage: bulkwatch [--demo]";
    QTest::newRow("help watch") << QStringList{QStringLiteral("help"), QStringLiteral("watch")} << 0 << "Usage: bulkwatch watch";
    QTest::newRow("help wtach") << QStringList{QStringLiteral("help"), QStringLiteral("wtach")} << 2 << "Did you mean 'watch'?";
}

void TestCommandLine::theRealBinaryRefusesAnUnknownCommandWithoutADisplay()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, words);
    // As on a server or in CI: nothing to open a window on. Opening one would abort (exit 134) instead.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(v));
    const ProcessResult r = runProcess(QStringLiteral(BULKWATCH_BINARY), args, env);
    QVERIFY2(r.output.contains(words), qPrintable(r.output));
    QCOMPARE(r.exitCode, code);
    QVERIFY2(!r.output.contains(QLatin1String("qt.qpa")), qPrintable(r.output));
}

void TestCommandLine::aSavedConnectionMayAnswerLater()
{
    SimFixture sim(scenario());
    sim.server->setApiKey("saved-key-7");
    const auto run = [](CommandLine::ConnectionResolver resolver, const QStringList &args) {
        return runCli(args, {}, {}, std::move(resolver));
    };
    // The key arrives later, as from a keychain: the command goes on with it when it does.
    int asked = 0;
    const QStringList status = {QStringLiteral("status"), QStringLiteral("--connection"), QStringLiteral("Prod"),
                                QStringLiteral("--job"), QStringLiteral("453240863839750922"), QStringLiteral("--json")};
    CliRun r = run([&](const QString &name, QObject *context, CommandLine::ConnectionResolved answer) {
        ++asked;
        QCOMPARE(name, QStringLiteral("Prod"));
        QTimer::singleShot(100, context, [&sim, answer] {
            Endpoint ep = sim.endpoint();
            ep.token = "saved-key-7";
            answer(true, ep, {});
        });
    }, status);
    QCOMPARE(asked, 1);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QVERIFY(!r.out.contains(QLatin1String("saved-key-7")) && !r.err.contains(QLatin1String("saved-key-7")));
    // A refusal that comes later is still a usage error in its own words; an unnamed one says which name failed.
    r = run([](const QString &, QObject *context, CommandLine::ConnectionResolved answer) {
        QTimer::singleShot(50, context, [answer] { answer(false, {}, QStringLiteral("cannot read the key of 'Prod' from the keychain: locked")); });
    }, status);
    QCOMPARE(r.code, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(QLatin1String("cannot read the key of 'Prod' from the keychain: locked")), qPrintable(r.err));
    r = run([](const QString &, QObject *, CommandLine::ConnectionResolved answer) { answer(false, {}, {}); }, status);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("no saved connection named 'Prod'")), qPrintable(r.err));
    // --endpoint still overrides the saved URL, as before.
    r = run([](const QString &, QObject *, CommandLine::ConnectionResolved answer) {
        Endpoint ep;
        ep.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        ep.token = "saved-key-7";
        answer(true, ep, {});
    }, status + QStringList{QStringLiteral("--endpoint"), sim.server->baseUrl().toString()});
    QCOMPARE(r.code, 0);
}

void TestCommandLine::watchPrintsALinePerChangeUntilCompleted()
{
    SimFixture sim(scenario());
    const StepAfterTwoPolls step(*sim.server, QStringLiteral("453240863839750923"), 5);
    const CliRun r = runCli({QStringLiteral("watch"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                             QStringLiteral("--job"), QStringLiteral("453240863839750923"), QStringLiteral("--interval"), QStringLiteral("0.05")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 3, qPrintable(r.out));
    QVERIFY(lines.last().contains(QLatin1String("completed")));
    QVERIFY2(!lines.first().contains(QLatin1String("completed")), qPrintable(r.out)); // it was watched while it ran
    QVERIFY2(r.out.contains(QLatin1String("sorting / building index")), qPrintable(r.out));
    for (int i = 1; i < lines.size(); ++i)
        QVERIFY(lines[i] != lines[i - 1]);
}

void TestCommandLine::watchJsonIsOneObjectPerLinePerChange()
{
    const QString id = QStringLiteral("453240863839750923");
    SimFixture sim(scenario());
    const StepAfterTwoPolls step(*sim.server, id, 5);
    const CliRun r = runCli({QStringLiteral("watch"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                             QStringLiteral("--job"), id, QStringLiteral("--interval"), QStringLiteral("0.05"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.err, QString());
    QVector<QJsonObject> objects;
    QString problem;
    QVERIFY2(jsonLines(r.out, &objects, &problem), qPrintable(problem));
    // Each line is the status object (the documented keys of status --json), of this job.
    for (const QJsonObject &o : objects) {
        QCOMPARE(o.keys().size(), 12);
        for (const char *k : {"jobId", "collectionName", "state", "serverState", "progress", "importedRows", "totalRows",
                              "fileSize", "completeTime", "reason", "files", "observedAt"})
            QVERIFY2(o.contains(QLatin1String(k)), k);
        QCOMPARE(o.value(QLatin1String("jobId")).toString(), id);
    }
    // One per change: as many lines as the server's answer changed (every change printed), none repeated, and
    // polls that found nothing new (every step was asked twice) printed nothing.
    const QStringList changes = step.changes();
    QVERIFY2(changes.size() >= 5, qPrintable(changes.join(QLatin1Char('\n'))));
    QCOMPARE(objects.size(), changes.size());
    for (int i = 1; i < objects.size(); ++i)
        QVERIFY2(objects[i] != objects[i - 1], qPrintable(QStringLiteral("line %1 repeats line %2").arg(i + 1).arg(i)));
    QVERIFY(sim.server->requestCount() > objects.size());
    QCOMPARE(objects.first().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(objects.last().value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    bool sawRunning = false;
    for (const QJsonObject &o : objects)
        sawRunning = sawRunning || o.value(QLatin1String("state")).toString() == QLatin1String("running");
    QVERIFY(sawRunning);
}

void TestCommandLine::watchExitsOneOnFailure()
{
    SimFixture sim(scenario());
    const CliRun r = runCli({QStringLiteral("watch"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                             QStringLiteral("--job"), QStringLiteral("453240863839750924"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("JSON parse: unexpected EOF"));
}

void TestCommandLine::watchExitsOneWhenTheJobIsCancelled_data()
{
    QTest::addColumn<bool>("abortOnServer"); // false: the server itself reports the job cancelled
    QTest::addColumn<bool>("json");
    QTest::addColumn<QString>("state");      // the last line's normalised state
    QTest::addColumn<QString>("words");      // in the last line
    QTest::newRow("aborted (Milvus: Failed, aborted by user), json") << true << true << "failed" << "aborted by user";
    QTest::newRow("aborted, text") << true << false << "failed" << "aborted by user";
    QTest::newRow("the server says Cancelled, json") << false << true << "cancelled" << "\"serverState\":\"Cancelled\"";
    QTest::newRow("the server says Cancelled, text") << false << false << "cancelled" << "cancelled";
}

void TestCommandLine::watchExitsOneWhenTheJobIsCancelled()
{
    QFETCH(bool, abortOnServer);
    QFETCH(bool, json);
    QFETCH(QString, state);
    QFETCH(QString, words);
    const QString id = QStringLiteral("453240863839750923");
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30); // importing, and it would stay so
    // Once the watch has seen it running (its first poll was answered), the job is ended from outside.
    const Trigger cancel([&] { return sim.server->requestCount() >= 1; }, [&] {
        if (abortOnServer) {
            QString message;
            QCOMPARE(sim.server->engine().abort(id, {}, &message), 0);
            return;
        }
        SimFaultRule f;
        f.kind = QStringLiteral("status");
        f.status = 200;
        f.body = R"({"code":0,"data":{"jobId":"453240863839750923","collectionName":"quick_setup","state":"Cancelled",)"
                 R"("progress":0,"importedRows":0,"totalRows":2000,"reason":"","details":[]}})";
        sim.server->addFault(f);
    });
    QStringList args = {QStringLiteral("watch"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                        QStringLiteral("--job"), id, QStringLiteral("--interval"), QStringLiteral("0.05")};
    if (json)
        args << QStringLiteral("--json");
    const CliRun r = runCli(args);
    QCOMPARE(cancel.fired(), 1);
    QCOMPARE(r.code, 1);
    // A line per change (text: a reason follows on its own indented line): running, then the end.
    QStringList lines;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!json && line.startsWith(QLatin1String("    ")) && !lines.isEmpty())
            lines.last() += QLatin1Char('\n') + line;
        else
            lines << line;
    }
    QVERIFY2(lines.size() == 2, qPrintable(r.out));
    QVERIFY2(lines.last().contains(words), qPrintable(r.out));
    if (json) {
        QCOMPARE(QJsonDocument::fromJson(lines.first().toUtf8()).object().value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(QJsonDocument::fromJson(lines.last().toUtf8()).object().value(QLatin1String("state")).toString(), state);
    } else {
        QVERIFY2(lines.first().contains(QLatin1String("running")), qPrintable(r.out));
        QVERIFY2(lines.last().contains(state), qPrintable(r.out));
    }
}

void TestCommandLine::watchRidesOutFaultsAndResumes_data()
{
    QTest::addColumn<bool>("json");
    QTest::addColumn<int>("faults");
    QTest::newRow("text") << false << 2;
    QTest::newRow("json") << true << 1;
}

void TestCommandLine::watchRidesOutFaultsAndResumes()
{
    QFETCH(bool, json);
    QFETCH(int, faults);
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(50);
    SimFaultRule f;
    f.kind = QStringLiteral("html5xx");
    f.status = 503;
    f.remaining = faults;
    sim.server->addFault(f);
    QStringList args = {QStringLiteral("watch"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                        QStringLiteral("--job"), QStringLiteral("453240863839750923"), QStringLiteral("--interval"), QStringLiteral("0.05")};
    if (json)
        args << QStringLiteral("--json");
    const CliRun r = runCli(args);
    QCOMPARE(r.code, 0);
    QCOMPARE(sim.server->statusCount(503), faults);
    if (!json) {
        QVERIFY(r.err.contains(QLatin1String("retrying")));
        QCOMPARE(r.err.count(QLatin1String("retrying")), 1); // the same error is not repeated
        return;
    }
    // A fault ridden out puts nothing between the objects: stdout stays one status object per line.
    QVector<QJsonObject> objects;
    QString problem;
    QVERIFY2(jsonLines(r.out, &objects, &problem), qPrintable(problem));
    for (const QJsonObject &o : objects)
        QVERIFY2(o.contains(QLatin1String("state")) && !o.contains(QLatin1String("error")), qPrintable(r.out));
    QCOMPARE(objects.last().value(QLatin1String("state")).toString(), QStringLiteral("completed"));
}

void TestCommandLine::watchSaysExpiredWhenTheServerForgetsTheJob()
{
    SimScenario s = scenario();
    s.retentionSeconds = 1;
    SimFixture sim(s);
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30); // importing
    // The server forgets the job once it has answered the watch's first poll (so the watch saw it importing),
    // however long that took to come: no fixed wait that a loaded machine could outlast.
    const Trigger forget([&] { return sim.server->requestCount() >= 1; }, [&] { sim.server->engine().advance(1000); });
    const CliRun r = runCli({QStringLiteral("watch"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                             QStringLiteral("--job"), QStringLiteral("453240863839750923"), QStringLiteral("--interval"), QStringLiteral("0.1"), QStringLiteral("--json")});
    QCOMPARE(forget.fired(), 1);
    // Seen importing, then gone: the server's retention ended it, which is not "wrong id".
    QCOMPARE(r.code, 1);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QJsonObject seen = QJsonDocument::fromJson(lines.first().toUtf8()).object();
    QCOMPARE(seen.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    const QJsonObject gone = QJsonDocument::fromJson(lines.last().toUtf8()).object();
    QCOMPARE(gone.value(QLatin1String("error")).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("expired"));
}

void TestCommandLine::verboseLogsEachRequestAndNeverTheKey_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("basePath");      // appended to the simulator's URL
    QTest::addColumn<QByteArray>("serverKey");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("requests");  // "METHOD path -> status", in order
    const QByteArray key = kVerboseKey;
    const QString describe = QStringLiteral("POST /v2/vectordb/jobs/import/describe -> %1");
    const QStringList job = {QStringLiteral("--job"), QStringLiteral("453240863839750922")};
    // A completed job: then its collection (issue 16), three requests more.
    QTest::newRow("status") << QStringList{QStringLiteral("status")} + job << QString() << key << 0
                            << QStringList{describe.arg(200), QStringLiteral("POST /v2/vectordb/indexes/describe -> 200"),
                                           QStringLiteral("POST /v2/vectordb/collections/get_load_state -> 200"),
                                           QStringLiteral("POST /v2/vectordb/collections/get_stats -> 200")};
    QTest::newRow("list") << QStringList{QStringLiteral("list")} << QString() << key << 0
                          << QStringList{QStringLiteral("POST /v2/vectordb/jobs/import/list -> 200")};
    QTest::newRow("watch") << QStringList{QStringLiteral("watch")} + job << QString() << key << 0 << QStringList{describe.arg(200)};
    QTest::newRow("create") << QStringList{QStringLiteral("create"), QStringLiteral("--collection"), QStringLiteral("quick_setup"),
                                           QStringLiteral("--file"), QStringLiteral("a.parquet")}
                            << QString() << key << 0 << QStringList{QStringLiteral("POST /v2/vectordb/jobs/import/create -> 200")};
    // Refused for the job's state: exit 1, after asking the job's state to say why.
    QTest::newRow("commit (refused)") << QStringList{QStringLiteral("commit")} + job << QString() << key << 1
                                      << QStringList{QStringLiteral("POST /v2/vectordb/jobs/import/commit -> 200"), describe.arg(200)};
    QTest::newRow("wrong key (HTTP 401)") << QStringList{QStringLiteral("status")} + job << QString() << QByteArray("another-key") << 3
                                          << QStringList{describe.arg(401)};
    QTest::newRow("no import API (every path 404)") << QStringList{QStringLiteral("status")} + job << QStringLiteral("/x") << key << 6
        << QStringList{QStringLiteral("POST /x/v2/vectordb/jobs/import/describe -> 404"), QStringLiteral("POST /x/v2/vectordb/jobs/import/get_progress -> 404"),
                       QStringLiteral("POST /x/v2/vectordb/jobs/import/getProgress -> 404"), QStringLiteral("GET /x/v1/vector/collections/import/get -> 404")};
}

void TestCommandLine::verboseLogsEachRequestAndNeverTheKey()
{
    QFETCH(QStringList, args);
    QFETCH(QString, basePath);
    QFETCH(QByteArray, serverKey);
    QFETCH(int, code);
    QFETCH(QStringList, requests);
    SimFixture sim(scenario());
    sim.server->setApiKey(serverKey);
    const QString base = sim.server->baseUrl().toString() + basePath;
    const CliRun r = runCli(args + QStringList{QStringLiteral("--endpoint"), base, QStringLiteral("--verbose"), QStringLiteral("--json")}, kVerboseKey);
    QCOMPARE(r.code, code);
    // With --json every stderr line is a request line: method, URL, status, time; one per request sent.
    QStringList seen;
    QString problem;
    QVERIFY2(verboseRequests(r.err, sim.server->port(), &seen, &problem), qPrintable(problem));
    QCOMPARE(seen, requests);
    QCOMPARE(seen.size(), sim.server->requestCount());
    QCOMPARE(sim.server->requestsWithAuthorization(), sim.server->requestCount()); // the key was sent, and only logged as nothing
    QVERIFY2(showsNoKey(r.out + r.err, &problem), qPrintable(problem));
    // Without --json too (the error goes to stderr next to the request lines).
    const CliRun text = runCli(args + QStringList{QStringLiteral("--endpoint"), base, QStringLiteral("--verbose")}, kVerboseKey);
    QCOMPARE(text.code, code);
    QVERIFY2(text.err.count(QLatin1String(" ms)\n")) == requests.size(), qPrintable(text.err));
    QVERIFY2(showsNoKey(text.out + text.err, &problem), qPrintable(problem));
}

void TestCommandLine::theRealBinaryKeepsTheContract_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<QByteArray>("faultBody"); // served with HTTP 200 (or 403 where it says so) on every API path
    QTest::addColumn<int>("faultStatus");
    QTest::addColumn<bool>("abortAfterFirstPoll");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("kind");        // the --json error's kind; empty: the last line's state
    QTest::newRow("watch completed: 0") << "watch" << QString() << QByteArray() << 0 << false << 0 << "completed";
    QTest::newRow("watch aborted: 1") << "watch" << QString() << QByteArray() << 0 << true << 1 << "failed";
    QTest::newRow("forbidden: 3") << "status" << QString() << QByteArray(R"({"code":1401,"message":"permission denied"})") << 403 << false << 3 << "forbidden";
    QTest::newRow("rate limited: 5") << "status" << QString() << QByteArray(R"({"code":8,"message":"rate limit exceeded[rate=20]"})") << 200 << false << 5 << "rate_limited";
    QTest::newRow("unsupported: 6") << "status" << QStringLiteral("/x") << QByteArray() << 0 << false << 6 << "unsupported";
    QTest::newRow("malformed: 6") << "status" << QString() << QByteArray("{\"code\":0,\"data\":") << 200 << false << 6 << "malformed";
}

void TestCommandLine::theRealBinaryKeepsTheContract()
{
    QFETCH(QString, command);
    QFETCH(QString, basePath);
    QFETCH(QByteArray, faultBody);
    QFETCH(int, faultStatus);
    QFETCH(bool, abortAfterFirstPoll);
    QFETCH(int, code);
    QFETCH(QString, kind);
    const QString id = QStringLiteral("453240863839750923");
    SimFixture sim(scenario());
    sim.server->setApiKey(kVerboseKey);
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(abortAfterFirstPoll ? 30 : 1000); // running, or long completed
    if (!faultBody.isEmpty()) {
        SimFaultRule f;
        f.kind = QStringLiteral("status");
        f.status = faultStatus;
        f.body = faultBody;
        sim.server->addFault(f);
    }
    // The simulator lives in this process; runProcess turns its event loop while the child runs.
    const Trigger abort([&] { return abortAfterFirstPoll && sim.server->requestCount() >= 1; }, [&] {
        QString message;
        sim.server->engine().abort(id, {}, &message);
    });
    const ProcessResult r = runProcess(QStringLiteral(BULKWATCH_BINARY),
                                       {command, QStringLiteral("--endpoint"), sim.server->baseUrl().toString() + basePath, QStringLiteral("--job"), id,
                                        QStringLiteral("--interval"), QStringLiteral("0.05"), QStringLiteral("--json"), QStringLiteral("--verbose")},
                                       cliEnvironment(kVerboseKey));
    QVERIFY2(r.failure().isEmpty(), qPrintable(r.failure()));
    QVERIFY2(r.exitCode == code, qPrintable(QStringLiteral("exit %1, expected %2; output:\n%3").arg(r.exitCode).arg(code).arg(r.output)));
    QCOMPARE(abort.fired(), abortAfterFirstPoll ? 1 : 0);
    // stdout (JSON lines) then stderr (request lines): each line one or the other.
    QString json, log;
    for (const QString &line : r.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        (line.startsWith(QLatin1Char('{')) ? json : log) += line + QLatin1Char('\n');
    QVector<QJsonObject> objects;
    QString problem;
    QVERIFY2(jsonLines(json, &objects, &problem), qPrintable(problem));
    QStringList seen;
    QVERIFY2(verboseRequests(log, sim.server->port(), &seen, &problem), qPrintable(problem));
    QCOMPARE(seen.size(), sim.server->requestCount());
    QVERIFY2(showsNoKey(r.output, &problem), qPrintable(problem));
    if (command == QLatin1String("watch")) {
        static const QRegularExpression rfc3339Utc(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
        for (const QJsonObject &o : objects)
            QVERIFY2(rfc3339Utc.match(o.value(QLatin1String("observedAt")).toString()).hasMatch(), qPrintable(json));
    }
    const QJsonObject last = objects.last();
    if (code == 0 || code == 1)
        QCOMPARE(last.value(QLatin1String("state")).toString(), kind);
    else
        QCOMPARE(last.value(QLatin1String("error")).toObject().value(QLatin1String("kind")).toString(), kind);
}

void TestCommandLine::createCommitAbortFromTheCommandLine()
{
    SimFixture sim(scenario());
    const QString url = sim.server->baseUrl().toString();
    CliRun r = runCli({QStringLiteral("create"), QStringLiteral("--endpoint"), url, QStringLiteral("--collection"), QStringLiteral("quick_setup"),
                       QStringLiteral("--file"), QStringLiteral("a.parquet"), QStringLiteral("--file"), QStringLiteral("b.npy,c.npy"),
                       QStringLiteral("--two-phase"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QString id = r.json().value(QLatin1String("jobId")).toString();
    QVERIFY(!id.isEmpty());
    sim.server->engine().advance(10000);
    r = runCli({QStringLiteral("status"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"), id, QStringLiteral("--json")});
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("finalizing"));
    QCOMPARE(r.json().value(QLatin1String("files")).toArray().size(), 2);
    r = runCli({QStringLiteral("commit"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"), id});
    QCOMPARE(r.code, 0);
    r = runCli({QStringLiteral("abort"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"), id, QStringLiteral("--json")});
    QCOMPARE(r.code, 1); // already committing: the server refuses in its own words, and a retry would not help
    QVERIFY(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().contains(QLatin1String("can no longer be aborted")));
    r = runCli({QStringLiteral("create"), QStringLiteral("--endpoint"), url, QStringLiteral("--collection"), QStringLiteral("quick_setup"),
                QStringLiteral("--file"), QStringLiteral("toolarge.parquet")});
    QCOMPARE(r.code, 5);
    QVERIFY(r.err.contains(QLatin1String("maximum limit")));
    // Raw byte counts in the server's refusal get units a person can compare.
    QVERIFY2(r.err.contains(QLatin1String("fileSize=17179869185 (just over 16 GiB), maxSize=17179869184 (16 GiB)")), qPrintable(r.err));
}

void TestCommandLine::theRealBinaryReadsTheKeyFromEnvironmentOrStdinOnly()
{
    SimFixture sim(scenario());
    sim.server->setApiKey("process-key-42");
    const QString exe = QStringLiteral(BULKWATCH_BINARY);
    const QStringList args = {QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                              QStringLiteral("--job"), QStringLiteral("453240863839750922"), QStringLiteral("--json")};
    const auto run = [&](const QStringList &extra, const QByteArray &envKey, const QByteArray &input) {
        const ProcessResult r = runProcess(exe, args + extra, cliEnvironment(envKey), input);
        return qMakePair(r.exitCode, r.output.toUtf8());
    };
    auto r = run({}, "process-key-42", {});
    QCOMPARE(r.first, 0);
    QVERIFY(r.second.contains("\"state\":\"completed\""));
    r = run({QStringLiteral("--api-key-stdin")}, {}, "process-key-42\n");
    QCOMPARE(r.first, 0);
    r = run({}, "wrong", {});
    QCOMPARE(r.first, 3);
    QVERIFY(!r.second.contains("process-key-42"));
}

#endif

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
