#pragma once
// What the simulator plays: jobs with timelines, failures and faults; loaded from JSON or built in.

#include <QJsonObject>
#include <QString>
#include <QVector>

struct SimFile
{
    QStringList paths;   // one group: a file, or a set of NumPy files
    qint64 size = 0;
    qint64 rows = 0;
    double seconds = 30; // import time of this file once the job imports
};

struct SimJob
{
    QString id;
    QString db = QStringLiteral("default");
    QString collection;
    QString partition;
    QVector<SimFile> files;
    double createdAt = 0;        // simulated seconds (0 = the moment the simulator started)
    double pendingSeconds = 2;
    double preimportSeconds = 3;
    double sortSeconds = 5;
    double indexSeconds = 5;
    double failAt = -1;          // seconds after creation; < 0: never fails
    QVector<int> failFiles;      // files that carry the reason
    QString failReason;
    bool twoPhase = false;
    double committedAt = -1;
    double abortedAt = -1;
    double retentionSeconds = -1; // < 0: the scenario's
    bool legacyFileNames = false; // "id:… paths:\"…\"" instead of "[a.parquet]"
    bool hangPending = false;     // never leaves Pending (server crash-looping)
    QJsonObject createParams;     // what create was called with
};

struct SimFaultRule
{
    QString kind;        // latency, hang, drip, reset, truncate, garbage, html5xx, redirect, huge, status,
                         // drop (the request is carried out, then the connection closes without a byte: a lost answer)
    QString path;        // substring of the request path; empty = every API path
    int remaining = -1;  // how many requests it hits; -1 = until cleared
    double probability = 1.0;
    int latencyMs = 0;
    int dripMs = 1000;
    int status = 500;
    QByteArray body;
    QString redirectTo;  // origin for "redirect"
    qint64 hugeBytes = 300LL * 1024 * 1024;
};

// What follows an import (protocol.md §7): a collection's rows, its index and its load state.
struct SimCollectionSpec
{
    QString name;
    QString db = QStringLiteral("default");
    qint64 baseRows = 0;             // rows it had before any job of the scenario
    double indexRowsPerSecond = -1;  // < 0: the scenario's
    bool hasIndex = true;            // false: indexes/describe answers code 700 (no index created)
    QString indexFailReason;         // not empty: the index fails as soon as it has rows to build
    bool load = true;                // false: never loaded (LoadStateNotLoad)
    double loadAt = -1e9;            // sim seconds when the load began (long ago by default)
    double loadSeconds = 5;
    QString fieldName = QStringLiteral("vector");
    QString indexName = QStringLiteral("vector");
};

// A Zilliz Cloud cluster the control plane lists (GET /v2/clusters); its connectAddress is the simulator itself.
struct SimClusterSpec
{
    QString clusterId;
    QString clusterName;
    QString regionId = QStringLiteral("aws-us-west-2");
    QString status = QStringLiteral("RUNNING");
};

struct SimScenario
{
    QString name = QStringLiteral("empty");
    double retentionSeconds = 10800;
    QString clusterId = QStringLiteral("in01-sim0000000000000");
    QStringList collections;         // empty = any collection exists
    int maxActiveJobs = 1024;
    bool idempotency = true;          // honours Idempotency-Key (Milvus >= 2.6.24); false: ignores it, as older servers
    double idempotencySeconds = 86400; // how long a key returns its first job
    int maxFilesPerJob = 1024;
    qint64 maxFileSize = 17179869184LL;
    // Rules for jobs made by create.
    double newPendingSeconds = 2, newPreimportSeconds = 3, newSecondsPerFile = 20, newSortSeconds = 6, newIndexSeconds = 6;
    qint64 newRowsPerFile = 100000, newBytesPerFile = 31567773;
    QVector<SimJob> jobs;
    QVector<SimFaultRule> faults;
    // After the import: the collection endpoints (false: plain 404, as servers before them), index building speed,
    // collections with their own rules, Import V3 state names, the clusters of the cloud's control plane.
    bool collectionEndpoints = true;
    double indexRowsPerSecond = 200000;
    QVector<SimCollectionSpec> collectionSpecs;
    bool importV3 = false;
    QVector<SimClusterSpec> clusters; // empty: one RUNNING cluster named after clusterId

    static SimScenario demo();
    // N jobs x M files, all running, for benchmarks and load tests.
    static SimScenario load(int jobs, int filesPerJob, int finishedJobs = 0);
    // Reads a scenario file (format in README, "Scenario files"); *error says what is wrong.
    static bool fromJson(const QByteArray &json, SimScenario *out, QString *error);
    // What --scenario names: demo, empty, load:JOBSxFILES[+FINISHED], or a scenario JSON file.
    static bool fromName(const QString &name, SimScenario *out, QString *error);
    static SimFaultRule faultFromJson(const QJsonObject &o);
};
