#pragma once
// Where desktop notifications go: the freedesktop notification service, the tray, or (in tests) a counter.

#include <QObject>
#include <QStringList>

struct Notification
{
    enum class Kind { Completed, Failed, Expired, ConnectionLost, ConnectionBack };
    Kind kind = Kind::Completed;
    QString title;
    QString body;
    QStringList jobKeys; // what clicking it opens (the first)
};

class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual bool isAvailable() const = 0;
    virtual void show(const Notification &n) = 0;

Q_SIGNALS:
    void activated(const QString &jobKey); // the user clicked a notification about this job
};
