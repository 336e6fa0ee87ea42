#pragma once
// Where desktop notifications go: the freedesktop notification service, the tray, or (in tests) a counter.

#include <QObject>
#include <QStringList>

struct Notification
{
    enum class Kind { Completed, Failed, Expired, ConnectionLost, ConnectionBack, Stalled, Searchable, IndexFailed };
    Kind kind = Kind::Completed;
    QString title;
    QString body;
    QStringList jobKeys; // what clicking it opens (the first)
    QStringList actions; // besides Show: pairs of action id and label, e.g. "retry", "Retry"
};

class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual bool isAvailable() const = 0;
    virtual void show(const Notification &n) = 0;
    // Where a notification's Copy action puts its text: the desktop's clipboard (only a GUI notifier has one).
    virtual void copyText(const QString &text) { Q_UNUSED(text) }

Q_SIGNALS:
    void activated(const QString &jobKey); // the user clicked a notification about this job (or its Show)
    void actionInvoked(const QString &jobKey, const QString &action); // one of Notification::actions
};
