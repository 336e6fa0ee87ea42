#pragma once
// What the models and the notification layer need of a watcher: the jobs, their connections' names and the
// clock, and signals when something changes. ImportService is one; a test can be another.

#include "Connection.h"
#include "JobRecord.h"

#include <QObject>
#include <QVector>

class JobSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~JobSource() override = default;

    virtual QVector<JobRecord> jobs() const = 0;
    virtual const JobRecord *job(const QString &key) const = 0;
    virtual const Connection *connection(const QString &id) const = 0;
    virtual QDateTime now() const = 0;

Q_SIGNALS:
    void jobChanged(const JobRecord &record);
    void jobRemoved(const QString &key);
    void jobTransition(const JobRecord &record, JobState from, JobState to);
    // After the import: its collection moved a step (Building -> Searchable, -> IndexFailed, …); once per step.
    void collectionTransition(const JobRecord &record, CollectionPhase from, CollectionPhase to);
    void connectionsChanged();
};
