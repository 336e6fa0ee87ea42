#pragma once
// The simulator's model: jobs advancing over simulated time, as Milvus' weighted stages move them.

#include "SimScenario.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>

// Simulated times can be negative (jobs created before the simulator started): "never" is a sentinel.
constexpr double kSimNever = -1e18;
inline bool simTimeSet(double t) { return t > kSimNever / 2; }

enum class SimState { Pending, Importing, Uncommitted, Committing, Completed, Failed };

struct SimFileStatus
{
    QString name;        // as the dialect shows it is decided by the server; raw paths here
    QStringList paths;
    qint64 size = 0;
    qint64 rows = 0;
    qint64 importedRows = 0;
    double progress = 0; // 0..100
    enum { Pending, InProgress, Completed, Failed } state = Pending;
    double completedAt = kSimNever; // sim seconds
    QString reason;
};

struct SimJobStatus
{
    const SimJob *job = nullptr;
    SimState state = SimState::Pending;
    double progress = 0;
    double completedAt = kSimNever; // sim seconds; kSimNever while not ended
    QString reason;
    qint64 importedRows = 0;
    qint64 totalRows = 0;
    qint64 size = 0;
    QVector<SimFileStatus> files;
    QString v3State;        // Import V3's state name (PreImporting, Planning, IndexBuilding…), when the scenario has them
    double indexFrom = kSimNever; // sim seconds when its rows are written and wait for the index
};

struct SimIndexStatus
{
    QString fieldName, indexName, indexType = QStringLiteral("HNSW"), metricType = QStringLiteral("COSINE");
    qint64 totalRows = 0, indexedRows = 0, pendingRows = 0;
    QString state; // Finished, InProgress, Failed
    QString failReason;
};

struct SimCollectionStatus
{
    bool exists = false;
    bool hasIndex = true;
    qint64 rowCount = 0;
    QString loadState; // LoadStateLoaded, LoadStateLoading, LoadStateNotLoad
    int loadProgress = 0;
    QVector<SimIndexStatus> indexes;
};

struct SimCreateResult
{
    QString jobId;
    int code = 0;
    QString message;
};

class SimEngine
{
public:
    explicit SimEngine(const SimScenario &scenario, double speed = 1.0, quint32 seed = 1);

    double now() const;                  // simulated seconds since start
    void advance(double seconds) { m_offset += seconds; }
    void setSpeed(double speed);
    // Stops the clock at exactly this simulated second (tests: what ran before setSpeed(0) is not counted).
    void freezeAt(double seconds);
    double speed() const { return m_speed; }
    QDateTime toUtc(double simSeconds) const;
    const SimScenario &scenario() const { return m_scenario; }
    void setSeed(quint32 seed) { m_rng.seed(seed); }

    // nullptr when the job does not exist, is in another database, or has expired.
    const SimJob *find(const QString &jobId, const QString &db) const;
    SimJobStatus status(const SimJob &job) const;
    // The same without the file rows (files stays empty; totals, state, progress and times are the same): what
    // lists, snapshots, expiry and the job limit need, without building 1,024 file rows per job.
    SimJobStatus summary(const SimJob &job) const;
    QVector<const SimJob *> jobs(const QString &db, const QString &collection) const; // visible, by creation order

    // idempotencyKey: the request's Idempotency-Key header ("" = none); a repeat within the scenario's window
    // answers the first job's id, whatever became of it.
    SimCreateResult create(const QJsonObject &params, bool cloud, const QString &db, const QByteArray &idempotencyKey = {});
    int createdJobCount() const { return m_created; }
    // Two-phase: 0 on success, else an API code and *message.
    int commit(const QString &jobId, const QString &db, QString *message);
    int abort(const QString &jobId, const QString &db, QString *message);

    // After the import (SimCollections.cpp).
    SimCollectionStatus collectionStatus(const QString &db, const QString &collection) const;
    // 0, or an API code and *message (not found; not loaded).
    int refreshLoad(const QString &db, const QString &collection, QString *message);
    const QVector<SimClusterSpec> &clusters() const { return m_clusters; }

private:
    SimJobStatus statusOf(const SimJob &job, bool withFiles) const;
    bool expired(const SimJob &job) const;
    SimCollectionSpec specFor(const QString &db, const QString &collection) const;
    QString newJobId(bool cloud);

    SimScenario m_scenario;
    QHash<QString, int> m_index;
    QElapsedTimer m_clock;
    QDateTime m_startUtc;
    double m_speed = 1.0;
    double m_offset = 0; // simulated seconds added by advance() and speed changes
    QRandomGenerator m_rng;
    struct KeyUse
    {
        QString jobId;
        double at = 0;
    };
    QHash<QByteArray, KeyUse> m_keys;
    QHash<QString, SimCollectionSpec> m_specs; // db + '/' + name -> its rules (refresh_load changes them)
    QVector<SimClusterSpec> m_clusters;
    int m_created = 0;
};
