#pragma once
// Typed values for import jobs, independent of the wire dialect they came from.

#include <QDateTime>
#include <QString>
#include <QVector>
#include <optional>

enum class JobState { Pending, Running, Finalizing, Completed, Failed, Cancelled, Expired, Unknown };
enum class FileState { Pending, Running, Retrying, Completed, Failed, Unknown };

QString jobStateName(JobState state);   // normalised lower-case name, e.g. "running"
QString fileStateName(FileState state);
JobState jobStateFromName(const QString &name); // inverse of jobStateName; Unknown otherwise
JobState jobStateFromServer(const QString &serverState);
FileState fileStateFromServer(const QString &serverState);
// A terminal job never changes again on the server; Finalizing waits for a commit/abort.
bool isTerminal(JobState state);

struct FileProgress
{
    QString fileName;
    std::optional<qint64> fileSize;
    FileState state = FileState::Unknown;
    QString serverState;
    double progress = 0;
    std::optional<qint64> importedRows;
    std::optional<qint64> totalRows;
    QDateTime completeTime; // UTC; invalid while running
    QString reason;

    bool operator==(const FileProgress &o) const;
    bool operator!=(const FileProgress &o) const { return !(*this == o); }
};

struct JobProgress
{
    QString jobId;
    std::optional<QString> collectionName;
    JobState state = JobState::Unknown;
    QString serverState;
    double progress = 0;
    std::optional<qint64> importedRows;
    std::optional<qint64> totalRows;
    std::optional<qint64> fileSize;
    QDateTime completeTime; // UTC
    QDateTime createTime;   // UTC, only from the newest servers
    QString reason;
    QVector<FileProgress> files;

    bool operator==(const JobProgress &o) const;
    bool operator!=(const JobProgress &o) const { return !(*this == o); }
};

struct JobSummary
{
    QString jobId;
    std::optional<QString> collectionName;
    JobState state = JobState::Unknown;
    QString serverState;
    std::optional<double> progress;
    QString reason;
};

// The phase a job is in, in words a user understands; derived from state + files.
enum class JobPhase { Waiting, Reading, Importing, SortingIndexing, AwaitingCommit, Done, Failed, Gone, Unknown };
JobPhase jobPhase(const JobProgress &job);
QString jobPhaseText(JobPhase phase);
// True where progress says nothing about time left (index building, commit wait): no ETA then.
bool phaseHasNoEta(JobPhase phase);

// Idempotent create (protocol.md §7): a fresh key ("bw-" and a random UUID), and why a given key would be refused
// (printable ASCII, 1..256 bytes; "" when it is acceptable).
QString newIdempotencyKey();
QString idempotencyKeyProblem(const QString &key);
