// Starting, retrying, committing and aborting imports from Bulkwatch, against bulkwatch-sim in each dialect.

#include "ErrorAdvice.h"
#include "HistoryStore.h"
#include "CreateParams.h"
#include "ImportService.h"
#include "MainWindow.h"
#include "NewImportDialog.h"
#include "SecretStore.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

namespace {
ImportService::Options fast()
{
    return fastOptions();
}

SimScenario quickScenario()
{
    SimScenario s;
    s.collections = {QStringLiteral("quick_setup")};
    s.newPendingSeconds = 1;
    s.newPreimportSeconds = 1;
    s.newSecondsPerFile = 2;
    s.newSortSeconds = 1;
    s.newIndexSeconds = 1;
    return s;
}

struct Created
{
    QString key;
    ApiError error;
    bool done = false;
};

Created create(ImportService &service, const CreateRequest &req, bool remember = false)
{
    Created c;
    service.createJob(QStringLiteral("sim"), req, remember, [&](const QString &key, const ApiError &e) {
        c.key = key;
        c.error = e;
        c.done = true;
    });
    if (!waitUntil([&] { return c.done; }, 10000))
        c.error = ApiError::make(ErrorKind::Timeout, QStringLiteral("no answer to create within 10 s")); // never a silent success
    return c;
}

CreateRequest request(const QStringList &files, bool cloud)
{
    CreateRequest r;
    r.collectionName = QStringLiteral("quick_setup");
    for (const QString &f : files)
        r.fileGroups << QStringList{cloud ? QStringLiteral("s3://bucket/") + f : f};
    return r;
}
} // namespace

class TestImports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNewImportIsWatchedUntilItCompletes_data();
    void aNewImportIsWatchedUntilItCompletes();

    void aFailedImportIsRetriedWithTheSameParameters();

    void aJobCreatedElsewhereIsPrefilledForRetry();

    void twoPhaseImportsAreCommittedOrAborted();

    void declinedConfirmationChangesNothing();

    void createErrorsSayWhatHappenedAndWhatToDo_data();
    void createErrorsSayWhatHappenedAndWhatToDo();

    void bucketKeysAreKeptOnlyWhenAsked();

    void theDialogValidatesBeforeSending_data();
    void theDialogValidatesBeforeSending();

    void cloudObjectUrlsMustBeUrls();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestImports::aNewImportIsWatchedUntilItCompletes_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("milvus") << int(SimDialect::Milvus);
    QTest::newRow("cloud-v2") << int(SimDialect::CloudV2);
    QTest::newRow("cloud-v1") << int(SimDialect::CloudV1);
}

void TestImports::aNewImportIsWatchedUntilItCompletes()
{
    QFETCH(int, dialect);
    SimFixture sim(quickScenario(), SimDialect(dialect));
    sim.server->engine().setSpeed(5);
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok, 5000);
    const Created c = create(service, request({QStringLiteral("a.parquet"), QStringLiteral("b.parquet")}, dialect != int(SimDialect::Milvus)));
    QVERIFY2(!c.error.isError(), qPrintable(c.error.summary()));
    QVERIFY(service.job(c.key)); // watched at once
    QCOMPARE(service.job(c.key)->job.collectionName.value_or(QString()), QStringLiteral("quick_setup"));
    QTRY_COMPARE_WITH_TIMEOUT(service.job(c.key)->job.state, JobState::Completed, 15000);
    QVERIFY(service.job(c.key)->hasDetails);
}

void TestImports::aFailedImportIsRetriedWithTheSameParameters()
{
    SimFixture sim(quickScenario());
    sim.server->engine().setSpeed(5);
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    CreateRequest req = request({QStringLiteral("good.parquet"), QStringLiteral("will-fail.parquet")}, false);
    req.options.insert(QStringLiteral("timeout"), QStringLiteral("300s"));
    const Created first = create(service, req);
    QVERIFY(!first.error.isError());
    QTRY_COMPARE_WITH_TIMEOUT(service.job(first.key)->job.state, JobState::Failed, 15000);
    QVERIFY(!service.job(first.key)->job.reason.isEmpty());
    Created again;
    QVERIFY(service.retryJob(first.key, [&](const QString &key, const ApiError &e) { again = {key, e, true}; }));
    QTRY_VERIFY_WITH_TIMEOUT(again.done, 5000);
    QVERIFY(!again.error.isError());
    QVERIFY(again.key != first.key);
    const JobRecord *r = service.job(again.key);
    QCOMPARE(CreateParams::fromJson(r->createParams).fileGroups, req.fileGroups);
    QCOMPARE(CreateParams::fromJson(r->createParams).options.value(QLatin1String("timeout")).toString(), QStringLiteral("300s"));
    QTRY_VERIFY_WITH_TIMEOUT(service.job(again.key)->hasDetails, 5000);
    QCOMPARE(service.job(again.key)->job.files.size(), 2);
}

void TestImports::aJobCreatedElsewhereIsPrefilledForRetry()
{
    SimScenario s = quickScenario();
    SimJob j = timelineJob(QStringLiteral("453240863839750924"));
    j.createdAt = -100;
    j.failAt = 25;
    j.legacyFileNames = false;
    j.files[1].paths = QStringList{QStringLiteral("x.npy"), QStringLiteral("y.npy")};
    s.jobs = {j};
    SimFixture sim(s);
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    const QString key = jobKey(QStringLiteral("453240863839750924"));
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->hasDetails, 5000);
    QVERIFY(!service.retryJob(key, [](const QString &, const ApiError &) {}));
    const CreateRequest known = service.requestFor(key);
    QCOMPARE(known.collectionName, QStringLiteral("quick_setup"));
    QCOMPARE(known.fileGroups, (QVector<QStringList>{{QStringLiteral("part-0.parquet")}, {QStringLiteral("x.npy"), QStringLiteral("y.npy")}}));
    NewImportDialog dialog(&service, QStringLiteral("sim"), known);
    QCOMPARE(dialog.filesEdit()->toPlainText(), QStringLiteral("part-0.parquet\nx.npy, y.npy"));
    QCOMPARE(dialog.problem(), QString());
}

void TestImports::twoPhaseImportsAreCommittedOrAborted()
{
    SimFixture sim(quickScenario());
    sim.server->engine().setSpeed(10);
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    CreateRequest req = request({QStringLiteral("a.parquet")}, false);
    req.options.insert(QStringLiteral("auto_commit"), QStringLiteral("false"));
    const Created toCommit = create(service, req);
    const Created toAbort = create(service, req);
    QTRY_COMPARE_WITH_TIMEOUT(service.job(toCommit.key)->job.serverState, QStringLiteral("Uncommitted"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(service.job(toAbort.key)->job.serverState, QStringLiteral("Uncommitted"), 15000);

    MainWindow window(&service);
    QStringList asked;
    window.setConfirmHandler([&](const QString &title, const QString &) { asked << title; return true; });
    window.selectJob(toCommit.key);
    window.commitSelected();
    QTRY_COMPARE_WITH_TIMEOUT(service.job(toCommit.key)->job.state, JobState::Completed, 10000);
    window.selectJob(toAbort.key);
    window.abortSelected();
    QTRY_COMPARE_WITH_TIMEOUT(service.job(toAbort.key)->job.state, JobState::Failed, 10000);
    QVERIFY(service.job(toAbort.key)->job.reason.contains(QLatin1String("abort")));
    QCOMPARE(asked, (QStringList{QStringLiteral("Commit import"), QStringLiteral("Abort import")}));
}

void TestImports::declinedConfirmationChangesNothing()
{
    SimFixture sim(quickScenario());
    sim.server->engine().setSpeed(10);
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    CreateRequest req = request({QStringLiteral("a.parquet")}, false);
    req.options.insert(QStringLiteral("auto_commit"), QStringLiteral("false"));
    const Created c = create(service, req);
    QTRY_COMPARE_WITH_TIMEOUT(service.job(c.key)->job.serverState, QStringLiteral("Uncommitted"), 15000);
    MainWindow window(&service);
    window.setConfirmHandler([](const QString &, const QString &) { return false; });
    window.selectJob(c.key);
    window.abortSelected();
    const int before = sim.server->requestCount();
    QVERIFY(waitUntil([&] { return sim.server->requestCount() >= before + 3; }, 10000)); // the loop could have sent it
    QCOMPARE(sim.server->requestCount(QStringLiteral("/abort")), 0);
    QCOMPARE(service.job(c.key)->job.serverState, QStringLiteral("Uncommitted"));
}

void TestImports::createErrorsSayWhatHappenedAndWhatToDo_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("serverWords");
    QTest::addColumn<QString>("advice");
    QTest::newRow("collection not found") << int(SimDialect::Milvus) << "nope" << QStringList{QStringLiteral("a.parquet")} << QByteArray() << "collection not found" << "check its name";
    QTest::newRow("file too large") << int(SimDialect::Milvus) << "quick_setup" << QStringList{QStringLiteral("toolarge.parquet")} << QByteArray() << "maximum limit" << "split it";
    QTest::newRow("too many files") << int(SimDialect::Milvus) << "quick_setup" << QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")} << QByteArray() << "should not exceed" << "several imports";
    QTest::newRow("job limit") << int(SimDialect::Milvus) << "quick_setup" << QStringList{QStringLiteral("jobs")} << QByteArray() << "number of jobs has reached the limit" << "wait for some to finish";
    QTest::newRow("bad bucket credentials") << int(SimDialect::CloudV2) << "quick_setup" << QStringList{QStringLiteral("s3://b/a.parquet")} << QByteArray("wrong-secret") << "access key or secret key is incorrect" << "check the access key";
}

void TestImports::createErrorsSayWhatHappenedAndWhatToDo()
{
    QFETCH(int, dialect);
    QFETCH(QString, collection);
    QFETCH(QStringList, files);
    QFETCH(QByteArray, secret);
    QFETCH(QString, serverWords);
    QFETCH(QString, advice);
    SimScenario s = quickScenario();
    s.maxFilesPerJob = 2;
    if (files == QStringList{QStringLiteral("jobs")}) {
        s.maxActiveJobs = 1;
        s.jobs = {timelineJob(QStringLiteral("1"))};
    }
    SimFixture sim(s, SimDialect(dialect));
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    CreateRequest req;
    req.collectionName = collection;
    for (const QString &f : files)
        req.fileGroups << QStringList{f};
    req.accessKey = "AKIA-test";
    req.secretKey = secret;
    const Created c = create(service, req);
    QVERIFY(c.error.isError());
    const QString text = ErrorAdvice::forCreate(c.error);
    QVERIFY2(text.contains(serverWords), qPrintable(text));
    QVERIFY2(text.contains(advice), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("wrong-secret")));
}

void TestImports::bucketKeysAreKeptOnlyWhenAsked()
{
    SimFixture sim(quickScenario(), SimDialect::CloudV2);
    QTemporaryDir dir;
    HistoryStore store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite")), &error));
    MemorySecretStore keychain;
    ImportService service(&store, &keychain);
    service.setOptions(fast());
    QStringList log;
    service.setRequestLogger([&](const QString &l) { log << l; });
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    CreateRequest req = request({QStringLiteral("a.parquet")}, true);
    req.accessKey = "AKIA-bucket-access";
    req.secretKey = "bucket-secret-do-not-store";
    const Created once = create(service, req, false);
    QVERIFY(!once.error.isError());
    QVERIFY(!keychain.contains(QStringLiteral("sim:bucket")));
    const Created kept = create(service, req, true);
    QVERIFY(!kept.error.isError());
    QTRY_VERIFY(keychain.contains(QStringLiteral("sim:bucket")));
    // Retry reads them back from the keychain.
    Created again;
    QVERIFY(service.retryJob(kept.key, [&](const QString &key, const ApiError &e) { again = {key, e, true}; }));
    QTRY_VERIFY_WITH_TIMEOUT(again.done, 5000);
    QVERIFY2(!again.error.isError(), qPrintable(again.error.summary()));
    service.flush(); // the history written now, not after a guessed delay
    QDirIterator it(dir.path(), QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("bucket-secret-do-not-store"), qPrintable(f.fileName()));
    }
    QVERIFY(!log.join(QLatin1Char('\n')).contains(QLatin1String("bucket-secret")));
    QVERIFY(!QJsonDocument(service.job(once.key)->createParams).toJson().contains("bucket-secret"));
}

void TestImports::theDialogValidatesBeforeSending_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no collection") << "" << "a.parquet" << "Enter the collection";
    QTest::newRow("bad collection name") << "my collection" << "a.parquet" << "start with a letter";
    QTest::newRow("no files") << "quick_setup" << "  \n \n" << "at least one file";
    QTest::newRow("too many groups") << "quick_setup" << QStringLiteral("f.parquet\n").repeated(1025) << "at most 1024";
    QTest::newRow("fine") << "quick_setup" << "a.parquet\nx.npy, y.npy" << "";
}

void TestImports::theDialogValidatesBeforeSending()
{
    QFETCH(QString, collection);
    QFETCH(QString, files);
    QFETCH(QString, problem);
    SimFixture sim(quickScenario());
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    NewImportDialog dialog(&service, QStringLiteral("sim"), {});
    dialog.collectionEdit()->setText(collection);
    dialog.filesEdit()->setPlainText(files);
    QVERIFY2(problem.isEmpty() ? dialog.problem().isEmpty() : dialog.problem().contains(problem), qPrintable(dialog.problem()));
    if (problem.isEmpty()) {
        QCOMPARE(dialog.request().fileGroups.size(), 2);
        QCOMPARE(dialog.request().fileGroups[1], (QStringList{QStringLiteral("x.npy"), QStringLiteral("y.npy")}));
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5000);
        QVERIFY(service.job(dialog.createdKey()));
    } else {
        dialog.accept();
        // The event loop turns long enough to send: the service's own polls get through, a create does not.
        const int before = sim.server->requestCount();
        QVERIFY(waitUntil([&] { return sim.server->requestCount() >= before + 3; }, 10000));
        QCOMPARE(sim.server->requestCount(QStringLiteral("/create")), 0); // nothing sent
        QVERIFY(dialog.result() != int(QDialog::Accepted)); // still open, saying what is wrong
    }
}

void TestImports::cloudObjectUrlsMustBeUrls()
{
    SimFixture sim(quickScenario(), SimDialect::CloudV2);
    ImportService service(nullptr, nullptr);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    NewImportDialog dialog(&service, QStringLiteral("sim"), {});
    dialog.collectionEdit()->setText(QStringLiteral("quick_setup"));
    dialog.filesEdit()->setPlainText(QStringLiteral("folder/1.parquet"));
    QVERIFY(dialog.problem().contains(QLatin1String("not an object URL")));
    dialog.filesEdit()->setPlainText(QStringLiteral("s3://bucket/folder/1.parquet"));
    QCOMPARE(dialog.problem(), QString());
    QVERIFY(dialog.rememberBox()->isVisibleTo(&dialog));
    QVERIFY(!dialog.twoPhaseBox()->isVisibleTo(&dialog));
}

#endif

QTEST_MAIN(TestImports)
#include "tst_imports.moc"
