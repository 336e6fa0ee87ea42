#include "SimScenario.h"

#include <QFile>

#include <QJsonArray>
#include <QJsonDocument>

namespace {
SimFile file(const QString &path, qint64 rows, double seconds)
{
    SimFile f;
    f.paths = QStringList{path};
    f.rows = rows;
    f.size = rows * 3157; // ~3 KB per row: 768-dim float vectors plus a few scalars
    f.seconds = seconds;
    return f;
}
} // namespace

SimScenario SimScenario::demo()
{
    SimScenario s;
    s.name = QStringLiteral("demo");
    s.collections = {QStringLiteral("medium_articles"), QStringLiteral("product_embeddings"),
                     QStringLiteral("quick_setup"), QStringLiteral("user_events"), QStringLiteral("docs_v2")};
    int n = 0;
    auto job = [&](const QString &collection, double createdAgo) {
        SimJob j;
        j.id = QString::number(453240863839750922LL + 17 * n++);
        j.collection = collection;
        j.createdAt = -createdAgo;
        return j;
    };

    // 1. Waiting in the queue, starts in 40 s.
    SimJob pending = job(QStringLiteral("user_events"), 5);
    pending.pendingSeconds = 45;
    pending.files = {file(QStringLiteral("events/2026-11-27/part-0.parquet"), 250000, 60),
                     file(QStringLiteral("events/2026-11-27/part-1.parquet"), 250000, 70)};
    s.jobs << pending;

    // 2. Running, eight files at different speeds.
    SimJob many = job(QStringLiteral("product_embeddings"), 20);
    many.pendingSeconds = 2;
    many.preimportSeconds = 6;
    for (int i = 0; i < 8; ++i)
        many.files << file(QStringLiteral("embeddings/batch-%1.parquet").arg(i, 3, 10, QLatin1Char('0')),
                           400000 + 50000 * i, 40 + 25 * i);
    many.sortSeconds = 40;
    many.indexSeconds = 60;
    s.jobs << many;

    // 3. Every file written, sorting and building the index for a long time ("stuck at 80 %").
    SimJob sorting = job(QStringLiteral("medium_articles"), 200);
    sorting.files = {file(QStringLiteral("medium_articles_2020_dpr.json"), 5979, 20),
                     file(QStringLiteral("medium_articles_2021_dpr.json"), 100000, 60)};
    sorting.sortSeconds = 240;
    sorting.indexSeconds = 600;
    s.jobs << sorting;

    // 4. Two-phase import staged and waiting for a commit.
    SimJob twoPhase = job(QStringLiteral("docs_v2"), 600);
    twoPhase.twoPhase = true;
    twoPhase.files = {file(QStringLiteral("docs/shard-a.parquet"), 120000, 60), file(QStringLiteral("docs/shard-b.parquet"), 118000, 60)};
    s.jobs << twoPhase;

    // 5. Completed a while ago.
    SimJob done = job(QStringLiteral("quick_setup"), 2400);
    done.files = {file(QStringLiteral("8db36d4f-4ad6-4306-9f8c-7cfa985c0bbe/1.parquet"), 10000, 30)};
    s.jobs << done;

    // 6. Failed with the very long NumPy reason (one group of four files).
    SimJob numpy = job(QStringLiteral("user_events"), 1500);
    SimFile group;
    const QString dir = QStringLiteral("numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/");
    group.paths = QStringList{dir + QStringLiteral("int_scalar.npy"), dir + QStringLiteral("float_scalar.npy"),
                              dir + QStringLiteral("geo.npy"), dir + QStringLiteral("embeddings.npy")};
    group.rows = 200000;
    group.size = 640000000;
    group.seconds = 100;
    numpy.files = {group};
    numpy.legacyFileNames = true;
    numpy.failAt = 40;
    numpy.failFiles = {0};
    numpy.failReason = QStringLiteral(
        "error: expected element type 'Geometry' for field 'geo', got type 'VarChar': importing data failed, file: "
        "id:461643605473513461 paths:\"numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/int_scalar.npy\" "
        "paths:\"numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/float_scalar.npy\" "
        "paths:\"numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/geo.npy\" "
        "paths:\"numpy-9e6a4992-66ee-4acc-a7e5-9389945cd775/embeddings.npy\"");
    s.jobs << numpy;

    // 7. Failed with no reason at all (it happens).
    SimJob silent = job(QStringLiteral("quick_setup"), 900);
    silent.files = {file(QStringLiteral("a6fb/1.parquet"), 10000, 60)};
    silent.failAt = 20;
    s.jobs << silent;

    // 8. Failed: a missing object, the reason shared by the files of one task.
    SimJob missing = job(QStringLiteral("product_embeddings"), 700);
    missing.files = {file(QStringLiteral("bulk_data/4abc0d48-a8aa-46a1-bdf9-141737e71893/1.parquet"), 50000, 60),
                     file(QStringLiteral("bulk_data/4abc0d48-a8aa-46a1-bdf9-141737e71893/2.parquet"), 50000, 60),
                     file(QStringLiteral("bulk_data/4abc0d48-a8aa-46a1-bdf9-141737e71893/3.parquet"), 50000, 20)};
    missing.failAt = 35;
    missing.failFiles = {0, 1};
    missing.failReason = QStringLiteral(
        "failed to get file size of 'bulk_data/4abc0d48-a8aa-46a1-bdf9-141737e71893/1.parquet', "
        "error:NoSuchKey(key=bulk_data/4abc0d48-a8aa-46a1-bdf9-141737e71893/1.parquet): importing data failed");
    s.jobs << missing;

    // 9. Completed, and the server forgets it about a minute after the demo starts.
    SimJob expiring = job(QStringLiteral("medium_articles"), 10830);
    expiring.files = {file(QStringLiteral("folder/1/medium_articles.json"), 26571, 40)};
    s.jobs << expiring;

    // 10. Running now, fails in about 90 s with a parse error.
    SimJob willFail = job(QStringLiteral("medium_articles"), 10);
    willFail.files = {file(QStringLiteral("folder/2/articles-part1.json"), 80000, 200), file(QStringLiteral("folder/2/articles-part2.json"), 80000, 150)};
    willFail.failAt = 100;
    willFail.failFiles = {1};
    willFail.failReason = QStringLiteral("failed to parse row, error: invalid character '\"' after array element: importing data failed");
    s.jobs << willFail;

    // 11. Running quickly to completion in about a minute.
    SimJob quick = job(QStringLiteral("quick_setup"), 0);
    quick.files = {file(QStringLiteral("[quick]/1.parquet"), 30000, 30), file(QStringLiteral("[quick]/2.parquet"), 30000, 40)};
    quick.sortSeconds = 8;
    quick.indexSeconds = 10;
    s.jobs << quick;

    // 12. In another database: only visible with that database selected.
    SimJob otherDb = job(QStringLiteral("sessions"), 300);
    otherDb.db = QStringLiteral("analytics");
    otherDb.files = {file(QStringLiteral("analytics/sessions.parquet"), 70000, 60)};
    s.jobs << otherDb;
    s.collections << QStringLiteral("sessions");

    // After the import: quick_setup (job 11) is loaded, so it goes all the way to Searchable once its index has
    // caught up; product_embeddings builds its index slowly ("Building the index — 3.1 M of 5 M rows"); docs_v2
    // was never loaded ("Indexed, not loaded"); user_events' index fails.
    s.indexRowsPerSecond = 20000;
    SimCollectionSpec quickSetup;
    quickSetup.name = QStringLiteral("quick_setup");
    quickSetup.baseRows = 10000;
    quickSetup.indexRowsPerSecond = 2000; // its 60,000 new rows take 30 s: the index is still building at completion
    s.collectionSpecs << quickSetup;
    SimCollectionSpec products;
    products.name = QStringLiteral("product_embeddings");
    products.indexRowsPerSecond = 40000;
    s.collectionSpecs << products;
    SimCollectionSpec docs;
    docs.name = QStringLiteral("docs_v2");
    docs.load = false;
    s.collectionSpecs << docs;
    SimCollectionSpec events;
    events.name = QStringLiteral("user_events");
    events.indexFailReason = QStringLiteral("build index failed: segment 461643605473513470: knowhere error: out of memory");
    s.collectionSpecs << events;
    return s;
}

SimScenario SimScenario::load(int jobs, int filesPerJob, int finishedJobs)
{
    SimScenario s;
    s.name = QStringLiteral("load");
    s.maxActiveJobs = jobs + finishedJobs + 1024;
    s.maxFilesPerJob = std::max(1024, filesPerJob);
    for (int i = 0; i < jobs + finishedJobs; ++i) {
        SimJob j;
        j.id = QString::number(460000000000000000LL + i);
        j.collection = QStringLiteral("load_%1").arg(i % 8);
        const bool finished = i >= jobs;
        j.createdAt = finished ? -3000 : 0;
        j.pendingSeconds = 1 + (i % 5);
        j.preimportSeconds = 5;
        j.sortSeconds = 60;
        j.indexSeconds = 60;
        for (int f = 0; f < filesPerJob; ++f)
            j.files << file(QStringLiteral("load/%1/part-%2.parquet").arg(i).arg(f), 10000, 600 + (f * 37 + i * 11) % 1200);
        if (finished && i % 10 == 0) {
            j.failAt = 100;
            j.failFiles = {0};
            j.failReason = QStringLiteral("JSON parse: unexpected EOF");
        }
        s.jobs << j;
    }
    return s;
}

SimFaultRule SimScenario::faultFromJson(const QJsonObject &o)
{
    SimFaultRule r;
    r.kind = o.value(QLatin1String("kind")).toString();
    r.path = o.value(QLatin1String("path")).toString();
    r.remaining = o.value(QLatin1String("count")).toInt(-1);
    r.probability = o.value(QLatin1String("probability")).toDouble(1.0);
    r.latencyMs = o.value(QLatin1String("latencyMs")).toInt(0);
    r.dripMs = o.value(QLatin1String("dripMs")).toInt(1000);
    r.status = o.value(QLatin1String("status")).toInt(500);
    r.body = o.value(QLatin1String("body")).toString().toUtf8();
    r.redirectTo = o.value(QLatin1String("redirectTo")).toString();
    r.hugeBytes = static_cast<qint64>(o.value(QLatin1String("bytes")).toDouble(300.0 * 1024 * 1024));
    return r;
}

bool SimScenario::fromJson(const QByteArray &json, SimScenario *out, QString *error)
{
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("scenario is not a JSON object: %1 at byte %2").arg(perr.errorString()).arg(perr.offset);
        return false;
    }
    const QJsonObject o = doc.object();
    SimScenario s;
    s.name = o.value(QLatin1String("name")).toString(QStringLiteral("custom"));
    s.retentionSeconds = o.value(QLatin1String("retentionSeconds")).toDouble(s.retentionSeconds);
    s.clusterId = o.value(QLatin1String("clusterId")).toString(s.clusterId);
    for (const QJsonValue &c : o.value(QLatin1String("collections")).toArray())
        s.collections << c.toString();
    s.maxActiveJobs = o.value(QLatin1String("maxActiveJobs")).toInt(s.maxActiveJobs);
    s.maxFilesPerJob = o.value(QLatin1String("maxFilesPerJob")).toInt(s.maxFilesPerJob);
    s.idempotency = o.value(QLatin1String("idempotency")).toBool(s.idempotency);
    s.collectionEndpoints = o.value(QLatin1String("collectionEndpoints")).toBool(s.collectionEndpoints);
    s.indexRowsPerSecond = o.value(QLatin1String("indexRowsPerSecond")).toDouble(s.indexRowsPerSecond);
    s.importV3 = o.value(QLatin1String("importV3")).toBool(s.importV3);
    for (const QJsonValue &cv : o.value(QLatin1String("collectionSpecs")).toArray()) {
        const QJsonObject co = cv.toObject();
        SimCollectionSpec c;
        c.name = co.value(QLatin1String("name")).toString();
        c.db = co.value(QLatin1String("db")).toString(c.db);
        c.baseRows = static_cast<qint64>(co.value(QLatin1String("baseRows")).toDouble(0));
        c.indexRowsPerSecond = co.value(QLatin1String("indexRowsPerSecond")).toDouble(c.indexRowsPerSecond);
        c.hasIndex = co.value(QLatin1String("hasIndex")).toBool(c.hasIndex);
        c.indexFailReason = co.value(QLatin1String("indexFailReason")).toString();
        c.load = co.value(QLatin1String("load")).toBool(c.load);
        if (co.contains(QLatin1String("loadInSeconds")))
            c.loadAt = co.value(QLatin1String("loadInSeconds")).toDouble();
        c.loadSeconds = co.value(QLatin1String("loadSeconds")).toDouble(c.loadSeconds);
        if (c.name.isEmpty()) {
            *error = QStringLiteral("collectionSpecs: every entry needs a \"name\"");
            return false;
        }
        s.collectionSpecs << c;
    }
    for (const QJsonValue &cv : o.value(QLatin1String("clusters")).toArray()) {
        const QJsonObject co = cv.toObject();
        SimClusterSpec c;
        c.clusterId = co.value(QLatin1String("clusterId")).toString();
        c.clusterName = co.value(QLatin1String("clusterName")).toString(c.clusterId);
        c.regionId = co.value(QLatin1String("regionId")).toString(c.regionId);
        c.status = co.value(QLatin1String("status")).toString(c.status);
        s.clusters << c;
    }
    s.idempotencySeconds = o.value(QLatin1String("idempotencySeconds")).toDouble(s.idempotencySeconds);
    const QJsonObject nj = o.value(QLatin1String("newJobs")).toObject();
    s.newPendingSeconds = nj.value(QLatin1String("pendingSeconds")).toDouble(s.newPendingSeconds);
    s.newPreimportSeconds = nj.value(QLatin1String("preimportSeconds")).toDouble(s.newPreimportSeconds);
    s.newSecondsPerFile = nj.value(QLatin1String("secondsPerFile")).toDouble(s.newSecondsPerFile);
    s.newSortSeconds = nj.value(QLatin1String("sortSeconds")).toDouble(s.newSortSeconds);
    s.newIndexSeconds = nj.value(QLatin1String("indexSeconds")).toDouble(s.newIndexSeconds);
    s.newRowsPerFile = static_cast<qint64>(nj.value(QLatin1String("rowsPerFile")).toDouble(static_cast<double>(s.newRowsPerFile)));

    const QJsonArray jobs = o.value(QLatin1String("jobs")).toArray();
    int index = 0;
    for (const QJsonValue &jv : jobs) {
        const QJsonObject jo = jv.toObject();
        SimJob j;
        j.id = jo.value(QLatin1String("id")).toString();
        if (j.id.isEmpty())
            j.id = QString::number(448761313698322011LL + index);
        j.db = jo.value(QLatin1String("db")).toString(j.db);
        j.collection = jo.value(QLatin1String("collection")).toString(QStringLiteral("collection_%1").arg(index));
        j.partition = jo.value(QLatin1String("partition")).toString();
        j.createdAt = -jo.value(QLatin1String("createdAgo")).toDouble(0);
        j.pendingSeconds = jo.value(QLatin1String("pendingSeconds")).toDouble(j.pendingSeconds);
        j.preimportSeconds = jo.value(QLatin1String("preimportSeconds")).toDouble(j.preimportSeconds);
        j.sortSeconds = jo.value(QLatin1String("sortSeconds")).toDouble(j.sortSeconds);
        j.indexSeconds = jo.value(QLatin1String("indexSeconds")).toDouble(j.indexSeconds);
        j.twoPhase = jo.value(QLatin1String("twoPhase")).toBool(false);
        j.legacyFileNames = jo.value(QLatin1String("legacyFileNames")).toBool(false);
        j.hangPending = jo.value(QLatin1String("hangPending")).toBool(false);
        j.retentionSeconds = jo.value(QLatin1String("retentionSeconds")).toDouble(-1);
        const QJsonObject fail = jo.value(QLatin1String("fail")).toObject();
        if (!fail.isEmpty()) {
            j.failAt = fail.value(QLatin1String("atSeconds")).toDouble(0);
            j.failReason = fail.value(QLatin1String("reason")).toString();
            for (const QJsonValue &fi : fail.value(QLatin1String("files")).toArray())
                j.failFiles << fi.toInt();
        }
        for (const QJsonValue &fv : jo.value(QLatin1String("files")).toArray()) {
            const QJsonObject fo = fv.toObject();
            SimFile f;
            const QJsonValue p = fo.value(QLatin1String("path"));
            if (p.isArray()) {
                for (const QJsonValue &pp : p.toArray())
                    f.paths << pp.toString();
            } else {
                f.paths << p.toString(QStringLiteral("file-%1.parquet").arg(j.files.size()));
            }
            f.rows = static_cast<qint64>(fo.value(QLatin1String("rows")).toDouble(10000));
            f.size = static_cast<qint64>(fo.value(QLatin1String("size")).toDouble(static_cast<double>(f.rows) * 3157));
            f.seconds = fo.value(QLatin1String("seconds")).toDouble(30);
            if (f.seconds <= 0) {
                *error = QStringLiteral("job %1, file %2: \"seconds\" must be > 0").arg(j.id).arg(j.files.size());
                return false;
            }
            j.files << f;
        }
        if (j.files.isEmpty()) {
            *error = QStringLiteral("job %1 has no files").arg(j.id);
            return false;
        }
        s.jobs << j;
        ++index;
    }
    for (const QJsonValue &fv : o.value(QLatin1String("faults")).toArray())
        s.faults << faultFromJson(fv.toObject());
    *out = s;
    return true;
}

bool SimScenario::fromName(const QString &name, SimScenario *out, QString *error)
{
    if (name == QLatin1String("demo")) {
        *out = demo();
        return true;
    }
    if (name == QLatin1String("empty")) {
        *out = SimScenario();
        return true;
    }
    if (name.startsWith(QLatin1String("load:"))) {
        const QStringList plus = name.mid(5).split(QLatin1Char('+'));
        const QStringList nm = plus.value(0).split(QLatin1Char('x'));
        bool okJobs = false, okFiles = false, okFinished = plus.size() < 2;
        const int jobs = nm.value(0).toInt(&okJobs);
        const int files = nm.value(1).toInt(&okFiles);
        const int finished = plus.size() < 2 ? 0 : plus.value(1).toInt(&okFinished);
        if (plus.size() > 2 || nm.size() != 2 || !okJobs || !okFiles || !okFinished || jobs < 0 || files < 1 || finished < 0) {
            *error = QStringLiteral("--scenario load:JOBSxFILES[+FINISHED] takes whole numbers (e.g. load:200x1024+1000), not '%1'").arg(name);
            return false;
        }
        *out = load(jobs, files, finished);
        return true;
    }
    QFile f(name);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read scenario file %1: %2").arg(name, f.errorString());
        return false;
    }
    QString why;
    if (!fromJson(f.readAll(), out, &why)) {
        *error = name + QStringLiteral(": ") + why;
        return false;
    }
    return true;
}
