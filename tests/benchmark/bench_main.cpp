// bulkwatch-bench: runs the real service, history, models and main window (offscreen) against bulkwatch-sim,
// and measures what users feel: GUI stalls, freshness, politeness, memory, start-up, parse speed, idle cost —
// with the naive one-describe-per-job-every-5-s script as the baseline, in the same run.

#include "HistoryStore.h"
#include "ImportService.h"
#include "MainWindow.h"
#include "ParseBench.h"
#include "ResponseParser.h"
#include "SecretStore.h"
#include "SimSpeedBench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <atomic>
#include <ctime>
#include <thread>
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace {

QString eventName(int type)
{
    return QString::fromLatin1(QMetaEnum::fromType<QEvent::Type>().valueToKey(type));
}

qint64 clockNs(clockid_t id)
{
    timespec ts{};
    clock_gettime(id, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Times each event the GUI thread delivers (outermost only) and keeps the slowest, with who received it: a stall
// figure alone says how long the window froze, this says what it was doing. Per event it only stores numbers and
// pointers to static class names: text is made for the few events that are kept, so the measuring does not add
// to what it measures.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    ~TimedApplication() override
    {
        if (m_schedstat >= 0)
            ::close(m_schedstat);
    }
    struct Slow {
        double ms;
        QString what;
    };
    bool recording = false;
    // The bench's own stall timer: its firings are the measuring, not the window's work, so they are not timed.
    const QObject *untimed = nullptr;
    std::vector<Slow> slowest; // the 12 longest, unsorted
    std::map<QString, std::pair<double, int>> paints; // widget -> total ms, paint events

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (recording && event->type() == QEvent::Paint && QThread::currentThread() == thread()) {
            // Paint events come inside an UpdateRequest: tallied per widget class, to say what a repaint costs.
            const QString widget = QString::fromLatin1(receiver->metaObject()->className())
                + (receiver->parent() ? QStringLiteral(" in ") + QString::fromLatin1(receiver->parent()->metaObject()->className()) : QString());
            QElapsedTimer t;
            t.start();
            const bool result = QApplication::notify(receiver, event);
            auto &tally = paints[widget];
            tally.first += t.nsecsElapsed() / 1e6;
            ++tally.second;
            return result;
        }
        if (!recording || m_depth > 0 || receiver == untimed || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Who received it is read before delivery: a DeferredDelete (or a slot) may delete the receiver.
        const char *const cls = receiver->metaObject()->className();
        const char *const parentCls = receiver->parent() ? receiver->parent()->metaObject()->className() : nullptr;
        const QString name = receiver->objectName(); // shared, not copied
        const int type = event->type();
        ++m_depth;
        const qint64 startNs = m_clock.nsecsElapsed();
        const bool result = QApplication::notify(receiver, event);
        const double ms = (m_clock.nsecsElapsed() - startNs) / 1e6;
        --m_depth;
        // What ran since the stall timer last fired: when it fires late, this is what made it late.
        ++m_windowEvents;
        m_windowKinds[{type, cls}] += ms;
        if (ms >= 0.5 && m_windowSequence.size() < 40) // the events that cost something, in order
            m_windowSequence.push_back({type, cls, (startNs - m_windowStart) / 1e6, ms});
        if (ms >= 4 && (slowest.size() < 12 || ms > minSlow())) {
            QString who = QString::fromLatin1(cls);
            if (!name.isEmpty())
                who += QLatin1Char('/') + name;
            if (parentCls) // a timer or a viewport says little; its owner says more
                who += QStringLiteral(" of ") + QString::fromLatin1(parentCls);
            if (type == QEvent::MetaCall)
                who += QStringLiteral(" (queued call)");
            if (slowest.size() >= 12)
                slowest.erase(std::min_element(slowest.begin(), slowest.end(), [](const Slow &a, const Slow &b) { return a.ms < b.ms; }));
            slowest.push_back({ms, QStringLiteral("%1 to %2").arg(eventName(type), who)});
        }
        return result;
    }

    // The stall timer calls this each time it fires, with how late it was: the worst stall keeps what the GUI
    // thread delivered since the firing before (how many events, where the time went, the costly ones in order).
    double worstStallMs = -1;
    QString worstStallWhat;
    QStringList worstStallSequence;
    // And how much of it the GUI thread spent on a core: a stall it did not run through (it waited for a core,
    // preempted by another thread or process) is the machine's, not work the window did.
    double worstStallCpuMs = 0;
    long worstStallPreempted = 0;
    // Times it went to sleep (1: only the event loop's own wait; more: it blocked on a lock or the disk) and how
    // long it was runnable but not running (the kernel's run_delay): together they say where a stall went that no
    // event and no CPU time explains.
    long worstStallSlept = 0;
    double worstStallRunDelayMs = 0;
    qint64 worstStallEndNs = 0; // CLOCK_MONOTONIC, to compare with the sleeping probe's stalls
    void mark(double lateMs, qint64 monoNowNs)
    {
        const qint64 cpuNs = threadCpuNs();
        const qint64 runDelayNs = runDelay();
        rusage ru{};
        getrusage(RUSAGE_THREAD, &ru);
        if (lateMs > worstStallMs) {
            worstStallMs = lateMs;
            worstStallCpuMs = (cpuNs - m_windowCpuNs) / 1e6;
            worstStallPreempted = ru.ru_nivcsw - m_windowNivcsw;
            worstStallSlept = ru.ru_nvcsw - m_windowNvcsw;
            worstStallRunDelayMs = (runDelayNs - m_windowRunDelayNs) / 1e6;
            worstStallEndNs = monoNowNs;
            std::vector<std::pair<double, Kind>> kinds;
            for (auto it = m_windowKinds.cbegin(); it != m_windowKinds.cend(); ++it)
                kinds.emplace_back(it->second, it->first);
            std::sort(kinds.begin(), kinds.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
            QStringList parts;
            for (size_t i = 0; i < kinds.size() && i < 4; ++i)
                parts << QStringLiteral("%1 ms %2").arg(kinds[i].first, 0, 'f', 1).arg(kindText(kinds[i].second));
            worstStallWhat = QStringLiteral("%1 events: %2").arg(m_windowEvents).arg(parts.join(QStringLiteral("; ")));
            worstStallSequence.clear();
            for (const Step &step : m_windowSequence)
                worstStallSequence << QStringLiteral("%1 @%2 %3 ms").arg(kindText({step.type, step.cls})).arg(step.atMs, 0, 'f', 1).arg(step.ms, 0, 'f', 1);
        }
        m_windowStart = m_clock.nsecsElapsed();
        m_windowCpuNs = cpuNs;
        m_windowNivcsw = ru.ru_nivcsw;
        m_windowNvcsw = ru.ru_nvcsw;
        m_windowRunDelayNs = runDelayNs;
        m_windowEvents = 0;
        m_windowKinds.clear();
        m_windowSequence.clear();
    }
    void startRecording()
    {
        // Opened once, read with pread at each firing: a few microseconds, not an open per millisecond.
        m_schedstat = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
        m_clock.start();
        m_windowStart = 0;
        recording = true;
    }

private:
    using Kind = std::pair<int, const char *>; // event type, receiver's class name (static storage)
    struct Step {
        int type;
        const char *cls;
        double atMs;
        double ms;
    };
    static QString kindText(const Kind &k) { return eventName(k.first) + QStringLiteral(" to ") + QString::fromLatin1(k.second); }
    static qint64 threadCpuNs() { return clockNs(CLOCK_THREAD_CPUTIME_ID); }
    // Nanoseconds this thread has waited on a run queue (second field of schedstat); 0 where there is none.
    qint64 runDelay() const
    {
        if (m_schedstat < 0)
            return 0;
        char buf[96];
        const ssize_t n = ::pread(m_schedstat, buf, sizeof buf - 1, 0);
        if (n <= 0)
            return 0;
        buf[n] = 0;
        unsigned long long onCpu = 0, waited = 0;
        return std::sscanf(buf, "%llu %llu", &onCpu, &waited) == 2 ? qint64(waited) : 0;
    }
    QElapsedTimer m_clock;
    int m_schedstat = -1;
    qint64 m_windowStart = 0;
    qint64 m_windowCpuNs = 0;
    long m_windowNivcsw = 0;
    long m_windowNvcsw = 0;
    qint64 m_windowRunDelayNs = 0;
    int m_windowEvents = 0;
    std::map<Kind, double> m_windowKinds;
    std::vector<Step> m_windowSequence;
    double minSlow() const
    {
        return std::min_element(slowest.begin(), slowest.end(), [](const Slow &a, const Slow &b) { return a.ms < b.ms; })->ms;
    }
    int m_depth = 0;
};

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(std::ceil(p / 100.0 * v.size())) - (p > 0 ? 1 : 0));
    return v[i];
}

qint64 monoNs()
{
    return clockNs(CLOCK_MONOTONIC);
}

// The machine's floor: a thread that does nothing but sleep 1 ms at a time, beside the GUI thread. How late it wakes
// is what the kernel and the hypervisor add to any thread here; a GUI stall it saw too was not the window's work.
class SleepProbe
{
public:
    void start()
    {
        m_thread = std::thread([this] {
            const timespec oneMs{0, 1000000};
            qint64 last = monoNs();
            while (!m_stop.load(std::memory_order_relaxed)) {
                clock_nanosleep(CLOCK_MONOTONIC, 0, &oneMs, nullptr);
                const qint64 now = monoNs();
                const double late = std::max(0.0, (now - last) / 1e6 - 1.0);
                m_lateness.push_back(late);
                if (late >= 4)
                    m_stalls.push_back({now, late});
                last = now;
            }
        });
    }
    void stop()
    {
        m_stop = true;
        m_thread.join();
    }
    double maxMs() const { return m_lateness.empty() ? 0 : *std::max_element(m_lateness.begin(), m_lateness.end()); }
    double p99Ms() const { return percentile(m_lateness, 99); }
    // Its longest stall that overlapped [endNs - ms, endNs] (read after stop()).
    double overlapping(qint64 endNs, double ms) const
    {
        const qint64 beginNs = endNs - qint64(ms * 1e6);
        double worst = 0;
        for (const auto &[end, late] : m_stalls)
            if (end >= beginNs && end - qint64(late * 1e6) <= endNs)
                worst = std::max(worst, late);
        return worst;
    }

private:
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::vector<double> m_lateness; // the probe thread's alone until stop()
    std::vector<std::pair<qint64, double>> m_stalls;
};

double cpuSeconds()
{
    return BenchCpu::usageSeconds(RUSAGE_SELF);
}

double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int valueOf(JobState state, double progress)
{
    return int(state) * 1000 + int(std::floor(progress + 1e-6));
}

// When did the simulator change a job's state/progress, and when did the watcher show that value (or a newer one)?
class FreshnessTracker
{
public:
    void simValue(const QString &job, int value, qint64 t)
    {
        QMutexLocker lock(&m_mutex);
        Track &tr = m_tracks[job];
        if (tr.seq.empty() || tr.seq.back().first != value)
            tr.seq.emplace_back(value, t);
    }
    void modelValue(const QString &job, int value, qint64 t)
    {
        QMutexLocker lock(&m_mutex);
        Track &tr = m_tracks[job];
        for (size_t idx = tr.seq.size(); idx-- > tr.resolved;) {
            if (tr.seq[idx].first != value)
                continue;
            for (size_t k = std::max<size_t>(tr.resolved, 1); k <= idx; ++k) // entry 0 is where we started
                m_delays.push_back((t - tr.seq[k].second) / 1000.0);
            tr.resolved = idx + 1;
            return;
        }
    }
    // Delays in seconds; changes never shown count as stale until `end`.
    std::vector<double> delays(qint64 end) const
    {
        QMutexLocker lock(&m_mutex);
        std::vector<double> out = m_delays;
        for (const auto &kv : m_tracks)
            for (size_t k = std::max<size_t>(kv.second.resolved, 1); k < kv.second.seq.size(); ++k)
                out.push_back((end - kv.second.seq[k].second) / 1000.0);
        return out;
    }

private:
    struct Track
    {
        std::vector<std::pair<int, qint64>> seq;
        size_t resolved = 0;
    };
    mutable QMutex m_mutex;
    std::map<QString, Track> m_tracks;
    std::vector<double> m_delays;
};

// Polls the simulator's /_sim/snapshot on a thread of its own and feeds the tracker with the truth.
class SnapshotPoller : public QThread
{
public:
    SnapshotPoller(const QUrl &base, double speed, FreshnessTracker *tracker) : m_base(base), m_speed(speed), m_tracker(tracker) {}
    void run() override
    {
        QNetworkAccessManager nam;
        QTimer timer;
        bool busy = false;
        double simTime0 = -1;
        qint64 wall0 = 0, previous = 0;
        QUrl url = m_base;
        url.setPath(QStringLiteral("/_sim/snapshot"));
        QObject::connect(&timer, &QTimer::timeout, [&] {
            if (busy)
                return;
            busy = true;
            QNetworkReply *reply = nam.get(QNetworkRequest(url));
            QObject::connect(reply, &QNetworkReply::finished, [&, reply] {
                busy = false;
                reply->deleteLater();
                const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
                if (o.isEmpty())
                    return;
                const double simTime = o.value(QLatin1String("simTime")).toDouble();
                if (simTime0 < 0) {
                    simTime0 = simTime;
                    wall0 = wallMs();
                }
                const qint64 at = wall0 + static_cast<qint64>((simTime - simTime0) * 1000 / m_speed);
                const qint64 changeAt = previous ? (previous + at) / 2 : at; // somewhere since the last look
                previous = at;
                const QJsonObject jobs = o.value(QLatin1String("jobs")).toObject();
                for (auto it = jobs.constBegin(); it != jobs.constEnd(); ++it) {
                    const QJsonArray v = it.value().toArray();
                    const JobState s = jobStateFromServer(v.at(0).toString());
                    m_tracker->simValue(it.key(), valueOf(s, s == JobState::Completed ? 100 : v.at(1).toDouble()), changeAt);
                }
            });
        });
        timer.start(1000); // the snapshot costs the simulator a full status of every file: once a second
        exec();
    }

private:
    QUrl m_base;
    double m_speed;
    FreshnessTracker *m_tracker;
};

class SimProcess
{
public:
    bool start(const QString &exe, const QStringList &args)
    {
        m_p.setProgram(exe);
        m_p.setArguments(args);
        m_p.setProcessChannelMode(QProcess::SeparateChannels);
        m_p.start();
        if (!m_p.waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            m_p.waitForReadyRead(200);
            while (m_p.canReadLine()) {
                const QString line = QString::fromUtf8(m_p.readLine()).trimmed();
                if (line.startsWith(QLatin1String("listening on ")))
                    m_url = QUrl(line.mid(13));
            }
            if (m_url.isValid())
                return true;
        }
        return false;
    }
    QUrl url() const { return m_url; }
    qint64 pid() const { return m_p.processId(); }
    QJsonObject get(const QString &path) const
    {
        QNetworkAccessManager nam;
        QUrl u = m_url;
        u.setPath(path);
        QNetworkReply *r = nam.get(QNetworkRequest(u));
        QEventLoop loop;
        QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
        r->deleteLater();
        return o;
    }
    ~SimProcess()
    {
        m_p.terminate();
        if (!m_p.waitForFinished(3000))
            m_p.kill();
    }

private:
    QProcess m_p;
    QUrl m_url;
};

void seedHistory(HistoryStore &store, int finished)
{
    Connection archive;
    archive.id = QStringLiteral("archive");
    archive.name = QStringLiteral("Archive");
    archive.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    store.saveConnection(archive);
    QVector<JobRecord> records;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-2);
    for (int i = 0; i < finished; ++i) {
        JobRecord r;
        r.connectionId = archive.id;
        r.job.jobId = QString::number(470000000000000000LL + i);
        r.job.collectionName = QStringLiteral("archive_%1").arg(i % 10);
        r.job.state = i % 10 == 0 ? JobState::Failed : JobState::Completed;
        r.job.serverState = i % 10 == 0 ? QStringLiteral("Failed") : QStringLiteral("Completed");
        r.job.progress = i % 10 == 0 ? 0 : 100;
        r.job.totalRows = 40000;
        r.job.importedRows = 40000;
        r.job.reason = i % 10 == 0 ? QStringLiteral("JSON parse: unexpected EOF") : QString();
        for (int f = 0; f < 4; ++f) {
            FileProgress fp;
            fp.fileName = QStringLiteral("[archive/%1/%2.parquet]").arg(i).arg(f);
            fp.state = FileState::Completed;
            fp.progress = 100;
            fp.totalRows = fp.importedRows = 10000;
            r.job.files << fp;
        }
        r.hasDetails = true;
        r.firstSeen = start.addSecs(i * 60);
        r.lastAnswer = r.lastChange = r.endedAt = r.firstSeen.addSecs(600);
        r.job.completeTime = r.endedAt;
        r.expired = true;
        r.notifiedState = jobStateName(r.job.state);
        records << r;
    }
    store.saveJobs(records);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bulkwatch-bench"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Measures Bulkwatch against bulkwatch-sim; see tests/benchmark/RESULTS.md."));
    p.addHelpOption();
    const QCommandLineOption jobsOpt(QStringLiteral("jobs"), QStringLiteral("Active jobs (default 200)."), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption filesOpt(QStringLiteral("files"), QStringLiteral("Files per job (default 1024)."), QStringLiteral("M"), QStringLiteral("1024"));
    const QCommandLineOption finishedOpt(QStringLiteral("finished"), QStringLiteral("Finished jobs in history (default 1000)."), QStringLiteral("F"), QStringLiteral("1000"));
    const QCommandLineOption dialectOpt(QStringLiteral("dialect"), QStringLiteral("milvus, cloud-v2 or cloud-v1."), QStringLiteral("D"), QStringLiteral("milvus"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Length of each measured phase (default 60)."), QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"), QStringLiteral("Simulated seconds per second (default 10)."), QStringLiteral("X"), QStringLiteral("10"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption noBaselineOpt(QStringLiteral("no-baseline"), QStringLiteral("Skip the Python baseline."));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Bulkwatch's request ceiling per connection (default: the app's: 18/s on the cloud, 10/s on Milvus)."), QStringLiteral("R"));
    const QCommandLineOption onlyOpt(QStringLiteral("only"), QStringLiteral("Run one phase only: parse, or sim (the simulator's describes/s)."), QStringLiteral("PHASE"));
    const QCommandLineOption simClientsOpt(QStringLiteral("sim-clients"), QStringLiteral("Client connections of the simulator-speed phase (default 4)."), QStringLiteral("N"), QStringLiteral("4"));
    p.addOptions({jobsOpt, filesOpt, finishedOpt, dialectOpt, secondsOpt, speedOpt, jsonOpt, noBaselineOpt, rateOpt, onlyOpt, simClientsOpt});
    p.process(app);
    const int jobs = p.value(jobsOpt).toInt(), files = p.value(filesOpt).toInt(), finished = p.value(finishedOpt).toInt();
    const int seconds = std::max(2, p.value(secondsOpt).toInt());
    const double speed = p.value(speedOpt).toDouble();
    const QString dialect = p.value(dialectOpt);
    // The harness is built next to its results, not next to the binaries it measures: CMake tells it where they are.
    const QString simExe = QStringLiteral(BULKWATCH_SIM_BINARY);
    const QString appExe = QStringLiteral(BULKWATCH_APP_BINARY);
    QTextStream err(stderr);
    QTemporaryDir tmp;
    qputenv("XDG_CONFIG_HOME", tmp.filePath(QStringLiteral("config")).toUtf8()); // the window's settings stay out of the user's
    const QStringList simArgs = {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--dialect"), dialect,
                                 QStringLiteral("--speed"), QString::number(speed), QStringLiteral("--rate-limit"), QStringLiteral("20")};
    QJsonObject out;
    // --only parse: the parse figures alone, in seconds and without the simulator (they need neither);
    // --only sim: the simulator's own speed.
    const bool everyPhase = !p.isSet(onlyOpt);
    const QString only = p.value(onlyOpt);
    if (p.isSet(onlyOpt) && only != QLatin1String("parse") && only != QLatin1String("sim")) {
        err << "bulkwatch-bench: --only knows: parse, sim\n";
        return 2;
    }
    // The machine before the bench adds its own load: a busy machine makes every figure low.
    out.insert(QStringLiteral("load_average_1m_at_start"), BenchCpu::loadAverage());
    out.insert(QStringLiteral("cores"), BenchCpu::cores());
    QJsonObject bottlenecks; // phase -> who set its pace (PhaseMonitor)

    // 1-4: the live phase.
    if (everyPhase) {
        err << "live phase: " << jobs << " jobs x " << files << " files, " << finished << " finished in history, " << seconds << " s\n";
        err.flush();
        SimProcess sim;
        if (!sim.start(simExe, simArgs + QStringList{QStringLiteral("--scenario"), QStringLiteral("load:%1x%2").arg(jobs).arg(files)})) {
            err << "bulkwatch-bench: cannot start " << simExe << '\n';
            return 1;
        }
        HistoryStore store;
        QString error;
        if (!store.open(tmp.filePath(QStringLiteral("history.sqlite")), &error)) {
            err << error << '\n';
            return 1;
        }
        seedHistory(store, finished);
        // Start-up is measured on exactly this: the finished jobs, before the live ones join them.
        QFile::copy(tmp.filePath(QStringLiteral("history.sqlite")), tmp.filePath(QStringLiteral("history-finished.sqlite")));
        MemorySecretStore secrets;
        ImportService service(&store, &secrets);
        if (p.isSet(rateOpt)) {
            ImportService::Options o;
            o.requestsPerSecond = p.value(rateOpt).toDouble();
            service.setOptions(o);
        }
        service.start();
        FreshnessTracker tracker;
        QObject::connect(&service, &ImportService::jobChanged, &service, [&](const JobRecord &r) {
            if (r.connectionId == QLatin1String("live"))
                tracker.modelValue(r.job.jobId, valueOf(r.job.state, r.job.progress), wallMs());
        });
        Connection live;
        live.id = QStringLiteral("live");
        live.name = QStringLiteral("Load");
        live.baseUrl = sim.url();
        if (dialect != QLatin1String("milvus")) {
            live.kind = Connection::Kind::ZillizCloud;
            live.clusterId = QStringLiteral("in01-bench");
            if (dialect == QLatin1String("cloud-v1"))
                live.dialect = Dialect::CloudV1;
        }
        service.saveConnection(live, std::nullopt);
        MainWindow window(&service);
        window.resize(1280, 800);
        window.show();
        SnapshotPoller poller(sim.url(), speed, &tracker);
        poller.start();

        std::vector<double> lateness;
        QElapsedTimer clock;
        clock.start();
        qint64 last = -1;
        std::vector<std::pair<qint64, double>> stalls; // (end, CLOCK_MONOTONIC ns; ms) of those over 4 ms
        QTimer stall;
        stall.setTimerType(Qt::PreciseTimer);
        QObject::connect(&stall, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            if (last >= 0) {
                lateness.push_back(std::max(0.0, (now - last) / 1e6 - 1.0));
                const qint64 mono = monoNs();
                app.mark(lateness.back(), mono);
                if (lateness.back() >= 4)
                    stalls.emplace_back(mono, lateness.back());
            }
            // From the end of this handler: what mark() spends (text for a new worst) is the bench's, not the window's.
            last = clock.nsecsElapsed();
        });
        app.untimed = &stall;
        // The bench's own request (a QNetworkAccessManager made and asked on this thread) before the stall timer
        // starts: it is not the window's time.
        QJsonObject statsBefore = sim.get(QStringLiteral("/_sim/stats"));
        SleepProbe probe;
        probe.start();
        stall.start(1);
        app.startRecording();
        PhaseMonitor monitor;
        monitor.start(sim.pid());
        wait(seconds * 1000);
        bottlenecks.insert(QStringLiteral("live"), monitor.finish());
        stall.stop();
        probe.stop();
        app.recording = false;
        const qint64 end = wallMs();
        poller.quit();
        poller.wait();
        const QJsonObject stats = sim.get(QStringLiteral("/_sim/stats"));
        const std::vector<double> delays = tracker.delays(end);
        out.insert(QStringLiteral("gui_stall_max_ms"), lateness.empty() ? 0 : *std::max_element(lateness.begin(), lateness.end()));
        out.insert(QStringLiteral("gui_stall_p99_ms"), percentile(lateness, 99));
        std::sort(app.slowest.begin(), app.slowest.end(), [](const auto &a, const auto &b) { return a.ms > b.ms; });
        QJsonArray slow;
        for (const auto &s : app.slowest)
            slow.append(QStringLiteral("%1 ms: %2").arg(s.ms, 0, 'f', 1).arg(s.what));
        out.insert(QStringLiteral("gui_slowest_events"), slow);
        out.insert(QStringLiteral("gui_slowest_event_ms"), app.slowest.empty() ? 0.0 : app.slowest.front().ms);
        out.insert(QStringLiteral("gui_stall_max_made_of"), app.worstStallWhat);
        out.insert(QStringLiteral("gui_stall_max_sequence"), QJsonArray::fromStringList(app.worstStallSequence));
        // The stall timer's period (1 ms) is part of the window, so a thread that ran through it shows ~1 ms more.
        out.insert(QStringLiteral("gui_stall_max_thread_cpu_ms"), app.worstStallCpuMs);
        out.insert(QStringLiteral("gui_stall_max_preempted"), double(app.worstStallPreempted));
        out.insert(QStringLiteral("gui_stall_max_slept"), double(app.worstStallSlept));
        out.insert(QStringLiteral("gui_stall_max_run_delay_ms"), app.worstStallRunDelayMs);
        // When it ended (CLOCK_MONOTONIC ns), to find it in a trace taken beside the run (perf record -k CLOCK_MONOTONIC).
        out.insert(QStringLiteral("gui_stall_max_end_monotonic_ns"), double(app.worstStallEndNs));
        // The stall without the machine's: a GUI stall during which the sleeping probe was late by at least half as
        // much was every thread's (all cores idle, the wake-ups late: see RESULTS.md), so it is left out here, as
        // a saturated simulator is. The worst of the rest is the window's own.
        double own = 0;
        int machines = 0;
        for (const double l : lateness)
            if (l < 4)
                own = std::max(own, l);
        for (const auto &[endNs, ms] : stalls) {
            if (probe.overlapping(endNs, ms) >= ms / 2)
                ++machines;
            else
                own = std::max(own, ms);
        }
        out.insert(QStringLiteral("gui_stall_max_own_ms"), own);
        out.insert(QStringLiteral("gui_stalls_of_the_machine"), machines);
        out.insert(QStringLiteral("probe_stall_max_ms"), probe.maxMs());
        out.insert(QStringLiteral("probe_stall_p99_ms"), probe.p99Ms());
        out.insert(QStringLiteral("probe_stall_during_gui_worst_ms"), probe.overlapping(app.worstStallEndNs, app.worstStallMs));
        QJsonObject paintTally;
        for (const auto &[widget, tally] : app.paints)
            if (tally.first >= 50) // ms over the phase
                paintTally.insert(widget, QStringLiteral("%1 ms in %2 paints").arg(tally.first, 0, 'f', 0).arg(tally.second));
        out.insert(QStringLiteral("gui_paint_ms_by_widget"), paintTally);
        out.insert(QStringLiteral("freshness_p50_s"), percentile(delays, 50));
        out.insert(QStringLiteral("freshness_max_s"), delays.empty() ? 0 : *std::max_element(delays.begin(), delays.end()));
        out.insert(QStringLiteral("freshness_changes"), static_cast<int>(delays.size()));
        const int requests = stats.value(QLatin1String("total")).toInt() - statsBefore.value(QLatin1String("total")).toInt();
        out.insert(QStringLiteral("requests_per_s"), requests / double(seconds));
        QJsonObject perPath;
        const QJsonObject paths = stats.value(QLatin1String("paths")).toObject();
        for (auto it = paths.constBegin(); it != paths.constEnd(); ++it)
            perPath.insert(it.key(), it.value().toObject().value(QLatin1String("total")).toInt() / double(seconds));
        out.insert(QStringLiteral("requests_per_s_by_path"), perPath);
        out.insert(QStringLiteral("rate_limited"), stats.value(QLatin1String("rateLimited")).toInt());
        out.insert(QStringLiteral("jobs_seen"), static_cast<int>(service.jobs().size()));
        out.insert(QStringLiteral("rss_peak_mb"), peakRssMb());
    }

    // 5: start-up to the first painted window: with the finished jobs only (the target), and after the live phase.
    const auto startup = [&](const QString &history) {
        std::vector<double> runs;
        for (int i = 0; i < 5; ++i) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("BULKWATCH_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            child.setProcessEnvironment(env);
            QElapsedTimer t;
            t.start();
            child.start(appExe, {QStringLiteral("--history"), history});
            child.waitForFinished(30000);
            if (child.readAllStandardOutput().contains("first-paint"))
                runs.push_back(t.nsecsElapsed() / 1e6);
        }
        return percentile(runs, 50);
    };
    if (everyPhase) {
        out.insert(QStringLiteral("startup_ms"), startup(tmp.filePath(QStringLiteral("history-finished.sqlite"))));
        out.insert(QStringLiteral("startup_ms_after_live"), startup(tmp.filePath(QStringLiteral("history.sqlite"))));
    }

    // 6: parse throughput (the answers' real path, the QJson reference) against Python's json.loads of the same bytes.
    if (everyPhase || only == QLatin1String("parse")) {
        // A short run (the smoke test) takes one round of each; a real one the median of five.
        const QJsonObject parse = ParseBench::measure(tmp.path(), seconds >= 10 ? 5 : 1);
        for (auto it = parse.constBegin(); it != parse.constEnd(); ++it)
            out.insert(it.key(), it.value());
    }

    // 6b: the simulator's own speed: 1,024-file describes per second served to clients in this process (outside
    // the simulator), in both dialects, through the fast renderer and (the baseline, same run) the QJsonDocument
    // path it replaced. No rate limit here: the point is what the simulator can serve.
    if (everyPhase || only == QLatin1String("sim")) {
        const double simSeconds = std::clamp(seconds / 6.0, 1.0, 10.0);
        const int simJobs = std::clamp(jobs, 1, 200);
        const int clients = std::max(1, p.value(simClientsOpt).toInt());
        err << "simulator speed: " << simJobs << " jobs x 1024 files, " << clients << " clients, " << simSeconds << " s per run\n";
        err.flush();
        QJsonObject detail;
        bool met = true;
        for (const QString &d : {QStringLiteral("milvus"), QStringLiteral("cloud-v2")}) {
            QString key = d;
            key.replace(QLatin1Char('-'), QLatin1Char('_'));
            for (const bool reference : {false, true}) {
                SimProcess sim;
                QStringList args = {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--dialect"), d,
                                    QStringLiteral("--speed"), QString::number(speed), QStringLiteral("--rate-limit"), QStringLiteral("0"),
                                    QStringLiteral("--scenario"), QStringLiteral("load:%1x1024").arg(simJobs)};
                if (reference)
                    args << QStringLiteral("--reference-render");
                if (!sim.start(simExe, args)) {
                    err << "bulkwatch-bench: cannot start " << simExe << '\n';
                    return 1;
                }
                const QJsonObject r = SimSpeedBench::measure(static_cast<quint16>(sim.url().port()), sim.pid(), d, simJobs, clients, simSeconds);
                const double rate = r.value(QLatin1String("describes_per_s")).toDouble();
                detail.insert(key + (reference ? QStringLiteral("_reference") : QString()), r);
                out.insert((reference ? QStringLiteral("sim_reference_describes_per_s_1024_") : QStringLiteral("sim_describes_per_s_1024_")) + key, rate);
                if (!reference) {
                    met = met && rate >= 200;
                    if (d == dialect || (d == QLatin1String("milvus") && dialect == QLatin1String("cloud-v1")))
                        out.insert(QStringLiteral("sim_describes_per_s_1024"), rate);
                }
            }
        }
        out.insert(QStringLiteral("sim_describes_per_s_target"), 200);
        out.insert(QStringLiteral("sim_describes_per_s_before"), 118); // 0.1.0's simulator, 4 outside clients, idle machine (issue 17)
        out.insert(QStringLiteral("sim_target_met"), met);
        out.insert(QStringLiteral("sim_speed"), detail);
    }

    // 7: idle cost once every job is terminal.
    if (everyPhase) {
        err << "idle phase\n";
        err.flush();
        SimProcess sim;
        sim.start(simExe, simArgs + QStringList{QStringLiteral("--scenario"), QStringLiteral("load:0x4+%1").arg(std::max(1, jobs))});
        ImportService service(nullptr, nullptr);
        service.start();
        Connection c;
        c.id = QStringLiteral("idle");
        c.name = QStringLiteral("Idle");
        c.baseUrl = sim.url();
        service.saveConnection(c, std::nullopt);
        MainWindow window(&service);
        window.show();
        QElapsedTimer t;
        t.start();
        // Idle means nothing left to ask: every job described, and the server asked nothing but the list for 5 s
        // (the follow after the import asks three things of each completed job's collection: ~60 s for 200 jobs
        // at 10/s on Milvus).
        const auto askedBesidesTheList = [&sim] {
            double n = 0;
            const QJsonObject paths = sim.get(QStringLiteral("/_sim/stats")).value(QLatin1String("paths")).toObject();
            for (auto it = paths.begin(); it != paths.end(); ++it)
                if (!it.key().endsWith(QLatin1String("/import/list")))
                    n += it.value().toObject().value(QLatin1String("total")).toDouble();
            return n;
        };
        double asked = -1;
        int quietSeconds = 0;
        while (t.elapsed() < 180000 && quietSeconds < 5) {
            wait(1000);
            const auto all = service.jobs();
            const bool described = all.size() >= std::max(1, jobs)
                && std::all_of(all.begin(), all.end(), [](const JobRecord &r) { return r.hasDetails; });
            const double now = askedBesidesTheList();
            quietSeconds = described && now == asked ? quietSeconds + 1 : 0;
            asked = now;
        }
        out.insert(QStringLiteral("idle_settle_s"), t.elapsed() / 1000.0);
        wait(1000);
        const int idleSeconds = std::min(seconds, 60);
        const double before = cpuSeconds();
        wait(idleSeconds * 1000);
        out.insert(QStringLiteral("idle_cpu_s_per_min"), (cpuSeconds() - before) * 60.0 / idleSeconds);
    }

    // The baseline: the naive script against the same kind of simulator.
    if (everyPhase && !p.isSet(noBaselineOpt)) {
        err << "baseline phase\n";
        err.flush();
        SimProcess sim;
        sim.start(simExe, simArgs + QStringList{QStringLiteral("--scenario"), QStringLiteral("load:%1x%2").arg(jobs).arg(files)});
        FreshnessTracker tracker;
        SnapshotPoller poller(sim.url(), speed, &tracker);
        poller.start();
        QStringList args = {QStringLiteral(BULKWATCH_SOURCE_DIR "/tests/benchmark/naive_poller.py"), sim.url().toString(), QString::number(seconds)};
        for (int i = 0; i < jobs; ++i)
            args << QString::number(460000000000000000LL + i);
        QProcess script;
        int scriptRateLimited = 0;
        QObject::connect(&script, &QProcess::readyReadStandardOutput, [&] {
            while (script.canReadLine()) {
                const QJsonObject o = QJsonDocument::fromJson(script.readLine()).object();
                if (o.contains(QLatin1String("rate_limited")))
                    scriptRateLimited = o.value(QLatin1String("rate_limited")).toInt();
                else if (o.contains(QLatin1String("jobId")))
                    tracker.modelValue(o.value(QLatin1String("jobId")).toString(),
                                       valueOf(jobStateFromServer(o.value(QLatin1String("state")).toString()), o.value(QLatin1String("progress")).toDouble()),
                                       static_cast<qint64>(o.value(QLatin1String("t")).toDouble()));
            }
        });
        PhaseMonitor monitor;
        monitor.start(sim.pid());
        script.start(QStringLiteral("python3"), args);
        script.waitForStarted();
        monitor.addOwnPid(script.processId());
        QElapsedTimer t;
        t.start();
        while (script.state() != QProcess::NotRunning && t.elapsed() < (seconds + 60) * 1000LL)
            wait(100);
        const qint64 end = wallMs();
        bottlenecks.insert(QStringLiteral("baseline"), monitor.finish());
        poller.quit();
        poller.wait();
        const QJsonObject stats = sim.get(QStringLiteral("/_sim/stats"));
        const std::vector<double> delays = tracker.delays(end);
        out.insert(QStringLiteral("baseline"),
                   QJsonObject{{QStringLiteral("rate_limited"), stats.value(QLatin1String("rateLimited")).toInt()},
                               {QStringLiteral("rate_limited_seen_by_script"), scriptRateLimited},
                               {QStringLiteral("requests_per_s"), stats.value(QLatin1String("total")).toInt() / double(seconds)},
                               {QStringLiteral("freshness_p50_s"), percentile(delays, 50)},
                               {QStringLiteral("freshness_max_s"), delays.empty() ? 0 : *std::max_element(delays.begin(), delays.end())},
                               {QStringLiteral("freshness_changes"), static_cast<int>(delays.size())}});
    }

    // Who set the pace of each phase. A live figure the simulator limited is not Bulkwatch's: say so.
    if (!bottlenecks.isEmpty())
        out.insert(QStringLiteral("bottlenecks"), bottlenecks);
    const QString liveBottleneck = bottlenecks.value(QLatin1String("live")).toObject().value(QLatin1String("bottleneck")).toString();
    if (everyPhase) {
        out.insert(QStringLiteral("bottleneck"), liveBottleneck);
        out.insert(QStringLiteral("live_figures_valid"), liveBottleneck != QLatin1String("simulator"));
    }
    out.insert(QStringLiteral("config"), QJsonObject{{QStringLiteral("jobs"), jobs}, {QStringLiteral("files"), files},
                                                     {QStringLiteral("finished"), finished}, {QStringLiteral("dialect"), dialect},
                                                     {QStringLiteral("seconds"), seconds}, {QStringLiteral("speed"), speed}});
    const double fTarget = dialect == QLatin1String("milvus") ? 3.0 : std::max(2.0, jobs / 15.0);
    // Each figure's target, beside it in the JSON as in the table.
    out.insert(QStringLiteral("targets"), QJsonObject{{QStringLiteral("gui_stall_max_ms"), 16}, {QStringLiteral("freshness_p50_s"), fTarget},
                                                      {QStringLiteral("rate_limited"), 0}, {QStringLiteral("rss_peak_mb"), 150},
                                                      {QStringLiteral("startup_ms"), 400}, {QStringLiteral("idle_cpu_s_per_min"), 0.05},
                                                      {QStringLiteral("parse_vs_python"), 2}, {QStringLiteral("sim_describes_per_s_1024"), 200}});
    QTextStream stdoutStream(stdout);
    if (p.isSet(jsonOpt)) {
        stdoutStream << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return 0;
    }
    const QJsonObject base = out.value(QLatin1String("baseline")).toObject();
    const bool liveValid = liveBottleneck != QLatin1String("simulator");
    // live: a figure of the live phase, which the simulator may have limited.
    const auto row = [&](const QString &name, const QString &value, const QString &target, const QString &baseline, bool ok, bool live = false) {
        if (value.startsWith(QLatin1Char('-')))
            return; // a phase that did not run (--only)
        const char *verdict = live && !liveValid ? "not valid: the simulator was saturated" : ok ? "met" : "**missed**";
        stdoutStream << "| " << name << " | " << value << " | " << target << " | " << baseline << " | " << verdict << " |\n";
    };
    const auto numOf = [](const QJsonObject &o, const char *k, int prec) {
        return o.contains(QLatin1String(k)) ? QString::number(o.value(QLatin1String(k)).toDouble(), 'f', prec) : QStringLiteral("-");
    };
    const auto num = [&](const char *k, int prec = 1) { return numOf(out, k, prec); };
    const QString none = QStringLiteral("—");
    const QString naive = base.isEmpty() ? none : QStringLiteral("naive script: ");
    stdoutStream << "Dialect " << dialect << "; load average " << num("load_average_1m_at_start", 2) << " on " << num("cores", 0)
                 << " cores at the start.\n\n| metric | Bulkwatch | target | baseline | |\n|---|---|---|---|---|\n";
    // With how much of the worst stall the GUI thread was on a core: the rest it waited for one.
    row(QStringLiteral("GUI stall max / p99 (ms)"),
        num("gui_stall_max_ms") + QStringLiteral(" / ") + num("gui_stall_p99_ms")
            + QStringLiteral(" (worst: %1 ms on a core, preempted %2×, slept %3×, %4 ms waiting for a core; a sleeping thread was %5 ms late then)")
                  .arg(num("gui_stall_max_thread_cpu_ms"), num("gui_stall_max_preempted", 0), num("gui_stall_max_slept", 0),
                       num("gui_stall_max_run_delay_ms"), num("probe_stall_during_gui_worst_ms")),
        QStringLiteral("< 16"),
        QStringLiteral("0.1.0: 39.6 / 8.5"), out.value(QLatin1String("gui_stall_max_ms")).toDouble() < 16, true);
    // The raw figure above keeps its verdict; this one leaves out the stalls every thread had at the same moment.
    row(QStringLiteral("GUI stall max, the window's own (ms)"),
        num("gui_stall_max_own_ms") + QStringLiteral(" (%1 stalls over 4 ms were the machine's: a sleeping thread was as late)").arg(num("gui_stalls_of_the_machine", 0)),
        QStringLiteral("< 16"), none, out.value(QLatin1String("gui_stall_max_own_ms")).toDouble() < 16, true);
    // The machine's own floor, measured beside the window: no target, it says what any thread here gets.
    stdoutStream << "| a sleeping thread's stall max / p99 (ms) | " << num("probe_stall_max_ms") << " / " << num("probe_stall_p99_ms")
                 << " | — | — | the machine's floor |\n";
    // The stall beside the longest single event: when the stall is much longer, it was many events in one pass or the
    // GUI thread waiting for a core (gui_stall_max_made_of tells which).
    row(QStringLiteral("slowest GUI event (ms)"), num("gui_slowest_event_ms"), QStringLiteral("< 16"), none,
        out.value(QLatin1String("gui_slowest_event_ms")).toDouble() < 16, true);
    row(QStringLiteral("freshness p50 / max (s)"), num("freshness_p50_s") + QStringLiteral(" / ") + num("freshness_max_s"), QStringLiteral("p50 ≤ %1").arg(fTarget),
        base.isEmpty() ? none : naive + numOf(base, "freshness_p50_s", 1) + QStringLiteral(" / ") + numOf(base, "freshness_max_s", 1),
        out.value(QLatin1String("freshness_p50_s")).toDouble() <= fTarget, true);
    row(QStringLiteral("requests/s, 429s"), num("requests_per_s") + QStringLiteral(", ") + num("rate_limited", 0), QStringLiteral("0 × 429"),
        base.isEmpty() ? none : naive + numOf(base, "requests_per_s", 1) + QStringLiteral(", ") + numOf(base, "rate_limited", 0),
        out.value(QLatin1String("rate_limited")).toInt() == 0, true);
    row(QStringLiteral("peak RSS (MB)"), num("rss_peak_mb"), QStringLiteral("< 150"), QStringLiteral("0.1.0: 75.9"), out.value(QLatin1String("rss_peak_mb")).toDouble() < 150, true);
    row(QStringLiteral("start-up to first paint (ms)"), num("startup_ms", 0), QStringLiteral("< 400"), QStringLiteral("0.1.0: 102"), out.value(QLatin1String("startup_ms")).toDouble() < 400);
    row(QStringLiteral("parse × Python json.loads, 1024 / 10000 files (MB/s: Bulkwatch, QJson before, Python)"),
        num("parse_vs_python_1024", 2) + QStringLiteral("× / ") + num("parse_vs_python_10000", 2) + QStringLiteral("× (") + num("parse_mb_s_1024") + QStringLiteral(", ")
            + num("parse_reference_mb_s_1024") + QStringLiteral(", ") + num("python_json_mb_s_1024") + QStringLiteral(" / ") + num("parse_mb_s_10000")
            + QStringLiteral(", ") + num("parse_reference_mb_s_10000") + QStringLiteral(", ") + num("python_json_mb_s_10000") + QLatin1Char(')'),
        QStringLiteral("≥ %1× Python, both").arg(num("parse_vs_python_target", 0)),
        QStringLiteral("QJson: ") + num("parse_reference_mb_s_1024", 0) + QStringLiteral(" / ") + num("parse_reference_mb_s_10000", 0) + QStringLiteral(" MB/s"),
        out.value(QLatin1String("parse_target_met")).toBool());
    row(QStringLiteral("idle CPU (s/min)"), num("idle_cpu_s_per_min", 3), QStringLiteral("< 0.05"), QStringLiteral("0.1.0: 0.026"), out.value(QLatin1String("idle_cpu_s_per_min")).toDouble() < 0.05);
    row(QStringLiteral("simulator: 1,024-file describes/s, milvus / cloud-v2"), num("sim_describes_per_s_1024_milvus", 0) + QStringLiteral(" / ") + num("sim_describes_per_s_1024_cloud_v2", 0),
        QStringLiteral("≥ 200 both"),
        QStringLiteral("QJson path, same run: ") + num("sim_reference_describes_per_s_1024_milvus", 0) + QStringLiteral(" / ") + num("sim_reference_describes_per_s_1024_cloud_v2", 0),
        out.value(QLatin1String("sim_target_met")).toBool());
    // Who set the pace, phase by phase (the simulator-speed runs should be the simulator: that is what they measure).
    QJsonObject phases = bottlenecks;
    const QJsonObject simRuns = out.value(QLatin1String("sim_speed")).toObject();
    for (auto it = simRuns.constBegin(); it != simRuns.constEnd(); ++it)
        phases.insert(QStringLiteral("simulator speed, ") + it.key(), it.value());
    if (!phases.isEmpty()) {
        stdoutStream << "\n| phase | simulator CPU (cores) | bench | others | load average | bottleneck |\n|---|---|---|---|---|---|\n";
        for (auto it = phases.constBegin(); it != phases.constEnd(); ++it) {
            const QJsonObject b = it.value().toObject();
            stdoutStream << "| " << it.key() << " | " << numOf(b, "sim_cpu_cores", 2) << " | " << numOf(b, "bench_cpu_cores", 2) << " | "
                         << numOf(b, "other_cpu_cores", 2) << " | " << numOf(b, "load_average_1m_before", 2) << " → " << numOf(b, "load_average_1m_after", 2)
                         << " | " << b.value(QLatin1String("bottleneck")).toString() << " |\n";
        }
        for (auto it = phases.constBegin(); it != phases.constEnd(); ++it)
            if (it.value().toObject().contains(QLatin1String("note")))
                stdoutStream << "\n" << it.key() << ": " << it.value().toObject().value(QLatin1String("note")).toString() << '\n';
    }
    return 0;
}
