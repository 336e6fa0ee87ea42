#pragma once
// What the bench measures besides Bulkwatch: how fast the simulator answers 1,024-file describes to clients in
// another process, and who was busy during each phase (the simulator child, the bench, everyone else on the
// machine), so that a figure limited by the simulator or a loaded machine is flagged instead of reported.

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace BenchCpu {
// CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; -1 when it cannot be read.
double processSeconds(qint64 pid);
// CPU seconds (user + system) from getrusage: RUSAGE_SELF, or RUSAGE_CHILDREN (children that ended and were reaped).
double usageSeconds(int who);
// The 1-minute load average (/proc/loadavg), -1 when unknown.
double loadAverage();
int cores();
} // namespace BenchCpu

// Samples CPU use over a phase: the simulator child, this process, the machine as a whole (/proc/stat).
class PhaseMonitor
{
public:
    // simThreads: how many cores the simulator can use (it answers on one thread).
    void start(qint64 simPid, int simThreads = 1);
    // Another child whose CPU is ours, not the machine's, while it runs (the naive script; once it ended and was
    // reaped it counts among this process's children).
    void addOwnPid(qint64 pid) { m_ownPids << pid; m_ownStart << BenchCpu::processSeconds(pid); }
    // {sim_cpu_cores, bench_cpu_cores, other_cpu_cores, load_average_1m_before/after, bottleneck, note}.
    // bottleneck: "simulator" when the child used >= 90 % of what it can use, "machine" when others used half a
    // core or more (or the load average was at the core count when the phase started), else "none".
    QJsonObject finish() const;

private:
    qint64 m_simPid = 0;
    int m_simThreads = 1;
    double m_simStart = 0, m_selfStart = 0, m_busyStart = 0, m_wallStart = 0, m_loadBefore = -1;
    QVector<qint64> m_ownPids;
    QVector<double> m_ownStart;
};

namespace SimSpeedBench {
// Describes per second that a bulkwatch-sim on 127.0.0.1:port serves to `clients` keep-alive connections from
// this process (POSIX sockets on threads of their own, nothing parsed but the HTTP framing) for `seconds`,
// asking for jobs 460000000000000000 + [0, jobs) round-robin, in the dialect's describe route (milvus or
// cloud-v2). {describes_per_s, answers, errors, mb_per_s, answer_kb, clients, seconds} plus the PhaseMonitor
// figures.
QJsonObject measure(quint16 port, qint64 simPid, const QString &dialect, int jobs, int clients, double seconds);
} // namespace SimSpeedBench
