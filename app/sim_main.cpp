// bulkwatch-sim: the import API of Zilliz Cloud / Milvus, simulated on 127.0.0.1.

#include "QuitOnSignals.h"
#include "SimServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bulkwatch-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BULKWATCH_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "A local simulator of the Zilliz Cloud / Milvus bulk-import API on 127.0.0.1.\n"
        "Control endpoints: GET /_sim/stats, POST /_sim/advance {\"seconds\":N}, POST /_sim/faults {\"faults\":[...]},\n"
        "DELETE /_sim/faults, POST /_sim/speed {\"speed\":X}, POST /_sim/rate-limit {\"perSecond\":N},\n"
        "GET /_sim/snapshot, POST /_sim/stats/reset."));
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
    const QCommandLineOption reference(QStringLiteral("reference-render"), QStringLiteral("Render describe answers through QJsonDocument, as before the fast renderer (the same bytes, slower: the benchmark's baseline)."));
    p.addOptions({port, dialect, scenario, apiKey, speed, rate, seed, latency, jitter, fault, retention, tlsCert, tlsKey, reference});
    QTextStream err(stderr);
    // A usage error is exit 2, like bulkwatch's (QCommandLineParser::process() would exit 1).
    if (!p.parse(app.arguments())) {
        err << "bulkwatch-sim: " << p.errorText() << "\nTry 'bulkwatch-sim --help'.\n";
        return 2;
    }
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();
    // Numbers are read strictly: a typo must not silently become 0 (no rate limit, no retention) or a default.
    const auto number = [&](const QCommandLineOption &o, double min, double max, double *out) {
        bool ok = false;
        const double v = p.value(o).toDouble(&ok);
        if (!ok || v < min || v > max) {
            err << "bulkwatch-sim: --" << o.names().first() << " takes a number from " << min << " to " << max
                << ", not '" << p.value(o) << "'\n";
            return false;
        }
        *out = v;
        return true;
    };
    double portValue = 0, speedValue = 1, rateValue = 20, latencyValue = 0, jitterValue = 0, retentionValue = 0;
    if (!number(port, 0, 65535, &portValue) || !number(speed, 1e-6, 1e6, &speedValue) || !number(rate, 0, 1e6, &rateValue)
        || !number(latency, 0, 3.6e6, &latencyValue) || !number(jitter, 0, 3.6e6, &jitterValue)
        || (p.isSet(retention) && !number(retention, 0, 1e9, &retentionValue)))
        return 2;
    static const QStringList kFaults = {QStringLiteral("hang"), QStringLiteral("drip"), QStringLiteral("reset"), QStringLiteral("truncate"),
                                        QStringLiteral("garbage"), QStringLiteral("html5xx"), QStringLiteral("huge")};
    if (p.isSet(fault) && !kFaults.contains(p.value(fault))) {
        err << "bulkwatch-sim: --fault takes one of " << kFaults.join(QStringLiteral(", ")) << ", not '" << p.value(fault) << "'\n";
        return 2;
    }
    SimDialect d;
    if (!simDialectFromName(p.value(dialect), &d)) {
        err << "bulkwatch-sim: --dialect takes cloud-v1, cloud-v2 or milvus\n";
        return 2;
    }
    SimScenario sc;
    QString scenarioError;
    if (!SimScenario::fromName(p.value(scenario), &sc, &scenarioError)) {
        err << "bulkwatch-sim: " << scenarioError << '\n';
        return 2;
    }
    if (p.isSet(retention))
        sc.retentionSeconds = retentionValue;
    if (p.isSet(fault)) {
        SimFaultRule r;
        r.kind = p.value(fault);
        sc.faults << r;
    }

    SimServer server(sc, d);
    server.engine().setSpeed(speedValue);
    server.setRateLimit(static_cast<int>(rateValue));
    server.setLatency(static_cast<int>(latencyValue), static_cast<int>(jitterValue));
    server.setReferenceRender(p.isSet(reference));
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
    if (!server.start(static_cast<quint16>(portValue))) {
        err << "bulkwatch-sim: cannot listen on 127.0.0.1:" << p.value(port) << '\n';
        return 1;
    }

    quitOnStopSignals(app);
    QTextStream out(stdout);
    out << "listening on " << server.baseUrl().toString() << '\n';
    out << "dialect " << simDialectName(d) << ", scenario " << sc.name << ", " << sc.jobs.size() << " jobs\n";
    out.flush();
    const int rc = app.exec();
    out << "stopped\n";
    return rc;
}
