#include "SimEngine.h"

#include <QJsonArray>

namespace {
const QStringList kFailureReasons = {
    QStringLiteral("JSON row validator: fieldID 104 missed at the row 0"),
    QStringLiteral("the field 'float_scalar' is not defined in collection schema"),
    QStringLiteral("schema not equal, err=field '$meta' not in arrow schema: importing data failed: importing data failed"),
    QStringLiteral("expect 'Float' type for field 'array_float', but got 'list' type"),
    QStringLiteral("%s not aligned->FloatVector: importing data failed"),
    QStringLiteral("JSON parse: unexpected EOF"),
};
}

SimEngine::SimEngine(const SimScenario &scenario, double speed, quint32 seed)
    : m_scenario(scenario), m_startUtc(QDateTime::currentDateTimeUtc()), m_speed(speed), m_rng(seed)
{
    for (int i = 0; i < m_scenario.jobs.size(); ++i)
        m_index.insert(m_scenario.jobs[i].id, i);
    for (const SimCollectionSpec &c : m_scenario.collectionSpecs)
        m_specs.insert(c.db + QLatin1Char('/') + c.name, c);
    m_clusters = m_scenario.clusters;
    if (m_clusters.isEmpty())
        m_clusters << SimClusterSpec{m_scenario.clusterId, QStringLiteral("sim-cluster"), QStringLiteral("aws-us-west-2"), QStringLiteral("RUNNING")};
    m_clock.start();
}

double SimEngine::now() const
{
    return m_offset + m_clock.nsecsElapsed() / 1e9 * m_speed;
}

void SimEngine::setSpeed(double speed)
{
    m_offset = now();
    m_clock.restart();
    m_speed = speed;
}

void SimEngine::freezeAt(double seconds)
{
    m_speed = 0;
    m_offset = seconds;
    m_clock.restart();
}

QDateTime SimEngine::toUtc(double simSeconds) const
{
    return m_startUtc.addMSecs(static_cast<qint64>(simSeconds * 1000));
}

SimJobStatus SimEngine::status(const SimJob &job) const
{
    return statusOf(job, true);
}

SimJobStatus SimEngine::summary(const SimJob &job) const
{
    return statusOf(job, false);
}

SimJobStatus SimEngine::statusOf(const SimJob &job, bool withFiles) const
{
    SimJobStatus st;
    st.job = &job;
    const double t = now();
    double e = t - job.createdAt;
    const double P = job.pendingSeconds, R = job.preimportSeconds, S = job.sortSeconds, X = job.indexSeconds;
    double I = 0;
    for (const SimFile &f : job.files)
        I = std::max(I, f.seconds);

    const bool aborted = job.abortedAt >= 0 && t >= job.abortedAt;
    const bool failed = !aborted && job.failAt >= 0 && e >= job.failAt;
    // Freeze the timeline where the job ended, so files show what they had reached.
    if (failed)
        e = job.failAt;
    if (aborted)
        e = job.abortedAt - job.createdAt;

    if (withFiles)
        st.files.reserve(job.files.size());
    for (const SimFile &f : job.files) {
        SimFileStatus fs;
        if (withFiles)
            fs.paths = f.paths;
        fs.size = f.size;
        fs.rows = f.rows;
        st.totalRows += f.rows;
        st.size += f.size;
        if (job.hangPending || e < P) {
            fs.state = SimFileStatus::Pending;
        } else if (e < P + R) {
            fs.state = SimFileStatus::InProgress;
        } else {
            const double frac = std::min(1.0, (e - P - R) / f.seconds);
            fs.importedRows = static_cast<qint64>(f.rows * frac);
            fs.progress = frac * 100;
            if (frac >= 1) {
                fs.state = SimFileStatus::Completed;
                fs.completedAt = job.createdAt + P + R + f.seconds;
            } else {
                fs.state = SimFileStatus::InProgress;
            }
        }
        st.importedRows += fs.importedRows;
        if (withFiles)
            st.files << fs;
    }

    if (aborted || failed) {
        st.state = SimState::Failed;
        st.progress = 0; // Milvus resets a failed job's progress
        st.completedAt = aborted ? job.abortedAt : job.createdAt + job.failAt;
        st.reason = aborted ? QStringLiteral("import job was aborted by user") : job.failReason;
        for (int i = 0; i < st.files.size(); ++i) {
            auto &fs = st.files[i];
            if (aborted || job.failFiles.contains(i) || (job.failFiles.isEmpty() && fs.state != SimFileStatus::Completed)) {
                fs.state = SimFileStatus::Failed;
                fs.reason = st.reason;
                fs.completedAt = st.completedAt;
            }
        }
        return st;
    }
    const bool v3 = m_scenario.importV3;
    if (job.hangPending || e < P) {
        st.state = SimState::Pending;
        st.v3State = v3 ? QStringLiteral("Pending") : QString();
        return st;
    }
    st.state = SimState::Importing;
    st.indexFrom = job.createdAt + P + R + I;
    if (e < P + R) {
        st.progress = 10 + 30 * (e - P) / R;
        // Import V3 splits pre-import into four steps; Planning reports a constant 45 %.
        const double f = (e - P) / R;
        st.v3State = f < 0.4 ? QStringLiteral("PreImporting") : f < 0.6 ? QStringLiteral("AssigningIDRange")
                   : f < 0.8 ? QStringLiteral("Resharding") : QStringLiteral("Planning");
        if (st.v3State == QLatin1String("Planning"))
            st.progress = 45;
    } else if (e < P + R + I) {
        st.progress = 40 + 30 * (st.totalRows ? double(st.importedRows) / st.totalRows : 0);
        st.v3State = QStringLiteral("Importing");
    } else if (e < P + R + I + S) {
        st.progress = 70 + 10 * (e - P - R - I) / S;
        st.v3State = QStringLiteral("IndexBuilding"); // V3 has no Sorting
    } else if (e < P + R + I + S + X) {
        st.progress = 80 + 10 * (e - P - R - I - S) / X;
        st.v3State = QStringLiteral("IndexBuilding");
    } else if (job.twoPhase && (job.committedAt < 0 || t < job.committedAt)) {
        st.state = SimState::Uncommitted;
        st.progress = 99;
    } else if (job.twoPhase && t < job.committedAt + 2) {
        st.state = SimState::Committing;
        st.progress = 99;
    } else {
        st.state = SimState::Completed;
        st.progress = 100;
        st.completedAt = job.twoPhase ? job.committedAt + 2 : job.createdAt + P + R + I + S + X;
    }
    if (st.state != SimState::Importing)
        st.v3State.clear(); // Uncommitted, Committing, Completed: the same names as before
    if (!v3)
        st.v3State.clear();
    return st;
}

bool SimEngine::expired(const SimJob &job) const
{
    if (job.createdAt > now())
        return true; // not created yet
    const SimJobStatus st = summary(job);
    if (!simTimeSet(st.completedAt))
        return false;
    const double retention = job.retentionSeconds >= 0 ? job.retentionSeconds : m_scenario.retentionSeconds;
    return now() > st.completedAt + retention;
}

const SimJob *SimEngine::find(const QString &jobId, const QString &db) const
{
    const auto it = m_index.constFind(jobId);
    if (it == m_index.constEnd())
        return nullptr;
    const SimJob &j = m_scenario.jobs[*it];
    if (j.db != (db.isEmpty() ? QStringLiteral("default") : db) || expired(j))
        return nullptr;
    return &j;
}

QVector<const SimJob *> SimEngine::jobs(const QString &db, const QString &collection) const
{
    const QString wantDb = db.isEmpty() ? QStringLiteral("default") : db;
    QVector<const SimJob *> out;
    for (const SimJob &j : m_scenario.jobs) {
        if (j.db == wantDb && (collection.isEmpty() || j.collection == collection) && !expired(j))
            out << &j;
    }
    return out;
}

QString SimEngine::newJobId(bool cloud)
{
    QString id;
    do {
        if (cloud) {
            static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
            id = QStringLiteral("job-");
            for (int i = 0; i < 22; ++i)
                id += QLatin1Char(alphabet[m_rng.bounded(36)]);
        } else {
            id = QString::number(453240863839760000LL + m_rng.bounded(1000000) * 1000 + m_scenario.jobs.size());
        }
    } while (m_index.contains(id));
    return id;
}

SimCreateResult SimEngine::create(const QJsonObject &params, bool cloud, const QString &db, const QByteArray &idempotencyKey)
{
    SimCreateResult r;
    if (m_scenario.idempotency && !idempotencyKey.isEmpty()) {
        bool printable = idempotencyKey.size() <= 256;
        for (const char c : idempotencyKey)
            printable = printable && c >= 0x20 && c <= 0x7e;
        if (!printable) {
            r.code = 1100;
            r.message = QStringLiteral("invalid parameter[Idempotency-Key]: must be 1 to 256 printable ASCII characters");
            return r;
        }
        const auto it = m_keys.constFind(idempotencyKey);
        if (it != m_keys.constEnd() && now() - it->at < m_scenario.idempotencySeconds) {
            r.jobId = it->jobId;
            return r;
        }
    }
    const QString collection = params.value(QLatin1String("collectionName")).toString();
    QVector<QStringList> groups;
    const QJsonValue filesValue = params.contains(QLatin1String("files")) ? params.value(QLatin1String("files"))
                                                                           : params.value(QLatin1String("objectUrls"));
    for (const QJsonValue &g : filesValue.toArray()) {
        QStringList group;
        if (g.isArray()) {
            for (const QJsonValue &p : g.toArray())
                group << p.toString();
        } else {
            group << g.toString();
        }
        group.removeAll(QString());
        if (!group.isEmpty())
            groups << group;
    }
    if (params.contains(QLatin1String("objectUrl")) && groups.isEmpty())
        groups << QStringList{params.value(QLatin1String("objectUrl")).toString()};

    if (collection.isEmpty()) {
        r.code = 1802;
        r.message = QStringLiteral("missing required parameters, error: Key: 'ImportReq.CollectionName' Error:Field validation for 'CollectionName' failed on the 'required' tag");
        return r;
    }
    if (!m_scenario.collections.isEmpty() && !m_scenario.collections.contains(collection)) {
        r.code = 100;
        r.message = QStringLiteral("collection not found[collection=%1]").arg(collection);
        return r;
    }
    if (groups.isEmpty()) {
        r.code = 1802;
        r.message = QStringLiteral("missing required parameters: files");
        return r;
    }
    if (groups.size() > m_scenario.maxFilesPerJob) {
        r.code = 2100;
        r.message = QStringLiteral("The max number of import files should not exceed %1, but got %2")
                        .arg(m_scenario.maxFilesPerJob).arg(groups.size());
        return r;
    }
    int active = 0;
    for (const SimJob &j : m_scenario.jobs) {
        const SimState s = summary(j).state;
        active += (s != SimState::Completed && s != SimState::Failed && j.createdAt <= now()) ? 1 : 0;
    }
    if (active >= m_scenario.maxActiveJobs) {
        r.code = 2100;
        r.message = QStringLiteral("The number of jobs has reached the limit, please try again later. If your request is set to only import a single file, please consider importing multiple files in one request for better efficiency.");
        return r;
    }
    const QString secret = params.value(QLatin1String("secretKey")).toString();
    if (cloud && secret.contains(QLatin1String("wrong"))) {
        r.code = 1100;
        r.message = QStringLiteral("failed to access the object storage: the access key or secret key is incorrect (AccessDenied)");
        return r;
    }
    SimJob j;
    j.id = newJobId(cloud);
    j.db = db.isEmpty() ? params.value(QLatin1String("dbName")).toString(QStringLiteral("default")) : db;
    if (j.db.isEmpty())
        j.db = QStringLiteral("default");
    j.collection = collection;
    j.partition = params.value(QLatin1String("partitionName")).toString();
    j.createdAt = now();
    j.pendingSeconds = m_scenario.newPendingSeconds;
    j.preimportSeconds = m_scenario.newPreimportSeconds;
    j.sortSeconds = m_scenario.newSortSeconds;
    j.indexSeconds = m_scenario.newIndexSeconds;
    j.createParams = params;
    j.createParams.remove(QStringLiteral("accessKey"));
    j.createParams.remove(QStringLiteral("secretKey"));
    const QJsonObject options = params.value(QLatin1String("options")).toObject();
    j.twoPhase = !cloud && options.value(QLatin1String("auto_commit")).toVariant().toString() == QLatin1String("false");
    for (int i = 0; i < groups.size(); ++i) {
        SimFile f;
        f.paths = groups[i];
        f.rows = m_scenario.newRowsPerFile;
        f.size = m_scenario.newBytesPerFile;
        f.seconds = m_scenario.newSecondsPerFile * (1 + 0.25 * (i % 4));
        for (const QString &p : groups[i]) {
            if (p.contains(QLatin1String("toolarge"))) {
                r.code = 2100;
                r.message = QStringLiteral("The import file size has reached the maximum limit allowed for importing, fileSize=%1, maxSize=%2")
                                .arg(m_scenario.maxFileSize + 1).arg(m_scenario.maxFileSize);
                return r;
            }
            if (p.contains(QLatin1String("fail")) && j.failAt < 0) {
                j.failAt = j.pendingSeconds + j.preimportSeconds + f.seconds / 2;
                j.failFiles = {i};
                j.failReason = kFailureReasons[m_rng.bounded(kFailureReasons.size())];
            }
        }
        j.files << f;
    }
    m_index.insert(j.id, m_scenario.jobs.size());
    m_scenario.jobs << j;
    ++m_created;
    if (m_scenario.idempotency && !idempotencyKey.isEmpty())
        m_keys.insert(idempotencyKey, KeyUse{j.id, now()});
    r.jobId = j.id;
    return r;
}

int SimEngine::commit(const QString &jobId, const QString &db, QString *message)
{
    const SimJob *j = find(jobId, db);
    if (!j) {
        *message = QStringLiteral("import job does not exist, jobID=%1").arg(jobId);
        return 2100;
    }
    if (summary(*j).state != SimState::Uncommitted) {
        *message = QStringLiteral("import job %1 is not in Uncommitted state; only uncommitted jobs can be committed").arg(jobId);
        return 1100;
    }
    m_scenario.jobs[m_index.value(jobId)].committedAt = now();
    return 0;
}

int SimEngine::abort(const QString &jobId, const QString &db, QString *message)
{
    const SimJob *j = find(jobId, db);
    if (!j) {
        *message = QStringLiteral("import job does not exist, jobID=%1").arg(jobId);
        return 2100;
    }
    const SimState s = summary(*j).state;
    if (s == SimState::Completed || s == SimState::Failed) {
        *message = QStringLiteral("import job %1 has already ended; nothing to abort").arg(jobId);
        return 1100;
    }
    if (j->committedAt >= 0) {
        *message = QStringLiteral("import job %1 is committing and can no longer be aborted").arg(jobId);
        return 1100;
    }
    m_scenario.jobs[m_index.value(jobId)].abortedAt = now();
    return 0;
}
