#include "HistoryStore.h"

#include "HistoryCodec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace {
QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeOf(const QVariant &v)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.toUTC();
}

QVariant optional(std::optional<qint64> v)
{
    return v ? QVariant(*v) : QVariant();
}

std::optional<qint64> optionalOf(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

} // namespace

HistoryStore::HistoryStore()
    : m_connectionName(QStringLiteral("bulkwatch-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

HistoryStore::~HistoryStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

bool HistoryStore::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool HistoryStore::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text();
        return false;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool HistoryStore::open(const QString &path, QString *error)
{
    m_path = path;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = QCoreApplication::translate("HistoryStore", "Cannot open the history database %1: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    // A file that is not a database (or whose header or schema is damaged) fails here; it is reported and left as it
    // is. Reading the schema touches a few pages; PRAGMA quick_check read every page of the file, twice per start
    // (the writer opens its own connection): 200 MB and ~250 ms for a history of 200 jobs x 1,024 files.
    // Damage deeper in the file surfaces as an error when that page is read or written.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
        *error = QCoreApplication::translate("HistoryStore", "The history database %1 is damaged or not a Bulkwatch database (%2). It was left untouched; "
                    "move it away to start a new history.")
                     .arg(path, q.lastError().isValid() ? q.lastError().text() : q.value(0).toString());
        db.close();
        return false;
    }
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    // The writer thread has a connection of its own: wait for the other's transaction instead of failing.
    q.exec(QStringLiteral("PRAGMA busy_timeout=10000"));
    int version = 0;
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        version = q.value(0).toInt();
    if (version > SchemaVersion) {
        *error = QCoreApplication::translate("HistoryStore", "The history database %1 was written by a newer Bulkwatch (schema %2; this one knows %3). "
                    "It was left untouched; update Bulkwatch to open it.")
                     .arg(path).arg(version).arg(SchemaVersion);
        db.close();
        return false;
    }
    if (version == 0) {
        // A new file must be empty; a non-empty one without our version is someone else's database.
        if (q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next() && q.value(0).toInt() > 0) {
            *error = QCoreApplication::translate("HistoryStore", "%1 is an SQLite database of another program; it was left untouched.").arg(path);
            db.close();
            return false;
        }
    }
    if (version < SchemaVersion && !migrate(version, error)) {
        db.close();
        return false;
    }
    return true;
}

bool HistoryStore::migrate(int from, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    db.transaction();
    bool ok = true;
    if (from < 1) {
        ok = ok && exec(QStringLiteral(
            "CREATE TABLE connections (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, base_url TEXT NOT NULL,"
            " dialect TEXT NOT NULL, cluster_id TEXT, project_id TEXT, region_id TEXT, db_name TEXT,"
            " session_only_key INTEGER NOT NULL DEFAULT 0, has_key INTEGER NOT NULL DEFAULT 0, position INTEGER)"));
        ok = ok && exec(QStringLiteral(
            "CREATE TABLE jobs (connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, job_id TEXT NOT NULL,"
            " collection TEXT, state TEXT, server_state TEXT, progress REAL, imported_rows INTEGER, total_rows INTEGER,"
            " file_size INTEGER, complete_time TEXT, create_time TEXT, reason TEXT, files TEXT, has_details INTEGER,"
            " added_by_hand INTEGER, first_seen TEXT, last_answer TEXT, last_change TEXT, ended_at TEXT,"
            " expired INTEGER NOT NULL DEFAULT 0, expired_at TEXT, last_error TEXT, notified_state TEXT,"
            " PRIMARY KEY (connection_id, job_id))"));
    }
    if (from < 2)
        ok = ok && exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN create_params TEXT"));
    if (from < 3)
        ok = ok && exec(QStringLiteral("ALTER TABLE connections ADD COLUMN ca_file TEXT"));
    if (from < 4) {
        // File lists move to a table of their own, in the store's codec: start-up reads none of them, and a
        // job's state can change without rewriting its files.
        ok = ok && exec(QStringLiteral("CREATE TABLE job_files (connection_id TEXT NOT NULL, job_id TEXT NOT NULL,"
                                       " data BLOB NOT NULL, PRIMARY KEY (connection_id, job_id))"));
        ok = ok && exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN file_count INTEGER NOT NULL DEFAULT 0"));
        if (ok && from >= 1) {
            QSqlQuery read(db);
            read.setForwardOnly(true);
            ok = read.exec(QStringLiteral("SELECT connection_id, job_id, files FROM jobs WHERE files IS NOT NULL AND files != ''"));
            while (ok && read.next()) {
                const QVector<FileProgress> files = HistoryCodec::decodeLegacyJsonFiles(read.value(2).toByteArray());
                ok = exec(QStringLiteral("INSERT OR REPLACE INTO job_files (connection_id, job_id, data) VALUES (?,?,?)"),
                          {read.value(0), read.value(1), HistoryCodec::encodeFiles(files)})
                    && exec(QStringLiteral("UPDATE jobs SET file_count = ?, files = NULL WHERE connection_id = ? AND job_id = ?"),
                            {static_cast<int>(files.size()), read.value(0), read.value(1)});
            }
        }
    }
    if (from < 5) {
        ok = ok && exec(QStringLiteral("CREATE TABLE pending_creates (idempotency_key TEXT PRIMARY KEY,"
                                       " connection_id TEXT NOT NULL, params TEXT, created_at TEXT)"));
        ok = ok && exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN aborted_here INTEGER NOT NULL DEFAULT 0"));
        ok = ok && exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN ended_as TEXT"));
        ok = ok && exec(QStringLiteral("ALTER TABLE connections ADD COLUMN retention_seconds INTEGER NOT NULL DEFAULT 10800"));
    }
    ok = ok && exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion));
    if (!ok) {
        db.rollback();
        *error = QCoreApplication::translate("HistoryStore", "Cannot prepare the history database: %1").arg(m_lastError);
        return false;
    }
    return db.commit();
}

QVector<Connection> HistoryStore::connections() const
{
    QVector<Connection> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.exec(QStringLiteral("SELECT id, name, kind, base_url, dialect, cluster_id, project_id, region_id, db_name,"
                          " session_only_key, has_key, ca_file, retention_seconds FROM connections ORDER BY position, name"));
    while (q.next()) {
        Connection c;
        c.id = q.value(0).toString();
        c.name = q.value(1).toString();
        c.kind = q.value(2).toString() == QLatin1String("zilliz-cloud") ? Connection::Kind::ZillizCloud : Connection::Kind::Milvus;
        c.baseUrl = QUrl(q.value(3).toString());
        dialectFromName(q.value(4).toString(), &c.dialect);
        c.clusterId = q.value(5).toString();
        c.projectId = q.value(6).toString();
        c.regionId = q.value(7).toString();
        c.dbName = q.value(8).toString();
        c.sessionOnlyKey = q.value(9).toBool();
        c.hasKey = q.value(10).toBool();
        c.caFile = q.value(11).toString();
        c.retentionSeconds = q.value(12).toLongLong() > 0 ? q.value(12).toLongLong() : c.retentionSeconds;
        out << c;
    }
    return out;
}

bool HistoryStore::saveConnection(const Connection &c)
{
    return exec(QStringLiteral("INSERT INTO connections (id, name, kind, base_url, dialect, cluster_id, project_id, region_id,"
                               " db_name, session_only_key, has_key, ca_file, retention_seconds, position) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,"
                               " (SELECT coalesce(max(position), 0) + 1 FROM connections))"
                               " ON CONFLICT(id) DO UPDATE SET name=excluded.name, kind=excluded.kind, base_url=excluded.base_url,"
                               " dialect=excluded.dialect, cluster_id=excluded.cluster_id, project_id=excluded.project_id,"
                               " region_id=excluded.region_id, db_name=excluded.db_name,"
                               " session_only_key=excluded.session_only_key, has_key=excluded.has_key, ca_file=excluded.ca_file,"
                               " retention_seconds=excluded.retention_seconds"),
                {c.id, c.name, c.kind == Connection::Kind::ZillizCloud ? QStringLiteral("zilliz-cloud") : QStringLiteral("milvus"),
                 c.baseUrl.toString(), dialectName(c.dialect), c.clusterId, c.projectId, c.regionId, c.dbName,
                 c.sessionOnlyKey, c.hasKey, c.caFile, c.retentionSeconds});
}

bool HistoryStore::removeConnection(const QString &id)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    db.transaction();
    const bool ok = exec(QStringLiteral("DELETE FROM job_files WHERE connection_id = ?"), {id})
        && exec(QStringLiteral("DELETE FROM jobs WHERE connection_id = ?"), {id})
        && exec(QStringLiteral("DELETE FROM connections WHERE id = ?"), {id});
    return ok ? db.commit() : (db.rollback(), false);
}

QVector<JobRecord> HistoryStore::jobs(Files files) const
{
    QVector<JobRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.setForwardOnly(true);
    q.exec(QStringLiteral("SELECT connection_id, job_id, collection, state, server_state, progress, imported_rows, total_rows,"
                          " file_size, complete_time, create_time, reason, file_count, has_details, added_by_hand, first_seen,"
                          " last_answer, last_change, ended_at, expired, expired_at, last_error, notified_state, create_params,"
                          " aborted_here, ended_as FROM jobs ORDER BY first_seen"));
    while (q.next()) {
        JobRecord r;
        r.connectionId = q.value(0).toString();
        r.job.jobId = q.value(1).toString();
        if (!q.value(2).isNull())
            r.job.collectionName = q.value(2).toString();
        r.job.state = jobStateFromName(q.value(3).toString());
        r.job.serverState = q.value(4).toString();
        r.job.progress = q.value(5).toDouble();
        r.job.importedRows = optionalOf(q.value(6));
        r.job.totalRows = optionalOf(q.value(7));
        r.job.fileSize = optionalOf(q.value(8));
        r.job.completeTime = timeOf(q.value(9));
        r.job.createTime = timeOf(q.value(10));
        r.job.reason = q.value(11).toString();
        r.storedFileCount = q.value(12).toInt();
        r.filesLoaded = r.storedFileCount == 0;
        r.hasDetails = q.value(13).toBool();
        r.addedByHand = q.value(14).toBool();
        r.firstSeen = timeOf(q.value(15));
        r.lastAnswer = timeOf(q.value(16));
        r.lastChange = timeOf(q.value(17));
        r.endedAt = timeOf(q.value(18));
        r.expired = q.value(19).toBool();
        r.expiredAt = timeOf(q.value(20));
        const QString lastError = q.value(21).toString();
        if (!lastError.isEmpty()) {
            r.lastError.kind = ErrorKind::Server;
            r.lastError.message = lastError;
        }
        r.notifiedState = q.value(22).toString();
        r.createParams = QJsonDocument::fromJson(q.value(23).toByteArray()).object();
        r.abortedHere = q.value(24).toBool();
        r.endedAs = q.value(25).isNull() ? JobState::Unknown : jobStateFromName(q.value(25).toString());
        out << r;
    }
    if (files == Files::Included) {
        for (JobRecord &r : out) {
            if (!r.filesLoaded) {
                r.job.files = loadFiles(r.connectionId, r.job.jobId);
                r.filesLoaded = true;
            }
        }
    }
    return out;
}

QVector<FileProgress> HistoryStore::loadFiles(const QString &connectionId, const QString &jobId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("SELECT data FROM job_files WHERE connection_id = ? AND job_id = ?"));
    q.addBindValue(connectionId);
    q.addBindValue(jobId);
    if (!q.exec() || !q.next())
        return {};
    return HistoryCodec::decodeFiles(q.value(0).toByteArray());
}

bool HistoryStore::setNotified(const QString &connectionId, const QString &jobId, const QString &state)
{
    return exec(QStringLiteral("UPDATE jobs SET notified_state = ? WHERE connection_id = ? AND job_id = ?"),
                {state, connectionId, jobId});
}

bool HistoryStore::saveJobs(const QVector<JobRecord> &records, const QSet<QString> *filesFor)
{
    if (records.isEmpty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.transaction()) {
        m_lastError = db.lastError().text();
        return false;
    }
    // An upsert, not INSERT OR REPLACE: the row keeps its identity, and columns not named (none today) survive.
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO jobs (connection_id, job_id, collection, state, server_state, progress, imported_rows,"
        " total_rows, file_size, complete_time, create_time, reason, has_details, added_by_hand, first_seen,"
        " last_answer, last_change, ended_at, expired, expired_at, last_error, notified_state, create_params, file_count,"
        " aborted_here, ended_as)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(connection_id, job_id) DO UPDATE SET collection=excluded.collection, state=excluded.state,"
        " server_state=excluded.server_state, progress=excluded.progress, imported_rows=excluded.imported_rows,"
        " total_rows=excluded.total_rows, file_size=excluded.file_size, complete_time=excluded.complete_time,"
        " create_time=excluded.create_time, reason=excluded.reason, has_details=excluded.has_details,"
        " added_by_hand=excluded.added_by_hand, first_seen=excluded.first_seen, last_answer=excluded.last_answer,"
        " last_change=excluded.last_change, ended_at=excluded.ended_at, expired=excluded.expired,"
        " expired_at=excluded.expired_at, last_error=excluded.last_error, notified_state=excluded.notified_state,"
        " create_params=excluded.create_params, file_count=excluded.file_count,"
        " aborted_here=excluded.aborted_here, ended_as=excluded.ended_as"));
    QSqlQuery fq(db);
    fq.prepare(QStringLiteral("INSERT OR REPLACE INTO job_files (connection_id, job_id, data) VALUES (?,?,?)"));
    for (const JobRecord &r : records) {
        const bool writeFiles = r.filesLoaded && (!filesFor || filesFor->contains(r.key()));
        const int fileCount = r.filesLoaded ? static_cast<int>(r.job.files.size()) : r.storedFileCount;
        const QVariantList binds = {r.connectionId, r.job.jobId,
                                    r.job.collectionName ? QVariant(*r.job.collectionName) : QVariant(),
                                    jobStateName(r.job.state), r.job.serverState, r.job.progress,
                                    optional(r.job.importedRows), optional(r.job.totalRows), optional(r.job.fileSize),
                                    timeText(r.job.completeTime), timeText(r.job.createTime), r.job.reason,
                                    r.hasDetails, r.addedByHand, timeText(r.firstSeen),
                                    timeText(r.lastAnswer), timeText(r.lastChange), timeText(r.endedAt), r.expired,
                                    timeText(r.expiredAt), r.lastError.isError() ? r.lastError.summary() : QString(),
                                    r.notifiedState,
                                    r.createParams.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(r.createParams).toJson(QJsonDocument::Compact)),
                                    fileCount, r.abortedHere,
                                    r.endedAs == JobState::Unknown ? QVariant() : QVariant(jobStateName(r.endedAs))};
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds[i]);
        bool ok = q.exec();
        if (ok && writeFiles) {
            fq.bindValue(0, r.connectionId);
            fq.bindValue(1, r.job.jobId);
            fq.bindValue(2, HistoryCodec::encodeFiles(r.job.files));
            ok = fq.exec();
        }
        if (!ok) {
            m_lastError = (q.lastError().isValid() ? q.lastError() : fq.lastError()).text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        return false;
    }
    return true;
}

bool HistoryStore::removeJob(const QString &connectionId, const QString &jobId)
{
    return exec(QStringLiteral("DELETE FROM job_files WHERE connection_id = ? AND job_id = ?"), {connectionId, jobId})
        && exec(QStringLiteral("DELETE FROM jobs WHERE connection_id = ? AND job_id = ?"), {connectionId, jobId});
}

bool HistoryStore::savePendingCreate(const PendingCreate &p)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO pending_creates (idempotency_key, connection_id, params, created_at)"
                               " VALUES (?,?,?,?)"),
                {p.idempotencyKey, p.connectionId, QString::fromUtf8(QJsonDocument(p.params).toJson(QJsonDocument::Compact)),
                 p.createdAt.toUTC().toString(Qt::ISODateWithMs)});
}

bool HistoryStore::removePendingCreate(const QString &idempotencyKey)
{
    return exec(QStringLiteral("DELETE FROM pending_creates WHERE idempotency_key = ?"), {idempotencyKey});
}

QVector<HistoryStore::PendingCreate> HistoryStore::pendingCreates() const
{
    QVector<PendingCreate> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.exec(QStringLiteral("SELECT idempotency_key, connection_id, params, created_at FROM pending_creates ORDER BY created_at"));
    while (q.next()) {
        PendingCreate p;
        p.idempotencyKey = q.value(0).toString();
        p.connectionId = q.value(1).toString();
        p.params = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        p.createdAt = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        out << p;
    }
    return out;
}
