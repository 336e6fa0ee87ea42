// The SQLite history: survives restarts, refuses damaged or newer files without touching them.

#include "HistoryCodec.h"
#include "HistoryStore.h"
#include "HistoryWriter.h"
#include "support/OsThreads.h"

#include "CreateParams.h"

#include <QSignalSpy>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
Connection connection()
{
    Connection c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Prod");
    c.kind = Connection::Kind::ZillizCloud;
    c.baseUrl = QUrl(QStringLiteral("https://api.cloud.zilliz.com"));
    c.clusterId = QStringLiteral("in01-abc");
    c.hasKey = true;
    return c;
}

JobRecord record(const QString &id)
{
    JobRecord r;
    r.connectionId = QStringLiteral("c1");
    r.job.jobId = id;
    r.job.collectionName = QStringLiteral("medium_articles");
    r.job.state = JobState::Failed;
    r.job.serverState = QStringLiteral("Failed");
    r.job.progress = 0;
    r.job.totalRows = 100000;
    r.job.importedRows = 5000;
    r.job.fileSize = 3279917;
    r.job.completeTime = QDateTime(QDate(2024, 4, 1), QTime(6, 17, 55), QTimeZone(0)).toUTC();
    r.job.reason = QStringLiteral("JSON parse: unexpected EOF");
    FileProgress f;
    f.fileName = QStringLiteral("[1.parquet]");
    f.state = FileState::Failed;
    f.serverState = QStringLiteral("Failed");
    f.progress = 5;
    f.reason = r.job.reason;
    f.totalRows = 100000;
    r.job.files = {f};
    r.hasDetails = true;
    r.firstSeen = QDateTime(QDate(2024, 4, 1), QTime(6, 0, 0), QTimeZone(0)).toUTC();
    r.lastAnswer = r.firstSeen.addSecs(60);
    r.expired = true;
    r.expiredAt = r.firstSeen.addSecs(3 * 3600);
    r.notifiedState = QStringLiteral("failed");
    return r;
}

QByteArray digest(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everythingSurvivesARestart();

    void updatesReplaceAndRemovalsCascade();

    void nothingSecretIsStored();

    void damagedFilesAreReportedAndLeftAlone_data();
    void damagedFilesAreReportedAndLeftAlone();

    void aNewerSchemaIsRefused();

    void anotherProgramsDatabaseIsRefused();
    void aVersion1HistoryIsMigratedKeepingItsJobs();
    void aVersion3HistoryKeepsItsFilesInTheNewCodec();
    void fileListsAreLoadedOnlyWhenAsked();
    void aVersion4HistoryGainsTheLifecycleColumns();
    void aNotificationMarkDoesNotRewriteTheFiles();
    void theWriterThreadWritesInOrderAndFlushWaits();
    void theCodecRoundTripsEveryField();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestHistoryStore::everythingSurvivesARestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        HistoryStore s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QVERIFY(s.saveConnection(connection()));
        QVERIFY(s.saveJobs({record(QStringLiteral("job-1")), record(QStringLiteral("453240863839750922"))}));
    }
    HistoryStore s;
    QString error;
    QVERIFY2(s.open(path, &error), qPrintable(error));
    const auto conns = s.connections();
    QCOMPARE(conns.size(), 1);
    QCOMPARE(conns[0].clusterId, QStringLiteral("in01-abc"));
    QCOMPARE(conns[0].kind, Connection::Kind::ZillizCloud);
    QVERIFY(conns[0].hasKey);
    const auto jobs = s.jobs();
    QCOMPARE(jobs.size(), 2);
    const JobRecord expected = record(QStringLiteral("job-1"));
    const JobRecord &got = jobs[0].job.jobId == QLatin1String("job-1") ? jobs[0] : jobs[1];
    QCOMPARE(got.job, expected.job);
    QCOMPARE(got.expired, true);
    QCOMPARE(got.expiredAt, expected.expiredAt);
    QCOMPARE(got.firstSeen, expected.firstSeen);
    QCOMPARE(got.notifiedState, QStringLiteral("failed"));
    QCOMPARE(got.job.files[0].reason, QStringLiteral("JSON parse: unexpected EOF"));
}

void TestHistoryStore::updatesReplaceAndRemovalsCascade()
{
    QTemporaryDir dir;
    HistoryStore s;
    QString error;
    QVERIFY(s.open(dir.filePath(QStringLiteral("h.sqlite")), &error));
    s.saveConnection(connection());
    JobRecord r = record(QStringLiteral("job-1"));
    s.saveJobs({r});
    r.job.progress = 42;
    s.saveJobs({r});
    QCOMPARE(s.jobs().size(), 1);
    QCOMPARE(s.jobs()[0].job.progress, 42.0);
    QVERIFY(s.removeJob(QStringLiteral("c1"), QStringLiteral("job-1")));
    QCOMPARE(s.jobs().size(), 0);
    s.saveJobs({r});
    QVERIFY(s.removeConnection(QStringLiteral("c1")));
    QCOMPARE(s.jobs().size(), 0);
    QCOMPARE(s.connections().size(), 0);
}

void TestHistoryStore::nothingSecretIsStored()
{
    // The secrets a user gives Bulkwatch: the connection's API key (kept in the keychain; the client gets it in
    // its Endpoint) and the bucket keys typed into a create (for that request only). The history gets what the
    // app hands it: the connection, and the job with its create parameters through the service's codec.
    const QByteArray apiKey = "db_admin:Zk7-apikey-2fd9c1e0b8a7";
    const QByteArray accessKey = "AKIAZK7ACCESSKEY4Q2W";
    const QByteArray secretKey = "wJalrXUtnZK7/SECRETKEY/bPxRfiCYEXAMPLE";
    const QString marker = QStringLiteral("s3://bw-history-test-bucket/part-0.parquet"); // stored: the search sees the data

    Connection c = connection();
    c.hasKey = true;
    QCOMPARE(c.endpoint(apiKey).token, apiKey);
    CreateRequest req;
    req.collectionName = QStringLiteral("medium_articles");
    req.fileGroups = {{marker}};
    req.accessKey = accessKey;
    req.secretKey = secretKey;
    req.options = QJsonObject{{QStringLiteral("timeout"), QStringLiteral("300s")}};
    JobRecord r = record(QStringLiteral("job-1"));
    r.createParams = CreateParams::toJson(req, true);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    // Every file of the database: the main file, and the -wal and -shm files while it is open.
    auto search = [&](bool open) {
        QStringList found, files;
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files)) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                return QStringList{QStringLiteral("cannot read ") + name};
            files << name;
            const QByteArray bytes = f.readAll();
            for (const QByteArray &secret : {apiKey, accessKey, secretKey}) {
                if (bytes.contains(secret))
                    found << name + QLatin1String(": ") + QString::fromLatin1(secret);
            }
            if (bytes.contains(marker.toUtf8()))
                found << name + QLatin1String(": marker");
        }
        if (open && !(files.contains(QStringLiteral("h.sqlite-wal")) && files.contains(QStringLiteral("h.sqlite-shm"))))
            found << QStringLiteral("no -wal/-shm while open: ") + files.join(QLatin1Char(' '));
        return found;
    };
    {
        HistoryStore s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QVERIFY(s.saveConnection(c));
        QVERIFY(s.saveJobs({r}));
        const QStringList found = search(true);
        QVERIFY2(found.filter(QStringLiteral(": marker")).size() >= 1, qPrintable(found.join(QLatin1String(", "))));
        QVERIFY2(found.filter(QStringLiteral(": marker")) == found, qPrintable(found.join(QLatin1String(", "))));
        // What comes back is what Retry needs, without the keys.
        const QVector<JobRecord> jobs = s.jobs();
        QCOMPARE(jobs.size(), 1);
        const CreateRequest back = CreateParams::fromJson(jobs.first().createParams);
        QCOMPARE(back.fileGroups, req.fileGroups);
        QVERIFY(back.accessKey.isEmpty() && back.secretKey.isEmpty());
        QVERIFY(CreateParams::bucketKeysRemembered(jobs.first().createParams));
    }
    const QStringList found = search(false);
    QVERIFY2(found.filter(QStringLiteral(": marker")).size() >= 1, qPrintable(found.join(QLatin1String(", "))));
    QVERIFY2(found.filter(QStringLiteral(": marker")) == found, qPrintable(found.join(QLatin1String(", "))));
}

void TestHistoryStore::damagedFilesAreReportedAndLeftAlone_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("words");
    QTest::newRow("garbage") << QByteArray("this is not a database at all, just text\n").repeated(200) << "damaged";
    QByteArray truncatedHeader("SQLite format 3\0", 16);
    truncatedHeader += QByteArray(4096, '\x07');
    QTest::newRow("sqlite header, garbage pages") << truncatedHeader << "damaged";
}

void TestHistoryStore::damagedFilesAreReportedAndLeftAlone()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, words);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const QByteArray before = digest(path);
    HistoryStore s;
    QString error;
    QVERIFY(!s.open(path, &error));
    QVERIFY2(error.contains(words), qPrintable(error));
    QVERIFY(error.contains(path));
    QCOMPARE(digest(path), before);
}

void TestHistoryStore::aNewerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        HistoryStore s;
        QString error;
        QVERIFY(s.open(path, &error));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const QByteArray before = digest(path);
    HistoryStore s;
    QString error;
    QVERIFY(!s.open(path, &error));
    QVERIFY2(error.contains(QLatin1String("newer Bulkwatch")), qPrintable(error));
    QCOMPARE(digest(path), before);
}

void TestHistoryStore::anotherProgramsDatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes (t TEXT)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    HistoryStore s;
    QString error;
    QVERIFY(!s.open(path, &error));
    QVERIFY2(error.contains(QLatin1String("another program")), qPrintable(error));
}

void TestHistoryStore::aVersion1HistoryIsMigratedKeepingItsJobs()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        // Schema 1 exactly as Bulkwatch 0.1 wrote it.
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE connections (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, base_url TEXT NOT NULL,"
                                      " dialect TEXT NOT NULL, cluster_id TEXT, project_id TEXT, region_id TEXT, db_name TEXT,"
                                      " session_only_key INTEGER NOT NULL DEFAULT 0, has_key INTEGER NOT NULL DEFAULT 0, position INTEGER)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE jobs (connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, job_id TEXT NOT NULL,"
                                      " collection TEXT, state TEXT, server_state TEXT, progress REAL, imported_rows INTEGER, total_rows INTEGER,"
                                      " file_size INTEGER, complete_time TEXT, create_time TEXT, reason TEXT, files TEXT, has_details INTEGER,"
                                      " added_by_hand INTEGER, first_seen TEXT, last_answer TEXT, last_change TEXT, ended_at TEXT,"
                                      " expired INTEGER NOT NULL DEFAULT 0, expired_at TEXT, last_error TEXT, notified_state TEXT,"
                                      " PRIMARY KEY (connection_id, job_id))")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO connections VALUES ('c1','Old','milvus','http://h:19530','auto','','','','',0,0,1)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO jobs (connection_id, job_id, collection, state, server_state, progress, reason, expired)"
                                      " VALUES ('c1','448761313698322011','old_col','failed','Failed',0,'quota exceeded',1)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    HistoryStore s;
    QString error;
    QVERIFY2(s.open(path, &error), qPrintable(error));
    const auto jobs = s.jobs();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs[0].job.reason, QStringLiteral("quota exceeded"));
    QCOMPARE(jobs[0].job.state, JobState::Failed);
    QVERIFY(jobs[0].expired);
    JobRecord r = jobs[0];
    r.createParams = QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("old_col")}};
    QVERIFY(s.saveJobs({r}));
    QCOMPARE(s.jobs()[0].createParams.value(QLatin1String("collectionName")).toString(), QStringLiteral("old_col"));
}

void TestHistoryStore::aVersion3HistoryKeepsItsFilesInTheNewCodec()
{
    // Bulkwatch 0.1.0 (schema 3) kept a job's files as JSON text in jobs.files; schema 4 moves them.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v3.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE connections (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, base_url TEXT NOT NULL,"
                                      " dialect TEXT NOT NULL, cluster_id TEXT, project_id TEXT, region_id TEXT, db_name TEXT,"
                                      " session_only_key INTEGER NOT NULL DEFAULT 0, has_key INTEGER NOT NULL DEFAULT 0, position INTEGER, ca_file TEXT)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE jobs (connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, job_id TEXT NOT NULL,"
                                      " collection TEXT, state TEXT, server_state TEXT, progress REAL, imported_rows INTEGER, total_rows INTEGER,"
                                      " file_size INTEGER, complete_time TEXT, create_time TEXT, reason TEXT, files TEXT, has_details INTEGER,"
                                      " added_by_hand INTEGER, first_seen TEXT, last_answer TEXT, last_change TEXT, ended_at TEXT,"
                                      " expired INTEGER NOT NULL DEFAULT 0, expired_at TEXT, last_error TEXT, notified_state TEXT,"
                                      " create_params TEXT, PRIMARY KEY (connection_id, job_id))")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO connections VALUES ('c1','Old','milvus','http://h:19530','auto','','','','',0,0,1,'')")));
        const QString files = QStringLiteral(
            R"([{"fileName":"[a.parquet]","fileSize":1024,"state":"completed","serverState":"Completed","progress":100,)"
            R"("importedRows":500,"totalRows":500,"completeTime":"2024-04-01T06:17:55.000Z","reason":""},)"
            R"({"fileName":"[b.parquet]","fileSize":null,"state":"failed","serverState":"Failed","progress":5,)"
            R"("importedRows":null,"totalRows":100,"completeTime":null,"reason":"row 17: dim mismatch"}])");
        q.prepare(QStringLiteral("INSERT INTO jobs (connection_id, job_id, collection, state, server_state, progress, reason, files, has_details)"
                                 " VALUES ('c1','448761313698322011','old_col','failed','Failed',0,'quota exceeded',?,1)"));
        q.addBindValue(files);
        QVERIFY(q.exec());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 3")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v3"));
    HistoryStore s;
    QString error;
    QVERIFY2(s.open(path, &error), qPrintable(error));
    const auto lazy = s.jobs(HistoryStore::Files::Lazy);
    QCOMPARE(lazy.size(), 1);
    QVERIFY(!lazy[0].filesLoaded);
    QCOMPARE(lazy[0].storedFileCount, 2);
    const QVector<FileProgress> got = s.loadFiles(QStringLiteral("c1"), QStringLiteral("448761313698322011"));
    QCOMPARE(got.size(), 2);
    QCOMPARE(got[0].fileName, QStringLiteral("[a.parquet]"));
    QCOMPARE(got[0].fileSize, std::optional<qint64>(1024));
    QCOMPARE(got[0].state, FileState::Completed);
    QCOMPARE(got[0].importedRows, std::optional<qint64>(500));
    QCOMPARE(got[0].completeTime, QDateTime(QDate(2024, 4, 1), QTime(6, 17, 55), QTimeZone(0)));
    QCOMPARE(got[1].state, FileState::Failed);
    QCOMPARE(got[1].fileSize, std::nullopt);
    QCOMPARE(got[1].reason, QStringLiteral("row 17: dim mismatch"));
    QVERIFY(!got[1].completeTime.isValid());
    QCOMPARE(s.jobs()[0].job.files, got);
}

void TestHistoryStore::aVersion4HistoryGainsTheLifecycleColumns()
{
    // Schema 4 (before issue 16): no pending creates, no aborted/ended marks, no retention per connection.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE connections (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, base_url TEXT NOT NULL,"
                                      " dialect TEXT NOT NULL, cluster_id TEXT, project_id TEXT, region_id TEXT, db_name TEXT,"
                                      " session_only_key INTEGER NOT NULL DEFAULT 0, has_key INTEGER NOT NULL DEFAULT 0, position INTEGER, ca_file TEXT)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE jobs (connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, job_id TEXT NOT NULL,"
                                      " collection TEXT, state TEXT, server_state TEXT, progress REAL, imported_rows INTEGER, total_rows INTEGER,"
                                      " file_size INTEGER, complete_time TEXT, create_time TEXT, reason TEXT, files TEXT, has_details INTEGER,"
                                      " added_by_hand INTEGER, first_seen TEXT, last_answer TEXT, last_change TEXT, ended_at TEXT,"
                                      " expired INTEGER NOT NULL DEFAULT 0, expired_at TEXT, last_error TEXT, notified_state TEXT,"
                                      " create_params TEXT, file_count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (connection_id, job_id))")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE job_files (connection_id TEXT NOT NULL, job_id TEXT NOT NULL,"
                                      " data BLOB NOT NULL, PRIMARY KEY (connection_id, job_id))")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO connections VALUES ('c1','Old','milvus','http://h:19530','auto','','','','',0,0,1,'')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO jobs (connection_id, job_id, collection, state, server_state, progress)"
                                      " VALUES ('c1','448761313698322011','old_col','completed','Completed',100)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 4")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v4"));
    {
        HistoryStore s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        const QVector<JobRecord> jobs = s.jobs();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs[0].job.state, JobState::Completed);
        QVERIFY(!jobs[0].abortedHere);
        QCOMPARE(jobs[0].endedAs, JobState::Unknown);
        QCOMPARE(s.connections().value(0).retentionSeconds, qint64(10800));
        QVERIFY(s.pendingCreates().isEmpty());

        JobRecord r = jobs[0];
        r.job.state = JobState::Failed;
        r.abortedHere = true;
        r.endedAs = JobState::Failed;
        QVERIFY(s.saveJobs({r}));
        Connection c = s.connections().value(0);
        c.retentionSeconds = 172800;
        QVERIFY(s.saveConnection(c));
        HistoryStore::PendingCreate p{QStringLiteral("bw-1"), QStringLiteral("c1"), QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("x")}},
                                      QDateTime(QDate(2026, 12, 2), QTime(5, 0), QTimeZone(0))};
        QVERIFY(s.savePendingCreate(p));
    }
    HistoryStore again;
    QString error;
    QVERIFY2(again.open(path, &error), qPrintable(error));
    QVERIFY(again.jobs()[0].aborted());
    QCOMPARE(again.jobs()[0].endedAs, JobState::Failed);
    QCOMPARE(again.connections().value(0).retentionSeconds, qint64(172800));
    const auto pending = again.pendingCreates();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending[0].idempotencyKey, QStringLiteral("bw-1"));
    QCOMPARE(pending[0].params.value(QLatin1String("collectionName")).toString(), QStringLiteral("x"));
    QCOMPARE(pending[0].createdAt, QDateTime(QDate(2026, 12, 2), QTime(5, 0), QTimeZone(0)));
    QVERIFY(again.removePendingCreate(QStringLiteral("bw-1")));
    QVERIFY(again.pendingCreates().isEmpty());
}

void TestHistoryStore::fileListsAreLoadedOnlyWhenAsked()
{
    QTemporaryDir dir;
    HistoryStore s;
    QString error;
    QVERIFY(s.open(dir.filePath(QStringLiteral("h.sqlite")), &error));
    Connection c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Local");
    c.baseUrl = QUrl(QStringLiteral("http://localhost:19530"));
    QVERIFY(s.saveConnection(c));
    JobRecord r = record(QStringLiteral("job-1"));
    QVERIFY(s.saveJobs({r}));
    const auto lazy = s.jobs(HistoryStore::Files::Lazy);
    QCOMPARE(lazy.size(), 1);
    QVERIFY(lazy[0].job.files.isEmpty());
    QCOMPARE(lazy[0].storedFileCount, 1);
    // A record saved while its files are not loaded keeps the stored ones.
    JobRecord unloaded = lazy[0];
    unloaded.job.progress = 7;
    QVERIFY(s.saveJobs({unloaded}));
    QCOMPARE(s.loadFiles(c.id, QStringLiteral("job-1")), r.job.files);
    QCOMPARE(s.jobs()[0].job.files, r.job.files);
    QCOMPARE(s.jobs()[0].job.progress, 7.0);
}

void TestHistoryStore::aNotificationMarkDoesNotRewriteTheFiles()
{
    QTemporaryDir dir;
    HistoryStore s;
    QString error;
    QVERIFY(s.open(dir.filePath(QStringLiteral("h.sqlite")), &error));
    Connection c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Local");
    c.baseUrl = QUrl(QStringLiteral("http://localhost:19530"));
    QVERIFY(s.saveConnection(c));
    JobRecord r = record(QStringLiteral("job-1"));
    QVERIFY(s.saveJobs({r}));
    // Files saved with a state change only when asked (filesFor): an empty set leaves them as they were.
    JobRecord changed = r;
    changed.job.files[0].reason = QStringLiteral("not to be written");
    const QSet<QString> none;
    QVERIFY(s.saveJobs({changed}, &none));
    QCOMPARE(s.loadFiles(c.id, QStringLiteral("job-1"))[0].reason, r.job.files[0].reason);
    QVERIFY(s.setNotified(c.id, QStringLiteral("job-1"), QStringLiteral("completed")));
    QCOMPARE(s.jobs()[0].notifiedState, QStringLiteral("completed"));
    QCOMPARE(s.jobs()[0].job.files, r.job.files);
}

void TestHistoryStore::theWriterThreadWritesInOrderAndFlushWaits()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    HistoryStore reader;
    QString error;
    QVERIFY(reader.open(path, &error));
    Connection c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Local");
    c.baseUrl = QUrl(QStringLiteral("http://localhost:19530"));
    {
        HistoryWriter writer(path);
        QSignalSpy failed(&writer, &HistoryWriter::failed);
        writer.saveConnection(c);
        JobRecord r = record(QStringLiteral("job-1"));
        for (int i = 1; i <= 50; ++i) {
            r.job.progress = i;
            writer.saveJobs({r}, {r.key()});
        }
        writer.setNotified(c.id, QStringLiteral("job-1"), QStringLiteral("failed"));
        writer.flush();
        // flush() returned: everything asked before it is visible to another connection.
        QCOMPARE(reader.jobs().size(), 1);
        QCOMPARE(reader.jobs()[0].job.progress, 50.0);
        QCOMPARE(reader.jobs()[0].job.files.size(), 1);
        // The writes wait for the window, not the other way round: the writer thread is below the main one.
        const OsThread main = mainOsThread();
        QCOMPARE(main.policy, SCHED_OTHER);
        bool seen = false;
        for (const OsThread &t : osThreads()) {
            if (t.name != QLatin1String("history-writer"))
                continue;
            seen = true;
            QCOMPARE(t.policy, SCHED_BATCH);
            QCOMPARE(t.nice, main.nice + 5);
        }
        QVERIFY2(seen, "no thread is named history-writer");
        writer.removeJob(c.id, QStringLiteral("job-1"));
        QCOMPARE(failed.size(), 0);
    } // the destructor writes what is still queued
    QCOMPARE(reader.jobs().size(), 0);
    QVERIFY(reader.loadFiles(c.id, QStringLiteral("job-1")).isEmpty());
}

void TestHistoryStore::theCodecRoundTripsEveryField()
{
    FileProgress a;
    a.fileName = QStringLiteral("id:1 paths:\"s3://b/ü.parquet\"");
    a.fileSize = 0;
    a.state = FileState::Retrying;
    a.serverState = QStringLiteral("Retry");
    a.progress = 33.25;
    a.importedRows = std::numeric_limits<qint64>::max();
    a.totalRows = -1;
    a.completeTime = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 678), QTimeZone(0));
    a.reason = QString(5000, QLatin1Char('x'));
    FileProgress b; // every optional empty
    const QVector<FileProgress> files{a, b};
    QCOMPARE(HistoryCodec::decodeFiles(HistoryCodec::encodeFiles(files)), files);
    QVERIFY(HistoryCodec::decodeFiles(QByteArray("\x07garbage")).isEmpty());
    QVERIFY(HistoryCodec::decodeFiles(HistoryCodec::encodeFiles(files).left(40)).isEmpty()); // truncated: refused
}

#endif

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
