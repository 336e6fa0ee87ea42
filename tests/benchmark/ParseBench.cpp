#include "ParseBench.h"

#include "ResponseParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <algorithm>
#include <functional>
#include <vector>

namespace ParseBench {
namespace {

// A Milvus describe as the simulator renders one (the shape of protocol.md's real answer).
QByteArray describeBody(int files)
{
    QJsonArray details;
    for (int i = 0; i < files; ++i)
        details.append(QJsonObject{{QStringLiteral("completeTime"), QStringLiteral("2024-10-15T15:27:33+08:00")},
                                   {QStringLiteral("fileName"), QStringLiteral("[8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe/%1.parquet]").arg(i)},
                                   {QStringLiteral("fileSize"), 31567773}, {QStringLiteral("importedRows"), 10000},
                                   {QStringLiteral("progress"), 100}, {QStringLiteral("state"), QStringLiteral("Completed")},
                                   {QStringLiteral("totalRows"), 10000}});
    const QJsonObject data{{QStringLiteral("collectionName"), QStringLiteral("quick_setup")}, {QStringLiteral("completeTime"), QStringLiteral("2024-10-15T15:27:41+08:00")},
                           {QStringLiteral("details"), details}, {QStringLiteral("fileSize"), 31567773.0 * files},
                           {QStringLiteral("importedRows"), 10000.0 * files}, {QStringLiteral("jobId"), QStringLiteral("453240863839750922")},
                           {QStringLiteral("progress"), 100}, {QStringLiteral("state"), QStringLiteral("Completed")}, {QStringLiteral("totalRows"), 10000.0 * files}};
    return QJsonDocument(QJsonObject{{QStringLiteral("code"), 0}, {QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// MB/s of one round: the whole answer, from the bytes to the JobProgress the service applies, as often as fits.
double roundMbPerSecond(const QByteArray &body, int roundMs, const std::function<qsizetype(const QByteArray &)> &parse)
{
    QElapsedTimer t;
    t.start();
    qint64 bytes = 0;
    qsizetype files = 0;
    while (t.elapsed() < roundMs) {
        files += parse(body);
        bytes += body.size();
    }
    if (files <= 0)
        return 0; // a parser that lost the files measures nothing
    return bytes / (t.nsecsElapsed() / 1e9) / 1e6;
}

double pythonMbPerSecond(const QByteArray &body, const QString &dir, int rounds, int roundMs)
{
    const QString path = dir + QStringLiteral("/body-%1.json").arg(body.size());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return 0;
    f.write(body);
    f.close();
    QProcess p;
    p.start(QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import json,sys,time\nb=open(sys.argv[1],'rb').read()\nr=[]\n"
                            "for _ in range(int(sys.argv[2])):\n    n=0\n    t=time.perf_counter()\n"
                            "    while time.perf_counter()-t<float(sys.argv[3]):\n        json.loads(b); n+=1\n"
                            "    r.append(n*len(b)/(time.perf_counter()-t)/1e6)\n"
                            "print(sorted(r)[len(r)//2])"),
             path, QString::number(rounds), QString::number(roundMs / 1000.0)});
    p.waitForFinished(120000);
    return p.readAllStandardOutput().trimmed().toDouble();
}

} // namespace

QJsonObject measure(const QString &tmpDir, int rounds, int roundMs)
{
    QJsonObject out;
    const QString path = QStringLiteral("/v2/vectordb/jobs/import/describe");
    const auto fast = [&](const QByteArray &b) {
        return ResponseParser::parseProgressAnswer(200, b, path, Dialect::V2).job.files.size();
    };
    const auto reference = [&](const QByteArray &b) {
        return ResponseParser::parseProgressAnswerReference(200, b, path, Dialect::V2).job.files.size();
    };
    bool met = true;
    for (const int files : {1024, 10000}) {
        const QByteArray body = describeBody(files);
        std::vector<double> f, r;
        for (int i = 0; i < rounds; ++i) {
            f.push_back(roundMbPerSecond(body, roundMs, fast));
            r.push_back(roundMbPerSecond(body, roundMs, reference));
        }
        const double py = pythonMbPerSecond(body, tmpDir, rounds, roundMs);
        const QString n = QString::number(files);
        const double ratio = py > 0 ? median(f) / py : 0;
        out.insert(QStringLiteral("parse_mb_s_") + n, median(f));
        out.insert(QStringLiteral("parse_reference_mb_s_") + n, median(r));
        out.insert(QStringLiteral("python_json_mb_s_") + n, py);
        out.insert(QStringLiteral("parse_vs_python_") + n, ratio);
        out.insert(QStringLiteral("parse_reference_vs_python_") + n, py > 0 ? median(r) / py : 0);
        out.insert(QStringLiteral("parse_bytes_") + n, static_cast<int>(body.size()));
        if (files == 10000)
            out.insert(QStringLiteral("python_json_mb_s"), py); // the key earlier runs reported
        met = met && ratio >= 2.0;
    }
    out.insert(QStringLiteral("parse_vs_python_target"), 2.0);
    out.insert(QStringLiteral("parse_target_met"), met);
    out.insert(QStringLiteral("parse_rounds"), rounds);
    out.insert(QStringLiteral("parse_round_ms"), roundMs);
    return out;
}

} // namespace ParseBench
