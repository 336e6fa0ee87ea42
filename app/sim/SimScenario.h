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
    QString kind;        // latency, hang, drip, reset, truncate, garbage, html5xx, redirect, huge, status
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

struct SimScenario
{
    QString name = QStringLiteral("empty");
    double retentionSeconds = 10800;
    QString clusterId = QStringLiteral("in01-sim0000000000000");
    QStringList collections;         // empty = any collection exists
    int maxActiveJobs = 1024;
    int maxFilesPerJob = 1024;
    qint64 maxFileSize = 17179869184LL;
    // Rules for jobs made by create.
    double newPendingSeconds = 2, newPreimportSeconds = 3, newSecondsPerFile = 20, newSortSeconds = 6, newIndexSeconds = 6;
    qint64 newRowsPerFile = 100000, newBytesPerFile = 31567773;
    QVector<SimJob> jobs;
    QVector<SimFaultRule> faults;

    static SimScenario demo();
    // N jobs x M files, all running, for benchmarks and load tests.
    static SimScenario load(int jobs, int filesPerJob, int finishedJobs = 0);
    // Reads a scenario file (format in README, "Scenario files"); *error says what is wrong.
    static bool fromJson(const QByteArray &json, SimScenario *out, QString *error);
    // What --scenario names: demo, empty, load:JOBSxFILES[+FINISHED], or a scenario JSON file.
    static bool fromName(const QString &name, SimScenario *out, QString *error);
    static SimFaultRule faultFromJson(const QJsonObject &o);
};
