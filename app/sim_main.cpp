// bulkwatch-sim: the import API of Zilliz Cloud / Milvus, simulated on 127.0.0.1.

#include "SimServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    // Only write() is async-signal-safe: the event loop does the quitting.
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bulkwatch-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BULKWATCH_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "A local simulator of the Zilliz Cloud / Milvus bulk-import API on 127.0.0.1.\n"
        "Control endpoints: GET /_sim/stats, POST /_sim/advance {\"seconds\":N}, POST /_sim/faults {\"faults\":[...]},\n"
        "DELETE /_sim/faults, POST /_sim/speed {\"speed\":X}, POST /_sim/rate-limit {\"perSecond\":N}."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port (0 = a free one)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption dialect(QStringLiteral("dialect"), QStringLiteral("cloud-v1, cloud-v2 or milvus."), QStringLiteral("D"), QStringLiteral("milvus"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QStringLiteral("demo, empty, load:JOBSxFILES[+FINISHED], or a scenario JSON file."), QStringLiteral("NAME|FILE"), QStringLiteral("demo"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"), QStringLiteral("Require this key (Bearer). A test key for the simulator, not a real one."), QStringLiteral("KEY"));
    const QCommandLineOption speed(QStringLiteral("speed"), QStringLiteral("Simulated seconds per real second."), QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption rate(QStringLiteral("rate-limit"), QStringLiteral("Requests per second per endpoint (0 = none)."), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the simulator's randomness (job ids, failure reasons, fault probabilities, jitter): the same seed replays the same run."), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption latency(QStringLiteral("latency"), QStringLiteral("Fixed latency per answer, ms."), QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption jitter(QStringLiteral("jitter"), QStringLiteral("Random extra latency up to MS."), QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption fault(QStringLiteral("fault"), QStringLiteral("Inject a fault on every API request: hang, drip, reset, truncate, garbage, html5xx, huge."), QStringLiteral("KIND"));
    const QCommandLineOption retention(QStringLiteral("retention"), QStringLiteral("Seconds a finished job stays visible."), QStringLiteral("S"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("Serve https with this PEM certificate."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("The PEM key of --tls-cert."), QStringLiteral("FILE"));
    p.addOptions({port, dialect, scenario, apiKey, speed, rate, seed, latency, jitter, fault, retention, tlsCert, tlsKey});
    p.process(app);

    QTextStream err(stderr);
    SimDialect d;
    if (!simDialectFromName(p.value(dialect), &d)) {
        err << "bulkwatch-sim: --dialect takes cloud-v1, cloud-v2 or milvus\n";
        return 2;
    }
    SimScenario sc;
    const QString name = p.value(scenario);
    if (name == QLatin1String("demo")) {
        sc = SimScenario::demo();
    } else if (name == QLatin1String("empty")) {
        sc = SimScenario();
    } else if (name.startsWith(QLatin1String("load:"))) {
        // load:JOBSxFILES[+FINISHED]
        const QStringList plus = name.mid(5).split(QLatin1Char('+'));
        const QStringList nm = plus.value(0).split(QLatin1Char('x'));
        sc = SimScenario::load(nm.value(0).toInt(), std::max(1, nm.value(1).toInt()), plus.value(1).toInt());
    } else {
        QFile f(name);
        if (!f.open(QIODevice::ReadOnly)) {
            err << "bulkwatch-sim: cannot read scenario file " << name << ": " << f.errorString() << '\n';
            return 2;
        }
        QString error;
        if (!SimScenario::fromJson(f.readAll(), &sc, &error)) {
            err << "bulkwatch-sim: " << name << ": " << error << '\n';
            return 2;
        }
    }
    if (p.isSet(retention))
        sc.retentionSeconds = p.value(retention).toDouble();
    if (p.isSet(fault)) {
        SimFaultRule r;
        r.kind = p.value(fault);
        sc.faults << r;
    }

    SimServer server(sc, d);
    server.engine().setSpeed(p.value(speed).toDouble() > 0 ? p.value(speed).toDouble() : 1.0);
    server.setRateLimit(p.value(rate).toInt());
    server.setLatency(p.value(latency).toInt(), p.value(jitter).toInt());
    if (p.isSet(apiKey))
        server.setApiKey(p.value(apiKey).toUtf8());
    bool seedOk = false;
    const quint32 seedValue = p.value(seed).toUInt(&seedOk);
    if (!seedOk) {
        err << "bulkwatch-sim: --seed takes a number from 0 to 4294967295\n";
        return 2;
    }
    server.setSeed(seedValue);
    if (p.isSet(tlsCert) && !server.enableTls(p.value(tlsCert), p.value(tlsKey))) {
        err << "bulkwatch-sim: cannot read --tls-cert / --tls-key\n";
        return 2;
    }
    if (!server.start(static_cast<quint16>(p.value(port).toUInt()))) {
        err << "bulkwatch-sim: cannot listen on 127.0.0.1:" << p.value(port) << '\n';
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) == 0) {
        auto *notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
            char c;
            [[maybe_unused]] const auto n = ::read(g_signalFd[1], &c, 1);
            QCoreApplication::quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    QTextStream out(stdout);
    out << "listening on " << server.baseUrl().toString() << '\n';
    out << "dialect " << simDialectName(d) << ", scenario " << sc.name << ", " << sc.jobs.size() << " jobs\n";
    out.flush();
    const int rc = app.exec();
    out << "stopped\n";
    return rc;
}
