// Helper for tst_crashsafety: writes generation after generation of job records into a history database
// and says "committed N" after each transaction, until it is killed.

#include "HistoryStore.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    HistoryStore store;
    QString error;
    if (argc < 2 || !store.open(QString::fromLocal8Bit(argv[1]), &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    Connection c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Crash");
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    store.saveConnection(c);
    for (int generation = 1;; ++generation) {
        QVector<JobRecord> batch;
        for (int i = 0; i < 50; ++i) {
            JobRecord r;
            r.connectionId = c.id;
            r.job.jobId = QString::number(i);
            r.job.state = JobState::Running;
            r.job.progress = generation % 100;
            r.job.importedRows = generation;
            for (int f = 0; f < 20; ++f) {
                FileProgress fp;
                fp.fileName = QStringLiteral("[gen-%1/file-%2.parquet]").arg(generation).arg(f);
                r.job.files << fp;
            }
            batch << r;
        }
        if (!store.saveJobs(batch))
            return 2;
        fprintf(stdout, "committed %d\n", generation);
        fflush(stdout);
    }
}
