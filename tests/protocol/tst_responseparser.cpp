// Every sample and quirk of protocol.md, and every failure reason of users.md, parses as a user expects.
// Every answer goes through both parsers, the simdjson one the service uses and the QJsonDocument reference:
// the helpers below fail the test when the two differ in any value, and the checks look at the simdjson result.

#include "../fuzz/AnswerDiff.h"
#include "ResponseParser.h"
#include "ResponseParserDetail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

class TestResponseParser : public QObject
{
    Q_OBJECT

    static JobProgress progressOf(const QByteArray &body, Dialect d = Dialect::V2);
    // The "data" object alone, sent as {"code":0,"data":DATA}.
    static JobProgress progressOfData(const QByteArray &data, Dialect d = Dialect::V2);
    static ListPage listOfData(const QByteArray &data, Dialect d);
    static ProgressAnswer answerOf(int http, const QByteArray &body, Dialect d = Dialect::V2);

private Q_SLOTS:
    void envelopeIsClassified_data();
    void envelopeIsClassified();

    void serverMessageIsKeptVerbatim();

    void cloudV1SampleParses();

    void cloudV1StateIsDerived_data();
    void cloudV1StateIsDerived();

    void cloudV2SampleParses();

    void milvusRealAnswerParses();

    void quirksAreTolerated_data();
    void quirksAreTolerated();

    void unknownStateKeepsServerString();

    void jobIdIsNeverANumber_data();
    void jobIdIsNeverANumber();

    void fileStatesHaveTheirOwnVocabulary_data();
    void fileStatesHaveTheirOwnVocabulary();

    void jobStatesAreNormalised_data();
    void jobStatesAreNormalised();

    void failureReasonsAreKeptWhole_data();
    void failureReasonsAreKeptWhole();

    void oldFileNamesAreShownVerbatim();

    void listAcceptsRecordsOrTasks_data();
    void listAcceptsRecordsOrTasks();

    void stuckAt80IsExplainedAsSortingAndIndexing();

    void pastedJobIdsAreTrimmed_data();
    void pastedJobIdsAreTrimmed();

    void endpointUrlsAreChecked_data();
    void endpointUrlsAreChecked();

    void dialectIsChosenFromTheHost_data();
    void dialectIsChosenFromTheHost();

    void bothParsersAgree_data();
    void bothParsersAgree();

    void largeDescribeParsesWhole();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
ProgressAnswer TestResponseParser::answerOf(int http, const QByteArray &body, Dialect d)
{
    const QString path = QStringLiteral("/v2/vectordb/jobs/import/describe");
    ProgressAnswer fast = ResponseParser::parseProgressAnswer(http, body, path, d);
    const QString diff = AnswerDiff::progress(fast, ResponseParser::parseProgressAnswerReference(http, body, path, d));
    if (!diff.isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("simdjson and reference differ: ") + diff), __FILE__, __LINE__);
    return fast;
}

JobProgress TestResponseParser::progressOf(const QByteArray &body, Dialect d)
{
    const ProgressAnswer a = answerOf(200, body, d);
    if (a.envelope.error.isError())
        QTest::qFail(qPrintable(QStringLiteral("unexpected error ") + a.envelope.error.summary()), __FILE__, __LINE__);
    return a.job;
}

JobProgress TestResponseParser::progressOfData(const QByteArray &data, Dialect d)
{
    return progressOf(QByteArray(R"({"code":0,"data":)") + data + '}', d);
}

ListPage TestResponseParser::listOfData(const QByteArray &data, Dialect d)
{
    const QByteArray body = QByteArray(R"({"code":0,"data":)") + data + '}';
    const QString path = QStringLiteral("/v2/vectordb/jobs/import/list");
    ListAnswer fast = ResponseParser::parseListAnswer(200, body, path, d);
    const QString diff = AnswerDiff::list(fast, ResponseParser::parseListAnswerReference(200, body, path, d));
    if (!diff.isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("simdjson and reference differ: ") + diff), __FILE__, __LINE__);
    if (fast.envelope.error.isError())
        QTest::qFail(qPrintable(QStringLiteral("unexpected error ") + fast.envelope.error.summary()), __FILE__, __LINE__);
    return fast.page;
}

void TestResponseParser::envelopeIsClassified_data()
{
    QTest::addColumn<int>("http");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<qint64>("code"); // -1 = none expected

    QTest::newRow("code 0 number") << 200 << QByteArray(R"({"code":0,"data":{}})") << "none" << false << -1LL;
    QTest::newRow("code 200 number (v1, old Milvus)") << 200 << QByteArray(R"({"code":200,"data":{}})") << "none" << false << -1LL;
    QTest::newRow("code \"0\" string") << 200 << QByteArray(R"({"code":"0","data":{}})") << "none" << false << -1LL;
    QTest::newRow("code \"200\" string") << 200 << QByteArray(R"({"code":"200","data":{"jobId":"x"}})") << "none" << false << -1LL;
    QTest::newRow("no code but data") << 200 << QByteArray(R"({"data":{"jobId":"x"}})") << "none" << false << -1LL;
    QTest::newRow("code \"0\" with an error message and no data") << 200 << QByteArray(R"({"code":"0","message":"cluster not ready"})") << "server" << true << -1LL;
    QTest::newRow("not JSON on 200") << 200 << QByteArray("<html>hi</html>") << "malformed" << true << -1LL;
    QTest::newRow("empty body on 200") << 200 << QByteArray("") << "malformed" << true << -1LL;
    QTest::newRow("JSON array, not an object") << 200 << QByteArray("[1,2]") << "malformed" << true << -1LL;
    QTest::newRow("HTML 502 from a proxy") << 502 << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>") << "server" << true << -1LL;
    QTest::newRow("Milvus 401 1800") << 401 << QByteArray("{\"code\":1800,\"message\":\"user hasn't authenticated\"}") << "auth" << false << 1800LL;
    QTest::newRow("cloud v2 illegal apikey") << 200 << QByteArray(R"({"code":21119,"message":"The apikey is illegal."})") << "auth" << false << 21119LL;
    QTest::newRow("cloud v1 token") << 200 << QByteArray(R"({"code":80002,"message":"Token not found or unauthorized: x"})") << "auth" << false << 80002LL;
    QTest::newRow("403 privileges") << 403 << QByteArray(R"({"code":1401,"message":"PrivilegeImport: permission deny"})") << "forbidden" << false << 1401LL;
    QTest::newRow("403 without body (no DB-Name)") << 403 << QByteArray() << "forbidden" << false << -1LL;
    QTest::newRow("job does not exist, 2100") << 200 << QByteArray(R"({"code":2100,"message":"import job does not exist, jobID=448761313698322011"})") << "not_found" << false << 2100LL;
    QTest::newRow("job does not exist, 2101") << 200 << QByteArray(R"({"code":2101,"message":"job not found"})") << "not_found" << false << 2101LL;
    QTest::newRow("2100 import failed is a server error") << 200 << QByteArray(R"({"code":2100,"message":"The number of jobs has reached the limit, please try again later."})") << "server" << true << 2100LL;
    QTest::newRow("collection not found, 100") << 200 << QByteArray(R"({"code":100,"message":"collection not found[collection=x]"})") << "not_found" << false << 100LL;
    QTest::newRow("database not found, 800") << 200 << QByteArray(R"({"code":800,"message":"database not found[database=x]"})") << "not_found" << false << 800LL;
    QTest::newRow("rate limited, code 8") << 200 << QByteArray(R"({"code":8,"message":"rate limit exceeded"})") << "rate_limited" << true << 8LL;
    QTest::newRow("rate limited, code 1807") << 200 << QByteArray(R"({"code":1807,"message":"too many requests"})") << "rate_limited" << true << 1807LL;
    QTest::newRow("HTTP 429") << 429 << QByteArray(R"({"code":429,"message":"Too many requests"})") << "rate_limited" << true << 429LL;
    QTest::newRow("HTTP 408 code 10001") << 408 << QByteArray(R"({"code":10001,"message":"request timeout"})") << "timeout" << true << 10001LL;
    QTest::newRow("bad JSON request, 1801") << 200 << QByteArray(R"({"code":1801,"message":"can only accept json format request"})") << "server" << false << 1801LL;
    QTest::newRow("missing parameter, 1802") << 200 << QByteArray(R"({"code":1802,"message":"missing required parameters"})") << "server" << false << 1802LL;
    QTest::newRow("service not ready, 1") << 200 << QByteArray(R"({"code":1,"message":"service not ready"})") << "server" << true << 1LL;
    QTest::newRow("unexpected, 65535") << 200 << QByteArray(R"({"code":65535,"message":"unexpected"})") << "server" << true << 65535LL;
    QTest::newRow("HTTP 500 JSON") << 500 << QByteArray(R"({"code":65535,"message":"internal"})") << "server" << true << 65535LL;
    QTest::newRow("HTTP 400 JSON with code 0") << 400 << QByteArray(R"({"code":0,"message":"bad"})") << "server" << false << -1LL;
}

void TestResponseParser::envelopeIsClassified()
{
    QFETCH(int, http);
    QFETCH(QByteArray, body);
    QFETCH(QString, kind);
    QFETCH(bool, retryable);
    QFETCH(qint64, code);
    const Envelope env = answerOf(http, body).envelope;
    QCOMPARE(env.error.kindName(), kind);
    if (env.error.isError()) {
        QCOMPARE(env.error.retryable, retryable);
        QVERIFY(!env.error.message.isEmpty());
        QCOMPARE(env.error.httpStatus, http);
    }
    if (code >= 0)
        QCOMPARE(env.error.code.value_or(-1), code);
}

void TestResponseParser::serverMessageIsKeptVerbatim()
{
    const Envelope env = answerOf(200, R"({"code":2100,"message":"import job does not exist, jobID=448761313698322011"})").envelope;
    QCOMPARE(env.error.message, QStringLiteral("import job does not exist, jobID=448761313698322011"));
    QVERIFY(env.error.summary().contains(QStringLiteral("code 2100")));
}

void TestResponseParser::cloudV1SampleParses()
{
    const JobProgress j = progressOf(R"({"code":200,"data":{"collectionName":"medium_articles","fileName":"folder/1/","fileSize":26571700, "readyPercentage":1,"completeTime":"2023-10-28T06:51:49Z","errorMessage":null,"jobId":"job-01fa0e5d42cjxudhpuehyp", "details":[{"fileName":"folder/1/","fileSize":26571700,"readyPercentage":1,"completeTime":"2023-10-28T06:51:49Z","errorMessage":null}]}})", Dialect::CloudV1);
    QCOMPARE(j.jobId, QStringLiteral("job-01fa0e5d42cjxudhpuehyp"));
    QCOMPARE(j.state, JobState::Completed);
    QCOMPARE(j.progress, 100.0);
    QCOMPARE(j.fileSize.value_or(-1), 26571700);
    QCOMPARE(j.completeTime, QDateTime(QDate(2023, 10, 28), QTime(6, 51, 49), QTimeZone(0)));
    QCOMPARE(j.files.size(), 1);
    QCOMPARE(j.files[0].state, FileState::Completed);
    QCOMPARE(j.reason, QString());
}

void TestResponseParser::cloudV1StateIsDerived_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("state");
    QTest::addColumn<double>("progress");
    QTest::newRow("half way is 50 %") << QByteArray(R"({"readyPercentage":0.5,"completeTime":null,"errorMessage":null})") << int(JobState::Running) << 50.0;
    QTest::newRow("fraction as string") << QByteArray(R"({"readyPercentage":"0.25"})") << int(JobState::Running) << 25.0;
    QTest::newRow("error message means failed") << QByteArray(R"({"readyPercentage":0.3,"errorMessage":"JSON parse: unexpected EOF"})") << int(JobState::Failed) << 30.0;
    QTest::newRow("1 means completed") << QByteArray(R"({"readyPercentage":1})") << int(JobState::Completed) << 100.0;
    QTest::newRow("over 1 is clamped") << QByteArray(R"({"readyPercentage":1.7})") << int(JobState::Completed) << 100.0;
    QTest::newRow("nothing at all") << QByteArray(R"({})") << int(JobState::Running) << 0.0;
}

void TestResponseParser::cloudV1StateIsDerived()
{
    QFETCH(QByteArray, data);
    QFETCH(int, state);
    QFETCH(double, progress);
    const JobProgress j = progressOfData(data, Dialect::CloudV1);
    QCOMPARE(int(j.state), state);
    QCOMPARE(j.progress, progress);
}

void TestResponseParser::cloudV2SampleParses()
{
    const JobProgress j = progressOf(R"({"code":0,"data":{"jobId":"job-xxxxxxxxxxxxxxxxxxxxx","collectionName":"medium_articles","fileName":"medium_articles_2020_dpr.json", "fileSize":3279917,"state":"Completed","progress":100,"completeTime":"2024-04-01T06:17:55Z","reason":"","totalRows":100000, "details":[{"fileName":"medium_articles_2020_dpr.json","fileSize":3279917,"state":"Completed","progress":100, "completeTime":"2024-04-01T06:17:53Z","reason":""}]}})");
    QCOMPARE(j.state, JobState::Completed);
    QCOMPARE(j.serverState, QStringLiteral("Completed"));
    QCOMPARE(j.totalRows.value_or(-1), 100000);
    QCOMPARE(j.collectionName.value_or(QString()), QStringLiteral("medium_articles"));
    QCOMPARE(j.files.size(), 1);
    QCOMPARE(j.files[0].fileName, QStringLiteral("medium_articles_2020_dpr.json"));
    QCOMPARE(j.files[0].completeTime, QDateTime(QDate(2024, 4, 1), QTime(6, 17, 53), QTimeZone(0)));
}

void TestResponseParser::milvusRealAnswerParses()
{
    const JobProgress j = progressOf(R"({"code":0,"data":{"collectionName":"quick_setup","completeTime":"2024-10-15T15:27:41+08:00", "details":[{"completeTime":"2024-10-15T15:27:33+08:00","fileName":"[8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe/1.parquet]", "fileSize":31567773,"importedRows":10000,"progress":100,"state":"Completed","totalRows":10000}], "fileSize":31567773,"importedRows":10000,"jobId":"453240863839750922","progress":100,"state":"Completed","totalRows":10000}})");
    QCOMPARE(j.jobId, QStringLiteral("453240863839750922"));
    QCOMPARE(j.completeTime, QDateTime(QDate(2024, 10, 15), QTime(7, 27, 41), QTimeZone(0))); // +08:00 -> UTC
    QCOMPARE(j.importedRows.value_or(-1), 10000);
    QCOMPARE(j.files[0].fileName, QStringLiteral("[8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe/1.parquet]"));
    QCOMPARE(j.files[0].state, FileState::Completed);
    QCOMPARE(j.files[0].importedRows.value_or(-1), 10000);
    QCOMPARE(j.reason, QString()); // omitted when empty
}

void TestResponseParser::quirksAreTolerated_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("state");
    QTest::addColumn<double>("progress");
    QTest::addColumn<qint64>("totalRows"); // -1: none
    QTest::addColumn<QString>("completeUtc"); // "" = invalid
    QTest::newRow("progress as string") << QByteArray(R"({"state":"Importing","progress":"45"})") << "running" << 45.0 << -1LL << "";
    QTest::newRow("progress as float") << QByteArray(R"({"state":"Importing","progress":45.5})") << "running" << 45.5 << -1LL << "";
    QTest::newRow("progress over 100 clamped") << QByteArray(R"({"state":"Importing","progress":250})") << "running" << 100.0 << -1LL << "";
    QTest::newRow("negative progress clamped") << QByteArray(R"({"state":"Importing","progress":-3})") << "running" << 0.0 << -1LL << "";
    QTest::newRow("progress garbage string") << QByteArray(R"({"state":"Importing","progress":"lots"})") << "running" << 0.0 << -1LL << "";
    QTest::newRow("rows as string") << QByteArray(R"({"state":"Importing","totalRows":"100000"})") << "running" << 0.0 << 100000LL << "";
    QTest::newRow("rows as float") << QByteArray(R"({"state":"Importing","totalRows":100000.0})") << "running" << 0.0 << 100000LL << "";
    QTest::newRow("int64 rows beyond 2^31") << QByteArray(R"({"state":"Importing","totalRows":"9007199254740993"})") << "running" << 0.0 << 9007199254740993LL << "";
    QTest::newRow("every field null") << QByteArray(R"({"state":null,"progress":null,"totalRows":null,"completeTime":null,"reason":null,"details":null})") << "unknown" << 0.0 << -1LL << "";
    QTest::newRow("empty completeTime") << QByteArray(R"({"state":"Importing","completeTime":""})") << "running" << 0.0 << -1LL << "";
    QTest::newRow("Z time") << QByteArray(R"({"state":"Completed","completeTime":"2024-04-01T06:17:55Z"})") << "completed" << 100.0 << -1LL << "2024-04-01T06:17:55Z";
    QTest::newRow("+08:00 time") << QByteArray(R"({"state":"Completed","completeTime":"2024-10-15T15:27:41+08:00"})") << "completed" << 100.0 << -1LL << "2024-10-15T07:27:41Z";
    QTest::newRow("-05:30 time") << QByteArray(R"({"state":"Completed","completeTime":"2024-10-15T01:00:00-05:30"})") << "completed" << 100.0 << -1LL << "2024-10-15T06:30:00Z";
    QTest::newRow("nanosecond fraction") << QByteArray(R"({"state":"Completed","completeTime":"2024-04-01T06:17:55.123456789Z"})") << "completed" << 100.0 << -1LL << "2024-04-01T06:17:55Z";
    QTest::newRow("millisecond fraction with offset") << QByteArray(R"({"state":"Completed","completeTime":"2024-04-01T14:17:55.5+08:00"})") << "completed" << 100.0 << -1LL << "2024-04-01T06:17:55Z";
    QTest::newRow("garbage time") << QByteArray(R"({"state":"Completed","completeTime":"yesterday"})") << "completed" << 100.0 << -1LL << "";
    QTest::newRow("completed without progress is 100") << QByteArray(R"({"state":"Completed"})") << "completed" << 100.0 << -1LL << "";
    QTest::newRow("Uncommitted holds at 99") << QByteArray(R"({"state":"Uncommitted","progress":99})") << "finalizing" << 99.0 << -1LL << "";
    QTest::newRow("Committing") << QByteArray(R"({"state":"Committing","progress":99})") << "finalizing" << 99.0 << -1LL << "";
    QTest::newRow("InProgress from list docs") << QByteArray(R"({"state":"InProgress","progress":10})") << "running" << 10.0 << -1LL << "";
    QTest::newRow("None state") << QByteArray(R"({"state":"None"})") << "unknown" << 0.0 << -1LL << "";
    QTest::newRow("unknown state kept raw") << QByteArray(R"({"state":"Rebalancing","progress":33})") << "unknown" << 33.0 << -1LL << "";
    QTest::newRow("Failed resets to 0") << QByteArray(R"({"state":"Failed","progress":0,"reason":"x"})") << "failed" << 0.0 << -1LL << "";
    QTest::newRow("unknown keys ignored") << QByteArray(R"({"state":"Pending","shiny":{"a":[1,2]},"progress":0})") << "pending" << 0.0 << -1LL << "";
}

void TestResponseParser::quirksAreTolerated()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, state);
    QFETCH(double, progress);
    QFETCH(qint64, totalRows);
    QFETCH(QString, completeUtc);
    const JobProgress j = progressOfData(data);
    QCOMPARE(jobStateName(j.state), state);
    QCOMPARE(j.progress, progress);
    QCOMPARE(j.totalRows.value_or(-1), totalRows);
    QCOMPARE(j.completeTime.isValid() ? j.completeTime.toString(Qt::ISODate) : QString(), completeUtc);
}

void TestResponseParser::unknownStateKeepsServerString()
{
    const JobProgress j = progressOfData(R"({"state":"Rebalancing"})");
    QCOMPARE(j.serverState, QStringLiteral("Rebalancing"));
}

void TestResponseParser::jobIdIsNeverANumber_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("id");
    QTest::newRow("18-digit decimal string") << QByteArray(R"({"jobId":"453240863839750922"})") << "453240863839750922";
    QTest::newRow("cloud job id") << QByteArray(R"({"jobId":"job-01fa0e5d42cjxudhpuehyp"})") << "job-01fa0e5d42cjxudhpuehyp";
    QTest::newRow("UUID") << QByteArray(R"({"jobId":"8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe"})") << "8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe";
    QTest::newRow("capital D, early Milvus") << QByteArray(R"({"jobID":"448761313698322011"})") << "448761313698322011";
    QTest::newRow("leading zeros survive") << QByteArray(R"({"jobId":"000123"})") << "000123";
}

void TestResponseParser::jobIdIsNeverANumber()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, id);
    QCOMPARE(progressOfData(data).jobId, id);
    QCOMPARE(ResponseParser::parseCreatedJobId(QJsonDocument::fromJson(data).object()), id); // create answers stay on QJson
}

void TestResponseParser::fileStatesHaveTheirOwnVocabulary_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("state");
    QTest::newRow("Pending") << "Pending" << "pending";
    QTest::newRow("InProgress") << "InProgress" << "running";
    QTest::newRow("Importing (cloud)") << "Importing" << "running";
    QTest::newRow("Retry") << "Retry" << "retrying";
    QTest::newRow("Completed") << "Completed" << "completed";
    QTest::newRow("Failed") << "Failed" << "failed";
    QTest::newRow("something new") << "Paused" << "unknown";
}

void TestResponseParser::fileStatesHaveTheirOwnVocabulary()
{
    QFETCH(QString, server);
    QFETCH(QString, state);
    QCOMPARE(fileStateName(fileStateFromServer(server)), state);
}

void TestResponseParser::jobStatesAreNormalised_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("state");
    const QList<QPair<const char *, const char *>> rows = {
        {"Pending", "pending"}, {"ImportPending", "pending"}, {"Importing", "running"}, {"InProgress", "running"},
        {"ImportRunning", "running"}, {"PreImporting", "running"}, {"Uncommitted", "finalizing"},
        {"Committing", "finalizing"}, {"Completed", "completed"}, {"ImportCompleted", "completed"},
        {"Failed", "failed"}, {"ImportFailed", "failed"}, {"ImportCancel", "cancelled"}, {"None", "unknown"},
        {"", "unknown"}, {"completed", "completed"}};
    for (const auto &r : rows)
        QTest::newRow(r.first[0] ? r.first : "empty") << QString::fromLatin1(r.first) << QString::fromLatin1(r.second);
}

void TestResponseParser::jobStatesAreNormalised()
{
    QFETCH(QString, server);
    QFETCH(QString, state);
    QCOMPARE(jobStateName(jobStateFromServer(server)), state);
}

void TestResponseParser::failureReasonsAreKeptWhole_data()
{
    QTest::addColumn<QString>("reason");
    const QStringList reasons = {
        QStringLiteral("import error: field dismatch_pk row count 0 is not equal to other fields 100"),
        QStringLiteral("JSON row validator: fieldID 104 missed at the row 0"),
        QStringLiteral("the field 'float_scalar' is not defined in collection schema"),
        QStringLiteral("value of field 'int_scalar_add' is missed; the import task has timed out"),
        QStringLiteral("failed to get file size of 'bulk_data/4abc0d48-a8aa-46a1-bdf9-141737e71893/1.parquet', error:NoSuchKey(key=bulk_data/4abc0d48-a8aa-46a1-bdf9-141737e71893/1.parquet): importing data failed"),
        QStringLiteral("schema not equal, err=field '$meta' not in arrow schema: importing data failed: importing data failed"),
        QStringLiteral("expect 'Float' type for field 'array_float', but got 'list' type"),
        QStringLiteral("%s not aligned->FloatVector: importing data failed"),
        QStringLiteral("failed to parse row, error: invalid character '\"' after array element: importing data failed"),
        QStringLiteral("JSON parse: unexpected EOF"),
        QStringLiteral("invalid index type: 345(json.Number)"),
        QStringLiteral("The import file size has reached the maximum limit allowed for importing, fileSize=17179869185, maxSize=17179869184"),
        QStringLiteral("quota exceeded[reason=disk quota exceeded, please allocate more resources]"),
        QStringLiteral("The number of jobs has reached the limit, please try again later. If your request is set to only import a single file, please consider importing multiple files in one request for better efficiency."),
        QStringLiteral("import job does not exist, jobID=448761313698322011"),
        QStringLiteral("error: expected element type 'Geometry' for field 'geo', got type 'VarChar': importing data failed, file: id:461643605473513461 paths:\"numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/int_scalar.npy\" paths:\"numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/float_scalar.npy\" paths:\"numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/geo.npy\" paths:\"numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/embeddings.npy\""),
    };
    for (int i = 0; i < reasons.size(); ++i)
        QTest::newRow(qPrintable(QStringLiteral("reason %1").arg(i))) << reasons[i];
}

void TestResponseParser::failureReasonsAreKeptWhole()
{
    QFETCH(QString, reason);
    QJsonObject file{{QStringLiteral("fileName"), QStringLiteral("[1.parquet]")}, {QStringLiteral("state"), QStringLiteral("Failed")},
                     {QStringLiteral("reason"), reason}};
    QJsonObject data{{QStringLiteral("jobId"), QStringLiteral("1")}, {QStringLiteral("state"), QStringLiteral("Failed")},
                     {QStringLiteral("reason"), reason}, {QStringLiteral("details"), QJsonArray{file}}};
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), 0}, {QStringLiteral("data"), data}}).toJson();
    const JobProgress j = progressOf(body);
    QCOMPARE(j.state, JobState::Failed);
    QCOMPARE(j.reason, reason);
    QCOMPARE(j.files[0].reason, reason);
    QCOMPARE(j.files[0].state, FileState::Failed);
    // v1 names it errorMessage
    const JobProgress v1 = progressOfData(QJsonDocument(QJsonObject{{QStringLiteral("readyPercentage"), 0.2}, {QStringLiteral("errorMessage"), reason}}).toJson(), Dialect::CloudV1);
    QCOMPARE(v1.reason, reason);
    QCOMPARE(v1.state, JobState::Failed);
}

void TestResponseParser::oldFileNamesAreShownVerbatim()
{
    const JobProgress j = progressOf(R"({"code":0,"data":{"state":"Importing","details":[{"fileName":"id:448761313698322012 paths:\"a6fb/1.parquet\" ","state":"InProgress","progress":50}]}})");
    QCOMPARE(j.files[0].fileName, QStringLiteral("id:448761313698322012 paths:\"a6fb/1.parquet\" "));
    QCOMPARE(j.files[0].progress, 50.0);
}

void TestResponseParser::listAcceptsRecordsOrTasks_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("hasProgress");
    QTest::newRow("cloud v2 records without progress") << QByteArray(R"({"count":1,"currentPage":1,"pageSize":10,"records":[{"collectionName":"c","jobId":"job-a","state":"Completed"}]})") << int(Dialect::V2) << 1 << true;
    QTest::newRow("cloud v2 running record without progress") << QByteArray(R"({"records":[{"collectionName":"c","jobId":"job-a","state":"Importing"}]})") << int(Dialect::V2) << 1 << false;
    QTest::newRow("Milvus records with progress") << QByteArray(R"({"records":[{"collectionName":"quick_setup","jobId":"4487","progress":50,"state":"Importing"},{"jobId":"4488","progress":"0","state":"Failed","reason":"x"}]})") << int(Dialect::V2) << 2 << true;
    QTest::newRow("v1 tasks") << QByteArray(R"({"count":2,"tasks":[{"jobId":"job-a","state":"ImportRunning"},{"jobId":"job-b","state":"ImportCompleted"}]})") << int(Dialect::CloudV1) << 2 << false;
    QTest::newRow("record without job id skipped") << QByteArray(R"({"records":[{"state":"Importing"}]})") << int(Dialect::V2) << 0 << false;
    QTest::newRow("no records at all") << QByteArray(R"({})") << int(Dialect::V2) << 0 << false;
}

void TestResponseParser::listAcceptsRecordsOrTasks()
{
    QFETCH(QByteArray, data);
    QFETCH(int, dialect);
    QFETCH(int, count);
    QFETCH(bool, hasProgress);
    const ListPage p = listOfData(data, Dialect(dialect));
    QCOMPARE(p.jobs.size(), count);
    if (count)
        QCOMPARE(p.jobs[0].progress.has_value(), hasProgress);
}

void TestResponseParser::stuckAt80IsExplainedAsSortingAndIndexing()
{
    const JobProgress j = progressOf(R"({"code":0,"data":{"state":"Importing","progress":80,"completeTime":"", "details":[{"fileName":"[1.parquet]","state":"Completed","progress":100},{"fileName":"[2.parquet]","state":"Completed","progress":100}]}})");
    QCOMPARE(jobPhase(j), JobPhase::SortingIndexing);
    QVERIFY(jobPhaseText(jobPhase(j)).contains(QStringLiteral("index")));
    QVERIFY(phaseHasNoEta(jobPhase(j)));
}

void TestResponseParser::pastedJobIdsAreTrimmed_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("spaces") << "  453240863839750922 \n" << "453240863839750922" << true;
    QTest::newRow("quotes") << "\"job-01fa0e5d42cjxudhpuehyp\"," << "job-01fa0e5d42cjxudhpuehyp" << true;
    QTest::newRow("typographic quotes") << "“453240863839750922”" << "453240863839750922" << true;
    QTest::newRow("empty") << "   " << "" << false;
    QTest::newRow("inner space") << "4532 40863" << "4532 40863" << false;
    QTest::newRow("a JSON fragment") << "{\"jobId\": 1}" << "{\"jobId\": 1}" << false;
    QTest::newRow("megabyte paste") << QString(1024 * 1024, QLatin1Char('7')) << QString(1024 * 1024, QLatin1Char('7')) << false;
}

void TestResponseParser::pastedJobIdsAreTrimmed()
{
    QFETCH(QString, pasted);
    QFETCH(QString, id);
    QFETCH(bool, valid);
    const QString n = normalisedJobId(pasted);
    QCOMPARE(n, id);
    QCOMPARE(jobIdProblem(n).isEmpty(), valid);
}

void TestResponseParser::endpointUrlsAreChecked_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("url");
    QTest::newRow("host:port gets http") << "localhost:19530" << "http://localhost:19530";
    QTest::newRow("trailing slash") << "https://api.cloud.zilliz.com/" << "https://api.cloud.zilliz.com";
    QTest::newRow("spaces") << "  http://10.0.0.5:19530  " << "http://10.0.0.5:19530";
    QTest::newRow("no host") << "http://" << "";
    QTest::newRow("ftp") << "ftp://example.com" << "";
    QTest::newRow("credentials in URL") << "http://root:Milvus@localhost:19530" << "";
    QTest::newRow("empty") << "" << "";
}

void TestResponseParser::endpointUrlsAreChecked()
{
    QFETCH(QString, text);
    QFETCH(QString, url);
    QString problem;
    const QUrl u = parseEndpointUrl(text, &problem);
    QCOMPARE(u.toString(), url);
    QCOMPARE(problem.isEmpty(), !url.isEmpty());
}

void TestResponseParser::dialectIsChosenFromTheHost_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("dialect");
    QTest::newRow("legacy controller") << "https://controller.api.gcp-us-west1.zillizcloud.com" << int(Dialect::CloudV1);
    QTest::newRow("v2 cloud") << "https://api.cloud.zilliz.com" << int(Dialect::V2);
    QTest::newRow("Milvus") << "http://localhost:19530" << int(Dialect::V2);
}

void TestResponseParser::dialectIsChosenFromTheHost()
{
    QFETCH(QString, url);
    QFETCH(int, dialect);
    Endpoint ep;
    ep.baseUrl = QUrl(url);
    QCOMPARE(int(ep.effectiveDialect()), dialect);
}

void TestResponseParser::bothParsersAgree_data()
{
    QTest::addColumn<int>("http");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind"); // what a user sees: the error kind, "none" for a good answer
    QTest::addColumn<bool>("fast");    // simdjson answers it (else the reference does, by design)
    // Good envelopes that simdjson reads take the fast path; errors and what its stricter grammar refuses do not.
    const auto row = [](const char *name, int http, const QByteArray &body, const char *kind) {
        static const QList<QByteArray> toReference = {"number underflowing", "0.0 is", "integer beyond", "1. (Qt", "byte order",
                                                      "raw control", "lone surrogate", "deep nesting", "whitespace", "top-level"};
        bool fast = http == 200 && QByteArray(kind) == "none";
        for (const QByteArray &r : toReference)
            fast = fast && !QByteArray(name).startsWith(r);
        QTest::newRow(name) << http << body << QString::fromLatin1(kind) << fast;
    };
    row("repeated key: the last wins", 200, R"({"code":0,"data":{"state":"Pending","state":"Completed","details":[{"fileName":"a","fileName":"b"}]}})", "none");
    row("repeated data", 200, R"({"code":0,"data":{"jobId":"1"},"data":{"jobId":"2"}})", "none");
    row("number underflowing to 0 is not JSON (Qt)", 200, R"({"code":0,"data":{"progress":1e-400}})", "malformed");
    // Wherever the underflow hides: the simdjson path must not skip a value the reference would refuse.
    row("underflow in an unknown nested field", 200, R"({"code":0,"data":{"details":[{"fileName":"a","x":{"y":[1,1e-400]}}]}})", "malformed");
    row("underflow in a detail that is an array", 200, R"({"code":0,"data":{"details":[[1e-400]]}})", "malformed");
    row("underflow in a detail that is a number", 200, R"({"code":0,"data":{"details":[1e-400]}})", "malformed");
    row("underflow in replaced details", 200, R"({"code":0,"data":{"details":[{"x":1e-400}],"details":[]}})", "malformed");
    row("underflow in details replaced by a number", 200, R"({"code":0,"data":{"details":[{"x":1e-400}],"details":5}})", "malformed");
    row("underflow in replaced data", 200, R"({"code":0,"data":{"x":[1e-400]},"data":{}})", "malformed");
    row("underflow beside the envelope", 200, R"({"code":0,"x":{"y":1e-400},"data":{}})", "malformed");
    row("underflow in list tasks not read", 200, R"({"code":0,"data":{"records":[{"jobId":"a"}],"tasks":[{"jobId":"b","x":1e-400}]}})", "malformed");
    row("0.0 is a number", 200, R"({"code":0,"data":{"readyPercentage":0.0}})", "none");
    row("subnormal is a number", 200, R"({"code":0,"data":{"progress":1e-310}})", "none");
    row("number too large", 200, R"({"code":0,"data":{"progress":1e400}})", "malformed");
    row("integer beyond 64 bits", 200, R"({"code":0,"data":{"totalRows":123456789012345678901234567890}})", "none");
    row("uint64", 200, R"({"code":0,"data":{"totalRows":18446744073709551615,"fileSize":9223372036854775808}})", "none");
    row("1. (Qt reads it, simdjson does not)", 200, R"({"code":0,"data":{"progress":1.}})", "none");
    row("-0", 200, R"({"code":0,"data":{"progress":-0,"completeTime":-0}})", "none");
    row("epoch seconds and milliseconds", 200, R"({"code":0,"data":{"completeTime":1700000000,"createTime":1700000000123.6}})", "none");
    row("byte order mark", 200, "\xef\xbb\xbf{\"code\":0,\"data\":{}}", "none");
    row("raw control character in a string", 200, "{\"code\":0,\"data\":{\"reason\":\"a\x01" "b\"}}", "none");
    row("lone surrogate escape", 200, R"({"code":0,"data":{"reason":"\ud800"}})", "none");
    row("escaped key", 200, R"({"code":0,"data":{"job\u0049d":"7","st\u0061te":"Importing"}})", "none");
    row("non-ASCII digits in a time", 200, "{\"code\":0,\"data\":{\"completeTime\":\"2024-04-01T06:17:55.\xd9\xa1Z\"}}", "none");
    row("time with spaces around", 200, R"({"code":0,"data":{"completeTime":" 2024-04-01T06:17:55Z "}})", "none");
    row("time with a space for T", 200, R"({"code":0,"data":{"completeTime":"2024-04-01 06:17:55+01:00"}})", "none");
    row("time without offset", 200, R"({"code":0,"data":{"completeTime":"2024-04-01T06:17:55"}})", "none");
    row("invalid UTF-8", 200, "{\"code\":0,\"data\":{\"reason\":\"\xff\"}}", "malformed");
    row("broken value in an ignored field", 200, R"({"code":0,"data":{"x":tru,"state":"Completed"}})", "malformed");
    row("trailing garbage", 200, R"({"code":0,"data":{}}x)", "malformed");
    row("two documents", 200, R"({"code":0,"data":{}}{"code":0})", "malformed");
    row("deep nesting", 200, QByteArray(R"({"code":0,"data":{"x":)") + QByteArray(900, '[') + QByteArray(900, ']') + "}}", "none");
    row("too deep", 200, QByteArray(R"({"code":0,"data":{"x":)") + QByteArray(2000, '[') + QByteArray(2000, ']') + "}}", "malformed");
    row("data is an array", 200, R"({"code":0,"data":[{"jobId":"1"}]})", "none");
    row("data is null", 200, R"({"code":0,"data":null})", "none");
    row("details not an array", 200, R"({"code":0,"data":{"details":{"fileName":"a"},"fileName":"top"}})", "none");
    row("details with non-objects", 200, R"({"code":0,"data":{"details":[1,"x",null,[],{"fileName":"a","readyPercentage":"50%"}]}})", "none");
    row("numbers and bools everywhere", 200, R"({"code":"200","data":{"jobId":12345678901234567890,"state":true,"progress":"45.5%","reason":1.5,"details":[{"fileName":3,"progress":false,"state":7}]}})", "none");
    row("code null with data", 200, R"({"code":null,"data":{"jobId":"1"}})", "none");
    row("code as float string", 200, R"({"code":"0.0","data":{}})", "none");
    row("code 0 message ok", 200, R"({"code":0,"message":"OK"})", "none");
    row("error in disguise", 200, R"({"code":0,"message":"cluster not ready"})", "server");
    row("neither code nor data", 200, R"({"message":"hi"})", "malformed");
    row("error code on 200", 200, R"({"code":1100,"message":"invalid parameter"})", "server");
    row("rate limited", 200, R"({"code":8,"message":"rate limit exceeded"})", "rate_limited");
    row("good body on HTTP 500", 500, R"({"code":0,"data":{"state":"Completed"}})", "server");
    row("whitespace only", 200, " \n\t ", "malformed");
    row("top-level string", 200, R"("hello")", "malformed");
    row("list records and tasks", 200, R"({"code":0,"data":{"records":[],"tasks":[{"jobID":5,"readyPercentage":"0.5"},{"jobId":""},7]}})", "none");
    row("list counts as strings", 200, R"({"code":0,"data":{"count":"12","pageSize":"10.0","currentPage":null,"records":[{"jobId":"a","progress":null,"state":"ImportCompleted"}]}})", "none");
    row("cloud v1 list", 200, R"({"code":200,"data":{"count":1,"tasks":[{"jobId":"job-a","state":"ImportRunning","readyPercentage":0.25}]}})", "none");
}

void TestResponseParser::bothParsersAgree()
{
    QFETCH(int, http);
    QFETCH(QByteArray, body);
    QFETCH(QString, kind);
    QFETCH(bool, fast);
    for (const Dialect d : {Dialect::V2, Dialect::CloudV1}) {
        const ProgressAnswer a = answerOf(http, body, d); // fails on any difference
        QCOMPARE(a.envelope.error.kindName(), kind);
        QCOMPARE(!ResponseParser::detail::lastAnswerUsedReference(), fast);
        const QString path = QStringLiteral("/v2/vectordb/jobs/import/list");
        const QString diff = AnswerDiff::list(ResponseParser::parseListAnswer(http, body, path, d),
                                              ResponseParser::parseListAnswerReference(http, body, path, d));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestResponseParser::largeDescribeParsesWhole()
{
    // 1,024 and 10,000 files: the thread keeps its parser and buffers between the two sizes.
    for (const int files : {1024, 10000}) {
        QJsonArray details;
        for (int i = 0; i < files; ++i)
            details.append(QJsonObject{{QStringLiteral("completeTime"), QStringLiteral("2024-10-15T15:27:33+08:00")},
                                       {QStringLiteral("fileName"), QStringLiteral("[8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe/%1.parquet]").arg(i)},
                                       {QStringLiteral("fileSize"), 31567773}, {QStringLiteral("importedRows"), i},
                                       {QStringLiteral("progress"), i % 101}, {QStringLiteral("state"), i % 7 ? QStringLiteral("InProgress") : QStringLiteral("Completed")},
                                       {QStringLiteral("totalRows"), 10000}});
        const QJsonObject data{{QStringLiteral("jobId"), QStringLiteral("453240863839750922")}, {QStringLiteral("state"), QStringLiteral("Importing")},
                               {QStringLiteral("progress"), 42}, {QStringLiteral("details"), details}};
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), 0}, {QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
        const ProgressAnswer a = ResponseParser::parseProgressAnswer(200, body, QStringLiteral("/describe"), Dialect::V2);
        QVERIFY(!ResponseParser::detail::lastAnswerUsedReference());
        QCOMPARE(a.job, ResponseParser::parseProgressAnswerReference(200, body, QStringLiteral("/describe"), Dialect::V2).job);
        const JobProgress j = progressOf(body);
        QCOMPARE(j.files.size(), files);
        QCOMPARE(j.progress, 42.0);
        QCOMPARE(j.files.last().fileName, QStringLiteral("[8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe/%1.parquet]").arg(files - 1));
        QCOMPARE(j.files.last().importedRows.value_or(-1), files - 1);
        QCOMPARE(j.files[7].state, FileState::Completed);
        QCOMPARE(j.files[8].state, FileState::Running);
        QCOMPARE(j.files[8].completeTime, QDateTime(QDate(2024, 10, 15), QTime(7, 27, 33), QTimeZone(0)));
    }
}

#endif

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
