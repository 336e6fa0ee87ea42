#include "SimSpeedBench.h"

#include <QElapsedTimer>
#include <QFile>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {
double wallSeconds()
{
    static QElapsedTimer t = [] { QElapsedTimer e; e.start(); return e; }();
    return t.nsecsElapsed() / 1e9;
}

// This process and its children that ended (the naive script once QProcess reaped it).
double selfSeconds()
{
    return BenchCpu::usageSeconds(RUSAGE_SELF) + BenchCpu::usageSeconds(RUSAGE_CHILDREN);
}

// Busy CPU seconds of the whole machine (every core), from the first line of /proc/stat.
double machineBusySeconds()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> v = f.readLine().simplified().split(' ');
    if (v.size() < 8 || v[0] != "cpu")
        return -1;
    double busy = 0;
    for (int i = 1; i < v.size() && i <= 8; ++i) // user nice system idle iowait irq softirq steal
        if (i != 4 && i != 5)
            busy += v[i].toDouble();
    return busy / double(sysconf(_SC_CLK_TCK));
}
} // namespace

namespace BenchCpu {
double usageSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

double processSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')'); // the command name may hold spaces
    if (close < 0)
        return -1;
    const QList<QByteArray> v = s.mid(close + 2).split(' '); // from field 3 (state) on
    if (v.size() < 13)
        return -1;
    return (v[11].toDouble() + v[12].toDouble()) / double(sysconf(_SC_CLK_TCK)); // utime, stime: fields 14, 15
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const double v = f.readAll().split(' ').value(0).toDouble(&ok);
    return ok ? v : -1;
}

int cores()
{
    return std::max(1, static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
}
} // namespace BenchCpu

void PhaseMonitor::start(qint64 simPid, int simThreads)
{
    m_simPid = simPid;
    m_simThreads = std::max(1, simThreads);
    m_loadBefore = BenchCpu::loadAverage();
    m_simStart = BenchCpu::processSeconds(simPid);
    m_selfStart = selfSeconds();
    m_busyStart = machineBusySeconds();
    m_wallStart = wallSeconds();
    m_ownPids.clear();
    m_ownStart.clear();
}

QJsonObject PhaseMonitor::finish() const
{
    const double wall = std::max(1e-3, wallSeconds() - m_wallStart);
    const double sim = std::max(0.0, BenchCpu::processSeconds(m_simPid) - m_simStart) / wall;
    double self = (selfSeconds() - m_selfStart) / wall;
    for (int i = 0; i < m_ownPids.size(); ++i) {
        const double now = BenchCpu::processSeconds(m_ownPids[i]);
        if (now >= 0 && m_ownStart[i] >= 0)
            self += (now - m_ownStart[i]) / wall;
    }
    const double busy = m_busyStart >= 0 ? (machineBusySeconds() - m_busyStart) / wall : -1;
    const double others = busy >= 0 ? std::max(0.0, busy - sim - self) : -1;
    const int n = BenchCpu::cores();
    const double simCan = std::min(m_simThreads, n);
    QString bottleneck = QStringLiteral("none"), note;
    if (sim >= 0.9 * simCan) {
        bottleneck = QStringLiteral("simulator");
        note = QStringLiteral("the simulator used %1 % of the %2 core(s) it can use: its answers, not Bulkwatch, set the pace")
                   .arg(qRound(100 * sim / simCan)).arg(simCan);
    } else if (others >= 0.5 || m_loadBefore >= n) {
        bottleneck = QStringLiteral("machine");
        note = QStringLiteral("other processes used %1 cores (load average %2 on %3 cores at the start): figures are low")
                   .arg(others, 0, 'f', 2).arg(m_loadBefore, 0, 'f', 1).arg(n);
    }
    QJsonObject o{{QStringLiteral("sim_cpu_cores"), sim},
                  {QStringLiteral("bench_cpu_cores"), self},
                  {QStringLiteral("other_cpu_cores"), others},
                  {QStringLiteral("load_average_1m_before"), m_loadBefore},
                  {QStringLiteral("load_average_1m_after"), BenchCpu::loadAverage()},
                  {QStringLiteral("cores"), n},
                  {QStringLiteral("bottleneck"), bottleneck}};
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

namespace {
struct ClientResult
{
    qint64 answers = 0, errors = 0, bytes = 0;
};

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval tv{5, 0}; // a simulator that stops answering ends the client, not the bench
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const std::string &s)
{
    size_t sent = 0;
    while (sent < s.size()) {
        const ssize_t n = ::send(fd, s.data() + sent, s.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += size_t(n);
    }
    return true;
}

// One answer off the connection: true with the status and body length, false when the connection broke.
bool readAnswer(int fd, std::vector<char> &buf, int *status, size_t *bodyBytes, bool *codeZero)
{
    size_t have = 0, headerEnd = 0;
    for (;;) {
        if (have == buf.size())
            buf.resize(buf.size() * 2);
        const ssize_t n = ::recv(fd, buf.data() + have, buf.size() - have, 0);
        if (n <= 0)
            return false;
        have += size_t(n);
        const char *h = static_cast<const char *>(memmem(buf.data(), have, "\r\n\r\n", 4));
        if (h) {
            headerEnd = size_t(h - buf.data()) + 4;
            break;
        }
    }
    const std::string head(buf.data(), headerEnd);
    *status = head.size() > 12 ? std::atoi(head.c_str() + 9) : 0;
    size_t length = 0;
    for (size_t at = 0; (at = head.find("\r\n", at)) != std::string::npos;) {
        at += 2;
        if (strncasecmp(head.c_str() + at, "content-length:", 15) == 0)
            length = std::strtoull(head.c_str() + at + 15, nullptr, 10);
    }
    if (buf.size() < headerEnd + length)
        buf.resize(headerEnd + length);
    while (have < headerEnd + length) {
        const ssize_t n = ::recv(fd, buf.data() + have, headerEnd + length - have, 0);
        if (n <= 0)
            return false;
        have += size_t(n);
    }
    *bodyBytes = length;
    *codeZero = length >= 9 && std::memcmp(buf.data() + headerEnd, "{\"code\":0", 9) == 0;
    return true;
}

void runClient(int index, quint16 port, bool milvus, int jobs, int clients, double until, ClientResult *out)
{
    std::vector<char> buf(1 << 18);
    int fd = -1;
    const std::string path = milvus ? "/v2/vectordb/jobs/import/describe" : "/v2/vectordb/jobs/import/getProgress";
    for (long k = index; wallSeconds() < until; k += clients) {
        if (fd < 0 && (fd = connectTo(port)) < 0) {
            ++out->errors;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
        }
        const std::string body = "{\"jobId\":\"" + std::to_string(460000000000000000LL + k % std::max(1, jobs)) + "\""
                               + (milvus ? "" : ",\"clusterId\":\"in01-bench\"") + "}";
        const std::string req = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port)
                              + "\r\nContent-Type: application/json\r\nAuthorization: Bearer bench\r\nContent-Length: "
                              + std::to_string(body.size()) + "\r\n\r\n" + body;
        int status = 0;
        size_t bytes = 0;
        bool codeZero = false;
        if (!sendAll(fd, req) || !readAnswer(fd, buf, &status, &bytes, &codeZero)) {
            ::close(fd);
            fd = -1;
            ++out->errors;
            continue;
        }
        if (status == 200 && codeZero) {
            ++out->answers;
            out->bytes += qint64(bytes);
        } else {
            ++out->errors;
        }
    }
    if (fd >= 0)
        ::close(fd);
}
} // namespace

namespace SimSpeedBench {
QJsonObject measure(quint16 port, qint64 simPid, const QString &dialect, int jobs, int clients, double seconds)
{
    clients = std::max(1, clients);
    PhaseMonitor monitor;
    monitor.start(simPid);
    const double begin = wallSeconds(), until = begin + seconds;
    std::vector<ClientResult> results(static_cast<size_t>(clients));
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i)
        threads.emplace_back(runClient, i, port, dialect == QLatin1String("milvus"), jobs, clients, until, &results[size_t(i)]);
    for (std::thread &t : threads)
        t.join();
    const double elapsed = std::max(1e-3, wallSeconds() - begin);
    ClientResult sum;
    for (const ClientResult &r : results) {
        sum.answers += r.answers;
        sum.errors += r.errors;
        sum.bytes += r.bytes;
    }
    QJsonObject o = monitor.finish();
    o.insert(QStringLiteral("describes_per_s"), sum.answers / elapsed);
    o.insert(QStringLiteral("answers"), sum.answers);
    o.insert(QStringLiteral("errors"), sum.errors);
    o.insert(QStringLiteral("mb_per_s"), sum.bytes / elapsed / 1e6);
    o.insert(QStringLiteral("answer_kb"), sum.answers ? sum.bytes / double(sum.answers) / 1024 : 0);
    o.insert(QStringLiteral("clients"), clients);
    o.insert(QStringLiteral("seconds"), elapsed);
    return o;
}
} // namespace SimSpeedBench
